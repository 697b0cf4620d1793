//! Typed fields end to end, in process: every example body of the Ad
//! Context Protocol's error reference is what the typed value of its code
//! renders, and reads back into the same value; every typed value renders
//! in every wire format and reads back equal; a hostile body gets an error
//! naming the field and nothing else fails.

#![forbid(unsafe_code)]

use errcodes_core::render::own_members;
use errcodes_runtime::fields::{FieldReader, Problem};
use errcodes_runtime::wire::{ErrorResponse, Headers, Limits, Payload, Value, render};
use errcodes_runtime::{ErrorCode, Fields, Received, WireFormat};
use errcodes_tests::acp::{AcpError, acp_error};
use errcodes_tests::examples::{self, ForEachType};
use serde_json::json;

/// Renders the example's typed value and compares with the example; gives
/// back whether the example's message had to be given by hand.
struct Reproduce<'a>(&'a Value);

impl ForEachType for Reproduce<'_> {
    type Output = bool;

    fn run<T: Fields<Code = AcpError>>(self) -> bool {
        let body = self.0;
        let typed: T = examples::typed(body);
        let (occurrence, overridden) = examples::occurrence::<T>(body);
        let rendered = render(T::CODE, &occurrence, WireFormat::Acp);
        assert_eq!(rendered.status, T::CODE.http_status());
        let sent: Value = serde_json::from_slice(&rendered.body).unwrap();
        assert_eq!(&sent, body, "{}", T::CODE.code());
        let again: T = examples::typed(&sent);
        assert_eq!(again, typed);
        overridden
    }
}

#[test]
fn every_acp_example_is_what_its_typed_value_sends() {
    let bodies = examples::bodies();
    assert_eq!(bodies.len(), AcpError::ALL.len());
    let mut overridden = Vec::new();
    for body in &bodies {
        let code = examples::code_of(body);
        if examples::with_type(code, Reproduce(body)) {
            overridden.push(code.code());
        }
    }
    // The examples whose message says more than the template can from the
    // fields (a range spelled out, a list named): the occurrence gives it.
    assert_eq!(
        overridden,
        [
            "INSUFFICIENT_PERMISSIONS",
            "MISSING_REQUIRED_FIELD",
            "INVALID_FIELD_VALUE",
            "INVALID_PRICING_MODEL",
            "RATE_LIMIT_EXCEEDED",
            "DATA_QUALITY_ISSUE",
            "USAGE_REPORT_REJECTED",
        ]
    );
}

/// Reads `T` from a body of any shape.
fn read<T: Fields<Code = AcpError>>(
    shape: errcodes_runtime::Shape,
    body: &[u8],
) -> Result<T, errcodes_runtime::FieldError> {
    let payload = Payload::<AcpError>::decode(shape, body, Limits::default())
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(body)));
    T::read(&FieldReader::new(T::CODE, payload.untyped_fields()))
}

/// Renders the example's typed value in every format, and reads it back.
struct EveryFormat<'a>(&'a Value);

impl ForEachType for EveryFormat<'_> {
    type Output = ();

    fn run<T: Fields<Code = AcpError>>(self) {
        let typed: T = examples::typed(self.0);
        let (occurrence, _) = examples::occurrence::<T>(self.0);
        for &format in WireFormat::ALL {
            // A field named like a member the format writes itself cannot
            // travel in it; the catalog refuses that only for the formats
            // the code is sent in (ALREADY_ACTIVATED's `status`).
            let own = own_members(format);
            if T::CODE.fields().any(|field| own.contains(&field.name)) {
                assert!(format != T::CODE.wire_format() && format != WireFormat::Google);
                continue;
            }
            let rendered = render(T::CODE, &occurrence, format);
            let back: T = read(rendered.shape, &rendered.body).unwrap_or_else(|error| {
                panic!(
                    "{format}: {error}\n{}",
                    String::from_utf8_lossy(&rendered.body)
                )
            });
            assert_eq!(back, typed, "{format}");
        }
    }
}

#[test]
fn every_example_renders_in_every_format_and_reads_back() {
    for body in &examples::bodies() {
        examples::with_type(examples::code_of(body), EveryFormat(body));
    }
}

