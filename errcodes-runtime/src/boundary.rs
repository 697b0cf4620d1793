//! What the service boundaries of axum and tonic share: which code
//! answers each [`Condition`], the guard that keeps a request's trace id
//! current and catches a panic, and the one log event of an answer.

use std::any::Any;
use std::convert::Infallible;
use std::fmt::Display;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use crate::context::new_trace_id;
use crate::fields::{FieldValue, TypedFields};
use crate::trace;
use crate::{Condition, ErrorCode, Occurrence, Outcome};

/// How many conditions there are.
const CONDITIONS: usize = Condition::ALL.len();

/// Which catalog code answers each [`Condition`]: `layer` puts it around
/// an axum router (feature `axum`), `grpc_layer` around a tonic server
/// (feature `tonic`).
///
/// ```
/// # #[cfg(feature = "axum")] {
/// use errcodes_runtime::axum::{Boundary, Condition};
///
/// errcodes_runtime::errcodes!("../tests/fixtures/service.yaml");
///
/// let boundary = Boundary::<ServiceError>::new();
/// // Named under the catalog's `boundary:`.
/// assert_eq!(boundary.code_for(Condition::BadParameter), ServiceError::BadParameter);
/// // Not named: the catalog's failure of status 504.
/// assert_eq!(boundary.code_for(Condition::Timeout), ServiceError::TimedOut);
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Boundary<E> {
    codes: [E; CONDITIONS],
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    body_limit: Option<usize>,
}

impl<E: ErrorCode> Boundary<E> {
    /// Each condition answered by the code the catalog's `boundary:` names
    /// for it; else by the first failure of the catalog with the first of
    /// its [`statuses`](Condition::statuses) that the catalog has; without
    /// one, the first failure of the same class (4xx for a client's fault,
    /// 5xx otherwise), or else the catalog's first failure.
    #[must_use]
    pub fn new() -> Self {
        let codes: Vec<(u16, bool)> = E::ALL
            .iter()
            .map(|code| (code.http_status(), code.outcome() == Outcome::Failure))
            .collect();
        Boundary {
            body_limit: None,
            codes: core::array::from_fn(|i| {
                let condition = Condition::ALL[i];
                E::CATALOG
                    .boundary_index(condition)
                    .or_else(|| condition.default_among(&codes).map(|(index, _)| index))
                    .and_then(|index| E::ALL.get(index).copied())
                    .unwrap_or(E::ALL[0])
            }),
        }
    }

    /// Answers `condition` with `code`.
    #[must_use]
    pub fn code(mut self, condition: Condition, code: E) -> Self {
        self.codes[condition as usize] = code;
        self
    }

    /// The largest body, in bytes, that errcodes' JSON extractor
    /// (`errcodes_runtime::axum::Json`) takes under this boundary; a
    /// larger one is answered as [`BodyTooLarge`](Condition::BodyTooLarge)
    /// with the limit in the code's `limit` field. Without it the extractor
    /// keeps axum's `DefaultBodyLimit`, which it cannot state. axum's own
    /// extractors keep theirs either way.
    #[cfg(feature = "axum")]
    #[must_use]
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = Some(bytes);
        self
    }

    #[cfg(feature = "axum")]
    pub(crate) fn body_limit_of(&self) -> Option<usize> {
        self.body_limit
    }

    /// The code that answers `condition`.
    #[must_use]
    pub fn code_for(&self, condition: Condition) -> E {
        self.codes[condition as usize]
    }
}

impl<E: ErrorCode> Default for Boundary<E> {
    fn default() -> Self {
        Boundary::new()
    }
}

/// The condition of an error a layer inside the boundary returned:
/// tower's timeout and load shedding say "timed out" and "overloaded".
pub(crate) fn condition_of_error(error: &str) -> Condition {
    let error = error.to_ascii_lowercase();
    if error.contains("timed out") || error.contains("timeout") {
        Condition::Timeout
    } else if error.contains("overloaded") || error.contains("not ready") {
        Condition::Overloaded
    } else {
        Condition::Internal
    }
}

