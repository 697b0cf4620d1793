//! Experience Platform's gateway errors: `{"error_code": "403010", "message":
//! "Oauth token is missing."}`, where the code starts with the HTTP status.
//!
//! ```
//! use errcodes_runtime::Code;
//! use errcodes_runtime::wire::{Json, gateway::GatewayBody};
//!
//! errcodes_runtime::errcodes!("../specs/platform.yaml");
//!
//! let body = GatewayBody::<PlatformError>::decode(br#"{"error_code": "403010", "message": "Oauth token is missing."}"#).unwrap();
//! assert_eq!(body.code(), Some(Code::Known(PlatformError::OauthTokenMissing)));
//! assert_eq!(body.status(), Some(403));
//! ```

use core::marker::PhantomData;

use errcodes_core::render::gateway::{ERROR_CODE, MESSAGE, body};
use serde_json::{Map, Value, json};

use super::contract::{SchemaParts, answers_by_itself};
use super::json::{self, deserialize_as_object, members};
use super::{Json, Shape};
use crate::fields::Untyped;
use crate::{Action, Code, ErrorCode, Occurrence};

/// A gateway error body.
#[derive(Clone, Debug, PartialEq)]
pub struct GatewayBody<E> {
    error_code: Option<String>,
    message: Option<String>,
    members: Map<String, Value>,
    /// Fields given more than once.
    repeated: Vec<Box<str>>,
    codes: PhantomData<fn() -> E>,
}

members! {
    GatewayBody as "a gateway error" {
        error_code: ERROR_CODE => json::string,
        message: MESSAGE => json::string,
    }
    kept members, also { repeated: Vec::new(), codes: PhantomData },
    repeated(this, key, _path) { json::repeated_in_kept::<Self>(&mut this.repeated, key) }
}

impl<E: ErrorCode> GatewayBody<E> {
    /// The body of `code`: its message is the occurrence's or else the code's
    /// title.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        json::from_rendered(&body(&code.facts(), &occurrence.values()))
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

    /// The error's fields, as received.
    pub(crate) fn untyped_fields(&self) -> Untyped<'_> {
        Untyped::Members(&self.members)
    }

    /// The fields given more than once, in the order they came: reading
    /// one fails with [`Problem::Repeated`](crate::fields::Problem::Repeated),
    /// and its first value stays among the fields as received.
    #[must_use]
    pub fn repeated_fields(&self) -> &[Box<str>] {
        &self.repeated
    }
}

deserialize_as_object!(GatewayBody);

impl<E> Json for GatewayBody<E> {}

answers_by_itself!(GatewayBody);

/// The schema of a gateway body.
pub(crate) fn schema(parts: &SchemaParts<'_>) -> Value {
    json!({
        "type": "object",
        "description": Shape::Gateway.description(),
        "properties": {ERROR_CODE: parts.code, MESSAGE: {"type": "string"}},
        "required": [ERROR_CODE, MESSAGE],
    })
}
