//! The example bodies of the Ad Context Protocol's error reference
//! (`fixtures/wire/acp.json`), each with the typed fields of its code: what
//! the field tests produce and read back in process, over HTTP and over
//! gRPC.

use errcodes_runtime::wire::{ErrorResponse, Headers, Value};
use errcodes_runtime::{ErrorCode, Fields, Occurrence, Received};

use crate::acp::{AcpError, acp_error};

/// The reference's example bodies, in its order.
///
/// # Panics
///
/// When the fixture is missing or is not a JSON array.
#[must_use]
pub fn bodies() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/wire/acp.json");
    let text = std::fs::read(path).expect("the ACP fixture");
    match serde_json::from_slice(&text).expect("JSON") {
        Value::Array(bodies) => bodies,
        _ => panic!("the ACP fixture is a list of bodies"),
    }
}

/// The code of an example body.
///
/// # Panics
///
/// When the body has no known code.
#[must_use]
pub fn code_of(body: &Value) -> AcpError {
    let code = body["error"]["code"].as_str().expect("a code");
    AcpError::from_code(code).expect("a known code")
}

/// What runs once for each code, with the type of its fields.
pub trait ForEachType {
    /// What it gives back.
    type Output;

    /// Runs with `T`, the fields of the code.
    fn run<T: Fields<Code = AcpError>>(self) -> Self::Output;
}

/// Runs `each` with the fields type of `code`.
pub fn with_type<V: ForEachType>(code: AcpError, each: V) -> V::Output {
    use acp_error as f;
    match code {
        AcpError::InvalidCredentials => each.run::<f::InvalidCredentials>(),
        AcpError::TokenExpired => each.run::<f::TokenExpired>(),
        AcpError::InsufficientPermissions => each.run::<f::InsufficientPermissions>(),
        AcpError::MissingRequiredField => each.run::<f::MissingRequiredField>(),
        AcpError::InvalidFieldValue => each.run::<f::InvalidFieldValue>(),
        AcpError::InvalidFieldFormat => each.run::<f::InvalidFieldFormat>(),
        AcpError::SegmentNotFound => each.run::<f::SegmentNotFound>(),
        AcpError::AudienceUnavailable => each.run::<f::AudienceUnavailable>(),
        AcpError::PlatformUnauthorized => each.run::<f::PlatformUnauthorized>(),
        AcpError::SeatUnauthorized => each.run::<f::SeatUnauthorized>(),
        AcpError::AlreadyActivated => each.run::<f::AlreadyActivated>(),
        AcpError::ActivationFailed => each.run::<f::ActivationFailed>(),
        AcpError::InvalidPricingModel => each.run::<f::InvalidPricingModel>(),
        AcpError::RateLimitExceeded => each.run::<f::RateLimitExceeded>(),
        AcpError::InternalServerError => each.run::<f::InternalServerError>(),
        AcpError::ServiceUnavailable => each.run::<f::ServiceUnavailable>(),
        AcpError::Timeout => each.run::<f::Timeout>(),
        AcpError::DataQualityIssue => each.run::<f::DataQualityIssue>(),
        AcpError::UsageReportRejected => each.run::<f::UsageReportRejected>(),
    }
}

/// An example body read as a client reads it.
///
/// # Panics
///
/// When the body does not decode.
#[must_use]
pub fn received(body: &Value) -> ErrorResponse<AcpError> {
    let bytes = serde_json::to_vec(body).expect("JSON");
    let status = code_of(body).http_status();
    ErrorResponse::decode(status, Headers::default(), &bytes).expect("the example decodes")
}

/// The typed fields of an example body.
///
/// # Panics
///
/// When they do not read as `T`.
#[must_use]
pub fn typed<T: Fields<Code = AcpError>>(body: &Value) -> T {
    received(body)
        .fields::<T>()
        .unwrap_or_else(|error| panic!("{error}"))
}

/// The occurrence a server raises to send `body`: its typed fields; the
/// example's message where the template does not give it (`true` then);
/// and its `retry_after`.
///
/// # Panics
///
/// When the fields do not read as `T`.
#[must_use]
pub fn occurrence<T: Fields<Code = AcpError>>(body: &Value) -> (Occurrence, bool) {
    let fields: T = typed(body);
    let message = body["error"]["message"].as_str().unwrap_or_default();
    let overridden = fields.message() != message;
    let mut occurrence = Occurrence::new().fields(fields);
    if overridden {
        occurrence = occurrence.message(message);
    }
    if let Some(seconds) = body["error"]["retry_after"].as_u64() {
        occurrence = occurrence.retry_after_secs(seconds);
    }
    (occurrence, overridden)
}

