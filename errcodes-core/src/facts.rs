//! What a renderer needs to know about a code: its own facts and its
//! catalog's settings for bodies. Generated code fills them from its
//! tables, the code generator and tools from the checked catalog, so that
//! whoever renders a code writes the same bytes.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::uri::{percent_encode, percent_encode_into};
use crate::{Action, GrpcCode, ProblemCode, Severity};

/// What a renderer needs to know about a code.
///
/// ```
/// use errcodes_core::facts::CodeFacts;
/// use errcodes_core::{Action, ProblemCode, Severity};
///
/// let facts = CodeFacts {
///     code: "TOO_MANY",
///     title: "Too many requests",
///     status: 429,
///     action: Action::RetryAfter,
///     severity: Severity::Fatal,
///     problem_type: None,
///     problem_code: ProblemCode::Member,
///     help_url: Some("https://example.com/errors#{code}"),
///     grpc: None,
///     fields: "",
///     message: "",
/// };
/// assert_eq!(facts.help_url().unwrap(), "https://example.com/errors#TOO_MANY");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeFacts<'a> {
    /// The code's identifier.
    pub code: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its HTTP status.
    pub status: u16,
    /// Its action.
    pub action: Action,
    /// Its severity.
    pub severity: Severity,
    /// The catalog's `problem-type` template.
    pub problem_type: Option<&'a str>,
    /// Where the catalog's problem details carry the code.
    pub problem_code: ProblemCode,
    /// The catalog's `help-url` template.
    pub help_url: Option<&'a str>,
    /// How the code is sent over gRPC, when the catalog serves gRPC.
    pub grpc: Option<GrpcFacts<'a>>,
    /// The fields its occurrences carry, as stored
    /// ([`decode_fields`](crate::fields::decode_fields)); empty for none.
    pub fields: &'a str,
    /// Its message template, as stored
    /// ([`decode_template`](crate::fields::decode_template)); empty for
    /// none.
    pub message: &'a str,
}

/// How a code is sent over gRPC: what [`CodeFacts`] knows when the catalog
/// has a `grpc-domain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GrpcFacts<'a> {
    /// The catalog's `grpc-domain`: the domain of the code's `ErrorInfo`.
    pub grpc_domain: &'a str,
    /// The code's `ErrorInfo` reason.
    pub reason: &'a str,
    /// Its canonical gRPC code.
    pub grpc_code: GrpcCode,
}

impl<'a> CodeFacts<'a> {
    /// Where a client reads more about the code: the catalog's `help-url`,
    /// with the code, percent-encoded, in place of `{code}`.
    #[must_use]
    pub fn help_url(&self) -> Option<Cow<'a, str>> {
        let template = self.help_url?;
        Some(fill(template, self.code))
    }

    /// The `type` URI of the code's problem details: the catalog's
    /// `problem-type` with the code in place of `{code}`; `None` when the
    /// catalog has none.
    #[must_use]
    pub fn problem_type_uri(&self) -> Option<Cow<'a, str>> {
        Some(fill(self.problem_type?, self.code))
    }
}

/// `template` with `code`, percent-encoded, in place of `{code}`.
fn fill<'a>(template: &'a str, code: &'a str) -> Cow<'a, str> {
    match Filled::new(template, code) {
        Filled {
            before,
            code: Some(code),
            after,
        } => {
            let mut filled = String::with_capacity(template.len() + code.len());
            filled.push_str(before);
            filled.push_str(&percent_encode(code));
            filled.push_str(after);
            Cow::Owned(filled)
        }
        Filled { before, .. } => Cow::Borrowed(before),
    }
}

/// A template with a code in its `{code}`, in parts, so that a renderer
/// writes it without building it.
#[derive(Clone, Copy)]
pub(crate) struct Filled<'a> {
    /// The template up to `{code}`, or all of it.
    pub(crate) before: &'a str,
    /// The code, to be percent-encoded, when the template has a `{code}`.
    pub(crate) code: Option<&'a str>,
    /// The template after `{code}`.
    pub(crate) after: &'a str,
}

impl<'a> Filled<'a> {
    pub(crate) fn new(template: &'a str, code: &'a str) -> Self {
        // Braces are rare in URIs: look for them, not for the whole word.
        let at = template
            .match_indices('{')
            .find(|&(at, _)| template[at..].starts_with("{code}"));
        match at {
            Some((at, _)) => Filled {
                before: &template[..at],
                code: Some(code),
                after: &template[at + "{code}".len()..],
            },
            None => Filled {
                before: template,
                code: None,
                after: "",
            },
        }
    }

    /// A text with no code to put in.
    pub(crate) fn literal(text: &'a str) -> Self {
        Filled {
            before: text,
            code: None,
            after: "",
        }
    }

    /// About how long the filled template is: a code may grow when it is
    /// percent-encoded.
    pub(crate) fn len(&self) -> usize {
        self.before.len() + self.code.map_or(0, str::len) + self.after.len()
    }

    /// Appends the filled template, each literal part escaped by `escape`.
    pub(crate) fn write(&self, escape: fn(&str, &mut Vec<u8>), out: &mut Vec<u8>) {
        escape(self.before, out);
        if let Some(code) = self.code {
            percent_encode_into(code, out);
        }
        escape(self.after, out);
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn templates_are_filled_at_their_code_only() {
        assert_eq!(fill("https://x/{code}", "a b"), "https://x/a%20b");
        assert_eq!(
            fill("https://x/{id}/{code}#{code}", "C"),
            "https://x/{id}/C#{code}"
        );
        assert_eq!(fill("{code}", "C"), "C");
        assert_eq!(fill("https://x/{cod}", "C"), "https://x/{cod}");
        assert_eq!(fill("https://x/{", "C"), "https://x/{");
    }
}
