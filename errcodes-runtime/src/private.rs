//! What generated code uses and users must not: constructors for the static
//! tables and the bodies of the generated trait impls. The module's name
//! carries the version so that a macro paired with a runtime it was not built
//! for fails to compile instead of misbehaving.

use core::fmt;

use crate::{
    Catalog, Condition, Domain, ErrorCode, ProblemCode, Translation, UnknownCode, WireFormat,
};

#[cfg(feature = "axum")]
pub use axum_core;
pub use errcodes_core::layout::{HashParts, TableParts};
use errcodes_core::layout::{Tables, Text};
#[cfg(feature = "serde")]
pub use serde;
#[cfg(feature = "tonic")]
pub use tonic;

#[cfg(feature = "occurrence")]
pub use crate::Failure;
#[cfg(feature = "occurrence")]
pub use crate::fields::{
    FieldError, FieldReader, FieldValue, Fields, FromField, Problem, Rest, Slots, debug_fields,
    same_fields, same_value,
};
#[cfg(feature = "occurrence")]
pub use serde_json::Value;

/// An optional field's value, as [`Fields::value`] gives it.
#[cfg(feature = "occurrence")]
#[must_use]
pub fn optional<T: FieldValue>(value: &Option<T>) -> Option<&dyn FieldValue> {
    value.as_ref().map(|value| value as &dyn FieldValue)
}

/// The field at `position` of those a generated struct of more than twelve
/// fields lists; [`Slots`] reads the others'.
#[cfg(feature = "occurrence")]
#[inline]
#[must_use]
pub fn field_at<'a>(
    position: usize,
    fields: &[Option<&'a dyn FieldValue>],
) -> Option<&'a dyn FieldValue> {
    fields.get(position).copied().flatten()
}

#[cfg(feature = "occurrence")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_with_fields_0_1 {
    ($($items:tt)*) => {
        $($items)*
    };
}

#[cfg(not(feature = "occurrence"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_with_fields_0_1 {
    ($($items:tt)*) => {
        ::core::compile_error! {
            "this catalog's codes have `fields`: enable the `occurrence` feature of errcodes-runtime"
        }
    };
}

/// The items of typed fields, which need the `occurrence` feature; a clear
/// compile error without it.
pub use crate::__errcodes_with_fields_0_1 as with_fields;

/// An `enum` field's values as a Rust enum, written and read as the
/// strings the catalog lists.
#[cfg(feature = "occurrence")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_field_enum_0_1 {
    (
        #[doc = $doc:expr]
        $name:ident { $(#[doc = $value_doc:expr] $variant:ident = $value:literal,)* }
    ) => {
        #[doc = $doc]
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        pub enum $name {
            $(#[doc = $value_doc] $variant,)*
        }

        #[automatically_derived]
        impl $name {
            /// The value, as sent.
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $value,)*
                }
            }
        }

        #[automatically_derived]
        impl $crate::__private_0_1::FieldValue for $name {
            #[inline]
            fn write_json(&self, out: &mut ::std::vec::Vec<u8>) {
                $crate::__private_0_1::FieldValue::write_json(self.as_str(), out);
            }

            #[inline]

            fn is_text(&self) -> bool {
                true
            }

            #[inline]

            fn write_text(&self, out: &mut ::std::vec::Vec<u8>) {
                out.extend_from_slice(self.as_str().as_bytes());
            }

            #[inline]
            fn same(&self, other: &dyn $crate::__private_0_1::FieldValue) -> bool {
                $crate::__private_0_1::same_value(self, other)
            }
        }

        #[automatically_derived]
        impl $crate::__private_0_1::FromField for $name {
            const EXPECTED: &'static str = "a string";

            #[inline]

            fn from_json(
                json: &$crate::__private_0_1::Value,
            ) -> ::core::result::Result<Self, $crate::__private_0_1::Problem> {
                match $crate::__private_0_1::one_of(json, &[$($value),*])? {
                    $($value => ::core::result::Result::Ok(Self::$variant),)*
                    _ => ::core::unreachable!(),
                }
            }
        }
    };
}

/// Declares an `enum` field's Rust enum.
#[cfg(feature = "occurrence")]
pub use crate::__errcodes_field_enum_0_1 as field_enum;

