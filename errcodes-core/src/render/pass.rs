//! Adobe Pass errors: an error object with `status`, `code`, `message`,
//! `details`, `helpUrl`, `trace` and `action`, in the `error` member of a
//! body, or in XML as `<error>…</error>`.

use alloc::string::String;
use alloc::vec::Vec;

use super::json::{self, Object};
use super::{Values, each_field, write_field_text};
use crate::facts::{CodeFacts, Filled};

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
/// The members of an error object, in order.
pub const OWN: [&str; 7] = [STATUS, CODE, MESSAGE, DETAILS, HELP_URL, TRACE, ACTION];

/// `id`, in an item.
pub const ID: &str = "id";
/// `authorized`, in an item.
pub const AUTHORIZED: &str = "authorized";

/// A field's value, written as each form writes it.
#[derive(Clone, Copy)]
enum Field<'a> {
    Text(&'a str),
    Number(u16),
    Url(Filled<'a>),
}

/// The fields of an error object, in order, with their values for a code
/// and an occurrence at `status`.
fn fields<'a>(
    facts: &CodeFacts<'a>,
    values: &Values<'a>,
    status: u16,
    message: &'a str,
) -> [(&'static str, Option<Field<'a>>); 7] {
    let catalog_url = || Some(Field::Url(Filled::new(facts.help_url?, facts.code)));
    let help_url = values.help_url.map(Field::Text).or_else(catalog_url);
    [
        (STATUS, Some(Field::Number(status))),
        (CODE, Some(Field::Text(facts.code))),
        (MESSAGE, Some(Field::Text(message))),
        (DETAILS, values.detail.map(Field::Text)),
        (HELP_URL, help_url),
        (TRACE, values.trace.map(Field::Text)),
        (ACTION, Some(Field::Text(facts.action.as_str()))),
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
    let message = values.message_for(facts);
    let mut error = Object::new(out);
    for (name, value) in fields(facts, values, status, &message) {
        match value {
            Some(Field::Text(text)) => error.text(name, Some(text)),
            Some(Field::Number(number)) => error.number(name, Some(u64::from(number))),
            Some(Field::Url(url)) => error.filled(name, url),
            None => {}
        }
    }
    error.fields(values.extra);
    error.end(values.extra);
}

/// `<error>…</error>`, at `status`, with the occurrence's typed fields as
/// elements after the object's own, each holding its value as Google's
/// metadata does: a string as it is, any other value as JSON. XML has no
/// room for an occurrence's other members.
#[must_use]
pub fn xml(facts: &CodeFacts<'_>, values: &Values<'_>, status: u16) -> Vec<u8> {
    let message = values.message_for(facts);
    let mut xml = Vec::with_capacity(256);
    xml.extend_from_slice(b"<error>");
    for (name, value) in fields(facts, values, status, &message) {
        let Some(value) = value else { continue };
        element_with(name, &mut xml, |out| match value {
            Field::Text(text) => escape_xml(text, out),
            Field::Number(number) => json::number(u64::from(number), out),
            Field::Url(url) => url.write(escape_xml, out),
        });
    }
    if let Some(given) = values.extra.fields() {
        each_field(given, &mut |spec, value| {
            if !OWN.contains(&spec.name) {
                element_with(spec.name, &mut xml, |out| {
                    let mut text = Vec::new();
                    write_field_text(spec.ty, value, &mut text);
                    escape_xml(&String::from_utf8_lossy(&text), out);
                });
            }
        });
    }
    xml.extend_from_slice(b"</error>");
    xml
}

/// Appends `<name>text</name>`, the text escaped.
pub fn element(name: &str, text: &str, out: &mut Vec<u8>) {
    element_with(name, out, |out| escape_xml(text, out));
}

/// Appends `<name>…</name>`, with what `text` writes inside.
fn element_with(name: &str, out: &mut Vec<u8>, text: impl FnOnce(&mut Vec<u8>)) {
    out.push(b'<');
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
    text(out);
    out.extend_from_slice(b"</");
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
}

/// Appends `text` with XML's special characters escaped.
pub(crate) fn escape_xml(text: &str, out: &mut Vec<u8>) {
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
}
