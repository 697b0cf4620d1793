//! What is legal in a catalog but probably not what was meant: warnings,
//! which tools report and the macro cannot (stable Rust gives proc macros
//! no way to warn). Each lint has a name, by which a catalog's `allow:`
//! and a tool's command line silence it, and one `lint_*` function.

use core::fmt;
use core::str::FromStr;

use errcodes_core::{Condition, Outcome};

use crate::diagnostic::{Diagnostic, Errors, Level, Location};
use crate::model::{CheckedCatalog, CheckedCode};

/// Declares the lints: each one's variant, name, summary and check, once.
macro_rules! lints {
    (@check code, $check:ident, $subject:ident) => {
        match $subject {
            Subject::Code(code) => $check(code).into_iter().collect(),
            Subject::Catalog(_) => Vec::new(),
        }
    };
    (@check catalog, $check:ident, $subject:ident) => {
        match $subject {
            Subject::Catalog(catalog) => $check(catalog),
            Subject::Code(_) => Vec::new(),
        }
    };
    ($(
        $(#[$doc:meta])*
        $lint:ident = $name:literal, $summary:literal, $scope:ident $check:ident;
    )*) => {
        /// A lint: one kind of warning, named.
        ///
        /// ```
        /// use errcodes_codegen::Lint;
        ///
        /// let lint: Lint = "missing-description".parse().unwrap();
        /// assert_eq!(lint, Lint::MissingDescription);
        /// assert_eq!(lint.name(), "missing-description");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Lint {
            $($(#[$doc])* $lint,)*
        }

        impl Lint {
            /// Every lint.
            pub const ALL: &[Lint] = &[$(Lint::$lint),*];

            /// The names of [`ALL`](Self::ALL), in order.
            pub const NAMES: &[&str] = &[$($name),*];

            /// What it warns about, in a line.
            #[must_use]
            pub const fn summary(self) -> &'static str {
                match self {
                    $(Lint::$lint => $summary,)*
                }
            }

            /// What it finds in `code`.
            fn check(self, subject: Subject<'_>) -> Vec<Diagnostic> {
                match self {
                    $(Lint::$lint => lints!(@check $scope, $check, subject),)*
                }
            }
        }
    };
}

lints! {
    /// A variant named after its code, digits and all (`Hv000`).
    NameKeepsDigits = "name-keeps-digits",
        "a default variant name that keeps the digits of its code", code lint_default_name;
    /// A code without a description.
    MissingDescription = "missing-description", "a code without a description",
        code lint_description;
    /// A failure sent with a status below 400.
    FailureBelow400 = "failure-below-400",
        "a failure sent with a status that says the request succeeded", code lint_failure_status;
    /// A shared field that no code carries.
    UnusedField = "unused-field", "a shared field that no code carries", catalog lint_unused_field;
    /// A message template that names a field an occurrence may leave out.
    TemplateOptionalField = "template-optional-field",
        "a message that names an optional field, and shows the title when an occurrence leaves it out", catalog lint_template_optional_fields;
    /// A condition that `boundary` leaves to a code of another status.
    BoundaryFallback = "boundary-fallback",
        "a boundary condition left to a code of another status, or to the first of several of its own", catalog lint_boundary_fallback;
    /// A condition that `boundary` leaves to a code with fields the
    /// boundary cannot fill.
    BoundaryFields = "boundary-fields",
        "a boundary condition left to a code with a field the boundary cannot always fill", catalog lint_boundary_fields;
    /// A code whose texts a translation leaves out.
    MissingTranslation = "missing-translation",
        "a code's text that a translation leaves out, shown in the catalog's language instead", catalog lint_missing_translation;
}

/// What a lint looks at: one code, or the catalog as a whole.
#[derive(Clone, Copy)]
enum Subject<'a> {
    Catalog(&'a CheckedCatalog),
    Code(&'a CheckedCode),
}

impl Lint {
    /// The name catalogs and command lines use.
    #[must_use]
    pub const fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a name that is no lint's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLint(pub String);

impl fmt::Display for UnknownLint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown lint `{}`", self.0)
    }
}

impl std::error::Error for UnknownLint {}

impl FromStr for Lint {
    type Err = UnknownLint;

    fn from_str(s: &str) -> Result<Self, UnknownLint> {
        Self::NAMES
            .iter()
            .position(|name| *name == s)
            .map(|i| Self::ALL[i])
            .ok_or_else(|| UnknownLint(s.to_owned()))
    }
}

/// How a run treats each lint, beyond what catalogs allow.
///
/// ```
/// use errcodes_codegen::{Lint, Lints};
///
/// let mut lints = Lints::default();
/// lints.allow(Lint::MissingDescription).deny(Lint::FailureBelow400);
/// assert_eq!(lints.level(Lint::MissingDescription), None);
/// assert_eq!(lints.level(Lint::FailureBelow400), Some(errcodes_codegen::Level::Error));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lints {
    allowed: Vec<Lint>,
    denied: Vec<Lint>,
}

