//! Warnings have names, and can be allowed: in the catalog, in one entry,
//! or for one run, the way clippy's lints can.

#![forbid(unsafe_code)]

use errcodes_codegen::{Files, Input, Level, Lint, Lints, check};

const CATALOG: &str = "\
name: SqlError
codes:
  - code: HV000
    status: 500
    title: FDW error
  - code: \"00000\"
    name: SuccessfulCompletion
    status: 200
    title: Done
    outcome: failure
";

/// Each diagnostic as `level lint message`.
fn reported(text: &str, lints: &Lints) -> Vec<String> {
    Files::new(Input::new("t.yaml", text))
        .check(lints)
        .diagnostics()
        .iter()
        .map(|d| {
            let lint = d.lint().unwrap_or("-");
            format!("{} {lint} {}", d.level().as_str(), d.message())
        })
        .collect()
}

#[test]
fn every_warning_names_its_lint() {
    assert_eq!(
        reported(CATALOG, &Lints::default()),
        [
            "warning name-keeps-digits variant `Hv000` is named after code `HV000`, digits and all",
            "warning missing-description code `HV000` has no description",
            "warning missing-description code `00000` has no description",
            "warning failure-below-400 code `00000` is a failure, but its status 200 says the request succeeded",
        ]
    );
    // The first report of each lint says how to allow it; later ones do not.
    let report = check("t.yaml", CATALOG);
    let notes = |i: usize| report.diagnostics()[i].report().to_owned();
    assert!(
        notes(1).contains("add `allow: [missing-description]` to the catalog or the entry, or pass `--allow missing-description`"),
        "{}",
        notes(1)
    );
    assert!(!notes(2).contains("allow"), "{}", notes(2));
}

#[test]
fn a_catalog_allows_lints_for_all_codes_or_one() {
    let everywhere = CATALOG.replace(
        "codes:\n",
        "allow: [missing-description, name-keeps-digits]\ncodes:\n",
    );
    assert_eq!(
        reported(&everywhere, &Lints::default()),
        [
            "warning failure-below-400 code `00000` is a failure, but its status 200 says the request succeeded"
        ]
    );
    // One name alone needs no list; an entry's allow covers that entry.
    let one_entry = CATALOG.replace(
        "    title: FDW error\n",
        "    title: FDW error\n    allow: missing-description\n",
    );
    let all = reported(&one_entry, &Lints::default());
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(
        !all.iter().any(|d| d.contains("`HV000` has no description")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|d| d.contains("`00000` has no description")),
        "{all:?}"
    );
}

#[test]
fn a_run_allows_or_denies_lints() {
    let mut lints = Lints::default();
    lints
        .allow(Lint::MissingDescription)
        .deny(Lint::FailureBelow400);
    let all = reported(CATALOG, &lints);
    assert_eq!(
        all,
        [
            "warning name-keeps-digits variant `Hv000` is named after code `HV000`, digits and all",
            "error failure-below-400 code `00000` is a failure, but its status 200 says the request succeeded",
        ]
    );
    let report = Files::new(Input::new("t.yaml", CATALOG)).check(&lints);
    assert!(!report.is_ok());
    // Denied, but allowed by the catalog: the catalog's word stands.
    let allowed = CATALOG.replace("codes:\n", "allow: failure-below-400\ncodes:\n");
    assert!(
        !reported(&allowed, &lints)
            .iter()
            .any(|d| d.starts_with("error"))
    );
}

#[test]
fn a_misspelt_lint_is_an_error_even_for_the_macro() {
    let misspelt = CATALOG.replace("codes:\n", "allow: [missing-descriptions]\ncodes:\n");
    let failure = errcodes_codegen::parse("t.yaml", &misspelt).unwrap_err();
    let diagnostic = &failure.diagnostics()[0];
    assert_eq!(
        diagnostic.message(),
        "unknown lint or class of change `missing-descriptions`"
    );
    assert_eq!(diagnostic.level(), Level::Error);
    assert_eq!(
        (diagnostic.location().line, diagnostic.location().column),
        (2, 9)
    );
    assert_eq!(
        diagnostic.notes()[0].message(),
        "did you mean `missing-description`?"
    );
    let unknown = CATALOG.replace("codes:\n", "allow: [everything]\ncodes:\n");
    let failure = errcodes_codegen::parse("t.yaml", &unknown).unwrap_err();
    let help = failure.diagnostics()[0].notes()[0].message();
    assert!(
        help.starts_with(
            "the lints are `name-keeps-digits`, `missing-description`, `failure-below-400`, `unused-field`, `template-optional-field`, `boundary-fallback`, `boundary-fields` and `missing-translation`; the classes of breaking change are `enum-renamed`, "
        ),
        "{help}"
    );
    // A class of breaking change is allowed as a lint is.
    let allowed = CATALOG.replace("codes:\n", "allow: [status-changed]\ncodes:\n");
    assert!(errcodes_codegen::parse("t.yaml", &allowed).is_ok());
}

