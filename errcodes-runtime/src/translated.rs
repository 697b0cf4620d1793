//! A catalog's texts in the languages it is translated into: the tables
//! the macro writes from its Fluent files, read by language tag, with the
//! catalog's own text wherever a translation leaves one out.

use std::str::FromStr;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::catalog::{Catalog, Translation};
use crate::languages;

/// Where each of a code's texts is in a translation's table.
#[derive(Clone, Copy)]
pub(crate) enum Slot {
    Title = 0,
    Description = 1,
    Resolution = 2,
    #[cfg_attr(not(feature = "occurrence"), allow(dead_code))]
    Message = 3,
}

impl Catalog {
    /// Every language the catalog's texts are in: its own first, then its
    /// translations in the order of its `locales:`.
    ///
    /// ```
    /// use errcodes_runtime::ErrorCode;
    ///
    /// errcodes_runtime::errcodes!("../specs/acp.yaml");
    ///
    /// let locales: Vec<&str> = AcpError::CATALOG.locales().collect();
    /// assert_eq!(locales, ["en", "de", "pl"]);
    /// ```
    pub fn locales(&self) -> impl Iterator<Item = &'static str> + Clone + use<> {
        let translations = self.translations;
        core::iter::once(self.default_locale).chain(translations.iter().map(|t| t.tag))
    }

    /// The language to answer in, for a request whose `Accept-Language`
    /// is `accept_language`: what [`languages::lookup`] picks among
    /// [`locales`](Self::locales), else the catalog's own.
    ///
    /// ```
    /// use errcodes_runtime::ErrorCode;
    ///
    /// errcodes_runtime::errcodes!("../specs/acp.yaml");
    ///
    /// assert_eq!(AcpError::CATALOG.language(Some("pl-PL, de;q=0.5")), "pl");
    /// assert_eq!(AcpError::CATALOG.language(Some("fr")), "en");
    /// ```
    #[must_use]
    pub fn language(&self, accept_language: Option<&str>) -> &'static str {
        languages::lookup_in(accept_language, &self.locales(), self.default_locale)
    }

    /// The translation into `locale`, compared without regard to case;
    /// `None` for the catalog's own language or one it lacks.
    pub(crate) fn translation(&self, locale: &str) -> Option<&'static Translation> {
        self.translations
            .iter()
            .find(|translation| translation.tag.eq_ignore_ascii_case(locale))
    }

    /// Code `index`'s text in `slot`, in `locale`; `None` where the
    /// translation leaves it out, or there is none.
    pub(crate) fn translated(
        &self,
        locale: &str,
        index: usize,
        slot: Slot,
    ) -> Option<&'static str> {
        self.translation(locale)?.text(index, slot)
    }
}

impl Translation {
    /// The language tag.
    #[must_use]
    pub const fn tag(&self) -> &'static str {
        self.tag
    }

    /// Code `index`'s text in `slot`; `None` when empty.
    pub(crate) fn text(&self, index: usize, slot: Slot) -> Option<&'static str> {
        let at = (index * 4 + slot as usize) * 4;
        let offset = |at: usize| -> Option<usize> {
            let bytes = self.offsets.get(at..at + 4)?.first_chunk::<4>()?;
            usize::try_from(u32::from_le_bytes(*bytes)).ok()
        };
        let (start, end) = (offset(at)?, offset(at + 4)?);
        self.texts.get(start..end).filter(|text| !text.is_empty())
    }

    /// The CLDR plural category of `number`, a number as text, in this
    /// language: `other` for what is no number, or a language CLDR has no
    /// rules for.
    #[cfg_attr(not(feature = "occurrence"), allow(dead_code))]
    pub(crate) fn plural(&self, number: &str) -> &'static str {
        category(self.plural.get_or_init(|| rules(self.tag)).as_ref(), number)
    }
}

