//! The model of what an occurrence carries: a code's typed fields and its
//! message template, checked (`check/fields.rs`) and ready for the
//! generator and the readers.

use std::fmt::Write as _;

use errcodes_core::fields::{self, FieldKind, FieldSpec, FieldType, Piece};
use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

use crate::model::Located;
use crate::spec::WrittenText;
pub use crate::template::TemplatePiece;

/// One field that occurrences of a code carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedField {
    /// Its name on the wire.
    pub name: Located<String>,
    /// Its type.
    pub ty: Located<FieldType>,
    /// For an `enum` field, its values.
    pub values: Vec<Located<String>>,
    /// Whether an occurrence may leave it out.
    pub optional: Located<bool>,
    /// What it says.
    pub description: Option<Located<String>>,
    /// A value it may have, for the docs.
    pub example: Option<Located<Example>>,
    /// Whether the catalog's shared `fields` defines it.
    pub shared: bool,
}

impl CheckedField {
    /// A field named `name` and nothing more yet: a string, always there.
    pub(crate) fn named(name: &str) -> Self {
        CheckedField {
            name: Located::derived(name.to_owned()),
            ty: Located::derived(FieldType::one(FieldKind::String)),
            values: Vec::new(),
            optional: Located::derived(false),
            description: None,
            example: None,
            shared: false,
        }
    }

    /// A field named as written.
    pub(crate) fn named_at(name: &WrittenText) -> Self {
        CheckedField {
            name: Located::written(name.value.clone(), name.at),
            ..Self::named(&name.value)
        }
    }

    /// Its name in Rust: the wire name in `snake_case`.
    #[must_use]
    pub fn rust_name(&self) -> String {
        self.name.value.to_snake_case()
    }

    /// Its key in a Google `ErrorInfo`'s metadata: the name in
    /// lowerCamelCase, as AIP-193 asks.
    #[must_use]
    pub fn key(&self) -> String {
        self.name.value.to_lower_camel_case()
    }

    /// The name of the Rust enum of an `enum` field's values: the field's
    /// name in UpperCamelCase, after the code's variant name unless the
    /// field is shared.
    #[must_use]
    pub fn enum_name(&self, variant: &str) -> String {
        let field = self.name.value.to_upper_camel_case();
        if self.shared {
            field
        } else {
            format!("{variant}{field}")
        }
    }

    /// Its example, or one made up from its type when it has none.
    #[must_use]
    pub fn example_or_default(&self) -> Example {
        if let Some(example) = &self.example {
            return example.value.clone();
        }
        let one = match self.ty.value.kind {
            FieldKind::String => Example::Text(self.name.value.clone()),
            FieldKind::Integer => Example::Number("1".to_owned()),
            FieldKind::Number => Example::Number("1.5".to_owned()),
            FieldKind::Boolean => Example::Bool(true),
            FieldKind::Timestamp => Example::Text("2025-01-20T10:30:00Z".to_owned()),
            FieldKind::Duration => Example::Text("30s".to_owned()),
            FieldKind::Uri => Example::Text("https://example.com/".to_owned()),
            FieldKind::OneOf => Example::Text(
                self.values
                    .first()
                    .map(|value| value.value.clone())
                    .unwrap_or_default(),
            ),
            FieldKind::Any => Example::Object(Vec::new()),
        };
        if self.ty.value.list {
            Example::List(vec![one])
        } else {
            one
        }
    }
}

/// A value written in a catalog, as JSON sees it: a field's example.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Example {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as JSON writes it.
    Number(String),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Example>),
    /// An object, its members in order.
    Object(Vec<(String, Example)>),
}

impl Example {
    /// The value as compact JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Example::Null => out.push_str("null"),
            Example::Bool(value) => {
                let _ = write!(out, "{value}");
            }
            Example::Number(number) => out.push_str(number),
            Example::Text(text) => json_string(text, out),
            Example::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Example::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    json_string(name, out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

fn json_string(text: &str, out: &mut String) {
    let mut bytes = Vec::with_capacity(text.len() + 2);
    errcodes_core::render::escape(text, &mut bytes);
    out.push_str(&String::from_utf8_lossy(&bytes));
}

/// A code's message template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedTemplate {
    /// The template, as written.
    pub written: Located<String>,
    /// Its pieces.
    pub pieces: Vec<TemplatePiece>,
}

impl CheckedTemplate {
    /// Whether the template chooses between forms anywhere: what needs
    /// plural rules to render.
    #[must_use]
    pub fn chooses(&self) -> bool {
        self.pieces
            .iter()
            .any(|piece| matches!(piece, TemplatePiece::Select { .. }))
    }

    /// The positions of the fields it places or chooses by, in any form,
    /// each once, in order.
    #[must_use]
    pub fn fields(&self) -> Vec<usize> {
        let mut positions = Vec::new();
        crate::translations::fields_of(&self.pieces, &mut positions);
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

impl Example {
    /// The value as a message shows it: a string as it is, a list's items
    /// separated by commas, anything else as JSON.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        example_text(self, &mut text);
        text
    }
}

/// A value as a message shows it: a string as it is, a list's items
/// separated by commas, anything else as JSON.
fn example_text(example: &Example, out: &mut String) {
    match example {
        Example::Text(text) => out.push_str(text),
        Example::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                example_text(item, out);
            }
        }
        other => other.write_json(out),
    }
}

