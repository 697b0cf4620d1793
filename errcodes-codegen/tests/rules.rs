//! Each catalog rule, seen through the public API: the mistake, the message
//! it gets, and where it points. The compile-fail tests in `tests/ui` show
//! the same reports as users see them; these cover the rest.

#![forbid(unsafe_code)]

use errcodes_codegen::{Location, NoteKind, Provenance, parse};

/// The diagnostics of `yaml` as `(line, column, message)`.
fn mistakes(yaml: &str) -> Vec<(usize, usize, String)> {
    parse("t.yaml", yaml)
        .unwrap_err()
        .diagnostics()
        .iter()
        .map(|d| {
            let Location { line, column } = d.location();
            (line, column, d.message().to_owned())
        })
        .collect()
}

fn one(yaml: &str) -> (usize, usize, String) {
    let mut all = mistakes(yaml);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

/// The notes of the first diagnostic, as `note: …` or `help: …`, with the
/// `line:column` they point at, if any.
fn help(yaml: &str) -> Vec<String> {
    parse("t.yaml", yaml).unwrap_err().diagnostics()[0]
        .notes()
        .iter()
        .map(|note| {
            let kind = match note.kind() {
                NoteKind::Note => "note",
                NoteKind::Help => "help",
            };
            match note.location() {
                Some((path, at)) => format!(
                    "{kind}: {} ({path}:{}:{})",
                    note.message(),
                    at.line,
                    at.column
                ),
                None => format!("{kind}: {}", note.message()),
            }
        })
        .collect()
}

const ENTRY: &str = "  - code: E1\n    status: 400\n    title: T\n";

fn catalog(top: &str, entries: &str) -> String {
    format!("name: ShopError\n{top}codes:\n{entries}")
}

#[test]
fn a_valid_catalog_parses() {
    let parsed = parse("t.yaml", &catalog("", ENTRY)).unwrap();
    assert_eq!(parsed.name.value, "ShopError");
    assert_eq!(parsed.codes[0].name.value, "E1");
    assert_eq!(parsed.codes[0].at, Location { line: 3, column: 5 });
}

#[test]
fn unknown_top_level_keys_suggest_the_right_one() {
    let yaml = format!("nmae: ShopError\ncodes:\n{ENTRY}");
    let all = mistakes(&yaml);
    assert_eq!(all[0], (1, 1, "unknown key `nmae` in the catalog".into()));
    assert_eq!(all[1], (1, 1, "the catalog has no `name`".into()));
    assert_eq!(help(&yaml), ["help: did you mean `name`?"]);
}

#[test]
fn unknown_keys_far_from_any_list_the_allowed_ones() {
    let yaml = catalog(
        "",
        "  - code: E1\n    status: 400\n    title: T\n    colour: red\n",
    );
    assert_eq!(
        one(&yaml),
        (6, 5, "unknown key `colour` in a code entry".into())
    );
    assert!(
        help(&yaml)[0].contains("`code`, `name`, `status`"),
        "{:?}",
        help(&yaml)
    );
}

#[test]
fn duplicate_keys() {
    let yaml = catalog(
        "",
        "  - code: E1\n    status: 400\n    status: 401\n    title: T\n",
    );
    assert_eq!(
        one(&yaml),
        (5, 5, "duplicate key `status` in a code entry".into())
    );
    assert_eq!(
        help(&yaml)[0],
        "note: `status` is first given here (t.yaml:4:5)"
    );
}

#[test]
fn required_keys_without_values() {
    assert_eq!(
        one(&catalog("", "  - code:\n    status: 400\n    title: T\n")),
        (3, 10, "`code` has no value in the code entry".into())
    );
    assert_eq!(
        one(&catalog("", "  - code: E1\n    status: 400\n")),
        (3, 5, "the entry for `E1` has no `title`".into())
    );
    assert_eq!(
        one("name: ShopError\n"),
        (1, 1, "the catalog has no `codes`".into())
    );
}

#[test]
fn values_of_the_wrong_type() {
    let (line, column, message) = one(&catalog(
        "",
        "  - code: E1\n    status: \"400\"\n    title: T\n",
    ));
    assert_eq!(
        (line, column, message.as_str()),
        (4, 13, "`status` must be a whole number, found a string")
    );
    assert_eq!(
        one(&catalog(
            "",
            "  - code: E1\n    status: 400.5\n    title: T\n"
        ))
        .2,
        "`status` must be a whole number, found a number"
    );
    assert_eq!(
        one(&catalog(
            "",
            "  - code: E1\n    status: 400\n    title: [T]\n"
        ))
        .2,
        "`title` must be a string, found a list"
    );
    assert_eq!(
        one(&catalog(
            "",
            "  - code: true\n    name: Yes\n    status: 400\n    title: T\n"
        ))
        .2,
        "code `true` is unquoted, so YAML reads it as a boolean"
    );
    assert_eq!(
        one("name: ShopError\ncodes: {}\n").2,
        "`codes` must be a list of entries, found a mapping"
    );
    assert_eq!(
        one(&catalog("", "  - just a string\n")).2,
        "a code entry must be a mapping of keys to values, found a string"
    );
    assert_eq!(
        one("- a\n- b\n").2,
        "the catalog must be a mapping of keys to values, found a list"
    );
}

#[test]
fn status_bounds() {
    for (status, ok) in [
        ("99", false),
        ("100", true),
        ("599", true),
        ("600", false),
        ("-400", false),
        ("99999999999999999999", false),
    ] {
        let yaml = catalog(
            "",
            &format!("  - code: E1\n    status: {status}\n    title: T\n"),
        );
        assert_eq!(parse("t.yaml", &yaml).is_ok(), ok, "{status}");
    }
}

#[test]
fn codes_must_be_clean_identifiers() {
    let entry = |code: &str| {
        catalog(
            "",
            &format!("  - code: {code}\n    name: N\n    status: 400\n    title: T\n"),
        )
    };
    assert_eq!(one(&entry("\"\"")).2, "the code is empty");
    assert_eq!(
        one(&entry("\" E1\"")).2,
        "code ` E1` has leading or trailing whitespace"
    );
    assert_eq!(
        one(&entry("\"E\\t1\"")).2,
        "code \"E\\t1\" contains a control character"
    );
    assert_eq!(
        one(&entry("yes")).2,
        "code `yes` is unquoted, and YAML 1.1 readers take it for a boolean"
    );
    assert_eq!(
        one(&entry("2024-01-01")).2,
        "code `2024-01-01` is unquoted, and YAML 1.1 readers take it for a date"
    );
    assert!(parse("t.yaml", &entry("\"yes\"")).is_ok());
    assert!(parse("t.yaml", &entry("E-1.x")).is_ok());
}

#[test]
fn names_of_the_enum_and_variants() {
    assert_eq!(
        one(&format!("name: shop_error\ncodes:\n{ENTRY}")).2,
        "`shop_error` is not in UpperCamelCase, so it cannot name the enum"
    );
    assert_eq!(
        one(&format!("name: Shop Error\ncodes:\n{ENTRY}")).2,
        "`Shop Error` is not a valid Rust identifier, so it cannot name the enum"
    );
    // The name it was surely meant to be, when there is one.
    assert_eq!(
        help(&format!("name: shop-errors\ncodes:\n{ENTRY}")),
        ["help: use ASCII letters and digits, starting with an uppercase letter: `ShopErrors`"]
    );
    assert_eq!(
        help(&format!("name: \"404\"\ncodes:\n{ENTRY}")),
        [
            "help: use ASCII letters and digits, starting with an uppercase letter, as in `FormattingError`"
        ]
    );
    let yaml = catalog(
        "",
        "  - code: E1\n    name: bad_name\n    status: 400\n    title: T\n",
    );
    assert_eq!(
        one(&yaml),
        (
            4,
            11,
            "invalid variant name: `bad_name` is not in UpperCamelCase".into()
        )
    );
    assert_eq!(
        help(&yaml),
        ["help: write it `BadName`: type and variant names are UpperCamelCase"]
    );
    // Rust takes `Échec98` as an identifier, but the lints on non-ASCII
    // identifiers would warn in the generated code.
    let accented = catalog("", "  - code: Échec98\n    status: 400\n    title: T\n");
    assert_eq!(
        one(&accented),
        (
            3,
            11,
            "the variant name derived from code `Échec98` does not work: `Échec98` is not ASCII"
                .into()
        )
    );
    // The help suggests a name made from the title, when that makes one.
    for (title, suggested) in [
        ("Invalid 'To' Phone Number", "InvalidToPhoneNumber"),
        ("too many requests", "TooManyRequests"),
        ("Café fermé", "FormattingError"),
        ("404", "FormattingError"),
    ] {
        let numeric = catalog(
            "",
            &format!("  - code: \"21211\"\n    status: 400\n    title: \"{title}\"\n"),
        );
        assert_eq!(
            help(&numeric),
            [format!(
                "help: add `name:` to the entry with an UpperCamelCase variant name, such as `name: {suggested}`"
            )],
            "{title}"
        );
    }
    let collision = catalog(
        "",
        "  - code: A\n    name: Same\n    status: 400\n    title: T\n  - code: B\n    name: Same\n    status: 400\n    title: T\n",
    );
    assert_eq!(
        one(&collision),
        (
            8,
            11,
            "variant name `Same` of code `B` collides with code `A`".into()
        )
    );
}

#[test]
fn titles_are_one_line_of_text() {
    assert_eq!(
        one(&catalog(
            "",
            "  - code: E1\n    status: 400\n    title: \" \"\n"
        ))
        .2,
        "the title is empty"
    );
    assert_eq!(
        one(&catalog(
            "",
            "  - code: E1\n    status: 400\n    title: \"a\\nb\"\n"
        ))
        .2,
        "the title spans several lines"
    );
}

#[test]
fn vocabularies_and_defaults() {
    assert_eq!(
        one(&catalog("defaults:\n  action: retri\n", ENTRY)),
        (3, 11, "unknown action `retri`".into())
    );
    assert_eq!(
        one(&catalog("defaults:\n  color: red\n", ENTRY)).2,
        "unknown key `color` in `defaults`"
    );
    assert_eq!(
        one(&catalog(
            "",
            "  - code: E1\n    status: 400\n    title: T\n    outcome: win\n"
        ))
        .2,
        "unknown outcome `win`"
    );
    assert_eq!(
        one(&catalog(
            "",
            "  - code: E1\n    status: 400\n    title: T\n    origin: inside\n"
        ))
        .2,
        "unknown origin `inside`"
    );

    let defaults = catalog(
        "defaults:\n  action: degradation\n  origin: internal\n",
        "  - code: E1\n    status: 503\n    title: T\n  - code: E2\n    status: 503\n    title: T\n    action: retry\n",
    );
    let parsed = parse("t.yaml", &defaults).unwrap();
    assert_eq!(parsed.codes[0].action.value.as_str(), "degradation");
    assert_eq!(parsed.codes[1].action.value.as_str(), "retry");
    let origin = parsed.codes[1].origin.as_ref().unwrap();
    assert_eq!(origin.value.as_str(), "internal");
    // Given by `defaults`, which says where.
    assert_eq!(
        origin.from,
        Provenance::Defaults(Location {
            line: 4,
            column: 11
        })
    );
    let by_status = parse(
        "t.yaml",
        &catalog("", "  - code: E1\n    status: 503\n    title: T\n"),
    )
    .unwrap();
    assert_eq!(by_status.codes[0].action.value.as_str(), "retry-after");
}

#[test]
fn domains() {
    let twice = catalog("domains:\n  a: A\n  a: B\n", ENTRY);
    assert_eq!(one(&twice), (4, 3, "domain `a` is declared twice".into()));
    assert_eq!(
        one(&catalog("domains:\n  a: {description: x}\n", ENTRY)),
        (3, 3, "domain `a` has no `title`".into())
    );
    assert_eq!(
        one(&catalog("domains: [a]\n", ENTRY)).2,
        "`domains` must be a mapping from id to domain, found a list"
    );
    let none_declared = catalog(
        "",
        "  - code: E1\n    status: 400\n    title: T\n    domain: x\n",
    );
    assert_eq!(one(&none_declared).2, "unknown domain `x`");
    assert_eq!(
        help(&none_declared),
        ["help: the catalog declares no domains; declare it under `domains:`"]
    );
}

#[test]
fn code_formats() {
    assert_eq!(one(&catalog("code-format: camelCase\n", ENTRY)).0, 2);
    assert!(
        one(&catalog("code-format: camelCase\n", ENTRY))
            .2
            .starts_with("invalid code-format: `camelCase` is neither")
    );
    let list = catalog(
        "code-format: [SSS, snake_case]\n",
        "  - code: \"404\"\n    name: NotFound\n    status: 404\n    title: T\n  - code: bad_input\n    status: 400\n    title: T\n",
    );
    assert!(parse("t.yaml", &list).is_ok());
    assert_eq!(
        one(&catalog(
            "code-format: SSS\n",
            "  - code: \"404\"\n    name: N\n    status: 400\n    title: T\n"
        ))
        .2,
        "code `404` embeds status 404, but its `status` is 400"
    );
}

#[test]
fn all_mistakes_are_reported_in_file_order() {
    let yaml = catalog(
        "",
        "  - code: A\n    status: 9\n    title: T\n  - code: A\n    status: 400\n    title: T\n    action: jump\n",
    );
    let lines: Vec<usize> = mistakes(&yaml).iter().map(|m| m.0).collect();
    assert_eq!(lines, [4, 6, 9]);
}

#[test]
fn reports_show_path_line_and_snippet() {
    let failure = parse(
        "specs/shop.yaml",
        &catalog("", "  - code: E1\n    status: 999\n    title: T\n"),
    )
    .unwrap_err();
    assert_eq!(
        failure.diagnostics()[0].report(),
        "status 999 is not an HTTP status\n --> specs/shop.yaml:4:13\n  |\n4 |     status: 999\n  |             ^^^\n  = help: use a status in 100..=599, such as 400 or 503"
    );
}

#[test]
fn recovered_catalogs_keep_what_is_valid() {
    let yaml = catalog(
        "",
        "  - code: A\n    status: 9\n    title: T\n  - code: A\n    status: 400\n    title: T\n  - code: B\n    status: 400\n    title: T\n",
    );
    let failure = parse("t.yaml", &yaml).unwrap_err();
    let recovered = failure.recovered().unwrap();
    let names: Vec<&str> = recovered
        .codes
        .iter()
        .map(|c| c.name.value.as_str())
        .collect();
    assert_eq!(names, ["A", "B"]);
    assert!(
        parse("t.yaml", "name: bad name\ncodes: []\n")
            .unwrap_err()
            .recovered()
            .is_none()
    );
}

#[test]
fn wire_formats_and_problem_types() {
    let parsed = parse(
        "t.yaml",
        &catalog(
            "wire-format: acp\nproblem-type: \"https://e.com/{code}\"\n",
            "  - code: E1\n    status: 400\n    title: T\n  - code: E2\n    status: 400\n    title: T\n    wire-format: pass-xml\n",
        ),
    )
    .unwrap();
    assert_eq!(
        parsed.problem_type.map(|t| t.value).as_deref(),
        Some("https://e.com/{code}")
    );
    assert_eq!(parsed.codes[0].wire_format.value.as_str(), "acp");
    assert_eq!(parsed.codes[1].wire_format.value.as_str(), "pass-xml");
    assert_eq!(
        parse("t.yaml", &catalog("", ENTRY)).unwrap().codes[0]
            .wire_format
            .value
            .as_str(),
        "problem"
    );

    assert_eq!(
        one(&catalog("wire-format: soap\n", ENTRY)),
        (2, 14, "unknown wire-format `soap`".into())
    );
    let twice = one(&catalog(
        "problem-type: \"https://e.com/{code}/{code}\"\n",
        ENTRY,
    ));
    assert_eq!(
        twice.2,
        "`problem-type` must contain `{code}` at most once, where the code goes"
    );
    let spaced = one(&catalog(
        "problem-type: \"https://e.com/a b/{code}\"\n",
        ENTRY,
    ));
    assert_eq!(
        spaced.2,
        "`problem-type` must be a URI reference: no spaces, quotes or angle brackets"
    );
}

#[test]
fn duplicate_codes_are_reported_whatever_their_names() {
    // Names derived from these codes do not work; uniqueness does not wait.
    let yaml = catalog(
        "",
        "  - code: \"2202E\"\n    status: 400\n    title: T\n  - code: \"2202E\"\n    status: 400\n    title: T\n",
    );
    let all = mistakes(&yaml);
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[2], (6, 11, "duplicate code `2202E`".into()));
    let failure = parse("t.yaml", &yaml).unwrap_err();
    let note = &failure.diagnostics()[2].notes()[0];
    assert_eq!(
        note.message(),
        "`2202E` is already the code of an earlier entry"
    );
    assert_eq!(
        note.location(),
        Some((
            "t.yaml",
            Location {
                line: 3,
                column: 11
            }
        ))
    );
}

