//! Adobe Pass errors: an error object with `status`, `code`, `message`,
//! `details`, `helpUrl`, `trace` and `action`, in the `error` member of a
//! body, or in XML as `<error>…</error>` (with the `xml` feature). APIs
//! that handle several items report errors per item, in
//! `resources[].error`, next to items that succeeded.
//!
//! ```
//! use errcodes_runtime::wire::{Json, pass::PassBody};
//! use errcodes_runtime::Action;
//!
//! errcodes_runtime::errcodes!("../specs/pass.yaml");
//!
//! let body = br#"{"resources": [
//!     {"id": "TestStream1", "authorized": true},
//!     {"id": "TestStream2", "authorized": false, "error": {"status": 403,
//!         "code": "network_connection_failure", "message": "Unable to contact your TV provider services",
//!         "action": "retry"}}
//! ]}"#;
//! let body = PassBody::<PassError>::decode(body).unwrap();
//! // Repeat the request with only the items whose action says retry.
//! let again: Vec<&str> = body.items_to_retry().filter_map(|item| item.id()).collect();
//! assert_eq!(again, ["TestStream2"]);
//! assert_eq!(body.resources().nth(1).unwrap().error().unwrap().action(), Action::Retry);
//! ```

use core::marker::PhantomData;
use std::borrow::Cow;

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value, json};

use super::formats::{Answers, ShapeFacts, answers_by_itself};
use super::json::{self, Item, Object, Writer, deserialize_as_object};
use super::{
    Code, CodeFacts, DecodeError, EncodeError, Json, Limits, Occurrence, Rendered, SchemaParts,
    Shape,
};
use crate::{Action, ErrorCode};

/// A response body: one error, or items of which some may have failed.
#[derive(Clone, Debug, PartialEq)]
pub struct PassBody<E> {
    error: Option<ErrorObject<E>>,
    resources: Option<Vec<Item<Resource<E>>>>,
    members: Map<String, Value>,
}

/// One error.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorObject<E> {
    pub(super) status: Option<u16>,
    pub(super) code: Option<String>,
    pub(super) message: Option<String>,
    pub(super) details: Option<String>,
    pub(super) help_url: Option<String>,
    pub(super) trace: Option<String>,
    pub(super) action: Option<String>,
    /// Other JSON members.
    pub(super) members: Map<String, Value>,
    /// Other XML elements, as they were written.
    pub(super) elements: Vec<String>,
    pub(super) codes: PhantomData<fn() -> E>,
}

/// One item of a multi-item response.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource<E> {
    id: Option<String>,
    authorized: Option<bool>,
    error: Option<ErrorObject<E>>,
    members: Map<String, Value>,
}

impl<E> PassBody<E> {
    /// The body of one error.
    #[must_use]
    pub fn error_of(error: ErrorObject<E>) -> Self {
        PassBody {
            error: Some(error),
            resources: None,
            members: Map::new(),
        }
    }

    /// The body of a multi-item response.
    #[must_use]
    pub fn resources_of(resources: Vec<Resource<E>>) -> Self {
        PassBody {
            error: None,
            resources: Some(resources.into_iter().map(Item::Read).collect()),
            members: Map::new(),
        }
    }

    /// `error`, when it is an object.
    #[must_use]
    pub fn error(&self) -> Option<&ErrorObject<E>> {
        self.error.as_ref()
    }

    /// The items of `resources` that are objects.
    pub fn resources(&self) -> impl Iterator<Item = &Resource<E>> {
        self.resource_items().iter().filter_map(Item::read)
    }

    /// Every element of `resources`, as received.
    #[must_use]
    pub fn resource_items(&self) -> &[Item<Resource<E>>] {
        self.resources.as_deref().unwrap_or_default()
    }

    /// Every other member.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

impl<E: ErrorCode> PassBody<E> {
    /// The items that failed with an error whose action is `retry` or
    /// `retry-after`: the ones to send again.
    pub fn items_to_retry(&self) -> impl Iterator<Item = &Resource<E>> {
        self.resources().filter(|item| {
            item.error()
                .is_some_and(|error| error.action().is_retryable())
        })
    }
}

impl<E: ErrorCode> ErrorObject<E> {
    /// The error object of `code`: its status, code, title (or the
    /// occurrence's message) and action, with the occurrence's details,
    /// help URL and trace.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        let facts = CodeFacts::of(code);
        let status = occurrence.status.unwrap_or(facts.status);
        json::from_view(&ErrorView::of(&facts, occurrence, status))
    }

