//! Retry advice: every Edge Network rule for responses without a known
//! code, `Retry-After` in both of its forms, delays in bodies, and the
//! codes' own actions.

#![forbid(unsafe_code)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use errcodes_runtime::Occurrence;
use errcodes_runtime::retry::{Advice, Backoff, MAX_RETRY_AFTER, Policy, parse_retry_after};
use errcodes_runtime::wire::{ErrorResponse, Headers, Json, acp, render};
use errcodes_runtime::{Action, ErrorCode};
use errcodes_tests::{acp::AcpError, pass::PassError};
use http::{HeaderMap, HeaderValue, StatusCode, header::RETRY_AFTER};

/// Sun, 06 Nov 1994 08:49:37 GMT.
fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(784_111_777)
}

/// The default policy without jitter, so that each server delay shows as
/// sent; how jitter spreads a fleet is tests/fleet.rs's.
fn exact() -> Policy {
    Policy {
        jitter: 0.0,
        ..Policy::default()
    }
}

/// `retry::advise`, by the exact policy.
fn advise(
    action: Option<Action>,
    status: u16,
    retry_after: Option<&str>,
    body_delay: Option<Duration>,
    now: SystemTime,
) -> Advice {
    exact().advise(action, status, retry_after, body_delay, now)
}

#[test]
fn edge_rules_for_unknown_codes() {
    let secs = Duration::from_secs;
    // Client errors are not retried: the client must fix the request.
    for status in [400, 401, 403, 404, 409, 422] {
        assert_eq!(
            advise(None, status, Some("5"), None, now()),
            Advice::Stop(Action::None),
            "{status}"
        );
    }
    // 429: retried, respecting Retry-After.
    assert_eq!(
        advise(None, 429, Some("5"), None, now()),
        Advice::RetryAfter(secs(5))
    );
    assert_eq!(advise(None, 429, None, None, now()), Advice::Backoff);
    // 500: not retried, even with a Retry-After.
    assert_eq!(
        advise(None, 500, Some("5"), None, now()),
        Advice::Stop(Action::None)
    );
    // 502 and 504: retried, after some time.
    assert_eq!(advise(None, 502, None, None, now()), Advice::Backoff);
    assert_eq!(advise(None, 504, None, None, now()), Advice::Backoff);
    // 503: retried, respecting Retry-After.
    assert_eq!(
        advise(None, 503, Some("120"), None, now()),
        Advice::RetryAfter(secs(120))
    );
    assert_eq!(
        advise(
            None,
            503,
            Some("Sun, 06 Nov 1994 08:51:37 GMT"),
            None,
            now()
        ),
        Advice::RetryAfter(secs(120))
    );
}

#[test]
fn retry_after_in_both_forms_from_real_headers() {
    let mut headers = HeaderMap::new();
    headers.insert(RETRY_AFTER, HeaderValue::from_static("30"));
    assert_eq!(errcodes_runtime::http::retry_after(&headers), Some("30"));
    let advice =
        errcodes_runtime::http::advise(None, StatusCode::TOO_MANY_REQUESTS, &headers, None);
    // The default policy waits the delay and up to a tenth more.
    let Advice::RetryAfter(wait) = advice else {
        panic!("{advice:?}")
    };
    assert!(Duration::from_secs(30) <= wait && wait <= Duration::from_secs(33));

    // An HTTP-date, read from the header at a fixed time.
    let in_a_minute = httpdate::fmt_http_date(now() + Duration::from_secs(60));
    headers.insert(RETRY_AFTER, HeaderValue::from_str(&in_a_minute).unwrap());
    let header = errcodes_runtime::http::retry_after(&headers);
    assert_eq!(
        advise(None, 503, header, None, now()),
        Advice::RetryAfter(Duration::from_secs(60))
    );

    // A date in the past is no wait; nonsense is no date.
    assert_eq!(
        parse_retry_after("Sat, 05 Nov 1994 08:49:37 GMT", now()),
        Some(Duration::ZERO)
    );
    assert_eq!(parse_retry_after("-5", now()), None);
    assert_eq!(parse_retry_after("", now()), None);
    assert_eq!(
        parse_retry_after(" 7 ", now()),
        Some(Duration::from_secs(7))
    );
    // Far beyond any real delay: cut, so that `Instant::now() + delay`
    // cannot overflow.
    assert_eq!(
        parse_retry_after("99999999999999999999999", now()),
        Some(MAX_RETRY_AFTER)
    );
    let _ = std::time::Instant::now() + MAX_RETRY_AFTER;
}

