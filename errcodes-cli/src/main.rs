//! `errcodes`: the same YAML catalogs that `errcodes!` compiles, for every
//! other reader. It checks catalogs with the macro's own rules, writes a
//! Markdown reference page per catalog, explains a code, exports catalogs
//! as JSON and OpenAPI 3.1, locks their published codes, and tells
//! breaking changes from compatible ones.
//!
//! ```text
//! errcodes check specs/*.yaml
//! errcodes docs specs/*.yaml --out docs/catalogs
//! errcodes explain too_many_requests
//! errcodes export specs/*.yaml --format openapi > errors.openapi.json
//! errcodes lock specs/*.yaml
//! git show main:specs/pass.yaml | errcodes diff - specs/pass.yaml
//! ```

#![forbid(unsafe_code)]

mod check;
mod diff;
mod docs;
mod explain;
mod export;
mod facts;
mod lock;
mod specs;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Checks error catalogs, writes their reference pages, explains codes,
/// exports catalogs, locks them and compares versions: one YAML catalog for
/// every reader, not only the Rust enum that `errcodes!` generates.
#[derive(Debug, Parser)]
#[command(name = "errcodes", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks catalogs with the macro's rules: every error and warning, with
    /// file, line and column. Exits with 1 when any catalog has an error.
    #[command(after_help = "Examples:
  errcodes check specs/*.yaml
  errcodes check --format json specs/shop.yaml   # one JSON object per line, for editors and CI

JSON objects have: file, line, column, end (line, column), severity
(error or warning), message, notes (each with message, and file, line and
column when it points at a place), and help (a list of messages).")]
    Check {
        /// The catalogs to check.
        #[arg(required = true, value_name = "SPEC")]
        specs: Vec<PathBuf>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// Writes one Markdown reference page per catalog: its codes by domain,
    /// and each code with what it means, what to do, and the exact response
    /// a server sends.
    #[command(after_help = "Examples:
  errcodes docs specs/*.yaml --out docs/catalogs   # writes docs/catalogs/privacy.md, …")]
    Docs {
        /// The catalogs to document.
        #[arg(required = true, value_name = "SPEC")]
        specs: Vec<PathBuf>,
        /// The directory to write the pages to, one per catalog, named after
        /// the catalog's file.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Explains a code: its catalog, status, action and what a client
    /// should do, description, resolution and an example response.
    #[command(after_help = "Examples:
  errcodes explain too_many_requests                 # searches specs/*.yaml
  errcodes explain 1030-400 --spec specs/privacy.yaml")]
    Explain {
        /// The code, exactly as sent.
        code: String,
        /// The catalogs to search; by default, `specs/*.yaml` under the
        /// current directory.
        #[arg(long = "spec", value_name = "SPEC")]
        specs: Vec<PathBuf>,
    },
    /// Exports catalogs for other languages and tools: the checked catalogs
    /// as JSON, or an OpenAPI 3.1 document with each catalog's error bodies
    /// and the responses of each HTTP status.
    #[command(after_help = "Examples:
  errcodes export specs/*.yaml --format json > catalogs.json
  errcodes export specs/pass.yaml --format openapi > pass.openapi.json

The JSON export follows specs/export.schema.json.")]
    Export {
        /// The catalogs to export.
        #[arg(required = true, value_name = "SPEC")]
        specs: Vec<PathBuf>,
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Writes each catalog's lock beside it (`pass.yaml`, `pass.lock`): the
    /// codes clients depend on, with their variant name, status and action.
    /// New codes are added; dropping or changing a locked code is refused
    /// unless --allow-breaking is given.
    #[command(after_help = "Examples:
  errcodes lock specs/*.yaml                          # add new codes to the locks
  errcodes lock --check specs/*.yaml                  # in CI: fail when a lock is out of date
  errcodes lock --allow-breaking specs/pass.yaml      # accept a break; removed codes stay retired

Once a lock exists, errcodes! and errcodes check refuse a catalog that
removes, reuses or changes a locked code.")]
    Lock {
        /// The catalogs to lock.
        #[arg(required = true, value_name = "SPEC")]
        specs: Vec<PathBuf>,
        /// Rewrite the lock even where that breaks clients: changed codes take
        /// their new values, and removed codes stay in the lock as retired,
        /// so that they are never reused.
        #[arg(long)]
        allow_breaking: bool,
        /// Write nothing, and exit with 1 when a lock is not up to date.
        #[arg(long, conflicts_with = "allow_breaking")]
        check: bool,
    },
    /// Compares two versions of a catalog and says which changes break
    /// clients of the old one. Exits with 0 when nothing breaks, 1 when
    /// something does, 2 when a catalog cannot be read or has errors.
    #[command(after_help = "Examples:
  errcodes diff old/pass.yaml specs/pass.yaml
  git show main:specs/pass.yaml | errcodes diff - specs/pass.yaml

Breaking: a code removed, its status, action, variant name or wire format
changed, a code repurposed (new title with a new status or action), the
enum renamed, the catalog's wire format or problem type changed.
Compatible: codes added, deprecated or given a replacement; texts,
severity, outcome, origin, domains changed.")]
    Diff {
        /// The old catalog; `-` reads it from standard input.
        old: PathBuf,
        /// The new catalog; `-` reads it from standard input.
        new: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Reports as the compiler prints them.
    Human,
    /// One JSON object per diagnostic, one per line.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// The checked catalogs, every key with its default applied.
    Json,
    /// An OpenAPI 3.1 document of components.
    Openapi,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Check { specs, format } => Ok(check::run(&specs, format)),
        Command::Docs { specs, out } => docs::run(&specs, &out),
        Command::Explain { code, specs } => explain::run(&code, &specs),
        Command::Export { specs, format } => export::run(&specs, format),
        Command::Lock {
            specs,
            allow_breaking,
            check,
        } => lock::run(
            &specs,
            lock::Mode {
                allow_breaking,
                check,
            },
        ),
        Command::Diff { old, new } => diff::run(&old, &new),
    };
    match result {
        Ok(code) => code,
        Err(specs::Stop::Message(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
        Err(specs::Stop::Reported) => ExitCode::FAILURE,
    }
}
