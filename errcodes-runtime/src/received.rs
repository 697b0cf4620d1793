//! What a client asks of an error it received, whichever way it came: an
//! HTTP error response, or a gRPC status.

use core::fmt;
use std::time::{Duration, SystemTime};

#[cfg(feature = "occurrence")]
use crate::fields::{FieldError, FieldReader, Fields, Problem, Untyped};
use crate::retry::{Advice, Policy};
use crate::{Action, ErrorCode, Guidance, Outcome, Severity};

/// A code read from a payload: one the catalog knows, or text it does not,
/// kept as it was received.
///
/// ```
/// use errcodes_runtime::Code;
/// use errcodes_runtime::Action;
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// assert_eq!(Code::<PassError>::parse("too_many_requests"), Code::Known(PassError::TooManyRequests));
/// let unknown = Code::<PassError>::parse("brand_new_code");
/// assert_eq!(unknown.as_str(), "brand_new_code");
/// // An unknown code gets the action its HTTP status implies.
/// assert_eq!(unknown.action(503), Action::RetryAfter);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Code<E> {
    /// A code of the catalog.
    Known(E),
    /// Text that is not one of the catalog's codes.
    Unknown(String),
}

impl<E: ErrorCode> Code<E> {
    /// Looks `text` up in the catalog.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        E::from_code(text).map_or_else(|| Code::Unknown(text.to_owned()), Code::Known)
    }

    /// The code's text, as received.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Code::Known(code) => code.code(),
            Code::Unknown(text) => text,
        }
    }

    /// The catalog's code, if it is one.
    #[must_use]
    pub fn known(&self) -> Option<E> {
        match self {
            Code::Known(code) => Some(*code),
            Code::Unknown(_) => None,
        }
    }

    /// The code's action; for an unknown code, the one `status` implies
    /// ([`Action::for_status`]).
    #[must_use]
    pub fn action(&self, status: u16) -> Action {
        self.known()
            .map_or_else(|| Action::for_status(status), |code| code.action())
    }

    /// The action of a body's `code`, or, when it has none, the one
    /// `status` implies.
    #[cfg(feature = "json")]
    pub(crate) fn action_of(code: Option<&Self>, status: u16) -> Action {
        code.map_or_else(|| Action::for_status(status), |code| code.action(status))
    }

    /// The action of an error that may give a delay (ACP's `retry_after`,
    /// Google's `RetryInfo`): the known code's; without one, `retry-after`
    /// when the server gave a delay, as it asks; else the one `status`
    /// implies.
    #[cfg(any(feature = "json", feature = "tonic"))]
    pub(crate) fn action_with_delay(code: Option<&Self>, delayed: bool, status: u16) -> Action {
        match (code.and_then(Self::known), delayed) {
            (Some(code), _) => code.action(),
            (None, true) => Action::RetryAfter,
            (None, false) => Action::for_status(status),
        }
    }

    /// The code a gRPC `ErrorInfo` names: the catalog's code of `reason`
    /// when `domain` is the catalog's `grpc-domain`; another domain's
    /// reason stays unknown even when spelled like one of the catalog's.
    /// A catalog without a domain reads the reason as a code.
    #[cfg(any(feature = "json", feature = "tonic"))]
    pub(crate) fn of_reason(reason: &str, domain: &str) -> Self {
        let unknown = || Code::Unknown(reason.to_owned());
        match E::CATALOG.grpc_domain() {
            Some(ours) if ours == domain => {
                E::from_grpc_reason(reason).map_or_else(unknown, Code::Known)
            }
            Some(_) => unknown(),
            None => Code::parse(reason),
        }
    }

    /// The code's severity; for an unknown code, the one `status` implies.
    #[must_use]
    pub fn severity(&self, status: u16) -> Severity {
        self.known()
            .map_or_else(|| Severity::for_status(status), |code| code.severity())
    }

    /// The code's outcome; for an unknown code, the one `status` implies.
    #[must_use]
    pub fn outcome(&self, status: u16) -> Outcome {
        self.known()
            .map_or_else(|| Outcome::for_status(status), |code| code.outcome())
    }
}

