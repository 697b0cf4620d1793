//! The rules a catalog must follow. Each `check_*` function enforces one
//! rule: it reports every breach and returns what passed, nothing more.
//! Defaults and stand-ins are `lower.rs`'s business.
//!
//! Checking goes on after a mistake, so one compile shows them all. A rule
//! whose input was already reported as wrong stays quiet: one mistake, one
//! error.

mod grpc;

use std::collections::HashMap;
use std::str::FromStr;

use errcodes_core::{
    Action, Origin, Outcome, ProblemCode, Severity, UnknownWord, WireFormat, meta,
};

use crate::diagnostic::{Diagnostic, Document, Errors, Location, closest, list};
use crate::keys;
use crate::lint::Lint;
use crate::names;
use crate::shape::{CodeShape, Fit};
use crate::spec::{self, CodeSpec, DomainSpec, Identifier, Spec, WrittenNumber, WrittenText};
use crate::yaml11;

pub(crate) use self::grpc::{CodeSource, PassedGrpc, PassedGrpcCode};

/// The most codes a catalog may have: positions are 16 bits.
pub(crate) const MAX_CODES: usize = 1 << 16;

/// What passed the rules, as written: nothing defaulted. Where a value
/// was written is read from `spec`.
pub(crate) struct Passed<'s> {
    pub(crate) spec: &'s Spec,
    pub(crate) name: Option<&'s WrittenText>,
    pub(crate) code_formats: Vec<&'s WrittenText>,
    pub(crate) wire_format: Option<WireFormat>,
    pub(crate) problem_type: Option<&'s WrittenText>,
    pub(crate) problem_code: Option<ProblemCode>,
    pub(crate) help_url: Option<&'s WrittenText>,
    pub(crate) defaults: PassedClasses,
    pub(crate) allow: Vec<(Lint, Location)>,
    pub(crate) domains: Vec<&'s DomainSpec>,
    /// The entries that become variants: a valid, unique code and name.
    pub(crate) codes: Vec<PassedCode<'s>>,
    /// The codes, as written, of entries refused for a mistake.
    pub(crate) refused: Vec<&'s str>,
    /// What passed of the gRPC keys, when the catalog has a `grpc-domain`.
    pub(crate) grpc: Option<PassedGrpc<'s>>,
}

/// A code entry that passed.
pub(crate) struct PassedCode<'s> {
    pub(crate) spec: &'s CodeSpec,
    pub(crate) code: &'s WrittenText,
    pub(crate) name: String,
    /// `None` when missing or wrong, which was reported.
    pub(crate) status: Option<u16>,
    pub(crate) classes: PassedClasses,
    pub(crate) domain: Option<usize>,
    pub(crate) wire_format: Option<WireFormat>,
    /// The position in [`Passed::codes`] of the code that replaces it.
    pub(crate) replaced_by: Option<usize>,
    pub(crate) allow: Vec<(Lint, Location)>,
    /// Its gRPC facts, when the catalog has a `grpc-domain`.
    pub(crate) grpc: Option<PassedGrpcCode>,
}

/// The classifications, read as the runtime's vocabulary.
#[derive(Clone, Copy, Default)]
pub(crate) struct PassedClasses {
    pub(crate) action: Option<Action>,
    pub(crate) severity: Option<Severity>,
    pub(crate) outcome: Option<Outcome>,
    pub(crate) origin: Option<Origin>,
}

/// The declared domains: the ones that passed, and the ids of the ones that
/// did not, which codes may still name without a second error.
struct Domains<'s> {
    passed: Vec<&'s DomainSpec>,
    refused: Vec<&'s str>,
}

/// Where a code or variant name was first used.
struct First {
    at: Location,
    /// The other half of the entry: its name for a code, its code for a
    /// name; `None` when that half was wrong.
    other: Option<String>,
}

