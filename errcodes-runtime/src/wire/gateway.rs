//! Experience Platform's gateway errors: `{"error_code": "403010", "message":
//! "Oauth token is missing."}`, where the code starts with the HTTP status.
//!
//! ```
//! use errcodes_runtime::wire::{Code, Json, gateway::GatewayBody};
//!
//! errcodes_runtime::errcodes!("../specs/platform.yaml");
//!
//! let body = GatewayBody::<PlatformError>::decode(br#"{"error_code": "403010", "message": "Oauth token is missing."}"#).unwrap();
//! assert_eq!(body.code(), Some(Code::Known(PlatformError::OauthTokenMissing)));
//! assert_eq!(body.status(), Some(403));
//! ```

use core::marker::PhantomData;

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value, json};

use super::formats::{Answers, ShapeFacts, answers_by_itself};
use super::json::{self, Object, Writer, deserialize_as_object};
use super::{Code, CodeFacts, EncodeError, Json, Occurrence, Rendered, SchemaParts, Shape};
use crate::{Action, ErrorCode};

/// A gateway error body.
#[derive(Clone, Debug, PartialEq)]
pub struct GatewayBody<E> {
    error_code: Option<String>,
    message: Option<String>,
    members: Map<String, Value>,
    codes: PhantomData<fn() -> E>,
}

impl<E: ErrorCode> GatewayBody<E> {
    /// The body of `code`: its message is the occurrence's or else the code's
    /// title.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        json::from_view(&View::of(&CodeFacts::of(code), occurrence))
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

    /// What a client should do after a response with HTTP status `status`
    /// that carries this body: the code's action, or the status's.
    #[must_use]
    pub fn action_at(&self, status: u16) -> Action {
        Code::action_of(self.code().as_ref(), status)
    }

    /// [`action_at`](Self::action_at) the body's own [`status`](Self::status),
    /// or 500 when it has none.
    #[must_use]
    pub fn action(&self) -> Action {
        self.action_at(self.status().unwrap_or(500))
    }
}

impl<E> GatewayBody<E> {
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

impl<E> Object for GatewayBody<E> {
    const WHAT: &'static str = "a gateway error";

    fn empty() -> Self {
        GatewayBody {
            error_code: None,
            message: None,
            members: Map::new(),
            codes: PhantomData,
        }
    }

    fn take(&mut self, key: &str, value: Value) -> Option<Value> {
        match key {
            "error_code" => json::string(&mut self.error_code, value),
            "message" => json::string(&mut self.message, value),
            _ => Some(value),
        }
    }

    fn kept(&mut self) -> &mut Map<String, Value> {
        &mut self.members
    }
}

impl<E> Serialize for GatewayBody<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        View {
            error_code: self.error_code.as_deref(),
            message: self.message.as_deref(),
            members: &self.members,
        }
        .serialize(serializer)
    }
}

deserialize_as_object!(GatewayBody);

impl<E> Json for GatewayBody<E> {}

answers_by_itself!(GatewayBody);

/// What errcodes knows of gateway bodies.
pub(crate) const SHAPE: ShapeFacts = ShapeFacts {
    name: "GatewayBody",
    content_type: "application/json",
    description: "An Experience Platform gateway error.",
    code_path: |_| &["error_code"],
    schema,
};

fn schema(parts: &SchemaParts<'_>) -> Value {
    json!({
        "type": "object",
        "description": SHAPE.description,
        "properties": {"error_code": parts.code, "message": {"type": "string"}},
        "required": ["error_code", "message"],
    })
}

pub(crate) fn render(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    Rendered::of(
        Shape::Gateway,
        |_| View::of(facts, occurrence),
        facts,
        occurrence,
    )
}

/// A gateway body, borrowed: what rendering writes and what a [`GatewayBody`]
/// encodes.
pub(crate) struct View<'a> {
    error_code: Option<&'a str>,
    message: Option<&'a str>,
    members: &'a Map<String, Value>,
}

impl<'a> View<'a> {
    pub(crate) fn of(facts: &CodeFacts<'a>, occurrence: &'a Occurrence) -> Self {
        View {
            error_code: Some(facts.code),
            message: Some(occurrence.message_or(facts.title)),
            members: &occurrence.members,
        }
    }
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut writer = Writer::new(serializer)?;
        writer.own("error_code", self.error_code)?;
        writer.own("message", self.message)?;
        writer.end(self.members)
    }
}
