//! Experience Platform's gateway errors: `{"error_code": "403010", "message":
//! "Oauth token is missing."}`, where the code starts with the HTTP status.
//!
//! ```
//! use errcodes_runtime::wire::{Code, Json, gateway::Body};
//!
//! errcodes_runtime::errcodes!("../specs/platform.yaml");
//!
//! let body = Body::<PlatformError>::decode(br#"{"error_code": "403010", "message": "Oauth token is missing."}"#).unwrap();
//! assert_eq!(body.code(), Some(Code::Known(PlatformError::OauthTokenMissing)));
//! assert_eq!(body.status(), Some(403));
//! ```

use core::marker::PhantomData;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::json::{self, Object, Writer};
use super::{Code, CodeFacts, Json, Occurrence};
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
        self.code()
            .map_or_else(|| Action::for_status(status), |code| code.action(status))
    }

    /// [`action_at`](Self::action_at) the body's own [`status`](Self::status),
    /// or 500 when it has none.
    #[must_use]
    pub fn action(&self) -> Action {
        self.action_at(self.status().unwrap_or(500))
    }
}

impl<E> Body<E> {
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

impl<E> Object for Body<E> {
    const WHAT: &'static str = "a gateway error";

    fn empty() -> Self {
        Body {
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

impl<E> Serialize for Body<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        View {
            error_code: self.error_code.as_deref(),
            message: self.message.as_deref(),
            members: &self.members,
        }
        .serialize(serializer)
    }
}

impl<'de, E> Deserialize<'de> for Body<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        json::deserialize(deserializer)
    }
}

impl<E> Json for Body<E> {}

/// A gateway body, borrowed: what rendering writes and what a [`Body`]
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
