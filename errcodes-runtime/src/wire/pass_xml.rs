//! Adobe Pass error objects in XML: `<error><status>403</status>…</error>`.
//! Known fields are read as text; any other element, or a known one with
//! markup or attributes, is kept exactly as written, sliced out of the
//! input, and written back. A field given twice is refused, as JSON members
//! are: readers could disagree on which one counts. The fields whose values
//! come from a closed set (`status`, `code`, `action`) are read without the
//! whitespace that pretty-printed XML puts around them; the others are kept
//! as written.
//! JSON members have no place in XML and are not written.

use errcodes_core::render::pass::{
    ACTION, CODE, DETAILS, ERROR, HELP_URL, MESSAGE, STATUS, TRACE, element,
};
use quick_xml::Reader;
use quick_xml::escape::unescape;
use quick_xml::events::{BytesStart, Event};

use super::pass::ErrorObject;
use super::{DecodeError, DecodeErrorKind, Limits};
use crate::ErrorCode;

impl<E: ErrorCode> ErrorObject<E> {
    /// Decodes an `<error>` element.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not well-formed XML, or its root is
    /// not `<error>`.
    ///
    /// ```
    /// use errcodes_runtime::Code;
    /// use errcodes_runtime::wire::pass::ErrorObject;
    ///
    /// errcodes_runtime::errcodes!("../specs/pass.yaml");
    ///
    /// let xml = b"<error><status>403</status><code>network_connection_failure</code>\
    ///     <message>Unable to contact your TV provider services</message><action>retry</action></error>";
    /// let error = ErrorObject::<PassError>::decode_xml(xml).unwrap();
    /// assert_eq!(error.code(), Some(Code::Known(PassError::NetworkConnectionFailure)));
    /// assert_eq!(ErrorObject::<PassError>::decode_xml(&error.encode_xml()).unwrap(), error);
    ///
    /// // Pretty-printed, the code is still the code.
    /// let xml = b"<error>\n  <code>\n    too_many_requests\n  </code>\n</error>";
    /// let error = ErrorObject::<PassError>::decode_xml(xml).unwrap();
    /// assert_eq!(error.code(), Some(Code::Known(PassError::TooManyRequests)));
    /// ```
    pub fn decode_xml(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_xml_with(body, Limits::default())
    }

    /// As [`decode_xml`](Self::decode_xml), within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode_xml`](Self::decode_xml).
    pub fn decode_xml_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        if body.len() > limits.max_bytes {
            return Err(DecodeError::too_large(body.len(), limits));
        }
        let text = core::str::from_utf8(body)
            .map_err(|_| DecodeError::new(DecodeErrorKind::NotXml, "the body is not UTF-8"))?;
        let mut reader = Reader::from_str(text);
        // The reader skips one byte-order mark and counts positions after it.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut error = <ErrorObject<E> as super::json::Object>::empty();
        if !read_root(&mut reader)? {
            read_children(&mut reader, text, &mut error)?;
        }
        loop {
            match reader.read_event().map_err(|error| syntax(&error))? {
                Event::Eof => return Ok(error),
                Event::Text(text) if is_blank(&text) => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(shape("there is more after </error>")),
            }
        }
    }

    /// The error object as XML, with the elements it does not model as
    /// they were read.
    #[must_use]
    pub fn encode_xml(&self) -> Vec<u8> {
        let mut xml = Vec::with_capacity(256);
        xml.extend_from_slice(b"<error>");
        for (name, value) in self.fields() {
            if let Some(value) = value {
                element(name, &value, &mut xml);
            }
        }
        for other in &self.elements {
            xml.extend_from_slice(other.as_bytes());
        }
        xml.extend_from_slice(b"</error>");
        xml
    }
}

