//! The lock: the codes a catalog has published, with what clients depend
//! on, so that no edit can silently remove one or change its meaning. This
//! module reads and writes the file; [`compat`](crate::compat) decides what
//! breaks it.
//!
//! A lock sits beside its catalog (`pass.yaml`, `pass.lock`) and is YAML,
//! one line per code, so that a review sees each published change as one
//! changed line:
//!
//! ```yaml
//! errcodes-lock: 2
//! catalog: {name: PassError, wire-format: pass, problem-code: member}
//! codes:
//!   "too_many_requests": {name: TooManyRequests, status: 429, action: retry-after}
//!   "token_expired": {name: TokenExpired, status: 401, action: authentication, wire-format: pass-xml}
//!   "old_code": retired
//! ```
//!
//! It records what a client's control flow or a program's build depends on:
//! the enum's name and how its bodies carry codes (wire format, problem
//! type and place); per code, the code, its variant name, its HTTP status,
//! its action, and its wire format when the code names its own. Titles and
//! descriptions are for people and may improve; severity, outcome, origin
//! and domain classify for logs and pages.
//!
//! A lock of format 1 recorded only the codes; it still reads, and binds
//! what it recorded, until `errcodes lock` rewrites it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use errcodes_core::{Action, ProblemCode, WireFormat};

use crate::diagnostic::{Diagnostic, Document, Errors, Location};
use crate::model::CheckedCatalog;
use crate::source::Source;
use crate::yaml::{self, Node, Value};

/// The key that starts a lock, with its format version.
const VERSION_KEY: &str = "errcodes-lock";
/// The format `errcodes lock` writes.
const VERSION: i128 = 2;
/// The format that recorded codes only.
const VERSION_CODES_ONLY: i128 = 1;
/// How to mend a damaged lock.
const REGENERATE: &str =
    "the lock is written by `errcodes lock`: run it again rather than edit the lock";
/// What a retired code's entry says.
const RETIRED: &str = "retired";

/// Where the lock of the catalog at `catalog` is: beside it, with the
/// extension `lock`.
///
/// ```
/// use std::path::Path;
///
/// let lock = errcodes_codegen::lock::path_of(Path::new("specs/pass.yaml"));
/// assert_eq!(lock, Path::new("specs/pass.lock"));
/// ```
#[must_use]
pub fn path_of(catalog: &Path) -> PathBuf {
    catalog.with_extension("lock")
}

/// A lock: what a catalog promises its clients, as read from a file or as
/// a catalog would have it now.
///
/// ```
/// use errcodes_codegen::lock::Lock;
///
/// let catalog = errcodes_codegen::parse(
///     "shop.yaml",
///     "name: ShopError\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out of stock\n",
/// )
/// .unwrap();
/// // What `errcodes lock` writes for a catalog locked for the first time.
/// let text = Lock::default().updated(&catalog).render();
/// assert!(text.contains("\ncatalog: {name: ShopError, wire-format: problem, problem-code: member}\n"));
/// assert!(text.ends_with("  \"OUT_OF_STOCK\": {name: OutOfStock, status: 409, action: none}\n"));
/// assert_eq!(Lock::read("shop.lock", &text).unwrap().updated(&catalog).render(), text);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lock {
    /// `None` in a lock of format 1, which did not record it.
    pub(crate) catalog: Option<CatalogTerms>,
    /// Where each of `catalog`'s values is written.
    pub(crate) catalog_at: CatalogPlaces,
    pub(crate) entries: Vec<Locked>,
}

/// Where a lock writes what it records of the catalog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CatalogPlaces {
    pub(crate) name: Location,
    pub(crate) wire_format: Location,
    /// `problem-type`, or else `problem-code`.
    pub(crate) problem: Location,
}

/// What a lock records of the catalog as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CatalogTerms {
    pub(crate) name: String,
    pub(crate) wire_format: WireFormat,
    pub(crate) problem_type: Option<String>,
    pub(crate) problem_code: ProblemCode,
}

/// One code in a lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Locked {
    pub(crate) code: String,
    /// Where its key is written.
    pub(crate) at: Location,
    pub(crate) state: State,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum State {
    Published(CodeTerms),
    /// Removed from the catalog for good; the code is never used again.
    Retired,
}

/// What a lock records of one published code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CodeTerms {
    pub(crate) name: String,
    pub(crate) status: u16,
    pub(crate) action: Action,
    /// The code's own wire format; `None` when it has the catalog's.
    pub(crate) wire_format: Option<WireFormat>,
}

impl Lock {
    /// Reads a lock. `path` is how the file is named in reports.
    ///
    /// # Errors
    ///
    /// Every mistake in the lock, located in it.
    pub fn read(path: &str, text: &str) -> Result<Lock, Vec<Diagnostic>> {
        let source = Source::new(path, text);
        let mut errors = Errors::default();
        let lock = read(&source, &mut errors);
        let diagnostics = errors.finish(crate::diagnostic::Sources {
            catalog: &source,
            lock: Some(&source),
        });
        if diagnostics.is_empty() {
            Ok(lock)
        } else {
            Err(diagnostics)
        }
    }

