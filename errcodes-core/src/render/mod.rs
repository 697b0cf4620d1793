//! How each wire format writes an error: the body, the status and the
//! delay of a code with what one occurrence of it says. The macro and the
//! runtime both reach these renderers, so that a body written anywhere is
//! the same bytes. Each format's module owns its members' names, which the
//! runtime's decoders read by.
//!
//! ```
//! use errcodes_core::facts::CodeFacts;
//! use errcodes_core::render::{Values, render};
//! use errcodes_core::{Action, ProblemCode, Severity, WireFormat};
//!
//! let facts = CodeFacts {
//!     code: "OUT_OF_STOCK",
//!     title: "Out of stock",
//!     status: 409,
//!     action: Action::None,
//!     severity: Severity::Fatal,
//!     problem_type: None,
//!     problem_code: ProblemCode::Member,
//!     help_url: None,
//!     grpc: None,
//!     fields: "",
//!     message: "",
//! };
//! let rendered = render(WireFormat::Gateway, &facts, &Values::default());
//! assert_eq!(rendered.body, br#"{"error_code":"OUT_OF_STOCK","message":"Out of stock"}"#);
//! assert_eq!((rendered.status, rendered.content_type), (409, "application/json"));
//! ```

pub mod acp;
mod code_fields;
pub mod edge;
pub mod gateway;
pub mod google;
mod json;
pub mod pass;
mod prepared;
pub mod problem;

pub use self::json::number as write_number;

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::time::Duration;

pub use self::code_fields::CodeFields;
pub use self::json::escape;
#[doc(hidden)]
pub use self::json::{escape_from, escape_inside};
pub use self::prepared::Prepared;
use crate::facts::CodeFacts;
use crate::fields::{self, FieldSpec, FieldType, Piece};
use crate::{Action, Severity, Shape, WireFormat};

/// The delay sent with a code whose action is `retry-after` when the
/// occurrence gives none: Adobe Pass says such a response always carries a
/// `Retry-After` header, so one is always sent.
pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(5);

/// A JSON value an occurrence carries, which the renderers copy as it is.
pub trait JsonValue {
    /// Appends the value, as JSON, to `out`.
    fn write_json(&self, out: &mut Vec<u8>);

    /// Whether the value is a JSON string.
    fn is_text(&self) -> bool;

    /// Appends the value as a message shows it: a string without its
    /// quotes, a list's items separated by `, `, anything else as JSON.
    fn write_text(&self, out: &mut Vec<u8>);
}

/// The typed fields of one occurrence, as the renderers read them: each
/// format writes them where it has room (see `specs/FORMAT.md`).
pub trait FieldValues {
    /// The code whose fields they are.
    fn code(&self) -> &str;

    /// The code's fields, as stored ([`fields::decode_fields`]).
    fn specs(&self) -> &str;

    /// Calls `value` with the value of the field at `position`; `false`
    /// when the occurrence leaves the field out.
    fn value(&self, position: usize, value: &mut dyn FnMut(&dyn JsonValue)) -> bool;

    /// Appends the value of the field at `position` as JSON; `false` when
    /// the occurrence leaves the field out.
    fn write_json(&self, position: usize, out: &mut Vec<u8>) -> bool {
        self.value(position, &mut |value| value.write_json(out))
    }

    /// Appends the value of the field at `position` as a message shows it
    /// ([`JsonValue::write_text`]); `false` when the occurrence leaves the
    /// field out.
    fn write_text(&self, position: usize, out: &mut Vec<u8>) -> bool {
        self.value(position, &mut |value| value.write_text(out))
    }

    /// [`write_text`](Self::write_text), escaped for inside a JSON string.
    fn write_text_escaped(&self, position: usize, out: &mut Vec<u8>) -> bool {
        let at = out.len();
        let written = self.write_text(position, out);
        json::escape_from(out, at);
        written
    }

