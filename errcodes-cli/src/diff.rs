//! `errcodes diff`: what changed between two versions of a catalog, and
//! whether clients of the old one break.

use std::collections::HashMap;
use std::fmt;
use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;

use errcodes_codegen::{CheckedCatalog, CheckedCode};

use crate::specs::Stop;

/// The exit status when some change breaks clients.
const BREAKING: u8 = 1;
/// The exit status when the catalogs could not be compared.
const UNREADABLE: u8 = 2;

/// How a change affects clients of the old catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Class {
    /// Clients that handle the old catalog may misbehave or fail to build.
    Breaking,
    /// Clients of the old catalog keep working.
    Compatible,
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Class::Breaking => "breaking",
            Class::Compatible => "compatible",
        })
    }
}

/// One change, said in a line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Change {
    pub(crate) class: Class,
    pub(crate) what: String,
}

pub(crate) fn run(old: &Path, new: &Path) -> Result<ExitCode, Stop> {
    if old == Path::new("-") && new == Path::new("-") {
        return Err(Stop::Message(
            "only one of OLD and NEW can be read from standard input".to_owned(),
        ));
    }
    let (Some(old), Some(new)) = (load(old), load(new)) else {
        return Ok(ExitCode::from(UNREADABLE));
    };
    let changes = diff(&old, &new);
    for change in &changes {
        println!("{}: {}", change.class, change.what);
    }
    let breaking = changes
        .iter()
        .filter(|c| c.class == Class::Breaking)
        .count();
    eprintln!(
        "{breaking} breaking, {} compatible change{}",
        changes.len() - breaking,
        if changes.len() - breaking == 1 {
            ""
        } else {
            "s"
        }
    );
    Ok(if breaking > 0 {
        ExitCode::from(BREAKING)
    } else {
        ExitCode::SUCCESS
    })
}

/// The catalog at `path` (`-` for standard input); `None` when it cannot
/// be read or has errors, which are printed.
fn load(path: &Path) -> Option<CheckedCatalog> {
    let read = if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map(|_| ("<stdin>".to_owned(), text))
            .map_err(|error| format!("cannot read the catalog from standard input: {error}"))
    } else {
        std::fs::read_to_string(path)
            .map(|text| (path.display().to_string(), text))
            .map_err(|error| format!("cannot read the catalog `{}`: {error}", path.display()))
    };
    let (shown, text) = match read {
        Ok(read) => read,
        Err(message) => {
            eprintln!("error: {message}");
            return None;
        }
    };
    match errcodes_codegen::parse(&shown, &text) {
        Ok(catalog) => Some(catalog),
        Err(failure) => {
            for diagnostic in failure.errors() {
                eprintln!("error: {}\n", diagnostic.report());
            }
            eprintln!("error: `{shown}` has errors; it cannot be compared");
            None
        }
    }
}

/// Every change from `old` to `new`, breaking ones first, in the order of
/// the catalogs.
pub(crate) fn diff<'a>(old: &'a CheckedCatalog, new: &'a CheckedCatalog) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |class, what: String| changes.push(Change { class, what });
    if old.name != new.name {
        push(
            Class::Breaking,
            format!("the enum is renamed from `{}` to `{}`", old.name, new.name),
        );
    }
    if old.wire_format != new.wire_format {
        push(
            Class::Breaking,
            format!(
                "the catalog's wire format changed from `{}` to `{}`",
                old.wire_format.as_str(),
                new.wire_format.as_str()
            ),
        );
    }
    if (&old.problem_type, old.problem_code) != (&new.problem_type, new.problem_code) {
        push(
            Class::Breaking,
            "problem details carry the code differently (`problem-type` or `problem-code`)"
                .to_owned(),
        );
    }
    let index = |catalog: &'a CheckedCatalog| -> HashMap<&'a str, &'a CheckedCode> {
        catalog.codes.iter().map(|c| (c.code.as_str(), c)).collect()
    };
    let (old_codes, new_codes) = (index(old), index(new));
    for code in &old.codes {
        match new_codes.get(code.code.as_str()) {
            None => push(
                Class::Breaking,
                format!("`{}` is removed", code.code)
                    + if code.deprecated.is_some() {
                        " (it was deprecated; the lock can keep it retired)"
                    } else {
                        ""
                    },
            ),
            Some(now) => code_changes(old, code, new, now, &mut push),
        }
    }
    for code in &new.codes {
        if !old_codes.contains_key(code.code.as_str()) {
            push(
                Class::Compatible,
                format!(
                    "`{}` is added (HTTP {}, action `{}`)",
                    code.code,
                    code.status,
                    code.action.as_str()
                ),
            );
        }
    }
    if old.description != new.description || old.domains != new.domains {
        push(
            Class::Compatible,
            "the catalog's description or domains changed".to_owned(),
        );
    }
    changes.sort_by_key(|change| change.class);
    changes
}

/// What changed in one code.
fn code_changes(
    old_catalog: &CheckedCatalog,
    old: &CheckedCode,
    new_catalog: &CheckedCatalog,
    new: &CheckedCode,
    push: &mut impl FnMut(Class, String),
) {
    let id = &old.code;
    let meaning_changed = old.status != new.status || old.action != new.action;
    // A new title with a new status or action is a new meaning under an
    // old code: the worst break, and worth naming.
    if meaning_changed && old.title != new.title {
        push(
            Class::Breaking,
            format!(
                "`{id}` is repurposed: \"{}\" becomes \"{}\"",
                old.title, new.title
            ),
        );
    }
    if old.status != new.status {
        push(
            Class::Breaking,
            format!("`{id}` status {} becomes {}", old.status, new.status),
        );
    }
    if old.action != new.action {
        push(
            Class::Breaking,
            format!(
                "`{id}` action `{}` becomes `{}`",
                old.action.as_str(),
                new.action.as_str()
            ),
        );
    }
    if old.name != new.name {
        push(
            Class::Breaking,
            format!(
                "`{id}` variant `{}` is renamed `{}` (breaks Rust code that names it)",
                old.name, new.name
            ),
        );
    }
    if old.wire_format != new.wire_format {
        push(
            Class::Breaking,
            format!(
                "`{id}` wire format `{}` becomes `{}`",
                old.wire_format.as_str(),
                new.wire_format.as_str()
            ),
        );
    }
    match (&old.deprecated, &new.deprecated) {
        (None, Some(reason)) => push(Class::Compatible, format!("`{id}` is deprecated: {reason}")),
        (Some(_), None) => push(Class::Compatible, format!("`{id}` is no longer deprecated")),
        _ => {}
    }
    let replacement = |catalog: &CheckedCatalog, code: &CheckedCode| {
        code.replaced_by
            .and_then(|i| catalog.codes.get(i))
            .map(|c| c.code.clone())
    };
    if replacement(old_catalog, old) != replacement(new_catalog, new) {
        push(Class::Compatible, format!("`{id}` has a new replacement"));
    }
    if !meaning_changed
        && (old.title != new.title
            || old.description != new.description
            || old.resolution != new.resolution)
    {
        push(Class::Compatible, format!("`{id}` texts changed"));
    }
    if (old.severity, old.outcome, old.origin) != (new.severity, new.outcome, new.origin)
        || domain(old_catalog, old) != domain(new_catalog, new)
    {
        push(
            Class::Compatible,
            format!("`{id}` severity, outcome, origin or domain changed"),
        );
    }
}

fn domain<'c>(catalog: &'c CheckedCatalog, code: &CheckedCode) -> Option<&'c str> {
    Some(catalog.domains.get(code.domain?)?.id.as_str())
}
