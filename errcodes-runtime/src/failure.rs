//! Errors inside a service: a catalog code for the client, the cause for
//! the operators.
//!
//! A handler's error is born from a cause (a database error, a timeout, a
//! failed upstream call) and has two audiences. Clients must get only the
//! catalog's public text: a cause's text leaks hosts, paths, SQL and
//! tokens. Operators need the whole cause chain, in their logs, with the
//! request's trace id. Without help, every `?` in a handler becomes a
//! `map_err` that logs by hand and throws the cause away:
//!
//! ```ignore
//! async fn entitlement(Path(id): Path<String>) -> Result<String, PassError> {
//!     let row = db.fetch(&id).await.map_err(|error| {
//!         tracing::error!("fetching {id}: {error}");
//!         PassError::InternalError
//!     })?;
//!     let row = row.ok_or(PassError::AuthorizationNotFound)?;
//!     Ok(row.token)
//! }
//! ```
//!
//! With a [`Failure`], the code goes where `map_err` was, and the cause
//! rides along to the response, where it is logged once, with the trace id
//! the client also gets, and never written to the client:
//!
//! ```ignore
//! use errcodes_runtime::{Failure, OrCode};
//!
//! async fn entitlement(Path(id): Path<String>) -> Result<String, Failure<PassError>> {
//!     let row = db.fetch(&id).await.or_code(PassError::InternalError)?;
//!     let row = row.or_code(PassError::AuthorizationNotFound)?;
//!     Ok(row.token)
//! }
//! ```
//!
//! `?` takes any error that converts into `Box<dyn Error + Send + Sync>`:
//! std errors, `anyhow::Error`, `eyre::Report`, errcodes' own decode
//! errors, and a bare code:
//!
//! ```
//! use std::error::Error as _;
//! use errcodes_runtime::{Failure, OrCode};
//! use errcodes_runtime::wire::{ErrorResponse, Headers};
//!
//! errcodes_runtime::errcodes!("../specs/pass.yaml");
//!
//! fn port(text: &str) -> Result<u16, Failure<PassError>> {
//!     // A std error becomes the cause.
//!     let port: u16 = text.parse().or_code(PassError::BadRequest)?;
//!     // An Option without a cause.
//!     let allowed = [80, 443].contains(&port).then_some(port);
//!     allowed.or_code(PassError::InvalidParameterValue)
//! }
//!
//! fn upstream(body: &[u8]) -> Result<u16, Failure<PassError>> {
//!     // errcodes' own errors, from reading another service's answer.
//!     let error = ErrorResponse::<PassError>::decode(503, Headers::default(), body)
//!         .or_code(PassError::ServiceUnavailable)?;
//!     Ok(error.status())
//! }
//!
//! fn anyhow_cause() -> Result<(), Failure<PassError>> {
//!     let result: anyhow::Result<()> = Err(anyhow::anyhow!("pool exhausted"));
//!     result.or_code(PassError::InternalError)?;
//!     // A bare code converts too.
//!     Err(PassError::AuthorizationNotFound)?
//! }
//!
//! let failure = port("http").unwrap_err();
//! assert_eq!(failure.code(), PassError::BadRequest);
//! // Display is what the client may read; the cause is the source.
//! assert_eq!(failure.to_string(), "bad_request Bad request");
//! assert_eq!(failure.source().unwrap().to_string(), "invalid digit found in string");
//! // `{:#}` is for operators: the whole chain.
//! assert_eq!(format!("{failure:#}"), "bad_request Bad request: invalid digit found in string");
//! assert!(port("8080").unwrap_err().source().is_none());
//! assert!(upstream(&[0; 2 << 20]).is_err());
//! assert_eq!(anyhow_cause().unwrap_err().code(), PassError::InternalError);
//! ```

use core::fmt;
use std::backtrace::Backtrace;
use std::error::Error;

use crate::context::new_trace_id;
use crate::{ErrorCode, Fields, Occurrence};

/// A cause, as a failure keeps it.
pub type Cause = Box<dyn Error + Send + Sync + 'static>;

/// A catalog code raised inside a service, with what is known of this
/// occurrence for the client and, for the operators only, its cause.
///
/// Made from a bare code it is two words and allocates nothing; an
/// occurrence or a cause is kept behind one box, with a backtrace captured
/// when the cause is attached if std's environment enables backtraces and
/// the [policy](crate::backtraces) takes it: by default, for server errors
/// only, at most ten a second.
///
/// What reaches the client is the code and the occurrence: every renderer
/// and framework integration of this crate writes nothing else. The cause
/// is [`Error::source`], shown by `{:#}` and `Debug`, and logged when the
/// failure becomes a response (with the `tracing` feature).
pub struct Failure<E> {
    code: E,
    more: Option<Box<More>>,
}