/// The CLDR plural category of `number` by `rules`; `other` without.
pub(crate) fn category(rules: Option<&PluralRules>, number: &str) -> &'static str {
    // A whole number, the usual count, skips reading it as a float: its
    // operands are the same.
    let digits = number.strip_prefix('-').unwrap_or(number);
    let whole =
        (!digits.is_empty() && digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| {
                digits
                    .bytes()
                    .fold(0u64, |whole, digit| whole * 10 + u64::from(digit - b'0'))
            });
    let category = rules
        .and_then(|rules| match whole {
            Some(whole) => rules.select(whole).ok(),
            None => rules.select(number).ok(),
        })
        .unwrap_or(PluralCategory::OTHER);
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// The plural category of `number` in a catalog's own language, `tag`:
/// its rules are made once per thread.
#[cfg(feature = "occurrence")]
pub(crate) fn own_category(tag: &'static str, number: &str) -> &'static str {
    thread_local! {
        static RULES: std::cell::RefCell<Vec<(&'static str, Option<PluralRules>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    RULES.with_borrow_mut(|known| {
        let found = known
            .iter()
            .position(|(known, _)| std::ptr::eq(*known, tag));
        let at = found.unwrap_or_else(|| {
            known.push((tag, rules(tag)));
            known.len() - 1
        });
        category(known[at].1.as_ref(), number)
    })
}

/// The cardinal plural rules of `tag`, or of its language alone when CLDR
/// has none for the whole tag (`de-CH` is `de`'s).
pub(crate) fn rules(tag: &str) -> Option<PluralRules> {
    let id = LanguageIdentifier::from_str(tag).ok()?;
    PluralRules::create(id.clone(), PluralRuleType::CARDINAL)
        .or_else(|_| {
            let language = LanguageIdentifier::from_parts(id.language, None, None, &[]);
            PluralRules::create(language, PluralRuleType::CARDINAL)
        })
        .ok()
}

#[cfg(feature = "axum")]
pub(crate) use serving::localize;
#[cfg(feature = "tonic")]
pub(crate) use serving::localized_message;
#[cfg(any(feature = "axum", feature = "tonic"))]
pub(crate) use serving::{Accepted, accept};

/// The language of the responses a service writes: the request's
/// `Accept-Language`, set by the service boundary while a handler runs.
#[cfg(any(feature = "axum", feature = "tonic"))]
mod serving {
    use std::cell::RefCell;
    use std::sync::Arc;

    use errcodes_core::localized::Message;

    use super::Slot;
    use crate::catalog::Translation;
    use crate::{ErrorCode, Occurrence};

    thread_local! {
        static ACCEPTED: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
    }

    /// Makes `languages` the current `Accept-Language` until the guard
    /// drops, then puts back the one before it.
    pub(crate) fn accept(languages: Option<Arc<str>>) -> Accepted {
        let before = ACCEPTED.with(|current| current.replace(languages));
        Accepted { before }
    }

    /// Restores the `Accept-Language` that was current before [`accept`].
    pub(crate) struct Accepted {
        before: Option<Arc<str>>,
    }

    impl Drop for Accepted {
        fn drop(&mut self) {
            let before = self.before.take();
            ACCEPTED.with(|current| current.replace(before));
        }
    }

    /// The language of a response of `E`'s catalog to the request being
    /// served, and its translation (`None` for the catalog's own
    /// language); `None` for a catalog without translations.
    fn chosen<E: ErrorCode>() -> Option<(&'static str, Option<&'static Translation>)> {
        let catalog = E::CATALOG;
        if catalog.translations.is_empty() {
            return None;
        }
        let accepted = ACCEPTED.with(|current| current.borrow().clone());
        let language = catalog.language(accepted.as_deref());
        Some((language, catalog.translation(language)))
    }

    /// `code`'s message in `translation`, with the occurrence's fields;
    /// `None` when the translation has none, or it needs a field the
    /// occurrence does not give.
    fn message<E: ErrorCode>(
        code: E,
        translation: &Translation,
        occurrence: &Occurrence,
    ) -> Option<String> {
        let stored = translation.text(code.index(), Slot::Message)?;
        let fields = occurrence
            .fields
            .as_ref()
            .filter(|fields| fields.code() == code.code());
        let mut out = Vec::with_capacity(stored.len() + 32);
        let shown = Message(stored).write(
            &mut |position, out| {
                fields
                    .and_then(|fields| fields.value_at(position))
                    .map(|value| value.write_text(out))
                    .is_some()
            },
            &|number| translation.plural(number),
            &mut out,
        );
        shown.then(|| String::from_utf8(out).ok()).flatten()
    }

    /// The language a response is in, and the title it carries in that
    /// language, when it is not the catalog's.
    #[cfg(feature = "axum")]
    pub(crate) struct Localized {
        pub(crate) language: &'static str,
        pub(crate) title: Option<&'static str>,
    }

    /// Chooses the language of `code`'s response to the request being
    /// served, and gives `occurrence` the code's message in it unless it
    /// has a message of its own; `None` for a catalog without
    /// translations, whose responses say nothing of language.
    #[cfg(feature = "axum")]
    pub(crate) fn localize<E: ErrorCode>(
        code: E,
        occurrence: &mut Occurrence,
    ) -> Option<Localized> {
        let (language, translation) = chosen::<E>()?;
        let Some(translation) = translation else {
            return Some(Localized {
                language,
                title: None,
            });
        };
        if occurrence.message.is_none() {
            occurrence.message = message(code, translation, occurrence);
        }
        Some(Localized {
            language,
            title: translation.text(code.index(), Slot::Title),
        })
    }

    /// The locale and message of the `LocalizedMessage` of `code`'s status,
    /// whose own message, `said`, stays in the catalog's language: the
    /// occurrence's message as it is, else the code's message in the
    /// chosen language, else its title there when `said` is the title.
    /// `None` for a catalog without translations.
    #[cfg(feature = "tonic")]
    pub(crate) fn localized_message<E: ErrorCode>(
        code: E,
        occurrence: &Occurrence,
        said: &str,
    ) -> Option<(&'static str, String)> {
        let (language, translation) = chosen::<E>()?;
        let localized = match translation {
            Some(translation) if occurrence.message.is_none() => {
                message(code, translation, occurrence).or_else(|| {
                    translation
                        .text(code.index(), Slot::Title)
                        .filter(|_| said == code.title())
                        .map(str::to_owned)
                })
            }
            _ => None,
        };
        Some((language, localized.unwrap_or_else(|| said.to_owned())))
    }
}