    /// [`write_json`](Self::write_json), escaped for inside a JSON string.
    fn write_json_escaped(&self, position: usize, out: &mut Vec<u8>) -> bool {
        let at = out.len();
        let written = self.write_json(position, out);
        json::escape_from(out, at);
        written
    }

    /// The CLDR plural category of `number`, a number as text, in the
    /// language of the code's catalog: what a template that chooses
    /// between forms chooses by. `other` unless the fields know the rules.
    fn plural(&self, number: &str) -> &'static str {
        let _ = number;
        "other"
    }

    /// The code's fields and template read once, when the values keep
    /// them: the renderers then decode nothing per occurrence.
    fn prepared(&self) -> Option<&CodeFields<'_>> {
        None
    }
}

/// Calls `each` with every field `fields` has a value for, in order.
pub fn each_field(fields: &dyn FieldValues, each: &mut dyn FnMut(&FieldSpec<'_>, &dyn JsonValue)) {
    for_each_spec(fields, &mut |position, spec| {
        fields.value(position, &mut |value| each(spec, value));
    });
}

/// Calls `each` with the position and declaration of every field of the
/// code `fields` belong to, in order.
pub(crate) fn for_each_spec(fields: &dyn FieldValues, each: &mut dyn FnMut(usize, &FieldSpec<'_>)) {
    match fields.prepared() {
        Some(prepared) => {
            for (position, spec) in prepared.specs().iter().enumerate() {
                each(position, spec);
            }
        }
        None => {
            for (position, spec) in fields::decode_fields(fields.specs()).enumerate() {
                each(position, &spec);
            }
        }
    }
}

/// Appends `value` as Google's metadata and Pass's XML carry a member: a
/// string as it is, any other value as JSON.
pub fn write_metadata_value(value: &dyn JsonValue, out: &mut Vec<u8>) {
    if value.is_text() {
        value.write_text(out);
    } else {
        value.write_json(out);
    }
}

/// Appends the value of a field of type `ty` as Google's metadata and
/// Pass's XML carry it: as text for a type whose values are strings, else
/// as JSON, so that an `any` field's string reads back as a string.
pub fn write_field_text(ty: FieldType, value: &dyn JsonValue, out: &mut Vec<u8>) {
    if ty.is_text() {
        value.write_text(out);
    } else {
        value.write_json(out);
    }
}

/// Whether `fields` has a value for a field named `name`.
pub(crate) fn has_field(fields: Option<&dyn FieldValues>, name: &str) -> bool {
    fields.is_some_and(|fields| {
        let position = match fields.prepared() {
            Some(prepared) => prepared.specs().iter().position(|spec| spec.name == name),
            None => fields::decode_fields(fields.specs()).position(|spec| spec.name == name),
        };
        position.is_some_and(|position| fields.value(position, &mut |_| {}))
    })
}

/// The JSON an occurrence carries: structured data about it, and more
/// members for the body.
pub trait Extra {
    /// Whether the occurrence has structured data about it (ACP's
    /// `details`).
    fn has_context(&self) -> bool;

    /// Appends that data, as JSON, to `out`.
    fn write_context(&self, out: &mut Vec<u8>);

    /// Calls `each` with every member's name and value, in order.
    fn members(&self, each: &mut dyn FnMut(&str, &dyn JsonValue));

    /// The occurrence's typed fields, when it has them.
    fn fields(&self) -> Option<&dyn FieldValues> {
        None
    }

    /// Calls `each` with every member of the structured data, when it is
    /// an object: what ACP's `details` adds after typed fields.
    fn context_members(&self, each: &mut dyn FnMut(&str, &dyn JsonValue)) {
        let _ = each;
    }

    /// Whether there is nothing: no structured data, no members, no fields.
    fn is_empty(&self) -> bool {
        let mut members = false;
        self.members(&mut |_, _| members = true);
        !members && !self.has_context() && self.fields().is_none()
    }
}

/// An occurrence that carries typed fields and nothing else: what a
/// message is filled in from.
#[doc(hidden)]
pub struct FieldsAlone<'a>(pub &'a dyn FieldValues);

impl Extra for FieldsAlone<'_> {
    fn has_context(&self) -> bool {
        false
    }

    fn write_context(&self, _: &mut Vec<u8>) {}

    fn members(&self, _: &mut dyn FnMut(&str, &dyn JsonValue)) {}

    fn fields(&self) -> Option<&dyn FieldValues> {
        Some(self.0)
    }
}

