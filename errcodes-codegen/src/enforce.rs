//! The build's side of the compatibility rule: every change that breaks a
//! catalog's lock, as a diagnostic located in both files. What breaks is
//! decided in `compat.rs`; this only says where and why.

use std::collections::HashMap;

use crate::compat::{Change, compare};
use crate::diagnostic::{Diagnostic, Document, Errors, Location};
use crate::lock::Lock;
use crate::model::{CheckedCatalog, CheckedCode, CheckedGrpc, Located};

/// Reports every way `catalog` breaks `lock`, located in both files.
/// `catalog_path` names the catalog in the help, as `errcodes lock` takes
/// it. A value that stands in for one refused for its own mistake was
/// reported there, and is not reported again.
pub(crate) fn enforce(
    lock: &Lock,
    catalog: &CheckedCatalog,
    catalog_path: &str,
    errors: &mut Errors,
) {
    let relock = format!("`errcodes lock --allow-breaking {catalog_path}`");
    let codes: HashMap<&str, &CheckedCode> = catalog
        .codes
        .iter()
        .map(|c| (c.code.value.as_str(), c))
        .collect();
    let places = Places {
        lock,
        catalog,
        codes,
        relock,
    };
    for change in compare(lock, &Lock::of(catalog)) {
        let diagnostic = places
            .code_break(&change)
            .or_else(|| places.catalog_break(&change));
        if let Some(diagnostic) = diagnostic {
            errors.push(diagnostic.breaking_lock());
        }
    }
}

/// Where the two sides of a change are written.
struct Places<'a> {
    lock: &'a Lock,
    catalog: &'a CheckedCatalog,
    codes: HashMap<&'a str, &'a CheckedCode>,
    relock: String,
}

