//! Bodies exactly as the documents show them, and the cases a client author
//! hit: repeated members, the Platform's content-type problem, pretty XML,
//! a malformed Edge error, `about:blank` problems, the status of an error
//! embedded in an Edge 207 body, and the wire types through serde.

#![forbid(unsafe_code)]

use errcodes_runtime::wire::{
    DecodeErrorKind, ErrorResponse, Headers, Item, Json, Value, acp, edge, gateway, google, pass,
    problem::Problem, render,
};
use errcodes_runtime::{Action, ErrorCode};
use errcodes_runtime::{Code, Occurrence};
use errcodes_tests::roundtrip::{self, no_repeated_members};
use errcodes_tests::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};
use serde_json::json;

/// A format's round trip ([`roundtrip`]).
type Check = fn(&[u8]) -> bool;

fn value(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap()
}

/// How many times `"name":` is written in `body`.
fn times(body: &[u8], name: &str) -> usize {
    String::from_utf8_lossy(body)
        .matches(&format!("\"{name}\":"))
        .count()
}

#[test]
fn a_member_named_like_a_standard_one_never_repeats_it() {
    let occurrence = Occurrence::new()
        .member("status", 499.into())
        .member("title", "mine".into())
        .member("report", json!({"x": 1}));
    let problem = Problem::new(EdgeError::InputError, &occurrence);
    let body = problem.encode().unwrap();
    assert_eq!(
        times(&body, "status"),
        1,
        "{}",
        String::from_utf8_lossy(&body)
    );
    assert_eq!(times(&body, "title"), 1);
    // The standard member wins; the body agrees with the HTTP status, and
    // the encoder with the typed value.
    assert_eq!(value(&body)["status"], 400);
    assert_eq!(problem.status(), Some(400));
    assert_eq!(value(&body)["report"], json!({"x": 1}));
    assert_eq!(Problem::<EdgeError>::decode(&body).unwrap(), problem);
    let rendered = render(
        EdgeError::InputError,
        &occurrence,
        EdgeError::InputError.wire_format(),
    );
    assert_eq!(rendered.status, 400);
    assert_eq!(value(&rendered.body), value(&body));

    // The same in every other format.
    let occurrence = Occurrence::new()
        .member("code", "NOT_IT".into())
        .member("message", "x".into())
        .member("error_code", "1".into())
        .member("success", true.into());
    for body in [
        acp::Envelope::new(AcpError::Timeout, &occurrence)
            .encode()
            .unwrap(),
        gateway::GatewayBody::new(PlatformError::ApiKeyInvalid, &occurrence)
            .encode()
            .unwrap(),
        pass::ErrorObject::new(PassError::BadRequest, &occurrence)
            .encode()
            .unwrap(),
    ] {
        no_repeated_members(&body);
        assert_ne!(value(&body).pointer("/error/code"), Some(&json!("NOT_IT")));
    }
}

#[test]
fn the_platform_content_type_problem_decodes_and_renders_as_documented() {
    // As the Platform guide shows it.
    let documented = json!({
        "type": "/placeholder/type/uri",
        "status": 400,
        "title": "BadRequestError",
        "detail": "A valid content-type must be specified"
    });
    let body = serde_json::to_vec(&documented).unwrap();
    let headers = Headers {
        content_type: Some("application/problem+json"),
        retry_after: None,
    };
    let error = ErrorResponse::<PlatformError>::decode(400, headers, &body).unwrap();
    assert_eq!(
        error.code(),
        Some(Code::Known(PlatformError::BadRequestError))
    );
    assert_eq!(
        error.message(),
        Some("A valid content-type must be specified")
    );

    let occurrence = Occurrence::new().detail("A valid content-type must be specified");
    let code = PlatformError::BadRequestError;
    let rendered = render(code, &occurrence, code.wire_format());
    assert_eq!(rendered.content_type, "application/problem+json");
    assert_eq!(value(&rendered.body), documented);
    // Without a detail of its own, the code's title explains it.
    let rendered = render(code, &Occurrence::new(), code.wire_format());
    assert_eq!(
        value(&rendered.body)["detail"],
        "Valid content-type not specified"
    );
    // The same catalog's gateway errors stay gateway bodies.
    let rendered = render(
        PlatformError::OauthTokenMissing,
        &Occurrence::new(),
        PlatformError::OauthTokenMissing.wire_format(),
    );
    assert_eq!(
        value(&rendered.body),
        json!({"error_code": "403010", "message": "Oauth token is missing."})
    );
}

