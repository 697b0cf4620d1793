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
//! use errcodes_runtime::wire::{Code, Json, Occurrence, google::GoogleBody};
//! use errcodes_runtime::GrpcCode;
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
use std::borrow::Cow;
use std::collections::HashSet;
use std::time::Duration;

use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use super::formats::{Answers, ShapeFacts, answers_by_itself};
use super::ordered::Ordered;
use super::{Code, CodeFacts, EncodeError, Json, Occurrence, Rendered, SchemaParts, Shape};
use crate::{Action, ErrorCode, GrpcCode};

/// The type URLs of the standard details, as `Any` names them.
pub mod types {
    /// `google.rpc.ErrorInfo`: the reason, its domain, and metadata.
    pub const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
    /// `google.rpc.RetryInfo`: how long to wait.
    pub const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
    /// `google.rpc.Help`: links to read.
    pub const HELP: &str = "type.googleapis.com/google.rpc.Help";
    /// `google.rpc.RequestInfo`: the id of the request, to quote to support.
    pub const REQUEST_INFO: &str = "type.googleapis.com/google.rpc.RequestInfo";
    /// `google.rpc.LocalizedMessage`: a message in a given locale.
    pub const LOCALIZED_MESSAGE: &str = "type.googleapis.com/google.rpc.LocalizedMessage";
}

/// A Google error body.
#[derive(Clone, Debug, PartialEq)]
pub struct GoogleBody<E> {
    /// Whether the status is the `error` member (HTTP form) or the body
    /// itself (a gateway's bare form).
    bare: bool,
    error: Option<GoogleError<E>>,
    members: Vec<(String, Ordered)>,
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
    members: Vec<(String, Ordered)>,
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
    /// strings are left out.
    pub metadata: Vec<(&'a str, &'a str)>,
}

impl<E: ErrorCode> GoogleBody<E> {
    /// The body of `code`, with what `occurrence` adds; see the module's
    /// documentation.
    #[must_use]
    pub fn new(code: E, occurrence: &Occurrence) -> Self {
        build(&CodeFacts::of(code), occurrence)
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
    /// use errcodes_runtime::wire::{Json, Occurrence, google::GoogleBody};
    ///
    /// errcodes_runtime::errcodes!("../specs/acp.yaml");
    ///
    /// let body = GoogleBody::new(AcpError::SegmentNotFound, &Occurrence::new());
    /// let bare = body.to_bare().unwrap().encode().unwrap();
    /// assert!(bare.starts_with(br#"{"code":5,"message":"Segment not found","details":["#));
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
}

impl<E: ErrorCode> GoogleError<E> {
    /// The code named by the `ErrorInfo`'s reason, when its domain is the
    /// catalog's `grpc-domain` (for a catalog without one, the reason is
    /// read as a code); `None` without an `ErrorInfo`.
    #[must_use]
    pub fn code(&self) -> Option<Code<E>> {
        let info = self.error_info()?;
        Some(Code::of_reason(info.reason, info.domain))
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
    /// [`status`](Self::status), or 500 when it has none.
    #[must_use]
    pub fn action(&self) -> Action {
        self.action_at(self.status().unwrap_or(500))
    }
}

impl<E> GoogleError<E> {
    /// The HTTP status: `code`, or in the bare form the one `code.proto`
    /// gives the gRPC code.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
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
        let detail = self.detail(types::ERROR_INFO)?;
        let metadata = match detail.get("metadata") {
            Some(Ordered::Object(members)) => members
                .iter()
                .filter_map(|(key, value)| Some((key.as_str(), value.as_str()?)))
                .collect(),
            _ => Vec::new(),
        };
        Some(ErrorInfo {
            reason: detail.get("reason")?.as_str()?,
            domain: detail.get("domain").and_then(Ordered::as_str).unwrap_or(""),
            metadata,
        })
    }

    /// The `RetryInfo` detail's delay.
    #[must_use]
    pub fn retry_delay(&self) -> Option<Duration> {
        let text = self
            .detail(types::RETRY_INFO)?
            .get("retryDelay")?
            .as_str()?;
        parse_duration(text)
    }

