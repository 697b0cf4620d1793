//! The rules of a catalog's gRPC keys. A catalog serves gRPC when it has a
//! `grpc-domain`; then every code has an `ErrorInfo` reason, unique in the
//! catalog, and a canonical gRPC code. The rules are Google's (AIP-193 for
//! reasons, `code.proto` for what each HTTP status stands for).

use std::collections::HashMap;

use errcodes_core::{GrpcCode, WireFormat};
use heck::ToShoutySnakeCase;

use super::check_word;
use crate::defaults::stand_in;
use crate::diagnostic::{Diagnostic, Document, Errors, Location, list};
use crate::keys;
use crate::model::{CheckedGrpc, Located, Provenance};
use crate::spec::{Mapping, WrittenNumber, WrittenText};
use crate::yaml::{Node, Value};

/// The longest reason AIP-193 allows.
pub(crate) const MAX_REASON: usize = 63;

/// How to serve gRPC, when the catalog's `grpc-domain` is missing.
const NEEDS_DOMAIN: &str = "add `grpc-domain:` at the top of the catalog, with the domain of its gRPC errors' `ErrorInfo`, such as `grpc-domain: shop.example.com`";

/// What passed of the catalog's gRPC keys.
pub(crate) struct Catalog {
    /// `grpc-domain` as written, and whether it passed; `None` when the
    /// catalog does not serve gRPC.
    domain: Option<(WrittenText, bool)>,
    /// `grpc-codes`, as it passed: each status's code, and where it is
    /// written.
    table: Vec<(u16, GrpcCode, Location)>,
}

impl Catalog {
    /// Reads and checks `grpc-domain` and `grpc-codes`.
    pub(crate) fn read(top: &Mapping<'_>, errors: &mut Errors) -> Self {
        let table = top
            .get(&keys::catalog::GRPC_CODES)
            .map(|node| read_table(node, errors))
            .unwrap_or_default();
        let Some(domain) = top.text(&keys::catalog::GRPC_DOMAIN, errors) else {
            if let Some((first, _)) = table.first() {
                errors.push(needs("`grpc-codes`", first.at));
            }
            return Catalog {
                domain: None,
                table: Vec::new(),
            };
        };
        let passed = check_domain(&domain, errors);
        Catalog {
            domain: Some((domain, passed)),
            table: check_table(&table, errors),
        }
    }

    /// The catalog's `grpc-domain` for the model: a stand-in when refused.
    pub(crate) fn domain(&self) -> Option<Located<String>> {
        self.domain.as_ref().map(|(domain, passed)| {
            if *passed {
                Located::written(domain.value.clone(), domain.at)
            } else {
                stand_in(String::new())
            }
        })
    }

    /// A wire format of `google` names codes by their `ErrorInfo`, which
    /// needs the catalog's `grpc-domain`.
    pub(crate) fn check_format(&self, format: Option<&WrittenText>, errors: &mut Errors) {
        let google = format.filter(|text| text.value == WireFormat::Google.as_str());
        if let (None, Some(format)) = (&self.domain, google) {
            errors.push(
                needs("wire format `google`", format.at).note(
                    "its bodies name the code by the `reason` and `domain` of an `ErrorInfo`",
                ),
            );
        }
    }

    /// A code's gRPC facts: `None` when the catalog does not serve gRPC.
    pub(crate) fn code(
        &self,
        code: &WrittenText,
        name: &str,
        status: &Located<u16>,
        written: &Written,
        seen: &mut Seen,
        errors: &mut Errors,
    ) -> Option<CheckedGrpc> {
        self.domain.as_ref()?;
        // A refused status was reported where it is written.
        let status =
            (!status.is_stand_in()).then(|| (status.value, status.at().unwrap_or(code.at)));
        let grpc_code = match self.canonical(code, status, written.code.as_ref(), errors) {
            Ok(Some(grpc_code)) => grpc_code,
            Ok(None) => stand_in(GrpcCode::Unknown),
            Err((status, at)) => {
                seen.unmapped(status, at, &code.value);
                stand_in(GrpcCode::Unknown)
            }
        };
        let reason = reason(
            code,
            name,
            written.reason.as_ref(),
            &mut seen.reasons,
            errors,
        )
        .unwrap_or_else(|| stand_in(code.value.clone()));
        Some(CheckedGrpc { reason, grpc_code })
    }

