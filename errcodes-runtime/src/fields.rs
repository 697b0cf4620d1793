//! Typed fields: what one occurrence of a code carries, as its catalog
//! declares it. For each code with `fields`, the macro generates a struct
//! in a module named after the enum (`AcpError` → `acp_error`); a value of
//! it becomes a [`Failure`](crate::Failure) of its code, is written where each wire format
//! has room, and is read back from any received error.
//!
//! ```
//! use errcodes_runtime::{ErrorCode, Failure, Fields, Occurrence, Received};
//! use errcodes_runtime::wire::{ErrorResponse, Headers, render};
//!
//! errcodes_runtime::errcodes!("../specs/acp.yaml");
//!
//! let value = acp_error::InvalidFieldFormat {
//!     field: "reporting_date".into(),
//!     provided_value: "01/20/2025".into(),
//!     expected_format: "YYYY-MM-DD".into(),
//! };
//! assert_eq!(value.message(), "reporting_date must be in YYYY-MM-DD format");
//!
//! // On the server: the value is the failure, rendered in the code's format.
//! let (code, occurrence) = Failure::from(value.clone()).into_public();
//! let response = render(code, &occurrence, code.wire_format());
//!
//! // On the client: the same value back, from whatever was received.
//! let received = ErrorResponse::<AcpError>::decode(response.status, Headers::default(), &response.body).unwrap();
//! assert_eq!(received.fields::<acp_error::InvalidFieldFormat>().unwrap(), value);
//! ```

use core::fmt;
use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;
#[cfg(feature = "json")]
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use errcodes_core::fields::{FieldKind, FieldSpec, FieldType, decode_fields};
#[cfg(feature = "json")]
use errcodes_core::render::CodeFields;
use errcodes_core::render::google::{parse_duration, write_duration};
use errcodes_core::render::{FieldValues, JsonValue, Values};
use serde_json::{Map, Value};

use crate::{ErrorCode, Timestamp};

/// The typed fields of one code: a struct the macro generates for each code
/// whose catalog entry has `fields`. Its `Debug` names the struct after its
/// code's variant and each field as the wire does; two values are equal
/// when every field is.
// What a new user meets first: `?` on an error that is not a code.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is neither a code nor a code's fields, which is what a `Failure` is made from",
    label = "give this error a code: `.or_code(YourError::Code)?` keeps it as the cause",
    note = "`OrCode` is in `errcodes_runtime`; over any `ErrorCode`, make a failure with `Failure::new(code)`"
)]
pub trait Fields: Clone + fmt::Debug + PartialEq + Send + Sync + 'static {
    /// The codes of the catalog.
    type Code: ErrorCode;

    /// The code these fields belong to.
    const CODE: Self::Code;

    /// The fields' types as a tuple, in the catalog's order.
    #[doc(hidden)]
    type Parts: TakeAll;

    /// The value of the field at `position`, in the catalog's order; `None`
    /// for an optional field left out.
    #[doc(hidden)]
    fn value(&self, position: usize) -> Option<&dyn FieldValue>;

    /// The struct of its fields' values.
    #[doc(hidden)]
    fn from_parts(parts: Self::Parts) -> Self;

    /// Reads the fields from what `reader` holds.
    ///
    /// # Errors
    ///
    /// When a field is missing, or of the wrong type, or too large.
    #[doc(hidden)]
    fn read(reader: &FieldReader<'_>) -> Result<Self, FieldError> {
        Self::Parts::take_all(reader, 0).map(Self::from_parts)
    }

    /// The code's message template with these values; the title when the
    /// code has no template.
    fn message(&self) -> Cow<'static, str> {
        let facts = Self::CODE.facts();
        let fields = OneField(self);
        let values = Values {
            extra: &errcodes_core::render::FieldsAlone(&fields),
            ..Values::default()
        };
        match values.templated(&facts) {
            Some(message) => Cow::Owned(message.into_owned()),
            None => Cow::Borrowed(facts.title),
        }
    }

    /// The [`message`](Self::message) in `locale`, one of the catalog's
    /// [`locales`](crate::Catalog::locales): the translation's template
    /// with these values, its forms chosen by CLDR's plural rules for the
    /// language; in the catalog's own language when the translation
    /// leaves the message out or there is none.
    ///
    /// ```
    /// errcodes_runtime::errcodes!("../specs/acp.yaml");
    ///
    /// use errcodes_runtime::Fields;
    /// use acp_error::RateLimitExceeded;
    ///
    /// let limited = |limit| RateLimitExceeded {
    ///     limit,
    ///     window: "1 h".to_owned(),
    ///     reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
    /// };
    /// assert_eq!(limited(1).message_in("pl"), "Zbyt wiele żądań. Limit: 1 żądanie na 1 h");
    /// assert_eq!(limited(22).message_in("pl"), "Zbyt wiele żądań. Limit: 22 żądania na 1 h");
    /// assert_eq!(limited(5).message_in("pl"), "Zbyt wiele żądań. Limit: 5 żądań na 1 h");
    /// ```
    #[cfg(feature = "locales")]
    fn message_in(&self, locale: &str) -> Cow<'static, str> {
        use crate::translated::Slot;
        use errcodes_core::localized::Message;

        let catalog = <Self::Code as ErrorCode>::CATALOG;
        let index = Self::CODE.index();
        let Some(translation) = catalog.translation(locale) else {
            return self.message();
        };
        let Some(stored) = translation.text(index, Slot::Message) else {
            return match catalog.translated(locale, index, Slot::Title) {
                Some(title)
                    if catalog
                        .optional_text(index, errcodes_core::layout::Text::Message)
                        .is_none() =>
                {
                    Cow::Borrowed(title)
                }
                _ => self.message(),
            };
        };
        let mut out = Vec::with_capacity(stored.len() + 32);
        let shown = Message(stored).write(
            &mut |position, out| {
                self.value(position)
                    .map(|value| value.write_text(out))
                    .is_some()
            },
            &|number| translation.plural(number),
            &mut out,
        );
        match String::from_utf8(out) {
            Ok(message) if shown => Cow::Owned(message),
            _ => self.message(),
        }
    }
}

