//! Edge Network Server API responses: a fatal error is a problem detail
//! with a non-2xx status; a request that completed carries its non-fatal
//! errors and its warnings, each a problem detail, in its JSON body, and
//! when there is a non-fatal error its status is 207 Multi-Status.
//!
//! ```
//! use errcodes_runtime::wire::edge::{Body, Response};
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
//!         assert_eq!(body.errors()[0].status(), Some(503));
//!     }
//!     Response::Fatal(problem) => unreachable!("{problem:?}"),
//! }
//! ```

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::json::{object, take, take_objects, take_string};
use super::problem::Problem;
use super::{DecodeError, Limits};
use crate::ErrorCode;

/// A response of the Edge Network Server API, told apart by its status.
#[derive(Clone, Debug, PartialEq)]
pub enum Response<E> {
    /// A fatal error: the request was not processed.
    Fatal(Problem<E>),
    /// The request was processed, perhaps partly.
    Completed(Body<E>),
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
            Body::decode_with(body, limits).map(Response::Completed)
        }
    }
}

/// The body of a request that was processed: its identifier, the
/// handles of its results, and its non-fatal errors and warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct Body<E> {
    request_id: Option<String>,
    handle: Option<Value>,
    /// `None` when the body had no such list, so that none is written back.
    errors: Option<Vec<Problem<E>>>,
    warnings: Option<Vec<Problem<E>>>,
    members: Map<String, Value>,
}

impl<E: ErrorCode> Body<E> {
    /// An empty body for the request `request_id`.
    #[must_use]
    pub fn new(request_id: impl Into<String>) -> Self {
        Body {
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
        self.errors.get_or_insert_with(Vec::new).push(problem);
        self
    }

    /// Adds a warning.
    #[must_use]
    pub fn warning(mut self, problem: Problem<E>) -> Self {
        self.warnings.get_or_insert_with(Vec::new).push(problem);
        self
    }

    /// Decodes a body.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not an object.
    pub fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(body, Limits::default())
    }

    /// Decodes a body within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        let mut members = object(body, limits)?;
        let problems = |members: &mut Map<String, Value>, key| {
            take_objects(members, key)
                .map(|list| list.into_iter().map(Problem::from_members).collect())
        };
        Ok(Body {
            request_id: take_string(&mut members, "requestId"),
            handle: take(&mut members, "handle"),
            errors: problems(&mut members, "errors"),
            warnings: problems(&mut members, "warnings"),
            members,
        })
    }

    /// The body as JSON bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The status a response with this body has: 207 Multi-Status when
    /// there is a non-fatal error, 200 otherwise.
    #[must_use]
    pub fn status(&self) -> u16 {
        if self.is_partial() { 207 } else { 200 }
    }

    /// Whether a non-fatal error means the request was only partly
    /// processed.
    #[must_use]
    pub fn is_partial(&self) -> bool {
        !self.errors().is_empty()
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

    /// The non-fatal errors.
    #[must_use]
    pub fn errors(&self) -> &[Problem<E>] {
        self.errors.as_deref().unwrap_or_default()
    }

    /// The warnings.
    #[must_use]
    pub fn warnings(&self) -> &[Problem<E>] {
        self.warnings.as_deref().unwrap_or_default()
    }

    /// Every other member, and `errors` or `warnings` when they were not
    /// lists of objects.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

/// Writes the members and problems in place.
impl<E> Serialize for Body<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(request_id) = &self.request_id {
            map.serialize_entry("requestId", request_id)?;
        }
        if let Some(handle) = &self.handle {
            map.serialize_entry("handle", handle)?;
        }
        if let Some(errors) = &self.errors {
            map.serialize_entry("errors", errors)?;
        }
        if let Some(warnings) = &self.warnings {
            map.serialize_entry("warnings", warnings)?;
        }
        for (key, value) in &self.members {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}
