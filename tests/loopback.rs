//! A real axum server on 127.0.0.1, a real HTTP client, and every wire
//! format: each handler returns a typed error, and each response is decoded
//! back into the typed code.

#![forbid(unsafe_code)]

use std::future::IntoFuture;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use errcodes_runtime::axum::Reply;
use errcodes_runtime::wire::{Code, Occurrence, acp, edge, gateway, pass, problem::Problem};
use errcodes_runtime::{Action, WireFormat};
use errcodes_tests::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};

/// A handler that fails with `?`, as application code does.
async fn entitlement() -> Result<String, PassError> {
    let found: Option<String> = None;
    let entitlement = found.ok_or(PassError::AuthorizationNotFound)?;
    Ok(entitlement)
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
                Reply::with(EdgeError::UpstreamError, Occurrence::new().trace("req-1"))
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
}

struct Received {
    status: u16,
    content_type: String,
    retry_after: Option<String>,
    body: Vec<u8>,
}

async fn get_from(client: &reqwest::Client, base: &str, path: &str) -> Received {
    let response = client.get(format!("{base}{path}")).send().await.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (content_type, retry_after) = (
        header("content-type").unwrap_or_default(),
        header("retry-after"),
    );
    Received {
        status: response.status().as_u16(),
        content_type,
        retry_after,
        body: response.bytes().await.unwrap().to_vec(),
    }
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

    let privacy = get_from(&client, &base, "/privacy").await;
    assert_eq!(
        (privacy.status, privacy.content_type.as_str()),
        (400, "application/problem+json")
    );
    assert_eq!(privacy.retry_after.as_deref(), Some("30"));
    let problem = Problem::<PrivacyError>::decode(&privacy.body).unwrap();
    assert_eq!(
        problem.code(),
        Some(Code::Known(PrivacyError::DocumentRateLimitExceeded))
    );
    assert_eq!(
        (problem.detail(), problem.action()),
        (Some("slow down"), Action::RetryAfter)
    );

    let fatal = get_from(&client, &base, "/edge/fatal").await;
    assert_eq!(
        (fatal.status, fatal.content_type.as_str()),
        (415, "application/problem+json")
    );
    let edge::Response::Fatal(problem) =
        edge::Response::<EdgeError>::decode(fatal.status, &fatal.body).unwrap()
    else {
        panic!("a 415 is fatal");
    };
    assert_eq!(problem.code(), Some(Code::Known(EdgeError::InputError)));

    let partial = get_from(&client, &base, "/edge/partial").await;
    assert_eq!(
        (partial.status, partial.content_type.as_str()),
        (207, "application/json")
    );
    let edge::Response::Completed(body) =
        edge::Response::<EdgeError>::decode(partial.status, &partial.body).unwrap()
    else {
        panic!("a 207 is not fatal");
    };
    assert_eq!(body.request_id(), Some("req-1"));
    assert_eq!(
        body.errors()[0].code(),
        Some(Code::Known(EdgeError::UpstreamError))
    );

    let acp = get_from(&client, &base, "/acp").await;
    assert_eq!(
        (acp.status, acp.content_type.as_str()),
        (429, "application/json")
    );
    let envelope = acp::Envelope::<AcpError>::decode(&acp.body).unwrap();
    let error = envelope.error().unwrap();
    assert_eq!(error.code(), Some(Code::Known(AcpError::RateLimitExceeded)));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(45)));
    assert_eq!(error.details().unwrap()["limit"], 100);
    assert_eq!(acp.retry_after.as_deref(), Some("45"));

    let pass = get_from(&client, &base, "/pass").await;
    assert_eq!(
        (pass.status, pass.content_type.as_str()),
        (404, "application/json")
    );
    let body = pass::Body::<PassError>::decode(&pass.body).unwrap();
    let error = body.error().unwrap();
    assert_eq!(
        error.code(),
        Some(Code::Known(PassError::AuthorizationNotFound))
    );
    assert_eq!(error.action(), Action::Authorization);

    let xml = get_from(&client, &base, "/pass.xml").await;
    assert_eq!(
        (xml.status, xml.content_type.as_str()),
        (429, "application/xml")
    );
    let error = pass::ErrorObject::<PassError>::decode_xml(&xml.body).unwrap();
    assert_eq!(error.code(), Some(Code::Known(PassError::TooManyRequests)));
    assert_eq!(error.action(), Action::RetryAfter);

    let platform = get_from(&client, &base, "/platform").await;
    assert_eq!(
        (platform.status, platform.content_type.as_str()),
        (403, "application/json")
    );
    let body = gateway::Body::<PlatformError>::decode(&platform.body).unwrap();
    assert_eq!(
        body.code(),
        Some(Code::Known(PlatformError::OauthTokenMissing))
    );
    assert_eq!(body.message(), Some("Oauth token is missing."));

    server.abort();
}
