//! The `errcodes!` macro. Depend on `errcodes-runtime`, which re-exports it
//! and holds everything the generated code uses; the work is done by
//! `errcodes-codegen`.

#![forbid(unsafe_code)]

use std::path::PathBuf;

use proc_macro::TokenStream;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, parse_macro_input};

/// Generates an error-code enum from a YAML catalog; see
/// `errcodes_runtime::errcodes!`.
#[proc_macro]
pub fn errcodes(input: TokenStream) -> TokenStream {
    let CatalogPath(path) = parse_macro_input!(input as CatalogPath);
    let written = path.value();
    // Relative to the invoking crate, whatever the working directory.
    let resolved = match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir).join(&written),
        None => PathBuf::from(&written),
    };
    errcodes_codegen::expand_file(&written, &resolved, path.span()).into()
}

/// The macro's input: one string literal, optionally followed by a comma.
struct CatalogPath(LitStr);

impl Parse for CatalogPath {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                "expected the path of a YAML catalog, as in `errcodes!(\"specs/errors.yaml\")`",
            )
        })?;
        let _: Option<Token![,]> = input.parse()?;
        Ok(CatalogPath(path))
    }
}
