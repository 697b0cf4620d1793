//! A code's fields and message template read from their stored texts once,
//! so that rendering an occurrence decodes nothing: the renderers take
//! them from [`FieldValues::prepared`](super::FieldValues::prepared) when
//! the values keep them, and read the stored texts otherwise. Both give the
//! same bytes.
//!
//! ```
//! use errcodes_core::fields::{self, FieldKind, FieldSpec, FieldType, Piece};
//! use errcodes_core::render::CodeFields;
//!
//! let spec = FieldSpec {
//!     name: "segment_id",
//!     key: "segmentId",
//!     ty: FieldType::one(FieldKind::String),
//!     optional: false,
//!     values: "",
//! };
//! let (mut stored, mut template) = (String::new(), String::new());
//! fields::encode_fields(&[spec], &mut stored);
//! fields::encode_template(&[Piece::Text("No segment "), Piece::Field(0)], &mut template);
//! let prepared = CodeFields::new(&stored, &template);
//! assert_eq!(prepared.specs(), [spec]);
//! ```

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::{FieldValues, json, own_members};
use crate::WireFormat;
use crate::fields::{self, FieldSpec, Piece};
use crate::localized::{counted, number};

/// A code's fields and message template, read once.
#[derive(Debug)]
pub struct CodeFields<'a> {
    specs: Box<[FieldSpec<'a>]>,
    /// The stored template the parts were read from.
    message: &'a str,
    /// `None` when there is no template, or its stored text does not read
    /// whole: the renderers then read the stored text as before.
    parts: Option<Box<[Part<'a>]>>,
    /// Whether a field is named like a member some format writes beside
    /// fields, which that format then leaves out.
    clashes: bool,
}

/// A piece of a template.
#[derive(Debug)]
enum Part<'a> {
    /// Text, and its escape for inside a JSON string when that differs.
    Text(&'a str, Option<Box<str>>),
    Field(usize),
    Select(Select<'a>),
}

/// A choice between forms by the value of a field.
#[derive(Debug)]
struct Select<'a> {
    field: usize,
    forms: Box<[Form<'a>]>,
    /// The form chosen when no key matches (none when out of range).
    default: usize,
    /// Whether a key is a number, which compares with the value as one.
    numeric: bool,
}

#[derive(Debug)]
struct Form<'a> {
    key: &'a str,
    /// The key as a number, when it reads as one.
    number: Option<f64>,
    parts: Box<[Part<'a>]>,
}

/// How deep selects may nest in a stored text read into parts; the macro
/// writes far fewer, and deeper text is read as stored.
const MAX_DEPTH: usize = 16;

impl<'a> CodeFields<'a> {
    /// Reads a code's fields and template, as the tables store them.
    #[must_use]
    pub fn new(specs: &'a str, message: &'a str) -> Self {
        let parts = if message.is_empty() {
            None
        } else if let Some(forms) = fields::template_forms(message) {
            parse(forms, 0).map(Vec::into_boxed_slice)
        } else {
            Some(
                fields::decode_template(message)
                    .map(|piece| match piece {
                        Piece::Text(text) => text_part(text),
                        Piece::Field(position) => Part::Field(position),
                    })
                    .collect(),
            )
        };
        let specs: Box<[FieldSpec<'a>]> = fields::decode_fields(specs).collect();
        let clashes = specs.iter().any(|spec| {
            WireFormat::ALL
                .iter()
                .any(|&format| own_members(format).contains(&spec.name))
        });
        CodeFields {
            specs,
            message,
            parts,
            clashes,
        }
    }

    /// The code's fields, in order.
    #[must_use]
    pub fn specs(&self) -> &[FieldSpec<'a>] {
        &self.specs
    }

    /// Whether a field is named like a member that some format writes
    /// beside fields ([`own_members`]): when none is, no format need look
    /// for one.
    pub(crate) fn clashes(&self) -> bool {
        self.clashes
    }

    /// Appends the template `message`, filled in with `given`, escaped for
    /// inside a JSON string when `json` says so: `Some(false)` with nothing
    /// appended when a field it needs is missing, `None` when `message` is
    /// not the template read here.
    pub(crate) fn write_message(
        &self,
        message: &str,
        given: &dyn FieldValues,
        out: &mut Vec<u8>,
        json: bool,
    ) -> Option<bool> {
        let same = core::ptr::eq(message, self.message) || message == self.message;
        let parts = self.parts.as_deref().filter(|_| same)?;
        let start = out.len();
        let shown = write(parts, given, out, json);
        if !shown {
            out.truncate(start);
        }
        Some(shown)
    }
}

/// Reads a message stored as [`crate::localized`] describes into parts;
/// `None` when it does not read whole.
fn parse(stored: &str, depth: usize) -> Option<Vec<Part<'_>>> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut parts = Vec::new();
    let mut rest = stored;
    while let Some((&kind, _)) = rest.as_bytes().split_first() {
        let after = rest.get(1..)?;
        rest = match kind {
            b'T' => {
                let (text, after) = counted(after)?;
                if !text.is_empty() {
                    parts.push(text_part(text));
                }
                after
            }
            b'F' => {
                let (position, after) = number(after)?;
                parts.push(Part::Field(position));
                after
            }
            b'S' => {
                let (field, after) = number(after)?;
                let (default, after) = number(after)?;
                let (count, mut after) = number(after)?;
                let mut forms = Vec::new();
                for _ in 0..count {
                    let (key, rest) = counted(after)?;
                    let (pieces, rest) = counted(rest)?;
                    after = rest;
                    // As Fluent compares numbers: `[0]` matches `0.0`.
                    let number = key
                        .starts_with(|c: char| c.is_ascii_digit() || c == '-')
                        .then(|| key.parse::<f64>().ok())
                        .flatten();
                    let parts = parse(pieces, depth + 1)?.into_boxed_slice();
                    forms.push(Form { key, number, parts });
                }
                parts.push(Part::Select(Select {
                    field,
                    numeric: forms.iter().any(|form| form.number.is_some()),
                    default,
                    forms: forms.into_boxed_slice(),
                }));
                after
            }
            _ => return None,
        };
    }
    Some(parts)
}

/// A piece of text, escaped for JSON once.
fn text_part(text: &str) -> Part<'_> {
    let mut escaped = Vec::new();
    json::escape_inside(text, &mut escaped);
    let escaped = (escaped != text.as_bytes())
        .then(|| String::from_utf8(escaped).ok())
        .flatten()
        .map(String::into_boxed_str);
    Part::Text(text, escaped)
}

/// Appends `parts`; `false` when a field they need is missing.
fn write(parts: &[Part<'_>], given: &dyn FieldValues, out: &mut Vec<u8>, json: bool) -> bool {
    for part in parts {
        match part {
            Part::Text(_, Some(escaped)) if json => out.extend_from_slice(escaped.as_bytes()),
            Part::Text(text, _) => out.extend_from_slice(text.as_bytes()),
            Part::Field(position) => {
                let written = if json {
                    given.write_text_escaped(*position, out)
                } else {
                    given.write_text(*position, out)
                };
                if !written {
                    return false;
                }
            }
            Part::Select(select) => {
                // The value is written where the chosen form will go, read
                // as it is, and kept when the form starts with it.
                let at = out.len();
                if !given.write_text(select.field, out) {
                    return false;
                }
                let Some(form) = core::str::from_utf8(&out[at..])
                    .ok()
                    .and_then(|value| select.choose(value, given))
                else {
                    return false;
                };
                let parts = match form.parts.split_first() {
                    Some((Part::Field(first), rest)) if *first == select.field => {
                        if json {
                            json::escape_from(out, at);
                        }
                        rest
                    }
                    _ => {
                        out.truncate(at);
                        &form.parts
                    }
                };
                if !write(parts, given, out, json) {
                    return false;
                }
            }
        }
    }
    true
}

impl Select<'_> {
    /// The form `value` chooses: the one whose key is the value (as text,
    /// or as a number equal to it), else the one of its plural category,
    /// else the default.
    fn choose(&self, value: &str, given: &dyn FieldValues) -> Option<&Form<'_>> {
        let as_number = if self.numeric {
            value.parse::<f64>().ok()
        } else {
            None
        };
        let exact = self.forms.iter().find(|form| {
            form.key == value || form.number.is_some_and(|key| as_number == Some(key))
        });
        exact
            .or_else(|| {
                // Only a value no key names needs its plural category.
                let category = given.plural(value);
                self.forms.iter().find(|form| form.key == category)
            })
            .or_else(|| self.forms.get(self.default))
    }
}

