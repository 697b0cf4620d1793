//! Translations: a catalog's texts in other languages, one Fluent file per
//! language beside the catalog (`shop.de.ftl` for `locales: [de]`). Each
//! message of the file is a code, named by its code or its variant name:
//! the message's value translates the code's message template, and its
//! attributes `.title`, `.description` and `.resolution` the other texts.
//! Everything is checked against the catalog: the codes, the fields a
//! message places, and the forms a select expression chooses between.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use errcodes_core::fields::FieldKind;
use errcodes_core::localized;
use fluent_syntax::ast::{
    Attribute, Entry, Expression, InlineExpression, Message, Pattern, PatternElement, VariantKey,
};
use fluent_syntax::parser;

use crate::diagnostic::{Diagnostic, Errors, closest, list};
use crate::fields::CheckedField;
use crate::keys;
use crate::model::{CheckedCatalog, CheckedCode, Located};
use crate::source::Source;
use crate::spec::{Mapping, WrittenText};
use crate::template::unescape;

/// The language of a catalog's texts when it names none.
pub const DEFAULT_LOCALE: &str = "en";

/// The texts a translation may give a code, as Fluent attributes.
const ATTRIBUTES: [&str; 3] = ["title", "description", "resolution"];

/// The plural categories of CLDR, which a select over a number chooses by.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The language of a catalog's texts, and its translations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locales {
    /// The language tag of the catalog's own texts: `default-locale`.
    pub default: Located<String>,
    /// Its translations, in the order `locales` lists them.
    pub translations: Vec<CheckedTranslation>,
}

impl Default for Locales {
    fn default() -> Self {
        Locales {
            default: Located::derived(DEFAULT_LOCALE.to_owned()),
            translations: Vec::new(),
        }
    }
}

/// Reads `default-locale` and `locales`, and checks each translation file
/// (in `files`, beside the catalog `source`) against the catalog; without
/// files, when they were not looked for, the catalog alone.
pub(crate) fn read(
    top: &Mapping<'_>,
    catalog: &CheckedCatalog,
    (source, files): (&Source<'_>, Option<&[Source<'_>]>),
    errors: &mut Errors,
) -> Locales {
    let default = default_locale(top, errors);
    let locales = locales(top, &default, errors);
    let translations = files
        .map(|files| check(catalog, source, &locales, files, errors))
        .unwrap_or_default();
    Locales {
        default,
        translations,
    }
}

/// A catalog's texts in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedTranslation {
    /// The language tag, as `locales` writes it.
    pub locale: Located<String>,
    /// The file, as reports name it.
    pub path: String,
    /// Each code's texts, in the order of the catalog's codes.
    pub codes: Vec<Texts>,
}

/// One code's texts in one language; `None` where the file gives none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    /// The title.
    pub title: Option<String>,
    /// The description.
    pub description: Option<String>,
    /// The resolution.
    pub resolution: Option<String>,
    /// The message template.
    pub message: Option<Vec<Piece>>,
}

/// A piece of a translated message, or of a catalog's own template.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Piece {
    /// Text, as it is shown.
    Text(String),
    /// The value of the code's field at this position.
    Field(usize),
    /// One of several forms, chosen by the value of the field at `field`:
    /// a number by its value, else by its plural category; anything else
    /// by its text; `default`, the form Fluent marks with `*`, when no
    /// key matches.
    Select {
        /// The position of the field that chooses.
        field: usize,
        /// Each form's key and pieces.
        forms: Vec<(String, Vec<Piece>)>,
        /// The position in `forms` of the default form.
        default: usize,
    },
}

