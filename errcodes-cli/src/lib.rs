//! `errcodes`: the same YAML catalogs that `errcodes!` compiles, for every
//! other reader. It checks catalogs with the macro's own rules, writes a
//! Markdown reference page per catalog, explains a code, exports catalogs
//! as JSON, OpenAPI 3.1, a TypeScript module or a protobuf enum, locks
//! their published codes, tells breaking changes from compatible ones,
//! and prints the JSON Schemas of catalogs and of the JSON export.
//!
//! ```text
//! errcodes check specs/*.yaml
//! errcodes docs specs/*.yaml --out docs/catalogs
//! errcodes explain too_many_requests
//! errcodes export specs/*.yaml --format openapi > errors.openapi.json
//! errcodes lock specs/*.yaml
//! git show main:specs/pass.yaml | errcodes diff - specs/pass.yaml
//! errcodes schema catalog > catalog.schema.json
//! errcodes probe http://127.0.0.1:8080/items --spec specs/shop.yaml
//! ```
//!
//! The command is this library with a thin `main`: each subcommand is a
//! module with its arguments and a `run` function that tests call directly.
//!
//! ```
//! use errcodes_cli::{Io, run};
//!
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let mut io = Io { out: &mut out, err: &mut err, input: &mut std::io::empty() };
//! let code = run(["errcodes", "explain", "too_many_requests", "--spec", "../specs/pass.yaml"], &mut io);
//! assert_eq!(code, std::process::ExitCode::SUCCESS);
//! assert!(String::from_utf8(out).unwrap().starts_with("too_many_requests: Too many requests"));
//! ```

#![forbid(unsafe_code)]

pub mod check;
pub mod diff;
pub mod explain;
pub mod export;
mod facts;
mod find;
mod language;
pub mod load;
pub mod lock;
pub mod pages;
pub mod probe;
mod proto;
pub mod schema;
mod typescript;

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Checks error catalogs, writes their reference pages, explains codes,
/// exports catalogs, locks them and compares versions: one YAML catalog for
/// every reader, not only the Rust enum that `errcodes!` generates.
#[derive(Debug, Parser)]
#[command(name = "errcodes", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(check::Args),
    Docs(pages::Args),
    Explain(explain::Args),
    Export(export::Args),
    Lock(lock::Args),
    Diff(diff::Args),
    Schema(schema::Args),
    Probe(probe::Args),
}

/// Where a command writes and reads: the process's standard streams, or a
/// test's buffers.
pub struct Io<'a> {
    /// What the command produces.
    pub out: &'a mut dyn Write,
    /// Diagnostics and progress.
    pub err: &'a mut dyn Write,
    /// What `-` stands for.
    pub input: &'a mut dyn Read,
}

/// Why a command stops before its end.
#[derive(Debug)]
pub enum Stop {
    /// Something to say, as `error: …`.
    Message(String),
    /// The catalogs' own errors, already written.
    Reported,
    /// Writing the output failed.
    Io(io::Error),
}

impl From<String> for Stop {
    fn from(message: String) -> Self {
        Stop::Message(message)
    }
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Self {
        Stop::Io(error)
    }
}

impl From<errcodes_codegen::ReadError> for Stop {
    fn from(error: errcodes_codegen::ReadError) -> Self {
        Stop::Message(error.to_string())
    }
}

/// What a command returns: its exit status, or why it stopped.
pub type Exit = Result<ExitCode, Stop>;

/// Parses `args` (the first is the program's name) and runs the command.
/// Mistakes in the arguments are reported as clap reports them, with exit
/// status 2.
pub fn run<I, T>(args: I, io: &mut Io<'_>) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let rendered = error.render();
            let stream: &mut dyn Write = if error.use_stderr() {
                &mut *io.err
            } else {
                &mut *io.out
            };
            let _ = write!(stream, "{rendered}");
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let outcome = match &cli.command {
        Command::Check(args) => check::run(args, io),
        Command::Docs(args) => pages::run(args, io),
        Command::Explain(args) => explain::run(args, io),
        Command::Export(args) => export::run(args, io),
        Command::Lock(args) => lock::run(args, io),
        Command::Diff(args) => diff::run(args, io),
        Command::Schema(args) => schema::run(args, io),
        Command::Probe(args) => probe::run(args, io),
    };
    match outcome {
        Ok(code) => code,
        Err(Stop::Message(message)) => {
            let _ = writeln!(io.err, "error: {message}");
            ExitCode::FAILURE
        }
        Err(Stop::Reported) => ExitCode::FAILURE,
        Err(Stop::Io(error)) => {
            let _ = writeln!(io.err, "error: cannot write the output: {error}");
            ExitCode::FAILURE
        }
    }
}
