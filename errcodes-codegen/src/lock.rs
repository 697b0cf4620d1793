//! The lock: the codes a catalog has published, with what clients depend
//! on, so that no edit can silently remove one or change its meaning.
//!
//! A lock sits beside its catalog (`pass.yaml`, `pass.lock`) and is YAML,
//! one line per code, so that a review sees each published change as one
//! changed line:
//!
//! ```yaml
//! errcodes-lock: 1
//! codes:
//!   "too_many_requests": {name: TooManyRequests, status: 429, action: retry-after}
//!   "old_code": retired
//! ```
//!
//! It records the code, its variant name (Rust code names it), its HTTP
//! status (every HTTP client branches on it) and its action (clients retry
//! or stop by it). Titles and descriptions are for people and may improve;
//! severity, outcome, origin and domain classify for logs and pages.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use errcodes_core::Action;

use crate::check::{Checked, Entry};
use crate::diagnostic::{Diagnostic, Errors, File, Location};
use crate::model::{CheckedCatalog, CheckedCode};
use crate::source::Source;
use crate::spec::Spec;
use crate::yaml::{self, Node, Value};

/// The format version a lock starts with.
const VERSION_KEY: &str = "errcodes-lock";
const VERSION: i128 = 1;
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

/// A lock as read: the codes it records, in file order.
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
/// let text = Lock::default().updated(&catalog).render(&catalog);
/// assert!(text.ends_with("  \"OUT_OF_STOCK\": {name: OutOfStock, status: 409, action: none}\n"));
/// assert_eq!(Lock::read("shop.lock", &text).unwrap().updated(&catalog).render(&catalog), text);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lock {
    entries: Vec<Locked>,
}

/// One code in a lock.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Locked {
    code: String,
    /// Where its key is written.
    at: Location,
    state: State,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Published {
        name: String,
        status: u16,
        action: Action,
    },
    /// Removed from the catalog for good; the code is never used again.
    Retired,
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

    /// The lock that `catalog` should have now: its codes in catalog
    /// order, then the retired ones. A code of this lock that the catalog
    /// no longer has stays as retired.
    #[must_use]
    pub fn updated(&self, catalog: &CheckedCatalog) -> Lock {
        let current: HashSet<&str> = catalog.codes.iter().map(|c| c.code.as_str()).collect();
        let published = catalog.codes.iter().map(|code| Locked {
            code: code.code.clone(),
            at: Location::START,
            state: State::Published {
                name: code.name.clone(),
                status: code.status,
                action: code.action,
            },
        });
        let retired = self
            .entries
            .iter()
            .filter(|entry| !current.contains(entry.code.as_str()))
            .map(|entry| Locked {
                state: State::Retired,
                ..entry.clone()
            });
        Lock {
            entries: published.chain(retired).collect(),
        }
    }

    /// The lock's text, headed by a comment naming the catalog's enum.
    #[must_use]
    pub fn render(&self, catalog: &CheckedCatalog) -> String {
        let mut out = format!(
            "# The codes of `{}` that clients depend on: variant name, HTTP status\n\
             # and action. Written by `errcodes lock`; commit it beside the catalog.\n\
             # The errcodes! macro refuses a catalog that breaks it.\n\
             {VERSION_KEY}: {VERSION}\ncodes:\n",
            catalog.name
        );
        for entry in &self.entries {
            let _ = write!(out, "  {}: ", quoted(&entry.code));
            match &entry.state {
                State::Published {
                    name,
                    status,
                    action,
                } => {
                    let _ = writeln!(
                        out,
                        "{{name: {name}, status: {status}, action: {}}}",
                        action.as_str()
                    );
                }
                State::Retired => out.push_str("retired\n"),
            }
        }
        out
    }
}

