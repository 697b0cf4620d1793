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
}

impl<F> Guarded<F> {
    /// Calls the inner service with `call`, unless it said it was not ready.
    pub(crate) fn call(
        trace: Arc<str>,
        not_ready: Option<String>,
        call: impl FnOnce() -> F,
    ) -> Self {
        if let Some(error) = not_ready {
            return Guarded {
                future: None,
                early: Some(Inner::Failed(error)),
                trace,
            };
        }
        let called = {
            let _entered = trace::enter(trace.clone());
            catch_unwind(AssertUnwindSafe(call))
        };
        match called {
            Ok(future) => Guarded {
                future: Some(Box::pin(future)),
                early: None,
                trace,
            },
            Err(panic) => Guarded {
                future: None,
                early: Some(panicked(&*panic)),
                trace,
            },
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