/// The `Debug` of a generated struct: its code's name, then each field as
/// sent, in the catalog's order. One body for every struct keeps a
/// catalog's thousands of them cheap to build.
#[doc(hidden)]
pub fn debug_fields<T: Fields>(fields: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut out = f.debug_struct(T::CODE.name());
    for (position, spec) in decode_fields(T::CODE.stored_fields()).enumerate() {
        let value = fields.value(position);
        if spec.optional {
            out.field(spec.name, &value);
        } else if let Some(value) = value {
            out.field(spec.name, &value);
        }
    }
    out.finish()
}

/// The `PartialEq` of a generated struct: every field equal.
#[doc(hidden)]
pub fn same_fields<T: Fields>(one: &T, other: &T) -> bool {
    (0..decode_fields(T::CODE.stored_fields()).count()).all(|position| {
        match (one.value(position), other.value(position)) {
            (Some(one), Some(other)) => one.same(other),
            (one, other) => one.is_none() && other.is_none(),
        }
    })
}

/// The fields of a generated struct as a tuple, in the catalog's order:
/// what [`Fields::read`] reads before the struct is made of it. Past
/// eleven fields, the twelfth element is a [`Rest`] of the others.
#[doc(hidden)]
pub trait TakeAll: Sized {
    /// Reads the tuple from `reader`, its first element being the field
    /// at `start`.
    ///
    /// # Errors
    ///
    /// As [`FieldReader::take`], for the first field that fails.
    fn take_all(reader: &FieldReader<'_>, start: usize) -> Result<Self, FieldError>;
}

/// The fields of a struct past its eleventh, as one element of its
/// [`Fields::Parts`].
#[doc(hidden)]
#[derive(Debug)]
pub struct Rest<T>(pub T);

/// One element of a [`TakeAll`] tuple: a field, or the [`Rest`].
#[doc(hidden)]
pub trait Part: Sized {
    /// Reads the element that starts at `position`.
    ///
    /// # Errors
    ///
    /// As [`FieldReader::take`].
    fn take_part(reader: &FieldReader<'_>, position: usize) -> Result<Self, FieldError>;
}

impl<T: FromField> Part for T {
    fn take_part(reader: &FieldReader<'_>, position: usize) -> Result<Self, FieldError> {
        reader.take(position)
    }
}

impl<T: TakeAll> Part for Rest<T> {
    fn take_part(reader: &FieldReader<'_>, position: usize) -> Result<Self, FieldError> {
        T::take_all(reader, position).map(Rest)
    }
}

/// The fields of a generated struct borrowed as a tuple, in the catalog's
/// order: what [`Fields::value`] picks one from. An optional field is an
/// `Option` of its value.
#[doc(hidden)]
pub trait Slots<'a> {
    /// The value at `position`; `None` past the end or for an optional
    /// field left out.
    fn at(self, position: usize) -> Option<&'a dyn FieldValue>;
}

/// A field of a struct as [`Slots`] reads it.
#[doc(hidden)]
pub trait Slot {
    /// The value, when there is one.
    fn slot(&self) -> Option<&dyn FieldValue>;
}

impl<T: FieldValue> Slot for T {
    fn slot(&self) -> Option<&dyn FieldValue> {
        Some(self)
    }
}

impl<T: FieldValue> Slot for Option<T> {
    fn slot(&self) -> Option<&dyn FieldValue> {
        self.as_ref().map(|value| value as &dyn FieldValue)
    }
}

// Each arity's reading and borrowing is written once here, generic, so
// that a generated struct's own bodies stay one line each.
macro_rules! tuples {
    ($($ty:ident $position:tt),+) => {
        impl<$($ty: Part),+> TakeAll for ($($ty,)+) {
            fn take_all(reader: &FieldReader<'_>, start: usize) -> Result<Self, FieldError> {
                Ok(($($ty::take_part(reader, start + $position)?,)+))
            }
        }

        impl<'a, $($ty: Slot),+> Slots<'a> for ($(&'a $ty,)+) {
            #[inline]
            fn at(self, position: usize) -> Option<&'a dyn FieldValue> {
                match position {
                    $($position => self.$position.slot(),)+
                    _ => None,
                }
            }
        }
    };
}

tuples!(A 0);
tuples!(A 0, B 1);
tuples!(A 0, B 1, C 2);
tuples!(A 0, B 1, C 2, D 3);
tuples!(A 0, B 1, C 2, D 3, E 4);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);

