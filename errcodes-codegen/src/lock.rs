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
//! It records the keys that are promises to clients ([`keys::Promise`]):
//! what a client's control flow or a program's build depends on. For the
//! catalog, the enum's name and how its bodies carry codes (wire format,
//! problem type and place); per code, the code, its variant name, its HTTP
//! status, its action, and its wire format when the code names its own.
//! Titles and descriptions are for people and may improve; severity,
//! outcome, origin and domain classify for logs and pages.
//!
//! A catalog that serves gRPC adds what gRPC clients depend on: the
//! catalog's `grpc-domain`, and per code its `ErrorInfo` reason, its
//! canonical gRPC code, and the number of its reason in the protobuf enum
//! that `errcodes export --format proto` writes. A number never changes
//! once locked, and a retired code keeps its reason and number, so that
//! neither is used again:
//!
//! ```yaml
//! errcodes-lock: 3
//! catalog: {name: PassError, wire-format: pass, problem-code: member, grpc-domain: "pass.example.com"}
//! codes:
//!   "too_many_requests": {name: TooManyRequests, status: 429, action: retry-after, grpc-reason: "TOO_MANY_REQUESTS", grpc-code: RESOURCE_EXHAUSTED, grpc-number: 1}
//!   "old_code": {retired: true, grpc-reason: "OLD_CODE", grpc-number: 2}
//! ```
//!
//! Format 3 is format 2 with these gRPC terms; a lock without them is
//! written in format 2. A lock of format 1 recorded only the codes; it
//! still reads, and binds what it recorded, until `errcodes lock` rewrites
//! it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Document, Errors, Location};
use crate::keys::{self, Key, Kind};
use crate::model::{CheckedCatalog, Fact};
use crate::source::Source;
use crate::yaml::{self, Node, Value};

/// The key that starts a lock, with its format version.
const VERSION_KEY: &str = "errcodes-lock";
/// The format `errcodes lock` writes for a catalog that serves gRPC.
const VERSION_GRPC: i128 = 3;
/// The format `errcodes lock` writes for one that does not.
const VERSION: i128 = 2;
/// The format that recorded codes only.
const VERSION_CODES_ONLY: i128 = 1;
/// How to mend a damaged lock.
const REGENERATE: &str =
    "the lock is written by `errcodes lock`: run it again rather than edit the lock";
/// What a retired code's entry says.
const RETIRED: &str = "retired";
/// The number of a code's gRPC reason in the protobuf enum of reasons: a
/// term of the lock's own, which no catalog writes.
const GRPC_NUMBER: &str = "grpc-number";

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
    /// What it records of the catalog; `None` in a lock of format 1,
    /// which did not record it.
    pub(crate) catalog: Option<Terms>,
    /// Where `catalog:` is.
    pub(crate) catalog_at: Location,
    pub(crate) entries: Vec<Locked>,
}

/// What a lock records of the catalog, or of a published code: the value of
/// each key that is a promise, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Terms(Vec<Term>);

/// One promised key's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    pub(crate) key: &'static Key,
    pub(crate) value: String,
    /// Where it is written in the lock.
    pub(crate) at: Location,
}

impl Terms {
    /// The value of `key`, when the lock records one.
    pub(crate) fn get(&self, key: &Key) -> Option<&Term> {
        self.0.iter().find(|term| term.key == key)
    }

    /// The value of `key`, as text.
    pub(crate) fn value(&self, key: &Key) -> Option<&str> {
        self.get(key).map(|term| term.value.as_str())
    }

    /// The promised facts of `facts`, as a lock records them.
    fn of(facts: Vec<Fact<'_>>) -> Self {
        Terms(
            facts
                .into_iter()
                .filter_map(|fact| {
                    let promise = fact.key.promise?;
                    let own = promise.inherits.is_none() || fact.is_written();
                    Some(Term {
                        key: fact.key,
                        value: fact.value.filter(|_| own)?.to_string(),
                        at: Location::START,
                    })
                })
                .collect(),
        )
    }

