//! Reads, checks and compiles errcodes YAML catalogs into Rust.
//!
//! This is the engine behind `errcodes_runtime::errcodes!`, as an ordinary
//! library so that it can be tested directly and used from build scripts
//! and tools. A catalog goes through one module per step:
//!
//! | step | module |
//! |------|--------|
//! | YAML text to a tree of values with positions | `yaml.rs` (the only user of serde_yaml) |
//! | tree to the catalog's keys, typed | `spec.rs`, with key names in `keys.rs` |
//! | the rules a catalog must follow | `check.rs`, helped by `names.rs`, `shape.rs`, `yaml11.rs` |
//! | defaults and stand-ins | `lower.rs` |
//! | the checked model | [`CheckedCatalog`] in `model.rs` |
//! | Rust tokens | `expand.rs`, with rustdoc from `docs.rs` and the perfect hash from `phf.rs` |
//! | what is legal but likely wrong: warnings for tools | `lint.rs` |
//! | the promises a catalog's lock holds it to | [`lock`] |
//! | how mistakes are reported | `diagnostic.rs` |
//!
//! ```
//! let yaml = "name: ShopError\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out of stock\n";
//! let catalog = errcodes_codegen::parse("shop.yaml", yaml).unwrap();
//! assert_eq!(catalog.codes[0].name, "OutOfStock");
//!
//! let error = errcodes_codegen::parse("shop.yaml", "name: ShopError\ncodes:\n  - code: X\n    status: 999\n    title: X\n")
//!     .unwrap_err();
//! assert_eq!(error.diagnostics()[0].message(), "status 999 is not an HTTP status");
//! assert_eq!(error.diagnostics()[0].location().line, 4);
//! assert!(error.diagnostics()[0].report().contains("--> shop.yaml:4:13"));
//! ```

#![forbid(unsafe_code)]

mod check;
mod diagnostic;
mod docs;
mod expand;
#[doc(hidden)]
pub mod fuzz;
pub mod keys;
mod lint;
pub mod lock;
mod lower;
pub mod markdown;
mod model;
mod names;
mod phf;
mod shape;
mod source;
mod spec;
mod yaml;
mod yaml11;

use std::path::Path;

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

pub use crate::diagnostic::{Diagnostic, Level, Location, Note, NoteKind};
use crate::diagnostic::{Errors, Sources};
pub use crate::expand::Expansion;
pub use crate::model::{CheckedCatalog, CheckedCode, CheckedDomain};
use crate::source::Source;

/// What checking a catalog found: every diagnostic, and the model.
#[derive(Debug)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
    catalog: Option<CheckedCatalog>,
}

impl Report {
    /// Every diagnostic, in file order.
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

    /// The catalog, or the failure when there is an error.
    ///
    /// # Errors
    ///
    /// When a diagnostic is an error.
    pub fn into_result(self) -> Result<CheckedCatalog, Failure> {
        match self.catalog {
            Some(catalog) if self.diagnostics.iter().all(|d| d.level() != Level::Error) => {
                Ok(catalog)
            }
            recovered => Err(Failure {
                diagnostics: self.diagnostics,
                recovered: recovered.map(Box::new),
            }),
        }
    }
}

/// A catalog that did not pass its checks.
#[derive(Debug)]
pub struct Failure {
    diagnostics: Vec<Diagnostic>,
    recovered: Option<Box<CheckedCatalog>>,
}

impl Failure {
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

/// A file as read: how it is named in reports, and its text.
#[derive(Clone, Copy, Debug)]
pub struct File<'a> {
    /// The path, as reports show it.
    pub path: &'a str,
    /// The contents.
    pub text: &'a str,
}

/// Reads and checks a catalog, as tools do: every error, and the warnings
/// the macro cannot give. `path` is how the file is named in reports.
#[must_use]
pub fn check(path: &str, text: &str) -> Report {
    run(File { path, text }, None, true)
}

/// [`check`], and also that the catalog keeps the promises of its
/// [`lock`]: no locked code removed, reused or changed.
#[must_use]
pub fn check_locked(catalog: File<'_>, lock: File<'_>) -> Report {
    run(catalog, Some(lock), true)
}

