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
//! Decoding keeps everything: a code the catalog does not know stays a
//! [`Code::Unknown`] with its text, members that are not modelled, or that
//! have the wrong JSON type, stay as they were, and encoding writes them
//! back; numbers are read exactly, except integers beyond 64 bits, which
//! `serde_json` reads as floating point. Bodies larger than
//! [`Limits::max_bytes`] and JSON nested deeper than 128 levels are refused
//! with a [`DecodeError`].
//!
//! ```
//! use errcodes_runtime::wire::{Code, Occurrence, acp::Envelope};
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! // A server renders a typed code with what it knows of this occurrence.
//! let sent = Envelope::new(AcpError::RateLimitExceeded, &Occurrence::new().retry_after_secs(45));
//! let body = sent.encode();
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

use core::fmt;
use std::time::Duration;

pub use serde_json::{Map, Value};

pub use self::render::{Rendered, render};
use crate::{Action, ErrorCode, Outcome, Severity};

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
    /// The HTTP status, when not the code's own (Edge's input errors are
    /// any 4xx).
    pub status: Option<u16>,
    /// A message for people, when not the code's title (ACP, Pass, gateway).
    pub message: Option<String>,
    /// An explanation of this occurrence (a problem's `detail`, Pass's
    /// `details`).
    pub detail: Option<String>,
    /// A URI for this occurrence (a problem's `instance`).
    pub instance: Option<String>,
    /// An identifier to quote to support (Pass's `trace`).
    pub trace: Option<String>,
    /// Where to read about the error (Pass's `helpUrl`).
    pub help_url: Option<String>,
    /// Structured data about this occurrence (ACP's `details` object).
    pub context: Option<Value>,
    /// How long the client should wait before trying again: the
    /// `Retry-After` header, and ACP's `retry_after`.
    pub retry_after: Option<Duration>,
    /// More members for the body, such as Edge's `report`.
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
    pub(crate) fn message_or_title(&self, code: &impl ErrorCode) -> String {
        self.message
            .clone()
            .unwrap_or_else(|| code.title().to_owned())
    }
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

/// Why a body could not be decoded.
///
/// ```
/// use errcodes_runtime::wire::problem::Problem;
///
/// errcodes_runtime::errcodes!("../specs/edge.yaml");
///
/// let error = Problem::<EdgeError>::decode(b"[1, 2]").unwrap_err();
/// assert_eq!(error.to_string(), "the body is a JSON array, not an object");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    reason: String,
}

impl DecodeError {
    pub(crate) fn new(reason: impl Into<String>) -> Self {
        DecodeError {
            reason: reason.into(),
        }
    }

    pub(crate) fn too_large(size: usize, limits: Limits) -> Self {
        Self::new(format!(
            "the body is {size} bytes, more than the limit of {}",
            limits.max_bytes
        ))
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DecodeError {}