/// Nothing more.
impl Extra for () {
    fn has_context(&self) -> bool {
        false
    }

    fn write_context(&self, _: &mut Vec<u8>) {}

    fn members(&self, _: &mut dyn FnMut(&str, &dyn JsonValue)) {}
}

/// What one occurrence of an error says beyond its code, as the renderers
/// read it. Everything is optional; a renderer uses what its format has
/// room for and the code's facts for the rest.
#[derive(Clone, Copy)]
pub struct Values<'a> {
    /// The occurrence's HTTP status, when not the code's own.
    pub status: Option<u16>,
    /// A message for people in place of the code's title.
    pub message: Option<&'a str>,
    /// An explanation of this occurrence.
    pub detail: Option<&'a str>,
    /// A URI for this occurrence.
    pub instance: Option<&'a str>,
    /// An identifier to quote to support.
    pub trace: Option<&'a str>,
    /// Where to read about the error, in place of the catalog's.
    pub help_url: Option<&'a str>,
    /// How long the client should wait before trying again.
    pub retry_after: Option<Duration>,
    /// Structured data about this occurrence, and more members for the
    /// body.
    pub extra: &'a dyn Extra,
}

impl Default for Values<'_> {
    fn default() -> Self {
        Values {
            status: None,
            message: None,
            detail: None,
            instance: None,
            trace: None,
            help_url: None,
            retry_after: None,
            extra: &(),
        }
    }
}

impl core::fmt::Debug for Values<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Values")
            .field("status", &self.status)
            .field("message", &self.message)
            .field("detail", &self.detail)
            .field("instance", &self.instance)
            .field("trace", &self.trace)
            .field("help_url", &self.help_url)
            .field("retry_after", &self.retry_after)
            .finish_non_exhaustive()
    }
}

