//! `errcodes export --format typescript` as a front end uses it: the module
//! of the shipped catalogs compiles under `tsc --strict`, and, run by
//! node's own test runner, reads every example body the Rust wire tests
//! use (and the bodies proxies send) to the same code, action and advice
//! as the Rust client. TypeScript comes from the npm registry, installed
//! by this test under the target directory.

#![forbid(unsafe_code)]

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, UNIX_EPOCH};

use common::{errcodes, npm_tool, root, scratch, text};
use errcodes_runtime::ErrorCode;
use errcodes_runtime::retry::{Advice, Policy, parse_retry_after};
use errcodes_runtime::wire::{ErrorResponse, Headers};
use serde_json::{Value, json};

mod acp {
    errcodes_runtime::errcodes!("../specs/acp.yaml");
}
mod edge {
    errcodes_runtime::errcodes!("../specs/edge.yaml");
}
mod pass {
    errcodes_runtime::errcodes!("../specs/pass.yaml");
}
mod platform {
    errcodes_runtime::errcodes!("../specs/platform.yaml");
}
mod cloud {
    errcodes_runtime::errcodes!("../tests/fixtures/cloud.yaml");
}

const TYPESCRIPT: &str = "typescript@5.9.3";

/// Sun, 06 Nov 1994 08:49:37 GMT.
const NOW: u64 = 784_111_777;

/// The random parts of a jittered wait that both clients are given.
const RANDOM: [f64; 4] = [0.0, 0.25, 0.6, 1.0];

/// `tsc`, installed with npm under the target directory.
fn tsc() -> PathBuf {
    npm_tool(TYPESCRIPT, "tsc")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/wire").join(name)).unwrap()
}

/// A response as it arrives.
struct Arrived {
    name: String,
    status: u16,
    content_type: Option<&'static str>,
    retry_after: Option<&'static str>,
    body: String,
}

const JSON: Option<&str> = Some("application/json");
const PROBLEM: Option<&str> = Some("application/problem+json");

fn arrived(
    name: &str,
    status: u16,
    content_type: Option<&'static str>,
    retry_after: Option<&'static str>,
    body: &str,
) -> Arrived {
    Arrived {
        name: name.to_owned(),
        status,
        content_type,
        retry_after,
        body: body.to_owned(),
    }
}

/// `arrived`, and what the Rust client reads in it for catalog `E`.
fn case<E: ErrorCode>(arrived: &Arrived) -> Value {
    let headers = Headers {
        content_type: arrived.content_type,
        retry_after: arrived.retry_after,
    };
    let error =
        ErrorResponse::<E>::decode(arrived.status, headers, arrived.body.as_bytes()).unwrap();
    let now = UNIX_EPOCH + Duration::from_secs(NOW);
    // The default policy, jitter on: the wait for each random part the
    // module is given, by the Rust client's rule.
    let policy = Policy::default();
    let asked = error
        .body_delay()
        .or_else(|| parse_retry_after(arrived.retry_after?, now));
    let advice = match error.advice_with(&policy, now) {
        Advice::RetryAfter(_) => {
            let asked = asked.expect("a wait follows a delay");
            let waits: Vec<Value> = RANDOM
                .iter()
                .map(|&r| json!({"random": r, "delayMs": policy.bound_at(asked, r).as_millis()}))
                .collect();
            json!({"kind": "retry-after", "askedMs": asked.as_millis(), "waits": waits})
        }
        Advice::Backoff => json!({"kind": "backoff"}),
        Advice::Stop(action) => json!({"kind": "stop", "action": action.as_str()}),
    };
    json!({
        "catalog": E::CATALOG.name(),
        "name": arrived.name,
        "status": arrived.status,
        "contentType": arrived.content_type,
        "retryAfter": arrived.retry_after,
        "body": arrived.body,
        "code": error.code().map(|code| code.as_str().to_owned()),
        "known": error.code().is_some_and(|code| code.known().is_some()),
        "action": error.action().as_str(),
        "message": error.message(),
        "advice": advice,
        "now": NOW * 1000,
    })
}