#[test]
fn a_shared_field_no_code_carries_is_a_lint_of_the_catalog() {
    let catalog = "\
name: ShopError
fields:
  sku:
    type: string
  store:
    type: string
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
    description: Sold out.
    fields:
      sku:
";
    assert_eq!(
        reported(catalog, &Lints::default()),
        ["warning unused-field shared field `store` is carried by no code"]
    );
    let report = check("t.yaml", catalog);
    let diagnostic = &report.diagnostics()[0];
    assert_eq!(
        (diagnostic.location().line, diagnostic.location().column),
        (5, 3)
    );
    let allowed = catalog.replace("codes:\n", "allow: [unused-field]\ncodes:\n");
    assert!(reported(&allowed, &Lints::default()).is_empty());
    let mut lints = Lints::default();
    lints.deny(Lint::UnusedField);
    assert_eq!(
        reported(catalog, &lints),
        ["error unused-field shared field `store` is carried by no code"]
    );
}

#[test]
fn a_message_naming_an_optional_field_is_a_lint_of_its_code() {
    let catalog = "\
name: ShopError
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
    description: Sold out.
    message: |-
      { $sku } is sold out at { $store ->
          [online] our web shop
         *[other] { $store }
      }; back { $back }
    fields:
      sku: {type: string}
      store: {type: string, optional: true}
      back: {type: timestamp, optional: true}
      note: {type: string, optional: true}
";
    assert_eq!(
        reported(catalog, &Lints::default()),
        [
            "warning template-optional-field the message of code `OUT_OF_STOCK` names the optional fields `store` and `back`: an occurrence without one of them shows the title instead"
        ]
    );
    let report = check("t.yaml", catalog);
    let location = report.diagnostics()[0].location();
    assert_eq!((location.line, location.column), (7, 14));
    // A template that names only fields always there says nothing, however
    // many optional fields the code has.
    let required = catalog
        .replace(
            "store: {type: string, optional: true}",
            "store: {type: string}",
        )
        .replace(
            "back: {type: timestamp, optional: true}",
            "back: {type: timestamp}",
        );
    assert!(
        reported(&required, &Lints::default()).is_empty(),
        "{required}"
    );
    let one = catalog.replace(
        "store: {type: string, optional: true}",
        "store: {type: string}",
    );
    assert_eq!(
        reported(&one, &Lints::default()),
        [
            "warning template-optional-field the message of code `OUT_OF_STOCK` names the optional field `back`: an occurrence without it shows the title instead"
        ]
    );
    let allowed = catalog.replace(
        "    fields:\n",
        "    allow: template-optional-field\n    fields:\n",
    );
    assert!(reported(&allowed, &Lints::default()).is_empty());
}

#[test]
fn a_boundary_code_s_message_may_name_the_facts_it_is_sometimes_given() {
    // The boundary's codes must declare every field optional: the title is
    // their message when the boundary does not know the line.
    let catalog = "\
name: ShopError
boundary:
  malformed-body: MALFORMED
codes:
  - code: MALFORMED
    status: 400
    title: Malformed body
    description: The body is not JSON.
    message: The body is not JSON at line { $line }, column { $column }.
    fields:
      line: {type: integer, optional: true}
      column: {type: integer, optional: true}
  - code: CONFLICT
    status: 409
    title: Conflict
    description: It changed.
    message: It changed at line { $line }.
    fields:
      line: {type: integer, optional: true}
";
    let reported = reported(catalog, &Lints::default());
    let templates: Vec<&String> = reported
        .iter()
        .filter(|line| line.contains("template-optional-field"))
        .collect();
    assert_eq!(
        templates,
        [
            "warning template-optional-field the message of code `CONFLICT` names the optional field `line`: an occurrence without it shows the title instead"
        ],
        "{reported:#?}"
    );
}

