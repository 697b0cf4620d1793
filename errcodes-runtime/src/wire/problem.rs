//! Problem details for HTTP APIs, RFC 9457 (which obsoletes RFC 7807):
//! `application/problem+json` bodies with `type`, `status`, `title`,
//! `detail`, `instance` and extension members.
//!
//! A problem's code travels in its `type`, built from the catalog's
//! `problem-type` template (Edge Network's
//! `https://ns.adobe.com/aep/errors/{code}`). A catalog without a template
//! writes `about:blank` and puts the code in a `code` member instead.
//!
//! ```
//! use errcodes_runtime::wire::{Code, Occurrence, problem::Problem};
//!
//! errcodes_runtime::errcodes!("../specs/edge.yaml");
//!
//! let problem = Problem::new(EdgeError::ConfigurationError, &Occurrence::new().detail("Unknown datastream"));
//! assert_eq!(problem.type_uri(), Some("https://ns.adobe.com/aep/errors/ConfigurationError"));
//! assert_eq!(problem.status(), Some(422));
//!
//! let decoded = Problem::<EdgeError>::decode(&problem.encode()).unwrap();
//! assert_eq!(decoded.code(), Some(Code::Known(EdgeError::ConfigurationError)));
//! assert_eq!(decoded.detail(), Some("Unknown datastream"));
//! ```

use core::fmt::Write as _;
use core::marker::PhantomData;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::json::{object, put, take_string, take_u16};
use super::{Code, DecodeError, Limits, Occurrence};
use crate::{Action, ErrorCode};

/// A problem detail.
///
/// The standard members are kept when they have the type the RFC gives
/// them; a member of another type is ignored, as the RFC asks, but kept
/// among [`members`](Self::members) so that encoding writes it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem<E> {
    type_uri: Option<String>,
    status: Option<u16>,
    title: Option<String>,
    detail: Option<String>,
    instance: Option<String>,
    members: Map<String, Value>,
    codes: PhantomData<fn() -> E>,
}

impl<E: ErrorCode> Problem<E> {
    /// The problem detail of `code`: its type, status and title, with what
    /// `occurrence` adds.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        let mut members = occurrence.members.clone();
        let type_uri = if let Some(template) = E::CATALOG.problem_type() {
            template.replacen("{code}", &percent_encode(code.code()), 1)
        } else {
            members.insert("code".to_owned(), Value::from(code.code()));
            "about:blank".to_owned()
        };
        Problem {
            type_uri: Some(type_uri),
            status: Some(occurrence.status.unwrap_or_else(|| code.http_status())),
            title: Some(code.title().to_owned()),
            detail: occurrence.detail.clone(),
            instance: occurrence.instance.clone(),
            members,
            codes: PhantomData,
        }
    }

    /// Decodes a problem detail.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not an object.
    pub fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(body, Limits::default())
    }

    /// Decodes a problem detail within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        object(body, limits).map(Self::from_members)
    }

    /// Reads a problem detail from the members of a JSON object, such as
    /// one embedded in a larger body.
    #[must_use]
    pub fn from_members(mut members: Map<String, Value>) -> Self {
        Problem {
            type_uri: take_string(&mut members, "type"),
            status: take_u16(&mut members, "status"),
            title: take_string(&mut members, "title"),
            detail: take_string(&mut members, "detail"),
            instance: take_string(&mut members, "instance"),
            members,
            codes: PhantomData,
        }
    }

    /// The problem as a JSON object.
    #[must_use]
    pub fn to_members(&self) -> Map<String, Value> {
        let mut members = self.members.clone();
        put(&mut members, "type", self.type_uri.clone());
        put(&mut members, "status", self.status);
        put(&mut members, "title", self.title.clone());
        put(&mut members, "detail", self.detail.clone());
        put(&mut members, "instance", self.instance.clone());
        members
    }

    /// The problem as JSON bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The code, read from `type` through the catalog's `problem-type`, or
    /// else from a `code` member. `None` when neither names one.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        let from_type = E::CATALOG
            .problem_type()
            .zip(self.type_uri.as_deref())
            .and_then(|(template, uri)| code_in(template, uri));
        let from_member = || {
            self.members
                .get("code")
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        from_type
            .or_else(from_member)
            .map(|text| Code::parse(&text))
    }

    /// What the client should do: the code's action, or, without a known
    /// code, the one the status implies.
    #[must_use]
    pub fn action(&self) -> Action {
        let status = self.status.unwrap_or(500);
        self.code()
            .map_or_else(|| Action::for_status(status), |code| code.action(status))
    }

    /// `type`: the problem type's URI, as received.
    #[must_use]
    pub fn type_uri(&self) -> Option<&str> {
        self.type_uri.as_deref()
    }

    /// `status`: the HTTP status of this occurrence.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// `title`: a short summary of the problem type.
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// `detail`: an explanation of this occurrence.
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// `instance`: a URI for this occurrence.
    #[must_use]
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// Every other member: extensions (Edge's `report`), and standard
    /// members that had the wrong type.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

/// Writes the members in place, without copying them into a JSON value.
impl<E> Serialize for Problem<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let standard = [
            ("type", self.type_uri.as_deref()),
            ("title", self.title.as_deref()),
            ("detail", self.detail.as_deref()),
            ("instance", self.instance.as_deref()),
        ];
        for (key, value) in standard
            .into_iter()
            .filter_map(|(key, value)| Some((key, value?)))
        {
            map.serialize_entry(key, value)?;
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", &status)?;
        }
        for (key, value) in &self.members {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The code in `uri`, when `uri` has the shape of `template`.
fn code_in(template: &str, uri: &str) -> Option<String> {
    let (prefix, suffix) = template.split_once("{code}")?;
    let encoded = uri.strip_prefix(prefix)?.strip_suffix(suffix)?;
    (!encoded.is_empty()).then(|| percent_decode(encoded))
}

/// Escapes everything but RFC 3986's unreserved characters.
fn percent_encode(code: &str) -> String {
    let mut encoded = String::with_capacity(code.len());
    for byte in code.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// Undoes `%XX` escapes; anything that is not a valid escape, or does not
/// decode to UTF-8, is kept as written.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|pair| core::str::from_utf8(pair).ok());
        match (
            bytes[at],
            hex.and_then(|pair| u8::from_str_radix(pair, 16).ok()),
        ) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                at += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(decoded).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_uris() {
        for code in ["InputError", "1000-400", "a b/c?d%", "é"] {
            let uri = format!("https://e.com/errors/{}", percent_encode(code));
            assert_eq!(
                code_in("https://e.com/errors/{code}", &uri).as_deref(),
                Some(code)
            );
        }
        assert_eq!(
            code_in("https://e.com/{code}.json", "https://e.com/X.json").as_deref(),
            Some("X")
        );
        assert_eq!(code_in("https://e.com/{code}", "https://other.com/X"), None);
        assert_eq!(code_in("https://e.com/{code}", "https://e.com/"), None);
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "%FF");
    }
}
