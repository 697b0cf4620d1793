//! What belongs to one request: what a server knows about one occurrence
//! of an error beyond its code, and the identifier that ties the client's
//! answer to the operators' logs. The wire formats, [`Failure`](crate::Failure)
//! and the integrations all read it from here.

use std::hash::{BuildHasher, RandomState};
use std::time::Duration;

use errcodes_core::render::{Extra, FieldValues, JsonValue, Values};

use crate::fields::{Fields, TypedFields};
use serde_json::{Map, Value};

/// What a server knows about one occurrence of an error, beyond its code:
/// the data each format has room for. Everything is optional; a renderer
/// uses what its format carries and the code's metadata for the rest.
///
/// ```
/// use std::time::Duration;
/// use errcodes_runtime::Occurrence;
///
/// let occurrence = Occurrence::new()
///     .detail("The catalog service is restarting")
///     .trace("12f6fef9-d2e0-422b-a9d7-60d799abe353")
///     .retry_after(Duration::from_secs(30));
/// assert_eq!(occurrence.retry_after, Some(Duration::from_secs(30)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Occurrence {
    /// The HTTP status of this occurrence, when not the code's own: the
    /// response's (Edge's input errors are any 4xx), or, for an error
    /// embedded in an Edge 207 body, the upstream service's.
    pub status: Option<u16>,
    /// A message for people in place of the code's title: ACP's, Pass's and
    /// the gateway's `message`, and a problem's `title` where the title is
    /// the code's.
    pub message: Option<String>,
    /// An explanation of this occurrence (a problem's `detail`, Pass's
    /// `details`).
    pub detail: Option<String>,
    /// A URI for this occurrence (a problem's `instance`).
    pub instance: Option<String>,
    /// An identifier to quote to support (Pass's `trace`, Edge's
    /// `requestId`, a problem detail's `trace` extension member). A
    /// [`Failure`](crate::Failure) that has none gets a fresh one.
    pub trace: Option<String>,
    /// Where to read about the error (Pass's `helpUrl`); without it, the
    /// catalog's `help-url`.
    pub help_url: Option<String>,
    /// Structured data about this occurrence (ACP's `details` object).
    pub context: Option<Value>,
    /// How long the client should wait before trying again: the
    /// `Retry-After` header, and ACP's `retry_after`. A code whose action
    /// is `retry-after` gets
    /// [`DEFAULT_RETRY_AFTER`](errcodes_core::render::DEFAULT_RETRY_AFTER)
    /// when this is `None`.
    pub retry_after: Option<Duration>,
    /// More members for the body, such as Edge's `report`. One named like
    /// a member of the format's own is written only where the format
    /// leaves that member out. Over gRPC and in Google errors they are the
    /// `ErrorInfo`'s metadata, under keys that follow AIP-193's rule (see
    /// [`metadata`](errcodes_core::render::google::metadata)).
    pub members: Map<String, Value>,
    /// The code's typed fields, which each format writes where it has room
    /// ([`Fields`]); a member or a context member named like one of them is
    /// left out.
    pub fields: Option<TypedFields>,
}

impl Occurrence {
    /// Nothing known beyond the code.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`status`](Self::status).
    #[must_use]
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets [`message`](Self::message).
    #[must_use]
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets [`detail`](Self::detail).
    #[must_use]
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets [`instance`](Self::instance).
    #[must_use]
    pub fn instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Sets [`trace`](Self::trace).
    #[must_use]
    pub fn trace(mut self, trace: impl Into<String>) -> Self {
        self.trace = Some(trace.into());
        self
    }

    /// Sets [`help_url`](Self::help_url).
    #[must_use]
    pub fn help_url(mut self, help_url: impl Into<String>) -> Self {
        self.help_url = Some(help_url.into());
        self
    }

    /// Sets [`context`](Self::context).
    #[must_use]
    pub fn context(mut self, context: Value) -> Self {
        self.context = Some(context);
        self
    }

    /// Sets [`retry_after`](Self::retry_after).
    #[must_use]
    pub fn retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = Some(delay);
        self
    }

    /// Sets [`retry_after`](Self::retry_after) in seconds.
    #[must_use]
    pub fn retry_after_secs(self, seconds: u64) -> Self {
        self.retry_after(Duration::from_secs(seconds))
    }

    /// Adds a member to the body.
    #[must_use]
    pub fn member(mut self, name: impl Into<String>, value: Value) -> Self {
        self.members.insert(name.into(), value);
        self
    }

    /// Sets [`fields`](Self::fields): the typed fields of a code. A
    /// renderer fills the code's message template from them when they are
    /// that code's.
    #[must_use]
    pub fn fields<T: Fields>(mut self, fields: T) -> Self {
        self.fields = Some(TypedFields::new(fields));
        self
    }

    /// Whether nothing is known beyond the code.
    ///
    /// ```
    /// use errcodes_runtime::Occurrence;
    ///
    /// assert!(Occurrence::new().is_empty());
    /// assert!(!Occurrence::new().trace("7f3a").is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values().is_empty()
    }

    /// The occurrence as the renderers read it.
    #[must_use]
    pub fn values(&self) -> Values<'_> {
        Values {
            status: self.status,
            message: self.message.as_deref(),
            detail: self.detail.as_deref(),
            instance: self.instance.as_deref(),
            trace: self.trace.as_deref(),
            help_url: self.help_url.as_deref(),
            retry_after: self.retry_after,
            extra: self,
        }
    }
}

