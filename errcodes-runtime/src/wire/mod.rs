//! Error payloads as the APIs send them: rendered from typed codes, and
//! decoded back into typed codes, losing nothing.
//!
//! | format | module | media type |
//! |---|---|---|
//! | problem details, RFC 9457 | [`problem`] | `application/problem+json` |
//! | Edge Network's 207 Multi-Status body | [`edge`] | `application/json` |
//! | Ad Context Protocol's envelope | [`acp`] | `application/json` |
//! | Adobe Pass's error object and item-level errors | [`pass`] | `application/json`, `application/xml` |
//! | Experience Platform's gateway errors | [`gateway`] | `application/json` |
//!
//! A client reads any of them with [`ErrorResponse`], which picks the
//! decoder from the catalog's wire format, the status and the content type,
//! and answers the same questions whatever the format: the code, the
//! action, the message, and whether and when to retry.
//!
//! Every JSON body type decodes and encodes through the [`Json`] trait and
//! implements `Serialize` and `Deserialize`, so it also works with
//! `serde_json`, `axum::Json` or an HTTP client's `.json()`. Decoding keeps
//! everything: a code the catalog does not know stays a [`Code::Unknown`]
//! with its text, and members that are not modelled, or that have the wrong
//! JSON type, stay as they were and are written back. Numbers are read
//! exactly, except integers beyond 64 bits, which `serde_json` reads as
//! floating point. Bodies larger than [`Limits::max_bytes`] and JSON nested
//! deeper than 128 levels are refused with a [`DecodeError`].
//!
//! A member that an [`Occurrence`] adds under the name of one of the
//! format's own members (`status`, `title`, …) never overrides it: the
//! format's own value is written, once.
//!
//! ```
//! use errcodes_runtime::wire::{Code, Json, Occurrence, acp::Envelope};
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! // A server renders a typed code with what it knows of this occurrence.
//! let sent = Envelope::new(AcpError::RateLimitExceeded, &Occurrence::new().retry_after_secs(45));
//! let body = sent.encode().unwrap();
//!
//! // A client decodes it back.
//! let received = Envelope::<AcpError>::decode(&body).unwrap();
//! let error = received.error().unwrap();
//! assert_eq!(error.code(), Some(Code::Known(AcpError::RateLimitExceeded)));
//! assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(45)));
//! ```

pub mod acp;
pub mod edge;
pub mod gateway;
mod json;
pub mod pass;
#[cfg(feature = "xml")]
mod pass_xml;
pub mod problem;
mod render;
mod response;
mod status;

use core::fmt;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
pub use serde_json::{Map, Value};

pub use self::json::Item;
pub use self::render::{DEFAULT_RETRY_AFTER, Rendered, render, render_facts};
pub use self::response::{Body, ErrorResponse, Headers};
pub use self::status::reason_phrase;
use crate::{Action, ErrorCode, Outcome, ProblemCode, Severity};

/// A code read from a payload: one the catalog knows, or text it does not,
/// kept as it was received.
///
/// ```
/// use errcodes_runtime::wire::Code;
/// use errcodes_runtime::Action;
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// assert_eq!(Code::<PassError>::parse("too_many_requests"), Code::Known(PassError::TooManyRequests));
/// let unknown = Code::<PassError>::parse("brand_new_code");
/// assert_eq!(unknown.as_str(), "brand_new_code");
/// // An unknown code gets the action its HTTP status implies.
/// assert_eq!(unknown.action(503), Action::RetryAfter);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Code<E> {
    /// A code of the catalog.
    Known(E),
    /// Text that is not one of the catalog's codes.
    Unknown(String),
}

impl<E: ErrorCode> Code<E> {
    /// Looks `text` up in the catalog.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        E::from_code(text).map_or_else(|| Code::Unknown(text.to_owned()), Code::Known)
    }

    /// The code's text, as received.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Code::Known(code) => code.code(),
            Code::Unknown(text) => text,
        }
    }

    /// The catalog's code, if it is one.
    #[must_use]
    pub fn known(&self) -> Option<E> {
        match self {
            Code::Known(code) => Some(*code),
            Code::Unknown(_) => None,
        }
    }

    /// The code's action; for an unknown code, the one `status` implies
    /// ([`Action::for_status`]).
    #[must_use]
    pub fn action(&self, status: u16) -> Action {
        self.known()
            .map_or_else(|| Action::for_status(status), |code| code.action())
    }

    /// The code's severity; for an unknown code, the one `status` implies.
    #[must_use]
    pub fn severity(&self, status: u16) -> Severity {
        self.known()
            .map_or_else(|| Severity::for_status(status), |code| code.severity())
    }

    /// The code's outcome; for an unknown code, the one `status` implies.
    #[must_use]
    pub fn outcome(&self, status: u16) -> Outcome {
        self.known()
            .map_or_else(|| Outcome::for_status(status), |code| code.outcome())
    }
}

