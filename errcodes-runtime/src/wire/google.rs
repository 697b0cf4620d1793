//! Google's JSON error model (AIP-193): a `google.rpc.Status` over HTTP,
//! `{"error": {"code": 429, "message": "…", "status": "RESOURCE_EXHAUSTED",
//! "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
//! "reason": "…", "domain": "…", "metadata": {…}}, …]}}`.
//!
//! The code is the `reason` of the `ErrorInfo` detail, within the
//! catalog's `grpc-domain`: a reason from another domain is another
//! service's, and stays unknown even when it is spelled like one of the
//! catalog's. A body also reads in the bare form that gRPC gateways send,
//! `{"code": 8, "message": "…", "details": […]}`, where `code` is the gRPC
//! number rather than the HTTP status.
//!
//! The details are kept as they came, members in order, and written back
//! so: a body decodes and encodes back to the same bytes.
//!
//! A rendered error carries what [`Occurrence`] gives, where the model has
//! room: `ErrorInfo` always, its `metadata` from the occurrence's members;
//! `RetryInfo` when a delay is known or the code's action asks for one;
//! `Help` with the help URL; `RequestInfo` with the trace id. The message
//! is the occurrence's `detail`, else its `message`, else the code's title.
//!
//! ```
//! use std::time::Duration;
//! use errcodes_runtime::wire::{Json, google::GoogleBody};
//! use errcodes_runtime::{Code, GrpcCode, Occurrence};
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! let occurrence = Occurrence::new().retry_after_secs(45).member("platform", "ttd".into());
//! let body = GoogleBody::new(AcpError::RateLimitExceeded, &occurrence);
//! let bytes = body.encode().unwrap();
//! assert!(bytes.starts_with(br#"{"error":{"code":429,"message":"Rate limit exceeded","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"acp.errcodes.example","metadata":{"platform":"ttd"}}"#));
//!
//! let read = GoogleBody::<AcpError>::decode(&bytes).unwrap();
//! let error = read.error().unwrap();
//! assert_eq!(error.code(), Some(Code::Known(AcpError::RateLimitExceeded)));
//! assert_eq!(error.grpc_code(), Some(GrpcCode::ResourceExhausted));
//! assert_eq!(error.retry_delay(), Some(Duration::from_secs(45)));
//! assert_eq!(read.encode().unwrap(), bytes);
//! ```

use core::marker::PhantomData;
use std::time::Duration;

use errcodes_core::render::google::{
    CODE, DESCRIPTION, DETAILS, DOMAIN, ERROR, LINKS, LOCALE, MESSAGE, METADATA, REASON,
    REQUEST_ID, RETRY_DELAY, STATUS, TYPE, URL, body, parse_duration,
};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use super::contract::{SchemaParts, answers_by_itself};
use super::ordered::{Ordered, Seed, Text, repeated};
use super::{Json, Shape};
use crate::fields::Untyped;
use crate::{Action, Code, ErrorCode, GrpcCode, Occurrence};

pub use errcodes_core::render::google::types;

/// A Google error body.
#[derive(Clone, Debug, PartialEq)]
pub struct GoogleBody<E> {
    /// Whether the status is the `error` member (HTTP form) or the body
    /// itself (a gateway's bare form).
    bare: bool,
    error: Option<GoogleError<E>>,
    members: Vec<(Text, Ordered)>,
}

/// The status a body carries.
#[derive(Clone, Debug, PartialEq)]
pub struct GoogleError<E> {
    /// The HTTP status, or in the bare form the gRPC number.
    code: Option<i64>,
    bare: bool,
    message: Option<String>,
    status: Option<String>,
    details: Option<Vec<Ordered>>,
    members: Vec<(Text, Ordered)>,
    codes: PhantomData<fn() -> E>,
}

/// The `ErrorInfo` detail of an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorInfo<'a> {
    /// Why the error happened, unique within the domain.
    pub reason: &'a str,
    /// The service the reason belongs to.
    pub domain: &'a str,
    /// What varies between occurrences, in order; members that are not
    /// strings are left out, and a key given twice is there twice.
    pub metadata: Vec<(&'a str, &'a str)>,
}

impl<E: ErrorCode> GoogleBody<E> {
    /// The body of `code`, with what `occurrence` adds; see the module's
    /// documentation.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        let rendered = body(&code.facts(), &occurrence.values());
        serde_json::from_slice(&rendered).unwrap_or(GoogleBody {
            bare: false,
            error: None,
            members: Vec::new(),
        })
    }
}

impl<E> GoogleBody<E> {
    /// The error, when the body has one.
    #[must_use]
    pub fn error(&self) -> Option<&GoogleError<E>> {
        self.error.as_ref()
    }

