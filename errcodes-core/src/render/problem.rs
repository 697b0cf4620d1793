//! Problem details, RFC 9457: `{"type", "status", "title", "detail",
//! "instance"}` and extension members. The catalog decides where a
//! problem carries its code: in the `type` URI, as the `title`, or in a
//! `code` member. A catalog without `problem-type` writes `about:blank`
//! problems, whose `title` is the status's reason phrase (RFC 9457,
//! section 4.2.1); the code's own title becomes the `detail` unless the
//! occurrence gives one.

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
    // Room for the members and the values most problems carry.
    let mut out = Vec::with_capacity(256 + facts.message.len() * 2);
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
    /// The code and its template, which make the detail when the
    /// occurrence gives neither a detail nor a message.
    template: Option<(&'a str, &'a str)>,
    /// The detail when neither the occurrence nor the template gives one.
    detail: Option<&'a str>,
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
        // The template filled in, written in place; else the occurrence's
        // message, or where the title says something else, the code's
        // title explains.
        let fills = values.message.is_none()
            && !facts.message.is_empty()
            && (values
                .extra
                .fields()
                .is_some_and(|given| given.code() == facts.code)
                || crate::fields::is_constant(facts.message));
        let template = fills.then_some((facts.code, facts.message));
        let detail = (title != message).then_some(message);
        let code_in_member =
            facts.problem_code == ProblemCode::Member || !(code_in_type || code_in_title);
        Parts {
            type_uri,
            status,
            title,
            template,
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
        let templated = values.detail.is_none()
            && self.template.is_some_and(|(code, template)| {
                object.raw_if(DETAIL, |out| {
                    values.write_template_json(code, template, out)
                })
            });
        if !templated {
            object.text(DETAIL, values.detail.or(self.detail));
        }
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
