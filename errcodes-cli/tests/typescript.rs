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

use common::{errcodes, node_test, node22, npm_tool, root, scratch, text};
use errcodes_runtime::ErrorCode;
use errcodes_runtime::Occurrence;
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
mod privacy {
    errcodes_runtime::errcodes!("../specs/privacy.yaml");
}
mod cloud {
    errcodes_runtime::errcodes!("../tests/fixtures/cloud.yaml");
}

const TYPESCRIPT: &str = "typescript@5.9.3";

/// Sun, 06 Nov 1994 08:49:37 GMT.
const NOW: u64 = 784_111_777;

/// The random parts of a jittered wait that both clients are given.
const RANDOM: [f64; 4] = [0.0, 0.25, 0.6, 1.0];

/// What `errcodes export --format <format>` writes for `specs`.
fn exported(format: &str, specs: &[&str]) -> Vec<u8> {
    let output = errcodes(root(), &[&["export", "--format", format], specs].concat());
    assert!(output.status.success(), "{}", text(&output.stderr));
    output.stdout
}

/// esbuild, installed with npm under the target directory.
fn esbuild() -> PathBuf {
    npm_tool("esbuild@0.25.12", "esbuild")
}

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
    body: Vec<u8>,
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
        body: body.as_bytes().to_vec(),
    }
}

/// `arrived`, and what the Rust client reads in it for catalog `E`.
fn case<E: ErrorCode>(arrived: &Arrived) -> Value {
    let headers = Headers {
        content_type: arrived.content_type,
        retry_after: arrived.retry_after,
    };
    let error = ErrorResponse::<E>::decode(arrived.status, headers, &arrived.body).unwrap();
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
        // The bytes as sent, and as text when they are UTF-8.
        "bytes": arrived.body,
        "body": std::str::from_utf8(&arrived.body).ok(),
        "unread": error.unread().is_some(),
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
    ]
    .into_iter()
    .chain(refusals())
    {
        cases.push(case::<pass::PassError>(&proxy));
    }
    cases
}

/// Bodies in a charset, and bodies that give a member twice: read or
/// refused by the Rust client's rules.
fn refusals() -> Vec<Arrived> {
    let mut latin = arrived(
        "latin-1",
        429,
        Some("application/json; charset=ISO-8859-1"),
        Some("5"),
        "",
    );
    latin.body =
        b"{\"error\": {\"code\": \"too_many_requests\", \"message\": \"caf\xe9\"}}".to_vec();
    let mut not_utf8 = arrived("not UTF-8", 429, JSON, Some("5"), "");
    not_utf8.body =
        b"{\"error\": {\"code\": \"too_many_requests\", \"message\": \"\xff\"}}".to_vec();
    let pass =
        |name: &str, content_type, body: &str| arrived(name, 429, content_type, Some("5"), body);
    vec![
        latin,
        not_utf8,
        pass(
            "UTF-16 declared",
            Some("application/json; charset=\"UTF-16\""),
            r#"{"error": {"code": "too_many_requests"}}"#,
        ),
        pass(
            "repeated code",
            JSON,
            r#"{"error": {"code": "too_many_requests", "code": "internal_error"}}"#,
        ),
        pass(
            "repeated code, escaped",
            JSON,
            r#"{"error": {"code": "too_many_requests", "\u0063ode": "internal_error"}}"#,
        ),
        pass(
            "repeated deep in a list",
            JSON,
            r#"{"error": {"code": "too_many_requests"}, "meta": [{"b": 1, "b": 2}]}"#,
        ),
        pass(
            "same name in sibling objects",
            JSON,
            r#"{"error": {"code": "too_many_requests", "x": {"k": [1, {"k": 2}]}, "y": {"k": "}"}}}"#,
        ),
        pass(
            "repeated XML element",
            Some("application/xml"),
            "<error><code>too_many_requests</code><code>internal_error</code></error>",
        ),
    ]
}

