//! The classes of change between two versions of a catalog, each declared
//! once: its id, whether it breaks clients, and why. A change to a key that
//! is a promise is of the class its declaration names
//! ([`keys::Promise::change`](crate::keys::Promise)); the others are here.
//! A team accepts a break by its class's id: `allow:` in the catalog, or
//! `errcodes lock --allow-breaking=<id>`.
//!
//! ```
//! use errcodes_codegen::classes;
//!
//! let removed = classes::find("code-removed").unwrap();
//! assert!(removed.breaking);
//! assert!(classes::find("status-changed").unwrap().breaking);
//! assert!(!classes::find("code-added").unwrap().breaking);
//! ```

use crate::keys;

/// A class of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Class {
    /// Its id, by which a team allows it.
    pub id: &'static str,
    /// Whether clients of the old version may misbehave or fail to build.
    pub breaking: bool,
    /// Why it breaks clients, or why it does not.
    pub why: &'static str,
}

/// Declares the classes that are not a key's.
macro_rules! classes {
    ($(
        $(#[$doc:meta])*
        $name:ident = $id:literal, $breaking:literal, $why:literal;
    )*) => {
        $($(#[$doc])* pub const $name: Class = Class { id: $id, breaking: $breaking, why: $why };)*

        /// Every class that is not a key's.
        pub const OWN: &[Class] = &[$($name),*];
    };
}

classes! {
    /// A published code is gone.
    CODE_REMOVED = "code-removed", true,
        "clients that handle the code would never see it again, and Rust code naming its variant would not compile";
    /// A retired code is used again.
    RETIRED_CODE_REUSED = "retired-code-reused", true,
        "clients that knew the retired code would read the entry with its old meaning";
    /// A code has the gRPC reason of a retired one.
    RETIRED_REASON_REUSED = "retired-reason-reused", true,
        "gRPC clients that knew the retired code would read this one with its meaning";
    /// A code has a new title together with a new status or action.
    CODE_REPURPOSED = "code-repurposed", true,
        "a new meaning under an old code, which clients go on handling the old way";
    /// A key that is a promise is given where it was not: a catalog starts
    /// to serve gRPC.
    PROMISE_ADDED = "promise-added", false,
        "clients of the old version do not use what is new";
    /// A code is new.
    CODE_ADDED = "code-added", false,
        "clients that do not know a code judge it by its status";
    /// A code is deprecated now.
    CODE_DEPRECATED = "code-deprecated", false,
        "a deprecated code still decodes and renders";
    /// A code is no longer deprecated.
    CODE_UNDEPRECATED = "code-undeprecated", false,
        "the code decodes and renders as before";
    /// A key for readers changed: a text, a classification, a replacement.
    KEY_CHANGED = "key-changed", false,
        "texts and classifications are for people and logs, and may improve";
    /// A code's occurrences no longer carry a field.
    FIELD_REMOVED = "field-removed", true,
        "typed clients read the field, and fail without it; others find it missing";
    /// A field that was always there may be left out.
    FIELD_MADE_OPTIONAL = "field-made-optional", true,
        "typed clients expect the field in every occurrence, and fail without it";
    /// A code's occurrences carry a new field.
    FIELD_ADDED = "field-added", false,
        "clients of the old version keep a field they do not know untyped";
    /// A field that could be left out is always there.
    FIELD_MADE_REQUIRED = "field-made-required", false,
        "clients of the old version accept the field whether it is there or not";
    /// An enum field no longer takes some of its values.
    FIELD_VALUES_REMOVED = "field-values-removed", false,
        "clients of the old version still know every value that is sent";
    /// The catalog's domains changed.
    DOMAINS_CHANGED = "domains-changed", false,
        "domains group codes for people";
}

/// Every class: those of the keys that are promises, then the others.
#[must_use]
pub fn all() -> Vec<Class> {
    let mut all: Vec<Class> = Vec::new();
    for key in keys::catalog::ALL.iter().chain(keys::code::ALL) {
        let Some(promise) = key.promise else { continue };
        if all.iter().all(|class| class.id != promise.change) {
            all.push(Class {
                id: promise.change,
                breaking: true,
                why: promise.why,
            });
        }
    }
    all.extend(OWN);
    all
}

/// The class `id` names.
#[must_use]
pub fn find(id: &str) -> Option<Class> {
    all().into_iter().find(|class| class.id == id)
}

/// The ids of the classes that break clients, which a team may allow.
#[must_use]
pub fn breaking_ids() -> Vec<&'static str> {
    all()
        .into_iter()
        .filter(|class| class.breaking)
        .map(|class| class.id)
        .collect()
}
