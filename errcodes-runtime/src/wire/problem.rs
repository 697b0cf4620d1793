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
//! use errcodes_runtime::wire::{Code, Json, Occurrence, problem::Problem};
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

use errcodes_core::uri::percent_encode;
use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value, json};

use super::formats::{Answers, ShapeFacts, answers_by_itself};
use super::json::{self, Object, Writer, deserialize_as_object};
use super::{
    Code, CodeFacts, EncodeError, Json, Occurrence, Rendered, SchemaParts, Shape, reason_phrase,
};
use crate::{Action, ErrorCode, ProblemCode};

/// The `type` of problems that add nothing to their status.
const ABOUT_BLANK: &str = "about:blank";

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
        let facts = CodeFacts::of(code);
        let status = occurrence.status.unwrap_or(facts.status);
        json::from_view(&View::of(&facts, occurrence, status))
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
        let member = || {
            self.members
                .get("code")
                .and_then(Value::as_str)
                .map(Cow::Borrowed)
        };
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
        self.members.get("trace").and_then(Value::as_str)
    }

    /// Every other member: extensions (Edge's `report`, a `code`), and
    /// standard members that had the wrong type.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }

    fn view(&self) -> View<'_> {
        View {
            type_uri: self.type_uri.as_deref().map(Cow::Borrowed),
            status: self.status,
            title: self.title.as_deref(),
            detail: self.detail.as_deref(),
            instance: self.instance.as_deref(),
            code: None,
            trace: None,
            members: &self.members,
        }
    }
}

impl<E> Object for Problem<E> {
    const WHAT: &'static str = "a problem detail";

    fn empty() -> Self {
        Problem {
            type_uri: None,
            status: None,
            title: None,
            detail: None,
            instance: None,
            members: Map::new(),
            codes: PhantomData,
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "type" => json::string(&mut self.type_uri, value),
            "status" => json::u16(&mut self.status, value),
            "title" => json::string(&mut self.title, value),
            "detail" => json::string(&mut self.detail, value),
            "instance" => json::string(&mut self.instance, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Serialize for Problem<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.view().serialize(serializer)
    }
}

deserialize_as_object!(Problem);

impl<E> Json for Problem<E> {}

answers_by_itself!(Problem);

/// What errcodes knows of problem details.
pub(crate) const SHAPE: ShapeFacts = ShapeFacts {
    name: "Problem",
    content_type: "application/problem+json",
    description: "A problem detail (RFC 9457).",
    code_path,
    schema,
};

/// Where a problem detail carries the code.
pub(crate) fn code_path(place: ProblemCode) -> &'static [&'static str] {
    match place {
        ProblemCode::Type => &["type"],
        ProblemCode::Title => &["title"],
        ProblemCode::Member => &["code"],
    }
}

/// The schema of a problem detail whose code sits where `parts` says.
pub(crate) fn schema(parts: &SchemaParts<'_>) -> Value {
    let mut properties = json!({
        "type": {"type": "string", "format": "uri-reference"},
        "status": {"type": "integer", "minimum": 100, "maximum": 599},
        "title": {"type": "string"},
        "detail": {"type": "string"},
        "instance": {"type": "string", "format": "uri-reference"},
    });
    let identifier = match parts.place {
        ProblemCode::Type => SchemaParts::open_enum(parts.values),
        ProblemCode::Title | ProblemCode::Member => parts.code.clone(),
    };
    let path = code_path(parts.place);
    for key in path {
        properties[*key] = identifier.clone();
    }
    json!({
        "type": "object",
        "description": SHAPE.description,
        "properties": properties,
        "required": path,
    })
}

/// A problem detail of a code, at the occurrence's status or else the
/// code's.
pub(crate) fn render(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    let view = |status| View::of(facts, occurrence, status);
    Rendered::of(Shape::Problem, view, facts, occurrence)
}

/// A problem's members, borrowed: what rendering writes and what a
/// [`Problem`] encodes.
pub(crate) struct View<'a> {
    type_uri: Option<Cow<'a, str>>,
    status: Option<u16>,
    title: Option<&'a str>,
    detail: Option<&'a str>,
    instance: Option<&'a str>,
    /// The `code` member, when the code is carried there.
    code: Option<&'a str>,
    /// The `trace` member: the occurrence's identifier for support.
    trace: Option<&'a str>,
    members: &'a Map<String, Value>,
}

impl<'a> View<'a> {
    /// The problem detail of a code with `occurrence`, at `status`.
    pub(crate) fn of(facts: &CodeFacts<'a>, occurrence: &'a Occurrence, status: u16) -> Self {
        let (type_uri, code_in_type) = match facts.problem_type {
            Some(template) if template.contains("{code}") => (
                Cow::Owned(template.replacen("{code}", &percent_encode(facts.code), 1)),
                true,
            ),
            Some(template) => (Cow::Borrowed(template), false),
            None => (Cow::Borrowed(ABOUT_BLANK), false),
        };
        let message = occurrence.message_or(facts.title);
        let (title, code_in_title) = if facts.problem_type.is_none() {
            // RFC 9457, section 4.2.1.
            (reason_phrase(status).unwrap_or(message), false)
        } else if facts.problem_code == ProblemCode::Title {
            (facts.code, true)
        } else {
            (message, false)
        };
        // Where the title says something else, the code's title explains.
        let detail = match occurrence.detail.as_deref() {
            Some(detail) => Some(detail),
            None if title != message => Some(message),
            None => None,
        };
        let code_in_member =
            facts.problem_code == ProblemCode::Member || !(code_in_type || code_in_title);
        View {
            type_uri: Some(type_uri),
            status: Some(status),
            title: Some(title),
            detail,
            instance: occurrence.instance.as_deref(),
            code: code_in_member.then_some(facts.code),
            trace: occurrence.trace.as_deref(),
            members: &occurrence.members,
        }
    }
}

impl View<'_> {
    /// The same problem without the `trace` member: for a problem listed
    /// in a body that carries the trace itself (Edge's `requestId`).
    pub(crate) fn untraced(self) -> Self {
        View {
            trace: None,
            ..self
        }
    }
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("type", self.type_uri.as_deref())?;
        writer.own("status", self.status.as_ref())?;
        writer.own("title", self.title)?;
        writer.own("detail", self.detail)?;
        writer.own("instance", self.instance)?;
        writer.own("code", self.code)?;
        writer.own("trace", self.trace)?;
        writer.end(self.members)
    }
}

/// The code in `uri`, when `uri` has the shape of `template`.
fn code_in<'u>(template: &str, uri: &'u str) -> Option<Cow<'u, str>> {
    let (prefix, suffix) = template.split_once("{code}")?;
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
