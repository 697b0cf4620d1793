//! Adobe Pass errors: an error object with `status`, `code`, `message`,
//! `details`, `helpUrl`, `trace` and `action`, in the `error` member of a
//! body, or in XML as `<error>…</error>`.

use alloc::borrow::Cow;
use alloc::string::ToString;
use alloc::vec::Vec;

use super::Values;
use super::json::Object;
use crate::facts::CodeFacts;

/// `error`: the body's error object.
pub const ERROR: &str = "error";
/// `resources`: the items of a multi-item response.
pub const RESOURCES: &str = "resources";
/// `status`, in an error object.
pub const STATUS: &str = "status";
/// `code`, in an error object.
pub const CODE: &str = "code";
/// `message`, in an error object.
pub const MESSAGE: &str = "message";
/// `details`, in an error object: an explanation of this occurrence.
pub const DETAILS: &str = "details";
/// `helpUrl`, in an error object.
pub const HELP_URL: &str = "helpUrl";
/// `trace`, in an error object.
pub const TRACE: &str = "trace";
/// `action`, in an error object.
pub const ACTION: &str = "action";
/// `id`, in an item.
pub const ID: &str = "id";
/// `authorized`, in an item.
pub const AUTHORIZED: &str = "authorized";

/// The fields of an error object, in order, with their values for a code
/// and an occurrence at `status`.
fn fields<'a>(
    facts: &'a CodeFacts<'a>,
    values: &'a Values<'a>,
    status: u16,
) -> [(&'static str, Option<Cow<'a, str>>); 7] {
    let help_url = values
        .help_url
        .map(Cow::Borrowed)
        .or_else(|| facts.help_url());
    [
        (STATUS, Some(Cow::Owned(status.to_string()))),
        (CODE, Some(Cow::Borrowed(facts.code))),
        (MESSAGE, Some(Cow::Borrowed(values.message_or(facts.title)))),
        (DETAILS, values.detail.map(Cow::Borrowed)),
        (HELP_URL, help_url),
        (TRACE, values.trace.map(Cow::Borrowed)),
        (ACTION, Some(Cow::Borrowed(facts.action.as_str()))),
    ]
}

/// `{"error": {...}}`, at `status`.
#[must_use]
pub fn body(facts: &CodeFacts<'_>, values: &Values<'_>, status: u16) -> Vec<u8> {
    let mut out = Vec::with_capacity(320);
    let mut body = Object::new(&mut out);
    body.raw(ERROR, |out| write_error(facts, values, status, out));
    body.end(&());
    out
}

/// The error object alone, at `status`.
#[must_use]
pub fn error_object(facts: &CodeFacts<'_>, values: &Values<'_>, status: u16) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_error(facts, values, status, &mut out);
    out
}

fn write_error(facts: &CodeFacts<'_>, values: &Values<'_>, status: u16, out: &mut Vec<u8>) {
    let mut error = Object::new(out);
    for (name, value) in fields(facts, values, status) {
        if name == STATUS {
            error.number(name, Some(u64::from(status)));
        } else {
            error.text(name, value.as_deref());
        }
    }
    error.end(values.extra);
}

/// `<error>…</error>`, at `status`. XML has no room for an occurrence's
/// members.
#[must_use]
pub fn xml(facts: &CodeFacts<'_>, values: &Values<'_>, status: u16) -> Vec<u8> {
    let mut xml = Vec::with_capacity(256);
    xml.extend_from_slice(b"<error>");
    for (name, value) in fields(facts, values, status) {
        if let Some(value) = value {
            element(name, &value, &mut xml);
        }
    }
    xml.extend_from_slice(b"</error>");
    xml
}

/// Appends `<name>text</name>`, the text escaped.
pub fn element(name: &str, text: &str, out: &mut Vec<u8>) {
    out.push(b'<');
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
    for byte in text.bytes() {
        match byte {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'\'' => out.extend_from_slice(b"&apos;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            byte => out.push(byte),
        }
    }
    out.extend_from_slice(b"</");
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
}
