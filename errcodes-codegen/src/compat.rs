//! The one rule for what breaks clients. The build (a catalog against its
//! lock), `errcodes check`, `errcodes lock` and `errcodes diff` (one
//! catalog against another) all compare two [`Lock`]s here, so they can
//! never disagree: what the lock records is exactly what the rule
//! compares, and a catalog is compared through the lock it would have.
//!
//! Breaking, because a client's control flow or a program's build depends
//! on it: a code removed, or a retired one used again; a code's status,
//! action, variant name or wire format changed; the enum renamed; the
//! catalog's wire format, or how its problem details carry codes, changed.
//! Over gRPC: the catalog's `grpc-domain` changed or dropped, a code's
//! reason or canonical gRPC code changed, or a retired code's reason used
//! again. Everything else, such as a new code, a deprecation, better texts
//! or a catalog starting to serve gRPC, is compatible.
//!
//! ```
//! use errcodes_codegen::compat::diff;
//!
//! let old = errcodes_codegen::parse("shop.yaml", "name: ShopError\ncodes:\n  - code: GONE\n    status: 410\n    title: Gone\n").unwrap();
//! let new = errcodes_codegen::parse("shop.yaml", "name: ShopError\ncodes:\n  - code: GONE\n    status: 404\n    title: Gone\n").unwrap();
//! let changes = diff(&old, &new, None);
//! assert!(changes[0].is_breaking());
//! assert_eq!(changes[0].to_string(), "`GONE` status 410 becomes 404");
//! ```

use std::collections::HashMap;
use std::fmt;

use errcodes_core::{Action, GrpcCode, WireFormat};

use crate::lock::{CatalogTerms, CodeTerms, Lock, Locked, State};
use crate::model::{CheckedCatalog, CheckedCode};

/// One difference between two versions of a catalog. Fields are named
/// for what they hold: `code`, the code concerned; `old` and `new`, its
/// value before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)] // the fields, as said above
pub enum Change {
    /// The enum has another name.
    EnumRenamed { old: String, new: String },
    /// The catalog's wire format changed.
    WireFormat { old: WireFormat, new: WireFormat },
    /// Problem details carry the code elsewhere: `problem-type` or
    /// `problem-code` changed.
    ProblemCoding,
    /// A published code is gone.
    Removed {
        code: String,
        /// Its variant name.
        name: String,
        /// Whether it was deprecated before it went.
        was_deprecated: bool,
    },
    /// A retired code is used again.
    RetiredReused { code: String },
    /// A code has a new status.
    Status { code: String, old: u16, new: u16 },
    /// A code has a new action.
    Action {
        code: String,
        old: Action,
        new: Action,
    },
    /// A code's variant has a new name.
    Variant {
        code: String,
        old: String,
        new: String,
    },
    /// A code is sent in another wire format.
    CodeWireFormat {
        code: String,
        old: WireFormat,
        new: WireFormat,
    },
    /// A code has a new title together with a new status or action: a new
    /// meaning under an old code.
    Repurposed {
        code: String,
        old: String,
        new: String,
    },
    /// The catalog's gRPC domain changed; `new` is `None` when the catalog
    /// no longer serves gRPC, `old` when it starts to.
    GrpcDomain {
        old: Option<String>,
        new: Option<String>,
    },
    /// A code's gRPC reason changed.
    GrpcReason {
        code: String,
        old: String,
        new: String,
    },
    /// A code's canonical gRPC code changed.
    GrpcCode {
        code: String,
        old: GrpcCode,
        new: GrpcCode,
    },
    /// A code has the gRPC reason of a retired one.
    RetiredReasonReused {
        code: String,
        reason: String,
        /// The retired code.
        retired: String,
    },
    /// A code is new.
    Added {
        code: String,
        status: u16,
        action: Action,
    },
    /// A code is deprecated now.
    Deprecated { code: String, reason: String },
    /// A code is no longer deprecated.
    Undeprecated { code: String },
    /// A code names another replacement.
    Replacement { code: String },
    /// A code's title, description or resolution changed.
    Texts { code: String },
    /// A code's severity, outcome, origin or domain changed.
    Classification { code: String },
    /// The catalog's description or domains changed.
    CatalogTexts,
}

impl Change {
    /// Whether clients of the old version may misbehave or fail to build.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        matches!(
            self,
            Change::EnumRenamed { .. }
                | Change::WireFormat { .. }
                | Change::ProblemCoding
                | Change::Removed { .. }
                | Change::RetiredReused { .. }
                | Change::Status { .. }
                | Change::Action { .. }
                | Change::Variant { .. }
                | Change::CodeWireFormat { .. }
                | Change::Repurposed { .. }
                | Change::GrpcReason { .. }
                | Change::GrpcCode { .. }
                | Change::RetiredReasonReused { .. }
                | Change::GrpcDomain { old: Some(_), .. }
        )
    }
}