/// `json` when it is one of `values`.
///
/// # Errors
///
/// When it is not a string, or another string.
#[cfg(feature = "occurrence")]
pub fn one_of<'v>(json: &'v Value, values: &[&str]) -> Result<&'v str, Problem> {
    crate::fields::one_of(json, values)
}

/// The parts of a [`Catalog`], named so generated code reads clearly. Empty
/// texts stand for none.
#[derive(Clone, Copy)]
#[allow(missing_docs)]
pub struct CatalogParts {
    pub name: &'static str,
    pub description: &'static str,
    pub problem_type: &'static str,
    pub help_url: &'static str,
    pub grpc_domain: &'static str,
    pub problem_code: ProblemCode,
    pub wire_format: WireFormat,
    pub domains: &'static [Domain],
    pub boundary: &'static [(Condition, u32)],
    pub tables: TableParts<'static>,
    pub default_locale: &'static str,
    pub translations: &'static [Translation],
}

/// Assembles a catalog.
#[must_use]
pub const fn catalog(parts: CatalogParts) -> Catalog {
    Catalog {
        name: parts.name,
        description: non_empty(parts.description),
        problem_type: non_empty(parts.problem_type),
        help_url: non_empty(parts.help_url),
        grpc_domain: non_empty(parts.grpc_domain),
        problem_code: parts.problem_code,
        wire_format: parts.wire_format,
        domains: parts.domains,
        boundary: parts.boundary,
        tables: Tables::new(parts.tables),
        default_locale: parts.default_locale,
        translations: parts.translations,
    }
}

/// Declares a catalog's texts in the language `tag`: the four texts of
/// each code, as [`Translation`] stores them.
#[must_use]
pub const fn translation(
    tag: &'static str,
    texts: &'static str,
    offsets: &'static [u8],
) -> Translation {
    Translation {
        tag,
        texts,
        offsets,
        #[cfg(feature = "locales")]
        plural: std::sync::OnceLock::new(),
    }
}

/// A catalog's translations, which need the `locales` feature; a clear
/// compile error without it.
#[cfg(feature = "locales")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_translations_0_1 {
    ($($items:tt)*) => {
        $($items)*
    };
}

#[cfg(not(feature = "locales"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_translations_0_1 {
    ($($items:tt)*) => {
        ::core::compile_error! {
            "this catalog has translations (`locales`): enable the `locales` feature of errcodes-runtime"
        }
    };
}

/// The translations of a catalog; see [`__errcodes_translations_0_1`].
pub use crate::__errcodes_translations_0_1 as translations;

/// A catalog whose own messages choose forms by plural rules, which need
/// the `locales` feature; without it, a compile error that says which
/// message.
#[cfg(feature = "locales")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_forms_0_1 {
    ($message:literal) => {
        ()
    };
}

#[cfg(not(feature = "locales"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_forms_0_1 {
    ($message:literal) => {
        ::core::compile_error!($message)
    };
}

/// See [`__errcodes_forms_0_1`].
pub use crate::__errcodes_forms_0_1 as forms;

/// Declares a domain.
#[must_use]
pub const fn domain(id: &'static str, title: &'static str, description: &'static str) -> Domain {
    Domain {
        id,
        title,
        description: non_empty(description),
    }
}

const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

/// `Display`: the code, a space, and the title, like `404 Not Found`.
///
/// # Errors
///
/// When the formatter fails.
pub fn display<T: ErrorCode>(code: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let at = code.index();
    f.write_str(T::CATALOG.code(at))?;
    f.write_str(" ")?;
    f.write_str(T::CATALOG.text(at, Text::Title))
}

/// `Debug`: the variant name, read from the table instead of a `match`.
///
/// # Errors
///
/// When the formatter fails.
pub fn debug<T: ErrorCode>(code: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(code.name())
}

/// `FromStr`: the code whose identifier is exactly `s`.
///
/// # Errors
///
/// [`UnknownCode`] holding `s` when the catalog has no such code.
pub fn parse<T: ErrorCode>(s: &str) -> Result<T, UnknownCode> {
    T::from_code(s).ok_or_else(|| UnknownCode::new(T::CATALOG.name(), s))
}

