//! Keys and words as other tools and documents say them, so that an
//! unknown one is answered with ours: `http_status` is `status`,
//! `errors` is `codes`, `reauthenticate` is `authentication`, `rfc7807`
//! is `problem`, `not_found` or `5` is `NOT_FOUND`. Edit distance finds
//! misspellings; these are not.

use errcodes_core::GrpcCode;

/// Words of other vocabularies and the one of ours each means, written
/// in lower case with `-` between words. A word may appear for several
/// of our vocabularies: the first whose vocabulary is asked for answers.
const SYNONYMS: &[(&str, &str)] = &[
    // action
    ("reauthenticate", "authentication"),
    ("re-authenticate", "authentication"),
    ("reauth", "authentication"),
    ("authenticate", "authentication"),
    ("login", "authentication"),
    ("log-in", "authentication"),
    ("sign-in", "authentication"),
    ("refresh-token", "authentication"),
    ("authorize", "authorization"),
    ("permission", "authorization"),
    ("request-access", "authorization"),
    ("config", "configuration"),
    ("fix-config", "configuration"),
    ("fix-configuration", "configuration"),
    ("reconfigure", "configuration"),
    ("register", "application-registration"),
    ("registration", "application-registration"),
    ("re-register", "application-registration"),
    ("degrade", "degradation"),
    ("fallback", "degradation"),
    ("retry-later", "retry-after"),
    ("retry-with-delay", "retry-after"),
    ("retry-after-delay", "retry-after"),
    ("backoff", "retry-after"),
    ("wait", "retry-after"),
    ("throttle", "retry-after"),
    ("retry-now", "retry"),
    ("retry-immediately", "retry"),
    ("retryable", "retry"),
    ("ignore", "none"),
    ("nothing", "none"),
    ("no-action", "none"),
    ("noop", "none"),
    // severity
    ("error", "fatal"),
    ("critical", "fatal"),
    ("warn", "warning"),
    ("information", "info"),
    ("notice", "info"),
    ("recoverable", "non-fatal"),
    // outcome
    ("error", "failure"),
    ("failed", "failure"),
    ("fail", "failure"),
    ("ok", "success"),
    ("succeeded", "success"),
    ("partial-success", "partial"),
    ("skipped", "not-applicable"),
    ("n/a", "not-applicable"),
    // origin
    ("server", "internal"),
    ("service", "internal"),
    ("client", "external"),
    ("caller", "external"),
    ("upstream", "external"),
    ("dependency", "external"),
    ("third-party", "external"),
    // wire format
    ("rfc7807", "problem"),
    ("rfc-7807", "problem"),
    ("rfc9457", "problem"),
    ("rfc-9457", "problem"),
    ("problem-details", "problem"),
    ("problem+json", "problem"),
    ("application/problem+json", "problem"),
    ("grpc", "google"),
    ("aip-193", "google"),
    ("aip193", "google"),
    ("google-rpc", "google"),
    ("google.rpc.status", "google"),
];

