//! Instructions per render and per decode in every wire format, counted by
//! valgrind's callgrind: a figure that does not move with the machine's
//! load, to compare two versions where timings on a shared machine do not
//! agree to better than a third.
//!
//! ```text
//! cargo run --release -p errcodes-bench --bin instructions
//! ```
//!
//! It runs itself under callgrind twice per operation, 1,000 and 2,000
//! times, and reports the difference over 1,000, so that start-up and the
//! bodies made once for decoding do not count. It needs `valgrind` on the
//! `PATH`.

#![forbid(unsafe_code)]

use std::hint::black_box;

use serde::de::IgnoredAny;
use std::process::Command;

use errcodes_runtime::wire::{
    ErrorResponse, Headers, Json, acp, gateway, google, pass, problem::Problem, render,
};
use errcodes_runtime::{Fields, Occurrence, Received, WireFormat};
use errcodes_tests::acp::acp_error::RateLimitExceeded;
use errcodes_tests::{acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError};

const OPERATIONS: [&str; 36] = [
    "problem/render",
    "problem/decode",
    "problem/decode/members",
    "problem/decode/http_api_problem",
    "acp/render",
    "acp/decode",
    "pass_json/render",
    "pass_json/decode",
    "pass_xml/render",
    "pass_xml/decode",
    "gateway/render",
    "gateway/decode",
    "google/render",
    "google/decode",
    "pass_json/render/like_google",
    "pass_json/decode/like_google",
    "google/decode/parse",
    "pass_json/decode/like_google/parse",
    "fields/acp/render/none",
    "fields/acp/render/three",
    "fields/acp/floor/none",
    "fields/acp/floor/three",
    "fields/problem/render/none",
    "fields/problem/render/three",
    "fields/google/render/none",
    "fields/google/render/three",
    "fields/acp/read/three",
    "fields/problem/decode/three",
    "fields/problem/decode/none",
    "fields/problem/decode/code-twice",
    "fields/acp/render/untyped",
    "fields/problem/render/untyped",
    "fields/google/render/untyped",
    "fields/acp/message/en",
    "fields/acp/message/de",
    "fields/acp/message/pl",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => report(),
        [operation, times] => run(operation, times.parse().expect("a number of times")),
        _ => panic!("usage: instructions [<operation> <times>]"),
    }
}

/// Counts every operation and prints one line each.
fn report() {
    let me = std::env::current_exe().expect("the path of this program");
    let count = |operation: &str, times: u64| -> u64 {
        let output = Command::new("valgrind")
            .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
            .arg(&me)
            .args([operation, &times.to_string()])
            .output()
            .expect("valgrind runs; install it to count instructions");
        let log = String::from_utf8_lossy(&output.stderr);
        log.lines()
            .find_map(|line| line.split_once("Collected : ")?.1.trim().parse().ok())
            .unwrap_or_else(|| panic!("no count in valgrind's report:\n{log}"))
    };
    println!("{:<32} {:>14}", "operation", "instructions");
    for operation in OPERATIONS {
        let per_run = (count(operation, 2000) - count(operation, 1000)) / 1000;
        println!("{operation:<32} {per_run:>14}");
    }
}