/// A value a field can hold, written as its type says.
pub trait FieldValue: Any + fmt::Debug + Send + Sync {
    /// Appends the value as JSON.
    fn write_json(&self, out: &mut Vec<u8>);

    /// Whether the value is a JSON string on the wire.
    fn is_text(&self) -> bool;

    /// Appends the value as a message shows it: a string without quotes, a
    /// list's items separated by `, `, anything else as JSON.
    fn write_text(&self, out: &mut Vec<u8>) {
        self.write_json(out);
    }

    /// [`write_text`](Self::write_text), escaped for inside a JSON string.
    #[doc(hidden)]
    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        let at = out.len();
        self.write_text(out);
        errcodes_core::render::escape_from(out, at);
    }

    /// [`write_json`](Self::write_json), escaped for inside a JSON string.
    #[doc(hidden)]
    fn write_json_escaped(&self, out: &mut Vec<u8>) {
        let at = out.len();
        self.write_json(out);
        errcodes_core::render::escape_from(out, at);
    }

    /// Whether `other` is a value of the same type, equal to this one.
    #[doc(hidden)]
    fn same(&self, other: &dyn FieldValue) -> bool;
}

/// [`FieldValue::same`] of a type that compares with `==`.
#[doc(hidden)]
pub fn same_value<T: FieldValue + PartialEq>(value: &T, other: &dyn FieldValue) -> bool {
    (other as &dyn Any).downcast_ref::<T>() == Some(value)
}

/// A value a field's type reads from JSON.
pub trait FromField: Sized {
    /// What the value is, for errors.
    const EXPECTED: &'static str;

    /// Reads the value from `json`.
    ///
    /// # Errors
    ///
    /// When `json` is not of this type.
    fn from_json(json: &Value) -> Result<Self, Problem>;

    /// Reads the value from `json`, which the reader made and gives away:
    /// a string moves rather than being copied.
    ///
    /// # Errors
    ///
    /// When `json` is not of this type.
    fn from_owned(json: Value) -> Result<Self, Problem> {
        Self::from_json(&json)
    }

    /// The value of a field that is not there; `None` when it must be.
    #[must_use]
    fn absent() -> Option<Self> {
        None
    }
}

/// What was wrong with a received field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The error does not carry it.
    Missing,
    /// It is of another type.
    WrongType {
        /// What the field is.
        expected: &'static str,
        /// What was received.
        found: &'static str,
    },
    /// It is larger than a field may be.
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// The largest allowed.
        limit: usize,
    },
    /// It is of the right type but not a value the field takes.
    Invalid(String),
    /// The error's body was not read, so it carries no fields: why.
    Unread(String),
    /// The error gives it more than once, or a member inside it: which
    /// value to believe is not known.
    Repeated,
    /// The error is of another code than the fields asked for.
    OtherCode {
        /// The code received, when there is one.
        received: Option<String>,
    },
}

/// A received field that could not be read: which, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The code whose fields were read.
    pub code: &'static str,
    /// The field's name; empty when the whole error was of another code.
    pub field: String,
    /// What was wrong.
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, field) = (self.code, &self.field);
        match &self.problem {
            Problem::Missing => write!(f, "field `{field}` of {code} is missing"),
            Problem::WrongType { expected, found } => {
                write!(
                    f,
                    "field `{field}` of {code} should be {expected}, found {found}"
                )
            }
            Problem::TooLarge { what, limit } => {
                write!(f, "field `{field}` of {code} has more than {limit} {what}")
            }
            Problem::Invalid(why) => write!(f, "field `{field}` of {code} {why}"),
            Problem::Repeated => write!(f, "field `{field}` of {code} is given more than once"),
            Problem::OtherCode {
                received: Some(received),
            } => {
                write!(f, "the error is {received}, not {code}")
            }
            Problem::OtherCode { received: None } => {
                write!(f, "the error names no code, not {code}")
            }
            Problem::Unread(why) => write!(f, "the error carries no fields of {code}: {why}"),
        }
    }
}

impl std::error::Error for FieldError {}

/// The most bytes of text a received field may hold.
pub const MAX_TEXT: usize = 65_536;
/// The most items a received list may hold.
pub const MAX_ITEMS: usize = 1_024;
/// The deepest a received `any` value may nest.
pub const MAX_DEPTH: usize = 32;