    /// What `catalog` promises now, with no code retired.
    #[must_use]
    pub fn of(catalog: &CheckedCatalog) -> Lock {
        let entries = catalog.codes.iter().map(|code| Locked {
            code: code.code.value.clone(),
            at: Location::START,
            state: State::Published(CodeTerms {
                name: code.name.value.clone(),
                status: code.status.value,
                action: code.action.value,
                wire_format: code
                    .wire_format
                    .is_written()
                    .then_some(code.wire_format.value),
            }),
        });
        Lock {
            catalog: Some(CatalogTerms {
                name: catalog.name.value.clone(),
                wire_format: catalog.wire_format.value,
                problem_type: catalog.problem_type.as_ref().map(|t| t.value.clone()),
                problem_code: catalog.problem_code.value,
            }),
            catalog_at: CatalogPlaces::default(),
            entries: entries.collect(),
        }
    }

    /// The lock that `catalog` should have now: its codes in catalog
    /// order, then the retired ones. A code of this lock that the catalog
    /// no longer has stays as retired.
    #[must_use]
    pub fn updated(&self, catalog: &CheckedCatalog) -> Lock {
        let mut lock = Lock::of(catalog);
        lock.keep_retired(self);
        lock
    }

    /// Adds, as retired, the codes of `earlier` that this lock lacks.
    pub(crate) fn keep_retired(&mut self, earlier: &Lock) {
        let current: HashSet<&str> = self.entries.iter().map(|e| e.code.as_str()).collect();
        let retired: Vec<Locked> = earlier
            .entries
            .iter()
            .filter(|entry| !current.contains(entry.code.as_str()))
            .map(|entry| Locked {
                state: State::Retired,
                ..entry.clone()
            })
            .collect();
        self.entries.extend(retired);
    }

    /// The entry of `code`, if the lock has one.
    pub(crate) fn entry(&self, code: &str) -> Option<&Locked> {
        self.entries.iter().find(|entry| entry.code == code)
    }

    /// The lock's text, headed by a comment naming the catalog's enum.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(64 * self.entries.len() + 256);
        let name = self.catalog.as_ref().map_or("", |terms| &terms.name);
        let _ = write!(
            out,
            "# What clients of `{name}` depend on: how its bodies carry codes, and each\n\
             # code's variant name, HTTP status and action. Written by `errcodes lock`;\n\
             # commit it beside the catalog. The errcodes! macro refuses a catalog that\n\
             # breaks it.\n\
             {VERSION_KEY}: {VERSION}\n"
        );
        if let Some(terms) = &self.catalog {
            let _ = write!(
                out,
                "catalog: {{name: {}, wire-format: {}",
                terms.name, terms.wire_format
            );
            if let Some(template) = &terms.problem_type {
                let _ = write!(out, ", problem-type: {}", quoted(template));
            }
            let _ = writeln!(out, ", problem-code: {}}}", terms.problem_code);
        }
        out.push_str("codes:\n");
        for entry in &self.entries {
            let _ = write!(out, "  {}: ", quoted(&entry.code));
            match &entry.state {
                State::Published(terms) => {
                    let _ = write!(
                        out,
                        "{{name: {}, status: {}, action: {}",
                        terms.name, terms.status, terms.action
                    );
                    if let Some(format) = terms.wire_format {
                        let _ = write!(out, ", wire-format: {format}");
                    }
                    out.push_str("}\n");
                }
                State::Retired => out.push_str("retired\n"),
            }
        }
        out
    }
}

/// A text as a YAML double-quoted string, which every reader reads alike.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // Line breaks to YAML, even inside quotes; codes have no
            // control characters, but may have these.
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Reads a lock, reporting its mistakes, and keeps what could be read.
pub(crate) fn read(source: &Source<'_>, errors: &mut Errors) -> Lock {
    let mut lock = Lock::default();
    let root = match yaml::parse(source) {
        Ok(root) => root,
        Err(diagnostic) => {
            errors.push(diagnostic.in_lock());
            return lock;
        }
    };
    let Value::Map(top) = &root.value else {
        errors.push(damaged(
            format!("a lock must be a mapping, found {}", root.value.kind()),
            root.at,
        ));
        return lock;
    };
    let find = |key: &str| top.iter().find(|(k, _)| is_str(k, key)).map(|(_, v)| v);
    let version = if let Some(&Value::Int(version @ (VERSION | VERSION_CODES_ONLY))) =
        find(VERSION_KEY).map(|node| &node.value)
    {
        version
    } else {
        errors.push(damaged(
            format!("the lock does not start with `{VERSION_KEY}: {VERSION}`"),
            root.at,
        ));
        VERSION
    };
    for (key, _) in top {
        if ![VERSION_KEY, "catalog", "codes"]
            .iter()
            .any(|known| is_str(key, known))
        {
            let written = match &key.value {
                Value::Str { text, .. } => format!("unknown key `{text}` in the lock"),
                other => format!("unknown key in the lock: {}", other.kind()),
            };
            errors.push(damaged(written, key.at));
        }
    }
    match (find("catalog"), version) {
        (Some(node), VERSION) => {
            if let Some((terms, places)) = catalog_terms(node) {
                lock.catalog = Some(terms);
                lock.catalog_at = places;
            } else {
                errors.push(damaged(
                    "`catalog` must be `{name: …, wire-format: …, problem-code: …}`, with `problem-type: …` when the catalog has one",
                    node.at,
                ));
            }
        }
        (None, VERSION) => errors.push(damaged("the lock has no `catalog`", root.at)),
        (Some(node), _) => errors.push(damaged(
            format!("a lock of format {VERSION_CODES_ONLY} has no `catalog`"),
            node.at,
        )),
        (None, _) => {}
    }
    let Some(codes) = find("codes") else {
        errors.push(damaged("the lock has no `codes`", root.at));
        return lock;
    };
    let Value::Map(codes) = &codes.value else {
        if codes.value != Value::Null {
            errors.push(damaged(
                "`codes` must map each code to what is locked",
                codes.at,
            ));
        }
        return lock;
    };
    read_codes(codes, &mut lock, errors);
    lock
}

