//! Typed fields and message templates: what one occurrence of a code
//! carries, as its catalog declares it, and how its message is built from
//! them.
//!
//! The macro checks the declarations and stores each code's fields and
//! template as one text each in the catalog's tables, in the encodings
//! below; the runtime reads them back to write, read and describe fields.
//!
//! ```
//! use errcodes_core::fields::{self, FieldKind, FieldSpec, FieldType, Piece};
//!
//! let spec = FieldSpec {
//!     name: "segment_id",
//!     key: "segmentId",
//!     ty: FieldType::one(FieldKind::String),
//!     optional: false,
//!     values: "",
//! };
//! let mut stored = String::new();
//! fields::encode_fields(&[spec], &mut stored);
//! assert_eq!(fields::decode_fields(&stored).collect::<Vec<_>>(), [spec]);
//!
//! let mut template = String::new();
//! fields::encode_template(&[Piece::Text("segment "), Piece::Field(0)], &mut template);
//! assert_eq!(
//!     fields::decode_template(&template).collect::<Vec<_>>(),
//!     [Piece::Text("segment "), Piece::Field(0)]
//! );
//! ```

use alloc::string::String;
use core::fmt;
use core::str::FromStr;

use crate::UnknownWord;

vocabulary! {
    /// What the value of a field is, and how it is written in JSON.
    pub enum FieldKind as "field type" {
        /// A JSON string.
        String = "string",
        /// A whole number, as a JSON number, from −2⁶³ to 2⁶³ − 1.
        Integer = "integer",
        /// Any JSON number.
        Number = "number",
        /// `true` or `false`.
        Boolean = "boolean",
        /// An RFC 3339 date and time, as a JSON string.
        Timestamp = "timestamp",
        /// A duration in seconds with an `s`, as Google's JSON writes one:
        /// `"1.5s"`.
        Duration = "duration",
        /// An absolute URI, as a JSON string.
        Uri = "uri",
        /// One of the strings the field's `values` lists.
        OneOf = "enum",
        /// Any JSON value.
        Any = "any",
    }
}

/// A field's type: a kind, or a list of values of a kind.
///
/// ```
/// use errcodes_core::fields::{FieldKind, FieldType};
///
/// let ty: FieldType = "list of string".parse().unwrap();
/// assert_eq!(ty, FieldType { kind: FieldKind::String, list: true });
/// assert_eq!(ty.to_string(), "list of string");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldType {
    /// The kind of the value, or of each item.
    pub kind: FieldKind,
    /// Whether the value is a JSON array of such items.
    pub list: bool,
}

impl FieldType {
    /// One value of `kind`.
    #[must_use]
    pub const fn one(kind: FieldKind) -> Self {
        FieldType { kind, list: false }
    }

    /// Whether every value of the type is a JSON string, which text forms
    /// (gRPC metadata, XML) carry as it is; the others carry JSON.
    #[must_use]
    pub const fn is_text(self) -> bool {
        !self.list
            && matches!(
                self.kind,
                FieldKind::String
                    | FieldKind::Timestamp
                    | FieldKind::Duration
                    | FieldKind::Uri
                    | FieldKind::OneOf
            )
    }

    /// Every spelling of a type: each kind, then `list of` each kind.
    pub const SPELLINGS: [&'static str; 18] = {
        let mut spellings = [""; 18];
        let mut i = 0;
        while i < 9 {
            spellings[i] = FieldKind::SPELLINGS[i];
            spellings[i + 9] = LIST_SPELLINGS[i];
            i += 1;
        }
        spellings
    };
}

const LIST_SPELLINGS: [&str; 9] = [
    "list of string",
    "list of integer",
    "list of number",
    "list of boolean",
    "list of timestamp",
    "list of duration",
    "list of uri",
    "list of enum",
    "list of any",
];

impl FromStr for FieldType {
    type Err = UnknownWord;

    fn from_str(text: &str) -> Result<Self, UnknownWord> {
        let unknown = UnknownWord {
            kind: "field type",
            expected: &FieldType::SPELLINGS,
        };
        let (list, kind) = match text.strip_prefix("list of ") {
            Some(kind) => (true, kind),
            None => (false, text),
        };
        let kind = kind.parse().map_err(|_| unknown)?;
        Ok(FieldType { kind, list })
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.list {
            f.write_str("list of ")?;
        }
        f.write_str(self.kind.as_str())
    }
}

/// One field of a code, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec<'a> {
    /// Its name on the wire: the JSON member.
    pub name: &'a str,
    /// Its key in a Google `ErrorInfo`'s metadata: the name in
    /// lowerCamelCase.
    pub key: &'a str,
    /// Its type.
    pub ty: FieldType,
    /// Whether an occurrence may leave it out.
    pub optional: bool,
    /// For `enum` fields, the values, as stored: see [`values`](Self::values).
    pub values: &'a str,
}

