//! What the CLI says about a code beyond the catalog's words: the exact
//! response a server sends, rendered by the runtime's own renderer, and
//! what a client should do about it.

use std::fmt::Write as _;

use serde_json::json;

use errcodes_codegen::fields::{CheckedField, Example};
use errcodes_codegen::keys::{self, Key, Reach};
use errcodes_codegen::translations::to_fluent;
use errcodes_codegen::{CheckedCatalog, CheckedCode, Fact, Shown};
use errcodes_core::render::{Extra, FieldValues, JsonValue, Values, render};
use errcodes_runtime::wire::google::GoogleBody;
use errcodes_runtime::wire::{Json, Rendered, Shape, Value, reason_phrase, render_facts};
use errcodes_runtime::{GrpcCode, Guidance, Occurrence, Outcome, WireFormat};

use crate::language::Language;

/// The trace id the examples show: each occurrence gets its own.
const SAMPLE_TRACE: &str = "3f2a8c1e-7b4d-4e6a-9c0f-5d1b2e8a7f64";

/// The keys of a code that the pages and `explain` lay out in their own
/// way; they show every other key that readers see after them.
const LAID_OUT: &[&Key] = &[
    &keys::code::CODE,
    &keys::code::NAME,
    &keys::code::STATUS,
    &keys::code::TITLE,
    &keys::code::DESCRIPTION,
    &keys::code::RESOLUTION,
    &keys::code::DOMAIN,
    &keys::code::ACTION,
    &keys::code::SEVERITY,
    &keys::code::OUTCOME,
    &keys::code::ORIGIN,
    &keys::code::DEPRECATED,
    &keys::code::REPLACED_BY,
    &keys::code::GRPC_REASON,
    &keys::code::GRPC_CODE,
    &keys::code::FIELDS,
];

/// The facts of `code` that readers see and the pages and `explain` do not
/// lay out themselves: those the catalog writes, and those without a
/// default.
pub(crate) fn others<'a>(catalog: &'a CheckedCatalog, code: &'a CheckedCode) -> Vec<Fact<'a>> {
    code.facts(catalog)
        .into_iter()
        .filter(|fact| {
            fact.key.reach >= Reach::Readers
                && fact.value.is_some()
                && (fact.is_written() || !fact.key.defaulted)
                && !LAID_OUT.contains(&fact.key)
        })
        .collect()
}

/// A fact's value as JSON: null where the catalog leaves it out.
pub(crate) fn json(fact: &Fact<'_>) -> Value {
    match &fact.value {
        None => Value::Null,
        Some(Shown::Text(text)) => Value::from(*text),
        Some(Shown::Word(word)) => Value::from(*word),
        Some(Shown::Number(number)) => Value::from(*number),
        Some(Shown::Texts(texts)) => Value::from(texts.clone()),
        Some(Shown::Fields(fields)) => Value::Object(
            fields
                .iter()
                .map(|field| (field.name.value.clone(), field_json(field)))
                .collect(),
        ),
    }
}

/// A field as the JSON export and the TypeScript module describe it.
fn field_json(field: &CheckedField) -> Value {
    let values: Vec<&str> = field.values.iter().map(|v| v.value.as_str()).collect();
    json!({
        "type": field.ty.value.to_string(),
        "values": if values.is_empty() { Value::Null } else { Value::from(values) },
        "optional": field.optional.value,
        "key": field.key(),
        "description": field.description.as_ref().map(|d| d.value.as_str()),
        "example": example_json(&field.example_or_default()),
    })
}

/// `code`'s texts in each of its catalog's translations, by language tag:
/// null where a translation leaves a text out, the message in Fluent's
/// syntax.
pub(crate) fn translations_json(catalog: &CheckedCatalog, code: &CheckedCode) -> Value {
    let translations = catalog.translations_of(code).map(|(tag, texts)| {
        let json = json!({
            "title": texts.title,
            "description": texts.description,
            "resolution": texts.resolution,
            "message": texts.message.as_deref().map(|pieces| to_fluent(pieces, code)),
        });
        (tag.to_owned(), json)
    });
    Value::Object(translations.collect())
}

fn example_json(example: &Example) -> Value {
    serde_json::from_str(&example.to_json()).unwrap_or(Value::Null)
}

/// One field of a code as the pages and `explain` list it.
pub(crate) struct FieldRow {
    /// Its name on the wire.
    pub(crate) name: String,
    /// Its type, with an enum's values.
    pub(crate) ty: String,
    /// `always` or `optional`.
    pub(crate) presence: &'static str,
    /// What it says.
    pub(crate) description: String,
}

