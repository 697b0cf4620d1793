//! Ad Context Protocol errors:
//! `{"success": false, "error": {"code", "message", "details", "retry_after"}}`,
//! where `retry_after` is the seconds to wait before retrying.
//!
//! ```
//! use std::time::Duration;
//! use errcodes_runtime::wire::{Json, acp::Envelope};
//! use errcodes_runtime::{Action, Code};
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

use errcodes_core::render::acp::{CODE, DETAILS, ERROR, MESSAGE, RETRY_AFTER, SUCCESS, body};
use serde_json::{Map, Value, json};

use super::contract::{SchemaParts, answers_by_itself, answers_through};
use super::json::{self, deserialize_as_object, members};
use super::{Json, Shape};
use crate::fields::Untyped;
use crate::{Action, Code, ErrorCode, Occurrence};

/// The body of an ACP response that failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope<E> {
    success: Option<bool>,
    error: Option<ErrorObject<E>>,
    members: Map<String, Value>,
}

members! {
    Envelope as "an ACP envelope" {
        success: SUCCESS => json::bool,
        error: ERROR => json::object,
    }
    kept members,
    repeated(this, key, path) { key == ERROR && json::repeated_in(this.error.as_mut(), path) }
}

/// The `error` member of an [`Envelope`].
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorObject<E> {
    code: Option<String>,
    message: Option<String>,
    details: Option<Value>,
    retry_after: Option<u64>,
    members: Map<String, Value>,
    /// Members of `details` given more than once.
    repeated: Vec<Box<str>>,
    codes: PhantomData<fn() -> E>,
}

members! {
    ErrorObject as "an ACP error" {
        code: CODE => json::string,
        message: MESSAGE => json::string,
        details: DETAILS => json::any,
        retry_after: RETRY_AFTER => json::u64,
    }
    kept members, also { repeated: Vec::new(), codes: PhantomData },
    repeated(this, key, path) {
        match path.first() {
            Some(field) if key == DETAILS => json::note_repeated(&mut this.repeated, field),
            _ => false,
        }
    }
}

impl<E: ErrorCode> Envelope<E> {
    /// The envelope of `code`: its message is the occurrence's or else the
    /// code's title, and a code that says to retry after a delay has one.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        json::from_rendered(&body(&code.facts(), &occurrence.values()))
    }
}

impl<E> Envelope<E> {
    /// `success`.
    #[must_use]
    pub fn success(&self) -> Option<bool> {
        self.success
    }

    /// `error`, when it is an object.
    #[must_use]
    pub fn error(&self) -> Option<&ErrorObject<E>> {
        self.error.as_ref()
    }

    /// Every other member.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }
}

impl<E: ErrorCode> ErrorObject<E> {
    /// `code`, looked up in the catalog.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.code.as_deref().map(Code::parse)
    }

    /// What a client should do after a response with HTTP status `status`
    /// that carries this error: the code's action; for an unknown code,
    /// [`Action::RetryAfter`] when the body gives a delay, and else the
    /// action the status implies.
    #[must_use]
    pub fn action_at(&self, status: u16) -> Action {
        Code::action_with_delay(self.code().as_ref(), self.retry_after.is_some(), status)
    }

    /// [`action_at`](Self::action_at) without a status: ACP bodies carry
    /// none, so an unknown code without a delay gets [`Action::None`].
    #[must_use]
    pub fn action(&self) -> Action {
        self.action_at(500)
    }
}

impl<E> ErrorObject<E> {
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

    /// The error's fields, as received: the members of `details`.
    pub(crate) fn untyped_fields(&self) -> Untyped<'_> {
        match &self.details {
            Some(Value::Object(members)) => Untyped::Members(members),
            _ => Untyped::None,
        }
    }

    /// The fields given more than once, in the order they came: reading
    /// one fails with [`Problem::Repeated`](crate::fields::Problem::Repeated),
    /// and its first value stays among the fields as received.
    #[must_use]
    pub fn repeated_fields(&self) -> &[Box<str>] {
        &self.repeated
    }
}

deserialize_as_object!(Envelope, ErrorObject);

impl<E> Json for Envelope<E> {}

answers_by_itself!(ErrorObject with retry_after);
answers_through!(Envelope => error);

/// The schema of an ACP envelope.
pub(crate) fn schema(parts: &SchemaParts<'_>) -> Value {
    json!({
        "type": "object",
        "description": Shape::Acp.description(),
        "properties": {
            SUCCESS: {"const": false},
            ERROR: {
                "type": "object",
                "properties": {
                    CODE: parts.code,
                    MESSAGE: {"type": "string"},
                    DETAILS: {},
                    RETRY_AFTER: {"type": "integer", "minimum": 0, "description": "Seconds to wait before retrying."},
                },
                "required": [CODE, MESSAGE],
            },
        },
        "required": [SUCCESS, ERROR],
    })
}
