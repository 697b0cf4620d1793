//! A real tonic server on 127.0.0.1 and a real tonic client: every code of
//! every shipped catalog is returned by the server and read back by the
//! client with the same code, canonical status, action, message and advice
//! as an HTTP client reading the same error in Google's JSON form. Codes
//! that are no failure (gRPC `OK`) travel inside the response, as a
//! `google.rpc.Status` message. Statuses from servers that know nothing
//! of errcodes get advice from their canonical code alone.

#![forbid(unsafe_code)]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime};

use errcodes_runtime::fields::Untyped;
use errcodes_runtime::grpc::{Boundary, Condition, ReceivedStatus, rpc_status, status};
use errcodes_runtime::retry::{Advice, Policy};
use errcodes_runtime::wire::{Limits, Payload, Shape, google::GoogleBody, render};
use errcodes_runtime::{Action, ErrorCode, Failure, GrpcCode, WireFormat};
use errcodes_runtime::{Code, Fields, Occurrence, Received};
use errcodes_tests::examples::{self, ForEachType};
use errcodes_tests::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};
use tonic::codegen::http::uri::PathAndQuery;
use tonic::codegen::{BoxFuture, Service, http};
use tonic::server::NamedService;
use tonic::transport::{Channel, Server};
use tonic_prost::ProstCodec;
use tracing_subscriber::Registry;
use tracing_subscriber::layer::SubscriberExt;

mod captured;

use captured::{Captured, field};

/// Which code of which catalog the server is to fail with.
#[derive(Clone, PartialEq, prost::Message)]
struct FailRequest {
    #[prost(string, tag = "1")]
    catalog: String,
    #[prost(string, tag = "2")]
    code: String,
    /// Return the bare code (`?` on the generated enum) rather than a
    /// `Failure` with an occurrence.
    #[prost(bool, tag = "3")]
    bare: bool,
}

/// A response that carries the outcome of the request as a status, as a
/// batch or a long-running operation does.
#[derive(Clone, PartialEq, prost::Message)]
struct FailReply {
    #[prost(message, optional, tag = "1")]
    outcome: Option<tonic_types::Status>,
}

/// The largest request the server decodes, in bytes.
const LIMIT: usize = 1024;

const SERVICE: &str = "errcodes.test.Catalog";
const FAIL: &str = "/errcodes.test.Catalog/Fail";
const PLAIN: &str = "/errcodes.test.Catalog/Plain";
const PANIC: &str = "/errcodes.test.Catalog/Panic";

/// What the server knows of each occurrence: it asks every client to
/// come back in 45 seconds.
fn occurrence(code: &str) -> Occurrence {
    Occurrence::new()
        .trace(format!("trace-{code}"))
        .member("item", "42".into())
        .member("Retry After", 3.into())
        .retry_after_secs(45)
}

/// What every failure of the server is caused by: text that must reach the
/// logs and never a client.
const SECRET: &str = "db01.internal:5432 refused: password=hunter2";

/// The server's handler for one catalog.
fn answer<E: ErrorCode>(request: &FailRequest) -> Result<FailReply, tonic::Status>
where
    tonic::Status: From<E>,
{
    let code =
        E::from_code(&request.code).ok_or_else(|| tonic::Status::not_found("no such code"))?;
    if code.grpc_code() == Some(GrpcCode::Ok) {
        let occurrence = if request.bare {
            Occurrence::new()
        } else {
            occurrence(&request.code)
        };
        return Ok(FailReply {
            outcome: Some(rpc_status(code, &occurrence)),
        });
    }
    if request.bare {
        // The generated `From<E> for tonic::Status`, which `?` uses.
        return Err(code.into());
    }
    let cause = std::io::Error::other(SECRET);
    Err(Failure::with(code, occurrence(&request.code))
        .caused_by(cause)
        .into())
}

