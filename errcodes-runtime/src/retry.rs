//! What a client should do after an error: retry after a delay, retry with
//! backoff, or stop and do something else, decided from the code's action,
//! the HTTP status, the `Retry-After` header and a delay in the body.
//!
//! ```
//! use std::time::{Duration, SystemTime};
//! use errcodes_runtime::retry::{Advice, advise};
//! use errcodes_runtime::Action;
//!
//! let now = SystemTime::now();
//! // A known code that says to retry after a delay: at least the delay,
//! // and a little more, so that a fleet told the same does not come back at once.
//! let Advice::RetryAfter(wait) = advise(Some(Action::RetryAfter), 429, Some("30"), None, now) else { panic!() };
//! assert!(Duration::from_secs(30) <= wait && wait <= Duration::from_secs(33));
//! // A delay of a century is cut to the policy's ceiling, ten minutes.
//! let Advice::RetryAfter(wait) = advise(None, 503, Some("3155760000"), None, now) else { panic!() };
//! assert!(wait <= Duration::from_secs(600));
//! // An unknown code with 502: retry, backing off.
//! assert_eq!(advise(None, 502, None, None, now), Advice::Backoff);
//! // An unknown code with 500: do not retry.
//! assert_eq!(advise(None, 500, None, None, now), Advice::Stop(Action::None));
//! // A known code that says to authenticate again.
//! assert_eq!(advise(Some(Action::Authentication), 401, None, None, now), Advice::Stop(Action::Authentication));
//! ```
//!
//! # With a retry crate
//!
//! The advice decides whether and when; a retry crate runs the loop. With
//! [backon](https://docs.rs/backon), `when` stops on [`Advice::Stop`] and
//! `adjust` puts the server's delay in place of the exponential one:
//!
//! ```
//! use std::time::Duration;
//! use backon::{ExponentialBuilder, Retryable};
//! use errcodes_runtime::retry::Advice;
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! /// What a failed call leaves: the advice, decoded from the response.
//! #[derive(Debug)]
//! struct Failed {
//!     code: AcpError,
//!     advice: Advice,
//! }
//!
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! // A service that is rate limited, then times out, then answers.
//! let answers = std::sync::Mutex::new(vec![
//!     Ok("done"),
//!     Err(Failed { code: AcpError::Timeout, advice: Advice::Backoff }),
//!     Err(Failed { code: AcpError::RateLimitExceeded, advice: Advice::RetryAfter(Duration::from_secs(45)) }),
//! ]);
//! let call = || async { answers.lock().unwrap().pop().unwrap() };
//!
//! let mut waits = Vec::new();
//! let result = call
//!     .retry(ExponentialBuilder::default().with_min_delay(Duration::from_millis(100)).with_max_times(5))
//!     .when(|failed: &Failed| failed.advice.is_retry())
//!     .adjust(|failed: &Failed, backoff| match failed.advice {
//!         Advice::RetryAfter(delay) => Some(delay),
//!         Advice::Backoff => backoff,
//!         Advice::Stop(_) => None,
//!     })
//!     .notify(|failed: &Failed, wait| waits.push((failed.code, wait.as_millis())))
//!     .await;
//!
//! assert_eq!(result.unwrap(), "done");
//! assert_eq!(waits, [
//!     (AcpError::RateLimitExceeded, 45_000), // the server's delay, in milliseconds
//!     (AcpError::Timeout, 200),              // backon's second delay
//! ]);
//! # }
//! ```

use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, SystemTime};

use crate::{Action, Guidance, Outcome, Resend};

/// What to do about a failed request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Advice {
    /// Send the same request again after this delay.
    RetryAfter(Duration),
    /// Send it again, backing off exponentially: it may succeed, but no
    /// delay was given. See [`Backoff`].
    Backoff,
    /// Do not send it again as it is; the action says what would help (for
    /// a request partly done, with what failed).
    Stop(Action),
}

impl Advice {
    /// Whether the request should be sent again.
    #[must_use]
    pub const fn is_retry(self) -> bool {
        !matches!(self, Advice::Stop(_))
    }

    /// The delay to wait: the one given, or `backoff`'s for the
    /// `attempt`th retry (counting from 0); `None` when not to retry.
    #[must_use]
    pub fn delay(self, backoff: &Backoff, attempt: u32) -> Option<Duration> {
        match self {
            Advice::RetryAfter(delay) => Some(delay),
            Advice::Backoff => Some(backoff.delay(attempt)),
            Advice::Stop(_) => None,
        }
    }
}

