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

use errcodes_core::{Action, GrpcCode, ProblemCode, WireFormat};

use crate::diagnostic::{Diagnostic, Document, Errors, Location};
use crate::model::CheckedCatalog;
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
    pub(crate) grpc_domain: Location,
}

/// What a lock records of the catalog as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CatalogTerms {
    pub(crate) name: String,
    pub(crate) wire_format: WireFormat,
    pub(crate) problem_type: Option<String>,
    pub(crate) problem_code: ProblemCode,
    pub(crate) grpc_domain: Option<String>,
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

/// What a lock records of one published code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CodeTerms {
    pub(crate) name: String,
    pub(crate) status: u16,
    pub(crate) action: Action,
    /// The code's own wire format; `None` when it has the catalog's.
    pub(crate) wire_format: Option<WireFormat>,
    /// How it is sent over gRPC, when the catalog serves gRPC.
    pub(crate) grpc: Option<GrpcTerms>,
}

/// What a lock records of how a code is sent over gRPC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GrpcTerms {
    pub(crate) slot: ProtoSlot,
    pub(crate) code: GrpcCode,
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
                grpc: None,
            }),
        });
        let mut lock = Lock {
            catalog: Some(CatalogTerms {
                name: catalog.name.value.clone(),
                wire_format: catalog.wire_format.value,
                problem_type: catalog.problem_type.as_ref().map(|t| t.value.clone()),
                problem_code: catalog.problem_code.value,
                grpc_domain: catalog.grpc_domain.as_ref().map(|d| d.value.clone()),
            }),
            catalog_at: CatalogPlaces::default(),
            entries: entries.collect(),
        };
        // Numbered in catalog order; `updated` keeps the numbers of a lock.
        let grpc = catalog.codes.iter().map(|code| code.grpc.as_ref());
        let mut number = 0;
        for (entry, grpc) in lock.entries.iter_mut().zip(grpc) {
            if let (State::Published(terms), Some(grpc)) = (&mut entry.state, grpc) {
                number += 1;
                terms.grpc = Some(GrpcTerms {
                    slot: ProtoSlot {
                        reason: grpc.reason.value.clone(),
                        number,
                    },
                    code: grpc.code.value,
                });
            }
        }
        lock
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
                state: State::Retired(entry.state.slot().cloned()),
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
            let State::Published(CodeTerms {
                grpc: Some(grpc), ..
            }) = &mut entry.state
            else {
                continue;
            };
            grpc.slot.number = numbers
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
                let slot = entry.state.slot()?;
                Some(Reason {
                    code: &entry.code,
                    reason: &slot.reason,
                    number: slot.number,
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
        let name = self.catalog.as_ref().map_or("", |terms| &terms.name);
        let grpc = self
            .entries
            .iter()
            .any(|entry| entry.state.slot().is_some())
            || self
                .catalog
                .as_ref()
                .is_some_and(|t| t.grpc_domain.is_some());
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
            let _ = write!(
                out,
                "catalog: {{name: {}, wire-format: {}",
                terms.name, terms.wire_format
            );
            if let Some(template) = &terms.problem_type {
                let _ = write!(out, ", problem-type: {}", quoted(template));
            }
            let _ = write!(out, ", problem-code: {}", terms.problem_code);
            if let Some(domain) = &terms.grpc_domain {
                let _ = write!(out, ", grpc-domain: {}", quoted(domain));
            }
            out.push_str("}\n");
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
                    if let Some(grpc) = &terms.grpc {
                        let _ = write!(
                            out,
                            ", grpc-reason: {}, grpc-code: {}, grpc-number: {}",
                            quoted(&grpc.slot.reason),
                            grpc.code,
                            grpc.slot.number
                        );
                    }
                    out.push_str("}\n");
                }
                State::Retired(None) => out.push_str("retired\n"),
                State::Retired(Some(slot)) => {
                    let _ = writeln!(
                        out,
                        "{{retired: true, grpc-reason: {}, grpc-number: {}}}",
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
    pub(crate) fn slot(&self) -> Option<&ProtoSlot> {
        match self {
            State::Published(terms) => terms.grpc.as_ref().map(|grpc| &grpc.slot),
            State::Retired(slot) => slot.as_ref(),
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
    let grpc = version == VERSION_GRPC;
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
        (Some(node), VERSION | VERSION_GRPC) => {
            if let Some((terms, places)) = catalog_terms(node, grpc) {
                lock.catalog = Some(terms);
                lock.catalog_at = places;
            } else {
                errors.push(damaged(
                    "`catalog` must be `{name: …, wire-format: …, problem-code: …}`, with `problem-type: …` when the catalog has one",
                    node.at,
                ));
            }
        }
        (None, VERSION | VERSION_GRPC) => {
            errors.push(damaged("the lock has no `catalog`", root.at));
        }
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
    read_codes(codes, grpc, &mut lock, errors);
    lock
}

fn damaged(message: impl Into<String>, at: Location) -> Diagnostic {
    Diagnostic::new(message, at).in_lock().help(REGENERATE)
}

/// Reads the entries under `codes`.
fn read_codes(codes: &[(Node, Node)], grpc: bool, lock: &mut Lock, errors: &mut Errors) {
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
        match state(value, grpc) {
            Some(state) => lock.entries.push(Locked {
                code: code.clone(),
                at: key.at,
                state,
            }),
            None => errors.push(damaged(
                format!(
                    "the entry of `{code}` must be `{{name: …, status: …, action: …}}`, with `wire-format: …` when the code has its own{}, or `retired`",
                    if grpc { " and its `grpc-reason`, `grpc-code` and `grpc-number`" } else { "" }
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
/// its fields; `grpc-domain` only in a lock of format 3.
fn catalog_terms(node: &Node, grpc: bool) -> Option<(CatalogTerms, CatalogPlaces)> {
    let optional: &[&str] = if grpc {
        &["problem-type", "grpc-domain"]
    } else {
        &["problem-type"]
    };
    let fields = fields(node, &["name", "wire-format", "problem-code"], optional)?;
    let at = |key| fields.get(key).map_or(node.at, |node| node.at);
    let terms = CatalogTerms {
        name: string(fields.get("name"))?,
        wire_format: word(fields.get("wire-format"))?,
        problem_type: match fields.get("problem-type") {
            None => None,
            value => Some(string(value)?),
        },
        problem_code: word(fields.get("problem-code"))?,
        grpc_domain: match fields.get("grpc-domain") {
            None => None,
            value => Some(string(value)?),
        },
    };
    let places = CatalogPlaces {
        name: at("name"),
        wire_format: at("wire-format"),
        problem: fields
            .get("problem-type")
            .map_or(at("problem-code"), |node| node.at),
        grpc_domain: at("grpc-domain"),
    };
    Some((terms, places))
}

/// A locked code's entry, when it has exactly the locked fields; gRPC
/// terms only in a lock of format 3.
fn state(node: &Node, grpc: bool) -> Option<State> {
    const SLOT: [&str; 2] = ["grpc-reason", "grpc-number"];
    if is_str(node, RETIRED) {
        return Some(State::Retired(None));
    }
    if grpc && let Some(fields) = fields(node, &["retired", SLOT[0], SLOT[1]], &[]) {
        return matches!(fields["retired"].value, Value::Bool(true))
            .then(|| Some(State::Retired(Some(slot(&fields)?))))
            .flatten();
    }
    let optional: &[&str] = if grpc {
        &["wire-format", SLOT[0], SLOT[1], "grpc-code"]
    } else {
        &["wire-format"]
    };
    let fields = fields(node, &["name", "status", "action"], optional)?;
    let status = match fields.get("status")?.value {
        Value::Int(status) => u16::try_from(status).ok()?,
        _ => return None,
    };
    let grpc_terms = match fields.get("grpc-code") {
        None if SLOT.iter().any(|key| fields.contains_key(key)) => return None,
        None => None,
        code => Some(GrpcTerms {
            slot: slot(&fields)?,
            code: word(code)?,
        }),
    };
    Some(State::Published(CodeTerms {
        name: string(fields.get("name"))?,
        status,
        action: word(fields.get("action"))?,
        wire_format: match fields.get("wire-format") {
            None => None,
            value => Some(word(value)?),
        },
        grpc: grpc_terms,
    }))
}

/// A reason and its number, from `grpc-reason` and `grpc-number`.
fn slot(fields: &HashMap<&str, &Node>) -> Option<ProtoSlot> {
    let number = match fields.get("grpc-number")?.value {
        Value::Int(number) => u32::try_from(number)
            .ok()
            .filter(|&n| n > 0 && i32::try_from(n).is_ok())?,
        _ => return None,
    };
    Some(ProtoSlot {
        reason: string(fields.get("grpc-reason"))?,
        number,
    })
}
