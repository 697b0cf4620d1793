//! gRPC (feature `tonic`): a catalog's codes as `tonic::Status`es in
//! Google's error model (AIP-193), and a received status read the way
//! `wire::ErrorResponse` (feature `json`) reads an HTTP error.
//!
//! A code becomes a status with its canonical gRPC code and the details a
//! client reads: `ErrorInfo` always (the code's reason, the catalog's
//! `grpc-domain`, and the occurrence's members as metadata), `RetryInfo`
//! when a delay is known or the code's action asks for one, `Help` with the
//! help URL, `RequestInfo` with the trace id. It is the same status that
//! the `google` wire format writes as JSON over HTTP.
//!
//! A handler returns codes and failures as it would to axum: generated
//! enums and [`Failure`] convert into `tonic::Status`, so `?` works, and a
//! failure's cause is logged and never sent.
//!
//! ```
//! use errcodes_runtime::grpc::ReceivedStatus;
//! use errcodes_runtime::retry::Advice;
//! use errcodes_runtime::{Action, Code, ErrorCode, GrpcCode, Occurrence};
//! use std::time::{Duration, SystemTime};
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! // A server's answer…
//! let sent = errcodes_runtime::grpc::status(
//!     AcpError::RateLimitExceeded,
//!     &Occurrence::new().retry_after_secs(45),
//! );
//! assert_eq!(sent.code(), tonic::Code::ResourceExhausted);
//!
//! // …as its client reads it.
//! let read = ReceivedStatus::<AcpError>::read(&sent);
//! assert_eq!(read.code(), Some(Code::Known(AcpError::RateLimitExceeded)));
//! assert_eq!(read.grpc_code(), GrpcCode::ResourceExhausted);
//! assert_eq!(read.action(), Action::RetryAfter);
//! let Advice::RetryAfter(wait) = read.advice(SystemTime::now()) else { panic!() };
//! assert!(wait >= Duration::from_secs(45));
//!
//! // A status from a server that knows nothing of the catalog.
//! let plain = ReceivedStatus::<AcpError>::read(&tonic::Status::unavailable("draining"));
//! assert_eq!(plain.code(), None);
//! assert_eq!(plain.advice(SystemTime::now()), Advice::Backoff);
//! ```

mod boundary;

use core::marker::PhantomData;
use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use prost::Message as _;
use tonic_types::{
    ErrorDetail, ErrorInfo, Help, HelpLink, LocalizedMessage, RequestInfo, RetryInfo, RpcStatusExt,
    StatusExt,
};

use errcodes_core::facts::CodeFacts;
use errcodes_core::render::google::StatusParts;

use crate::fields::Untyped;
use crate::retry::{Advice, Policy};
use crate::{Action, Code, ErrorCode, Failure, GrpcCode, Occurrence, Outcome, Received};

pub use crate::Condition;
pub use crate::boundary::Boundary;
pub use crate::trace::trace_id_of;
pub use boundary::{GrpcBoundaryLayer, GrpcBoundaryService};

/// The status of `code` with what `occurrence` adds.
#[must_use]
pub fn status<E: ErrorCode>(code: E, occurrence: &Occurrence) -> tonic::Status {
    // Inside a boundary, even a bare code carries the request's trace id.
    let traced;
    let occurrence = match (&occurrence.trace, crate::trace::current()) {
        (None, Some(trace)) => {
            traced = occurrence.clone().trace(trace);
            &traced
        }
        _ => occurrence,
    };
    let facts = code.facts();
    // A catalog with translations adds the message in the request's
    // language; the status's own stays in the catalog's. One without
    // pays nothing for it.
    #[cfg(feature = "locales")]
    let localized = if E::CATALOG.translations.is_empty() {
        None
    } else {
        let said = StatusParts::of(&facts, &occurrence.values()).message;
        crate::translated::localized_message(code, occurrence, &said)
    };
    #[cfg(not(feature = "locales"))]
    let localized = None;
    status_with(&facts, occurrence, localized)
}

/// The status of a code described by its facts: what tools that read a
/// catalog at run time use.
#[must_use]
pub fn status_of(facts: &CodeFacts<'_>, occurrence: &Occurrence) -> tonic::Status {
    status_with(facts, occurrence, None)
}

