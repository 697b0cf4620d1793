//! Problem details for HTTP APIs, RFC 9457 (which obsoletes RFC 7807):
//! `application/problem+json` bodies with `type`, `status`, `title`,
//! `detail`, `instance` and extension members.
//!
//! The catalog decides how a problem identifies its code:
//!
//! - with a `problem-type` template that has `{code}`, the code is in the
//!   `type` URI (Edge Network's `https://ns.adobe.com/aep/errors/{code}`);
//! - with `problem-code: title`, the code is the `title` (the Experience
//!   Platform's `BadRequestError`);
//! - otherwise the code is in an extension member, `code`.
//!
//! A catalog without `problem-type` writes `about:blank` problems, which
//! RFC 9457 (section 4.2.1) reserves for problems that mean no more than
//! their status: their `title` is the status's reason phrase, and the
//! code's own title becomes the `detail` unless the occurrence gives one.
//!
//! ```
//! use errcodes_runtime::{Code, Occurrence};
//! use errcodes_runtime::wire::{Json, problem::Problem};
//!
//! errcodes_runtime::errcodes!("../specs/edge.yaml");
//!
//! let problem = Problem::new(EdgeError::ConfigurationError, &Occurrence::new().detail("Unknown datastream"));
//! assert_eq!(problem.type_uri(), Some("https://ns.adobe.com/aep/errors/ConfigurationError"));
//! assert_eq!(problem.status(), Some(422));
//!
//! let decoded = Problem::<EdgeError>::decode(&problem.encode().unwrap()).unwrap();
//! assert_eq!(decoded.code(), Some(Code::Known(EdgeError::ConfigurationError)));
//! assert_eq!(decoded.detail(), Some("Unknown datastream"));
//! ```

use core::marker::PhantomData;
use std::borrow::Cow;

use errcodes_core::render::problem::{CODE, DETAIL, INSTANCE, STATUS, TITLE, TRACE, TYPE, body};
use serde_json::{Map, Value, json};

use super::contract::{SchemaParts, answers_by_itself};
use super::json::{self, deserialize_as_object, members};
use super::kept::Kept;
use super::{Json, Shape};
use crate::fields::Untyped;
use crate::{Action, Code, ErrorCode, Occurrence, ProblemCode};

/// A problem detail.
///
/// The standard members are kept when they have the type the RFC gives
/// them; a member of another type is ignored, as the RFC asks, but kept
/// among [`members`](Self::members) so that encoding writes it back.
///
/// Decoding keeps the other members as JSON text, checked as it is copied,
/// and reads them the first time they are asked for
/// ([`members`](Self::members), [`trace`](Self::trace),
/// [`repeated_fields`](Self::repeated_fields), the error's fields): a client
/// that reads only the code, the status and the detail does not pay for
/// building them. The copy goes through the same parser as building
/// would: a body is refused for the same reasons.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem<E> {
    type_uri: Option<String>,
    status: Option<u16>,
    title: Option<String>,
    detail: Option<String>,
    instance: Option<String>,
    /// Extension members, and standard ones of the wrong type.
    members: Kept,
    codes: PhantomData<fn() -> E>,
}

members! {
    Problem as "a problem detail" {
        type_uri: TYPE => json::string,
        status: STATUS => json::u16,
        title: TITLE => json::string,
        detail: DETAIL => json::string,
        instance: INSTANCE => json::string,
    }
    kept members [lazy], also { codes: PhantomData },
    repeated(this, key, _path) { json::repeated_in_kept::<Self>(this.members.repeated_mut(), key) }
}