#[test]
fn notes_name_other_places_as_path_line_column() {
    let notes = |yaml: &str| help(yaml).remove(0);
    let duplicate = catalog(
        "",
        "  - code: A\n    status: 400\n    title: T\n  - code: A\n    name: B\n    status: 400\n    title: T\n",
    );
    assert_eq!(
        notes(&duplicate),
        "note: `A` is already the code of `A` (t.yaml:3:11)"
    );
    let collision = catalog(
        "",
        "  - code: a-b\n    status: 400\n    title: T\n  - code: a_b\n    status: 400\n    title: T\n",
    );
    assert_eq!(
        notes(&collision),
        "note: code `a-b` is also named `AB` (t.yaml:3:11)"
    );
    let twice = catalog("domains:\n  a: A\n  a: B\n", ENTRY);
    assert_eq!(
        notes(&twice),
        "note: it is first declared here (t.yaml:3:3)"
    );
    let embedded = catalog(
        "code-format: SSS\n",
        "  - code: \"404\"\n    name: N\n    status: 400\n    title: T\n",
    );
    assert_eq!(notes(&embedded), "note: the code is here (t.yaml:4:11)");
    // The report shows the other place's line too, marked as secondary.
    let failure = parse("t.yaml", &duplicate).unwrap_err();
    let report = failure.diagnostics()[0].report();
    assert!(report.contains("note: `A` is already the code of `A`\n --> t.yaml:3:11\n  |\n3 |   - code: A\n  |           -"), "{report}");
}

