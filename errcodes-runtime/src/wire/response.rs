//! The client's one entry point: an error response, decoded with the
//! catalog's wire format, read through one interface whatever the format.

use std::borrow::Cow;
use std::time::{Duration, SystemTime};

use super::{DecodeError, Limits, Payload, Shape, charset};
use crate::fields::Untyped;
use crate::retry::{Advice, Policy};
use crate::{Action, Code, ErrorCode, Outcome, Received, WireFormat};

/// The headers a decoder reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headers<'a> {
    /// `Content-Type`.
    pub content_type: Option<&'a str>,
    /// `Retry-After`.
    pub retry_after: Option<&'a str>,
}

/// An error response as a client receives it: its status, its headers and
/// its body, decoded for a catalog.
///
/// The decoder follows the `Content-Type` (`application/problem+json` is a
/// problem detail, XML is an Adobe Pass error), then the catalog's
/// `wire-format`; an Edge Network response is a problem detail from 400 up.
/// Everything a client asks is answered the same way for every format, and
/// a code the catalog does not know is answered from the HTTP status the
/// response arrived with.
///
/// A body that is not in the format (the HTML page of a load balancer, an
/// empty 503 from a maintenance switch, a truncated body, another API's
/// error) is no reason to fail: the response has no code, the body is kept
/// as [`Unread`] with the reason, and the status and `Retry-After` decide,
/// as for a code the client does not know. Only a body over the size limit
/// is an error.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use errcodes_runtime::retry::Advice;
/// use errcodes_runtime::wire::{ErrorResponse, Headers};
/// use errcodes_runtime::{Action, Code};
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// // A code this client was built without, on a 503 with Retry-After.
/// let headers = Headers { content_type: Some("application/json"), retry_after: Some("7") };
/// let body = br#"{"error": {"code": "brand_new_outage", "message": "Down for maintenance"}}"#;
/// let error = ErrorResponse::<PassError>::decode(503, headers, body).unwrap();
/// assert_eq!(error.code(), Some(Code::Unknown("brand_new_outage".into())));
/// assert_eq!(error.action(), Action::RetryAfter);
/// assert_eq!(error.message(), Some("Down for maintenance"));
/// let Advice::RetryAfter(wait) = error.advice(SystemTime::now()) else { panic!() };
/// assert!(Duration::from_secs(7) <= wait && wait <= Duration::from_secs(8));
///
/// // A proxy's page, on a 502: no code, and the status decides.
/// let headers = Headers { content_type: Some("text/html"), retry_after: None };
/// let error = ErrorResponse::<PassError>::decode(502, headers, b"<html>Bad Gateway</html>").unwrap();
/// assert_eq!(error.code(), None);
/// assert_eq!(error.advice(SystemTime::now()), Advice::Backoff);
/// assert_eq!(error.unread().unwrap().bytes(), b"<html>Bad Gateway</html>");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorResponse<E> {
    status: u16,
    retry_after: Option<String>,
    body: Result<Payload<E>, Unread>,
}

/// A body that is not in the catalog's format, kept as it came, with why
/// it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    bytes: Vec<u8>,
    error: DecodeError,
}

impl Unread {
    /// The body, as received.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The body as text, for logs: invalid UTF-8 is replaced.
    #[must_use]
    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }

    /// Why it could not be read in the catalog's format.
    #[must_use]
    pub fn error(&self) -> &DecodeError {
        &self.error
    }
}

impl<E: ErrorCode> ErrorResponse<E> {
    /// Decodes a response of HTTP status `status`, within the default
    /// [`Limits`].
    ///
    /// # Errors
    ///
    /// When the body is larger than the limit.
    pub fn decode(status: u16, headers: Headers<'_>, body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(status, headers, body, Limits::default())
    }

    /// As [`decode`](Self::decode), within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with(
        status: u16,
        headers: Headers<'_>,
        body: &[u8],
        limits: Limits,
    ) -> Result<Self, DecodeError> {
        if body.len() > limits.max_bytes {
            return Err(DecodeError::too_large(body.len(), limits));
        }
        let content_type = headers.content_type;
        let read = charset::to_utf8(content_type, body).and_then(|utf8| {
            let shape = shape(E::CATALOG.wire_format(), status, content_type, &utf8);
            // Transcoding may grow the body past the limit it was within.
            let limits = Limits {
                max_bytes: limits.max_bytes.max(utf8.len()),
            };
            Payload::decode(shape, &utf8, limits)
        });
        Ok(ErrorResponse {
            status,
            retry_after: headers.retry_after.map(str::to_owned),
            body: read.map_err(|error| Unread {
                bytes: body.to_vec(),
                error,
            }),
        })
    }

    /// The response's code: the first error's, when the body lists several.
    /// `None` when the body names none.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.body.as_ref().ok()?.code()
    }

    /// What the client should do: the code's action, the action the body
    /// names (Adobe Pass), or, without a known code, the one the response's
    /// status implies ([`Action::for_status`]).
    #[must_use]
    pub fn action(&self) -> Action {
        match &self.body {
            Ok(body) => body.action_at(self.status),
            Err(_) => Action::for_status(self.status),
        }
    }

    /// The message for people the body carries: a problem's `detail` or
    /// else its `title`, or the format's `message`. `None` for a body that
    /// is not in the format, whose text is no message of the service's.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.body.as_ref().ok()?.message()
    }

    /// A delay the body gives (ACP's `retry_after`), which wins over the
    /// `Retry-After` header.
    #[must_use]
    pub fn body_delay(&self) -> Option<Duration> {
        self.body.as_ref().ok()?.delay()
    }

    /// Whether to retry, and when, by the default [`Policy`]: see
    /// [`Received::advice`].
    #[must_use]
    pub fn advice(&self, now: SystemTime) -> Advice {
        Received::advice(self, now)
    }

    /// Whether to retry, and when, by `policy`: see
    /// [`Received::advice_with`].
    #[must_use]
    pub fn advice_with(&self, policy: &Policy, now: SystemTime) -> Advice {
        Received::advice_with(self, policy, now)
    }
}