fn run(catalog: File<'_>, lock: Option<File<'_>>, lints: bool) -> Report {
    let source = Source::new(catalog.path, catalog.text);
    let lock_source = lock.map(|lock| Source::new(lock.path, lock.text));
    let mut errors = Errors::default();
    let checked_catalog = match yaml::parse(&source) {
        Ok(root) => {
            let spec = spec::read(&root, &source, &mut errors);
            let checked = check::check(&spec, &mut errors);
            let lowered = lower::lower(&checked);
            if let (true, Some(lowered)) = (lints, &lowered) {
                lint::lint(&checked, lowered, &mut errors);
            }
            if let (Some(lock_source), Some(lowered)) = (&lock_source, &lowered) {
                let lock = lock::read(lock_source, &mut errors);
                lock::enforce(&lock, &spec, &checked, lowered, catalog.path, &mut errors);
            }
            lowered
        }
        Err(diagnostic) => {
            errors.push(*diagnostic);
            None
        }
    };
    let sources = Sources {
        catalog: &source,
        lock: lock_source.as_ref(),
    };
    Report {
        diagnostics: errors.finish(sources),
        catalog: checked_catalog,
    }
}

/// Reads and checks a catalog, as the macro does: errors only. `path` is
/// how the file is named in reports.
///
/// # Errors
///
/// Every mistake in the catalog, when there is at least one.
pub fn parse(path: &str, text: &str) -> Result<CheckedCatalog, Failure> {
    run(File { path, text }, None, false).into_result()
}

/// [`parse`], and also that the catalog keeps the promises of its
/// [`lock`], as the macro does when the lock exists.
///
/// # Errors
///
/// Every mistake in the catalog and every broken promise of the lock.
pub fn parse_locked(catalog: File<'_>, lock: File<'_>) -> Result<CheckedCatalog, Failure> {
    run(catalog, Some(lock), false).into_result()
}

/// Generates the enum and its impls for a checked catalog.
///
/// # Errors
///
/// When the catalog does not fit the tables, which a catalog that passed
/// its checks does unless it has more than 4 GiB of text; the message says
/// what did not fit.
pub fn expand(catalog: &CheckedCatalog, expansion: Expansion<'_>) -> Result<TokenStream, String> {
    expand::expand(catalog, expansion)
        .map_err(|problem| format!("catalog `{}`: {problem}", expansion.path))
}

/// Everything `errcodes!` does: reads the catalog at `resolved`, and its
/// lock when there is one, checks them and generates the code. `written`
/// is the path as the user wrote it; mistakes become `compile_error!`s
/// spanning `span`, next to a stand-in enum when the catalog's name is
/// usable.
#[must_use]
pub fn expand_file(written: &str, resolved: &Path, span: Span) -> TokenStream {
    let text = match std::fs::read_to_string(resolved) {
        Ok(text) => text,
        Err(error) => {
            let message = format!(
                "cannot read the catalog `{written}`: {error}\n = note: the path is relative to the directory of the crate's Cargo.toml; tried `{}`",
                resolved.display()
            );
            return compile_errors(&[&message], span);
        }
    };
    let lock_resolved = lock::path_of(resolved);
    let lock_written = lock::path_of(Path::new(written));
    let lock_written = lock_written.to_string_lossy();
    let lock_text = match std::fs::read_to_string(&lock_resolved) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            let message = format!(
                "cannot read the lock `{lock_written}`: {error}\n = note: tried `{}`",
                lock_resolved.display()
            );
            return compile_errors(&[&message], span);
        }
    };
    let expansion = Expansion {
        path: written,
        include: resolved.to_str(),
        include_lock: lock_text.as_ref().and_then(|_| lock_resolved.to_str()),
    };
    let catalog = File {
        path: written,
        text: &text,
    };
    let parsed = match &lock_text {
        Some(lock_text) => parse_locked(
            catalog,
            File {
                path: &lock_written,
                text: lock_text,
            },
        ),
        None => parse(written, &text),
    };
    match parsed {
        Ok(catalog) => {
            expand(&catalog, expansion).unwrap_or_else(|message| compile_errors(&[&message], span))
        }
        Err(failure) => {
            let reports: Vec<&str> = failure.errors().map(Diagnostic::report).collect();
            let mut tokens = compile_errors(&reports, span);
            if let Some(Ok(stand_in)) = failure
                .recovered()
                .map(|catalog| expand(catalog, expansion))
            {
                tokens.extend(stand_in);
            }
            tokens
        }
    }
}

fn compile_errors(messages: &[&str], span: Span) -> TokenStream {
    messages
        .iter()
        .map(|message| quote_spanned!(span=> ::core::compile_error! { #message }))
        .collect()
}