/// How far a client trusts a server's delay, and how it spreads a fleet's
/// retries, so that following advice cannot hurt: a delay too long to be
/// meant is cut, and every wait is jittered, never earlier than the server
/// asked, so that clients that were told the same thing at the same
/// instant do not all come back at once.
///
/// The wait for a server's delay `d`:
///
/// - below [`min_delay`](Self::min_delay) (zero, or a date in the past):
///   `min_delay` plus up to `min_delay` more;
/// - up to [`max_delay`](Self::max_delay): `d` plus up to
///   [`jitter`](Self::jitter) of `d` (at least `min_delay`'s worth),
///   never past `max_delay`;
/// - beyond `max_delay`: up to `jitter` of `max_delay` below it, the only
///   case that comes earlier than asked, since the ask was cut anyway.
///
/// ```
/// use std::time::Duration;
/// use errcodes_runtime::retry::Policy;
///
/// let policy = Policy::default();
/// let wait = policy.bound(Duration::from_secs(30));
/// assert!(Duration::from_secs(30) <= wait && wait <= Duration::from_secs(33));
/// assert!(policy.bound(Duration::from_secs(86_400)) <= policy.max_delay);
/// let now = policy.bound(Duration::ZERO);
/// assert!(policy.min_delay <= now && now <= policy.min_delay * 2);
/// // The same rule, with the random part given: for simulations.
/// assert_eq!(policy.bound_at(Duration::from_secs(30), 0.5), Duration::from_millis(31_500));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Policy {
    /// The longest wait any advice gives; longer delays are cut to it.
    /// Default: 10 minutes.
    pub max_delay: Duration,
    /// The least wait after a delay shorter than it (zero, or a date in the
    /// past): this much plus a random part of it. Default: 1 second.
    pub min_delay: Duration,
    /// How much longer than a server's delay a wait may be, as a fraction
    /// of the delay (and at least `min_delay`). Default: 0.1, so that a
    /// fleet told to come back in 30 seconds comes back over 3. Zero turns
    /// the spreading off: a wait is then the server's delay, bounded, or
    /// `min_delay` for a delay below it.
    pub jitter: f64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            max_delay: Duration::from_secs(600),
            min_delay: Duration::from_secs(1),
            jitter: 0.1,
        }
    }
}

impl Policy {
    /// Decides what to do after a failed request.
    ///
    /// - `action`: the action of the response's code, or `None` when the
    ///   code is unknown or absent; then the status decides, by the Edge
    ///   Network rules ([`Action::for_status`]): 429 and 503 are retried
    ///   after the `Retry-After` delay, 502 and 504 are retried, everything
    ///   else is not.
    /// - `retry_after`: the `Retry-After` header, as delta-seconds or as an
    ///   HTTP-date (RFC 9110, section 10.2.3).
    /// - `body_delay`: a delay the body gives, such as ACP's
    ///   `retry_after`; it wins over the header.
    ///
    /// A failure (a status of 400 or more, the outcome
    /// [`Outcome::for_status`] implies) whose action says to retry gives
    /// [`Advice::RetryAfter`] when a delay is known, [bounded and
    /// jittered](Self::bound), and [`Advice::Backoff`] when not; anything
    /// else is [`Advice::Stop`]: the rule of [`Guidance::resend`].
    #[must_use]
    pub fn advise(
        &self,
        action: Option<Action>,
        status: u16,
        retry_after: Option<&str>,
        body_delay: Option<Duration>,
        now: SystemTime,
    ) -> Advice {
        let action = action.unwrap_or(Action::for_status(status));
        let guidance = Guidance::new(action, Outcome::for_status(status));
        self.follow(guidance, retry_after, body_delay, now)
    }

    /// Decides what to do after a response whose code's [`Guidance`] is
    /// known: [`Policy::advise`] with the code's own outcome rather than
    /// the one its status implies.
    ///
    /// ```
    /// use std::time::SystemTime;
    /// use errcodes_runtime::retry::{Advice, Policy};
    /// use errcodes_runtime::{Action, Guidance, Outcome};
    ///
    /// // Part of the request was done: it is not sent again as it is.
    /// let partly = Guidance::new(Action::Retry, Outcome::Partial);
    /// let advice = Policy::default().follow(partly, None, None, SystemTime::now());
    /// assert_eq!(advice, Advice::Stop(Action::Retry));
    /// ```
    #[must_use]
    pub fn follow(
        &self,
        guidance: Guidance,
        retry_after: Option<&str>,
        body_delay: Option<Duration>,
        now: SystemTime,
    ) -> Advice {
        if guidance.resend() == Resend::No {
            return Advice::Stop(guidance.action);
        }
        let delay =
            body_delay.or_else(|| retry_after.and_then(|value| parse_retry_after(value, now)));
        delay.map_or(Advice::Backoff, |delay| {
            Advice::RetryAfter(self.bound(delay))
        })
    }

    /// The wait for a server's `delay`, with a random part: see the rules
    /// above.
    #[must_use]
    pub fn bound(&self, delay: Duration) -> Duration {
        self.bound_at(delay, random_fraction(delay))
    }

