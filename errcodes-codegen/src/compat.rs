//! The one rule for what breaks clients. The build (a catalog against its
//! lock), `errcodes check`, `errcodes lock` and `errcodes diff` (one
//! catalog against another) all compare two [`Lock`]s here, so they can
//! never disagree: what the lock records is exactly what the rule
//! compares, and a catalog is compared through the lock it would have.
//!
//! A lock records the keys that are promises ([`keys::Promise`]); a changed
//! value of one is a breaking change of the class the key names. So is a
//! published code removed, a retired code or gRPC reason used again, or a
//! code given a new title with a new status or action. A promise given
//! where there was none (a catalog starts to serve gRPC), a new code, a
//! deprecation and better texts are compatible. Every change has a class
//! ([`classes`]), by whose id a team allows a break.
//!
//! ```
//! use errcodes_codegen::compat::diff;
//!
//! let old = errcodes_codegen::parse("shop.yaml", "name: ShopError\ncodes:\n  - code: GONE\n    status: 410\n    title: Gone\n").unwrap();
//! let new = errcodes_codegen::parse("shop.yaml", "name: ShopError\ncodes:\n  - code: GONE\n    status: 404\n    title: Gone\n").unwrap();
//! let changes = diff(&old, &new, None);
//! assert!(changes[0].is_breaking());
//! assert_eq!(changes[0].id(), "status-changed");
//! assert_eq!(changes[0].to_string(), "`GONE` status 410 becomes 404");
//! ```

use std::collections::HashMap;
use std::fmt;

use crate::classes::{self, Class};
use crate::fields;
use crate::keys::{self, Key, Kind, Reach};
use crate::lock::{Lock, Locked, State, Terms};
use crate::model::{CheckedCatalog, CheckedCode, Fact};

/// One difference between two versions of a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its class.
    pub class: Class,
    /// The code it concerns; `None` for the catalog as a whole.
    pub code: Option<String>,
    /// What changed.
    pub detail: Detail,
}

/// What changed, beyond the class. Fields are named for what they hold:
/// `old` and `new`, the value before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)] // the fields, as said above
pub enum Detail {
    /// A key's value, before and after, as text; `None` where it had or
    /// has none.
    Value {
        key: &'static Key,
        old: Option<String>,
        new: Option<String>,
    },
    /// A published code is gone.
    Removed {
        /// Its variant name.
        name: String,
        /// Whether it was deprecated before it went.
        was_deprecated: bool,
    },
    /// A retired code is used again.
    RetiredReused,
    /// A code has the gRPC reason of retired code `retired`.
    RetiredReasonReused { reason: String, retired: String },
    /// A code has a new title with a new status or action.
    Repurposed { old: String, new: String },
    /// A code is new.
    Added { status: String, action: String },
    /// A code is deprecated now, for `reason`.
    Deprecated { reason: String },
    /// A code is no longer deprecated.
    Undeprecated,
    /// The catalog's domains changed.
    Domains,
    /// A field of a code's occurrences, its type before and after as
    /// messages show it; `None` where it was or is not carried.
    Field {
        name: String,
        old: Option<String>,
        new: Option<String>,
    },
    /// A field's description or example changed.
    FieldDescribed { name: String },
}

impl Change {
    fn new(class: Class, code: Option<&str>, detail: Detail) -> Self {
        Change {
            class,
            code: code.map(str::to_owned),
            detail,
        }
    }

    /// Whether clients of the old version may misbehave or fail to build.
    #[must_use]
    pub fn is_breaking(&self) -> bool {
        self.class.breaking
    }

    /// The id of its class, by which a team allows it.
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.class.id
    }

    /// The code the change concerns; `None` for a change to the catalog as
    /// a whole.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
}

