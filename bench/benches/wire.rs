//! Rendering and decoding error payloads in every wire format, and problem
//! details against http-api-problem with `serde_json` on the same payload.
//!
//! ```text
//! cargo bench -p errcodes-bench --bench wire
//! ```

#![forbid(unsafe_code)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errcodes_runtime::ErrorCode;
use errcodes_runtime::wire::{Occurrence, acp, gateway, pass, problem::Problem};
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
        b.iter(|| Problem::new(black_box(code), &occurrence).encode());
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
    let body = Problem::new(code, &occurrence).encode();
    group.bench_function("decode/errcodes", |b| {
        b.iter(|| {
            Problem::<EdgeError>::decode(black_box(&body))
                .unwrap()
                .code()
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

    group.bench_function("acp/render", |b| {
        b.iter(|| acp::Envelope::new(black_box(AcpError::RateLimitExceeded), &occurrence).encode());
    });
    let body = acp::Envelope::new(AcpError::RateLimitExceeded, &occurrence).encode();
    group.bench_function("acp/decode", |b| {
        b.iter(|| acp::Envelope::<AcpError>::decode(black_box(&body)).unwrap());
    });

    let object = |code| pass::ErrorObject::new(code, &occurrence);
    group.bench_function("pass_json/render", |b| {
        b.iter(|| pass::Body::error_of(object(black_box(PassError::TooManyRequests))).encode());
    });
    let body = pass::Body::error_of(object(PassError::TooManyRequests)).encode();
    group.bench_function("pass_json/decode", |b| {
        b.iter(|| pass::Body::<PassError>::decode(black_box(&body)).unwrap());
    });

    group.bench_function("pass_xml/render", |b| {
        b.iter(|| object(black_box(PassError::TooManyRequests)).encode_xml());
    });
    let xml = object(PassError::TooManyRequests).encode_xml();
    group.bench_function("pass_xml/decode", |b| {
        b.iter(|| pass::ErrorObject::<PassError>::decode_xml(black_box(&xml)).unwrap());
    });

    group.bench_function("gateway/render", |b| {
        b.iter(|| {
            gateway::Body::new(black_box(PlatformError::OauthTokenMissing), &occurrence).encode()
        });
    });
    let body = gateway::Body::new(PlatformError::OauthTokenMissing, &occurrence).encode();
    group.bench_function("gateway/decode", |b| {
        b.iter(|| gateway::Body::<PlatformError>::decode(black_box(&body)).unwrap());
    });
}

criterion_group!(benches, problem_json, formats);
criterion_main!(benches);