/// A gRPC service written by hand, as generated code would be: `Fail`
/// answers with the code asked for, `Plain` as a server that does not use
/// errcodes.
#[derive(Clone)]
struct Catalogs;

impl NamedService for Catalogs {
    const NAME: &'static str = SERVICE;
}

impl Service<http::Request<tonic::body::Body>> for Catalogs {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Self::Response, Infallible>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        Box::pin(async move {
            let mut grpc =
                tonic::server::Grpc::new(ProstCodec::default()).max_decoding_message_size(LIMIT);
            let response = match request.uri().path() {
                FAIL => grpc.unary(Unary(fail), request).await,
                PLAIN => grpc.unary(Unary(plain), request).await,
                PANIC => panic!("{SECRET}"),
                _ => tonic::Status::unimplemented("no such method").into_http(),
            };
            Ok(response)
        })
    }
}

/// A unary method: a plain function of the request.
struct Unary(fn(&FailRequest) -> Result<FailReply, tonic::Status>);

impl Service<tonic::Request<FailRequest>> for Unary {
    type Response = tonic::Response<FailReply>;
    type Error = tonic::Status;
    type Future = std::future::Ready<Result<Self::Response, tonic::Status>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), tonic::Status>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: tonic::Request<FailRequest>) -> Self::Future {
        std::future::ready((self.0)(request.get_ref()).map(tonic::Response::new))
    }
}

/// Fails with the code asked for, from the catalog asked for.
fn fail(request: &FailRequest) -> Result<FailReply, tonic::Status> {
    match request.catalog.as_str() {
        "AcpError" => answer::<AcpError>(request),
        "EdgeError" => answer::<EdgeError>(request),
        "PassError" => answer::<PassError>(request),
        "PlatformError" => answer::<PlatformError>(request),
        "PrivacyError" => answer::<PrivacyError>(request),
        "AcpExample" => {
            let body = examples::bodies()
                .into_iter()
                .find(|body| body["error"]["code"] == request.code.as_str())
                .ok_or_else(|| tonic::Status::not_found("no such example"))?;
            let code = examples::code_of(&body);
            Err(Failure::with(code, examples::raise(&body)).into())
        }
        _ => Err(tonic::Status::not_found("no such catalog")),
    }
}

/// Reads the example's typed fields back from a status.
struct ReadStatus<'a>(&'a serde_json::Value, &'a tonic::Status);

impl ForEachType for ReadStatus<'_> {
    type Output = ();

    fn run<T: Fields<Code = AcpError>>(self) {
        let read = ReceivedStatus::<AcpError>::read(self.1);
        let typed: T = examples::typed(self.0);
        assert_eq!(read.fields::<T>().unwrap(), typed);
        assert_eq!(read.message(), self.0["error"]["message"].as_str());
        // The fields travel in `ErrorInfo.metadata`, under their keys.
        let Untyped::Metadata(metadata) = read.untyped_fields() else {
            panic!("the fields are metadata");
        };
        for field in T::CODE.fields() {
            let given = !self.0["error"]["details"][field.name].is_null();
            let sent = metadata.iter().any(|(key, _)| *key == field.key);
            assert_eq!(sent, given, "{}", field.key);
        }
    }
}

/// Fails with the canonical code named in the request's `code`, and
/// nothing more, as a handler that knows nothing of errcodes.
fn plain(request: &FailRequest) -> Result<FailReply, tonic::Status> {
    Err(match request.code.as_str() {
        "UNAVAILABLE" => tonic::Status::unavailable("draining connections"),
        "RESOURCE_EXHAUSTED" => tonic::Status::resource_exhausted("quota"),
        "DEADLINE_EXCEEDED" => tonic::Status::deadline_exceeded("too slow"),
        "INVALID_ARGUMENT" => tonic::Status::invalid_argument("bad field"),
        other => tonic::Status::unknown(other),
    })
}