    /// A code's canonical gRPC code: its own `grpc-code`, else the
    /// catalog's for its status, else the one `code.proto` maps its status
    /// to. `Err` with the status when none of them says, which is reported
    /// once per status.
    fn canonical(
        &self,
        code: &WrittenText,
        status: Option<(u16, Location)>,
        written: Option<&WrittenText>,
        errors: &mut Errors,
    ) -> Result<Option<Located<GrpcCode>>, (u16, Location)> {
        if let Some(written) = written {
            let Some(grpc_code) =
                check_word::<GrpcCode>(Some(written), keys::code::GRPC_CODE.name, errors)
            else {
                return Ok(None);
            };
            let fine = status.is_none_or(|(status, _)| {
                let failure = format!("code `{}` fails with status {status}", code.value);
                check_not_ok(status, grpc_code, written.at, &failure, errors)
            });
            return Ok(fine.then(|| Located::written(grpc_code, written.at)));
        }
        let Some((status, at)) = status else {
            return Ok(None);
        };
        if let Some(&(_, grpc_code, table_at)) = self.table.iter().find(|(s, ..)| *s == status) {
            return Ok(Some(Located {
                value: grpc_code,
                from: Provenance::Defaults(table_at),
            }));
        }
        match GrpcCode::for_status(status) {
            Some(grpc_code) => Ok(Some(Located::derived(grpc_code))),
            None => Err((status, at)),
        }
    }
}

/// A code's gRPC keys, as written.
pub(crate) struct Written {
    reason: Option<WrittenText>,
    code: Option<WrittenText>,
}

impl Written {
    /// Reads `grpc-reason` and `grpc-code`, which need the catalog's
    /// `grpc-domain`.
    pub(crate) fn read(entry: &Mapping<'_>, catalog: &Catalog, errors: &mut Errors) -> Self {
        let written = Written {
            reason: entry.text(&keys::code::GRPC_REASON, errors),
            code: entry.text(&keys::code::GRPC_CODE, errors),
        };
        if catalog.domain.is_none() {
            for (key, text) in [
                (keys::code::GRPC_REASON.name, &written.reason),
                (keys::code::GRPC_CODE.name, &written.code),
            ] {
                if let Some(text) = text {
                    errors.push(needs(&format!("`{key}`"), text.at));
                }
            }
        }
        written
    }
}

/// The reasons and statuses of the codes seen so far.
#[derive(Default)]
pub(crate) struct Seen {
    /// Each reason, where it is, and its code.
    reasons: HashMap<String, (Location, String)>,
    /// Each status that no rule gives a gRPC code, with its codes: where
    /// each one's status is, and the code.
    unmapped: Vec<(u16, Vec<(Location, String)>)>,
}

impl Seen {
    /// Notes that `code`, whose status is written at `at`, has a status
    /// that no rule gives a gRPC code.
    fn unmapped(&mut self, status: u16, at: Location, code: &str) {
        if let Some((_, codes)) = self.unmapped.iter_mut().find(|(s, _)| *s == status) {
            codes.push((at, code.to_owned()));
        } else {
            self.unmapped.push((status, vec![(at, code.to_owned())]));
        }
    }

    /// Reports the statuses without a gRPC code, once each.
    pub(crate) fn finish(self, errors: &mut Errors) {
        for (status, codes) in self.unmapped {
            report_unmapped(status, &codes, errors);
        }
    }
}

fn needs(what: &str, at: Location) -> Diagnostic {
    Diagnostic::new(format!("{what} needs the catalog's `grpc-domain`"), at).help(NEEDS_DOMAIN)
}

