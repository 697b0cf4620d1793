//! The TypeScript module's translations against the Rust runtime's: the
//! language a header chooses, every code's title in every language, and
//! the message of every received error in every language, plural forms
//! included, as `title_in` and `message_in` give them. Run on node 22's type stripping, installed by
//! the tests under the target directory.

#![forbid(unsafe_code)]

mod common;

use common::{errcodes, node_test, root, scratch, text};
use errcodes_runtime::wire::{ErrorResponse, Headers, render};
use errcodes_runtime::{ErrorCode, Failure, Fields, Received, WireFormat};
use serde_json::{Value, json};

mod acp {
    errcodes_runtime::errcodes!("../specs/acp.yaml");
}

use acp::AcpError;
use acp::acp_error::{DataQualityIssue, RateLimitExceeded};

/// The languages asked for: the catalog's own, its translations in
/// another case, and one it lacks.
const LOCALES: [&str; 5] = ["en", "de", "pl", "PL", "fr"];

/// A received ACP error's message in `locale`, through the typed fields
/// of its code.
fn message_in(received: &ErrorResponse<AcpError>, locale: &str) -> String {
    macro_rules! first_of {
        ($($fields:ident),* $(,)?) => {
            $(
                if let Ok(fields) = received.fields::<acp::acp_error::$fields>() {
                    return fields.message_in(locale).into_owned();
                }
            )*
        };
    }
    first_of!(
        InvalidCredentials,
        TokenExpired,
        InsufficientPermissions,
        MissingRequiredField,
        InvalidFieldValue,
        InvalidFieldFormat,
        SegmentNotFound,
        AudienceUnavailable,
        PlatformUnauthorized,
        SeatUnauthorized,
        AlreadyActivated,
        ActivationFailed,
        InvalidPricingModel,
        RateLimitExceeded,
        InternalServerError,
        ServiceUnavailable,
        Timeout,
        DataQualityIssue,
        UsageReportRejected,
    );
    panic!("no fields read from {:?}", received.code());
}

/// What the module is checked against, as the Rust runtime gives it.
fn cases() -> Value {
    let headers: Vec<Value> = [
        Some("pl"),
        Some("de-AT"),
        Some("DE-ch-1996"),
        Some("fr-CA, fr;q=0.9, pl;q=0.8, de;q=0.7"),
        Some("de;q=0.2, pl;q=0.3"),
        Some("de;q=0.5;x=1, pl;q=0.25"),
        Some("de;q=0.5, pl;q=0.500"),
        Some("de;q=1.5, pl;q=0.1234, en;q=0.001"),
        Some("*"),
        Some("pl;q=0, *;q=0.1"),
        Some("en-GB, de"),
        Some("x;;q=1,,"),
        Some("pl-x-private"),
        Some("ja"),
        Some(""),
        None,
    ]
    .into_iter()
    .map(|header| json!({"header": header, "chosen": AcpError::CATALOG.language(header)}))
    .collect();

    let mut titles = Vec::new();
    for code in AcpError::ALL {
        for locale in LOCALES {
            titles.push(json!({
                "code": code.code(),
                "locale": locale,
                "title": code.title_in(locale),
            }));
        }
    }

    // Every example of the reference, and the plural forms of two codes
    // at the counts CLDR tells apart.
    let examples: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/wire/acp.json")).unwrap(),
    )
    .unwrap();
    let mut bodies: Vec<(u16, String)> = examples
        .iter()
        .zip(AcpError::ALL)
        .map(|(example, code)| (code.http_status(), example.to_string()))
        .collect();
    for count in [0, 1, 2, 5, 22, 101] {
        let limited = RateLimitExceeded {
            limit: count,
            window: "1 h".to_owned(),
            reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
        };
        let stale = DataQualityIssue {
            segment_id: "seg_1".to_owned(),
            last_updated: "2025-01-01T00:00:00Z".parse().unwrap(),
            max_age_days: count,
        };
        for failure in [Failure::from(limited), Failure::from(stale)] {
            let (code, occurrence) = failure.into_public();
            let sent = render(code, &occurrence, WireFormat::Acp);
            bodies.push((sent.status, String::from_utf8(sent.body).unwrap()));
        }
    }
    let mut messages = Vec::new();
    for (status, body) in &bodies {
        let received =
            ErrorResponse::<AcpError>::decode(*status, Headers::default(), body.as_bytes())
                .unwrap();
        for locale in LOCALES {
            messages.push(json!({
                "status": status,
                "body": body,
                "locale": locale,
                "message": message_in(&received, locale),
            }));
        }
    }
    json!({"headers": headers, "titles": titles, "messages": messages})
}

#[test]
fn the_typescript_module_speaks_each_language_as_the_rust_runtime_does() {
    let cases = cases();
    // The cases tell the languages apart, and plural forms within one:
    // the reference's example and the six counts.
    let polish: Vec<&str> = cases["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|case| case["locale"] == "pl")
        .filter_map(|case| case["message"].as_str())
        .filter(|message| message.starts_with("Zbyt wiele żądań"))
        .collect();
    assert_eq!(polish.len(), 7, "{polish:?}");
    for form in ["żądanie ", "żądania ", "żądań "] {
        assert!(
            polish.iter().any(|m| m.contains(form)),
            "{form}: {polish:?}"
        );
    }

    let dir = scratch("languages");
    let output = errcodes(
        root(),
        &[
            "export",
            "--format",
            "typescript",
            "specs/acp.yaml",
            "specs/edge.yaml",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    std::fs::write(dir.join("errors.ts"), &output.stdout).unwrap();
    std::fs::write(dir.join("package.json"), r#"{"type": "module"}"#).unwrap();
    std::fs::write(
        dir.join("languages.json"),
        serde_json::to_vec(&cases).unwrap(),
    )
    .unwrap();
    let (passed, report) = node_test(&dir, "languages.test.mjs");
    assert!(
        passed && report.contains("# pass 6") && report.contains("# fail 0"),
        "the TypeScript module disagrees with the Rust runtime:\n{report}"
    );
}
