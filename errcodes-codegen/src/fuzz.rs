//! The properties the fuzz targets and the property tests check on any
//! text; not part of the API.

use crate::lock::Lock;
use crate::source::Source;
use crate::{Expansion, Files, Input, expand, parse, yaml};

/// Reads `text` as a catalog and panics if the outcome breaks a promise:
/// a catalog that reads must expand; a failure must have at least one
/// diagnostic, each on a line of the text, as must every warning of the
/// checks; what a failure recovers must expand; and the fast YAML reader
/// must agree with the library.
///
/// # Panics
///
/// When a promise is broken, which is a bug.
pub fn catalog(text: &str) {
    let lines = lines(text);
    let expansion = Expansion {
        path: "t.yaml",
        watched: &[],
    };
    match parse("t.yaml", text) {
        Ok(catalog) => {
            assert!(!catalog.codes.is_empty());
            assert!(expand(&catalog, expansion).is_ok());
        }
        Err(failure) => {
            assert!(failure.errors().count() > 0);
            for diagnostic in failure.diagnostics() {
                let at = diagnostic.location();
                assert!(
                    (1..=lines + 1).contains(&at.line) && at.column >= 1,
                    "{at:?} in {lines} lines: {}",
                    diagnostic.message()
                );
            }
            if let Some(recovered) = failure.recovered() {
                assert!(expand(recovered, expansion).is_ok());
            }
        }
    }
    // What `errcodes check` adds, the lints, points inside the text too.
    for diagnostic in crate::check("t.yaml", text).diagnostics() {
        let at = diagnostic.location();
        assert!(
            (1..=lines + 1).contains(&at.line) && at.column >= 1,
            "{at:?} in {lines} lines: {}",
            diagnostic.message()
        );
    }
    assert!(
        yaml::readers_agree(&Source::new("t.yaml", text)),
        "the YAML readers disagree on {text:?}"
    );
}

/// Reads `text` as the German translation of a small catalog and panics
/// if the outcome breaks a promise: every diagnostic is on a line of its
/// file; a translation that reads expands, and gives each code at most its
/// four texts.
///
/// # Panics
///
/// When a promise is broken, which is a bug.
pub fn translation(text: &str) {
    const CATALOG: &str = "name: ShopError\nlocales: [de]\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out of stock\n    description: Sold out.\n    message: \"Only { $left } of { $item }\"\n    fields:\n      left: integer\n      item: {type: enum, values: [book, pen]}\n  - code: CLOSED\n    status: 503\n    title: Closed\n";
    let lines = lines(text);
    let checked = Files::new(Input::new("t.yaml", CATALOG))
        .with_translation(Input::new("t.de.ftl", text))
        .parse();
    match checked {
        Ok(catalog) => {
            let expansion = Expansion {
                path: "t.yaml",
                watched: &[],
            };
            assert_eq!(catalog.locales.translations.len(), 1);
            assert!(expand(&catalog, expansion).is_ok());
        }
        Err(failure) => {
            for diagnostic in failure.diagnostics() {
                let at = diagnostic.location();
                assert!(at.line >= 1 && at.column >= 1, "{at:?}");
                assert_eq!(diagnostic.path(), "t.de.ftl", "{}", diagnostic.message());
                assert!(at.line <= lines + 1, "{at:?} in {lines} lines");
            }
        }
    }
}

/// Reads `text` as the lock of a small catalog and panics if the outcome
/// breaks a promise: every diagnostic is on a line of the text; a lock that
/// reads, brought up to date and written, reads back as the same lock, and
/// the catalog keeps its promises.
///
/// # Panics
///
/// When a promise is broken, which is a bug.
pub fn lock(text: &str) {
    const CATALOG: &str = "name: ShopError\ncodes:\n  - code: A\n    status: 400\n    title: A\n  - code: \"B \\\\ \\\"\"\n    name: B\n    status: 503\n    title: B\n";
    let catalog = parse("t.yaml", CATALOG).expect("the fixed catalog is valid");
    let lines = lines(text);
    let checked = Files::new(Input::new("t.yaml", CATALOG))
        .with_lock(Input::new("t.lock", text))
        .parse();
    if let Err(failure) = &checked {
        for diagnostic in failure.diagnostics() {
            let at = diagnostic.location();
            assert!(at.line >= 1 && at.column >= 1, "{at:?}");
            if diagnostic.path() == "t.lock" {
                assert!(at.line <= lines + 1, "{at:?} in {lines} lines");
            }
        }
    }
    if let Ok(lock) = Lock::read("t.lock", text) {
        let updated = lock.updated(&catalog);
        let written = updated.render();
        let again = Lock::read("t.lock", &written).expect("a written lock reads");
        assert_eq!(again.updated(&catalog).render(), written);
        let kept = Files::new(Input::new("t.yaml", CATALOG))
            .with_lock(Input::new("t.lock", written.as_str()))
            .parse();
        assert!(kept.is_ok(), "{written}");
    }
}

/// How many lines YAML sees in `text`: it breaks lines at LF, CR LF, CR,
/// NEL, LS and PS.
fn lines(text: &str) -> usize {
    text.replace("\r\n", "\n")
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
        + 1
}
