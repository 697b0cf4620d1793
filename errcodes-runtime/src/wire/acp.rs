//! Ad Context Protocol errors:
//! `{"success": false, "error": {"code", "message", "details", "retry_after"}}`,
//! where `retry_after` is the seconds to wait before retrying.
//!
//! ```
//! use std::time::Duration;
//! use errcodes_runtime::wire::{Code, Json, acp::Envelope};
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

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value, json};

use super::formats::{Answers, ShapeFacts};
use super::json::{self, Object, Writer, deserialize_as_object};
use super::{
    Code, CodeFacts, EncodeError, Json, Occurrence, Rendered, SchemaParts, Shape, whole_seconds,
};
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
    /// code's title, and a code that says to retry after a delay has one.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        json::from_view(&View::of(&CodeFacts::of(code), occurrence))
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

impl<E> ErrorBody<E> {
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

impl<E> Object for Envelope<E> {
    const WHAT: &'static str = "an ACP envelope";

    fn empty() -> Self {
        Envelope {
            success: None,
            error: None,
            members: Map::new(),
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "success" => json::bool(&mut self.success, value),
            "error" => json::object(&mut self.error, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Object for ErrorBody<E> {
    const WHAT: &'static str = "an ACP error";

    fn empty() -> Self {
        ErrorBody {
            code: None,
            message: None,
            details: None,
            retry_after: None,
            members: Map::new(),
            codes: PhantomData,
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "code" => json::string(&mut self.code, value),
            "message" => json::string(&mut self.message, value),
            "details" => json::any(&mut self.details, value),
            "retry_after" => json::u64(&mut self.retry_after, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Serialize for Envelope<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("success", self.success.as_ref())?;
        writer.own("error", self.error.as_ref())?;
        writer.end(&self.members)
    }
}

impl<E> Serialize for ErrorBody<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ErrorView {
            code: self.code.as_deref(),
            message: self.message.as_deref(),
            details: self.details.as_ref(),
            retry_after: self.retry_after,
            members: &self.members,
        }
        .serialize(serializer)
    }
}

deserialize_as_object!(Envelope, ErrorBody);

impl<E> Json for Envelope<E> {}

impl<E: ErrorCode> Answers<E> for Envelope<E> {
    fn code(&self) -> Option<Code<E>> {
        self.error()?.code()
    }

    fn action_at(&self, status: u16) -> Action {
        self.error()
            .map_or(Action::for_status(status), |error| error.action_at(status))
    }

    fn message(&self) -> Option<&str> {
        self.error()?.message()
    }

    fn delay(&self) -> Option<Duration> {
        self.error()?.retry_after()
    }
}

/// What errcodes knows of ACP envelopes.
pub(crate) const SHAPE: ShapeFacts = ShapeFacts {
    name: "AcpEnvelope",
    content_type: "application/json",
    description: "An Ad Context Protocol error envelope.",
    code_path: |_| &["error", "code"],
    schema,
};

fn schema(parts: &SchemaParts<'_>) -> Value {
    json!({
        "type": "object",
        "description": SHAPE.description,
        "properties": {
            "success": {"const": false},
            "error": {
                "type": "object",
                "properties": {
                    "code": parts.code,
                    "message": {"type": "string"},
                    "details": {},
                    "retry_after": {"type": "integer", "minimum": 0, "description": "Seconds to wait before retrying."},
                },
                "required": ["code", "message"],
            },
        },
        "required": ["success", "error"],
    })
}

pub(crate) fn render(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    Rendered::of(
        Shape::Acp,
        |_| View::of(facts, occurrence),
        facts,
        occurrence,
    )
}

/// The envelope of a code, borrowed: what rendering writes.
pub(crate) struct View<'a> {
    error: ErrorView<'a>,
}

struct ErrorView<'a> {
    code: Option<&'a str>,
    message: Option<&'a str>,
    details: Option<&'a Value>,
    retry_after: Option<u64>,
    members: &'a Map<String, Value>,
}

impl<'a> View<'a> {
    pub(crate) fn of(facts: &CodeFacts<'a>, occurrence: &'a Occurrence) -> Self {
        View {
            error: ErrorView {
                code: Some(facts.code),
                message: Some(occurrence.message_or(facts.title)),
                details: occurrence.context.as_ref(),
                retry_after: occurrence.delay_for(facts.action).map(whole_seconds),
                members: &occurrence.members,
            },
        }
    }
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("success", Some(&false))?;
        writer.own("error", Some(&self.error))?;
        writer.end(&Map::new())
    }
}

impl Serialize for ErrorView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("code", self.code)?;
        writer.own("message", self.message)?;
        writer.own("details", self.details)?;
        writer.own("retry_after", self.retry_after.as_ref())?;
        writer.end(self.members)
    }
}