#[test]
fn an_empty_code_is_one_error() {
    // Without `name:`, the variant name would come from the code; the empty
    // code is the one mistake.
    assert_eq!(
        one(&catalog(
            "",
            "  - code: \"\"\n    status: 400\n    title: T\n"
        )),
        (3, 11, "the code is empty".into())
    );
    assert_eq!(
        one(&catalog(
            "",
            "  - code: yes\n    status: 400\n    title: T\n"
        ))
        .2,
        "code `yes` is unquoted, and YAML 1.1 readers take it for a boolean"
    );
}

#[test]
fn domain_ids_are_quoted_like_codes() {
    let entry = |domain: &str| {
        format!("  - code: E1\n    status: 400\n    title: T\n    domain: {domain}\n")
    };
    assert_eq!(
        one(&catalog("domains:\n  00: Zero\n", &entry("\"00\""))),
        (
            3,
            3,
            "domain id `00` is unquoted, and YAML 1.1 readers take it for a number".into()
        )
    );
    assert_eq!(
        one(&catalog("domains:\n  22: Data\n", &entry("\"22\""))),
        (
            3,
            3,
            "domain id `22` is unquoted, so YAML reads it as a number".into()
        )
    );
    assert_eq!(
        help(&catalog("domains:\n  22: Data\n", &entry("\"22\""))),
        ["help: quote it, as in `\"22\": …`, to keep the domain id exactly as written"]
    );
    assert_eq!(
        one(&catalog("domains:\n  \"010\": Data\n", &entry("010"))),
        (
            8,
            13,
            "domain `010` is unquoted, and YAML 1.1 readers take it for a number".into()
        )
    );
    // `0A` is a string to every reader: no need to quote it.
    assert!(parse("t.yaml", &catalog("domains:\n  0A: Data\n", &entry("0A"))).is_ok());
    assert_eq!(
        one(&catalog("domains:\n  \"22\": Data\n", &entry("22"))).2,
        "domain `22` is unquoted, so YAML reads it as a number"
    );
    let parsed = parse(
        "t.yaml",
        &catalog("domains:\n  \"00\": Zero\n", &entry("\"00\"")),
    )
    .unwrap();
    assert_eq!(parsed.domains[0].id.value, "00");
    assert_eq!(parsed.codes[0].domain.as_ref().map(|d| d.value), Some(0));
}

