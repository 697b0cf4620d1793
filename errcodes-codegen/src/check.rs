//! The rules a catalog must follow. Each `check_*` function enforces one and
//! reports every breach; together they turn a [`Spec`] into a [`Catalog`].
//!
//! Checking goes on after a mistake, so one compile shows them all. What
//! survives is still assembled into a catalog, with stand-ins for the values
//! at fault, so that the macro can emit the enum next to its errors and the
//! user sees the real mistakes instead of every use of a missing variant.

use std::collections::HashMap;
use std::str::FromStr;

use errcodes_core::{Action, Origin, Outcome, Severity, UnknownWord, WireFormat, meta};

use crate::catalog::{Catalog, Code, Domain};
use crate::diagnostic::{Diagnostic, Errors, Location, closest, list};
use crate::format::{CodeFormat, Fit};
use crate::keys;
use crate::names;
use crate::plain;
use crate::spec::{Classes, CodeSpec, Number, Spec, Text};

/// Checks a catalog as written. `None` when it has no usable name, since
/// then not even a stand-in enum can be generated.
pub(crate) fn check(spec: &Spec, errors: &mut Errors) -> Option<Catalog> {
    let name = spec
        .name
        .as_ref()
        .and_then(|name| check_type_name(name, errors));
    let formats = check_code_formats(&spec.code_formats, errors);
    let domains = check_domains(spec, errors);
    let defaults = check_classes(&spec.defaults, errors);
    let default_format = check_word(
        spec.wire_format.as_ref(),
        keys::WIRE_FORMAT,
        WireFormat::SPELLINGS,
        errors,
    );
    let problem_type = spec
        .problem_type
        .as_ref()
        .and_then(|template| check_problem_type(template, errors));

    let entries = &spec.codes;
    let mut codes: Vec<Code> = Vec::with_capacity(entries.len());
    let mut by_code: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    let mut by_name: HashMap<String, usize> = HashMap::with_capacity(entries.len());
    for entry in entries {
        let code = entry
            .code
            .as_ref()
            .filter(|code| check_code_text(code, errors));
        if let Some(code) = code {
            check_code_format(code, entry.status, &formats, errors);
        }
        let status = entry.status.and_then(|status| check_status(status, errors));
        let name = check_variant_name(entry, errors);
        let classes = check_classes(&entry.classes, errors);
        let domain = check_domain_reference(entry, &domains, errors);
        let format = check_word(
            entry.wire_format.as_ref(),
            keys::WIRE_FORMAT,
            WireFormat::SPELLINGS,
            errors,
        );
        check_title(entry, errors);
        let (Some(code), Some(name)) = (code, name) else {
            continue;
        };
        if !check_unique_code(code, entry, &codes, &by_code, errors)
            || !check_unique_name(&name, entry, &codes, &by_name, errors)
        {
            continue;
        }
        let status = status.unwrap_or(500);
        by_code.insert(&code.value, codes.len());
        by_name.insert(name.clone(), codes.len());
        codes.push(Code {
            code: code.value.clone(),
            name,
            status,
            title: entry
                .title
                .as_ref()
                .map(|t| t.value.trim().to_owned())
                .unwrap_or_default(),
            description: text_or_empty(entry.description.as_ref()),
            resolution: text_or_empty(entry.resolution.as_ref()),
            action: classes
                .action
                .or(defaults.action)
                .unwrap_or(Action::for_status(status)),
            severity: classes
                .severity
                .or(defaults.severity)
                .unwrap_or(Severity::for_status(status)),
            outcome: classes
                .outcome
                .or(defaults.outcome)
                .unwrap_or(Outcome::for_status(status)),
            origin: classes.origin.or(defaults.origin),
            domain,
            format: format.or(default_format).unwrap_or(WireFormat::Problem),
            line: entry.at.line,
        });
    }
    Some(Catalog {
        name: name?,
        description: text_or_empty(spec.description.as_ref()),
        problem_type,
        domains: domains.into_iter().map(|(domain, _)| domain).collect(),
        codes,
    })
}

fn text_or_empty(text: Option<&Text>) -> String {
    text.map(|t| t.value.trim().to_owned()).unwrap_or_default()
}

/// The catalog's `name` becomes the enum's name, so it must be an
/// UpperCamelCase Rust identifier.
fn check_type_name(name: &Text, errors: &mut Errors) -> Option<String> {
    match names::check(&name.value) {
        Ok(()) => Some(name.value.clone()),
        Err(problem) => {
            let (message, help) = problem.explain(&name.value);
            errors.push(
                Diagnostic::new(format!("{message}, so it cannot name the enum"), name.at)
                    .help(help),
            );
            None
        }
    }
}