    fn has_grpc(&self) -> bool {
        self.0
            .iter()
            .any(|term| term.key.promise.is_some_and(|p| p.grpc))
    }

    /// The terms as a flow mapping's members, then `more`.
    fn render(&self, out: &mut String, more: &str) {
        out.push('{');
        for (i, term) in self.0.iter().enumerate() {
            let separator = if i == 0 { "" } else { ", " };
            let value = match term.key.kind {
                Kind::Text | Kind::Identifier | Kind::Texts | Kind::Structure => {
                    quoted(&term.value)
                }
                Kind::Name | Kind::Number | Kind::Word(_) | Kind::Flag | Kind::Value => {
                    term.value.clone()
                }
            };
            let _ = write!(out, "{separator}{}: {value}", term.key.name);
        }
        out.push_str(more);
        out.push('}');
    }
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
    /// Published: what is promised, and the number of its gRPC reason when
    /// the catalog serves gRPC.
    Published(Terms, Option<u32>),
    /// Removed from the catalog for good; the code is never used again,
    /// nor its gRPC reason and number when it had them.
    Retired(Option<ProtoSlot>),
}

/// A reason's place in the protobuf enum of reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProtoSlot {
    pub(crate) reason: String,
    pub(crate) number: u32,
}

/// One reason of a locked catalog, as the protobuf enum of reasons has it.
///
/// ```
/// use errcodes_codegen::lock::Lock;
///
/// let yaml = "name: ShopError\ngrpc-domain: shop.example.com\ncodes:\n  - code: out_of_stock\n    status: 404\n    title: Out of stock\n";
/// let catalog = errcodes_codegen::parse("shop.yaml", yaml).unwrap();
/// let lock = Lock::default().updated(&catalog);
/// let reasons = lock.reasons();
/// assert_eq!((reasons[0].reason, reasons[0].number, reasons[0].retired), ("OUT_OF_STOCK", 1, false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reason<'a> {
    /// The code it belongs to.
    pub code: &'a str,
    /// The reason.
    pub reason: &'a str,
    /// Its number in the enum.
    pub number: u32,
    /// Whether the code is retired: its number and reason are reserved.
    pub retired: bool,
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
            translations: &[],
        });
        if diagnostics.is_empty() {
            Ok(lock)
        } else {
            Err(diagnostics)
        }
    }

    /// What `catalog` promises now, with no code retired; gRPC reasons are
    /// numbered in catalog order.
    #[must_use]
    pub fn of(catalog: &CheckedCatalog) -> Lock {
        let mut number = 0;
        let entries = catalog.codes.iter().map(|code| {
            let terms = Terms::of(code.facts(catalog));
            let grpc = terms.value(&keys::code::GRPC_REASON).is_some().then(|| {
                number += 1;
                number
            });
            Locked {
                code: code.code.value.clone(),
                at: Location::START,
                state: State::Published(terms, grpc),
            }
        });
        Lock {
            catalog: Some(Terms::of(catalog.facts())),
            catalog_at: Location::START,
            entries: entries.collect(),
        }
    }

    /// The lock that `catalog` should have now: its codes in catalog
    /// order, then the retired ones. A code of this lock that the catalog
    /// no longer has stays as retired. A code keeps the number of its gRPC
    /// reason; a new one gets the next number never used.
    #[must_use]
    pub fn updated(&self, catalog: &CheckedCatalog) -> Lock {
        let mut lock = Lock::of(catalog);
        lock.keep_retired(self);
        lock.keep_numbers(self);
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
                state: State::Retired(entry.state.slot()),
                ..entry.clone()
            })
            .collect();
        self.entries.extend(retired);
    }

    /// Gives each published code the number it has in `earlier`, and each
    /// code new to it the next number after all that `earlier` used.
    fn keep_numbers(&mut self, earlier: &Lock) {
        let numbers: HashMap<&str, u32> = earlier
            .entries
            .iter()
            .filter_map(|entry| Some((entry.code.as_str(), entry.state.slot()?.number)))
            .collect();
        let mut next = numbers.values().max().map_or(1, |n| n + 1);
        for entry in &mut self.entries {
            let State::Published(_, Some(number)) = &mut entry.state else {
                continue;
            };
            *number = numbers
                .get(entry.code.as_str())
                .copied()
                .unwrap_or_else(|| {
                    next += 1;
                    next - 1
                });
        }
    }

    /// The gRPC reasons the lock records, in its order, with their numbers
    /// in the protobuf enum of reasons.
    #[must_use]
    pub fn reasons(&self) -> Vec<Reason<'_>> {
        self.entries
            .iter()
            .filter_map(|entry| {
                let (reason, number) = match &entry.state {
                    State::Published(terms, Some(number)) => {
                        (terms.value(&keys::code::GRPC_REASON)?, *number)
                    }
                    State::Retired(Some(slot)) => (slot.reason.as_str(), slot.number),
                    State::Published(_, None) | State::Retired(None) => return None,
                };
                Some(Reason {
                    code: &entry.code,
                    reason,
                    number,
                    retired: matches!(entry.state, State::Retired(_)),
                })
            })
            .collect()
    }

    /// The entry of `code`, if the lock has one.
    pub(crate) fn entry(&self, code: &str) -> Option<&Locked> {
        self.entries.iter().find(|entry| entry.code == code)
    }

    /// The lock's text, headed by a comment naming the catalog's enum.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(64 * self.entries.len() + 256);
        let name = self
            .catalog
            .as_ref()
            .and_then(|terms| terms.value(&keys::catalog::NAME))
            .unwrap_or_default();
        let grpc = self
            .entries
            .iter()
            .any(|entry| entry.state.slot().is_some())
            || self.catalog.as_ref().is_some_and(Terms::has_grpc);
        let (version, promises) = if grpc {
            (
                VERSION_GRPC,
                "# code's variant name, HTTP status and action, and its gRPC reason, code and\n\
                 # reason number. Written by `errcodes lock`; commit it beside the catalog.\n\
                 # The errcodes! macro refuses a catalog that breaks it.\n",
            )
        } else {
            (
                VERSION,
                "# code's variant name, HTTP status and action. Written by `errcodes lock`;\n\
                 # commit it beside the catalog. The errcodes! macro refuses a catalog that\n\
                 # breaks it.\n",
            )
        };
        let _ = write!(
            out,
            "# What clients of `{name}` depend on: how its bodies carry codes, and each\n\
             {promises}{VERSION_KEY}: {version}\n"
        );
        if let Some(terms) = &self.catalog {
            out.push_str("catalog: ");
            terms.render(&mut out, "");
            out.push('\n');
        }
        out.push_str("codes:\n");
        for entry in &self.entries {
            let _ = write!(out, "  {}: ", quoted(&entry.code));
            match &entry.state {
                State::Published(terms, number) => {
                    let number =
                        number.map_or_else(String::new, |n| format!(", {GRPC_NUMBER}: {n}"));
                    terms.render(&mut out, &number);
                    out.push('\n');
                }
                State::Retired(None) => out.push_str("retired\n"),
                State::Retired(Some(slot)) => {
                    let _ = writeln!(
                        out,
                        "{{retired: true, {}: {}, {GRPC_NUMBER}: {}}}",
                        keys::code::GRPC_REASON.name,
                        quoted(&slot.reason),
                        slot.number
                    );
                }
            }
        }
        out
    }
}

