//! Rendering a code in its wire format, for any HTTP framework.

use std::time::Duration;

use serde::Serialize;

use super::json::encode;
use super::{CodeFacts, EncodeError, Occurrence, Shape, formats, whole_seconds};
use crate::{ErrorCode, WireFormat};

/// The delay sent with a code whose action is `retry-after` when the
/// occurrence gives none: Adobe Pass says such a response always carries a
/// `Retry-After` header, so one is always sent.
pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(5);

/// A response, ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// The delay for a `Retry-After` header.
    pub retry_after: Option<Duration>,
    /// The body's shape.
    pub shape: Shape,
}

impl Rendered {
    /// The `Retry-After` header's value: the delay in whole seconds,
    /// rounded up, so that a sub-second delay is not sent as zero.
    #[must_use]
    pub fn retry_after_secs(&self) -> Option<u64> {
        self.retry_after.map(whole_seconds)
    }

    /// A response of `shape` whose body is `body` as JSON, at `status`.
    pub(crate) fn json(
        shape: Shape,
        status: u16,
        body: &impl Serialize,
        facts: &CodeFacts<'_>,
        occurrence: &Occurrence,
    ) -> Result<Self, EncodeError> {
        Ok(Self::bytes(shape, status, encode(body)?, facts, occurrence))
    }

    /// A response of `shape` whose body `view` writes, at the occurrence's
    /// status or else the code's.
    pub(crate) fn of<V: Serialize>(
        shape: Shape,
        view: impl FnOnce(u16) -> V,
        facts: &CodeFacts<'_>,
        occurrence: &Occurrence,
    ) -> Result<Self, EncodeError> {
        let status = occurrence.status.unwrap_or(facts.status);
        Self::json(shape, status, &view(status), facts, occurrence)
    }

    /// A response of `shape` whose body is `body`.
    pub(crate) fn bytes(
        shape: Shape,
        status: u16,
        body: Vec<u8>,
        facts: &CodeFacts<'_>,
        occurrence: &Occurrence,
    ) -> Self {
        Rendered {
            status,
            content_type: shape.content_type(),
            body,
            retry_after: occurrence.delay_for(facts.action),
            shape,
        }
    }
}

/// Renders `code` with `occurrence` in `format`.
///
/// In the Edge format, a fatal code is a problem detail; a non-fatal one is
/// a 207 body listing it under `errors`, with the occurrence's status as
/// the embedded problem's (the upstream service's; 502 when not given),
/// and a warning (or informational code) a 200 body listing it under
/// `warnings`, with the occurrence's trace as `requestId`. The XML Pass
/// format needs the `xml` feature; without it, Pass errors are written in
/// JSON.
///
/// ```
/// use errcodes_runtime::wire::{Occurrence, Shape, render};
/// use errcodes_runtime::ErrorCode;
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// let code = PassError::TooManyRequests;
/// let response = render(code, &Occurrence::new(), code.wire_format()).unwrap();
/// assert_eq!((response.status, response.content_type), (429, "application/json"));
/// assert_eq!(response.shape, Shape::Pass);
/// // A code that says to retry after a delay always comes with one.
/// assert_eq!(response.retry_after_secs(), Some(5));
/// ```
///
/// # Errors
///
/// When the body cannot be encoded, which does not happen with the
/// occurrence's own JSON values.
pub fn render<E: ErrorCode>(
    code: E,
    occurrence: &Occurrence,
    format: WireFormat,
) -> Result<Rendered, EncodeError> {
    render_facts(&CodeFacts::of(code), occurrence, format)
}

/// [`render`] for a code described by its facts: what tools that read a
/// catalog at run time use to show exactly what a server sends.
///
/// # Errors
///
/// As [`render`].
pub fn render_facts(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
    format: WireFormat,
) -> Result<Rendered, EncodeError> {
    formats::render(format, facts, occurrence)
}