/// Applies every rule to a catalog as written.
pub(crate) fn check<'s>(spec: &'s Spec, errors: &mut Errors) -> Passed<'s> {
    let shapes = check_code_formats(&spec.code_formats, errors);
    let mut domains = check_domains(&spec.domains, errors);
    domains
        .refused
        .extend(spec.unread_domain_ids.iter().map(String::as_str));
    check_code_count(spec, errors);
    let mut checked = Passed {
        spec,
        name: spec
            .name
            .as_ref()
            .filter(|name| check_type_name(name, errors)),
        code_formats: shapes.iter().map(|(_, text)| *text).collect(),
        wire_format: check_word(spec.wire_format.as_ref(), keys::WIRE_FORMAT, errors),
        problem_type: spec
            .problem_type
            .as_ref()
            .filter(|template| check_uri_template(template, keys::PROBLEM_TYPE, errors)),
        problem_code: check_word(spec.problem_code.as_ref(), keys::PROBLEM_CODE, errors)
            .filter(|&place| check_problem_code(spec, place, errors)),
        help_url: spec
            .help_url
            .as_ref()
            .filter(|template| check_uri_template(template, keys::HELP_URL, errors)),
        defaults: check_classes(&spec.defaults, errors),
        allow: check_lint_names(&spec.allow, errors),
        domains: Vec::new(),
        codes: Vec::with_capacity(spec.codes.len()),
        refused: Vec::new(),
        grpc: None,
    };
    let mut codes: HashMap<&str, First> = HashMap::with_capacity(spec.codes.len());
    let mut names: HashMap<String, First> = HashMap::with_capacity(spec.codes.len());
    for entry in &spec.codes {
        let code = entry.code.as_ref().filter(|code| {
            check_code_text(code, errors) && check_quoting(code, Identifier::Code, errors)
        });
        let status = entry.status.and_then(|status| check_status(status, errors));
        if let Some(code) = code {
            // Against a status that passed its own rule.
            let status = entry.status.filter(|_| status.is_some());
            check_code_format(code, status, &shapes, errors);
        }
        check_title(entry, errors);
        check_deprecation(entry, errors);
        let domain = entry
            .domain
            .as_ref()
            .and_then(|domain| check_domain_reference(domain, &domains, errors));
        let classes = check_classes(&entry.classes, errors);
        let wire_format = check_word(entry.wire_format.as_ref(), keys::WIRE_FORMAT, errors);
        let allow = check_lint_names(&entry.allow, errors);
        let name = check_variant_name(entry, code, errors);
        let passed = code.filter(|code| {
            check_unique_code(code, name.as_deref(), &mut codes, errors)
                && name
                    .as_ref()
                    .is_some_and(|name| check_unique_name(name, entry, code, &mut names, errors))
        });
        let (Some(code), Some(name)) = (passed, name) else {
            if let Some(code) = &entry.code {
                checked.refused.push(&code.value);
            }
            continue;
        };
        checked.codes.push(PassedCode {
            spec: entry,
            code,
            name,
            status,
            classes,
            domain,
            wire_format,
            replaced_by: None,
            allow,
            grpc: None,
        });
    }
    checked.domains = domains.passed;
    check_replacements(&mut checked, errors);
    grpc::check(&mut checked, errors);
    checked
}

/// The catalog's `name` becomes the enum's name, so it must be an
/// UpperCamelCase Rust identifier.
fn check_type_name(name: &WrittenText, errors: &mut Errors) -> bool {
    let Err(problem) = names::check(&name.value) else {
        return true;
    };
    let (message, help) = problem.explain(&name.value);
    errors.push(
        Diagnostic::new(format!("{message}, so it cannot name the enum"), name.at).help(help),
    );
    false
}

/// `problem-type` and `help-url` are URIs for every code, with the code
/// in place of `{code}` if the code goes there, so each holds `{code}` at
/// most once, and no character that cannot be in a URI reference.
fn check_uri_template(template: &WrittenText, key: &str, errors: &mut Errors) -> bool {
    let text = &template.value;
    let problem = if text.matches("{code}").count() > 1 {
        format!("`{key}` must contain `{{code}}` at most once, where the code goes")
    } else if text.is_empty() {
        format!("`{key}` is empty")
    } else if text.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '|')
    }) {
        format!("`{key}` must be a URI reference: no spaces, quotes or angle brackets")
    } else {
        return true;
    };
    errors.push(Diagnostic::new(problem, template.at).help(format!(
        "write it like `{key}: \"https://example.com/errors/{{code}}\"`"
    )));
    false
}