#[test]
fn where_problems_carry_the_code() {
    use errcodes_core::ProblemCode;
    let place = |top: &str| {
        parse("t.yaml", &catalog(top, ENTRY))
            .unwrap()
            .problem_code
            .value
    };
    // The type URI when it has room for the code, else a member.
    assert_eq!(
        place("problem-type: \"https://e.com/{code}\"\n"),
        ProblemCode::Type
    );
    assert_eq!(place(""), ProblemCode::Member);
    assert_eq!(place("problem-type: /fixed\n"), ProblemCode::Member);
    assert_eq!(
        place("problem-type: /fixed\nproblem-code: title\n"),
        ProblemCode::Title
    );
    assert_eq!(
        place("problem-type: \"https://e.com/{code}\"\nproblem-code: member\n"),
        ProblemCode::Member
    );

    assert_eq!(
        one(&catalog(
            "problem-type: /fixed\nproblem-code: type\n",
            ENTRY
        )),
        (
            3,
            15,
            "`problem-code: type` needs `{code}` in `problem-type`".into()
        )
    );
    assert_eq!(
        one(&catalog("problem-code: title\n", ENTRY)),
        (2, 15, "`problem-code: title` needs a `problem-type`".into())
    );
    assert_eq!(
        help(&catalog("problem-code: title\n", ENTRY)),
        [
            "help: without one, problems are `about:blank`, whose title is the status phrase; set `problem-type`, or use `problem-code: member`"
        ]
    );
    assert_eq!(
        one(&catalog("problem-code: body\n", ENTRY)),
        (2, 15, "unknown problem-code `body`".into())
    );
    assert_eq!(
        one(&catalog("problem-type: \"\"\n", ENTRY)).2,
        "`problem-type` is empty"
    );
}