/// A received error's fields as they came, before any type is applied.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Untyped<'a> {
    /// The error carries none.
    None,
    /// JSON members, each a value of its field's type: a problem's
    /// extension members, ACP's `details`, a Pass or gateway object's.
    Members(&'a Map<String, Value>),
    /// Google `ErrorInfo` metadata, by key, each value a string: a string
    /// field's value as it is, any other as JSON.
    Metadata(Vec<(&'a str, &'a str)>),
    /// Pass XML elements, as written, their text as metadata's.
    Elements(&'a [String]),
    /// A problem's extension members, as received and not read yet: a
    /// field is found in their text alone, so that reading the fields
    /// does not build the others.
    #[cfg(feature = "json")]
    #[doc(hidden)]
    Kept(KeptMembers<'a>),
}

/// Members kept as the text they came in, for [`Untyped::Kept`].
#[cfg(feature = "json")]
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeptMembers<'a>(pub(crate) &'a crate::wire::kept::Kept);

#[cfg(feature = "json")]
impl Untyped<'_> {
    /// The same fields, read as every variant a user sees them.
    #[must_use]
    pub(crate) fn settled(self) -> Self {
        match self {
            Untyped::Kept(KeptMembers(kept)) => Untyped::Members(kept.members()),
            other => other,
        }
    }

    /// Whether these fields tell by themselves which are repeated.
    pub(crate) fn find_repeated(&self) -> bool {
        matches!(self, Untyped::Kept(_))
    }
}

impl<'a> Untyped<'a> {
    /// The JSON value of the field `spec`, as its type reads it; `Ok(None)`
    /// when it is not there.
    fn get(&self, spec: &FieldSpec<'_>) -> Result<Option<Cow<'a, Value>>, Problem> {
        let text = match *self {
            Untyped::None => return Ok(None),
            Untyped::Members(members) => return Ok(members.get(spec.name).map(Cow::Borrowed)),
            #[cfg(feature = "json")]
            Untyped::Kept(KeptMembers(kept)) => {
                let position = |name: &str| (name == spec.name).then_some(0);
                return match kept.pick(1, &position).pop() {
                    Some(found) if found.repeated => Err(Problem::Repeated),
                    found => Ok(found.and_then(|found| found.value).map(Cow::Owned)),
                };
            }
            Untyped::Metadata(ref pairs) => {
                let mut texts = pairs.iter().filter(|(key, _)| *key == spec.key);
                match (texts.next(), texts.next()) {
                    (None, _) => return Ok(None),
                    (Some(_), Some(_)) => return Err(Problem::Repeated),
                    (Some((_, text)), None) => Cow::Borrowed(*text),
                }
            }
            Untyped::Elements(elements) => {
                let mut texts = elements
                    .iter()
                    .filter_map(|element| element_text(element, spec.name));
                match (texts.next(), texts.next()) {
                    (None, _) => return Ok(None),
                    (Some(_), Some(_)) => return Err(Problem::Repeated),
                    (Some(text), None) => Cow::Owned(text?),
                }
            }
        };
        from_text(&text, spec.ty).map(|value| Some(Cow::Owned(value)))
    }
}

/// A field's value from its text in metadata or XML: a string type's text
/// is the value, any other type's is JSON.
fn from_text(text: &str, ty: FieldType) -> Result<Value, Problem> {
    if ty.is_text() {
        return Ok(Value::String(text.to_owned()));
    }
    if text.len() > MAX_TEXT {
        return Err(Problem::TooLarge {
            what: "bytes",
            limit: MAX_TEXT,
        });
    }
    serde_json::from_str(text).map_err(|_| Problem::Invalid(format!("is not JSON: {text:?}")))
}

/// The unescaped text of `element` when it is `<name>…</name>` with text
/// only; `None` for another element.
fn element_text(element: &str, name: &str) -> Option<Result<String, Problem>> {
    let rest = element.strip_prefix('<')?.strip_prefix(name)?;
    let inner = rest
        .strip_prefix('>')?
        .strip_suffix('>')?
        .strip_suffix(name)?
        .strip_suffix("</")?;
    if inner.contains('<') {
        return Some(Err(Problem::Invalid("holds markup, not text".to_owned())));
    }
    Some(
        quick_xml_unescape(inner)
            .map_err(|why| Problem::Invalid(format!("is not XML text: {why}"))),
    )
}

#[cfg(feature = "xml")]
fn quick_xml_unescape(text: &str) -> Result<String, String> {
    quick_xml::escape::unescape(text)
        .map(Cow::into_owned)
        .map_err(|error| error.to_string())
}

// The same signature as with `xml`, whose unescaping can fail.
#[cfg(not(feature = "xml"))]
#[allow(clippy::unnecessary_wraps)]
fn quick_xml_unescape(text: &str) -> Result<String, String> {
    Ok(text.to_owned())
}

/// What a generated struct reads its fields from: a code's specs and a
/// received error's untyped fields.
#[derive(Clone, Debug)]
pub struct FieldReader<'a> {
    code: &'static str,
    specs: &'static str,
    untyped: Untyped<'a>,
    repeated: &'a [Box<str>],
    /// The fields of members kept as text, found in one pass when the
    /// first is read.
    #[cfg(feature = "json")]
    picked: OnceLock<Picked>,
}