#[cfg(test)]
mod tests {
    use alloc::borrow::ToOwned;
    use alloc::string::String;
    use alloc::vec;
    use alloc::vec::Vec;

    use super::*;
    use crate::facts::CodeFacts;
    use crate::fields::{FORMS, encode_template};
    use crate::localized::{push_field, push_select, push_text};
    use crate::render::{FieldsAlone, JsonValue, Values};
    use crate::{Action, ProblemCode, Severity};

    /// Values given as text, with or without the code's fields read once.
    struct Given<'a> {
        values: &'a [&'a str],
        prepared: Option<&'a CodeFields<'a>>,
    }

    struct Text<'a>(&'a str);

    impl JsonValue for Text<'_> {
        fn write_json(&self, out: &mut Vec<u8>) {
            json::escape(self.0, out);
        }

        fn is_text(&self) -> bool {
            true
        }

        fn write_text(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(self.0.as_bytes());
        }
    }

    impl FieldValues for Given<'_> {
        fn code(&self) -> &'static str {
            "CODE"
        }

        fn specs(&self) -> &'static str {
            ""
        }

        fn value(&self, position: usize, value: &mut dyn FnMut(&dyn JsonValue)) -> bool {
            self.values
                .get(position)
                .map(|text| value(&Text(text)))
                .is_some()
        }

        fn plural(&self, number: &str) -> &'static str {
            match number {
                "1" => "one",
                "2" | "3" | "4" | "22" => "few",
                _ => "many",
            }
        }

        fn prepared(&self) -> Option<&CodeFields<'_>> {
            self.prepared
        }
    }

    /// The template filled in, as text and as JSON, by one way of reading.
    fn shown(template: &str, values: &[&str], prepared: Option<&CodeFields<'_>>) -> [String; 2] {
        let facts = CodeFacts {
            code: "CODE",
            title: "Title",
            status: 400,
            action: Action::None,
            severity: Severity::Fatal,
            problem_type: None,
            problem_code: ProblemCode::Member,
            help_url: None,
            grpc: None,
            fields: "",
            message: template,
        };
        let given = Given { values, prepared };
        let values = Values {
            extra: &FieldsAlone(&given),
            ..Values::default()
        };
        let mut json = Vec::new();
        values.write_message_json(&facts, &mut json);
        [
            values.message_for(&facts).into_owned(),
            String::from_utf8(json).unwrap(),
        ]
    }

    fn templates() -> Vec<String> {
        let form = |text: &str, field: Option<usize>| {
            let mut form = String::new();
            if let Some(field) = field {
                push_field(field, &mut form);
            }
            push_text(text, &mut form);
            form
        };
        let mut zero = form("no \"files\" in ", None);
        push_field(1, &mut zero);
        let mut chosen = String::from(FORMS);
        push_text("„", &mut chosen);
        push_select(
            0,
            3,
            &[
                ("0", &zero),
                ("one", &form(" file", Some(0))),
                ("few", &form(" files\n", Some(0))),
                ("many", &form(" of them", Some(1))),
            ],
            &mut chosen,
        );
        push_text("”\t", &mut chosen);
        // A default out of range: a value no key names shows nothing.
        let mut no_default = String::from(FORMS);
        push_select(0, 9, &[("one", &form("one", None))], &mut no_default);
        let mut pieces = String::new();
        encode_template(
            &[
                Piece::Text("Field \""),
                Piece::Field(1),
                Piece::Text("\" is "),
                Piece::Field(0),
            ],
            &mut pieces,
        );
        let mut damaged = String::from(FORMS);
        push_text("cut", &mut damaged);
        damaged.push_str("S0;");
        vec![
            chosen,
            no_default,
            pieces,
            damaged,
            "Constant \"text\"".into(),
            String::new(),
        ]
    }

    #[test]
    fn any_stored_text_shows_the_same_read_once_or_not() {
        // Texts made of the stored format's own letters, digits and
        // separators, at random, and whole templates with one change (a
        // fixed xorshift, so that a failure repeats): mostly damaged,
        // sometimes whole.
        let pieces = [
            "T", "F", "S", "0", "1", "2", "3;", ";", "a\"", "\n", "one", "few", "é",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % below as u64).unwrap()
        };
        let values: [&[&str]; 3] = [&["1", "x\"y"], &["3", "z"], &[]];
        let whole = templates();
        let mut parsed = 0;
        for round in 0..20_000 {
            let mut template = String::from(FORMS);
            if round % 2 == 0 {
                for _ in 0..next(24) {
                    template.push_str(pieces[next(pieces.len())]);
                }
            } else {
                // A whole template with a piece put in, or one character
                // taken out.
                template = whole[next(whole.len())].clone();
                let at = next(template.len() + 1);
                if template.is_char_boundary(at) {
                    if round % 4 == 1 {
                        template.insert_str(at, pieces[next(pieces.len())]);
                    } else if at < template.len() {
                        template.remove(at);
                    }
                }
            }
            let prepared = CodeFields::new("", &template);
            parsed += usize::from(prepared.parts.is_some());
            for values in values {
                assert_eq!(
                    shown(&template, values, Some(&prepared)),
                    shown(&template, values, None),
                    "{template:?} with {values:?}"
                );
            }
        }
        // Some of them read whole, and were shown from their parts.
        assert!(parsed > 2_000, "{parsed}");
    }

    #[test]
    fn read_once_or_from_the_stored_text_a_template_shows_the_same() {
        let values: [&[&str]; 8] = [
            &["0", "disk \"C\""],
            &["0.0", "d"],
            &["1", "x"],
            &["22", "x"],
            &["101", "a\nb"],
            &["one", "x"],
            &["5"],
            &[],
        ];
        let mut shown_any = 0;
        for template in templates() {
            let prepared = CodeFields::new("", &template);
            for values in values {
                let stored = shown(&template, values, None);
                assert_eq!(
                    shown(&template, values, Some(&prepared)),
                    stored,
                    "{template:?} with {values:?}"
                );
                shown_any += usize::from(stored[0] != "Title");
            }
        }
        assert_eq!(shown_any, 22);
        // What the first template shows, stated.
        let template = &templates()[0];
        let prepared = CodeFields::new("", template);
        assert_eq!(
            shown(template, &["0", "disk \"C\""], Some(&prepared)),
            [
                "„no \"files\" in disk \"C\"”\t".to_owned(),
                r#""„no \"files\" in disk \"C\"”\t""#.to_owned()
            ]
        );
        assert_eq!(
            shown(template, &["22", "x"], Some(&prepared))[1],
            r#""„22 files\n”\t""#
        );
        assert_eq!(
            shown(template, &["7", "all"], Some(&prepared))[0],
            "„all of them”\t"
        );
    }
}