#[test]
fn the_typescript_module_compiles_strictly_and_agrees_with_the_rust_client() {
    let dir = scratch("typescript");
    let module = text(&exported(
        "typescript",
        &[
            "specs/acp.yaml",
            "specs/edge.yaml",
            "specs/pass.yaml",
            "specs/platform.yaml",
            "specs/privacy.yaml",
            "tests/fixtures/cloud.yaml",
        ],
    ));
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
            "--erasableSyntaxOnly",
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
    // Compiled, on the machine's node; and as written, on node 22's type
    // stripping.
    let node = std::ffi::OsString::from("node");
    let runs = [
        (node, None),
        (node22().into_os_string(), Some("./errors.ts")),
    ];
    for (node, module) in runs {
        let mut command = Command::new(&node);
        if let Some(module) = module {
            command
                .env("MODULE", module)
                .arg("--experimental-strip-types");
        }
        let tested = command
            .args(["--no-warnings", "--test", "agree.test.mjs"])
            .current_dir(&dir)
            .output()
            .expect("node runs the module's test");
        let report = text(&tested.stdout);
        assert!(
            tested.status.success() && report.contains("# fail 0"),
            "the TypeScript module ({module:?}) disagrees with the Rust client:\n{report}{}",
            text(&tested.stderr)
        );
        // Every case ran, each as one test, and every test passed.
        let count = |label: &str| -> usize {
            let line = report.lines().find_map(|line| line.strip_prefix(label));
            line.and_then(|n| n.trim().parse().ok()).unwrap_or(0)
        };
        assert!(count("# tests ") > cases.len(), "{report}");
        assert_eq!(count("# pass "), count("# tests "), "{report}");
    }
}

#[test]
fn one_function_bundles_without_the_catalogs() {
    let dir = scratch("bundle");
    let module = exported("typescript", &["specs/acp.yaml", "specs/pass.yaml"]);
    std::fs::write(dir.join("errors.ts"), module).unwrap();
    let bundle = |name: &str, import: &str| -> u64 {
        let entry = format!("{name}.ts");
        std::fs::write(
            dir.join(&entry),
            format!("import {{ {import} }} from \"./errors.ts\";\nconsole.log({import});\n"),
        )
        .unwrap();
        let out = format!("{name}.js");
        let built = Command::new(esbuild())
            .args([
                &entry,
                "--bundle",
                "--minify",
                "--format=esm",
                "--log-level=warning",
            ])
            .arg(format!("--outfile={out}"))
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(built.status.success(), "{}", text(&built.stderr));
        std::fs::metadata(dir.join(out)).unwrap().len()
    };
    let one = bundle("retry_after", "parseRetryAfter");
    assert!(one < 2048, "parseRetryAfter alone bundles {one} bytes");
    // The catalogs are there to be dropped: importing one keeps it.
    let catalog = bundle("catalog", "AcpError");
    assert!(catalog > 10 * one, "AcpError bundles {catalog} bytes");
}

/// For every code of `E`: the response the Rust server sends for it, what
/// the Rust client advises on reading it, and the words of its guidance.
fn own_responses<E: ErrorCode>(spec: &str, out: &mut Vec<Value>) {
    let now = UNIX_EPOCH + Duration::from_secs(NOW);
    for &code in E::ALL {
        let rendered = errcodes_runtime::wire::render(
            code,
            &Occurrence::new().trace("t-1"),
            code.wire_format(),
        );
        let retry_after = rendered.retry_after_secs().map(|secs| secs.to_string());
        let headers = Headers {
            content_type: Some(rendered.content_type),
            retry_after: retry_after.as_deref(),
        };
        let read = ErrorResponse::<E>::decode(rendered.status, headers, &rendered.body).unwrap();
        assert_eq!(read.code().and_then(|read| read.known()), Some(code));
        let resend = match read.advice(now) {
            Advice::RetryAfter(_) => "after-delay",
            Advice::Backoff => "backoff",
            Advice::Stop(_) => "no",
        };
        out.push(json!({
            "spec": spec,
            "catalog": E::CATALOG.name(),
            "code": code.code(),
            "status": rendered.status,
            "contentType": rendered.content_type,
            "retryAfter": retry_after,
            "body": String::from_utf8(rendered.body).unwrap(),
            "resend": resend,
            "text": code.guidance().to_string(),
        }));
    }
}

