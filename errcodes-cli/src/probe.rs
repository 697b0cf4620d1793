//! `errcodes probe`: sends a running service, in any language, the
//! requests a newcomer gets wrong first (malformed JSON, a wrong media
//! type, a body too large, an unknown route, a wrong method, a bad path
//! parameter) and reports every error answer that is not in its catalog's
//! wire format or carries a code the catalog does not have. It sends six
//! requests, one at a time, only to the address it is given, follows no
//! redirect, and waits a bounded time for each.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use errcodes_codegen::CheckedCatalog;
use errcodes_core::Shape;
use serde_json::{Value, json};

use crate::export::{Wire, wire};
use crate::load::{self, Loaded};
use crate::{Exit, Io};

mod oversized;

/// Sends a service the requests newcomers get wrong and checks that every
/// error answer comes from its catalog.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  errcodes probe http://127.0.0.1:8080/items --spec specs/shop.yaml
  errcodes probe http://127.0.0.1:8080/items --spec specs/shop.yaml --json > probe.json

The URL is one endpoint that takes a JSON body with POST; the probes go to
it and to paths beside it on the same host. Plain HTTP only. The exit
status is 1 when an answer is not the catalog's.")]
pub struct Args {
    /// The URL of an endpoint that takes a JSON body.
    #[arg(value_name = "URL")]
    pub url: String,
    /// The service's catalog.
    #[arg(long, value_name = "SPEC")]
    pub spec: PathBuf,
    /// Print the answers and findings as JSON.
    #[arg(long)]
    pub json: bool,
    /// The longest wait for one answer, in seconds.
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    pub timeout: u64,
}

/// One request a newcomer gets wrong.
struct Probe {
    name: &'static str,
    method: &'static str,
    url: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
}

/// Larger than the 2 MB most frameworks take by default.
const TOO_LARGE: usize = 3 << 20;

/// How much of an answer is read and kept.
const KEPT: u64 = 64 << 10;

fn probes(url: &str) -> Vec<Probe> {
    let base = url.trim_end_matches('/');
    let post = |name, content_type, body: Vec<u8>| Probe {
        name,
        method: "POST",
        url: base.to_owned(),
        content_type: Some(content_type),
        body,
    };
    let mut large = b"{\"errcodes-probe\": \"".to_vec();
    large.resize(TOO_LARGE, b'x');
    large.extend_from_slice(b"\"}");
    let get = |name, path: &str| Probe {
        name,
        method: "GET",
        url: format!("{base}{path}"),
        content_type: None,
        body: Vec::new(),
    };
    vec![
        post(
            "malformed-body",
            "application/json",
            b"{\"errcodes-probe\": ".to_vec(),
        ),
        post(
            "unsupported-media-type",
            "text/plain",
            b"errcodes probe".to_vec(),
        ),
        post("body-too-large", "application/json", large),
        get("unknown-route", "/errcodes-probe/no-such-route"),
        Probe {
            name: "method-not-allowed",
            method: "PATCH",
            url: base.to_owned(),
            content_type: None,
            body: Vec::new(),
        },
        get("bad-parameter", "/%ZZ"),
    ]
}

/// What came back for one probe.
struct Answer {
    status: Option<u16>,
    content_type: Option<String>,
    body: String,
    /// Why it is not the catalog's answer, when it is not.
    finding: Option<String>,
    /// Why the answer could not be judged, when it could not.
    skipped: Option<String>,
}

impl Answer {
    /// No answer came: a finding, `error`.
    fn none(error: impl core::fmt::Display) -> Self {
        Self::unjudged(Some(format!("no answer: {error}")), None)
    }

    /// No answer to judge, with the finding or the reason to skip it.
    fn unjudged(finding: Option<String>, skipped: Option<String>) -> Self {
        Answer {
            status: None,
            content_type: None,
            body: String::new(),
            finding,
            skipped,
        }
    }
}