/// What is wrong with `key` as a form of a select by `field` (named
/// `name`), as a message and a help: a key that is no plural category of
/// a number, or no value of an `enum` (`other` always is); `None` for a
/// key that can match. Any key of another type matches its text.
pub(crate) fn key_problem(field: &CheckedField, name: &str, key: &str) -> Option<(String, String)> {
    match field.ty.value.kind {
        FieldKind::Integer | FieldKind::Number if !PLURAL_CATEGORIES.contains(&key) => Some((
            format!("`{key}` is not a plural category, by which `${name}` chooses"),
            format!(
                "a number chooses by {}, or by a value such as `[0]`",
                list(&PLURAL_CATEGORIES)
            ),
        )),
        FieldKind::OneOf if key != "other" && !field.values.iter().any(|v| v.value == key) => {
            let values: Vec<&str> = field.values.iter().map(|v| v.value.as_str()).collect();
            Some((
                format!("`{key}` is not a value of `${name}`"),
                format!("its values are {}", list(&values)),
            ))
        }
        _ => None,
    }
}

/// Appends the positions of the fields `pieces` place or choose by.
pub(crate) fn fields_of(pieces: &[Piece], out: &mut Vec<usize>) {
    for piece in pieces {
        match piece {
            Piece::Text(_) => {}
            Piece::Field(position) => out.push(*position),
            Piece::Select { field, forms, .. } => {
                out.push(*field);
                for (_, pieces) in forms {
                    fields_of(pieces, out);
                }
            }
        }
    }
}

/// A message's pieces as the runtime stores them: what
/// [`errcodes_core::localized::Message`] shows.
///
/// ```
/// use errcodes_codegen::translations::{Piece, stored};
/// use errcodes_core::localized::Message;
///
/// let pieces = [Piece::Text("Nur ".to_owned()), Piece::Field(0)];
/// let mut out = Vec::new();
/// let field = &mut |_: usize, out: &mut Vec<u8>| {
///     out.push(b'3');
///     true
/// };
/// assert!(Message(&stored(&pieces)).write(field, &|_| "other", &mut out));
/// assert_eq!(out, b"Nur 3");
/// ```
#[must_use]
pub fn stored(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => localized::push_text(text, &mut out),
            Piece::Field(position) => localized::push_field(*position, &mut out),
            Piece::Select {
                field,
                forms,
                default,
            } => {
                let bodies: Vec<(&str, String)> = forms
                    .iter()
                    .map(|(key, pieces)| (key.as_str(), stored(pieces)))
                    .collect();
                let forms: Vec<(&str, &str)> = bodies
                    .iter()
                    .map(|(key, body)| (*key, body.as_str()))
                    .collect();
                localized::push_select(*field, *default, &forms, &mut out);
            }
        }
    }
    out
}

/// A translated message of `code` written back in Fluent's syntax, as a
/// message's value: what a Fluent library reads to the same pieces.
///
/// ```
/// use errcodes_codegen::translations::{Piece, to_fluent};
///
/// let catalog = errcodes_codegen::parse(
///     "shop.yaml",
///     "name: ShopError\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out of stock\n    \
///      fields:\n      left: integer\n",
/// )
/// .unwrap();
/// let pieces = [
///     Piece::Text("{Rest} ".to_owned()),
///     Piece::Select {
///         field: 0,
///         forms: vec![
///             ("one".to_owned(), vec![Piece::Text("ein Stück".to_owned())]),
///             ("other".to_owned(), vec![Piece::Field(0), Piece::Text(" Stück".to_owned())]),
///         ],
///         default: 1,
///     },
/// ];
/// assert_eq!(
///     to_fluent(&pieces, &catalog.codes[0]),
///     "{\"{\"}Rest{\"}\"} { $left ->\n        [one] ein Stück\n       *[other] { $left } Stück\n    }",
/// );
/// ```
#[must_use]
pub fn to_fluent(pieces: &[Piece], code: &CheckedCode) -> String {
    let mut out = String::new();
    write_fluent(pieces, code, 1, &mut out);
    out
}

