//! Writing JSON objects member by member, as `serde_json` writes them:
//! compact, strings escaped the same way, so that a body reads back
//! through any JSON parser exactly as it was meant.

use alloc::vec::Vec;

use super::{CodeFields, Extra, for_each_spec, has_field, own_members};
use crate::WireFormat;
use crate::facts::Filled;

/// Appends `text` as a JSON string.
///
/// ```
/// let mut out = Vec::new();
/// errcodes_core::render::escape("a \"b\"\n\u{1}é", &mut out);
/// assert_eq!(String::from_utf8(out).unwrap(), r#""a \"b\"\n\u0001é""#);
/// ```
pub fn escape(text: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    escape_inside(text, out);
    out.push(b'"');
}

/// What each byte becomes inside a JSON string: 0 for itself, `u` for a
/// `\u00XX` escape, or the letter after the backslash.
static ESCAPES: [u8; 256] = {
    let mut escapes = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        escapes[byte] = b'u';
        byte += 1;
    }
    escapes[0x08] = b'b';
    escapes[0x0c] = b'f';
    escapes[b'\n' as usize] = b'n';
    escapes[b'\r' as usize] = b'r';
    escapes[b'\t' as usize] = b't';
    escapes[b'"' as usize] = b'"';
    escapes[b'\\' as usize] = b'\\';
    escapes
};

/// Appends `text` escaped as inside a JSON string, without the quotes.
pub fn escape_inside(text: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut rest = text.as_bytes();
    loop {
        let clean = clean_len(rest);
        out.extend_from_slice(&rest[..clean]);
        let Some((&byte, after)) = rest[clean..].split_first() else {
            return;
        };
        let escape = ESCAPES[usize::from(byte)];
        if escape == b'u' {
            let (high, low) = (usize::from(byte >> 4), usize::from(byte & 0xf));
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[high], HEX[low]]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        rest = after;
    }
}

/// Escapes, for inside a JSON string, what was appended to `out` from
/// `at` on: in place when it needs nothing, as it most often does.
pub fn escape_from(out: &mut Vec<u8>, at: usize) {
    let Some(appended) = out.get(at..) else {
        return;
    };
    if clean_len(appended) == appended.len() {
        return;
    }
    let raw = out.split_off(at);
    escape_inside(&alloc::string::String::from_utf8_lossy(&raw), out);
}

/// How many bytes at the start of `bytes` need no escape. Nearly all of a
/// text does, so they are looked at eight at a time, and a tail shorter
/// than eight with the last eight bytes, which overlap the words before.
fn clean_len(bytes: &[u8]) -> usize {
    let mut clean = 0;
    while let Some(word) = bytes
        .get(clean..clean + 8)
        .and_then(|word| word.first_chunk())
    {
        if needs_escape(u64::from_le_bytes(*word)) {
            break;
        }
        clean += 8;
    }
    let tail = &bytes[clean..];
    if tail.len() < 8
        && let Some(last) = bytes.last_chunk()
        && !needs_escape(u64::from_le_bytes(*last))
    {
        return bytes.len();
    }
    clean
        + tail
            .iter()
            .position(|&byte| ESCAPES[usize::from(byte)] != 0)
            .unwrap_or(tail.len())
}

/// Whether any of the eight bytes of `word` is a control character, `"`
/// or `\\`: the classic test for a byte below a bound, on the word and on
/// its differences from the two characters. It may see one where there is
/// none, after a byte that is one, never the other way round.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |x: u64, bound: u64| x.wrapping_sub(ONES * bound) & !x;
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    (control | quote | backslash) & HIGHS != 0
}

