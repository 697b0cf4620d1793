//! The rules of a code entry, and those that compare entries: codes and
//! variant names are unique, and a replacement names another code.

use std::collections::HashMap;

use errcodes_core::{Action, Origin, Outcome, Severity, WireFormat};

use super::{MAX_CODES, check_allowed, fields, grpc, ruled, word};
use crate::defaults::{
    Ruled, STAND_IN_STATUS, optional, or_default, pick, pick_optional, stand_in,
};
use crate::diagnostic::{Diagnostic, Document, Errors, Location, closest, list};
use crate::fields::{CheckedField, CheckedTemplate};
use crate::keys;
use crate::model::{CheckedCatalog, CheckedCode, CheckedDomain, Located, Provenance, Stored};
use crate::names;
use crate::pattern::{CodePattern, Fit};
use crate::source::Source;
use crate::spec::{Identifier, Mapping, WrittenNumber, WrittenText};
use crate::yaml::{Node, Value};
use crate::yaml11;

/// What the rules of an entry need from the catalog.
pub(super) struct Rules<'a> {
    pub(super) source: &'a Source<'a>,
    pub(super) shapes: &'a [(CodePattern, WrittenText)],
    pub(super) defaults: &'a Classes,
    /// The ids of domains refused for a mistake of their own, which codes
    /// may name without a second error.
    pub(super) refused_domains: &'a [String],
    pub(super) grpc: &'a grpc::Catalog,
    /// The catalog's shared fields.
    pub(super) fields: &'a [CheckedField],
}

/// The classifications an entry gives, or `defaults` gives every entry.
#[derive(Default)]
pub(crate) struct Classes {
    action: Ruled<Action>,
    severity: Ruled<Severity>,
    outcome: Ruled<Outcome>,
    origin: Ruled<Origin>,
}

impl Classes {
    /// `action`, `severity`, `outcome` and `origin` take one of a fixed set
    /// of words each; a misspelling would otherwise silently become the
    /// default.
    pub(crate) fn read(mapping: &Mapping<'_>, errors: &mut Errors) -> Self {
        Classes {
            action: word(mapping, &keys::code::ACTION, errors),
            severity: word(mapping, &keys::code::SEVERITY, errors),
            outcome: word(mapping, &keys::code::OUTCOME, errors),
            origin: word(mapping, &keys::code::ORIGIN, errors),
        }
    }
}

impl Classes {
    /// The entry's action, else the one of `defaults`, else the one its
    /// status implies.
    fn action(&self, defaults: &Classes, status: &Located<u16>) -> Located<Action> {
        pick(
            &self.action,
            &defaults.action,
            implied(Action::for_status(status.value), status),
        )
    }

    /// The entry's severity, else the one of `defaults`, else the one its
    /// status implies.
    fn severity(&self, defaults: &Classes, status: &Located<u16>) -> Located<Severity> {
        pick(
            &self.severity,
            &defaults.severity,
            implied(Severity::for_status(status.value), status),
        )
    }

    /// The entry's outcome, else the one of `defaults`, else the one its
    /// status implies.
    fn outcome(&self, defaults: &Classes, status: &Located<u16>) -> Located<Outcome> {
        pick(
            &self.outcome,
            &defaults.outcome,
            implied(Outcome::for_status(status.value), status),
        )
    }
}

/// What `status` implies: a stand-in when the status is one.
fn implied<T>(value: T, status: &Located<u16>) -> Located<T> {
    Located {
        value,
        from: if status.is_stand_in() {
            Provenance::StandIn
        } else {
            Provenance::Derived
        },
    }
}

/// Where a code or variant name was first used.
struct First {
    at: Location,
    /// The other half of the entry: its name for a code, its code for a
    /// name; `None` when that half was wrong.
    other: Option<String>,
}

/// The codes and names seen so far, and the gRPC facts of the catalog's
/// codes so far.
#[derive(Default)]
struct Seen {
    codes: HashMap<String, First>,
    names: HashMap<String, First>,
    grpc: grpc::Seen,
}

