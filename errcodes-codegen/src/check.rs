//! The rules a catalog must follow, applied as the catalog is read: each
//! `check_*` function enforces one rule, reports every breach, and gives
//! back what passed. The model ([`CheckedCatalog`]) is built here, one
//! value at a time, with the defaults of `defaults.rs` where the catalog
//! says nothing. The catalog's own rules are here; a code entry's in
//! `check/code.rs`, gRPC's in `check/grpc.rs`, `boundary`'s in `check/boundary.rs`.
//!
//! Checking goes on after a mistake, so one compile shows them all. A rule
//! whose input was already reported as wrong stays quiet: one mistake, one
//! error.

mod boundary;

pub(crate) use boundary::misfits;
mod code;
mod fields;
mod grpc;

use std::str::FromStr;

use errcodes_core::layout::MAX_DOMAINS;
use errcodes_core::{ProblemCode, UnknownWord, WireFormat};

use crate::classes;
use crate::defaults::{Ruled, optional, or_default, stand_in};
use crate::diagnostic::{Diagnostic, Document, Errors, closest, list};
use crate::keys::{self, Key};
use crate::lint::Lint;
use crate::model::{CheckedCatalog, CheckedDomain, Located};
use crate::names;
use crate::pattern::CodePattern;
use crate::source::Source;
use crate::spec::{self, Identifier, Mapping, WrittenText};
use crate::translations;
use crate::yaml::{Node, Value};

pub(crate) use self::code::Classes;

/// The most codes a catalog may have: positions are 16 bits.
pub(crate) const MAX_CODES: usize = 1 << 16;