/// A problem carries its code where `problem-code` says: in `type` only if
/// `problem-type` has a place for it, and in `title` only if there is a
/// `problem-type`, since an `about:blank` problem's title is its status
/// phrase (RFC 9457, section 4.2.1).
fn check_problem_code(spec: &Spec, place: ProblemCode, errors: &mut Errors) -> bool {
    let Some(at) = spec.problem_code.as_ref().map(|text| text.at) else {
        return true;
    };
    let template = spec.problem_type.as_ref().map(|t| t.value.as_str());
    let (message, help) = match (place, template) {
        (ProblemCode::Type, Some(template)) if template.contains("{code}") => return true,
        (ProblemCode::Type, _) => (
            "`problem-code: type` needs `{code}` in `problem-type`",
            "write the URI with `{code}` where the code goes, as in `problem-type: \"https://example.com/errors/{code}\"`",
        ),
        (ProblemCode::Title, None) => (
            "`problem-code: title` needs a `problem-type`",
            "without one, problems are `about:blank`, whose title is the status phrase; set `problem-type`, or use `problem-code: member`",
        ),
        (ProblemCode::Title | ProblemCode::Member, _) => return true,
    };
    errors.push(Diagnostic::new(message, at).help(help));
    false
}

/// Each `code-format` must be a template or a known case name.
fn check_code_formats<'s>(
    formats: &'s [WrittenText],
    errors: &mut Errors,
) -> Vec<(CodeShape, &'s WrittenText)> {
    let mut checked = Vec::with_capacity(formats.len());
    for format in formats {
        match CodeShape::parse(&format.value) {
            Ok(shape) => checked.push((shape, format)),
            Err(message) => errors.push(
                Diagnostic::new(format!("invalid code-format: {message}"), format.at)
                    .help("see the `code-format` section of specs/FORMAT.md"),
            ),
        }
    }
    checked
}

/// Domain ids are what codes refer to, so each reads the same to every
/// YAML reader and is declared once; each has a title for documentation;
/// and there may not be more than the metadata layout can index.
fn check_domains<'s>(domains: &'s [DomainSpec], errors: &mut Errors) -> Domains<'s> {
    let mut checked = Domains {
        passed: Vec::with_capacity(domains.len()),
        refused: Vec::new(),
    };
    for domain in domains {
        let id = &domain.id;
        if !check_quoting(id, Identifier::DomainId, errors) {
            checked.refused.push(&id.value);
            continue;
        }
        if let Some(first) = checked.passed.iter().find(|d| d.id.value == id.value) {
            errors.push(
                Diagnostic::new(format!("domain `{}` is declared twice", id.value), id.at)
                    .note_at(Document::Catalog, first.id.at, "it is first declared here")
                    .help("keep one of the declarations"),
            );
            continue;
        }
        if domain.title.is_none() {
            errors.push(
                Diagnostic::new(format!("domain `{}` has no `title`", id.value), id.at).help(
                    format!("write `{0}: {{title: …}}`, or `{0}: <title>`", id.value),
                ),
            );
            checked.refused.push(&id.value);
            continue;
        }
        checked.passed.push(domain);
    }
    if let Some(first_over) = checked.passed.get(meta::MAX_DOMAINS) {
        errors.push(Diagnostic::new(
            format!(
                "{} domains are declared, more than the limit of {}",
                checked.passed.len(),
                meta::MAX_DOMAINS
            ),
            first_over.id.at,
        ));
    }
    checked
}

/// A catalog has at most [`MAX_CODES`] codes: positions are 16 bits.
fn check_code_count(spec: &Spec, errors: &mut Errors) {
    if spec.codes.len() > MAX_CODES {
        errors.push(
            Diagnostic::new(
                format!(
                    "the catalog has {} codes, more than the limit of {MAX_CODES}",
                    spec.codes.len()
                ),
                spec.codes_at,
            )
            .help("split the codes into several catalogs"),
        );
    }
}