    /// `code`, looked up in the catalog.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.code.as_deref().map(Code::parse)
    }

    /// What a client should do after a response with HTTP status `status`
    /// that carries this error: the `action` the error names, or the code's,
    /// or the one the status implies.
    #[must_use]
    pub fn action_at(&self, status: u16) -> Action {
        self.action
            .as_deref()
            .and_then(|action| action.parse().ok())
            .unwrap_or_else(|| Code::action_of(self.code().as_ref(), status))
    }

    /// [`action_at`](Self::action_at) the error's own `status`, or 500 when
    /// it has none.
    #[must_use]
    pub fn action(&self) -> Action {
        self.action_at(self.status.unwrap_or(500))
    }
}

impl<E> ErrorObject<E> {
    /// `status`.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// `message`.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// `details`.
    #[must_use]
    pub fn details(&self) -> Option<&str> {
        self.details.as_deref()
    }

    /// `helpUrl`.
    #[must_use]
    pub fn help_url(&self) -> Option<&str> {
        self.help_url.as_deref()
    }

    /// `trace`.
    #[must_use]
    pub fn trace(&self) -> Option<&str> {
        self.trace.as_deref()
    }

    /// Every other JSON member.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }

    pub(super) fn view(&self) -> ErrorView<'_> {
        ErrorView {
            status: self.status,
            code: self.code.as_deref(),
            message: self.message.as_deref(),
            details: self.details.as_deref(),
            help_url: self.help_url.as_deref().map(Cow::Borrowed),
            trace: self.trace.as_deref(),
            action: self.action.as_deref(),
            members: &self.members,
        }
    }
}

impl<E> Resource<E> {
    /// An item.
    #[must_use]
    pub fn new(id: impl Into<String>, authorized: bool) -> Self {
        Resource {
            id: Some(id.into()),
            authorized: Some(authorized),
            error: None,
            members: Map::new(),
        }
    }

    /// The item failed with `error`.
    #[must_use]
    pub fn failed(mut self, error: ErrorObject<E>) -> Self {
        self.error = Some(error);
        self
    }

    /// `id`.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// `authorized`.
    #[must_use]
    pub fn authorized(&self) -> Option<bool> {
        self.authorized
    }

    /// `error`, when the item failed.
    #[must_use]
    pub fn error(&self) -> Option<&ErrorObject<E>> {
        self.error.as_ref()
    }

    /// Every other member.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

impl<E> Object for PassBody<E> {
    const WHAT: &'static str = "an Adobe Pass body";

