//! A checked catalog: every code valid, unique, named and classified, with
//! defaults applied, and every value paired with where it came from. The
//! code generator, the documentation, the lints, the lock and every tool
//! read only this.
//!
//! The types are named `Checked…` so that they are never mistaken for the
//! runtime's `Catalog` and `Domain`, which generated code builds from them.
//! Optional texts are `None` when the catalog leaves them out, never empty.

use errcodes_core::facts::{CodeFacts, GrpcFacts};
use errcodes_core::layout::Text;
use errcodes_core::{
    Action, Condition, GrpcCode, Origin, Outcome, ProblemCode, Severity, WireFormat,
};

use crate::diagnostic::Location;
use crate::fields::{CheckedField, CheckedTemplate, stored_fields, stored_template};
use crate::keys::{self, Key};
use crate::translations::Texts;

/// Where a value of the checked model comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// Written in the catalog, here.
    Written(Location),
    /// Given by the catalog's `defaults`, written here.
    Defaults(Location),
    /// Implied by another value: a variant name by its code, an action by
    /// the status, a code's wire format by the catalog's.
    Derived,
    /// Stands in for a value that was refused: the catalog has an error
    /// there, and does not compile.
    StandIn,
}

/// A value of the checked model and where it came from.
///
/// ```
/// let catalog = errcodes_codegen::parse(
///     "shop.yaml",
///     "name: ShopError\ncodes:\n  - code: RATE_LIMITED\n    status: 429\n    title: Rate limited\n",
/// )
/// .unwrap();
/// let code = &catalog.codes[0];
/// assert_eq!(code.status.value, 429);
/// assert_eq!(code.status.at().map(|at| at.line), Some(4));
/// // No `action` is written: 429 implies it.
/// assert_eq!(code.action.value.as_str(), "retry-after");
/// assert_eq!(code.action.at(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub from: Provenance,
}

impl<T> Located<T> {
    /// `value`, written at `at`.
    pub(crate) fn written(value: T, at: Location) -> Self {
        Located {
            value,
            from: Provenance::Written(at),
        }
    }

    /// `value`, implied by another value.
    pub(crate) fn derived(value: T) -> Self {
        Located {
            value,
            from: Provenance::Derived,
        }
    }

    /// Where the value is written in the catalog, in the entry or in
    /// `defaults`; `None` when it is implied or a stand-in.
    #[must_use]
    pub fn at(&self) -> Option<Location> {
        match self.from {
            Provenance::Written(at) | Provenance::Defaults(at) => Some(at),
            Provenance::Derived | Provenance::StandIn => None,
        }
    }

    /// Whether the value stands in for one that was refused.
    #[must_use]
    pub fn is_stand_in(&self) -> bool {
        self.from == Provenance::StandIn
    }

    /// Whether the entry itself gives the value.
    #[must_use]
    pub fn is_written(&self) -> bool {
        matches!(self.from, Provenance::Written(_))
    }
}

/// A catalog that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCatalog {
    /// The enum's name.
    pub name: Located<String>,
    /// What the catalog covers.
    pub description: Option<Located<String>>,
    /// The shapes its codes have, as declared by `code-format`.
    pub code_formats: Vec<Located<String>>,
    /// How its codes are sent, unless a code says otherwise.
    pub wire_format: Located<WireFormat>,
    /// The `type` URI of its problem details, where `{code}` stands for the
    /// code; `None` for `about:blank`.
    pub problem_type: Option<Located<String>>,
    /// Where a problem detail carries the code.
    pub problem_code: Located<ProblemCode>,
    /// Where a client reads more about a code, where `{code}` stands for
    /// the code.
    pub help_url: Option<Located<String>>,
    /// The `ErrorInfo` domain of its gRPC errors; `None` when it does not
    /// serve gRPC. Each code then has [`CheckedCode::grpc`].
    pub grpc_domain: Option<Located<String>>,
    /// The language of its texts, and its translations.
    pub locales: crate::translations::Locales,
    /// What the whole catalog allows: lints and classes of breaking change,
    /// by name.
    pub allow: Vec<Located<&'static str>>,
    /// The declared domains, in file order.
    pub domains: Vec<CheckedDomain>,
    /// The fields several codes share, as the catalog's `fields` defines
    /// them, in file order.
    pub fields: Vec<CheckedField>,
    /// The codes, in file order.
    pub codes: Vec<CheckedCode>,
    /// The codes `boundary` names, by condition, as positions in
    /// [`codes`](Self::codes); `None` without the key.
    pub boundary: Option<Located<Vec<(Condition, usize)>>>,
    /// The codes of entries that were refused for a mistake, as written:
    /// empty unless the catalog has errors.
    pub refused: Vec<String>,
}

