//! Reads, checks and compiles errcodes YAML catalogs into Rust.
//!
//! This is the engine behind `errcodes_runtime::errcodes!`, as an ordinary
//! library so that it can be tested directly and used from build scripts
//! and tools. A catalog goes through one module per step, each reading
//! only what the step before produced:
//!
//! | step | module | produces |
//! |------|--------|----------|
//! | every key of a catalog, declared once | [`keys`] | [`keys::Key`]s |
//! | a catalog, its lock and its translations, from disk | `load.rs` | [`Files`] |
//! | YAML text to a tree of values with positions | `yaml.rs` (the only user of `serde_yaml`) | `yaml::Node` |
//! | each mapping read against its keys' declarations | `spec.rs` | `spec::Mapping` |
//! | the rules a catalog must follow, building the model as they go | `check.rs`, `check/code.rs`, `check/fields.rs`, `check/grpc.rs`, `check/boundary.rs`, helped by `names.rs`, `pattern.rs`, `template.rs`, `yaml11.rs`, and `words.rs` for keys and words as other tools say them | [`CheckedCatalog`] (`model.rs`, [`fields`]) |
//! | the translations, read as Fluent and checked against the catalog | [`translations`] | [`translations::CheckedTranslation`]s |
//! | what a catalog leaves out, and what stands in for what was refused | `defaults.rs` | defaults for `check.rs` |
//! | what is legal but likely wrong: named warnings for tools | `lint.rs` | [`Diagnostic`]s |
//! | the lock file: what a catalog promised | [`lock`] | [`lock::Lock`] |
//! | the classes of change, each declared once | [`classes`] | [`classes::Class`]es |
//! | what breaks clients, for the build, `check`, `lock` and `diff` | [`compat`] | [`compat::Change`]s |
//! | the lock's broken promises, located in both files | `enforce.rs` | [`Diagnostic`]s |
//! | Rust tokens | `expand.rs`, `expand/fields.rs` and `expand/translations.rs`, with rustdoc from `rustdoc.rs` and the perfect hash from `phf.rs` | `TokenStream` |
//!
//! `pipeline.rs` runs the steps, `report.rs` holds what they found,
//! `source.rs` holds the files' text, `diagnostic.rs` says how mistakes are
//! shown, and [`markdown`] how catalog text is written in documentation.
//!
//! ```
//! let yaml = "name: ShopError\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out of stock\n";
//! let catalog = errcodes_codegen::parse("shop.yaml", yaml).unwrap();
//! assert_eq!(catalog.codes[0].name.value, "OutOfStock");
//!
//! let error = errcodes_codegen::parse("shop.yaml", "name: ShopError\ncodes:\n  - code: X\n    status: 999\n    title: X\n")
//!     .unwrap_err();
//! assert_eq!(error.diagnostics()[0].message(), "status 999 is not an HTTP status");
//! assert_eq!(error.diagnostics()[0].location().line, 4);
//! assert!(error.diagnostics()[0].report().contains("--> shop.yaml:4:13"));
//! ```

#![forbid(unsafe_code)]

mod check;
pub mod classes;
pub mod compat;
mod defaults;
mod diagnostic;
mod enforce;
mod expand;
pub mod fields;
#[doc(hidden)]
pub mod fuzz;
pub mod keys;
mod lint;
mod load;
pub mod lock;
pub mod markdown;
mod model;
mod names;
mod pattern;
mod phf;
mod pipeline;
mod report;
mod rustdoc;
mod source;
mod spec;
mod template;
pub mod translations;
mod words;
mod yaml;
mod yaml11;

use std::path::Path;

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

pub use crate::diagnostic::{Diagnostic, Level, Location, Note, NoteKind};
pub use crate::expand::Expansion;
pub use crate::lint::{Lint, Lints, UnknownLint};
pub use crate::load::{Files, Input, ReadError};
pub use crate::model::{
    CheckedCatalog, CheckedCode, CheckedDomain, CheckedGrpc, Fact, Located, Provenance, Shown,
};
pub use crate::report::{Rejected, Report};

/// Reads and checks a catalog alone, without its lock and translations,
/// as tools do: every error, and the warnings the macro cannot give.
/// `path` is how the file is named in reports.
#[must_use]
pub fn check(path: &str, text: &str) -> Report {
    Files::new(Input::new(path, text)).check(&Lints::default())
}

/// Reads and checks a catalog alone, without its lock and translations,
/// as the macro does: errors only. `path` is how the file is named in
/// reports.
///
/// # Errors
///
/// Every mistake in the catalog, when there is at least one.
pub fn parse(path: &str, text: &str) -> Result<CheckedCatalog, Rejected> {
    Files::new(Input::new(path, text)).parse()
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
    let files = match Files::read(resolved, written) {
        Ok(files) => files,
        Err(error) => {
            let note = if error.is_catalog() {
                "the path is relative to the directory of the crate's Cargo.toml; tried"
            } else {
                "tried"
            };
            let message = format!("{error}\n = note: {note} `{}`", error.tried().display());
            return compile_errors(&[&message], span);
        }
    };
    let watched: Vec<&str> = files.read_from.iter().filter_map(|p| p.to_str()).collect();
    let expansion = Expansion {
        path: written,
        watched: &watched,
    };
    match files.parse() {
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
