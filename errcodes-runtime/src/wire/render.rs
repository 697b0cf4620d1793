//! Rendering a code in its wire format, for any HTTP framework.

use std::time::Duration;

use super::json::encode;
use super::{CodeFacts, EncodeError, Occurrence, acp, edge, gateway, pass, problem, whole_seconds};
use crate::{ErrorCode, Severity, WireFormat};

/// The delay sent with a code whose action is `retry-after` when the
/// occurrence gives none: Adobe Pass says such a response always carries a
/// `Retry-After` header, so one is always sent.
pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(5);

/// The status of an error embedded in an Edge Network 207 body when the
/// occurrence does not give the upstream's: a gateway's answer to an
/// upstream that failed.
const UPSTREAM_FAILED: u16 = 502;

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
}

impl Rendered {
    /// The `Retry-After` header's value: the delay in whole seconds,
    /// rounded up, so that a sub-second delay is not sent as zero.
    #[must_use]
    pub fn retry_after_secs(&self) -> Option<u64> {
        self.retry_after.map(whole_seconds)
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
/// use errcodes_runtime::wire::{Occurrence, render};
/// use errcodes_runtime::ErrorCode;
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// let code = PassError::TooManyRequests;
/// let response = render(code, &Occurrence::new(), code.wire_format()).unwrap();
/// assert_eq!((response.status, response.content_type), (429, "application/json"));
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
    const JSON: &str = "application/json";
    let status = occurrence.status.unwrap_or(facts.status);
    let problem = |status| problem::View::of(facts, occurrence, status);
    let (status, content_type, body) = match (format, facts.severity) {
        (WireFormat::Problem, _) | (WireFormat::Edge, Severity::Fatal) => {
            (status, format.content_type(), encode(&problem(status))?)
        }
        (WireFormat::Edge, Severity::NonFatal) => {
            let embedded = occurrence.status.unwrap_or(if facts.status >= 400 {
                facts.status
            } else {
                UPSTREAM_FAILED
            });
            let body = edge::View::errors(occurrence, problem(embedded));
            (207, JSON, encode(&body)?)
        }
        (WireFormat::Edge, Severity::Warning | Severity::Info) => {
            let body = edge::View::warnings(occurrence, problem(status));
            (200, JSON, encode(&body)?)
        }
        (WireFormat::Acp, _) => (status, JSON, encode(&acp::View::of(facts, occurrence))?),
        (WireFormat::Gateway, _) => (status, JSON, encode(&gateway::View::of(facts, occurrence))?),
        #[cfg(feature = "xml")]
        (WireFormat::PassXml, _) => (
            status,
            format.content_type(),
            super::pass_xml::write(&pass::ErrorView::of(facts, occurrence, status), &[]),
        ),
        #[cfg(not(feature = "xml"))]
        (WireFormat::PassXml, _) => (status, JSON, pass_json(facts, occurrence, status)?),
        (WireFormat::Pass, _) => (status, JSON, pass_json(facts, occurrence, status)?),
    };
    Ok(Rendered {
        status,
        content_type,
        body,
        retry_after: occurrence.delay_for(facts.action),
    })
}

fn pass_json(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
    status: u16,
) -> Result<Vec<u8>, EncodeError> {
    encode(&pass::BodyView {
        error: pass::ErrorView::of(facts, occurrence, status),
    })
}
