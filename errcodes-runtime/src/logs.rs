//! Failures in the logs. Each [`Failure`](crate::Failure) that becomes a
//! response emits one `tracing` event, with OpenTelemetry's semantic
//! convention names where they exist:
//!
//! | field | value |
//! |---|---|
//! | `error.type` | the code |
//! | `http.response.status_code` | the status sent |
//! | `errcodes.catalog`, `errcodes.action` | the code's catalog and action |
//! | `exception.message` | the whole cause chain, outermost first, joined by `: `, when there is a cause |
//! | `exception.stacktrace` | the backtrace, when one was captured (see [`backtraces`](crate::backtraces)), resolved only if the subscriber records it |
//! | `trace_id` | the trace id the client also got in the body |
//!
//! The event's message is the code's title, so that a line formatted for
//! people reads `Internal Server Error error.type="…" … exception.message="…"`
//! and says each thing once.
//!
//! Server errors (5xx) are logged at `ERROR`; client errors at the level
//! [`set_client_error_level`] sets, `INFO` by default, since a 4xx is the
//! client's mistake, not the service's. Nothing of the event is built, the
//! cause chain's text included, when no subscriber is interested in it.

use std::sync::atomic::{AtomicU8, Ordering};

use std::backtrace::Backtrace;
use std::error::Error;
use std::fmt::Write as _;

use tracing::Level;

use crate::{ErrorCode, Occurrence};

/// The level of client errors, as an index into [`LEVELS`].
static CLIENT_LEVEL: AtomicU8 = AtomicU8::new(2);

const LEVELS: [Level; 5] = [
    Level::ERROR,
    Level::WARN,
    Level::INFO,
    Level::DEBUG,
    Level::TRACE,
];

/// Sets the level at which failures with a status below 500 are logged.
///
/// ```
/// errcodes_runtime::logs::set_client_error_level(tracing::Level::DEBUG);
/// ```
pub fn set_client_error_level(level: Level) {
    let index = LEVELS.iter().position(|l| *l == level).unwrap_or(2);
    #[allow(clippy::cast_possible_truncation)] // one of five
    CLIENT_LEVEL.store(index as u8, Ordering::Relaxed);
}

/// Emits the one event of a failure that becomes a response: its code,
/// what the client gets of the occurrence, its cause chain and backtrace.
pub(crate) fn failure<'c, E: ErrorCode>(
    code: E,
    occurrence: &Occurrence,
    causes: impl Iterator<Item = &'c (dyn Error + 'static)>,
    backtrace: Option<&Backtrace>,
) {
    let trace_id = occurrence.trace.as_deref().unwrap_or_default();
    // The status sent, which is not the error's own in a 207 that lists it.
    let status = errcodes_core::render::response_status(
        code.wire_format(),
        code.severity(),
        code.http_status(),
        occurrence.status,
    );
    let level = if status >= 500 {
        Level::ERROR
    } else {
        LEVELS[usize::from(CLIENT_LEVEL.load(Ordering::Relaxed)).min(4)]
    };
    macro_rules! enabled {
        ($($level:ident)*) => {
            match level {
                $(Level::$level => tracing::enabled!(Level::$level),)*
            }
        };
    }
    if !enabled!(ERROR WARN INFO DEBUG TRACE) {
        return;
    }
    let mut chain = String::new();
    for cause in causes {
        if !chain.is_empty() {
            chain.push_str(": ");
        }
        let _ = write!(chain, "{cause}");
    }
    // Written, and its symbols resolved, only if the subscriber records it.
    let stacktrace = backtrace.map(tracing::field::display);
    let message = (!chain.is_empty()).then_some(chain.as_str());
    // The title, as the fields say the rest: a formatting subscriber's cost
    // grows with each character of the line.
    let title = code.title();
    macro_rules! emit {
        ($($level:ident)*) => {
            match level {
                $(Level::$level => tracing::event!(
                    Level::$level,
                    error.type = code.code(),
                    http.response.status_code = status,
                    errcodes.catalog = E::CATALOG.name(),
                    errcodes.action = code.action().as_str(),
                    exception.message = message,
                    exception.stacktrace = stacktrace,
                    trace_id = trace_id,
                    "{title}",
                ),)*
            }
        };
    }
    emit!(ERROR WARN INFO DEBUG TRACE);
}