impl Change {
    /// The code the change concerns; `None` for a change to the catalog as
    /// a whole.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        match self {
            Change::EnumRenamed { .. }
            | Change::WireFormat { .. }
            | Change::ProblemCoding
            | Change::GrpcDomain { .. }
            | Change::CatalogTexts => None,
            Change::Removed { code, .. }
            | Change::RetiredReused { code }
            | Change::Status { code, .. }
            | Change::Action { code, .. }
            | Change::Variant { code, .. }
            | Change::CodeWireFormat { code, .. }
            | Change::Repurposed { code, .. }
            | Change::GrpcReason { code, .. }
            | Change::GrpcCode { code, .. }
            | Change::RetiredReasonReused { code, .. }
            | Change::Added { code, .. }
            | Change::Deprecated { code, .. }
            | Change::Undeprecated { code }
            | Change::Replacement { code }
            | Change::Texts { code }
            | Change::Classification { code } => Some(code),
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::EnumRenamed { old, new } => {
                write!(f, "the enum is renamed from `{old}` to `{new}`")
            }
            Change::WireFormat { old, new } => {
                write!(
                    f,
                    "the catalog's wire format changed from `{old}` to `{new}`"
                )
            }
            Change::ProblemCoding => f.write_str(
                "problem details carry the code differently (`problem-type` or `problem-code`)",
            ),
            Change::Removed {
                code,
                was_deprecated,
                ..
            } => {
                write!(f, "`{code}` is removed")?;
                if *was_deprecated {
                    f.write_str(" (it was deprecated; the lock can keep it retired)")?;
                }
                Ok(())
            }
            Change::RetiredReused { code } => {
                write!(f, "`{code}` was retired and is used again")
            }
            Change::Status { code, old, new } => write!(f, "`{code}` status {old} becomes {new}"),
            Change::Action { code, old, new } => {
                write!(f, "`{code}` action `{old}` becomes `{new}`")
            }
            Change::Variant { code, old, new } => write!(
                f,
                "`{code}` variant `{old}` is renamed `{new}` (breaks Rust code that names it)"
            ),
            Change::CodeWireFormat { code, old, new } => {
                write!(f, "`{code}` wire format `{old}` becomes `{new}`")
            }
            Change::Repurposed { code, old, new } => {
                write!(f, "`{code}` is repurposed: \"{old}\" becomes \"{new}\"")
            }
            Change::GrpcDomain { old: None, new } => write!(
                f,
                "the catalog now serves gRPC, in domain `{}`",
                new.as_deref().unwrap_or_default()
            ),
            Change::GrpcDomain {
                old: Some(old),
                new: None,
            } => {
                write!(f, "the catalog no longer serves gRPC (domain `{old}`)")
            }
            Change::GrpcDomain {
                old: Some(old),
                new: Some(new),
            } => write!(f, "the gRPC domain `{old}` becomes `{new}`"),
            Change::GrpcReason { code, old, new } => {
                write!(f, "`{code}` gRPC reason `{old}` becomes `{new}`")
            }
            Change::GrpcCode { code, old, new } => {
                write!(f, "`{code}` gRPC code `{old}` becomes `{new}`")
            }
            Change::RetiredReasonReused {
                code,
                reason,
                retired,
            } => write!(
                f,
                "`{code}` takes gRPC reason `{reason}` of retired code `{retired}`"
            ),
            Change::Added {
                code,
                status,
                action,
            } => write!(f, "`{code}` is added (HTTP {status}, action `{action}`)"),
            Change::Deprecated { code, reason } => write!(f, "`{code}` is deprecated: {reason}"),
            Change::Undeprecated { code } => write!(f, "`{code}` is no longer deprecated"),
            Change::Replacement { code } => write!(f, "`{code}` has a new replacement"),
            Change::Texts { code } => write!(f, "`{code}` texts changed"),
            Change::Classification { code } => {
                write!(f, "`{code}` severity, outcome, origin or domain changed")
            }
            Change::CatalogTexts => f.write_str("the catalog's description or domains changed"),
        }
    }
}

