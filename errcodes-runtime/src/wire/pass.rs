//! Adobe Pass errors: an error object with `status`, `code`, `message`,
//! `details`, `helpUrl`, `trace` and `action`, in the `error` member of a
//! body, or in XML as `<error>…</error>` (with the `xml` feature). APIs
//! that handle several items report errors per item, in
//! `resources[].error`, next to items that succeeded.
//!
//! ```
//! use errcodes_runtime::wire::pass::Body;
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
//! let body = Body::<PassError>::decode(body).unwrap();
//! // Repeat the request with only the items whose action says retry.
//! let again: Vec<&str> = body.items_to_retry().filter_map(|item| item.id()).collect();
//! assert_eq!(again, ["TestStream2"]);
//! assert_eq!(body.resources()[1].error().unwrap().action(), Action::Retry);
//! ```

use core::marker::PhantomData;
use serde_json::{Map, Value};

use super::json::{object, put, take_bool, take_object, take_objects, take_string, take_u16};
use super::{Code, DecodeError, Limits, Occurrence};
use crate::{Action, ErrorCode};

/// A response body: one error, or items of which some may have failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Body<E> {
    error: Option<ErrorObject<E>>,
    resources: Option<Vec<Resource<E>>>,
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

impl<E: ErrorCode> Body<E> {
    /// The body of one error.
    #[must_use]
    pub fn error_of(error: ErrorObject<E>) -> Self {
        Body {
            error: Some(error),
            resources: None,
            members: Map::new(),
        }
    }

    /// The body of a multi-item response.
    #[must_use]
    pub fn resources_of(resources: Vec<Resource<E>>) -> Self {
        Body {
            error: None,
            resources: Some(resources),
            members: Map::new(),
        }
    }

    /// Decodes a JSON body.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not an object.
    pub fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(body, Limits::default())
    }

    /// Decodes a JSON body within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        let mut members = object(body, limits)?;
        let resources = take_objects(&mut members, "resources").map(|list| {
            list.into_iter()
                .map(|mut item| Resource {
                    id: take_string(&mut item, "id"),
                    authorized: take_bool(&mut item, "authorized"),
                    error: take_object(&mut item, "error").map(ErrorObject::from_members),
                    members: item,
                })
                .collect()
        });
        Ok(Body {
            error: take_object(&mut members, "error").map(ErrorObject::from_members),
            resources,
            members,
        })
    }

    /// The body as JSON bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        let mut members = self.members.clone();
        put(
            &mut members,
            "error",
            self.error.as_ref().map(|e| Value::Object(e.to_members())),
        );
        let resources = self.resources.as_ref().map(|list| {
            let items = list.iter().map(|item| {
                let mut members = item.members.clone();
                put(&mut members, "id", item.id.clone());
                put(&mut members, "authorized", item.authorized);
                put(
                    &mut members,
                    "error",
                    item.error.as_ref().map(|e| Value::Object(e.to_members())),
                );
                Value::Object(members)
            });
            Value::Array(items.collect())
        });
        put(&mut members, "resources", resources);
        serde_json::to_vec(&members).unwrap_or_default()
    }

    /// `error`, when it is an object.
    #[must_use]
    pub fn error(&self) -> Option<&ErrorObject<E>> {
        self.error.as_ref()
    }

    /// `resources`, when it is a list of objects.
    #[must_use]
    pub fn resources(&self) -> &[Resource<E>] {
        self.resources.as_deref().unwrap_or_default()
    }

    /// The items that failed with an error whose action is `retry` or
    /// `retry-after`: the ones to send again.
    pub fn items_to_retry(&self) -> impl Iterator<Item = &Resource<E>> {
        self.resources().iter().filter(|item| {
            item.error()
                .is_some_and(|error| error.action().is_retryable())
        })
    }

    /// Every other member.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

impl<E: ErrorCode> ErrorObject<E> {
    /// The error object of `code`: its status, code, title (or the
    /// occurrence's message) and action, with the occurrence's details,
    /// help URL and trace.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        ErrorObject {
            status: Some(occurrence.status.unwrap_or_else(|| code.http_status())),
            code: Some(code.code().to_owned()),
            message: Some(occurrence.message_or_title(&code)),
            details: occurrence.detail.clone(),
            help_url: occurrence.help_url.clone(),
            trace: occurrence.trace.clone(),
            action: Some(code.action().as_str().to_owned()),
            members: occurrence.members.clone(),
            elements: Vec::new(),
            codes: PhantomData,
        }
    }

    /// Decodes an error object on its own, in JSON.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not an object.
    pub fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        object(body, Limits::default()).map(Self::from_members)
    }

    /// The error object on its own, as JSON bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(&self.to_members()).unwrap_or_default()
    }

    /// Reads an error object from the members of a JSON object.
    #[must_use]
    pub fn from_members(mut members: Map<String, Value>) -> Self {
        ErrorObject {
            status: take_u16(&mut members, "status"),
            code: take_string(&mut members, "code"),
            message: take_string(&mut members, "message"),
            details: take_string(&mut members, "details"),
            help_url: take_string(&mut members, "helpUrl"),
            trace: take_string(&mut members, "trace"),
            action: take_string(&mut members, "action"),
            members,
            elements: Vec::new(),
            codes: PhantomData,
        }
    }

    /// The error object as a JSON object.
    #[must_use]
    pub fn to_members(&self) -> Map<String, Value> {
        let mut members = self.members.clone();
        put(&mut members, "status", self.status);
        put(&mut members, "code", self.code.clone());
        put(&mut members, "message", self.message.clone());
        put(&mut members, "details", self.details.clone());
        put(&mut members, "helpUrl", self.help_url.clone());
        put(&mut members, "trace", self.trace.clone());
        put(&mut members, "action", self.action.clone());
        members
    }

    /// `code`, looked up in the catalog.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.code.as_deref().map(Code::parse)
    }

    /// What the client should do: the `action` the error names, or the
    /// code's, or the one the status implies.
    #[must_use]
    pub fn action(&self) -> Action {
        let status = self.status.unwrap_or(500);
        self.action
            .as_deref()
            .and_then(|action| action.parse().ok())
            .or_else(|| self.code().map(|code| code.action(status)))
            .unwrap_or_else(|| Action::for_status(status))
    }

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
}

impl<E: ErrorCode> Resource<E> {
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
