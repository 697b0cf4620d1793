//! The client's one entry point: an error response, decoded with the
//! catalog's wire format, read through one interface whatever the format.

use std::time::{Duration, SystemTime};

use super::{Code, DecodeError, Json, Limits, acp, edge, gateway, pass, problem};
use crate::retry::{Advice, Policy};
use crate::{Action, ErrorCode, WireFormat};

/// The headers a decoder reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headers<'a> {
    /// `Content-Type`.
    pub content_type: Option<&'a str>,
    /// `Retry-After`.
    pub retry_after: Option<&'a str>,
}

/// A body in the format it came in.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Body<E> {
    /// A problem detail: `application/problem+json`, or any error of a
    /// catalog whose wire format is `problem`, or a fatal Edge error.
    Problem(problem::Problem<E>),
    /// An Edge Network body below 400: 207 with non-fatal errors, or 200.
    Edge(edge::Body<E>),
    /// An ACP envelope.
    Acp(acp::Envelope<E>),
    /// An Adobe Pass body in JSON.
    Pass(pass::Body<E>),
    /// An Adobe Pass error in XML.
    PassXml(pass::ErrorObject<E>),
    /// An Experience Platform gateway body.
    Gateway(gateway::Body<E>),
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
/// ```
/// use std::time::{Duration, SystemTime};
/// use errcodes_runtime::retry::Advice;
/// use errcodes_runtime::wire::{Code, ErrorResponse, Headers};
/// use errcodes_runtime::Action;
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
/// assert_eq!(error.advice(SystemTime::now()), Advice::RetryAfter(Duration::from_secs(7)));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorResponse<E> {
    status: u16,
    retry_after: Option<String>,
    body: Body<E>,
}

impl<E: ErrorCode> ErrorResponse<E> {
    /// Decodes a response of HTTP status `status`, within the default
    /// [`Limits`].
    ///
    /// # Errors
    ///
    /// When the body is too large, or not of the format it should be in.
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
        let body = match format(E::CATALOG.wire_format(), status, headers.content_type, body) {
            WireFormat::Problem => Body::Problem(problem::Problem::decode_with(body, limits)?),
            WireFormat::Edge => Body::Edge(edge::Body::decode_with(body, limits)?),
            WireFormat::Acp => Body::Acp(acp::Envelope::decode_with(body, limits)?),
            WireFormat::Pass => Body::Pass(pass::Body::decode_with(body, limits)?),
            WireFormat::Gateway => Body::Gateway(gateway::Body::decode_with(body, limits)?),
            WireFormat::PassXml => Body::PassXml(xml(body, limits)?),
        };
        Ok(ErrorResponse {
            status,
            retry_after: headers.retry_after.map(str::to_owned),
            body,
        })
    }

    /// The response's code: the first error's, when the body lists several.
    /// `None` when the body names none.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        match &self.body {
            Body::Problem(problem) => problem.code(),
            Body::Edge(body) => body.errors().next()?.code(),
            Body::Acp(envelope) => envelope.error()?.code(),
            Body::Pass(body) => body.error().or_else(|| first_failed(body))?.code(),
            Body::PassXml(error) => error.code(),
            Body::Gateway(body) => body.code(),
        }
    }

    /// What the client should do: the code's action, the action the body
    /// names (Adobe Pass), or, without a known code, the one the response's
    /// status implies ([`Action::for_status`]).
    #[must_use]
    pub fn action(&self) -> Action {
        let status = self.status;
        match &self.body {
            Body::Problem(problem) => problem.action_at(status),
            Body::Edge(body) => body
                .errors()
                .next()
                .map_or(Action::for_status(status), |error| {
                    error.action_at(error.status().unwrap_or(status))
                }),
            Body::Acp(envelope) => envelope
                .error()
                .map_or(Action::for_status(status), |error| error.action_at(status)),
            Body::Pass(body) => body
                .error()
                .or_else(|| first_failed(body))
                .map_or(Action::for_status(status), |error| error.action_at(status)),
            Body::PassXml(error) => error.action_at(status),
            Body::Gateway(body) => body.action_at(status),
        }
    }

    /// The message for people the body carries: a problem's `detail` or
    /// else its `title`, or the format's `message`.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        match &self.body {
            Body::Problem(problem) => problem.detail().or(problem.title()),
            Body::Edge(body) => {
                let error = body.errors().next()?;
                error.title().or(error.detail())
            }
            Body::Acp(envelope) => envelope.error()?.message(),
            Body::Pass(body) => body.error().or_else(|| first_failed(body))?.message(),
            Body::PassXml(error) => error.message(),
            Body::Gateway(body) => body.message(),
        }
    }

    /// A delay the body gives (ACP's `retry_after`), which wins over the
    /// `Retry-After` header.
    #[must_use]
    pub fn body_delay(&self) -> Option<Duration> {
        match &self.body {
            Body::Acp(envelope) => envelope.error()?.retry_after(),
            _ => None,
        }
    }

    /// Whether to retry, and when, by the default [`Policy`].
    #[must_use]
    pub fn advice(&self, now: SystemTime) -> Advice {
        self.advice_with(&Policy::default(), now)
    }

    /// Whether to retry, and when, by `policy`.
    #[must_use]
    pub fn advice_with(&self, policy: &Policy, now: SystemTime) -> Advice {
        policy.advise(
            Some(self.action()),
            self.status,
            self.retry_after.as_deref(),
            self.body_delay(),
            now,
        )
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

    /// The body, in its format.
    #[must_use]
    pub fn body(&self) -> &Body<E> {
        &self.body
    }

    /// The body, by value.
    #[must_use]
    pub fn into_body(self) -> Body<E> {
        self.body
    }
}