async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let incoming = tonic::codegen::tokio_stream::wrappers::TcpListenerStream::new(listener);
    tokio::spawn(
        Server::builder()
            .add_service(Catalogs)
            .serve_with_incoming(incoming),
    );
    addr
}

/// The same service behind the boundary of catalog `E`.
async fn serve_behind_the_boundary<E: ErrorCode>() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let incoming = tonic::codegen::tokio_stream::wrappers::TcpListenerStream::new(listener);
    tokio::spawn(
        Server::builder()
            .layer(Boundary::<E>::new().grpc_layer())
            .add_service(Catalogs)
            .serve_with_incoming(incoming),
    );
    addr
}

struct Client(tonic::client::Grpc<Channel>);

impl Client {
    async fn connect(addr: SocketAddr) -> Self {
        let channel = Channel::from_shared(format!("http://{addr}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        Client(tonic::client::Grpc::new(channel))
    }

    async fn call(
        &mut self,
        path: &'static str,
        request: FailRequest,
    ) -> Result<FailReply, tonic::Status> {
        self.call_traced(path, request, None).await
    }

    /// `call`, with a W3C `traceparent` when one is given.
    async fn call_traced<T: prost::Message + 'static>(
        &mut self,
        path: &'static str,
        request: T,
        traceparent: Option<&'static str>,
    ) -> Result<FailReply, tonic::Status> {
        self.call_with(path, request, [("traceparent", traceparent)])
            .await
    }

    /// `call`, with the metadata given a value.
    async fn call_with<T: prost::Message + 'static>(
        &mut self,
        path: &'static str,
        request: T,
        metadata: [(&'static str, Option<&'static str>); 1],
    ) -> Result<FailReply, tonic::Status> {
        self.0.ready().await.unwrap();
        let codec: ProstCodec<T, FailReply> = ProstCodec::default();
        let mut request = tonic::Request::new(request);
        for (key, value) in metadata {
            if let Some(value) = value {
                request.metadata_mut().insert(key, value.parse().unwrap());
            }
        }
        self.0
            .unary(request, PathAndQuery::from_static(path), codec)
            .await
            .map(tonic::Response::into_inner)
    }
}

/// Without jitter, so that advice can be compared exactly.
fn exact() -> Policy {
    Policy {
        jitter: 0.0,
        ..Policy::default()
    }
}

/// What an HTTP client makes of the same error in Google's JSON form, sent
/// with the same occurrence: its code, message and advice.
fn over_http<E: ErrorCode>(
    code: E,
    bare: bool,
    now: SystemTime,
) -> (Option<Code<E>>, Option<String>, Advice) {
    let occurrence = if bare {
        Occurrence::new()
    } else {
        occurrence(code.code())
    };
    let rendered = render(code, &occurrence, WireFormat::Google);
    let body = Payload::<E>::decode(Shape::Google, &rendered.body, Limits::default()).unwrap();
    let retry_after = rendered.retry_after_secs().map(|s| s.to_string());
    let advice = exact().advise(
        Some(body.action_at(rendered.status)),
        rendered.status,
        retry_after.as_deref(),
        body.delay(),
        now,
    );
    (body.code(), body.message().map(str::to_owned), advice)
}

