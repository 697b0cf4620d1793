//! A catalog's texts in one of its languages, as the pages, `explain` and
//! the example responses show them: the translation's where it gives one,
//! the catalog's own where it does not.

use errcodes_codegen::translations::{Texts, stored, to_fluent};
use errcodes_codegen::{CheckedCatalog, CheckedCode};
use errcodes_core::localized::Message;
use errcodes_runtime::languages::plural_category;

use crate::facts::ExampleFields;

/// One language of a catalog: its own, or one of its translations.
#[derive(Clone, Copy)]
pub(crate) struct Language<'c> {
    catalog: &'c CheckedCatalog,
    /// The translation's tag, as `locales` writes it; `None` for the
    /// catalog's own language.
    translation: Option<&'c str>,
}

impl<'c> Language<'c> {
    /// The catalog's own language.
    pub(crate) fn own(catalog: &'c CheckedCatalog) -> Self {
        Language {
            catalog,
            translation: None,
        }
    }

    /// The language `tag` of `catalog`, in any case: its own, or one of
    /// its translations; `None` for one it lacks.
    pub(crate) fn of(catalog: &'c CheckedCatalog, tag: &str) -> Option<Self> {
        let locales = &catalog.locales;
        if locales.default.value.eq_ignore_ascii_case(tag) {
            return Some(Language::own(catalog));
        }
        let translation = locales
            .translations
            .iter()
            .find(|translation| translation.locale.value.eq_ignore_ascii_case(tag))?;
        Some(Language {
            catalog,
            translation: Some(&translation.locale.value),
        })
    }

    /// Its tag.
    pub(crate) fn tag(self) -> &'c str {
        self.translation
            .unwrap_or(&self.catalog.locales.default.value)
    }

    /// `code`'s texts in the translation; `None` in the catalog's own
    /// language.
    fn texts(self, code: &CheckedCode) -> Option<&'c Texts> {
        self.catalog.translated(code, self.translation?)
    }

    pub(crate) fn title(self, code: &'c CheckedCode) -> &'c str {
        self.texts(code)
            .and_then(|texts| texts.title.as_deref())
            .unwrap_or(&code.title.value)
    }

    pub(crate) fn description(self, code: &'c CheckedCode) -> Option<&'c str> {
        self.texts(code)
            .and_then(|texts| texts.description.as_deref())
            .or_else(|| code.description())
    }

    pub(crate) fn resolution(self, code: &'c CheckedCode) -> Option<&'c str> {
        self.texts(code)
            .and_then(|texts| texts.resolution.as_deref())
            .or_else(|| code.resolution())
    }

    /// The translated message template, in Fluent's syntax; `None` in the
    /// catalog's own language or where the translation leaves it out.
    pub(crate) fn template(self, code: &CheckedCode) -> Option<String> {
        let pieces = self.texts(code)?.message.as_deref()?;
        Some(to_fluent(pieces, code))
    }

    /// The translated message of an occurrence with `fields`, as the
    /// runtime renders it; `None` where the catalog's own is sent.
    pub(crate) fn message(self, code: &CheckedCode, fields: &ExampleFields<'_>) -> Option<String> {
        let pieces = self.texts(code)?.message.as_deref()?;
        let tag = self.tag();
        let mut out = Vec::new();
        let shown = Message(&stored(pieces)).write(
            &mut |position, out| fields.write_text(position, out),
            &|number| plural_category(tag, number),
            &mut out,
        );
        shown.then(|| String::from_utf8(out).ok()).flatten()
    }
}
