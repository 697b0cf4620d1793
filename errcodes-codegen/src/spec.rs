//! Reads the YAML tree into the keys of a catalog. Each mapping's keys are
//! checked against the ones it may have, and each value against the type it
//! must have; what the values mean is checked in `check.rs`.

use crate::diagnostic::{Diagnostic, Document, Errors, Location, closest, list};
use crate::keys;
use crate::source::Source;
use crate::yaml::{Node, Value};

/// A string value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WrittenText {
    pub(crate) value: String,
    pub(crate) at: Location,
    /// Written without quotes; see `Value::Str`.
    pub(crate) plain: bool,
}

/// The values that identify something and must read the same to every YAML
/// reader: codes, and the ids of domains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Identifier {
    /// A code's `code`.
    Code,
    /// A key under `domains`.
    DomainId,
    /// A code's `domain`.
    DomainReference,
    /// A code's `replaced-by`.
    Replacement,
}

impl Identifier {
    /// What the value is called in messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Identifier::Code => "code",
            Identifier::DomainId => "domain id",
            Identifier::DomainReference => "domain",
            Identifier::Replacement => "replacement code",
        }
    }

    /// `text` written quoted, where the identifier goes.
    pub(crate) fn quoted(self, text: &str) -> String {
        match self {
            Identifier::Code => format!("`code: \"{text}\"`"),
            Identifier::DomainId => format!("`\"{text}\": …`"),
            Identifier::DomainReference => format!("`domain: \"{text}\"`"),
            Identifier::Replacement => format!("`replaced-by: \"{text}\"`"),
        }
    }
}

/// A whole number and where it was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct WrittenNumber {
    pub(crate) value: i128,
    pub(crate) at: Location,
}

/// A catalog as written, before its meaning is checked.
#[derive(Debug, Default)]
pub(crate) struct Spec {
    pub(crate) name: Option<WrittenText>,
    pub(crate) description: Option<WrittenText>,
    pub(crate) code_formats: Vec<WrittenText>,
    pub(crate) wire_format: Option<WrittenText>,
    pub(crate) problem_type: Option<WrittenText>,
    pub(crate) problem_code: Option<WrittenText>,
    pub(crate) help_url: Option<WrittenText>,
    pub(crate) grpc_domain: Option<WrittenText>,
    /// `grpc-codes`: HTTP statuses and the gRPC code each stands for.
    pub(crate) grpc_codes: Vec<(WrittenNumber, WrittenText)>,
    pub(crate) defaults: WrittenClasses,
    /// The lints the catalog allows, as written.
    pub(crate) allow: Vec<WrittenText>,
    pub(crate) domains: Vec<DomainSpec>,
    /// Domain ids that could not be read, as written: references to them
    /// are not reported again.
    pub(crate) unread_domain_ids: Vec<String>,
    pub(crate) codes: Vec<CodeSpec>,
    /// Where `codes:` is, for what concerns all of them.
    pub(crate) codes_at: Location,
}

/// The classifications a code has, or that `defaults` gives every code.
#[derive(Debug, Default)]
pub(crate) struct WrittenClasses {
    pub(crate) action: Option<WrittenText>,
    pub(crate) severity: Option<WrittenText>,
    pub(crate) outcome: Option<WrittenText>,
    pub(crate) origin: Option<WrittenText>,
}

#[derive(Debug)]
pub(crate) struct DomainSpec {
    pub(crate) id: WrittenText,
    pub(crate) title: Option<WrittenText>,
    pub(crate) description: Option<WrittenText>,
}

/// One entry under `codes`.
#[derive(Debug)]
pub(crate) struct CodeSpec {
    pub(crate) at: Location,
    pub(crate) code: Option<WrittenText>,
    pub(crate) name: Option<WrittenText>,
    pub(crate) status: Option<WrittenNumber>,
    pub(crate) title: Option<WrittenText>,
    pub(crate) description: Option<WrittenText>,
    pub(crate) resolution: Option<WrittenText>,
    pub(crate) domain: Option<WrittenText>,
    pub(crate) wire_format: Option<WrittenText>,
    pub(crate) classes: WrittenClasses,
    pub(crate) deprecated: Option<WrittenText>,
    pub(crate) replaced_by: Option<WrittenText>,
    pub(crate) grpc_reason: Option<WrittenText>,
    pub(crate) grpc_code: Option<WrittenText>,
    pub(crate) allow: Vec<WrittenText>,
}

