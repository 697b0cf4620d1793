//! Rendering and decoding error payloads in every wire format, and problem
//! details against http-api-problem with `serde_json` on the same payload.
//!
//! ```text
//! cargo bench -p errcodes-bench --bench wire
//! ```

#![forbid(unsafe_code)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errcodes_runtime::Occurrence;
use errcodes_runtime::wire::{Json, acp, gateway, google, pass, problem::Problem, render};
use errcodes_runtime::{ErrorCode, WireFormat};
use errcodes_tests::{acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError};
use http_api_problem::HttpApiProblem;

fn problem_json(c: &mut Criterion) {
    let code = EdgeError::InputError;
    let report = serde_json::json!({
        "requestId": "72eaa048-207e-4dde-bf16-0cb2b21336d5",
        "errors": ["Allowed Adobe version is 1.0 for standard 'Adobe' at index 0"],
    });
    let detail = "Invalid request (report attached). Please check your input and try again.";
    let occurrence = Occurrence::new()
        .detail(detail)
        .instance("/requests/72eaa048")
        .member("report", report.clone());
    let type_url = format!("https://ns.adobe.com/aep/errors/{}", code.code());
    let status = http::StatusCode::from_u16(code.http_status()).unwrap();

    let mut group = c.benchmark_group("problem_json");
    group.bench_function("render/errcodes", |b| {
        b.iter(|| render(black_box(code), &occurrence, code.wire_format()));
    });
    group.bench_function("render/http_api_problem", |b| {
        b.iter(|| {
            let problem = HttpApiProblem::new(black_box(status))
                .type_url(type_url.as_str())
                .title(code.title())
                .detail(detail)
                .instance("/requests/72eaa048")
                .value("report", &report);
            serde_json::to_vec(&problem).unwrap()
        });
    });
    // What only the occurrence changes: nothing, and the trace id.
    let bare = Occurrence::new();
    let bare_body = render(code, &bare, code.wire_format()).body;
    group.bench_function("render/bare", |b| {
        b.iter(|| render(black_box(code), &bare, code.wire_format()));
    });
    group.bench_function("copy/bare", |b| {
        b.iter(|| black_box(&bare_body[..]).to_vec());
    });
    let traced = Occurrence::new().trace("6f1c1ddb-4c83-4f7e-9d3e-1d4c2c8f6e0a");
    group.bench_function("render/traced", |b| {
        b.iter(|| render(black_box(code), &traced, code.wire_format()));
    });
    let body = Problem::new(code, &occurrence).encode().unwrap();
    group.bench_function("decode/errcodes", |b| {
        b.iter(|| {
            Problem::<EdgeError>::decode(black_box(&body))
                .unwrap()
                .code()
        });
    });
    // The extension members are read when first asked for: the same
    // decode, and then every member read.
    group.bench_function("decode/errcodes/members", |b| {
        b.iter(|| {
            let problem = Problem::<EdgeError>::decode(black_box(&body)).unwrap();
            (problem.code(), problem.members().len())
        });
    });
    group.bench_function("decode/http_api_problem", |b| {
        b.iter(|| serde_json::from_slice::<HttpApiProblem>(black_box(&body)).unwrap());
    });
}

fn formats(c: &mut Criterion) {
    let occurrence = Occurrence::new()
        .retry_after_secs(45)
        .trace("8bcb17f9-b172-47d2-86d9-3eb146eba85e");
    let mut group = c.benchmark_group("formats");

    let acp = AcpError::RateLimitExceeded;
    group.bench_function("acp/render", |b| {
        b.iter(|| render(black_box(acp), &occurrence, WireFormat::Acp));
    });
    let body = render(acp, &occurrence, WireFormat::Acp).body;
    group.bench_function("acp/decode", |b| {
        b.iter(|| acp::Envelope::<AcpError>::decode(black_box(&body)).unwrap());
    });

    let pass = PassError::TooManyRequests;
    group.bench_function("pass_json/render", |b| {
        b.iter(|| render(black_box(pass), &occurrence, WireFormat::Pass));
    });
    let body = render(pass, &occurrence, WireFormat::Pass).body;
    group.bench_function("pass_json/decode", |b| {
        b.iter(|| pass::PassBody::<PassError>::decode(black_box(&body)).unwrap());
    });

    group.bench_function("pass_xml/render", |b| {
        b.iter(|| render(black_box(pass), &occurrence, WireFormat::PassXml));
    });
    let xml = render(pass, &occurrence, WireFormat::PassXml).body;
    group.bench_function("pass_xml/decode", |b| {
        b.iter(|| pass::ErrorObject::<PassError>::decode_xml(black_box(&xml)).unwrap());
    });

    let gateway = PlatformError::OauthTokenMissing;
    group.bench_function("gateway/render", |b| {
        b.iter(|| render(black_box(gateway), &occurrence, WireFormat::Gateway));
    });
    let body = render(gateway, &occurrence, WireFormat::Gateway).body;
    group.bench_function("gateway/decode", |b| {
        b.iter(|| gateway::GatewayBody::<PlatformError>::decode(black_box(&body)).unwrap());
    });

    // The same code as a Google error: ErrorInfo, RetryInfo, Help and
    // RequestInfo, and the code read back by its reason.
    group.bench_function("google/render", |b| {
        b.iter(|| render(black_box(pass), &occurrence, WireFormat::Google));
    });
    let body = render(pass, &occurrence, WireFormat::Google).body;
    group.bench_function("google/decode", |b| {
        b.iter(|| {
            let body = google::GoogleBody::<PassError>::decode(black_box(&body)).unwrap();
            black_box(body.code())
        });
    });

    // Pass JSON with a detail that makes its body as long as Google's: the
    // cost per body of like size.
    let like_google = errcodes_bench::padded(pass, &occurrence, WireFormat::Pass, body.len());
    group.bench_function("pass_json/render/like_google", |b| {
        b.iter(|| render(black_box(pass), &like_google, WireFormat::Pass));
    });
    let body = render(pass, &like_google, WireFormat::Pass).body;
    group.bench_function("pass_json/decode/like_google", |b| {
        b.iter(|| pass::PassBody::<PassError>::decode(black_box(&body)).unwrap());
    });
}

