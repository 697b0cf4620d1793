//! What a renderer needs to know about a code: its own facts and its
//! catalog's settings for bodies. Generated code fills them from its
//! tables, the code generator and tools from the checked catalog, so that
//! whoever renders a code writes the same bytes.

use alloc::borrow::Cow;
use alloc::string::String;

use crate::uri::percent_encode;
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
fn fill<'a>(template: &'a str, code: &str) -> Cow<'a, str> {
    if template.contains("{code}") {
        let mut filled = String::with_capacity(template.len() + code.len());
        let (before, after) = template.split_once("{code}").unwrap_or((template, ""));
        filled.push_str(before);
        filled.push_str(&percent_encode(code));
        filled.push_str(after);
        Cow::Owned(filled)
    } else {
        Cow::Borrowed(template)
    }
}
