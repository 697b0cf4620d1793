//! Reading an error response from reqwest, with the size limit enforced
//! while the body arrives: a server that sends more than the limit, or says
//! it will, is refused before the excess is read.
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

use reqwest::Response;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};

use crate::ErrorCode;
use crate::wire::{DecodeError, ErrorResponse, Headers, Limits};

/// Why an error response could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The connection failed.
    Http(reqwest::Error),
    /// The body was too large, or could not be decoded.
    Decode(DecodeError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Http(error) => write!(f, "the response could not be read: {error}"),
            ReadError::Decode(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Http(error) => Some(error),
            ReadError::Decode(error) => Some(error),
        }
    }
}

impl From<reqwest::Error> for ReadError {
    fn from(error: reqwest::Error) -> Self {
        ReadError::Http(error)
    }
}

impl From<DecodeError> for ReadError {
    fn from(error: DecodeError) -> Self {
        ReadError::Decode(error)
    }
}

/// Reads and decodes an error response within the default [`Limits`].
///
/// # Errors
///
/// When the connection fails, or the body is too large or cannot be
/// decoded.
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
    let announced = response
        .content_length()
        .and_then(|length| usize::try_from(length).ok());
    if let Some(length) = announced.filter(|&length| length > limits.max_bytes) {
        return Err(DecodeError::too_large(length, limits).into());
    }
    let mut body = Vec::with_capacity(announced.unwrap_or(0));
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > limits.max_bytes {
            return Err(DecodeError::too_large(body.len() + chunk.len(), limits).into());
        }
        body.extend_from_slice(&chunk);
    }
    let headers = Headers {
        content_type: content_type.as_deref(),
        retry_after: retry_after.as_deref(),
    };
    Ok(ErrorResponse::decode_with(status, headers, &body, limits)?)
}
