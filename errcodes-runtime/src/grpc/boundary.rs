//! The service boundary over gRPC: tonic answers an unknown method, a
//! message it cannot decode or that is over its limit, and a layer's
//! timeout or load shedding with a bare status in its own words, and a
//! panicking handler with none at all. [`Boundary::grpc_layer`] answers
//! each with the catalog's code for its [`Condition`], with the catalog's
//! details and the caller's trace id, and sends tonic's text to the log.
//! A status a handler returns with errcodes' details passes as it is.
//!
//! Only statuses tonic sends in the response's headers (every unary
//! error, and a stream's error before its first message) are answered; a
//! stream's error in its trailers passes as it is.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tower_layer::Layer;
use tower_service::Service;

use crate::boundary::{
    Boundary, Guarded, Inner, Known, accept, condition_of_error, log, occurrence, ready, trace_of,
};
use crate::{Condition, ErrorCode};

impl<E: ErrorCode> Boundary<E> {
    /// The layer to put around a tonic server:
    /// `Server::builder().layer(boundary.grpc_layer())`.
    #[must_use]
    pub fn grpc_layer(self) -> GrpcBoundaryLayer<E> {
        GrpcBoundaryLayer { boundary: self }
    }
}

/// The tower [`Layer`] of [`Boundary::grpc_layer`].
#[derive(Clone, Copy, Debug)]
pub struct GrpcBoundaryLayer<E> {
    boundary: Boundary<E>,
}

impl<S, E: ErrorCode> Layer<S> for GrpcBoundaryLayer<E> {
    type Service = GrpcBoundaryService<S, E>;

    fn layer(&self, inner: S) -> Self::Service {
        GrpcBoundaryService {
            inner,
            boundary: self.boundary,
            not_ready: None,
        }
    }
}

/// The service a [`GrpcBoundaryLayer`] wraps around another.
#[derive(Clone, Debug)]
pub struct GrpcBoundaryService<S, E> {
    inner: S,
    boundary: Boundary<E>,
    /// Why the inner service said it could not take a request.
    not_ready: Option<String>,
}

/// The condition of a bare status tonic or a layer sent: by its code, and
/// for `INTERNAL`, `RESOURCE_EXHAUSTED` and `OUT_OF_RANGE`, by tonic's
/// words for a message it could not decode or that was too large.
fn condition_of_status(code: i32, message: &str) -> Condition {
    let message = message.to_ascii_lowercase();
    match code {
        12 => Condition::UnknownRoute,
        3 => Condition::BadParameter,
        4 | 1 => Condition::Timeout,
        8 | 11 if message.contains("too large") || message.contains("length") => {
            Condition::BodyTooLarge
        }
        8 | 14 => Condition::Overloaded,
        13 if message.contains("decode") => Condition::MalformedBody,
        _ => Condition::Internal,
    }
}

impl<S, B, R, E> Service<http::Request<B>> for GrpcBoundaryService<S, E>
where
    S: Service<http::Request<B>, Response = http::Response<R>>,
    S::Error: std::fmt::Display + Send,
    S::Future: Send + 'static,
    R: Default + Send + 'static,
    E: ErrorCode,
{
    type Response = http::Response<R>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<http::Response<R>, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        ready(self.inner.poll_ready(cx), &mut self.not_ready)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let trace = trace_of(request.headers());
        // gRPC carries HTTP/2 headers as metadata: `accept-language` too.
        let languages: Option<std::sync::Arc<str>> = request
            .headers()
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map(std::sync::Arc::from);
        let boundary = self.boundary;
        let inner = &mut self.inner;
        let guarded = Guarded::call(
            (trace.clone(), languages.clone()),
            self.not_ready.take(),
            || inner.call(request),
        );
        Box::pin(async move {
            let (condition, said, known) = match guarded.await {
                Inner::Answered(response) => match bare_status(&response) {
                    None => return Ok(response),
                    Some((code, message)) => (
                        condition_of_status(code, &message),
                        format!("status {code}: {message}"),
                        // tonic names the limit a message went over.
                        Known::from_text(&message),
                    ),
                },
                Inner::Failed(error) => (condition_of_error(&error), error, Known::default()),
                Inner::Panicked(said) => (Condition::Internal, said, Known::default()),
            };
            // The boundary's own answers are in the request's language too.
            let _accepted = accept(languages);
            Ok(answer(boundary, condition, &trace, &said, &known))
        })
    }
}

/// The catalog's status for `condition`, as a response, with the facts
/// the code has fields for; what tonic or the panic said goes to the log,
/// never to the client.
fn answer<E: ErrorCode, R: Default>(
    boundary: Boundary<E>,
    condition: Condition,
    trace: &str,
    said: &str,
    known: &Known,
) -> http::Response<R> {
    let code = boundary.code_for(condition);
    let occurrence = occurrence(code, condition, trace, known);
    log(code, &occurrence, condition, said);
    super::status(code, &occurrence).into_http()
}

/// The code and message of an error status in `response`'s headers that
/// carries no details: one that tonic or a layer wrote, not errcodes.
fn bare_status<R>(response: &http::Response<R>) -> Option<(i32, String)> {
    let status = tonic::Status::from_header_map(response.headers())?;
    if status.code() == tonic::Code::Ok || !status.details().is_empty() {
        return None;
    }
    Some((status.code() as i32, status.message().to_owned()))
}