#[test]
fn an_unknown_code_on_503_with_retry_after_is_retried_after_it() {
    // The README's client: a code this client does not know, on a 503.
    let headers = Headers {
        content_type: Some("application/json"),
        retry_after: Some("7"),
    };
    let body = br#"{"error": {"code": "brand_new_outage", "message": "Down"}}"#;
    let error = ErrorResponse::<PassError>::decode(503, headers, body).unwrap();
    assert_eq!(error.action(), Action::RetryAfter);
    assert_eq!(
        error.advice_with(&exact(), now()),
        Advice::RetryAfter(Duration::from_secs(7))
    );
    // The same body on a 500 is not retried, on a 502 it is, with backoff.
    let on = |status| ErrorResponse::<PassError>::decode(status, Headers::default(), body).unwrap();
    assert_eq!(on(500).advice(now()), Advice::Stop(Action::None));
    assert_eq!(on(502).advice(now()), Advice::Backoff);
    // The default policy waits the delay and up to a second more.
    let Advice::RetryAfter(wait) = error.advice(now()) else {
        panic!()
    };
    assert!(Duration::from_secs(7) <= wait && wait <= Duration::from_secs(8));
}

#[test]
fn advice_cannot_hurt() {
    let policy = Policy::default();
    // Huge delays are capped, and spread below the cap.
    for advice in [
        errcodes_runtime::retry::advise(None, 429, Some("99999999999999999999999"), None, now()),
        errcodes_runtime::retry::advise(None, 429, None, Some(Duration::MAX), now()),
    ] {
        let Advice::RetryAfter(wait) = advice else {
            panic!("{advice:?}")
        };
        assert!(
            policy.max_delay.mul_f64(1.0 - policy.jitter) <= wait && wait <= policy.max_delay,
            "{wait:?}"
        );
    }
    // Zero and dates in the past get a short floor, with jitter, so that
    // clients told "now" do not all come back at the same instant.
    let past = errcodes_runtime::retry::advise(
        None,
        503,
        Some("Sat, 05 Nov 1994 08:49:37 GMT"),
        None,
        now(),
    );
    let draws: Vec<Duration> = (0..50)
        .map(
            |_| match errcodes_runtime::retry::advise(None, 503, Some("0"), None, now()) {
                Advice::RetryAfter(delay) => delay,
                other => panic!("{other:?}"),
            },
        )
        .collect();
    for delay in draws.iter().chain(
        [match past {
            Advice::RetryAfter(delay) => delay,
            other => panic!("{other:?}"),
        }]
        .iter(),
    ) {
        assert!(
            policy.min_delay <= *delay && *delay <= policy.min_delay * 2,
            "{delay:?}"
        );
    }
    assert!(draws.iter().any(|d| *d != draws[0]), "jittered: {draws:?}");
    // The policy is the caller's to set.
    let strict = Policy {
        max_delay: Duration::from_secs(5),
        min_delay: Duration::from_millis(10),
        jitter: 0.0,
    };
    assert_eq!(
        strict.advise(None, 503, Some("120"), None, now()),
        Advice::RetryAfter(Duration::from_secs(5))
    );
}

#[test]
fn sub_second_delays_are_rounded_up_on_the_way_out() {
    let occurrence = Occurrence::new().retry_after(Duration::from_millis(300));
    let code = AcpError::RateLimitExceeded;
    let rendered = render(code, &occurrence, code.wire_format());
    assert_eq!(rendered.retry_after_secs(), Some(1));
    let envelope = acp::Envelope::<AcpError>::decode(&rendered.body).unwrap();
    assert_eq!(
        envelope.error().unwrap().retry_after(),
        Some(Duration::from_secs(1))
    );
    let exact = render(
        code,
        &Occurrence::new().retry_after_secs(2),
        code.wire_format(),
    );
    assert_eq!(exact.retry_after_secs(), Some(2));
}