    /// Whether the body is the status itself, as gateways send it, rather
    /// than `{"error": …}`.
    #[must_use]
    pub fn is_bare(&self) -> bool {
        self.bare
    }

    /// Another member of the body, as `serde_json` reads it.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<Value> {
        find(&self.members, name).map(Ordered::to_value)
    }

    /// The body in the bare form: the `google.rpc.Status` message itself in
    /// protobuf's JSON, with the gRPC number as `code` and no `status`, as
    /// gateways send it. `None` when the body has no error, an error
    /// without a canonical code, or members beside `error`, which the bare
    /// form has no room for.
    ///
    /// ```
    /// use errcodes_runtime::Occurrence;
    /// use errcodes_runtime::wire::{Json, google::GoogleBody};
    ///
    /// errcodes_runtime::errcodes!("../specs/acp.yaml");
    ///
    /// let body = GoogleBody::new(AcpError::SegmentNotFound, &Occurrence::new());
    /// let bare = body.to_bare().unwrap().encode().unwrap();
    /// assert!(bare.starts_with(br#"{"code":5,"message":"Segment ID not found or has expired","details":["#));
    /// ```
    #[must_use]
    pub fn to_bare(&self) -> Option<Self> {
        let error = self.error.as_ref()?;
        let number = error.grpc_code()?.number();
        if !self.members.is_empty() {
            return None;
        }
        Some(GoogleBody {
            bare: true,
            error: Some(GoogleError {
                code: Some(i64::from(number)),
                bare: true,
                message: error.message.clone(),
                status: None,
                details: error.details.clone(),
                members: error.members.clone(),
                codes: PhantomData,
            }),
            members: Vec::new(),
        })
    }
}

impl<E: ErrorCode> GoogleBody<E> {
    /// The error's code; `None` when the body names none.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        self.error.as_ref()?.code()
    }

    /// What a client should do after a response with HTTP status `status`
    /// that carries this body: see [`GoogleError::action_at`].
    #[must_use]
    pub fn action_at(&self, status: u16) -> Action {
        self.error
            .as_ref()
            .map_or(Action::for_status(status), |error| error.action_at(status))
    }

    /// The error's message.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.error.as_ref()?.message()
    }

    /// The error's `RetryInfo` delay.
    #[must_use]
    pub fn retry_delay(&self) -> Option<Duration> {
        self.error.as_ref()?.retry_delay()
    }

    /// The error's fields, as received: its `ErrorInfo`'s metadata.
    pub(crate) fn untyped_fields(&self) -> Untyped<'_> {
        match self.error.as_ref().and_then(GoogleError::error_info) {
            Some(info) => Untyped::Metadata(info.metadata),
            None => Untyped::None,
        }
    }

    /// None: a metadata key given twice stays twice among the metadata,
    /// where reading its field tells it.
    #[allow(clippy::unused_self)]
    pub(crate) fn repeated_fields(&self) -> &[Box<str>] {
        &[]
    }
}

impl<E: ErrorCode> GoogleError<E> {
    /// The code named by the `ErrorInfo`'s reason, when its domain is the
    /// catalog's `grpc-domain` (for a catalog without one, the reason is
    /// read as a code); `None` without an `ErrorInfo`.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        let (reason, domain) = self.reason()?;
        Some(Code::of_reason(reason, domain))
    }

    /// What a client should do after a response with HTTP status `status`
    /// that carries this error: the code's action; without a known code,
    /// `retry-after` when `RetryInfo` gives a delay, as the server asks,
    /// and else the action the status implies.
    #[must_use]
    pub fn action_at(&self, status: u16) -> Action {
        Code::action_with_delay(self.code().as_ref(), self.retry_delay().is_some(), status)
    }

    /// [`action_at`](Self::action_at) the error's own
    /// [`http_status`](Self::http_status), or 500 when it has none.
    #[must_use]
    pub fn action(&self) -> Action {
        self.action_at(self.http_status().unwrap_or(500))
    }
}

