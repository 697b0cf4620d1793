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

use errcodes_core::render::pass::{
    ACTION, AUTHORIZED, CODE, DETAILS, ERROR, HELP_URL, ID, MESSAGE, RESOURCES, STATUS, TRACE,
    error_object,
};
use serde_json::{Map, Value, json};

use super::contract::{SchemaParts, answers_by_itself, answers_through};
use super::json::{self, Item, deserialize_as_object, members};
use super::{DecodeError, Json, Limits, Shape};
use crate::fields::Untyped;
use crate::{Action, Code, ErrorCode, Occurrence};

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
    /// Fields given more than once.
    pub(super) repeated: Vec<Box<str>>,
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
        let facts = code.facts();
        let status = occurrence.status.unwrap_or(facts.status);
        json::from_rendered(&error_object(&facts, &occurrence.values(), status))
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

    /// The error's fields, as received: the other JSON members, or, in
    /// XML, the other elements.
    pub(crate) fn untyped_fields(&self) -> Untyped<'_> {
        if self.members.is_empty() && !self.elements.is_empty() {
            Untyped::Elements(&self.elements)
        } else {
            Untyped::Members(&self.members)
        }
    }

    /// The fields given more than once, in the order they came: reading
    /// one fails with [`Problem::Repeated`](crate::fields::Problem::Repeated),
    /// and its first value stays among the fields as received.
    #[must_use]
    pub fn repeated_fields(&self) -> &[Box<str>] {
        &self.repeated
    }

    /// The fields as XML writes them, in order: each element's name and
    /// text.
    #[cfg(feature = "xml")]
    pub(super) fn fields(&self) -> [(&'static str, Option<String>); 7] {
        [
            (STATUS, self.status.map(|status| status.to_string())),
            (CODE, self.code.clone()),
            (MESSAGE, self.message.clone()),
            (DETAILS, self.details.clone()),
            (HELP_URL, self.help_url.clone()),
            (TRACE, self.trace.clone()),
            (ACTION, self.action.clone()),
        ]
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

members! {
    PassBody as "an Adobe Pass body" {
        error: ERROR => json::object,
        resources: RESOURCES => json::items,
    }
    kept members,
    repeated(this, key, path) {
        match key {
            ERROR => json::repeated_in(this.error.as_mut(), path),
            RESOURCES => json::repeated_in_items(this.resources.as_mut(), path),
            _ => false,
        }
    }
}

members! {
    ErrorObject as "an Adobe Pass error" {
        status: STATUS => json::u16,
        code: CODE => json::string,
        message: MESSAGE => json::string,
        details: DETAILS => json::string,
        help_url: HELP_URL => json::string,
        trace: TRACE => json::string,
        action: ACTION => json::string,
    }
    kept members, also { elements: Vec::new(), repeated: Vec::new(), codes: PhantomData },
    repeated(this, key, _path) { json::repeated_in_kept::<Self>(&mut this.repeated, key) }
}

members! {
    Resource as "an Adobe Pass item" {
        id: ID => json::string,
        authorized: AUTHORIZED => json::bool,
        error: ERROR => json::object,
    }
    kept members,
    repeated(this, key, path) { key == ERROR && json::repeated_in(this.error.as_mut(), path) }
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

answers_through!(PassBody => first_error);

answers_by_itself!(ErrorObject);

/// The schema of an Adobe Pass body in JSON.
pub(crate) fn schema(parts: &SchemaParts<'_>) -> Value {
    json!({
        "type": "object",
        "description": Shape::Pass.description(),
        "properties": {ERROR: error_schema(parts)},
        "required": [ERROR],
    })
}

/// The schema of an Adobe Pass error in XML.
pub(crate) fn xml_schema(parts: &SchemaParts<'_>) -> Value {
    let mut schema = error_schema(parts);
    schema["description"] = json!(Shape::PassXml.description());
    schema["xml"] = json!({"name": ERROR});
    schema
}

/// The schema of an error object.
fn error_schema(parts: &SchemaParts<'_>) -> Value {
    json!({
        "type": "object",
        "properties": {
            STATUS: {"type": "integer"},
            CODE: parts.code,
            MESSAGE: {"type": "string"},
            DETAILS: {"type": "string"},
            HELP_URL: {"type": "string", "format": "uri"},
            TRACE: {"type": "string"},
            ACTION: SchemaParts::open_enum(Action::SPELLINGS),
        },
        "required": [CODE],
    })
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