/// Writes `pieces` as a pattern whose continuation lines are indented to
/// `depth`.
fn write_fluent(pieces: &[Piece], code: &CheckedCode, depth: usize, out: &mut String) {
    let name = |position: usize| {
        code.fields
            .get(position)
            .map_or("?", |field| field.name.value.as_str())
    };
    let indent = "    ".repeat(depth);
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                for (at, line) in text.split('\n').enumerate() {
                    if at > 0 {
                        out.push('\n');
                        out.push_str(&indent);
                    }
                    // A line that starts with these would start a
                    // variant or an attribute: they go in literals.
                    let special = at > 0 && line.starts_with(['[', '*', '.']);
                    for (i, c) in line.char_indices() {
                        if matches!(c, '{' | '}') || (special && i == 0) {
                            out.push_str("{\"");
                            out.push(c);
                            out.push_str("\"}");
                        } else {
                            out.push(c);
                        }
                    }
                }
            }
            Piece::Field(position) => {
                out.push_str("{ $");
                out.push_str(name(*position));
                out.push_str(" }");
            }
            Piece::Select {
                field,
                forms,
                default,
            } => {
                out.push_str("{ $");
                out.push_str(name(*field));
                out.push_str(" ->");
                for (at, (key, pieces)) in forms.iter().enumerate() {
                    out.push('\n');
                    out.push_str(&indent);
                    out.push_str(if at == *default { "   *[" } else { "    [" });
                    out.push_str(key);
                    out.push_str("] ");
                    write_fluent(pieces, code, depth + 2, out);
                }
                out.push('\n');
                out.push_str(&indent);
                out.push('}');
            }
        }
    }
}

/// The catalog's `default-locale`, or [`DEFAULT_LOCALE`].
fn default_locale(top: &Mapping<'_>, errors: &mut Errors) -> Located<String> {
    top.text(&keys::catalog::DEFAULT_LOCALE, errors)
        .filter(|tag| check_tag(tag, keys::catalog::DEFAULT_LOCALE.name, errors))
        .map_or_else(
            || Located::derived(DEFAULT_LOCALE.to_owned()),
            |tag| Located::written(tag.value, tag.at),
        )
}

/// The catalog's `locales`: valid tags, each once, none the default.
fn locales(
    top: &Mapping<'_>,
    default: &Located<String>,
    errors: &mut Errors,
) -> Vec<Located<String>> {
    let mut locales: Vec<Located<String>> = Vec::new();
    for tag in top.texts(&keys::catalog::LOCALES, errors) {
        if !check_tag(&tag, keys::catalog::LOCALES.name, errors) {
            continue;
        }
        let same = |other: &str| other.eq_ignore_ascii_case(&tag.value);
        if same(&default.value) {
            errors.push(
                Diagnostic::new(
                    format!(
                        "`{}` is the catalog's own language, which needs no translation",
                        tag.value
                    ),
                    tag.at,
                )
                .help(
                    "remove it from `locales`, or set `default-locale` to the catalog's language",
                ),
            );
        } else if let Some(first) = locales.iter().find(|first| same(&first.value)) {
            let mut diagnostic =
                Diagnostic::new(format!("`{}` is listed twice", tag.value), tag.at);
            if let Some(at) = first.at() {
                diagnostic =
                    diagnostic.note_at(crate::diagnostic::Document::Catalog, at, "first here");
            }
            errors.push(diagnostic.help("remove one of them"));
        } else {
            locales.push(Located::written(tag.value, tag.at));
        }
    }
    locales
}

/// Whether `tag` is a language tag that a file name can carry; each
/// mistake is reported.
fn check_tag(tag: &WrittenText, key: &str, errors: &mut Errors) -> bool {
    if is_language_tag(&tag.value) {
        return true;
    }
    errors.push(
        Diagnostic::new(
            format!("`{}` in `{key}` is not a language tag (BCP 47)", tag.value),
            tag.at,
        )
        .help("write a language, then a script or a region if needed, joined by `-`: `de`, `pt-BR`, `zh-Hant`"),
    );
    false
}