/// The fields found in members kept as text: each value stays until a read
/// takes it, rather than copying it.
#[cfg(feature = "json")]
#[derive(Debug)]
struct Picked(Mutex<Vec<crate::wire::kept::Found>>);

#[cfg(feature = "json")]
impl Clone for Picked {
    fn clone(&self) -> Self {
        let found = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        Picked(Mutex::new(found.clone()))
    }
}

impl<'a> FieldReader<'a> {
    /// A reader of the fields of `code` from `untyped`.
    #[must_use]
    pub fn new<E: ErrorCode>(code: E, untyped: Untyped<'a>) -> Self {
        let facts = code.facts();
        FieldReader {
            code: facts.code,
            specs: facts.fields,
            untyped,
            repeated: &[],
            #[cfg(feature = "json")]
            picked: OnceLock::new(),
        }
    }

    /// The reader, told that the fields named in `names` were given more
    /// than once: reading one of them fails.
    #[must_use]
    pub fn repeated(self, names: &'a [Box<str>]) -> Self {
        FieldReader {
            repeated: names,
            ..self
        }
    }

    /// The value of the field `spec`, at `position`, as received; members
    /// kept as text are looked through once for every field.
    fn untyped_value(
        &self,
        spec: &FieldSpec<'_>,
        position: usize,
    ) -> Result<Option<Cow<'_, Value>>, Problem> {
        #[cfg(feature = "json")]
        if let Untyped::Kept(KeptMembers(kept)) = self.untyped {
            let picked = self.picked.get_or_init(|| {
                let count = decode_fields(self.specs).count();
                let position = |name: &str| decode_fields(self.specs).position(|s| s.name == name);
                Picked(Mutex::new(kept.pick(count, &position)))
            });
            let mut picked = picked.0.lock().unwrap_or_else(PoisonError::into_inner);
            let Some(found) = picked.get_mut(position) else {
                return Ok(None);
            };
            if found.repeated {
                return Err(Problem::Repeated);
            }
            if let Some(value) = found.value.take() {
                found.taken = true;
                return Ok(Some(Cow::Owned(value)));
            }
            // A field read a second time is found again.
            let taken = found.taken;
            drop(picked);
            return if taken {
                self.untyped.get(spec)
            } else {
                Ok(None)
            };
        }
        let _ = position;
        self.untyped.get(spec)
    }

    /// The field at `position`, as `T`.
    ///
    /// # Errors
    ///
    /// When it is missing (and `T` is not an `Option`), of another type, or
    /// too large.
    #[doc(hidden)]
    pub fn take<T: FromField>(&self, position: usize) -> Result<T, FieldError> {
        let spec = decode_fields(self.specs).nth(position);
        let name = spec.map_or("", |spec| spec.name);
        let error = |problem| FieldError {
            code: self.code,
            field: name.to_owned(),
            problem,
        };
        let Some(spec) = spec else {
            return Err(error(Problem::Missing));
        };
        if self
            .repeated
            .iter()
            .any(|repeated| **repeated == *spec.name)
        {
            return Err(error(Problem::Repeated));
        }
        let value = self.untyped_value(&spec, position).map_err(error)?;
        // Null is a value of `any`; of any other type, it says "none".
        let holds_null = spec.ty == FieldType::one(FieldKind::Any);
        let Some(value) = value.filter(|value| holds_null || !value.is_null()) else {
            return T::absent().ok_or_else(|| error(Problem::Missing));
        };
        check_size(&value, 0).map_err(error)?;
        if spec.ty.kind == FieldKind::Uri {
            check_uris(&value).map_err(error)?;
        }
        match value {
            Cow::Owned(owned) => T::from_owned(owned),
            Cow::Borrowed(json) => T::from_json(json),
        }
        .map_err(error)
    }
}

/// Refuses texts, lists and nesting past the limits.
fn check_size(value: &Value, depth: usize) -> Result<(), Problem> {
    if depth > MAX_DEPTH {
        return Err(Problem::TooLarge {
            what: "levels of nesting",
            limit: MAX_DEPTH,
        });
    }
    match value {
        Value::String(text) if text.len() > MAX_TEXT => Err(Problem::TooLarge {
            what: "bytes",
            limit: MAX_TEXT,
        }),
        Value::Array(items) if items.len() > MAX_ITEMS => Err(Problem::TooLarge {
            what: "items",
            limit: MAX_ITEMS,
        }),
        Value::Object(members) if members.len() > MAX_ITEMS => Err(Problem::TooLarge {
            what: "members",
            limit: MAX_ITEMS,
        }),
        Value::Array(items) => items
            .iter()
            .try_for_each(|item| check_size(item, depth + 1)),
        Value::Object(members) => members
            .values()
            .try_for_each(|item| check_size(item, depth + 1)),
        _ => Ok(()),
    }
}

