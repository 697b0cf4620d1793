//! Turns what passed the rules into the checked model: defaults applied,
//! texts trimmed, and stand-ins for values that were refused, so that a
//! catalog with mistakes still yields an enum to generate next to its
//! errors and the user sees the real mistakes, not every use of a missing
//! variant.

use errcodes_core::{Action, Outcome, ProblemCode, Severity, WireFormat};

use crate::check::{Checked, Entry};
use crate::model::{CheckedCatalog, CheckedCode, CheckedDomain};
use crate::spec::Text;

/// The status of a code whose status was refused: any valid one will do,
/// since the catalog does not compile.
const STAND_IN_STATUS: u16 = 500;

/// The model of what passed; `None` when the catalog has no usable name,
/// since then not even a stand-in enum can be generated.
pub(crate) fn lower(checked: &Checked<'_>) -> Option<CheckedCatalog> {
    let wire_format = checked.wire_format.unwrap_or(WireFormat::Problem);
    Some(CheckedCatalog {
        name: checked.name?.to_owned(),
        description: optional(checked.description),
        code_formats: checked.code_formats.iter().map(|&f| f.to_owned()).collect(),
        wire_format,
        problem_type: checked.problem_type.map(str::to_owned),
        // In the type URI when it has room for the code, else in a member.
        problem_code: checked.problem_code.unwrap_or(match checked.problem_type {
            Some(template) if template.contains("{code}") => ProblemCode::Type,
            _ => ProblemCode::Member,
        }),
        domains: checked
            .domains
            .iter()
            .map(|domain| CheckedDomain {
                id: domain.id.value.clone(),
                title: optional(domain.title.as_ref()).unwrap_or_default(),
                description: optional(domain.description.as_ref()),
            })
            .collect(),
        codes: checked
            .codes
            .iter()
            .map(|entry| code(entry, checked, wire_format))
            .collect(),
    })
}

/// A code: its own classifications, else the catalog's `defaults`, else
/// what its status implies.
fn code(entry: &Entry<'_>, checked: &Checked<'_>, wire_format: WireFormat) -> CheckedCode {
    let status = entry.status.unwrap_or(STAND_IN_STATUS);
    let (own, defaults) = (entry.classes, checked.defaults);
    CheckedCode {
        code: entry.code.to_owned(),
        name: entry.name.clone(),
        status,
        title: optional(entry.title).unwrap_or_default(),
        description: optional(entry.spec.description.as_ref()),
        resolution: optional(entry.spec.resolution.as_ref()),
        action: own
            .action
            .or(defaults.action)
            .unwrap_or(Action::for_status(status)),
        severity: own
            .severity
            .or(defaults.severity)
            .unwrap_or(Severity::for_status(status)),
        outcome: own
            .outcome
            .or(defaults.outcome)
            .unwrap_or(Outcome::for_status(status)),
        origin: own.origin.or(defaults.origin),
        domain: entry.domain,
        wire_format: entry.wire_format.unwrap_or(wire_format),
        deprecated: optional(entry.spec.deprecated.as_ref()).or_else(|| {
            let replacement = checked.codes.get(entry.replaced_by?)?;
            Some(format!("Replaced by `{}`.", replacement.code))
        }),
        replaced_by: entry.replaced_by,
        location: entry.spec.at,
    }
}

/// A text without surrounding whitespace; `None` when nothing is left.
fn optional(text: Option<&Text>) -> Option<String> {
    let trimmed = text?.value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}