/// The domain names the service, as in `pubsub.googleapis.com`: a DNS
/// name in lowercase, which clients compare byte for byte.
fn check_domain(domain: &WrittenText, errors: &mut Errors) -> bool {
    let text = &domain.value;
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let problem = if text.is_empty() {
        "`grpc-domain` is empty".to_owned()
    } else if text.len() > 253 {
        format!(
            "`grpc-domain` is {} bytes long, more than a DNS name's 253",
            text.len()
        )
    } else if text.split('.').all(label_ok) {
        return true;
    } else {
        format!("`grpc-domain` `{text}` is not a DNS name in lowercase")
    };
    errors.push(Diagnostic::new(problem, domain.at).help(
        "use the service's registered name, in lowercase letters, digits, `-` and `.`, such as `shop.example.com`",
    ));
    false
}

/// Reads `grpc-codes`, a mapping from HTTP status to gRPC code name.
fn read_table(node: &Node, errors: &mut Errors) -> Vec<(WrittenNumber, WrittenText)> {
    let example = "under `grpc-codes:`, write one status and its gRPC code per line, as in `400: INVALID_ARGUMENT`";
    let Value::Map(pairs) = &node.value else {
        if node.value != Value::Null {
            errors.push(
                Diagnostic::new(
                    format!(
                        "`grpc-codes` must map HTTP statuses to gRPC codes, found {}",
                        node.value.kind()
                    ),
                    node.at,
                )
                .help(example),
            );
        }
        return Vec::new();
    };
    let mut read: Vec<(WrittenNumber, WrittenText)> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        let Value::Int(status) = key.value else {
            errors.push(
                Diagnostic::new(
                    format!(
                        "the keys of `grpc-codes` are HTTP statuses, found {}",
                        key.value.kind()
                    ),
                    key.at,
                )
                .help(example),
            );
            continue;
        };
        if let Some((first, _)) = read.iter().find(|(written, _)| written.value == status) {
            errors.push(
                Diagnostic::new(
                    format!("status {status} is mapped twice in `grpc-codes`"),
                    key.at,
                )
                .note_at(Document::Catalog, first.at, "it is first mapped here")
                .help("keep one of them"),
            );
            continue;
        }
        if value.value == Value::Null {
            errors.push(
                Diagnostic::new(
                    format!("status {status} has no gRPC code in `grpc-codes`"),
                    key.at,
                )
                .help("give the canonical code it stands for, such as `INVALID_ARGUMENT`"),
            );
            continue;
        }
        let Some(code) = crate::spec::text(value, keys::catalog::GRPC_CODES.name, errors) else {
            continue;
        };
        read.push((
            WrittenNumber {
                value: status,
                at: key.at,
            },
            code,
        ));
    }
    read
}

/// `grpc-codes` maps real HTTP statuses to canonical codes; a failure
/// cannot be `OK`.
fn check_table(
    table: &[(WrittenNumber, WrittenText)],
    errors: &mut Errors,
) -> Vec<(u16, GrpcCode, Location)> {
    let mut passed = Vec::with_capacity(table.len());
    for (status, code) in table {
        let Some(status_value) = u16::try_from(status.value)
            .ok()
            .filter(|s| (100..=599).contains(s))
        else {
            errors.push(
                Diagnostic::new(
                    format!("status {} is not an HTTP status", status.value),
                    status.at,
                )
                .help("the keys of `grpc-codes` are statuses in 100..=599, such as 400"),
            );
            continue;
        };
        let Some(grpc) = check_word::<GrpcCode>(Some(code), "gRPC code", errors) else {
            continue;
        };
        let failure = format!("status {status_value} is a failure");
        if !check_not_ok(status_value, grpc, code.at, &failure, errors) {
            continue;
        }
        passed.push((status_value, grpc, code.at));
    }
    passed
}