impl<E: ErrorCode> Received<E> for ErrorResponse<E> {
    fn unread_reason(&self) -> Option<String> {
        self.unread().map(|unread| unread.error().to_string())
    }

    fn code(&self) -> Option<Code<E>> {
        self.code()
    }

    fn action(&self) -> Action {
        self.action()
    }

    fn trace_id(&self) -> Option<&str> {
        self.body.as_ref().ok()?.trace_id()
    }

    fn outcome(&self) -> Outcome {
        let status = Received::status(self);
        self.code()
            .map_or_else(|| Outcome::for_status(status), |code| code.outcome(status))
    }

    fn message(&self) -> Option<&str> {
        self.message()
    }

    fn status(&self) -> u16 {
        self.status
    }

    fn retry_after(&self) -> Option<&str> {
        self.retry_after.as_deref()
    }

    fn delay(&self) -> Option<Duration> {
        self.body_delay()
    }

    fn untyped_fields(&self) -> Untyped<'_> {
        self.body
            .as_ref()
            .map_or(Untyped::None, |body| body.untyped_fields())
    }

    fn repeated_fields(&self) -> &[Box<str>] {
        self.body
            .as_ref()
            .map_or(&[], |body| body.repeated_fields())
    }

    fn field_source(&self) -> (Untyped<'_>, &[Box<str>]) {
        self.body
            .as_ref()
            .map_or((Untyped::None, &[]), |body| body.field_source())
    }
}

impl<E> ErrorResponse<E> {
    /// The HTTP status the response arrived with.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `Retry-After` header, as received.
    #[must_use]
    pub fn retry_after(&self) -> Option<&str> {
        self.retry_after.as_deref()
    }

    /// The body, in its format; `None` when it is not in the format.
    #[must_use]
    pub fn body(&self) -> Option<&Payload<E>> {
        self.body.as_ref().ok()
    }

    /// The body, by value.
    #[must_use]
    pub fn into_body(self) -> Option<Payload<E>> {
        self.body.ok()
    }

    /// The body when it is not in the catalog's format: its bytes, and why
    /// it was not read.
    #[must_use]
    pub fn unread(&self) -> Option<&Unread> {
        self.body.as_ref().err()
    }
}

/// The shape a body is in: what its content type says, or else what the
/// catalog's format and the status say.
fn shape(catalog: WireFormat, status: u16, content_type: Option<&str>, body: &[u8]) -> Shape {
    let media = content_type
        .and_then(|value| value.split(';').next())
        .map(|media| media.trim().to_ascii_lowercase());
    let xml = match media.as_deref() {
        Some("application/problem+json") => return Shape::Problem,
        Some(media) => media.ends_with("/xml") || media.ends_with("+xml"),
        // Without a content type, the first character tells.
        None => body.trim_ascii_start().starts_with(b"<"),
    };
    match Shape::expected(catalog, status) {
        _ if xml => Shape::PassXml,
        // A Pass body in JSON is Pass's own, whatever the catalog prefers.
        Shape::PassXml => Shape::Pass,
        shape => shape,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_type_then_the_catalog_choose_the_shape() {
        use WireFormat::{Acp, Edge, Gateway, Pass, PassXml};
        let json = Some("application/json; charset=utf-8");
        assert_eq!(
            shape(Gateway, 400, Some("application/problem+json"), b"{}"),
            Shape::Problem
        );
        assert_eq!(shape(Gateway, 403, json, b"{}"), Shape::Gateway);
        assert_eq!(
            shape(Pass, 429, Some("text/xml"), b"<error/>"),
            Shape::PassXml
        );
        assert_eq!(shape(Pass, 429, None, b"  <error/>"), Shape::PassXml);
        assert_eq!(shape(PassXml, 429, json, b"{}"), Shape::Pass);
        assert_eq!(shape(Edge, 207, json, b"{}"), Shape::Edge);
        assert_eq!(shape(Edge, 422, json, b"{}"), Shape::Problem);
        assert_eq!(shape(Acp, 429, None, b"{}"), Shape::Acp);
    }
}
