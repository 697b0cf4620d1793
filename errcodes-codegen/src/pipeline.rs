//! The steps a catalog goes through, in order; see the table in `lib.rs`.

use crate::diagnostic::{Errors, Sources};
use crate::lint::{self, Lints};
use crate::lock;
use crate::report::Report;
use crate::source::{Input, Source};
use crate::{check, enforce, yaml};

/// Reads and checks `catalog` against `lock`. With `lints`, as tools do:
/// warnings too; without, as the macro does: errors only.
pub(crate) fn run(
    catalog: &Input,
    lock: Option<&Input>,
    translations: Option<&[Input]>,
    lints: Option<&Lints>,
) -> Report {
    let source = Source::new(&catalog.path, &catalog.text);
    let translations: Option<Vec<Source<'_>>> = translations.map(|files| {
        files
            .iter()
            .map(|file| Source::fluent(&file.path, &file.text))
            .collect()
    });
    let lock_source = lock.map(|lock| Source::new(&lock.path, &lock.text));
    let mut errors = Errors::default();
    let mut read_lock = None;
    let checked = match yaml::parse(&source) {
        Ok(root) => {
            let checked = check::check(&root, &source, translations.as_deref(), &mut errors);
            if let (Some(lints), Some(checked)) = (lints, &checked) {
                lint::lint(checked, lints, &mut errors);
            }
            if let Some(lock_source) = &lock_source {
                let before = errors.len();
                let lock = lock::read(lock_source, &mut errors);
                let damaged = errors.len() > before;
                if let Some(checked) = &checked {
                    enforce::enforce(&lock, checked, &catalog.path, &mut errors);
                }
                read_lock = (!damaged).then_some(lock);
            }
            checked
        }
        Err(diagnostic) => {
            errors.push(*diagnostic);
            None
        }
    };
    let sources = Sources {
        catalog: &source,
        lock: lock_source.as_ref(),
        translations: translations.as_deref().unwrap_or_default(),
    };
    Report::new(errors.finish(sources), checked, read_lock)
}
