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
//! | the rules a catalog must follow | `check.rs`, helped by `names.rs`, `format.rs`, `plain.rs` |
//! | the checked model | [`Catalog`] in `catalog.rs` |
//! | Rust tokens | `expand.rs`, with rustdoc from `docs.rs` and the perfect hash from `phf.rs` |
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
//! ```

#![forbid(unsafe_code)]

mod catalog;
mod check;
mod diagnostic;
mod docs;
mod expand;
mod format;
#[doc(hidden)]
pub mod fuzz;
mod keys;
mod names;
mod phf;
mod plain;
mod source;
mod spec;
mod yaml;

use std::path::Path;

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

pub use crate::catalog::{Catalog, Code, Domain};
use crate::diagnostic::Errors;
pub use crate::diagnostic::{Diagnostic, Location};
pub use crate::expand::Expansion;
use crate::expand::TooLarge;
use crate::source::Source;

/// A catalog that did not pass its checks.
#[derive(Debug)]
pub struct Failure {
    diagnostics: Vec<Diagnostic>,
    rendered: Vec<String>,
    recovered: Option<Box<Catalog>>,
}

impl Failure {
    /// Every mistake, in file order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Every mistake as a full report: message, `path:line:column`, the
    /// offending line, notes.
    #[must_use]
    pub fn reports(&self) -> &[String] {
        &self.rendered
    }

    /// What could be checked, with stand-ins for the values at fault: enough
    /// to generate the enum next to the errors. `None` when the catalog has
    /// no usable name.
    #[must_use]
    pub fn recovered(&self) -> Option<&Catalog> {
        self.recovered.as_deref()
    }
}

/// Reads and checks a catalog. `path` is how the file is named in reports.
///
/// # Errors
///
/// Every mistake in the catalog, when there is at least one.
pub fn parse(path: &str, text: &str) -> Result<Catalog, Failure> {
    let source = Source::new(path, text);
    let mut errors = Errors::default();
    let catalog = match yaml::parse(&source) {
        Ok(root) => {
            let spec = spec::read(&root, &source, &mut errors);
            check::check(&spec, &mut errors)
        }
        Err(diagnostic) => {
            errors.push(diagnostic);
            None
        }
    };
    match catalog {
        Some(catalog) if errors.is_empty() => Ok(catalog),
        recovered => {
            let diagnostics = errors.into_sorted();
            let rendered = diagnostics.iter().map(|d| d.render(&source)).collect();
            Err(Failure {
                diagnostics,
                rendered,
                recovered: recovered.map(Box::new),
            })
        }
    }
}

/// Generates the enum and its impls for a checked catalog.
///
/// # Errors
///
/// When the catalog is too large for the tables: more than 65,536 codes, or
/// more than 4 GiB of text.
pub fn expand(catalog: &Catalog, expansion: Expansion<'_>) -> Result<TokenStream, String> {
    expand::expand(catalog, expansion).map_err(|too_large| match too_large {
        TooLarge::Strings => format!("catalog `{}` has more than 4 GiB of text", expansion.path),
        TooLarge::Codes => format!("catalog `{}` has more than 65536 codes", expansion.path),
    })
}

/// Everything `errcodes!` does: reads the catalog at `resolved`, checks it
/// and generates its code. `written` is the path as the user wrote it;
/// mistakes become `compile_error!`s spanning `span`, next to a stand-in
/// enum when the catalog's name is usable.
#[must_use]
pub fn expand_file(written: &str, resolved: &Path, span: Span) -> TokenStream {
    let text = match std::fs::read_to_string(resolved) {
        Ok(text) => text,
        Err(error) => {
            let message = format!(
                "cannot read the catalog `{written}`: {error}\n = note: the path is relative to the directory of the crate's Cargo.toml; tried `{}`",
                resolved.display()
            );
            return compile_errors(&[message], span);
        }
    };
    let expansion = Expansion {
        path: written,
        include: resolved.to_str(),
    };
    match parse(written, &text) {
        Ok(catalog) => {
            expand(&catalog, expansion).unwrap_or_else(|message| compile_errors(&[message], span))
        }
        Err(failure) => {
            let mut tokens = compile_errors(failure.reports(), span);
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

fn compile_errors(messages: &[String], span: Span) -> TokenStream {
    messages
        .iter()
        .map(|message| quote_spanned!(span=> ::core::compile_error! { #message }))
        .collect()
}