/// A code as a YAML double-quoted string, which every reader reads alike.
fn quoted(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 2);
    out.push('"');
    for c in code.chars() {
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
        errors.push(
            Diagnostic::new(
                format!("a lock must be a mapping, found {}", root.value.kind()),
                root.at,
            )
            .in_lock()
            .help(REGENERATE),
        );
        return lock;
    };
    let find = |key: &str| top.iter().find(|(k, _)| is_str(k, key)).map(|(_, v)| v);
    match find(VERSION_KEY).map(|node| &node.value) {
        Some(Value::Int(VERSION)) => {}
        _ => errors.push(
            Diagnostic::new(
                format!("the lock does not start with `{VERSION_KEY}: {VERSION}`"),
                root.at,
            )
            .in_lock()
            .help(REGENERATE),
        ),
    }
    for (key, _) in top {
        if ![VERSION_KEY, "codes"]
            .iter()
            .any(|known| is_str(key, known))
        {
            let written = match &key.value {
                Value::Str { text, .. } => format!("unknown key `{text}` in the lock"),
                other => format!("unknown key in the lock: {}", other.kind()),
            };
            errors.push(Diagnostic::new(written, key.at).in_lock().help(REGENERATE));
        }
    }
    let Some(codes) = find("codes") else {
        errors.push(
            Diagnostic::new("the lock has no `codes`", root.at)
                .in_lock()
                .help(REGENERATE),
        );
        return lock;
    };
    let Value::Map(codes) = &codes.value else {
        if codes.value != Value::Null {
            errors.push(
                Diagnostic::new("`codes` must map each code to what is locked", codes.at)
                    .in_lock()
                    .help(REGENERATE),
            );
        }
        return lock;
    };
    read_codes(codes, &mut lock, errors);
    lock
}

/// Reads the entries under `codes`.
fn read_codes(codes: &[(Node, Node)], lock: &mut Lock, errors: &mut Errors) {
    let mut seen: HashMap<&str, Location> = HashMap::with_capacity(codes.len());
    for (key, value) in codes {
        let Value::Str { text: code, .. } = &key.value else {
            errors.push(
                Diagnostic::new(
                    format!("a locked code must be a string, found {}", key.value.kind()),
                    key.at,
                )
                .in_lock()
                .help(REGENERATE),
            );
            continue;
        };
        if let Some(first) = seen.get(code.as_str()) {
            errors.push(
                Diagnostic::new(format!("code `{code}` is locked twice"), key.at)
                    .in_lock()
                    .note_at(File::Lock, *first, "first locked here")
                    .help(REGENERATE),
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
            None => errors.push(
                Diagnostic::new(
                    format!("the entry of `{code}` must be `{{name: …, status: …, action: …}}` or `retired`"),
                    value.at,
                )
                .in_lock()
                .help(REGENERATE),
            ),
        }
    }
}

fn is_str(node: &Node, wanted: &str) -> bool {
    matches!(&node.value, Value::Str { text, .. } if text == wanted)
}

/// A locked code's entry, when it has exactly the locked fields.
fn state(node: &Node) -> Option<State> {
    let fields = match &node.value {
        Value::Str { text, .. } if text == RETIRED => return Some(State::Retired),
        Value::Map(fields) if fields.len() == 3 => fields,
        _ => return None,
    };
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| is_str(k, key))
            .map(|(_, v)| &v.value)
    };
    let (
        Some(Value::Str { text: name, .. }),
        Some(Value::Int(status)),
        Some(Value::Str { text: action, .. }),
    ) = (get("name"), get("status"), get("action"))
    else {
        return None;
    };
    Some(State::Published {
        name: name.clone(),
        status: u16::try_from(*status).ok()?,
        action: action.parse().ok()?,
    })
}

/// Reports every way the catalog breaks its lock. `catalog_path` names the
/// catalog in the help, as `errcodes lock` takes it.
pub(crate) fn enforce(
    lock: &Lock,
    spec: &Spec,
    checked: &Checked<'_>,
    catalog: &CheckedCatalog,
    catalog_path: &str,
    errors: &mut Errors,
) {
    let relock = format!("`errcodes lock --allow-breaking {catalog_path}`");
    let current: HashMap<&str, usize> = catalog
        .codes
        .iter()
        .enumerate()
        .map(|(i, code)| (code.code.as_str(), i))
        .collect();
    for locked in &lock.entries {
        let found = current
            .get(locked.code.as_str())
            .and_then(|&i| Some((checked.codes.get(i)?, catalog.codes.get(i)?)));
        match (&locked.state, found) {
            // A code refused for its own mistake was reported there.
            (State::Published { .. }, None)
                if spec.codes.iter().any(|entry| {
                    entry
                        .code
                        .as_ref()
                        .is_some_and(|code| code.value == locked.code)
                }) => {}
            (State::Published { name, .. }, None) => {
                errors.push(removed(
                    &locked.code,
                    name,
                    locked.at,
                    &catalog.name,
                    &relock,
                ));
            }
            (
                State::Published {
                    name,
                    status,
                    action,
                },
                Some((entry, code)),
            ) => {
                let was = Was {
                    locked,
                    name,
                    status: *status,
                    action: *action,
                };
                let action_known = action_known(spec, checked, entry);
                changed(
                    &was,
                    entry,
                    code,
                    action_known,
                    &catalog.name,
                    &relock,
                    errors,
                );
            }
            (State::Retired, Some((entry, _))) => {
                let at = entry.spec.code_at();
                errors.push(
                    Diagnostic::new(format!("code `{}` was retired and cannot be used again", locked.code), at)
                        .note_at(File::Lock, locked.at, "retired here")
                        .help("clients that knew the old code would read this entry with the old meaning: give it a code of its own"),
                );
            }
            (State::Retired, None) => {}
        }
    }
}

