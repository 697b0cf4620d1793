//! The build's side of the compatibility rule: every change that breaks a
//! catalog's lock, as a diagnostic located in both files. What breaks is
//! decided in `compat.rs`; this only says where and why, and leaves out
//! the breaks the catalog allows (`allow:` with the class's id).

use std::collections::HashMap;

use crate::compat::{Change, Detail, compare, shown};
use crate::diagnostic::{Diagnostic, Document, Errors, Level, Location};
use crate::keys::{self, Key};
use crate::lock::{Lock, State};
use crate::model::{CheckedCatalog, CheckedCode, Fact, Provenance};

/// Reports every way `catalog` breaks `lock` that the catalog does not
/// allow, located in both files. `catalog_path` names the catalog in the
/// help, as `errcodes lock` takes it. A value that stands in for one
/// refused for its own mistake was reported there, and is not reported
/// again.
pub(crate) fn enforce(
    lock: &Lock,
    catalog: &CheckedCatalog,
    catalog_path: &str,
    errors: &mut Errors,
) {
    let codes: HashMap<&str, &CheckedCode> = catalog
        .codes
        .iter()
        .map(|c| (c.code.value.as_str(), c))
        .collect();
    let places = Places {
        lock,
        catalog,
        codes,
        catalog_path,
    };
    for change in compare(lock, &Lock::of(catalog)) {
        if !change.is_breaking() {
            continue;
        }
        let diagnostic = match &change.code {
            Some(code) => places.code_break(code, &change),
            None => places.catalog_break(&change),
        };
        let Some(mut diagnostic) = diagnostic else {
            continue;
        };
        // A break the catalog allows is said, and does not stop the build.
        if places.allowed(&change) {
            diagnostic = diagnostic
                .at_level(Level::Warning)
                .without_help()
                .note(format!(
                    "the catalog allows `{}`: `errcodes lock` records the new value",
                    change.id()
                ));
        }
        errors.push(diagnostic.breaking_lock(change.id()));
    }
}

/// Where the two sides of a change are written.
struct Places<'a> {
    lock: &'a Lock,
    catalog: &'a CheckedCatalog,
    codes: HashMap<&'a str, &'a CheckedCode>,
    catalog_path: &'a str,
}