impl<E: ErrorCode> From<E> for Code<E> {
    fn from(code: E) -> Self {
        Code::Known(code)
    }
}

impl<E: ErrorCode> fmt::Display for Code<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a renderer needs to know about a code: its own facts and its
/// catalog's problem-detail settings. [`CodeFacts::of`] reads them from a
/// generated enum; tools that read catalogs at run time fill them in
/// themselves and render exactly what a server would send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeFacts<'a> {
    /// The code's identifier.
    pub code: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its HTTP status.
    pub status: u16,
    /// Its action.
    pub action: Action,
    /// Its severity.
    pub severity: Severity,
    /// The catalog's `problem-type` template.
    pub problem_type: Option<&'a str>,
    /// Where the catalog's problem details carry the code.
    pub problem_code: ProblemCode,
}

impl CodeFacts<'static> {
    /// The facts of a generated code.
    #[must_use]
    pub fn of<E: ErrorCode>(code: E) -> Self {
        CodeFacts {
            code: code.code(),
            title: code.title(),
            status: code.http_status(),
            action: code.action(),
            severity: code.severity(),
            problem_type: E::CATALOG.problem_type(),
            problem_code: E::CATALOG.problem_code(),
        }
    }
}

/// What a server knows about one occurrence of an error, beyond its code:
/// the data each format has room for. Everything is optional; a renderer
/// uses what its format carries and the code's metadata for the rest.
///
/// ```
/// use std::time::Duration;
/// use errcodes_runtime::wire::Occurrence;
///
/// let occurrence = Occurrence::new()
///     .detail("The catalog service is restarting")
///     .trace("12f6fef9-d2e0-422b-a9d7-60d799abe353")
///     .retry_after(Duration::from_secs(30));
/// assert_eq!(occurrence.retry_after, Some(Duration::from_secs(30)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Occurrence {
    /// The HTTP status of this occurrence, when not the code's own: the
    /// response's (Edge's input errors are any 4xx), or, for an error
    /// embedded in an Edge 207 body, the upstream service's.
    pub status: Option<u16>,
    /// A message for people in place of the code's title: ACP's, Pass's and
    /// the gateway's `message`, and a problem's `title` where the title is
    /// the code's.
    pub message: Option<String>,
    /// An explanation of this occurrence (a problem's `detail`, Pass's
    /// `details`).
    pub detail: Option<String>,
    /// A URI for this occurrence (a problem's `instance`).
    pub instance: Option<String>,
    /// An identifier to quote to support (Pass's `trace`, Edge's
    /// `requestId`).
    pub trace: Option<String>,
    /// Where to read about the error (Pass's `helpUrl`).
    pub help_url: Option<String>,
    /// Structured data about this occurrence (ACP's `details` object).
    pub context: Option<Value>,
    /// How long the client should wait before trying again: the
    /// `Retry-After` header, and ACP's `retry_after`. A code whose action
    /// is `retry-after` gets [`DEFAULT_RETRY_AFTER`] when this is `None`.
    pub retry_after: Option<Duration>,
    /// More members for the body, such as Edge's `report`. One named like
    /// a member of the format's own is written only where the format
    /// leaves that member out.
    pub members: Map<String, Value>,
}

impl Occurrence {
    /// Nothing known beyond the code.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`status`](Self::status).
    #[must_use]
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets [`message`](Self::message).
    #[must_use]
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets [`detail`](Self::detail).
    #[must_use]
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets [`instance`](Self::instance).
    #[must_use]
    pub fn instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Sets [`trace`](Self::trace).
    #[must_use]
    pub fn trace(mut self, trace: impl Into<String>) -> Self {
        self.trace = Some(trace.into());
        self
    }

    /// Sets [`help_url`](Self::help_url).
    #[must_use]
    pub fn help_url(mut self, help_url: impl Into<String>) -> Self {
        self.help_url = Some(help_url.into());
        self
    }

    /// Sets [`context`](Self::context).
    #[must_use]
    pub fn context(mut self, context: Value) -> Self {
        self.context = Some(context);
        self
    }