/// Reads a parsed document; what cannot be read is reported and left out.
pub(crate) fn read(root: &Node, source: &Source<'_>, errors: &mut Errors) -> Spec {
    let mut spec = Spec::default();
    if root.value == Value::Null {
        errors.push(
            Diagnostic::new("the catalog is empty", root.at)
                .help("start with `name: MyError` and a list of `codes:`; see specs/FORMAT.md"),
        );
        return spec;
    }
    let Some(top) = Mapping::read(root, "the catalog", keys::CATALOG_KEYS, errors) else {
        return spec;
    };
    spec.name = top.text(keys::NAME, errors);
    spec.description = top.text(keys::DESCRIPTION, errors);
    spec.wire_format = top.text(keys::WIRE_FORMAT, errors);
    spec.problem_type = top.text(keys::PROBLEM_TYPE, errors);
    spec.problem_code = top.text(keys::PROBLEM_CODE, errors);
    spec.help_url = top.text(keys::HELP_URL, errors);
    spec.grpc_domain = top.text(keys::GRPC_DOMAIN, errors);
    if let Some(node) = top.get(keys::GRPC_CODES) {
        spec.grpc_codes = read_grpc_codes(node, errors);
    }
    spec.code_formats = top.texts(keys::CODE_FORMAT, errors);
    spec.allow = top.texts(keys::ALLOW, errors);
    if let Some(fields) = top
        .get(keys::DEFAULTS)
        .and_then(|node| Mapping::read(node, "`defaults`", keys::DEFAULT_KEYS, errors))
    {
        spec.defaults = fields.classes(errors);
    }
    if let Some(node) = top.get(keys::DOMAINS) {
        (spec.domains, spec.unread_domain_ids) = read_domains(node, source, errors);
    }
    if let Some(node) = top.get(keys::CODES) {
        spec.codes_at = node.at;
        match &node.value {
            // An empty enum would be of no use; it is surely a mistake.
            Value::Seq(items) if items.is_empty() => errors.push(
                Diagnostic::new("the catalog has no codes", node.at).help(
                    "add at least one entry under `codes:`, e.g. `- {code: \"E1\", status: 400, title: Bad input}`",
                ),
            ),
            Value::Seq(items) => {
                spec.codes = items
                    .iter()
                    .filter_map(|item| read_code(item, source, errors))
                    .collect();
            }
            Value::Null => {}
            other => errors.push(
                Diagnostic::new(
                    format!("`codes` must be a list of entries, found {}", other.kind()),
                    node.at,
                )
                .help("write each code as a list item: `- code: \"…\"`"),
            ),
        }
    }
    top.require(
        keys::NAME,
        || "the catalog".to_owned(),
        "add `name: MyError`: it names the generated enum",
        root.at,
        errors,
    );
    top.require(
        keys::CODES,
        || "the catalog".to_owned(),
        "add a `codes:` list with one entry per error code",
        root.at,
        errors,
    );
    spec
}

/// The domains that could be read, and the ids, as written, of those that
/// could not.
fn read_domains(
    node: &Node,
    source: &Source<'_>,
    errors: &mut Errors,
) -> (Vec<DomainSpec>, Vec<String>) {
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
        return (Vec::new(), Vec::new());
    };
    let mut domains = Vec::new();
    let mut unread = Vec::new();
    for (key, value) in entries {
        let Some(id) = identifier(key, Identifier::DomainId, source, errors) else {
            unread.push(source.token(key.at.line, key.at.column).to_owned());
            continue;
        };
        let (title, description) = match &value.value {
            Value::Str { .. } => (text(value, keys::TITLE, errors), None),
            _ => match Mapping::read(
                value,
                &format!("domain `{}`", id.value),
                keys::DOMAIN_KEYS,
                errors,
            ) {
                Some(fields) => (
                    fields.text(keys::TITLE, errors),
                    fields.text(keys::DESCRIPTION, errors),
                ),
                None => continue,
            },
        };
        domains.push(DomainSpec {
            id,
            title,
            description,
        });
    }
    (domains, unread)
}

