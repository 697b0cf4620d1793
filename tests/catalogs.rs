//! The shipped catalogs, compiled through `errcodes!`, checked against the
//! documents they were transcribed from and against the `ErrorCode`
//! contract.

#![forbid(unsafe_code)]

use errcodes_runtime::{Action, ErrorCode, Origin, Outcome, Severity};
use errcodes_tests::acp::AcpError;
use errcodes_tests::edge::EdgeError;
use errcodes_tests::pass::PassError;
use errcodes_tests::platform::PlatformError;
use errcodes_tests::privacy::PrivacyError;

/// What every generated enum promises, checked on every code.
fn check_contract<E>()
where
    E: ErrorCode + serde::Serialize + serde::de::DeserializeOwned,
{
    assert_eq!(E::ALL.len(), E::CATALOG.len());
    for (index, &code) in E::ALL.iter().enumerate() {
        assert_eq!(code.index(), index);
        assert_eq!(E::from_code(code.code()), Some(code), "{code:?}");
        assert_eq!(code.code().parse::<E>(), Ok(code));
        assert_eq!(
            code.to_string(),
            format!("{} {}", code.code(), code.title())
        );
        assert_eq!(format!("{code:?}"), code.name());
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, serde_json::to_string(code.code()).unwrap());
        assert_eq!(serde_json::from_str::<E>(&json).unwrap(), code);
        assert!((100..=599).contains(&code.http_status()), "{code:?}");
        assert!(!code.title().is_empty(), "{code:?}");
        assert!(
            code.description().is_some_and(|text| !text.is_empty()),
            "{code:?} has no description"
        );
        // Only a failure is sent again, and only when its action says so.
        assert_eq!(
            code.is_retryable(),
            code.outcome() == Outcome::Failure
                && matches!(code.action(), Action::Retry | Action::RetryAfter),
            "{code:?}"
        );
        if let Some(domain) = code.domain() {
            assert_eq!(E::CATALOG.domain(domain.id()), Some(domain));
        }
    }
    // A code with any one byte changed is found only when it is another
    // code: a lookup compares every byte, stored with the slot or not.
    for &code in E::ALL {
        for at in 0..code.code().len() {
            let mut bytes = code.code().as_bytes().to_vec();
            bytes[at] ^= 1;
            let Ok(other) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let expected = E::ALL.iter().copied().find(|code| code.code() == other);
            assert_eq!(E::from_code(other), expected, "{other:?}");
        }
    }
    for unknown in ["", "no such code", "1000-400 ", "invalid_credentials"] {
        if E::ALL.iter().any(|code| code.code() == unknown) {
            continue;
        }
        assert_eq!(E::from_code(unknown), None, "{unknown:?}");
        let error = unknown.parse::<E>().unwrap_err();
        assert_eq!(error.code(), unknown);
        assert_eq!(error.catalog(), E::CATALOG.name());
        let json = serde_json::to_string(unknown).unwrap();
        let message = serde_json::from_str::<E>(&json).unwrap_err().to_string();
        assert!(
            message.contains(&format!(
                "`{unknown}` is not a code of {}",
                E::CATALOG.name()
            )),
            "{message}"
        );
    }
}

#[test]
fn every_catalog_keeps_the_contract() {
    check_contract::<PrivacyError>();
    check_contract::<EdgeError>();
    check_contract::<AcpError>();
    check_contract::<PlatformError>();
    check_contract::<PassError>();
}

/// The Privacy Service reference table: code, status, title.
const PRIVACY: &[(&str, u16, &str)] = &[
    ("1000-400", 400, "Formatting error"),
    ("1001-400", 400, "Not authorized"),
    ("1010-400", 400, "Missing permissions"),
    ("1020-400", 400, "Upload and archive failure"),
    ("1021-400", 400, "Job failure"),
    ("1022-400", 400, "Data access failure"),
    ("1023-400", 400, "Data access failure"),
    ("1024-400", 400, "Unexpected error"),
    ("1030-400", 400, "Document rate limit exceeded"),
    ("1040-400", 400, "Key encryption access failure"),
    ("6000-200", 200, "Success"),
    ("6051-200", 200, "Not provisioned"),
    ("6052-200", 200, "User IDs not found"),
    ("6053-200", 200, "Invalid namespace"),
    ("6054-200", 200, "Partially completed"),
];

