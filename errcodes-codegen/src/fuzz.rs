//! The properties the fuzz targets and the property tests check on any
//! text; not part of the API.

use crate::source::Source;
use crate::{Expansion, expand, parse, yaml};

/// Reads `text` as a catalog and panics if the outcome breaks a promise:
/// a catalog that reads must expand; a failure must have at least one
/// diagnostic, each on a line of the text; what a failure recovers must
/// expand; and the fast YAML reader must agree with the library.
///
/// # Panics
///
/// When a promise is broken, which is a bug.
pub fn catalog(text: &str) {
    // The line breaks YAML counts: LF, CR LF, CR, NEL, LS and PS.
    let lines = text
        .replace("\r\n", "\n")
        .matches(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        .count()
        + 1;
    let expansion = Expansion {
        path: "t.yaml",
        include: None,
        include_lock: None,
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
    assert!(
        yaml::readers_agree(&Source::new("t.yaml", text)),
        "the YAML readers disagree on {text:?}"
    );
}