fn read_code(node: &Node, source: &Source<'_>, errors: &mut Errors) -> Option<CodeSpec> {
    let fields = Mapping::read(node, "a code entry", keys::CODE_KEYS, errors)?;
    let code = fields
        .get(keys::CODE)
        .and_then(|node| identifier(node, Identifier::Code, source, errors));
    let required = [
        (
            keys::CODE,
            "add `code: \"…\"`, the code's stable identifier",
        ),
        (
            keys::STATUS,
            "add `status:` with the HTTP status of responses that carry this code",
        ),
        (
            keys::TITLE,
            "add `title:` with a short human-readable summary",
        ),
    ];
    for (key, help) in required {
        let owner = || {
            code.as_ref().map_or_else(
                || "the code entry".to_owned(),
                |code| format!("the entry for `{}`", code.value),
            )
        };
        fields.require(key, owner, help, node.at, errors);
    }
    Some(CodeSpec {
        at: node.at,
        code,
        name: fields.text(keys::NAME, errors),
        status: fields.number(keys::STATUS, errors),
        title: fields.text(keys::TITLE, errors),
        description: fields.text(keys::DESCRIPTION, errors),
        resolution: fields.text(keys::RESOLUTION, errors),
        domain: fields
            .get(keys::DOMAIN)
            .and_then(|node| identifier(node, Identifier::DomainReference, source, errors)),
        wire_format: fields.text(keys::WIRE_FORMAT, errors),
        classes: fields.classes(errors),
        deprecated: fields
            .get(keys::DEPRECATED)
            .and_then(|node| deprecation(node, errors)),
        replaced_by: fields
            .get(keys::REPLACED_BY)
            .and_then(|node| identifier(node, Identifier::Replacement, source, errors)),
        grpc_reason: fields.text(keys::GRPC_REASON, errors),
        grpc_code: fields.text(keys::GRPC_CODE, errors),
        allow: fields.texts(keys::ALLOW, errors),
    })
}

/// Reads `grpc-codes`, a mapping from HTTP status to gRPC code name.
fn read_grpc_codes(node: &Node, errors: &mut Errors) -> Vec<(WrittenNumber, WrittenText)> {
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
        let Some(code) = text(value, keys::GRPC_CODES, errors) else {
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

/// The entries of one mapping, once its keys have been checked.
struct Mapping<'n> {
    entries: Vec<(&'static str, &'n Node)>,
}

impl<'n> Mapping<'n> {
    /// Reads `node` as a mapping that may have the keys in `allowed`.
    /// Unknown, duplicate and non-string keys are reported and skipped.
    fn read(
        node: &'n Node,
        what: &str,
        allowed: &[&'static str],
        errors: &mut Errors,
    ) -> Option<Self> {
        let Value::Map(pairs) = &node.value else {
            errors.push(Diagnostic::new(
                format!(
                    "{what} must be a mapping of keys to values, found {}",
                    node.value.kind()
                ),
                node.at,
            ));
            return None;
        };
        let mut entries: Vec<(&'static str, &'n Node)> = Vec::with_capacity(pairs.len());
        let mut seen: Vec<Location> = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let Value::Str { text, .. } = &key.value else {
                errors.push(Diagnostic::new(
                    format!("keys must be strings, found {}", key.value.kind()),
                    key.at,
                ));
                continue;
            };
            let Some(&known) = allowed.iter().find(|&&k| k == text) else {
                errors.push(unknown_key(text, what, allowed, key.at));
                continue;
            };
            if let Some(i) = entries.iter().position(|(k, _)| *k == known) {
                errors.push(
                    Diagnostic::new(format!("duplicate key `{known}` in {what}"), key.at)
                        .note_at(
                            Document::Catalog,
                            seen[i],
                            format!("`{known}` is first given here"),
                        )
                        .help("keep one of them"),
                );
                continue;
            }
            entries.push((known, value));
            seen.push(key.at);
        }
        Some(Mapping { entries })
    }

    /// Reports `key` when it is absent or has no value. `owner` names the
    /// mapping in the message; it is only built when something is missing.
    fn require(
        &self,
        key: &str,
        owner: impl Fn() -> String,
        help: &str,
        at: Location,
        errors: &mut Errors,
    ) {
        match self.get(key) {
            None => {
                errors.push(Diagnostic::new(format!("{} has no `{key}`", owner()), at).help(help));
            }
            Some(node) if node.value == Value::Null => {
                let message = format!("`{key}` has no value in {}", owner());
                errors.push(Diagnostic::new(message, node.at).help(help));
            }
            Some(_) => {}
        }
    }

    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, node)| *node)
    }

    fn text(&self, key: &str, errors: &mut Errors) -> Option<WrittenText> {
        text(self.get(key)?, key, errors)
    }

    /// A value that may be one string or a list of them.
    fn texts(&self, key: &str, errors: &mut Errors) -> Vec<WrittenText> {
        match self.get(key).map(|node| (node, &node.value)) {
            None => Vec::new(),
            Some((_, Value::Seq(items))) => items
                .iter()
                .filter_map(|item| text(item, key, errors))
                .collect(),
            Some((node, _)) => text(node, key, errors).into_iter().collect(),
        }
    }

    fn number(&self, key: &str, errors: &mut Errors) -> Option<WrittenNumber> {
        let node = self.get(key)?;
        match &node.value {
            Value::Int(value) => Some(WrittenNumber {
                value: *value,
                at: node.at,
            }),
            Value::Null => None,
            other => {
                errors.push(Diagnostic::new(
                    format!("`{key}` must be a whole number, found {}", other.kind()),
                    node.at,
                ));
                None
            }
        }
    }

    fn classes(&self, errors: &mut Errors) -> WrittenClasses {
        WrittenClasses {
            action: self.text(keys::ACTION, errors),
            severity: self.text(keys::SEVERITY, errors),
            outcome: self.text(keys::OUTCOME, errors),
            origin: self.text(keys::ORIGIN, errors),
        }
    }
}

