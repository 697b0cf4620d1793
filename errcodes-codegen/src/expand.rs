//! Turns a checked catalog into Rust: the enum, its static tables and its
//! trait impls.
//!
//! Per-code data goes into a few flat tables indexed by the variant's
//! position: every string in one literal plus a table of offsets, and one
//! packed `u64` of metadata per code. The compiler checks such tables far
//! faster than one `match` arm per code per method, and every accessor is a
//! table load. Paths are absolute and go through the runtime's versioned
//! private module, so the expansion means the same wherever it lands.

mod fields;
mod translations;

use std::fmt;

use errcodes_core::layout::{Built, Hash, Number, TooLarge, Writer, WrittenHash};
use errcodes_core::meta::{Fields, Meta, Overflow};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::model::{CheckedCatalog, Located};
use crate::phf;
use crate::rustdoc;

/// What the expansion needs besides the catalog.
#[derive(Clone, Copy, Debug)]
pub struct Expansion<'a> {
    /// The catalog's path as the user wrote it, quoted in the docs.
    pub path: &'a str,
    /// The files read for the catalog, given to `include_bytes!` so that
    /// cargo rebuilds the crate when one changes: the catalog and its lock.
    pub watched: &'a [&'a str],
}

/// Why a checked catalog could still not be expanded: what did not fit.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Unfit {
    Tables(TooLarge),
    Meta(String, Overflow),
    /// The perfect hash found no displacements, which only happens for
    /// more codes than positions can address.
    Hash,
    /// A translation's texts pass 4 GiB.
    Translations,
}

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unfit::Tables(TooLarge::Text) => f.write_str("its codes or texts pass 4 GiB"),
            Unfit::Tables(TooLarge::Code) => f.write_str("a code is longer than 65,535 bytes"),
            Unfit::Tables(TooLarge::Codes) | Unfit::Hash => {
                f.write_str("it has more codes than the tables can address (65,536)")
            }
            Unfit::Translations => f.write_str("a translation's texts pass 4 GiB"),
            Unfit::Meta(code, overflow) => {
                write!(
                    f,
                    "the metadata of code `{code}` does not fit: {overflow:?}"
                )
            }
        }
    }
}

/// The generated items.
pub(crate) fn expand(
    catalog: &CheckedCatalog,
    expansion: Expansion<'_>,
) -> Result<TokenStream, Unfit> {
    let enum_name = Ident::new(&catalog.name.value, Span::call_site());
    let variants: Vec<Ident> = catalog
        .codes
        .iter()
        .map(|code| Ident::new(&code.name.value, Span::call_site()))
        .collect();
    let variant_docs = catalog
        .codes
        .iter()
        .map(|code| rustdoc::code(code, catalog));
    let deprecations = catalog.codes.iter().map(|code| {
        code.deprecation()
            .map(|reason| quote!(#[deprecated = #reason]))
    });
    let enum_doc = rustdoc::catalog(catalog, expansion.path);
    let include = expansion.watched.iter().map(|path| {
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });
    let statics = statics(catalog)?;
    let any_deprecated = catalog.codes.iter().any(|code| code.deprecated.is_some());
    let impls = impls(&enum_name, &variants, any_deprecated);
    let fields = fields::expand(catalog, &enum_name);

    Ok(quote! {
        #[doc = #enum_doc]
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord,
            ::core::hash::Hash,
        )]
        pub enum #enum_name {
            #(
                #[doc = #variant_docs]
                #deprecations
                #variants,
            )*
        }

        const _: () = {
            #(#include)*
            #statics
            #impls
        };

        #fields
    })
}