/// Runs `errcodes probe`.
///
/// # Errors
///
/// When the catalog cannot be read or has errors, the URL is not plain
/// HTTP, or the output cannot be written.
pub fn run(args: &Args, io: &mut Io<'_>) -> Exit {
    if !args.url.starts_with("http://") {
        return Err(format!(
            "`{}` is not a plain HTTP URL: the probe speaks HTTP only, such as `http://127.0.0.1:8080/items`",
            args.url
        )
        .into());
    }
    let catalogs = load::checked(std::slice::from_ref(&args.spec), io)?;
    let Some(loaded) = catalogs.first() else {
        return Err("no catalog".to_owned().into());
    };
    let known = loaded
        .catalog
        .codes
        .iter()
        .map(|code| wire(&loaded.catalog, code))
        .collect::<Result<Vec<Wire<'_>>, String>>()?;
    let timeout = Duration::from_secs(args.timeout.max(1));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let probes = probes(&args.url);
    let answers: Vec<Answer> = probes
        .iter()
        .map(|probe| {
            let mut answer = send(&agent, probe, timeout);
            answer.finding = finding(&answer, &loaded.catalog, &known);
            answer
        })
        .collect();
    let findings = answers.iter().filter(|a| a.finding.is_some()).count();
    if args.json {
        writeln!(io.out, "{}", report_json(loaded, &probes, &answers))?;
    } else {
        write!(io.out, "{}", report_text(loaded, &probes, &answers))?;
    }
    Ok(if findings == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn send(agent: &ureq::Agent, probe: &Probe, timeout: Duration) -> Answer {
    if probe.body.len() >= TOO_LARGE {
        return oversized::send(probe, timeout);
    }
    let sent = match probe.method {
        "POST" => {
            let mut request = agent.post(&probe.url);
            if let Some(content_type) = probe.content_type {
                request = request.header("content-type", content_type);
            }
            request.send(&probe.body[..])
        }
        "PATCH" => agent.patch(&probe.url).send_empty(),
        _ => agent.get(&probe.url).call(),
    };
    match sent {
        Ok(mut response) => {
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
            let status = Some(response.status().as_u16());
            match response.body_mut().with_config().limit(KEPT).read_to_vec() {
                Ok(bytes) => Answer {
                    status,
                    content_type,
                    body: String::from_utf8_lossy(&bytes).into_owned(),
                    finding: None,
                    skipped: None,
                },
                Err(error) => Answer {
                    status,
                    content_type,
                    body: String::new(),
                    finding: Some(format!("the body could not be read: {error}")),
                    skipped: None,
                },
            }
        }
        Err(error) => Answer::none(error),
    }
}

/// Why `answer` is not one of the catalog's, if it is not. Answers below
/// 400 are the service's to give.
fn finding(answer: &Answer, catalog: &CheckedCatalog, known: &[Wire<'_>]) -> Option<String> {
    if answer.finding.is_some() {
        return answer.finding.clone();
    }
    let status = answer.status?;
    if status < 400 {
        return None;
    }
    let media = answer
        .content_type
        .as_deref()
        .and_then(|value| value.split(';').next())
        .map(|media| media.trim().to_ascii_lowercase());
    let shape = match media.as_deref() {
        Some("application/problem+json") => Shape::Problem,
        Some(media) if media.ends_with("/xml") || media.ends_with("+xml") => Shape::PassXml,
        _ => match Shape::expected(catalog.wire_format.value, status) {
            Shape::PassXml => Shape::Pass,
            shape => shape,
        },
    };
    let value = if shape == Shape::PassXml {
        xml_code(&answer.body)
    } else {
        json_code(&answer.body, shape, catalog)
    };
    let Some(value) = value else {
        return Some(format!(
            "not in the catalog's format ({}): {}",
            media.as_deref().unwrap_or("no content type"),
            excerpt(&answer.body)
        ));
    };
    if known
        .iter()
        .any(|wire| wire.shape == shape && wire.value == value)
    {
        return None;
    }
    Some(format!("the code `{value}` is not in the catalog"))
}

/// The code a JSON body of `shape` carries where the catalog's bodies do.
fn json_code(body: &str, shape: Shape, catalog: &CheckedCatalog) -> Option<String> {
    let body: Value = serde_json::from_str(body.trim_start_matches('\u{feff}')).ok()?;
    let mut at = &body;
    for member in shape.code_path(catalog.problem_code.value) {
        at = match at.get(member)? {
            Value::Array(items) => items.first()?,
            value => value,
        };
    }
    at.as_str().map(str::to_owned)
}

/// The text of the `<code>` of an XML `<error>`.
fn xml_code(body: &str) -> Option<String> {
    let start = body.find("<code>")? + "<code>".len();
    let end = start + body[start..].find("</code>")?;
    Some(body[start..end].trim().to_owned())
}

/// The start of a body, on one line.
fn excerpt(body: &str) -> String {
    let line: String = body
        .chars()
        .take(80)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if line.is_empty() {
        "an empty body".to_owned()
    } else {
        format!("{line:?}")
    }
}

fn report_text(loaded: &Loaded, probes: &[Probe], answers: &[Answer]) -> String {
    let mut out = String::new();
    for (probe, answer) in probes.iter().zip(answers) {
        let status = answer
            .status
            .map_or_else(|| "-".to_owned(), |s| s.to_string());
        let (mark, said) = match (&answer.finding, &answer.skipped) {
            (Some(finding), _) => ("✗", Some(finding)),
            (None, Some(skipped)) => ("?", Some(skipped)),
            (None, None) => ("✓", None),
        };
        let _ = write!(
            out,
            "{mark} {:<23} {} {} → {status}",
            probe.name, probe.method, probe.url
        );
        match said {
            Some(said) => {
                let _ = writeln!(out, ": {said}");
            }
            None => out.push('\n'),
        }
    }
    let findings = answers.iter().filter(|a| a.finding.is_some()).count();
    let _ = writeln!(
        out,
        "\n{findings} of {} answers are not {}'s ({})",
        answers.len(),
        loaded.catalog.name.value,
        loaded.path
    );
    out
}

fn report_json(loaded: &Loaded, probes: &[Probe], answers: &[Answer]) -> String {
    let answers: Vec<Value> = probes
        .iter()
        .zip(answers)
        .map(|(probe, answer)| {
            json!({
                "probe": probe.name,
                "method": probe.method,
                "url": probe.url,
                "status": answer.status,
                "content-type": answer.content_type,
                "finding": answer.finding,
                "skipped": answer.skipped,
            })
        })
        .collect();
    let findings = answers.iter().filter(|a| !a["finding"].is_null()).count();
    let report = json!({
        "catalog": loaded.path,
        "name": loaded.catalog.name.value,
        "findings": findings,
        "answers": answers,
    });
    serde_json::to_string_pretty(&report).unwrap_or_default()
}