/// Fails with every code of `E` and reads each status back; returns how
/// many codes came as errors and how many inside a response.
async fn every_code<E: ErrorCode>(client: &mut Client) -> (usize, usize)
where
    tonic::Status: From<E>,
{
    let now = SystemTime::now();
    let (mut errors, mut carried) = (0, 0);
    for &code in E::ALL {
        for bare in [false, true] {
            let request = FailRequest {
                catalog: E::CATALOG.name().to_owned(),
                code: code.code().to_owned(),
                bare,
            };
            let read = match client.call(FAIL, request).await {
                Err(status) => {
                    assert_eq!(status.code() as i32, code.grpc_code().unwrap().number());
                    assert_no_cause(&status);
                    errors += 1;
                    ReceivedStatus::<E>::read(&status)
                }
                Ok(reply) => {
                    carried += 1;
                    ReceivedStatus::<E>::read_rpc(&reply.outcome.unwrap())
                }
            };
            let what = format!("{code:?} (bare: {bare})");
            assert_eq!(read.code(), Some(Code::Known(code)), "{what}");
            assert_eq!(Some(read.grpc_code()), code.grpc_code(), "{what}");
            assert_eq!(read.grpc_domain(), E::CATALOG.grpc_domain(), "{what}");
            assert_eq!(read.action(), code.action(), "{what}");
            assert_eq!(read.message(), Some(code.default_message()), "{what}");
            let (http_code, http_message, http_advice) = over_http(code, bare, now);
            assert_eq!(read.advice_with(&exact(), now), http_advice, "{what}");
            // The delays as written here: the occurrence's, or for a bare
            // code that asks for one, five seconds.
            let delay = match (bare, code.action()) {
                (false, _) => Some(Duration::from_secs(45)),
                (true, Action::RetryAfter) => Some(Duration::from_secs(5)),
                (true, _) => None,
            };
            assert_eq!(read.retry_delay(), delay, "{what}");
            let advice = read.advice_with(&exact(), now);
            match (code.is_retryable(), delay) {
                (true, Some(delay)) => assert_eq!(advice, Advice::RetryAfter(delay), "{what}"),
                (true, None) => assert_eq!(advice, Advice::Backoff, "{what}"),
                (false, _) => assert_eq!(advice, Advice::Stop(code.action()), "{what}"),
            }
            if bare {
                assert_eq!(read.request_id(), None, "{what}");
                assert!(read.metadata().is_empty(), "{what}");
            } else {
                let trace = format!("trace-{}", code.code());
                assert_eq!(read.request_id(), Some(trace.as_str()), "{what}");
                assert_eq!(Received::trace_id(&read), Some(trace.as_str()), "{what}");
                // Members become metadata, under keys gRPC clients accept.
                let metadata = [
                    ("item".to_owned(), "42".to_owned()),
                    ("retryAfter".to_owned(), "3".to_owned()),
                ];
                assert_eq!(read.metadata(), metadata, "{what}");
                // The same, through the trait a client loop uses.
                let generic: &dyn Received<E> = &read;
                assert_eq!(generic.code(), http_code, "{what}");
                assert_eq!(generic.message(), http_message.as_deref(), "{what}");
            }
        }
    }
    (errors, carried)
}

/// Nothing of the cause is in the status: its message, its details, or
/// any header it travels in.
fn assert_no_cause(status: &tonic::Status) {
    let contains = |bytes: &[u8]| bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes());
    assert!(!status.message().contains(SECRET), "{status:?}");
    assert!(!contains(status.details()), "{status:?}");
    let response = status.clone().into_http::<()>();
    for (name, value) in response.headers() {
        assert!(!contains(value.as_bytes()), "{name}: {value:?}");
    }
    for entry in status.metadata().iter() {
        if let tonic::metadata::KeyAndValueRef::Ascii(key, value) = entry {
            assert!(!contains(value.as_bytes()), "{key}: {value:?}");
        }
    }
}

#[tokio::test]
async fn every_code_of_every_catalog_survives_a_real_grpc_round_trip() {
    // A subscriber on every test that logs: tracing caches whether an
    // event's callsite is wanted, and a thread without one must not decide
    // for the test that captures them.
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let mut client = Client::connect(serve().await).await;
    let counts = [
        every_code::<AcpError>(&mut client).await,
        every_code::<EdgeError>(&mut client).await,
        every_code::<PassError>(&mut client).await,
        every_code::<PlatformError>(&mut client).await,
        every_code::<PrivacyError>(&mut client).await,
    ];
    // Privacy's job outcomes are gRPC `OK`: they come inside the response.
    assert_eq!(counts, [(38, 0), (8, 0), (94, 0), (26, 0), (20, 10)]);
}