/// `fields` as the tables store them.
pub(crate) fn stored_fields(fields: &[CheckedField]) -> String {
    let mut stored = String::new();
    for field in fields {
        let values = fields::join_values(field.values.iter().map(|v| v.value.as_str()));
        let spec = FieldSpec {
            name: &field.name.value,
            key: &field.key(),
            ty: field.ty.value,
            optional: field.optional.value,
            values: &values,
        };
        fields::push_field(&spec, &mut stored);
    }
    stored
}

/// A template as the tables store it: as [`fields::encode_template`]
/// writes it, or, when it chooses between forms, as a translated message
/// is stored ([`crate::translations::stored`]) after
/// [`fields::FORMS`].
pub(crate) fn stored_template(template: &CheckedTemplate) -> String {
    let mut stored = String::new();
    if template.chooses() {
        stored.push(fields::FORMS);
        stored.push_str(&crate::translations::stored(&template.pieces));
        return stored;
    }
    let pieces: Vec<Piece<'_>> = template
        .pieces
        .iter()
        .filter_map(|piece| match piece {
            TemplatePiece::Text(text) => Some(Piece::Text(text)),
            TemplatePiece::Field(position) => Some(Piece::Field(*position)),
            TemplatePiece::Select { .. } => None,
        })
        .collect();
    fields::encode_template(&pieces, &mut stored);
    stored
}

/// `fields` as the lock records them and messages show them: each
/// `name: type`, `name?: type` when an occurrence may leave it out, an
/// enum's values after its type as JSON strings, separated by `; `:
/// `field: string; suggestion?: string; model: enum "cpm" | "share"`.
#[must_use]
pub fn described(fields: &[CheckedField]) -> String {
    let mut text = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        let optional = if field.optional.value { "?" } else { "" };
        let _ = write!(text, "{}{optional}: {}", field.name.value, field.ty.value);
        for (i, value) in field.values.iter().enumerate() {
            text.push_str(if i == 0 { " " } else { " | " });
            json_string(&value.value, &mut text);
        }
    }
    text
}

/// One field as a lock records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LockedField<'a> {
    pub(crate) name: &'a str,
    pub(crate) optional: bool,
    pub(crate) ty: FieldType,
    /// An enum's values, each as written in the lock, quoted.
    pub(crate) values: Vec<&'a str>,
}

impl LockedField<'_> {
    /// Its type as messages show it: `string`, `optional string`.
    pub(crate) fn shown(&self) -> String {
        let mut text = String::new();
        if self.optional {
            text.push_str("optional ");
        }
        let _ = write!(text, "{}", self.ty);
        if !self.values.is_empty() {
            let _ = write!(text, " {}", self.values.join(" | "));
        }
        text
    }
}

/// The fields of a text [`described`] wrote; `None` when it is no such text.
pub(crate) fn parse_described(text: &str) -> Option<Vec<LockedField<'_>>> {
    let mut fields = Vec::new();
    for part in split_outside_quotes(text, ';') {
        let (name, rest) = part.trim().split_once(": ")?;
        let (name, optional) = match name.strip_suffix('?') {
            Some(name) => (name, true),
            None => (name, false),
        };
        let (ty, values) = match rest.find(" \"") {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, ""),
        };
        let values: Vec<&str> = if values.is_empty() {
            Vec::new()
        } else {
            split_outside_quotes(values, '|')
                .into_iter()
                .map(str::trim)
                .collect()
        };
        let quoted = |v: &&str| v.len() >= 2 && v.starts_with('"') && v.ends_with('"');
        if name.is_empty() || !values.iter().all(quoted) {
            return None;
        }
        fields.push(LockedField {
            name,
            optional,
            ty: ty.parse().ok()?,
            values,
        });
    }
    Some(fields)
}

/// `text` split at each `separator` that is not inside a JSON string.
fn split_outside_quotes(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == separator && !quoted => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, ty: &str, optional: bool, values: &[&str]) -> CheckedField {
        CheckedField {
            ty: Located::derived(ty.parse().unwrap()),
            optional: Located::derived(optional),
            values: values
                .iter()
                .map(|v| Located::derived((*v).to_owned()))
                .collect(),
            ..CheckedField::named(name)
        }
    }

    #[test]
    fn the_described_form_reads_back() {
        let fields = [
            field("field", "string", false, &[]),
            field("suggestion", "list of uri", true, &[]),
            field("model", "enum", false, &["cpm", "a; \"b\" | c"]),
        ];
        let text = described(&fields);
        assert_eq!(
            text,
            r#"field: string; suggestion?: list of uri; model: enum "cpm" | "a; \"b\" | c""#
        );
        let read = parse_described(&text).unwrap();
        assert_eq!(read.len(), 3);
        assert_eq!((read[1].name, read[1].optional), ("suggestion", true));
        assert_eq!(read[2].values, [r#""cpm""#, r#""a; \"b\" | c""#]);
        assert_eq!(read[2].shown(), r#"enum "cpm" | "a; \"b\" | c""#);
        assert!(parse_described("field string").is_none());
        assert!(parse_described("field: text").is_none());
    }
}