#[test]
fn tools_warn_about_what_is_legal_but_likely_wrong() {
    use errcodes_codegen::Level;
    let warnings = |yaml: &str| -> Vec<(usize, usize, String)> {
        let report = errcodes_codegen::check("t.yaml", yaml);
        assert!(report.is_ok(), "{:?}", report.diagnostics());
        report
            .diagnostics()
            .iter()
            .map(|d| {
                assert_eq!(d.level(), Level::Warning);
                (
                    d.location().line,
                    d.location().column,
                    d.message().to_owned(),
                )
            })
            .collect()
    };
    // A default name that keeps the code's digits, and no description.
    assert_eq!(
        warnings(&catalog(
            "",
            "  - code: HV000\n    status: 500\n    title: T\n"
        )),
        [
            (
                3,
                11,
                "variant `Hv000` is named after code `HV000`, digits and all".into()
            ),
            (3, 11, "code `HV000` has no description".into()),
        ]
    );
    // A failure with a status that says all went well.
    assert_eq!(
        warnings(&catalog(
            "",
            "  - code: OK\n    status: 200\n    title: T\n    description: d\n    outcome: failure\n"
        )),
        [(
            4,
            13,
            "code `OK` is a failure, but its status 200 says the request succeeded".into()
        )]
    );
    // Named codes, described, with fitting statuses: nothing to say.
    assert!(warnings(&catalog(
        "",
        "  - code: HV000\n    name: FdwError\n    status: 500\n    title: T\n    description: d\n"
    ))
    .is_empty());
    // The macro's reading gives errors only.
    assert!(
        parse(
            "t.yaml",
            &catalog("", "  - code: HV000\n    status: 500\n    title: T\n")
        )
        .is_ok()
    );
}

