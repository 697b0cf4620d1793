//! `errcodes lock`: writes each catalog's lock, adding new codes freely and
//! refusing to drop or change a locked one unless told to.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use errcodes_codegen::markdown::plural;
use errcodes_codegen::{Diagnostic, Level, Lints};
use errcodes_codegen::{classes, lock};

use crate::{Exit, Io, Stop, load};

/// Writes each catalog's lock beside it (`pass.yaml`, `pass.lock`): how
/// its bodies carry codes, and the codes clients depend on, with their
/// variant name, status, action, own wire format and gRPC terms. New codes
/// are added; dropping or changing a locked code is refused unless the
/// catalog allows that class of change (`allow:`) or --allow-breaking
/// does.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  errcodes lock specs/*.yaml                                   # add new codes to the locks
  errcodes lock --check specs/*.yaml                           # in CI: fail when a lock is out of date
  errcodes lock --allow-breaking=status-changed specs/pass.yaml   # accept one class of break
  errcodes lock --allow-breaking specs/pass.yaml               # accept any break; removed codes stay retired

Once a lock exists, errcodes! and errcodes check refuse a catalog that
removes, reuses or changes a locked code, and errcodes diff calls the same
changes breaking. Each break names its class; `allow: [<class>]` in the
catalog, at the top or in an entry, accepts it there.")]
pub struct Args {
    /// The catalogs to lock.
    #[arg(required = true, value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
    /// Rewrite the lock even where that breaks clients, for the classes of
    /// change named (all without a value): changed codes take their new
    /// values, and removed codes stay in the lock as retired, so that they
    /// are never reused.
    #[arg(
        long,
        value_name = "CLASS",
        num_args = 0..,
        value_delimiter = ',',
        require_equals = true
    )]
    pub allow_breaking: Option<Vec<String>>,
    /// Write nothing, and exit with 1 when a lock is not up to date.
    #[arg(long, conflicts_with = "allow_breaking")]
    pub check: bool,
}

/// Runs `errcodes lock`.
///
/// # Errors
///
/// When a catalog or lock cannot be read, or a lock or the output cannot
/// be written.
pub fn run(args: &Args, io: &mut Io<'_>) -> Exit {
    let known = classes::breaking_ids();
    for class in args.allow_breaking.iter().flatten() {
        if !known.contains(&class.as_str()) {
            let hint = match closest(class, &known) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the classes are {}", known.join(", ")),
            };
            return Err(format!("no class of breaking change is called `{class}`; {hint}").into());
        }
    }
    let mut failed = false;
    for path in &args.specs {
        failed |= !one(path, args, io)?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Locks one catalog; `false` when it could not, which was reported.
fn one(path: &Path, args: &Args, io: &mut Io<'_>) -> Result<bool, Stop> {
    let files = load::read(path)?;
    let report = files.check(&Lints::default());
    let (shown, lock_shown) = (
        &files.catalog.path,
        lock::path_of(path).display().to_string(),
    );
    let (breaks, mistakes): (Vec<&Diagnostic>, Vec<&Diagnostic>) = report
        .diagnostics()
        .iter()
        .filter(|d| d.level() == Level::Error || d.breaks_lock())
        .partition(|d| d.breaks_lock());
    let catalog = report.catalog().filter(|_| mistakes.is_empty());
    let (Some(catalog), false) = (catalog, files.lock.is_some() && report.lock().is_none()) else {
        write_all(&mistakes, io)?;
        // A catalog that cannot be read leaves its lock unread too: the
        // lock is at fault only when a mistake is in it.
        let lock_damaged = files
            .lock
            .as_ref()
            .is_some_and(|lock| mistakes.iter().any(|d| d.path() == lock.path));
        if lock_damaged {
            writeln!(
                io.err,
                "error: `{lock_shown}` cannot be read; restore it from version control"
            )?;
        } else {
            writeln!(
                io.err,
                "error: `{shown}` has errors; fix them before locking it"
            )?;
        }
        return Ok(false);
    };
    // What the catalog allows is a warning already; what the command line
    // allows, by class or all at once, is accepted too.
    let accepted = |d: &&Diagnostic| {
        d.level() == Level::Warning
            || args.allow_breaking.as_ref().is_some_and(|classes| {
                classes.is_empty()
                    || d.breaking_class()
                        .is_some_and(|class| classes.iter().any(|a| a == class))
            })
    };
    let (accepted, refused): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        breaks.into_iter().partition(accepted);
    if !refused.is_empty() {
        write_all(&refused, io)?;
        let mut classes: Vec<&str> = refused.iter().filter_map(|d| d.breaking_class()).collect();
        classes.dedup();
        writeln!(
            io.err,
            "error: locking `{shown}` now would break {} of `{lock_shown}`; \
             to break them anyway, pass --allow-breaking={}",
            plural(refused.len(), "promise"),
            classes.join(",")
        )?;
        return Ok(false);
    }
    for diagnostic in &accepted {
        writeln!(
            io.err,
            "warning: breaking, as allowed ({}): {}",
            diagnostic.breaking_class().unwrap_or_default(),
            diagnostic.message()
        )?;
    }
    let previous = report.lock().cloned().unwrap_or_default();
    let new_text = previous.updated(catalog).render();
    let old_text = files.lock.as_ref().map(|lock| lock.text.as_str());
    if old_text == Some(new_text.as_str()) {
        writeln!(io.err, "`{lock_shown}` is up to date")?;
        return Ok(true);
    }
    if args.check {
        writeln!(
            io.err,
            "error: `{lock_shown}` is out of date; run `errcodes lock {shown}`"
        )?;
        return Ok(false);
    }
    std::fs::write(lock::path_of(path), new_text)
        .map_err(|error| format!("cannot write the lock `{lock_shown}`: {error}"))?;
    writeln!(
        io.err,
        "wrote `{lock_shown}`: {}",
        plural(catalog.codes.len(), "code")
    )?;
    Ok(true)
}

/// The word of `words` nearest to `word`, when one is near.
fn closest<'w>(word: &str, words: &[&'w str]) -> Option<&'w str> {
    words
        .iter()
        .map(|w| (strsim::damerau_levenshtein(word, w), *w))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, w)| w)
}

fn write_all(diagnostics: &[&Diagnostic], io: &mut Io<'_>) -> Result<(), Stop> {
    for diagnostic in diagnostics {
        writeln!(io.err, "error: {}\n", diagnostic.report())?;
    }
    Ok(())
}
