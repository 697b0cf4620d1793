//! A real axum server on 127.0.0.1, a real HTTP client, and every wire
//! format: each handler returns a typed error, and the client reads each
//! response through the one entry point back into the typed code; a body
//! larger than the limit is refused while it arrives.

#![forbid(unsafe_code)]

use std::future::IntoFuture;
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::routing::get;
use errcodes_runtime::axum::Reply;
use errcodes_runtime::reqwest::{ReadError, read, read_with};
use errcodes_runtime::retry::{Advice, Policy};
use errcodes_runtime::wire::{DecodeErrorKind, ErrorResponse, Limits, Payload};
use errcodes_runtime::{Action, ErrorCode, WireFormat};
use errcodes_runtime::{Code, Occurrence};
use errcodes_tests::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};

/// A handler that fails with `?`, as application code does.
async fn entitlement() -> Result<String, PassError> {
    let found: Option<String> = None;
    let entitlement = found.ok_or(PassError::AuthorizationNotFound)?;
    Ok(entitlement)
}

/// An error body that never ends, in chunks of 64 KiB.
async fn endless() -> axum::response::Response {
    let chunk = bytes_of(64 * 1024);
    let stream = futures_util::stream::repeat_with(move || Ok::<_, std::io::Error>(chunk.clone()));
    axum::response::Response::builder()
        .status(503)
        .header("content-type", "application/json")
        .body(axum::body::Body::from_stream(stream))
        .unwrap()
}

fn bytes_of(size: usize) -> axum::body::Bytes {
    axum::body::Bytes::from(vec![b' '; size])
}

fn app() -> Router {
    Router::new()
        .route(
            "/privacy",
            get(|| async {
                Reply::with(
                    PrivacyError::DocumentRateLimitExceeded,
                    Occurrence::new().detail("slow down").retry_after_secs(30),
                )
            }),
        )
        .route(
            "/edge/fatal",
            get(|| async { Reply::with(EdgeError::InputError, Occurrence::new().status(415)) }),
        )
        .route(
            "/edge/partial",
            get(|| async {
                Reply::with(
                    EdgeError::UpstreamError,
                    Occurrence::new().trace("req-1").status(503),
                )
            }),
        )
        .route(
            "/acp",
            get(|| async {
                let occurrence = Occurrence::new()
                    .retry_after_secs(45)
                    .context(serde_json::json!({"limit": 100}));
                Reply::with(AcpError::RateLimitExceeded, occurrence)
            }),
        )
        .route("/pass", get(entitlement))
        .route(
            "/pass.xml",
            get(|| async { Reply::new(PassError::TooManyRequests).format(WireFormat::PassXml) }),
        )
        .route(
            "/platform",
            get(|| async { PlatformError::OauthTokenMissing }),
        )
        .route(
            "/platform/content-type",
            get(|| async {
                Reply::with(
                    PlatformError::BadRequestError,
                    Occurrence::new().detail("A valid content-type must be specified"),
                )
            }),
        )
        .route("/endless", get(endless))
        .route(
            "/announced",
            get(|| async {
                axum::response::Response::builder()
                    .status(500)
                    .body(axum::body::Body::from(bytes_of(2 << 20)))
                    .unwrap()
            }),
        )
}

/// A policy that adds no jitter, so that the server's delay shows as is.
fn exact() -> Policy {
    Policy {
        jitter: 0.0,
        ..Policy::default()
    }
}

async fn fetch<E: ErrorCode>(client: &reqwest::Client, base: &str, path: &str) -> ErrorResponse<E> {
    let response = client.get(format!("{base}{path}")).send().await.unwrap();
    read::<E>(response).await.unwrap()
}