/// A `problem-type` is the URI of every code's problem type with the code
/// in place of `{code}`, so it holds `{code}` once, and no character that
/// cannot be in a URI reference.
fn check_problem_type(template: &Text, errors: &mut Errors) -> Option<String> {
    let text = &template.value;
    let problem = if text.matches("{code}").count() != 1 {
        "`problem-type` must contain `{code}` exactly once, where the code goes"
    } else if text.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '|')
    }) {
        "`problem-type` must be a URI reference: no spaces, quotes or angle brackets"
    } else {
        return Some(text.clone());
    };
    errors.push(
        Diagnostic::new(problem, template.at)
            .help("write it like `problem-type: \"https://example.com/errors/{code}\"`"),
    );
    None
}

/// Each `code-format` must be a template or a known case name.
fn check_code_formats(formats: &[Text], errors: &mut Errors) -> Vec<(CodeFormat, String)> {
    let mut checked = Vec::with_capacity(formats.len());
    for format in formats {
        match CodeFormat::parse(&format.value) {
            Ok(parsed) => checked.push((parsed, format.value.clone())),
            Err(message) => errors.push(
                Diagnostic::new(format!("invalid code-format: {message}"), format.at)
                    .help("see the `code-format` section of specs/FORMAT.md"),
            ),
        }
    }
    checked
}

/// Domain ids are what codes refer to, so each is declared once; each has a
/// title for documentation; and there may not be more than the metadata
/// layout can index.
fn check_domains(spec: &Spec, errors: &mut Errors) -> Vec<(Domain, String)> {
    let mut domains: Vec<(Domain, String)> = Vec::with_capacity(spec.domains.len());
    let mut lines: Vec<usize> = Vec::with_capacity(spec.domains.len());
    for domain in &spec.domains {
        let id = &domain.id.value;
        if let Some(i) = domains.iter().position(|(d, _)| d.id == *id) {
            errors.push(
                Diagnostic::new(format!("domain `{id}` is declared twice"), domain.id.at)
                    .note(format!("it is first declared at line {}", lines[i])),
            );
            continue;
        }
        let Some(title) = &domain.title else {
            errors.push(
                Diagnostic::new(format!("domain `{id}` has no `title`"), domain.id.at)
                    .help(format!("write `{id}: {{title: …}}`, or `{id}: <title>`")),
            );
            continue;
        };
        domains.push((
            Domain {
                id: id.clone(),
                title: title.value.trim().to_owned(),
                description: text_or_empty(domain.description.as_ref()),
            },
            id.clone(),
        ));
        lines.push(domain.id.at.line);
    }
    if let Some((first_over, _)) = domains.get(meta::MAX_DOMAINS) {
        let at = spec
            .domains
            .iter()
            .find(|d| d.id.value == first_over.id)
            .map_or(Location::START, |d| d.id.at);
        errors.push(Diagnostic::new(
            format!(
                "{} domains are declared, more than the limit of {}",
                domains.len(),
                meta::MAX_DOMAINS
            ),
            at,
        ));
    }
    domains
}

/// A code is an identifier sent on the wire: it must not be empty or absurdly
/// long, must not carry stray whitespace or control characters, and must read the same to
/// every YAML reader. Unquoted values like `010` or `yes` are strings to
/// `serde_yaml` but a number and a boolean to YAML 1.1 readers, so they must
/// be quoted; the code is otherwise kept exactly as written.
fn check_code_text(code: &Text, errors: &mut Errors) -> bool {
    let text = &code.value;
    let problem = if text.is_empty() {
        Some((
            "the code is empty".to_owned(),
            "give the code a value".to_owned(),
        ))
    } else if text.len() > usize::from(u16::MAX) {
        Some((
            format!(
                "the code is {} bytes long, more than the limit of {}",
                text.len(),
                u16::MAX
            ),
            "codes are identifiers; shorten it".to_owned(),
        ))
    } else if text.trim() != text {
        Some((
            format!("code `{text}` has leading or trailing whitespace"),
            "remove it".to_owned(),
        ))
    } else if text.chars().any(char::is_control) {
        Some((
            format!("code {text:?} contains a control character"),
            "remove it".to_owned(),
        ))
    } else {
        code.plain.then(|| plain::other_reading(text)).flatten().map(|reading| {
            (
                format!("code `{text}` is unquoted, and YAML 1.1 readers take it for {reading}"),
                format!("quote it, as in `code: \"{text}\"`, so that every YAML reader sees the same code"),
            )
        })
    };
    match problem {
        Some((message, help)) => {
            errors.push(Diagnostic::new(message, code.at).help(help));
            false
        }
        None => true,
    }
}

/// When the catalog declares `code-format`, every code has one of the
/// shapes, and a shape that embeds the HTTP status embeds the code's own.
fn check_code_format(
    code: &Text,
    status: Option<Number>,
    formats: &[(CodeFormat, String)],
    errors: &mut Errors,
) {
    if formats.is_empty() {
        return;
    }
    let fits: Vec<Fit> = formats
        .iter()
        .map(|(format, _)| format.fit(&code.value))
        .collect();
    if fits.iter().all(|fit| *fit == Fit::No) {
        let declared: Vec<&str> = formats.iter().map(|(_, text)| text.as_str()).collect();
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
            .note(format!(
                "the code is at line {}, column {}",
                code.at.line, code.at.column
            ))
            .help("make the status and the code agree"),
        );
    }
}