/// A key's value in a message: a number as it is, anything else as code.
pub(crate) fn shown(key: &Key, value: &str) -> String {
    match key.kind {
        Kind::Number => value.to_owned(),
        _ => format!("`{value}`"),
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let subject = match &self.code {
            Some(code) => format!("`{code}`"),
            None => "the catalog's".to_owned(),
        };
        match &self.detail {
            Detail::Value { key, .. } if key.promise.is_none() => {
                write!(f, "{subject} {} changed", key.name)
            }
            Detail::Value { key, old, new } => {
                let noun = key.promise.map_or(key.name, |promise| promise.noun);
                match (old, new) {
                    (Some(old), Some(new)) => write!(
                        f,
                        "{subject} {noun} {} becomes {}",
                        shown(key, old),
                        shown(key, new)
                    ),
                    (Some(old), None) => write!(f, "{subject} {noun} {} is gone", shown(key, old)),
                    (None, Some(new)) => write!(f, "{subject} {noun} is now {}", shown(key, new)),
                    (None, None) => write!(f, "{subject} {noun} changed"),
                }
            }
            Detail::Removed { was_deprecated, .. } => {
                write!(f, "{subject} is removed")?;
                if *was_deprecated {
                    f.write_str(" (it was deprecated; the lock can keep it retired)")?;
                }
                Ok(())
            }
            Detail::RetiredReused => write!(f, "{subject} was retired and is used again"),
            Detail::RetiredReasonReused { reason, retired } => write!(
                f,
                "{subject} takes gRPC reason `{reason}` of retired code `{retired}`"
            ),
            Detail::Repurposed { old, new } => {
                write!(f, "{subject} is repurposed: \"{old}\" becomes \"{new}\"")
            }
            Detail::Added { status, action } => {
                write!(f, "{subject} is added (HTTP {status}, action `{action}`)")
            }
            Detail::Deprecated { reason } => write!(f, "{subject} is deprecated: {reason}"),
            Detail::Undeprecated => write!(f, "{subject} is no longer deprecated"),
            Detail::Domains => f.write_str("the catalog's domains changed"),
            Detail::Field { name, old, new } => match (old, new) {
                (Some(old), None) => write!(f, "{subject} field `{name}` ({old}) is removed"),
                (None, Some(new)) => write!(f, "{subject} gains field `{name}` ({new})"),
                (Some(old), Some(new)) => {
                    write!(f, "{subject} field `{name}` becomes {new} (was {old})")
                }
                (None, None) => write!(f, "{subject} field `{name}` changed"),
            },
            Detail::FieldDescribed { name } => {
                write!(f, "{subject} field `{name}` is described differently")
            }
        }
    }
}

/// Every change from the promises of `old` to those of `new`: what breaks,
/// and the codes added. What either lock does not record is not compared.
#[must_use]
pub fn compare(old: &Lock, new: &Lock) -> Vec<Change> {
    let mut changes = Vec::new();
    let catalogs = old.catalog.as_ref().zip(new.catalog.as_ref());
    if let Some((was, is)) = catalogs {
        for key in promised(keys::catalog::ALL) {
            value_change(None, key, was.value(key), is.value(key), &mut changes);
        }
    }
    let now: HashMap<&str, &Locked> = new.entries.iter().map(|e| (e.code.as_str(), e)).collect();
    for locked in &old.entries {
        let code = Some(locked.code.as_str());
        let current = now.get(locked.code.as_str()).map(|entry| &entry.state);
        match (&locked.state, current) {
            (State::Published(terms, _), None | Some(State::Retired(_))) => {
                let name = terms.value(&keys::code::NAME).unwrap_or_default();
                let detail = Detail::Removed {
                    name: name.to_owned(),
                    was_deprecated: false,
                };
                changes.push(Change::new(classes::CODE_REMOVED, code, detail));
            }
            (State::Published(was, _), Some(State::Published(is, _))) => {
                code_changes(&locked.code, was, is, catalogs, &mut changes);
            }
            (State::Retired(_), Some(State::Published(..))) => {
                changes.push(Change::new(
                    classes::RETIRED_CODE_REUSED,
                    code,
                    Detail::RetiredReused,
                ));
            }
            (State::Retired(_), None | Some(State::Retired(_))) => {}
        }
    }
    retired_reasons_reused(old, new, &mut changes);
    let before: HashMap<&str, &Locked> = old.entries.iter().map(|e| (e.code.as_str(), e)).collect();
    for entry in &new.entries {
        if let (State::Published(terms, _), None) = (&entry.state, before.get(entry.code.as_str()))
        {
            let term = |key| terms.value(key).unwrap_or_default().to_owned();
            let detail = Detail::Added {
                status: term(&keys::code::STATUS),
                action: term(&keys::code::ACTION),
            };
            changes.push(Change::new(classes::CODE_ADDED, Some(&entry.code), detail));
        }
    }
    changes
}

/// The keys of `keys` that are promises.
fn promised(keys: &'static [&'static Key]) -> impl Iterator<Item = &'static Key> {
    keys.iter().copied().filter(|key| key.promise.is_some())
}