/// An `INVALID_FIELD_VALUE` body with `details` as given.
fn invalid_field_value(details: &str) -> Vec<u8> {
    format!(
        r#"{{"success": false, "error": {{"code": "INVALID_FIELD_VALUE", "message": "m", "details": {details}}}}}"#
    )
    .into_bytes()
}

fn received(body: &[u8]) -> ErrorResponse<AcpError> {
    ErrorResponse::decode(400, Headers::default(), body).unwrap()
}

/// Reads `INVALID_FIELD_VALUE`'s fields from a body whose `details` are
/// given, which must fail, once the rest of the error reads as before.
fn field_error(details: &str) -> (ErrorResponse<AcpError>, errcodes_runtime::FieldError) {
    let received = received(&invalid_field_value(details));
    assert_eq!(received.code().unwrap().as_str(), "INVALID_FIELD_VALUE");
    assert_eq!(received.message(), Some("m"));
    let error = received
        .fields::<acp_error::InvalidFieldValue>()
        .unwrap_err();
    (received, error)
}

#[test]
fn a_hostile_field_gets_an_error_naming_it_and_nothing_else_fails() {
    let huge = "x".repeat(70_000);
    let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
    let many = format!("[{}1]", "1,".repeat(2_000));
    let cases: [(String, &str, &str); 5] = [
        (
            r#"{"field": 5, "provided_value": 1}"#.to_owned(),
            "field",
            "field `field` of INVALID_FIELD_VALUE should be a string, found a number",
        ),
        (
            r#"{"provided_value": 1}"#.to_owned(),
            "field",
            "field `field` of INVALID_FIELD_VALUE is missing",
        ),
        (
            format!(r#"{{"field": "{huge}", "provided_value": 1}}"#),
            "field",
            "field `field` of INVALID_FIELD_VALUE has more than 65536 bytes",
        ),
        (
            format!(r#"{{"field": "f", "provided_value": {deep}}}"#),
            "provided_value",
            "field `provided_value` of INVALID_FIELD_VALUE has more than 32 levels of nesting",
        ),
        (
            format!(r#"{{"field": "f", "provided_value": {many}}}"#),
            "provided_value",
            "field `provided_value` of INVALID_FIELD_VALUE has more than 1024 items",
        ),
    ];
    for (details, field, message) in cases {
        let (received, error) = field_error(&details);
        assert_eq!(error.field, field);
        assert_eq!(error.to_string(), message);
        // What was received stays readable.
        assert!(!matches!(
            received.untyped_fields(),
            errcodes_runtime::fields::Untyped::None
        ));
    }
}

#[test]
fn a_repeated_field_fails_alone() {
    // Which of two values to believe is not known: reading that field
    // fails, at any depth inside it, and the rest of the error reads.
    let cases = [
        (
            r#"{"field": "a", "field": "b", "provided_value": 1}"#,
            "field",
        ),
        (
            r#"{"field": "a", "provided_value": {"x": [{"y": 1, "y": 2}]}}"#,
            "provided_value",
        ),
    ];
    for (details, field) in cases {
        let (received, error) = field_error(details);
        assert_eq!(error.field, field);
        assert_eq!(error.problem, Problem::Repeated);
        assert_eq!(
            error.to_string(),
            format!("field `{field}` of INVALID_FIELD_VALUE is given more than once")
        );
        // The first value stays readable.
        let errcodes_runtime::fields::Untyped::Members(members) = received.untyped_fields() else {
            panic!("the details are members");
        };
        assert_eq!(members["field"], json!("a"));
    }
}

#[test]
fn a_repeated_member_the_format_reads_refuses_the_body() {
    // A proxy that reads the first `code` and a client that reads the
    // last would disagree: the body is not read, and the status and bytes
    // stay.
    let body = br#"{"success": false, "error": {"code": "INVALID_FIELD_VALUE", "code": "TOKEN_EXPIRED", "message": "m"}}"#;
    let received = received(body);
    assert_eq!(received.status(), 400);
    assert_eq!(received.unread().unwrap().bytes(), &body[..]);
    let error = received
        .fields::<acp_error::InvalidFieldValue>()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the error carries no fields of INVALID_FIELD_VALUE: the body gives a member twice: duplicate member name `/error/code` at line 1 column 101"
    );
}

#[test]
fn unknown_members_stay_and_other_codes_are_told() {
    let body = invalid_field_value(
        r#"{"field": "max_results", "provided_value": 100, "valid_range": "1-50", "hint": {"x": 1}}"#,
    );
    let received = received(&body);
    let typed = received.fields::<acp_error::InvalidFieldValue>().unwrap();
    assert_eq!(typed.field, "max_results");
    assert_eq!(typed.provided_value, json!(100));
    assert_eq!(typed.valid_range.as_deref(), Some("1-50"));
    let errcodes_runtime::fields::Untyped::Members(members) = received.untyped_fields() else {
        panic!("the details are members");
    };
    assert_eq!(members["hint"], json!({"x": 1}));
    let error = received.fields::<acp_error::SegmentNotFound>().unwrap_err();
    assert_eq!(
        error.problem,
        Problem::OtherCode {
            received: Some("INVALID_FIELD_VALUE".to_owned())
        }
    );
}

#[test]
fn a_code_the_client_does_not_know_keeps_its_fields_untyped() {
    let body = br#"{"success": false, "error": {"code": "BRAND_NEW", "message": "m", "details": {"thing": 1}}}"#;
    let received = received(body);
    assert!(matches!(
        received.code(),
        Some(errcodes_runtime::Code::Unknown(_))
    ));
    let errcodes_runtime::fields::Untyped::Members(members) = received.untyped_fields() else {
        panic!("the details are members");
    };
    assert_eq!(members["thing"], json!(1));
}

#[test]
fn what_the_fuzz_target_checks_holds_on_the_examples() {
    for body in &examples::bodies() {
        let bytes = serde_json::to_vec(body).unwrap();
        assert!(examples::read_back(errcodes_runtime::Shape::Acp, &bytes) >= 1);
    }
}

/// Reads the example's typed fields back from a response.
struct ReadResponse<'a>(&'a Value, &'a ErrorResponse<AcpError>);

impl ForEachType for ReadResponse<'_> {
    type Output = ();

    fn run<T: Fields<Code = AcpError>>(self) {
        let typed: T = examples::typed(self.0);
        assert_eq!(self.1.fields::<T>().unwrap(), typed);
    }
}

#[tokio::test]
async fn every_acp_example_over_a_real_server_and_client() {
    use axum::extract::Path;
    use errcodes_runtime::axum::Reply;

    let app = axum::Router::new().route(
        "/acp/{index}",
        axum::routing::get(|Path(index): Path<usize>| async move {
            let body = &examples::bodies()[index];
            let code = examples::code_of(body);
            Reply::with(code, examples::raise(body))
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(std::future::IntoFuture::into_future(axum::serve(
        listener, app,
    )));
    let client = reqwest::Client::new();
    for (index, body) in examples::bodies().iter().enumerate() {
        let url = format!("{base}/acp/{index}");
        // The bytes, as any client sees them: the example's JSON.
        let sent = client.get(&url).send().await.unwrap();
        assert_eq!(
            sent.status().as_u16(),
            examples::code_of(body).http_status()
        );
        let json: Value = serde_json::from_slice(&sent.bytes().await.unwrap()).unwrap();
        assert_eq!(&json, body);
        // Through errcodes' reader: the typed value.
        let response = client.get(&url).send().await.unwrap();
        let received = errcodes_runtime::reqwest::read::<AcpError>(response)
            .await
            .unwrap();
        examples::with_type(examples::code_of(body), ReadResponse(body, &received));
    }
    server.abort();
}

/// A value of every kind of field, and for each field another value of
/// its type: equality and `Debug` see every field.
#[test]
fn equality_and_debug_see_every_field() {
    use errcodes_tests::kinds::{KindsError, kinds_error::EveryKind};
    let base = json!({
        "text": "a", "whole": 1, "real": 1.5, "flag": true,
        "when": "2025-01-20T10:00:00Z", "wait": "1.5s", "link": "https://a.example/",
        "mode": "fast", "anything": {"k": [1]}, "names": ["a"], "wholes": [1], "reals": [1.5],
        "flags": [true], "whens": ["2025-01-20T10:00:00Z"], "waits": ["1s"],
        "links": ["https://a.example/"], "modes": ["fast"], "anythings": [null],
        "maybe_text": "a", "maybe_any": null, "maybe_names": ["a"],
    });
    let other = json!({
        "text": "b", "whole": 2, "real": 2.5, "flag": false,
        "when": "2025-01-20T10:00:01Z", "wait": "2s", "link": "https://b.example/",
        "mode": "slow and steady", "anything": {"k": [2]}, "names": ["a", "b"], "wholes": [2],
        "reals": [], "flags": [false], "whens": ["2025-01-21T10:00:00Z"], "waits": ["1.5s"],
        "links": ["https://b.example/"], "modes": ["slow"], "anythings": [false],
        "maybe_text": null, "maybe_any": 0, "maybe_names": null,
    });
    let read = |members: &Value| {
        let members = members.as_object().unwrap();
        EveryKind::read(&FieldReader::new(
            KindsError::EveryKind,
            errcodes_runtime::fields::Untyped::Members(members),
        ))
        .unwrap()
    };
    let value = read(&base);
    assert_eq!(value, value.clone());
    assert_eq!(value, read(&base));
    let names: Vec<&str> = KindsError::EveryKind.fields().map(|f| f.name).collect();
    assert_eq!(names.len(), other.as_object().unwrap().len());
    for name in names {
        let mut changed = base.clone();
        changed[name] = other[name].clone();
        assert_ne!(read(&changed), value, "{name}");
        let debug = format!("{value:?}");
        assert!(debug.contains(&format!(" {name}: ")), "{name} in {debug}");
    }
    let value = acp_error::TokenExpired {
        expired_at: "2025-01-20T10:00:00Z".parse().unwrap(),
    };
    assert_eq!(
        format!("{value:?}"),
        "TokenExpired { expired_at: 2025-01-20T10:00:00Z }"
    );
}

#[test]
fn question_mark_raises_a_code_or_its_fields() {
    use errcodes_runtime::Failure;

    fn reserve(limit: i64) -> Result<(), Failure<AcpError>> {
        if limit < 0 {
            Err(AcpError::InvalidFieldValue)?;
        }
        if limit > 50 {
            Err(acp_error::RateLimitExceeded {
                limit,
                window: "60 seconds".to_owned(),
                reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
            })?;
        }
        Ok(())
    }

    assert!(reserve(1).is_ok());
    let bare = reserve(-1).unwrap_err();
    assert_eq!(bare.code(), AcpError::InvalidFieldValue);
    assert!(bare.occurrence().is_none());
    let typed = reserve(100).unwrap_err();
    assert_eq!(typed.code(), AcpError::RateLimitExceeded);
    let (code, occurrence) = typed.into_public();
    let body = render(code, &occurrence, WireFormat::Acp).body;
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["details"]["limit"], json!(100));
}

#[test]
fn a_metadata_key_given_twice_fails_alone_in_google_errors() {
    let value = acp_error::InvalidFieldValue {
        field: "max_results".to_owned(),
        provided_value: json!(100),
        valid_range: Some("1-50".to_owned()),
    };
    let (code, occurrence) = errcodes_runtime::Failure::from(value).into_public();
    let body = String::from_utf8(render(code, &occurrence, WireFormat::Google).body).unwrap();
    assert!(body.contains(r#""metadata":{"#), "{body}");
    let twice = body.replacen(r#""metadata":{"#, r#""metadata":{"field":"other","#, 1);
    let google = errcodes_runtime::Shape::Google;
    let payload = Payload::<AcpError>::decode(google, twice.as_bytes(), Limits::default()).unwrap();
    assert_eq!(payload.code(), Some(errcodes_runtime::Code::Known(code)));
    let error = read::<acp_error::InvalidFieldValue>(google, twice.as_bytes()).unwrap_err();
    assert_eq!(
        (error.field.as_str(), &error.problem),
        ("field", &Problem::Repeated)
    );
    // Given twice anywhere else, a member refuses the body.
    let reason = body.replacen(r#""reason":"#, r#""reason":"X","reason":"#, 1);
    let error =
        Payload::<AcpError>::decode(google, reason.as_bytes(), Limits::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("duplicate member name `/error/details/0/reason`"),
        "{error}"
    );
}

#[test]
fn a_message_written_in_place_reads_as_the_template_fills_it() {
    use errcodes_runtime::Fields as _;

    // Values that need escaping inside a JSON string, and one that does not.
    for window in ["60 seconds", "\"a\" minute\n\\ \u{1} é 🦀", ""] {
        let value = acp_error::RateLimitExceeded {
            limit: 100,
            window: window.to_owned(),
            reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
        };
        let message = value.message();
        assert!(message.contains(window), "{message}");
        let (code, occurrence) = errcodes_runtime::Failure::from(value).into_public();
        for format in [WireFormat::Acp, WireFormat::Gateway] {
            let body = render(code, &occurrence, format).body;
            let body: Value = serde_json::from_slice(&body).unwrap();
            let written = body["error"]["message"]
                .as_str()
                .or(body["message"].as_str());
            assert_eq!(written, Some(&*message), "{format}");
        }
    }
}

#[test]
fn fields_found_in_a_problems_kept_text_are_those_its_members_give() {
    let bodies = [
        // Every field once, with other members around them.
        r#"{"type":"about:blank","status":429,"code":"RATE_LIMIT_EXCEEDED","x":[1,{"y":2}],"limit":100,"window":"1 h","reset_time":"2025-01-20T15:31:00Z","z":null}"#,
        // A field given twice: the first value, and the field refused.
        r#"{"code":"RATE_LIMIT_EXCEEDED","limit":100,"window":"1 h","limit":7,"reset_time":"2025-01-20T15:31:00Z"}"#,
        // A field holding a member given twice.
        r#"{"code":"MISSING_REQUIRED_FIELD","field":"a","provided_fields":{"k":1,"k":2}}"#,
        // The code given twice, a field of the wrong type, one missing.
        r#"{"code":"RATE_LIMIT_EXCEEDED","code":"TOKEN_EXPIRED","limit":"many","window":"1 h"}"#,
        // Escaped names and values, a field given again after others.
        r#"{"c\u006fde":"TOKEN_EXPIRED","expired_at":"2025-01-20T15:31:00Z","note":"a\"b","expired_at":"x"}"#,
        // An escaped code, after a member that is not a string named like it.
        r#"{"cod":{"code":1},"code":"TOKEN\u005fEXPIRED","expired_at":"2025-01-20T15:31:00Z"}"#,
        // A code that is not a string, then one that is: the first counts.
        r#"{"code":7,"code":"TOKEN_EXPIRED","expired_at":"2025-01-20T15:31:00Z"}"#,
        // No code at all.
        r#"{"limit":100}"#,
    ];
    let mut codes = 0;
    for body in bodies {
        codes += errcodes_tests::examples::lazy_read_agrees(body.as_bytes());
    }
    // Every body but the last two names a code of the catalog.
    assert_eq!(codes, bodies.len() - 2);

    // And what the first read gives, as the bodies say.
    let received = |body: &str| {
        let headers = Headers {
            content_type: Some("application/problem+json"),
            retry_after: None,
        };
        ErrorResponse::<AcpError>::decode(429, headers, body.as_bytes()).unwrap()
    };
    let repeated = |body: &str, error: errcodes_runtime::FieldError| {
        assert_eq!(error.problem, Problem::Repeated, "{body}");
        error.field
    };
    assert_eq!(
        received(bodies[0]).fields::<acp_error::RateLimitExceeded>(),
        Ok(acp_error::RateLimitExceeded {
            limit: 100,
            window: "1 h".to_owned(),
            reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
        })
    );
    let error = received(bodies[1]).fields::<acp_error::RateLimitExceeded>();
    assert_eq!(repeated(bodies[1], error.unwrap_err()), "limit");
    let error = received(bodies[2]).fields::<acp_error::MissingRequiredField>();
    assert_eq!(repeated(bodies[2], error.unwrap_err()), "provided_fields");
    let error = received(bodies[4]).fields::<acp_error::TokenExpired>();
    assert_eq!(repeated(bodies[4], error.unwrap_err()), "expired_at");
    assert_eq!(
        received(bodies[5]).fields::<acp_error::TokenExpired>(),
        Ok(acp_error::TokenExpired {
            expired_at: "2025-01-20T15:31:00Z".parse().unwrap(),
        })
    );
}
