//! A service whose handler fails inside, over a real connection on
//! 127.0.0.1: the "database" call fails with a cause, `?` attaches a code,
//! the client reads only the catalog's public body, and the log line
//! carries the whole cause and the same trace id as the body.
//!
//! ```text
//! cargo run --example service
//! ```

#![forbid(unsafe_code)]

use std::error::Error;
use std::fmt;
use std::future::IntoFuture;

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use errcodes_runtime::Occurrence;
use errcodes_runtime::{Failure, OrCode};
use errcodes_tests::pass::PassError;

/// What a database driver returns: a message with a host and credentials
/// in it, and the I/O error beneath.
#[derive(Debug)]
struct DbError {
    query: String,
    source: std::io::Error,
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} on postgres://app:s3cret@db01.internal:5432",
            self.query
        )
    }
}

impl Error for DbError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

fn fetch_entitlement(id: &str) -> Result<Option<String>, DbError> {
    if id == "unknown" {
        return Ok(None);
    }
    Err(DbError {
        query: format!("SELECT token FROM entitlements WHERE id = '{id}'"),
        source: std::io::Error::from(std::io::ErrorKind::ConnectionRefused),
    })
}

/// The handler: one `?` per way it can fail, each with its code.
async fn entitlement(Path(id): Path<String>) -> Result<String, Failure<PassError>> {
    let row = fetch_entitlement(&id).or_code_with(PassError::ServiceUnavailable, || {
        Occurrence::new().retry_after_secs(30)
    })?;
    let token = row.or_code(PassError::AuthorizationNotFound)?;
    Ok(token)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    // The operators' side: structured logs on stderr.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    let app = Router::new().route("/entitlement/{id}", get(entitlement));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let server = tokio::spawn(axum::serve(listener, app).into_future());

    // The client's side: only the catalog's text, and the trace id.
    let client = reqwest::Client::new();
    for id in ["42", "unknown"] {
        let response = client
            .get(format!("{base}/entitlement/{id}"))
            .send()
            .await?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after").cloned();
        let body = response.text().await?;
        println!("client got {status}, retry-after {retry_after:?}\n  {body}");
    }
    server.abort();
    Ok(())
}
