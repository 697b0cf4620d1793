//! A checked catalog: every code valid, unique, named and classified, with
//! defaults applied. The code generator, the documentation and every tool
//! read only this.
//!
//! The types are named `Checked…` so that they are never mistaken for the
//! runtime's `Catalog` and `Domain`, which generated code builds from them.
//! Optional texts are `None` when the catalog leaves them out, never empty.

use errcodes_core::{Action, Origin, Outcome, ProblemCode, Severity, WireFormat};

use crate::diagnostic::Location;

/// A catalog that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCatalog {
    /// The enum's name.
    pub name: String,
    /// What the catalog covers.
    pub description: Option<String>,
    /// The shapes its codes have, as declared by `code-format`.
    pub code_formats: Vec<String>,
    /// How its codes are sent, unless a code says otherwise.
    pub wire_format: WireFormat,
    /// The `type` URI of its problem details, where `{code}` stands for the
    /// code; `None` for `about:blank`.
    pub problem_type: Option<String>,
    /// Where a problem detail carries the code.
    pub problem_code: ProblemCode,
    /// The declared domains, in file order.
    pub domains: Vec<CheckedDomain>,
    /// The codes, in file order.
    pub codes: Vec<CheckedCode>,
}

/// A group of codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedDomain {
    /// The identifier codes refer to it by.
    pub id: String,
    /// Its human-readable title.
    pub title: String,
    /// What it covers.
    pub description: Option<String>,
}

/// One error code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCode {
    /// The stable identifier.
    pub code: String,
    /// The variant name.
    pub name: String,
    /// The HTTP status, in 100..=599.
    pub status: u16,
    /// A short summary, on one line.
    pub title: String,
    /// What it means.
    pub description: Option<String>,
    /// How to resolve it.
    pub resolution: Option<String>,
    /// The recommended client action.
    pub action: Action,
    /// How serious it is.
    pub severity: Severity,
    /// What became of the request.
    pub outcome: Outcome,
    /// Where the fault lies, if the catalog says.
    pub origin: Option<Origin>,
    /// The index of its domain in [`CheckedCatalog::domains`].
    pub domain: Option<usize>,
    /// How it is sent over HTTP.
    pub wire_format: WireFormat,
    /// Why it is deprecated, when it is: `deprecated`, or for a code that
    /// only says `replaced-by`, a sentence naming its replacement.
    pub deprecated: Option<String>,
    /// The index in [`CheckedCatalog::codes`] of the code that replaces it.
    pub replaced_by: Option<usize>,
    /// Where its entry starts in the file.
    pub location: Location,
}
