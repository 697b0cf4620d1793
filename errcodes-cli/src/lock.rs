//! `errcodes lock`: writes each catalog's lock, adding new codes freely and
//! refusing to drop or change a locked one unless told to.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use errcodes_codegen::lock::{self, Lock};
use errcodes_codegen::{File, Level};

use crate::specs::{self, Stop};

/// What `lock` may do.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mode {
    /// Write even when that breaks promises of the current lock.
    pub(crate) allow_breaking: bool,
    /// Write nothing; fail when a lock is not what it should be.
    pub(crate) check: bool,
}

pub(crate) fn run(paths: &[PathBuf], mode: Mode) -> Result<ExitCode, Stop> {
    let mut failed = false;
    for path in paths {
        failed |= !one(path, mode)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Locks one catalog; `false` when it could not, which was reported.
fn one(path: &Path, mode: Mode) -> Result<bool, Stop> {
    let shown = path.display().to_string();
    let text = specs::read(path, "catalog")?;
    let report = errcodes_codegen::check(&shown, &text);
    let Some(catalog) = report.catalog().filter(|_| report.is_ok()) else {
        print_errors(report.diagnostics().iter());
        eprintln!("error: `{shown}` has errors; fix them before locking it");
        return Ok(false);
    };
    let lock_path = lock::path_of(path);
    let lock_shown = lock_path.display().to_string();
    let previous = match specs::read_if_present(&lock_path, "lock")? {
        None => None,
        Some(lock_text) => match Lock::read(&lock_shown, &lock_text) {
            Ok(previous) => Some((previous, lock_text)),
            Err(diagnostics) => {
                print_errors(diagnostics.iter());
                eprintln!("error: `{lock_shown}` cannot be read; restore it from version control");
                return Ok(false);
            }
        },
    };
    if let Some((_, lock_text)) = &previous {
        let locked = errcodes_codegen::check_locked(
            File {
                path: &shown,
                text: &text,
            },
            File {
                path: &lock_shown,
                text: lock_text,
            },
        );
        let breaks: Vec<_> = locked
            .diagnostics()
            .iter()
            .filter(|d| d.level() == Level::Error)
            .collect();
        if !breaks.is_empty() {
            if !mode.allow_breaking {
                print_errors(breaks.iter().copied());
                eprintln!(
                    "error: locking `{shown}` now would break {} promise{} of `{lock_shown}`; \
                     to break them anyway, pass --allow-breaking",
                    breaks.len(),
                    if breaks.len() == 1 { "" } else { "s" }
                );
                return Ok(false);
            }
            for diagnostic in &breaks {
                eprintln!("warning: breaking, as allowed: {}", diagnostic.message());
            }
        }
    }
    let (previous, old_text) = previous.unwrap_or_default();
    let updated = previous.updated(catalog);
    let new_text = updated.render(catalog);
    if new_text == old_text {
        eprintln!("`{lock_shown}` is up to date");
        return Ok(true);
    }
    if mode.check {
        eprintln!("error: `{lock_shown}` is out of date; run `errcodes lock {shown}`");
        return Ok(false);
    }
    std::fs::write(&lock_path, new_text)
        .map_err(|error| format!("cannot write the lock `{lock_shown}`: {error}"))?;
    eprintln!("wrote `{lock_shown}`: {} codes", catalog.codes.len());
    Ok(true)
}

fn print_errors<'a>(diagnostics: impl Iterator<Item = &'a errcodes_codegen::Diagnostic>) {
    for diagnostic in diagnostics.filter(|d| d.level() == Level::Error) {
        eprintln!("error: {}\n", diagnostic.report());
    }
}