/// What a failure knows beyond its code.
struct More {
    occurrence: Occurrence,
    cause: Option<Cause>,
    backtrace: Option<Backtrace>,
}

impl More {
    /// The cause chain, outermost first.
    fn chain(&self) -> impl Iterator<Item = &(dyn Error + 'static)> {
        let first: Option<&(dyn Error + 'static)> = match &self.cause {
            Some(cause) => Some(cause.as_ref()),
            None => None,
        };
        std::iter::successors(first, |&error| error.source())
    }
}

impl<E: ErrorCode> Failure<E> {
    /// The code alone: what `Failure::from(code)` and `?` make of a code.
    /// `From` is implemented beside each catalog's enum, so code generic
    /// over every [`ErrorCode`] calls `new`.
    #[must_use]
    pub const fn new(code: E) -> Self {
        Failure { code, more: None }
    }

    /// The code with what is known of this occurrence.
    #[must_use]
    pub fn with(code: E, occurrence: Occurrence) -> Self {
        Self::new(code).with_occurrence(occurrence)
    }

    /// The code of `fields`, with them: what the `From` impl that the
    /// macro generates for each code's fields does.
    #[must_use]
    pub fn from_fields<T: Fields<Code = E>>(fields: T) -> Self {
        Self::with(T::CODE, Occurrence::new().fields(fields))
    }

    /// The code.
    #[must_use]
    pub fn code(&self) -> E {
        self.code
    }

    /// What is known of this occurrence for the client: empty unless set.
    #[must_use]
    pub fn occurrence(&self) -> Option<&Occurrence> {
        self.more.as_ref().map(|more| &more.occurrence)
    }

    /// The same failure with `occurrence` in place of what it had.
    #[must_use]
    pub fn with_occurrence(mut self, occurrence: Occurrence) -> Self {
        self.more_mut().occurrence = occurrence;
        self
    }

    /// The same failure, caused by `cause`, which replaces any cause it
    /// had; a backtrace is captured here when the
    /// [policy](crate::backtraces) and std's environment say so.
    #[must_use]
    pub fn caused_by(mut self, cause: impl Into<Cause>) -> Self {
        let status = self.code.http_status();
        let more = self.more_mut();
        more.cause = Some(cause.into());
        more.backtrace = crate::backtraces::capture(status);
        self
    }

    /// The cause, when there is one.
    #[must_use]
    pub fn cause(&self) -> Option<&(dyn Error + Send + Sync + 'static)> {
        self.more.as_ref()?.cause.as_deref()
    }

    /// The backtrace captured with the cause, when one was (see
    /// [`backtraces`](crate::backtraces)).
    #[must_use]
    pub fn backtrace(&self) -> Option<&Backtrace> {
        self.more.as_ref()?.backtrace.as_ref()
    }

    /// The cause chain, outermost first: the cause, its source, and so on.
    pub fn chain(&self) -> impl Iterator<Item = &(dyn Error + 'static)> {
        self.more.iter().flat_map(|more| more.chain())
    }

    /// What a response is made of: the code and the occurrence, with a
    /// trace id when it had none (the request's, inside an
    /// `axum::Boundary`, else a new one), so that a support engineer
    /// finds the log line from what the client shows them. The cause stays
    /// here: with the `tracing` feature it is logged, once, with that trace
    /// id (module `logs`), and then dropped. Every integration of
    /// this crate (axum, and gRPC) turns a failure into a response through
    /// this, and nothing else of the failure.
    #[must_use]
    pub fn into_public(self) -> (E, Occurrence) {
        let code = self.code;
        let mut more = self.more.map_or_else(
            || More {
                occurrence: Occurrence::new(),
                cause: None,
                backtrace: None,
            },
            |more| *more,
        );
        if more.occurrence.trace.is_none() {
            more.occurrence.trace = Some(crate::trace::current().unwrap_or_else(new_trace_id));
        }
        #[cfg(feature = "tracing")]
        crate::logs::failure(
            code,
            &more.occurrence,
            more.chain(),
            more.backtrace.as_ref(),
        );
        (code, more.occurrence)
    }