/// The catalog's `static`, with its tables.
fn statics(catalog: &CheckedCatalog) -> Result<TokenStream, Unfit> {
    let Built {
        codes,
        code_offsets,
        texts,
        text_offsets,
        numbers,
        meta,
        codes_hash,
        reasons_hash,
    } = tables(catalog)?;
    let code_offsets = Literal::byte_string(&code_offsets);
    let text_offsets = Literal::byte_string(&text_offsets);
    let numbers = Literal::byte_string(&numbers);
    let meta = Literal::byte_string(&meta);
    let codes_hash = hash(&codes_hash);
    let reasons_hash = hash(&reasons_hash);
    let private = private();
    let name = &catalog.name.value;
    // Empty texts stand for none in the private constructors.
    let description = text(catalog.description.as_ref());
    let problem_type = text(catalog.problem_type.as_ref());
    let help_url = text(catalog.help_url.as_ref());
    let grpc_domain = text(catalog.grpc_domain.as_ref());
    let default_locale = &catalog.locales.default.value;
    let (translation_items, translations) =
        translations::expand(catalog).ok_or(Unfit::Translations)?;
    // Vocabulary words by their index, which errcodes-core fixes.
    let wire_format = catalog.wire_format.value as usize;
    let problem_code = catalog.problem_code.value as usize;
    let domains = catalog.domains.iter().map(|domain| {
        let (id, title) = (&domain.id.value, &domain.title.value);
        let description = text(domain.description.as_ref());
        quote!(#private::domain(#id, #title, #description))
    });
    let boundary =
        catalog
            .boundary
            .iter()
            .flat_map(|named| &named.value)
            .map(|&(condition, index)| {
                let condition = Ident::new(&format!("{condition:?}"), Span::call_site());
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                quote!((::errcodes_runtime::Condition::#condition, #index))
            });
    Ok(quote! {
        #translation_items

        static __CATALOG: ::errcodes_runtime::Catalog = #private::catalog(#private::CatalogParts {
            name: #name,
            description: #description,
            problem_type: #problem_type,
            help_url: #help_url,
            grpc_domain: #grpc_domain,
            problem_code: ::errcodes_runtime::ProblemCode::ALL[#problem_code],
            wire_format: ::errcodes_runtime::WireFormat::ALL[#wire_format],
            domains: &[#(#domains),*],
            boundary: &[#(#boundary),*],
            tables: #private::TableParts {
                codes: #codes,
                code_offsets: #code_offsets,
                texts: #texts,
                text_offsets: #text_offsets,
                numbers: #numbers,
                meta: #meta,
                codes_hash: #codes_hash,
                reasons_hash: #reasons_hash,
            },
            default_locale: #default_locale,
            translations: #translations,
        });
    })
}

/// A perfect hash's parts.
fn hash(hash: &WrittenHash) -> TokenStream {
    let private = private();
    let seed = Literal::u64_unsuffixed(hash.seed);
    let displacements = Literal::byte_string(&hash.displacements);
    let slots = Literal::byte_string(&hash.slots);
    quote!(#private::HashParts {
        seed: #seed,
        displacements: #displacements,
        slots: #slots,
    })
}

/// A text the catalog may leave out; empty when it does.
fn text(text: Option<&Located<String>>) -> &str {
    text.map_or("", |text| text.value.as_str())
}

/// The trait impls, which read the catalog's tables.
fn impls(enum_name: &Ident, variants: &[Ident], any_deprecated: bool) -> TokenStream {
    let private = private();
    // Listing every variant is no use of a deprecated one.
    let allow = any_deprecated.then(|| quote!(#[allow(deprecated)]));
    let count = Literal::usize_unsuffixed(variants.len());
    quote! {
        #[automatically_derived]
        #allow
        impl ::errcodes_runtime::ErrorCode for #enum_name {
            const ALL: &'static [Self] = &[#(#enum_name::#variants),*];
            const CATALOG: &'static ::errcodes_runtime::Catalog = &__CATALOG;

            #[inline]
            fn index(&self) -> usize {
                *self as usize
            }

            #private::prepared!(#count);
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #enum_name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #private::display(self, f)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #enum_name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #private::debug(self, f)
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #enum_name {
            type Err = ::errcodes_runtime::UnknownCode;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                #private::parse(s)
            }
        }

        #[automatically_derived]
        impl ::core::error::Error for #enum_name {}

        #private::impl_failure!(#enum_name);
        #private::impl_serde!(#enum_name);
        #private::impl_axum!(#enum_name);
        #private::impl_tonic!(#enum_name);
    }
}

/// The runtime's private module, whose name carries its version.
fn private() -> TokenStream {
    quote!(::errcodes_runtime::__private_0_1)
}

/// The catalog's per-code data, laid out as `errcodes_core::layout` says.
fn tables(catalog: &CheckedCatalog) -> Result<Built, Unfit> {
    let mut writer = Writer::default();
    for code in &catalog.codes {
        let meta = Meta::pack(&Fields {
            status: code.status.value,
            action: code.action.value,
            severity: code.severity.value,
            outcome: code.outcome.value,
            origin: code.origin.as_ref().map(|origin| origin.value),
            wire_format: code.wire_format.value,
            deprecated: code.deprecated.is_some(),
            grpc_code: code.grpc.as_ref().map(|grpc| grpc.grpc_code.value),
        })
        .map_err(|overflow| Unfit::Meta(code.code.value.clone(), overflow))?;
        let text = |column| code.text(column);
        let number = |number| match number {
            Number::Domain => code.domain.as_ref().map(|domain| domain.value),
            Number::ReplacedBy => code.replaced_by.as_ref().map(|index| index.value),
        };
        writer
            .push(&code.code.value, text, number, meta)
            .map_err(Unfit::Tables)?;
    }
    let keys: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.code.value.as_str())
        .collect();
    let codes = phf::build(&keys).ok_or(Unfit::Hash)?;
    // Reasons, and the position of each one's code. A stand-in reason, in
    // a catalog that does not compile anyway, is not looked up.
    let (reasons, reasons_of): (Vec<&str>, Vec<usize>) = catalog
        .codes
        .iter()
        .enumerate()
        .filter_map(|(i, code)| {
            let reason = &code.grpc.as_ref()?.reason;
            (!reason.is_stand_in()).then_some((reason.value.as_str(), i))
        })
        .unzip();
    let reasons = match reasons.as_slice() {
        [] => Hash::default(),
        reasons => phf::build(reasons).ok_or(Unfit::Hash)?,
    };
    writer
        .finish(&codes, &reasons, &reasons_of)
        .map_err(Unfit::Tables)
}
