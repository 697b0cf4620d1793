//! Round trips through each decoder and renderer, for property tests and
//! fuzzing: a decoder must take any input without panicking, and what it
//! decodes must encode back to something that decodes to the same value; a
//! renderer must never write a member twice, and what it writes must decode
//! to what the typed constructor builds.

use std::time::Duration;

use errcodes_runtime::Occurrence;
use errcodes_runtime::wire::{
    Json, Value, acp, edge, gateway, google::GoogleBody, pass, problem::Problem, render,
};
use errcodes_runtime::{ErrorCode, WireFormat};

use crate::{
    acp::AcpError, cloud::CloudError, edge::EdgeError, pass::PassError, platform::PlatformError,
};

/// Decodes `body` as `T`; when it decodes, its encoding must decode to it.
/// A field given twice is written once, with its first value: then the
/// encoding must decode to what encodes the same.
fn json<T: Json + PartialEq + std::fmt::Debug>(body: &[u8]) -> Option<T> {
    let decoded = T::decode(body).ok()?;
    let encoded = decoded.encode().expect("a decoded body encodes");
    no_repeated_members(&encoded);
    let again = T::decode(&encoded).expect("an encoded body decodes");
    if has_repeated_members(body) {
        let encoded_again = again.encode().expect("a decoded body encodes");
        assert_eq!(T::decode(&encoded_again).ok().as_ref(), Some(&again));
    } else {
        assert_eq!(again, decoded);
    }
    Some(decoded)
}

/// Problem details.
///
/// # Panics
///
/// When a decoded problem does not survive encoding.
#[must_use = "whether the decoder took the body"]
pub fn problem(body: &[u8]) -> bool {
    let decoded = json::<Problem<EdgeError>>(body);
    // Extension members are kept as text and read when asked for: what was
    // taken must be what serde_json reads in the body.
    if let Some(problem) = &decoded {
        let text = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let value: Value = serde_json::from_slice(text).expect("a decoded body is JSON");
        if problem.repeated_fields().is_empty() {
            assert_eq!(problem.members(), &unmodelled(&value), "{value}");
        }
    }
    decoded
        .map(|problem| (problem.code(), problem.action()))
        .is_some()
}

