//! The service boundary over a real connection: a router built the way the
//! README shows answers every request a newcomer gets wrong from its
//! catalog, in the catalog's format, with one log event that carries the
//! trace id of the body, the caller's when it sent a `traceparent`; and
//! never with the server's type names or a panic's text. The same router
//! without the layer fails the same checks.

#![forbid(unsafe_code)]

use std::future::IntoFuture;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use errcodes_runtime::axum::{Boundary, Condition, Json};
use errcodes_runtime::wire::{ErrorResponse, Headers};
use errcodes_runtime::{ErrorCode, Failure, Received};
use serde::Deserialize;
use tower::{Layer as _, Service, ServiceExt};
use tracing_subscriber::Registry;
use tracing_subscriber::layer::SubscriberExt;

mod captured;

use captured::{Captured, field};

errcodes_runtime::errcodes!("fixtures/service.yaml");

#[derive(Deserialize)]
#[allow(dead_code)] // read only by serde
struct NewItem {
    secret_field_name: u32,
    tags: Option<Vec<u8>>,
}

#[derive(Deserialize)]
struct Search {
    #[allow(dead_code)]
    limit: u8,
}

async fn create(Json(_): Json<NewItem>) -> &'static str {
    "created"
}

/// axum's own extractor: the boundary reads what it can from its text.
async fn note(axum::Json(_): axum::Json<NewItem>) -> &'static str {
    "noted"
}

async fn item(Path(id): Path<u32>) -> Result<&'static str, ServiceError> {
    if id == 7 {
        Ok("seven")
    } else {
        Err(ServiceError::ItemNotFound)
    }
}

async fn search(Query(_): Query<Search>) -> &'static str {
    "found"
}

async fn boom() -> &'static str {
    panic!("the secret panic text")
}

async fn failing() -> Result<&'static str, Failure<ServiceError>> {
    Err(Failure::new(ServiceError::Internal).caused_by(std::io::Error::other("the secret cause")))
}

/// What a timeout layer and a load shedder answer with on their own.
async fn slow() -> impl IntoResponse {
    StatusCode::REQUEST_TIMEOUT
}

async fn busy() -> impl IntoResponse {
    (StatusCode::SERVICE_UNAVAILABLE, "upstream pool exhausted")
}

/// The service's routes, as a user writes them.
fn routes() -> Router {
    Router::new()
        .route("/items", post(create))
        .route("/notes", post(note))
        .route("/items/{id}", get(item))
        .route("/search", get(search))
        .route("/boom", get(boom))
        .route("/failing", get(failing))
        .route("/slow", get(slow))
        .route("/busy", get(busy))
        .layer(DefaultBodyLimit::max(64))
}

/// What must never reach a client.
const PRIVATE: &[&str] = &[
    "secret_field_name",
    "NewItem",
    "u32",
    "u8",
    "secret panic",
    "secret cause",
    "Failed to",
    "exhausted",
];

/// One request a newcomer gets wrong, and the code that must answer it.
struct Wrong {
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: String,
    answer: ServiceError,
}

fn wrong(method: &'static str, path: &'static str, answer: ServiceError) -> Wrong {
    Wrong {
        method,
        path,
        content_type: None,
        body: String::new(),
        answer,
    }
}

fn posted(content_type: Option<&'static str>, body: &str, answer: ServiceError) -> Wrong {
    Wrong {
        method: "POST",
        path: "/items",
        content_type,
        body: body.to_owned(),
        answer,
    }
}

const JSON: Option<&str> = Some("application/json");

/// A body whose second tag does not fit.
const NESTED: &str = r#"{"secret_field_name": 1, "tags": [1, "x"]}"#;

/// The boundary the tests put around the routes.
fn boundary() -> Boundary<ServiceError> {
    Boundary::<ServiceError>::new().body_limit(64)
}

