//! The `http` crate's types: a code's `StatusCode`, advice read from a
//! response's status and headers, and, with the `json` feature, an error
//! response decoded from them.
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
//! // Seven seconds, and up to one more, so that clients do not all come back at once.
//! let Advice::RetryAfter(wait) = advice else { panic!() };
//! assert!(wait.as_secs_f64() >= 7.0 && wait.as_secs_f64() <= 8.0);
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

/// The headers an [`ErrorResponse`](crate::wire::ErrorResponse) reads, when
/// they are text.
#[cfg(feature = "json")]
#[must_use]
pub fn headers(headers: &HeaderMap) -> crate::wire::Headers<'_> {
    crate::wire::Headers {
        content_type: headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        retry_after: retry_after(headers),
    }
}

/// Decodes an error response from its status, headers and body.
///
/// ```
/// use http::{HeaderMap, StatusCode, header::CONTENT_TYPE};
/// use errcodes_runtime::Code;
///
/// errcodes_runtime::errcodes!("../specs/platform.yaml");
///
/// let mut headers = HeaderMap::new();
/// headers.insert(CONTENT_TYPE, "application/problem+json".parse().unwrap());
/// let body = br#"{"type": "/placeholder/type/uri", "status": 400, "title": "BadRequestError",
///     "detail": "A valid content-type must be specified"}"#;
/// let error = errcodes_runtime::http::decode::<PlatformError>(StatusCode::BAD_REQUEST, &headers, body).unwrap();
/// assert_eq!(error.code(), Some(Code::Known(PlatformError::BadRequestError)));
/// ```
///
/// # Errors
///
/// As [`ErrorResponse::decode`](crate::wire::ErrorResponse::decode).
#[cfg(feature = "json")]
pub fn decode<E: ErrorCode>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<crate::wire::ErrorResponse<E>, crate::wire::DecodeError> {
    crate::wire::ErrorResponse::decode(status.as_u16(), self::headers(headers), body)
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