/// The status is what a server sends with the code: a real HTTP status.
fn check_status(status: Number, errors: &mut Errors) -> Option<u16> {
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
/// UpperCamelCase; the name must be usable as a Rust variant.
fn check_variant_name(entry: &CodeSpec, errors: &mut Errors) -> Option<String> {
    let (name, at, derived) = match (&entry.name, &entry.code) {
        (Some(name), _) => (name.value.clone(), name.at, false),
        (None, Some(code)) => (names::from_code(&code.value), code.at, true),
        (None, None) => return None,
    };
    let Err(problem) = names::check(&name) else {
        return Some(name);
    };
    let (message, help) = problem.explain(&name);
    let diagnostic = if derived {
        let code = entry.code.as_ref().map_or("", |code| code.value.as_str());
        Diagnostic::new(format!("the variant name derived from code `{code}` does not work: {message}"), at)
            .help("add `name:` to the entry with an UpperCamelCase variant name, such as `name: FormattingError`")
    } else {
        Diagnostic::new(format!("invalid variant name: {message}"), at).help(help)
    };
    errors.push(diagnostic);
    None
}

/// Codes identify errors on the wire, so no two entries share one. The
/// error sits on the later entry and names the first.
fn check_unique_code(
    code: &Text,
    entry: &CodeSpec,
    codes: &[Code],
    by_code: &HashMap<&str, usize>,
    errors: &mut Errors,
) -> bool {
    let Some(&first) = by_code.get(code.value.as_str()) else {
        return true;
    };
    let first = &codes[first];
    errors.push(
        Diagnostic::new(format!("duplicate code `{}`", code.value), code.at)
            .note(format!(
                "`{}` is already the code of `{}` at line {}",
                code.value, first.name, first.line
            ))
            .help(format!(
                "codes must be unique: change this entry's code or remove the entry at line {}",
                entry.at.line
            )),
    );
    false
}

/// Two codes may not map to one variant, which happens when their names
/// differ only in case or separators (`invalid-client`, `invalid_client`).
fn check_unique_name(
    name: &str,
    entry: &CodeSpec,
    codes: &[Code],
    by_name: &HashMap<String, usize>,
    errors: &mut Errors,
) -> bool {
    let Some(&first) = by_name.get(name) else {
        return true;
    };
    let first = &codes[first];
    let at = entry
        .name
        .as_ref()
        .or(entry.code.as_ref())
        .map_or(entry.at, |text| text.at);
    let this = entry.code.as_ref().map_or("", |code| code.value.as_str());
    errors.push(
        Diagnostic::new(
            format!(
                "variant name `{name}` of code `{this}` collides with code `{}`",
                first.code
            ),
            at,
        )
        .note(format!(
            "code `{}` at line {} is also named `{name}`",
            first.code, first.line
        ))
        .help("give one of the entries a distinct `name:`"),
    );
    false
}

/// The classifications, read as the runtime's vocabulary.
#[derive(Clone, Copy, Default)]
struct Resolved {
    action: Option<Action>,
    severity: Option<Severity>,
    outcome: Option<Outcome>,
    origin: Option<Origin>,
}

/// `action`, `severity`, `outcome` and `origin` take one of a fixed set of
/// words each; a misspelling would otherwise silently become the default.
fn check_classes(classes: &Classes, errors: &mut Errors) -> Resolved {
    Resolved {
        action: check_word(
            classes.action.as_ref(),
            keys::ACTION,
            Action::SPELLINGS,
            errors,
        ),
        severity: check_word(
            classes.severity.as_ref(),
            keys::SEVERITY,
            Severity::SPELLINGS,
            errors,
        ),
        outcome: check_word(
            classes.outcome.as_ref(),
            keys::OUTCOME,
            Outcome::SPELLINGS,
            errors,
        ),
        origin: check_word(
            classes.origin.as_ref(),
            keys::ORIGIN,
            Origin::SPELLINGS,
            errors,
        ),
    }
}

fn check_word<T: FromStr<Err = UnknownWord>>(
    text: Option<&Text>,
    key: &str,
    words: &[&str],
    errors: &mut Errors,
) -> Option<T> {
    let text = text?;
    if let Ok(word) = text.value.parse() {
        return Some(word);
    }
    let diagnostic = Diagnostic::new(format!("unknown {key} `{}`", text.value), text.at);
    errors.push(match closest(&text.value, words) {
        Some(word) => diagnostic.help(format!("did you mean `{word}`?")),
        None => diagnostic.help(format!("use one of {}", list(words))),
    });
    None
}

/// A code's `domain` must be one the catalog declares.
fn check_domain_reference(
    entry: &CodeSpec,
    domains: &[(Domain, String)],
    errors: &mut Errors,
) -> Option<usize> {
    let domain = entry.domain.as_ref()?;
    if let Some(i) = domains.iter().position(|(_, id)| *id == domain.value) {
        return Some(i);
    }
    let ids: Vec<&str> = domains.iter().map(|(_, id)| id.as_str()).collect();
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
