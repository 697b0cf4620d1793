//! Codes as a client reads them, and what a renderer needs to know of one.

use core::fmt;
use std::borrow::Cow;

use errcodes_core::uri::percent_encode;

use crate::{Action, ErrorCode, GrpcCode, Outcome, ProblemCode, Severity};

/// A code read from a payload: one the catalog knows, or text it does not,
/// kept as it was received.
///
/// ```
/// use errcodes_runtime::wire::Code;
/// use errcodes_runtime::Action;
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// assert_eq!(Code::<PassError>::parse("too_many_requests"), Code::Known(PassError::TooManyRequests));
/// let unknown = Code::<PassError>::parse("brand_new_code");
/// assert_eq!(unknown.as_str(), "brand_new_code");
/// // An unknown code gets the action its HTTP status implies.
/// assert_eq!(unknown.action(503), Action::RetryAfter);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Code<E> {
    /// A code of the catalog.
    Known(E),
    /// Text that is not one of the catalog's codes.
    Unknown(String),
}

impl<E: ErrorCode> Code<E> {
    /// Looks `text` up in the catalog.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        E::from_code(text).map_or_else(|| Code::Unknown(text.to_owned()), Code::Known)
    }

    /// The code's text, as received.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Code::Known(code) => code.code(),
            Code::Unknown(text) => text,
        }
    }

    /// The catalog's code, if it is one.
    #[must_use]
    pub fn known(&self) -> Option<E> {
        match self {
            Code::Known(code) => Some(*code),
            Code::Unknown(_) => None,
        }
    }

    /// The code's action; for an unknown code, the one `status` implies
    /// ([`Action::for_status`]).
    #[must_use]
    pub fn action(&self, status: u16) -> Action {
        self.known()
            .map_or_else(|| Action::for_status(status), |code| code.action())
    }

    /// The action of a body's `code`, or, when it has none, the one
    /// `status` implies.
    pub(crate) fn action_of(code: Option<&Self>, status: u16) -> Action {
        code.map_or_else(|| Action::for_status(status), |code| code.action(status))
    }

    /// The action of an error that may give a delay (ACP's `retry_after`,
    /// Google's `RetryInfo`): the known code's; without one, `retry-after`
    /// when the server gave a delay, as it asks; else the one `status`
    /// implies.
    pub(crate) fn action_with_delay(code: Option<&Self>, delayed: bool, status: u16) -> Action {
        match (code.and_then(Self::known), delayed) {
            (Some(code), _) => code.action(),
            (None, true) => Action::RetryAfter,
            (None, false) => Action::for_status(status),
        }
    }

    /// The code a gRPC `ErrorInfo` names: the catalog's code of `reason`
    /// when `domain` is the catalog's `grpc-domain`; another domain's
    /// reason stays unknown even when spelled like one of the catalog's.
    /// A catalog without a domain reads the reason as a code.
    pub(crate) fn of_reason(reason: &str, domain: &str) -> Self {
        let unknown = || Code::Unknown(reason.to_owned());
        match E::CATALOG.grpc_domain() {
            Some(ours) if ours == domain => {
                E::from_grpc_reason(reason).map_or_else(unknown, Code::Known)
            }
            Some(_) => unknown(),
            None => Code::parse(reason),
        }
    }

    /// The code's severity; for an unknown code, the one `status` implies.
    #[must_use]
    pub fn severity(&self, status: u16) -> Severity {
        self.known()
            .map_or_else(|| Severity::for_status(status), |code| code.severity())
    }

    /// The code's outcome; for an unknown code, the one `status` implies.
    #[must_use]
    pub fn outcome(&self, status: u16) -> Outcome {
        self.known()
            .map_or_else(|| Outcome::for_status(status), |code| code.outcome())
    }
}

impl<E: ErrorCode> From<E> for Code<E> {
    fn from(code: E) -> Self {
        Code::Known(code)
    }
}

impl<E: ErrorCode> fmt::Display for Code<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a renderer needs to know about a code: its own facts and its
/// catalog's problem-detail settings. [`CodeFacts::of`] reads them from a
/// generated enum; tools that read catalogs at run time fill them in
/// themselves and render exactly what a server would send.
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
    /// The catalog's `grpc-domain`.
    pub domain: &'a str,
    /// The code's `ErrorInfo` reason.
    pub reason: &'a str,
    /// Its canonical gRPC code.
    pub code: GrpcCode,
}

impl CodeFacts<'static> {
    /// The facts of a generated code.
    #[must_use]
    pub fn of<E: ErrorCode>(code: E) -> Self {
        CodeFacts {
            code: code.code(),
            title: code.title(),
            status: code.http_status(),
            action: code.action(),
            severity: code.severity(),
            problem_type: E::CATALOG.problem_type(),
            problem_code: E::CATALOG.problem_code(),
            help_url: E::CATALOG.help_url(),
            grpc: match (
                E::CATALOG.grpc_domain(),
                code.grpc_reason(),
                code.grpc_code(),
            ) {
                (Some(domain), Some(reason), Some(code)) => Some(GrpcFacts {
                    domain,
                    reason,
                    code,
                }),
                _ => None,
            },
        }
    }
}

impl<'a> CodeFacts<'a> {
    /// Where a client reads more about the code: the catalog's `help-url`,
    /// with the code, percent-encoded, in place of `{code}`.
    ///
    /// ```
    /// use errcodes_runtime::wire::CodeFacts;
    ///
    /// errcodes_runtime::errcodes!("../specs/pass.yaml");
    ///
    /// let facts = CodeFacts::of(PassError::TooManyRequests);
    /// assert!(facts.help_url().unwrap().starts_with("https://experienceleague.adobe.com/"));
    /// ```
    #[must_use]
    pub fn help_url(&self) -> Option<Cow<'a, str>> {
        let template = self.help_url?;
        Some(if template.contains("{code}") {
            Cow::Owned(template.replacen("{code}", &percent_encode(self.code), 1))
        } else {
            Cow::Borrowed(template)
        })
    }
}
