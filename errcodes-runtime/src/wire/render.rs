//! Rendering a code in its wire format, for any HTTP framework: the
//! renderers of `errcodes_core::render`, given a generated code's facts and
//! an [`Occurrence`].

use errcodes_core::facts::CodeFacts;
use errcodes_core::render::{Prepared, Rendered};

use crate::{ErrorCode, Occurrence, WireFormat};

/// Renders `code` with `occurrence` in `format`.
///
/// In the Edge format, a fatal code is a problem detail; a non-fatal one is
/// a 207 body listing it under `errors`, with the occurrence's status as
/// the embedded problem's (the upstream service's; 502 when not given),
/// and a warning (or informational code) a 200 body listing it under
/// `warnings`, with the occurrence's trace as `requestId`.
///
/// ```
/// use errcodes_runtime::wire::{Shape, render};
/// use errcodes_runtime::{ErrorCode, Occurrence};
///
/// errcodes_runtime::errcodes!("../specs/pass.yaml");
///
/// let code = PassError::TooManyRequests;
/// let response = render(code, &Occurrence::new(), code.wire_format());
/// assert_eq!((response.status, response.content_type), (429, "application/json"));
/// assert_eq!(response.shape, Shape::Pass);
/// // A code that says to retry after a delay always comes with one.
/// assert_eq!(response.retry_after_secs(), Some(5));
/// ```
#[must_use]
pub fn render<E: ErrorCode>(code: E, occurrence: &Occurrence, format: WireFormat) -> Rendered {
    // In its own format, a code's response is prepared on first use.
    if let Some(prepared) = prepared(code)
        && prepared.format() == format
        && let Some(rendered) = prepared.render(&occurrence.values())
    {
        return rendered;
    }
    render_facts(&code.facts(), occurrence, format)
}

/// The responses of `code` in its own format, prepared on first use;
/// `None` for a type the macro did not generate.
pub(crate) fn prepared<E: ErrorCode>(code: E) -> Option<&'static Prepared<'static>> {
    let cell = code.prepared()?;
    Some(cell.get_or_init(|| Prepared::new(code.wire_format(), code.facts())))
}

/// [`render`] for a code described by its facts: what tools that read a
/// catalog at run time use to show exactly what a server sends.
#[must_use]
pub fn render_facts(
    facts: &CodeFacts<'_>,
    occurrence: &Occurrence,
    format: WireFormat,
) -> Rendered {
    errcodes_core::render::render(format, facts, &occurrence.values())
}
