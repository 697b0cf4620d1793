//! The promises of the client's entry point on any response, for property
//! tests and fuzzing: a body that is not in the catalog's format never
//! fails the read, never panics, and never loses the status or the
//! `Retry-After` header; only a body over the limit is an error.

use std::time::{Duration, SystemTime};

use errcodes_runtime::retry::{Advice, parse_retry_after};
use errcodes_runtime::wire::{DecodeErrorKind, ErrorResponse, Headers, Limits};
use errcodes_runtime::{Action, ErrorCode};

use crate::{
    acp::AcpError, cloud::CloudError, edge::EdgeError, pass::PassError, platform::PlatformError,
    privacy::PrivacyError,
};

/// A response as it arrives.
#[derive(Clone, Copy, Debug)]
pub struct Arrived<'a> {
    /// The HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: Option<&'a str>,
    /// `Retry-After`.
    pub retry_after: Option<&'a str>,
    /// The body.
    pub body: &'a [u8],
}

/// Content types the path between client and server sends.
pub const CONTENT_TYPES: &[&str] = &[
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=iso-8859-1",
    "application/json; charset=utf-16",
    "application/problem+json",
    "application/xml",
    "text/xml; charset=utf-8",
    "text/html",
    "text/plain",
    "application/octet-stream",
];

/// Reads `arrived` for every shipped catalog, within the default limits and
/// within a limit it may pass.
///
/// # Panics
///
/// When a promise is broken.
pub fn response(arrived: Arrived<'_>) {
    for limits in [Limits::default(), Limits { max_bytes: 64 }] {
        one::<PrivacyError>(arrived, limits);
        one::<EdgeError>(arrived, limits);
        one::<AcpError>(arrived, limits);
        one::<PlatformError>(arrived, limits);
        one::<PassError>(arrived, limits);
        one::<CloudError>(arrived, limits);
    }
}

fn one<E: ErrorCode>(arrived: Arrived<'_>, limits: Limits) {
    let headers = Headers {
        content_type: arrived.content_type,
        retry_after: arrived.retry_after,
    };
    let read = ErrorResponse::<E>::decode_with(arrived.status, headers, arrived.body, limits);
    let response = match read {
        Err(error) => {
            assert!(arrived.body.len() > limits.max_bytes, "{error}");
            assert_eq!(error.kind(), DecodeErrorKind::TooLarge);
            return;
        }
        Ok(response) => response,
    };
    assert!(arrived.body.len() <= limits.max_bytes);
    assert_eq!(response.status(), arrived.status);
    assert_eq!(response.retry_after(), arrived.retry_after);
    let now = SystemTime::now();
    let advice = response.advice(now);
    if let Some(unread) = response.unread() {
        // Nothing is lost, and nothing is made up.
        assert_eq!(unread.bytes(), arrived.body);
        assert_eq!(response.code(), None);
        assert_eq!(response.message(), None);
        assert_eq!(response.action(), Action::for_status(arrived.status));
    }
    // Retrying advice never waits longer than the policy allows, nor less
    // than the server asked, in the body or the header.
    if let Advice::RetryAfter(wait) = advice {
        assert!(wait <= Duration::from_secs(600), "{wait:?}");
        let asked = response
            .body_delay()
            .or_else(|| parse_retry_after(arrived.retry_after?, now));
        if let Some(asked) = asked.filter(|asked| *asked < Duration::from_secs(600)) {
            assert!(wait >= asked, "{wait:?} before {asked:?}");
        }
    }
}