#[tokio::test]
async fn statuses_without_errcodes_get_advice_from_their_code() {
    // A subscriber on every test that logs: tracing caches whether an
    // event's callsite is wanted, and a thread without one must not decide
    // for the test that captures them.
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let mut client = Client::connect(serve().await).await;
    let now = SystemTime::now();
    let mut advice = Vec::new();
    for code in [
        "UNAVAILABLE",
        "RESOURCE_EXHAUSTED",
        "DEADLINE_EXCEEDED",
        "INVALID_ARGUMENT",
        "DATA_LOSS",
    ] {
        let request = FailRequest {
            code: code.to_owned(),
            ..FailRequest::default()
        };
        let status = client.call(PLAIN, request).await.unwrap_err();
        let read = ReceivedStatus::<PassError>::read(&status);
        assert_eq!(read.code(), None);
        advice.push((read.grpc_code(), read.advice(now)));
    }
    assert_eq!(
        advice,
        [
            (GrpcCode::Unavailable, Advice::Backoff),
            (GrpcCode::ResourceExhausted, Advice::Backoff),
            (GrpcCode::DeadlineExceeded, Advice::Backoff),
            (GrpcCode::InvalidArgument, Advice::Stop(Action::None)),
            (GrpcCode::Unknown, Advice::Stop(Action::None)),
        ]
    );
}

#[test]
fn a_reason_from_another_domain_is_not_the_catalogs() {
    // Another service's status, with a reason spelled like one of ours.
    let ours = status(PassError::TooManyRequests, &Occurrence::new());
    let details = tonic_types::ErrorDetails::with_error_info(
        "TOO_MANY_REQUESTS",
        "other.example.com",
        std::collections::HashMap::new(),
    );
    let theirs = <tonic::Status as tonic_types::StatusExt>::with_error_details(
        tonic::Code::ResourceExhausted,
        "slow down",
        details,
    );
    let read = ReceivedStatus::<PassError>::read(&ours);
    assert_eq!(read.code(), Some(Code::Known(PassError::TooManyRequests)));
    let read = ReceivedStatus::<PassError>::read(&theirs);
    assert_eq!(
        read.code(),
        Some(Code::Unknown("TOO_MANY_REQUESTS".to_owned()))
    );
    // The canonical code still says to retry.
    assert!(read.advice(SystemTime::now()).is_retry());
    // And the same in Google's JSON form.
    let body = br#"{"error":{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TOO_MANY_REQUESTS","domain":"other.example.com"}]}}"#;
    let body = <GoogleBody<PassError> as errcodes_runtime::wire::Json>::decode(body).unwrap();
    assert_eq!(
        body.code(),
        Some(Code::Unknown("TOO_MANY_REQUESTS".to_owned()))
    );
}

#[tokio::test]
async fn every_acp_example_travels_over_grpc_with_its_fields_in_metadata() {
    // A subscriber on every test that logs: tracing caches whether an
    // event's callsite is wanted, and a thread without one must not decide
    // for the test that captures them.
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let mut client = Client::connect(serve().await).await;
    for body in examples::bodies() {
        let code = body["error"]["code"].as_str().unwrap().to_owned();
        let request = FailRequest {
            catalog: "AcpExample".to_owned(),
            code,
            bare: false,
        };
        let status = client.call(FAIL, request).await.unwrap_err();
        examples::with_type(examples::code_of(&body), ReadStatus(&body, &status));
    }
}