#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_serde_0_1 {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private_0_1::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private_0_1::serde::Serializer,
            {
                $crate::__private_0_1::serialize(self, serializer)
            }
        }

        #[automatically_derived]
        impl<'de> $crate::__private_0_1::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private_0_1::serde::Deserializer<'de>,
            {
                $crate::__private_0_1::deserialize(deserializer)
            }
        }
    };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_serde_0_1 {
    ($ty:ident) => {};
}

/// Implements `Serialize` and `Deserialize` when the `serde` feature is on,
/// and nothing otherwise: the macro cannot see the runtime's features.
pub use crate::__errcodes_impl_serde_0_1 as impl_serde;

#[cfg(feature = "occurrence")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_failure_0_1 {
    ($ty:ident) => {
        #[automatically_derived]
        impl ::core::convert::From<$ty> for $crate::Failure<$ty> {
            #[inline]
            fn from(code: $ty) -> Self {
                $crate::Failure::new(code)
            }
        }
    };
}

#[cfg(not(feature = "occurrence"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_failure_0_1 {
    ($ty:ident) => {};
}

/// Implements `From` a code for its `Failure` when the `occurrence` feature
/// is on. One impl per catalog, beside the runtime's one for every
/// [`Fields`]: a blanket impl for codes would overlap it.
pub use crate::__errcodes_impl_failure_0_1 as impl_failure;

#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_prepared_0_1 {
    ($count:literal) => {
        #[inline]
        fn prepared(&self) -> ::core::option::Option<&'static $crate::__private_0_1::PreparedCell> {
            static PREPARED: [$crate::__private_0_1::PreparedCell; $count] =
                [const { $crate::__private_0_1::PreparedCell::new() }; $count];
            PREPARED.get(<Self as $crate::ErrorCode>::index(self))
        }
    };
}

#[cfg(not(feature = "json"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_prepared_0_1 {
    ($count:literal) => {};
}

/// The cells in which each code's responses are prepared on first use,
/// with the `json` feature; nothing otherwise.
pub use crate::__errcodes_prepared_0_1 as prepared;

/// Where a code's response in its own format is prepared, once.
#[cfg(feature = "json")]
pub type PreparedCell = std::sync::OnceLock<errcodes_core::render::Prepared<'static>>;

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_axum_0_1 {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private_0_1::axum_core::response::IntoResponse for $ty {
            fn into_response(self) -> $crate::__private_0_1::axum_core::response::Response {
                $crate::__private_0_1::axum_core::response::IntoResponse::into_response(
                    $crate::axum::Reply::new(self),
                )
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_axum_0_1 {
    ($ty:ident) => {};
}

/// Implements axum's `IntoResponse` when the `axum` feature is on, and
/// nothing otherwise.
pub use crate::__errcodes_impl_axum_0_1 as impl_axum;

#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_tonic_0_1 {
    ($ty:ident) => {
        #[automatically_derived]
        impl ::core::convert::From<$ty> for $crate::__private_0_1::tonic::Status {
            fn from(code: $ty) -> Self {
                $crate::grpc::status(code, &$crate::Occurrence::new())
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcodes_impl_tonic_0_1 {
    ($ty:ident) => {};
}

/// Implements `From` for `tonic::Status` when the `tonic` feature is on,
/// and nothing otherwise.
pub use crate::__errcodes_impl_tonic_0_1 as impl_tonic;

/// `Serialize`: the code string.
///
/// # Errors
///
/// When the serializer fails.
#[cfg(feature = "serde")]
pub fn serialize<T: ErrorCode, S: serde::Serializer>(
    code: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(code.code())
}

/// `Deserialize`: from the code string; an unknown code is an error that
/// names it.
///
/// # Errors
///
/// When the input is not a string, or not one of the catalog's codes.
#[cfg(feature = "serde")]
pub fn deserialize<'de, T: ErrorCode, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct CodeVisitor<T>(core::marker::PhantomData<T>);

    impl<T: ErrorCode> serde::de::Visitor<'_> for CodeVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} code", T::CATALOG.name())
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            parse(v).map_err(E::custom)
        }
    }

    deserializer.deserialize_str(CodeVisitor(core::marker::PhantomData))
}