/// A group of codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedDomain {
    /// The identifier codes refer to it by.
    pub id: Located<String>,
    /// Its human-readable title.
    pub title: Located<String>,
    /// What it covers.
    pub description: Option<Located<String>>,
}

/// One error code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCode {
    /// Where its entry starts in the file.
    pub at: Location,
    /// The stable identifier.
    pub code: Located<String>,
    /// The variant name.
    pub name: Located<String>,
    /// The HTTP status, in 100..=599.
    pub status: Located<u16>,
    /// A short summary, on one line.
    pub title: Located<String>,
    /// What it means.
    pub description: Option<Located<String>>,
    /// How to resolve it.
    pub resolution: Option<Located<String>>,
    /// The recommended client action.
    pub action: Located<Action>,
    /// How serious it is.
    pub severity: Located<Severity>,
    /// What became of the request.
    pub outcome: Located<Outcome>,
    /// Where the fault lies, if the catalog says.
    pub origin: Option<Located<Origin>>,
    /// The index of its domain in [`CheckedCatalog::domains`].
    pub domain: Option<Located<usize>>,
    /// How it is sent over HTTP: its own `wire-format`, or the catalog's.
    pub wire_format: Located<WireFormat>,
    /// Why it is deprecated, when it is: `deprecated`, or for a code that
    /// only says `replaced-by`, a sentence naming its replacement.
    pub deprecated: Option<Located<String>>,
    /// The index in [`CheckedCatalog::codes`] of the code that replaces it.
    pub replaced_by: Option<Located<usize>>,
    /// What this entry allows: lints and classes of breaking change, by
    /// name.
    pub allow: Vec<Located<&'static str>>,
    /// How it is sent over gRPC, when the catalog has a `grpc-domain`.
    pub grpc: Option<CheckedGrpc>,
    /// The fields its occurrences carry, in the entry's order.
    pub fields: Vec<CheckedField>,
    /// Its message template.
    pub message: Option<CheckedTemplate>,
    /// The fields and the template as the tables store them.
    pub(crate) stored: Stored,
}

/// A code's fields and template as the tables store them, encoded once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Stored {
    pub(crate) fields: String,
    pub(crate) message: String,
}

impl Stored {
    pub(crate) fn of(fields: &[CheckedField], message: Option<&CheckedTemplate>) -> Self {
        Stored {
            fields: stored_fields(fields),
            message: message.map(stored_template).unwrap_or_default(),
        }
    }
}

/// How a code is sent over gRPC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedGrpc {
    /// The `reason` of its `ErrorInfo`: `grpc-reason`, or else derived
    /// from the code or the variant name.
    pub reason: Located<String>,
    /// Its canonical status: `grpc-code`, the catalog's `grpc-codes` for
    /// its status (as from `defaults`), or what `code.proto` maps its
    /// status to.
    pub grpc_code: Located<GrpcCode>,
}

impl CheckedCatalog {
    /// The domain of `code`, if it has one.
    #[must_use]
    pub fn domain_of(&self, code: &CheckedCode) -> Option<&CheckedDomain> {
        self.domains.get(code.domain.as_ref()?.value)
    }

