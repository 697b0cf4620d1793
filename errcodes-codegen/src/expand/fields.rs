//! The typed fields of a catalog's codes: a module named after the enum,
//! with one struct per code that has fields and one enum per `enum` field,
//! and their impls beside it. The module refers to nothing outside it but
//! absolute paths, so that it compiles wherever the macro is called, even
//! inside a function; the impls, which name the enum, sit next to it.

use std::fmt::Write as _;

use heck::ToSnakeCase;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use errcodes_core::fields::FieldKind;

use super::private;
use crate::fields::CheckedField;
use crate::markdown;
use crate::model::{CheckedCatalog, CheckedCode};
use crate::names;

/// The module of a catalog whose codes have fields, and the impls; nothing
/// for a catalog without fields.
pub(super) fn expand(catalog: &CheckedCatalog, enum_name: &Ident) -> TokenStream {
    let codes: Vec<&CheckedCode> = catalog
        .codes
        .iter()
        .filter(|code| !code.fields.is_empty())
        .collect();
    if codes.is_empty() {
        return TokenStream::new();
    }
    let private = private();
    let module = Ident::new(&catalog.name.value.to_snake_case(), Span::call_site());
    let module_doc = format!(
        "The typed fields of [`{0}`]'s codes: one struct per code whose occurrences carry fields, named like its variant. A value becomes a [`Failure`](errcodes_runtime::Failure) of its code, and [`Received::fields`](errcodes_runtime::Received::fields) reads it back from a received error.",
        catalog.name.value
    );
    let mut enums = Vec::new();
    let mut shared_done: Vec<&str> = Vec::new();
    for code in &codes {
        for field in &code.fields {
            if field.ty.value.kind != FieldKind::OneOf {
                continue;
            }
            if field.shared {
                if shared_done.contains(&field.name.value.as_str()) {
                    continue;
                }
                shared_done.push(&field.name.value);
            }
            enums.push(value_enum(field, &code.name.value));
        }
    }
    let structs = codes.iter().map(|code| fields_struct(code, catalog));
    let impls = codes
        .iter()
        .map(|code| fields_impl(code, enum_name, &module));
    quote! {
        #private::with_fields! {
            #[doc = #module_doc]
            pub mod #module {
                #(#enums)*
                #(#structs)*
            }

            #(#impls)*
        }
    }
}

/// A field's Rust name, raw when it is a keyword.
fn field_ident(field: &CheckedField) -> Ident {
    let name = field.rust_name();
    if names::is_keyword(&name) {
        Ident::new_raw(&name, Span::call_site())
    } else {
        Ident::new(&name, Span::call_site())
    }
}