/// A failure is an error over gRPC too: `OK` would make it a success.
/// `failure` says what fails, as in "status 500 is a failure".
fn check_not_ok(
    status: u16,
    code: GrpcCode,
    at: Location,
    failure: &str,
    errors: &mut Errors,
) -> bool {
    if status < 400 || code != GrpcCode::Ok {
        return true;
    }
    let choices = names(GrpcCode::for_http(status))
        .unwrap_or_else(|| vec!["FAILED_PRECONDITION", "INTERNAL"]);
    errors.push(
        Diagnostic::new(format!("{failure}, so its gRPC code cannot be `OK`"), at).help(format!(
            "use the canonical code of the failure, such as {}",
            alternatives(&choices)
        )),
    );
    false
}

fn names(codes: &[GrpcCode]) -> Option<Vec<&'static str>> {
    (!codes.is_empty()).then(|| codes.iter().map(|c| c.as_str()).collect())
}

/// One error per status that gives no gRPC code, at its first code.
fn report_unmapped(status: u16, codes: &[(Location, String)], errors: &mut Errors) {
    let Some((at, first)) = codes.first() else {
        return;
    };
    let (message, choices) = match names(GrpcCode::for_http(status)) {
        Some(candidates) => (
            format!(
                "status {status} stands for {} in gRPC, so code `{first}` must say which",
                alternatives(&candidates),
            ),
            candidates,
        ),
        None => (
            format!(
                "status {status} has no gRPC code in `code.proto`, so code `{first}` must name one"
            ),
            vec!["FAILED_PRECONDITION", "INTERNAL"],
        ),
    };
    let mut diagnostic = Diagnostic::new(message, *at);
    if codes.len() > 1 {
        // A few are enough to recognise; a large catalog has hundreds.
        const SHOWN: usize = 8;
        let others = &codes[1..];
        let mut named: Vec<String> = others
            .iter()
            .take(SHOWN)
            .map(|(_, code)| format!("`{code}`"))
            .collect();
        if others.len() > SHOWN {
            named.push(format!("{} more", others.len() - SHOWN));
        }
        let named = match named.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => named.concat(),
        };
        diagnostic = diagnostic.note(format!(
            "{} more code{} with status {status}: {named}",
            others.len(),
            if others.len() == 1 { "" } else { "s" },
        ));
    }
    errors.push(diagnostic.help(format!(
        "map the status once for the catalog, as in `grpc-codes: {{{status}: {}}}`, or add `grpc-code:` to each entry",
        choices[0]
    )));
}

/// `a`, `b` or `c`.
fn alternatives(words: &[&str]) -> String {
    let joined = list(words);
    match joined.rfind(" and ") {
        Some(at) => format!("{} or {}", &joined[..at], &joined[at + 5..]),
        None => joined,
    }
}

/// A code's reason: its own `grpc-reason`, else its code in
/// `UPPER_SNAKE_CASE`, else its variant name so; unique in the catalog.
fn reason(
    code: &WrittenText,
    name: &str,
    written: Option<&WrittenText>,
    seen: &mut HashMap<String, (Location, String)>,
    errors: &mut Errors,
) -> Option<Located<String>> {
    let reason = match written {
        Some(written) => {
            if let Some(problem) = reason_problem(&written.value) {
                let suggestion = written.value.to_shouty_snake_case();
                let help = if reason_problem(&suggestion).is_none() {
                    format!("write it in UPPER_SNAKE_CASE, as in `grpc-reason: {suggestion}`")
                } else {
                    "write it in UPPER_SNAKE_CASE, as in `grpc-reason: RATE_LIMITED`".to_owned()
                };
                errors.push(
                    Diagnostic::new(
                        format!("invalid `grpc-reason` `{}`: {problem}", written.value),
                        written.at,
                    )
                    .help(help),
                );
                return None;
            }
            Located::written(written.value.clone(), written.at)
        }
        None => match derive_reason(&code.value, name) {
            Ok(reason) => Located::derived(reason),
            Err(tried) => {
                errors.push(
                    Diagnostic::new(
                        format!("no gRPC reason can be derived for code `{}`", code.value),
                        code.at,
                    )
                    .note(tried)
                    .help("add `grpc-reason:` to the entry, in UPPER_SNAKE_CASE, such as `grpc-reason: RATE_LIMITED`"),
                );
                return None;
            }
        },
    };
    let at = reason.at().unwrap_or(code.at);
    if let Some((first, first_code)) = seen.get(&reason.value) {
        errors.push(
            Diagnostic::new(
                format!(
                    "gRPC reason `{}` of code `{}` is already the reason of `{first_code}`",
                    reason.value, code.value
                ),
                at,
            )
            .note_at(
                Document::Catalog,
                *first,
                format!("`{first_code}` has reason `{}` here", reason.value),
            )
            .help(
                "reasons identify codes within the domain: give one of them its own `grpc-reason:`",
            ),
        );
        return None;
    }
    seen.insert(reason.value.clone(), (at, code.value.clone()));
    Some(reason)
}

