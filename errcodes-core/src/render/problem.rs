//! Problem details, RFC 9457: `{"type", "status", "title", "detail",
//! "instance"}` and extension members. The catalog decides where a
//! problem carries its code: in the `type` URI, as the `title`, or in a
//! `code` member. A catalog without `problem-type` writes `about:blank`
//! problems, whose `title` is the status's reason phrase (RFC 9457,
//! section 4.2.1); the code's own title becomes the `detail` unless the
//! occurrence gives one.

use alloc::borrow::Cow;
use alloc::boxed::Box;
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
    let parts = Parts::new(facts, values, status);
    let mut object = Object::new(out);
    parts.head(&mut object);
    parts.tail(values, traced, object);
}

/// The members of a problem detail, decided from the code's facts, the
/// status and the occurrence's message: everything but what the
/// occurrence alone gives (its detail, instance, trace and members).
pub(crate) struct Parts<'a> {
    type_uri: Filled<'a>,
    status: u16,
    title: &'a str,
    /// The detail when the occurrence gives none.
    detail: Option<Cow<'a, str>>,
    /// The code, when neither `type` nor `title` carries it.
    code: Option<&'a str>,
}

impl<'a> Parts<'a> {
    pub(crate) fn new(facts: &CodeFacts<'a>, values: &Values<'a>, status: u16) -> Self {
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
        // The occurrence's message, else where the title says something
        // else, the code's title explains.
        let detail = match values.templated(facts) {
            Some(templated) if values.message.is_none() => Some(templated),
            _ if title != message => Some(Cow::Borrowed(message)),
            _ => None,
        };
        let code_in_member =
            facts.problem_code == ProblemCode::Member || !(code_in_type || code_in_title);
        Parts {
            type_uri,
            status,
            title,
            detail,
            code: code_in_member.then_some(facts.code),
        }
    }

    /// `type`, `status` and `title`: the members [`Frame`] prepares.
    pub(crate) fn head(&self, object: &mut Object<'_>) {
        object.filled(TYPE, self.type_uri);
        object.number(STATUS, Some(u64::from(self.status)));
        object.text(TITLE, Some(self.title));
    }

    /// The rest, after the head: the occurrence's own explanation, else
    /// the default detail; the instance, the code, the trace when `traced`,
    /// typed fields and the occurrence's members.
    pub(crate) fn tail(&self, values: &Values<'_>, traced: bool, mut object: Object<'_>) {
        object.text(DETAIL, values.detail.or(self.detail.as_deref()));
        object.text(INSTANCE, values.instance);
        object.text(CODE, self.code);
        object.text(TRACE, values.trace.filter(|_| traced));
        object.fields(values.extra);
        object.end(values.extra);
    }
}

/// The head of a code's problem details, written once: what every
/// occurrence without a message or a status of its own shares.
pub(crate) struct Frame<'a> {
    parts: Parts<'a>,
    head: Box<[u8]>,
}

impl<'a> Frame<'a> {
    pub(crate) fn new(facts: &CodeFacts<'a>) -> Self {
        let parts = Parts::new(facts, &Values::default(), facts.status);
        let mut head = Vec::with_capacity(128);
        parts.head(&mut Object::new(&mut head));
        Frame {
            parts,
            head: head.into_boxed_slice(),
        }
    }

    /// The body for `values`, which must give no message, no status and,
    /// for a code with a message template, no fields: the frame's default
    /// detail stands for what they would make.
    pub(crate) fn body(&self, values: &Values<'_>) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.head.len() + 192);
        out.extend_from_slice(&self.head);
        let object = Object::resume(&mut out, &[TYPE, STATUS, TITLE]);
        self.parts.tail(values, true, object);
        out
    }
}
