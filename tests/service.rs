//! Errors inside a service: whatever a failure's cause says reaches the
//! operators' logs, once, with the trace id the client gets, and never the
//! client, over a real connection and in every wire format.

#![forbid(unsafe_code)]

use std::future::IntoFuture;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use errcodes_runtime::Occurrence;
use errcodes_runtime::{ErrorCode as _, Failure, OrCode};
use errcodes_tests::leaks::{self, Link};
use errcodes_tests::pass::PassError;
use errcodes_tests::roundtrip::Rendering;
use proptest::prelude::*;
use tracing_subscriber::Registry;
use tracing_subscriber::layer::SubscriberExt;

mod captured;

use captured::{Captured, field};

const SECRET: &str = "postgres://admin:hunter2@db01.internal:5432/entitlements";

/// The database, which fails, with a cause of its own.
fn fetch_entitlement(id: &str) -> Result<String, Link> {
    Err(Link::chain(&[
        format!("query for {id} failed on {SECRET}"),
        "connection refused (os error 111)".to_owned(),
    ])
    .expect("two links"))
}

/// A handler as a user writes it: `?` with a code, nothing logged by hand.
async fn entitlement() -> Result<String, Failure<PassError>> {
    let token = fetch_entitlement("42").or_code_with(PassError::InternalError, || {
        Occurrence::new().detail("Try again later.")
    })?;
    Ok(token)
}

#[tokio::test]
async fn the_cause_reaches_the_log_once_and_never_the_client() {
    let captured = Captured::default();
    let _logging = tracing::subscriber::set_default(Registry::default().with(captured.clone()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new().route("/entitlement", get(entitlement));
    let server = tokio::spawn(axum::serve(listener, app).into_future());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();

    let response = client
        .get(format!("{base}/entitlement"))
        .send()
        .await
        .unwrap();
    let headers = format!("{:?}", response.headers());
    let body = response.bytes().await.unwrap();
    let text = String::from_utf8(body.to_vec()).unwrap();
    server.abort();

    // The client: the catalog's public text and the occurrence, no cause.
    for private in [
        "hunter2",
        "db01.internal",
        "connection refused",
        "query for 42",
    ] {
        assert!(!text.contains(private), "{text}");
        assert!(!headers.contains(private), "{headers}");
    }
    let body: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["error"]["code"], "internal_error");
    assert_eq!(body["error"]["details"], "Try again later.");
    let trace = body["error"]["trace"].as_str().expect("a trace id is sent");
    assert_eq!(trace.len(), 36, "{trace}");

    // The operators: exactly one event, with the code, status, chain and
    // the same trace id.
    let events = captured.0.lock().unwrap().clone();
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &events[0];
    assert_eq!(field(event, "level"), "ERROR");
    assert_eq!(field(event, "error.type"), "internal_error");
    assert_eq!(field(event, "http.response.status_code"), "500");
    assert_eq!(field(event, "errcodes.action"), "none");
    assert_eq!(field(event, "trace_id"), trace);
    assert_eq!(
        field(event, "exception.message"),
        format!("query for 42 failed on {SECRET}: connection refused (os error 111)")
    );
    // The message is the title: the chain is said once, in its field.
    assert_eq!(field(event, "message"), PassError::InternalError.title());
}

#[test]
fn client_errors_are_logged_below_server_errors() {
    let captured = Captured::default();
    let _logging = tracing::subscriber::set_default(Registry::default().with(captured.clone()));
    let failure: Failure<PassError> = PassError::AuthorizationNotFound.into();
    let (_, occurrence) = failure.into_public();
    let events = captured.0.lock().unwrap().clone();
    assert_eq!(events.len(), 1);
    assert_eq!(field(&events[0], "level"), "INFO");
    assert_eq!(field(&events[0], "trace_id"), occurrence.trace.unwrap());
    assert_eq!(field(&events[0], "exception.message"), "");
}

#[test]
fn a_megabyte_cause_with_markup_and_control_characters_stays_private() {
    let secret = "XSECRET-0123456789abcdef";
    let huge = format!(
        "<script>\u{0}\u{1b}[31m{}{secret}\"}}]>",
        "x".repeat(4 << 20)
    );
    let rendering = Rendering::default();
    leaks::check(&rendering, &[huge, format!("inner {secret}")], secret);
}

fn cause() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        Just("\"}], \"code\": \"internal_error\", \"x\": [{\"".to_owned()),
        Just("</error><code>x</code>".to_owned()),
        Just("\r\nSet-Cookie: session=1\r\n".to_owned()),
        "[\\x00-\\x1f]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any cause chain, with a secret somewhere in it, for a code of every
    /// catalog and an arbitrary occurrence: the secret is in no header and
    /// no body of any format.
    #[test]
    fn no_cause_reaches_any_client(
        code in 0usize..64,
        detail in prop::option::of(".{0,12}"),
        trace in prop::option::of("[a-z0-9-]{0,12}"),
        causes in prop::collection::vec(cause(), 1..4),
        at in 0usize..4,
        hex in "[0-9a-f]{16}",
    ) {
        let secret = format!("XSECRET-{hex}");
        let mut causes = causes;
        let at = at % causes.len();
        causes[at] = format!("{}{secret}{}", causes[at], causes[at]);
        let rendering = Rendering { code, detail, trace, ..Rendering::default() };
        leaks::check(&rendering, &causes, &secret);
    }
}

#[test]
fn a_failure_listed_in_a_207_is_logged_with_the_status_sent() {
    use axum::response::IntoResponse;
    use errcodes_tests::edge::EdgeError;
    let captured = Captured::default();
    let _logging = tracing::subscriber::set_default(Registry::default().with(captured.clone()));
    // The upstream answered 502; the response that lists it is a 207.
    let occurrence = Occurrence {
        status: Some(502),
        ..Occurrence::new()
    };
    let response = Failure::with(EdgeError::UpstreamError, occurrence).into_response();
    assert_eq!(response.status(), 207);
    let events = captured.0.lock().unwrap().clone();
    assert_eq!(events.len(), 1);
    assert_eq!(field(&events[0], "http.response.status_code"), "207");
}