#[test]
fn pretty_printed_xml_keeps_its_codes() {
    let xml = b"<error>\n  <status>\n    429\n  </status>\n  <code>\n    too_many_requests\n  </code>\n  \
        <message>\n    Too many requests\n  </message>\n  <action> retry-after </action>\n</error>";
    let error = pass::ErrorObject::<PassError>::decode_xml(xml).unwrap();
    assert_eq!(error.code(), Some(Code::Known(PassError::TooManyRequests)));
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.action(), Action::RetryAfter);
    // Text for people is kept as written.
    assert_eq!(error.message(), Some("\n    Too many requests\n  "));
    let response = ErrorResponse::<PassError>::decode(
        429,
        Headers {
            content_type: Some("application/xml; charset=utf-8"),
            retry_after: Some("3"),
        },
        xml,
    )
    .unwrap();
    assert_eq!(
        response.code(),
        Some(Code::Known(PassError::TooManyRequests))
    );
}

#[test]
fn one_malformed_edge_error_does_not_hide_the_others() {
    let body = br#"{"requestId": "r", "handle": [], "errors": [
        {"type": "https://ns.adobe.com/aep/errors/UpstreamError", "status": 503, "title": "Upstream down"},
        "not an object",
        7
    ], "warnings": [null]}"#;
    let decoded = edge::EdgeBody::<EdgeError>::decode(body).unwrap();
    assert!(decoded.is_partial());
    assert_eq!(decoded.status(), 207);
    assert_eq!(decoded.errors().count(), 1);
    assert_eq!(
        decoded.errors().next().unwrap().code(),
        Some(Code::Known(EdgeError::UpstreamError))
    );
    assert_eq!(decoded.error_items()[1], Item::Kept(json!("not an object")));
    assert_eq!(decoded.warning_items(), [Item::Kept(Value::Null)]);
    assert!(decoded.members().is_empty());
    assert_eq!(value(&decoded.encode().unwrap()), value(body));
    // A body whose only error is malformed still reads as a partial failure.
    let only = edge::EdgeBody::<EdgeError>::decode(br#"{"errors": [42]}"#).unwrap();
    assert!(only.is_partial());
    assert_eq!(only.errors().count(), 0);
}

#[test]
fn problems_without_a_type_follow_rfc_9457_about_blank() {
    // Privacy Service gives no problem type URI: `about:blank`, whose title
    // is the status phrase; the code and its title are still in the body.
    let code = PrivacyError::DocumentRateLimitExceeded;
    let rendered = render(code, &Occurrence::new(), code.wire_format());
    let body = value(&rendered.body);
    assert_eq!(body["type"], "about:blank");
    assert_eq!(body["title"], "Bad Request");
    assert_eq!(body["detail"], "Document rate limit exceeded");
    assert_eq!(body["code"], "1030-400");
    let decoded = Problem::<PrivacyError>::decode(&rendered.body).unwrap();
    assert_eq!(decoded.code(), Some(Code::Known(code)));
    // An occurrence's detail takes the detail's place; the title stays the
    // status phrase whatever the message.
    let occurrence = Occurrence::new().detail("3 jobs over").message("Slow down");
    let body = value(&render(code, &occurrence, code.wire_format()).body);
    assert_eq!(
        (&body["title"], &body["detail"]),
        (&json!("Bad Request"), &json!("3 jobs over"))
    );
    // A job outcome at 200 is about:blank too.
    let body = value(
        &render(
            PrivacyError::Success,
            &Occurrence::new(),
            PrivacyError::Success.wire_format(),
        )
        .body,
    );
    assert_eq!(body["title"], "OK");
}