    /// `code`'s texts in the translation into `locale` (as `locales`
    /// writes it, in any case): `None` for a language the catalog has no
    /// translation into, or a code that is not one of the catalog's.
    ///
    /// ```
    /// use errcodes_codegen::{Files, Input};
    ///
    /// let files = Files::new(Input::new(
    ///     "shop.yaml",
    ///     "name: ShopError\nlocales: [de]\ncodes:\n  - code: GONE\n    status: 410\n    title: Gone\n",
    /// ))
    /// .with_translation(Input::new("shop.de.ftl", "GONE =\n    .title = Weg\n"));
    /// let catalog = files.parse().unwrap();
    /// let texts = catalog.translated(&catalog.codes[0], "DE").unwrap();
    /// assert_eq!(texts.title.as_deref(), Some("Weg"));
    /// assert!(catalog.translated(&catalog.codes[0], "fr").is_none());
    /// ```
    #[must_use]
    pub fn translated(&self, code: &CheckedCode, locale: &str) -> Option<&Texts> {
        // The code's place in `codes`, from its address: every code is an
        // element of it.
        let size = core::mem::size_of::<CheckedCode>();
        let offset = (core::ptr::from_ref(code).addr()).checked_sub(self.codes.as_ptr().addr())?;
        let index = offset / size;
        if offset % size != 0 || !core::ptr::eq(self.codes.get(index)?, code) {
            return None;
        }
        self.locales
            .translations
            .iter()
            .find(|translation| translation.locale.value.eq_ignore_ascii_case(locale))?
            .codes
            .get(index)
    }

    /// `code`'s texts in each of the catalog's translations, with the
    /// translation's tag, in the order of `locales`.
    pub fn translations_of<'a>(
        &'a self,
        code: &'a CheckedCode,
    ) -> impl Iterator<Item = (&'a str, &'a Texts)> + 'a {
        self.locales
            .translations
            .iter()
            .filter_map(move |translation| {
                let tag = translation.locale.value.as_str();
                Some((tag, self.translated(code, tag)?))
            })
    }

    /// The code that replaces `code`, if it names one.
    #[must_use]
    pub fn replacement_of(&self, code: &CheckedCode) -> Option<&CheckedCode> {
        self.codes.get(code.replaced_by.as_ref()?.value)
    }

    /// What a renderer needs to know about `code`: the same facts a
    /// generated enum gives, so that tools render exactly what a server
    /// sends.
    #[must_use]
    pub fn code_facts<'a>(&'a self, code: &'a CheckedCode) -> CodeFacts<'a> {
        CodeFacts {
            code: &code.code.value,
            title: &code.title.value,
            status: code.status.value,
            action: code.action.value,
            severity: code.severity.value,
            problem_type: self.problem_type.as_ref().map(|t| t.value.as_str()),
            problem_code: self.problem_code.value,
            help_url: self.help_url.as_ref().map(|url| url.value.as_str()),
            grpc: self
                .grpc_domain
                .as_ref()
                .zip(code.grpc.as_ref())
                .map(|(domain, grpc)| GrpcFacts {
                    grpc_domain: &domain.value,
                    reason: &grpc.reason.value,
                    grpc_code: grpc.grpc_code.value,
                }),
            fields: &code.stored.fields,
            message: &code.stored.message,
        }
    }

    /// Whether `name`, a lint or a class of breaking change, is allowed for
    /// `code`, by its entry or by the catalog.
    #[must_use]
    pub fn allows(&self, code: &CheckedCode, name: &str) -> bool {
        self.allows_all(name) || code.allow.iter().any(|allowed| allowed.value == name)
    }

    /// Whether `name` is allowed for every code, by the catalog.
    #[must_use]
    pub fn allows_all(&self, name: &str) -> bool {
        self.allow.iter().any(|allowed| allowed.value == name)
    }
}

impl CheckedCode {
    /// Where a message about the code as a whole points: its `code`, or its
    /// entry when the code is a stand-in.
    #[must_use]
    pub fn code_at(&self) -> Location {
        self.code.at().unwrap_or(self.at)
    }

    /// Where a message about `value` points: where it is written, or else
    /// at the code.
    #[must_use]
    pub fn place_of<T>(&self, value: &Located<T>) -> Location {
        value.at().unwrap_or_else(|| self.code_at())
    }

