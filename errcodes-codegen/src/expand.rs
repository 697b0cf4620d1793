//! Turns a checked catalog into Rust: the enum, its static tables and its
//! trait impls.
//!
//! Per-code data goes into a few flat tables indexed by the variant's
//! position: every string in one literal plus a table of offsets, and one
//! packed `u32` of metadata per code. The compiler checks such tables far
//! faster than one `match` arm per code per method, and every accessor is a
//! table load. Paths are absolute and go through the runtime's versioned
//! private module, so the expansion means the same wherever it lands.

use errcodes_core::meta::Meta;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::catalog::Catalog;
use crate::docs;
use crate::phf;

/// What the expansion needs besides the catalog.
#[derive(Clone, Copy, Debug)]
pub struct Expansion<'a> {
    /// The catalog's path as the user wrote it, quoted in the docs.
    pub path: &'a str,
    /// The path given to `include_bytes!`, so that cargo rebuilds the crate
    /// when the catalog changes; `None` to leave it out.
    pub include: Option<&'a str>,
}

/// Why a checked catalog could still not be expanded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TooLarge {
    Strings,
    Codes,
}

/// The generated items.
pub(crate) fn expand(catalog: &Catalog, expansion: Expansion<'_>) -> Result<TokenStream, TooLarge> {
    let enum_name = Ident::new(&catalog.name, Span::call_site());
    let variants: Vec<Ident> = catalog
        .codes
        .iter()
        .map(|code| Ident::new(&code.name, Span::call_site()))
        .collect();
    let variant_docs = catalog.codes.iter().map(|code| docs::code(code, catalog));
    let enum_doc = docs::catalog(catalog, expansion.path);

    let private = quote!(::errcodes_runtime::__private_0_1);
    let include = expansion.include.map(|path| {
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });
    let tables = tables(catalog)?;
    let name = &catalog.name;
    let description = &catalog.description;
    let problem_type = catalog.problem_type.as_deref().unwrap_or_default();
    let domains = catalog.domains.iter().map(|domain| {
        let (id, title, description) = (&domain.id, &domain.title, &domain.description);
        quote!(#private::domain(#id, #title, #description))
    });
    let Tables {
        codes,
        code_offsets,
        texts,
        text_offsets,
        meta,
        seed,
        displacements,
        slots,
    } = tables;

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
                #variants,
            )*
        }

        const _: () = {
            #include

            static __CATALOG: ::errcodes_runtime::Catalog = #private::catalog(#private::Parts {
                name: #name,
                description: #description,
                problem_type: #problem_type,
                domains: &[#(#domains),*],
                codes: #codes,
                code_offsets: #code_offsets,
                texts: #texts,
                text_offsets: #text_offsets,
                meta: #meta,
                seed: #seed,
                displacements: #displacements,
                slots: #slots,
            });

            #[automatically_derived]
            impl ::errcodes_runtime::ErrorCode for #enum_name {
                const ALL: &'static [Self] = &[#(#enum_name::#variants),*];
                const CATALOG: &'static ::errcodes_runtime::Catalog = &__CATALOG;

                #[inline]
                fn index(&self) -> usize {
                    *self as usize
                }
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

            #private::impl_serde!(#enum_name);
            #private::impl_axum!(#enum_name);
        };
    })
}

/// The catalog's per-code data, as literals: strings, and byte strings of
/// little-endian integers, which rustc reads far faster than arrays of
/// integer literals. Codes have a string of their own so that a lookup
/// touches little memory.
struct Tables {
    codes: Literal,
    code_offsets: Literal,
    texts: Literal,
    text_offsets: Literal,
    meta: Literal,
    seed: Literal,
    displacements: Literal,
    slots: Literal,
}

/// Strings laid end to end, with the offsets that delimit them.
#[derive(Default)]
struct Joined {
    text: String,
    offsets: Vec<u8>,
}

impl Joined {
    fn push(&mut self, text: &str) -> Result<(), TooLarge> {
        self.mark()?;
        self.text.push_str(text);
        Ok(())
    }

    /// Records where the next string starts, or where the last one ends.
    fn mark(&mut self) -> Result<(), TooLarge> {
        let offset = u32::try_from(self.text.len()).map_err(|_| TooLarge::Strings)?;
        self.offsets.extend(offset.to_le_bytes());
        Ok(())
    }
}

fn tables(catalog: &Catalog) -> Result<Tables, TooLarge> {
    let mut codes = Joined::default();
    let mut texts = Joined::default();
    let mut meta = Vec::with_capacity(catalog.codes.len() * 4);
    for code in &catalog.codes {
        codes.push(&code.code)?;
        // The order of `Field` in the runtime.
        for text in [&code.name, &code.title, &code.description, &code.resolution] {
            texts.push(text)?;
        }
        let packed = Meta::pack(
            code.status,
            code.action,
            code.severity,
            code.outcome,
            code.origin,
            code.domain,
            code.format,
        )
        .ok_or(TooLarge::Codes)?;
        meta.extend(packed.0.to_le_bytes());
    }
    codes.mark()?;
    texts.mark()?;
    let keys: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.code.as_str())
        .collect();
    let phf = phf::build(&keys).ok_or(TooLarge::Codes)?;
    let displacements: Vec<u8> = phf
        .displacements
        .iter()
        .flat_map(|d| d.to_le_bytes())
        .collect();
    let mut slots = Vec::with_capacity(phf.slots.len() * 8);
    for &index in &phf.slots {
        // The runtime's slot layout: position, length, start.
        let at = usize::from(index) * 4;
        let start = u32::from_le_bytes([
            codes.offsets[at],
            codes.offsets[at + 1],
            codes.offsets[at + 2],
            codes.offsets[at + 3],
        ]);
        let end = u32::from_le_bytes([
            codes.offsets[at + 4],
            codes.offsets[at + 5],
            codes.offsets[at + 6],
            codes.offsets[at + 7],
        ]);
        let length = u16::try_from(end - start).map_err(|_| TooLarge::Strings)?;
        slots.extend(index.to_le_bytes());
        slots.extend(length.to_le_bytes());
        slots.extend(start.to_le_bytes());
    }
    Ok(Tables {
        codes: Literal::string(&codes.text),
        code_offsets: Literal::byte_string(&codes.offsets),
        texts: Literal::string(&texts.text),
        text_offsets: Literal::byte_string(&texts.offsets),
        meta: Literal::byte_string(&meta),
        seed: Literal::u64_unsuffixed(phf.seed),
        displacements: Literal::byte_string(&displacements),
        slots: Literal::byte_string(&slots),
    })
}
