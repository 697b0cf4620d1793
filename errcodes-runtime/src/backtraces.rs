//! When a [`Failure`](crate::Failure) captures a backtrace. Capturing one
//! walks the stack, and writing it out resolves every frame's symbols:
//! tens of microseconds and then milliseconds, on the path a service takes
//! most when it is already in trouble, or when a caller makes it fail on
//! purpose. So a failure captures one only when all of these hold:
//!
//! - std enables backtraces: `RUST_LIB_BACKTRACE=1`, or `RUST_BACKTRACE=1`
//!   without `RUST_LIB_BACKTRACE=0` (as [`Backtrace::capture`] decides);
//! - its code is a server error (status 500 and above), unless the policy
//!   takes client errors too: a 4xx is the caller's mistake, and its
//!   backtrace says nothing the code does not;
//! - fewer than the policy's number were captured in the current second,
//!   so that a flood of failures costs a few captures, not one each.
//!
//! A captured backtrace is resolved only when something writes it: a
//! `tracing` subscriber that records the failure's event (the event is not
//! built at all when none is interested), or the failure's `Debug`.
//!
//! ```
//! use errcodes_runtime::backtraces::{self, Backtraces};
//!
//! assert_eq!(backtraces::policy(), Backtraces::DEFAULT);
//! // Every failure with a cause, as many as std allows: for a test run.
//! backtraces::set_policy(Backtraces { client_errors: true, per_second: u32::MAX });
//! // None at all, whatever the environment says.
//! backtraces::set_policy(Backtraces::OFF);
//! # backtraces::set_policy(Backtraces::DEFAULT);
//! ```

use std::backtrace::{Backtrace, BacktraceStatus};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::Instant;

/// Which failures capture a backtrace when their cause is attached, within
/// what std's environment variables allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backtraces {
    /// Whether failures of client errors (4xx) capture one too.
    pub client_errors: bool,
    /// At most this many captures in any one second of the process; `0`
    /// captures none.
    pub per_second: u32,
}

impl Backtraces {
    /// Server errors only, at most ten a second.
    pub const DEFAULT: Backtraces = Backtraces {
        client_errors: false,
        per_second: 10,
    };

    /// No backtraces at all.
    pub const OFF: Backtraces = Backtraces {
        client_errors: false,
        per_second: 0,
    };
}

impl Default for Backtraces {
    fn default() -> Self {
        Backtraces::DEFAULT
    }
}

/// The policy's two halves.
static CLIENT_ERRORS: AtomicBool = AtomicBool::new(Backtraces::DEFAULT.client_errors);
static PER_SECOND: AtomicU32 = AtomicU32::new(Backtraces::DEFAULT.per_second);

/// When the process started, from which seconds are counted.
static START: OnceLock<Instant> = OnceLock::new();

/// The current second and the captures made in it: the second in the
/// high 32 bits, the count in the low 32.
static SPENT: AtomicU64 = AtomicU64::new(0);

/// Captures made since the process started, for the tests.
static CAPTURED: AtomicU32 = AtomicU32::new(0);

/// Sets which failures capture a backtrace, for the whole process.
pub fn set_policy(policy: Backtraces) {
    CLIENT_ERRORS.store(policy.client_errors, Ordering::Relaxed);
    PER_SECOND.store(policy.per_second, Ordering::Relaxed);
}

/// Which failures capture a backtrace.
#[must_use]
pub fn policy() -> Backtraces {
    Backtraces {
        client_errors: CLIENT_ERRORS.load(Ordering::Relaxed),
        per_second: PER_SECOND.load(Ordering::Relaxed),
    }
}

/// A backtrace for a failure of `status`, when the policy and std say so.
pub(crate) fn capture(status: u16) -> Option<Backtrace> {
    let policy = policy();
    if status < 500 && !policy.client_errors || !within_rate(policy.per_second) {
        return None;
    }
    let backtrace = Backtrace::capture();
    (backtrace.status() == BacktraceStatus::Captured).then(|| {
        CAPTURED.fetch_add(1, Ordering::Relaxed);
        backtrace
    })
}

/// How many backtraces failures have captured since the process started.
#[doc(hidden)]
#[must_use]
pub fn captured() -> u32 {
    CAPTURED.load(Ordering::Relaxed)
}

/// Takes one of this second's `per_second` captures, if one is left.
fn within_rate(per_second: u32) -> bool {
    if per_second == 0 {
        return false;
    }
    if per_second == u32::MAX {
        return true;
    }
    let second = START.get_or_init(Instant::now).elapsed().as_secs() & u64::from(u32::MAX);
    let mut spent = SPENT.load(Ordering::Relaxed);
    loop {
        let count = if spent >> 32 == second {
            spent & u64::from(u32::MAX)
        } else {
            0
        };
        if count >= u64::from(per_second) {
            return false;
        }
        match SPENT.compare_exchange_weak(
            spent,
            second << 32 | (count + 1),
            Ordering::Relaxed,
            Ordering::Relaxed,
        ) {
            Ok(_) => return true,
            Err(now) => spent = now,
        }
    }
}
