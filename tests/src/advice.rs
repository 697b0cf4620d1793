//! The promises of retry advice on any `Retry-After` value, for property
//! tests and fuzzing: parsing never panics and never gives a delay that
//! overflows when added to the clock, and advice never waits less than the
//! server asked (unless the ask passes the policy's ceiling) nor longer
//! than the policy allows.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use errcodes_runtime::retry::{Advice, MAX_RETRY_AFTER, Policy, parse_retry_after};

/// Checks `value` as a `Retry-After` header.
///
/// # Panics
///
/// When a promise is broken.
pub fn retry_after(value: &str) {
    // Sun, 06 Nov 1994 08:49:37 GMT, and the wall clock.
    for now in [
        UNIX_EPOCH + Duration::from_secs(784_111_777),
        SystemTime::now(),
    ] {
        let parsed = parse_retry_after(value, now);
        if let Some(delay) = parsed {
            assert!(delay <= MAX_RETRY_AFTER, "{value:?}: {delay:?}");
            let _ = Instant::now() + delay;
            let _ = now + delay;
        }
        let digits = value.trim();
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let expected = digits
                .parse::<u64>()
                .map_or(MAX_RETRY_AFTER, Duration::from_secs)
                .min(MAX_RETRY_AFTER);
            assert_eq!(parsed, Some(expected), "{value:?}");
        }
        let policy = Policy::default();
        match policy.advise(None, 503, Some(value), None, now) {
            Advice::RetryAfter(wait) => {
                let Some(asked) = parsed else {
                    panic!("{value:?}: a wait without a delay to follow")
                };
                assert!(
                    policy.min_delay <= wait && wait <= policy.max_delay,
                    "{value:?}: {wait:?}"
                );
                // Never earlier than asked, unless the ask was cut.
                if asked < policy.max_delay {
                    assert!(wait >= asked, "{value:?}: {wait:?} before {asked:?}");
                } else {
                    let floor = policy.max_delay.mul_f64(1.0 - policy.jitter);
                    assert!(wait >= floor, "{value:?}: {wait:?} before {floor:?}");
                }
            }
            Advice::Backoff => assert!(parsed.is_none(), "{value:?}"),
            Advice::Stop(action) => panic!("a 503 is retried, not stopped with {action:?}"),
        }
    }
}