/// A URI field's value, or each of a list's, is an absolute URI.
fn check_uris(value: &Value) -> Result<(), Problem> {
    match value {
        Value::String(text) if !errcodes_core::fields::is_absolute_uri(text) => Err(
            Problem::Invalid(format!("is not an absolute URI: {text:?}")),
        ),
        Value::Array(items) => items.iter().try_for_each(check_uris),
        _ => Ok(()),
    }
}

fn wrong_type(expected: &'static str, found: &Value) -> Problem {
    Problem::WrongType {
        expected,
        found: match found {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        },
    }
}

/// Reads `json` as `T`, or says it is of another type.
fn expect<'v, T>(
    json: &'v Value,
    read: impl FnOnce(&'v Value) -> Option<T>,
    expected: &'static str,
) -> Result<T, Problem> {
    read(json).ok_or_else(|| wrong_type(expected, json))
}

/// `json` when it is one of `values`.
pub(crate) fn one_of<'v>(json: &'v Value, values: &[&str]) -> Result<&'v str, Problem> {
    let text = expect(json, Value::as_str, "a string")?;
    if values.contains(&text) {
        Ok(text)
    } else {
        Err(Problem::Invalid(format!(
            "is {text:?}, not one of {}",
            values.join(", ")
        )))
    }
}

impl FieldValue for str {
    fn write_json(&self, out: &mut Vec<u8>) {
        errcodes_core::render::escape(self, out);
    }

    fn is_text(&self) -> bool {
        true
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.as_bytes());
    }

    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        errcodes_core::render::escape_inside(self, out);
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        (other as &dyn Any)
            .downcast_ref::<String>()
            .is_some_and(|other| other == self)
    }
}

impl FieldValue for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.as_str().write_json(out);
    }

    fn is_text(&self) -> bool {
        true
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        self.as_str().write_text(out);
    }

    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        self.as_str().write_text_escaped(out);
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        same_value(self, other)
    }
}

impl FromField for String {
    const EXPECTED: &'static str = "a string";

    fn from_owned(json: Value) -> Result<Self, Problem> {
        match json {
            Value::String(text) => Ok(text),
            other => Self::from_json(&other),
        }
    }

    fn from_json(json: &Value) -> Result<Self, Problem> {
        expect(
            json,
            |json| json.as_str().map(str::to_owned),
            Self::EXPECTED,
        )
    }
}

impl FieldValue for i64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        if *self < 0 {
            out.push(b'-');
        }
        errcodes_core::render::write_number(self.unsigned_abs(), out);
    }

    // Digits, signs, points and letters: nothing to escape.
    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        self.write_json(out);
    }

    fn write_json_escaped(&self, out: &mut Vec<u8>) {
        self.write_json(out);
    }

    fn is_text(&self) -> bool {
        false
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        same_value(self, other)
    }
}

impl FromField for i64 {
    const EXPECTED: &'static str = "an integer";

    fn from_json(json: &Value) -> Result<Self, Problem> {
        expect(json, Value::as_i64, Self::EXPECTED)
    }
}

impl FieldValue for f64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        // A number that JSON cannot write is written as null, as serde_json
        // does.
        let _ = serde_json::to_writer(out, self);
    }

    // Digits, signs, points and letters: nothing to escape.
    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        self.write_json(out);
    }

    fn write_json_escaped(&self, out: &mut Vec<u8>) {
        self.write_json(out);
    }

    fn is_text(&self) -> bool {
        false
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        same_value(self, other)
    }
}

impl FromField for f64 {
    const EXPECTED: &'static str = "a number";

    fn from_json(json: &Value) -> Result<Self, Problem> {
        expect(json, Value::as_f64, Self::EXPECTED)
    }
}

impl FieldValue for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }

    // Digits, signs, points and letters: nothing to escape.
    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        self.write_json(out);
    }

    fn write_json_escaped(&self, out: &mut Vec<u8>) {
        self.write_json(out);
    }

    fn is_text(&self) -> bool {
        false
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        same_value(self, other)
    }
}

impl FromField for bool {
    const EXPECTED: &'static str = "a boolean";

    fn from_json(json: &Value) -> Result<Self, Problem> {
        expect(json, Value::as_bool, Self::EXPECTED)
    }
}

impl FieldValue for Timestamp {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        self.write(out);
        out.push(b'"');
    }

    fn is_text(&self) -> bool {
        true
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        self.write(out);
    }

    // Digits and ASCII punctuation: nothing to escape.
    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        self.write_text(out);
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        same_value(self, other)
    }
}

impl FromField for Timestamp {
    const EXPECTED: &'static str = "an RFC 3339 timestamp";

    fn from_json(json: &Value) -> Result<Self, Problem> {
        let text = expect(json, Value::as_str, Self::EXPECTED)?;
        text.parse()
            .map_err(|error| Problem::Invalid(format!("is {error}: {text:?}")))
    }
}

impl FieldValue for Duration {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        write_duration(*self, out);
        out.push(b'"');
    }

    fn is_text(&self) -> bool {
        true
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        write_duration(*self, out);
    }

    // Digits and ASCII punctuation: nothing to escape.
    fn write_text_escaped(&self, out: &mut Vec<u8>) {
        self.write_text(out);
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        same_value(self, other)
    }
}

