//! Google's JSON error model (AIP-193): a `google.rpc.Status` over HTTP,
//! `{"error": {"code": 429, "message": "…", "status": "RESOURCE_EXHAUSTED",
//! "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", …}, …]}}`.
//! The same status, as [`StatusParts`], is what a gRPC server sends, so
//! that the two cannot disagree.
//!
//! A rendered error carries what the occurrence gives, where the model has
//! room: `ErrorInfo` always, its `metadata` from the occurrence's members;
//! `RetryInfo` when a delay is known or the code's action asks for one;
//! `Help` with the help URL; `RequestInfo` with the trace id. The message
//! is the occurrence's `detail`, else its `message`, else the code's title.

use alloc::borrow::Cow;
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::time::Duration;

use super::json::{Object, escape};
use super::{
    FieldValues, JsonValue, Values, each_field, for_each_spec, has_field, write_field_text,
    write_metadata_value,
};
use crate::GrpcCode;
use crate::facts::{CodeFacts, Filled};

/// The type URLs of the standard details, as `Any` names them.
pub mod types {
    /// `google.rpc.ErrorInfo`: the reason, its domain, and metadata.
    pub const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
    /// `google.rpc.RetryInfo`: how long to wait.
    pub const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
    /// `google.rpc.Help`: links to read.
    pub const HELP: &str = "type.googleapis.com/google.rpc.Help";
    /// `google.rpc.RequestInfo`: the id of the request, to quote to support.
    pub const REQUEST_INFO: &str = "type.googleapis.com/google.rpc.RequestInfo";
    /// `google.rpc.LocalizedMessage`: a message in a given locale.
    pub const LOCALIZED_MESSAGE: &str = "type.googleapis.com/google.rpc.LocalizedMessage";
}

/// `error`: the status, in the wrapped form.
pub const ERROR: &str = "error";
/// `code`: the HTTP status, or in the bare form the gRPC number.
pub const CODE: &str = "code";
/// `message`.
pub const MESSAGE: &str = "message";
/// `status`: the canonical gRPC code's name.
pub const STATUS: &str = "status";
/// `details`: the status's details, each an `Any`.
pub const DETAILS: &str = "details";
/// `@type`: a detail's type URL.
pub const TYPE: &str = "@type";
/// `reason`, in `ErrorInfo`.
pub const REASON: &str = "reason";
/// `domain`, in `ErrorInfo`.
pub const DOMAIN: &str = "domain";
/// `metadata`, in `ErrorInfo`.
pub const METADATA: &str = "metadata";
/// `retryDelay`, in `RetryInfo`.
pub const RETRY_DELAY: &str = "retryDelay";
/// `links`, in `Help`.
pub const LINKS: &str = "links";
/// `description`, in a `Help` link.
pub const DESCRIPTION: &str = "description";
/// `url`, in a `Help` link.
pub const URL: &str = "url";
/// `requestId`, in `RequestInfo`.
pub const REQUEST_ID: &str = "requestId";
/// `locale`, in `LocalizedMessage`.
pub const LOCALE: &str = "locale";

/// What a Google status says of a code, whether it travels over HTTP or
/// gRPC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusParts<'a> {
    /// The canonical gRPC code.
    pub grpc_code: GrpcCode,
    /// The message.
    pub message: Cow<'a, str>,
    /// The `ErrorInfo`'s reason.
    pub reason: &'a str,
    /// The `ErrorInfo`'s domain: the catalog's gRPC domain.
    pub grpc_domain: &'a str,
    /// The `ErrorInfo`'s metadata, keys following AIP-193's rule.
    pub metadata: Vec<(String, String)>,
    /// The `RetryInfo`'s delay.
    pub retry_delay: Option<Duration>,
    /// The help link's description and URL.
    pub help: Option<(&'a str, Cow<'a, str>)>,
    /// The `RequestInfo`'s request id.
    pub request_id: Option<&'a str>,
}

impl<'a> StatusParts<'a> {
    /// The parts of `facts` with `values`. A catalog without `grpc-domain`
    /// (whose code is sent this way only when a format is chosen at run
    /// time) gives the code as reason, no domain, and the gRPC code
    /// nearest its status.
    #[must_use]
    pub fn of(facts: &CodeFacts<'a>, values: &Values<'a>) -> Self {
        let help = values
            .help_url
            .map(Cow::Borrowed)
            .or_else(|| facts.help_url());
        StatusParts {
            help: help.map(|url| (facts.title, url)),
            ..Self::without_help(facts, values)
        }
    }