/// What a boundary knows about a refused request that is safe to send:
/// the [facts](crate::Condition::facts) of its condition, in the caller's
/// own terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Known {
    /// Where reading the body stopped: line and column, from 1.
    pub(crate) position: Option<(u64, u64)>,
    /// The JSON pointer of the member that did not fit.
    pub(crate) pointer: Option<String>,
    /// The largest body taken, in bytes.
    pub(crate) limit: Option<u64>,
}

impl Known {
    /// What the framework's own words give away safely: the position
    /// `serde_json` ends its messages with ("… at line 1 column 9") and the
    /// limit tonic names ("… the limit is: 4194304 bytes"); numbers only.
    pub(crate) fn from_text(text: &str) -> Known {
        let number = |digits: &str| digits.trim().parse::<u64>().ok();
        let position = text.rsplit_once(" at line ").and_then(|(_, rest)| {
            let (line, column) = rest.split_once(" column ")?;
            Some((number(line)?, number(column)?))
        });
        let limit = text
            .rsplit_once("the limit is: ")
            .and_then(|(_, rest)| number(rest.strip_suffix(" bytes")?));
        Known {
            position,
            limit,
            ..Known::default()
        }
    }

    /// The value of the fact `key`, as its field holds it.
    fn value(&self, key: &str) -> Option<Box<dyn FieldValue>> {
        let integer = |n: u64| {
            i64::try_from(n)
                .ok()
                .map(|n| Box::new(n) as Box<dyn FieldValue>)
        };
        match key {
            "line" => integer(self.position?.0),
            "column" => integer(self.position?.1),
            "limit" => integer(self.limit?),
            "pointer" => Some(Box::new(self.pointer.clone()?)),
            _ => None,
        }
    }
}

/// The occurrence of `code` answering `condition`: the trace id, and
/// every fact the boundary knows that the code declares a field for, of
/// the fact's type.
pub(crate) fn occurrence<E: ErrorCode>(
    code: E,
    condition: Condition,
    trace: &str,
    known: &Known,
) -> Occurrence {
    let occurrence = Occurrence::new().trace(trace);
    let values: Vec<Option<Box<dyn FieldValue>>> = code
        .fields()
        .map(|spec| {
            condition
                .fact(spec.key)
                .filter(|fact| fact.ty == spec.ty)
                .and_then(|fact| known.value(fact.key))
        })
        .collect();
    if values.iter().all(Option::is_none) {
        return occurrence;
    }
    Occurrence {
        fields: Some(TypedFields::stated(code, values)),
        ..occurrence
    }
}

/// The trace id of a request: its valid W3C `traceparent`'s, else a new one.
pub(crate) fn trace_of(headers: &http::HeaderMap) -> Arc<str> {
    headers
        .get("traceparent")
        .and_then(|value| value.to_str().ok())
        .and_then(trace::trace_id_of)
        .map_or_else(|| new_trace_id().into(), Into::into)
}

/// The inner service's readiness, as the boundary's: a service that cannot
/// take the request is answered for, from its error kept in `not_ready`,
/// not passed on as an error the server would drop the connection on.
pub(crate) fn ready<E: Display>(
    poll: Poll<Result<(), E>>,
    not_ready: &mut Option<String>,
) -> Poll<Result<(), Infallible>> {
    match poll {
        Poll::Ready(Err(error)) => {
            *not_ready = Some(error.to_string());
            Poll::Ready(Ok(()))
        }
        Poll::Ready(Ok(())) => Poll::Ready(Ok(())),
        Poll::Pending => Poll::Pending,
    }
}

/// What the inner service came to.
pub(crate) enum Inner<T> {
    /// Its response.
    Answered(T),
    /// Its error, or the one it gave when it could not take the request.
    Failed(String),
    /// What its panic said.
    Panicked(String),
}

