//! A code's response made once for the occurrences that change nothing of
//! it but what they carry: rendering them copies the prepared bytes and
//! writes only the occurrence's own values.
//!
//! ```
//! use errcodes_core::facts::CodeFacts;
//! use errcodes_core::render::{Prepared, Values, render};
//! use errcodes_core::{Action, ProblemCode, Severity, WireFormat};
//!
//! let facts = CodeFacts {
//!     code: "OUT_OF_STOCK",
//!     title: "Out of stock",
//!     status: 409,
//!     action: Action::None,
//!     severity: Severity::Fatal,
//!     problem_type: Some("https://example.com/errors/{code}"),
//!     problem_code: ProblemCode::Type,
//!     help_url: None,
//!     grpc: None,
//!     fields: "",
//!     message: "",
//! };
//! let prepared = Prepared::new(WireFormat::Problem, facts);
//! let values = Values { trace: Some("7f3a"), ..Values::default() };
//! // The same response as the renderer's, from the prepared head.
//! assert_eq!(prepared.render(&values), Some(render(WireFormat::Problem, &facts, &values)));
//! // An occurrence with a message of its own changes the head: not prepared.
//! assert_eq!(prepared.render(&Values { message: Some("Sold out"), ..values }), None);
//! ```

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::time::Duration;

use super::problem::Frame;
use super::{CodeFields, Rendered, Values, render};
use crate::facts::CodeFacts;
use crate::{Severity, Shape, WireFormat, fields};

/// A code's response in one format, prepared: the whole body of an empty
/// occurrence; the body of an occurrence that gives only a trace id, split
/// where the trace id goes; and for problem details (Edge Network's fatal
/// errors included), the head every occurrence without a message or status
/// of its own shares.
pub struct Prepared<'a> {
    facts: CodeFacts<'a>,
    format: WireFormat,
    status: u16,
    shape: Shape,
    bare: Box<[u8]>,
    bare_delay: Option<Duration>,
    traced: Option<Traced>,
    frame: Option<Frame<'a>>,
    fields: Option<CodeFields<'a>>,
}

/// The body of an occurrence with a trace id alone, before and after it.
struct Traced {
    before: Box<[u8]>,
    after: Box<[u8]>,
    escape: fn(&str, &mut Vec<u8>),
}

/// The trace id the split body is rendered with: letters and digits, which
/// no format escapes, and which no catalog text is likely to hold (if one
/// does, the marker is found twice and nothing is split).
const MARKER: &str = "errcodesPreparedTraceSlot7f3a9c";

impl Traced {
    /// The body of a trace id alone, split where the trace id lands, when
    /// it lands exactly once.
    fn new(format: WireFormat, facts: &CodeFacts<'_>) -> Option<Self> {
        let values = Values {
            trace: Some(MARKER),
            ..Values::default()
        };
        let body = render(format, facts, &values).body;
        let mut found = body
            .windows(MARKER.len())
            .enumerate()
            .filter(|(_, window)| *window == MARKER.as_bytes())
            .map(|(at, _)| at);
        let at = found.next()?;
        if found.next().is_some() {
            return None;
        }
        Some(Traced {
            before: body[..at].into(),
            after: body[at + MARKER.len()..].into(),
            escape: if format == WireFormat::PassXml {
                super::pass::escape_xml
            } else {
                super::json::escape_inside
            },
        })
    }

    fn body(&self, trace: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.before.len() + trace.len() + self.after.len() + 8);
        out.extend_from_slice(&self.before);
        (self.escape)(trace, &mut out);
        out.extend_from_slice(&self.after);
        out
    }
}

impl<'a> Prepared<'a> {
    /// Prepares the responses of the code of `facts` in `format`.
    #[must_use]
    pub fn new(format: WireFormat, facts: CodeFacts<'a>) -> Self {
        let bare = render(format, &facts, &Values::default());
        // A template over fields makes the default detail of each
        // occurrence anew.
        let fixed_detail = facts.message.is_empty() || fields::is_constant(facts.message);
        // Edge Network's fatal errors are plain problem details.
        let problem = format == WireFormat::Problem
            || format == WireFormat::Edge && facts.severity == Severity::Fatal;
        Prepared {
            facts,
            format,
            status: bare.status,
            shape: bare.shape,
            bare_delay: bare.retry_after,
            traced: Traced::new(format, &facts),
            bare: bare.body.into_boxed_slice(),
            frame: (problem && fixed_detail).then(|| Frame::new(&facts)),
            fields: (!facts.fields.is_empty())
                .then(|| CodeFields::new(facts.fields, facts.message)),
        }
    }

    /// The code's fields and template read once, for a code with fields:
    /// what its occurrences' values hand the renderers in every format.
    #[must_use]
    pub fn fields(&self) -> Option<&CodeFields<'a>> {
        self.fields.as_ref()
    }

    /// The format it was prepared in.
    #[must_use]
    pub fn format(&self) -> WireFormat {
        self.format
    }

    /// The response [`render`] writes for an occurrence that says nothing.
    #[must_use]
    pub fn bare(&self) -> Rendered {
        Rendered {
            status: self.status,
            content_type: self.shape.content_type(),
            body: self.bare.to_vec(),
            retry_after: self.bare_delay,
            shape: self.shape,
        }
    }

    /// The response [`render`] writes for `values`, from the prepared
    /// bytes; `None` when `values` changes what was prepared (a message,
    /// a status or a help URL of its own, or anything at all outside
    /// problem details), which only the renderer writes.
    #[must_use]
    pub fn render(&self, values: &Values<'_>) -> Option<Rendered> {
        if values.is_empty() {
            return Some(self.bare());
        }
        if let (Some(trace), Some(traced)) = (values.trace, &self.traced)
            && (Values {
                trace: None,
                ..*values
            })
            .is_empty()
        {
            let body = traced.body(trace);
            return Some(Rendered::new(
                self.shape,
                self.status,
                body,
                &self.facts,
                values,
            ));
        }
        let frame = self.frame.as_ref()?;
        if values.status.is_some() || values.message.is_some() {
            return None;
        }
        let body = frame.body(values);
        Some(Rendered::new(
            self.shape,
            self.status,
            body,
            &self.facts,
            values,
        ))
    }
}