#[tokio::test]
async fn behind_the_boundary_tonic_s_own_statuses_come_from_the_catalog() {
    // A subscriber on every test that logs: tracing caches whether an
    // event's callsite is wanted, and a thread without one must not decide
    // for the test that captures them.
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let addr = serve_behind_the_boundary::<PassError>().await;
    let mut client = Client::connect(addr).await;
    let boundary = Boundary::<PassError>::new();
    let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let request = |catalog: &str, code: &str| FailRequest {
        catalog: catalog.to_owned(),
        code: code.to_owned(),
        bare: false,
    };
    // tonic's own UNIMPLEMENTED, a handler's bare status, a panic: each the
    // catalog's code for its condition, with the caller's trace id.
    for (path, sent, condition) in [
        (
            "/errcodes.test.Catalog/NoSuchMethod",
            request("", ""),
            Condition::UnknownRoute,
        ),
        (PLAIN, request("", "UNAVAILABLE"), Condition::Overloaded),
        (PLAIN, request("", "DEADLINE_EXCEEDED"), Condition::Timeout),
        (PANIC, request("", ""), Condition::Internal),
    ] {
        let status = client
            .call_traced(path, sent, Some(traceparent))
            .await
            .unwrap_err();
        let read = ReceivedStatus::<PassError>::read(&status);
        let expected = boundary.code_for(condition);
        assert_eq!(
            read.code().and_then(|code| code.known()),
            Some(expected),
            "{path}: {status:?}"
        );
        assert_eq!(
            Received::trace_id(&read),
            Some("4bf92f3577b34da6a3ce929d0e0e4736"),
            "{path}"
        );
        assert!(!status.message().contains("hunter2"), "{status:?}");
    }
    // A status a handler sends with errcodes' details passes as it is.
    let status = client
        .call(FAIL, request("PassError", "too_many_requests"))
        .await
        .unwrap_err();
    let read = ReceivedStatus::<PassError>::read(&status);
    assert_eq!(
        read.code().and_then(|code| code.known()),
        Some(PassError::TooManyRequests)
    );
    assert_eq!(read.request_id(), Some("trace-too_many_requests"));
    // Without the boundary, tonic's own status names no code of the catalog.
    let mut plain = Client::connect(serve().await).await;
    let status = plain
        .call("/errcodes.test.Catalog/NoSuchMethod", request("", ""))
        .await
        .unwrap_err();
    assert_eq!(ReceivedStatus::<PassError>::read(&status).code(), None);
}

/// A service that can never take a request, as a load shedder in front of
/// an exhausted pool.
struct NotReady;

impl Service<http::Request<tonic::body::Body>> for NotReady {
    type Response = http::Response<tonic::body::Body>;
    type Error = std::io::Error;
    type Future = std::future::Ready<Result<Self::Response, std::io::Error>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), std::io::Error>> {
        Poll::Ready(Err(std::io::Error::other("service overloaded")))
    }

    fn call(&mut self, _: http::Request<tonic::body::Body>) -> Self::Future {
        std::future::ready(Err(std::io::Error::other("called without being ready")))
    }
}

#[tokio::test]
async fn a_service_that_cannot_take_a_request_is_answered_for_and_not_called() {
    use tower::{Layer as _, ServiceExt as _};
    // A subscriber on every test that logs: tracing caches whether an
    // event's callsite is wanted, and a thread without one must not decide
    // for the test that captures them.
    let _logging = tracing::subscriber::set_default(Registry::default().with(Captured::default()));
    let boundary = Boundary::<PassError>::new();
    let mut service = boundary.grpc_layer().layer(NotReady);
    let request = http::Request::new(tonic::body::Body::empty());
    let response = service.ready().await.unwrap().call(request).await.unwrap();
    let status = tonic::Status::from_header_map(response.headers()).expect("a status");
    let read = ReceivedStatus::<PassError>::read(&status);
    assert_eq!(
        read.code().and_then(|code| code.known()),
        Some(boundary.code_for(Condition::Overloaded))
    );
}

errcodes_runtime::errcodes!("fixtures/service.yaml");

/// A request the server cannot decode as a `FailRequest`: its first field
/// is a number where a string belongs.
#[derive(Clone, PartialEq, prost::Message)]
struct Garbled {
    #[prost(uint64, tag = "1")]
    catalog: u64,
}