#[test]
fn privacy_matches_its_reference() {
    let codes: Vec<(&str, u16, &str)> = PrivacyError::ALL
        .iter()
        .map(|c| (c.code(), c.http_status(), c.title()))
        .collect();
    assert_eq!(codes, PRIVACY);
    let domains: Vec<&str> = PrivacyError::CATALOG
        .domains()
        .iter()
        .map(errcodes_runtime::Domain::title)
        .collect();
    assert_eq!(
        domains,
        [
            "Request validation",
            "Authorization and provisioning",
            "Identity and applicability",
            "Rate limiting",
            "Data access and processing",
            "Encryption and key management",
            "Job execution state",
        ]
    );
    assert!(PrivacyError::ALL.iter().all(|c| c.domain().is_some()));
}

#[test]
fn privacy_outcomes_tell_success_partial_and_failure_apart() {
    let outcome = |code: &str| PrivacyError::from_code(code).unwrap().outcome();
    assert_eq!(outcome("6000-200"), Outcome::Success);
    assert_eq!(outcome("6054-200"), Outcome::Partial);
    for code in ["6051-200", "6052-200", "6053-200"] {
        assert_eq!(outcome(code), Outcome::NotApplicable, "{code}");
    }
    for code in PRIVACY.iter().filter(|(_, status, _)| *status == 400) {
        assert_eq!(outcome(code.0), Outcome::Failure, "{}", code.0);
    }
    assert!(PrivacyError::Success.outcome().is_success());
    assert!(PrivacyError::PartiallyCompleted.outcome().is_success());
    assert!(!PrivacyError::JobFailure.outcome().is_success());
    assert_eq!(
        PrivacyError::DocumentRateLimitExceeded.action(),
        Action::RetryAfter
    );
}

#[test]
fn edge_error_types_match_the_guide() {
    let types: Vec<(&str, u16, Option<Origin>, Severity)> = EdgeError::ALL
        .iter()
        .map(|c| (c.code(), c.http_status(), c.origin(), c.severity()))
        .collect();
    assert_eq!(
        types,
        [
            (
                "RequestProcessingError",
                500,
                Some(Origin::Internal),
                Severity::Fatal
            ),
            ("InputError", 400, Some(Origin::External), Severity::Fatal),
            (
                "ConfigurationError",
                422,
                Some(Origin::External),
                Severity::Fatal
            ),
            (
                "UpstreamError",
                207,
                Some(Origin::External),
                Severity::NonFatal
            ),
        ]
    );
    assert_eq!(EdgeError::UpstreamError.outcome(), Outcome::Partial);
    assert_eq!(EdgeError::RequestProcessingError.action(), Action::None);
}