/// A code is an identifier sent on the wire: it must not be empty or absurdly
/// long, and must not carry stray whitespace or control characters.
fn check_code_text(code: &WrittenText, errors: &mut Errors) -> bool {
    let text = &code.value;
    let (message, help) = if text.is_empty() {
        ("the code is empty".to_owned(), "give the code a value")
    } else if text.len() > usize::from(u16::MAX) {
        (
            format!(
                "the code is {} bytes long, more than the limit of {}",
                text.len(),
                u16::MAX
            ),
            "codes are identifiers; shorten it",
        )
    } else if text.trim() != text {
        (
            format!("code `{text}` has leading or trailing whitespace"),
            "remove it",
        )
    } else if text.chars().any(char::is_control) {
        (
            format!("code {text:?} contains a control character"),
            "remove it",
        )
    } else {
        return true;
    };
    errors.push(Diagnostic::new(message, code.at).help(help));
    false
}

/// Identifiers are kept exactly as written, and must read the same to every
/// YAML reader. Unquoted values like `010` or `yes` are strings to
/// `serde_yaml` but a number and a boolean to YAML 1.1 readers, so they must
/// be quoted. (Values that no reader takes for a string are refused while
/// reading, in `spec.rs`.)
fn check_quoting(text: &WrittenText, what: Identifier, errors: &mut Errors) -> bool {
    let Some(reading) = text
        .plain
        .then(|| yaml11::other_reading(&text.value))
        .flatten()
    else {
        return true;
    };
    let noun = what.noun();
    errors.push(
        Diagnostic::new(
            format!(
                "{noun} `{}` is unquoted, and YAML 1.1 readers take it for {reading}",
                text.value
            ),
            text.at,
        )
        .help(format!(
            "quote it, as in {}, so that every YAML reader sees the same {noun}",
            what.quoted(&text.value)
        )),
    );
    false
}

/// When the catalog declares `code-format`, every code has one of the
/// shapes, and a shape that embeds the HTTP status embeds the code's own.
fn check_code_format(
    code: &WrittenText,
    status: Option<WrittenNumber>,
    shapes: &[(CodeShape, &WrittenText)],
    errors: &mut Errors,
) {
    if shapes.is_empty() {
        return;
    }
    let fits: Vec<Fit> = shapes
        .iter()
        .map(|(shape, _)| shape.fit(&code.value))
        .collect();
    if fits.iter().all(|fit| *fit == Fit::No) {
        let declared: Vec<&str> = shapes.iter().map(|(_, text)| text.value.as_str()).collect();
        errors.push(
            Diagnostic::new(
                format!(
                    "code `{}` does not match the catalog's code-format",
                    code.value
                ),
                code.at,
            )
            .note(format!("code-format is {}", list(&declared)))
            .help("fix the code, or add its shape to `code-format`"),
        );
        return;
    }
    let Some(status) = status else { return };
    let embedded = fits.iter().find_map(|fit| match fit {
        Fit::WithStatus(embedded) => Some(*embedded),
        _ => None,
    });
    let agrees = fits.iter().any(|fit| {
        *fit == Fit::Yes || *fit == Fit::WithStatus(u16::try_from(status.value).unwrap_or(0))
    });
    if let (Some(embedded), false) = (embedded, agrees) {
        errors.push(
            Diagnostic::new(
                format!(
                    "code `{}` embeds status {embedded}, but its `status` is {}",
                    code.value, status.value
                ),
                status.at,
            )
            .note_at(Document::Catalog, code.at, "the code is here")
            .help("make the status and the code agree"),
        );
    }
}

/// The status is what a server sends with the code: a real HTTP status.
fn check_status(status: WrittenNumber, errors: &mut Errors) -> Option<u16> {
    match u16::try_from(status.value) {
        Ok(value) if (100..=599).contains(&value) => Some(value),
        _ => {
            errors.push(
                Diagnostic::new(
                    format!("status {} is not an HTTP status", status.value),
                    status.at,
                )
                .help("use a status in 100..=599, such as 400 or 503"),
            );
            None
        }
    }
}

/// The title is shown to people and printed by `Display`: it has text and
/// fits on one line.
fn check_title(entry: &CodeSpec, errors: &mut Errors) {
    let Some(title) = &entry.title else { return };
    let problem = if title.value.trim().is_empty() {
        "the title is empty"
    } else if title.value.trim().contains('\n') {
        "the title spans several lines"
    } else {
        return;
    };
    errors.push(
        Diagnostic::new(problem, title.at)
            .help("write a short summary on one line; details go in `description`"),
    );
}

