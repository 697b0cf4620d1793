//! The server of the served-rate benchmark (`bench/served.sh`): on
//! 127.0.0.1, one worker thread, it answers
//!
//! - `/static`: a body prepared once, the bytes `/failure` sends;
//! - `/bare`: a bare code, `Err(PassError::InternalError)`;
//! - `/failure`: the same code as a `Failure` with an I/O error as its
//!   cause, which is logged with the trace id the body carries.
//!
//! With `--fmt`, a `tracing` subscriber formats every event (into a sink,
//! so that the terminal does not set the pace). `RUST_BACKTRACE` and
//! `RUST_LIB_BACKTRACE` are read as in any service; `--every-backtrace`
//! sets the backtrace policy to capture one for every failure, as errcodes
//! did before it had one. It prints its address and serves until killed.
//!
//! ```text
//! cargo run --release -p errcodes-bench --bin served -- [--fmt] [--every-backtrace]
//! ```

#![forbid(unsafe_code)]

use std::future::IntoFuture;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use errcodes_runtime::backtraces::{self, Backtraces};
use errcodes_runtime::wire::render;
use errcodes_runtime::{ErrorCode, Failure, Occurrence};
use errcodes_tests::pass::PassError;

const CODE: PassError = PassError::InternalError;

async fn bare() -> Result<(), PassError> {
    Err(CODE)
}

async fn failure() -> Result<(), Failure<PassError>> {
    Err(Failure::new(CODE).caused_by(std::io::Error::other("upstream timed out")))
}

fn main() {
    if std::env::args().any(|arg| arg == "--every-backtrace") {
        backtraces::set_policy(Backtraces {
            client_errors: true,
            per_second: u32::MAX,
        });
    }
    if std::env::args().any(|arg| arg == "--fmt") {
        tracing_subscriber::fmt().with_writer(std::io::sink).init();
    }
    // What `/failure` sends, with a trace id of the same length.
    let occurrence = Occurrence::new().trace("6f1c1ddb-4c83-4f7e-9d3e-1d4c2c8f6e0a");
    let rendered = render(CODE, &occurrence, CODE.wire_format());
    let status = StatusCode::from_u16(rendered.status).expect("a status");
    let content_type = HeaderValue::from_static(rendered.content_type);
    let body = Bytes::from(rendered.body);
    let prepared = move || {
        let (content_type, body) = (content_type.clone(), body.clone());
        async move { (status, [(header::CONTENT_TYPE, content_type)], body).into_response() }
    };
    let app = Router::new()
        .route("/static", get(prepared))
        .route("/bare", get(bare))
        .route("/failure", get(failure));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port on 127.0.0.1");
        println!("{}", listener.local_addr().expect("an address"));
        axum::serve(listener, app)
            .into_future()
            .await
            .expect("serving");
    });
}