/// The change of a promised key from `old` to `new`: breaking, unless it is
/// given where it was not.
fn value_change(
    code: Option<&str>,
    key: &'static Key,
    old: Option<&str>,
    new: Option<&str>,
    changes: &mut Vec<Change>,
) {
    let Some(promise) = key.promise else { return };
    let class = match (old, new) {
        (Some(old), Some(new)) if old == new => return,
        (None, None) => return,
        (None, Some(_)) => classes::PROMISE_ADDED,
        (Some(_), _) => Class {
            id: promise.change,
            breaking: true,
            why: promise.why,
        },
    };
    let detail = Detail::Value {
        key,
        old: old.map(str::to_owned),
        new: new.map(str::to_owned),
    };
    changes.push(Change::new(class, code, detail));
}

/// What changed in the promises of one published code. `catalogs` are the
/// catalog's terms before and after, when both locks record them: a key
/// that a code inherits from the catalog, given by the code in neither
/// version, follows the catalog's, whose change is reported once, for the
/// catalog. gRPC terms are compared when both versions serve gRPC.
fn code_changes(
    code: &str,
    was: &Terms,
    is: &Terms,
    catalogs: Option<(&Terms, &Terms)>,
    changes: &mut Vec<Change>,
) {
    for key in promised(keys::code::ALL) {
        let (old, new) = (was.value(key), is.value(key));
        let Some(promise) = key.promise else { continue };
        if let Some(inherited) = promise.inherits {
            let (Some((was_catalog, is_catalog)), true) =
                (catalogs, old.is_some() || new.is_some())
            else {
                continue;
            };
            let old = old.or_else(|| was_catalog.value(inherited));
            let new = new.or_else(|| is_catalog.value(inherited));
            value_change(Some(code), key, old, new, changes);
        } else if *key == keys::code::FIELDS {
            field_changes(code, promise, old, new, changes);
        } else if !promise.grpc || (old.is_some() && new.is_some()) {
            value_change(Some(code), key, old, new, changes);
        }
    }
}

/// What changed in the fields of one code, as two locks record them: a
/// field removed, of another type, or made optional breaks typed clients;
/// a field added, or made required, does not. An enum that takes a value
/// it did not is of another type; one that no longer takes some is not.
fn field_changes(
    code: &str,
    promise: keys::Promise,
    old: Option<&str>,
    new: Option<&str>,
    changes: &mut Vec<Change>,
) {
    let (Some(old), Some(new)) = (read_fields(old), read_fields(new)) else {
        return;
    };
    let mut push = |class, name: &str, old: Option<String>, new: Option<String>| {
        let detail = Detail::Field {
            name: name.to_owned(),
            old,
            new,
        };
        changes.push(Change::new(class, Some(code), detail));
    };
    let type_changed = Class {
        id: promise.change,
        breaking: true,
        why: promise.why,
    };
    for was in &old {
        let Some(is) = new.iter().find(|field| field.name == was.name) else {
            push(classes::FIELD_REMOVED, was.name, Some(was.shown()), None);
            continue;
        };
        let (before, after) = (Some(was.shown()), Some(is.shown()));
        let values_added = is.values.iter().any(|value| !was.values.contains(value));
        if was.ty != is.ty || values_added {
            push(type_changed, was.name, before, after);
        } else if !was.optional && is.optional {
            push(classes::FIELD_MADE_OPTIONAL, was.name, before, after);
        } else if was.optional && !is.optional {
            push(classes::FIELD_MADE_REQUIRED, was.name, before, after);
        } else if was.values != is.values {
            push(classes::FIELD_VALUES_REMOVED, was.name, before, after);
        }
    }
    for is in new
        .iter()
        .filter(|is| old.iter().all(|was| was.name != is.name))
    {
        push(classes::FIELD_ADDED, is.name, None, Some(is.shown()));
    }
}

/// The fields a lock records, none where it records none.
fn read_fields(text: Option<&str>) -> Option<Vec<fields::LockedField<'_>>> {
    text.map_or(Some(Vec::new()), fields::parse_described)
}

