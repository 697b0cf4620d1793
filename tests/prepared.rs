//! Responses rendered from a code's prepared bytes are the bytes the full
//! renderer writes: for every code of every shipped catalog and fixture,
//! in its own format and in every other, for occurrences that the prepared
//! bytes serve and for those they leave to the renderer, the first time
//! (when they are prepared) and after.

#![forbid(unsafe_code)]

use std::time::Duration;

use errcodes_runtime::wire::{render, render_facts};
use errcodes_runtime::{ErrorCode, Occurrence, WireFormat};
use errcodes_tests::{acp, cloud, edge, kinds, pass, platform, privacy};
use serde_json::json;

errcodes_runtime::errcodes!("fixtures/service.yaml");

/// Occurrences of every kind the prepared bytes tell apart.
fn occurrences() -> Vec<(&'static str, Occurrence)> {
    let trace = "6f1c1ddb-4c83-4f7e-9d3e-1d4c2c8f6e0a";
    vec![
        ("empty", Occurrence::new()),
        ("trace", Occurrence::new().trace(trace)),
        ("empty trace", Occurrence::new().trace("")),
        (
            "escaped trace",
            Occurrence::new().trace("a \"quoted\"\n\u{1}trace, é 🦀 </error>&"),
        ),
        (
            "detail, instance, trace",
            Occurrence::new()
                .detail("Check the input, \"x\" at line 3\n.")
                .instance("/requests/72eaa048")
                .trace(trace),
        ),
        (
            "members",
            Occurrence::new()
                .trace(trace)
                .member("report", json!({"errors": ["a \"b\"", 1, null]}))
                .member("detail", json!("a member named like one of the format's")),
        ),
        (
            "context",
            Occurrence::new().context(json!({"field": "name", "limit": 50})),
        ),
        (
            "message",
            Occurrence::new().message("In our own words").trace(trace),
        ),
        ("status", Occurrence::new().status(418).trace(trace)),
        (
            "retry after",
            Occurrence::new()
                .retry_after(Duration::from_millis(1500))
                .trace(trace),
        ),
        (
            "help url",
            Occurrence::new().help_url("https://example.com/help?x=1&y=2"),
        ),
    ]
}

/// Renders every code of `E` with every occurrence in every format, through
/// the prepared bytes and through the renderer alone.
fn agree<E: ErrorCode>() -> usize {
    let mut compared = 0;
    for &code in E::ALL {
        for &format in WireFormat::ALL {
            for (name, occurrence) in occurrences() {
                let full = render_facts(&code.facts(), &occurrence, format);
                for time in ["first", "again"] {
                    assert_eq!(
                        render(code, &occurrence, format),
                        full,
                        "{} in {format}, {name}, {time}",
                        code.code()
                    );
                    compared += 1;
                }
            }
        }
    }
    compared
}

#[test]
fn prepared_responses_are_the_renderer_s_bytes() {
    let compared = agree::<acp::AcpError>()
        + agree::<edge::EdgeError>()
        + agree::<pass::PassError>()
        + agree::<platform::PlatformError>()
        + agree::<privacy::PrivacyError>()
        + agree::<cloud::CloudError>()
        + agree::<kinds::KindsError>()
        + agree::<ServiceError>();
    assert!(compared > 10_000, "{compared}");
}

#[test]
fn typed_fields_and_templates_agree_too() {
    // A template over a field: the default detail is each occurrence's own.
    let fields = service_error::PayloadTooLarge { limit: Some(64) };
    let with = Occurrence::new().fields(fields).trace("t");
    let code = ServiceError::PayloadTooLarge;
    let rendered = render(code, &with, code.wire_format());
    assert_eq!(
        rendered,
        render_facts(&code.facts(), &with, code.wire_format())
    );
    let body = String::from_utf8(rendered.body).unwrap();
    assert!(body.contains("over the limit of 64 bytes"), "{body}");
    // Typed fields beside a fixed detail, from the prepared head.
    let fields = service_error::UnfitBody {
        pointer: Some("/items/0".to_owned()),
        line: Some(1),
        column: None,
    };
    let with = Occurrence::new().fields(fields).trace("t");
    let code = ServiceError::UnfitBody;
    let rendered = render(code, &with, code.wire_format());
    assert_eq!(
        rendered,
        render_facts(&code.facts(), &with, code.wire_format())
    );
    assert!(
        String::from_utf8(rendered.body)
            .unwrap()
            .contains(r#""pointer":"/items/0""#)
    );
}