#[test]
fn grpc_facts_come_from_the_entry_the_catalog_or_code_proto() {
    let yaml = catalog(
        "grpc-domain: shop.example.com\ngrpc-codes:\n  400: INVALID_ARGUMENT\n",
        "  - code: bad_input\n    status: 400\n    title: T\n  - code: \"42\"\n    name: TooMany\n    status: 429\n    title: T\n    grpc-reason: SLOW_DOWN\n  - code: gone\n    status: 404\n    title: T\n    grpc-code: FAILED_PRECONDITION\n  - code: Hv000\n    status: 200\n    title: T\n",
    );
    let parsed = parse("t.yaml", &yaml).unwrap();
    let facts: Vec<(&str, Option<usize>, &str, Option<usize>)> = parsed
        .codes
        .iter()
        .map(|code| {
            let grpc = code.grpc.as_ref().unwrap();
            (
                grpc.reason.value.as_str(),
                grpc.reason.at().map(|at| at.line),
                grpc.grpc_code.value.as_str(),
                grpc.grpc_code.at().map(|at| at.line),
            )
        })
        .collect();
    assert_eq!(
        facts,
        [
            // From the code, and from `grpc-codes` (line 4).
            ("BAD_INPUT", None, "INVALID_ARGUMENT", Some(4)),
            // Written, and implied by 429.
            ("SLOW_DOWN", Some(13), "RESOURCE_EXHAUSTED", None),
            ("GONE", None, "FAILED_PRECONDITION", Some(17)),
            ("HV000", None, "OK", None),
        ]
    );
    assert_eq!(
        parsed.codes[0].grpc.as_ref().unwrap().grpc_code.from,
        Provenance::Defaults(Location { line: 4, column: 8 })
    );
    assert_eq!(
        parsed.grpc_domain.as_ref().map(|d| d.value.as_str()),
        Some("shop.example.com")
    );
    // Without a domain, no code has gRPC facts.
    let plain = parse("t.yaml", &catalog("", ENTRY)).unwrap();
    assert!(plain.grpc_domain.is_none() && plain.codes[0].grpc.is_none());
}

