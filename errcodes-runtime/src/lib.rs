//! Typed error codes, generated at compile time from YAML catalogs.
//!
//! An API's error catalog (codes, HTTP statuses, titles, recommended client
//! actions) is written once in YAML. [`errcodes!`] reads it while the crate
//! compiles and turns it into an enum that implements [`ErrorCode`], so code
//! branches on typed codes instead of on message text, and the catalog cannot
//! drift from the code that handles it. A catalog in your crate:
//!
//! ```yaml
//! # specs/shop.yaml
//! name: ShopError
//! codes:
//!   - code: OUT_OF_STOCK
//!     status: 409
//!     title: Out of stock
//!   - code: RATE_LIMITED
//!     status: 429
//!     title: Rate limited
//!     action: retry-after
//! ```
//!
//! becomes an enum:
//!
//! ```
//! use errcodes_runtime::{Action, ErrorCode};
//!
//! # /*
//! errcodes_runtime::errcodes!("specs/shop.yaml"); // relative to your Cargo.toml
//! # */
//! # errcodes_runtime::errcodes!("../tests/fixtures/shop.yaml");
//!
//! let code: ShopError = "RATE_LIMITED".parse().unwrap();
//! assert_eq!(code, ShopError::RateLimited);
//! assert_eq!(code.http_status(), 429);
//! assert_eq!(code.action(), Action::RetryAfter);
//! assert!(code.is_retryable());
//! assert_eq!(code.to_string(), "RATE_LIMITED Rate limited");
//! ```
//!
//! On a server (features `axum`, and `tracing` for the logs), a handler
//! returns a code, or a `Failure` that keeps the cause for the logs and
//! never sends it:
//!
//! ```ignore
//! use errcodes_runtime::{Failure, OrCode};
//!
//! async fn reserve(Path(sku): Path<String>) -> Result<String, Failure<ShopError>> {
//!     let stock = db.stock(&sku).await.or_code(ShopError::RateLimited)?; // the db error: logged, not sent
//!     let left = stock.filter(|n| *n > 0).or_code(ShopError::OutOfStock)?; // 409, {"type": …, "code": "OUT_OF_STOCK"}
//!     Ok(format!("{left} left"))
//! }
//! ```
//!
//! On a client (feature `reqwest`), any error response reads the same way,
//! whatever its format, and says whether and when to retry:
//!
//! ```ignore
//! let response = client.post(url).send().await?;
//! if !response.status().is_success() {
//!     let error = errcodes_runtime::reqwest::read::<ShopError>(response).await?;
//!     match error.advice(SystemTime::now()) {
//!         Advice::RetryAfter(delay) => tokio::time::sleep(delay).await,
//!         Advice::Backoff => { /* back off */ }
//!         Advice::Stop(action) => return Err(action.into()),
//!     }
//! }
//! ```
//!
//! The YAML format is described in `specs/FORMAT.md` in the repository.
//!
//! # Cargo features
//!
//! The published documentation is built with every feature and marks each
//! item with the feature it needs.
//!
//! - `serde` (default): generated enums serialize and deserialize as their
//!   code strings; [`Action`] and the other vocabularies as their spellings.
// Each gated feature's line twice: with links when the feature is on, and
// plain when it is off, so that documentation built with any set of
// features has no broken link.
#![cfg_attr(
    feature = "occurrence",
    doc = "- `occurrence`: [`Occurrence`], what one occurrence of an error carries\n  ([`context`]), and [`Failure`], a code raised inside a service with its\n  cause ([`failure`]). The `json` and `tonic` features turn it on."
)]
#![cfg_attr(
    not(feature = "occurrence"),
    doc = "- `occurrence`: `Occurrence`, what one occurrence of an error carries\n  (`context`), and `Failure`, a code raised inside a service with its\n  cause (`failure`). The `json` and `tonic` features turn it on."
)]
#![cfg_attr(
    feature = "json",
    doc = "- `json`: [`wire`], rendering and decoding the error payloads of problem\n  details, Edge Network, ACP, Adobe Pass, the Experience Platform\n  gateway and Google APIs (AIP-193), and [`wire::ErrorResponse`], which\n  reads any of them."
)]
#![cfg_attr(
    not(feature = "json"),
    doc = "- `json`: `wire`, rendering and decoding the error payloads of problem\n  details, Edge Network, ACP, Adobe Pass, the Experience Platform\n  gateway and Google APIs (AIP-193), and `wire::ErrorResponse`, which\n  reads any of them."
)]
#![doc = "- `xml`: Adobe Pass errors in XML too."]
#![cfg_attr(
    feature = "retry",
    doc = "- `retry`: [`retry`], what to do after an error, with `Retry-After`\n  parsing and backoff, and [`Received`], what a client asks of any error\n  it received."
)]
#![cfg_attr(
    not(feature = "retry"),
    doc = "- `retry`: `retry`, what to do after an error, with `Retry-After`\n  parsing and backoff, and `Received`, what a client asks of any error\n  it received."
)]
#![cfg_attr(
    feature = "http",
    doc = "- `http`: [`http`](mod@http), status codes and headers of the `http` crate."
)]
#![cfg_attr(
    not(feature = "http"),
    doc = "- `http`: `http`, status codes and headers of the `http` crate."
)]
#![cfg_attr(
    feature = "axum",
    doc = "- `axum`: generated enums, and [`axum::Reply`], as axum responses."
)]
#![cfg_attr(
    not(feature = "axum"),
    doc = "- `axum`: generated enums, and `axum::Reply`, as axum responses."
)]
#![cfg_attr(
    feature = "reqwest",
    doc = "- `reqwest`: [`reqwest::read`], an error response read from reqwest\n  within a size limit."
)]
#![cfg_attr(
    not(feature = "reqwest"),
    doc = "- `reqwest`: `reqwest::read`, an error response read from reqwest\n  within a size limit."
)]
#![cfg_attr(
    feature = "tracing",
    doc = "- `tracing`: each `Failure` that becomes a response is logged once,\n  with its cause chain and trace id, as a `tracing` event ([`logs`])."
)]
#![cfg_attr(
    not(feature = "tracing"),
    doc = "- `tracing`: each `Failure` that becomes a response is logged once,\n  with its cause chain and trace id, as a `tracing` event (`logs`)."
)]
#![cfg_attr(
    feature = "tonic",
    doc = "- `tonic`: [`grpc`], codes and failures as `tonic::Status`es in Google's\n  error model, and received statuses read like HTTP error responses."
)]
#![cfg_attr(
    not(feature = "tonic"),
    doc = "- `tonic`: `grpc`, codes and failures as `tonic::Status`es in Google's\n  error model, and received statuses read like HTTP error responses."
)]
#![cfg_attr(
    feature = "locales",
    doc = "- `locales`: a catalog's texts in the languages of its `locales:`\n  ([`ErrorCode::title_in`], [`Catalog::language`]), answers in the\n  request's language, and `Accept-Language` read as RFC 4647 says\n  ([`languages`]). A catalog with `locales` needs it."
)]
#![cfg_attr(
    not(feature = "locales"),
    doc = "- `locales`: a catalog's texts in the languages of its `locales:`\n  (`ErrorCode::title_in`, `Catalog::language`), answers in the\n  request's language, and `Accept-Language` read as RFC 4647 says\n  (`languages`). A catalog with `locales` needs it."
)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "occurrence")]
pub mod backtraces;
#[cfg(any(feature = "axum", feature = "tonic"))]
mod boundary;
mod catalog;
#[cfg(feature = "occurrence")]
pub mod context;
mod error_code;
#[cfg(feature = "occurrence")]
pub mod failure;
#[cfg(feature = "occurrence")]
pub mod fields;
#[cfg(feature = "tonic")]
pub mod grpc;
#[cfg(feature = "http")]
pub mod http;
#[cfg(feature = "locales")]
pub mod languages;
#[cfg(feature = "tracing")]
pub mod logs;
#[cfg(feature = "retry")]
mod received;
#[cfg(feature = "reqwest")]
pub mod reqwest;
#[cfg(feature = "retry")]
pub mod retry;
#[cfg(feature = "occurrence")]
mod trace;
#[cfg(feature = "locales")]
mod translated;
mod unknown;
#[cfg(feature = "json")]
pub mod wire;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private_0_1;