impl Lints {
    /// Silences `lint`.
    pub fn allow(&mut self, lint: Lint) -> &mut Self {
        self.denied.retain(|l| *l != lint);
        self.allowed.push(lint);
        self
    }

    /// Makes `lint` an error.
    pub fn deny(&mut self, lint: Lint) -> &mut Self {
        self.allowed.retain(|l| *l != lint);
        self.denied.push(lint);
        self
    }

    /// The level `lint` is reported at; `None` when it is allowed.
    #[must_use]
    pub fn level(&self, lint: Lint) -> Option<Level> {
        if self.allowed.contains(&lint) {
            None
        } else if self.denied.contains(&lint) {
            Some(Level::Error)
        } else {
            Some(Level::Warning)
        }
    }
}

/// Applies every lint to the codes that passed, at the levels `lints` and
/// the catalog say. The first report of each lint says how to allow it.
pub(crate) fn lint(catalog: &CheckedCatalog, lints: &Lints, errors: &mut Errors) {
    let mut reported = Vec::new();
    let subjects = catalog
        .codes
        .iter()
        .map(Subject::Code)
        .chain([Subject::Catalog(catalog)]);
    for subject in subjects {
        for &lint in Lint::ALL {
            let allowed = match subject {
                Subject::Code(code) => catalog.allows(code, lint.name()),
                Subject::Catalog(_) => catalog.allows_all(lint.name()),
            };
            let Some(level) = lints.level(lint).filter(|_| !allowed) else {
                continue;
            };
            for diagnostic in lint.check(subject) {
                let mut diagnostic = diagnostic.reported_by(lint.name(), level);
                if !reported.contains(&lint) {
                    reported.push(lint);
                    diagnostic = diagnostic.note(format!(
                        "`{lint}` is on by default; to allow it, add `allow: [{lint}]` to the catalog or the entry, or pass `--allow {lint}`"
                    ));
                }
                errors.push(diagnostic);
            }
        }
    }
}

/// A shared field that no code carries is dead text, or a code forgot to
/// list it.
fn lint_unused_field(catalog: &CheckedCatalog) -> Vec<Diagnostic> {
    catalog
        .fields
        .iter()
        .filter(|shared| {
            !catalog.codes.iter().any(|code| {
                code.fields
                    .iter()
                    .any(|field| field.shared && field.name.value == shared.name.value)
            })
        })
        .map(|shared| {
            let name = &shared.name.value;
            Diagnostic::new(
                format!("shared field `{name}` is carried by no code"),
                shared.name.at().unwrap_or_default(),
            )
            .help(format!(
                "list `{name}:` under the `fields` of the codes that carry it, or remove it"
            ))
        })
        .collect()
}