    /// The links of the `Help` detail: each one's description and URL.
    #[must_use]
    pub fn help_links(&self) -> Vec<(&str, &str)> {
        let Some(Ordered::Array(links)) = self.detail(types::HELP).and_then(|d| d.get("links"))
        else {
            return Vec::new();
        };
        links
            .iter()
            .filter_map(|link| {
                let url = link.get("url")?.as_str()?;
                let description = link.get("description").and_then(Ordered::as_str);
                Some((description.unwrap_or(""), url))
            })
            .collect()
    }

    /// The `RequestInfo` detail's request id.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.detail(types::REQUEST_INFO)?.get("requestId")?.as_str()
    }

    /// The `LocalizedMessage` detail: its locale and message.
    #[must_use]
    pub fn localized_message(&self) -> Option<(&str, &str)> {
        let detail = self.detail(types::LOCALIZED_MESSAGE)?;
        Some((
            detail.get("locale")?.as_str()?,
            detail.get("message")?.as_str()?,
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
                .get("@type")
                .and_then(Ordered::as_str)
                .is_some_and(|url| type_name(url) == wanted)
        })
    }
}

/// The type's name in a type URL: what follows its last `/`.
fn type_name(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

fn find<'a>(members: &'a [(String, Ordered)], name: &str) -> Option<&'a Ordered> {
    members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

impl<E> GoogleError<E> {
    /// Reads a status from the members of an object; members of the wrong
    /// type are kept.
    fn read(members: Vec<(String, Ordered)>, bare: bool) -> Self {
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
            let kept = match (key.as_str(), value) {
                ("code", Ordered::Number(n)) if n.as_i64().is_some() => {
                    error.code = n.as_i64();
                    None
                }
                ("message", Ordered::String(text)) => {
                    error.message = Some(text);
                    None
                }
                ("status", Ordered::String(text)) => {
                    error.status = Some(text);
                    None
                }
                ("details", Ordered::Array(items)) => {
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

impl<'de, E> Deserialize<'de> for GoogleBody<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Ordered::Object(mut members) = Ordered::deserialize(deserializer)? else {
            return Err(de::Error::custom(
                "expected a Google error body, as a JSON object",
            ));
        };
        let wrapped = members
            .iter()
            .position(|(key, value)| key == "error" && matches!(value, Ordered::Object(_)));
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
            .any(|(key, _)| matches!(key.as_str(), "code" | "details"));
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
            map.serialize_entry("error", error)?;
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
            map.serialize_entry("code", &code)?;
        }
        if let Some(message) = &self.message {
            map.serialize_entry("message", message)?;
        }
        if let Some(status) = &self.status {
            map.serialize_entry("status", status)?;
        }
        if let Some(details) = &self.details {
            map.serialize_entry("details", details)?;
        }
        for (key, value) in &self.members {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<E> Json for GoogleBody<E> {}

answers_by_itself!(GoogleBody with retry_delay);

/// What errcodes knows of Google error bodies.
pub(crate) const SHAPE: ShapeFacts = ShapeFacts {
    name: "GoogleBody",
    content_type: "application/json",
    description: "A Google API error (AIP-193): a `google.rpc.Status` whose `ErrorInfo` detail names the code by its reason.",
    code_path: |_| &["error", "details", "reason"],
    schema,
};

fn schema(parts: &SchemaParts<'_>) -> Value {
    let reasons = SchemaParts::open_enum(parts.values);
    json!({
        "type": "object",
        "description": SHAPE.description,
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "code": {"type": "integer", "description": "The HTTP status."},
                    "message": {"type": "string"},
                    "status": SchemaParts::open_enum(GrpcCode::SPELLINGS),
                    "details": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "@type": {"type": "string"},
                                "reason": reasons,
                                "domain": {"type": "string"},
                                "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                            },
                            "required": ["@type"],
                        },
                        // Every error has its ErrorInfo (AIP-193).
                        "contains": {
                            "type": "object",
                            "properties": {"@type": {"const": types::ERROR_INFO}},
                            "required": ["@type", "reason", "domain"],
                        },
                    },
                },
                "required": ["code", "message", "details"],
            },
        },
        "required": ["error"],
    })
}

pub(crate) fn render(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
) -> Result<Rendered, EncodeError> {
    let body: GoogleBody<()> = build(facts, occurrence);
    let status = occurrence.status.unwrap_or(facts.status);
    Rendered::json(Shape::Google, status, &body, facts, occurrence)
}

