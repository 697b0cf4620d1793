//! Edge Network Server API responses: a fatal error is a problem detail
//! with a non-2xx status; a request that completed carries its non-fatal
//! errors and its warnings, each a problem detail, in its JSON body, and
//! when there is a non-fatal error its status is 207 Multi-Status.
//!
//! An element of `errors` or `warnings` that is not an object is kept in
//! its place ([`Item::Kept`]) and still counts: a body with any error is
//! partial.
//!
//! ```
//! use errcodes_runtime::wire::edge::Response;
//!
//! errcodes_runtime::errcodes!("../specs/edge.yaml");
//!
//! let body = br#"{
//!   "requestId": "72eaa048-207e-4dde-bf16-0cb2b21336d5",
//!   "handle": [],
//!   "errors": [{"type": "", "status": 503, "title": "The service is temporarily unable to serve this request."}],
//!   "warnings": []
//! }"#;
//! match Response::<EdgeError>::decode(207, body).unwrap() {
//!     Response::Completed(body) => {
//!         assert!(body.is_partial());
//!         assert_eq!(body.errors().next().unwrap().status(), Some(503));
//!     }
//!     Response::Fatal(problem) => unreachable!("{problem:?}"),
//! }
//! ```

use errcodes_core::render::edge::{ERRORS, HANDLE, REQUEST_ID, WARNINGS};
use serde_json::{Map, Value, json};

use super::contract::{Answers, SchemaParts};
use super::json::{self, Item, deserialize_as_object, members};
use super::problem::{self, Problem};
use super::{DecodeError, Json, Limits, Shape};
use crate::fields::Untyped;
use crate::{Action, Code, ErrorCode};

/// A response of the Edge Network Server API, told apart by its status.
#[derive(Clone, Debug, PartialEq)]
pub enum Response<E> {
    /// A fatal error: the request was not processed.
    Fatal(Problem<E>),
    /// The request was processed, perhaps partly.
    Completed(EdgeBody<E>),
}

impl<E: ErrorCode> Response<E> {
    /// Decodes a response with HTTP status `status`: a problem detail from
    /// 400 up, a completed request's body below.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not an object.
    pub fn decode(status: u16, body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(status, body, Limits::default())
    }

    /// As [`decode`](Self::decode), within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with(status: u16, body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        if status >= 400 {
            Problem::decode_with(body, limits).map(Response::Fatal)
        } else {
            EdgeBody::decode_with(body, limits).map(Response::Completed)
        }
    }
}

/// The body of a request that was processed: its identifier, the
/// handles of its results, and its non-fatal errors and warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeBody<E> {
    request_id: Option<String>,
    handle: Option<Value>,
    /// `None` when the body had no such list, so that none is written back.
    errors: Option<Vec<Item<Problem<E>>>>,
    warnings: Option<Vec<Item<Problem<E>>>>,
    members: Map<String, Value>,
}

impl<E> EdgeBody<E> {
    /// An empty body for the request `request_id`.
    #[must_use]
    pub fn new(request_id: impl Into<String>) -> Self {
        EdgeBody {
            request_id: Some(request_id.into()),
            handle: Some(Value::Array(Vec::new())),
            errors: Some(Vec::new()),
            warnings: Some(Vec::new()),
            members: Map::new(),
        }
    }

    /// Adds a non-fatal error.
    #[must_use]
    pub fn error(mut self, problem: Problem<E>) -> Self {
        self.errors
            .get_or_insert_with(Vec::new)
            .push(Item::Read(problem));
        self
    }

    /// Adds a warning.
    #[must_use]
    pub fn warning(mut self, problem: Problem<E>) -> Self {
        self.warnings
            .get_or_insert_with(Vec::new)
            .push(Item::Read(problem));
        self
    }

    /// The status a response with this body has: 207 Multi-Status when
    /// there is a non-fatal error, 200 otherwise.
    #[must_use]
    pub fn status(&self) -> u16 {
        if self.is_partial() { 207 } else { 200 }
    }

    /// Whether a non-fatal error, readable or not, means the request was
    /// only partly processed.
    #[must_use]
    pub fn is_partial(&self) -> bool {
        !self.error_items().is_empty()
    }

    /// `requestId`.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// `handle`, as received.
    #[must_use]
    pub fn handle(&self) -> Option<&Value> {
        self.handle.as_ref()
    }

    /// The non-fatal errors that are problem details.
    pub fn errors(&self) -> impl Iterator<Item = &Problem<E>> {
        self.error_items().iter().filter_map(Item::read)
    }

    /// The warnings that are problem details.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem<E>> {
        self.warning_items().iter().filter_map(Item::read)
    }

    /// Every element of `errors`, as received.
    #[must_use]
    pub fn error_items(&self) -> &[Item<Problem<E>>] {
        self.errors.as_deref().unwrap_or_default()
    }

    /// Every element of `warnings`, as received.
    #[must_use]
    pub fn warning_items(&self) -> &[Item<Problem<E>>] {
        self.warnings.as_deref().unwrap_or_default()
    }

    /// Every other member, and `errors` or `warnings` when they were not
    /// lists.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

members! {
    EdgeBody as "an Edge Network response body" {
        request_id: REQUEST_ID => json::string,
        handle: HANDLE => json::any,
        errors: ERRORS => json::items,
        warnings: WARNINGS => json::items,
    }
    kept members,
    repeated(this, key, path) { key == ERRORS && json::repeated_in_items(this.errors.as_mut(), path) }
}

deserialize_as_object!(EdgeBody);

impl<E> Json for EdgeBody<E> {}

impl<E: ErrorCode> Answers<E> for EdgeBody<E> {
    fn code(&self) -> Option<Code<E>> {
        self.errors().next()?.code()
    }

    /// The first error's action, at its own status (the upstream's).
    fn action_at(&self, status: u16) -> Action {
        self.errors()
            .next()
            .map_or(Action::for_status(status), |error| {
                error.action_at(error.status().unwrap_or(status))
            })
    }

    fn message(&self) -> Option<&str> {
        let error = self.errors().next()?;
        error.title().or(error.detail())
    }

    fn untyped_fields(&self) -> Untyped<'_> {
        self.errors()
            .next()
            .map_or(Untyped::None, |error| Untyped::Members(error.members()))
    }

    fn repeated_fields(&self) -> &[Box<str>] {
        self.errors().next().map_or(&[], Problem::repeated_fields)
    }
}

/// The schema of a body of a request that was processed.
pub(crate) fn schema(parts: &SchemaParts<'_>) -> Value {
    let problem = problem::schema(parts);
    json!({
        "type": "object",
        "description": Shape::Edge.description(),
        "properties": {
            REQUEST_ID: {"type": "string"},
            HANDLE: {"type": "array"},
            ERRORS: {"type": "array", "items": problem},
            WARNINGS: {"type": "array", "items": problem},
        },
    })
}