impl<E> GoogleError<E> {
    /// The HTTP status: `code`, or in the bare form the one `code.proto`
    /// gives the gRPC code. (The body's `status` member is the gRPC code's
    /// name: see [`grpc_code`](Self::grpc_code).)
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        if self.bare {
            return self.grpc_code().map(GrpcCode::http_status);
        }
        self.code.and_then(|code| u16::try_from(code).ok())
    }

    /// The canonical gRPC code: `status`, or in the bare form `code`.
    #[must_use]
    pub fn grpc_code(&self) -> Option<GrpcCode> {
        let named = self.status.as_deref().and_then(|name| name.parse().ok());
        let numbered = || {
            let number = i32::try_from(self.code?).ok()?;
            GrpcCode::from_number(number).filter(|_| self.bare)
        };
        named.or_else(numbered)
    }

    /// `message`.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The first `ErrorInfo` detail.
    #[must_use]
    pub fn error_info(&self) -> Option<ErrorInfo<'_>> {
        let (reason, domain) = self.reason()?;
        let metadata = match self.detail(types::ERROR_INFO)?.get(METADATA) {
            Some(Ordered::Object(members)) => members
                .iter()
                .filter_map(|(key, value)| Some((key.as_ref(), value.as_str()?)))
                .collect(),
            _ => Vec::new(),
        };
        Some(ErrorInfo {
            reason,
            domain,
            metadata,
        })
    }

    /// The first `ErrorInfo`'s reason and domain, without its metadata.
    fn reason(&self) -> Option<(&str, &str)> {
        let detail = self.detail(types::ERROR_INFO)?;
        let domain = detail.get(DOMAIN).and_then(Ordered::as_str);
        Some((detail.get(REASON)?.as_str()?, domain.unwrap_or("")))
    }

    /// The `RetryInfo` detail's delay.
    #[must_use]
    pub fn retry_delay(&self) -> Option<Duration> {
        let text = self.detail(types::RETRY_INFO)?.get(RETRY_DELAY)?.as_str()?;
        parse_duration(text)
    }

    /// The links of the `Help` detail: each one's description and URL.
    #[must_use]
    pub fn help_links(&self) -> Vec<(&str, &str)> {
        let Some(Ordered::Array(links)) = self.detail(types::HELP).and_then(|d| d.get(LINKS))
        else {
            return Vec::new();
        };
        links
            .iter()
            .filter_map(|link| {
                let url = link.get(URL)?.as_str()?;
                let description = link.get(DESCRIPTION).and_then(Ordered::as_str);
                Some((description.unwrap_or(""), url))
            })
            .collect()
    }

    /// The `RequestInfo` detail's request id.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.detail(types::REQUEST_INFO)?.get(REQUEST_ID)?.as_str()
    }

    /// The `LocalizedMessage` detail: its locale and message.
    #[must_use]
    pub fn localized_message(&self) -> Option<(&str, &str)> {
        let detail = self.detail(types::LOCALIZED_MESSAGE)?;
        Some((
            detail.get(LOCALE)?.as_str()?,
            detail.get(MESSAGE)?.as_str()?,
        ))
    }

    /// Every detail, as `serde_json` reads it.
    #[must_use]
    pub fn details(&self) -> Vec<Value> {
        self.details
            .iter()
            .flatten()
            .map(Ordered::to_value)
            .collect()
    }

    /// Another member of the error, as `serde_json` reads it.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<Value> {
        find(&self.members, name).map(Ordered::to_value)
    }

    /// The first detail of type `type_url`. Any host in the URL will do:
    /// `Any` only requires the path to name the type.
    fn detail(&self, type_url: &str) -> Option<&Ordered> {
        let wanted = type_name(type_url);
        self.details.iter().flatten().find(|detail| {
            detail
                .get(TYPE)
                .and_then(Ordered::as_str)
                .is_some_and(|url| type_name(url) == wanted)
        })
    }
}

/// The type's name in a type URL: what follows its last `/`. (A byte
/// search from the end: the name is short, and `rsplit`'s searcher costs
/// more to set up than the search.)
fn type_name(url: &str) -> &str {
    match url.bytes().rposition(|byte| byte == b'/') {
        Some(at) => &url[at + 1..],
        None => url,
    }
}

fn find<'a>(members: &'a [(Text, Ordered)], name: &str) -> Option<&'a Ordered> {
    members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

impl<E> GoogleError<E> {
    /// Reads a status from the members of an object; members of the wrong
    /// type are kept.
    fn read(members: Vec<(Text, Ordered)>, bare: bool) -> Self {
        let mut error = GoogleError {
            code: None,
            bare,
            message: None,
            status: None,
            details: None,
            members: Vec::new(),
            codes: PhantomData,
        };
        for (key, value) in members {
            let kept = match (key.as_ref(), value) {
                (CODE, Ordered::Number(n)) if n.as_i64().is_some() => {
                    error.code = n.as_i64();
                    None
                }
                (MESSAGE, Ordered::String(text)) => {
                    error.message = Some(text.into_owned());
                    None
                }
                (STATUS, Ordered::String(text)) => {
                    error.status = Some(text.into_owned());
                    None
                }
                (DETAILS, Ordered::Array(items)) => {
                    error.details = Some(items);
                    None
                }
                (_, value) => Some(value),
            };
            if let Some(value) = kept {
                error.members.push((key, value));
            }
        }
        error
    }
}