/// Every fixture of `tests/fixtures/wire`, and what proxies send.
#[allow(clippy::too_many_lines)] // a table of cases
fn cases() -> Vec<Value> {
    let mut cases = Vec::new();
    let examples: Vec<Value> = serde_json::from_str(&fixture("acp.json")).unwrap();
    for (example, code) in examples.iter().zip(acp::AcpError::ALL) {
        let body = example.to_string();
        cases.push(case::<acp::AcpError>(&arrived(
            code.code(),
            code.http_status(),
            JSON,
            None,
            &body,
        )));
    }
    for (name, status, content_type) in [
        ("edge-fatal", 422, PROBLEM),
        ("edge-multi-status", 207, JSON),
    ] {
        let body = fixture(&format!("{name}.json"));
        cases.push(case::<edge::EdgeError>(&arrived(
            name,
            status,
            content_type,
            None,
            &body,
        )));
    }
    for (name, status, content_type) in [
        ("pass-error.json", 403, JSON),
        ("pass-error.xml", 403, Some("application/xml")),
        ("pass-partial.json", 200, JSON),
    ] {
        cases.push(case::<pass::PassError>(&arrived(
            name,
            status,
            content_type,
            None,
            &fixture(name),
        )));
    }
    for (name, status, content_type) in [
        ("403010", 403, JSON),
        ("401013", 401, JSON),
        ("403000", 403, JSON),
        ("403003", 403, JSON),
        ("400003", 400, JSON),
        ("403025", 403, JSON),
        ("403027", 403, JSON),
        ("content-type", 400, PROBLEM),
        ("etag", 412, JSON),
    ] {
        let body = fixture(&format!("platform-{name}.json"));
        cases.push(case::<platform::PlatformError>(&arrived(
            name,
            status,
            content_type,
            None,
            &body,
        )));
    }
    // Google's error model: the AIP-193 example, the same reason from
    // another domain, the bare form gateways send, and every code of a
    // catalog in that format as the Rust renderer writes it.
    let aip = fixture("google-aip193.json");
    let foreign = aip.replace("compute.googleapis.com", "other.example.com");
    let bare = r#"{"code":14,"message":"draining","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}"#;
    for (name, status, body) in [
        ("AIP-193", 429, aip.as_str()),
        ("another domain", 429, foreign.as_str()),
        ("bare", 503, bare),
    ] {
        cases.push(case::<cloud::CloudError>(&arrived(
            name, status, JSON, None, body,
        )));
    }
    for &code in cloud::CloudError::ALL {
        let occurrence = errcodes_runtime::Occurrence::new().trace("t-1");
        let rendered = errcodes_runtime::wire::render(code, &occurrence, code.wire_format());
        let body = String::from_utf8(rendered.body).unwrap();
        cases.push(case::<cloud::CloudError>(&arrived(
            code.code(),
            rendered.status,
            Some(rendered.content_type),
            None,
            &body,
        )));
    }
    // What the path between client and server sends.
    for proxy in [
        arrived(
            "html 502",
            502,
            Some("text/html"),
            None,
            "<html><body>Bad Gateway</body></html>",
        ),
        arrived(
            "html 504",
            504,
            Some("text/html"),
            None,
            "<html><body>Gateway Timeout</body></html>",
        ),
        arrived("empty 503", 503, None, Some("120"), ""),
        arrived(
            "text 503",
            503,
            Some("text/plain"),
            None,
            "Service Unavailable",
        ),
        arrived(
            "truncated 500",
            500,
            JSON,
            None,
            r#"{"error": {"code": "internal_err"#,
        ),
        arrived(
            "other API 429",
            429,
            PROBLEM,
            Some("30"),
            r#"{"type": "https://gateway.example/throttled", "status": 429}"#,
        ),
        arrived(
            "date 503",
            503,
            None,
            Some("Sun, 06 Nov 1994 08:51:37 GMT"),
            "",
        ),
        arrived(
            "byte-order mark",
            429,
            JSON,
            Some("0"),
            "\u{feff}{\"error\": {\"code\": \"too_many_requests\"}}",
        ),
    ] {
        cases.push(case::<pass::PassError>(&proxy));
    }
    cases
}

#[test]
fn the_typescript_module_compiles_strictly_and_agrees_with_the_rust_client() {
    let dir = scratch("typescript");
    let output = errcodes(
        root(),
        &[
            "export",
            "--format",
            "typescript",
            "specs/acp.yaml",
            "specs/edge.yaml",
            "specs/pass.yaml",
            "specs/platform.yaml",
            "specs/privacy.yaml",
            "tests/fixtures/cloud.yaml",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let module = text(&output.stdout);
    // Texts are data: every title is in a JSON string, none in a comment.
    assert!(
        module.contains("\"title\": \"Too many requests\""),
        "titles as data"
    );
    std::fs::write(dir.join("errors.ts"), &module).unwrap();
    let here = root().join("errcodes-cli/tests/typescript");
    for file in ["usage.ts", "agree.test.mjs"] {
        std::fs::copy(here.join(file), dir.join(file)).unwrap();
    }
    let compiled = Command::new(tsc())
        .args([
            "--strict",
            "--noUncheckedIndexedAccess",
            "--exactOptionalPropertyTypes",
            "--noImplicitReturns",
            "--target",
            "es2022",
            "--module",
            "es2022",
            "--noEmitOnError",
            "--outDir",
            "out",
            "errors.ts",
            "usage.ts",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        compiled.status.success(),
        "tsc --strict refused the module:\n{}{}",
        text(&compiled.stdout),
        text(&compiled.stderr)
    );
    // ES modules for node: the output directory says so.
    std::fs::write(dir.join("out/package.json"), r#"{"type": "module"}"#).unwrap();
    std::fs::write(dir.join("package.json"), r#"{"type": "module"}"#).unwrap();
    let cases = cases();
    assert!(cases.len() >= 40, "{}", cases.len());
    std::fs::write(dir.join("cases.json"), serde_json::to_vec(&cases).unwrap()).unwrap();
    std::fs::write(dir.join("acp.json"), fixture("acp.json")).unwrap();
    let tested = Command::new("node")
        .args(["--test", "agree.test.mjs"])
        .current_dir(&dir)
        .output()
        .expect("node runs the module's test");
    assert!(
        tested.status.success(),
        "the TypeScript module disagrees with the Rust client:\n{}{}",
        text(&tested.stdout),
        text(&tested.stderr)
    );
    assert!(
        text(&tested.stdout).contains("# fail 0"),
        "{}",
        text(&tested.stdout)
    );
}
