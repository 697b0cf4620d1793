//! Ad Context Protocol errors:
//! `{"success": false, "error": {"code", "message", "details", "retry_after"}}`,
//! where `retry_after` is the seconds to wait before retrying.
//!
//! ```
//! use std::time::Duration;
//! use errcodes_runtime::wire::{Code, acp::Envelope};
//! use errcodes_runtime::Action;
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! let body = br#"{"success": false, "error": {"code": "SERVICE_UNAVAILABLE",
//!     "message": "Data provider service is temporarily unavailable",
//!     "details": {"provider": "LiveRamp"}, "retry_after": 900}}"#;
//! let envelope = Envelope::<AcpError>::decode(body).unwrap();
//! let error = envelope.error().unwrap();
//! assert_eq!(error.code(), Some(Code::Known(AcpError::ServiceUnavailable)));
//! assert_eq!(error.retry_after(), Some(Duration::from_secs(900)));
//! assert_eq!(error.action(), Action::RetryAfter);
//! ```

use core::marker::PhantomData;
use std::time::Duration;

use serde_json::{Map, Value};

use super::json::{object, put, take, take_bool, take_object, take_string, take_u64};
use super::{Code, DecodeError, Limits, Occurrence};
use crate::{Action, ErrorCode};

/// The body of an ACP response that failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope<E> {
    success: Option<bool>,
    error: Option<ErrorBody<E>>,
    members: Map<String, Value>,
}

/// The `error` member of an [`Envelope`].
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorBody<E> {
    code: Option<String>,
    message: Option<String>,
    details: Option<Value>,
    retry_after: Option<u64>,
    members: Map<String, Value>,
    codes: PhantomData<fn() -> E>,
}

impl<E: ErrorCode> Envelope<E> {
    /// The envelope of `code`: its message is the occurrence's or else the
    /// code's title.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        Envelope {
            success: Some(false),
            error: Some(ErrorBody {
                code: Some(code.code().to_owned()),
                message: Some(occurrence.message_or_title(&code)),
                details: occurrence.context.clone(),
                retry_after: occurrence.retry_after.map(|delay| delay.as_secs()),
                members: occurrence.members.clone(),
                codes: PhantomData,
            }),
            members: Map::new(),
        }
    }

    /// Decodes an envelope.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not an object.
    pub fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(body, Limits::default())
    }

    /// Decodes an envelope within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        let mut members = object(body, limits)?;
        Ok(Envelope {
            success: take_bool(&mut members, "success"),
            error: take_object(&mut members, "error").map(|mut error| ErrorBody {
                code: take_string(&mut error, "code"),
                message: take_string(&mut error, "message"),
                details: take(&mut error, "details"),
                retry_after: take_u64(&mut error, "retry_after"),
                members: error,
                codes: PhantomData,
            }),
            members,
        })
    }

    /// The envelope as JSON bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        let mut members = self.members.clone();
        put(&mut members, "success", self.success);
        if let Some(error) = &self.error {
            let mut body = error.members.clone();
            put(&mut body, "code", error.code.clone());
            put(&mut body, "message", error.message.clone());
            put(&mut body, "details", error.details.clone());
            put(&mut body, "retry_after", error.retry_after);
            members.insert("error".to_owned(), Value::Object(body));
        }
        serde_json::to_vec(&members).unwrap_or_default()
    }

    /// `success`.
    #[must_use]
    pub fn success(&self) -> Option<bool> {
        self.success
    }

    /// `error`, when it is an object.
    #[must_use]
    pub fn error(&self) -> Option<&ErrorBody<E>> {
        self.error.as_ref()
    }

    /// Every other member.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

impl<E: ErrorCode> ErrorBody<E> {
    /// `code`, looked up in the catalog.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.code.as_deref().map(Code::parse)
    }

    /// What the client should do. ACP bodies carry no HTTP status, so an
    /// unknown code gets [`Action::None`] unless `retry_after` is given, in
    /// which case it is worth [`Action::RetryAfter`].
    #[must_use]
    pub fn action(&self) -> Action {
        match (self.code().and_then(|code| code.known()), self.retry_after) {
            (Some(code), _) => code.action(),
            (None, Some(_)) => Action::RetryAfter,
            (None, None) => Action::None,
        }
    }

    /// `message`.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// `details`, as received.
    #[must_use]
    pub fn details(&self) -> Option<&Value> {
        self.details.as_ref()
    }

    /// `retry_after`: how long to wait before retrying.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after.map(Duration::from_secs)
    }

    /// Every other member of `error`.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}
