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

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value, json};

use super::formats::{Answers, ShapeFacts};
use super::json::{self, Item, Object, Writer, deserialize_as_object};
use super::problem::{self, Problem, View as ProblemView};
use super::{
    Code, CodeFacts, DecodeError, EncodeError, Json, Limits, Occurrence, Rendered, SchemaParts,
    Shape,
};
use crate::{Action, ErrorCode, ProblemCode, Severity};

/// The status of an error embedded in a 207 body when the occurrence does
/// not give the upstream's: a gateway's answer to an upstream that failed.
const UPSTREAM_FAILED: u16 = 502;

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

impl<E> Object for EdgeBody<E> {
    const WHAT: &'static str = "an Edge Network response body";

    fn empty() -> Self {
        EdgeBody {
            request_id: None,
            handle: None,
            errors: None,
            warnings: None,
            members: Map::new(),
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "requestId" => json::string(&mut self.request_id, value),
            "handle" => json::any(&mut self.handle, value),
            "errors" => json::items(&mut self.errors, value),
            "warnings" => json::items(&mut self.warnings, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Serialize for EdgeBody<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("requestId", self.request_id.as_deref())?;
        writer.own("handle", self.handle.as_ref())?;
        writer.own("errors", self.errors.as_ref())?;
        writer.own("warnings", self.warnings.as_ref())?;
        writer.end(&self.members)
    }
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
}

/// What errcodes knows of the body of a request that was processed.
pub(crate) const SHAPE: ShapeFacts = ShapeFacts {
    name: "EdgeBody",
    content_type: "application/json",
    description: "An Edge Network body of a request that was processed, listing its non-fatal errors and warnings.",
    code_path,
    schema,
};

fn code_path(place: ProblemCode) -> &'static [&'static str] {
    match place {
        ProblemCode::Type => &["errors", "type"],
        ProblemCode::Title => &["errors", "title"],
        ProblemCode::Member => &["errors", "code"],
    }
}

fn schema(parts: &SchemaParts<'_>) -> Value {
    let problem = problem::schema(parts);
    json!({
        "type": "object",
        "description": SHAPE.description,
        "properties": {
            "requestId": {"type": "string"},
            "handle": {"type": "array"},
            "errors": {"type": "array", "items": problem},
            "warnings": {"type": "array", "items": problem},
        },
    })
}

/// A fatal code is a problem detail; a non-fatal one a 207 body listing it
/// under `errors`; a warning or informational one a 200 body listing it
/// under `warnings`.
pub(crate) fn render(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    let status = occurrence.status.unwrap_or(facts.status);
    // The body carries the trace as its `requestId`.
    let problem = |status| ProblemView::of(facts, occurrence, status).untraced();
    match facts.severity {
        Severity::Fatal => problem::render(facts, occurrence),
        Severity::NonFatal => {
            let embedded = occurrence.status.unwrap_or(if facts.status >= 400 {
                facts.status
            } else {
                UPSTREAM_FAILED
            });
            let body = View::errors(occurrence, problem(embedded));
            Rendered::json(Shape::Edge, 207, &body, facts, occurrence)
        }
        Severity::Warning | Severity::Info => {
            let body = View::warnings(occurrence, problem(status));
            Rendered::json(Shape::Edge, 200, &body, facts, occurrence)
        }
    }
}

/// A body rendered for one code, borrowed.
pub(crate) struct View<'a> {
    request_id: &'a str,
    errors: Option<ProblemView<'a>>,
    warnings: Option<ProblemView<'a>>,
}

impl<'a> View<'a> {
    /// A 207 body with one non-fatal error.
    pub(crate) fn errors(occurrence: &'a Occurrence, error: ProblemView<'a>) -> Self {
        View {
            request_id: occurrence.trace.as_deref().unwrap_or_default(),
            errors: Some(error),
            warnings: None,
        }
    }

    /// A 200 body with one warning.
    pub(crate) fn warnings(occurrence: &'a Occurrence, warning: ProblemView<'a>) -> Self {
        View {
            request_id: occurrence.trace.as_deref().unwrap_or_default(),
            errors: None,
            warnings: Some(warning),
        }
    }
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("requestId", Some(self.request_id))?;
        writer.own("handle", Some(&[(); 0]))?;
        writer.own("errors", Some(self.errors.as_slice()))?;
        writer.own("warnings", Some(self.warnings.as_slice()))?;
        writer.end(&Map::new())
    }
}
