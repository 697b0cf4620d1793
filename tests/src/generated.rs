//! Large catalogs made up for tests and benchmarks, always the same for the
//! same size: codes `E00000`, `E00001`, …, with statuses, actions and
//! domains in rotation and texts as long as real ones.

use std::fmt::Write as _;

const STATUSES: &[u16] = &[400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
const ACTIONS: &[&str] = &[
    "none",
    "configuration",
    "authentication",
    "authorization",
    "retry",
    "retry-after",
];
const DOMAINS: &[&str] = &["input", "access", "limits", "upstream"];

/// The YAML of a catalog named `BigError` with `codes` codes.
///
/// ```
/// let yaml = errcodes_tests::generated::catalog(3);
/// let catalog = errcodes_codegen::parse("big.yaml", &yaml).unwrap();
/// assert_eq!(catalog.codes.len(), 3);
/// assert_eq!(catalog.codes[2].code.value, "E00002");
/// ```
#[must_use]
pub fn catalog(codes: usize) -> String {
    let mut yaml = String::from(
        "name: BigError\ndescription: A generated catalog.\ncode-format: ENNNNN\ndomains:\n  \
         input: Input\n  access: Access\n  limits: Limits\n  upstream: Upstream\ncodes:\n",
    );
    for (i, entry) in entries(codes).enumerate() {
        let _ = write!(
            yaml,
            "  - code: {}\n    status: {}\n    title: {}\n    description: >-\n      \
             The generated description of code {i}, long enough\n      to look like a real one.\n    \
             domain: {}\n    action: {}\n",
            entry.code, entry.status, entry.title, entry.domain, entry.action
        );
    }
    yaml
}

/// The YAML of [`catalog`] where every code's occurrences carry three
/// fields, `item` (a string), `limit` (an integer) and `seen_at` (a
/// timestamp), and a message template that names two of them.
///
/// ```
/// let yaml = errcodes_tests::generated::catalog_with_fields(2);
/// let catalog = errcodes_codegen::parse("big.yaml", &yaml).unwrap();
/// assert_eq!(catalog.codes[1].fields.len(), 3);
/// ```
#[must_use]
pub fn catalog_with_fields(codes: usize) -> String {
    let mut yaml = String::new();
    for line in catalog(codes).lines() {
        yaml.push_str(line);
        yaml.push('\n');
        if line.starts_with("    action: ") {
            yaml.push_str(FIELDS);
        }
    }
    yaml
}

/// What every code of [`catalog_with_fields`] adds.
const FIELDS: &str = "    message: \"{ $item } is over its limit of { $limit }\"\n    fields:\n      item: string\n      limit: integer\n      seen_at: timestamp\n";

/// One generated code, for writing the same catalog in other forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `E00042`
    pub code: String,
    /// The HTTP status.
    pub status: u16,
    /// `Generated error number 42`
    pub title: String,
    /// The domain id.
    pub domain: &'static str,
    /// The action's spelling.
    pub action: &'static str,
}

/// The codes of [`catalog`], in order.
pub fn entries(codes: usize) -> impl Iterator<Item = Entry> {
    (0..codes).map(|i| Entry {
        code: format!("E{i:05}"),
        status: STATUSES[i % STATUSES.len()],
        title: format!("Generated error number {i}"),
        domain: DOMAINS[i % DOMAINS.len()],
        action: ACTIONS[i % ACTIONS.len()],
    })
}

/// The languages [`catalog_with_locales`] is translated into: German,
/// with two plural forms, and Polish, with four.
pub const LOCALES: [&str; 2] = ["de", "pl"];

/// The YAML of [`catalog_with_fields`] translated into [`LOCALES`], whose
/// files [`translation`] writes.
///
/// ```
/// use errcodes_codegen::{Files, Input};
/// use errcodes_tests::generated;
///
/// let mut files = Files::new(Input::new("big.yaml", generated::catalog_with_locales(2)));
/// for locale in generated::LOCALES {
///     let path = format!("big.{locale}.ftl");
///     files = files.with_translation(Input::new(path, generated::translation(2, locale)));
/// }
/// let catalog = files.parse().unwrap();
/// assert_eq!(catalog.codes.len(), 2);
/// ```
#[must_use]
pub fn catalog_with_locales(codes: usize) -> String {
    catalog_with_fields(codes).replacen("codes:\n", "locales: [de, pl]\ncodes:\n", 1)
}

/// The Fluent file of [`catalog_with_locales`] in `locale`: every code's
/// title and description, and its message choosing its words
/// by the plural category of `limit`. The words are placeholders, as long
/// as real ones.
#[must_use]
pub fn translation(codes: usize, locale: &str) -> String {
    let forms: &[&str] = if locale == "pl" {
        &["one", "few", "many"]
    } else {
        &["one", "other"]
    };
    let mut ftl = format!("# The generated catalog in `{locale}`.\n");
    for i in 0..codes {
        let _ = writeln!(ftl, "\nE{i:05} = {{ $item }} ist über {{ $limit ->");
        for (n, form) in forms.iter().enumerate() {
            let default = if n + 1 == forms.len() { "*" } else { " " };
            let _ = writeln!(
                ftl,
                "       {default}[{form}] seinem Limit ({form}) von {{ $limit }}"
            );
        }
        let _ = write!(
            ftl,
            "    }}\n    .title = Erzeugter Fehler Nummer {i} ({locale})\n    \
             .description = Die erzeugte Beschreibung des Codes {i}, lang genug für eine echte.\n"
        );
    }
    ftl
}