/// The inner service's call, made and polled with the request's trace id
/// current and a panic caught.
pub(crate) struct Guarded<F> {
    future: Option<Pin<Box<F>>>,
    /// What it came to without running: not ready, or a panic in `call`.
    early: Option<Inner<Infallible>>,
    trace: Arc<str>,
    /// The request's `Accept-Language`, which responses written inside
    /// are in.
    languages: Option<Arc<str>>,
}

impl<F> Guarded<F> {
    /// Calls the inner service with `call`, unless it said it was not ready.
    pub(crate) fn call(
        (trace, languages): (Arc<str>, Option<Arc<str>>),
        not_ready: Option<String>,
        call: impl FnOnce() -> F,
    ) -> Self {
        if let Some(error) = not_ready {
            return Guarded {
                future: None,
                early: Some(Inner::Failed(error)),
                trace,
                languages,
            };
        }
        let called = {
            let _entered = trace::enter(trace.clone());
            let _accepted = accept(languages.clone());
            catch_unwind(AssertUnwindSafe(call))
        };
        let (future, early) = match called {
            Ok(future) => (Some(Box::pin(future)), None),
            Err(panic) => (None, Some(panicked(&*panic))),
        };
        Guarded {
            future,
            early,
            trace,
            languages,
        }
    }
}

impl<F, T, E> Future for Guarded<F>
where
    F: Future<Output = Result<T, E>>,
    E: Display,
{
    type Output = Inner<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Inner<T>> {
        let this = self.get_mut();
        let Some(future) = this.future.as_mut() else {
            return Poll::Ready(match this.early.take() {
                Some(Inner::Failed(error)) => Inner::Failed(error),
                Some(Inner::Panicked(said)) => Inner::Panicked(said),
                _ => Inner::Failed("polled again after it answered".to_owned()),
            });
        };
        let _entered = trace::enter(this.trace.clone());
        let _accepted = accept(this.languages.clone());
        let polled = match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(Ok(answer))) => Inner::Answered(answer),
            Ok(Poll::Ready(Err(error))) => Inner::Failed(error.to_string()),
            Err(panic) => panicked(&*panic),
        };
        this.future = None;
        Poll::Ready(polled)
    }
}

/// Makes `languages` the `Accept-Language` that responses are written
/// for, until the guard drops.
#[cfg(feature = "locales")]
pub(crate) fn accept(languages: Option<Arc<str>>) -> crate::translated::Accepted {
    crate::translated::accept(languages)
}

/// Without translations, responses have one language.
#[cfg(not(feature = "locales"))]
pub(crate) fn accept(_: Option<Arc<str>>) -> OneLanguage {
    OneLanguage
}

/// What [`accept`] gives without the `locales` feature: nothing to undo.
#[cfg(not(feature = "locales"))]
pub(crate) struct OneLanguage;

fn panicked<T>(panic: &(dyn Any + Send)) -> Inner<T> {
    Inner::Panicked(format!("panicked: {}", panic_message(panic)))
}

fn panic_message(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

/// Emits the one log event of an answer to `condition`: what the framework
/// or the panic said is its cause (feature `tracing`).
pub(crate) fn log<E: ErrorCode>(
    code: E,
    occurrence: &Occurrence,
    condition: Condition,
    said: &str,
) {
    #[cfg(feature = "tracing")]
    {
        let cause = Said(format!("{condition}: {said}"));
        crate::logs::failure(
            code,
            occurrence,
            std::iter::once(&cause as &(dyn std::error::Error + 'static)),
            None,
        );
    }
    #[cfg(not(feature = "tracing"))]
    let _ = (code, occurrence, condition, said);
}

/// What the framework said, as the cause in the log.
#[cfg(feature = "tracing")]
#[derive(Debug)]
struct Said(String);

#[cfg(feature = "tracing")]
impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "tracing")]
impl std::error::Error for Said {}