/// What a Google status says of a code, whether it travels over HTTP or
/// gRPC, so that the two cannot disagree.
pub(crate) struct StatusParts<'a> {
    pub(crate) code: GrpcCode,
    pub(crate) message: &'a str,
    pub(crate) reason: &'a str,
    pub(crate) domain: &'a str,
    pub(crate) metadata: Vec<(String, String)>,
    pub(crate) retry_delay: Option<Duration>,
    /// The help link's description and URL.
    pub(crate) help: Option<(&'a str, Cow<'a, str>)>,
    pub(crate) request_id: Option<&'a str>,
}

impl<'a> StatusParts<'a> {
    /// The parts of `facts` with `occurrence`. A catalog without
    /// `grpc-domain` (whose code is sent this way only when a format is
    /// chosen at run time) gives the code as reason, no domain, and the
    /// gRPC code nearest its status.
    pub(crate) fn of(facts: &CodeFacts<'a>, occurrence: &'a Occurrence) -> Self {
        let status = occurrence.status.unwrap_or(facts.status);
        let (code, reason, domain) = match facts.grpc {
            Some(grpc) => (grpc.code, grpc.reason, grpc.domain),
            None => (GrpcCode::nearest(status), facts.code, ""),
        };
        let help = occurrence
            .help_url
            .as_deref()
            .map(Cow::Borrowed)
            .or_else(|| facts.help_url());
        StatusParts {
            code,
            message: occurrence
                .detail
                .as_deref()
                .or(occurrence.message.as_deref())
                .unwrap_or(facts.title),
            reason,
            domain,
            metadata: metadata(occurrence),
            retry_delay: occurrence.delay_for(facts.action),
            help: help.map(|url| (facts.title, url)),
            request_id: occurrence.trace.as_deref(),
        }
    }
}

/// The body of `facts` with `occurrence`.
fn build<E>(facts: &CodeFacts<'_>, occurrence: &Occurrence) -> GoogleBody<E> {
    let parts = StatusParts::of(facts, occurrence);
    let text = |text: &str| Ordered::String(text.to_owned());
    let object = |members: Vec<(&str, Ordered)>| {
        Ordered::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    };
    let metadata = parts
        .metadata
        .iter()
        .map(|(key, value)| (key.as_str(), text(value)))
        .collect();
    let mut info = vec![
        ("@type", text(types::ERROR_INFO)),
        ("reason", text(parts.reason)),
        ("domain", text(parts.domain)),
    ];
    // Protobuf's JSON leaves an empty map out.
    if !parts.metadata.is_empty() {
        info.push(("metadata", object(metadata)));
    }
    let mut details = vec![object(info)];
    if let Some(delay) = parts.retry_delay {
        details.push(object(vec![
            ("@type", text(types::RETRY_INFO)),
            ("retryDelay", Ordered::String(format_duration(delay))),
        ]));
    }
    if let Some((description, url)) = &parts.help {
        let link = object(vec![("description", text(description)), ("url", text(url))]);
        details.push(object(vec![
            ("@type", text(types::HELP)),
            ("links", Ordered::Array(vec![link])),
        ]));
    }
    if let Some(id) = parts.request_id {
        details.push(object(vec![
            ("@type", text(types::REQUEST_INFO)),
            ("requestId", text(id)),
        ]));
    }
    GoogleBody {
        bare: false,
        error: Some(GoogleError {
            code: Some(i64::from(occurrence.status.unwrap_or(facts.status))),
            bare: false,
            message: Some(parts.message.to_owned()),
            status: Some(parts.code.as_str().to_owned()),
            details: Some(details),
            members: Vec::new(),
            codes: PhantomData,
        }),
        members: Vec::new(),
    }
}

/// The longest metadata key AIP-193 allows.
const MAX_KEY: usize = 64;

