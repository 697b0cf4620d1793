//! `errcodes`: the same YAML catalogs that `errcodes!` compiles, for every
//! other reader. It checks catalogs with the macro's own rules, writes a
//! Markdown reference page per catalog, explains a code, and exports
//! catalogs as JSON and OpenAPI 3.1.
//!
//! ```text
//! errcodes check specs/*.yaml
//! errcodes docs specs/*.yaml --out docs/catalogs
//! errcodes explain too_many_requests
//! errcodes export specs/*.yaml --format openapi > errors.openapi.json
//! ```

#![forbid(unsafe_code)]

mod check;
mod docs;
mod explain;
mod export;
mod facts;
mod specs;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Checks error catalogs, writes their reference pages, explains codes and
/// exports catalogs: one YAML catalog for every reader, not only the Rust
/// enum that `errcodes!` generates.
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