/// Whether `tag` is a BCP 47 language tag of the parts a catalog's
/// language has: a language (2 or 3 letters, or 5 to 8), then a script (4
/// letters), a region (2 letters or 3 digits) and variants (5 to 8 letters
/// or digits, or a digit and 3 more), each but the language optional,
/// joined by `-`. The runtime's plural rules read the same parts.
/// Extensions and private use name no language of their own and are not
/// taken. Checked here rather than by a locale crate: every build of the
/// macro would pay for one, catalogs with translations or not.
fn is_language_tag(tag: &str) -> bool {
    let letters = |part: &str, lengths: RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    if !(letters(language, 2..=3) || letters(language, 5..=8)) {
        return false;
    }
    let mut part = parts.next();
    if part.is_some_and(|script| letters(script, 4..=4)) {
        part = parts.next();
    }
    let digits = |part: &str| part.len() == 3 && part.bytes().all(|b| b.is_ascii_digit());
    if part.is_some_and(|region| letters(region, 2..=2) || digits(region)) {
        part = parts.next();
    }
    while let Some(variant) = part {
        let alphanumeric = variant.bytes().all(|b| b.is_ascii_alphanumeric());
        let long = (5..=8).contains(&variant.len());
        let short = variant.len() == 4 && variant.starts_with(|c: char| c.is_ascii_digit());
        if !(alphanumeric && (long || short)) {
            return false;
        }
        part = parts.next();
    }
    true
}

/// The language tag a translation's file name carries: `shop.de.ftl` is
/// `de`.
pub(crate) fn locale_of(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.strip_suffix(".ftl").unwrap_or(name);
    name.rsplit('.').next().unwrap_or(name)
}

/// Checks every translation file against `catalog` and `locales`: each
/// file is of a listed language, each listed language has its file.
fn check(
    catalog: &CheckedCatalog,
    source: &Source<'_>,
    locales: &[Located<String>],
    files: &[Source<'_>],
    errors: &mut Errors,
) -> Vec<CheckedTranslation> {
    for (index, file) in files.iter().enumerate() {
        let tag = locale_of(file.path);
        if !locales
            .iter()
            .any(|locale| locale.value.eq_ignore_ascii_case(tag))
        {
            errors.push(
                Diagnostic::new(
                    format!(
                        "`{}` translates the catalog into `{tag}`, which `locales` does not list",
                        file.path
                    ),
                    crate::diagnostic::Location::START,
                )
                .in_translation(index)
                .help(format!(
                    "add `{tag}` to the catalog's `locales`, or remove the file"
                )),
            );
        }
    }
    let ids = Ids::of(catalog);
    let mut translations = Vec::new();
    for locale in locales {
        let Some(index) = files
            .iter()
            .position(|file| locale_of(file.path).eq_ignore_ascii_case(&locale.value))
        else {
            let stem = source
                .path
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(source.path);
            let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
            errors.push(
                Diagnostic::new(
                    format!("`{}` has no translation file", locale.value),
                    locale.at().unwrap_or_default(),
                )
                .help(format!(
                    "write the texts in `{stem}.{}.ftl`, beside the catalog",
                    locale.value
                )),
            );
            continue;
        };
        let file = File {
            source: &files[index],
            index,
            catalog,
            ids: &ids,
        };
        translations.push(CheckedTranslation {
            locale: locale.clone(),
            path: files[index].path.to_owned(),
            codes: file.check(errors),
        });
    }
    translations
}

/// The names a message may give a code: its code and its variant name.
struct Ids<'c> {
    by_name: HashMap<&'c str, usize>,
    codes: Vec<&'c str>,
}

impl<'c> Ids<'c> {
    fn of(catalog: &'c CheckedCatalog) -> Self {
        let mut by_name = HashMap::new();
        for (position, code) in catalog.codes.iter().enumerate() {
            by_name.insert(code.name.value.as_str(), position);
        }
        // A code wins over another's variant name of the same spelling.
        for (position, code) in catalog.codes.iter().enumerate() {
            by_name.insert(code.code.value.as_str(), position);
        }
        let codes = catalog
            .codes
            .iter()
            .map(|c| c.code.value.as_str())
            .collect();
        Ids { by_name, codes }
    }
}

/// One translation file being checked.
struct File<'a> {
    source: &'a Source<'a>,
    index: usize,
    catalog: &'a CheckedCatalog,
    ids: &'a Ids<'a>,
}