    fn empty() -> Self {
        PassBody {
            error: None,
            resources: None,
            members: Map::new(),
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "error" => json::object(&mut self.error, value),
            "resources" => json::items(&mut self.resources, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Object for ErrorObject<E> {
    const WHAT: &'static str = "an Adobe Pass error";

    fn empty() -> Self {
        ErrorObject {
            status: None,
            code: None,
            message: None,
            details: None,
            help_url: None,
            trace: None,
            action: None,
            members: Map::new(),
            elements: Vec::new(),
            codes: PhantomData,
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "status" => json::u16(&mut self.status, value),
            "code" => json::string(&mut self.code, value),
            "message" => json::string(&mut self.message, value),
            "details" => json::string(&mut self.details, value),
            "helpUrl" => json::string(&mut self.help_url, value),
            "trace" => json::string(&mut self.trace, value),
            "action" => json::string(&mut self.action, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Object for Resource<E> {
    const WHAT: &'static str = "an Adobe Pass item";

    fn empty() -> Self {
        Resource {
            id: None,
            authorized: None,
            error: None,
            members: Map::new(),
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "id" => json::string(&mut self.id, value),
            "authorized" => json::bool(&mut self.authorized, value),
            "error" => json::object(&mut self.error, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Serialize for PassBody<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("error", self.error.as_ref())?;
        writer.own("resources", self.resources.as_ref())?;
        writer.end(&self.members)
    }
}

impl<E> Serialize for ErrorObject<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.view().serialize(serializer)
    }
}

impl<E> Serialize for Resource<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("id", self.id.as_deref())?;
        writer.own("authorized", self.authorized.as_ref())?;
        writer.own("error", self.error.as_ref())?;
        writer.end(&self.members)
    }
}

deserialize_as_object!(PassBody, ErrorObject, Resource);

impl<E> Json for PassBody<E> {}

impl<E> Json for ErrorObject<E> {}

impl<E: ErrorCode> PassBody<E> {
    /// The body's error, or else the first item's that failed.
    fn first_error(&self) -> Option<&ErrorObject<E>> {
        self.error()
            .or_else(|| self.resources().find_map(Resource::error))
    }
}

impl<E: ErrorCode> Answers<E> for PassBody<E> {
    fn code(&self) -> Option<Code<E>> {
        self.first_error()?.code()
    }

    fn action_at(&self, status: u16) -> Action {
        self.first_error()
            .map_or(Action::for_status(status), |error| error.action_at(status))
    }

    fn message(&self) -> Option<&str> {
        self.first_error()?.message()
    }
}

answers_by_itself!(ErrorObject);

/// What errcodes knows of Adobe Pass bodies in JSON.
pub(crate) const SHAPE: ShapeFacts = ShapeFacts {
    name: "PassBody",
    content_type: "application/json",
    description: "An Adobe Pass error body.",
    code_path: |_| &["error", "code"],
    schema: |parts| {
        json!({
            "type": "object",
            "description": SHAPE.description,
            "properties": {"error": error_schema(parts)},
            "required": ["error"],
        })
    },
};

/// What errcodes knows of Adobe Pass errors in XML.
pub(crate) const XML_SHAPE: ShapeFacts = ShapeFacts {
    name: "PassXml",
    content_type: "application/xml",
    description: "An Adobe Pass error in XML.",
    code_path: |_| &["code"],
    schema: |parts| {
        let mut schema = error_schema(parts);
        schema["description"] = json!(XML_SHAPE.description);
        schema["xml"] = json!({"name": "error"});
        schema
    },
};

/// The schema of an error object.
fn error_schema(parts: &SchemaParts<'_>) -> Value {
    json!({
        "type": "object",
        "properties": {
            "status": {"type": "integer"},
            "code": parts.code,
            "message": {"type": "string"},
            "details": {"type": "string"},
            "helpUrl": {"type": "string", "format": "uri"},
            "trace": {"type": "string"},
            "action": SchemaParts::open_enum(Action::SPELLINGS),
        },
        "required": ["code"],
    })
}

/// `{"error": {...}}`, at the occurrence's status or else the code's.
pub(crate) fn render(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    let body = |status| BodyView {
        error: ErrorView::of(facts, occurrence, status),
    };
    Rendered::of(Shape::Pass, body, facts, occurrence)
}

#[cfg(feature = "xml")]
pub(crate) fn decode_xml<E: ErrorCode>(
    body: &[u8],
    limits: Limits,
) -> Result<ErrorObject<E>, DecodeError> {
    ErrorObject::decode_xml_with(body, limits)
}

#[cfg(not(feature = "xml"))]
pub(crate) fn decode_xml<E>(_: &[u8], _: Limits) -> Result<ErrorObject<E>, DecodeError> {
    Err(DecodeError::new(
        super::DecodeErrorKind::NotXml,
        "the body is XML, which needs errcodes-runtime's `xml` feature",
    ))
}

/// `<error>…</error>`, at the occurrence's status or else the code's.
#[cfg(feature = "xml")]
#[allow(clippy::unnecessary_wraps)] // the signature of every renderer
pub(crate) fn render_xml(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    let status = occurrence.status.unwrap_or(facts.status);
    let xml = super::pass_xml::write(&ErrorView::of(facts, occurrence, status), &[]);
    Ok(Rendered::bytes(
        Shape::PassXml,
        status,
        xml,
        facts,
        occurrence,
    ))
}

/// Without the `xml` feature, Pass errors are written in JSON.
#[cfg(not(feature = "xml"))]
#[allow(clippy::unnecessary_wraps)] // the signature of every renderer
pub(crate) fn render_xml(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    render(facts, occurrence)
}

/// An error object, borrowed: what rendering writes and what an
/// [`ErrorObject`] encodes.
pub(crate) struct ErrorView<'a> {
    pub(super) status: Option<u16>,
    pub(super) code: Option<&'a str>,
    pub(super) message: Option<&'a str>,
    pub(super) details: Option<&'a str>,
    pub(super) help_url: Option<Cow<'a, str>>,
    pub(super) trace: Option<&'a str>,
    pub(super) action: Option<&'a str>,
    pub(super) members: &'a Map<String, Value>,
}

impl<'a> ErrorView<'a> {
    /// The error object of a code with `occurrence`, at `status`.
    pub(crate) fn of(facts: &CodeFacts<'a>, occurrence: &'a Occurrence, status: u16) -> Self {
        ErrorView {
            status: Some(status),
            code: Some(facts.code),
            message: Some(occurrence.message_or(facts.title)),
            details: occurrence.detail.as_deref(),
            help_url: occurrence
                .help_url
                .as_deref()
                .map(Cow::Borrowed)
                .or_else(|| facts.help_url()),
            trace: occurrence.trace.as_deref(),
            action: Some(facts.action.as_str()),
            members: &occurrence.members,
        }
    }
}

impl Serialize for ErrorView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("status", self.status.as_ref())?;
        writer.own("code", self.code)?;
        writer.own("message", self.message)?;
        writer.own("details", self.details)?;
        writer.own("helpUrl", self.help_url.as_deref())?;
        writer.own("trace", self.trace)?;
        writer.own("action", self.action)?;
        writer.end(self.members)
    }
}

/// A body holding one error view.
struct BodyView<'a> {
    error: ErrorView<'a>,
}

impl Serialize for BodyView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("error", Some(&self.error))?;
        writer.end(&Map::new())
    }
}
