//! What every format's body gives the rest of `wire`: the questions a
//! received body answers, and what its JSON Schema is built from. Each
//! format's module implements it; `formats.rs` lists the formats.

use std::time::Duration;

use serde_json::Value;

use crate::fields::Untyped;
use crate::{Action, Code, ProblemCode};

/// What a body's JSON Schema is built from: see [`schema`](super::schema).
#[derive(Clone, Copy, Debug)]
pub struct SchemaParts<'a> {
    /// The schema of the catalog's codes, or a reference to it.
    pub code: &'a Value,
    /// Where the catalog's problem details carry the code.
    pub place: ProblemCode,
    /// The values that identify the catalog's codes in bodies of this
    /// shape where they are not the codes themselves: the `type` URIs of
    /// problem details whose code sits there, the reasons of Google errors.
    pub values: &'a [&'a str],
}

impl SchemaParts<'_> {
    /// The schema of a string from a vocabulary that grows: each known
    /// value listed, and any other string accepted, so that a client
    /// validating against an older schema still accepts what a newer server
    /// sends. `x-extensible-enum` names the same values for generators that
    /// read it.
    ///
    /// ```
    /// use errcodes_runtime::wire::SchemaParts;
    ///
    /// let schema = SchemaParts::open_enum(&["retry", "none"]);
    /// assert_eq!(schema["anyOf"][0]["enum"][1], "none");
    /// assert_eq!(schema["anyOf"][1]["type"], "string");
    /// ```
    #[must_use]
    pub fn open_enum(values: &[&str]) -> Value {
        serde_json::json!({
            "anyOf": [{"type": "string", "enum": values}, {"type": "string"}],
            "x-extensible-enum": values,
        })
    }
}

/// What a received body answers, whatever its format.
pub(crate) trait Answers<E> {
    /// The code: the first error's, when the body lists several.
    fn code(&self) -> Option<Code<E>>;

    /// What to do, for a response with HTTP status `status`.
    fn action_at(&self, status: u16) -> Action;

    /// The message for people.
    fn message(&self) -> Option<&str>;

    /// A delay the body gives, which wins over `Retry-After`.
    fn delay(&self) -> Option<Duration> {
        None
    }

    /// The fields of the error that answers, as received.
    fn untyped_fields(&self) -> Untyped<'_>;

    /// The fields given more than once, which are not read.
    fn repeated_fields(&self) -> &[Box<str>] {
        &[]
    }

    /// What a typed reader reads: the fields, and those given more than
    /// once unless the fields tell that themselves.
    fn field_source(&self) -> (Untyped<'_>, &[Box<str>]) {
        let untyped = self.untyped_fields();
        if untyped.find_repeated() {
            (untyped, &[])
        } else {
            (untyped, self.repeated_fields())
        }
    }
}

/// Implements [`Answers`] for bodies that answer each question with a
/// method of their own; `with` names the method of a body that gives a
/// delay.
macro_rules! answers_by_itself {
    ($($body:ident $(with $delay:ident)?),* $(,)?) => {$(
        impl<E: crate::ErrorCode> crate::wire::contract::Answers<E> for $body<E> {
            fn code(&self) -> Option<crate::Code<E>> {
                self.code()
            }

            fn action_at(&self, status: u16) -> crate::Action {
                self.action_at(status)
            }

            fn message(&self) -> Option<&str> {
                self.message()
            }

            fn untyped_fields(&self) -> crate::fields::Untyped<'_> {
                self.untyped_fields()
            }

            fn repeated_fields(&self) -> &[Box<str>] {
                self.repeated_fields()
            }

            $(
                fn delay(&self) -> Option<::std::time::Duration> {
                    self.$delay()
                }
            )?
        }
    )*};
}

pub(crate) use answers_by_itself;

/// Implements [`Answers`] for bodies that hold the error that answers: the
/// one their method `$inner` gives, which answers by itself.
macro_rules! answers_through {
    ($($body:ident => $inner:ident),* $(,)?) => {$(
        impl<E: crate::ErrorCode> crate::wire::contract::Answers<E> for $body<E> {
            fn code(&self) -> Option<crate::Code<E>> {
                crate::wire::contract::Answers::code(self.$inner()?)
            }

            fn action_at(&self, status: u16) -> crate::Action {
                self.$inner().map_or(crate::Action::for_status(status), |inner| {
                    crate::wire::contract::Answers::action_at(inner, status)
                })
            }

            fn message(&self) -> Option<&str> {
                crate::wire::contract::Answers::message(self.$inner()?)
            }

            fn delay(&self) -> Option<::std::time::Duration> {
                crate::wire::contract::Answers::delay(self.$inner()?)
            }

            fn untyped_fields(&self) -> crate::fields::Untyped<'_> {
                self.$inner().map_or(crate::fields::Untyped::None, |inner| {
                    crate::wire::contract::Answers::untyped_fields(inner)
                })
            }

            fn repeated_fields(&self) -> &[Box<str>] {
                self.$inner().map_or(&[], crate::wire::contract::Answers::repeated_fields)
            }
        }
    )*};
}

pub(crate) use answers_through;
