//! The rules of a catalog's gRPC keys. A catalog serves gRPC when it has a
//! `grpc-domain`; then every code has an `ErrorInfo` reason, unique in the
//! catalog, and a canonical gRPC code. The rules are Google's (AIP-193 for
//! reasons, `code.proto` for what each HTTP status stands for).

use std::collections::HashMap;

use errcodes_core::GrpcCode;
use heck::ToShoutySnakeCase;

use super::{Passed, PassedCode, check_word};
use crate::diagnostic::{Diagnostic, Document, Errors, Location, list};
use crate::keys;
use crate::spec::{WrittenNumber, WrittenText};

/// The longest reason AIP-193 allows.
pub(crate) const MAX_REASON: usize = 63;

/// What passed of the catalog's gRPC keys.
pub(crate) struct PassedGrpc<'s> {
    /// `None` when it was refused.
    pub(crate) domain: Option<&'s WrittenText>,
}

/// What passed of one code's gRPC facts; `None` for what was refused.
pub(crate) struct PassedGrpcCode {
    pub(crate) reason: Option<String>,
    pub(crate) code: Option<(GrpcCode, CodeSource)>,
}

/// Where a code's canonical gRPC code comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CodeSource {
    /// The entry's `grpc-code`, written here.
    Written(Location),
    /// The catalog's `grpc-codes`, for the code's status, written here.
    Table(Location),
    /// `code.proto`'s mapping of the code's status.
    Implied,
}