/// Every code becomes a variant, named by `name` or else by its code in
/// UpperCamelCase; the name must be usable as a Rust variant. A code that
/// was refused names nothing, and is not reported again.
fn check_variant_name(
    entry: &CodeSpec,
    code: Option<&WrittenText>,
    errors: &mut Errors,
) -> Option<String> {
    let (name, at, derived_from) = match (&entry.name, code) {
        (Some(name), _) => (name.value.clone(), name.at, None),
        (None, Some(code)) => (names::from_code(&code.value), code.at, Some(code)),
        (None, None) => return None,
    };
    let Err(problem) = names::check(&name) else {
        return Some(name);
    };
    let (message, help) = problem.explain(&name);
    errors.push(match derived_from {
        Some(code) => Diagnostic::new(
            format!(
                "the variant name derived from code `{}` does not work: {message}",
                code.value
            ),
            at,
        )
        .help(
            "add `name:` to the entry with an UpperCamelCase variant name, such as `name: FormattingError`",
        ),
        None => Diagnostic::new(format!("invalid variant name: {message}"), at).help(help),
    });
    None
}

/// Codes identify errors on the wire, so no two entries share one, whatever
/// their names. The error sits on the later entry and points at the first.
fn check_unique_code<'s>(
    code: &'s WrittenText,
    name: Option<&str>,
    codes: &mut HashMap<&'s str, First>,
    errors: &mut Errors,
) -> bool {
    let Some(first) = codes.get(code.value.as_str()) else {
        codes.insert(
            &code.value,
            First {
                at: code.at,
                other: name.map(str::to_owned),
            },
        );
        return true;
    };
    let note = match &first.other {
        Some(name) => format!("`{}` is already the code of `{name}`", code.value),
        None => format!("`{}` is already the code of an earlier entry", code.value),
    };
    errors.push(
        Diagnostic::new(format!("duplicate code `{}`", code.value), code.at)
            .note_at(Document::Catalog, first.at, note)
            .help("codes must be unique: change this entry's code, or remove the entry"),
    );
    false
}

/// Two codes may not map to one variant, which happens when their names
/// differ only in case or separators (`invalid-client`, `invalid_client`).
fn check_unique_name(
    name: &str,
    entry: &CodeSpec,
    code: &WrittenText,
    names: &mut HashMap<String, First>,
    errors: &mut Errors,
) -> bool {
    let at = entry.name.as_ref().map_or(code.at, |name| name.at);
    let Some(first) = names.get(name) else {
        names.insert(
            name.to_owned(),
            First {
                at,
                other: Some(code.value.clone()),
            },
        );
        return true;
    };
    let first_code = first.other.as_deref().unwrap_or_default();
    errors.push(
        Diagnostic::new(
            format!(
                "variant name `{name}` of code `{}` collides with code `{first_code}`",
                code.value
            ),
            at,
        )
        .note_at(
            Document::Catalog,
            first.at,
            format!("code `{first_code}` is also named `{name}`"),
        )
        .help("give one of the entries a distinct `name:`"),
    );
    false
}

/// `action`, `severity`, `outcome` and `origin` take one of a fixed set of
/// words each; a misspelling would otherwise silently become the default.
fn check_classes(classes: &spec::WrittenClasses, errors: &mut Errors) -> PassedClasses {
    PassedClasses {
        action: check_word(classes.action.as_ref(), keys::ACTION, errors),
        severity: check_word(classes.severity.as_ref(), keys::SEVERITY, errors),
        outcome: check_word(classes.outcome.as_ref(), keys::OUTCOME, errors),
        origin: check_word(classes.origin.as_ref(), keys::ORIGIN, errors),
    }
}

/// A word of one of the closed vocabularies, which its own parser knows;
/// its error lists the accepted words.
fn check_word<T: FromStr<Err = UnknownWord>>(
    text: Option<&WrittenText>,
    key: &str,
    errors: &mut Errors,
) -> Option<T> {
    let text = text?;
    let unknown = match text.value.parse() {
        Ok(word) => return Some(word),
        Err(unknown) => unknown,
    };
    let words = unknown.expected();
    let diagnostic = Diagnostic::new(format!("unknown {key} `{}`", text.value), text.at);
    errors.push(match closest(&text.value, words) {
        Some(word) => diagnostic.help(format!("did you mean `{word}`?")),
        None => diagnostic.help(format!("use one of {}", list(words))),
    });
    None
}