/// A code rendered with its three typed fields against the same code
/// without them, in its own format, as a problem detail and in Google's;
/// and the fields read back from a received body.
fn fields(c: &mut Criterion) {
    use errcodes_runtime::{Fields as _, Received};
    use errcodes_tests::acp::acp_error::RateLimitExceeded;

    let value = RateLimitExceeded {
        limit: 100,
        window: "60 seconds".to_owned(),
        reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
    };
    // Both with the same trace id and delay: only the fields differ.
    let code = AcpError::RateLimitExceeded;
    let without = Occurrence::new()
        .retry_after_secs(60)
        .trace("8bcb17f9-b172-47d2-86d9-3eb146eba85e");
    let with = without.clone().fields(value.clone());
    let mut group = c.benchmark_group("fields");
    for format in [WireFormat::Acp, WireFormat::Problem, WireFormat::Google] {
        group.bench_function(format!("{format}/render/none"), |b| {
            b.iter(|| render(black_box(code), &without, format));
        });
        group.bench_function(format!("{format}/render/three"), |b| {
            b.iter(|| render(black_box(code), &with, format));
        });
    }
    // The same ACP bodies written by hand: the least the fields can add.
    let floor = errcodes_bench::floor::RateLimit {
        limit: 100,
        window: "60 seconds",
        reset_time: value.reset_time,
    };
    for (name, fields) in [("none", None), ("three", Some(&floor))] {
        group.bench_function(format!("acp/floor/{name}"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(256);
                errcodes_bench::floor::rate_limit(black_box(fields), 60, &mut out);
                out
            });
        });
    }
    let body = render(code, &with, WireFormat::Acp);
    let received = errcodes_runtime::wire::ErrorResponse::<AcpError>::decode(
        body.status,
        errcodes_runtime::wire::Headers::default(),
        &body.body,
    )
    .unwrap();
    group.bench_function("acp/read/three", |b| {
        b.iter(|| black_box(&received).fields::<RateLimitExceeded>().unwrap());
    });
    // A client of problem details: decode, then read the fields, or only
    // the code.
    let problem = render(code, &with, WireFormat::Problem);
    let headers = errcodes_runtime::wire::Headers {
        content_type: Some(problem.content_type),
        retry_after: None,
    };
    let decode = |body: &[u8]| {
        errcodes_runtime::wire::ErrorResponse::<AcpError>::decode(problem.status, headers, body)
            .unwrap()
    };
    group.bench_function("problem/decode/three", |b| {
        b.iter(|| {
            decode(black_box(&problem.body))
                .fields::<RateLimitExceeded>()
                .unwrap()
        });
    });
    group.bench_function("problem/decode/none", |b| {
        b.iter(|| decode(black_box(&problem.body)).code());
    });
    // The message alone, in the catalog's language and in two
    // translations: German's two plural forms, Polish's four.
    group.bench_function("acp/message/en", |b| {
        b.iter(|| black_box(&value).message());
    });
    for locale in ["de", "pl"] {
        group.bench_function(format!("acp/message/{locale}"), |b| {
            b.iter(|| black_box(&value).message_in(black_box(locale)));
        });
    }
}

/// What one response costs the server before the transport, as
/// `bench/served.sh` serves them: the prepared static body, a bare code, a
/// `Failure` with a cause; the last two also with a subscriber that formats
/// every event (into a sink), which a failure's log event then pays for.
fn responses(c: &mut Criterion) {
    use axum::response::IntoResponse;
    use errcodes_runtime::Failure;
    use tracing_subscriber::util::SubscriberInitExt;

    let code = PassError::InternalError;
    let occurrence = Occurrence::new().trace("6f1c1ddb-4c83-4f7e-9d3e-1d4c2c8f6e0a");
    let rendered = render(code, &occurrence, code.wire_format());
    let status = http::StatusCode::from_u16(rendered.status).unwrap();
    let content_type = http::HeaderValue::from_static(rendered.content_type);
    let body = axum::body::Bytes::from(rendered.body);
    let failure = || Failure::new(code).caused_by(std::io::Error::other("upstream timed out"));

    let mut group = c.benchmark_group("responses");
    group.bench_function("static", |b| {
        b.iter(|| {
            let header = [(http::header::CONTENT_TYPE, content_type.clone())];
            (status, header, body.clone()).into_response()
        });
    });
    group.bench_function("bare", |b| b.iter(|| black_box(code).into_response()));
    group.bench_function("failure", |b| b.iter(|| failure().into_response()));
    let subscriber = tracing_subscriber::fmt()
        .with_writer(std::io::sink)
        .finish()
        .set_default();
    group.bench_function("bare/formatting_subscriber", |b| {
        b.iter(|| black_box(code).into_response());
    });
    group.bench_function("failure/formatting_subscriber", |b| {
        b.iter(|| failure().into_response());
    });
    drop(subscriber);
}

criterion_group!(benches, problem_json, formats, fields, responses);
criterion_main!(benches);
