//! Rendering a code in its catalog's wire format, for any HTTP framework.

use std::time::Duration;

use super::Occurrence;
use super::{acp, edge, gateway, pass, problem};
use crate::{ErrorCode, Severity, WireFormat};

/// A response, ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// The delay for a `Retry-After` header, in whole seconds.
    pub retry_after: Option<Duration>,
}

/// Renders `code` with `occurrence` in `format`.
///
/// In the Edge format, a fatal code is a problem detail; a non-fatal one is
/// a 207 body listing it under `errors`, and a warning (or informational
/// code) a 200 body listing it under `warnings`, with the occurrence's
/// trace as `requestId`. The XML Pass format needs the `xml` feature;
/// without it, Pass errors are written in JSON.
///
/// ```
/// use errcodes_runtime::wire::{Occurrence, render};
/// use errcodes_runtime::ErrorCode;
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// let code = PassError::TooManyRequests;
/// let response = render(code, &Occurrence::new().retry_after_secs(30), code.wire_format());
/// assert_eq!((response.status, response.content_type), (429, "application/json"));
/// assert_eq!(response.retry_after.map(|d| d.as_secs()), Some(30));
/// ```
#[must_use]
pub fn render<E: ErrorCode>(code: E, occurrence: &Occurrence, format: WireFormat) -> Rendered {
    let status = occurrence.status.unwrap_or_else(|| code.http_status());
    let (status, body) = match format {
        WireFormat::Problem => (status, problem::Problem::new(code, occurrence).encode()),
        WireFormat::Edge => {
            let problem = problem::Problem::new(code, occurrence);
            let body = || edge::Body::new(occurrence.trace.clone().unwrap_or_default());
            match code.severity() {
                Severity::Fatal => (status, problem.encode()),
                Severity::NonFatal => (207, body().error(problem).encode()),
                Severity::Warning | Severity::Info => (200, body().warning(problem).encode()),
            }
        }
        WireFormat::Acp => (status, acp::Envelope::new(code, occurrence).encode()),
        WireFormat::Gateway => (status, gateway::Body::new(code, occurrence).encode()),
        #[cfg(feature = "xml")]
        WireFormat::PassXml => (
            status,
            pass::ErrorObject::new(code, occurrence).encode_xml(),
        ),
        #[cfg(not(feature = "xml"))]
        WireFormat::PassXml => (
            status,
            pass::Body::error_of(pass::ErrorObject::new(code, occurrence)).encode(),
        ),
        WireFormat::Pass => (
            status,
            pass::Body::error_of(pass::ErrorObject::new(code, occurrence)).encode(),
        ),
    };
    let content_type = match (format, code.severity()) {
        (WireFormat::Edge, Severity::NonFatal | Severity::Warning | Severity::Info) => {
            "application/json"
        }
        #[cfg(not(feature = "xml"))]
        (WireFormat::PassXml, _) => "application/json",
        _ => format.content_type(),
    };
    Rendered {
        status,
        content_type,
        body,
        retry_after: occurrence.retry_after,
    }
}