    fn more_mut(&mut self) -> &mut More {
        self.more.get_or_insert_with(|| {
            Box::new(More {
                occurrence: Occurrence::new(),
                cause: None,
                backtrace: None,
            })
        })
    }
}

// `From` a code is implemented beside each catalog's enum: a blanket impl
// here would overlap this one, and one impl per code struct, all for the
// same `Failure<E>`, makes the compiler's overlap checks quadratic in the
// number of codes.
impl<F: Fields> From<F> for Failure<F::Code> {
    #[inline]
    fn from(fields: F) -> Self {
        Failure::from_fields(fields)
    }
}

/// The public text: the code and its title, as the code displays. With
/// `{:#}`, for operators, the cause chain follows, each part after `: `.
impl<E: ErrorCode> fmt::Display for Failure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code, f)?;
        if f.alternate() {
            for cause in self.chain() {
                write!(f, ": {cause}")?;
            }
        }
        Ok(())
    }
}

/// Everything, for operators: the code, the occurrence, the cause chain and
/// the backtrace.
impl<E: ErrorCode> fmt::Debug for Failure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({:?})", self.code, self.code)?;
        if let Some(occurrence) = self.occurrence() {
            write!(f, "\n\noccurrence: {occurrence:?}")?;
        }
        let mut chain = self.chain().peekable();
        if chain.peek().is_some() {
            f.write_str("\n\ncaused by:")?;
            for (i, cause) in chain.enumerate() {
                write!(f, "\n    {i}: {cause}")?;
            }
        }
        if let Some(backtrace) = self.backtrace() {
            write!(f, "\n\nbacktrace:\n{backtrace}")?;
        }
        Ok(())
    }
}

impl<E: ErrorCode> Error for Failure<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        let cause = self.cause()?;
        Some(cause)
    }
}

/// Attaches a catalog code to a failed `Result` or an empty `Option`, at
/// any `?`: the error becomes the failure's cause.
///
/// ```
/// use errcodes_runtime::{Failure, OrCode};
/// use errcodes_runtime::Occurrence;
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// fn lookup(id: &str) -> Result<String, std::io::Error> {
///     Err(std::io::Error::other(format!("db01.internal:5432 refused for {id}")))
/// }
///
/// fn handler(id: &str) -> Result<String, Failure<PassError>> {
///     let token = lookup(id).or_code_with(PassError::ServiceUnavailable, || {
///         Occurrence::new().retry_after_secs(30)
///     })?;
///     Ok(token)
/// }
///
/// let failure = handler("42").unwrap_err();
/// assert_eq!(failure.occurrence().unwrap().retry_after.unwrap().as_secs(), 30);
/// assert!(format!("{failure:#}").ends_with(": db01.internal:5432 refused for 42"));
/// ```
pub trait OrCode<T> {
    /// The value, or a failure with `code`.
    ///
    /// # Errors
    ///
    /// When `self` is an error or `None`.
    fn or_code<E: ErrorCode>(self, code: E) -> Result<T, Failure<E>>;

    /// The value, or a failure with `code` and the occurrence `occurrence`
    /// makes, which is called only on failure.
    ///
    /// # Errors
    ///
    /// As [`or_code`](Self::or_code).
    fn or_code_with<E: ErrorCode>(
        self,
        code: E,
        occurrence: impl FnOnce() -> Occurrence,
    ) -> Result<T, Failure<E>>;
}

impl<T, C: Into<Cause>> OrCode<T> for Result<T, C> {
    fn or_code<E: ErrorCode>(self, code: E) -> Result<T, Failure<E>> {
        self.map_err(|cause| Failure::new(code).caused_by(cause))
    }

    fn or_code_with<E: ErrorCode>(
        self,
        code: E,
        occurrence: impl FnOnce() -> Occurrence,
    ) -> Result<T, Failure<E>> {
        self.map_err(|cause| Failure::with(code, occurrence()).caused_by(cause))
    }
}

impl<T> OrCode<T> for Option<T> {
    fn or_code<E: ErrorCode>(self, code: E) -> Result<T, Failure<E>> {
        self.ok_or(Failure::new(code))
    }

    fn or_code_with<E: ErrorCode>(
        self,
        code: E,
        occurrence: impl FnOnce() -> Occurrence,
    ) -> Result<T, Failure<E>> {
        self.ok_or_else(|| Failure::with(code, occurrence()))
    }
}
