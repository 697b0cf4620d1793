//! Translated messages as the tables store them, and how one is shown.
//! A stored message is a list of pieces, each a letter and decimal
//! numbers ended by `;`: `T` and a length, then that much text; `F` and a
//! field's position; `S`, the position of the field that chooses, the
//! position of the default form and the number of forms, then each form's
//! key and its pieces, each after its length. Lengths count bytes.
//!
//! ```
//! use errcodes_core::localized::{Message, push_field, push_select, push_text};
//!
//! let mut one = String::new();
//! push_text("one item", &mut one);
//! let mut other = String::new();
//! push_field(0, &mut other);
//! push_text(" items", &mut other);
//! let mut stored = String::new();
//! push_select(0, 1, &[("one", &one), ("other", &other)], &mut stored);
//!
//! let plural = |number: &str| if number == "1" { "one" } else { "other" };
//! let show = |count: &str| {
//!     let mut out = Vec::new();
//!     let shown = Message(&stored).write(
//!         &mut |_, out: &mut Vec<u8>| { out.extend_from_slice(count.as_bytes()); true },
//!         &plural,
//!         &mut out,
//!     );
//!     assert!(shown);
//!     String::from_utf8(out).unwrap()
//! };
//! assert_eq!(show("1"), "one item");
//! assert_eq!(show("5"), "5 items");
//! ```

use alloc::string::String;
use alloc::vec::Vec;

/// Appends a piece of text.
pub fn push_text(text: &str, out: &mut String) {
    if text.is_empty() {
        return;
    }
    out.push('T');
    push_length(text.len(), out);
    out.push_str(text);
}

/// Appends the place of the field at `position`.
pub fn push_field(position: usize, out: &mut String) {
    out.push('F');
    push_length(position, out);
}

/// Appends a choice between `forms`, each a key and its pieces as stored,
/// by the value of the field at `field`; `default` is the position of the
/// form chosen when no key matches.
pub fn push_select(field: usize, default: usize, forms: &[(&str, &str)], out: &mut String) {
    out.push('S');
    push_length(field, out);
    push_length(default, out);
    push_length(forms.len(), out);
    for (key, pieces) in forms {
        push_length(key.len(), out);
        out.push_str(key);
        push_length(pieces.len(), out);
        out.push_str(pieces);
    }
}

fn push_length(value: usize, out: &mut String) {
    use core::fmt::Write as _;
    // Writing to a String does not fail.
    let _ = write!(out, "{value};");
}

/// A stored message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message<'a>(pub &'a str);

impl<'a> Message<'a> {
    /// The text of a message that places nothing: one piece of text, or
    /// none.
    #[must_use]
    pub fn constant(self) -> Option<&'a str> {
        if self.0.is_empty() {
            return Some("");
        }
        let (text, rest) = self.0.strip_prefix('T').and_then(counted)?;
        rest.is_empty().then_some(text)
    }

    /// Appends the message, with `field` appending the text of the field
    /// at a position (`false` when the occurrence has none) and `plural`
    /// giving the plural category of a number as text (`"one"`, `"few"`,
    /// `"other"`…). `false`, with whatever was appended, when a field the
    /// message needs is missing or the stored text is damaged.
    pub fn write(
        self,
        field: &mut dyn FnMut(usize, &mut Vec<u8>) -> bool,
        plural: &dyn Fn(&str) -> &'static str,
        out: &mut Vec<u8>,
    ) -> bool {
        let mut rest = self.0;
        while !rest.is_empty() {
            let Some(after) = write_piece(rest, field, plural, out) else {
                return false;
            };
            rest = after;
        }
        true
    }
}

/// Writes the piece `stored` starts with; what follows it, or `None`.
fn write_piece<'s>(
    stored: &'s str,
    field: &mut dyn FnMut(usize, &mut Vec<u8>) -> bool,
    plural: &dyn Fn(&str) -> &'static str,
    out: &mut Vec<u8>,
) -> Option<&'s str> {
    let (kind, rest) = (stored.as_bytes().first()?, stored.get(1..)?);
    match kind {
        b'T' => {
            let (text, rest) = counted(rest)?;
            out.extend_from_slice(text.as_bytes());
            Some(rest)
        }
        b'F' => {
            let (position, rest) = number(rest)?;
            field(position, out).then_some(rest)
        }
        b'S' => {
            let (position, rest) = number(rest)?;
            let (default, rest) = number(rest)?;
            let (count, rest) = number(rest)?;
            // The value is written where the chosen form will go, read,
            // and taken back: no buffer of its own.
            let at = out.len();
            if !field(position, out) {
                return None;
            }
            let value = core::str::from_utf8(out.get(at..)?).ok()?;
            let (chosen, after) = choose(rest, count, default, value, plural)?;
            // A form that starts with the same field keeps the value
            // where it already is.
            let same = chosen
                .strip_prefix('F')
                .and_then(number)
                .filter(|(again, _)| *again == position);
            let chosen = if let Some((_, rest_of_form)) = same {
                rest_of_form
            } else {
                out.truncate(at);
                chosen
            };
            Message(chosen).write(field, plural, out).then_some(after)
        }
        _ => None,
    }
}

