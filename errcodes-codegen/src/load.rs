//! Reading a catalog and its lock from disk: the one way the macro and
//! every command of the `errcodes` tool read them.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::lint::Lints;
use crate::lock;
use crate::model::CheckedCatalog;
use crate::pipeline;
use crate::report::{Rejected, Report};
pub use crate::source::Input;

/// A catalog, and its lock when it has one.
///
/// ```
/// use errcodes_codegen::{Files, Input, Lints};
///
/// let files = Files::new(Input::new(
///     "shop.yaml",
///     "name: ShopError\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out of stock\n",
/// ));
/// let report = files.check(&Lints::default());
/// assert!(report.is_ok());
/// // A tool warns where the macro cannot.
/// assert_eq!(report.diagnostics()[0].message(), "code `OUT_OF_STOCK` has no description");
/// assert_eq!(files.parse().unwrap().codes.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files {
    /// The catalog.
    pub catalog: Input,
    /// Its lock.
    pub lock: Option<Input>,
    /// Its translations: Fluent files named like the catalog, with a
    /// language tag before `.ftl` (`shop.de.ftl`). `None` when they were
    /// not looked for: the catalog is then checked alone, without the
    /// files its `locales` names.
    pub translations: Option<Vec<Input>>,
    /// Where on disk each was read from, when they were: what the macro
    /// has cargo watch.
    pub read_from: Vec<PathBuf>,
}

impl Files {
    /// A catalog without a lock.
    #[must_use]
    pub fn new(catalog: Input) -> Self {
        Files {
            catalog,
            lock: None,
            translations: None,
            read_from: Vec::new(),
        }
    }

    /// The catalog with `lock`.
    #[must_use]
    pub fn with_lock(mut self, lock: Input) -> Self {
        self.lock = Some(lock);
        self
    }

    /// The catalog with `translation`, whose path ends with its language
    /// tag and `.ftl`. The catalog's `locales` are then checked against
    /// the translations given.
    #[must_use]
    pub fn with_translation(mut self, translation: Input) -> Self {
        self.translations
            .get_or_insert_with(Vec::new)
            .push(translation);
        self
    }

    /// Reads the catalog at `path`, its lock when one is beside it
    /// ([`lock::path_of`]) and its translations, the files beside it named
    /// like it with a language tag before `.ftl`. Reports name the catalog
    /// `shown`, and the other files after it.
    ///
    /// # Errors
    ///
    /// When the catalog cannot be read, or a lock exists and cannot be.
    pub fn read(path: &Path, shown: &str) -> Result<Files, ReadError> {
        let text = std::fs::read_to_string(path).map_err(|error| ReadError {
            what: "catalog",
            shown: shown.to_owned(),
            tried: path.to_owned(),
            error,
        })?;
        let mut files = Files::new(Input::new(shown, text));
        files.read_from.push(path.to_owned());
        let lock_path = lock::path_of(path);
        let lock_shown = lock::path_of(Path::new(shown)).display().to_string();
        match std::fs::read_to_string(&lock_path) {
            Ok(text) => {
                files.lock = Some(Input::new(lock_shown, text));
                files.read_from.push(lock_path);
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(ReadError {
                    what: "lock",
                    shown: lock_shown,
                    tried: lock_path,
                    error,
                });
            }
        }
        let mut translations = Vec::new();
        for (path, shown) in translation_files(path, shown) {
            let text = std::fs::read_to_string(&path).map_err(|error| ReadError {
                what: "translation",
                shown: shown.clone(),
                tried: path.clone(),
                error,
            })?;
            translations.push(Input::new(shown, text));
            files.read_from.push(path);
        }
        files.translations = Some(translations);
        Ok(files)
    }

    /// Checks the catalog, and that it keeps the promises of its lock, as
    /// tools do: every error, and the warnings `lints` leaves on.
    #[must_use]
    pub fn check(&self, lints: &Lints) -> Report {
        pipeline::run(
            &self.catalog,
            self.lock.as_ref(),
            self.translations.as_deref(),
            Some(lints),
        )
    }

    /// Checks the catalog and its lock as the macro does: errors only.
    ///
    /// # Errors
    ///
    /// Every mistake in the catalog and every broken promise of the lock.
    pub fn parse(&self) -> Result<CheckedCatalog, Rejected> {
        pipeline::run(
            &self.catalog,
            self.lock.as_ref(),
            self.translations.as_deref(),
            None,
        )
        .into_result()
    }
}

/// The translations beside the catalog at `path`, in the order of their
/// names: where each is, and how reports name it.
fn translation_files(path: &Path, shown: &str) -> Vec<(PathBuf, String)> {
    let (Some(stem), Some(dir)) = (path.file_stem().and_then(|s| s.to_str()), path.parent()) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{stem}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let tag = name.strip_prefix(&prefix)?.strip_suffix(".ftl")?;
            (!tag.is_empty() && !tag.contains('.')).then(|| {
                let shown = Path::new(shown).with_file_name(&name);
                (entry.path(), shown.display().to_string())
            })
        })
        .collect();
    found.sort();
    found
}

/// A catalog, lock or translation that could not be read.
#[derive(Debug)]
pub struct ReadError {
    what: &'static str,
    shown: String,
    tried: PathBuf,
    error: io::Error,
}

impl ReadError {
    /// Where the file was looked for.
    #[must_use]
    pub fn tried(&self) -> &Path {
        &self.tried
    }

    /// Whether it is the catalog, not its lock or a translation, that could
    /// not be read.
    #[must_use]
    pub fn is_catalog(&self) -> bool {
        self.what == "catalog"
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read the {} `{}`: {}",
            self.what, self.shown, self.error
        )
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}
