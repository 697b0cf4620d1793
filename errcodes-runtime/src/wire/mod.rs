//! Error payloads as the APIs send them: rendered from typed codes, and
//! decoded back into typed codes, losing nothing.
//!
//! | format | module | media type |
//! |---|---|---|
//! | problem details, RFC 9457 | [`problem`] | `application/problem+json` |
//! | Edge Network's 207 Multi-Status body | [`edge`] | `application/json` |
//! | Ad Context Protocol's envelope | [`acp`] | `application/json` |
//! | Adobe Pass's error object and item-level errors | [`pass`] | `application/json`, `application/xml` |
//! | Experience Platform's gateway errors | [`gateway`] | `application/json` |
//! | Google API errors (AIP-193) | [`google`] | `application/json` |
//!
//! Each module owns its format's body: how it decodes, what it answers and
//! its schema. How each format renders a code, and the names of its
//! members, live in `errcodes_core::render`, where the macro reaches them
//! too; [`render`] is that renderer. A client reads any of them with
//! [`ErrorResponse`], which picks the decoder from the catalog's wire
//! format, the status and the content type, and answers the same questions
//! ([`Received`](crate::Received)) whatever the format: the code, the
//! action, the message, and whether and when to retry.
//!
//! Every JSON body type decodes and encodes through the [`Json`] trait and
//! implements `Serialize` and `Deserialize`, so it also works with
//! `serde_json`, `axum::Json` or an HTTP client's `.json()`. Decoding keeps
//! everything: a code the catalog does not know stays a [`Code::Unknown`](crate::Code::Unknown)
//! with its text, and members that are not modelled, or that have the wrong
//! JSON type, stay as they were and are written back. Numbers are read
//! exactly, except integers beyond 64 bits, which `serde_json` reads as
//! floating point. Bodies larger than [`Limits::max_bytes`], JSON nested
//! deeper than 128 levels, and objects that give a member name twice (in
//! JSON at any depth, or a field element twice in XML) are refused with a
//! [`DecodeError`]: readers would disagree on which one counts. A
//! byte-order mark before JSON is skipped.
//!
//! A member that an [`Occurrence`](crate::Occurrence) adds under the name of one of the
//! format's own members (`status`, `title`, …) never overrides it: the
//! format's own value is written, once.
//!
//! ```
//! use errcodes_runtime::{Code, Occurrence};
//! use errcodes_runtime::wire::{Json, acp::Envelope};
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! // A server renders a typed code with what it knows of this occurrence.
//! let sent = Envelope::new(AcpError::RateLimitExceeded, &Occurrence::new().retry_after_secs(45));
//! let body = sent.encode().unwrap();
//!
//! // A client decodes it back.
//! let received = Envelope::<AcpError>::decode(&body).unwrap();
//! let error = received.error().unwrap();
//! assert_eq!(error.code(), Some(Code::Known(AcpError::RateLimitExceeded)));
//! assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(45)));
//! ```

pub mod acp;
mod charset;
mod contract;
pub mod edge;
mod error;
mod formats;
pub mod gateway;
pub mod google;
mod json;
pub(crate) mod kept;
mod ordered;
pub mod pass;
#[cfg(feature = "xml")]
mod pass_xml;
pub mod problem;
mod render;
mod response;

pub use errcodes_core::facts::{CodeFacts, GrpcFacts};
pub use errcodes_core::render::{DEFAULT_RETRY_AFTER, Rendered};
pub use errcodes_core::status::reason_phrase;
pub use serde_json::{Map, Value};

pub use self::contract::SchemaParts;
pub use self::error::{DecodeError, DecodeErrorKind, EncodeError, Limits};
pub use self::formats::{Payload, describe, schema};
pub use self::json::{Item, Json};
pub(crate) use self::render::prepared;
pub use self::render::{render, render_facts};
pub use self::response::{ErrorResponse, Headers, Unread};
pub use crate::Shape;