#[tokio::test]
async fn behind_the_boundary_a_request_tonic_cannot_decode_is_answered_from_the_catalog_and_logged_once()
 {
    let captured = Captured::default();
    let _logging = tracing::subscriber::set_default(Registry::default().with(captured.clone()));
    let mut client = Client::connect(serve_behind_the_boundary::<ServiceError>().await).await;
    let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let too_large = FailRequest {
        code: "x".repeat(LIMIT),
        ..FailRequest::default()
    };
    let status = client
        .call_traced(FAIL, too_large, Some(traceparent))
        .await
        .unwrap_err();
    let read = ReceivedStatus::<ServiceError>::read(&status);
    assert_eq!(
        read.code().and_then(|code| code.known()),
        Some(ServiceError::PayloadTooLarge),
        "{status:?}"
    );
    // The limit tonic applied, as the code's field and in its message.
    let fields: service_error::PayloadTooLarge = read.fields().unwrap();
    assert_eq!(fields.limit, Some(i64::try_from(LIMIT).unwrap()));
    assert_eq!(
        status.message(),
        format!("The body is over the limit of {LIMIT} bytes")
    );
    let garbled = client
        .call_traced(FAIL, Garbled { catalog: 7 }, None)
        .await
        .unwrap_err();
    let read_garbled = ReceivedStatus::<ServiceError>::read(&garbled);
    assert_eq!(
        read_garbled.code().and_then(|code| code.known()),
        Some(ServiceError::MalformedBody),
        "{garbled:?}"
    );
    assert_eq!(garbled.message(), "Malformed body");
    // One event per answer, with the trace id the client reads and tonic's
    // words, which the client never sees.
    let events = captured.0.lock().unwrap().clone();
    assert_eq!(events.len(), 2, "{events:?}");
    let answers = [(&read, "too large"), (&read_garbled, "decode")];
    for (event, (read, said)) in events.iter().zip(answers) {
        assert_eq!(Some(field(event, "trace_id")), Received::trace_id(read));
        assert!(
            field(event, "exception.message").contains(said),
            "{event:?}"
        );
    }
    assert_eq!(
        Received::trace_id(&read),
        Some("4bf92f3577b34da6a3ce929d0e0e4736")
    );
}

/// Behind the boundary of a catalog with translations, a status carries
/// its message in the language the request's `accept-language` chooses, as
/// a `LocalizedMessage`; its own message stays in the catalog's language.
#[tokio::test]
async fn a_status_carries_the_message_in_the_request_s_language() {
    let mut client = Client::connect(serve_behind_the_boundary::<AcpError>().await).await;
    for (languages, locale, expired, limited) in [
        (
            Some("pl"),
            "pl",
            "Token OAuth wygasł",
            "Przekroczono limit żądań",
        ),
        (
            Some("de-AT, pl;q=0.5"),
            "de",
            "OAuth-Token abgelaufen",
            "Ratenlimit überschritten",
        ),
        (
            Some("ja, *;q=0.1"),
            "en",
            "OAuth token expired",
            "Rate limit exceeded",
        ),
        (None, "en", "OAuth token expired", "Rate limit exceeded"),
    ] {
        // A code whose message needs no field, and one whose message needs
        // fields the bare code lacks: its title stands in.
        for (code, localized) in [
            (AcpError::TokenExpired, expired),
            (AcpError::RateLimitExceeded, limited),
        ] {
            let request = FailRequest {
                catalog: "AcpError".into(),
                code: code.code().into(),
                bare: true,
            };
            let status = client
                .call_with(FAIL, request, [("accept-language", languages)])
                .await
                .unwrap_err();
            let received = ReceivedStatus::<AcpError>::read(&status);
            assert_eq!(received.code(), Some(Code::Known(code)));
            assert_eq!(
                received.localized_message(),
                Some((locale, localized)),
                "{languages:?}"
            );
            assert_eq!(status.message(), code.default_message());
        }
    }
}
