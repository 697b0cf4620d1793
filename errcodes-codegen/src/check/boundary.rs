//! The rules of `boundary`: each key a condition a service meets without
//! a handler, each value a failure of the catalog, which answers it.

use errcodes_core::{Condition, Outcome};

use super::check_word;
use crate::diagnostic::{Diagnostic, Errors, Location, closest};
use crate::keys;
use crate::model::{CheckedCatalog, CheckedCode, Located};
use crate::spec::WrittenText;

use crate::yaml::{Node, Value};

/// Checks `boundary` against the catalog's codes, which must be checked
/// already; gives back the named codes that passed.
pub(crate) fn check(
    node: &Node,
    catalog: &CheckedCatalog,
    errors: &mut Errors,
) -> Located<Vec<(Condition, usize)>> {
    let key = keys::catalog::BOUNDARY.name;
    let example = "under `boundary:`, write one condition and the code that answers it per line, as in `unknown-route: NOT_FOUND`";
    let Value::Map(pairs) = &node.value else {
        if node.value != Value::Null {
            errors.push(
                Diagnostic::new(
                    format!(
                        "`{key}` must map conditions to codes, found {}",
                        node.value.kind()
                    ),
                    node.at,
                )
                .help(example),
            );
        }
        return Located::written(Vec::new(), node.at);
    };
    let mut passed = Vec::with_capacity(pairs.len());
    for (condition, code) in pairs {
        let condition = crate::spec::text(condition, key, errors);
        let condition = check_word::<Condition>(condition.as_ref(), "condition", errors);
        let Some(code) = crate::spec::text(code, key, errors) else {
            continue;
        };
        let (Some(condition), Some(index)) = (condition, code_of(&code, catalog, errors)) else {
            continue;
        };
        for misfit in misfits(condition, &catalog.codes[index], code.at) {
            errors.push(misfit);
        }
        passed.push((condition, index));
    }
    Located::written(passed, node.at)
}

/// The position of the failure `code` names, or an error that says why it
/// names none.
fn code_of(code: &WrittenText, catalog: &CheckedCatalog, errors: &mut Errors) -> Option<usize> {
    let name = code.value.as_str();
    let Some(index) = catalog.codes.iter().position(|c| c.code.value == name) else {
        // An entry refused for its own mistake was reported already.
        if !catalog.refused.iter().any(|refused| refused == name) {
            let codes: Vec<&str> = catalog
                .codes
                .iter()
                .map(|c| c.code.value.as_str())
                .collect();
            let diagnostic = Diagnostic::new(format!("no code `{name}` in the catalog"), code.at);
            errors.push(match closest(name, &codes) {
                Some(near) => diagnostic.help(format!("did you mean `{near}`?")),
                None => diagnostic.help("name one of the catalog's codes, as it is sent"),
            });
        }
        return None;
    };
    let outcome = catalog.codes[index].outcome.value;
    if outcome != Outcome::Failure {
        errors.push(
            Diagnostic::new(
                format!("`{name}` is no failure (its outcome is `{outcome}`), so it cannot answer a request the service refused"),
                code.at,
            )
            .help("name a code with outcome `failure`"),
        );
        return None;
    }
    Some(index)
}

/// Why the boundary cannot send `code` for `condition` with every field
/// it declares: a field named after a fact of the condition must have the
/// fact's type, and every field must be optional, as the boundary does not
/// always know a fact and never knows anything else. A field without a
/// place of its own is reported at `named`.
pub(crate) fn misfits(
    condition: Condition,
    code: &CheckedCode,
    named: Location,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let name = &code.code.value;
    for field in &code.fields {
        let key = field.name.value.as_str();
        if let Some(fact) = condition.fact(key).filter(|fact| fact.ty != field.ty.value) {
            errors.push(
                Diagnostic::new(
                    format!(
                        "field `{key}` of `{name}` is {}, but the boundary sends it for {condition} as {}",
                        field.ty.value, fact.ty
                    ),
                    field.ty.at().or(field.name.at()).unwrap_or(named),
                )
                .help(format!("declare it as `{}`: {}", fact.ty, fact.about)),
            );
        }
        if !field.optional.value {
            let known: Vec<String> = condition
                .facts()
                .iter()
                .map(|fact| format!("`{}`", fact.key))
                .collect();
            let known = if known.is_empty() {
                format!("it knows no fact of {condition}")
            } else {
                format!(
                    "the facts it may know of {condition} are {}",
                    known.join(", ")
                )
            };
            errors.push(
                Diagnostic::new(
                    format!(
                        "`{name}` answers {condition} at the boundary, which cannot always fill its field `{key}`"
                    ),
                    field.name.at().unwrap_or(named),
                )
                .help(format!("make the field optional (`optional: true`); {known}")),
            );
        }
    }
    errors
}
