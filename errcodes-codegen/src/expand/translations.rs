//! A catalog's translations as tables: per language, its tag, one string
//! of every code's four texts, and where each text starts. An empty text
//! stands for one the translation leaves out.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::private;
use crate::fields::CheckedTemplate;
use crate::model::CheckedCatalog;
use crate::translations::{CheckedTranslation, stored};

/// The `static` of the catalog's translations, and the `translations` of
/// its catalog: nothing and `&[]` without any, so that such a catalog
/// needs no feature unless one of its own messages chooses forms. The tables are a `static` of their own, since a
/// translation holds what cannot be dropped at compile time.
pub(super) fn expand(catalog: &CheckedCatalog) -> Option<(TokenStream, TokenStream)> {
    let private = private();
    // A message that chooses forms renders with the catalog's plural
    // rules, which come with the same feature as translations.
    let forms = catalog
        .codes
        .iter()
        .find(|code| code.message.as_ref().is_some_and(CheckedTemplate::chooses))
        .map(|code| {
            let message = format!(
                "the message of `{}` chooses its form by plural rules: enable the `locales` feature of errcodes-runtime",
                code.code.value
            );
            quote!(const _: () = #private::forms!(#message);)
        });
    if catalog.locales.translations.is_empty() {
        return Some((forms.unwrap_or_default(), quote!(&[])));
    }
    let translations = catalog
        .locales
        .translations
        .iter()
        .map(|translation| {
            let (texts, offsets) = table(translation)?;
            let tag = &translation.locale.value;
            let offsets = Literal::byte_string(&offsets);
            Some(quote!(#private::translation(#tag, #texts, #offsets)))
        })
        .collect::<Option<Vec<_>>>()?;
    let count = translations.len();
    let items = quote! {
        #forms
        static __TRANSLATIONS: [::errcodes_runtime::Translation; #count] =
            #private::translations!([#(#translations),*]);
    };
    Some((items, quote!(&__TRANSLATIONS)))
}

/// One language's texts, and their offsets as little-endian `u32`s;
/// `None` when they do not fit in 4 GiB.
fn table(translation: &CheckedTranslation) -> Option<(String, Vec<u8>)> {
    let mut texts = String::new();
    let mut offsets = Vec::with_capacity(translation.codes.len() * 16 + 4);
    for code in &translation.codes {
        let message = code.message.as_deref().map(stored);
        for text in [
            code.title.as_deref(),
            code.description.as_deref(),
            code.resolution.as_deref(),
            message.as_deref(),
        ] {
            offsets.extend_from_slice(&u32::try_from(texts.len()).ok()?.to_le_bytes());
            texts.push_str(text.unwrap_or(""));
        }
    }
    offsets.extend_from_slice(&u32::try_from(texts.len()).ok()?.to_le_bytes());
    Some((texts, offsets))
}