    /// The wait for a server's `delay` when the random part is `fraction`,
    /// in `0.0..=1.0` (anything else is clamped to it).
    #[must_use]
    pub fn bound_at(&self, delay: Duration, fraction: f64) -> Duration {
        let jitter = self.jitter.clamp(0.0, 1.0);
        // Without jitter, no random part at all.
        let fraction = if jitter > 0.0 {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if delay < self.min_delay {
            return (self.min_delay + self.min_delay.mul_f64(fraction)).min(self.max_delay);
        }
        if delay >= self.max_delay {
            return self
                .max_delay
                .saturating_sub(self.max_delay.mul_f64(jitter * fraction));
        }
        let window = delay
            .mul_f64(jitter)
            .max(self.min_delay)
            .min(self.max_delay.saturating_sub(delay));
        delay + window.mul_f64(fraction)
    }
}

/// [`Policy::advise`] with the default policy.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use errcodes_runtime::retry::{Advice, advise};
///
/// let now = SystemTime::now();
/// let Advice::RetryAfter(wait) = advise(None, 503, Some("120"), None, now) else { panic!() };
/// assert!(Duration::from_secs(120) <= wait && wait <= Duration::from_secs(132));
/// ```
#[must_use]
pub fn advise(
    action: Option<Action>,
    status: u16,
    retry_after: Option<&str>,
    body_delay: Option<Duration>,
    now: SystemTime,
) -> Advice {
    Policy::default().advise(action, status, retry_after, body_delay, now)
}

/// The longest delay [`parse_retry_after`] returns: about 136 years, short
/// enough that adding it to an `Instant` or a `SystemTime` cannot overflow.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(u32::MAX as u64);

/// Reads a `Retry-After` value: delta-seconds (`120`) or an HTTP-date
/// (`Fri, 31 Dec 1999 23:59:59 GMT`, or the two obsolete formats recipients
/// must also accept), as a delay from `now`. A date in the past is no
/// delay; a delay beyond [`MAX_RETRY_AFTER`] is cut to it.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use errcodes_runtime::retry::{MAX_RETRY_AFTER, parse_retry_after};
///
/// let now = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
/// assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
/// assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now), Some(Duration::from_secs(120)));
/// assert_eq!(parse_retry_after("Sunday, 06-Nov-94 08:51:37 GMT", now), Some(Duration::from_secs(120)));
/// assert_eq!(parse_retry_after("Sun Nov  6 08:51:37 1994", now), Some(Duration::from_secs(120)));
/// assert_eq!(parse_retry_after("99999999999999999999999", now), Some(MAX_RETRY_AFTER));
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
#[must_use]
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    let delay = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for a u64 is still a very long wait.
        Duration::from_secs(value.parse().unwrap_or(u64::MAX))
    } else {
        let date = httpdate::parse_http_date(value).ok()?;
        date.duration_since(now).unwrap_or(Duration::ZERO)
    };
    Some(delay.min(MAX_RETRY_AFTER))
}

/// A random number in `0.0..1.0`. A fresh `RandomState` hashes with new
/// random keys: random enough for jitter, without a dependency.
fn random_fraction(seed: impl core::hash::Hash) -> f64 {
    let random = RandomState::new().hash_one(seed);
    #[allow(clippy::cast_precision_loss)] // a fraction needs no precision
    let fraction = (random >> 11) as f64 / (1u64 << 53) as f64;
    fraction
}

/// Exponential backoff with full jitter: the `n`th retry waits a random
/// time between zero and `initial × 2ⁿ`, capped at `max`, so that clients
/// that failed together do not retry together.
///
/// ```
/// use std::time::Duration;
/// use errcodes_runtime::retry::Backoff;
///
/// let backoff = Backoff::default();
/// assert!(backoff.delay(0) <= Duration::from_secs(1));
/// assert!(backoff.delay(20) <= backoff.max);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    /// The ceiling of the first delay. Default: 1 second, so that a fleet
    /// that failed at once is spread over a second, not a tenth of one.
    pub initial: Duration,
    /// The ceiling of every delay. Default: 30 s.
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            initial: Duration::from_secs(1),
            max: Duration::from_secs(30),
        }
    }
}

impl Backoff {
    /// The longest the `attempt`th retry (counting from 0) may wait:
    /// [`initial`](Self::initial) doubled for each attempt, up to
    /// [`max`](Self::max).
    #[must_use]
    pub fn ceiling(&self, attempt: u32) -> Duration {
        self.initial
            .saturating_mul(1 << attempt.min(31))
            .min(self.max)
    }

    /// The delay before the `attempt`th retry, counting from 0: a random
    /// time up to [`ceiling`](Self::ceiling).
    #[must_use]
    pub fn delay(&self, attempt: u32) -> Duration {
        self.ceiling(attempt).mul_f64(random_fraction(attempt))
    }
}