/// The Rust type of a field's value; an `enum` field's type is named
/// inside `module` when there is one.
fn field_type(field: &CheckedField, variant: &str, module: Option<&Ident>) -> TokenStream {
    let private = private();
    let one = match field.ty.value.kind {
        FieldKind::String | FieldKind::Uri => quote!(::std::string::String),
        FieldKind::Integer => quote!(i64),
        FieldKind::Number => quote!(f64),
        FieldKind::Boolean => quote!(bool),
        FieldKind::Timestamp => quote!(::errcodes_runtime::Timestamp),
        FieldKind::Duration => quote!(::core::time::Duration),
        FieldKind::Any => quote!(#private::Value),
        FieldKind::OneOf => {
            let name = Ident::new(&field.enum_name(variant), Span::call_site());
            let module = module.map(|module| quote!(#module::));
            quote!(#module #name)
        }
    };
    let one = if field.ty.value.list {
        quote!(::std::vec::Vec<#one>)
    } else {
        one
    };
    if field.optional.value {
        quote!(::core::option::Option<#one>)
    } else {
        one
    }
}

/// The struct of one code's fields.
fn fields_struct(code: &CheckedCode, catalog: &CheckedCatalog) -> TokenStream {
    let name = Ident::new(&code.name.value, Span::call_site());
    let mut doc = format!(
        "The fields of [`{}::{}`](super::{0}::{1}) ({}).",
        catalog.name.value,
        code.name.value,
        markdown::code_span(&code.code.value)
    );
    if let Some(template) = &code.message {
        let _ = write!(
            doc,
            "\n\nIts message: {}.",
            markdown::code_span(&template.written.value)
        );
    }
    let fields = code.fields.iter().map(|field| {
        let ident = field_ident(field);
        let ty = field_type(field, &code.name.value, None);
        let mut doc = field.description.as_ref().map_or_else(
            || format!("`{}`.", field.name.value),
            |d| markdown::escape(&d.value),
        );
        let _ = write!(
            doc,
            "\n\nSent as {}, of type `{}`{}.",
            markdown::code_span(&field.name.value),
            field.ty.value,
            if field.optional.value {
                ", when there is one"
            } else {
                ""
            }
        );
        quote!(#[doc = #doc] pub #ident: #ty,)
    });
    let private = private();
    // Debug and PartialEq go through one generic body each, and every
    // method is inline: a catalog's thousands of structs cost little to
    // build, and nothing to generate code for until a program uses one.
    quote! {
        #[doc = #doc]
        #[derive(::core::clone::Clone)]
        pub struct #name {
            #(#fields)*
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #private::debug_fields(self, f)
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq for #name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                #private::same_fields(self, other)
            }
        }
    }
}

/// The most fields the runtime's tuples hold; past it, the last element
/// holds the rest.
const MAX_TUPLE: usize = 12;

/// The `Fields` impl of one code's struct. Its bodies are one line each:
/// reading and borrowing are written once in the runtime, generic over the
/// tuple of the fields' types, which the compiler checks far faster than a
/// body per struct that does the work.
fn fields_impl(code: &CheckedCode, enum_name: &Ident, module: &Ident) -> TokenStream {
    let private = private();
    let variant = Ident::new(&code.name.value, Span::call_site());
    let idents: Vec<Ident> = code.fields.iter().map(field_ident).collect();
    let types: Vec<TokenStream> = code
        .fields
        .iter()
        .map(|field| field_type(field, &code.name.value, Some(module)))
        .collect();
    let value = if idents.len() <= MAX_TUPLE {
        quote!(#private::Slots::at((#(&self.#idents,)*), position))
    } else {
        let values = code.fields.iter().zip(&idents).map(|(field, ident)| {
            if field.optional.value {
                quote!(#private::optional(&self.#ident))
            } else {
                quote!(::core::option::Option::Some(&self.#ident))
            }
        });
        quote!(#private::field_at(position, &[#(#values),*]))
    };
    let parts = nested(&types, &|rest| quote!(#private::Rest<#rest>));
    let pattern = nested(&idents, &|rest| quote!(#private::Rest(#rest)));
    quote! {
        #[automatically_derived]
        impl #private::Fields for #module::#variant {
            type Code = #enum_name;
            type Parts = #parts;
            const CODE: #enum_name = #enum_name::#variant;

            #[inline]
            fn value(&self, position: usize) -> ::core::option::Option<&dyn #private::FieldValue> {
                #value
            }

            #[inline]
            fn from_parts(#pattern: Self::Parts) -> Self {
                Self { #(#idents,)* }
            }
        }
    }
}

/// `items` as the runtime's tuples take them: one tuple of up to
/// [`MAX_TUPLE`], whose last element wraps, with `rest`, a tuple of the
/// others past it. The same shape is the tuple's type and its pattern.
fn nested<T: quote::ToTokens>(
    items: &[T],
    rest: &dyn Fn(TokenStream) -> TokenStream,
) -> TokenStream {
    if items.len() <= MAX_TUPLE {
        return quote!((#(#items,)*));
    }
    let (first, others) = items.split_at(MAX_TUPLE - 1);
    let last = rest(nested(others, rest));
    quote!((#(#first,)* #last,))
}

/// The enum of an `enum` field's values.
fn value_enum(field: &CheckedField, variant: &str) -> TokenStream {
    let private = private();
    let name = Ident::new(&field.enum_name(variant), Span::call_site());
    let doc = format!(
        "The values of the field {}.",
        markdown::code_span(&field.name.value)
    );
    let variants = field.values.iter().map(|value| {
        let ident = Ident::new(&names::value_variant(&value.value), Span::call_site());
        let text = &value.value;
        let doc = format!("Sent as {}.", markdown::code_span(text));
        quote!(#[doc = #doc] #ident = #text,)
    });
    quote! {
        #private::field_enum! {
            #[doc = #doc]
            #name { #(#variants)* }
        }
    }
}