/// The occurrence a server raises to send `body`, whatever its code.
///
/// # Panics
///
/// When the body's fields do not read as its code's.
#[must_use]
pub fn raise(body: &Value) -> Occurrence {
    struct Raise<'a>(&'a Value);

    impl ForEachType for Raise<'_> {
        type Output = Occurrence;

        fn run<T: Fields<Code = AcpError>>(self) -> Occurrence {
            occurrence::<T>(self.0).0
        }
    }

    with_type(code_of(body), Raise(body))
}

/// Reads the typed fields of every ACP code from whatever `body` decodes
/// to in `shape`, and checks that each value read renders and reads back
/// equal, and that each refusal names the field at fault: the property
/// the `fields` fuzz target checks on any bytes. Gives back how many codes'
/// fields were read.
///
/// # Panics
///
/// When a value read does not read back equal, or a refusal names no
/// field.
#[must_use]
pub fn read_back(shape: errcodes_runtime::Shape, body: &[u8]) -> usize {
    let Ok(payload) = errcodes_runtime::wire::Payload::<AcpError>::decode(
        shape,
        body,
        errcodes_runtime::wire::Limits::default(),
    ) else {
        return 0;
    };
    AcpError::ALL
        .iter()
        .filter(|code| with_type(**code, ReadBack(&payload)))
        .count()
}

struct ReadBack<'a>(&'a errcodes_runtime::wire::Payload<AcpError>);

impl ForEachType for ReadBack<'_> {
    type Output = bool;

    fn run<T: Fields<Code = AcpError>>(self) -> bool {
        use errcodes_runtime::fields::FieldReader;
        let untyped = self.0.untyped_fields();
        match T::read(&FieldReader::new(T::CODE, untyped)) {
            Ok(value) => {
                for format in [T::CODE.wire_format(), errcodes_runtime::WireFormat::Google] {
                    let occurrence = Occurrence::new().fields(value.clone());
                    let rendered = errcodes_runtime::wire::render(T::CODE, &occurrence, format);
                    assert_eq!(
                        String::from_utf8_lossy(&rendered.body),
                        String::from_utf8_lossy(&crate::stored::render(
                            T::CODE,
                            &occurrence,
                            format
                        )),
                        "{format}: the prepared fields' body is the stored texts'"
                    );
                    let again = errcodes_runtime::wire::Payload::<AcpError>::decode(
                        rendered.shape,
                        &rendered.body,
                        errcodes_runtime::wire::Limits::default(),
                    )
                    .expect("a rendered body decodes");
                    let back = T::read(&FieldReader::new(T::CODE, again.untyped_fields()))
                        .unwrap_or_else(|error| panic!("{error}"));
                    assert_eq!(back, value, "{format}");
                }
                true
            }
            Err(error) => {
                assert!(!error.field.is_empty(), "{error}");
                false
            }
        }
    }
}

/// Reads `body` as a problem detail of every code with fields, twice: the
/// typed fields a client asks for first, which are found in the members'
/// text alone, and the same read from the members once read in full with
/// the fields they give more than once. The two agree, value for value and
/// error for error, and so does the code, asked for twice; gives how many
/// codes the body was of.
///
/// # Panics
///
/// When they do not agree.
#[must_use]
pub fn lazy_read_agrees(body: &[u8]) -> usize {
    let headers = Headers {
        content_type: Some("application/problem+json"),
        retry_after: None,
    };
    let decode = || ErrorResponse::<AcpError>::decode(400, headers, body).ok();
    let (Some(lazy), Some(eager)) = (decode(), decode()) else {
        return 0;
    };
    // The code found in the text, and then kept, is the members' code.
    let code = lazy.code();
    assert_eq!(lazy.code(), code);
    let _ = eager.untyped_fields();
    assert_eq!(eager.code(), code);
    AcpError::ALL
        .iter()
        .filter(|code| with_type(**code, LazyAgrees(&decode)))
        .count()
}

struct LazyAgrees<'a>(&'a dyn Fn() -> Option<ErrorResponse<AcpError>>);

impl ForEachType for LazyAgrees<'_> {
    type Output = bool;

    fn run<T: Fields<Code = AcpError>>(self) -> bool {
        use errcodes_runtime::fields::FieldReader;
        let (Some(lazy), Some(eager)) = ((self.0)(), (self.0)()) else {
            return false;
        };
        let first = lazy.fields::<T>();
        let read = FieldReader::new(T::CODE, eager.untyped_fields());
        let whole = eager.code().and_then(|code| code.known()) == Some(T::CODE);
        if whole {
            let after = T::read(&read.repeated(eager.repeated_fields()));
            assert_eq!(first, after, "{}", T::CODE.code());
        } else {
            assert!(first.is_err());
        }
        whole
    }
}
