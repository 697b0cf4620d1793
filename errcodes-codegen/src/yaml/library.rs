//! The one module that knows the YAML library, `serde_yaml`: it reads any
//! document into a tree of [`Node`]s that remember where they start.
//!
//! `serde_yaml` keeps no positions on parsed values, but it stamps every
//! error raised while a value is being read with that value's position. So
//! each scalar is read by a visitor that puts the value aside and raises a
//! marker error; the enclosing collection catches it, reads the position
//! out of it, takes the value back and carries on with the next entry. A
//! scalar has been consumed by the time its visitor runs, so the parser is
//! left exactly where it would be after success. Collections take the
//! position of their first entry. Any other error (malformed YAML, the
//! recursion limit) ends the parse.
//!
//! The visitors are generic over the error type, so the position is read
//! from the error's message, which `serde_yaml` 0.9 (pinned, and no longer
//! developed) ends with `at line L column C`.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Node, Value};
use crate::diagnostic::{Diagnostic, Location};
use crate::source::Source;

/// Parses a whole document.
pub(super) fn parse(source: &Source<'_>) -> Result<Node, Box<Diagnostic>> {
    let reader = Reader {
        source,
        stash: Cell::new(None),
    };
    let seed = NodeSeed {
        reader: &reader,
        fallback: Location::START,
    };
    match seed.deserialize(serde_yaml::Deserializer::from_str(source.text)) {
        Ok(node) => Ok(node),
        Err(error) => match reader.stash.take() {
            Some(value) => {
                let at = error.location().map_or(Location::START, |l| Location {
                    line: l.line(),
                    column: l.column(),
                });
                Ok(reader.node(value, at))
            }
            None => Err(Box::new(syntax_error(&error))),
        },
    }
}

fn syntax_error(error: &serde_yaml::Error) -> Diagnostic {
    let mut message = error.to_string();
    let at = match error.location() {
        Some(l) => {
            let suffix = format!(" at line {} column {}", l.line(), l.column());
            if let Some(i) = message.find(&suffix) {
                message.replace_range(i..i + suffix.len(), "");
            }
            Location {
                line: l.line(),
                column: l.column(),
            }
        }
        None => Location::START,
    };
    Diagnostic::new(format!("invalid YAML: {message}"), at)
        .help("fix the YAML syntax at this position; every other check waits for it")
}

/// The state shared by the visitors of one parse.
struct Reader<'s> {
    source: &'s Source<'s>,
    /// The scalar whose visitor raised the marker error.
    stash: Cell<Option<Value>>,
}

/// The message of the marker error; it never reaches a user.
const MARKER: &str = "\u{1}errcodes: position probe\u{1}";

impl Reader<'_> {
    /// Turns the result of reading one entry into a node: a collection came
    /// back as a value, a scalar as the marker error carrying its position.
    fn entry<E: de::Error>(&self, read: Result<Node, E>) -> Result<Node, E> {
        match read {
            Ok(node) => Ok(node),
            Err(error) => match self.stash.take() {
                Some(value) => Ok(self.node(value, position_in(&error.to_string()))),
                None => Err(error),
            },
        }
    }

    fn node(&self, value: Value, at: Location) -> Node {
        let value = match value {
            Value::Str { text, .. } => Value::Str {
                plain: self.is_plain(at),
                text,
            },
            value => value,
        };
        Node { value, at }
    }

    /// Whether the scalar at `at` is written plain: not quoted, not a block
    /// scalar, not tagged. An anchor in front of it is skipped.
    fn is_plain(&self, at: Location) -> bool {
        let mut rest = self.source.rest_of_line(at.line, at.column).unwrap_or("");
        if let Some(anchored) = rest.strip_prefix('&') {
            rest = anchored
                .trim_start_matches(|c: char| !c.is_whitespace())
                .trim_start();
        }
        !rest.starts_with(['"', '\'', '|', '>', '!'])
    }

    fn scalar<E: de::Error>(&self, value: Value) -> Result<Node, E> {
        self.stash.set(Some(value));
        Err(E::custom(MARKER))
    }
}

/// Reads the position `serde_yaml` appended to an error message.
fn position_in(message: &str) -> Location {
    let parse = || {
        let (_, rest) = message.rsplit_once(" at line ")?;
        let (line, column) = rest.split_once(" column ")?;
        Some(Location {
            line: line.parse().ok()?,
            column: column.parse().ok()?,
        })
    };
    // serde_yaml leaves the position out at line 1, column 1.
    parse().unwrap_or(Location::START)
}

#[derive(Clone, Copy)]
struct NodeSeed<'r> {
    reader: &'r Reader<'r>,
    /// Where an empty collection is said to be.
    fallback: Location,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value without tags")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        self.reader.scalar(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        self.reader.scalar(Value::Int(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        self.reader.scalar(Value::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        self.reader.scalar(Value::Int(v.into()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        match i128::try_from(v) {
            Ok(v) => self.reader.scalar(Value::Int(v)),
            Err(_) => self.reader.scalar(Value::Float(f64::INFINITY)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        self.reader.scalar(Value::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        self.reader.scalar(Value::Str {
            text: v.to_owned(),
            plain: false,
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        self.reader.scalar(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        // Only an empty document, which has no position.
        Ok(Node {
            value: Value::Null,
            at: self.fallback,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            let fallback = items.last().map_or(self.fallback, |node| node.at);
            let seed = NodeSeed {
                reader: self.reader,
                fallback,
            };
            let item = match seq.next_element_seed(seed) {
                Ok(None) => break,
                Ok(Some(node)) => Ok(node),
                Err(error) => Err(error),
            };
            items.push(self.reader.entry(item)?);
        }
        let at = items.first().map_or(self.fallback, |node| node.at);
        Ok(Node {
            value: Value::Seq(items),
            at,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries: Vec<(Node, Node)> = Vec::new();
        loop {
            let fallback = entries.last().map_or(self.fallback, |(key, _)| key.at);
            let seed = NodeSeed {
                reader: self.reader,
                fallback,
            };
            let key = match map.next_key_seed(seed) {
                Ok(None) => break,
                Ok(Some(node)) => Ok(node),
                Err(error) => Err(error),
            };
            let key = self.reader.entry(key)?;
            let seed = NodeSeed {
                reader: self.reader,
                fallback: key.at,
            };
            let value = self.reader.entry(map.next_value_seed(seed))?;
            entries.push((key, value));
        }
        let at = entries.first().map_or(self.fallback, |(key, _)| key.at);
        Ok(Node {
            value: Value::Map(entries),
            at,
        })
    }
}