pub use crate::catalog::{Catalog, Domain, Translation};
#[cfg(feature = "occurrence")]
pub use crate::context::Occurrence;
pub use crate::error_code::ErrorCode;
#[cfg(feature = "occurrence")]
pub use crate::failure::{Failure, OrCode};
#[cfg(feature = "occurrence")]
pub use crate::fields::{FieldError, Fields};
#[cfg(feature = "retry")]
pub use crate::received::{Code, Received};
pub use crate::unknown::UnknownCode;
pub use errcodes_core::{
    Action, BadTimestamp, Condition, GrpcCode, Guidance, Origin, Outcome, ProblemCode, Resend,
    Severity, Shape, Timestamp, UnknownWord, WireFormat,
};

/// Generates an error-code enum from a YAML catalog.
///
/// The argument is the path of the catalog, relative to the directory of the
/// invoking crate's `Cargo.toml`. The macro expands to a `pub enum` named by
/// the catalog's `name:` key, with one variant per code, each documented from
/// the catalog, and implementations of [`ErrorCode`], `Display` (the code and
/// the title), `FromStr` (from the code), `Debug` (the variant name), `Error`
/// and, with the `serde` feature, `Serialize` and `Deserialize` (the code).
///
/// Mistakes in the catalog are compile errors that name the file, line and
/// column of the entry at fault. Editing the catalog recompiles the crate.
///
/// ```
/// errcodes_runtime::errcodes!("../specs/privacy.yaml");
///
/// use errcodes_runtime::{ErrorCode, Outcome};
///
/// let code = PrivacyError::from_code("6054-200").unwrap();
/// assert_eq!(code, PrivacyError::PartiallyCompleted);
/// assert_eq!(code.outcome(), Outcome::Partial);
/// ```
pub use errcodes_macros::errcodes;