/// The form of the `count` forms at the start of `forms` that `value`
/// chooses: the one whose key is the value (as text, or as a number equal
/// to it), else the one of its plural category, else the default; and
/// what follows the forms.
fn choose<'s>(
    forms: &'s str,
    count: usize,
    default: usize,
    value: &str,
    plural: &dyn Fn(&str) -> &'static str,
) -> Option<(&'s str, &'s str)> {
    // A numeric key matches a value equal to it, as Fluent compares
    // numbers: `[0]` matches `0` and `0.0`. Only such a key reads the
    // value as a number.
    #[expect(clippy::float_cmp, reason = "equal values, not close ones")]
    let exact = |key: &str| {
        key == value
            || (key.starts_with(|c: char| c.is_ascii_digit() || c == '-')
                && value
                    .parse::<f64>()
                    .ok()
                    .zip(key.parse::<f64>().ok())
                    .is_some_and(|(a, b)| a == b))
    };
    let (mut chosen, mut fallback, mut rest) = (None, None, forms);
    for at in 0..count {
        let (key, after) = counted(rest)?;
        let (pieces, after) = counted(after)?;
        rest = after;
        if chosen.is_none() && exact(key) {
            chosen = Some(pieces);
        }
        if at == default {
            fallback = Some(pieces);
        }
    }
    if chosen.is_none() {
        // Only a value no key names needs its plural category.
        let category = plural(value);
        let mut forms = forms;
        for _ in 0..count {
            let (key, after) = counted(forms)?;
            let (pieces, after) = counted(after)?;
            forms = after;
            if key == category {
                chosen = Some(pieces);
                break;
            }
        }
    }
    Some((chosen.or(fallback)?, rest))
}

/// A decimal number ended by `;`, and what follows.
pub(crate) fn number(stored: &str) -> Option<(usize, &str)> {
    let mut value: usize = 0;
    for (at, byte) in stored.bytes().enumerate() {
        if byte == b';' {
            // `;` is ASCII: what follows starts on a character boundary.
            return (at > 0).then(|| (value, stored.get(at + 1..).unwrap_or("")));
        }
        let digit = byte.checked_sub(b'0').filter(|digit| *digit < 10)?;
        value = value.checked_mul(10)?.checked_add(usize::from(digit))?;
    }
    None
}

/// A length, then that many bytes; and what follows.
pub(crate) fn counted(stored: &str) -> Option<(&str, &str)> {
    let (length, rest) = number(stored)?;
    Some((rest.get(..length)?, rest.get(length..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(stored: &str, values: &[&str]) -> Option<String> {
        let plural = |n: &str| match n {
            "1" => "one",
            "2" | "3" | "4" | "22" => "few",
            _ => "many",
        };
        let mut out = Vec::new();
        let shown = Message(stored).write(
            &mut |at, out: &mut Vec<u8>| {
                values.get(at).is_some_and(|value| {
                    out.extend_from_slice(value.as_bytes());
                    true
                })
            },
            &plural,
            &mut out,
        );
        shown.then(|| String::from_utf8(out).unwrap())
    }

    fn forms() -> String {
        let text = |t: &str| {
            let mut s = String::new();
            push_field(0, &mut s);
            push_text(t, &mut s);
            s
        };
        let (zero, one, few, many) = (
            {
                let mut s = String::new();
                push_text("żadnych plików w ", &mut s);
                push_field(1, &mut s);
                s
            },
            text(" plik"),
            text(" pliki"),
            text(" plików"),
        );
        let mut stored = String::new();
        push_text("„", &mut stored);
        push_select(
            0,
            3,
            &[("0", &zero), ("one", &one), ("few", &few), ("many", &many)],
            &mut stored,
        );
        push_text("”", &mut stored);
        stored
    }

    #[test]
    fn a_select_takes_the_exact_value_then_the_category_then_the_default() {
        let stored = forms();
        assert_eq!(
            show(&stored, &["0", "dysku"]).unwrap(),
            "„żadnych plików w dysku”"
        );
        assert_eq!(
            show(&stored, &["0.0", "dysku"]).unwrap(),
            "„żadnych plików w dysku”"
        );
        assert_eq!(show(&stored, &["1"]).unwrap(), "„1 plik”");
        assert_eq!(show(&stored, &["22"]).unwrap(), "„22 pliki”");
        assert_eq!(show(&stored, &["101"]).unwrap(), "„101 plików”");
        assert_eq!(show(&stored, &["lots"]).unwrap(), "„lots plików”");
    }

    #[test]
    fn a_form_shows_its_own_fields_whichever_chose_it() {
        // Chosen by field 0, the form starts with field 1.
        let mut other = String::new();
        push_field(1, &mut other);
        push_text(" gone", &mut other);
        let mut stored = String::new();
        push_select(0, 0, &[("other", &other)], &mut stored);
        assert_eq!(show(&stored, &["3", "disk"]).unwrap(), "disk gone");
    }

    #[test]
    fn a_missing_field_or_damaged_text_shows_nothing_whole() {
        let stored = forms();
        assert_eq!(show(&stored, &[]), None);
        assert_eq!(show(&stored, &["0"]), None);
        for cut in 0..stored.len() {
            if let Some(damaged) = stored.get(..cut) {
                // Never a panic; a prefix may still be whole pieces.
                let _ = show(damaged, &["1", "x"]);
            }
        }
        assert_eq!(show("X1;", &["1"]), None);
        assert_eq!(show("T99;short", &[]), None);
    }
}