/// [`status_of`] with a `LocalizedMessage`: its locale and message.
fn status_with(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
    localized: Option<(&str, String)>,
) -> tonic::Status {
    let parts = StatusParts::of(facts, &occurrence.values());
    let metadata: HashMap<String, String> = parts.metadata.into_iter().collect();
    let mut details = vec![ErrorDetail::from(ErrorInfo::new(
        parts.reason,
        parts.grpc_domain,
        metadata,
    ))];
    if let Some(delay) = parts.retry_delay {
        details.push(RetryInfo::new(Some(delay)).into());
    }
    if let Some((description, url)) = parts.help {
        details.push(Help::new(vec![HelpLink::new(description, url)]).into());
    }
    if let Some(id) = parts.request_id {
        details.push(RequestInfo::new(id, "").into());
    }
    if let Some((locale, message)) = localized {
        details.push(LocalizedMessage::new(locale, message).into());
    }
    tonic::Status::with_error_details_vec(tonic_code(parts.grpc_code), parts.message, details)
}

/// The `google.rpc.Status` message of `code`, for a response to carry: how
/// a code that is no failure (gRPC `OK`), such as the outcome of a job or
/// of one item of a batch, travels over gRPC.
#[must_use]
pub fn rpc_status<E: ErrorCode>(code: E, occurrence: &Occurrence) -> tonic_types::Status {
    let status = status(code, occurrence);
    // The details are the encoding of this very message.
    tonic_types::Status::decode(status.details()).unwrap_or_else(|_| tonic_types::Status {
        code: status.code() as i32,
        message: status.message().to_owned(),
        details: Vec::new(),
    })
}

/// A failure becomes its code's status; its cause is logged (with the
/// `tracing` feature) and never sent. See [`Failure::into_public`].
impl<E: ErrorCode> From<Failure<E>> for tonic::Status {
    fn from(failure: Failure<E>) -> Self {
        let (code, occurrence) = failure.into_public();
        status(code, &occurrence)
    }
}

fn tonic_code(code: GrpcCode) -> tonic::Code {
    tonic::Code::from_i32(code.number())
}

/// A `tonic::Status` as a client received it, read for a catalog: the
/// code (by the `ErrorInfo`'s reason, within the catalog's `grpc-domain`),
/// the action, the message and retry advice, answered as
/// `wire::ErrorResponse` (feature `json`) answers them for HTTP, so
/// that one client loop handles both ([`Received`]).
///
/// A status without `ErrorInfo`, or from another domain, has no known
/// code: a `RetryInfo` delay is then retried after, and otherwise its
/// canonical gRPC code decides, through the HTTP status `code.proto` maps
/// it to: `UNAVAILABLE` (503) and `RESOURCE_EXHAUSTED` (429) are retried
/// with backoff, `DEADLINE_EXCEEDED` (504) too, `INVALID_ARGUMENT` and the
/// other client errors are not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedStatus<E> {
    grpc_code: GrpcCode,
    message: String,
    /// The `ErrorInfo`'s reason and domain.
    reason: Option<(String, String)>,
    /// Its metadata, by key.
    metadata: Vec<(String, String)>,
    retry_delay: Option<Duration>,
    /// Each `Help` link's description and URL.
    help: Vec<(String, String)>,
    request_id: Option<String>,
    /// The `LocalizedMessage`'s locale and message.
    localized_message: Option<(String, String)>,
    codes: PhantomData<fn() -> E>,
}

impl<E: ErrorCode> ReceivedStatus<E> {
    /// Reads a status. Details that do not decode are skipped one by one.
    #[must_use]
    pub fn read(status: &tonic::Status) -> Self {
        let details = tonic_types::Status::decode(status.details()).unwrap_or_default();
        Self::from_parts(status.code() as i32, status.message(), &details)
    }

    /// Reads a `google.rpc.Status` message that a response carries.
    #[must_use]
    pub fn read_rpc(status: &tonic_types::Status) -> Self {
        Self::from_parts(status.code, &status.message, status)
    }

