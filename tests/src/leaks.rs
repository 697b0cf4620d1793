//! The promise of a failure inside a service, for property tests and
//! fuzzing: whatever its cause says, no text of the cause reaches the
//! client, in any body or header, for any catalog and wire format, nor in
//! any gRPC status. The
//! causes carry a secret, as real ones carry hosts, SQL and tokens, and the
//! responses are searched for it.

use core::fmt;
use std::error::Error;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use axum_core::response::{IntoResponse, Response};
use errcodes_runtime::Occurrence;
use errcodes_runtime::wire::render;
use errcodes_runtime::{ErrorCode, Failure, WireFormat};
use http_body::Body as _;

use crate::roundtrip::Rendering;
use crate::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};

/// One link of a cause chain: its message, and the link it wraps.
#[derive(Debug)]
pub struct Link {
    message: String,
    source: Option<Box<Link>>,
}

impl Link {
    /// A chain whose messages are `messages`, outermost first.
    #[must_use]
    pub fn chain(messages: &[String]) -> Option<Link> {
        messages.iter().rev().fold(None, |source, message| {
            Some(Link {
                message: message.clone(),
                source: source.map(Box::new),
            })
        })
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error for Link {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source
            .as_deref()
            .map(|link| link as &(dyn Error + 'static))
    }
}

/// Fails with a code of every shipped catalog, `rendering`'s occurrence and
/// the cause chain `causes`, and checks that `secret`, which the causes
/// hold, is nowhere in what a client receives: the body and headers of the
/// axum response, and the body of every wire format.
///
/// # Panics
///
/// When the secret leaks, or the cause is lost for the operators.
pub fn check(rendering: &Rendering, causes: &[String], secret: &str) {
    let occurrence = rendering.occurrence();
    one::<PrivacyError>(rendering.code, &occurrence, causes, secret);
    one::<EdgeError>(rendering.code, &occurrence, causes, secret);
    one::<AcpError>(rendering.code, &occurrence, causes, secret);
    one::<PlatformError>(rendering.code, &occurrence, causes, secret);
    one::<PassError>(rendering.code, &occurrence, causes, secret);
}

fn one<E: ErrorCode>(at: usize, occurrence: &Occurrence, causes: &[String], secret: &str) {
    let code = E::ALL[at % E::ALL.len()];
    let failure = || {
        let failure = Failure::with(code, occurrence.clone());
        match Link::chain(causes) {
            Some(cause) => failure.caused_by(cause),
            None => failure,
        }
    };
    // The operators keep the whole chain.
    let whole = format!("{:#}", failure());
    assert!(causes.iter().all(|cause| whole.contains(cause.as_str())));
    // The client gets none of it.
    let response = failure().into_response();
    let (head, body) = response.into_parts();
    for (name, value) in &head.headers {
        assert!(
            !contains(value.as_bytes(), secret),
            "the header {name} carries the cause: {value:?}"
        );
    }
    let body = bytes(Response::from_parts(head, body));
    assert!(
        !contains(&body, secret),
        "{}",
        String::from_utf8_lossy(&body)
    );
    // Nor over gRPC: the status's message, details and headers.
    let status = tonic::Status::from(failure());
    assert!(!status.message().contains(secret), "{status:?}");
    assert!(!contains(status.details(), secret), "{status:?}");
    for (name, value) in status.into_http::<()>().headers() {
        assert!(
            !contains(value.as_bytes(), secret),
            "the gRPC header {name} carries the cause: {value:?}"
        );
    }
    let (_, public) = failure().into_public();
    for format in WireFormat::ALL {
        let rendered = render(code, &public, *format);
        assert!(
            !contains(&rendered.body, secret),
            "{format}: {}",
            String::from_utf8_lossy(&rendered.body)
        );
    }
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len().max(1))
        .any(|window| window == needle.as_bytes())
}

/// The body of a response whose body is in memory.
fn bytes(response: Response) -> Vec<u8> {
    let mut body = response.into_body();
    let mut context = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    loop {
        match Pin::new(&mut body).poll_frame(&mut context) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Ok(data) = frame.into_data() {
                    out.extend_from_slice(&data);
                }
            }
            Poll::Ready(None) => return out,
            Poll::Ready(Some(Err(error))) => panic!("{error}"),
            Poll::Pending => panic!("a rendered body is in memory"),
        }
    }
}
