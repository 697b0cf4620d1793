//! What the path between client and server sends, over a real connection:
//! a load balancer's HTML page, a maintenance switch's empty 503, a plain
//! text 503, a truncated body, another API's error. None of them is in
//! the catalog's format; each is read all the same, with no code, and the
//! status and `Retry-After` decide what to do.

#![forbid(unsafe_code)]

use std::future::IntoFuture;
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::response::Response;
use axum::routing::get;
use errcodes_runtime::Action;
use errcodes_runtime::reqwest::read;
use errcodes_runtime::retry::{Advice, Policy};
use errcodes_runtime::wire::{DecodeErrorKind, ErrorResponse};
use errcodes_tests::pass::PassError;

fn answer(status: u16, headers: &[(&str, &str)], body: &'static str) -> Response {
    let mut response = Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(axum::body::Body::from(body)).unwrap()
}

fn app() -> Router {
    Router::new()
        .route(
            "/lb",
            get(|| async {
                answer(
                    502,
                    &[("content-type", "text/html")],
                    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
                )
            }),
        )
        .route(
            "/maintenance",
            get(|| async { answer(503, &[("retry-after", "120")], "") }),
        )
        .route(
            "/text",
            get(|| async {
                answer(
                    503,
                    &[("content-type", "text/plain; charset=utf-8")],
                    "Service Unavailable",
                )
            }),
        )
        .route(
            "/truncated",
            get(|| async {
                answer(
                    500,
                    &[("content-type", "application/json")],
                    r#"{"error": {"status": 500, "code": "internal_err"#,
                )
            }),
        )
        .route(
            "/other-api",
            get(|| async {
                answer(
                    429,
                    &[("content-type", "application/problem+json"), ("retry-after", "30")],
                    r#"{"type": "https://gateway.example/throttled", "title": "Too Many Requests", "status": 429}"#,
                )
            }),
        )
        .route(
            "/duplicate",
            get(|| async {
                answer(
                    400,
                    &[("content-type", "application/json")],
                    r#"{"error": {"code": "bad_request", "code": "internal_error"}}"#,
                )
            }),
        )
}

/// What a client gets from `path`.
async fn fetch(client: &reqwest::Client, base: &str, path: &str) -> ErrorResponse<PassError> {
    let response = client.get(format!("{base}{path}")).send().await.unwrap();
    read::<PassError>(response).await.unwrap()
}

/// A policy without jitter, so that a server's delay shows as sent.
fn exact() -> Policy {
    Policy {
        jitter: 0.0,
        ..Policy::default()
    }
}

#[tokio::test]
async fn bodies_from_the_path_between_are_read_and_advise() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(axum::serve(listener, app()).into_future());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let now = SystemTime::now();

    // A load balancer's page: 502 is retried with backoff.
    let lb = fetch(&client, &base, "/lb").await;
    assert_eq!((lb.status(), lb.code()), (502, None));
    assert_eq!(lb.advice(now), Advice::Backoff);
    let unread = lb.unread().expect("the page is kept");
    assert!(unread.text().contains("502 Bad Gateway"), "{unread:?}");
    assert_eq!(unread.error().kind(), DecodeErrorKind::NotJson);

    // A maintenance switch: an empty 503 with Retry-After, which decides.
    let maintenance = fetch(&client, &base, "/maintenance").await;
    assert_eq!((maintenance.status(), maintenance.code()), (503, None));
    assert_eq!(maintenance.retry_after(), Some("120"));
    assert_eq!(maintenance.action(), Action::RetryAfter);
    assert_eq!(
        maintenance.advice_with(&exact(), now),
        Advice::RetryAfter(Duration::from_secs(120))
    );
    assert_eq!(maintenance.unread().unwrap().bytes(), b"");

    // Plain text, no delay: a 503 without one backs off.
    let text = fetch(&client, &base, "/text").await;
    assert_eq!(
        (text.status(), text.code(), text.message()),
        (503, None, None)
    );
    assert_eq!(text.advice(now), Advice::Backoff);
    assert_eq!(text.unread().unwrap().text(), "Service Unavailable");

    // A body cut short: a 500 is not retried.
    let truncated = fetch(&client, &base, "/truncated").await;
    assert_eq!((truncated.status(), truncated.code()), (500, None));
    assert_eq!(truncated.advice(now), Advice::Stop(Action::None));
    assert_eq!(
        truncated.unread().unwrap().error().kind(),
        DecodeErrorKind::NotJson
    );

    // Another API's problem detail on a 429: no code of ours, its delay.
    let other = fetch(&client, &base, "/other-api").await;
    assert_eq!((other.status(), other.code()), (429, None));
    assert_eq!(
        other.advice_with(&exact(), now),
        Advice::RetryAfter(Duration::from_secs(30))
    );

    // A member given twice: no code is read rather than one a proxy would
    // not read.
    let duplicate = fetch(&client, &base, "/duplicate").await;
    assert_eq!((duplicate.status(), duplicate.code()), (400, None));
    assert_eq!(
        duplicate.unread().unwrap().error().kind(),
        DecodeErrorKind::DuplicateMember
    );
    assert_eq!(duplicate.advice(now), Advice::Stop(Action::None));

    server.abort();
}