impl FromField for Duration {
    const EXPECTED: &'static str = "a duration such as \"1.5s\"";

    fn from_json(json: &Value) -> Result<Self, Problem> {
        let text = expect(json, Value::as_str, Self::EXPECTED)?;
        parse_duration(text).ok_or_else(|| {
            Problem::Invalid(format!(
                "is not a duration in seconds with an `s`: {text:?}"
            ))
        })
    }
}

impl FieldValue for Value {
    fn write_json(&self, out: &mut Vec<u8>) {
        crate::context::write_value(self, out);
    }

    fn is_text(&self) -> bool {
        self.is_string()
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        match self {
            Value::String(text) => out.extend_from_slice(text.as_bytes()),
            Value::Array(items) => {
                write_items(items.iter().map(|item| item as &dyn FieldValue), out);
            }
            other => other.write_json(out),
        }
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        same_value(self, other)
    }
}

impl FromField for Value {
    const EXPECTED: &'static str = "any JSON value";

    fn from_owned(json: Value) -> Result<Self, Problem> {
        Ok(json)
    }

    fn from_json(json: &Value) -> Result<Self, Problem> {
        Ok(json.clone())
    }
}

impl<T: FieldValue> FieldValue for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            item.write_json(out);
        }
        out.push(b']');
    }

    fn is_text(&self) -> bool {
        false
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        write_items(self.iter().map(|item| item as &dyn FieldValue), out);
    }

    fn same(&self, other: &dyn FieldValue) -> bool {
        (other as &dyn Any)
            .downcast_ref::<Self>()
            .is_some_and(|other| {
                other.len() == self.len() && self.iter().zip(other).all(|(a, b)| a.same(b))
            })
    }
}

fn write_items<'v>(items: impl Iterator<Item = &'v dyn FieldValue>, out: &mut Vec<u8>) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        item.write_text(out);
    }
}

impl<T: FromField> FromField for Vec<T> {
    const EXPECTED: &'static str = "a list";

    fn from_json(json: &Value) -> Result<Self, Problem> {
        let items = expect(json, Value::as_array, Self::EXPECTED)?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                T::from_json(item).map_err(|problem| match problem {
                    Problem::WrongType { expected, found } => Problem::Invalid(format!(
                        "has item {i} that should be {expected}, found {found}"
                    )),
                    other => other,
                })
            })
            .collect()
    }
}

impl<T: FromField> FromField for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;

    fn from_json(json: &Value) -> Result<Self, Problem> {
        T::from_json(json).map(Some)
    }

    fn from_owned(json: Value) -> Result<Self, Problem> {
        T::from_owned(json).map(Some)
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

/// Typed fields of any code, held by an [`Occurrence`](crate::Occurrence)
/// for the renderers.
#[derive(Clone)]
pub struct TypedFields(Arc<dyn Erased>);

/// What the renderers and [`TypedFields`] need of any [`Fields`].
trait Erased: Send + Sync {
    fn code(&self) -> &'static str;
    fn specs(&self) -> &'static str;
    /// The language of the code's catalog.
    fn locale(&self) -> &'static str;
    fn value(&self, position: usize) -> Option<&dyn FieldValue>;
    /// The code's fields and template read once.
    #[cfg(feature = "json")]
    fn prepared(&self) -> Option<&'static CodeFields<'static>>;
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn Erased) -> bool;
    fn debug(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl<T: Fields> Erased for T {
    fn code(&self) -> &'static str {
        T::CODE.code()
    }

    fn locale(&self) -> &'static str {
        <T::Code as ErrorCode>::CATALOG.default_locale()
    }

    fn specs(&self) -> &'static str {
        T::CODE.stored_fields()
    }

    fn value(&self, position: usize) -> Option<&dyn FieldValue> {
        Fields::value(self, position)
    }

    #[cfg(feature = "json")]
    fn prepared(&self) -> Option<&'static CodeFields<'static>> {
        crate::wire::prepared(T::CODE)?.fields()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn Erased) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }

    fn debug(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl TypedFields {
    /// The value of the field at `position`, when given.
    #[cfg(all(feature = "locales", any(feature = "axum", feature = "tonic")))]
    pub(crate) fn value_at(&self, position: usize) -> Option<&dyn FieldValue> {
        self.0.value(position)
    }

    /// Holds `fields`.
    #[must_use]
    pub fn new<T: Fields>(fields: T) -> Self {
        TypedFields(Arc::new(fields))
    }

    /// The code the fields belong to.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The fields, when they are `T`.
    #[must_use]
    pub fn get<T: Fields>(&self) -> Option<&T> {
        self.0.as_any().downcast_ref()
    }
}

#[cfg(any(feature = "axum", feature = "tonic"))]
impl TypedFields {
    /// Fields of `code` given by their positions: what a service boundary
    /// knows, for a code whose struct it cannot name.
    pub(crate) fn stated<E: ErrorCode>(code: E, values: Vec<Option<Box<dyn FieldValue>>>) -> Self {
        TypedFields(Arc::new(Stated {
            code: code.code(),
            specs: code.stored_fields(),
            #[cfg(feature = "json")]
            prepared: crate::wire::prepared(code).and_then(|prepared| prepared.fields()),
            locale: E::CATALOG.default_locale(),
            values,
        }))
    }
}

/// The fields of [`TypedFields::stated`].
#[cfg(any(feature = "axum", feature = "tonic"))]
struct Stated {
    code: &'static str,
    specs: &'static str,
    #[cfg(feature = "json")]
    prepared: Option<&'static CodeFields<'static>>,
    locale: &'static str,
    values: Vec<Option<Box<dyn FieldValue>>>,
}

#[cfg(any(feature = "axum", feature = "tonic"))]
impl Erased for Stated {
    fn code(&self) -> &'static str {
        self.code
    }

    fn locale(&self) -> &'static str {
        self.locale
    }

    fn specs(&self) -> &'static str {
        self.specs
    }

    fn value(&self, position: usize) -> Option<&dyn FieldValue> {
        self.values.get(position)?.as_deref()
    }

    #[cfg(feature = "json")]
    fn prepared(&self) -> Option<&'static CodeFields<'static>> {
        self.prepared
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn Erased) -> bool {
        other
            .as_any()
            .downcast_ref::<Stated>()
            .is_some_and(|other| {
                self.code == other.code
                    && self.values.len() == other.values.len()
                    && self
                        .values
                        .iter()
                        .zip(&other.values)
                        .all(|pair| match pair {
                            (Some(one), Some(other)) => one.same(&**other),
                            (None, None) => true,
                            _ => false,
                        })
            })
    }

    fn debug(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (spec, value) in decode_fields(self.specs).zip(&self.values) {
            if let Some(value) = value {
                map.entry(&spec.key, value);
            }
        }
        map.finish()
    }
}