/// The reason derived from a code, or else from its variant name; `Err`
/// says why neither works.
pub(crate) fn derive_reason(code: &str, name: &str) -> Result<String, String> {
    let from_code = code.to_shouty_snake_case();
    if reason_problem(&from_code).is_none() {
        return Ok(from_code);
    }
    let from_name = name.to_shouty_snake_case();
    match reason_problem(&from_name) {
        None => Ok(from_name),
        Some(problem) if from_name == from_code => Err(format!(
            "`{from_code}`, from the code and the variant name, is not a reason: {problem}"
        )),
        Some(problem) => Err(format!(
            "neither `{from_code}`, from the code, nor `{from_name}`, from the variant name, is a reason: {problem}"
        )),
    }
}

/// Why `reason` breaks AIP-193's rule, `[A-Z][A-Z0-9_]+[A-Z0-9]` and at
/// most 63 characters; `None` when it follows it.
pub(crate) fn reason_problem(reason: &str) -> Option<String> {
    let bytes = reason.as_bytes();
    Some(match (bytes.first(), bytes.last()) {
        _ if bytes.len() < 3 => format!(
            "a reason has at least 3 characters, `{reason}` has {}",
            reason.chars().count()
        ),
        _ if bytes.len() > MAX_REASON => format!(
            "a reason has at most {MAX_REASON} characters, this one has {}",
            reason.chars().count()
        ),
        (Some(first), _) if !first.is_ascii_uppercase() => {
            "a reason starts with an uppercase letter".to_owned()
        }
        (_, Some(last)) if !(last.is_ascii_uppercase() || last.is_ascii_digit()) => {
            "a reason ends with an uppercase letter or a digit".to_owned()
        }
        _ if !bytes
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') =>
        {
            "a reason has only uppercase letters, digits and `_`".to_owned()
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_follow_aip_193() {
        for good in ["RATE_LIMITED", "E1X", "A_9", &"X".repeat(63)] {
            assert_eq!(reason_problem(good), None, "{good}");
        }
        for bad in [
            "",
            "AB",
            "rate_limited",
            "_AB",
            "AB_",
            "9AB",
            "A-B",
            "ÉTAT",
            &"X".repeat(64),
        ] {
            assert!(reason_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn reasons_come_from_the_code_then_the_name() {
        assert_eq!(
            derive_reason("too_many_requests", "TooManyRequests").unwrap(),
            "TOO_MANY_REQUESTS"
        );
        assert_eq!(
            derive_reason("UpstreamError", "UpstreamError").unwrap(),
            "UPSTREAM_ERROR"
        );
        assert_eq!(derive_reason("6000-200", "Success").unwrap(), "SUCCESS");
        assert_eq!(derive_reason("HV000", "Hv000").unwrap(), "HV000");
        assert!(derive_reason("9", "Ok").is_err());
    }
}