/// Checks a catalog's document and builds its model; `None` when it has no
/// usable name, since then not even a stand-in enum can be generated.
pub(crate) fn check(
    root: &Node,
    source: &Source<'_>,
    files: Option<&[Source<'_>]>,
    errors: &mut Errors,
) -> Option<CheckedCatalog> {
    if root.value == Value::Null {
        errors.push(
            Diagnostic::new("the catalog is empty", root.at)
                .help("start with `name: MyError` and a list of `codes:`; see specs/FORMAT.md"),
        );
        return None;
    }
    let top = Mapping::read(root, "the catalog", keys::catalog::ALL, errors)?;
    top.require(keys::catalog::ALL, || "the catalog".to_owned(), errors);
    let name = top
        .text(&keys::catalog::NAME, errors)
        .filter(|name| check_type_name(name, errors));
    let shapes = check_code_formats(&top.texts(&keys::catalog::CODE_FORMAT, errors), errors);
    let wire_format_text = top.text(&keys::catalog::WIRE_FORMAT, errors);
    let wire_format = ruled(
        wire_format_text.as_ref(),
        &keys::catalog::WIRE_FORMAT,
        errors,
    );
    let problem_type = top.text(&keys::catalog::PROBLEM_TYPE, errors);
    let problem_type_passed = problem_type
        .as_ref()
        .filter(|template| check_uri_template(template, keys::catalog::PROBLEM_TYPE.name, errors));
    let problem_code = top.text(&keys::catalog::PROBLEM_CODE, errors);
    let place = check_word::<ProblemCode>(
        problem_code.as_ref(),
        keys::catalog::PROBLEM_CODE.name,
        errors,
    )
    .filter(|&place| {
        check_problem_code(place, problem_code.as_ref(), problem_type.as_ref(), errors)
    });
    let help_url = top
        .text(&keys::catalog::HELP_URL, errors)
        .filter(|template| check_uri_template(template, keys::catalog::HELP_URL.name, errors));
    let defaults = top
        .get(&keys::catalog::DEFAULTS)
        .and_then(|node| Mapping::read(node, "`defaults`", keys::code::DEFAULTS, errors))
        .map(|mapping| Classes::read(&mapping, errors))
        .unwrap_or_default();
    let allow = check_allowed(&top.texts(&keys::catalog::ALLOW, errors), errors);
    let domains = top
        .get(&keys::catalog::DOMAINS)
        .map(|node| check_domains(node, source, errors))
        .unwrap_or_default();
    let shared_fields = top
        .get(&keys::catalog::FIELDS)
        .map(|node| fields::check_shared(node, errors))
        .unwrap_or_default();
    let grpc = grpc::Catalog::read(&top, errors);
    grpc.check_format(wire_format_text.as_ref(), errors);
    let wire_format = or_default(wire_format, WireFormat::Problem);
    let problem_type = problem_type_passed.and_then(optional);
    // In the type URI when it has room for the code, else in a member.
    let implied_place = match &problem_type {
        Some(template) if template.value.contains("{code}") => ProblemCode::Type,
        _ => ProblemCode::Member,
    };
    let mut catalog = CheckedCatalog {
        name: name.map_or_else(
            || stand_in(String::new()),
            |name| Located::written(name.value.clone(), name.at),
        ),
        description: top
            .text(&keys::catalog::DESCRIPTION, errors)
            .as_ref()
            .and_then(optional),
        code_formats: shapes
            .iter()
            .map(|(_, format)| Located::written(format.value.clone(), format.at))
            .collect(),
        problem_code: or_default(
            Ruled::of(problem_code.as_ref().map(|t| t.at), place),
            implied_place,
        ),
        problem_type,
        help_url: help_url.as_ref().and_then(optional),
        grpc_domain: grpc.domain(),
        locales: translations::Locales::default(),
        allow,
        domains: domains.passed,
        fields: Vec::new(),
        codes: Vec::new(),
        boundary: None,
        refused: Vec::new(),
        wire_format,
    };
    if let Some(node) = top.get(&keys::catalog::CODES) {
        let rules = code::Rules {
            source,
            shapes: &shapes,
            defaults: &defaults,
            refused_domains: &domains.refused,
            grpc: &grpc,
            fields: &shared_fields,
        };
        code::check_all(node, &rules, &mut catalog, errors);
    }
    finish(&top, &mut catalog, shared_fields, errors);
    catalog.locales = translations::read(&top, &catalog, (source, files), errors);
    (!catalog.name.is_stand_in()).then_some(catalog)
}

/// What is checked once the codes are: the shared fields' names, and the
/// codes `boundary` names.
fn finish(
    top: &Mapping<'_>,
    catalog: &mut CheckedCatalog,
    shared_fields: Vec<crate::fields::CheckedField>,
    errors: &mut Errors,
) {
    catalog.fields = shared_fields;
    catalog.boundary = top
        .get(&keys::catalog::BOUNDARY)
        .map(|node| boundary::check(node, catalog, errors));
    fields::check_type_names(catalog, errors);
}

/// The word `key` of `mapping`, as the rules left it.
fn word<T: FromStr<Err = UnknownWord>>(
    mapping: &Mapping<'_>,
    key: &Key,
    errors: &mut Errors,
) -> Ruled<T> {
    ruled(mapping.text(key, errors).as_ref(), key, errors)
}

/// A word of one of the closed vocabularies, written for `key`, as the
/// rules left it.
fn ruled<T: FromStr<Err = UnknownWord>>(
    text: Option<&WrittenText>,
    key: &Key,
    errors: &mut Errors,
) -> Ruled<T> {
    let value = check_word(text, key.name, errors);
    Ruled::of(text.map(|text| text.at), value)
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
fn check_problem_code(
    place: ProblemCode,
    written: Option<&WrittenText>,
    problem_type: Option<&WrittenText>,
    errors: &mut Errors,
) -> bool {
    let Some(at) = written.map(|text| text.at) else {
        return true;
    };
    let template = problem_type.map(|t| t.value.as_str());
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
fn check_code_formats(
    formats: &[WrittenText],
    errors: &mut Errors,
) -> Vec<(CodePattern, WrittenText)> {
    let mut checked = Vec::with_capacity(formats.len());
    for format in formats {
        match CodePattern::parse(&format.value) {
            Ok(shape) => checked.push((shape, format.clone())),
            Err(message) => errors.push(
                Diagnostic::new(format!("invalid code-format: {message}"), format.at)
                    .help("see the `code-format` section of specs/FORMAT.md"),
            ),
        }
    }
    checked
}

/// The declared domains: the ones that passed, and the ids of the ones that
/// did not, which codes may still name without a second error.
#[derive(Default)]
pub(crate) struct Domains {
    passed: Vec<CheckedDomain>,
    refused: Vec<String>,
}

/// Domain ids are what codes refer to, so each reads the same to every
/// YAML reader and is declared once; each has a title for documentation;
/// and there may not be more than the metadata layout can index.
fn check_domains(node: &Node, source: &Source<'_>, errors: &mut Errors) -> Domains {
    let mut domains = Domains::default();
    let Value::Map(entries) = &node.value else {
        errors.push(
            Diagnostic::new(
                format!(
                    "`domains` must be a mapping from id to domain, found {}",
                    node.value.kind()
                ),
                node.at,
            )
            .help("write `domains:` then one `id: {title: …}` per line"),
        );
        return domains;
    };
    for (key, value) in entries {
        let Some(id) = spec::identifier(key, Identifier::DomainId, source, errors) else {
            domains
                .refused
                .push(source.token(key.at.line, key.at.column).to_owned());
            continue;
        };
        let (title, description) = if let Value::Str { .. } = &value.value {
            (spec::text(value, keys::domain::TITLE.name, errors), None)
        } else {
            let what = format!("domain `{}`", id.value);
            let Some(fields) = Mapping::read(value, &what, keys::domain::ALL, errors) else {
                continue;
            };
            (
                fields.text(&keys::domain::TITLE, errors),
                fields.text(&keys::domain::DESCRIPTION, errors),
            )
        };
        if !code::check_quoting(&id, Identifier::DomainId, errors) {
            domains.refused.push(id.value);
            continue;
        }
        if let Some(i) = domains.passed.iter().position(|d| d.id.value == id.value) {
            errors.push(
                Diagnostic::new(format!("domain `{}` is declared twice", id.value), id.at)
                    .note_at(
                        Document::Catalog,
                        domains.passed[i].id.at().unwrap_or(node.at),
                        "it is first declared here",
                    )
                    .help("keep one of the declarations"),
            );
            continue;
        }
        let Some(title) = title.as_ref().and_then(optional) else {
            errors.push(
                Diagnostic::new(format!("domain `{}` has no `title`", id.value), id.at).help(
                    format!("write `{0}: {{title: …}}`, or `{0}: <title>`", id.value),
                ),
            );
            domains.refused.push(id.value);
            continue;
        };
        domains.passed.push(CheckedDomain {
            id: Located::written(id.value, id.at),
            title,
            description: description.as_ref().and_then(optional),
        });
    }
    if let Some(first_over) = domains.passed.get(MAX_DOMAINS) {
        errors.push(Diagnostic::new(
            format!(
                "{} domains are declared, more than the limit of {}",
                domains.passed.len(),
                MAX_DOMAINS
            ),
            first_over.id.at().unwrap_or(node.at),
        ));
    }
    domains
}

/// A word of one of the closed vocabularies, which its own parser knows;
/// its error lists the accepted words.
pub(crate) fn check_word<T: FromStr<Err = UnknownWord>>(
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
    // A word of another vocabulary is a guess at a meaning: the others are
    // shown beside it. A misspelling is not.
    let written = &text.value;
    let misspelled =
        crate::words::spelled_otherwise(written, words).or_else(|| closest(written, words));
    let help = match (misspelled, crate::words::said_elsewhere(written, words)) {
        (Some(word), _) => format!("did you mean `{word}`?"),
        (None, Some(word)) => format!("did you mean `{word}`? the words are {}", list(words)),
        (None, None) => format!("use one of {}", list(words)),
    };
    errors.push(diagnostic.help(help));
    None
}

/// `allow` names lints and classes of breaking change, which a
/// misspelling would silently fail to allow.
fn check_allowed(names: &[WrittenText], errors: &mut Errors) -> Vec<Located<&'static str>> {
    if names.is_empty() {
        return Vec::new();
    }
    let breaks = classes::breaking_ids();
    let known: Vec<&'static str> = Lint::NAMES
        .iter()
        .copied()
        .chain(breaks.iter().copied())
        .collect();
    let mut allowed = Vec::with_capacity(names.len());
    for name in names {
        if let Some(&known) = known.iter().find(|known| **known == name.value) {
            allowed.push(Located::written(known, name.at));
            continue;
        }
        let diagnostic = Diagnostic::new(
            format!("unknown lint or class of change `{}`", name.value),
            name.at,
        );
        errors.push(match closest(&name.value, &known) {
            Some(lint) => diagnostic.help(format!("did you mean `{lint}`?")),
            None => diagnostic.help(format!(
                "the lints are {}; the classes of breaking change are {}",
                list(Lint::NAMES),
                list(&breaks)
            )),
        });
    }
    allowed
}
