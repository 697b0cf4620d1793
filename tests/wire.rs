//! The wire formats against the example payloads of the documents the
//! catalogs come from (`fixtures/wire/`), and rendering and decoding typed
//! codes, unknown codes and unknown members.

#![forbid(unsafe_code)]

use std::path::Path;
use std::time::Duration;

use errcodes_runtime::wire::pass::{self, ErrorObject};
use errcodes_runtime::wire::{
    DecodeErrorKind, Json, Limits, Value, acp, edge, gateway, problem::Problem,
};
use errcodes_runtime::{Action, ErrorCode, Severity};
use errcodes_runtime::{Code, Occurrence};
use errcodes_tests::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/wire")
            .join(name),
    )
    .unwrap()
}

/// Whether two JSON texts hold the same value, whatever their key order.
fn same_json(a: &[u8], b: &[u8]) -> bool {
    serde_json::from_slice::<Value>(a).unwrap() == serde_json::from_slice::<Value>(b).unwrap()
}

#[test]
fn every_acp_example_decodes_and_encodes_back() {
    let examples: Vec<Value> = serde_json::from_slice(&fixture("acp.json")).unwrap();
    assert_eq!(examples.len(), AcpError::ALL.len());
    for (example, expected) in examples.iter().zip(AcpError::ALL) {
        let bytes = serde_json::to_vec(example).unwrap();
        let envelope = acp::Envelope::<AcpError>::decode(&bytes).unwrap();
        assert_eq!(envelope.success(), Some(false));
        let error = envelope.error().unwrap();
        assert_eq!(error.code(), Some(Code::Known(*expected)));
        assert!(error.message().is_some_and(|m| !m.is_empty()));
        assert!(error.details().is_some_and(Value::is_object));
        assert!(
            same_json(&envelope.encode().unwrap(), &bytes),
            "{expected:?}"
        );
    }
    let retry_after: Vec<(String, u64)> = examples
        .iter()
        .map(|e| serde_json::to_vec(e).unwrap())
        .filter_map(|bytes| {
            let envelope = acp::Envelope::<AcpError>::decode(&bytes).unwrap();
            let error = envelope.error()?;
            Some((error.code()?.to_string(), error.retry_after()?.as_secs()))
        })
        .collect();
    let expected = [
        ("ACTIVATION_FAILED", 300),
        ("RATE_LIMIT_EXCEEDED", 45),
        ("SERVICE_UNAVAILABLE", 900),
    ];
    assert_eq!(retry_after, expected.map(|(c, s)| (c.to_owned(), s)));
}