impl<E: ErrorCode> From<E> for Code<E> {
    fn from(code: E) -> Self {
        Code::Known(code)
    }
}

impl<E: ErrorCode> fmt::Display for Code<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error as a client received it: an HTTP error response
/// (`wire::ErrorResponse`, feature `json`) or, with the `tonic`
/// feature, a gRPC status (`grpc::ReceivedStatus`). Each answers the same
/// questions; whether and when to retry follows from the answers, by one
/// rule, so a client loop written against this trait handles both the
/// same way.
///
/// ```
/// use std::time::SystemTime;
/// use errcodes_runtime::Received;
/// use errcodes_runtime::wire::{ErrorResponse, Headers};
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

    /// The HTTP status the error came with: the response's, or for a gRPC
    /// status, the one `code.proto` maps its canonical code to.
    fn status(&self) -> u16;

    /// The trace id the error carries, which ties it to the service's log
    /// event: the body's (see `wire::Payload::trace_id`) or a gRPC
    /// status's `RequestInfo`; `None` when it carries none.
    fn trace_id(&self) -> Option<&str> {
        None
    }

    /// What became of the request: the known code's outcome, or the one
    /// the status implies.
    fn outcome(&self) -> Outcome {
        Outcome::for_status(self.status())
    }

    /// The `Retry-After` header, as received; `None` where there is none.
    fn retry_after(&self) -> Option<&str> {
        None
    }

    /// A delay the error itself gives (ACP's `retry_after`, a `RetryInfo`),
    /// which wins over `Retry-After`.
    fn delay(&self) -> Option<Duration> {
        None
    }

    /// Why the error's body was not read, when it was not.
    #[doc(hidden)]
    fn unread_reason(&self) -> Option<String> {
        None
    }

    /// The fields the error carries, as received, before any type is
    /// applied: kept whatever the code, known or not.
    #[cfg(feature = "occurrence")]
    fn untyped_fields(&self) -> Untyped<'_> {
        Untyped::None
    }

    /// The fields the error gives more than once, whose reading fails.
    #[cfg(feature = "occurrence")]
    #[doc(hidden)]
    fn repeated_fields(&self) -> &[Box<str>] {
        &[]
    }

    /// What [`fields`](Self::fields) reads: the fields, and those given
    /// more than once.
    #[cfg(feature = "occurrence")]
    #[doc(hidden)]
    fn field_source(&self) -> (Untyped<'_>, &[Box<str>]) {
        (self.untyped_fields(), self.repeated_fields())
    }

    /// The typed fields of `T`'s code, read from what the error carries;
    /// members the catalog does not declare stay in
    /// [`untyped_fields`](Self::untyped_fields).
    ///
    /// # Errors
    ///
    /// When the error is of another code, or a field is missing, of
    /// another type or too large: the error names the field.
    #[cfg(feature = "occurrence")]
    fn fields<T: Fields<Code = E>>(&self) -> Result<T, FieldError>
    where
        Self: Sized,
        E: ErrorCode,
    {
        match self.code() {
            Some(Code::Known(code)) if code == T::CODE => {
                let (untyped, repeated) = self.field_source();
                T::read(&FieldReader::new(code, untyped).repeated(repeated))
            }
            None if self.unread_reason().is_some() => Err(FieldError {
                code: T::CODE.code(),
                field: String::new(),
                problem: Problem::Unread(self.unread_reason().unwrap_or_default()),
            }),
            other => Err(FieldError {
                code: T::CODE.code(),
                field: String::new(),
                problem: Problem::OtherCode {
                    received: other.map(|code| code.as_str().to_owned()),
                },
            }),
        }
    }

    /// Whether to retry, and when, by `policy`: see
    /// [`Policy::advise`].
    fn advice_with(&self, policy: &Policy, now: SystemTime) -> Advice {
        policy.follow(
            Guidance::new(self.action(), self.outcome()),
            self.retry_after(),
            self.delay(),
            now,
        )
    }

    /// Whether to retry, and when, by the default [`Policy`].
    fn advice(&self, now: SystemTime) -> Advice {
        self.advice_with(&Policy::default(), now)
    }
}
