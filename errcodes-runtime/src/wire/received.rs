//! What a client asks of an error, whichever way it came.

use std::time::SystemTime;

use super::{Code, ErrorResponse};
use crate::retry::{Advice, Policy};
use crate::{Action, ErrorCode};

/// An error as a client received it: an HTTP error response
/// ([`ErrorResponse`]) or, with the `tonic` feature, a gRPC status
/// (`grpc::ReceivedStatus`). A client loop written against this trait
/// handles both the same way.
///
/// ```
/// use std::time::SystemTime;
/// use errcodes_runtime::retry::Advice;
/// use errcodes_runtime::wire::{ErrorResponse, Headers, Received};
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// fn should_retry(error: &impl Received<PassError>) -> bool {
///     error.advice(SystemTime::now()).is_retry()
/// }
///
/// let body = br#"{"error": {"code": "too_many_requests"}}"#;
/// let error = ErrorResponse::<PassError>::decode(429, Headers::default(), body).unwrap();
/// assert!(should_retry(&error));
/// ```
pub trait Received<E> {
    /// The error's code; `None` when it names none.
    fn code(&self) -> Option<Code<E>>;

    /// What the client should do.
    fn action(&self) -> Action;

    /// The message for people.
    fn message(&self) -> Option<&str>;

    /// Whether to retry, and when, by `policy`.
    fn advice_with(&self, policy: &Policy, now: SystemTime) -> Advice;

    /// Whether to retry, and when, by the default [`Policy`].
    fn advice(&self, now: SystemTime) -> Advice {
        self.advice_with(&Policy::default(), now)
    }
}

impl<E: ErrorCode> Received<E> for ErrorResponse<E> {
    fn code(&self) -> Option<Code<E>> {
        self.code()
    }

    fn action(&self) -> Action {
        self.action()
    }

    fn message(&self) -> Option<&str> {
        self.message()
    }

    fn advice_with(&self, policy: &Policy, now: SystemTime) -> Advice {
        self.advice_with(policy, now)
    }
}