/// A text a translation leaves out is shown in the catalog's own
/// language: fine while a translation is under way, a slip once it is
/// done. One warning per code and language, naming the texts.
fn lint_missing_translation(catalog: &CheckedCatalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for translation in &catalog.locales.translations {
        for (code, texts) in catalog.codes.iter().zip(&translation.codes) {
            if catalog.allows(code, Lint::MissingTranslation.name()) {
                continue;
            }
            let missing: Vec<&str> = [
                ("title", texts.title.is_none()),
                (
                    "description",
                    code.description.is_some() && texts.description.is_none(),
                ),
                (
                    "resolution",
                    code.resolution.is_some() && texts.resolution.is_none(),
                ),
                ("message", code.message.is_some() && texts.message.is_none()),
            ]
            .into_iter()
            .filter_map(|(text, missing)| missing.then_some(text))
            .collect();
            if missing.is_empty() {
                continue;
            }
            let locale = &translation.locale.value;
            let texts = match missing.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => missing.join(""),
            };
            found.push(
                Diagnostic::new(
                    format!("`{}` has no {texts} in `{locale}`", code.code.value),
                    code.code.at().unwrap_or(code.at),
                )
                .help(format!(
                    "add its {texts} under `{}` in `{}`",
                    code.code.value, translation.path
                )),
            );
        }
    }
    found
}

/// What the boundary lints look at in a catalog with `boundary`.
struct LeftOut {
    /// Where `boundary` is written.
    at: Location,
    /// Each code's status and whether it is a failure, as
    /// [`Condition::default_among`] reads them.
    codes: Vec<(u16, bool)>,
    /// The conditions `boundary` does not name.
    conditions: Vec<Condition>,
}

/// The conditions a catalog's `boundary` leaves to their defaults; `None`
/// for a catalog without `boundary`, which is not used at the boundary.
fn left_out(catalog: &CheckedCatalog) -> Option<LeftOut> {
    let boundary = catalog.boundary.as_ref()?;
    Some(LeftOut {
        at: boundary.at().unwrap_or_default(),
        codes: catalog
            .codes
            .iter()
            .map(|code| (code.status.value, code.outcome.value == Outcome::Failure))
            .collect(),
        conditions: Condition::ALL
            .iter()
            .copied()
            .filter(|condition| !boundary.value.iter().any(|(named, _)| named == condition))
            .collect(),
    })
}

/// A catalog with `boundary` answers every condition; one it does not
/// name is answered by a code of another status when the catalog has none
/// of its own, or by the first of several of its status, which may mean
/// something else: either way a client misreads it.
fn lint_boundary_fallback(catalog: &CheckedCatalog) -> Vec<Diagnostic> {
    let Some(LeftOut {
        at,
        codes,
        conditions,
    }) = left_out(catalog)
    else {
        return Vec::new();
    };
    conditions
        .into_iter()
        .filter_map(|condition| {
            let statuses: Vec<String> = condition.statuses().iter().map(u16::to_string).collect();
            let statuses = match statuses.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => statuses.concat(),
            };
            let message = match condition.default_among(&codes) {
                Some((index, true)) => {
                    // Of several failures of that status, the first is a guess.
                    let status = catalog.codes[index].status.value;
                    let alike = codes.iter().filter(|&&c| c == (status, true)).count();
                    if alike < 2 {
                        return None;
                    }
                    format!(
                        "`boundary` leaves `{condition}` to `{}`, the first of {alike} failures of status {status}",
                        catalog.codes[index].code.value
                    )
                }
                Some((index, false)) => {
                    let code = &catalog.codes[index];
                    format!(
                        "`boundary` leaves `{condition}` to `{}` (status {}): the catalog has no failure of status {}",
                        code.code.value,
                        code.status.value,
                        statuses
                    )
                }
                None => format!("`boundary` cannot answer `{condition}`: the catalog has no failure"),
            };
            Some(Diagnostic::new(message, at).help(format!(
                "name the code that answers it, as in `{condition}: SOME_CODE` under `boundary:`"
            )))
        })
        .collect()
}