fn damaged(message: impl Into<String>, at: Location) -> Diagnostic {
    Diagnostic::new(message, at).in_lock().help(REGENERATE)
}

/// Reads the entries under `codes`.
fn read_codes(codes: &[(Node, Node)], lock: &mut Lock, errors: &mut Errors) {
    let mut seen: HashMap<&str, Location> = HashMap::with_capacity(codes.len());
    for (key, value) in codes {
        let Value::Str { text: code, .. } = &key.value else {
            errors.push(damaged(
                format!("a locked code must be a string, found {}", key.value.kind()),
                key.at,
            ));
            continue;
        };
        if let Some(first) = seen.get(code.as_str()) {
            errors.push(
                damaged(format!("code `{code}` is locked twice"), key.at).note_at(
                    Document::Lock,
                    *first,
                    "first locked here",
                ),
            );
            continue;
        }
        seen.insert(code, key.at);
        match state(value) {
            Some(state) => lock.entries.push(Locked {
                code: code.clone(),
                at: key.at,
                state,
            }),
            None => errors.push(damaged(
                format!(
                    "the entry of `{code}` must be `{{name: …, status: …, action: …}}`, with `wire-format: …` when the code has its own, or `retired`"
                ),
                value.at,
            )),
        }
    }
}

fn is_str(node: &Node, wanted: &str) -> bool {
    matches!(&node.value, Value::Str { text, .. } if text == wanted)
}

/// The fields of a flow mapping, when it has only the keys `required` and
/// `optional` and every required one.
fn fields<'n>(
    node: &'n Node,
    required: &[&str],
    optional: &[&str],
) -> Option<HashMap<&'n str, &'n Node>> {
    let Value::Map(pairs) = &node.value else {
        return None;
    };
    let mut fields = HashMap::with_capacity(pairs.len());
    for (key, value) in pairs {
        let Value::Str { text, .. } = &key.value else {
            return None;
        };
        let known = required.contains(&text.as_str()) || optional.contains(&text.as_str());
        if !known || fields.insert(text.as_str(), value).is_some() {
            return None;
        }
    }
    required
        .iter()
        .all(|key| fields.contains_key(key))
        .then_some(fields)
}

fn word<T: std::str::FromStr>(node: Option<&&Node>) -> Option<T> {
    string(node)?.parse().ok()
}

fn string(node: Option<&&Node>) -> Option<String> {
    match &node?.value {
        Value::Str { text, .. } => Some(text.clone()),
        _ => None,
    }
}

/// What the lock records of the catalog, and where, when it has exactly
/// its fields.
fn catalog_terms(node: &Node) -> Option<(CatalogTerms, CatalogPlaces)> {
    let fields = fields(
        node,
        &["name", "wire-format", "problem-code"],
        &["problem-type"],
    )?;
    let at = |key| fields.get(key).map_or(node.at, |node| node.at);
    let terms = CatalogTerms {
        name: string(fields.get("name"))?,
        wire_format: word(fields.get("wire-format"))?,
        problem_type: match fields.get("problem-type") {
            None => None,
            value => Some(string(value)?),
        },
        problem_code: word(fields.get("problem-code"))?,
    };
    let places = CatalogPlaces {
        name: at("name"),
        wire_format: at("wire-format"),
        problem: fields
            .get("problem-type")
            .map_or(at("problem-code"), |node| node.at),
    };
    Some((terms, places))
}

/// A locked code's entry, when it has exactly the locked fields.
fn state(node: &Node) -> Option<State> {
    if is_str(node, RETIRED) {
        return Some(State::Retired);
    }
    let fields = fields(node, &["name", "status", "action"], &["wire-format"])?;
    let status = match fields.get("status")?.value {
        Value::Int(status) => u16::try_from(status).ok()?,
        _ => return None,
    };
    Some(State::Published(CodeTerms {
        name: string(fields.get("name"))?,
        status,
        action: word(fields.get("action"))?,
        wire_format: match fields.get("wire-format") {
            None => None,
            value => Some(word(value)?),
        },
    }))
}