#[test]
fn a_boundary_condition_without_a_code_of_its_status_is_named() {
    let catalog = "\
name: ShopError
boundary:
  unknown-route: NOT_FOUND
codes:
  - code: NOT_FOUND
    status: 404
    title: Not found
    description: No such thing.
  - code: BROKEN
    status: 500
    title: Broken
    description: It broke.
";
    let reported = reported(catalog, &Lints::default());
    // The conditions of 400, 422, 415 and 413 fall back to the first client
    // error; a wrong method takes the 404, a timeout and an overload the 500.
    assert_eq!(reported.len(), 5, "{reported:#?}");
    assert_eq!(
        reported[1],
        "warning boundary-fallback `boundary` leaves `unfit-body` to `NOT_FOUND` (status 404): the catalog has no failure of status 422 or 400"
    );
    for quiet in [
        "`internal`",
        "`unknown-route`",
        "`method-not-allowed`",
        "`timeout`",
        "`overloaded`",
    ] {
        assert!(
            !reported.iter().any(|r| r.contains(quiet)),
            "{quiet}: {reported:#?}"
        );
    }
    // Several failures of a condition's status: the first is a guess.
    let alike = catalog.replace(
        "  - code: BROKEN\n",
        "  - code: TIMED_OUT\n    status: 400\n    title: Timed out\n    description: Too slow.\n  - code: BAD\n    status: 400\n    title: Bad\n    description: Bad.\n  - code: BROKEN\n",
    );
    let reported = reported_of(&alike);
    assert!(
        reported.contains(&"warning boundary-fallback `boundary` leaves `malformed-body` to `TIMED_OUT`, the first of 2 failures of status 400".to_owned()),
        "{reported:#?}"
    );
    // Without `boundary`, the catalog is not used at the boundary: nothing.
    let plain = catalog.replace("boundary:\n  unknown-route: NOT_FOUND\n", "");
    assert!(reported_of(&plain).is_empty(), "{:?}", reported_of(&plain));
}

fn reported_of(text: &str) -> Vec<String> {
    reported(text, &Lints::default())
}

#[test]
fn a_boundary_condition_left_to_a_code_with_required_fields_is_named() {
    let catalog = "\
name: ShopError
boundary:
  unknown-route: NOT_FOUND
codes:
  - code: NOT_FOUND
    status: 404
    title: Not found
    description: No such thing.
  - code: INVALID
    status: 400
    title: Invalid
    description: The request is wrong.
    fields:
      reason: string
      line: {type: string, optional: true}
  - code: BROKEN
    status: 500
    title: Broken
    description: It broke.
";
    let reported = reported_of(catalog);
    // `malformed-body` and `bad-parameter` fall to INVALID, the only 400.
    let fields: Vec<&String> = reported
        .iter()
        .filter(|r| r.starts_with("warning boundary-fields"))
        .collect();
    assert_eq!(
        fields,
        [
            "warning boundary-fields `INVALID` answers malformed-body at the boundary, which cannot always fill its field `reason`",
            "warning boundary-fields `INVALID` answers unfit-body at the boundary, which cannot always fill its field `reason`",
            "warning boundary-fields `INVALID` answers unsupported-media-type at the boundary, which cannot always fill its field `reason`",
            "warning boundary-fields `INVALID` answers body-too-large at the boundary, which cannot always fill its field `reason`",
            "warning boundary-fields `INVALID` answers bad-parameter at the boundary, which cannot always fill its field `reason`",
            "warning boundary-fields field `line` of `INVALID` is string, but the boundary sends it for malformed-body as integer",
            "warning boundary-fields field `line` of `INVALID` is string, but the boundary sends it for unfit-body as integer",
        ],
        "{reported:#?}"
    );
    // Allowed, or fields that fit: nothing.
    let allowed = catalog.replace(
        "name: ShopError\n",
        "name: ShopError\nallow: [boundary-fields]\n",
    );
    assert!(
        !reported_of(&allowed)
            .iter()
            .any(|r| r.contains("boundary-fields"))
    );
    let fitting = catalog
        .replace("reason: string", "reason: {type: string, optional: true}")
        .replace("line: {type: string", "line: {type: integer");
    assert!(
        !reported_of(&fitting)
            .iter()
            .any(|r| r.contains("boundary-fields"))
    );
}
