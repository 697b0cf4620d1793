//! `errcodes check`: the macro's diagnostics, rendered the same way, plus
//! the warnings the macro has no channel for.

use std::path::PathBuf;
use std::process::ExitCode;

use errcodes_codegen::{Diagnostic, Level, NoteKind};
use serde_json::{Value, json};

use crate::CheckFormat;
use crate::specs;

pub(crate) fn run(paths: &[PathBuf], format: CheckFormat) -> ExitCode {
    let (mut errors, mut warnings, mut unreadable) = (0, 0, 0);
    for path in paths {
        let loaded = match specs::load(path) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("error: {message}");
                unreadable += 1;
                continue;
            }
        };
        for diagnostic in loaded.report.diagnostics() {
            match diagnostic.level() {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
            }
            match format {
                CheckFormat::Human => {
                    eprintln!("{}: {}\n", diagnostic.level().as_str(), diagnostic.report());
                }
                CheckFormat::Json => println!("{}", to_json(diagnostic)),
            }
        }
    }
    let checked = paths.len() - unreadable;
    eprintln!(
        "{checked} catalog{}: {}, {}",
        plural(checked),
        count(errors, "error"),
        count(warnings, "warning")
    );
    if errors > 0 || unreadable > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
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
    json!({
        "file": diagnostic.path(),
        "line": at.line,
        "column": at.column,
        "end": {"line": end.line, "column": end.column},
        "severity": diagnostic.level().as_str(),
        "message": diagnostic.message(),
        "notes": notes,
        "help": help,
    })
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