/// Applies the gRPC rules to what passed the others.
pub(super) fn check(passed: &mut Passed<'_>, errors: &mut Errors) {
    let spec = passed.spec;
    let Some(domain) = &spec.grpc_domain else {
        refuse_without_domain(passed, errors);
        return;
    };
    let table = check_table(&spec.grpc_codes, errors);
    let mut reasons: HashMap<String, (Location, String)> = HashMap::new();
    let mut unmapped: Vec<(u16, Vec<&PassedCode<'_>>)> = Vec::new();
    let mut facts = Vec::with_capacity(passed.codes.len());
    for entry in &passed.codes {
        let code = match canonical(entry, &table, errors) {
            Ok(code) => code,
            Err(status) => {
                match unmapped.iter_mut().find(|(s, _)| *s == status) {
                    Some((_, codes)) => codes.push(entry),
                    None => unmapped.push((status, vec![entry])),
                }
                None
            }
        };
        let reason = reason(entry, &mut reasons, errors);
        facts.push(PassedGrpcCode { reason, code });
    }
    for (status, codes) in unmapped {
        report_unmapped(status, &codes, errors);
    }
    for (entry, facts) in passed.codes.iter_mut().zip(facts) {
        entry.grpc = Some(facts);
    }
    passed.grpc = Some(PassedGrpc {
        domain: check_domain(domain, errors).then_some(domain),
    });
}

/// Without a `grpc-domain`, the other gRPC keys have nothing to belong to.
fn refuse_without_domain(passed: &Passed<'_>, errors: &mut Errors) {
    let spec = passed.spec;
    let help = "add `grpc-domain:` at the top of the catalog, with the domain of its gRPC errors' `ErrorInfo`, such as `grpc-domain: shop.example.com`";
    let needs = |what: &str, at: Location| {
        Diagnostic::new(format!("{what} needs the catalog's `grpc-domain`"), at).help(help)
    };
    if let Some((first, _)) = spec.grpc_codes.first() {
        errors.push(needs("`grpc-codes`", first.at));
    }
    for entry in &spec.codes {
        for (key, written) in [
            (keys::GRPC_REASON, &entry.grpc_reason),
            (keys::GRPC_CODE, &entry.grpc_code),
        ] {
            if let Some(written) = written {
                errors.push(needs(&format!("`{key}`"), written.at));
            }
        }
    }
    let google = |text: Option<&'_ WrittenText>| -> Option<Location> {
        text.filter(|text| text.value == errcodes_core::WireFormat::Google.as_str())
            .map(|text| text.at)
    };
    let formats =
        std::iter::once(&spec.wire_format).chain(spec.codes.iter().map(|c| &c.wire_format));
    for at in formats.filter_map(|format| google(format.as_ref())) {
        errors.push(
            needs("wire format `google`", at)
                .note("its bodies name the code by the `reason` and `domain` of an `ErrorInfo`"),
        );
    }
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

/// A code's canonical gRPC code: its own `grpc-code`, else the catalog's
/// for its status, else the one `code.proto` maps its status to. `Err`
/// with the status when none of them says, which the caller reports once
/// per status.
fn canonical(
    entry: &PassedCode<'_>,
    table: &[(u16, GrpcCode, Location)],
    errors: &mut Errors,
) -> Result<Option<(GrpcCode, CodeSource)>, u16> {
    if let Some(written) = &entry.spec.grpc_code {
        let Some(code) = check_word::<GrpcCode>(Some(written), keys::GRPC_CODE, errors) else {
            return Ok(None);
        };
        let fine = entry.status.is_none_or(|status| {
            let failure = format!("code `{}` fails with status {status}", entry.code.value);
            check_not_ok(status, code, written.at, &failure, errors)
        });
        return Ok(fine.then_some((code, CodeSource::Written(written.at))));
    }
    // A refused status was reported where it is written.
    let Some(status) = entry.status else {
        return Ok(None);
    };
    if let Some(&(_, code, at)) = table.iter().find(|(s, ..)| *s == status) {
        return Ok(Some((code, CodeSource::Table(at))));
    }
    match GrpcCode::for_status(status) {
        Some(code) => Ok(Some((code, CodeSource::Implied))),
        None => Err(status),
    }
}

/// One error per status that gives no gRPC code, at its first code.
fn report_unmapped(status: u16, codes: &[&PassedCode<'_>], errors: &mut Errors) {
    let Some(first) = codes.first() else { return };
    let at = first.spec.status.map_or(first.code.at, |s| s.at);
    let (message, choices) = match names(GrpcCode::for_http(status)) {
        Some(candidates) => (
            format!(
                "status {status} stands for {} in gRPC, so code `{}` must say which",
                alternatives(&candidates),
                first.code.value
            ),
            candidates,
        ),
        None => (
            format!(
                "status {status} has no gRPC code in `code.proto`, so code `{}` must name one",
                first.code.value
            ),
            vec!["FAILED_PRECONDITION", "INTERNAL"],
        ),
    };
    let mut diagnostic = Diagnostic::new(message, at);
    if codes.len() > 1 {
        // A few are enough to recognise; a large catalog has hundreds.
        const SHOWN: usize = 8;
        let others = &codes[1..];
        let mut named: Vec<String> = others
            .iter()
            .take(SHOWN)
            .map(|c| format!("`{}`", c.code.value))
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
    entry: &PassedCode<'_>,
    seen: &mut HashMap<String, (Location, String)>,
    errors: &mut Errors,
) -> Option<String> {
    let (reason, at) = match &entry.spec.grpc_reason {
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
            (written.value.clone(), written.at)
        }
        None => match derive_reason(&entry.code.value, &entry.name) {
            Ok(reason) => (reason, entry.code.at),
            Err(tried) => {
                errors.push(
                    Diagnostic::new(
                        format!("no gRPC reason can be derived for code `{}`", entry.code.value),
                        entry.code.at,
                    )
                    .note(tried)
                    .help("add `grpc-reason:` to the entry, in UPPER_SNAKE_CASE, such as `grpc-reason: RATE_LIMITED`"),
                );
                return None;
            }
        },
    };
    if let Some((first, code)) = seen.get(&reason) {
        errors.push(
            Diagnostic::new(
                format!(
                    "gRPC reason `{reason}` of code `{}` is already the reason of `{code}`",
                    entry.code.value
                ),
                at,
            )
            .note_at(
                Document::Catalog,
                *first,
                format!("`{code}` has reason `{reason}` here"),
            )
            .help(
                "reasons identify codes within the domain: give one of them its own `grpc-reason:`",
            ),
        );
        return None;
    }
    seen.insert(reason.clone(), (at, entry.code.value.clone()));
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
