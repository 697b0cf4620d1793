//! A generated catalog as a crate could carry it: expanded by errcodes'
//! code generator, as the usual enum with strum and thiserror derives and
//! hand-written `match`es, and as a bare fieldless enum with doc comments,
//! the floor for any approach. Shared by the build script and the
//! compile-time benchmark.

use std::fmt::Write as _;

use errcodes_tests::generated::{self, Entry};

/// What `errcodes!` makes of the generated catalog of `codes` codes, as
/// source text.
///
/// # Panics
///
/// If the generator rejects the generated catalog, a bug in one or the other.
#[must_use]
pub fn errcodes_expanded(codes: usize) -> String {
    expanded(&generated::catalog(codes))
}

/// What `errcodes!` makes of the generated catalog of `codes` codes with
/// three fields each, as source text.
///
/// # Panics
///
/// If the generator rejects the generated catalog.
#[must_use]
pub fn errcodes_expanded_with_fields(codes: usize) -> String {
    expanded(&generated::catalog_with_fields(codes))
}

fn expanded(yaml: &str) -> String {
    let catalog =
        errcodes_codegen::parse("catalog.yaml", yaml).expect("generated catalogs are valid");
    let expansion = errcodes_codegen::Expansion {
        path: "catalog.yaml",
        watched: &[],
    };
    errcodes_codegen::expand(&catalog, expansion)
        .expect("generated catalogs fit")
        .to_string()
}

/// The documentation each variant gets, as long as the macro's.
fn doc(entry: &Entry, index: usize) -> String {
    format!(
        "    /// {} (`{}`, HTTP {}, action `{}`).\n    ///\n    /// The generated description of code {index}, long enough to look like a real one.\n",
        entry.title, entry.code, entry.status, entry.action
    )
}

/// The strum + thiserror enum of `codes` codes, with `http_status` and
/// `title` as `match`es.
#[must_use]
pub fn strum_thiserror(codes: usize) -> String {
    let entries: Vec<Entry> = generated::entries(codes).collect();
    let mut source = String::from(
        "/// A generated catalog.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr, \
         strum::EnumIter, strum::EnumCount, thiserror::Error)]\npub enum BigError {\n",
    );
    for (i, entry) in entries.iter().enumerate() {
        source += &doc(entry, i);
        let _ = writeln!(
            source,
            "    #[strum(serialize = \"{}\")]\n    #[error(\"{}\")]\n    {},",
            entry.code, entry.title, entry.code
        );
    }
    source += "}\n\n";
    source += &status_and_title(&entries, "self", "");
    source
}

/// `http_status` and `title` as `match`es on `receiver`, each arm's
/// variant followed by `pattern` (` { .. }` for variants with fields).
fn status_and_title(entries: &[Entry], receiver: &str, pattern: &str) -> String {
    let mut source = format!(
        "impl BigError {{\n    /// The HTTP status.\n    #[must_use]\n    pub fn http_status({receiver}) -> u16 {{\n        match self {{\n"
    );
    for entry in entries {
        let _ = writeln!(
            source,
            "            Self::{}{pattern} => {},",
            entry.code, entry.status
        );
    }
    let _ = write!(
        source,
        "        }}\n    }}\n\n    /// The title.\n    #[must_use]\n    pub fn title({receiver}) -> &'static str {{\n        match self {{\n"
    );
    for entry in entries {
        let _ = writeln!(
            source,
            "            Self::{}{pattern} => {:?},",
            entry.code, entry.title
        );
    }
    source += "        }\n    }\n}\n";
    source
}

/// The strum + thiserror enum of `codes` codes whose variants carry the
/// three fields of [`generated::catalog_with_fields`], with the message as
/// thiserror's format string, and `http_status` and `title` as `match`es.
#[must_use]
pub fn strum_thiserror_with_fields(codes: usize) -> String {
    let entries: Vec<Entry> = generated::entries(codes).collect();
    let mut source = String::from(
        "/// A generated catalog.\n#[derive(Clone, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr, \
         strum::EnumIter, strum::EnumCount, thiserror::Error)]\npub enum BigError {\n",
    );
    for (i, entry) in entries.iter().enumerate() {
        source += &doc(entry, i);
        let _ = writeln!(
            source,
            "    #[strum(serialize = \"{}\")]\n    #[error(\"{{item}} is over its limit of {{limit}}\")]\n    {} {{\n        \
             /// The item.\n        item: String,\n        /// The limit.\n        limit: i64,\n        \
             /// When it was seen, RFC 3339.\n        seen_at: String,\n    }},",
            entry.code, entry.code
        );
    }
    source += "}\n\n";
    source += &status_and_title(&entries, "&self", " { .. }");
    source
}

/// The bare enum of `codes` codes with its doc comments, and no derives:
/// a derived `Debug` alone is a `match` over every variant.
#[must_use]
pub fn bare(codes: usize) -> String {
    let mut source = String::from("/// A generated catalog.\npub enum BigError {\n");
    for (i, entry) in generated::entries(codes).enumerate() {
        source += &doc(&entry, i);
        let _ = writeln!(source, "    {},", entry.code);
    }
    source += "}\n";
    source
}

/// [`bare`], each variant with the three fields of
/// [`generated::catalog_with_fields`].
#[must_use]
pub fn bare_with_fields(codes: usize) -> String {
    let mut source = String::from("/// A generated catalog.\npub enum BigError {\n");
    for (i, entry) in generated::entries(codes).enumerate() {
        source += &doc(&entry, i);
        let _ = writeln!(
            source,
            "    {} {{ item: String, limit: i64, seen_at: String }},",
            entry.code
        );
    }
    source += "}\n";
    source
}