#[test]
fn grpc_rules_report_each_mistake_once() {
    let domain = "grpc-domain: shop.example.com\n";
    let cases: &[(String, (usize, usize, &str))] = &[
        (
            catalog(
                "grpc-domain: -shop.com\n",
                "  - code: e404\n    status: 404\n    title: T\n",
            ),
            (
                2,
                14,
                "`grpc-domain` `-shop.com` is not a DNS name in lowercase",
            ),
        ),
        (
            catalog(
                domain,
                "  - code: e101\n    status: 404\n    title: T\n    grpc-reason: EE_\n",
            ),
            (
                7,
                18,
                "invalid `grpc-reason` `EE_`: a reason ends with an uppercase letter or a digit",
            ),
        ),
        (
            catalog(
                domain,
                "  - code: e101\n    status: 404\n    title: T\n    grpc-reason: \"E 1\"\n",
            ),
            (
                7,
                18,
                "invalid `grpc-reason` `E 1`: a reason has only uppercase letters, digits and `_`",
            ),
        ),
        (
            catalog(domain, "  - code: e101\n    status: 409\n    title: T\n"),
            (
                5,
                13,
                "status 409 stands for `ALREADY_EXISTS` or `ABORTED` in gRPC, so code `e101` must say which",
            ),
        ),
        (
            catalog(
                domain,
                "  - code: e101\n    status: 404\n    title: T\n    grpc-code: Unavailable\n",
            ),
            (7, 16, "unknown grpc-code `Unavailable`"),
        ),
    ];
    for (yaml, (line, column, message)) in cases {
        assert_eq!(one(yaml), (*line, *column, (*message).to_owned()), "{yaml}");
    }
    // A refused status is reported once, not again for its gRPC code.
    let refused = catalog(domain, "  - code: e101\n    status: 999\n    title: T\n");
    assert_eq!(one(&refused).2, "status 999 is not an HTTP status");
}

#[test]
fn an_unmapped_status_is_reported_once_naming_a_few_of_its_codes() {
    let entries = "  - code: CONFLICT_#\n    status: 409\n    title: T\n";
    let entries: String = (0..12)
        .map(|i| entries.replace('#', &i.to_string()))
        .collect();
    let yaml = catalog("grpc-domain: shop.example.com\n", &entries);
    assert_eq!(mistakes(&yaml).len(), 1);
    let notes = help(&yaml);
    assert_eq!(
        notes[0],
        "note: 11 more codes with status 409: `CONFLICT_1`, `CONFLICT_2`, `CONFLICT_3`, `CONFLICT_4`, `CONFLICT_5`, `CONFLICT_6`, `CONFLICT_7`, `CONFLICT_8` and 3 more"
    );
}

#[test]
fn boundary_names_a_failure_of_the_catalog_for_each_condition() {
    let entries = "  - code: NOT_FOUND\n    status: 404\n    title: T\n  - code: DONE\n    status: 200\n    title: T\n";
    let parsed = parse(
        "t.yaml",
        &catalog("boundary:\n  unknown-route: NOT_FOUND\n", entries),
    )
    .unwrap();
    let boundary = parsed.boundary.unwrap();
    assert_eq!(
        boundary.value,
        [(errcodes_core::Condition::UnknownRoute, 0)]
    );
    assert_eq!(boundary.at(), Some(Location { line: 3, column: 3 }));
    // Every mistake at once, each where it is written.
    let yaml = catalog(
        "boundary:\n  unknown-rout: NOT_FOUND\n  timeout: NOT_FUOND\n  internal: DONE\n",
        entries,
    );
    assert_eq!(
        mistakes(&yaml),
        [
            (3, 3, "unknown condition `unknown-rout`".to_owned()),
            (4, 12, "no code `NOT_FUOND` in the catalog".to_owned()),
            (
                5,
                13,
                "`DONE` is no failure (its outcome is `success`), so it cannot answer a request the service refused".to_owned()
            ),
        ]
    );
    assert_eq!(help(&yaml), ["help: did you mean `unknown-route`?"]);
    assert_eq!(
        one(&catalog("boundary: [NOT_FOUND]\n", entries)).2,
        "`boundary` must map conditions to codes, found a list"
    );
}