/// Whether `path`, as [`Seed`] notes it, is a key of an `ErrorInfo`'s
/// metadata in `body`, wrapped in `error` or not.
fn in_metadata(body: &Ordered, path: &[String]) -> bool {
    let forward: Vec<&str> = path.iter().rev().map(String::as_str).collect();
    let (status, rest) = match forward.as_slice() {
        [ERROR, rest @ ..] => (body.get(ERROR), rest),
        rest => (Some(body), rest),
    };
    let [DETAILS, index, METADATA, _key] = rest else {
        return false;
    };
    let detail = match (
        status.and_then(|status| status.get(DETAILS)),
        index.parse::<usize>(),
    ) {
        (Some(Ordered::Array(details)), Ok(at)) => details.get(at),
        _ => None,
    };
    detail
        .and_then(|detail| detail.get(TYPE))
        .and_then(Ordered::as_str)
        == Some(types::ERROR_INFO)
}

impl<'de, E> Deserialize<'de> for GoogleBody<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut found = Vec::new();
        let body = Seed(&mut found).deserialize(deserializer)?;
        // A metadata key given twice is a field given twice: told when the
        // field is read. Anywhere else, the body is refused.
        if let Some(path) = found.iter().find(|path| !in_metadata(&body, path)) {
            return Err(repeated(path));
        }
        let Ordered::Object(mut members) = body else {
            return Err(de::Error::custom(
                "expected a Google error body, as a JSON object",
            ));
        };
        let wrapped = members
            .iter()
            .position(|(key, value)| key == ERROR && matches!(value, Ordered::Object(_)));
        if let Some(at) = wrapped {
            let (_, Ordered::Object(error)) = members.remove(at) else {
                unreachable!("the position of an object")
            };
            return Ok(GoogleBody {
                bare: false,
                error: Some(GoogleError::read(error, false)),
                members,
            });
        }
        let is_status = members
            .iter()
            .any(|(key, _)| matches!(key.as_ref(), CODE | DETAILS));
        Ok(if is_status {
            GoogleBody {
                bare: true,
                error: Some(GoogleError::read(members, true)),
                members: Vec::new(),
            }
        } else {
            GoogleBody {
                bare: false,
                error: None,
                members,
            }
        })
    }
}

impl<E> Serialize for GoogleBody<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.bare
            && let Some(error) = &self.error
        {
            return error.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        if let Some(error) = &self.error {
            map.serialize_entry(ERROR, error)?;
        }
        for (key, value) in &self.members {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<E> Serialize for GoogleError<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(code) = self.code {
            map.serialize_entry(CODE, &code)?;
        }
        if let Some(message) = &self.message {
            map.serialize_entry(MESSAGE, message)?;
        }
        if let Some(status) = &self.status {
            map.serialize_entry(STATUS, status)?;
        }
        if let Some(details) = &self.details {
            map.serialize_entry(DETAILS, details)?;
        }
        for (key, value) in &self.members {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<E> Json for GoogleBody<E> {}

answers_by_itself!(GoogleBody with retry_delay);

/// The schema of a Google error body.
pub(crate) fn schema(parts: &SchemaParts<'_>) -> Value {
    let reasons = SchemaParts::open_enum(parts.values);
    json!({
        "type": "object",
        "description": Shape::Google.description(),
        "properties": {
            ERROR: {
                "type": "object",
                "properties": {
                    CODE: {"type": "integer", "description": "The HTTP status."},
                    MESSAGE: {"type": "string"},
                    STATUS: SchemaParts::open_enum(GrpcCode::SPELLINGS),
                    DETAILS: {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                TYPE: {"type": "string"},
                                REASON: reasons,
                                DOMAIN: {"type": "string"},
                                METADATA: {"type": "object", "additionalProperties": {"type": "string"}},
                            },
                            "required": [TYPE],
                        },
                        // Every error has its ErrorInfo (AIP-193).
                        "contains": {
                            "type": "object",
                            "properties": {TYPE: {"const": types::ERROR_INFO}},
                            "required": [TYPE, REASON, DOMAIN],
                        },
                    },
                },
                "required": [CODE, MESSAGE, DETAILS],
            },
        },
        "required": [ERROR],
    })
}

#[cfg(test)]
mod tests {
    use super::type_name;

    #[test]
    fn a_type_s_name_is_what_follows_the_last_slash() {
        assert_eq!(type_name(super::types::ERROR_INFO), "google.rpc.ErrorInfo");
        assert_eq!(
            type_name("example.com/x/google.rpc.Help"),
            "google.rpc.Help"
        );
        assert_eq!(type_name("google.rpc.Help"), "google.rpc.Help");
        assert_eq!(type_name("a/"), "");
        assert_eq!(type_name("é/ü"), "ü");
    }
}