#[test]
fn edge_examples_tell_fatal_errors_from_non_fatal_ones_and_warnings() {
    let fatal = fixture("edge-fatal.json");
    let edge::Response::Fatal(problem) = edge::Response::<EdgeError>::decode(422, &fatal).unwrap()
    else {
        panic!("a 422 is fatal");
    };
    assert_eq!(problem.title(), Some("Unprocessable entity"));
    assert_eq!(
        problem.members()["report"]["errors"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    assert_eq!(problem.code(), None);
    assert!(same_json(&problem.encode().unwrap(), &fatal));

    let partial = fixture("edge-multi-status.json");
    let edge::Response::Completed(body) =
        edge::Response::<EdgeError>::decode(207, &partial).unwrap()
    else {
        panic!("a 207 is not fatal");
    };
    assert!(body.is_partial());
    assert_eq!(body.status(), 207);
    assert_eq!(
        body.request_id(),
        Some("72eaa048-207e-4dde-bf16-0cb2b21336d5")
    );
    assert_eq!((body.errors().count(), body.warnings().count()), (1, 1));
    let error = body.errors().next().unwrap();
    assert_eq!(error.status(), Some(503));
    // No code in `type`: the status decides, and 503 is retried after a delay.
    assert_eq!(error.action(), Action::RetryAfter);
    assert_eq!(
        body.warnings().next().unwrap().members()["report"]["cause"]["code"],
        202
    );
    assert!(same_json(&body.encode().unwrap(), &partial));
}

#[test]
fn pass_examples_decode_and_encode_back() {
    let json = fixture("pass-error.json");
    let error = ErrorObject::<PassError>::decode(&json).unwrap();
    assert_eq!(
        error.code(),
        Some(Code::Known(PassError::NetworkConnectionFailure))
    );
    assert_eq!((error.status(), error.action()), (Some(403), Action::Retry));
    assert_eq!(error.trace(), Some("12f6fef9-d2e0-422b-a9d7-60d799abe353"));
    assert!(same_json(&error.encode().unwrap(), &json));

    let xml = ErrorObject::<PassError>::decode_xml(&fixture("pass-error.xml")).unwrap();
    assert_eq!(xml, error);
    assert_eq!(
        ErrorObject::<PassError>::decode_xml(&xml.encode_xml()).unwrap(),
        error
    );

    let partial = fixture("pass-partial.json");
    let body = pass::PassBody::<PassError>::decode(&partial).unwrap();
    let resources: Vec<&pass::Resource<PassError>> = body.resources().collect();
    assert_eq!(resources.len(), 2);
    assert_eq!(resources[0].authorized(), Some(true));
    assert!(resources[0].error().is_none());
    assert_eq!(resources[1].error().unwrap().details(), Some(""));
    let retry: Vec<_> = body
        .items_to_retry()
        .filter_map(pass::Resource::id)
        .collect();
    assert_eq!(retry, ["TestStream2"]);
    assert!(same_json(&body.encode().unwrap(), &partial));
}

#[test]
fn platform_examples_decode_and_encode_back() {
    for code in [
        "403010", "401013", "403000", "403003", "400003", "403025", "403027",
    ] {
        let bytes = fixture(&format!("platform-{code}.json"));
        let body = gateway::GatewayBody::<PlatformError>::decode(&bytes).unwrap();
        let known = PlatformError::from_code(code).unwrap();
        assert_eq!(body.code(), Some(Code::Known(known)));
        assert_eq!(body.message(), Some(known.title()));
        assert_eq!(
            body.status().map(|s| s.to_string()),
            Some(code[..3].to_owned())
        );
        assert!(same_json(&body.encode().unwrap(), &bytes));
    }
    let content_type = fixture("platform-content-type.json");
    let problem = Problem::<PlatformError>::decode(&content_type).unwrap();
    assert_eq!(
        (problem.status(), problem.title()),
        (Some(400), Some("BadRequestError"))
    );
    assert!(same_json(&problem.encode().unwrap(), &content_type));
    // The document's problem carries its code as its title.
    assert_eq!(
        problem.code(),
        Some(Code::Known(PlatformError::BadRequestError))
    );
    // Not a gateway body: nothing is recognized, everything is kept.
    let etag = fixture("platform-etag.json");
    let body = gateway::GatewayBody::<PlatformError>::decode(&etag).unwrap();
    assert_eq!(body.code(), None);
    assert!(body.members().contains_key("errorMessage"));
    assert!(same_json(&body.encode().unwrap(), &etag));
}

#[test]
fn typed_codes_render_and_decode_back_in_every_format() {
    let occurrence = Occurrence::new()
        .detail("details here")
        .trace("t-1")
        .retry_after_secs(5);

    let problem = Problem::new(PrivacyError::DocumentRateLimitExceeded, &occurrence);
    assert_eq!(problem.type_uri(), Some("about:blank"));
    let decoded = Problem::<PrivacyError>::decode(&problem.encode().unwrap()).unwrap();
    assert_eq!(
        decoded.code(),
        Some(Code::Known(PrivacyError::DocumentRateLimitExceeded))
    );
    assert_eq!(
        (decoded.status(), decoded.detail()),
        (Some(400), Some("details here"))
    );

    let edge = Problem::new(EdgeError::InputError, &occurrence.clone().status(415));
    assert_eq!(
        edge.type_uri(),
        Some("https://ns.adobe.com/aep/errors/InputError")
    );
    assert_eq!(
        Problem::<EdgeError>::decode(&edge.encode().unwrap())
            .unwrap()
            .code(),
        Some(Code::Known(EdgeError::InputError))
    );
    assert_eq!(edge.status(), Some(415));

    let envelope = acp::Envelope::new(AcpError::ServiceUnavailable, &occurrence);
    let decoded = acp::Envelope::<AcpError>::decode(&envelope.encode().unwrap()).unwrap();
    assert_eq!(
        decoded.error().unwrap().retry_after(),
        Some(Duration::from_secs(5))
    );
    assert_eq!(
        decoded.error().unwrap().message(),
        Some(AcpError::ServiceUnavailable.default_message())
    );

    let object = ErrorObject::new(PassError::UserRateLimitExceeded, &occurrence);
    for decoded in [
        ErrorObject::<PassError>::decode(&object.encode().unwrap()).unwrap(),
        ErrorObject::<PassError>::decode_xml(&object.encode_xml()).unwrap(),
    ] {
        assert_eq!(decoded, object);
        assert_eq!(decoded.action(), Action::RetryAfter);
        assert_eq!(
            (decoded.trace(), decoded.details()),
            (Some("t-1"), Some("details here"))
        );
    }

    let gateway = gateway::GatewayBody::new(PlatformError::ApiKeyInvalid, &Occurrence::new());
    assert_eq!(
        gateway.encode().unwrap(),
        br#"{"error_code":"403003","message":"Api Key is invalid"}"#
    );
}

#[test]
fn unknown_codes_and_members_survive_a_round_trip() {
    let body = br#"{"success":false,"error":{"code":"NEW_CODE","message":"m","x-extra":[1,2]},"meta":{"v":2}}"#;
    let envelope = acp::Envelope::<AcpError>::decode(body).unwrap();
    let error = envelope.error().unwrap();
    assert_eq!(error.code(), Some(Code::Unknown("NEW_CODE".to_owned())));
    assert_eq!(error.members()["x-extra"], serde_json::json!([1, 2]));
    assert!(same_json(&envelope.encode().unwrap(), body));

    // An unknown code in a problem type still gets its status class's metadata.
    let problem =
        br#"{"type":"https://ns.adobe.com/aep/errors/EXEG-0201-503","status":503,"title":"t"}"#;
    let problem = Problem::<EdgeError>::decode(problem).unwrap();
    let code = problem.code().unwrap();
    assert_eq!(code, Code::Unknown("EXEG-0201-503".to_owned()));
    assert_eq!(
        (code.action(503), code.severity(503)),
        (Action::RetryAfter, Severity::Fatal)
    );
    assert_eq!(problem.action(), Action::RetryAfter);

    let xml =
        b"<error><code>brand_new</code><status>418</status><extra a=\"1\"><b>x</b></extra></error>";
    let object = ErrorObject::<PassError>::decode_xml(xml).unwrap();
    assert_eq!(object.code(), Some(Code::Unknown("brand_new".to_owned())));
    let again = ErrorObject::<PassError>::decode_xml(&object.encode_xml()).unwrap();
    assert_eq!(again, object);
    assert!(
        String::from_utf8(object.encode_xml())
            .unwrap()
            .contains("<extra a=\"1\"><b>x</b></extra>")
    );
}

#[test]
fn members_of_the_wrong_type_are_ignored_but_kept() {
    let body = br#"{"type":7,"status":"400","title":"t","detail":null,"instance":["x"]}"#;
    let problem = Problem::<EdgeError>::decode(body).unwrap();
    assert_eq!(
        (problem.type_uri(), problem.status(), problem.detail()),
        (None, None, None)
    );
    assert_eq!(problem.title(), Some("t"));
    assert_eq!(problem.members().len(), 4);
    assert!(same_json(&problem.encode().unwrap(), body));

    let xml = b"<error><status>four hundred</status><code>bad_request</code></error>";
    let object = ErrorObject::<PassError>::decode_xml(xml).unwrap();
    assert_eq!(object.status(), None);
    assert_eq!(object.code(), Some(Code::Known(PassError::BadRequest)));
    assert!(
        String::from_utf8(object.encode_xml())
            .unwrap()
            .contains("<status>four hundred</status>")
    );
}

#[test]
fn xml_found_by_fuzzing_round_trips() {
    // An element whose name is not a name, which the XML reader accepts.
    assert!(errcodes_tests::roundtrip::pass_xml(
        b"<error><status>403</status>   <   <cod<mess r/><code>x</code></error>",
    ));
    // A byte-order mark before an element that is kept as written.
    assert!(errcodes_tests::roundtrip::pass_xml(
        b"\xef\xbb\xbf<error>\n <status>403\x01</status><code>x</code></error>",
    ));
    let object =
        ErrorObject::<PassError>::decode_xml(b"\xef\xbb\xbf<error><extra>1</extra></error>")
            .unwrap();
    assert_eq!(object.encode_xml(), b"<error><extra>1</extra></error>");
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let limits = Limits { max_bytes: 64 };
    let large = format!("{{\"title\":\"{}\"}}", "x".repeat(100));
    let error = Problem::<EdgeError>::decode_with(large.as_bytes(), limits).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the body is 112 bytes, more than the limit of 64"
    );
    assert_eq!(error.kind(), DecodeErrorKind::TooLarge);
    // Deep nesting: refused at once where an object belongs, and by the
    // recursion limit inside a member.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = Problem::<EdgeError>::decode(deep.as_bytes()).unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::WrongShape, "{error}");
    let deep = format!("{{\"x\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let error = Problem::<EdgeError>::decode(deep.as_bytes()).unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::NotJson);
    assert!(error.to_string().contains("recursion limit"), "{error}");
    let kind = |body: &[u8]| Problem::<EdgeError>::decode(body).unwrap_err().kind();
    assert_eq!(kind(b"\xff"), DecodeErrorKind::NotJson);
    // Not UTF-8 inside a string: not JSON either, and said where.
    let error = Problem::<EdgeError>::decode(b"{\"title\": \"a\xffb\"}").unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::NotJson);
    assert!(
        error
            .to_string()
            .contains("invalid unicode code point at line 1 column 13"),
        "{error}"
    );
    assert_eq!(kind(b"\"text\""), DecodeErrorKind::WrongShape);
    let xml_kind = |body: &[u8]| {
        ErrorObject::<PassError>::decode_xml(body)
            .unwrap_err()
            .kind()
    };
    assert_eq!(xml_kind(b"<other/>"), DecodeErrorKind::WrongShape);
    assert_eq!(xml_kind(b"<error><code>x</code>"), DecodeErrorKind::NotXml);
    assert_eq!(
        xml_kind(b"<error>text</error>"),
        DecodeErrorKind::WrongShape
    );
    assert_eq!(xml_kind(b"\xff"), DecodeErrorKind::NotXml);
    let xml_deep = format!(
        "<error><a>{}{}</a></error>",
        "<b>".repeat(100_000),
        "</b>".repeat(100_000)
    );
    assert!(ErrorObject::<PassError>::decode_xml(xml_deep.as_bytes()).is_ok());
}

#[test]
fn the_aip_193_example_round_trips_byte_for_byte() {
    use errcodes_runtime::GrpcCode;
    use errcodes_runtime::wire::google::GoogleBody;
    use errcodes_runtime::wire::{ErrorResponse, Headers};
    use errcodes_tests::cloud::CloudError;

    let compact = fixture("google-aip193.json");
    let compact = compact.trim_ascii_end();
    let body = GoogleBody::<CloudError>::decode(compact).unwrap();
    assert_eq!(body.encode().unwrap(), compact);
    // Indented as the AIP shows it, the same body.
    let pretty = GoogleBody::<CloudError>::decode(&fixture("google-aip193-pretty.json")).unwrap();
    assert_eq!(pretty, body);

    let error = body.error().unwrap();
    assert_eq!(
        error.code(),
        Some(Code::Known(CloudError::ResourceAvailability))
    );
    assert_eq!(
        (error.http_status(), error.grpc_code()),
        (Some(429), Some(GrpcCode::ResourceExhausted))
    );
    let info = error.error_info().unwrap();
    assert_eq!(info.domain, "compute.googleapis.com");
    let keys: Vec<&str> = info.metadata.iter().map(|(key, _)| *key).collect();
    assert_eq!(keys, ["zone", "vmType", "attachment", "zonesWithCapacity"]);
    assert_eq!(
        error.localized_message().map(|(locale, _)| locale),
        Some("en-US")
    );
    assert_eq!(
        error.help_links(),
        [(
            "Additional information on this error",
            "https://cloud.google.com/compute/docs/resource-error"
        )]
    );
    assert_eq!(error.retry_delay(), None);

    // A client of the catalog reads it through the one entry point.
    let headers = Headers {
        content_type: Some("application/json; charset=UTF-8"),
        retry_after: Some("30"),
    };
    let response = ErrorResponse::<CloudError>::decode(429, headers, compact).unwrap();
    assert_eq!(
        response.code(),
        Some(Code::Known(CloudError::ResourceAvailability))
    );
    assert_eq!(response.action(), Action::RetryAfter);
    assert!(
        response
            .message()
            .unwrap()
            .starts_with("The zone 'us-east1-a'")
    );

    // For a catalog of another domain, the reason is someone else's.
    let other = GoogleBody::<PassError>::decode(compact).unwrap();
    assert_eq!(
        other.code(),
        Some(Code::Unknown("RESOURCE_AVAILABILITY".to_owned()))
    );
}

#[test]
fn every_canonical_code_agrees_with_code_proto_and_round_trips() {
    use errcodes_runtime::GrpcCode;
    use errcodes_runtime::wire::google::GoogleBody;
    use errcodes_tests::cloud::CloudError;

    let codes: Vec<Value> = serde_json::from_slice(&fixture("google-codes.json")).unwrap();
    assert_eq!(codes.len(), GrpcCode::ALL.len());
    for entry in codes {
        let (name, number, http) = (
            entry["name"].as_str().unwrap(),
            i32::try_from(entry["number"].as_i64().unwrap()).unwrap(),
            u16::try_from(entry["http"].as_u64().unwrap()).unwrap(),
        );
        let code = GrpcCode::from_number(number).unwrap();
        assert_eq!((code.as_str(), code.http_status()), (name, http));
        // The HTTP form, and the bare form gateways send, both ways.
        let wrapped = format!(
            r#"{{"error":{{"code":{http},"message":"m","status":"{name}","details":[]}}}}"#
        );
        let bare = format!(r#"{{"code":{number},"message":"m","details":[]}}"#);
        for (text, is_bare) in [(wrapped, false), (bare, true)] {
            let body = GoogleBody::<CloudError>::decode(text.as_bytes()).unwrap();
            assert_eq!(body.encode().unwrap(), text.as_bytes());
            assert_eq!(body.is_bare(), is_bare);
            let error = body.error().unwrap();
            assert_eq!(
                (error.grpc_code(), error.http_status()),
                (Some(code), Some(http)),
                "{text}"
            );
            assert_eq!(error.code(), None);
            assert_eq!(error.action(), Action::for_status(http));
        }
    }
}

#[test]
fn google_bodies_keep_what_they_do_not_model() {
    use errcodes_runtime::wire::google::GoogleBody;
    use errcodes_tests::cloud::CloudError;

    // A member of the wrong type, an unknown detail with its own members
    // in their order, and a member beside `error`.
    let text = r#"{"error":{"code":"429","message":"m","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/acme.Quota","zeta":1,"alpha":[true,null]},"not an object"],"extra":{"b":1,"a":2}},"trace":"x"}"#;
    let body = GoogleBody::<CloudError>::decode(text.as_bytes()).unwrap();
    let error = body.error().unwrap();
    assert_eq!(error.http_status(), None);
    assert_eq!(error.member("code"), Some(Value::from("429")));
    assert_eq!(body.member("trace"), Some(Value::from("x")));
    assert_eq!(error.details().len(), 2);
    // Members the format writes first come first; the rest keep their order.
    let encoded = String::from_utf8(body.encode().unwrap()).unwrap();
    assert_eq!(
        encoded,
        r#"{"error":{"message":"m","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/acme.Quota","zeta":1,"alpha":[true,null]},"not an object"],"code":"429","extra":{"b":1,"a":2}},"trace":"x"}"#
    );
    // A detail that names a member twice is refused, as everywhere.
    let twice = br#"{"error":{"details":[{"@type":"t","reason":"A","reason":"B"}]}}"#;
    assert_eq!(
        GoogleBody::<CloudError>::decode(twice).unwrap_err().kind(),
        DecodeErrorKind::DuplicateMember
    );
}

/// Decoding keeps a problem's extension members as text and reads them
/// when asked for: they must be what `serde_json` reads in the body, with
/// the same repeated fields as when they were built at once.
#[test]
fn extension_members_read_when_asked_for_are_those_in_the_body() {
    let bodies = [
        r#"{"type": "about:blank", "status": 400}"#,
        r#"{"title": "T", "a": 1, "b": -2.5e300, "c": [true, false, null, {}], "d": {"e": "\u00e9\n\"q\""}}"#,
        r#"{"status": "not a number", "report": {"errors": ["x"]}, "status2": 1, "s": 70000}"#,
        r#"{"na\"me": {"in\\ner": "v"}, "trace": "abc", "code": "InputError", "e": []}"#,
        "{\"big\": 18446744073709551615, \"small\": -9223372036854775808, \"f\": 1e-7,\n \"ws\" :  [ 1 , 2 ] }",
    ];
    for body in bodies {
        let problem = Problem::<EdgeError>::decode(body.as_bytes()).unwrap();
        let value: Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            problem.members(),
            &errcodes_tests::roundtrip::unmodelled(&value),
            "{body}"
        );
        assert!(problem.repeated_fields().is_empty(), "{body}");
        assert_eq!(problem.trace(), value["trace"].as_str(), "{body}");
        let again = Problem::<EdgeError>::decode(&problem.encode().unwrap()).unwrap();
        assert_eq!(again, problem, "{body}");
    }
    let body = r#"{"a": 1, "a": 2, "b": {"x": 1, "x": 2}, "c": [{"y": [], "y": {}}], "z": 0}"#;
    let repeated = Problem::<EdgeError>::decode(body.as_bytes()).unwrap();
    assert_eq!(
        repeated.repeated_fields(),
        ["a".into(), "b".into(), "c".into()]
    );
    assert_eq!(repeated.members()["a"], 1);
    assert_eq!(repeated.members()["b"], serde_json::json!({"x": 1}));
    assert_eq!(repeated.members()["z"], 0);
}

/// A member kept as text is refused where `serde_json` refuses the body:
/// nesting too deep, a number out of range.
#[test]
fn a_member_kept_as_text_is_refused_where_the_body_is_not_json() {
    for levels in 120..=130 {
        let body = format!(r#"{{"x": {}{}}}"#, "[".repeat(levels), "]".repeat(levels));
        let decoded = Problem::<EdgeError>::decode(body.as_bytes());
        let parsed = serde_json::from_str::<Value>(&body);
        assert_eq!(decoded.is_ok(), parsed.is_ok(), "{levels} levels");
        match decoded {
            // The deepest member taken reads back whole.
            Ok(problem) => assert_eq!(problem.members()["x"], parsed.unwrap()["x"]),
            Err(error) => {
                assert_eq!(error.kind(), DecodeErrorKind::NotJson, "{error}");
                assert!(error.to_string().contains("recursion limit"), "{error}");
            }
        }
    }
    for body in [
        r#"{"x": 1e999}"#,
        r#"{"{e":41E07020}"#,
        r#"{"x": [{"y": -1e400}]}"#,
    ] {
        let error = Problem::<EdgeError>::decode(body.as_bytes()).unwrap_err();
        assert!(error.to_string().contains("number out of range"), "{error}");
        assert!(serde_json::from_str::<Value>(body).is_err());
    }
}

/// A catalog without `grpc-domain` sent in Google's format: the code is
/// the reason, no domain is written (protobuf's JSON leaves an empty
/// string out), and the code reads back.
#[test]
fn google_bodies_of_a_catalog_without_a_domain_leave_it_out() {
    use errcodes_runtime::WireFormat;
    use errcodes_runtime::wire::google::GoogleBody;
    use errcodes_runtime::wire::render;

    errcodes_runtime::errcodes!("fixtures/shop.yaml");

    let code = ShopError::RateLimited;
    let rendered = render(code, &Occurrence::new(), WireFormat::Google);
    let body: Value = serde_json::from_slice(&rendered.body).unwrap();
    let info = &body["error"]["details"][0];
    assert_eq!(info["reason"], "RATE_LIMITED");
    assert!(info.get("domain").is_none(), "{body}");
    assert_eq!(body["error"]["status"], "RESOURCE_EXHAUSTED");
    let read = GoogleBody::<ShopError>::decode(&rendered.body).unwrap();
    assert_eq!(read.code(), Some(Code::Known(code)));
    assert_eq!(read.error().unwrap().error_info().unwrap().domain, "");
}