/// Every change from the promises of `old` to those of `new`: what breaks,
/// and the codes added. What either lock does not record is not compared.
#[must_use]
pub fn compare(old: &Lock, new: &Lock) -> Vec<Change> {
    let mut changes = Vec::new();
    if let (Some(old), Some(new)) = (&old.catalog, &new.catalog) {
        catalog_changes(old, new, &mut changes);
    }
    let formats = old
        .catalog
        .as_ref()
        .zip(new.catalog.as_ref())
        .map(|(old, new)| (old.wire_format, new.wire_format));
    let now: HashMap<&str, &Locked> = new.entries.iter().map(|e| (e.code.as_str(), e)).collect();
    for locked in &old.entries {
        let current = now.get(locked.code.as_str()).map(|entry| &entry.state);
        match (&locked.state, current) {
            (State::Published(terms), None | Some(State::Retired(_))) => {
                changes.push(Change::Removed {
                    code: locked.code.clone(),
                    name: terms.name.clone(),
                    was_deprecated: false,
                });
            }
            (State::Published(was), Some(State::Published(is))) => {
                code_changes(&locked.code, was, is, formats, &mut changes);
            }
            (State::Retired(_), Some(State::Published(_))) => {
                changes.push(Change::RetiredReused {
                    code: locked.code.clone(),
                });
            }
            (State::Retired(_), None | Some(State::Retired(_))) => {}
        }
    }
    retired_reasons_reused(old, new, &mut changes);
    let before: HashMap<&str, &Locked> = old.entries.iter().map(|e| (e.code.as_str(), e)).collect();
    for entry in &new.entries {
        if let (State::Published(terms), None) = (&entry.state, before.get(entry.code.as_str())) {
            changes.push(Change::Added {
                code: entry.code.clone(),
                status: terms.status,
                action: terms.action,
            });
        }
    }
    changes
}

fn catalog_changes(old: &CatalogTerms, new: &CatalogTerms, changes: &mut Vec<Change>) {
    if old.name != new.name {
        changes.push(Change::EnumRenamed {
            old: old.name.clone(),
            new: new.name.clone(),
        });
    }
    if old.wire_format != new.wire_format {
        changes.push(Change::WireFormat {
            old: old.wire_format,
            new: new.wire_format,
        });
    }
    if (&old.problem_type, old.problem_code) != (&new.problem_type, new.problem_code) {
        changes.push(Change::ProblemCoding);
    }
    if old.grpc_domain != new.grpc_domain {
        changes.push(Change::GrpcDomain {
            old: old.grpc_domain.clone(),
            new: new.grpc_domain.clone(),
        });
    }
}

/// A code of `new` that has the reason of a code `old` retired, other than
/// that code itself, whose reuse is reported as such.
fn retired_reasons_reused(old: &Lock, new: &Lock, changes: &mut Vec<Change>) {
    let retired: HashMap<&str, &str> = old
        .entries
        .iter()
        .filter_map(|entry| match &entry.state {
            State::Retired(Some(slot)) => Some((slot.reason.as_str(), entry.code.as_str())),
            _ => None,
        })
        .collect();
    if retired.is_empty() {
        return;
    }
    for entry in &new.entries {
        let State::Published(CodeTerms {
            grpc: Some(grpc), ..
        }) = &entry.state
        else {
            continue;
        };
        if let Some(&code) = retired.get(grpc.slot.reason.as_str())
            && code != entry.code
        {
            changes.push(Change::RetiredReasonReused {
                code: entry.code.clone(),
                reason: grpc.slot.reason.clone(),
                retired: code.to_owned(),
            });
        }
    }
}

/// What changed in one published code. `formats` are the catalog's wire
/// formats before and after, when both locks record them: a code that
/// names its own format in neither version follows the catalog's, whose
/// change is reported once, for the catalog.
fn code_changes(
    code: &str,
    was: &CodeTerms,
    is: &CodeTerms,
    formats: Option<(WireFormat, WireFormat)>,
    changes: &mut Vec<Change>,
) {
    let code = || code.to_owned();
    if was.status != is.status {
        changes.push(Change::Status {
            code: code(),
            old: was.status,
            new: is.status,
        });
    }
    if was.action != is.action {
        changes.push(Change::Action {
            code: code(),
            old: was.action,
            new: is.action,
        });
    }
    if was.name != is.name {
        changes.push(Change::Variant {
            code: code(),
            old: was.name.clone(),
            new: is.name.clone(),
        });
    }
    if let (Some(was), Some(is)) = (&was.grpc, &is.grpc) {
        if was.slot.reason != is.slot.reason {
            changes.push(Change::GrpcReason {
                code: code(),
                old: was.slot.reason.clone(),
                new: is.slot.reason.clone(),
            });
        }
        if was.code != is.code {
            changes.push(Change::GrpcCode {
                code: code(),
                old: was.code,
                new: is.code,
            });
        }
    }
    if let Some((old_default, new_default)) = formats {
        let (old, new) = (
            was.wire_format.unwrap_or(old_default),
            is.wire_format.unwrap_or(new_default),
        );
        let own = was.wire_format.is_some() || is.wire_format.is_some();
        if old != new && own {
            changes.push(Change::CodeWireFormat {
                code: code(),
                old,
                new,
            });
        }
    }
}