/// The occurrence's members as `ErrorInfo` metadata: strings as they are,
/// other values as JSON text. Keys follow AIP-193's rule,
/// `[a-z][a-zA-Z0-9-_]+` and at most 64 characters; a key that does not is
/// written in lowerCamelCase from its ASCII letters and digits (`X-Request-Id`
/// becomes `xRequestId`), after `key` if it would not start with a letter
/// or would be shorter than two characters, and numbered when that makes
/// it another member's key.
pub(crate) fn metadata(occurrence: &Occurrence) -> Vec<(String, String)> {
    let members = &occurrence.members;
    // Keys that follow the rule keep it; the others make room.
    let mut taken: HashSet<String> = members
        .keys()
        .filter(|key| metadata_key(key) == **key)
        .cloned()
        .collect();
    let mut pairs: Vec<(String, String)> = Vec::with_capacity(members.len());
    for (key, value) in members {
        let value = match value {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let base = metadata_key(key);
        if base == *key {
            pairs.push((base, value));
            continue;
        }
        let mut key = base.clone();
        let mut n = 2;
        while taken.contains(&key) {
            let suffix = n.to_string();
            key = format!(
                "{}{suffix}",
                &base[..base.len().min(MAX_KEY - suffix.len())]
            );
            n += 1;
        }
        taken.insert(key.clone());
        pairs.push((key, value));
    }
    pairs
}

/// `key`, following the metadata key rule.
pub(crate) fn metadata_key(key: &str) -> String {
    let follows = key.len() >= 2
        && key.len() <= MAX_KEY
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if follows {
        return key.to_owned();
    }
    let mut camel = String::with_capacity(key.len());
    for word in key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if camel.is_empty() {
                camel.push(first.to_ascii_lowercase());
            } else {
                camel.push(first.to_ascii_uppercase());
            }
            camel.extend(chars);
        }
    }
    if camel.len() < 2 || !camel.starts_with(|c: char| c.is_ascii_lowercase()) {
        let mut chars = camel.chars();
        let rest: String = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(chars)
            .collect();
        camel = format!("key{rest}");
    }
    camel.truncate(MAX_KEY);
    camel
}

/// A duration as protobuf's JSON writes it: seconds, with 3, 6 or 9
/// fractional digits when it has a fraction, then `s`.
pub(crate) fn format_duration(delay: Duration) -> String {
    let (secs, nanos) = (delay.as_secs(), delay.subsec_nanos());
    match nanos {
        0 => format!("{secs}s"),
        n if n % 1_000_000 == 0 => format!("{secs}.{:03}s", n / 1_000_000),
        n if n % 1_000 == 0 => format!("{secs}.{:06}s", n / 1_000),
        n => format!("{secs}.{n:09}s"),
    }
}

/// A duration in protobuf's JSON form; `None` for a negative or malformed
/// one.
pub(crate) fn parse_duration(text: &str) -> Option<Duration> {
    let number = text.strip_suffix('s')?;
    let (secs, fraction) = match number.split_once('.') {
        // A dot needs digits after it.
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (number, ""),
    };
    if secs.is_empty() || !secs.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let nanos = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<9}").parse().ok()?
    };
    Some(Duration::new(secs.parse().ok()?, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_back_as_written() {
        for (delay, text) in [
            (Duration::from_secs(30), "30s"),
            (Duration::from_millis(1500), "1.500s"),
            (Duration::from_micros(2), "0.000002s"),
            (Duration::from_nanos(1), "0.000000001s"),
        ] {
            assert_eq!(format_duration(delay), text);
            assert_eq!(parse_duration(text), Some(delay));
        }
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        for bad in [
            "",
            "s",
            "-1s",
            "1",
            "1.s",
            "1.s5",
            "1.0000000001s",
            "+1s",
            "1e3s",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn metadata_keys_follow_the_rule() {
        for (key, expected) in [
            ("zone", "zone"),
            ("vm_type", "vm_type"),
            ("X-Request-Id", "xRequestId"),
            ("retry after", "retryAfter"),
            ("123", "key123"),
            ("x", "keyX"),
            ("", "key"),
            ("é", "key"),
        ] {
            assert_eq!(metadata_key(key), expected, "{key}");
        }
        assert_eq!(metadata_key(&"a".repeat(100)).len(), 64);
        let occurrence = Occurrence::new()
            .member("user id", "1".into())
            .member("userId", 2.into());
        assert_eq!(
            metadata(&occurrence),
            [
                ("userId2".to_owned(), "1".to_owned()),
                ("userId".to_owned(), "2".to_owned())
            ]
        );
    }
}
