//! The catalog as written: each mapping read against the keys it may have
//! ([`keys`](crate::keys)), and each value against the kind its key
//! declares. What the values mean is checked in `check.rs`.

use crate::diagnostic::{Diagnostic, Document, Errors, Location, closest, list};
use crate::keys::{self, Key, Kind};
use crate::source::Source;
use crate::words;
use crate::yaml::{Node, Value};

/// A string value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WrittenText {
    pub(crate) value: String,
    pub(crate) at: Location,
    /// Written without quotes; see `Value::Str`.
    pub(crate) plain: bool,
}

/// A whole number and where it was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct WrittenNumber {
    pub(crate) value: i128,
    pub(crate) at: Location,
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

/// One mapping of the catalog, once its keys have been checked against
/// the declarations of its place.
pub(crate) struct Mapping<'n> {
    /// Where the mapping starts.
    pub(crate) at: Location,
    entries: Vec<(&'static Key, &'n Node)>,
}

impl<'n> Mapping<'n> {
    /// Reads `node` as a mapping of the keys `allowed`. Unknown, duplicate
    /// and non-string keys are reported and skipped; `what` names the
    /// mapping in messages.
    pub(crate) fn read(
        node: &'n Node,
        what: &str,
        allowed: &[&'static Key],
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
        let mut entries: Vec<(&'static Key, &'n Node)> = Vec::with_capacity(pairs.len());
        let mut seen: Vec<Location> = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let Value::Str { text, .. } = &key.value else {
                errors.push(Diagnostic::new(
                    format!("keys must be strings, found {}", key.value.kind()),
                    key.at,
                ));
                continue;
            };
            let Some(&known) = allowed.iter().find(|k| k.name == text) else {
                errors.push(unknown_key(text, what, allowed, key.at));
                continue;
            };
            if let Some(i) = entries.iter().position(|(k, _)| k.name == known.name) {
                errors.push(
                    Diagnostic::new(format!("duplicate key `{text}` in {what}"), key.at)
                        .note_at(
                            Document::Catalog,
                            seen[i],
                            format!("`{text}` is first given here"),
                        )
                        .help("keep one of them"),
                );
                continue;
            }
            entries.push((known, value));
            seen.push(key.at);
        }
        Some(Mapping {
            at: node.at,
            entries,
        })
    }

    /// Reports each required key of `allowed` that is absent or has no
    /// value. `owner` names the mapping; it is built only when needed.
    pub(crate) fn require(
        &self,
        allowed: &[&'static Key],
        owner: impl Fn() -> String,
        errors: &mut Errors,
    ) {
        for key in allowed {
            let Some(help) = key.required else { continue };
            let name = key.name;
            match self.get(key) {
                None => errors.push(
                    Diagnostic::new(format!("{} has no `{name}`", owner()), self.at).help(help),
                ),
                Some(node) if node.value == Value::Null => errors.push(
                    Diagnostic::new(format!("`{name}` has no value in {}", owner()), node.at)
                        .help(help),
                ),
                Some(_) => {}
            }
        }
    }

    /// The value of `key`, as written.
    pub(crate) fn get(&self, key: &Key) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key.name)
            .map(|(_, node)| *node)
    }

    /// The string value of `key`; `None` when absent, empty or not a
    /// string, which is reported.
    pub(crate) fn text(&self, key: &Key, errors: &mut Errors) -> Option<WrittenText> {
        debug_assert!(matches!(key.kind, Kind::Text | Kind::Name | Kind::Word(_)));
        text(self.get(key)?, key.name, errors)
    }

    /// The value of `key`, one string or a list of them.
    pub(crate) fn texts(&self, key: &Key, errors: &mut Errors) -> Vec<WrittenText> {
        match self.get(key).map(|node| (node, &node.value)) {
            None => Vec::new(),
            Some((_, Value::Seq(items))) => items
                .iter()
                .filter_map(|item| text(item, key.name, errors))
                .collect(),
            Some((node, _)) => text(node, key.name, errors).into_iter().collect(),
        }
    }

    /// The whole number `key` has.
    pub(crate) fn number(&self, key: &Key, errors: &mut Errors) -> Option<WrittenNumber> {
        let node = self.get(key)?;
        match &node.value {
            Value::Int(value) => Some(WrittenNumber {
                value: *value,
                at: node.at,
            }),
            Value::Null => None,
            other => {
                let diagnostic = Diagnostic::new(
                    format!(
                        "`{}` must be a whole number, found {}",
                        key.name,
                        other.kind()
                    ),
                    node.at,
                );
                errors.push(match other {
                    Value::Str { text, .. } if text.trim().parse::<i64>().is_ok() => diagnostic
                        .help(format!(
                            "write it without quotes: `{}: {}`",
                            key.name,
                            text.trim()
                        )),
                    _ => diagnostic,
                });
                None
            }
        }
    }

    /// The `true` or `false` that `key` has.
    pub(crate) fn flag(&self, key: &Key, errors: &mut Errors) -> Option<(bool, Location)> {
        let node = self.get(key)?;
        match &node.value {
            Value::Bool(value) => Some((*value, node.at)),
            Value::Null => None,
            other => {
                let diagnostic = Diagnostic::new(
                    format!(
                        "`{}` must be true or false, found {}",
                        key.name,
                        other.kind()
                    ),
                    node.at,
                );
                errors.push(match other {
                    Value::Str { text, .. } => {
                        match text.trim().to_ascii_lowercase().as_str() {
                            "true" | "yes" | "on" => diagnostic
                                .help(format!("write `{}: true`, without quotes", key.name)),
                            "false" | "no" | "off" => diagnostic
                                .help(format!("write `{}: false`, without quotes", key.name)),
                            _ => diagnostic,
                        }
                    }
                    _ => diagnostic,
                });
                None
            }
        }
    }

    /// The identifier `key` has; see [`identifier`].
    pub(crate) fn identifier(
        &self,
        key: &Key,
        what: Identifier,
        source: &Source<'_>,
        errors: &mut Errors,
    ) -> Option<WrittenText> {
        identifier(self.get(key)?, what, source, errors)
    }
}

/// Reads an identifier. A scalar that YAML read as something other than a
/// string was written unquoted, and is refused with the way to quote it,
/// so that the identifier is kept exactly as written.
pub(crate) fn identifier(
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

/// Reads a string value; `null` (an empty value) counts as absent.
pub(crate) fn text(node: &Node, key: &str, errors: &mut Errors) -> Option<WrittenText> {
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

fn unknown_key(key: &str, what: &str, allowed: &[&Key], at: Location) -> Diagnostic {
    let diagnostic = Diagnostic::new(format!("unknown key `{key}` in {what}"), at);
    let names = keys::names(allowed);
    if let Some(help) = words::key_said_elsewhere(key, &names) {
        return diagnostic.help(help);
    }
    match closest(key, &names) {
        Some(candidate) => diagnostic.help(format!("did you mean `{candidate}`?")),
        None => diagnostic.help(format!("the keys allowed here are {}", list(&names))),
    }
}
