//! A server that answers with typed errors and a client that reads them
//! back and decides what to do, over a real connection on 127.0.0.1.
//!
//! ```text
//! cargo run --example wire
//! ```

#![forbid(unsafe_code)]

use std::future::IntoFuture;
use std::time::SystemTime;

use axum::Router;
use axum::routing::get;
use errcodes_runtime::axum::Reply;
use errcodes_runtime::retry::Advice;
use errcodes_runtime::{Code, Occurrence};
use errcodes_tests::pass::PassError;

// Server side: handlers return generated enums, or `Reply` to say more.

async fn entitlement() -> Result<String, PassError> {
    Err(PassError::AuthorizationNotFound) // 404, {"error": {...}}
}

async fn stream() -> Reply<PassError> {
    Reply::with(
        PassError::TooManyRequests,
        Occurrence::new().retry_after_secs(30),
    ) // 429, Retry-After: 30
}

// Client side: read the error whatever its format, then ask what to do.

async fn call(client: &reqwest::Client, url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let response = client.get(url).send().await?;
    if response.status().is_success() {
        return Ok(());
    }
    let error = errcodes_runtime::reqwest::read::<PassError>(response).await?;
    if error.code() == Some(Code::Known(PassError::AuthorizationNotFound)) {
        println!("{url}: no authorization yet; ask the user to obtain one");
    }
    match error.advice(SystemTime::now()) {
        Advice::RetryAfter(delay) => println!("{url}: retry in {delay:?}"),
        Advice::Backoff => println!("{url}: retry with backoff"),
        Advice::Stop(action) => println!("{url}: do not retry; the remedy is `{action}`"),
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app = Router::new()
        .route("/entitlement", get(entitlement))
        .route("/stream", get(stream));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let server = tokio::spawn(axum::serve(listener, app).into_future());

    let client = reqwest::Client::new();
    call(&client, &format!("{base}/entitlement")).await?;
    call(&client, &format!("{base}/stream")).await?;
    server.abort();
    Ok(())
}
