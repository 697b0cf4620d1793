//! Experience Platform's gateway errors: `{"error_code": "403010",
//! "message": "Oauth token is missing."}`, where the code starts with the
//! HTTP status.

use alloc::vec::Vec;

use super::Values;
use super::json::Object;
use crate::facts::CodeFacts;

/// `error_code`: the code.
pub const ERROR_CODE: &str = "error_code";
/// `message`: the message for people.
pub const MESSAGE: &str = "message";

/// The body of a code: its message is the occurrence's, else the code's
/// template filled in, else its title; then its fields.
#[must_use]
pub fn body(facts: &CodeFacts<'_>, values: &Values<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    let mut object = Object::new(&mut out);
    object.text(ERROR_CODE, Some(facts.code));
    object.raw(MESSAGE, |out| values.write_message_json(facts, out));
    object.fields(values.extra);
    object.end(values.extra);
    out
}
