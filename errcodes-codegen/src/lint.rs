//! What is legal in a catalog but probably not what was meant: warnings,
//! which tools report and the macro cannot (stable Rust gives proc macros
//! no way to warn). Each `lint_*` function is one such rule.

use errcodes_core::Outcome;

use crate::check::{Checked, Entry};
use crate::diagnostic::{Diagnostic, Errors};
use crate::model::{CheckedCatalog, CheckedCode};

/// Applies every lint to the codes that passed, with their final values.
pub(crate) fn lint(checked: &Checked<'_>, catalog: &CheckedCatalog, errors: &mut Errors) {
    for (entry, code) in checked.codes.iter().zip(&catalog.codes) {
        lint_default_name(entry, code, errors);
        lint_description(entry, code, errors);
        lint_failure_status(entry, code, errors);
    }
}

/// A name derived from a code like `HV000` keeps its digits (`Hv000`):
/// legal, but it says nothing about the error. Codes deserve names after
/// their meaning.
fn lint_default_name(entry: &Entry<'_>, code: &CheckedCode, errors: &mut Errors) {
    if entry.spec.name.is_some() || !code.name.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let at = entry.spec.code_at();
    errors.push(
        Diagnostic::warning(
            format!(
                "variant `{}` is named after code `{}`, digits and all",
                code.name, code.code
            ),
            at,
        )
        .help("name it after its meaning with `name:`; see the `name` section of specs/FORMAT.md"),
    );
}

/// Every code is documented from the catalog; one without a description
/// leaves its readers with a title alone.
fn lint_description(entry: &Entry<'_>, code: &CheckedCode, errors: &mut Errors) {
    if code.description.is_some() {
        return;
    }
    let at = entry.spec.code_at();
    errors.push(
        Diagnostic::warning(format!("code `{}` has no description", code.code), at)
            .help("add `description:` saying what the code means and what to do about it"),
    );
}

/// A failure sent with a 2xx or 3xx status tells HTTP clients that all went
/// well; either the status or the outcome is likely wrong.
fn lint_failure_status(entry: &Entry<'_>, code: &CheckedCode, errors: &mut Errors) {
    if code.status >= 400 || code.outcome != Outcome::Failure {
        return;
    }
    let at = entry.spec.status.map_or(entry.spec.at, |status| status.at);
    errors.push(
        Diagnostic::warning(
            format!(
                "code `{}` is a failure, but its status {} says the request succeeded",
                code.code, code.status
            ),
            at,
        )
        .help("use a 4xx or 5xx status, or say with `outcome:` what became of the request"),
    );
}