/// The ACP reference's codes by category, in its order.
const ACP: &[(&str, &[&str])] = &[
    (
        "Authentication Errors",
        &[
            "INVALID_CREDENTIALS",
            "TOKEN_EXPIRED",
            "INSUFFICIENT_PERMISSIONS",
        ],
    ),
    (
        "Validation Errors",
        &[
            "MISSING_REQUIRED_FIELD",
            "INVALID_FIELD_VALUE",
            "INVALID_FIELD_FORMAT",
        ],
    ),
    (
        "Resource Errors",
        &["SEGMENT_NOT_FOUND", "AUDIENCE_UNAVAILABLE"],
    ),
    (
        "Authorization Errors",
        &["PLATFORM_UNAUTHORIZED", "SEAT_UNAUTHORIZED"],
    ),
    (
        "Operation Errors",
        &[
            "ALREADY_ACTIVATED",
            "ACTIVATION_FAILED",
            "INVALID_PRICING_MODEL",
        ],
    ),
    ("Rate Limiting Errors", &["RATE_LIMIT_EXCEEDED"]),
    (
        "System Errors",
        &["INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "TIMEOUT"],
    ),
    (
        "Data Errors",
        &["DATA_QUALITY_ISSUE", "USAGE_REPORT_REJECTED"],
    ),
];

#[test]
fn acp_codes_sit_in_their_categories() {
    let mut expected = Vec::new();
    for (category, codes) in ACP {
        for code in *codes {
            expected.push((*code, *category));
        }
    }
    let actual: Vec<(&str, &str)> = AcpError::ALL
        .iter()
        .map(|c| (c.code(), c.domain().unwrap().title()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn acp_keeps_the_retryable_and_permanent_split() {
    for code in [
        "RATE_LIMIT_EXCEEDED",
        "TIMEOUT",
        "SERVICE_UNAVAILABLE",
        "INTERNAL_SERVER_ERROR",
    ] {
        assert!(AcpError::from_code(code).unwrap().is_retryable(), "{code}");
    }
    for code in [
        "INVALID_CREDENTIALS",
        "INSUFFICIENT_PERMISSIONS",
        "SEGMENT_NOT_FOUND",
        "PLATFORM_UNAUTHORIZED",
    ] {
        assert!(!AcpError::from_code(code).unwrap().is_retryable(), "{code}");
    }
    assert_eq!(AcpError::RateLimitExceeded.http_status(), 429);
    assert!(AcpError::ALL.iter().all(|c| c.resolution().is_some()));
}

/// The gateway's header errors as the guide shows them: code and message.
const GATEWAY: &[(&str, &str)] = &[
    ("403010", "Oauth token is missing."),
    ("401013", "Oauth token is not valid"),
    ("403000", "Api Key is required"),
    ("403003", "Api Key is invalid"),
    ("400003", "Missing header"),
    ("403025", "Profile is not valid"),
    ("403027", "User region is missing"),
];

#[test]
fn platform_matches_the_guide() {
    for (code, message) in GATEWAY {
        let error = PlatformError::from_code(code).unwrap();
        assert_eq!(error.title(), *message);
        assert_eq!(error.http_status().to_string(), code[..3], "{code}");
        assert_eq!(error.domain().unwrap().id(), "request-headers");
    }
    let content_type = PlatformError::from_code("BadRequestError").unwrap();
    assert_eq!(content_type.http_status(), 400);
    let statuses: Vec<(u16, &str)> = PlatformError::ALL
        .iter()
        .filter(|c| c.domain().is_some_and(|d| d.id() == "status"))
        .map(|c| (c.http_status(), c.title()))
        .collect();
    assert_eq!(
        statuses,
        [
            (400, "Bad request"),
            (401, "Authentication failed"),
            (403, "Forbidden"),
            (404, "Not found"),
            (500, "Internal server error"),
        ]
    );
    assert_eq!(PlatformError::ALL.len(), GATEWAY.len() + 1 + statuses.len());
}

/// The Adobe Pass reference table: code, status, action.
const PASS: &[(&str, u16, &str)] = &[
    ("authorization_denied_by_mvpd", 403, "none"),
    ("authorization_denied_by_parental_controls", 403, "none"),
    ("authorization_denied_by_programmer", 403, "none"),
    ("bad_request", 400, "none"),
    ("individualization_service_unavailable", 503, "none"),
    ("internal_error", 500, "none"),
    ("invalid_client_time", 400, "none"),
    ("invalid_custom_scheme", 400, "none"),
    ("invalid_domain", 400, "none"),
    ("invalid_header", 400, "none"),
    ("invalid_http_method", 405, "none"),
    ("invalid_parameter_value", 400, "none"),
    ("invalid_resource_value", 400, "none"),
    ("invalid_registration_code", 404, "none"),
    ("invalid_service_configuration", 500, "none"),
    ("missing_authentication_header", 400, "none"),
    ("missing_resource_mapping", 400, "none"),
    ("preauthorization_denied_by_mvpd", 403, "none"),
    ("preauthorization_denied_by_programmer", 403, "none"),
    ("registration_code_service_unavailable", 503, "none"),
    ("service_unavailable", 503, "none"),
    ("access_token_unavailable", 400, "none"),
    ("unsupported_client_version", 400, "none"),
    ("network_required_ssl", 403, "configuration"),
    ("too_many_resources", 403, "configuration"),
    ("unknown_programmer", 400, "configuration"),
    ("unknown_application", 400, "configuration"),
    ("unknown_integration", 400, "configuration"),
    ("unknown_software_statement", 401, "configuration"),
    ("access_token_expired", 401, "application-registration"),
    (
        "invalid_access_token_signature",
        401,
        "application-registration",
    ),
    ("invalid_client_id", 401, "application-registration"),
    ("authentication_session_expired", 410, "authentication"),
    ("authentication_session_missing", 401, "authentication"),
    ("authentication_session_invalidated", 401, "authentication"),
    (
        "authentication_session_issuer_mismatch",
        400,
        "authentication",
    ),
    (
        "authorization_denied_by_hba_policies",
        403,
        "authentication",
    ),
    ("identity_not_recognized_by_mvpd", 403, "authentication"),
    ("authorization_expired", 410, "authorization"),
    ("authorization_not_found", 404, "authorization"),
    ("device_identifier_mismatch", 403, "authorization"),
    ("network_connection_failure", 403, "retry"),
    ("network_connection_timeout", 403, "retry"),
    ("network_received_error", 403, "retry"),
    ("maximum_execution_time_exceeded", 403, "retry"),
    ("too_many_requests", 429, "retry-after"),
    ("user_rate_limit_exceeded", 429, "retry-after"),
];

#[test]
fn pass_matches_its_reference() {
    let codes: Vec<(&str, u16, &str)> = PassError::ALL
        .iter()
        .map(|c| (c.code(), c.http_status(), c.action().as_str()))
        .collect();
    assert_eq!(codes, PASS);
}

#[test]
fn each_catalog_names_its_wire_format() {
    use errcodes_runtime::WireFormat;

    assert!(
        PrivacyError::ALL
            .iter()
            .all(|c| c.wire_format() == WireFormat::Problem)
    );
    assert!(
        EdgeError::ALL
            .iter()
            .all(|c| c.wire_format() == WireFormat::Edge)
    );
    assert_eq!(
        EdgeError::CATALOG.problem_type(),
        Some("https://ns.adobe.com/aep/errors/{code}")
    );
    assert!(
        AcpError::ALL
            .iter()
            .all(|c| c.wire_format() == WireFormat::Acp)
    );
    assert!(
        PassError::ALL
            .iter()
            .all(|c| c.wire_format() == WireFormat::Pass)
    );
    for (code, _) in GATEWAY {
        assert_eq!(
            PlatformError::from_code(code).unwrap().wire_format(),
            WireFormat::Gateway
        );
    }
    for code in ["BadRequestError", "400", "401", "403", "404", "500"] {
        assert_eq!(
            PlatformError::from_code(code).unwrap().wire_format(),
            WireFormat::Problem,
            "{code}"
        );
    }
}

mod quoted {
    errcodes_runtime::errcodes!("fixtures/quoted-codes.yaml");
}

#[test]
fn quoted_codes_are_kept_exactly_as_written() {
    let codes: Vec<&str> = quoted::QuotedCode::ALL
        .iter()
        .map(ErrorCode::code)
        .collect();
    assert_eq!(codes, ["010", "00000", "1e3", "403010", "0x1F"]);
    assert_eq!(
        quoted::QuotedCode::from_code("010"),
        Some(quoted::QuotedCode::Octal)
    );
    assert_eq!(quoted::QuotedCode::from_code("10"), None);
    assert_eq!(quoted::QuotedCode::from_code("8"), None);
}
