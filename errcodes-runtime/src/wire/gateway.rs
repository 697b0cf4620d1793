//! Experience Platform's gateway errors: `{"error_code": "403010", "message":
//! "Oauth token is missing."}`, where the code starts with the HTTP status.
//!
//! ```
//! use errcodes_runtime::wire::{Code, gateway::Body};
//!
//! errcodes_runtime::errcodes!("../specs/platform.yaml");
//!
//! let body = Body::<PlatformError>::decode(br#"{"error_code": "403010", "message": "Oauth token is missing."}"#).unwrap();
//! assert_eq!(body.code(), Some(Code::Known(PlatformError::OauthTokenMissing)));
//! assert_eq!(body.status(), Some(403));
//! ```

use core::marker::PhantomData;
use serde_json::{Map, Value};

use super::json::{object, put, take_string};
use super::{Code, DecodeError, Limits, Occurrence};
use crate::{Action, ErrorCode};

/// A gateway error body.
#[derive(Clone, Debug, PartialEq)]
pub struct Body<E> {
    error_code: Option<String>,
    message: Option<String>,
    members: Map<String, Value>,
    codes: PhantomData<fn() -> E>,
}

impl<E: ErrorCode> Body<E> {
    /// The body of `code`: its message is the occurrence's or else the code's
    /// title.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        Body {
            error_code: Some(code.code().to_owned()),
            message: Some(occurrence.message_or_title(&code)),
            members: occurrence.members.clone(),
            codes: PhantomData,
        }
    }

    /// Decodes a body.
    ///
    /// # Errors
    ///
    /// When the body is too large, is not JSON, or is not an object.
    pub fn decode(body: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_with(body, Limits::default())
    }

    /// Decodes a body within `limits`.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode).
    pub fn decode_with(body: &[u8], limits: Limits) -> Result<Self, DecodeError> {
        let mut members = object(body, limits)?;
        Ok(Body {
            error_code: take_string(&mut members, "error_code"),
            message: take_string(&mut members, "message"),
            members,
            codes: PhantomData,
        })
    }

    /// The body as JSON bytes.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        let mut members = self.members.clone();
        put(&mut members, "error_code", self.error_code.clone());
        put(&mut members, "message", self.message.clone());
        serde_json::to_vec(&members).unwrap_or_default()
    }

    /// `error_code`, looked up in the catalog.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.error_code.as_deref().map(Code::parse)
    }

    /// The HTTP status: the known code's, or else the three digits an
    /// unknown code starts with.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self.code()? {
            Code::Known(code) => Some(code.http_status()),
            Code::Unknown(text) => text
                .get(..3)?
                .parse()
                .ok()
                .filter(|status| (100..=599).contains(status)),
        }
    }

    /// What the client should do: the code's action, or the one its
    /// status implies.
    #[must_use]
    pub fn action(&self) -> Action {
        let status = self.status().unwrap_or(500);
        self.code()
            .map_or_else(|| Action::for_status(status), |code| code.action(status))
    }

    /// `message`.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Every other member, such as `errorMessage` in bodies that are not
    /// the gateway's.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}