impl PartialEq for TypedFields {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(&*other.0)
    }
}

impl fmt::Debug for TypedFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.debug(f)
    }
}

impl FieldValues for TypedFields {
    fn code(&self) -> &str {
        self.0.code()
    }

    fn specs(&self) -> &str {
        self.0.specs()
    }

    fn plural(&self, number: &str) -> &'static str {
        plural(self.0.locale(), number)
    }

    #[cfg(feature = "json")]
    fn prepared(&self) -> Option<&CodeFields<'_>> {
        self.0.prepared()
    }

    fn value(&self, position: usize, value: &mut dyn FnMut(&dyn JsonValue)) -> bool {
        match self.0.value(position) {
            Some(field) => {
                value(&AsJson(field));
                true
            }
            None => false,
        }
    }

    fn write_json(&self, position: usize, out: &mut Vec<u8>) -> bool {
        self.0
            .value(position)
            .map(|field| field.write_json(out))
            .is_some()
    }

    fn write_text(&self, position: usize, out: &mut Vec<u8>) -> bool {
        self.0
            .value(position)
            .map(|field| field.write_text(out))
            .is_some()
    }

    fn write_text_escaped(&self, position: usize, out: &mut Vec<u8>) -> bool {
        (self.0.value(position))
            .map(|field| field.write_text_escaped(out))
            .is_some()
    }

    fn write_json_escaped(&self, position: usize, out: &mut Vec<u8>) -> bool {
        (self.0.value(position))
            .map(|field| field.write_json_escaped(out))
            .is_some()
    }
}

/// The plural category of `number` in `locale`, for a template that
/// chooses between forms; such a template needs the `locales` feature.
fn plural(locale: &'static str, number: &str) -> &'static str {
    #[cfg(feature = "locales")]
    return crate::translated::own_category(locale, number);
    #[cfg(not(feature = "locales"))]
    {
        let _ = (locale, number);
        "other"
    }
}

/// A field's value as the renderers read it.
pub(crate) struct AsJson<'a>(pub(crate) &'a dyn FieldValue);

impl JsonValue for AsJson<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.0.write_json(out);
    }

    fn is_text(&self) -> bool {
        self.0.is_text()
    }

    fn write_text(&self, out: &mut Vec<u8>) {
        self.0.write_text(out);
    }
}

/// One value's fields, and nothing else, as the renderers read them: what
/// [`Fields::message`] fills the template from.
struct OneField<'a, T>(&'a T);

impl<T: Fields> FieldValues for OneField<'_, T> {
    fn code(&self) -> &str {
        T::CODE.code()
    }

    fn specs(&self) -> &str {
        T::CODE.stored_fields()
    }

    fn plural(&self, number: &str) -> &'static str {
        plural(<T::Code as ErrorCode>::CATALOG.default_locale(), number)
    }

    #[cfg(feature = "json")]
    fn prepared(&self) -> Option<&CodeFields<'_>> {
        crate::wire::prepared(T::CODE)?.fields()
    }

    fn value(&self, position: usize, value: &mut dyn FnMut(&dyn JsonValue)) -> bool {
        match Fields::value(self.0, position) {
            Some(field) => {
                value(&AsJson(field));
                true
            }
            None => false,
        }
    }
}