fn removed(code: &str, name: &str, at: Location, enum_name: &str, relock: &str) -> Diagnostic {
    Diagnostic::new(format!("locked code `{code}` is no longer in the catalog"), at)
        .in_lock()
        .note(format!(
            "clients that handle `{code}` would never see it again, and Rust code naming `{enum_name}::{name}` would not compile"
        ))
        .help(
            "to retire it, keep its entry and add `deprecated:` with the reason, and `replaced-by:` a code to use instead",
        )
        .help(format!(
            "to remove it anyway, run {relock}: the lock keeps `{code}` as retired, so that it is never reused"
        ))
}

/// Whether a code's action is its own, the catalog's default or implied by
/// its status, and not a stand-in for a value refused for its own mistake.
fn action_known(spec: &Spec, checked: &Checked<'_>, entry: &Entry<'_>) -> bool {
    if entry.spec.classes.action.is_some() {
        entry.classes.action.is_some()
    } else if spec.defaults.action.is_some() {
        checked.defaults.action.is_some()
    } else {
        // Implied by the status, which must have passed.
        entry.status.is_some()
    }
}

/// A locked code as the lock has it.
struct Was<'l> {
    locked: &'l Locked,
    name: &'l str,
    status: u16,
    action: Action,
}

fn changed(
    was: &Was<'_>,
    entry: &Entry<'_>,
    code: &CheckedCode,
    action_known: bool,
    enum_name: &str,
    relock: &str,
    errors: &mut Errors,
) {
    let spec = entry.spec;
    let code_at = spec.code_at();
    let id = &code.code;
    let retire = format!(
        "or give the new meaning a new code and retire this one with `deprecated:` and `replaced-by:`; to break clients anyway, run {relock}"
    );
    // A status or action refused for its own mistake has a stand-in.
    if entry.status.is_some() && code.status != was.status {
        let at = spec.status.map_or(code_at, |status| status.at);
        errors.push(
            Diagnostic::new(
                format!(
                    "locked code `{id}` changed its status from {} to {}",
                    was.status, code.status
                ),
                at,
            )
            .note_at(
                File::Lock,
                was.locked.at,
                format!("locked with status {}", was.status),
            )
            .help(format!(
                "clients branch on the status of a published code: keep {}, {retire}",
                was.status
            )),
        );
    }
    if action_known && code.action != was.action {
        let at = spec
            .classes
            .action
            .as_ref()
            .map_or(code_at, |action| action.at);
        let (old, new) = (was.action.as_str(), code.action.as_str());
        errors.push(
            Diagnostic::new(format!("locked code `{id}` changed its action from `{old}` to `{new}`"), at)
                .note_at(File::Lock, was.locked.at, format!("locked with action `{old}`"))
                .help(format!("clients retry or stop by the action of a published code: keep `action: {old}`, {retire}")),
        );
    }
    if code.name != was.name {
        let at = spec.name.as_ref().map_or(code_at, |name| name.at);
        let (old, new) = (was.name, &code.name);
        errors.push(
            Diagnostic::new(format!("the variant of locked code `{id}` was renamed from `{old}` to `{new}`"), at)
                .note_at(File::Lock, was.locked.at, format!("locked as `{enum_name}::{old}`"))
                .help(format!(
                    "Rust code naming `{enum_name}::{old}` would not compile: keep it with `name: {old}`, {retire}"
                )),
        );
    }
}