/// A code's `domain` must be one the catalog declares. A domain refused
/// for its own mistake was reported there.
fn check_domain_reference(
    domain: &WrittenText,
    domains: &Domains<'_>,
    errors: &mut Errors,
) -> Option<usize> {
    if !check_quoting(domain, Identifier::DomainReference, errors) {
        return None;
    }
    if let Some(i) = domains
        .passed
        .iter()
        .position(|d| d.id.value == domain.value)
    {
        return Some(i);
    }
    if domains.refused.contains(&domain.value.as_str()) {
        return None;
    }
    let ids: Vec<&str> = domains.passed.iter().map(|d| d.id.value.as_str()).collect();
    let diagnostic = Diagnostic::new(format!("unknown domain `{}`", domain.value), domain.at);
    errors.push(match (closest(&domain.value, &ids), ids.is_empty()) {
        (Some(id), _) => diagnostic.help(format!("did you mean `{id}`?")),
        (None, true) => {
            diagnostic.help("the catalog declares no domains; declare it under `domains:`")
        }
        (None, false) => diagnostic.help(format!(
            "declare it under `domains:`, or use one of {}",
            list(&ids)
        )),
    });
    None
}

/// A deprecation says why: users of the code see the reason in their
/// compiler's warning.
fn check_deprecation(entry: &CodeSpec, errors: &mut Errors) {
    if let Some(reason) = entry
        .deprecated
        .as_ref()
        .filter(|r| r.value.trim().is_empty())
    {
        errors.push(
            Diagnostic::new("`deprecated` is empty", reason.at)
                .help("say why the code is deprecated and what to use instead"),
        );
    }
}

/// A code's `replaced-by` names another code of the catalog, which clients
/// are to use instead. A code refused for its own mistake was reported
/// there, and naming it is not a second error.
fn check_replacements(passed: &mut Passed<'_>, errors: &mut Errors) {
    let positions: HashMap<&str, usize> = passed
        .codes
        .iter()
        .enumerate()
        .map(|(i, entry)| (entry.code.value.as_str(), i))
        .collect();
    for entry in &mut passed.codes {
        let Some(replacement) = entry.spec.replaced_by.as_ref() else {
            continue;
        };
        if !check_quoting(replacement, Identifier::Replacement, errors) {
            continue;
        }
        let wanted = replacement.value.as_str();
        if wanted == entry.code.value {
            errors.push(
                Diagnostic::new(
                    format!("code `{wanted}` is replaced by itself"),
                    replacement.at,
                )
                .help("name the code that clients should use instead, or remove `replaced-by`"),
            );
            continue;
        }
        if let Some(&position) = positions.get(wanted) {
            entry.replaced_by = Some(position);
            continue;
        }
        if passed.refused.contains(&wanted) {
            continue;
        }
        let known: Vec<&str> = positions.keys().copied().collect();
        let diagnostic = Diagnostic::new(
            format!("replacement code `{wanted}` is not in the catalog"),
            replacement.at,
        );
        errors.push(match closest(wanted, &known) {
            Some(code) => diagnostic.help(format!("did you mean `{code}`?")),
            None => diagnostic.help(
                "`replaced-by` names the code of another entry, which clients should use instead",
            ),
        });
    }
}

/// `allow` names lints, which a misspelling would silently fail to allow.
fn check_lint_names(names: &[WrittenText], errors: &mut Errors) -> Vec<(Lint, Location)> {
    let mut allowed = Vec::with_capacity(names.len());
    for name in names {
        if let Ok(lint) = name.value.parse() {
            allowed.push((lint, name.at));
            continue;
        }
        let diagnostic = Diagnostic::new(format!("unknown lint `{}`", name.value), name.at);
        errors.push(match closest(&name.value, Lint::NAMES) {
            Some(lint) => diagnostic.help(format!("did you mean `{lint}`?")),
            None => diagnostic.help(format!("the lints are {}", list(Lint::NAMES))),
        });
    }
    allowed
}
