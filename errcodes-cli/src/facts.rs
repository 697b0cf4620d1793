//! What the CLI says about a code beyond the catalog's words: the exact
//! response a server sends, rendered by the runtime's own renderer, and
//! what each action asks of a client.

use std::fmt::Write as _;

use errcodes_codegen::{CheckedCatalog, CheckedCode};
use errcodes_runtime::Action;
use errcodes_runtime::wire::{CodeFacts, Occurrence, Rendered, reason_phrase, render_facts};

/// What the renderer needs to know about `code`.
pub(crate) fn of<'a>(catalog: &'a CheckedCatalog, code: &'a CheckedCode) -> CodeFacts<'a> {
    CodeFacts {
        code: &code.code.value,
        title: &code.title.value,
        status: code.status.value,
        action: code.action.value,
        severity: code.severity.value,
        problem_type: catalog.problem_type.as_ref().map(|t| t.value.as_str()),
        problem_code: catalog.problem_code.value,
    }
}

/// What the renderer writes for `code` with nothing more known about the
/// occurrence.
pub(crate) fn rendered(catalog: &CheckedCatalog, code: &CheckedCode) -> Result<Rendered, String> {
    render_facts(
        &of(catalog, code),
        &Occurrence::new(),
        code.wire_format.value,
    )
    .map_err(|error| format!("code `{}`: {error}", code.code.value))
}

/// A status with its reason phrase: `429 Too Many Requests`.
pub(crate) fn status_line(status: u16) -> String {
    match reason_phrase(status) {
        Some(phrase) => format!("{status} {phrase}"),
        None => status.to_string(),
    }
}

/// The response a server sends for `code` with nothing more known about
/// the occurrence: status line, headers, a blank line and the body, exactly
/// as `errcodes_runtime::wire::render` writes them.
pub(crate) fn example(catalog: &CheckedCatalog, code: &CheckedCode) -> Result<String, String> {
    let rendered = rendered(catalog, code)?;
    let mut out = format!(
        "HTTP/1.1 {}\nContent-Type: {}\n",
        status_line(rendered.status),
        rendered.content_type
    );
    if let Some(seconds) = rendered.retry_after_secs() {
        let _ = writeln!(out, "Retry-After: {seconds}");
    }
    out.push('\n');
    out.push_str(&String::from_utf8_lossy(&rendered.body));
    Ok(out)
}

/// What a client should do when it receives a code with `action`.
pub(crate) fn advice(action: Action) -> &'static str {
    match action {
        Action::None => {
            "no predefined remedy; the request itself is probably wrong, so do not retry it as it is"
        }
        Action::Configuration => {
            "change the integration's configuration, or ask support to; retrying will not help"
        }
        Action::ApplicationRegistration => "register the application again, then retry",
        Action::Authentication => "have the user authenticate again, then retry",
        Action::Authorization => "have the user obtain authorization for the resource, then retry",
        Action::Degradation => "apply the degraded service the integration provides for this case",
        Action::Retry => "send the same request again, backing off; it may succeed",
        Action::RetryAfter => {
            "send the same request again after the delay the response gives (Retry-After)"
        }
    }
}