/// The first item of a multi-item Pass body that failed.
fn first_failed<E>(body: &pass::Body<E>) -> Option<&pass::ErrorObject<E>> {
    body.resources().find_map(pass::Resource::error)
}

/// The format a body is in: what its content type says, or else what the
/// catalog's format and the status say.
fn format(catalog: WireFormat, status: u16, content_type: Option<&str>, body: &[u8]) -> WireFormat {
    let media = content_type
        .and_then(|value| value.split(';').next())
        .map(|media| media.trim().to_ascii_lowercase());
    let xml = match media.as_deref() {
        Some("application/problem+json") => return WireFormat::Problem,
        Some(media) => media.ends_with("/xml") || media.ends_with("+xml"),
        // Without a content type, the first character tells.
        None => body.trim_ascii_start().starts_with(b"<"),
    };
    match catalog {
        _ if xml => WireFormat::PassXml,
        WireFormat::Edge if status >= 400 => WireFormat::Problem,
        WireFormat::PassXml => WireFormat::Pass,
        other => other,
    }
}

#[cfg(feature = "xml")]
fn xml<E: ErrorCode>(body: &[u8], limits: Limits) -> Result<pass::ErrorObject<E>, DecodeError> {
    pass::ErrorObject::decode_xml_with(body, limits)
}

#[cfg(not(feature = "xml"))]
fn xml<E: ErrorCode>(_: &[u8], _: Limits) -> Result<pass::ErrorObject<E>, DecodeError> {
    Err(DecodeError::new(
        super::DecodeErrorKind::NotXml,
        "the body is XML, which needs errcodes-runtime's `xml` feature",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_type_then_the_catalog_choose_the_format() {
        use WireFormat::{Acp, Edge, Gateway, Pass, PassXml, Problem};
        let json = Some("application/json; charset=utf-8");
        assert_eq!(
            format(Gateway, 400, Some("application/problem+json"), b"{}"),
            Problem
        );
        assert_eq!(format(Gateway, 403, json, b"{}"), Gateway);
        assert_eq!(format(Pass, 429, Some("text/xml"), b"<error/>"), PassXml);
        assert_eq!(format(Pass, 429, None, b"  <error/>"), PassXml);
        assert_eq!(format(PassXml, 429, json, b"{}"), Pass);
        assert_eq!(format(Edge, 207, json, b"{}"), Edge);
        assert_eq!(format(Edge, 422, json, b"{}"), Problem);
        assert_eq!(format(Acp, 429, None, b"{}"), Acp);
    }
}