impl File<'_> {
    /// An error at `at`, a slice of the file's text.
    fn error(&self, message: impl Into<String>, at: &str) -> Diagnostic {
        let text = self.source.text;
        let offset = (at.as_ptr() as usize)
            .checked_sub(text.as_ptr() as usize)
            .filter(|offset| *offset <= text.len())
            .unwrap_or(0);
        Diagnostic::new(message, self.source.location(offset)).in_translation(self.index)
    }

    fn check(&self, errors: &mut Errors) -> Vec<Texts> {
        let mut texts = vec![Texts::default(); self.catalog.codes.len()];
        let mut seen: Vec<Option<&str>> = vec![None; self.catalog.codes.len()];
        let resource = match parser::parse(self.source.text) {
            Ok(resource) => resource,
            Err((resource, mistakes)) => {
                for mistake in mistakes {
                    let at = self.source.text.get(mistake.pos.start..).unwrap_or("");
                    errors.push(self.error(format!("this is not Fluent: {}", mistake.kind), at));
                }
                resource
            }
        };
        for entry in &resource.body {
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name;
                    let Some(&position) = self.ids.by_name.get(id) else {
                        let mut error =
                            self.error(format!("`{id}` is not a code of the catalog"), id);
                        if let Some(near) = closest(id, &self.ids.codes) {
                            error = error.help(format!("did you mean `{near}`?"));
                        }
                        errors.push(error);
                        continue;
                    };
                    if let Some(first) = seen[position] {
                        errors.push(
                            self.error(
                                format!(
                                    "`{}` is translated twice",
                                    self.catalog.codes[position].code.value
                                ),
                                id,
                            )
                            .note(format!("first as `{first}`"))
                            .help("keep one message per code"),
                        );
                        continue;
                    }
                    seen[position] = Some(id);
                    texts[position] = self.code(&self.catalog.codes[position], message, errors);
                }
                Entry::Term(term) => errors.push(
                    self.error(
                        format!("terms such as `-{}` are not supported", term.id.name),
                        term.id.name,
                    )
                    .help("write the term's text in each message that uses it"),
                ),
                Entry::Comment(_)
                | Entry::GroupComment(_)
                | Entry::ResourceComment(_)
                | Entry::Junk { .. } => {}
            }
        }
        texts
    }

    /// The texts of one code's message.
    fn code(&self, code: &CheckedCode, message: &Message<&str>, errors: &mut Errors) -> Texts {
        let mut texts = Texts::default();
        let id = message.id.name;
        if let Some(pattern) = &message.value {
            match &code.message {
                None => errors.push(
                    self.error(
                        format!(
                            "`{}` has no `message` in the catalog, so a translation of it would never be shown",
                            code.code.value
                        ),
                        id,
                    )
                    .help("give the code a `message` in the catalog, or translate only its attributes (`.title = …`)"),
                ),
                Some(template) => {
                    let mut used = Vec::new();
                    let pieces = self.pieces(code, pattern, &mut used, errors);
                    for position in &template.fields() {
                        if !used.contains(position) {
                            errors.push(
                                self.error(
                                    format!(
                                        "the translation of `{}` leaves out `${}`, which the catalog's message shows",
                                        code.code.value, code.fields[*position].name.value
                                    ),
                                    id,
                                )
                                .help(format!(
                                    "place it: `{{ ${} }}`",
                                    code.fields[*position].name.value
                                )),
                            );
                        }
                    }
                    texts.message = pieces;
                }
            }
        }
        for attribute in &message.attributes {
            self.attribute(code, attribute, &mut texts, errors);
        }
        texts
    }

    /// One of a code's plain texts.
    fn attribute(
        &self,
        code: &CheckedCode,
        attribute: &Attribute<&str>,
        texts: &mut Texts,
        errors: &mut Errors,
    ) {
        let name = attribute.id.name;
        let (slot, has) = match name {
            "title" => (&mut texts.title, true),
            "description" => (&mut texts.description, code.description.is_some()),
            "resolution" => (&mut texts.resolution, code.resolution.is_some()),
            _ => {
                let mut error = self.error(format!("`.{name}` is not a text of a code"), name);
                error = match closest(name, &ATTRIBUTES) {
                    Some(near) => error.help(format!("did you mean `.{near}`?")),
                    None => error.help(format!("a code's texts are {}", list(&ATTRIBUTES))),
                };
                errors.push(error);
                return;
            }
        };
        if !has {
            errors.push(
                self.error(
                    format!(
                        "`{}` has no {name} in the catalog, so a translation of it would never be shown",
                        code.code.value
                    ),
                    name,
                )
                .help(format!("give the code a `{name}` in the catalog, or remove this line")),
            );
            return;
        }
        *slot = self.plain(name, &attribute.value, errors);
    }

    /// A text without placeables but literals: titles, descriptions and
    /// resolutions show no fields.
    fn plain(&self, name: &str, pattern: &Pattern<&str>, errors: &mut Errors) -> Option<String> {
        let mut text = String::new();
        let mut ok = true;
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => text.push_str(value),
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::StringLiteral { value }),
                } => {
                    if let Some(value) = unescape(value) {
                        text.push_str(&value);
                    } else {
                        ok = false;
                        errors.push(
                            self.error("the string has an escape Fluent does not know", value),
                        );
                    }
                }
                PatternElement::Placeable { .. } => {
                    ok = false;
                    errors.push(
                        self.error(format!("a code's {name} places nothing"), name)
                            .help("only the message shows fields; write the text itself, and `{ \"{\" }` for a brace"),
                    );
                }
            }
        }
        ok.then_some(text)
    }

    /// A message's pieces, noting the positions of the fields it uses;
    /// `None` when it has a mistake, which is reported.
    fn pieces(
        &self,
        code: &CheckedCode,
        pattern: &Pattern<&str>,
        used: &mut Vec<usize>,
        errors: &mut Errors,
    ) -> Option<Vec<Piece>> {
        let mut pieces = Vec::new();
        let mut ok = true;
        for element in &pattern.elements {
            let piece = match element {
                PatternElement::TextElement { value } => Some(Piece::Text((*value).to_owned())),
                PatternElement::Placeable { expression } => {
                    self.expression(code, expression, used, errors)
                }
            };
            match piece {
                Some(Piece::Text(text)) => match pieces.last_mut() {
                    Some(Piece::Text(last)) => last.push_str(&text),
                    _ => pieces.push(Piece::Text(text)),
                },
                Some(piece) => pieces.push(piece),
                None => ok = false,
            }
        }
        ok.then_some(pieces)
    }

    fn expression(
        &self,
        code: &CheckedCode,
        expression: &Expression<&str>,
        used: &mut Vec<usize>,
        errors: &mut Errors,
    ) -> Option<Piece> {
        match expression {
            Expression::Inline(inline) => self.inline(code, inline, used, errors),
            Expression::Select { selector, variants } => {
                let InlineExpression::VariableReference { id } = selector else {
                    errors.push(
                        self.error(
                            "a select chooses by a field: `{ $name ->`",
                            variant_text(variants),
                        )
                        .help("write the field that chooses the form before `->`"),
                    );
                    return None;
                };
                let field = self.field(code, id.name, used, errors)?;
                let mut forms = Vec::with_capacity(variants.len());
                let mut default = 0;
                let mut ok = true;
                for (at, variant) in variants.iter().enumerate() {
                    let key = match &variant.key {
                        VariantKey::Identifier { name } => {
                            ok &= self.check_key(code, field, name, errors);
                            (*name).to_owned()
                        }
                        VariantKey::NumberLiteral { value } => (*value).to_owned(),
                    };
                    if variant.default {
                        default = at;
                    }
                    match self.pieces(code, &variant.value, used, errors) {
                        Some(pieces) => forms.push((key, pieces)),
                        None => ok = false,
                    }
                }
                ok.then_some(Piece::Select {
                    field,
                    forms,
                    default,
                })
            }
        }
    }

    /// Whether a select's key can match the field's values, by
    /// [`key_problem`].
    fn check_key(&self, code: &CheckedCode, field: usize, key: &str, errors: &mut Errors) -> bool {
        let declared = &code.fields[field];
        match key_problem(declared, &declared.name.value, key) {
            Some((message, help)) => {
                errors.push(self.error(message, key).help(help));
                false
            }
            None => true,
        }
    }

    fn inline(
        &self,
        code: &CheckedCode,
        inline: &InlineExpression<&str>,
        used: &mut Vec<usize>,
        errors: &mut Errors,
    ) -> Option<Piece> {
        match inline {
            InlineExpression::VariableReference { id } => {
                self.field(code, id.name, used, errors).map(Piece::Field)
            }
            InlineExpression::StringLiteral { value } => {
                let text = unescape(value);
                if text.is_none() {
                    errors.push(self.error("the string has an escape Fluent does not know", value));
                }
                text.map(Piece::Text)
            }
            InlineExpression::NumberLiteral { value } => Some(Piece::Text((*value).to_owned())),
            InlineExpression::Placeable { expression } => {
                self.expression(code, expression, used, errors)
            }
            InlineExpression::MessageReference { id, .. } => {
                errors.push(
                    self.error(
                        format!("`{}` without `$` names another message, which a translation cannot place", id.name),
                        id.name,
                    )
                    .help("a message places fields as `{ $name }`"),
                );
                None
            }
            InlineExpression::TermReference { id, .. } => {
                errors.push(
                    self.error(
                        format!("terms such as `-{}` are not supported", id.name),
                        id.name,
                    )
                    .help("write the term's text here"),
                );
                None
            }
            InlineExpression::FunctionReference { id, .. } => {
                errors.push(
                    self.error(
                        format!("the function `{}` is not supported", id.name),
                        id.name,
                    )
                    .help("place the field itself: `{ $name }`"),
                );
                None
            }
        }
    }

    /// The position of the field `name` of `code`, noted as used.
    fn field(
        &self,
        code: &CheckedCode,
        name: &str,
        used: &mut Vec<usize>,
        errors: &mut Errors,
    ) -> Option<usize> {
        if let Some(position) = code.fields.iter().position(|f| f.name.value == name) {
            used.push(position);
            return Some(position);
        }
        let fields: Vec<&str> = code.fields.iter().map(|f| f.name.value.as_str()).collect();
        let help = match closest(name, &fields) {
            Some(near) => format!("did you mean `${near}`?"),
            None if fields.is_empty() => format!("`{}` has no fields", code.code.value),
            None => format!("its fields are {}", list(&fields)),
        };
        errors.push(
            self.error(
                format!("`${name}` is not a field of `{}`", code.code.value),
                name,
            )
            .help(help),
        );
        None
    }
}

/// Some text of a select, to point at when its selector is wrong.
fn variant_text<'s>(variants: &[fluent_syntax::ast::Variant<&'s str>]) -> &'s str {
    variants.first().map_or("", |variant| match &variant.key {
        VariantKey::Identifier { name } => name,
        VariantKey::NumberLiteral { value } => value,
    })
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn language_tags_are_read_as_bcp_47_writes_them() {
        for tag in [
            "de",
            "pl",
            "fil",
            "pt-BR",
            "es-419",
            "zh-Hant",
            "zh-Hant-TW",
            "de-CH-1996",
            "sl-rozaj",
            "sl-IT-nedis",
            "ca-valencia",
            "DE-ch",
        ] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for tag in [
            "",
            "d",
            "de_AT",
            "deutsch1",
            "en-",
            "-en",
            "en--US",
            "en-US-x-private",
            "de-1",
            "zh-Hant-Hans",
            "abcdefghi",
            "de-CH-19",
            "ü",
            "en-US-u-ca-buddhist",
        ] {
            assert!(!is_language_tag(tag), "{tag}");
        }
    }
}
