//! The herd: a fleet of clients that received the same 503 at the same
//! instant follows the advice over several attempts. Nobody comes back
//! before the server asked, no 100 ms window gets more than a bounded share
//! of the fleet, and no client waits longer than the policy allows.

#![forbid(unsafe_code)]

use std::time::{Duration, SystemTime};

use errcodes_runtime::retry::{Advice, Backoff, Policy};
use errcodes_runtime::wire::{ErrorResponse, Headers};
use errcodes_tests::pass::PassError;

const CLIENTS: usize = 10_000;
const ATTEMPTS: u32 = 4;
const WINDOW: Duration = Duration::from_millis(100);

/// When each client of the fleet sends its retries, from the instant they
/// all received a 503 with `retry_after`; the server answers 503 again
/// every time.
fn fleet(policy: &Policy, retry_after: Option<&str>) -> Vec<Vec<Duration>> {
    let backoff = Backoff::default();
    let headers = Headers {
        content_type: Some("text/html"),
        retry_after,
    };
    let now = SystemTime::now();
    (0..CLIENTS)
        .map(|_| {
            let mut at = Duration::ZERO;
            (0..ATTEMPTS)
                .map(|attempt| {
                    let response =
                        ErrorResponse::<PassError>::decode(503, headers, b"<html>busy</html>")
                            .unwrap();
                    let wait = match response.advice_with(policy, now) {
                        Advice::RetryAfter(delay) => delay,
                        Advice::Backoff => backoff.delay(attempt),
                        Advice::Stop(action) => panic!("a 503 is retried: {action:?}"),
                    };
                    at += wait;
                    at
                })
                .collect()
        })
        .collect()
}

/// The largest share of the fleet that comes back within one window, at
/// any attempt.
fn largest_share(retries: &[Vec<Duration>]) -> f64 {
    let mut largest = 0;
    for attempt in 0..ATTEMPTS as usize {
        let mut at: Vec<Duration> = retries.iter().map(|r| r[attempt]).collect();
        at.sort();
        let mut start = 0;
        for end in 0..at.len() {
            while at[end].saturating_sub(at[start]) >= WINDOW {
                start += 1;
            }
            largest = largest.max(end - start + 1);
        }
    }
    #[allow(clippy::cast_precision_loss)] // counts of a few thousand
    let share = largest as f64 / CLIENTS as f64;
    share
}

#[test]
fn a_fleet_told_the_same_delay_comes_back_spread_out() {
    let policy = Policy::default();
    for (retry_after, earliest, bound) in [
        // Told "now": spread over a second, from a second on.
        (Some("0"), Duration::from_secs(1), 0.15),
        // Told 30 s: spread over 3 s, none early. (Before the jitter on a
        // server's delay, the whole fleet came back at +30 s.)
        (Some("30"), Duration::from_secs(30), 0.06),
        // Told nothing: exponential backoff with full jitter, from a
        // second. (Before, the first retries all came within 100 ms.)
        (None, Duration::ZERO, 0.15),
    ] {
        let retries = fleet(&policy, retry_after);
        let share = largest_share(&retries);
        println!(
            "Retry-After {retry_after:?}: at most {:.1} % of the fleet in any 100 ms window",
            share * 100.0
        );
        assert!(share <= bound, "{retry_after:?}: {share}");
        let backoff = Backoff::default();
        for client in &retries {
            // Every wait is capped, and none comes before the server asked;
            // without a delay, each stays under its backoff ceiling.
            let mut before = Duration::ZERO;
            for (attempt, &at) in (0..).zip(client) {
                let wait = at.saturating_sub(before);
                assert!(wait >= earliest, "{retry_after:?}: {client:?}");
                assert!(wait <= policy.max_delay, "{client:?}");
                if retry_after.is_none() {
                    assert!(wait <= backoff.ceiling(attempt), "{client:?}");
                }
                before = at;
            }
        }
    }
}