    /// Its description, or `None`.
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        text(self.description.as_ref())
    }

    /// Its resolution, or `None`.
    #[must_use]
    pub fn resolution(&self) -> Option<&str> {
        text(self.resolution.as_ref())
    }

    /// Why it is deprecated, or `None`.
    #[must_use]
    pub fn deprecation(&self) -> Option<&str> {
        text(self.deprecated.as_ref())
    }

    /// What generated code reads from the tables' column `column`; empty
    /// where the catalog leaves the text out.
    #[must_use]
    pub fn text(&self, column: Text) -> &str {
        match column {
            Text::Name => &self.name.value,
            Text::Title => &self.title.value,
            Text::Description => self.description().unwrap_or_default(),
            Text::Resolution => self.resolution().unwrap_or_default(),
            Text::Deprecation => self.deprecation().unwrap_or_default(),
            Text::GrpcReason => self.grpc.as_ref().map_or("", |grpc| &grpc.reason.value),
            Text::Fields => &self.stored.fields,
            Text::Message => &self.stored.message,
        }
    }
}

fn text(value: Option<&Located<String>>) -> Option<&str> {
    value.map(|text| text.value.as_str())
}

/// A value of the model as readers show it: what the JSON export writes,
/// the lock records and the pages print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown<'a> {
    /// A text, or a name.
    Text(&'a str),
    /// A number.
    Number(u16),
    /// A word of a vocabulary.
    Word(&'static str),
    /// A list of texts.
    Texts(Vec<&'a str>),
    /// Fields, shown as [`described`](crate::fields::described) writes them.
    Fields(&'a [CheckedField]),
}

impl core::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Shown::Text(text) => f.write_str(text),
            Shown::Number(number) => write!(f, "{number}"),
            Shown::Word(word) => f.write_str(word),
            Shown::Texts(texts) => f.write_str(&texts.join(", ")),
            Shown::Fields(fields) => f.write_str(&crate::fields::described(fields)),
        }
    }
}

/// One key's value in the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact<'a> {
    /// The key.
    pub key: &'static Key,
    /// Its value; `None` where the catalog leaves an optional key out.
    pub value: Option<Shown<'a>>,
    /// Where the value comes from; [`Provenance::Derived`] for none.
    pub from: Provenance,
}

impl Fact<'_> {
    /// Whether the entry itself writes the value, rather than a default
    /// giving it.
    #[must_use]
    pub fn is_written(&self) -> bool {
        matches!(self.from, Provenance::Written(_))
    }

    /// Where the value is written, in the entry or in `defaults`.
    #[must_use]
    pub fn at(&self) -> Option<Location> {
        match self.from {
            Provenance::Written(at) | Provenance::Defaults(at) => Some(at),
            Provenance::Derived | Provenance::StandIn => None,
        }
    }
}

fn fact<'a, T>(
    key: &'static Key,
    value: Option<&'a Located<T>>,
    show: impl FnOnce(&'a T) -> Shown<'a>,
) -> Fact<'a> {
    Fact {
        key,
        from: value.map_or(Provenance::Derived, |located| located.from),
        value: value.map(|located| show(&located.value)),
    }
}

/// The fact of `fields`: none when there are none, written where the
/// first is.
fn fields_fact<'a>(key: &'static Key, fields: &'a [CheckedField]) -> Fact<'a> {
    Fact {
        key,
        from: fields
            .first()
            .map_or(Provenance::Derived, |field| field.name.from),
        value: (!fields.is_empty()).then_some(Shown::Fields(fields)),
    }
}

#[allow(clippy::ptr_arg)] // what `fact` is given for the model's `String`s
fn shown_text(value: &String) -> Shown<'_> {
    Shown::Text(value)
}

