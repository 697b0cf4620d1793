//! Problem details, RFC 9457: `{"type", "status", "title", "detail",
//! "instance"}` and extension members. The catalog decides where a
//! problem carries its code: in the `type` URI, as the `title`, or in a
//! `code` member. A catalog without `problem-type` writes `about:blank`
//! problems, whose `title` is the status's reason phrase (RFC 9457,
//! section 4.2.1); the code's own title becomes the `detail` unless the
//! occurrence gives one.

use alloc::vec::Vec;

use super::Values;
use super::json::Object;
use crate::ProblemCode;
use crate::facts::{CodeFacts, Filled};
use crate::status::reason_phrase;

/// `type`: the problem type's URI.
pub const TYPE: &str = "type";
/// `status`: the HTTP status of this occurrence.
pub const STATUS: &str = "status";
/// `title`: a short summary of the problem type.
pub const TITLE: &str = "title";
/// `detail`: an explanation of this occurrence.
pub const DETAIL: &str = "detail";
/// `instance`: a URI for this occurrence.
pub const INSTANCE: &str = "instance";
/// `code`: the extension member that carries the code when neither `type`
/// nor `title` does.
pub const CODE: &str = "code";
/// `trace`: the extension member with the identifier to quote to support.
pub const TRACE: &str = "trace";

/// The `type` of problems that add nothing to their status.
pub const ABOUT_BLANK: &str = "about:blank";

/// The problem detail of a code with `values`, at `status`; `traced` says
/// whether it writes the `trace` member (a problem listed in a body that
/// carries the trace itself does not).
#[must_use]
pub fn body(facts: &CodeFacts<'_>, values: &Values<'_>, status: u16, traced: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write(facts, values, status, traced, &mut out);
    out
}

/// Appends the problem detail of [`body`] to `out`.
pub(crate) fn write(
    facts: &CodeFacts<'_>,
    values: &Values<'_>,
    status: u16,
    traced: bool,
    out: &mut Vec<u8>,
) {
    let type_uri = Filled::new(facts.problem_type.unwrap_or(ABOUT_BLANK), facts.code);
    let code_in_type = type_uri.code.is_some();
    let message = values.message_or(facts.title);
    let (title, code_in_title) = if facts.problem_type.is_none() {
        // RFC 9457, section 4.2.1.
        (reason_phrase(status).unwrap_or(message), false)
    } else if facts.problem_code == ProblemCode::Title {
        (facts.code, true)
    } else {
        (message, false)
    };
    // The occurrence's own explanation, else its message, else where the
    // title says something else, the code's title explains.
    let templated = values.templated(facts);
    let detail = match (values.detail, &templated) {
        (Some(detail), _) => Some(detail),
        (None, Some(templated)) if values.message.is_none() => Some(templated.as_ref()),
        (None, _) if title != message => Some(message),
        (None, _) => None,
    };
    let code_in_member =
        facts.problem_code == ProblemCode::Member || !(code_in_type || code_in_title);
    let mut object = Object::new(out);
    object.filled(TYPE, type_uri);
    object.number(STATUS, Some(u64::from(status)));
    object.text(TITLE, Some(title));
    object.text(DETAIL, detail);
    object.text(INSTANCE, values.instance);
    object.text(CODE, code_in_member.then_some(facts.code));
    object.text(TRACE, values.trace.filter(|_| traced));
    object.fields(values.extra);
    object.end(values.extra);
}
