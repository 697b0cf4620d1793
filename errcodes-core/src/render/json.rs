//! Writing JSON objects member by member, as `serde_json` writes them:
//! compact, strings escaped the same way, so that a body reads back
//! through any JSON parser exactly as it was meant.

use alloc::vec::Vec;
use core::fmt::Write as _;

use super::Extra;

/// Appends `text` as a JSON string.
///
/// ```
/// let mut out = Vec::new();
/// errcodes_core::render::escape("a \"b\"\n\u{1}é", &mut out);
/// assert_eq!(String::from_utf8(out).unwrap(), r#""a \"b\"\n\u0001é""#);
/// ```
pub fn escape(text: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escaped: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        if escaped.is_empty() {
            let mut unicode = alloc::string::String::with_capacity(6);
            let _ = write!(unicode, "\\u{byte:04x}");
            out.extend_from_slice(unicode.as_bytes());
        } else {
            out.extend_from_slice(escaped);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// An object being written: the format's own members, then those an
/// occurrence adds whose names the format did not write.
pub(crate) struct Object<'o> {
    out: &'o mut Vec<u8>,
    written: Vec<&'static str>,
}

impl<'o> Object<'o> {
    pub(crate) fn new(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Object {
            out,
            written: Vec::with_capacity(8),
        }
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
        self.name(name);
        value(self.out);
        self.written.push(name);
    }

    /// A member named at run time, whose value `value` writes; an object
    /// with such members has none an occurrence adds.
    pub(crate) fn raw_named(&mut self, name: &str, value: impl FnOnce(&mut Vec<u8>)) {
        self.name(name);
        value(self.out);
    }

    /// A string member, when there is a value.
    pub(crate) fn text(&mut self, name: &'static str, value: Option<&str>) {
        if let Some(value) = value {
            self.raw(name, |out| escape(value, out));
        }
    }

    /// A number member, when there is a value.
    pub(crate) fn number(&mut self, name: &'static str, value: Option<u64>) {
        if let Some(value) = value {
            self.raw(name, |out| {
                let mut digits = alloc::string::String::with_capacity(20);
                let _ = write!(digits, "{value}");
                out.extend_from_slice(digits.as_bytes());
            });
        }
    }

    /// Writes the members an occurrence adds, other than those written,
    /// and ends the object.
    pub(crate) fn end(mut self, extra: &dyn Extra) {
        extra.members(&mut |name, value| {
            if !self.written.contains(&name) {
                self.name(name);
                value.write_json(self.out);
            }
        });
        self.out.push(b'}');
    }
}