    /// The parts but the help link, which a body writes without building.
    fn without_help(facts: &CodeFacts<'a>, values: &Values<'a>) -> Self {
        let (grpc_code, reason, grpc_domain) = route(facts, values);
        StatusParts {
            grpc_code,
            message: match values.detail.or(values.message) {
                Some(message) => Cow::Borrowed(message),
                None => values
                    .templated(facts)
                    .unwrap_or(Cow::Borrowed(facts.title)),
            },
            reason,
            grpc_domain,
            metadata: metadata(values),
            retry_delay: values.delay_for(facts.action),
            help: None,
            request_id: values.trace,
        }
    }
}

/// The gRPC code, the reason and the domain of `facts` with `values`.
fn route<'a>(facts: &CodeFacts<'a>, values: &Values<'_>) -> (GrpcCode, &'a str, &'a str) {
    let status = values.status.unwrap_or(facts.status);
    match facts.grpc {
        Some(grpc) => (grpc.grpc_code, grpc.reason, grpc.grpc_domain),
        None => (GrpcCode::nearest(status), facts.code, ""),
    }
}

/// What a body's details say, the help link aside.
struct Details<'a> {
    reason: &'a str,
    grpc_domain: &'a str,
    metadata: Metadata<'a>,
    retry_delay: Option<Duration>,
    request_id: Option<&'a str>,
}

/// An `ErrorInfo`'s metadata: as [`metadata`] builds it, or, for typed
/// fields alone, the fields, written in place.
enum Metadata<'a> {
    Pairs(Vec<(String, String)>),
    Fields(&'a dyn FieldValues),
}

/// The body of a code with `values`, in the wrapped form.
#[must_use]
pub fn body(facts: &CodeFacts<'_>, values: &Values<'_>) -> Vec<u8> {
    let (grpc_code, reason, grpc_domain) = route(facts, values);
    let mut any_member = false;
    values.extra.members(&mut |_, _| any_member = true);
    let metadata = match values.extra.fields() {
        // Typed fields alone: their keys are the catalog's, checked unique.
        Some(fields) if !any_member => Metadata::Fields(fields),
        _ => Metadata::Pairs(metadata(values)),
    };
    let parts = Details {
        reason,
        grpc_domain,
        metadata,
        retry_delay: values.delay_for(facts.action),
        request_id: values.trace,
    };
    let help = match values.help_url {
        Some(url) => Some(Filled::literal(url)),
        None => facts.help_url.map(|url| Filled::new(url, facts.code)),
    };
    let status = values.status.unwrap_or(facts.status);
    let own = values.detail.or(values.message);
    // The model's own names and type URLs take about 400 bytes; room for
    // them and the values, so that the body is written without growing.
    let values_len = own.map_or(facts.title.len() + facts.message.len(), str::len)
        + reason.len()
        + grpc_domain.len()
        + help.map_or(0, |url| facts.title.len() + url.len())
        + parts.request_id.map_or(0, str::len)
        + match &parts.metadata {
            Metadata::Pairs(pairs) => pairs
                .iter()
                .map(|(key, value)| key.len() + value.len() + 8)
                .sum::<usize>(),
            Metadata::Fields(_) => 128,
        };
    let mut out = Vec::with_capacity(448 + values_len);
    let mut body = Object::new(&mut out);
    body.raw(ERROR, |out| {
        let mut error = Object::new(out);
        error.number(CODE, Some(u64::from(status)));
        error.raw(MESSAGE, |out| values.write_json_message(own, facts, out));
        error.constant(STATUS, grpc_code.as_str());
        error.raw(DETAILS, |out| {
            details(&parts, help.map(|url| (facts.title, url)), out);
        });
        error.end(&());
    });
    body.end(&());
    out
}