    fn from_parts(code: i32, message: &str, details: &tonic_types::Status) -> Self {
        let info = details.get_details_error_info();
        let mut metadata: Vec<(String, String)> = info
            .as_ref()
            .map(|info| info.metadata.clone().into_iter().collect())
            .unwrap_or_default();
        metadata.sort();
        ReceivedStatus {
            // An unknown number is an error of an unknown kind.
            grpc_code: GrpcCode::from_number(code).unwrap_or(GrpcCode::Unknown),
            message: message.to_owned(),
            reason: info.map(|info| (info.reason, info.domain)),
            metadata,
            retry_delay: details
                .get_details_retry_info()
                .and_then(|info| info.retry_delay),
            help: details
                .get_details_help()
                .map(|help| help.links)
                .unwrap_or_default()
                .into_iter()
                .map(|link| (link.description, link.url))
                .collect(),
            request_id: details
                .get_details_request_info()
                .map(|info| info.request_id)
                .filter(|id| !id.is_empty()),
            localized_message: details
                .get_details_localized_message()
                .map(|m| (m.locale, m.message)),
            codes: PhantomData,
        }
    }

    /// The code named by the `ErrorInfo`'s reason, when its domain is the
    /// catalog's; `None` without an `ErrorInfo`.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        let (reason, domain) = self.reason.as_ref()?;
        Some(Code::of_reason(reason, domain))
    }

    /// What to do: the code's action; without a known code, `retry-after`
    /// when `RetryInfo` gives a delay, as the server asks, and else the
    /// action the canonical code's HTTP status implies.
    #[must_use]
    pub fn action(&self) -> Action {
        Code::action_with_delay(
            self.code().as_ref(),
            self.retry_delay.is_some(),
            self.http_status(),
        )
    }

    /// Whether to retry, and when, by the default [`Policy`]: see
    /// [`Received::advice`]. `RetryInfo`'s delay is the server's delay.
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

impl<E> ReceivedStatus<E> {
    /// The canonical gRPC code.
    #[must_use]
    pub fn grpc_code(&self) -> GrpcCode {
        self.grpc_code
    }

    /// The HTTP status `code.proto` maps the canonical code to.
    #[must_use]
    pub fn http_status(&self) -> u16 {
        self.grpc_code.http_status()
    }

    /// The status's message; `None` when empty.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        Some(self.message.as_str()).filter(|m| !m.is_empty())
    }

    /// The `ErrorInfo` detail's reason.
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_ref().map(|(reason, _)| reason.as_str())
    }

    /// The `ErrorInfo` detail's domain: the gRPC domain of the catalog
    /// whose code it is.
    #[must_use]
    pub fn grpc_domain(&self) -> Option<&str> {
        self.reason.as_ref().map(|(_, domain)| domain.as_str())
    }

    /// The `ErrorInfo` detail's metadata, sorted by key.
    #[must_use]
    pub fn metadata(&self) -> &[(String, String)] {
        &self.metadata
    }

    /// The `RetryInfo` detail's delay.
    #[must_use]
    pub fn retry_delay(&self) -> Option<Duration> {
        self.retry_delay
    }

    /// The `Help` detail's links: each one's description and URL.
    #[must_use]
    pub fn help_links(&self) -> &[(String, String)] {
        &self.help
    }

    /// The `RequestInfo` detail's request id: the trace id to quote to
    /// support.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The `LocalizedMessage` detail: its locale and message.
    #[must_use]
    pub fn localized_message(&self) -> Option<(&str, &str)> {
        self.localized_message
            .as_ref()
            .map(|(locale, message)| (locale.as_str(), message.as_str()))
    }
}

impl<E: ErrorCode> Received<E> for ReceivedStatus<E> {
    fn code(&self) -> Option<Code<E>> {
        self.code()
    }

    fn action(&self) -> Action {
        self.action()
    }

    fn trace_id(&self) -> Option<&str> {
        self.request_id()
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
        self.http_status()
    }

    fn delay(&self) -> Option<Duration> {
        self.retry_delay
    }

    fn untyped_fields(&self) -> Untyped<'_> {
        Untyped::Metadata(
            self.metadata
                .iter()
                .map(|(key, value)| (key.as_str(), value.as_str()))
                .collect(),
        )
    }
}
