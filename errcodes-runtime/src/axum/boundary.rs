//! The service boundary: every answer a service sends comes from its
//! catalog, including the ones no handler writes. axum answers malformed
//! JSON, a body of the wrong type or size, a missing content type, a bad
//! path or query, an unknown route and a wrong method by itself, in
//! `text/plain` that names the server's own types; a panic drops the
//! connection; a timeout or a load-shedding layer answers in its own words.
//! [`Boundary`] is one layer around the router that answers each of those
//! conditions with the catalog code chosen for it, in the catalog's wire
//! format, with a trace id, and sends the framework's text to the log
//! event instead (feature `tracing`).
//!
//! The trace id is the caller's, from a valid W3C `traceparent`, or a new
//! one; handlers' failures and bare codes answered inside the layer carry
//! the same id.
//!
//! ```
//! use axum::Router;
//! use axum::routing::get;
//! use errcodes_runtime::axum::{Boundary, Condition};
//!
//! errcodes_runtime::errcodes!("../tests/fixtures/service.yaml");
//!
//! let boundary = Boundary::<ServiceError>::new()
//!     // Any code of the catalog; without this line, the code of status 413.
//!     .code(Condition::BodyTooLarge, ServiceError::PayloadTooLarge);
//! assert_eq!(boundary.code_for(Condition::UnknownRoute), ServiceError::NoSuchRoute);
//! let app: Router = Router::new()
//!     .route("/", get(|| async { "ok" }))
//!     .layer(boundary.layer());
//! ```

use core::fmt;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::{HeaderValue, Request, header};
use http_body_util::{BodyExt, Limited};
use tower_layer::Layer;
use tower_service::Service;

use super::json::{BodyLimit, Refused};
use super::{Answered, Reply};
use crate::boundary::{
    Boundary, Guarded, Inner, Known, accept, condition_of_error, log, occurrence, ready, trace_of,
};
use crate::{Condition, ErrorCode};

/// The condition of a response the framework wrote: its status, and for a
/// 400, the start of its text (axum says "Failed to parse the request
/// body" for malformed JSON, other words for a bad parameter).
fn condition_of_response(status: u16, text: &str) -> Condition {
    match status {
        400 if text.starts_with("Failed to parse the request body")
            || text.starts_with("Failed to buffer the request body") =>
        {
            Condition::MalformedBody
        }
        413 => Condition::BodyTooLarge,
        415 => Condition::UnsupportedMediaType,
        422 => Condition::UnfitBody,
        404 => Condition::UnknownRoute,
        405 => Condition::MethodNotAllowed,
        408 | 504 => Condition::Timeout,
        429 | 503 => Condition::Overloaded,
        400..=499 => Condition::BadParameter,
        _ => Condition::Internal,
    }
}

impl<E: ErrorCode> Boundary<E> {
    /// The layer to put around a router: `Router::layer(boundary.layer())`.
    #[must_use]
    pub fn layer(self) -> BoundaryLayer<E> {
        BoundaryLayer { boundary: self }
    }
}

/// The [`Layer`] of a [`Boundary`].
#[derive(Clone, Copy, Debug)]
pub struct BoundaryLayer<E> {
    boundary: Boundary<E>,
}

impl<S, E: ErrorCode> Layer<S> for BoundaryLayer<E> {
    type Service = BoundaryService<S, E>;

    fn layer(&self, inner: S) -> Self::Service {
        BoundaryService {
            inner,
            boundary: self.boundary,
            not_ready: None,
        }
    }
}

/// The service a [`BoundaryLayer`] wraps around another.
#[derive(Clone, Debug)]
pub struct BoundaryService<S, E> {
    inner: S,
    boundary: Boundary<E>,
    /// Why the inner service said it could not take a request.
    not_ready: Option<String>,
}

/// How much of a framework's answer goes to the log.
const LOGGED: usize = 4096;

impl<S, B, E> Service<Request<B>> for BoundaryService<S, E>
where
    S: Service<Request<B>, Response = Response>,
    S::Error: fmt::Display + Send,
    S::Future: Send + 'static,
    E: ErrorCode,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        ready(self.inner.poll_ready(cx), &mut self.not_ready)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let trace = trace_of(request.headers());
        let boundary = self.boundary;
        if let Some(limit) = boundary.body_limit_of() {
            request.extensions_mut().insert(BodyLimit(limit));
        }
        let languages: Option<Arc<str>> = request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map(Arc::from);
        let inner = &mut self.inner;
        let guarded = Guarded::call(
            (trace.clone(), languages.clone()),
            self.not_ready.take(),
            || inner.call(request),
        );
        Box::pin(async move {
            // The boundary's own answers are in the request's language too.
            let answer = |condition, said: &str, known: &Known, allow| {
                let _accepted = accept(languages.clone());
                answer(boundary, condition, &trace, said, known, allow)
            };
            let response = match guarded.await {
                Inner::Answered(response) => response,
                Inner::Failed(error) => {
                    let condition = condition_of_error(&error);
                    let known = Known::default();
                    return Ok(answer(condition, &error, &known, None));
                }
                Inner::Panicked(said) => {
                    let (condition, known) = (Condition::Internal, Known::default());
                    return Ok(answer(condition, &said, &known, None));
                }
            };
            if response.status().as_u16() < 400 || response.extensions().get::<Answered>().is_some()
            {
                return Ok(response);
            }
            let status = response.status().as_u16();
            let allow = response.headers().get(header::ALLOW).cloned();
            let refused = response.extensions().get::<Refused>().cloned();
            let text = text_of(response.into_body()).await;
            // errcodes' own extractor says what it knows; of the
            // framework's text, only the position is read.
            let (condition, known) = refused.map_or_else(
                || {
                    let condition = condition_of_response(status, &text);
                    let known = match condition {
                        Condition::MalformedBody | Condition::UnfitBody => Known::from_text(&text),
                        _ => Known::default(),
                    };
                    (condition, known)
                },
                |refused| (refused.condition, refused.known),
            );
            let said = if text.is_empty() {
                format!("{status} without a body")
            } else {
                format!("{status}: {text}")
            };
            Ok(answer(condition, &said, &known, allow))
        })
    }
}

/// The start of a framework's answer, as text, for the log.
async fn text_of(body: Body) -> String {
    match Limited::new(body, LOGGED).collect().await {
        Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
        Err(_) => String::from("(a body longer than the log keeps)"),
    }
}

/// The catalog's answer to `condition`, with the facts the code has
/// fields for; what the framework said goes to the log, never to the
/// client.
fn answer<E: ErrorCode>(
    boundary: Boundary<E>,
    condition: Condition,
    trace: &str,
    said: &str,
    known: &Known,
    allow: Option<HeaderValue>,
) -> Response {
    let code = boundary.code_for(condition);
    let occurrence = occurrence(code, condition, trace, known);
    log(code, &occurrence, condition, said);
    let mut response = Reply::with(code, occurrence).into_response();
    if let Some(allow) = allow.filter(|_| response.status() == 405) {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    response
}