impl CheckedCatalog {
    /// The value of each key at the top of the catalog that readers see,
    /// in the order of [`keys::catalog::ALL`].
    ///
    /// ```
    /// let catalog = errcodes_codegen::parse(
    ///     "shop.yaml",
    ///     "name: ShopError\ncodes:\n  - code: GONE\n    status: 410\n    title: Gone\n",
    /// )
    /// .unwrap();
    /// let facts = catalog.facts();
    /// assert_eq!(facts[0].key.name, "name");
    /// assert_eq!(facts[0].value.as_ref().unwrap().to_string(), "ShopError");
    /// ```
    #[must_use]
    pub fn facts(&self) -> Vec<Fact<'_>> {
        use keys::catalog as key;
        let formats: Vec<&str> = self.code_formats.iter().map(|f| f.value.as_str()).collect();
        vec![
            fact(&key::NAME, Some(&self.name), shown_text),
            fact(&key::DESCRIPTION, self.description.as_ref(), shown_text),
            Fact {
                key: &key::CODE_FORMAT,
                from: self
                    .code_formats
                    .first()
                    .map_or(Provenance::Derived, |format| format.from),
                value: Some(Shown::Texts(formats)),
            },
            fact(&key::WIRE_FORMAT, Some(&self.wire_format), |w| {
                Shown::Word(w.as_str())
            }),
            fact(&key::PROBLEM_TYPE, self.problem_type.as_ref(), shown_text),
            fact(&key::PROBLEM_CODE, Some(&self.problem_code), |p| {
                Shown::Word(p.as_str())
            }),
            fact(&key::HELP_URL, self.help_url.as_ref(), shown_text),
            fact(&key::GRPC_DOMAIN, self.grpc_domain.as_ref(), shown_text),
            fact(
                &key::DEFAULT_LOCALE,
                Some(&self.locales.default),
                shown_text,
            ),
            Fact {
                key: &key::LOCALES,
                from: self
                    .locales
                    .translations
                    .first()
                    .map_or(Provenance::Derived, |translation| translation.locale.from),
                value: Some(Shown::Texts(
                    self.locales
                        .translations
                        .iter()
                        .map(|translation| translation.locale.value.as_str())
                        .collect(),
                )),
            },
            fields_fact(&key::FIELDS, &self.fields),
        ]
    }
}

impl CheckedCode {
    /// The value of each key of the code that readers see, in the order
    /// of [`keys::code::ALL`], with its defaults applied: the domain by
    /// its id, the replacement by its code.
    ///
    /// ```
    /// let catalog = errcodes_codegen::parse(
    ///     "shop.yaml",
    ///     "name: ShopError\ncodes:\n  - code: GONE\n    status: 410\n    title: Gone\n",
    /// )
    /// .unwrap();
    /// let code = &catalog.codes[0];
    /// let action = code.facts(&catalog).into_iter().find(|f| f.key.name == "action").unwrap();
    /// assert_eq!(action.value.as_ref().unwrap().to_string(), "none");
    /// assert!(!action.is_written());
    /// ```
    #[must_use]
    pub fn facts<'a>(&'a self, catalog: &'a CheckedCatalog) -> Vec<Fact<'a>> {
        use keys::code as key;
        let word = |word: &'static str| Shown::Word(word);
        let domain = catalog.domain_of(self).map(|domain| &domain.id);
        let replacement = catalog.replacement_of(self).map(|code| &code.code);
        let grpc = self.grpc.as_ref();
        vec![
            fact(&key::CODE, Some(&self.code), shown_text),
            fact(&key::NAME, Some(&self.name), shown_text),
            fact(&key::STATUS, Some(&self.status), |s| Shown::Number(*s)),
            fact(&key::TITLE, Some(&self.title), shown_text),
            fact(&key::DESCRIPTION, self.description.as_ref(), shown_text),
            fact(&key::RESOLUTION, self.resolution.as_ref(), shown_text),
            fact(&key::DOMAIN, domain, shown_text),
            fact(&key::ACTION, Some(&self.action), |a| word(a.as_str())),
            fact(&key::SEVERITY, Some(&self.severity), |s| word(s.as_str())),
            fact(&key::OUTCOME, Some(&self.outcome), |o| word(o.as_str())),
            fact(&key::ORIGIN, self.origin.as_ref(), |o| word(o.as_str())),
            fact(&key::WIRE_FORMAT, Some(&self.wire_format), |w| {
                word(w.as_str())
            }),
            fact(&key::DEPRECATED, self.deprecated.as_ref(), shown_text),
            fact(&key::REPLACED_BY, replacement, shown_text),
            fact(&key::GRPC_REASON, grpc.map(|g| &g.reason), shown_text),
            fact(&key::GRPC_CODE, grpc.map(|g| &g.grpc_code), |c| {
                word(c.as_str())
            }),
            fact(
                &key::MESSAGE,
                self.message.as_ref().map(|m| &m.written),
                shown_text,
            ),
            fields_fact(&key::FIELDS, &self.fields),
        ]
    }
}