/// Appends `value` in decimal, without going through `fmt`.
pub fn number(value: u64, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = value;
    loop {
        at -= 1;
        // `rest % 10` is below ten.
        digits[at] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// The most members a format writes into one object: more would go
/// unrecorded, and an occurrence's member of the same name would be written
/// twice.
const MAX_MEMBERS: usize = 12;

/// An object being written: the format's own members, then those an
/// occurrence adds whose names the format did not write.
pub(crate) struct Object<'o> {
    out: &'o mut Vec<u8>,
    written: [&'static str; MAX_MEMBERS],
    count: usize,
}

impl<'o> Object<'o> {
    pub(crate) fn new(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Object {
            out,
            written: [""; MAX_MEMBERS],
            count: 0,
        }
    }

    /// An object whose start, with the members `written`, is already in
    /// `out`.
    pub(crate) fn resume(out: &'o mut Vec<u8>, written: &[&'static str]) -> Self {
        let mut object = Object {
            out,
            written: [""; MAX_MEMBERS],
            count: written.len().min(MAX_MEMBERS),
        };
        object.written[..object.count].copy_from_slice(&written[..object.count]);
        object
    }

    fn name(&mut self, name: &str) {
        if self.out.last() != Some(&b'{') {
            self.out.push(b',');
        }
        escape(name, self.out);
        self.out.push(b':');
    }

    /// A member whose value `value` writes.
    pub(crate) fn raw(&mut self, name: &'static str, value: impl FnOnce(&mut Vec<u8>)) {
        // A format's own member names need no escapes: written as they are.
        debug_assert_eq!(clean_len(name.as_bytes()), name.len(), "{name}");
        if self.out.last() != Some(&b'{') {
            self.out.push(b',');
        }
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        value(self.out);
        debug_assert!(self.count < MAX_MEMBERS, "{name}: too many members");
        if let Some(slot) = self.written.get_mut(self.count) {
            *slot = name;
            self.count += 1;
        }
    }

    /// A member whose value `value` writes, left out when `value` says it
    /// wrote none (and took back what it wrote).
    pub(crate) fn raw_if(
        &mut self,
        name: &'static str,
        value: impl FnOnce(&mut Vec<u8>) -> bool,
    ) -> bool {
        let (at, count) = (self.out.len(), self.count);
        let mut kept = true;
        self.raw(name, |out| kept = value(out));
        if !kept {
            self.out.truncate(at);
            self.count = count;
        }
        kept
    }

    /// A member named at run time, whose value `value` writes; an object
    /// with such members has none an occurrence adds.
    pub(crate) fn raw_named(&mut self, name: &str, value: impl FnOnce(&mut Vec<u8>)) {
        self.name(name);
        value(self.out);
    }

    /// A member named after a field, whose value `value` writes; left out
    /// when `value` says the occurrence has none. A field's name (and its
    /// key in Google's metadata) is an ASCII identifier, which the catalog
    /// checks: written as it is.
    pub(crate) fn field(&mut self, name: &str, value: impl FnOnce(&mut Vec<u8>) -> bool) {
        debug_assert_eq!(clean_len(name.as_bytes()), name.len(), "{name}");
        let at = self.out.len();
        if self.out.last() != Some(&b'{') {
            self.out.push(b',');
        }
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        if !value(self.out) {
            self.out.truncate(at);
        }
    }

    /// A string member, when there is a value.
    pub(crate) fn text(&mut self, name: &'static str, value: Option<&str>) {
        if let Some(value) = value {
            self.raw(name, |out| escape(value, out));
        }
    }

    /// A string member whose value is one of the format's own constants,
    /// which need no escapes either.
    pub(crate) fn constant(&mut self, name: &'static str, value: &'static str) {
        debug_assert_eq!(clean_len(value.as_bytes()), value.len(), "{value}");
        self.raw(name, |out| {
            out.push(b'"');
            out.extend_from_slice(value.as_bytes());
            out.push(b'"');
        });
    }

    /// A string member holding a filled template.
    pub(crate) fn filled(&mut self, name: &'static str, value: Filled<'_>) {
        self.raw(name, |out| {
            out.push(b'"');
            value.write(escape_inside, out);
            out.push(b'"');
        });
    }

    /// A number member, when there is a value.
    pub(crate) fn number(&mut self, name: &'static str, value: Option<u64>) {
        if let Some(value) = value {
            self.raw(name, |out| number(value, out));
        }
    }

    /// Writes the occurrence's typed fields, other than those named like a
    /// member written.
    pub(crate) fn fields(&mut self, extra: &dyn Extra) {
        let Some(fields) = extra.fields() else {
            return;
        };
        // Members written are the format's own (see `own_members`), which
        // the catalog's fields seldom share a name with.
        let written = &self.written[..self.count];
        debug_assert!(
            written.iter().all(|name| WireFormat::ALL
                .iter()
                .any(|&f| own_members(f).contains(name))),
            "{written:?}"
        );
        let check = self.count > 0 && fields.prepared().is_none_or(CodeFields::clashes);
        for_each_spec(fields, &mut |position, spec| {
            if !(check && self.written[..self.count].contains(&spec.name)) {
                self.field(spec.name, |out| fields.write_json(position, out));
            }
        });
    }

    /// Writes the members an occurrence adds, other than those named like
    /// a member or a field written, and ends the object.
    pub(crate) fn end(mut self, extra: &dyn Extra) {
        let fields = extra.fields();
        extra.members(&mut |name, value| {
            if !self.written[..self.count].contains(&name) && !has_field(fields, name) {
                self.name(name);
                value.write_json(self.out);
            }
        });
        self.out.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;

    fn written(write: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut text: String = (0..=0x7f_u8).map(char::from).collect();
        text.push_str("é\u{2028}\u{10ffff}🦀");
        for c in text.chars() {
            let one = c.to_string();
            assert_eq!(
                written(|out| super::escape(&one, out)),
                serde_json::to_string(&one).unwrap(),
                "{c:?}"
            );
        }
        assert_eq!(
            written(|out| super::escape(&text, out)),
            serde_json::to_string(&text).unwrap()
        );
        // Every character at every place of a word, among bytes that need
        // no escape and bytes above 0x7f.
        for c in text.chars() {
            for before in 0..17 {
                for filler in ["a", "é"] {
                    let around = filler.repeat(before);
                    // Last, too: the tail past the last whole word.
                    for text in [format!("{around}{c}{around}xyz"), format!("{around}{c}")] {
                        assert_eq!(
                            written(|out| super::escape(&text, out)),
                            serde_json::to_string(&text).unwrap(),
                            "{text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for value in [0, 1, 9, 10, 99, 100, 429, 65_535, 1 << 32, u64::MAX] {
            assert_eq!(written(|out| super::number(value, out)), value.to_string());
        }
    }
}