/// Reads up to the root element; true when it is an empty `<error/>`.
fn read_root(reader: &mut Reader<&[u8]>) -> Result<bool, DecodeError> {
    loop {
        match reader.read_event().map_err(|error| syntax(&error))? {
            Event::Start(start) if start.name().as_ref() == ERROR => return Ok(false),
            Event::Empty(start) if start.name().as_ref() == ERROR => return Ok(true),
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Text(text) if is_blank(&text) => {}
            Event::Eof => return Err(shape("the body has no <error> element")),
            _ => return Err(shape("the root element is not <error>")),
        }
    }
}

/// Reads the children of `<error>` up to its end.
fn read_children<E>(
    reader: &mut Reader<&[u8]>,
    text: &str,
    error: &mut ErrorObject<E>,
) -> Result<(), DecodeError> {
    let mut seen: Vec<&'static str> = Vec::with_capacity(FIELDS.len());
    loop {
        let before = position(reader);
        let event = reader.read_event().map_err(|error| syntax(&error))?;
        if let Event::Start(start) | Event::Empty(start) = &event {
            let field = FIELDS.iter().find(|&&field| start.name().as_ref() == field);
            if let Some(&field) = field {
                if seen.contains(&field) {
                    return Err(DecodeError::new(
                        DecodeErrorKind::DuplicateMember,
                        format!("the body gives <{field}> twice"),
                    ));
                }
                seen.push(field);
            }
        }
        match event {
            Event::Start(start) => {
                let inner = reader
                    .read_text(start.name())
                    .map_err(|error| syntax(&error))?;
                let written = text.get(before..position(reader)).unwrap_or_default();
                set_field(error, &start, &inner, written);
            }
            Event::Empty(start) => {
                let written = text.get(before..position(reader)).unwrap_or_default();
                set_field(error, &start, "", written);
            }
            Event::End(_) => return Ok(()),
            Event::Text(text) if is_blank(&text) => {}
            Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => return Err(syntax_message("<error> is not closed")),
            _ => return Err(shape("<error> holds text outside its elements")),
        }
    }
}

/// Stores a child element: a known field when it holds plain text, and
/// otherwise the element as `written`, to be written back as it was.
fn set_field<E>(error: &mut ErrorObject<E>, start: &BytesStart<'_>, inner: &str, written: &str) {
    let plain = !inner.contains('<') && start.attributes().next().is_none();
    let text = if plain { unescape(inner).ok() } else { None };
    // Values from a closed set lose the whitespace around them.
    let (slot, trim) = match (start.name().as_ref(), &text) {
        (STATUS, Some(text)) => {
            if let (Ok(status), None) = (text.trim().parse(), error.status) {
                error.status = Some(status);
                return;
            }
            (None, false)
        }
        (CODE, Some(_)) => (Some(&mut error.code), true),
        (MESSAGE, Some(_)) => (Some(&mut error.message), false),
        (DETAILS, Some(_)) => (Some(&mut error.details), false),
        (HELP_URL, Some(_)) => (Some(&mut error.help_url), false),
        (TRACE, Some(_)) => (Some(&mut error.trace), false),
        (ACTION, Some(_)) => (Some(&mut error.action), true),
        _ => (None, false),
    };
    match (slot, text) {
        // The first occurrence of a field is the field; a repeat is kept as is.
        (Some(slot), Some(text)) if slot.is_none() => {
            *slot = Some(if trim {
                text.trim().to_owned()
            } else {
                text.into_owned()
            });
        }
        _ => error.elements.push(written.to_owned()),
    }
}

/// The elements that are fields of an error object.
const FIELDS: [&str; 7] = [STATUS, CODE, MESSAGE, DETAILS, HELP_URL, TRACE, ACTION];

/// Where the reader is in the input, in bytes.
fn position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn syntax(error: &quick_xml::Error) -> DecodeError {
    syntax_message(&error.to_string())
}

fn syntax_message(message: &str) -> DecodeError {
    DecodeError::new(
        DecodeErrorKind::NotXml,
        format!("the body is not well-formed XML: {message}"),
    )
}

fn shape(message: &str) -> DecodeError {
    DecodeError::new(DecodeErrorKind::WrongShape, message)
}