impl<'a> Values<'a> {
    /// Whether the occurrence says nothing at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        let Values {
            status,
            message,
            detail,
            instance,
            trace,
            help_url,
            retry_after,
            extra,
        } = self;
        status.is_none()
            && message.is_none()
            && detail.is_none()
            && instance.is_none()
            && trace.is_none()
            && help_url.is_none()
            && retry_after.is_none()
            && extra.is_empty()
    }

    /// The occurrence's message, or else `title`.
    fn message_or<'t>(&self, title: &'t str) -> &'t str
    where
        Self: 't,
    {
        self.message.unwrap_or(title)
    }

    /// The message for people: the occurrence's; else the code's template
    /// filled in with the occurrence's fields; else the code's title.
    #[must_use]
    pub fn message_for(&self, facts: &CodeFacts<'a>) -> Cow<'a, str> {
        match self.message {
            Some(message) => Cow::Borrowed(message),
            None => self.templated(facts).unwrap_or(Cow::Borrowed(facts.title)),
        }
    }

    /// The code's message template filled in with the occurrence's fields;
    /// `None` when the code has no template, or the template names a field
    /// the occurrence does not give.
    #[must_use]
    pub fn templated(&self, facts: &CodeFacts<'a>) -> Option<Cow<'a, str>> {
        let template = facts.message;
        if template.is_empty() {
            return None;
        }
        if fields::is_constant(template) {
            return Some(Cow::Borrowed(template));
        }
        // Nothing is allocated for an occurrence without this code's fields.
        self.extra
            .fields()
            .filter(|given| given.code() == facts.code)?;
        let mut out = Vec::with_capacity(template.len() + 32);
        if !self.write_templated(facts.code, template, &mut out, false) {
            return None;
        }
        String::from_utf8(out).ok().map(Cow::Owned)
    }

    /// Appends [`message_for`](Self::message_for) as a JSON string, written
    /// in place rather than built first.
    pub(crate) fn write_message_json(&self, facts: &CodeFacts<'a>, out: &mut Vec<u8>) {
        self.write_json_message(self.message, facts, out);
    }

    /// Appends `own` as a JSON string; without it, the code's template
    /// filled in, else its title.
    pub(crate) fn write_json_message(
        &self,
        own: Option<&str>,
        facts: &CodeFacts<'a>,
        out: &mut Vec<u8>,
    ) {
        out.push(b'"');
        match own {
            Some(message) => json::escape_inside(message, out),
            None => {
                if !self.write_templated(facts.code, facts.message, out, true) {
                    json::escape_inside(facts.title, out);
                }
            }
        }
        out.push(b'"');
    }

    /// Appends the template of the code `code` filled in with the
    /// occurrence's fields, as a JSON string; `false`, with nothing
    /// appended, as [`templated`](Self::templated) gives `None`.
    pub(crate) fn write_template_json(
        &self,
        code: &str,
        template: &str,
        out: &mut Vec<u8>,
    ) -> bool {
        out.push(b'"');
        if self.write_templated(code, template, out, true) {
            out.push(b'"');
            true
        } else {
            out.pop();
            false
        }
    }

    /// Appends the template of the code `code` filled in with the
    /// occurrence's fields, escaped for inside a JSON string when `json`
    /// says so; `false`, with nothing appended, as
    /// [`templated`](Self::templated) gives `None`.
    fn write_templated(&self, code: &str, template: &str, out: &mut Vec<u8>, json: bool) -> bool {
        if template.is_empty() {
            return false;
        }
        let given = match self.extra.fields() {
            Some(given) if given.code() == code => Some(given),
            _ if fields::is_constant(template) => None,
            _ => return false,
        };
        if let Some(given) = given
            && let Some(prepared) = given.prepared()
            && let Some(shown) = prepared.write_message(template, given, out, json)
        {
            return shown;
        }
        let start = out.len();
        if let Some(forms) = fields::template_forms(template) {
            let Some(given) = given else {
                return false;
            };
            let shown = crate::localized::Message(forms).write(
                &mut |position, out| given.value(position, &mut |value| value.write_text(out)),
                &|number| given.plural(number),
                out,
            );
            if !shown {
                out.truncate(start);
                return false;
            }
            if json {
                json::escape_from(out, start);
            }
            return true;
        }
        for piece in fields::decode_template(template) {
            match (piece, given) {
                (Piece::Text(text), _) if json => json::escape_inside(text, out),
                (Piece::Text(text), _) => out.extend_from_slice(text.as_bytes()),
                (Piece::Field(position), Some(given)) => {
                    let at = out.len();
                    if !given.value(position, &mut |value| value.write_text(out)) {
                        out.truncate(start);
                        return false;
                    }
                    if json {
                        json::escape_from(out, at);
                    }
                }
                (Piece::Field(_), None) => {
                    out.truncate(start);
                    return false;
                }
            }
        }
        true
    }

    /// The delay to send for a code with `action`: the occurrence's, or
    /// the default for a code that says to retry after a delay.
    #[must_use]
    pub fn delay_for(&self, action: Action) -> Option<Duration> {
        self.retry_after
            .or((action == Action::RetryAfter).then_some(DEFAULT_RETRY_AFTER))
    }
}

/// A response, ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// The delay for a `Retry-After` header.
    pub retry_after: Option<Duration>,
    /// The body's shape.
    pub shape: Shape,
}