impl Places<'_> {
    /// Whether the catalog allows the change: in the code's entry, or for
    /// every code.
    fn allowed(&self, change: &Change) -> bool {
        let entry = change.code().and_then(|code| self.codes.get(code));
        match entry {
            Some(entry) => self.catalog.allows(entry, change.id()),
            None => self.catalog.allows_all(change.id()),
        }
    }

    /// How to break clients anyway, for a change of class `id`: where the
    /// catalog allows it, or the command that relocks.
    fn anyway(&self, id: &str, place: &str) -> String {
        format!(
            "to break clients anyway, add `allow: [{id}]` to {place}, or run `errcodes lock --allow-breaking={id} {}`",
            self.catalog_path
        )
    }

    fn locked_at(&self, code: &str) -> Location {
        self.lock.entry(code).map_or(Location::START, |e| e.at)
    }

    /// Where the lock writes `key` of `code`, or else its entry.
    fn term_at(&self, code: &str, key: &Key) -> Location {
        match self.lock.entry(code).map(|entry| &entry.state) {
            Some(State::Published(terms, _)) => {
                terms.get(key).map_or(self.locked_at(code), |term| term.at)
            }
            _ => self.locked_at(code),
        }
    }

    /// A change to one code.
    fn code_break(&self, code: &str, change: &Change) -> Option<Diagnostic> {
        let enum_name = &self.catalog.name.value;
        let entry = self.codes.get(code).copied();
        let anyway = self.anyway(change.id(), "the entry");
        let retire = format!(
            "or give the new meaning a new code and retire this one with `deprecated:` and `replaced-by:`; {anyway}"
        );
        Some(match &change.detail {
            Detail::Removed { .. } if self.catalog.refused.iter().any(|c| c == code) => {
                return None;
            }
            Detail::Removed { name, .. } => Diagnostic::new(
                format!("locked code `{code}` is no longer in the catalog"),
                self.locked_at(code),
            )
            .in_lock()
            .note(format!(
                "clients that handle `{code}` would never see it again, and Rust code naming `{enum_name}::{name}` would not compile"
            ))
            .help(
                "to retire it, keep its entry and add `deprecated:` with the reason, and `replaced-by:` a code to use instead",
            )
            .help(format!(
                "to remove it anyway, run `errcodes lock --allow-breaking={} {}`: the lock keeps `{code}` as retired, so that it is never reused",
                change.id(),
                self.catalog_path
            )),
            Detail::RetiredReused => {
                let entry = entry.filter(|entry| !entry.code.is_stand_in())?;
                Diagnostic::new(
                    format!("code `{code}` was retired and cannot be used again"),
                    entry.code_at(),
                )
                .note_at(Document::Lock, self.locked_at(code), "retired here")
                .help(format!(
                    "{}: give it a code of its own",
                    change.class.why
                ))
            }
            Detail::RetiredReasonReused { reason, retired } => {
                let fact = fact(self.catalog, entry?, &keys::code::GRPC_REASON)?;
                Diagnostic::new(
                    format!("code `{code}` has gRPC reason `{reason}`, which retired code `{retired}` had"),
                    fact.at().unwrap_or(entry?.code_at()),
                )
                .note_at(Document::Lock, self.locked_at(retired), "retired here")
                .help(format!(
                    "{}: give it a reason of its own with `grpc-reason:`",
                    change.class.why
                ))
            }
            Detail::Value { key, old: Some(old), new } => {
                let entry = entry?;
                let fact = fact(self.catalog, entry, key)?;
                let noun = key.promise?.noun;
                let message = changed(&format!("locked code `{code}`"), key, old, new.as_deref());
                Diagnostic::new(message, fact.at().unwrap_or(entry.code_at()))
                    .note_at(
                        Document::Lock,
                        self.term_at(code, key),
                        format!("locked with {noun} {}", shown(key, old)),
                    )
                    .help(format!(
                        "{}: keep `{}: {old}`, {retire}",
                        change.class.why, key.name
                    ))
            }
            Detail::Field { name, old: Some(old), new } => {
                let entry = entry?;
                let field = entry.fields.iter().find(|field| field.name.value == *name);
                let at = field
                    .and_then(|field| field.name.at())
                    .or_else(|| fact(self.catalog, entry, &keys::code::FIELDS)?.at())
                    .unwrap_or(entry.code_at());
                let message = match new {
                    Some(new) => format!(
                        "locked code `{code}` changed its field `{name}` from {old} to {new}"
                    ),
                    None => format!("locked code `{code}` no longer carries its field `{name}`"),
                };
                Diagnostic::new(message, at)
                    .note_at(
                        Document::Lock,
                        self.term_at(code, &keys::code::FIELDS),
                        format!("locked with field `{name}`: {old}"),
                    )
                    .help(format!(
                        "{}: keep `{name}` as it was, {retire}",
                        change.class.why
                    ))
            }
            _ => return None,
        })
    }

    /// A change to the catalog as a whole.
    fn catalog_break(&self, change: &Change) -> Option<Diagnostic> {
        let Detail::Value {
            key,
            old: Some(old),
            new,
        } = &change.detail
        else {
            return None;
        };
        let facts = self.catalog.facts();
        let fact = facts.iter().find(|fact| fact.key == *key)?;
        if fact.from == Provenance::StandIn {
            return None;
        }
        let noun = key.promise?.noun;
        let message = changed("the locked catalog", key, old, new.as_deref());
        let locked_at = self
            .lock
            .catalog
            .as_ref()
            .and_then(|terms| terms.get(key))
            .map_or(self.lock.catalog_at, |term| term.at);
        Some(
            Diagnostic::new(message, fact.at().unwrap_or(Location::START))
                .note_at(
                    Document::Lock,
                    locked_at,
                    format!("locked with {noun} {}", shown(key, old)),
                )
                .help(format!(
                    "{}: keep `{}: {old}`; {}",
                    change.class.why,
                    key.name,
                    self.anyway(change.id(), "the top of the catalog")
                )),
        )
    }
}

/// What `subject` did to its promised `key`: changed it from `old` to
/// `new`, or dropped it.
fn changed(subject: &str, key: &Key, old: &str, new: Option<&str>) -> String {
    let noun = key.promise.map_or(key.name, |promise| promise.noun);
    match new {
        Some(new) => format!(
            "{subject} changed its {noun} from {} to {}",
            shown(key, old),
            shown(key, new)
        ),
        None => format!("{subject} no longer has its {noun} {}", shown(key, old)),
    }
}

/// The fact of `key` in `code`, unless it stands in for a value refused
/// for its own mistake.
fn fact<'a>(catalog: &'a CheckedCatalog, code: &'a CheckedCode, key: &Key) -> Option<Fact<'a>> {
    code.facts(catalog)
        .into_iter()
        .find(|fact| fact.key == key && fact.from != Provenance::StandIn)
}