/// The details of `parts`, and a `Help` detail with `help`'s description
/// and URL, as a JSON list.
fn details(parts: &Details<'_>, help: Option<(&str, Filled<'_>)>, out: &mut Vec<u8>) {
    out.push(b'[');
    let mut info = Object::new(out);
    info.constant(TYPE, types::ERROR_INFO);
    info.text(REASON, Some(parts.reason));
    // A catalog without `grpc-domain` has none, and protobuf's JSON leaves
    // an empty string out.
    info.text(
        DOMAIN,
        Some(parts.grpc_domain).filter(|domain| !domain.is_empty()),
    );
    match &parts.metadata {
        // Protobuf's JSON leaves an empty map out.
        Metadata::Pairs(pairs) if pairs.is_empty() => {}
        Metadata::Pairs(pairs) => info.raw(METADATA, |out| {
            let mut metadata = Object::new(out);
            for (key, value) in pairs {
                metadata.raw_named(key, |out| escape(value, out));
            }
            metadata.end(&());
        }),
        Metadata::Fields(fields) => {
            info.raw_if(METADATA, |out| {
                let mut metadata = Object::new(out);
                for_each_spec(*fields, &mut |position, spec| {
                    metadata.field(spec.key, |out| {
                        out.push(b'"');
                        let written = if spec.ty.is_text() {
                            fields.write_text_escaped(position, out)
                        } else {
                            fields.write_json_escaped(position, out)
                        };
                        out.push(b'"');
                        written
                    });
                });
                metadata.end(&());
                // Protobuf's JSON leaves an empty map out.
                !out.ends_with(b"{}")
            });
        }
    }
    info.end(&());
    if let Some(delay) = parts.retry_delay {
        out.push(b',');
        let mut retry = Object::new(out);
        retry.constant(TYPE, types::RETRY_INFO);
        retry.raw(RETRY_DELAY, |out| {
            out.push(b'"');
            write_duration(delay, out);
            out.push(b'"');
        });
        retry.end(&());
    }
    if let Some((description, url)) = help {
        out.push(b',');
        let mut help = Object::new(out);
        help.constant(TYPE, types::HELP);
        help.raw(LINKS, |out| {
            out.push(b'[');
            let mut link = Object::new(out);
            link.text(DESCRIPTION, Some(description));
            link.filled(URL, url);
            link.end(&());
            out.push(b']');
        });
        help.end(&());
    }
    if let Some(id) = parts.request_id {
        out.push(b',');
        let mut request = Object::new(out);
        request.constant(TYPE, types::REQUEST_INFO);
        request.text(REQUEST_ID, Some(id));
        request.end(&());
    }
    out.push(b']');
}

/// The longest metadata key AIP-193 allows.
const MAX_KEY: usize = 64;

/// The occurrence's typed fields and members as `ErrorInfo` metadata:
/// strings as they are, other values as JSON text. A field's key is its
/// name in lowerCamelCase, which the catalog checks. A member's key follows
/// AIP-193's rule, `[a-z][a-zA-Z0-9-_]+` and at most 64 characters; a key
/// that does not is written in lowerCamelCase from its ASCII letters and
/// digits (`X-Request-Id` becomes `xRequestId`), after `key` if it would
/// not start with a letter or would be shorter than two characters, and
/// numbered when that makes it a field's or another member's key. A member
/// named like a field is left out, as in every format.
#[must_use]
pub fn metadata(values: &Values<'_>) -> Vec<(String, String)> {
    let text = |value: &dyn JsonValue| {
        let mut text = Vec::new();
        write_metadata_value(value, &mut text);
        String::from_utf8(text).unwrap_or_default()
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    let fields = values.extra.fields();
    if let Some(given) = fields {
        pairs.reserve(given.prepared().map_or_else(
            || crate::fields::decode_fields(given.specs()).count(),
            |prepared| prepared.specs().len(),
        ));
        each_field(given, &mut |spec, value| {
            let mut text = Vec::new();
            write_field_text(spec.ty, value, &mut text);
            pairs.push((
                spec.key.to_string(),
                String::from_utf8(text).unwrap_or_default(),
            ));
        });
    }
    let mut any_member = false;
    values.extra.members(&mut |_, _| any_member = true);
    if !any_member {
        // Typed fields alone: their keys are the catalog's, checked unique.
        return pairs;
    }
    let field_keys: Vec<String> = pairs.iter().map(|(key, _)| key.clone()).collect();
    let mut members: Vec<(String, String)> = Vec::new();
    values.extra.members(&mut |name, value| {
        if !has_field(fields, name) {
            members.push((name.to_string(), text(value)));
        }
    });
    let is_field_key = |key: &str| field_keys.iter().any(|field| field == key);
    // Keys that follow the rule keep it; the others make room.
    let mut taken: BTreeSet<String> = field_keys
        .iter()
        .cloned()
        .chain(
            members
                .iter()
                .filter(|(key, _)| metadata_key(key) == *key && !is_field_key(key))
                .map(|(key, _)| key.clone()),
        )
        .collect();
    for (key, value) in members {
        let base = metadata_key(&key);
        if base == key && !is_field_key(&key) {
            pairs.push((base, value));
            continue;
        }
        let mut key = base.clone();
        let mut n = 2;
        while taken.contains(&key) {
            let suffix = n.to_string();
            key = format!(
                "{}{suffix}",
                &base[..base.len().min(MAX_KEY - suffix.len())]
            );
            n += 1;
        }
        taken.insert(key.clone());
        pairs.push((key, value));
    }
    pairs
}

/// `key`, following the metadata key rule.
#[must_use]
pub fn metadata_key(key: &str) -> String {
    let follows = key.len() >= 2
        && key.len() <= MAX_KEY
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if follows {
        return key.to_string();
    }
    let mut camel = String::with_capacity(key.len());
    for word in key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if camel.is_empty() {
                camel.push(first.to_ascii_lowercase());
            } else {
                camel.push(first.to_ascii_uppercase());
            }
            camel.extend(chars);
        }
    }
    if camel.len() < 2 || !camel.starts_with(|c: char| c.is_ascii_lowercase()) {
        let mut chars = camel.chars();
        let rest: String = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(chars)
            .collect();
        camel = format!("key{rest}");
    }
    camel.truncate(MAX_KEY);
    camel
}