impl<E: ErrorCode> Problem<E> {
    /// The problem detail of `code`: its type, status and title, with what
    /// `occurrence` adds.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        let facts = code.facts();
        let status = occurrence.status.unwrap_or(facts.status);
        json::from_rendered(&body(&facts, &occurrence.values(), status, true))
    }

    /// The code, read where the catalog's problems carry it (see the
    /// module's documentation), or else from a `code` member. `None` when
    /// neither names one.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        let catalog = E::CATALOG;
        let declared = match catalog.problem_code() {
            ProblemCode::Type => catalog
                .problem_type()
                .zip(self.type_uri.as_deref())
                .and_then(|(template, uri)| code_in(template, uri)),
            ProblemCode::Title => self.title.as_deref().map(Cow::Borrowed),
            ProblemCode::Member => None,
        };
        // Found in the members' text while nothing has read them.
        let member = || self.members.first_text(CODE);
        declared.or_else(member).map(|text| Code::parse(&text))
    }

    /// What a client should do after a response with HTTP status `status`
    /// that carries this problem: the code's action, or, without a known
    /// code, the one the status implies.
    #[must_use]
    pub fn action_at(&self, status: u16) -> Action {
        Code::action_of(self.code().as_ref(), status)
    }

    /// The message for people: `detail`, or else `title`.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.detail().or(self.title())
    }

    /// [`action_at`](Self::action_at) the problem's own `status`, or 500
    /// when it has none.
    #[must_use]
    pub fn action(&self) -> Action {
        self.action_at(self.status.unwrap_or(500))
    }
}

impl<E> Problem<E> {
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

    /// The `trace` extension member: the identifier to quote to support,
    /// when it is a string.
    #[must_use]
    pub fn trace(&self) -> Option<&str> {
        self.members.members().get(TRACE).and_then(Value::as_str)
    }

    /// Every other member: extensions (Edge's `report`, a `code`), and
    /// standard members that had the wrong type.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        self.members.members()
    }

    /// The error's fields, as received: while nothing has read the
    /// members, a reader finds its fields in their text.
    pub(crate) fn untyped_fields(&self) -> Untyped<'_> {
        if self.members.is_read() {
            Untyped::Members(self.members.members())
        } else {
            Untyped::Kept(crate::fields::KeptMembers(&self.members))
        }
    }

    /// The fields given more than once, in the order they came: reading
    /// one fails with [`Problem::Repeated`](crate::fields::Problem::Repeated),
    /// and its first value stays among the fields as received.
    #[must_use]
    pub fn repeated_fields(&self) -> &[Box<str>] {
        self.members.repeated()
    }
}

deserialize_as_object!(Problem);

impl<E> Json for Problem<E> {}

answers_by_itself!(Problem);

/// The schema of a problem detail whose code sits where `parts` says.
pub(crate) fn schema(parts: &SchemaParts<'_>) -> Value {
    let mut properties = json!({
        TYPE: {"type": "string", "format": "uri-reference"},
        STATUS: {"type": "integer", "minimum": 100, "maximum": 599},
        TITLE: {"type": "string"},
        DETAIL: {"type": "string"},
        INSTANCE: {"type": "string", "format": "uri-reference"},
    });
    let identifier = match parts.place {
        ProblemCode::Type => SchemaParts::open_enum(parts.values),
        ProblemCode::Title | ProblemCode::Member => parts.code.clone(),
    };
    let path = Shape::Problem.code_path(parts.place);
    for key in path {
        properties[*key] = identifier.clone();
    }
    json!({
        "type": "object",
        "description": Shape::Problem.description(),
        "properties": properties,
        "required": path,
    })
}

/// The code in `uri`, when `uri` has the shape of `template`.
fn code_in<'u>(template: &str, uri: &'u str) -> Option<Cow<'u, str>> {
    // Braces are rare in URIs: look for them, not for the whole word.
    let at = template
        .match_indices('{')
        .find(|&(at, _)| template[at..].starts_with("{code}"))?
        .0;
    let (prefix, suffix) = (&template[..at], &template[at + "{code}".len()..]);
    let encoded = uri.strip_prefix(prefix)?.strip_suffix(suffix)?;
    (!encoded.is_empty()).then(|| percent_decode(encoded))
}

/// Undoes `%XX` escapes; anything that is not a valid escape, or does not
/// decode to UTF-8, is kept as written.
fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
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
    String::from_utf8(decoded).map_or(Cow::Borrowed(text), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use errcodes_core::uri::percent_encode;

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