/// The fields of `code`, as the pages and `explain` list them.
pub(crate) fn field_rows(code: &CheckedCode) -> Vec<FieldRow> {
    code.fields
        .iter()
        .map(|field| {
            let mut ty = field.ty.value.to_string();
            if !field.values.is_empty() {
                let values: Vec<&str> = field.values.iter().map(|v| v.value.as_str()).collect();
                let _ = write!(ty, ": {}", values.join(", "));
            }
            FieldRow {
                name: field.name.value.clone(),
                ty,
                presence: if field.optional.value {
                    "optional"
                } else {
                    "always"
                },
                description: field
                    .description
                    .as_ref()
                    .map(|d| d.value.clone())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// A code's fields filled with their examples, as the renderers read an
/// occurrence's: what the example responses show.
pub(crate) struct ExampleFields<'a> {
    code: &'a str,
    /// The catalog's language, whose plural rules a template follows.
    locale: &'a str,
    specs: &'a str,
    values: Vec<Example>,
}

impl ExampleFields<'_> {
    /// Writes the field at `position` as a message shows it; `false` for
    /// none.
    pub(crate) fn write_text(&self, position: usize, out: &mut Vec<u8>) -> bool {
        self.values
            .get(position)
            .map(|example| ExampleValue(example).write_text(out))
            .is_some()
    }

    fn of<'a>(catalog: &'a CheckedCatalog, code: &'a CheckedCode) -> ExampleFields<'a> {
        ExampleFields {
            code: &code.code.value,
            locale: &catalog.locales.default.value,
            specs: catalog.code_facts(code).fields,
            values: code
                .fields
                .iter()
                .map(CheckedField::example_or_default)
                .collect(),
        }
    }
}

impl FieldValues for ExampleFields<'_> {
    fn code(&self) -> &str {
        self.code
    }

    fn plural(&self, number: &str) -> &'static str {
        errcodes_runtime::languages::plural_category(self.locale, number)
    }

    fn specs(&self) -> &str {
        self.specs
    }

    fn value(&self, position: usize, value: &mut dyn FnMut(&dyn JsonValue)) -> bool {
        match self.values.get(position) {
            Some(example) => {
                value(&ExampleValue(example));
                true
            }
            None => false,
        }
    }
}

/// The examples, and an empty ACP `details` for a code without fields.
impl Extra for ExampleFields<'_> {
    fn has_context(&self) -> bool {
        self.values.is_empty()
    }

    fn write_context(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{}");
    }

    fn members(&self, _: &mut dyn FnMut(&str, &dyn JsonValue)) {}

    fn fields(&self) -> Option<&dyn FieldValues> {
        (!self.values.is_empty()).then_some(self as &dyn FieldValues)
    }
}

struct ExampleValue<'a>(&'a Example);

impl JsonValue for ExampleValue<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.0.to_json().as_bytes());
    }

    fn is_text(&self) -> bool {
        matches!(self.0, Example::Text(_))
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.0.to_text().as_bytes());
    }
}

/// What the renderer writes for `code` with nothing more known about the
/// occurrence.
pub(crate) fn rendered(catalog: &CheckedCatalog, code: &CheckedCode) -> Rendered {
    render_with(catalog, code, &Occurrence::new())
}

fn render_with(catalog: &CheckedCatalog, code: &CheckedCode, occurrence: &Occurrence) -> Rendered {
    render_facts(
        &catalog.code_facts(code),
        occurrence,
        code.wire_format.value,
    )
}

/// A status with its reason phrase: `429 Too Many Requests`.
pub(crate) fn status_line(status: u16) -> String {
    match reason_phrase(status) {
        Some(phrase) => format!("{status} {phrase}"),
        None => status.to_string(),
    }
}

/// Whether the code travels in an error response: a failure, whatever its
/// status (a redirect that refuses the request is one), or a code whose
/// format says where it goes (Edge Network's 200 and 207 bodies). Any other
/// code reports how a request or one of its items ended, in the body of a
/// successful response.
pub(crate) fn is_sent_as_error(code: &CheckedCode) -> bool {
    code.status.value >= 400
        || code.outcome.value == Outcome::Failure
        || code.wire_format.value == WireFormat::Edge
}

/// The response a server sends for `code` when it raises it as a
/// `Failure`: status line, headers, a blank line and the body, pretty
/// printed, as `errcodes_runtime::wire::render` writes them, with a sample
/// trace id and the code's fields filled with their examples (for ACP
/// without fields, an empty `details`), in `language` as a service behind
/// the runtime's boundary answers in it. `None` for a code that is not
/// sent as an error response.
pub(crate) fn example(
    catalog: &CheckedCatalog,
    code: &CheckedCode,
    language: Language<'_>,
) -> Option<String> {
    if !is_sent_as_error(code) {
        return None;
    }
    let examples = ExampleFields::of(catalog, code);
    // Answering in a language, a server writes its title and message.
    let message = language.message(code, &examples);
    let mut facts = catalog.code_facts(code);
    facts.title = language.title(code);
    let values = Values {
        trace: Some(SAMPLE_TRACE),
        message: message.as_deref(),
        extra: &examples,
        ..Values::default()
    };
    let rendered = render(code.wire_format.value, &facts, &values);
    let mut out = format!(
        "HTTP/1.1 {}\nContent-Type: {}\n",
        status_line(rendered.status),
        rendered.content_type
    );
    if let Some(seconds) = rendered.retry_after_secs() {
        let _ = writeln!(out, "Retry-After: {seconds}");
    }
    if !catalog.locales.translations.is_empty() {
        let _ = writeln!(
            out,
            "Content-Language: {}\nVary: accept-language",
            language.tag()
        );
    }
    out.push('\n');
    let body = String::from_utf8_lossy(&rendered.body);
    match rendered.shape {
        Shape::PassXml => out.push_str(&body),
        _ => pretty(&body, &mut out),
    }
    Some(out)
}

