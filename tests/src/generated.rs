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