fn requests() -> Vec<Wrong> {
    vec![
        posted(
            JSON,
            r#"{"secret_field_name": "#,
            ServiceError::MalformedBody,
        ),
        posted(JSON, r#"{"other": 1}"#, ServiceError::UnfitBody),
        posted(JSON, NESTED, ServiceError::UnfitBody),
        Wrong {
            path: "/notes",
            ..posted(JSON, r#"{"tags": ["#, ServiceError::MalformedBody)
        },
        posted(
            None,
            r#"{"secret_field_name": 1}"#,
            ServiceError::UnsupportedMediaType,
        ),
        posted(
            JSON,
            &format!(
                r#"{{"secret_field_name": 1, "pad": "{}"}}"#,
                "x".repeat(200)
            ),
            ServiceError::PayloadTooLarge,
        ),
        wrong("GET", "/items/abc", ServiceError::BadParameter),
        wrong("GET", "/search?limit=999", ServiceError::BadParameter),
        wrong("GET", "/nowhere", ServiceError::NoSuchRoute),
        wrong("DELETE", "/items", ServiceError::MethodNotAllowed),
        wrong("GET", "/boom", ServiceError::Internal),
        wrong("GET", "/failing", ServiceError::Internal),
        wrong("GET", "/slow", ServiceError::TimedOut),
        wrong("GET", "/busy", ServiceError::Overloaded),
        wrong("GET", "/items/8", ServiceError::ItemNotFound),
    ]
}

/// An answer as the client got it.
struct Answer {
    status: u16,
    headers: String,
    content_type: Option<String>,
    retry_after: Option<String>,
    allow: Option<String>,
    body: String,
}

/// Serves `app` on 127.0.0.1 and sends it every wrong request, with a
/// `traceparent` on every other one.
async fn answers(app: Router) -> Vec<Answer> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(axum::serve(listener, app).into_future());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let mut answers = Vec::new();
    for (i, request) in requests().iter().enumerate() {
        let method = request.method.parse().unwrap();
        let mut builder = client
            .request(method, format!("{base}{}", request.path))
            .body(request.body.clone());
        if let Some(content_type) = request.content_type {
            builder = builder.header("content-type", content_type);
        }
        if i % 2 == 0 {
            builder = builder.header("traceparent", traceparent(i));
        }
        let response = match builder.send().await {
            Ok(response) => response,
            // The connection dropped: a panic without the boundary.
            Err(error) => {
                answers.push(Answer {
                    status: 0,
                    headers: String::new(),
                    content_type: None,
                    retry_after: None,
                    allow: None,
                    body: format!("no answer: {error}"),
                });
                continue;
            }
        };
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|value| value.to_str().unwrap().to_owned())
        };
        answers.push(Answer {
            status: response.status().as_u16(),
            headers: format!("{:?}", response.headers()),
            content_type: header("content-type"),
            retry_after: header("retry-after"),
            allow: header("allow"),
            body: response.text().await.unwrap(),
        });
    }
    server.abort();
    answers
}

fn traceparent(i: usize) -> String {
    format!(
        "00-{:032x}-00f067aa0ba902b7-01",
        0x4bf9_2f35_77b3_4da6_u128 << 64 | i as u128
    )
}

/// Why `answer` is not the catalog's answer to `request`, if it is not.
fn fault(request: &Wrong, answer: &Answer) -> Option<String> {
    let headers = Headers {
        content_type: answer.content_type.as_deref(),
        retry_after: answer.retry_after.as_deref(),
    };
    let read =
        ErrorResponse::<ServiceError>::decode(answer.status, headers, answer.body.as_bytes())
            .ok()?;
    let code = read.code().and_then(|code| code.known());
    if code != Some(request.answer) {
        return Some(format!(
            "{} {} answered {} {:?}, not {}",
            request.method,
            request.path,
            answer.status,
            answer.body,
            request.answer.code()
        ));
    }
    if answer.status != request.answer.http_status() {
        return Some(format!(
            "{} {}: status {}",
            request.method, request.path, answer.status
        ));
    }
    PRIVATE
        .iter()
        .find(|private| answer.body.contains(*private) || answer.headers.contains(*private))
        .map(|private| {
            format!(
                "{} {} says {private:?}: {}",
                request.method, request.path, answer.body
            )
        })
}