/// The context and the members, in the map's order.
impl Extra for Occurrence {
    fn has_context(&self) -> bool {
        self.context.is_some()
    }

    fn is_empty(&self) -> bool {
        self.context.is_none() && self.members.is_empty() && self.fields.is_none()
    }

    fn write_context(&self, out: &mut Vec<u8>) {
        if let Some(context) = &self.context {
            JsonRef(context).write_json(out);
        }
    }

    fn members(&self, each: &mut dyn FnMut(&str, &dyn JsonValue)) {
        for (name, value) in &self.members {
            each(name, &JsonRef(value));
        }
    }

    fn fields(&self) -> Option<&dyn FieldValues> {
        self.fields
            .as_ref()
            .map(|fields| fields as &dyn FieldValues)
    }

    fn context_members(&self, each: &mut dyn FnMut(&str, &dyn JsonValue)) {
        if let Some(Value::Object(members)) = &self.context {
            for (name, value) in members {
                each(name, &JsonRef(value));
            }
        }
    }
}

/// A JSON value, written as `serde_json` writes it.
struct JsonRef<'a>(&'a Value);

impl JsonValue for JsonRef<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_value(self.0, out);
    }

    fn is_text(&self) -> bool {
        self.0.is_string()
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        crate::fields::FieldValue::write_text(self.0, out);
    }
}

/// Appends `value` as `serde_json` writes it, compact, with strings
/// escaped by the renderers' own escaping, which is the same and faster.
pub(crate) fn write_value(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        // Writing into memory does not fail.
        Value::Number(number) => drop(serde_json::to_writer(out, number)),
        Value::String(text) => errcodes_core::render::escape(text, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(item, out);
            }
            out.push(b']');
        }
        Value::Object(members) => {
            out.push(b'{');
            for (i, (name, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                errcodes_core::render::escape(name, out);
                out.push(b':');
                write_value(item, out);
            }
            out.push(b'}');
        }
    }
}

/// A fresh identifier for an occurrence, in the shape of a random UUID
/// (Adobe Pass's `trace` values have it): 122 random bits, in one
/// allocation.
#[must_use]
pub fn new_trace_id() -> String {
    let state = RandomState::new();
    let high = state.hash_one(0u8);
    let low = state.hash_one(1u8);
    let bits = (u128::from(high) << 64 | u128::from(low)) & !(0xF << 76 | 0x3 << 62)
        | (0x4 << 76 | 0x2 << 62);
    let mut id = String::with_capacity(36);
    for (i, shift) in (0..32).rev().map(|n| n * 4).enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            id.push('-');
        }
        let digit = u32::try_from(bits >> shift & 0xF).unwrap_or_default();
        id.push(char::from_digit(digit, 16).unwrap_or('0'));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_ids_look_like_random_uuids() {
        let id = new_trace_id();
        assert_eq!(id.len(), 36, "{id}");
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'), "{id}");
        assert!(matches!(&parts[3][..1], "8" | "9" | "a" | "b"), "{id}");
        assert_ne!(new_trace_id(), id);
    }

    #[test]
    fn members_become_metadata_under_keys_that_follow_the_rule() {
        let occurrence = Occurrence::new()
            .member("user id", "1".into())
            .member("userId", 2.into());
        let metadata = errcodes_core::render::google::metadata(&occurrence.values());
        assert_eq!(
            metadata,
            [
                ("userId2".to_owned(), "1".to_owned()),
                ("userId".to_owned(), "2".to_owned())
            ]
        );
    }

    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        let value = serde_json::json!({
            "text": "a \"quoted\"\n\u{1}line, é and 🦀, long enough to take several words",
            "numbers": [0, -1, 18_446_744_073_709_551_615_u64, -9_223_372_036_854_775_808_i64, 0.1, 1e300, -2.5e-7],
            "nested": {"list": [[], {}, [null, true, false]], "empty": ""},
            "key \"with\" quotes\t": 1,
        });
        let mut out = Vec::new();
        super::write_value(&value, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&value).unwrap()
        );
    }
}