impl<'a> FieldSpec<'a> {
    /// The values an `enum` field may take.
    pub fn values(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.values.split(VALUE).filter(|value| !value.is_empty())
    }
}

// Separators no value or template text may contain: the catalog's checks
// refuse control characters in them. `VALUE` is between an `enum` field's
// values, `PART` around a template's field positions.
const VALUE: char = '\u{1d}';
const PART: char = '\u{1f}';

/// Starts a template that chooses between forms: what follows is stored as
/// a translated message is ([`crate::localized`]), and rendering it needs
/// the plural rules of the catalog's language.
pub const FORMS: char = '\u{1e}';
/// Ends each length in a field's header.
const LENGTH_END: u8 = b';';

/// Appends `specs` to `out`, as [`decode_fields`] reads them.
pub fn encode_fields(specs: &[FieldSpec<'_>], out: &mut String) {
    for spec in specs {
        push_field(spec, out);
    }
}

/// Appends one field to fields encoded in `out`: a header of the lengths of
/// its name, key and values, each in decimal and ended by `;`, and a byte
/// each for list, presence and kind; then the name, the key and the values.
/// Renderers read every field of an occurrence, so nothing is searched for.
pub fn push_field(spec: &FieldSpec<'_>, out: &mut String) {
    use core::fmt::Write as _;

    for part in [spec.name, spec.key, spec.values] {
        let _ = write!(out, "{};", part.len());
    }
    out.push(if spec.ty.list { 'l' } else { '-' });
    out.push(if spec.optional { 'o' } else { '-' });
    let kind = FieldKind::ALL
        .iter()
        .position(|kind| *kind == spec.ty.kind)
        .unwrap_or_default();
    out.push(char::from(b'0' + u8::try_from(kind).unwrap_or_default()));
    out.push_str(spec.name);
    out.push_str(spec.key);
    out.push_str(spec.values);
}

/// The values of an `enum` field, as [`FieldSpec::values`] reads them.
pub fn join_values<'v>(values: impl IntoIterator<Item = &'v str>) -> String {
    let mut joined = String::new();
    for (i, value) in values.into_iter().enumerate() {
        if i > 0 {
            joined.push(VALUE);
        }
        joined.push_str(value);
    }
    joined
}

/// The fields [`encode_fields`] wrote, in order. Reading stops at the
/// first that does not read.
pub fn decode_fields(stored: &str) -> impl Iterator<Item = FieldSpec<'_>> {
    let mut rest = stored;
    core::iter::from_fn(move || {
        let (spec, after) = spec_of(rest)?;
        rest = after;
        Some(spec)
    })
}

/// The first field of `stored` as [`push_field`] wrote it, and what
/// follows it.
fn spec_of(stored: &str) -> Option<(FieldSpec<'_>, &str)> {
    let (name, rest) = length(stored.as_bytes())?;
    let (key, rest) = length(rest)?;
    let (values, rest) = length(rest)?;
    let (&[list, optional, kind], _) = rest.split_first_chunk()?;
    // The header is ASCII: what follows starts on a character boundary.
    let text = stored.get(stored.len() - rest.len() + 3..)?;
    let (name, text) = (text.get(..name)?, text.get(name..)?);
    let (key, text) = (text.get(..key)?, text.get(key..)?);
    let (values, text) = (text.get(..values)?, text.get(values..)?);
    let spec = FieldSpec {
        name,
        key,
        ty: FieldType {
            kind: *FieldKind::ALL.get(usize::from(kind.checked_sub(b'0')?))?,
            list: list == b'l',
        },
        optional: optional == b'o',
        values,
    };
    Some((spec, text))
}

/// A length in decimal ended by `;`, and the bytes after it.
fn length(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut length: usize = 0;
    for (at, &byte) in bytes.iter().enumerate().take(8) {
        if byte == LENGTH_END {
            return (at > 0).then(|| (length, &bytes[at + 1..]));
        }
        let digit = byte.checked_sub(b'0').filter(|digit| *digit < 10)?;
        length = length * 10 + usize::from(digit);
    }
    None
}