#[tokio::test]
async fn every_answer_comes_from_the_catalog_with_one_log_event_and_the_callers_trace() {
    let captured = Captured::default();
    let _logging = tracing::subscriber::set_default(Registry::default().with(captured.clone()));
    let app = routes().layer(boundary().layer());
    let answers = answers(app).await;
    let requests = requests();
    for (i, (request, answer)) in requests.iter().zip(&answers).enumerate() {
        assert_eq!(fault(request, answer), None);
        let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        let trace = body["trace"].as_str().expect("every answer has a trace id");
        // A client reads it through the interface every received error has.
        let headers = Headers {
            content_type: answer.content_type.as_deref(),
            retry_after: None,
        };
        let read =
            ErrorResponse::<ServiceError>::decode(answer.status, headers, answer.body.as_bytes())
                .unwrap();
        assert_eq!(Received::trace_id(&read), Some(trace));
        if i % 2 == 0 {
            assert_eq!(
                trace,
                &traceparent(i)[3..35],
                "{} {}",
                request.method,
                request.path
            );
        }
    }
    // A wrong method still says which ones are right.
    let delete = requests.iter().position(|r| r.method == "DELETE").unwrap();
    assert_eq!(answers[delete].allow.as_deref(), Some("POST"));
    // An overloaded service says when to come back.
    let busy = requests.iter().position(|r| r.path == "/busy").unwrap();
    assert!(
        answers[busy].retry_after.is_some(),
        "{}",
        answers[busy].headers
    );
    // One event per answer that is not a bare code, with the trace id of
    // the body, the status sent and what the framework said.
    let events = captured.0.lock().unwrap().clone();
    let logged: Vec<(&Wrong, &Answer)> = requests
        .iter()
        .zip(&answers)
        .filter(|(request, _)| request.answer != ServiceError::ItemNotFound)
        .collect();
    assert_eq!(events.len(), logged.len(), "{events:?}");
    for (event, (request, answer)) in events.iter().zip(logged) {
        let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        assert_eq!(field(event, "trace_id"), body["trace"].as_str().unwrap());
        assert_eq!(field(event, "error.type"), request.answer.code());
        assert_eq!(
            field(event, "http.response.status_code"),
            answer.status.to_string()
        );
        // What the framework or the handler said is in the log alone.
        let said = field(event, "exception.message");
        let expected = match (request.method, request.path, request.answer) {
            (_, "/boom", _) => "the secret panic text",
            (_, "/failing", _) => "the secret cause",
            (_, _, ServiceError::UnfitBody) if request.body == NESTED => "expected u8",
            (_, _, ServiceError::UnfitBody) => "secret_field_name",
            (_, "/busy", _) => "upstream pool exhausted",
            _ => "",
        };
        assert!(
            said.contains(expected),
            "{} {}: {said}",
            request.method,
            request.path
        );
    }
}

/// What `request` got, read back by a client.
fn read(answers: &[Answer], request: impl Fn(&Wrong) -> bool) -> ErrorResponse<ServiceError> {
    let at = requests().iter().position(request).unwrap();
    let answer = &answers[at];
    let headers = Headers {
        content_type: answer.content_type.as_deref(),
        retry_after: None,
    };
    ErrorResponse::decode(answer.status, headers, answer.body.as_bytes()).unwrap()
}

/// Where `serde_json` stops reading `body` as a `T`: the oracle of the
/// positions the answers give.
fn stop<T: serde::de::DeserializeOwned>(body: &str) -> (Option<i64>, Option<i64>) {
    let Err(error) = serde_json::from_str::<T>(body) else {
        panic!("{body} is read")
    };
    (
        Some(i64::try_from(error.line()).unwrap()),
        Some(i64::try_from(error.column()).unwrap()),
    )
}