#[test]
fn an_error_embedded_in_an_edge_207_has_the_upstream_status_and_its_own_title() {
    let code = EdgeError::UpstreamError;
    let occurrence = Occurrence::new()
        .status(503)
        .message("The 'com.adobe.experience.platform.ode' service is temporarily unable to serve this request. Please try again later.")
        .trace("72eaa048-207e-4dde-bf16-0cb2b21336d5");
    let rendered = render(code, &occurrence, code.wire_format());
    assert_eq!(
        (rendered.status, rendered.content_type),
        (207, "application/json")
    );
    let body = edge::EdgeBody::<EdgeError>::decode(&rendered.body).unwrap();
    let error = body.errors().next().unwrap();
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.title(), occurrence.message.as_deref());
    assert_eq!(
        body.request_id(),
        Some("72eaa048-207e-4dde-bf16-0cb2b21336d5")
    );
    // Without the upstream's status: 502, never the 207 of the response.
    let rendered = render(code, &Occurrence::new(), code.wire_format());
    let body = edge::EdgeBody::<EdgeError>::decode(&rendered.body).unwrap();
    assert_eq!(body.errors().next().unwrap().status(), Some(502));
    // The client reads the whole response through the one entry point.
    let response = ErrorResponse::<EdgeError>::decode(
        207,
        Headers {
            content_type: Some("application/json"),
            retry_after: None,
        },
        &rendered.body,
    )
    .unwrap();
    assert_eq!(response.code(), Some(Code::Known(code)));
    assert_eq!(response.action(), Action::Retry);
}