/// Checks the entries under `codes` and adds those that pass to `catalog`;
/// the codes of the others go to its `refused`.
pub(super) fn check_all(
    node: &Node,
    rules: &Rules<'_>,
    catalog: &mut CheckedCatalog,
    errors: &mut Errors,
) {
    let items = match &node.value {
        // An empty enum would be of no use; it is surely a mistake.
        Value::Seq(items) if items.is_empty() => {
            errors.push(
                Diagnostic::new("the catalog has no codes", node.at).help(
                    "add at least one entry under `codes:`, e.g. `- {code: \"E1\", status: 400, title: Bad input}`",
                ),
            );
            return;
        }
        Value::Seq(items) => items,
        Value::Null => return,
        other => {
            errors.push(
                Diagnostic::new(
                    format!("`codes` must be a list of entries, found {}", other.kind()),
                    node.at,
                )
                .help("write each code as a list item: `- code: \"…\"`"),
            );
            return;
        }
    };
    check_code_count(items.len(), node.at, errors);
    let mut seen = Seen::default();
    let mut replacements = Vec::new();
    catalog.codes.reserve(items.len());
    for item in items {
        match check_code(item, rules, catalog, &mut seen, errors) {
            Ok((code, replacement)) => {
                if let Some(replacement) = replacement {
                    replacements.push((catalog.codes.len(), replacement));
                }
                catalog.codes.push(code);
            }
            Err(Some(code)) => catalog.refused.push(code),
            Err(None) => {}
        }
    }
    seen.grpc.finish(errors);
    check_replacements(catalog, replacements, errors);
}

/// A catalog has at most [`MAX_CODES`] codes: positions are 16 bits.
fn check_code_count(count: usize, at: Location, errors: &mut Errors) {
    if count > MAX_CODES {
        errors.push(
            Diagnostic::new(
                format!("the catalog has {count} codes, more than the limit of {MAX_CODES}"),
                at,
            )
            .help("split the codes into several catalogs"),
        );
    }
}

/// One entry, as the model has it, with the `replaced-by` it names; `Err`
/// with the code as written when the entry cannot be a variant.
/// The entry's `deprecated`, checked.
fn read_deprecation(entry: &Mapping<'_>, errors: &mut Errors) -> Option<WrittenText> {
    let deprecated = entry
        .get(&keys::code::DEPRECATED)
        .and_then(|node| deprecation(node, errors));
    check_deprecation(deprecated.as_ref(), errors);
    deprecated
}

/// What each occurrence of the entry carries: its fields and its message
/// template.
fn occurrence(
    entry: &Mapping<'_>,
    rules: &Rules<'_>,
    wire_format: WireFormat,
    errors: &mut Errors,
) -> (Vec<CheckedField>, Option<CheckedTemplate>) {
    use keys::code as key;
    let (fields, refused) = entry
        .get(&key::FIELDS)
        .map(|node| fields::check_code_fields(node, rules.fields, wire_format, errors))
        .unwrap_or_default();
    let message = entry.text(&key::MESSAGE, errors).and_then(|written| {
        fields::check_message(&written, &fields, &refused, rules.source, errors)
    });
    (fields, message)
}

