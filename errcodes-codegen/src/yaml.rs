//! YAML documents as trees of [`Node`]s that remember where they start.
//!
//! Two readers build them. `fast.rs` reads the subset of YAML that catalogs
//! are usually written in, many times faster than the YAML library while the
//! macro runs unoptimized, as proc macros do by default. Whatever it does
//! not recognize, `library.rs` reads with `serde_yaml`, which also reports
//! every syntax error. Both give the same tree for the same document; tests
//! hold them to it.

mod fast;
mod library;

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
pub(crate) fn parse(source: &Source<'_>) -> Result<Node, Box<Diagnostic>> {
    match fast::parse(source.text) {
        Some(node) => Ok(node),
        None => library::parse(source),
    }
}

/// Whether the fast reader, where it reads `source` at all, reads what the
/// YAML library reads.
pub(crate) fn readers_agree(source: &Source<'_>) -> bool {
    fast::parse(source.text)
        .is_none_or(|fast| library::parse(source).is_ok_and(|library| fast == library))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Node, Box<Diagnostic>> {
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