/// `text` before and after the first `separator`, an ASCII character.
fn cut(text: &str, separator: char) -> Option<(&str, &str)> {
    let separator = u8::try_from(separator).ok()?;
    let at = text.bytes().position(|byte| byte == separator)?;
    // Both ends are next to an ASCII byte: character boundaries.
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// Whether `text` is an absolute URI, loosely by RFC 3986: a scheme of
/// ASCII letters, digits, `+`, `-` and `.` starting with a letter, a colon,
/// and more, without spaces or control characters. What a `uri` field
/// takes, in the catalog and on the wire.
///
/// ```
/// use errcodes_core::fields::is_absolute_uri;
///
/// assert!(is_absolute_uri("https://example.com/a"));
/// assert!(is_absolute_uri("urn:isbn:0451450523"));
/// assert!(!is_absolute_uri("/relative"));
/// assert!(!is_absolute_uri("https://exa mple.com"));
/// ```
#[must_use]
pub fn is_absolute_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        && !rest.is_empty()
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A piece of a message template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text, as it is.
    Text(&'a str),
    /// The value of the code's field at this position.
    Field(usize),
}

/// Appends `pieces` to `out`, as [`decode_template`] reads them: texts and
/// field positions in turn, between separators.
pub fn encode_template(pieces: &[Piece<'_>], out: &mut String) {
    for piece in pieces {
        match *piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field(position) => {
                out.push(PART);
                push_number(position, out);
                out.push(PART);
            }
        }
    }
}

fn push_number(value: usize, out: &mut String) {
    use core::fmt::Write as _;
    // Writing to a String does not fail.
    let _ = write!(out, "{value}");
}

/// The pieces [`encode_template`] wrote, in order, without empty texts.
pub fn decode_template(stored: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = Some(stored);
    let mut parts = core::iter::from_fn(move || {
        let text = rest?;
        let (part, after) =
            cut(text, PART).map_or((text, None), |(part, after)| (part, Some(after)));
        rest = after;
        Some(part)
    });
    // Text and field positions take turns, text first.
    let mut at_field = true;
    core::iter::from_fn(move || {
        loop {
            let part = parts.next()?;
            at_field = !at_field;
            match (at_field, part.is_empty()) {
                (false, true) => {}
                (false, false) => return Some(Piece::Text(part)),
                (true, _) => {
                    if let Ok(position) = part.parse() {
                        return Some(Piece::Field(position));
                    }
                }
            }
        }
    })
}

/// Whether a template names any field: one that does not can be sent as
/// it is.
#[must_use]
pub fn is_constant(stored: &str) -> bool {
    !stored
        .bytes()
        .any(|byte| u32::from(byte) == u32::from(PART) || u32::from(byte) == u32::from(FORMS))
}

/// The forms of a template that chooses between them, as
/// [`crate::localized::Message`] reads them; `None` for any other.
#[must_use]
pub fn template_forms(stored: &str) -> Option<&str> {
    stored.strip_prefix(FORMS)
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    use super::*;

    #[test]
    fn specs_read_back() {
        let specs = [
            FieldSpec {
                name: "a",
                key: "a",
                ty: FieldType::one(FieldKind::Any),
                optional: true,
                values: "",
            },
            FieldSpec {
                name: "model",
                key: "model",
                ty: FieldType {
                    kind: FieldKind::OneOf,
                    list: true,
                },
                optional: false,
                values: "cpm\u{1d}revenue share",
            },
        ];
        let mut stored = String::new();
        encode_fields(&specs, &mut stored);
        assert_eq!(decode_fields(&stored).collect::<Vec<_>>(), specs);
        assert_eq!(
            specs[1].values().collect::<Vec<_>>(),
            ["cpm", "revenue share"]
        );
        assert_eq!(decode_fields("").count(), 0);
        // Whatever the bytes, reading never panics, and stops at the first
        // field that does not read.
        for broken in [
            "x",
            "1;1;0;--",
            "1;1;0;--9ab",
            "9;1;0;--0ab",
            "1;1;9;--0ab",
            "2;1;0;--0é",
            "99999999;",
        ] {
            let stored = format!("{stored}{broken}");
            assert_eq!(
                decode_fields(&stored).collect::<Vec<_>>(),
                specs,
                "{broken:?}"
            );
        }
    }

    #[test]
    fn templates_read_back_in_any_order_of_pieces() {
        let cases: [&[Piece<'_>]; 5] = [
            &[],
            &[Piece::Text("constant")],
            &[
                Piece::Field(0),
                Piece::Text(" must be in "),
                Piece::Field(12),
            ],
            &[Piece::Field(1), Piece::Field(2)],
            &[Piece::Text("a"), Piece::Field(0), Piece::Text("b")],
        ];
        for pieces in cases {
            let mut stored = String::new();
            encode_template(pieces, &mut stored);
            assert_eq!(decode_template(&stored).collect::<Vec<_>>(), pieces);
            assert_eq!(
                is_constant(&stored),
                !pieces.iter().any(|p| matches!(p, Piece::Field(_)))
            );
        }
    }

    #[test]
    fn types_are_spelled_and_read() {
        for spelling in FieldType::SPELLINGS {
            let ty: FieldType = spelling.parse().unwrap();
            assert_eq!(ty.to_string(), spelling);
        }
        assert!("list of list of string".parse::<FieldType>().is_err());
        assert!("str".parse::<FieldType>().is_err());
    }
}
