//! Reading catalogs from files with the macro's own reader and rules,
//! reported under the paths the user gave.

use std::path::{Path, PathBuf};

use errcodes_codegen::{CheckedCatalog, File, Level, Report, lock};

/// Why a command stops before its end.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Something to say, as `error: …`.
    Message(String),
    /// The catalogs' own errors, already printed.
    Reported,
}

impl From<String> for Stop {
    fn from(message: String) -> Self {
        Stop::Message(message)
    }
}

/// A catalog file, read and checked.
pub(crate) struct Loaded {
    /// The path as given, which reports use.
    pub(crate) path: String,
    pub(crate) report: Report,
}

/// A catalog without errors.
pub(crate) struct Catalog {
    pub(crate) path: String,
    pub(crate) catalog: CheckedCatalog,
}

/// Reads and checks the catalog at `path`, against its lock when it has
/// one, as the macro does.
pub(crate) fn load(path: &Path) -> Result<Loaded, String> {
    let shown = path.display().to_string();
    let text = read(path, "catalog")?;
    let lock_path = lock::path_of(path);
    let report = match read_if_present(&lock_path, "lock")? {
        Some(lock_text) => {
            let lock_shown = lock_path.display().to_string();
            errcodes_codegen::check_locked(
                File {
                    path: &shown,
                    text: &text,
                },
                File {
                    path: &lock_shown,
                    text: &lock_text,
                },
            )
        }
        None => errcodes_codegen::check(&shown, &text),
    };
    Ok(Loaded {
        path: shown,
        report,
    })
}

/// The text of a file; `what` names it in the error.
pub(crate) fn read(path: &Path, what: &str) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read the {what} `{}`: {error}", path.display()))
}

/// The text of a file that may not exist.
pub(crate) fn read_if_present(path: &Path, what: &str) -> Result<Option<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(format!(
            "cannot read the {what} `{}`: {error}",
            path.display()
        )),
    }
}

/// The catalogs at `paths`, all without errors. Catalogs with errors have
/// them printed, as `errcodes check` prints them, and stop the command.
pub(crate) fn checked(paths: &[PathBuf]) -> Result<Vec<Catalog>, Stop> {
    let mut catalogs = Vec::with_capacity(paths.len());
    let mut failed = false;
    for path in paths {
        let loaded = load(path)?;
        for diagnostic in loaded.report.diagnostics() {
            if diagnostic.level() == Level::Error {
                eprintln!("error: {}\n", diagnostic.report());
                failed = true;
            }
        }
        if let (false, Some(catalog)) = (failed, loaded.report.catalog()) {
            catalogs.push(Catalog {
                path: loaded.path,
                catalog: catalog.clone(),
            });
        }
    }
    if failed {
        eprintln!("error: fix the catalogs' errors first; `errcodes check` lists them all");
        return Err(Stop::Reported);
    }
    Ok(catalogs)
}

/// The catalogs under `specs/` in the current directory, in name order.
pub(crate) fn default_paths() -> Result<Vec<PathBuf>, String> {
    let dir = Path::new("specs");
    let entries = std::fs::read_dir(dir).map_err(|error| {
        format!("cannot list `specs/`, where catalogs are looked for without --spec: {error}")
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err("`specs/` holds no catalog (*.yaml); name one with --spec".to_owned());
    }
    Ok(paths)
}
