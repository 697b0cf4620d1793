//! Ad Context Protocol errors: `{"success": false, "error": {"code",
//! "message", "details", "retry_after"}}`, where `retry_after` is the
//! seconds to wait before retrying.

use alloc::vec::Vec;

use super::json::Object;
use super::{Extra, FieldValues, JsonValue, Values, whole_seconds};
use crate::facts::CodeFacts;

/// `success`: false, for an error.
pub const SUCCESS: &str = "success";
/// `error`: the error object.
pub const ERROR: &str = "error";
/// `code`, in `error`.
pub const CODE: &str = "code";
/// `message`, in `error`.
pub const MESSAGE: &str = "message";
/// `details`, in `error`: structured data about the occurrence.
pub const DETAILS: &str = "details";
/// `retry_after`, in `error`: the seconds to wait.
pub const RETRY_AFTER: &str = "retry_after";

/// The envelope of a code: its message is the occurrence's, else the
/// code's template filled in, else its title; its `details` are the
/// occurrence's fields, or its context; and a code that says to retry
/// after a delay has one.
#[must_use]
pub fn body(facts: &CodeFacts<'_>, values: &Values<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    let mut envelope = Object::new(&mut out);
    envelope.raw(SUCCESS, |out| out.extend_from_slice(b"false"));
    envelope.raw(ERROR, |out| {
        let mut error = Object::new(out);
        error.text(CODE, Some(facts.code));
        error.raw(MESSAGE, |out| values.write_message_json(facts, out));
        if values.extra.fields().is_some() {
            error.raw(DETAILS, |out| details(values.extra, out));
        } else if values.extra.has_context() {
            error.raw(DETAILS, |out| values.extra.write_context(out));
        }
        error.number(
            RETRY_AFTER,
            values.delay_for(facts.action).map(whole_seconds),
        );
        error.end(values.extra);
    });
    envelope.end(&());
    out
}

/// `details` with typed fields: the fields, then the members of the
/// occurrence's context (when it is an object) not named like a field.
fn details(extra: &dyn Extra, out: &mut Vec<u8>) {
    let mut details = Object::new(out);
    details.fields(extra);
    details.end(&ContextMembers(extra));
}

/// The members of an occurrence's context, as the members to add after its
/// fields.
struct ContextMembers<'e>(&'e dyn Extra);

impl Extra for ContextMembers<'_> {
    fn has_context(&self) -> bool {
        false
    }

    fn write_context(&self, _: &mut Vec<u8>) {}

    fn members(&self, each: &mut dyn FnMut(&str, &dyn JsonValue)) {
        self.0.context_members(each);
    }

    fn fields(&self) -> Option<&dyn FieldValues> {
        self.0.fields()
    }
}