#[test]
fn a_code_named_at_the_boundary_declares_only_fields_the_boundary_can_send() {
    let entries = "  - code: MALFORMED
    status: 400
    title: T
    fields:
      line: {type: integer, optional: true}
      column: string
  - code: GONE
    status: 404
    title: T
    fields:
      id: string
      pointer: string
";
    let boundary = "boundary:\n  malformed-body: MALFORMED\n  unknown-route: GONE\n";
    assert_eq!(
        mistakes(&catalog(boundary, entries)),
        [
            (
                11,
                7,
                "`MALFORMED` answers malformed-body at the boundary, which cannot always fill its field `column`".to_owned()
            ),
            (
                11,
                15,
                "field `column` of `MALFORMED` is string, but the boundary sends it for malformed-body as integer".to_owned()
            ),
            (
                16,
                7,
                "`GONE` answers unknown-route at the boundary, which cannot always fill its field `id`".to_owned()
            ),
            (
                17,
                7,
                "`GONE` answers unknown-route at the boundary, which cannot always fill its field `pointer`".to_owned()
            ),
        ]
    );
    assert_eq!(
        help(&catalog(boundary, entries)),
        [
            "help: make the field optional (`optional: true`); the facts it may know of malformed-body are `line`, `column`"
        ]
    );
    // Optional fields of the facts' types, and fields of codes the
    // boundary does not use, are fine.
    let fitting = entries
        .replace("column: string", "column: {type: integer, optional: true}")
        .replace("unknown-route: GONE\n", "");
    let fitting = catalog("boundary:\n  malformed-body: MALFORMED\n", &fitting);
    assert!(parse("t.yaml", &fitting).is_ok());
}

#[test]
fn a_type_named_as_elsewhere_gets_ours_suggested() {
    for (written, help_text) in [
        ("int", "help: did you mean `integer`?"),
        ("Float", "help: did you mean `number`?"),
        ("datetime", "help: did you mean `timestamp`?"),
        ("object", "help: did you mean `any`?"),
        ("list of int", "help: did you mean `list of integer`?"),
        ("list of strng", "help: did you mean `list of string`?"),
        ("list of list", "help: did you mean `list of any`?"),
        ("money", "help: the types are `string`, `integer`"),
    ] {
        let yaml = catalog(
            "",
            &format!(
                "  - code: E1\n    status: 400\n    title: T\n    fields:\n      count: {{type: \"{written}\"}}\n"
            ),
        );
        let said = help(&yaml);
        assert!(said[0].starts_with(help_text), "{written}: {said:?}");
    }
}

#[test]
fn a_word_said_as_elsewhere_gets_ours_suggested() {
    for (key, written, help_text) in [
        (
            "action",
            "reauthenticate",
            "help: did you mean `authentication`?",
        ),
        ("action", "Retry_After", "help: did you mean `retry-after`?"),
        ("severity", "error", "help: did you mean `fatal`?"),
        ("outcome", "error", "help: did you mean `failure`?"),
        ("wire-format", "rfc7807", "help: did you mean `problem`?"),
        ("grpc-code", "not_found", "help: did you mean `NOT_FOUND`?"),
        ("grpc-code", "5", "help: did you mean `NOT_FOUND`?"),
        (
            "action",
            "escalate",
            "help: use one of `none`, `configuration`",
        ),
    ] {
        let yaml = catalog(
            "grpc-domain: shop.example.com\ngrpc-codes: {400: INVALID_ARGUMENT}\n",
            &format!(
                "  - code: OUT_OF_STOCK\n    status: 400\n    title: T\n    {key}: \"{written}\"\n"
            ),
        );
        let said = help(&yaml);
        assert!(said[0].starts_with(help_text), "{key}: {written}: {said:?}");
    }
}

#[test]
fn keys_and_values_written_as_elsewhere_get_ours_suggested() {
    let entry = |line: &str| {
        catalog(
            "",
            &format!("  - code: OUT_OF_STOCK\n    status: 409\n    title: T\n{line}"),
        )
    };
    for (yaml, help_text) in [
        (
            entry("    http_status: 409\n"),
            "help: did you mean `status`?",
        ),
        (
            entry("    retryAfter: 30\n"),
            "help: did you mean `action`? write `action: retry-after`",
        ),
        (
            "name: ShopError\nerrors:\n  - code: E1\n".to_owned(),
            "help: did you mean `codes`?",
        ),
        (
            catalog(
                "",
                "  - code: OUT_OF_STOCK\n    status: \"409\"\n    title: T\n",
            ),
            "help: write it without quotes: `status: 409`",
        ),
        (
            entry("    fields:\n      sku: {type: string, optional: \"true\"}\n"),
            "help: write `optional: true`, without quotes",
        ),
    ] {
        let said: Vec<String> = parse("t.yaml", &yaml)
            .unwrap_err()
            .diagnostics()
            .iter()
            .flat_map(errcodes_codegen::Diagnostic::notes)
            .map(|note| format!("help: {}", note.message()))
            .collect();
        assert!(
            said.iter().any(|line| line.starts_with(help_text)),
            "{yaml}: {said:?}"
        );
    }
}