impl Rendered {
    /// A response of `shape` with `body`, at `status`, with the delay the
    /// code's action and the occurrence give.
    fn new(
        shape: Shape,
        status: u16,
        body: Vec<u8>,
        facts: &CodeFacts<'_>,
        values: &Values<'_>,
    ) -> Self {
        Rendered {
            status,
            content_type: shape.content_type(),
            body,
            retry_after: values.delay_for(facts.action),
            shape,
        }
    }

    /// The `Retry-After` header's value: the delay in whole seconds,
    /// rounded up, so that a sub-second delay is not sent as zero.
    #[must_use]
    pub fn retry_after_secs(&self) -> Option<u64> {
        self.retry_after.map(whole_seconds)
    }
}

/// A delay in whole seconds, rounded up, so that a sub-second delay is
/// never sent as zero.
#[must_use]
pub fn whole_seconds(delay: Duration) -> u64 {
    delay.as_secs() + u64::from(delay.subsec_nanos() > 0)
}

/// The members a format writes beside a code's typed fields, whose names
/// the fields therefore cannot take: a problem's own members, a Pass error
/// object's, the gateway body's. ACP writes fields in `details` and Google
/// errors in metadata, beside nothing.
///
/// ```
/// use errcodes_core::WireFormat;
/// use errcodes_core::render::own_members;
///
/// assert!(own_members(WireFormat::Problem).contains(&"detail"));
/// assert!(own_members(WireFormat::Acp).is_empty());
/// ```
#[must_use]
pub fn own_members(format: WireFormat) -> &'static [&'static str] {
    const PROBLEM: [&str; 7] = [
        problem::TYPE,
        problem::STATUS,
        problem::TITLE,
        problem::DETAIL,
        problem::INSTANCE,
        problem::CODE,
        problem::TRACE,
    ];
    match format {
        WireFormat::Problem | WireFormat::Edge => &PROBLEM,
        WireFormat::Pass | WireFormat::PassXml => &pass::OWN,
        WireFormat::Gateway => &[gateway::ERROR_CODE, gateway::MESSAGE],
        WireFormat::Acp | WireFormat::Google => &[],
    }
}

/// The status of the response [`render`] writes for a code of `severity`
/// and `status` in `format`, with an occurrence's own status: Edge Network
/// lists a non-fatal error in a 207 body and a warning in a 200 body,
/// whatever status the error itself has.
#[must_use]
pub const fn response_status(
    format: WireFormat,
    severity: Severity,
    status: u16,
    occurrence: Option<u16>,
) -> u16 {
    match (format, severity) {
        (WireFormat::Edge, Severity::NonFatal) => 207,
        (WireFormat::Edge, Severity::Warning | Severity::Info) => 200,
        _ => match occurrence {
            Some(status) => status,
            None => status,
        },
    }
}

/// Renders a code described by `facts`, with what `values` says of this
/// occurrence, in `format`. In the Edge format, a fatal code is a problem
/// detail, a non-fatal one a 207 body listing it, a warning a 200 body
/// listing it.
#[must_use]
pub fn render(format: WireFormat, facts: &CodeFacts<'_>, values: &Values<'_>) -> Rendered {
    let status = values.status.unwrap_or(facts.status);
    let (shape, status, body) = match format {
        WireFormat::Problem => (
            Shape::Problem,
            status,
            problem::body(facts, values, status, true),
        ),
        WireFormat::Edge => edge::render(facts, values),
        WireFormat::Acp => (Shape::Acp, status, acp::body(facts, values)),
        WireFormat::Pass => (Shape::Pass, status, pass::body(facts, values, status)),
        WireFormat::PassXml => (Shape::PassXml, status, pass::xml(facts, values, status)),
        WireFormat::Gateway => (Shape::Gateway, status, gateway::body(facts, values)),
        WireFormat::Google => (Shape::Google, status, google::body(facts, values)),
    };
    debug_assert_eq!(
        status,
        response_status(format, facts.severity, facts.status, values.status)
    );
    Rendered::new(shape, status, body, facts, values)
}