#[test]
fn every_wire_type_round_trips_through_serde_json() {
    fn check<T>(body: &str)
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let typed: T = serde_json::from_str(body).unwrap();
        let written = serde_json::to_string(&typed).unwrap();
        assert_eq!(serde_json::from_str::<T>(&written).unwrap(), typed);
        assert_eq!(value(written.as_bytes()), value(body.as_bytes()), "{body}");
    }
    check::<Problem<EdgeError>>(
        r#"{"type": "https://ns.adobe.com/aep/errors/InputError", "status": "4xx", "title": "t", "report": {"a": [1]}}"#,
    );
    check::<edge::EdgeBody<EdgeError>>(
        r#"{"requestId": "r", "handle": [{"x": 1}], "errors": [{"status": 503}, 1], "warnings": [], "extra": true}"#,
    );
    check::<acp::Envelope<AcpError>>(
        r#"{"success": false, "error": {"code": "TIMEOUT", "message": "m", "details": {"x": null}, "retry_after": 3, "more": 1}}"#,
    );
    check::<acp::ErrorObject<AcpError>>(r#"{"code": "NEW", "retry_after": -1}"#);
    check::<pass::PassBody<PassError>>(
        r#"{"resources": [{"id": "a", "authorized": true}, "junk", {"id": "b", "authorized": false, "error": {"status": 403, "code": "network_connection_failure", "action": "retry"}}]}"#,
    );
    check::<pass::ErrorObject<PassError>>(
        r#"{"status": 429, "code": "too_many_requests", "helpUrl": "u", "trace": "t", "x": [true]}"#,
    );
    check::<pass::Resource<PassError>>(r#"{"id": "a", "authorized": "yes"}"#);
    check::<gateway::GatewayBody<PlatformError>>(
        r#"{"error_code": "403010", "message": "Oauth token is missing.", "errorMessage": 1}"#,
    );
    // A member the format reads, given twice, is refused, through
    // serde_json too: readers could disagree on which one counts.
    for body in [
        r#"{"status": 400, "status": "late"}"#,
        r#"{"type": "a", "title": "t", "type": "b"}"#,
    ] {
        let error = serde_json::from_str::<Problem<EdgeError>>(body).unwrap_err();
        assert!(
            error.to_string().starts_with("duplicate member name"),
            "{error}"
        );
        let error = Problem::<EdgeError>::decode(body.as_bytes()).unwrap_err();
        assert_eq!(error.kind(), DecodeErrorKind::DuplicateMember, "{body}");
    }
    // An extension member is a field: given twice, or holding a member
    // given twice at any depth, it is told repeated, its first value kept.
    for (body, first) in [
        (r#"{"status": 400, "x": {"a": 1, "a": 2}}"#, json!({"a": 1})),
        (r#"{"x": [{"b": null, "b": 2}]}"#, json!([{"b": null}])),
        (r#"{"x": 1, "status": 400, "x": 2, "x": 3}"#, json!(1)),
    ] {
        let problem = Problem::<EdgeError>::decode(body.as_bytes()).unwrap();
        assert_eq!(problem.repeated_fields(), [Box::from("x")], "{body}");
        assert_eq!(problem.members()["x"], first, "{body}");
        let problem = serde_json::from_str::<Problem<EdgeError>>(body).unwrap();
        assert_eq!(problem.repeated_fields().len(), 1);
    }
    // Among many members, early or late: the names seen are kept in a
    // list, then in a set.
    let many = |repeat: usize, at: usize| {
        let mut members: Vec<String> = (0..80).map(|i| format!(r#""m{i}": {i}"#)).collect();
        members.insert(at, format!(r#""m{repeat}": "again""#));
        format!("{{{}}}", members.join(", "))
    };
    for (repeat, at) in [(3, 10), (3, 50), (40, 70), (79, 80)] {
        let body = many(repeat, at);
        let problem = Problem::<EdgeError>::decode(body.as_bytes()).unwrap();
        assert_eq!(
            problem.repeated_fields(),
            [Box::from(format!("m{repeat}"))],
            "{repeat} at {at}"
        );
        // Google's details keep their order, and check names their own way.
        let nested = format!(r#"{{"error": {{"code": 429, "details": [{body}]}}}}"#);
        for body in [&body, &nested] {
            let error = google::GoogleBody::<PassError>::decode(body.as_bytes()).unwrap_err();
            assert_eq!(
                error.kind(),
                DecodeErrorKind::DuplicateMember,
                "{repeat} at {at}"
            );
        }
    }
    let distinct = format!(
        "{{{}}}",
        (0..80)
            .map(|i| format!(r#""m{i}": {i}"#))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(Problem::<EdgeError>::decode(distinct.as_bytes()).is_ok());
    assert!(google::GoogleBody::<PassError>::decode(distinct.as_bytes()).is_ok());
}

#[test]
fn a_field_given_twice_is_refused_in_xml() {
    let error = pass::ErrorObject::<PassError>::decode_xml(
        b"<error><code>bad_request</code><x/><code attr=\"1\">internal_error</code></error>",
    )
    .unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::DuplicateMember);
    assert_eq!(error.to_string(), "the body gives <code> twice");
    // Unknown elements may repeat.
    let repeated = pass::ErrorObject::<PassError>::decode_xml(b"<error><x>1</x><x>2</x></error>");
    assert!(repeated.is_ok());
}

#[test]
fn a_field_given_twice_fails_alone_in_every_json_format() {
    // Where each format keeps an error's fields, a repeated one is told,
    // and the body reads; a repeated member the format reads refuses it.
    let f = || vec![Box::<str>::from("f")];
    let gateway = gateway::GatewayBody::<PlatformError>::decode(
        br#"{"error_code": "403010", "message": "m", "f": 1, "f": 2}"#,
    )
    .unwrap();
    assert_eq!(gateway.repeated_fields(), f());
    let acp = acp::Envelope::<AcpError>::decode(
        br#"{"success": false, "error": {"code": "TOKEN_EXPIRED", "message": "m", "details": {"f": 1, "f": 2}}}"#,
    )
    .unwrap();
    assert_eq!(acp.error().unwrap().repeated_fields(), f());
    let pass_error = pass::ErrorObject::<PassError>::decode(
        br#"{"status": 400, "code": "bad_request", "message": "m", "f": [1], "f": [2]}"#,
    )
    .unwrap();
    assert_eq!(pass_error.repeated_fields(), f());
    let pass = pass::PassBody::<PassError>::decode(
        br#"{"error": {"status": 400, "code": "bad_request", "f": {"g": 1, "g": 2}}}"#,
    )
    .unwrap();
    assert_eq!(pass.error().unwrap().repeated_fields(), f());
    let items = pass::PassBody::<PassError>::decode(
        br#"{"resources": [{"id": "a"}, {"id": "b", "error": {"status": 403, "code": "bad_request", "f": 1, "f": 2}}]}"#,
    )
    .unwrap();
    let item = items.resources().nth(1).unwrap();
    assert_eq!(item.error().unwrap().repeated_fields(), f());
    let problem = Problem::<EdgeError>::decode(
        br#"{"type": "https://ns.adobe.com/aep/errors/EXEG-0003-500", "status": 500, "f": {"g": 1, "g": 2}}"#,
    )
    .unwrap();
    assert_eq!(problem.repeated_fields(), f());
    // An Edge item's extension member, in a 207 body.
    let body = br#"{"requestId": "r", "handle": [], "errors": [{"type": "https://ns.adobe.com/aep/errors/EXEG-0201-503", "status": 503, "f": 1, "f": 2}]}"#;
    let body = edge::EdgeBody::<EdgeError>::decode(body).unwrap();
    assert_eq!(body.errors().next().unwrap().repeated_fields(), f());
    let refused: [&[u8]; 5] = [
        br#"{"error_code": "403010", "error_code": "403011"}"#,
        br#"{"success": false, "error": {"code": "A", "message": "m", "message": "n"}}"#,
        br#"{"success": false, "error": {"code": "A", "x": {"y": 1, "y": 2}}}"#,
        br#"{"resources": [{"id": "a", "id": "b"}]}"#,
        br#"{"requestId": "r", "errors": [{"type": "t", "type": "u"}]}"#,
    ];
    for body in refused {
        let text = String::from_utf8_lossy(body);
        let kind = if text.contains("error_code") {
            gateway::GatewayBody::<PlatformError>::decode(body)
                .unwrap_err()
                .kind()
        } else if text.contains("success") {
            acp::Envelope::<AcpError>::decode(body).unwrap_err().kind()
        } else if text.contains("resources") {
            pass::PassBody::<PassError>::decode(body)
                .unwrap_err()
                .kind()
        } else {
            edge::EdgeBody::<EdgeError>::decode(body)
                .unwrap_err()
                .kind()
        };
        assert_eq!(kind, DecodeErrorKind::DuplicateMember, "{text}");
    }
    // Decoded, such a body encodes with each field once, its first value.
    let bodies: [(&[u8], Check); 6] = [
        (br#"{"type": "t", "f": 1, "f": 2}"#, roundtrip::problem),
        (br#"{"errors": [{"type": "t", "f": {"g": 1, "g": 2}}]}"#, roundtrip::edge),
        (br#"{"success": false, "error": {"code": "A", "details": {"f": 1, "f": 2}}}"#, roundtrip::acp),
        (br#"{"resources": [{"error": {"code": "a", "f": 1, "f": 2}}]}"#, roundtrip::pass_json),
        (br#"{"error_code": "1", "f": [1], "f": [2]}"#, roundtrip::gateway),
        (br#"{"error": {"details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "metadata": {"f": "1", "f": "2"}}]}}"#, roundtrip::google),
    ];
    for (body, roundtrip) in bodies {
        assert!(roundtrip(body), "{}", String::from_utf8_lossy(body));
    }
    // The error names the member by its JSON pointer.
    let body = br#"{"success": false, "error": {"code": "A", "x": [{"y": 1}, {"y": 1, "y": 2}, [{"z": 0}]]}}"#;
    let error = acp::Envelope::<AcpError>::decode(body).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("duplicate member name `/error/x/1/y`"),
        "{error}"
    );
}

#[test]
fn a_json_body_may_start_with_a_byte_order_mark() {
    let body = b"\xEF\xBB\xBF{\"status\": 400}";
    let problem = Problem::<EdgeError>::decode(body).unwrap();
    assert_eq!(problem.status(), Some(400));
}
