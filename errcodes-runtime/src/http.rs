//! The `http` crate's types: a code's `StatusCode`, and advice read from a
//! response's status and headers.
//!
//! ```
//! use http::{HeaderMap, StatusCode, header::RETRY_AFTER};
//! use errcodes_runtime::retry::Advice;
//!
//! errcodes_runtime::errcodes!("../specs/pass.yaml");
//!
//! assert_eq!(errcodes_runtime::http::status_code(&PassError::TooManyRequests), StatusCode::TOO_MANY_REQUESTS);
//!
//! let mut headers = HeaderMap::new();
//! headers.insert(RETRY_AFTER, "7".parse().unwrap());
//! let advice = errcodes_runtime::http::advise(None, StatusCode::SERVICE_UNAVAILABLE, &headers, None);
//! assert_eq!(advice, Advice::RetryAfter(std::time::Duration::from_secs(7)));
//! ```

use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode, header};

use crate::retry::{self, Advice};
use crate::{Action, ErrorCode};

/// The code's HTTP status.
#[must_use]
pub fn status_code<E: ErrorCode>(code: &E) -> StatusCode {
    StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The `Retry-After` header, when it is text.
#[must_use]
pub fn retry_after(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::RETRY_AFTER)?.to_str().ok()
}

/// [`retry::advise`] for a response: its status, its `Retry-After` header,
/// now.
#[must_use]
pub fn advise(
    action: Option<Action>,
    status: StatusCode,
    headers: &HeaderMap,
    body_retry_after: Option<Duration>,
) -> Advice {
    retry::advise(
        action,
        status.as_u16(),
        retry_after(headers),
        body_retry_after,
        SystemTime::now(),
    )
}
