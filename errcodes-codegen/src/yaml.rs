//! The one module that knows the YAML library: it turns a document into a
//! tree of [`Node`]s that remember where they start.
//!
//! `serde_yaml` keeps no positions on parsed values, but it stamps every error
//! raised while a value is being read with that value's position. So each
//! scalar is read by a visitor that puts the value aside and raises a marker
//! error; the enclosing collection catches it, reads the position out of it,
//! takes the value back and carries on with the next entry. A scalar has
//! been consumed by the time its visitor runs, so the parser is left exactly
//! where it would be after success. Collections take the position of their
//! first entry. Any other error (malformed YAML, the recursion limit) ends the
//! parse.
//!
//! The visitors are generic over the error type, so the position is read
//! from the error's message, which `serde_yaml` 0.9 (pinned, and no longer
//! developed) ends with `at line L column C`.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::{Diagnostic, Location};
use crate::source::Source;

/// A YAML value and where it starts.
#[derive(Debug, PartialEq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    pub(crate) at: Location,
}

#[derive(Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    /// `plain` when the string was written without quotes, block indicator
    /// or tag, so that YAML resolved it as a string only because it did not
    /// look like a number, boolean or null.
    Str {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// How the value's type reads in a message: "a number", "a list", ….
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str { .. } => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Parses a whole document.
pub(crate) fn parse(source: &Source<'_>) -> Result<Node, Diagnostic> {
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
            None => Err(syntax_error(&error)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Node, Diagnostic> {
        parse(&Source::new("t.yaml", text))
    }

    fn at(line: usize, column: usize) -> Location {
        Location { line, column }
    }

    fn map(node: &Node) -> &[(Node, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn every_key_and_scalar_knows_its_position() {
        let root = parse_str(
            "name: X\ncodes:\n  - code: \"a\"\n    status: 400\n  - {code: 'b', status: 1e3}\n",
        )
        .unwrap();
        let top = map(&root);
        assert_eq!(top[0].0.at, at(1, 1));
        assert_eq!(top[0].1.at, at(1, 7));
        let Value::Seq(codes) = &top[1].1.value else {
            panic!()
        };
        assert_eq!(codes[0].at, at(3, 5));
        let first = map(&codes[0]);
        assert_eq!(
            first[0].1.value,
            Value::Str {
                text: "a".into(),
                plain: false
            }
        );
        assert_eq!(first[0].1.at, at(3, 11));
        assert_eq!(first[1].1.value, Value::Int(400));
        assert_eq!(first[1].1.at, at(4, 13));
        let second = map(&codes[1]);
        assert_eq!(second[0].0.at, at(5, 6));
        assert_eq!(second[1].1.value, Value::Float(1000.0));
        assert_eq!(second[1].1.at, at(5, 25));
    }

    #[test]
    fn plain_strings_are_told_from_quoted_ones() {
        let root =
            parse_str("a: 010\nb: \"010\"\nc: !!str 010\nd: &x 010\ne: |\n  010\nf: é\n").unwrap();
        let plain: Vec<_> = map(&root)
            .iter()
            .map(|(_, v)| match &v.value {
                Value::Str { text, plain } => (text.trim_end().to_owned(), *plain),
                other => panic!("{other:?}"),
            })
            .collect();
        let expected = [
            ("010", true),
            ("010", false),
            ("010", false),
            ("010", true),
            ("010", false),
            ("é", true),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(t, p)| ((*t).to_owned(), *p))
            .collect();
        assert_eq!(plain, expected);
    }

    #[test]
    fn columns_count_characters() {
        let root = parse_str("é: ü\nkey: [é, x]\n").unwrap();
        let top = map(&root);
        assert_eq!(top[0].1.at, at(1, 4));
        let Value::Seq(items) = &top[1].1.value else {
            panic!()
        };
        assert_eq!(items[1].at, at(2, 10));
    }

    #[test]
    fn scalars_at_the_start_of_the_file_are_found() {
        assert_eq!(
            parse_str("42").unwrap(),
            Node {
                value: Value::Int(42),
                at: at(1, 1)
            }
        );
        let root = parse_str("- x").unwrap();
        let Value::Seq(items) = &root.value else {
            panic!()
        };
        assert_eq!(items[0].at, at(1, 3));
    }

    #[test]
    fn empty_documents_and_collections_have_positions() {
        assert_eq!(
            parse_str("").unwrap(),
            Node {
                value: Value::Null,
                at: at(1, 1)
            }
        );
        let root = parse_str("a: 1\nb: []\nc: {}\n").unwrap();
        let top = map(&root);
        assert_eq!(top[1].1.at, at(2, 1));
        assert_eq!(top[2].1.at, at(3, 1));
    }

    #[test]
    fn malformed_yaml_reports_the_parser_position() {
        let error = parse_str("name: X\ncodes:\n  - code: a\n   status: 1\n").unwrap_err();
        assert_eq!(error.location(), at(4, 4));
        assert_eq!(
            error.message(),
            "invalid YAML: did not find expected '-' indicator, while parsing a block collection at line 3 column 3"
        );
    }

    #[test]
    fn tags_and_duplicate_documents_are_errors_not_panics() {
        let tag = parse_str("a: !custom 1\n").unwrap_err();
        assert_eq!(tag.location(), at(1, 4));
        let documents = parse_str("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(
            documents.message().contains("more than one document"),
            "{}",
            documents.message()
        );
        let deep = parse_str(&"[".repeat(1000)).unwrap_err();
        assert!(
            deep.message().starts_with("invalid YAML"),
            "{}",
            deep.message()
        );
    }

    #[test]
    fn aliases_resolve_to_the_anchored_value() {
        let root = parse_str("a: &x hello\nb: *x\n").unwrap();
        let top = map(&root);
        assert_eq!(
            top[1].1.value,
            Value::Str {
                text: "hello".into(),
                plain: true
            }
        );
    }
}