/// The members of a problem detail that it does not model: every member
/// but the standard ones of the type the RFC gives them.
///
/// # Panics
///
/// When `problem` is not an object.
#[must_use]
pub fn unmodelled(problem: &Value) -> serde_json::Map<String, Value> {
    let members = problem.as_object().expect("a problem detail is an object");
    members
        .iter()
        .filter(|(name, value)| match name.as_str() {
            "type" | "title" | "detail" | "instance" => !value.is_string(),
            "status" => value.as_u64().is_none_or(|n| u16::try_from(n).is_err()),
            _ => true,
        })
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

/// Edge Network responses, fatal and completed.
///
/// # Panics
///
/// When a decoded response does not survive encoding.
#[must_use = "whether the decoder took the body"]
pub fn edge(body: &[u8]) -> bool {
    let completed = json::<edge::EdgeBody<EdgeError>>(body)
        .inspect(|body| assert_eq!(body.is_partial(), !body.error_items().is_empty()));
    completed.is_some()
}

/// ACP envelopes.
///
/// # Panics
///
/// When a decoded envelope does not survive encoding.
#[must_use = "whether the decoder took the body"]
pub fn acp(body: &[u8]) -> bool {
    let envelope = json::<acp::Envelope<AcpError>>(body);
    if let Some(error) = envelope.as_ref().and_then(acp::Envelope::error) {
        let _ = (error.code(), error.action(), error.retry_after());
    }
    envelope.is_some()
}

/// Adobe Pass bodies in JSON.
///
/// # Panics
///
/// When a decoded body does not survive encoding.
#[must_use = "whether the decoder took the body"]
pub fn pass_json(body: &[u8]) -> bool {
    json::<pass::PassBody<PassError>>(body)
        .map(|body| body.items_to_retry().count())
        .is_some()
}

/// Adobe Pass error objects in XML.
///
/// # Panics
///
/// When a decoded object does not survive encoding.
#[must_use = "whether the decoder took the body"]
pub fn pass_xml(body: &[u8]) -> bool {
    let Ok(object) = pass::ErrorObject::<PassError>::decode_xml(body) else {
        return false;
    };
    assert_eq!(
        pass::ErrorObject::<PassError>::decode_xml(&object.encode_xml()).ok(),
        Some(object.clone())
    );
    let _ = (object.code(), object.action());
    true
}

/// Experience Platform gateway bodies.
///
/// # Panics
///
/// When a decoded body does not survive encoding.
#[must_use = "whether the decoder took the body"]
pub fn gateway(body: &[u8]) -> bool {
    json::<gateway::GatewayBody<PlatformError>>(body)
        .map(|body| (body.code(), body.status(), body.action()))
        .is_some()
}

/// Google error bodies: besides surviving encoding, an encoded body
/// encodes again to the same bytes, since details keep their order.
///
/// # Panics
///
/// When a decoded body does not survive encoding.
#[must_use = "whether the decoder took the body"]
pub fn google(body: &[u8]) -> bool {
    let Some(decoded) = json::<GoogleBody<CloudError>>(body) else {
        return false;
    };
    let encoded = decoded.encode().expect("a decoded body encodes");
    let again = GoogleBody::<CloudError>::decode(&encoded).expect("an encoded body decodes");
    assert_eq!(again.encode().expect("encodes"), encoded);
    if let Some(error) = decoded.error() {
        let _ = (
            error.code(),
            error.action_at(500),
            error.grpc_code(),
            error.http_status(),
            error.retry_delay(),
            error.help_links(),
            error.request_id(),
            error.localized_message(),
        );
    }
    true
}

/// Every decoder; how many of them took the body.
///
/// # Panics
///
/// As each of them.
#[must_use = "how many decoders took the body"]
pub fn all(body: &[u8]) -> usize {
    [problem, edge, acp, pass_json, pass_xml, gateway, google]
        .iter()
        .filter(|decode| decode(body))
        .count()
}

/// What a fuzzer or a property test fills in to render.
#[derive(Clone, Debug, Default)]
pub struct Rendering {
    /// Which code, as an index into each catalog.
    pub code: usize,
    /// The occurrence's fields.
    pub status: Option<u16>,
    /// `Occurrence::message`.
    pub message: Option<String>,
    /// `Occurrence::detail`.
    pub detail: Option<String>,
    /// `Occurrence::instance`.
    pub instance: Option<String>,
    /// `Occurrence::trace`.
    pub trace: Option<String>,
    /// `Occurrence::help_url`.
    pub help_url: Option<String>,
    /// `Occurrence::context`.
    pub context: Option<Value>,
    /// `Occurrence::retry_after`, in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// `Occurrence::members`, often named like the formats' own.
    pub members: Vec<(String, Value)>,
}

impl Rendering {
    /// The occurrence it describes.
    #[must_use]
    pub fn occurrence(&self) -> Occurrence {
        let mut occurrence = Occurrence {
            status: self.status.filter(|status| (100..=599).contains(status)),
            message: self.message.clone(),
            detail: self.detail.clone(),
            instance: self.instance.clone(),
            trace: self.trace.clone(),
            help_url: self.help_url.clone(),
            context: self.context.clone(),
            retry_after: self.retry_after_ms.map(Duration::from_millis),
            ..Occurrence::default()
        };
        for (name, value) in &self.members {
            occurrence = occurrence.member(name.clone(), value.clone());
        }
        occurrence
    }
}

/// Renders a code of every catalog with the occurrence, in every format:
/// no body repeats a member name, the status and the `Retry-After` delay
/// are those of the occurrence or the code, and the typed constructor of
/// each format builds exactly what decoding the rendered body gives.
///
/// # Panics
///
/// When a promise is broken.
pub fn render_all(rendering: &Rendering) {
    let occurrence = rendering.occurrence();
    let at = rendering.code;
    check_render(
        pick::<EdgeError>(at, WireFormat::Edge),
        &occurrence,
        Problem::new,
    );
    check_render(
        pick::<crate::privacy::PrivacyError>(at, WireFormat::Problem),
        &occurrence,
        Problem::new,
    );
    check_render(
        pick::<PlatformError>(at, WireFormat::Problem),
        &occurrence,
        Problem::new,
    );
    check_render(
        pick::<PlatformError>(at, WireFormat::Gateway),
        &occurrence,
        gateway::GatewayBody::new,
    );
    check_render(
        pick::<AcpError>(at, WireFormat::Acp),
        &occurrence,
        acp::Envelope::new,
    );
    check_render(
        pick::<CloudError>(at, WireFormat::Google),
        &occurrence,
        GoogleBody::new,
    );
    google_metadata(pick::<CloudError>(at, WireFormat::Google), &occurrence);
    check_render(
        pick::<PassError>(at, WireFormat::Pass),
        &occurrence,
        |code, o| pass::PassBody::error_of(pass::ErrorObject::new(code, o)),
    );
    // In XML too, except for the JSON members, which XML has no room for.
    let code = pick::<PassError>(at, WireFormat::Pass);
    let object = pass::ErrorObject::new(code, &occurrence);
    let xml =
        pass::ErrorObject::<PassError>::decode_xml(&object.encode_xml()).expect("XML decodes");
    let fields = |o: &pass::ErrorObject<PassError>| {
        (
            o.status(),
            o.code(),
            o.message().map(str::to_owned),
            o.details().map(str::to_owned),
        )
    };
    assert_eq!(fields(&xml), fields(&object));
    assert_eq!(
        (xml.help_url(), xml.trace(), xml.action()),
        (object.help_url(), object.trace(), object.action())
    );
    assert!(xml.members().is_empty());
    for format in WireFormat::ALL {
        let rendered = render(code, &occurrence, *format);
        if !rendered.content_type.ends_with("xml") {
            no_repeated_members(&rendered.body);
        }
        let delay = occurrence.retry_after.or_else(|| {
            (code.action() == errcodes_runtime::Action::RetryAfter)
                .then_some(errcodes_runtime::wire::DEFAULT_RETRY_AFTER)
        });
        assert_eq!(rendered.retry_after, delay);
        if let Some(delay) = delay {
            // Rounded up: never a zero for a delay that is not zero.
            assert_eq!(rendered.retry_after_secs() == Some(0), delay.is_zero());
        }
    }
}

/// Every member of the occurrence is in the `ErrorInfo` metadata, under a
/// key that follows AIP-193's rule, and the rendered body is, byte for
/// byte, what the typed constructor encodes.
fn google_metadata(code: CloudError, occurrence: &Occurrence) {
    let built = GoogleBody::new(code, occurrence);
    let rendered = render(code, occurrence, WireFormat::Google);
    assert_eq!(rendered.body, built.encode().expect("encodes"));
    let info = built
        .error()
        .and_then(errcodes_runtime::wire::google::GoogleError::error_info)
        .expect("an ErrorInfo");
    assert_eq!(info.metadata.len(), occurrence.members.len());
    for (key, _) in &info.metadata {
        let follows = (2..=64).contains(&key.len())
            && key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        assert!(follows, "{key:?}");
    }
}

/// The code at `index` among the catalog's codes in `format`, wrapping
/// around.
fn pick<E: ErrorCode>(index: usize, format: WireFormat) -> E {
    let codes: Vec<E> = E::ALL
        .iter()
        .copied()
        .filter(|code| code.wire_format() == format)
        .collect();
    codes[index % codes.len()]
}

/// The constructor's value, rendered and decoded, is the constructor's
/// value, and rendering writes the same bytes as encoding it.
fn check_render<E, T>(code: E, occurrence: &Occurrence, new: impl Fn(E, &Occurrence) -> T)
where
    E: ErrorCode,
    T: Json + PartialEq + std::fmt::Debug,
{
    let built = new(code, occurrence);
    let encoded = built.encode().expect("encodes");
    no_repeated_members(&encoded);
    assert_eq!(T::decode(&encoded).ok().as_ref(), Some(&built));
    let rendered = render(code, occurrence, code.wire_format());
    // An Edge code that is not fatal is rendered in a 207 body.
    if code.severity() == errcodes_runtime::Severity::Fatal
        || code.wire_format() != WireFormat::Edge
    {
        assert_eq!(
            serde_json::from_slice::<Value>(&rendered.body).ok(),
            serde_json::from_slice::<Value>(&encoded).ok(),
            "{code:?}"
        );
    }
}

/// Panics when a JSON object in `body`, at any depth, names a member twice.
///
/// # Panics
///
/// As said.
pub fn no_repeated_members(body: &[u8]) {
    assert!(
        !has_repeated_members(body),
        "the body is JSON without repeated member names: {}",
        String::from_utf8_lossy(body)
    );
}

/// Whether `body` is JSON that gives a member name twice in an object.
#[must_use]
pub fn has_repeated_members(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde::de::Deserializer::deserialize_any(&mut deserializer, UniqueKeys).is_err()
        && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok()
}

/// A visitor that walks JSON and fails on a repeated member name.
struct UniqueKeys;

impl<'de> serde::de::Visitor<'de> for UniqueKeys {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(UniqueKeysSeed)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!(
                    "`{key}` is written twice"
                )));
            }
            map.next_value_seed(UniqueKeysSeed)?;
        }
        Ok(())
    }
}

struct UniqueKeysSeed;

impl<'de> serde::de::DeserializeSeed<'de> for UniqueKeysSeed {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(UniqueKeys)
    }
}
