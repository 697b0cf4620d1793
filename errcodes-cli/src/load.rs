//! Catalogs as the commands read them: through errcodes-codegen's one
//! loader, reported under the paths the user gave.

use std::path::{Path, PathBuf};

use errcodes_codegen::lock::Lock;
use errcodes_codegen::{CheckedCatalog, Files, Level, Lints, Report};

use crate::{Io, Stop};

/// A catalog without errors, as a command loaded it.
pub struct Loaded {
    /// The path as the user gave it, which reports use.
    pub path: String,
    /// The catalog.
    pub catalog: CheckedCatalog,
    /// Its lock, when it has one: the path, and a digest of its text.
    pub lock: Option<(String, String)>,
    /// What its lock records, when it has one.
    pub locked: Option<Lock>,
}

/// A digest of a lock's text, `fnv1a-64:` and 16 hex digits: it tells one
/// lock from another, not a forgery from the real thing.
///
/// ```
/// assert_eq!(errcodes_cli::load::digest(""), "fnv1a-64:cbf29ce484222325");
/// ```
#[must_use]
pub fn digest(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("fnv1a-64:{hash:016x}")
}

/// Reads the catalog at `path` and its lock, as the macro does.
///
/// # Errors
///
/// When a file cannot be read.
pub fn read(path: &Path) -> Result<Files, Stop> {
    Ok(Files::read(path, &shown(path))?)
}

/// `path` as reports, pages and exports show it: relative to the working
/// directory, so that what they write does not depend on the machine
/// (`/home/me/api/specs/a.yaml` run from `/home/me/api` is
/// `specs/a.yaml`); a relative path as given.
#[must_use]
pub fn shown(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .filter(|_| path.is_absolute())
        .and_then(|here| relative_to(path, &here));
    relative.as_deref().unwrap_or(path).display().to_string()
}

/// `path` relative to `base`, both absolute, by their components alone:
/// `..` for each of `base`'s components past what they share. `None` when
/// they share no root (another drive).
fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let path: Vec<Component<'_>> = path.components().collect();
    let base: Vec<Component<'_>> = base.components().collect();
    let shared = path
        .iter()
        .zip(&base)
        .take_while(|(one, other)| one == other)
        .count();
    if shared == 0 {
        return None;
    }
    let mut relative: PathBuf = base[shared..]
        .iter()
        .map(|_| Component::ParentDir)
        .collect();
    relative.extend(&path[shared..]);
    Some(relative)
}

/// Writes the errors of `report` as the compiler shows them; true when
/// there was one.
pub(crate) fn write_errors(report: &Report, io: &mut Io<'_>) -> Result<bool, Stop> {
    let mut failed = false;
    for diagnostic in report.diagnostics() {
        if diagnostic.level() == Level::Error {
            writeln!(io.err, "error: {}\n", diagnostic.report())?;
            failed = true;
        }
    }
    Ok(failed)
}

/// The catalogs at `paths`, all without errors. Catalogs with errors have
/// them written, as `errcodes check` writes them, and stop the command.
///
/// # Errors
///
/// When a catalog cannot be read or has errors.
pub fn checked(paths: &[PathBuf], io: &mut Io<'_>) -> Result<Vec<Loaded>, Stop> {
    let mut catalogs = Vec::with_capacity(paths.len());
    let mut failed = false;
    for path in paths {
        let files = read(path)?;
        let report = files.check(&Lints::default());
        failed |= write_errors(&report, io)?;
        if let (false, Ok(catalog)) = (failed, report.into_result()) {
            // The check read the lock already: it reads.
            let locked = files
                .lock
                .as_ref()
                .and_then(|lock| Lock::read(&lock.path, &lock.text).ok());
            catalogs.push(Loaded {
                path: files.catalog.path,
                catalog,
                lock: files.lock.map(|lock| {
                    let digest = digest(&lock.text);
                    (lock.path, digest)
                }),
                locked,
            });
        }
    }
    if failed {
        writeln!(
            io.err,
            "error: fix the catalogs' errors first; `errcodes check` lists them all"
        )?;
        return Err(Stop::Reported);
    }
    Ok(catalogs)
}

/// Whether `path` names a catalog by its extension: `.yaml` or `.yml`, in
/// any case.
#[must_use]
pub fn is_catalog(path: &Path) -> bool {
    path.extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("yaml") || extension.eq_ignore_ascii_case("yml")
    })
}

/// The catalogs under `specs/` in the current directory, in name order.
///
/// # Errors
///
/// When there is no such directory, or no catalog in it.
pub fn default_paths() -> Result<Vec<PathBuf>, Stop> {
    let dir = Path::new("specs");
    let entries = std::fs::read_dir(dir).map_err(|error| {
        format!("cannot list `specs/`, where catalogs are looked for without --spec: {error}")
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| is_catalog(path))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err("`specs/` holds no catalog (*.yaml); name one with --spec"
            .to_owned()
            .into());
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::relative_to;

    #[test]
    fn a_path_is_shown_relative_to_the_working_directory() {
        let relative = |path: &str, base: &str| {
            relative_to(Path::new(path), Path::new(base)).map(|p| p.display().to_string())
        };
        assert_eq!(
            relative("/api/specs/a.yaml", "/api").as_deref(),
            Some("specs/a.yaml")
        );
        assert_eq!(
            relative("/api/specs/a.yaml", "/api/docs").as_deref(),
            Some("../specs/a.yaml")
        );
        assert_eq!(
            relative("/other/a.yaml", "/api/docs").as_deref(),
            Some("../../other/a.yaml")
        );
    }
}
