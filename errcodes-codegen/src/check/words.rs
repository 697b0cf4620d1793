//! The words of the closed vocabularies as other tools and documents say
//! them, so that an unknown word is answered with ours: `reauthenticate`
//! is `authentication`, `rfc7807` is `problem`, `not_found` or `5` is
//! `NOT_FOUND`. Edit distance finds misspellings; these are not.

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

/// The word of `words` that `written` means when it is not one of them:
/// the same word in another case or with other separators, a synonym, or
/// a gRPC code's number.
pub(crate) fn said_elsewhere(written: &str, words: &[&'static str]) -> Option<&'static str> {
    let written_plain = plain(written);
    if let Some(word) = words.iter().find(|word| plain(word) == written_plain) {
        return Some(word);
    }
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

    use super::said_elsewhere;

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
            assert_eq!(said_elsewhere(written, words), meant, "{written}");
        }
    }
}