#[test]
fn codes_that_say_to_retry_after_a_delay_always_come_with_one() {
    // Adobe Pass: "a Retry-After header will indicate how many seconds".
    let code = PassError::TooManyRequests;
    assert_eq!(code.action(), Action::RetryAfter);
    let rendered = render(code, &Occurrence::new(), code.wire_format());
    assert_eq!(
        rendered.retry_after,
        Some(errcodes_runtime::wire::DEFAULT_RETRY_AFTER)
    );
    // A code that does not say so gets none unless the occurrence gives one.
    let code = PassError::BadRequest;
    assert_eq!(
        render(code, &Occurrence::new(), code.wire_format()).retry_after,
        None
    );
}

#[test]
fn a_delay_in_the_body_wins_over_the_header() {
    let body = br#"{"success": false, "error": {"code": "RATE_LIMIT_EXCEEDED", "message": "m", "retry_after": 45}}"#;
    let envelope = acp::Envelope::<AcpError>::decode(body).unwrap();
    let error = envelope.error().unwrap();
    let advice = advise(
        Some(error.action()),
        429,
        Some("5"),
        error.retry_after(),
        now(),
    );
    assert_eq!(advice, Advice::RetryAfter(Duration::from_secs(45)));
}

#[test]
fn a_known_code_action_wins_over_the_status_rules() {
    // Adobe Pass says not to retry service_unavailable, though it is a 503.
    let code = PassError::ServiceUnavailable;
    assert_eq!(
        advise(
            Some(code.action()),
            code.http_status(),
            Some("5"),
            None,
            now()
        ),
        Advice::Stop(Action::None)
    );
    // And to retry network_connection_timeout, though it is a 403.
    let code = PassError::NetworkConnectionTimeout;
    assert_eq!(
        advise(Some(code.action()), code.http_status(), None, None, now()),
        Advice::Backoff
    );
    let code = PassError::AccessTokenExpired;
    assert_eq!(
        advise(Some(code.action()), code.http_status(), None, None, now()),
        Advice::Stop(Action::ApplicationRegistration)
    );
}

#[test]
fn backoff_grows_to_its_ceiling_with_jitter() {
    let backoff = Backoff {
        initial: Duration::from_millis(100),
        max: Duration::from_secs(2),
    };
    // The ceiling starts at `initial`, never shrinks, and stops at `max`.
    assert_eq!(backoff.ceiling(0), backoff.initial);
    let ceilings: Vec<Duration> = (0..40).map(|attempt| backoff.ceiling(attempt)).collect();
    assert!(
        ceilings.windows(2).all(|pair| pair[0] <= pair[1]),
        "{ceilings:?}"
    );
    assert!(ceilings.iter().all(|&c| c <= backoff.max));
    assert_eq!(ceilings.last(), Some(&backoff.max));
    assert!(ceilings[1] > ceilings[0], "it grows");
    // Every delay is within its ceiling.
    for attempt in 0..40 {
        for _ in 0..20 {
            assert!(
                backoff.delay(attempt) <= backoff.ceiling(attempt),
                "{attempt}"
            );
        }
    }
    // Jitter spreads delays over the whole range: of 200 draws, some fall
    // in the lowest quarter and some in the highest (each fails to with a
    // chance of (3/4)^200).
    let ceiling = backoff.ceiling(10);
    let draws: Vec<Duration> = (0..200).map(|_| backoff.delay(10)).collect();
    assert!(draws.iter().any(|&d| d < ceiling / 4), "{draws:?}");
    assert!(draws.iter().any(|&d| d > ceiling * 3 / 4), "{draws:?}");
    assert_eq!(
        Advice::Backoff
            .delay(&backoff, 3)
            .map(|d| d <= backoff.ceiling(3)),
        Some(true)
    );
    assert_eq!(Advice::Stop(Action::None).delay(&backoff, 0), None);
}

proptest::proptest! {
    #[test]
    fn any_retry_after_is_safe(value in "[0-9 ]{0,30}|[A-Za-z0-9 ,:-]{0,40}|.{0,20}") {
        errcodes_tests::advice::retry_after(&value);
    }
}

#[test]
fn retry_after_dates_near_the_limits_are_safe() {
    for value in [
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "18446744073709551615",
        "18446744073709551616",
        "4294967295",
        "4294967296",
        "0",
        " 00000000000000000000000001 ",
    ] {
        errcodes_tests::advice::retry_after(value);
    }
}
