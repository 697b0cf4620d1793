//! `errcodes check`: the macro's diagnostics, rendered the same way, plus
//! the warnings the macro has no channel for, by name.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use errcodes_codegen::{Diagnostic, Files, Level, Lint, Lints, NoteKind};
use serde_json::{Value, json};

use crate::{Exit, Io, load};

/// Checks catalogs with the macro's rules: every error and warning, with
/// file, line and column. Exits with 1 when any catalog has an error.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  errcodes check specs/*.yaml
  errcodes check --format json specs/shop.yaml   # one JSON object per line, for editors and CI
  errcodes check --allow missing-description specs/*.yaml

JSON objects have: file, line, column, end (line, column), severity
(error or warning), lint (its name, for a warning), message, notes (each
with message, and file, line and column when it points at a place), and
help (a list of messages).

Lints: name-keeps-digits, missing-description, failure-below-400. A catalog
allows them with `allow: [...]`, at the top or in an entry.")]
pub struct Args {
    /// The catalogs to check.
    #[arg(required = true, value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = Output::Human)]
    pub format: Output,
    /// Silences a lint.
    #[arg(long, value_name = "LINT")]
    pub allow: Vec<Lint>,
    /// Makes a lint an error.
    #[arg(long, value_name = "LINT")]
    pub deny: Vec<Lint>,
}

/// How `check` prints diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Reports as the compiler prints them.
    Human,
    /// One JSON object per diagnostic, one per line.
    Json,
}

/// Runs `errcodes check`.
///
/// # Errors
///
/// When the output cannot be written.
pub fn run(args: &Args, io: &mut Io<'_>) -> Exit {
    let mut lints = Lints::default();
    for &lint in &args.allow {
        lints.allow(lint);
    }
    for &lint in &args.deny {
        lints.deny(lint);
    }
    let (mut errors, mut warnings, mut unreadable) = (0, 0, 0);
    for path in &args.specs {
        let report = match Files::read(path, &load::shown(path)) {
            Ok(files) => files.check(&lints),
            Err(error) => {
                writeln!(io.err, "error: {error}")?;
                unreadable += 1;
                continue;
            }
        };
        for diagnostic in report.diagnostics() {
            match diagnostic.level() {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
            }
            match args.format {
                Output::Human => {
                    writeln!(
                        io.err,
                        "{}: {}\n",
                        diagnostic.level().as_str(),
                        diagnostic.report()
                    )?;
                }
                Output::Json => writeln!(io.out, "{}", to_json(diagnostic))?,
            }
        }
    }
    let checked = args.specs.len() - unreadable;
    // A catalog that could not be read is no catalog without errors.
    let unread = if unreadable > 0 {
        format!(
            "; {unreadable} catalog{} could not be read",
            plural(unreadable)
        )
    } else {
        String::new()
    };
    writeln!(
        io.err,
        "{checked} catalog{}: {}, {}{unread}",
        plural(checked),
        count(errors, "error"),
        count(warnings, "warning")
    )?;
    Ok(if errors > 0 || unreadable > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A diagnostic for editors and CI annotations.
fn to_json(diagnostic: &Diagnostic) -> Value {
    let (at, end) = (diagnostic.location(), diagnostic.end());
    let mut notes = Vec::new();
    let mut help = Vec::new();
    for note in diagnostic.notes() {
        match (note.kind(), note.location()) {
            (NoteKind::Help, _) => help.push(Value::from(note.message())),
            (NoteKind::Note, Some((file, at))) => notes.push(json!({
                "message": note.message(),
                "file": file,
                "line": at.line,
                "column": at.column,
            })),
            (NoteKind::Note, None) => notes.push(json!({"message": note.message()})),
        }
    }
    let mut object = json!({
        "file": diagnostic.path(),
        "line": at.line,
        "column": at.column,
        "end": {"line": end.line, "column": end.column},
        "severity": diagnostic.level().as_str(),
        "message": diagnostic.message(),
        "notes": notes,
        "help": help,
    });
    if let Some(lint) = diagnostic.lint() {
        object["lint"] = Value::from(lint);
    }
    object
}

fn count(n: usize, what: &str) -> String {
    match n {
        0 => format!("no {what}s"),
        n => format!("{n} {what}{}", plural(n)),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
