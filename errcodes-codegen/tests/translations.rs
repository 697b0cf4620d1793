//! Translations as the checker reads them: the catalog's `locales`, the
//! Fluent file of each, and every mistake a translator can make, located
//! in the file that has it.

#![forbid(unsafe_code)]

use errcodes_codegen::translations::Piece;
use errcodes_codegen::{Files, Input, Level, Lint, Lints};

const CATALOG: &str = "\
name: ShopError
locales: [de, pl]
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
    description: The item is sold out.
    message: \"Only { $left } left of { $item }\"
    fields:
      left: {type: integer}
      item: {type: string}
  - code: CLOSED
    status: 503
    title: Closed
";

const GERMAN: &str = "\
# Die Texte auf Deutsch.
OUT_OF_STOCK = Nur noch { $left } von { $item }
    .title = Ausverkauft
    .description = Der Artikel ist ausverkauft.
Closed =
    .title = Geschlossen
";

const POLISH: &str = "\
OUT_OF_STOCK = { $left ->
        [one] Został { $left } egzemplarz { $item }
        [few] Zostały { $left } egzemplarze { $item }
       *[many] Zostało { $left } egzemplarzy { $item }
    }
    .title = Brak w magazynie
    .description = Towar został wyprzedany.
CLOSED =
    .title = Zamknięte
";

fn files(catalog: &str, translations: &[(&str, &str)]) -> Files {
    translations.iter().fold(
        Files::new(Input::new("specs/shop.yaml", catalog)),
        |files, (path, text)| files.with_translation(Input::new(*path, *text)),
    )
}

/// Each error as `path:line:column: message`.
fn errors(catalog: &str, translations: &[(&str, &str)]) -> Vec<String> {
    files(catalog, translations)
        .parse()
        .unwrap_err()
        .diagnostics()
        .iter()
        .map(|d| {
            let (path, at) = (d.path(), d.location());
            format!("{path}:{}:{}: {}", at.line, at.column, d.message())
        })
        .collect()
}

#[test]
fn a_catalog_reads_its_translations() {
    let catalog = files(
        CATALOG,
        &[("specs/shop.de.ftl", GERMAN), ("specs/shop.pl.ftl", POLISH)],
    )
    .parse()
    .unwrap();
    assert_eq!(catalog.locales.default.value, "en");
    let locales: Vec<&str> = catalog
        .locales
        .translations
        .iter()
        .map(|t| t.locale.value.as_str())
        .collect();
    assert_eq!(locales, ["de", "pl"]);
    let german = &catalog.locales.translations[0].codes;
    assert_eq!(german[0].title.as_deref(), Some("Ausverkauft"));
    assert_eq!(
        german[0].message,
        Some(vec![
            Piece::Text("Nur noch ".into()),
            Piece::Field(0),
            Piece::Text(" von ".into()),
            Piece::Field(1),
        ])
    );
    // A message may name a code by its variant name.
    assert_eq!(german[1].title.as_deref(), Some("Geschlossen"));
    let Some(
        [
            Piece::Select {
                field,
                forms,
                default,
            },
        ],
    ) = catalog.locales.translations[1].codes[0].message.as_deref()
    else {
        panic!("{:?}", catalog.locales.translations[1].codes[0].message);
    };
    assert_eq!((*field, *default), (0, 2));
    let keys: Vec<&str> = forms.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, ["one", "few", "many"]);
}

#[test]
fn every_mistake_of_a_translation_is_reported_where_it_is() {
    let german = "\
OUT_OF_STOCK = Nur noch { $lfet }
    .titel = Ausverkauft
NOPE =
    .title = Nein
CLOSED = Geschlossen
-brand = Laden
";
    assert_eq!(
        errors(
            CATALOG,
            &[("specs/shop.de.ftl", german), ("specs/shop.pl.ftl", POLISH)]
        ),
        [
            "specs/shop.de.ftl:1:1: the translation of `OUT_OF_STOCK` leaves out `$left`, which the catalog's message shows",
            "specs/shop.de.ftl:1:1: the translation of `OUT_OF_STOCK` leaves out `$item`, which the catalog's message shows",
            "specs/shop.de.ftl:1:28: `$lfet` is not a field of `OUT_OF_STOCK`",
            "specs/shop.de.ftl:2:6: `.titel` is not a text of a code",
            "specs/shop.de.ftl:3:1: `NOPE` is not a code of the catalog",
            "specs/shop.de.ftl:5:1: `CLOSED` has no `message` in the catalog, so a translation of it would never be shown",
            "specs/shop.de.ftl:6:2: terms such as `-brand` are not supported",
        ]
    );
}

#[test]
fn the_forms_of_a_select_are_checked_against_the_field() {
    let polish = "\
OUT_OF_STOCK = { $left ->
        [one] Został { $left } z { $item }
        [several] Zostały { $left } z { $item }
       *[other] Zostało { $left } z { $item }
    }
";
    assert_eq!(
        errors(
            CATALOG,
            &[("specs/shop.de.ftl", GERMAN), ("specs/shop.pl.ftl", polish)]
        ),
        ["specs/shop.pl.ftl:3:10: `several` is not a plural category, by which `$left` chooses"]
    );
}