    /// Sets [`retry_after`](Self::retry_after).
    #[must_use]
    pub fn retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = Some(delay);
        self
    }

    /// Sets [`retry_after`](Self::retry_after) in seconds.
    #[must_use]
    pub fn retry_after_secs(self, seconds: u64) -> Self {
        self.retry_after(Duration::from_secs(seconds))
    }

    /// Adds a member to the body.
    #[must_use]
    pub fn member(mut self, name: impl Into<String>, value: Value) -> Self {
        self.members.insert(name.into(), value);
        self
    }

    /// The occurrence's message, or else the code's title.
    pub(crate) fn message_or<'a>(&'a self, title: &'a str) -> &'a str {
        self.message.as_deref().unwrap_or(title)
    }

    /// The delay to send for a code with `action`: the occurrence's, or the
    /// default for a code that says to retry after a delay.
    pub(crate) fn delay_for(&self, action: Action) -> Option<Duration> {
        self.retry_after
            .or((action == Action::RetryAfter).then_some(DEFAULT_RETRY_AFTER))
    }
}

/// A delay in whole seconds, rounded up, so that a sub-second delay is
/// never sent as zero.
#[must_use]
pub(crate) fn whole_seconds(delay: Duration) -> u64 {
    delay.as_secs() + u64::from(delay.subsec_nanos() > 0)
}

/// How much a decoder accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest body, in bytes. Default: 1 MiB.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 1 << 20 }
    }
}

/// What kind of failure a [`DecodeError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The body is larger than [`Limits::max_bytes`].
    TooLarge,
    /// The body is not JSON, or is nested too deeply.
    NotJson,
    /// The body is not well-formed XML, or the XML support is off.
    NotXml,
    /// The body is JSON or XML, but not of the format's shape: an array
    /// where an object was expected, another root element.
    WrongShape,
}

/// Why a body could not be decoded.
///
/// ```
/// use errcodes_runtime::wire::{DecodeErrorKind, Json, problem::Problem};
///
/// errcodes_runtime::errcodes!("../specs/edge.yaml");
///
/// let error = Problem::<EdgeError>::decode(b"[1, 2]").unwrap_err();
/// assert_eq!(error.kind(), DecodeErrorKind::WrongShape);
/// assert!(error.to_string().contains("a problem detail, as a JSON object"), "{error}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    kind: DecodeErrorKind,
    reason: String,
}

impl DecodeError {
    pub(crate) fn new(kind: DecodeErrorKind, reason: impl Into<String>) -> Self {
        DecodeError {
            kind,
            reason: reason.into(),
        }
    }

    pub(crate) fn too_large(size: usize, limits: Limits) -> Self {
        Self::new(
            DecodeErrorKind::TooLarge,
            format!(
                "the body is {size} bytes, more than the limit of {}",
                limits.max_bytes
            ),
        )
    }

    /// What kind of failure it is.
    #[must_use]
    pub fn kind(&self) -> DecodeErrorKind {
        self.kind
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DecodeError {}

/// Why a body could not be encoded. Bodies built by this crate always
/// encode; the error exists because serialization can fail in general.
#[derive(Debug)]
pub struct EncodeError(serde_json::Error);

impl EncodeError {
    pub(crate) fn new(error: serde_json::Error) -> Self {
        EncodeError(error)
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the body could not be encoded: {}", self.0)
    }
}

impl std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// A JSON body of one of the formats: every body type decodes and encodes
/// the same way.
///
/// ```
/// use errcodes_runtime::wire::{Json, gateway};
///
/// errcodes_runtime::errcodes!("../specs/platform.yaml");
///
/// let body = gateway::Body::<PlatformError>::decode(br#"{"error_code": "403010", "message": "Oauth token is missing."}"#).unwrap();
/// assert_eq!(body.encode().unwrap(), br#"{"error_code":"403010","message":"Oauth token is missing."}"#);
/// ```
pub trait Json: Serialize + DeserializeOwned {
    /// Decodes a body within the default [`Limits`].
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not of the format's
    /// shape; [`DecodeError::kind`] says which.
    fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(body, Limits::default())
    }

    /// Decodes a body within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    fn decode_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        json::decode(body, limits)
    }

    /// The body as JSON bytes.
    ///
    /// # Errors
    ///
    /// When serialization fails, which bodies of this crate do not.
    fn encode(&self) -> Result<Vec<u8>, EncodeError> {
        json::encode(self)
    }
}