/// How a code travels over gRPC, when its catalog serves gRPC.
pub(crate) struct GrpcExample<'c> {
    /// The canonical gRPC code.
    pub(crate) code: GrpcCode,
    /// The `ErrorInfo` reason.
    pub(crate) reason: &'c str,
    /// The catalog's `grpc-domain`.
    pub(crate) domain: &'c str,
    /// The `google.rpc.Status` a server sends, in protobuf's JSON, pretty
    /// printed, as `errcodes_runtime::grpc::status` builds it with a sample
    /// trace id.
    pub(crate) status: String,
}

/// How `code` travels over gRPC, in `language`: the status's message
/// in the catalog's, and, for a catalog with translations, a
/// `LocalizedMessage` in `language`; `None` when its catalog does not
/// serve gRPC.
pub(crate) fn grpc_example<'c>(
    catalog: &'c CheckedCatalog,
    code: &'c CheckedCode,
    language: Language<'_>,
) -> Result<Option<GrpcExample<'c>>, String> {
    let (Some(domain), Some(grpc)) = (&catalog.grpc_domain, &code.grpc) else {
        return Ok(None);
    };
    let examples = ExampleFields::of(catalog, code);
    let values = Values {
        trace: Some(SAMPLE_TRACE),
        extra: &examples,
        ..Values::default()
    };
    let facts = catalog.code_facts(code);
    let rendered = render(WireFormat::Google, &facts, &values);
    let bare = GoogleBody::<()>::decode(&rendered.body)
        .ok()
        .and_then(|body| body.to_bare())
        .and_then(|body| body.encode().ok())
        .ok_or_else(|| format!("code `{}`: no gRPC status", code.code.value))?;
    let mut bare = String::from_utf8_lossy(&bare).into_owned();
    if !catalog.locales.translations.is_empty() {
        // As the runtime's gRPC boundary adds it, last: the message in the
        // language, else the title there when the status says the title.
        let said = values.message_for(&facts);
        let localized = language
            .message(code, &examples)
            .or_else(|| (said == code.title.value).then(|| language.title(code).to_owned()))
            .unwrap_or_else(|| said.into_owned());
        // Members in the order protobuf's JSON writes them.
        let detail = format!(
            r#"{{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":{},"message":{}}}"#,
            json!(language.tag()),
            json!(localized)
        );
        let body = bare
            .strip_suffix("]}")
            .ok_or_else(|| format!("code `{}`: a status without details", code.code.value))?;
        bare = format!("{body},{detail}]}}");
    }
    let mut status = String::new();
    pretty(&bare, &mut status);
    Ok(Some(GrpcExample {
        code: grpc.grpc_code.value,
        reason: &grpc.reason.value,
        domain: &domain.value,
        status,
    }))
}

/// Compact JSON laid out two spaces to a level, members in the order the
/// renderer wrote them; empty objects and lists stay as they are.
fn pretty(json: &str, out: &mut String) {
    let mut depth = 0usize;
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push(c);
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' if chars.peek().is_some_and(|&next| next == '}' || next == ']') => {
                out.push(c);
                out.extend(chars.next());
            }
            '{' | '[' => {
                out.push(c);
                depth += 1;
                newline(out, depth);
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
}

/// What a client does about `code`: the rule the Rust client's retry
/// advice follows, so that no reader is told otherwise.
pub(crate) fn guidance(code: &CheckedCode) -> Guidance {
    Guidance::new(code.action.value, code.outcome.value)
}

/// The guidance as the exports carry it: whether to send the request
/// again, and what to do, in words.
pub(crate) fn guidance_json(code: &CheckedCode) -> serde_json::Value {
    let guidance = guidance(code);
    json!({"resend": guidance.resend().as_str(), "text": guidance.to_string()})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_laid_out_in_its_own_order() {
        let mut out = String::new();
        pretty(r#"{"b":1,"a":{"x":[1,"y,\"]"]},"e":{},"l":[]}"#, &mut out);
        assert_eq!(
            out,
            "{\n  \"b\": 1,\n  \"a\": {\n    \"x\": [\n      1,\n      \"y,\\\"]\"\n    ]\n  },\n  \"e\": {},\n  \"l\": []\n}"
        );
    }
}