impl Places<'_> {
    fn locked_at(&self, code: &str) -> Location {
        self.lock.entry(code).map_or(Location::START, |e| e.at)
    }

    /// The code's entry, unless `value` of it stands in for a refused one.
    fn entry<T>(&self, code: &str, value: fn(&CheckedCode) -> &Located<T>) -> Option<&CheckedCode> {
        self.codes
            .get(code)
            .copied()
            .filter(|entry| !value(entry).is_stand_in())
    }

    /// A change to one code.
    fn code_break(&self, change: &Change) -> Option<Diagnostic> {
        let enum_name = &self.catalog.name.value;
        let relock = &self.relock;
        let retire = format!(
            "or give the new meaning a new code and retire this one with `deprecated:` and `replaced-by:`; to break clients anyway, run {relock}"
        );
        Some(match change {
            Change::Removed { code, .. } if self.catalog.refused.contains(code) => return None,
            Change::Removed { code, name, .. } => {
                removed(code, name, self.locked_at(code), enum_name, relock)
            }
            Change::RetiredReused { code } => {
                let entry = self.entry(code, |c| &c.code)?;
                Diagnostic::new(format!("code `{code}` was retired and cannot be used again"), entry.code_at())
                    .note_at(Document::Lock, self.locked_at(code), "retired here")
                    .help("clients that knew the old code would read this entry with the old meaning: give it a code of its own")
            }
            Change::Status { code, old, new } => {
                let entry = self.entry(code, |c| &c.status)?;
                Diagnostic::new(
                    format!("locked code `{code}` changed its status from {old} to {new}"),
                    entry.place_of(&entry.status),
                )
                .note_at(
                    Document::Lock,
                    self.locked_at(code),
                    format!("locked with status {old}"),
                )
                .help(format!(
                    "clients branch on the status of a published code: keep {old}, {retire}"
                ))
            }
            Change::Action { code, old, new } => {
                let entry = self.entry(code, |c| &c.action)?;
                Diagnostic::new(format!("locked code `{code}` changed its action from `{old}` to `{new}`"), entry.place_of(&entry.action))
                    .note_at(Document::Lock, self.locked_at(code), format!("locked with action `{old}`"))
                    .help(format!("clients retry or stop by the action of a published code: keep `action: {old}`, {retire}"))
            }
            Change::Variant { code, old, new } => {
                let entry = self.entry(code, |c| &c.name)?;
                Diagnostic::new(format!("the variant of locked code `{code}` was renamed from `{old}` to `{new}`"), entry.place_of(&entry.name))
                    .note_at(Document::Lock, self.locked_at(code), format!("locked as `{enum_name}::{old}`"))
                    .help(format!("Rust code naming `{enum_name}::{old}` would not compile: keep it with `name: {old}`, {retire}"))
            }
            Change::CodeWireFormat { code, old, new } => {
                let entry = self.entry(code, |c| &c.wire_format)?;
                Diagnostic::new(format!("locked code `{code}` changed its wire format from `{old}` to `{new}`"), entry.place_of(&entry.wire_format))
                    .note_at(Document::Lock, self.locked_at(code), format!("locked in wire format `{old}`"))
                    .help(format!("clients decode a published code's body by its format: keep `wire-format: {old}`, {retire}"))
            }
            Change::GrpcReason { code, old, new } => {
                let grpc = self.grpc(code, |g| &g.reason)?;
                Diagnostic::new(
                    format!("locked code `{code}` changed its gRPC reason from `{old}` to `{new}`"),
                    grpc,
                )
                .note_at(
                    Document::Lock,
                    self.locked_at(code),
                    format!("locked with reason `{old}`"),
                )
                .help(format!(
                    "gRPC clients know the code by its reason: keep `grpc-reason: {old}`, {retire}"
                ))
            }
            Change::GrpcCode { code, old, new } => {
                let grpc = self.grpc(code, |g| &g.code)?;
                Diagnostic::new(
                    format!("locked code `{code}` changed its gRPC code from `{old}` to `{new}`"),
                    grpc,
                )
                .note_at(
                    Document::Lock,
                    self.locked_at(code),
                    format!("locked with gRPC code `{old}`"),
                )
                .help(format!(
                    "gRPC clients branch on the canonical code: keep `grpc-code: {old}`, {retire}"
                ))
            }
            Change::RetiredReasonReused {
                code,
                reason,
                retired,
            } => {
                let at = self.grpc(code, |g| &g.reason)?;
                Diagnostic::new(format!("code `{code}` has gRPC reason `{reason}`, which retired code `{retired}` had"), at)
                    .note_at(Document::Lock, self.locked_at(retired), "retired here")
                    .help("gRPC clients that knew the retired code would read this one with its meaning: give it a reason of its own with `grpc-reason:`")
            }
            _ => return None,
        })
    }

    /// Where a gRPC fact of `code` is, unless it stands in for a refused
    /// one: where it is written, or else at the code.
    fn grpc<T>(&self, code: &str, value: fn(&CheckedGrpc) -> &Located<T>) -> Option<Location> {
        let entry = self.codes.get(code)?;
        let grpc = entry.grpc.as_ref()?;
        let value = value(grpc);
        (!value.is_stand_in()).then(|| entry.place_of(value))
    }

    /// A change to the catalog as a whole.
    fn catalog_break(&self, change: &Change) -> Option<Diagnostic> {
        let catalog = self.catalog;
        let (relock, locked) = (&self.relock, self.lock.catalog_at);
        Some(match change {
            Change::EnumRenamed { old, new } => Diagnostic::new(format!("the locked enum `{old}` was renamed `{new}`"), catalog.name.at().unwrap_or(Location::START))
                .note_at(Document::Lock, locked.name, format!("locked as `{old}`"))
                .help(format!("Rust code naming `{old}` would not compile: keep `name: {old}`, or run {relock}")),
            Change::WireFormat { old, new } if !catalog.wire_format.is_stand_in() => {
                Diagnostic::new(format!("the locked catalog changed its wire format from `{old}` to `{new}`"), catalog.wire_format.at().unwrap_or(Location::START))
                    .note_at(Document::Lock, locked.wire_format, format!("locked in wire format `{old}`"))
                    .help(format!("clients pick the decoder by the catalog's format: keep `wire-format: {old}`, or run {relock}"))
            }
            Change::ProblemCoding if !catalog.problem_code.is_stand_in() => {
                let at = catalog.problem_type.as_ref().and_then(Located::at).or_else(|| catalog.problem_code.at()).unwrap_or(Location::START);
                Diagnostic::new("the locked catalog's problem details carry the code elsewhere", at)
                    .note_at(Document::Lock, locked.problem, "locked here, with its `problem-type` and `problem-code`")
                    .help(format!("clients read the code where the locked `problem-type` and `problem-code` put it: keep them, or run {relock}"))
            }
            Change::GrpcDomain { old: Some(old), new } if !catalog.grpc_domain.as_ref().is_some_and(Located::is_stand_in) => {
                let at = catalog.grpc_domain.as_ref().and_then(Located::at).unwrap_or(Location::START);
                let message = match new {
                    Some(new) => format!("the locked catalog changed its gRPC domain from `{old}` to `{new}`"),
                    None => format!("the locked catalog no longer has its gRPC domain `{old}`"),
                };
                Diagnostic::new(message, at)
                    .note_at(Document::Lock, locked.grpc_domain, format!("locked with `grpc-domain: {old}`"))
                    .help(format!("gRPC clients know the catalog's errors by their domain: keep `grpc-domain: {old}`, or run {relock}"))
            }
            _ => return None,
        })
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