/// Does `operation` `times` times, on the payloads of the `wire` benchmark.
fn run(operation: &str, times: u64) {
    if operation.starts_with("fields/") {
        return run_fields(operation, times);
    }
    let occurrence = Occurrence::new()
        .retry_after_secs(45)
        .trace("8bcb17f9-b172-47d2-86d9-3eb146eba85e");
    let report = serde_json::json!({
        "requestId": "72eaa048-207e-4dde-bf16-0cb2b21336d5",
        "errors": ["Allowed Adobe version is 1.0 for standard 'Adobe' at index 0"],
    });
    let problem = Occurrence::new()
        .detail("Invalid request (report attached). Please check your input and try again.")
        .instance("/requests/72eaa048")
        .member("report", report);
    let (edge, acp, pass, gateway) = (
        EdgeError::InputError,
        AcpError::RateLimitExceeded,
        PassError::TooManyRequests,
        PlatformError::OauthTokenMissing,
    );
    let problem_body = render(edge, &problem, WireFormat::Problem).body;
    let acp_body = render(acp, &occurrence, WireFormat::Acp).body;
    let pass_body = render(pass, &occurrence, WireFormat::Pass).body;
    let xml_body = render(pass, &occurrence, WireFormat::PassXml).body;
    let gateway_body = render(gateway, &occurrence, WireFormat::Gateway).body;
    let google_body = render(pass, &occurrence, WireFormat::Google).body;
    let like_google =
        errcodes_bench::padded(pass, &occurrence, WireFormat::Pass, google_body.len());
    let like_google_body = render(pass, &like_google, WireFormat::Pass).body;
    let once: Box<dyn Fn()> = match operation {
        "problem/render" => Box::new(|| {
            black_box(render(black_box(edge), &problem, WireFormat::Problem));
        }),
        "problem/decode" => Box::new(|| {
            let body = Problem::<EdgeError>::decode(black_box(&problem_body)).unwrap();
            black_box(body.code());
        }),
        "problem/decode/members" => Box::new(|| {
            let body = Problem::<EdgeError>::decode(black_box(&problem_body)).unwrap();
            black_box((body.code(), body.members().len()));
        }),
        "problem/decode/http_api_problem" => Box::new(|| {
            black_box(
                serde_json::from_slice::<http_api_problem::HttpApiProblem>(black_box(
                    &problem_body,
                ))
                .unwrap(),
            );
        }),
        "acp/render" => Box::new(|| {
            black_box(render(black_box(acp), &occurrence, WireFormat::Acp));
        }),
        "acp/decode" => Box::new(|| {
            black_box(acp::Envelope::<AcpError>::decode(black_box(&acp_body)).unwrap());
        }),
        "pass_json/render" => Box::new(|| {
            black_box(render(black_box(pass), &occurrence, WireFormat::Pass));
        }),
        "pass_json/decode" => Box::new(|| {
            black_box(pass::PassBody::<PassError>::decode(black_box(&pass_body)).unwrap());
        }),
        "pass_json/render/like_google" => Box::new(|| {
            black_box(render(black_box(pass), &like_google, WireFormat::Pass));
        }),
        "pass_json/decode/like_google" => Box::new(|| {
            black_box(pass::PassBody::<PassError>::decode(black_box(&like_google_body)).unwrap());
        }),
        "pass_xml/render" => Box::new(|| {
            black_box(render(black_box(pass), &occurrence, WireFormat::PassXml));
        }),
        "pass_xml/decode" => Box::new(|| {
            black_box(pass::ErrorObject::<PassError>::decode_xml(black_box(&xml_body)).unwrap());
        }),
        "gateway/render" => Box::new(|| {
            black_box(render(black_box(gateway), &occurrence, WireFormat::Gateway));
        }),
        "gateway/decode" => Box::new(|| {
            black_box(
                gateway::GatewayBody::<PlatformError>::decode(black_box(&gateway_body)).unwrap(),
            );
        }),
        "google/render" => Box::new(|| {
            black_box(render(black_box(pass), &occurrence, WireFormat::Google));
        }),
        "google/decode" => Box::new(|| {
            let body = google::GoogleBody::<PassError>::decode(black_box(&google_body)).unwrap();
            black_box(body.code());
        }),
        // The parse alone, keeping nothing: the floor of each decode.
        "google/decode/parse" => Box::new(|| {
            black_box(serde_json::from_slice::<IgnoredAny>(black_box(&google_body)).unwrap());
        }),
        "pass_json/decode/like_google/parse" => Box::new(|| {
            black_box(serde_json::from_slice::<IgnoredAny>(black_box(&like_google_body)).unwrap());
        }),
        _ => panic!("unknown operation {operation}; one of {OPERATIONS:?}"),
    };
    for _ in 0..times {
        once();
    }
}

