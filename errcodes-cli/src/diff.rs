//! `errcodes diff`: what changed between two versions of a catalog, and
//! whether clients of the old one break, by the rule the build applies to
//! a locked catalog (`errcodes_codegen::compat`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use errcodes_codegen::compat;
use errcodes_codegen::markdown::plural;
use errcodes_codegen::{CheckedCatalog, Files, Input, Lints};

use crate::{Exit, Io, Stop, load};

/// The exit status when some change breaks clients.
const BREAKING: u8 = 1;
/// The exit status when the catalogs could not be compared.
const UNREADABLE: u8 = 2;

/// Compares two versions of a catalog and says which changes break
/// clients of the old one. Exits with 0 when nothing breaks, 1 when
/// something does, 2 when a catalog cannot be read or has errors.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  errcodes diff old/pass.yaml specs/pass.yaml
  git show main:specs/pass.yaml | errcodes diff - specs/pass.yaml

Breaking, each with its class: a code removed, or a retired code or gRPC
reason used again (known from the lock beside OLD); a code's status,
action, variant name, wire format, gRPC reason or gRPC code changed; a
code repurposed (new title with a new status or action); the enum renamed;
the catalog's wire format, problem type, problem code place or gRPC domain
changed. These are the changes a lock refuses at build time. A break that
NEW allows (`allow: [<class>]`) is said as allowed and does not fail the
comparison. Compatible: codes added or deprecated, a catalog starting to
serve gRPC; texts, classifications, replacements and domains changed.")]
pub struct Args {
    /// The old catalog; `-` reads it from standard input.
    pub old: PathBuf,
    /// The new catalog; `-` reads it from standard input.
    pub new: PathBuf,
}

/// Runs `errcodes diff`.
///
/// # Errors
///
/// When both catalogs are `-`, or the output cannot be written.
pub fn run(args: &Args, io: &mut Io<'_>) -> Exit {
    let stdin = Path::new("-");
    if args.old == stdin && args.new == stdin {
        return Err(Stop::Message(
            "only one of OLD and NEW can be read from standard input".to_owned(),
        ));
    }
    let (Some(old), Some(new)) = (load_one(&args.old, io)?, load_one(&args.new, io)?) else {
        return Ok(ExitCode::from(UNREADABLE));
    };
    let changes = compat::diff(&old.0, &new.0, old.1.as_ref());
    let allowed = |change: &compat::Change| {
        let code = change
            .code()
            .and_then(|code| new.0.codes.iter().find(|c| c.code.value == code));
        match code {
            Some(code) => new.0.allows(code, change.id()),
            None => new.0.allows_all(change.id()),
        }
    };
    let (mut breaking, mut accepted) = (0, 0);
    for change in &changes {
        let class = match (change.is_breaking(), allowed(change)) {
            (true, true) => {
                accepted += 1;
                "allowed"
            }
            (true, false) => {
                breaking += 1;
                "breaking"
            }
            (false, _) => "compatible",
        };
        writeln!(io.out, "{class} [{}]: {change}", change.id())?;
    }
    let compatible = changes.len() - breaking - accepted;
    writeln!(
        io.err,
        "{breaking} breaking, {accepted} allowed, {}",
        plural(compatible, "compatible change")
    )?;
    Ok(if breaking > 0 {
        ExitCode::from(BREAKING)
    } else {
        ExitCode::SUCCESS
    })
}

/// The catalog at `path` (`-` for standard input) and its lock, when it
/// has one; `None` when it cannot be read or has errors, which are
/// written.
fn load_one(
    path: &Path,
    io: &mut Io<'_>,
) -> Result<Option<(CheckedCatalog, Option<errcodes_codegen::lock::Lock>)>, Stop> {
    let files = if path == Path::new("-") {
        let mut text = String::new();
        if let Err(error) = io.input.read_to_string(&mut text) {
            writeln!(
                io.err,
                "error: cannot read the catalog from standard input: {error}"
            )?;
            return Ok(None);
        }
        Files::new(Input::new("<stdin>", text))
    } else {
        match load::read(path) {
            Ok(files) => files,
            Err(Stop::Message(message)) => {
                writeln!(io.err, "error: {message}")?;
                return Ok(None);
            }
            Err(stop) => return Err(stop),
        }
    };
    let report = files.check(&Lints::default());
    let lock = report.lock().cloned();
    // Only the old catalog's own mistakes stop the comparison: breaking its
    // lock is what is being compared.
    let mistakes = report
        .diagnostics()
        .iter()
        .any(|d| d.level() == errcodes_codegen::Level::Error && !d.breaks_lock());
    if mistakes || report.catalog().is_none() {
        load::write_errors(&report, io)?;
        writeln!(
            io.err,
            "error: `{}` has errors; it cannot be compared",
            files.catalog.path
        )?;
        return Ok(None);
    }
    Ok(report.catalog().cloned().map(|catalog| (catalog, lock)))
}
