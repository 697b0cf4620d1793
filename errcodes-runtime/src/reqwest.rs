//! Reading an error response from reqwest, with the size limit enforced
//! while the body arrives: a server that sends more than the limit, or says
//! it will, is refused before the excess is read. A body that is not in the
//! catalog's format (a proxy's HTML page, an empty 503) is read all the
//! same, as [`ErrorResponse`] reads it: only the connection and a body over
//! the limit fail, and even then the status and `Retry-After` still advise.
//!
//! ```no_run
//! use std::time::SystemTime;
//! use errcodes_runtime::retry::Advice;
//!
//! errcodes_runtime::errcodes!("../specs/pass.yaml");
//!
//! # async fn call(client: reqwest::Client) -> Result<(), errcodes_runtime::reqwest::ReadError> {
//! let response = client.get("https://example.com/stream").send().await?;
//! if !response.status().is_success() {
//!     let error = errcodes_runtime::reqwest::read::<PassError>(response).await?;
//!     match error.advice(SystemTime::now()) {
//!         Advice::RetryAfter(delay) => println!("retry in {delay:?}"),
//!         Advice::Backoff => println!("retry with backoff"),
//!         Advice::Stop(action) => println!("do not retry; the remedy is `{action}`"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```

use core::fmt;
use std::time::SystemTime;

use reqwest::Response;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};

use crate::ErrorCode;
use crate::retry::{self, Advice};
use crate::wire::{DecodeError, ErrorResponse, Headers, Limits};

/// Why an error response could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The connection failed.
    Http(reqwest::Error),
    /// The body was larger than the limit. The status and `Retry-After`
    /// arrived, and [`ReadError::advice`] still reads them.
    TooLarge {
        /// The response's HTTP status.
        status: u16,
        /// Its `Retry-After` header.
        retry_after: Option<String>,
        /// How large the body was, or said it would be.
        error: DecodeError,
    },
}

impl ReadError {
    /// Whether and when to retry, when the response's status and
    /// `Retry-After` arrived (a body over the limit), by the default
    /// [`Policy`](crate::retry::Policy); `None` when the connection failed.
    #[must_use]
    pub fn advice(&self, now: SystemTime) -> Option<Advice> {
        match self {
            ReadError::Http(_) => None,
            ReadError::TooLarge {
                status,
                retry_after,
                ..
            } => Some(retry::advise(
                None,
                *status,
                retry_after.as_deref(),
                None,
                now,
            )),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Http(error) => write!(f, "the response could not be read: {error}"),
            ReadError::TooLarge { error, .. } => error.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Http(error) => Some(error),
            ReadError::TooLarge { error, .. } => Some(error),
        }
    }
}

impl From<reqwest::Error> for ReadError {
    fn from(error: reqwest::Error) -> Self {
        ReadError::Http(error)
    }
}

/// Reads and decodes an error response within the default [`Limits`].
///
/// # Errors
///
/// When the connection fails, or the body is larger than the limit.
pub async fn read<E: ErrorCode>(response: Response) -> Result<ErrorResponse<E>, ReadError> {
    read_with(response, Limits::default()).await
}

/// As [`read`], within `limits`.
///
/// # Errors
///
/// As [`read`].
pub async fn read_with<E: ErrorCode>(
    mut response: Response,
    limits: Limits,
) -> Result<ErrorResponse<E>, ReadError> {
    let status = response.status().as_u16();
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let (content_type, retry_after) = (header(CONTENT_TYPE), header(RETRY_AFTER));
    let too_large = |size| ReadError::TooLarge {
        status,
        retry_after: retry_after.clone(),
        error: DecodeError::too_large(size, limits),
    };
    let announced = response
        .content_length()
        .and_then(|length| usize::try_from(length).ok());
    if let Some(length) = announced.filter(|&length| length > limits.max_bytes) {
        return Err(too_large(length));
    }
    let mut body = Vec::with_capacity(announced.unwrap_or(0).min(limits.max_bytes));
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > limits.max_bytes {
            return Err(too_large(body.len() + chunk.len()));
        }
        body.extend_from_slice(&chunk);
    }
    let headers = Headers {
        content_type: content_type.as_deref(),
        retry_after: retry_after.as_deref(),
    };
    ErrorResponse::decode_with(status, headers, &body, limits).map_err(|error| {
        ReadError::TooLarge {
            status,
            retry_after: retry_after.clone(),
            error,
        }
    })
}
