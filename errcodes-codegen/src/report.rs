//! What checking a catalog found.

use crate::diagnostic::{Diagnostic, Level};
use crate::lock::Lock;
use crate::model::CheckedCatalog;

/// What checking a catalog found: every diagnostic, the model, and the
/// lock as read.
#[derive(Debug)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
    catalog: Option<CheckedCatalog>,
    lock: Option<Lock>,
}

impl Report {
    pub(crate) fn new(
        diagnostics: Vec<Diagnostic>,
        catalog: Option<CheckedCatalog>,
        lock: Option<Lock>,
    ) -> Self {
        Report {
            diagnostics,
            catalog,
            lock,
        }
    }

    /// Every diagnostic, in file order: the catalog's, then the lock's.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether no diagnostic is an error.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.diagnostics.iter().all(|d| d.level() != Level::Error)
    }

    /// The checked catalog when there is no error; with errors, what could
    /// be checked, with stand-ins for the values at fault. `None` when the
    /// catalog has no usable name.
    #[must_use]
    pub fn catalog(&self) -> Option<&CheckedCatalog> {
        self.catalog.as_ref()
    }

    /// The catalog's lock, when it has one and it reads without a mistake.
    #[must_use]
    pub fn lock(&self) -> Option<&Lock> {
        self.lock.as_ref()
    }

    /// The catalog, or the failure when there is an error.
    ///
    /// # Errors
    ///
    /// When a diagnostic is an error.
    pub fn into_result(self) -> Result<CheckedCatalog, Rejected> {
        match self.catalog {
            Some(catalog) if self.diagnostics.iter().all(|d| d.level() != Level::Error) => {
                Ok(catalog)
            }
            recovered => Err(Rejected {
                diagnostics: self.diagnostics,
                recovered: recovered.map(Box::new),
            }),
        }
    }
}

/// A catalog rejected by its checks: every diagnostic, and what could be
/// recovered.
#[derive(Debug)]
pub struct Rejected {
    diagnostics: Vec<Diagnostic>,
    recovered: Option<Box<CheckedCatalog>>,
}

impl Rejected {
    /// Every diagnostic, in file order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The diagnostics that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.level() == Level::Error)
    }

    /// What could be checked, with stand-ins for the values at fault: enough
    /// to generate the enum next to the errors. `None` when the catalog has
    /// no usable name.
    #[must_use]
    pub fn recovered(&self) -> Option<&CheckedCatalog> {
        self.recovered.as_deref()
    }
}