fn check_code(
    item: &Node,
    rules: &Rules<'_>,
    catalog: &CheckedCatalog,
    seen: &mut Seen,
    errors: &mut Errors,
) -> Result<(CheckedCode, Option<WrittenText>), Option<String>> {
    use keys::code as key;
    let entry = Mapping::read(item, "a code entry", key::ALL, errors).ok_or(None)?;
    let written_code = entry.identifier(&key::CODE, Identifier::Code, rules.source, errors);
    entry.require(
        key::ALL,
        || match &written_code {
            Some(code) => format!("the entry for `{}`", code.value),
            None => "the code entry".to_owned(),
        },
        errors,
    );
    let code = written_code.as_ref().filter(|code| {
        check_code_text(code, errors) && check_quoting(code, Identifier::Code, errors)
    });
    let written_status = entry.number(&key::STATUS, errors);
    let status = written_status.and_then(|status| check_status(status, errors));
    if let Some(code) = code {
        // Against a status that passed its own rule.
        let status = written_status.filter(|_| status.is_some());
        check_code_format(code, status, rules.shapes, errors);
    }
    let title = entry.text(&key::TITLE, errors);
    check_title(title.as_ref(), errors);
    let deprecated = read_deprecation(&entry, errors);
    let domain = entry
        .identifier(
            &key::DOMAIN,
            Identifier::DomainReference,
            rules.source,
            errors,
        )
        .and_then(|domain| {
            let index =
                check_domain_reference(&domain, &catalog.domains, rules.refused_domains, errors)?;
            Some(Located::written(index, domain.at))
        });
    let classes = Classes::read(&entry, errors);
    let wire_format_text = entry.text(&key::WIRE_FORMAT, errors);
    rules.grpc.check_format(wire_format_text.as_ref(), errors);
    let wire_format = ruled::<WireFormat>(wire_format_text.as_ref(), &key::WIRE_FORMAT, errors);
    let allow = check_allowed(&entry.texts(&key::ALLOW, errors), errors);
    let grpc_written = grpc::Written::read(&entry, rules.grpc, errors);
    let written_name = entry.text(&key::NAME, errors);
    let name = check_variant_name(written_name.as_ref(), code, title.as_ref(), errors);
    let replacement = entry.identifier(
        &key::REPLACED_BY,
        Identifier::Replacement,
        rules.source,
        errors,
    );
    let description = entry.text(&key::DESCRIPTION, errors);
    let resolution = entry.text(&key::RESOLUTION, errors);
    let wire_format = or_default(wire_format, catalog.wire_format.value);
    let (fields, message) = occurrence(&entry, rules, wire_format.value, errors);
    let passed = code.filter(|code| {
        check_unique_code(code, name.as_deref(), &mut seen.codes, errors)
            && name.as_ref().is_some_and(|name| {
                check_unique_name(name, written_name.as_ref(), code, &mut seen.names, errors)
            })
    });
    let (Some(code), Some(name)) = (passed, name) else {
        return Err(written_code.map(|code| code.value));
    };
    let status = match (status, written_status) {
        (Some(status), Some(written)) => Located::written(status, written.at),
        _ => stand_in(STAND_IN_STATUS),
    };
    let grpc = rules
        .grpc
        .code(code, &name, &status, &grpc_written, &mut seen.grpc, errors);
    let checked = CheckedCode {
        at: entry.at,
        code: Located::written(code.value.clone(), code.at),
        name: match &written_name {
            Some(written) => Located::written(name, written.at),
            None => Located::derived(name),
        },
        title: title
            .as_ref()
            .and_then(optional)
            .unwrap_or_else(|| stand_in(String::new())),
        description: description.as_ref().and_then(optional),
        resolution: resolution.as_ref().and_then(optional),
        action: classes.action(rules.defaults, &status),
        severity: classes.severity(rules.defaults, &status),
        outcome: classes.outcome(rules.defaults, &status),
        origin: pick_optional(&classes.origin, &rules.defaults.origin),
        domain,
        wire_format,
        deprecated: deprecated.as_ref().and_then(optional),
        replaced_by: None,
        allow,
        grpc,
        status,
        stored: Stored::of(&fields, message.as_ref()),
        fields,
        message,
    };
    Ok((checked, replacement))
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
pub(super) fn check_quoting(text: &WrittenText, what: Identifier, errors: &mut Errors) -> bool {
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
    shapes: &[(CodePattern, WrittenText)],
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
fn check_title(title: Option<&WrittenText>, errors: &mut Errors) {
    let Some(title) = title else { return };
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
/// was refused names nothing, and is not reported again. When the code
/// makes no name, the help suggests one made from the title.
fn check_variant_name(
    written: Option<&WrittenText>,
    code: Option<&WrittenText>,
    title: Option<&WrittenText>,
    errors: &mut Errors,
) -> Option<String> {
    let (name, at, derived_from) = match (written, code) {
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
        .help(format!(
            "add `name:` to the entry with an UpperCamelCase variant name, such as `name: {}`",
            suggested_name(title)
        )),
        None => Diagnostic::new(format!("invalid variant name: {message}"), at).help(help),
    });
    None
}

/// A variant name for an entry whose code makes none: its title in
/// UpperCamelCase when that is a name, else an example.
fn suggested_name(title: Option<&WrittenText>) -> String {
    title
        .map(|title| names::from_code(&title.value))
        .filter(|name| names::check(name).is_ok())
        .unwrap_or_else(|| "FormattingError".to_owned())
}

/// Codes identify errors on the wire, so no two entries share one, whatever
/// their names. The error sits on the later entry and points at the first.
fn check_unique_code(
    code: &WrittenText,
    name: Option<&str>,
    codes: &mut HashMap<String, First>,
    errors: &mut Errors,
) -> bool {
    let Some(first) = codes.get(code.value.as_str()) else {
        codes.insert(
            code.value.clone(),
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
    written: Option<&WrittenText>,
    code: &WrittenText,
    names: &mut HashMap<String, First>,
    errors: &mut Errors,
) -> bool {
    let at = written.map_or(code.at, |name| name.at);
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

/// A code's `domain` must be one the catalog declares. A domain refused
/// for its own mistake was reported there.
fn check_domain_reference(
    domain: &WrittenText,
    domains: &[CheckedDomain],
    refused: &[String],
    errors: &mut Errors,
) -> Option<usize> {
    if !check_quoting(domain, Identifier::DomainReference, errors) {
        return None;
    }
    if let Some(i) = domains.iter().position(|d| d.id.value == domain.value) {
        return Some(i);
    }
    if refused.contains(&domain.value) {
        return None;
    }
    let ids: Vec<&str> = domains.iter().map(|d| d.id.value.as_str()).collect();
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

/// Reads `deprecated`, which takes the reason: `deprecated: true`, or the
/// key with no value, would leave users of the code without one.
fn deprecation(node: &Node, errors: &mut Errors) -> Option<WrittenText> {
    if let Value::Str { .. } = node.value {
        return crate::spec::text(node, keys::code::DEPRECATED.name, errors);
    }
    errors.push(
        Diagnostic::new(
            format!(
                "`deprecated` takes the reason the code is deprecated, found {}",
                node.value.kind()
            ),
            node.at,
        )
        .help("say why, and what to use instead: `deprecated: Merged into quota_exceeded.`"),
    );
    None
}

/// A deprecation says why: users of the code see the reason in their
/// compiler's warning.
fn check_deprecation(reason: Option<&WrittenText>, errors: &mut Errors) {
    if let Some(reason) = reason.filter(|r| r.value.trim().is_empty()) {
        errors.push(
            Diagnostic::new("`deprecated` is empty", reason.at)
                .help("say why the code is deprecated and what to use instead"),
        );
    }
}

/// A code's `replaced-by` names another code of the catalog, which clients
/// are to use instead; alone, it deprecates the code with a sentence that
/// names the replacement. A code refused for its own mistake was reported
/// there, and naming it is not a second error.
fn check_replacements(
    catalog: &mut CheckedCatalog,
    replacements: Vec<(usize, WrittenText)>,
    errors: &mut Errors,
) {
    if replacements.is_empty() {
        return;
    }
    let positions: HashMap<&str, usize> = catalog
        .codes
        .iter()
        .enumerate()
        .map(|(i, code)| (code.code.value.as_str(), i))
        .collect();
    let mut found = Vec::with_capacity(replacements.len());
    for (index, replacement) in replacements {
        if !check_quoting(&replacement, Identifier::Replacement, errors) {
            continue;
        }
        let wanted = replacement.value.as_str();
        if wanted == catalog.codes[index].code.value {
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
            found.push((index, Located::written(position, replacement.at)));
            continue;
        }
        if catalog.refused.iter().any(|code| code == wanted) {
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
    for (index, replacement) in found {
        let sentence = format!(
            "Replaced by `{}`.",
            catalog.codes[replacement.value].code.value
        );
        let code = &mut catalog.codes[index];
        code.deprecated
            .get_or_insert_with(|| Located::derived(sentence));
        code.replaced_by = Some(replacement);
    }
}