/// A duration as protobuf's JSON writes it: seconds, with 3, 6 or 9
/// fractional digits when it has a fraction, then `s`.
///
/// ```
/// use std::time::Duration;
/// use errcodes_core::render::google::{format_duration, parse_duration};
///
/// assert_eq!(format_duration(Duration::from_millis(1500)), "1.500s");
/// assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
/// ```
#[must_use]
pub fn format_duration(delay: Duration) -> String {
    let mut out = Vec::with_capacity(24);
    write_duration(delay, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends `delay` as [`format_duration`] writes it, without `fmt`.
pub fn write_duration(delay: Duration, out: &mut Vec<u8>) {
    let (secs, nanos) = (delay.as_secs(), delay.subsec_nanos());
    super::json::number(secs, out);
    let (mut fraction, digits) = match nanos {
        0 => (0, 0),
        n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
        n if n % 1_000 == 0 => (n / 1_000, 6),
        n => (n, 9),
    };
    if digits > 0 {
        let mut text = [b'0'; 9];
        for digit in text[..digits].iter_mut().rev() {
            // `fraction % 10` is below ten.
            *digit = b'0' + u8::try_from(fraction % 10).unwrap_or(0);
            fraction /= 10;
        }
        out.push(b'.');
        out.extend_from_slice(&text[..digits]);
    }
    out.push(b's');
}

/// A duration in protobuf's JSON form; `None` for a negative or malformed
/// one.
#[must_use]
pub fn parse_duration(text: &str) -> Option<Duration> {
    let number = text.strip_suffix('s')?;
    let (secs, fraction) = match number.split_once('.') {
        // A dot needs digits after it.
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (number, ""),
    };
    if secs.is_empty() || !secs.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let nanos = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<9}").parse().ok()?
    };
    Some(Duration::new(secs.parse().ok()?, nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_back_as_written() {
        for (delay, text) in [
            (Duration::from_secs(30), "30s"),
            (Duration::from_millis(1500), "1.500s"),
            (Duration::from_micros(2), "0.000002s"),
            (Duration::from_nanos(1), "0.000000001s"),
            (Duration::ZERO, "0s"),
            (Duration::from_millis(45_010), "45.010s"),
            (Duration::from_micros(1_000_100), "1.000100s"),
            (
                Duration::new(u64::MAX, 999_999_999),
                "18446744073709551615.999999999s",
            ),
        ] {
            assert_eq!(format_duration(delay), text);
            assert_eq!(parse_duration(text), Some(delay));
        }
        assert_eq!(parse_duration("1.5s"), Some(Duration::from_millis(1500)));
        for bad in [
            "",
            "s",
            "-1s",
            "1",
            "1.s",
            "1.s5",
            "1.0000000001s",
            "+1s",
            "1e3s",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn metadata_keys_follow_the_rule() {
        for (key, expected) in [
            ("zone", "zone"),
            ("vm_type", "vm_type"),
            ("X-Request-Id", "xRequestId"),
            ("retry after", "retryAfter"),
            ("123", "key123"),
            ("x", "keyX"),
            ("", "key"),
            ("é", "key"),
        ] {
            assert_eq!(metadata_key(key), expected, "{key}");
        }
        assert_eq!(metadata_key(&"a".repeat(100)).len(), 64);
    }
}