/// The text after `**What to do:** ` in the section of `code` on `page`.
fn what_to_do<'p>(page: &'p str, code: &str) -> &'p str {
    let at = page
        .find(&format!("\n#### `{code}` "))
        .unwrap_or_else(|| panic!("no section of {code}"));
    let rest = &page[at..];
    let start = rest
        .find("**What to do:** ")
        .expect("a section says what to do")
        + 16;
    let line = &rest[start..];
    line[..line.find(".\n").unwrap()].trim_end()
}

#[test]
fn pages_explain_and_the_module_advise_what_the_rust_client_does() {
    let mut cases = Vec::new();
    own_responses::<acp::AcpError>("specs/acp.yaml", &mut cases);
    own_responses::<edge::EdgeError>("specs/edge.yaml", &mut cases);
    own_responses::<pass::PassError>("specs/pass.yaml", &mut cases);
    own_responses::<platform::PlatformError>("specs/platform.yaml", &mut cases);
    own_responses::<privacy::PrivacyError>("specs/privacy.yaml", &mut cases);
    // The rule has something to tell apart in the shipped catalogs.
    for resend in ["after-delay", "backoff", "no"] {
        assert!(
            cases.iter().any(|case| case["resend"] == resend),
            "{resend}"
        );
    }
    let dir = scratch("guidance");
    let specs: Vec<String> = ["acp", "edge", "pass", "platform", "privacy"]
        .iter()
        .map(|name| format!("specs/{name}.yaml"))
        .collect();
    let mut docs = vec!["docs", "--out", dir.to_str().unwrap()];
    docs.extend(specs.iter().map(String::as_str));
    let output = errcodes(root(), &docs);
    assert!(output.status.success(), "{}", text(&output.stderr));
    for case in &cases {
        let (spec, code, said) = (
            case["spec"].as_str().unwrap(),
            case["code"].as_str().unwrap(),
            case["text"].as_str().unwrap(),
        );
        let page_name = spec.trim_start_matches("specs/").replace(".yaml", ".md");
        let page = std::fs::read_to_string(dir.join(page_name)).unwrap();
        assert_eq!(what_to_do(&page, code), said, "the page of {code}");
        let explained = errcodes(root(), &["explain", code, "--spec", spec]);
        assert!(explained.status.success(), "{}", text(&explained.stderr));
        let explained = text(&explained.stdout);
        let action = explained
            .lines()
            .find_map(|line| line.trim_start().strip_prefix("action"))
            .expect("explain names the action");
        assert!(
            action.ends_with(&format!(": {said}")),
            "explain {code}: {action}"
        );
    }
    // The JSON export carries the same guidance.
    let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
    let json: Value = serde_json::from_slice(&exported("json", &specs)).unwrap();
    let guidance: Vec<&Value> = json["catalogs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|catalog| catalog["codes"].as_array().unwrap())
        .map(|code| &code["guidance"])
        .collect();
    assert_eq!(guidance.len(), cases.len());
    for (guidance, case) in guidance.iter().zip(&cases) {
        assert_eq!(guidance["resend"], case["resend"], "{}", case["code"]);
        assert_eq!(guidance["text"], case["text"], "{}", case["code"]);
    }
    // The module, run as written by node's type stripping.
    std::fs::write(dir.join("errors.ts"), exported("typescript", &specs)).unwrap();
    std::fs::write(dir.join("package.json"), r#"{"type": "module"}"#).unwrap();
    std::fs::write(dir.join("cases.json"), serde_json::to_vec(&cases).unwrap()).unwrap();
    let (passed, report) = node_test(&dir, "guidance.test.ts");
    assert!(
        passed && report.contains(&format!("# pass {}", cases.len() + 1)),
        "the module advises otherwise:\n{report}"
    );
}
