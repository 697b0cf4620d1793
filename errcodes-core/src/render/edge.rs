//! Edge Network Server API responses: a fatal error is a problem detail;
//! a request that completed lists its non-fatal errors and its warnings,
//! each a problem detail, and when there is a non-fatal error its status
//! is 207 Multi-Status.

use alloc::vec::Vec;

use super::json::Object;
use super::{Values, problem};
use crate::facts::CodeFacts;
use crate::{Severity, Shape};

/// `requestId`: the request's identifier, the occurrence's trace.
pub const REQUEST_ID: &str = "requestId";
/// `handle`: the results of the request.
pub const HANDLE: &str = "handle";
/// `errors`: the non-fatal errors.
pub const ERRORS: &str = "errors";
/// `warnings`: the warnings.
pub const WARNINGS: &str = "warnings";

/// The status of an error embedded in a 207 body when the occurrence does
/// not give the upstream's: a gateway's answer to an upstream that failed.
pub const UPSTREAM_FAILED: u16 = 502;

/// A fatal code's problem detail; a non-fatal one's 207 body listing it
/// under `errors`, at the occurrence's status (the upstream's); a warning's
/// or an informational code's 200 body listing it under `warnings`.
pub(crate) fn render(facts: &CodeFacts<'_>, values: &Values<'_>) -> (Shape, u16, Vec<u8>) {
    let status = values.status.unwrap_or(facts.status);
    match facts.severity {
        Severity::Fatal => (
            Shape::Problem,
            status,
            problem::body(facts, values, status, true),
        ),
        Severity::NonFatal => {
            let embedded = values.status.unwrap_or(if facts.status >= 400 {
                facts.status
            } else {
                UPSTREAM_FAILED
            });
            (Shape::Edge, 207, body(facts, values, embedded, ERRORS))
        }
        Severity::Warning | Severity::Info => {
            (Shape::Edge, 200, body(facts, values, status, WARNINGS))
        }
    }
}

/// A body with the code's problem, at `status`, in the list `list`; the
/// body carries the trace as its `requestId`.
fn body(facts: &CodeFacts<'_>, values: &Values<'_>, status: u16, list: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(320);
    let mut object = Object::new(&mut out);
    object.text(REQUEST_ID, Some(values.trace.unwrap_or_default()));
    object.raw(HANDLE, |out| out.extend_from_slice(b"[]"));
    for name in [ERRORS, WARNINGS] {
        object.raw(name, |out| {
            out.push(b'[');
            if name == list {
                problem::write(facts, values, status, false, out);
            }
            out.push(b']');
        });
    }
    object.end(&());
    out
}
