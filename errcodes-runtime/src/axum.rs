//! Returning errors from axum handlers. With this feature every generated
//! enum is a response by itself, written in its catalog's wire format;
//! [`Reply`] adds what is known about the occurrence, or another format.
//!
//! ```
//! use axum_core::response::IntoResponse;
//! use errcodes_runtime::Occurrence;
//! use errcodes_runtime::axum::Reply;
//!
//! errcodes_runtime::errcodes!("../specs/pass.yaml");
//!
//! // In a handler: `Err(PassError::AuthorizationNotFound)?`, or:
//! fn throttled() -> Reply<PassError> {
//!     Reply::with(PassError::TooManyRequests, Occurrence::new().retry_after_secs(30))
//! }
//!
//! let response = throttled().into_response();
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(PassError::AuthorizationNotFound.into_response().status(), 404);
//! ```

use axum_core::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};

use crate::wire::render;
use crate::{ErrorCode, Failure, Occurrence, WireFormat};

mod boundary;
mod json;

pub use crate::Condition;
pub use crate::boundary::Boundary;
pub use crate::trace::trace_id_of;
pub use boundary::{BoundaryLayer, BoundaryService};
pub use json::{Json, JsonRejection};

/// Marks a response written in a catalog's format, which a [`Boundary`]
/// passes on as it is.
#[derive(Clone, Copy, Debug)]
struct Answered;

/// A code with what is known about its occurrence, as an axum response.
#[derive(Clone, Debug)]
pub struct Reply<E> {
    code: E,
    occurrence: Occurrence,
    format: WireFormat,
}

impl<E: ErrorCode> Reply<E> {
    /// The code alone, in its wire format.
    #[must_use]
    pub fn new(code: E) -> Self {
        Self::with(code, Occurrence::new())
    }

    /// The code with its occurrence, in its wire format.
    #[must_use]
    pub fn with(code: E, occurrence: Occurrence) -> Self {
        Reply {
            format: code.wire_format(),
            code,
            occurrence,
        }
    }

    /// Writes the reply in `format` instead.
    #[must_use]
    pub fn format(mut self, format: WireFormat) -> Self {
        self.format = format;
        self
    }
}

impl<E: ErrorCode> From<E> for Reply<E> {
    fn from(code: E) -> Self {
        Reply::new(code)
    }
}

impl<E: ErrorCode> IntoResponse for Reply<E> {
    fn into_response(mut self) -> Response {
        // Inside a boundary, even a bare code carries the request's trace id.
        if self.occurrence.trace.is_none() {
            self.occurrence.trace = crate::trace::current();
        }
        #[cfg(feature = "locales")]
        let localized = crate::translated::localize(self.code, &mut self.occurrence);
        #[cfg(feature = "locales")]
        let rendered = match localized.as_ref().and_then(|localized| localized.title) {
            // The prepared body has the catalog's title.
            Some(title) => {
                let mut facts = self.code.facts();
                facts.title = title;
                crate::wire::render_facts(&facts, &self.occurrence, self.format)
            }
            None => render(self.code, &self.occurrence, self.format),
        };
        #[cfg(not(feature = "locales"))]
        let rendered = render(self.code, &self.occurrence, self.format);
        let retry_after = rendered.retry_after_secs();
        let mut response = rendered.body.into_response();
        *response.status_mut() =
            StatusCode::from_u16(rendered.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(rendered.content_type),
        );
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        // A catalog with translations answers in the language it chose,
        // and says that the answer depends on `Accept-Language`.
        #[cfg(feature = "locales")]
        if let Some(language) =
            localized.and_then(|localized| HeaderValue::from_str(localized.language).ok())
        {
            headers.insert(header::CONTENT_LANGUAGE, language);
            headers.append(header::VARY, HeaderValue::from_static("accept-language"));
        }
        response.extensions_mut().insert(Answered);
        response
    }
}

/// The failure's code and occurrence, as its [`Reply`]; the cause is
/// logged (with the `tracing` feature) and never written. See
/// [`Failure::into_public`].
impl<E: ErrorCode> IntoResponse for Failure<E> {
    fn into_response(self) -> Response {
        let (code, occurrence) = self.into_public();
        Reply::with(code, occurrence).into_response()
    }
}