/// A code of `new` that has the reason of a code `old` retired, other than
/// that code itself, whose reuse is reported as such.
fn retired_reasons_reused(old: &Lock, new: &Lock, changes: &mut Vec<Change>) {
    let retired: HashMap<String, &str> = old
        .entries
        .iter()
        .filter_map(|entry| match &entry.state {
            State::Retired(Some(slot)) => Some((slot.reason.clone(), entry.code.as_str())),
            _ => None,
        })
        .collect();
    if retired.is_empty() {
        return;
    }
    for entry in &new.entries {
        let State::Published(terms, _) = &entry.state else {
            continue;
        };
        let Some(reason) = terms.value(&keys::code::GRPC_REASON) else {
            continue;
        };
        if let Some(&code) = retired.get(reason)
            && code != entry.code
        {
            let detail = Detail::RetiredReasonReused {
                reason: reason.to_owned(),
                retired: code.to_owned(),
            };
            changes.push(Change::new(
                classes::RETIRED_REASON_REUSED,
                Some(&entry.code),
                detail,
            ));
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
        if let (Some(code), Detail::Removed { was_deprecated, .. }) =
            (&change.code, &mut change.detail)
        {
            *was_deprecated = old_codes
                .get(code.as_str())
                .is_some_and(|c| c.deprecated.is_some());
        }
    }
    let new_codes: HashMap<&str, &CheckedCode> = new
        .codes
        .iter()
        .map(|c| (c.code.value.as_str(), c))
        .collect();
    for code in &old.codes {
        if let Some(now) = new_codes.get(code.code.value.as_str()) {
            described_changes(old, code, new, now, &mut changes);
        }
    }
    described(None, old.facts(), &new.facts(), &[], &mut changes);
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
    if domains(old) != domains(new) {
        changes.push(Change::new(classes::DOMAINS_CHANGED, None, Detail::Domains));
    }
    changes.sort_by_key(|change| !change.is_breaking());
    repurposed_first(changes)
}

/// The changes, with each code's repurposing said before the status or
/// action changes it explains.
fn repurposed_first(changes: Vec<Change>) -> Vec<Change> {
    let (repurposed, rest): (Vec<Change>, Vec<Change>) = changes
        .into_iter()
        .partition(|change| matches!(change.detail, Detail::Repurposed { .. }));
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

/// What changed in a code beyond its promises: a new title with a new
/// status or action, which is a new meaning; a deprecation; and each key
/// that readers see, which is compatible.
fn described_changes(
    old_catalog: &CheckedCatalog,
    old: &CheckedCode,
    new_catalog: &CheckedCatalog,
    new: &CheckedCode,
    changes: &mut Vec<Change>,
) {
    let code = Some(old.code.value.as_str());
    let meaning_changed =
        old.status.value != new.status.value || old.action.value != new.action.value;
    let repurposed = meaning_changed && old.title.value != new.title.value;
    if repurposed {
        let detail = Detail::Repurposed {
            old: old.title.value.clone(),
            new: new.title.value.clone(),
        };
        changes.push(Change::new(classes::CODE_REPURPOSED, code, detail));
    }
    match (old.deprecation(), new.deprecation()) {
        (None, Some(reason)) => {
            let detail = Detail::Deprecated {
                reason: reason.to_owned(),
            };
            changes.push(Change::new(classes::CODE_DEPRECATED, code, detail));
        }
        (Some(_), None) => {
            changes.push(Change::new(
                classes::CODE_UNDEPRECATED,
                code,
                Detail::Undeprecated,
            ));
        }
        _ => {}
    }
    for field in &old.fields {
        let now = new.fields.iter().find(|f| f.name.value == field.name.value);
        let said = |f: &crate::fields::CheckedField| {
            (
                f.description.as_ref().map(|d| d.value.clone()),
                f.example.as_ref().map(|e| e.value.clone()),
            )
        };
        if now.is_some_and(|now| said(now) != said(field)) {
            let detail = Detail::FieldDescribed {
                name: field.name.value.clone(),
            };
            changes.push(Change::new(classes::KEY_CHANGED, code, detail));
        }
    }
    // Said already: the title of a new meaning, and a deprecation.
    let mut said = vec![&keys::code::DEPRECATED];
    if repurposed {
        said.push(&keys::code::TITLE);
    }
    described(
        code,
        old.facts(old_catalog),
        &new.facts(new_catalog),
        &said,
        changes,
    );
}

/// Each change of a key that readers see and that is no promise, other
/// than those `said`: compatible.
fn described(
    code: Option<&str>,
    old: Vec<Fact<'_>>,
    new: &[Fact<'_>],
    said: &[&Key],
    changes: &mut Vec<Change>,
) {
    for was in old {
        let key = was.key;
        if key.promise.is_some() || key.reach < Reach::Readers || said.contains(&key) {
            continue;
        }
        let is = new.iter().find(|fact| fact.key == key);
        let (old, new) = (
            was.value.map(|value| value.to_string()),
            is.and_then(|fact| fact.value.as_ref())
                .map(ToString::to_string),
        );
        if old != new {
            let detail = Detail::Value { key, old, new };
            changes.push(Change::new(classes::KEY_CHANGED, code, detail));
        }
    }
}