/// Does a `fields/` operation `times` times: `RATE_LIMIT_EXCEEDED` with its
/// three typed fields, without them, and with the same message and values
/// given untyped.
fn run_fields(operation: &str, times: u64) {
    let occurrence = Occurrence::new()
        .retry_after_secs(45)
        .trace("8bcb17f9-b172-47d2-86d9-3eb146eba85e");
    let acp = AcpError::RateLimitExceeded;
    let typed = RateLimitExceeded {
        limit: 100,
        window: "60 seconds".to_owned(),
        reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
    };
    let with_fields = occurrence.clone().fields(typed.clone());
    let received = {
        let sent = render(acp, &with_fields, WireFormat::Acp);
        ErrorResponse::<AcpError>::decode(sent.status, Headers::default(), &sent.body).unwrap()
    };
    let problem = render(acp, &with_fields, WireFormat::Problem);
    let decode_problem = |body: &[u8]| {
        let headers = Headers {
            content_type: Some(problem.content_type),
            retry_after: None,
        };
        ErrorResponse::<AcpError>::decode(problem.status, headers, body).unwrap()
    };
    // The same message and values, given as the occurrence's own message
    // and untyped data.
    let untyped = occurrence
        .clone()
        .message("Too many requests. Rate limit: 100 requests per 60 seconds")
        .context(serde_json::json!({
            "limit": 100,
            "window": "60 seconds",
            "reset_time": "2025-01-20T15:31:00Z",
        }))
        .member("limit", 100.into())
        .member("window", "60 seconds".into())
        .member("reset_time", "2025-01-20T15:31:00Z".into());
    let untyped_render = |format: WireFormat| -> Box<dyn Fn() + '_> {
        let untyped = &untyped;
        Box::new(move || {
            black_box(render(black_box(acp), untyped, format));
        })
    };
    let fields = |format: WireFormat, three: bool| -> Box<dyn Fn() + '_> {
        let chosen = if three { &with_fields } else { &occurrence };
        Box::new(move || {
            black_box(render(black_box(acp), chosen, format));
        })
    };
    // The same ACP bodies written by hand: the least the fields can add.
    let floor_fields = errcodes_bench::floor::RateLimit {
        limit: 100,
        window: "60 seconds",
        reset_time: typed.reset_time,
    };
    let floor = |three: bool| -> Box<dyn Fn() + '_> {
        let fields = three.then_some(&floor_fields);
        Box::new(move || {
            // As ACP's renderer starts its body.
            let mut out = Vec::with_capacity(256);
            errcodes_bench::floor::rate_limit(black_box(fields), 45, &mut out);
            black_box(out);
        })
    };
    let once: Box<dyn Fn()> = match operation {
        "fields/acp/render/none" => fields(WireFormat::Acp, false),
        "fields/acp/render/three" => fields(WireFormat::Acp, true),
        "fields/acp/floor/none" => floor(false),
        "fields/acp/floor/three" => floor(true),
        "fields/problem/render/none" => fields(WireFormat::Problem, false),
        "fields/problem/render/three" => fields(WireFormat::Problem, true),
        "fields/google/render/none" => fields(WireFormat::Google, false),
        "fields/google/render/three" => fields(WireFormat::Google, true),
        "fields/acp/read/three" => Box::new(|| {
            black_box(black_box(&received).fields::<RateLimitExceeded>().unwrap());
        }),
        // A client of problem details: decode the body, then read its
        // fields, or only its code.
        "fields/problem/decode/three" => Box::new(|| {
            let received = decode_problem(black_box(&problem.body));
            black_box(received.fields::<RateLimitExceeded>().unwrap());
        }),
        "fields/problem/decode/none" => Box::new(|| {
            let received = decode_problem(black_box(&problem.body));
            black_box(received.code());
        }),
        // As a client that asks for the code, then for the action.
        "fields/problem/decode/code-twice" => Box::new(|| {
            let received = decode_problem(black_box(&problem.body));
            black_box(received.code());
            black_box(received.code());
        }),
        "fields/acp/message/en" => Box::new(|| {
            black_box(black_box(&typed).message());
        }),
        "fields/acp/message/de" => Box::new(|| {
            black_box(black_box(&typed).message_in(black_box("de")));
        }),
        "fields/acp/message/pl" => Box::new(|| {
            black_box(black_box(&typed).message_in(black_box("pl")));
        }),
        "fields/acp/render/untyped" => untyped_render(WireFormat::Acp),
        "fields/problem/render/untyped" => untyped_render(WireFormat::Problem),
        "fields/google/render/untyped" => untyped_render(WireFormat::Google),
        _ => panic!("unknown operation {operation}; one of {OPERATIONS:?}"),
    };
    for _ in 0..times {
        once();
    }
}
