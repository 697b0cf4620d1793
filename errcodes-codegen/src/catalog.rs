//! A checked catalog: every code valid, unique, named, and classified, with
//! defaults applied. The code generator reads only this.

use errcodes_core::{Action, Origin, Outcome, Severity, WireFormat};

/// A catalog that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    /// The enum's name.
    pub name: String,
    /// The catalog's description (may be empty).
    pub description: String,
    /// How problem `type` URIs are built: a template with `{code}`.
    pub problem_type: Option<String>,
    /// The declared domains, in file order.
    pub domains: Vec<Domain>,
    /// The codes, in file order.
    pub codes: Vec<Code>,
}

/// A group of codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Domain {
    /// The identifier codes refer to it by.
    pub id: String,
    /// Its human-readable title.
    pub title: String,
    /// What it covers (may be empty).
    pub description: String,
}

/// One error code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// The stable identifier.
    pub code: String,
    /// The variant name.
    pub name: String,
    /// The HTTP status, in 100..=599.
    pub status: u16,
    /// A short summary, on one line.
    pub title: String,
    /// What it means (may be empty).
    pub description: String,
    /// How to resolve it (may be empty).
    pub resolution: String,
    /// The recommended client action.
    pub action: Action,
    /// How serious it is.
    pub severity: Severity,
    /// What became of the request.
    pub outcome: Outcome,
    /// Where the fault lies, if the catalog says.
    pub origin: Option<Origin>,
    /// The index of its domain in [`Catalog::domains`].
    pub domain: Option<usize>,
    /// How it is sent over HTTP.
    pub format: WireFormat,
    /// The line of its entry in the file.
    pub line: usize,
}