/// The word of `words` that `written` is in another case or with other
/// separators: `Retry_After`, `not_found`.
pub(crate) fn spelled_otherwise(written: &str, words: &[&'static str]) -> Option<&'static str> {
    let written = plain(written);
    words.iter().find(|word| plain(word) == written).copied()
}

/// The word of `words` that `written`, a word of another vocabulary,
/// means: a synonym, or a gRPC code's number.
pub(crate) fn said_elsewhere(written: &str, words: &[&'static str]) -> Option<&'static str> {
    let written_plain = plain(written);
    if let Some((_, word)) = SYNONYMS
        .iter()
        .find(|(synonym, word)| *synonym == written_plain && words.contains(word))
    {
        return words.iter().find(|known| *known == word).copied();
    }
    let number = written.trim().parse().ok()?;
    let code = GrpcCode::from_number(number)?.as_str();
    words.contains(&code).then_some(code)
}

/// Keys of other catalogs and the one of ours each means, in lower case
/// without separators, with what to write when the key alone does not say
/// it. Only a key allowed where the unknown one is written is offered.
const KEYS: &[(&str, &str, Option<&str>)] = &[
    ("errors", "codes", None),
    ("errorcodes", "codes", None),
    ("enum", "name", None),
    ("enumname", "name", None),
    ("format", "wire-format", None),
    ("wireformat", "wire-format", None),
    ("typeuri", "problem-type", None),
    ("docsurl", "help-url", None),
    ("docurl", "help-url", None),
    ("documentation", "help-url", None),
    ("helpurl", "help-url", None),
    ("language", "default-locale", None),
    ("lang", "default-locale", None),
    ("languages", "locales", None),
    ("translations", "locales", None),
    ("id", "code", None),
    ("errorcode", "code", None),
    ("http", "status", None),
    ("httpstatus", "status", None),
    ("httpcode", "status", None),
    ("statuscode", "status", None),
    ("httpstatuscode", "status", None),
    ("summary", "title", None),
    ("label", "title", None),
    ("msg", "message", None),
    ("desc", "description", None),
    ("details", "description", None),
    ("explanation", "description", None),
    ("solution", "resolution", None),
    ("fix", "resolution", None),
    ("remedy", "resolution", None),
    ("remediation", "resolution", None),
    ("mitigation", "resolution", None),
    ("category", "domain", None),
    ("group", "domain", None),
    ("level", "severity", None),
    ("priority", "severity", None),
    ("retry", "action", Some("`action: retry`")),
    ("retryable", "action", Some("`action: retry`")),
    ("retriable", "action", Some("`action: retry`")),
    (
        "retryafter",
        "action",
        Some("`action: retry-after`, which waits for the delay the response gives"),
    ),
    ("recovery", "action", None),
    ("clientaction", "action", None),
    ("obsolete", "deprecated", None),
    ("replacement", "replaced-by", None),
    ("supersededby", "replaced-by", None),
    ("grpc", "grpc-code", None),
    ("grpcstatus", "grpc-code", None),
    (
        "required",
        "optional",
        Some("`optional: true` on a field an occurrence may leave out; the others are required"),
    ),
    ("nullable", "optional", Some("`optional: true`")),
    ("params", "fields", None),
    ("parameters", "fields", None),
    ("arguments", "fields", None),
    ("metadata", "fields", None),
];

/// What to suggest for the unknown key `written` where `allowed` are the
/// keys: ours for a key of other catalogs, with what to write when the key
/// alone does not say it.
pub(crate) fn key_said_elsewhere(written: &str, allowed: &[&'static str]) -> Option<String> {
    let bare: String = written
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let (_, key, example) = KEYS
        .iter()
        .find(|(other, key, _)| *other == bare && allowed.contains(key))?;
    Some(match example {
        Some(example) => format!("did you mean `{key}`? write {example}"),
        None => format!("did you mean `{key}`?"),
    })
}

/// `word` in lower case, with `-` for `_` and spaces.
fn plain(word: &str) -> String {
    word.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use errcodes_core::{Action, GrpcCode, Outcome, Severity, WireFormat};

    use super::{key_said_elsewhere, said_elsewhere, spelled_otherwise};

    #[test]
    fn words_from_elsewhere_are_answered_with_ours() {
        let cases: [(&str, &[&'static str], Option<&str>); 12] = [
            ("reauthenticate", Action::SPELLINGS, Some("authentication")),
            ("Retry_After", Action::SPELLINGS, Some("retry-after")),
            ("backoff", Action::SPELLINGS, Some("retry-after")),
            ("error", Severity::SPELLINGS, Some("fatal")),
            ("error", Outcome::SPELLINGS, Some("failure")),
            ("error", Action::SPELLINGS, None),
            ("RFC 7807", WireFormat::SPELLINGS, Some("problem")),
            ("soap", WireFormat::SPELLINGS, None),
            ("rfc7807", WireFormat::SPELLINGS, Some("problem")),
            ("not_found", GrpcCode::SPELLINGS, Some("NOT_FOUND")),
            ("5", GrpcCode::SPELLINGS, Some("NOT_FOUND")),
            ("5", Action::SPELLINGS, None),
        ];
        for (written, words, meant) in cases {
            let read = spelled_otherwise(written, words).or(said_elsewhere(written, words));
            assert_eq!(read, meant, "{written}");
        }
    }

    #[test]
    fn keys_from_elsewhere_are_answered_with_ours_where_allowed() {
        let entry = ["code", "status", "title", "action"];
        assert_eq!(
            key_said_elsewhere("http_status", &entry).as_deref(),
            Some("did you mean `status`?")
        );
        assert_eq!(
            key_said_elsewhere("retryAfter", &entry).as_deref(),
            Some(
                "did you mean `action`? write `action: retry-after`, which waits for the delay the response gives"
            )
        );
        // `errors` is `codes` at the top, where `codes` is allowed.
        assert_eq!(key_said_elsewhere("errors", &entry), None);
        assert_eq!(
            key_said_elsewhere("errors", &["name", "codes"]).as_deref(),
            Some("did you mean `codes`?")
        );
        assert_eq!(key_said_elsewhere("colour", &entry), None);
        assert_eq!(
            key_said_elsewhere("required", &["type", "optional"]).as_deref(),
            Some(
                "did you mean `optional`? write `optional: true` on a field an occurrence may leave out; the others are required"
            )
        );
    }
}