#[tokio::test]
async fn every_format_over_a_real_connection() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(axum::serve(listener, app()).into_future());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let now = SystemTime::now();

    let privacy = fetch::<PrivacyError>(&client, &base, "/privacy").await;
    assert_eq!(privacy.status(), 400);
    assert_eq!(privacy.retry_after(), Some("30"));
    assert_eq!(
        privacy.code(),
        Some(Code::Known(PrivacyError::DocumentRateLimitExceeded))
    );
    assert_eq!(
        (privacy.message(), privacy.action()),
        (Some("slow down"), Action::RetryAfter)
    );
    assert_eq!(
        privacy.advice_with(&exact(), now),
        Advice::RetryAfter(Duration::from_secs(30))
    );
    assert!(matches!(privacy.body(), Some(Payload::Problem(_))));

    let fatal = fetch::<EdgeError>(&client, &base, "/edge/fatal").await;
    assert_eq!(fatal.status(), 415);
    assert_eq!(fatal.code(), Some(Code::Known(EdgeError::InputError)));
    assert!(matches!(fatal.body(), Some(Payload::Problem(_))));

    let partial = fetch::<EdgeError>(&client, &base, "/edge/partial").await;
    assert_eq!(partial.status(), 207);
    let Some(Payload::Edge(body)) = partial.body() else {
        panic!("a 207 is an Edge body: {partial:?}");
    };
    assert_eq!(body.request_id(), Some("req-1"));
    assert_eq!(body.errors().next().unwrap().status(), Some(503));
    assert_eq!(partial.code(), Some(Code::Known(EdgeError::UpstreamError)));
    assert_eq!(partial.action(), Action::Retry);

    let acp = fetch::<AcpError>(&client, &base, "/acp").await;
    assert_eq!(acp.status(), 429);
    assert_eq!(acp.code(), Some(Code::Known(AcpError::RateLimitExceeded)));
    assert_eq!(acp.body_delay(), Some(Duration::from_secs(45)));
    assert_eq!(acp.retry_after(), Some("45"));
    let Some(Payload::Acp(envelope)) = acp.body() else {
        panic!("{acp:?}");
    };
    assert_eq!(envelope.error().unwrap().details().unwrap()["limit"], 100);

    let pass = fetch::<PassError>(&client, &base, "/pass").await;
    assert_eq!(pass.status(), 404);
    assert_eq!(
        pass.code(),
        Some(Code::Known(PassError::AuthorizationNotFound))
    );
    assert_eq!(pass.action(), Action::Authorization);
    assert_eq!(pass.advice(now), Advice::Stop(Action::Authorization));

    let xml = fetch::<PassError>(&client, &base, "/pass.xml").await;
    assert_eq!(xml.status(), 429);
    assert!(matches!(xml.body(), Some(Payload::PassXml(_))));
    assert_eq!(xml.code(), Some(Code::Known(PassError::TooManyRequests)));
    // A retry-after code always comes with its delay.
    assert_eq!(xml.retry_after(), Some("5"));
    assert_eq!(
        xml.advice_with(&exact(), now),
        Advice::RetryAfter(Duration::from_secs(5))
    );

    let platform = fetch::<PlatformError>(&client, &base, "/platform").await;
    assert_eq!(platform.status(), 403);
    assert_eq!(
        platform.code(),
        Some(Code::Known(PlatformError::OauthTokenMissing))
    );
    assert_eq!(platform.message(), Some("Oauth token is missing."));

    let content_type = fetch::<PlatformError>(&client, &base, "/platform/content-type").await;
    assert!(matches!(content_type.body(), Some(Payload::Problem(_))));
    assert_eq!(
        content_type.code(),
        Some(Code::Known(PlatformError::BadRequestError))
    );

    server.abort();
}

#[tokio::test]
async fn an_oversized_body_is_refused_while_it_arrives() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(axum::serve(listener, app()).into_future());
    let client = reqwest::Client::new();
    let limits = Limits { max_bytes: 1 << 20 };

    // The body never ends: only a limit enforced while reading returns.
    let response = client.get(format!("{base}/endless")).send().await.unwrap();
    let read = tokio::time::timeout(
        Duration::from_secs(30),
        read_with::<PassError>(response, limits),
    )
    .await
    .expect("the read stops at the limit");
    let Err(ReadError::TooLarge { status, error, .. }) = read else {
        panic!("an endless body is refused: {read:?}");
    };
    assert_eq!(error.kind(), DecodeErrorKind::TooLarge);
    assert_eq!(status, 503);

    // A body announced larger than the limit is refused before it is read.
    let response = client
        .get(format!("{base}/announced"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.content_length(), Some(2 << 20));
    let refused = read_with::<PassError>(response, limits).await.unwrap_err();
    let ReadError::TooLarge { error, .. } = &refused else {
        panic!("an announced body over the limit is refused: {refused:?}");
    };
    assert_eq!(error.kind(), DecodeErrorKind::TooLarge);
    assert!(error.to_string().contains("2097152 bytes"), "{error}");
    // The status still advises: a 500 is not retried.
    assert_eq!(
        refused.advice(SystemTime::now()),
        Some(Advice::Stop(Action::None))
    );

    server.abort();
}