#[tokio::test]
async fn the_answers_carry_the_facts_the_boundary_knows_as_typed_fields() {
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let stated = answers(routes().layer(boundary().layer())).await;
    // errcodes' extractor: where reading stopped, and the member that did
    // not fit as a JSON pointer.
    let malformed = read(&stated, |r| {
        r.path == "/items" && r.answer == ServiceError::MalformedBody
    });
    let fields: service_error::MalformedBody = malformed.fields().unwrap();
    assert_eq!(
        (fields.line, fields.column),
        stop::<serde_json::Value>(r#"{"secret_field_name": "#)
    );
    let unfit = read(&stated, |r| r.body == NESTED);
    let fields: service_error::UnfitBody = unfit.fields().unwrap();
    assert_eq!(fields.pointer.as_deref(), Some("/tags/1"));
    assert_eq!((fields.line, fields.column), stop::<NewItem>(NESTED));
    let missing = read(&stated, |r| r.body == r#"{"other": 1}"#);
    let fields: service_error::UnfitBody = missing.fields().unwrap();
    assert_eq!(fields.pointer.as_deref(), Some(""), "the whole body");
    // axum's extractor: the position its text ends with.
    let noted = read(&stated, |r| r.path == "/notes");
    let fields: service_error::MalformedBody = noted.fields().unwrap();
    assert_eq!(
        (fields.line, fields.column),
        stop::<serde_json::Value>(r#"{"tags": ["#)
    );
    // The limit the boundary states, in the field and the message.
    let large = read(&stated, |r| r.answer == ServiceError::PayloadTooLarge);
    let fields: service_error::PayloadTooLarge = large.fields().unwrap();
    assert_eq!(fields.limit, Some(64));
    assert_eq!(
        large.message(),
        Some("The body is over the limit of 64 bytes")
    );
    // Without a stated limit, none is sent: the extractor keeps axum's.
    let unstated = answers(routes().layer(Boundary::<ServiceError>::new().layer())).await;
    let large = read(&unstated, |r| r.answer == ServiceError::PayloadTooLarge);
    let fields: service_error::PayloadTooLarge = large.fields().unwrap();
    assert_eq!(fields.limit, None);
    assert_eq!(large.message(), Some("Payload too large"));
}

#[tokio::test]
async fn without_the_boundary_the_same_requests_get_the_framework_s_answers() {
    // A subscriber here too: tracing caches whether an event's callsite is
    // wanted, and a thread without one must not decide for another test.
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let answers = answers(routes()).await;
    let faults: Vec<String> = requests()
        .iter()
        .zip(&answers)
        .filter_map(|(request, answer)| fault(request, answer))
        .collect();
    // Only the handler's own code is the catalog's; the panic drops the
    // connection or answers empty.
    assert!(faults.len() >= 10, "{faults:#?}");
}

#[tokio::test]
async fn an_error_from_a_layer_inside_is_answered_by_its_condition() {
    // A subscriber on every thread that logs: see the test above.
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let inner = tower::service_fn(|_: axum::http::Request<axum::body::Body>| async {
        Err::<axum::response::Response, _>(std::io::Error::other("request timed out"))
    });
    let mut service = Boundary::<ServiceError>::new().layer().layer(inner);
    let request = axum::http::Request::new(axum::body::Body::empty());
    let response = service.ready().await.unwrap().call(request).await.unwrap();
    assert_eq!(response.status(), 504);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

#[test]
fn each_condition_gets_the_code_the_catalog_names_or_the_code_of_its_status() {
    let boundary = Boundary::<ServiceError>::new();
    let codes: Vec<(Condition, ServiceError)> = Condition::ALL
        .iter()
        .map(|&condition| (condition, boundary.code_for(condition)))
        .collect();
    assert_eq!(
        codes,
        [
            (Condition::MalformedBody, ServiceError::MalformedBody),
            (Condition::UnfitBody, ServiceError::UnfitBody),
            (
                Condition::UnsupportedMediaType,
                ServiceError::UnsupportedMediaType
            ),
            (Condition::BodyTooLarge, ServiceError::PayloadTooLarge),
            // Named under `boundary:`.
            (Condition::BadParameter, ServiceError::BadParameter),
            (Condition::UnknownRoute, ServiceError::NoSuchRoute),
            (Condition::MethodNotAllowed, ServiceError::MethodNotAllowed),
            (Condition::Timeout, ServiceError::TimedOut),
            (Condition::Overloaded, ServiceError::Overloaded),
            (Condition::Internal, ServiceError::Internal),
        ]
    );
}

#[test]
fn code_overrides_the_catalog() {
    let boundary =
        Boundary::<ServiceError>::new().code(Condition::BadParameter, ServiceError::MalformedBody);
    assert_eq!(
        boundary.code_for(Condition::BadParameter),
        ServiceError::MalformedBody
    );
}

/// `errcodes probe` against `app`, served on 127.0.0.1: its exit status
/// and its JSON report.
async fn probe(app: Router) -> (std::process::ExitCode, serde_json::Value) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/items", listener.local_addr().unwrap());
    let server = tokio::spawn(axum::serve(listener, app).into_future());
    let probed = tokio::task::spawn_blocking(move || {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut io = errcodes_cli::Io {
            out: &mut out,
            err: &mut err,
            input: &mut std::io::empty(),
        };
        let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/service.yaml");
        let code = errcodes_cli::run(
            ["errcodes", "probe", &url, "--spec", spec, "--json"],
            &mut io,
        );
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    })
    .await
    .unwrap();
    server.abort();
    let (code, out, err) = probed;
    let report = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}"));
    (code, report)
}

#[tokio::test]
async fn the_probe_finds_the_framework_s_answers_and_none_behind_the_boundary() {
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let (code, report) = probe(routes().layer(boundary().layer())).await;
    assert_eq!(report["findings"], 0, "{report:#}");
    let oversized = report["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|answer| answer["probe"] == "body-too-large")
        .unwrap();
    assert_eq!(oversized["status"], 413, "{report:#}");
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    let (code, report) = probe(routes()).await;
    assert_eq!(code, std::process::ExitCode::FAILURE);
    let findings: Vec<(&str, &str)> = report["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| Some((a["probe"].as_str()?, a["finding"].as_str()?)))
        .collect();
    // Every probe gets axum's own answer, the oversized body's too, though
    // axum answers it and closes while the body is still being sent.
    let skipped: Vec<&serde_json::Value> = report["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|answer| !answer["skipped"].is_null())
        .collect();
    assert!(skipped.is_empty(), "{report:#}");
    assert_eq!(findings.len(), 6, "{report:#}");
    assert!(
        findings
            .iter()
            .all(|(_, finding)| finding.starts_with("not in the catalog's format")),
        "{findings:#?}"
    );
}