/// Every change from catalog `old` to catalog `new`, breaking ones first,
/// in the order of the catalogs. `old_lock`, when the old catalog has one,
/// adds the codes it retired, which `new` may not use again.
#[must_use]
pub fn diff(old: &CheckedCatalog, new: &CheckedCatalog, old_lock: Option<&Lock>) -> Vec<Change> {
    let mut promised = Lock::of(old);
    if let Some(lock) = old_lock {
        promised.keep_retired(lock);
    }
    let mut changes = compare(&promised, &Lock::of(new));
    let old_codes: HashMap<&str, &CheckedCode> = old
        .codes
        .iter()
        .map(|c| (c.code.value.as_str(), c))
        .collect();
    for change in &mut changes {
        if let Change::Removed {
            code,
            was_deprecated,
            ..
        } = change
        {
            *was_deprecated = old_codes
                .get(code.as_str())
                .is_some_and(|c| c.deprecated.is_some());
        }
    }
    for code in &old.codes {
        let found = new.codes.iter().find(|c| c.code.value == code.code.value);
        if let Some(now) = found {
            described_changes(old, code, new, now, &mut changes);
        }
    }
    let domains = |catalog: &CheckedCatalog| -> Vec<(String, String, Option<String>)> {
        catalog
            .domains
            .iter()
            .map(|d| {
                (
                    d.id.value.clone(),
                    d.title.value.clone(),
                    d.description.as_ref().map(|text| text.value.clone()),
                )
            })
            .collect()
    };
    let description =
        |catalog: &CheckedCatalog| catalog.description.as_ref().map(|d| d.value.clone());
    if description(old) != description(new) || domains(old) != domains(new) {
        changes.push(Change::CatalogTexts);
    }
    changes.sort_by_key(|change| !change.is_breaking());
    repurposed_first(changes)
}

/// The changes, with each code's repurposing said before the status or
/// action changes it explains.
fn repurposed_first(changes: Vec<Change>) -> Vec<Change> {
    let (repurposed, rest): (Vec<Change>, Vec<Change>) = changes
        .into_iter()
        .partition(|change| matches!(change, Change::Repurposed { .. }));
    let mut repurposed: Vec<Option<Change>> = repurposed.into_iter().map(Some).collect();
    let mut ordered = Vec::with_capacity(rest.len() + repurposed.len());
    for change in rest {
        let code = change.code();
        let explained = repurposed
            .iter_mut()
            .find(|r| r.as_ref().is_some_and(|r| r.code() == code));
        if let Some(first) = explained.and_then(Option::take) {
            ordered.push(first);
        }
        ordered.push(change);
    }
    ordered.extend(repurposed.into_iter().flatten());
    ordered
}

/// What changed in a code beyond what the lock records: the texts, the
/// deprecation and the classifications, which are compatible, and a new
/// title with a new status or action, which is a new meaning.
fn described_changes(
    old_catalog: &CheckedCatalog,
    old: &CheckedCode,
    new_catalog: &CheckedCatalog,
    new: &CheckedCode,
    changes: &mut Vec<Change>,
) {
    let code = || old.code.value.clone();
    let meaning_changed =
        old.status.value != new.status.value || old.action.value != new.action.value;
    let title_changed = old.title.value != new.title.value;
    if meaning_changed && title_changed {
        changes.push(Change::Repurposed {
            code: code(),
            old: old.title.value.clone(),
            new: new.title.value.clone(),
        });
    }
    match (old.deprecation(), new.deprecation()) {
        (None, Some(reason)) => changes.push(Change::Deprecated {
            code: code(),
            reason: reason.to_owned(),
        }),
        (Some(_), None) => changes.push(Change::Undeprecated { code: code() }),
        _ => {}
    }
    let replacement = |catalog: &CheckedCatalog, code: &CheckedCode| {
        catalog.replacement_of(code).map(|c| c.code.value.clone())
    };
    if replacement(old_catalog, old) != replacement(new_catalog, new) {
        changes.push(Change::Replacement { code: code() });
    }
    let texts_changed = title_changed
        || old.description() != new.description()
        || old.resolution() != new.resolution();
    if !meaning_changed && texts_changed {
        changes.push(Change::Texts { code: code() });
    }
    let classes = |catalog: &CheckedCatalog, code: &CheckedCode| {
        (
            code.severity.value,
            code.outcome.value,
            code.origin.as_ref().map(|o| o.value),
            catalog.domain_of(code).map(|d| d.id.value.clone()),
        )
    };
    if classes(old_catalog, old) != classes(new_catalog, new) {
        changes.push(Change::Classification { code: code() });
    }
}