/// A condition a catalog with `boundary` leaves out is answered by its
/// default code, which the rules of `boundary` do not hold to the facts the
/// boundary knows: a required field it declares is left out of the answer.
fn lint_boundary_fields(catalog: &CheckedCatalog) -> Vec<Diagnostic> {
    let Some(LeftOut {
        at,
        codes,
        conditions,
    }) = left_out(catalog)
    else {
        return Vec::new();
    };
    conditions
        .into_iter()
        .filter_map(|condition| Some((condition, condition.default_among(&codes)?.0)))
        .flat_map(|(condition, index)| crate::check::misfits(condition, &catalog.codes[index], at))
        .map(|misfit| {
            misfit.help(
                "or name a code that fits under `boundary:`; a field the boundary cannot fill is left out of its answers",
            )
        })
        .collect()
}

/// A name derived from a code like `HV000` keeps its digits (`Hv000`):
/// legal, but it says nothing about the error. Codes deserve names after
/// their meaning.
fn lint_default_name(code: &CheckedCode) -> Option<Diagnostic> {
    let name = &code.name;
    if name.is_written() || !name.value.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let message = format!(
        "variant `{}` is named after code `{}`, digits and all",
        name.value, code.code.value
    );
    Some(
        Diagnostic::new(message, code.code_at()).help(
            "name it after its meaning with `name:`; see the `name` section of specs/FORMAT.md",
        ),
    )
}

/// Every code is documented from the catalog; one without a description
/// leaves its readers with a title alone.
fn lint_description(code: &CheckedCode) -> Option<Diagnostic> {
    if code.description.is_some() {
        return None;
    }
    let message = format!("code `{}` has no description", code.code.value);
    Some(
        Diagnostic::new(message, code.code_at())
            .help("add `description:` saying what the code means and what to do about it"),
    )
}

/// A template renders only when every field it names is there: an
/// occurrence that leaves out an optional one gets the title instead, which
/// is seldom what the template's author meant. Not for a code named under
/// `boundary`: its fields are optional by rule, the facts the boundary
/// knows only sometimes, and its title is what is left when it does not.
fn lint_template_optional_fields(catalog: &CheckedCatalog) -> Vec<Diagnostic> {
    let boundary = catalog.boundary.as_ref().map(|named| &named.value[..]);
    catalog
        .codes
        .iter()
        .enumerate()
        .filter(|(index, code)| {
            !boundary
                .unwrap_or_default()
                .iter()
                .any(|(_, named)| named == index)
                && !catalog.allows(code, Lint::TemplateOptionalField.name())
        })
        .filter_map(|(_, code)| lint_template_optional_field(code))
        .collect()
}

fn lint_template_optional_field(code: &CheckedCode) -> Option<Diagnostic> {
    let template = code.message.as_ref()?;
    let optional: Vec<String> = template
        .fields()
        .into_iter()
        .filter_map(|position| code.fields.get(position))
        .filter(|field| field.optional.value)
        .map(|field| format!("`{}`", field.name.value))
        .collect();
    let (last, others) = optional.split_last()?;
    let (named, without) = if others.is_empty() {
        (format!("field {last}"), "it")
    } else {
        (
            format!("fields {} and {last}", others.join(", ")),
            "one of them",
        )
    };
    let message = format!(
        "the message of code `{}` names the optional {named}: an occurrence without {without} shows the title instead",
        code.code.value
    );
    Some(
        Diagnostic::new(message, code.place_of(&template.written)).help(
            "make the field always there, or leave it out of the message; allow the lint when the title is the message you want then",
        ),
    )
}

/// A failure sent with a 2xx or 3xx status tells HTTP clients that all went
/// well; either the status or the outcome is likely wrong.
fn lint_failure_status(code: &CheckedCode) -> Option<Diagnostic> {
    let status = code.status.value;
    if status >= 400 || code.outcome.value != Outcome::Failure {
        return None;
    }
    let message = format!(
        "code `{}` is a failure, but its status {status} says the request succeeded",
        code.code.value
    );
    Some(
        Diagnostic::new(message, code.place_of(&code.status))
            .help("use a 4xx or 5xx status, or say with `outcome:` what became of the request"),
    )
}