impl State {
    /// The reason's slot in the protobuf enum, when the code has one.
    pub(crate) fn slot(&self) -> Option<ProtoSlot> {
        match self {
            State::Published(terms, Some(number)) => Some(ProtoSlot {
                reason: terms.value(&keys::code::GRPC_REASON)?.to_owned(),
                number: *number,
            }),
            State::Published(_, None) => None,
            State::Retired(slot) => slot.clone(),
        }
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
    let version = if let Some(&Value::Int(
        version @ (VERSION | VERSION_GRPC | VERSION_CODES_ONLY),
    )) = find(VERSION_KEY).map(|node| &node.value)
    {
        version
    } else {
        errors.push(damaged(
            format!("the lock does not start with `{VERSION_KEY}: {VERSION}` or `{VERSION_KEY}: {VERSION_GRPC}`"),
            root.at,
        ));
        VERSION
    };
    let format = Format { version };
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
        (Some(node), VERSION_CODES_ONLY) => errors.push(damaged(
            format!("a lock of format {VERSION_CODES_ONLY} has no `catalog`"),
            node.at,
        )),
        (Some(node), _) => {
            let keys = format.keys(keys::catalog::ALL);
            match terms(node, &keys, &[]) {
                Some((terms, _)) => {
                    lock.catalog = Some(terms);
                    lock.catalog_at = node.at;
                }
                None => errors.push(damaged(
                    format!("`catalog` must be {}", shape(&keys, "the catalog has one")),
                    node.at,
                )),
            }
        }
        (None, VERSION_CODES_ONLY) => {}
        (None, _) => errors.push(damaged("the lock has no `catalog`", root.at)),
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
    read_codes(codes, format, &mut lock, errors);
    lock
}

fn damaged(message: impl Into<String>, at: Location) -> Diagnostic {
    Diagnostic::new(message, at).in_lock().help(REGENERATE)
}

/// What a lock's format records.
#[derive(Clone, Copy)]
struct Format {
    version: i128,
}

impl Format {
    /// The promised keys of `keys` that this format records.
    fn keys(self, keys: &[&'static Key]) -> Vec<&'static Key> {
        keys.iter()
            .copied()
            .filter(|key| {
                key.promise
                    .is_some_and(|promise| !promise.grpc || self.version == VERSION_GRPC)
            })
            .collect()
    }
}

/// Whether a lock must record `key`: a value every catalog or code has,
/// and not one of gRPC, which come together or not at all.
fn always(key: &Key) -> bool {
    key.promise
        .is_some_and(|promise| promise.inherits.is_none() && !promise.grpc)
        && (!key.is_optional() || key.defaulted)
}

/// How a mapping of `keys` is written, for messages.
fn shape(keys: &[&Key], has: &str) -> String {
    let required: Vec<String> = keys
        .iter()
        .filter(|key| always(key))
        .map(|key| format!("{}: …", key.name))
        .collect();
    let optional: Vec<String> = keys
        .iter()
        .filter(|key| !always(key) && key.promise.is_some_and(|p| !p.grpc))
        .map(|key| format!("`{}: …`", key.name))
        .collect();
    let mut shape = format!("`{{{}}}`", required.join(", "));
    if !optional.is_empty() {
        let _ = write!(shape, ", with {} when {has}", optional.join(" and "));
    }
    shape
}

/// Reads the entries under `codes`.
fn read_codes(codes: &[(Node, Node)], format: Format, lock: &mut Lock, errors: &mut Errors) {
    let keys = format.keys(keys::code::ALL);
    let grpc = format.version == VERSION_GRPC;
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
        match state(value, &keys, grpc) {
            Some(state) => lock.entries.push(Locked {
                code: code.clone(),
                at: key.at,
                state,
            }),
            None => errors.push(damaged(
                format!(
                    "the entry of `{code}` must be {}{}, or `retired`",
                    shape(&keys, "the code has its own"),
                    if grpc {
                        " and its `grpc-reason`, `grpc-code` and `grpc-number`"
                    } else {
                        ""
                    }
                ),
                value.at,
            )),
        }
    }
}

fn is_str(node: &Node, wanted: &str) -> bool {
    matches!(&node.value, Value::Str { text, .. } if text == wanted)
}

/// The terms of a flow mapping of `keys` and of `extra` keys of the lock's
/// own, when it has no other key, every key it must have, and each value of
/// its key's kind; with the extra keys' nodes.
fn terms<'n>(
    node: &'n Node,
    keys: &[&'static Key],
    extra: &[&'static str],
) -> Option<(Terms, Vec<(&'static str, &'n Node)>)> {
    let Value::Map(pairs) = &node.value else {
        return None;
    };
    let mut terms = Terms::default();
    let mut others = Vec::new();
    for (name, value) in pairs {
        let Value::Str { text: name, .. } = &name.value else {
            return None;
        };
        if let Some(&extra) = extra.iter().find(|extra| **extra == name) {
            if others.iter().any(|(seen, _)| *seen == extra) {
                return None;
            }
            others.push((extra, value));
            continue;
        }
        let key = *keys.iter().find(|key| key.name == name)?;
        if terms.get(key).is_some() {
            return None;
        }
        let text = match (&value.value, key.kind) {
            (Value::Int(number), Kind::Number) => number.to_string(),
            (Value::Str { text, .. }, Kind::Word(words)) if words.contains(&text.as_str()) => {
                text.clone()
            }
            (Value::Str { text, .. }, Kind::Text | Kind::Name | Kind::Identifier) => text.clone(),
            (Value::Str { text, .. }, Kind::Structure)
                if crate::fields::parse_described(text).is_some() =>
            {
                text.clone()
            }
            _ => return None,
        };
        terms.0.push(Term {
            key,
            value: text,
            at: value.at,
        });
    }
    keys.iter()
        .filter(|key| always(key))
        .all(|key| terms.get(key).is_some())
        .then_some((terms, others))
}

/// A locked code's entry, when it has exactly the locked fields; gRPC
/// terms, all or none, only in a lock of format 3.
fn state(node: &Node, keys: &[&'static Key], grpc: bool) -> Option<State> {
    if is_str(node, RETIRED) {
        return Some(State::Retired(None));
    }
    if grpc
        && let Value::Map(pairs) = &node.value
        && pairs.iter().any(|(key, _)| is_str(key, "retired"))
    {
        let (terms, extra) = terms(node, &[&keys::code::GRPC_REASON], &["retired", GRPC_NUMBER])?;
        let retired = extra.iter().find(|(name, _)| *name == "retired")?.1;
        let number = number(extra.iter().find(|(name, _)| *name == GRPC_NUMBER)?.1)?;
        let reason = terms.value(&keys::code::GRPC_REASON)?.to_owned();
        return matches!(retired.value, Value::Bool(true))
            .then_some(State::Retired(Some(ProtoSlot { reason, number })));
    }
    let extra: &[&'static str] = if grpc { &[GRPC_NUMBER] } else { &[] };
    let (terms, extra) = terms(node, keys, extra)?;
    let number = match extra.first() {
        Some((_, node)) => Some(number(node)?),
        None => None,
    };
    // The gRPC terms come together.
    let grpc_terms = keys
        .iter()
        .filter(|key| key.promise.is_some_and(|p| p.grpc))
        .filter(|key| terms.get(key).is_some())
        .count();
    let all_grpc = keys
        .iter()
        .filter(|key| key.promise.is_some_and(|p| p.grpc))
        .count();
    match (grpc_terms, number) {
        (0, None) => Some(State::Published(terms, None)),
        (n, Some(number)) if n == all_grpc && n > 0 => Some(State::Published(terms, Some(number))),
        _ => None,
    }
}

/// A reason's number: positive, within protobuf's `int32`.
fn number(node: &Node) -> Option<u32> {
    match node.value {
        Value::Int(number) => u32::try_from(number)
            .ok()
            .filter(|&n| n > 0 && i32::try_from(n).is_ok()),
        _ => None,
    }
}
