//! What the service boundaries of axum and tonic share: which code
//! answers each [`Condition`], the guard that keeps a request's trace id
//! current and catches a panic, and the one log event of an answer.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

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
/// // Not named: the catalog's first failure of status 404.
/// assert_eq!(boundary.code_for(Condition::UnknownRoute), ServiceError::NoSuchRoute);
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
        Boundary {
            codes: core::array::from_fn(|i| {
                let condition = Condition::ALL[i];
                E::CATALOG
                    .boundary_index(condition)
                    .and_then(|index| E::ALL.get(index).copied())
                    .unwrap_or_else(|| default_code::<E>(condition))
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

fn default_code<E: ErrorCode>(condition: Condition) -> E {
    let codes: Vec<(u16, bool)> = E::ALL
        .iter()
        .map(|code| (code.http_status(), code.outcome() == Outcome::Failure))
        .collect();
    condition
        .default_among(&codes)
        .and_then(|(index, _)| E::ALL.get(index).copied())
        .unwrap_or(E::ALL[0])
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

/// The inner service's future, polled with the request's trace id current
/// and a panic caught.
pub(crate) struct Guarded<F> {
    pub(crate) future: Pin<Box<F>>,
    pub(crate) trace: Arc<str>,
}

impl<F: Future> Future for Guarded<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let _entered = trace::enter(this.trace.clone());
        match catch_unwind(AssertUnwindSafe(|| this.future.as_mut().poll(cx))) {
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

pub(crate) fn panic_message(panic: &(dyn Any + Send)) -> &str {
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
