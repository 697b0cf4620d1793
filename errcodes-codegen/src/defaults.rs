//! What a value is when the catalog leaves it out, and what stands in for a
//! value the rules refused, so that a catalog with mistakes still yields an
//! enum to generate next to its errors and the user sees the real mistakes,
//! not every use of a missing variant. The rules in `check.rs` call these
//! as they build the model.

use crate::diagnostic::Location;
use crate::model::{Located, Provenance};
use crate::spec::WrittenText;

/// The status of a code whose status was refused: any valid one will do,
/// since the catalog does not compile.
pub(crate) const STAND_IN_STATUS: u16 = 500;

/// A value as the rules left it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) enum Ruled<T> {
    /// Not written.
    #[default]
    Absent,
    /// Written, and refused for a mistake that was reported.
    Refused,
    /// Written, and passed: here.
    Passed(T, Location),
}

impl<T> Ruled<T> {
    /// `value` if the rule passed it, written as `written` says: absent
    /// when nothing is written, refused when the rule gave nothing.
    pub(crate) fn of(written: Option<Location>, value: Option<T>) -> Self {
        match (written, value) {
            (None, _) => Ruled::Absent,
            (Some(_), None) => Ruled::Refused,
            (Some(at), Some(value)) => Ruled::Passed(value, at),
        }
    }
}

/// A value the entry may give, else the catalog's `defaults`, else what
/// `implied` says. A value written but refused makes what takes its place
/// a stand-in.
pub(crate) fn pick<T: Copy>(
    own: &Ruled<T>,
    defaults: &Ruled<T>,
    implied: Located<T>,
) -> Located<T> {
    let fallback = match defaults {
        Ruled::Passed(value, at) => Located {
            value: *value,
            from: Provenance::Defaults(*at),
        },
        Ruled::Refused => stand_in(implied.value),
        Ruled::Absent => implied,
    };
    match own {
        Ruled::Passed(value, at) => Located::written(*value, *at),
        Ruled::Refused => stand_in(fallback.value),
        Ruled::Absent => fallback,
    }
}

/// A value without a default: the entry's, else the catalog's `defaults`.
/// An entry whose own value was refused has none.
pub(crate) fn pick_optional<T: Copy>(own: &Ruled<T>, defaults: &Ruled<T>) -> Option<Located<T>> {
    match (own, defaults) {
        (Ruled::Passed(value, at), _) => Some(Located::written(*value, *at)),
        (Ruled::Absent, Ruled::Passed(value, at)) => Some(Located {
            value: *value,
            from: Provenance::Defaults(*at),
        }),
        _ => None,
    }
}

/// A value that passed, or `default`, derived; a refused value gets the
/// default as a stand-in.
pub(crate) fn or_default<T>(ruled: Ruled<T>, default: T) -> Located<T> {
    match ruled {
        Ruled::Passed(value, at) => Located::written(value, at),
        Ruled::Refused => stand_in(default),
        Ruled::Absent => Located::derived(default),
    }
}

/// A stand-in for a value that was refused.
pub(crate) fn stand_in<T>(value: T) -> Located<T> {
    Located {
        value,
        from: Provenance::StandIn,
    }
}

/// A text without surrounding whitespace; `None` when nothing is left.
pub(crate) fn optional(text: &WrittenText) -> Option<Located<String>> {
    let trimmed = text.value.trim();
    (!trimmed.is_empty()).then(|| Located::written(trimmed.to_owned(), text.at))
}