#[test]
fn locales_and_files_must_agree() {
    let catalog = CATALOG.replace("locales: [de, pl]", "locales: [de, pl, en, de, de_AT]");
    assert_eq!(
        errors(
            &catalog,
            &[("specs/shop.de.ftl", GERMAN), ("specs/shop.fr.ftl", GERMAN)]
        ),
        [
            "specs/shop.yaml:2:15: `pl` has no translation file",
            "specs/shop.yaml:2:19: `en` is the catalog's own language, which needs no translation",
            "specs/shop.yaml:2:23: `de` is listed twice",
            "specs/shop.yaml:2:27: `de_AT` in `locales` is not a language tag (BCP 47)",
            "specs/shop.fr.ftl:1:1: `specs/shop.fr.ftl` translates the catalog into `fr`, which `locales` does not list",
        ]
    );
}

#[test]
fn a_file_is_named_by_its_tag_in_any_case() {
    // Language tags are the same in any case (BCP 47).
    let catalog = files(
        CATALOG,
        &[("specs/shop.DE.ftl", GERMAN), ("specs/shop.pl.ftl", POLISH)],
    )
    .parse()
    .unwrap();
    assert_eq!(catalog.locales.translations[0].locale.value, "de");
    assert_eq!(catalog.locales.translations[0].path, "specs/shop.DE.ftl");
}

#[test]
fn a_file_that_is_not_fluent_is_located() {
    let german = "OUT_OF_STOCK = Nur { $left\n";
    let found = errors(
        CATALOG,
        &[("specs/shop.de.ftl", german), ("specs/shop.pl.ftl", POLISH)],
    );
    assert!(
        found.len() == 1
            && found[0].starts_with("specs/shop.de.ftl:2:1: this is not Fluent: Expected a token"),
        "{found:?}"
    );
}

#[test]
fn a_text_left_out_is_a_named_lint() {
    let german = "OUT_OF_STOCK =\n    .title = Ausverkauft\n";
    let report = files(
        CATALOG,
        &[("specs/shop.de.ftl", german), ("specs/shop.pl.ftl", POLISH)],
    )
    .check(&Lints::default());
    let warnings: Vec<&str> = report
        .diagnostics()
        .iter()
        .filter(|d| d.level() == Level::Warning && d.lint() == Some("missing-translation"))
        .map(errcodes_codegen::Diagnostic::message)
        .collect();
    assert_eq!(
        warnings,
        [
            "`OUT_OF_STOCK` has no description and message in `de`",
            "`CLOSED` has no title in `de`",
        ]
    );
    let mut lints = Lints::default();
    lints.allow(Lint::MissingTranslation);
    let quiet = files(
        CATALOG,
        &[("specs/shop.de.ftl", german), ("specs/shop.pl.ftl", POLISH)],
    )
    .check(&lints);
    assert!(
        quiet
            .diagnostics()
            .iter()
            .all(|d| d.lint() != Some("missing-translation")),
        "{:?}",
        quiet.diagnostics()
    );
}

/// A translated message written back in Fluent's syntax reads back to the
/// same pieces: the shipped translations, and text that needs escaping.
#[test]
fn a_message_written_back_reads_back_the_same() {
    use errcodes_codegen::translations::to_fluent;
    use std::fmt::Write as _;

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/acp.yaml");
    let acp = std::fs::read_to_string(path).unwrap();
    let tricky = CATALOG.replace(
        "Only { $left } left of { $item }",
        "{ \\\"{\\\" }{ $left }{ \\\"}\\\" } of { $item }",
    );
    let tricky_polish = "OUT_OF_STOCK = {\"{\"}{ $left ->\n        [one] a{\"}\"}\n       *[other] { $item }\n    }{\"}\"} and\n    {\"[\"}more\n    {\"*\"} lines\n";
    let cases = [
        (
            acp.as_str(),
            Files::read(std::path::Path::new(path), "specs/acp.yaml").unwrap(),
        ),
        (
            tricky.as_str(),
            files(
                &tricky,
                &[
                    ("specs/shop.de.ftl", GERMAN),
                    ("specs/shop.pl.ftl", tricky_polish),
                ],
            ),
        ),
    ];
    let mut written = 0;
    for (yaml, files) in cases {
        let catalog = files.parse().unwrap();
        for translation in &catalog.locales.translations {
            let tag = &translation.locale.value;
            let mut again = String::new();
            for (code, texts) in catalog.codes.iter().zip(&translation.codes) {
                if let Some(pieces) = &texts.message {
                    let message = to_fluent(pieces, code);
                    let _ = writeln!(again, "{} = {message}", code.code.value);
                    written += 1;
                }
            }
            let alone = yaml.replacen("locales: [de, pl]", &format!("locales: [{tag}]"), 1);
            let reread = Files::new(Input::new("specs/x.yaml", alone))
                .with_translation(Input::new(format!("specs/x.{tag}.ftl"), again.clone()))
                .parse()
                .unwrap_or_else(|rejected| panic!("{again}\n{rejected:?}"));
            let messages = |t: &errcodes_codegen::translations::CheckedTranslation| {
                t.codes
                    .iter()
                    .map(|texts| texts.message.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                messages(&reread.locales.translations[0]),
                messages(translation),
                "{again}"
            );
        }
    }
    assert!(written > 30, "{written}");
}