/// Reads an identifier. A scalar that YAML read as something other than a
/// string was written unquoted, and is refused with the way to quote it,
/// so that the identifier is kept exactly as written.
fn identifier(
    node: &Node,
    what: Identifier,
    source: &Source<'_>,
    errors: &mut Errors,
) -> Option<WrittenText> {
    match &node.value {
        Value::Str { .. } => text(node, what.noun(), errors),
        Value::Null => None,
        Value::Seq(_) | Value::Map(_) => {
            errors.push(Diagnostic::new(
                format!(
                    "{} must be a string, found {}",
                    what.noun(),
                    node.value.kind()
                ),
                node.at,
            ));
            None
        }
        scalar => {
            let written = source.token(node.at.line, node.at.column);
            errors.push(
                Diagnostic::new(
                    format!(
                        "{} `{written}` is unquoted, so YAML reads it as {}",
                        what.noun(),
                        scalar.kind()
                    ),
                    node.at,
                )
                .help(format!(
                    "quote it, as in {}, to keep the {} exactly as written",
                    what.quoted(written),
                    what.noun()
                )),
            );
            None
        }
    }
}

/// Reads `deprecated`, which takes the reason: `deprecated: true`, or the
/// key with no value, would leave users of the code without one.
fn deprecation(node: &Node, errors: &mut Errors) -> Option<WrittenText> {
    if let Value::Str { .. } = node.value {
        return text(node, keys::DEPRECATED, errors);
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

/// Reads a string value; `null` (an empty value) counts as absent.
fn text(node: &Node, key: &str, errors: &mut Errors) -> Option<WrittenText> {
    match &node.value {
        Value::Str { text, plain } => Some(WrittenText {
            value: text.clone(),
            at: node.at,
            plain: *plain,
        }),
        Value::Null => None,
        other => {
            errors.push(
                Diagnostic::new(
                    format!("`{key}` must be a string, found {}", other.kind()),
                    node.at,
                )
                .help("quote the value to make it a string"),
            );
            None
        }
    }
}

fn unknown_key(key: &str, what: &str, allowed: &[&str], at: Location) -> Diagnostic {
    let diagnostic = Diagnostic::new(format!("unknown key `{key}` in {what}"), at);
    match closest(key, allowed) {
        Some(candidate) => diagnostic.help(format!("did you mean `{candidate}`?")),
        None => diagnostic.help(format!("the keys allowed here are {}", list(allowed))),
    }
}
