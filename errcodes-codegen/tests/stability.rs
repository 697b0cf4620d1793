//! Retiring codes and keeping promises: the `deprecated` and `replaced-by`
//! keys, and the lock. `tests/ui` shows the lock's errors as users see
//! them; these check every rule through the public API.

#![forbid(unsafe_code)]

use errcodes_codegen::lock::Lock;
use errcodes_codegen::{CheckedCatalog, Diagnostic, Files, Input, Level, Location, parse};

const CATALOG: &str = "\
name: ShopError
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
    action: none
  - code: RATE_LIMITED
    status: 429
    title: Rate limited
";

fn locked(catalog: &str, lock: &str) -> Result<CheckedCatalog, Vec<Diagnostic>> {
    Files::new(Input::new("shop.yaml", catalog))
        .with_lock(Input::new("shop.lock", lock))
        .parse()
        .map_err(|failure| failure.diagnostics().to_vec())
}

/// The lock that `errcodes lock` writes for `catalog`, with no lock before.
fn lock_of(catalog: &str) -> String {
    let parsed = parse("shop.yaml", catalog).unwrap();
    Lock::default().updated(&parsed).render()
}

/// Each diagnostic as `path:line:column message`.
fn located(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let Location { line, column } = d.location();
            format!("{}:{line}:{column} {}", d.path(), d.message())
        })
        .collect()
}

#[test]
fn deprecated_codes_keep_their_place_and_say_why() {
    let yaml = format!(
        "{CATALOG}  - code: SOLD_OUT\n    status: 409\n    title: Sold out\n    deprecated: Same as OUT_OF_STOCK.\n    replaced-by: OUT_OF_STOCK\n  - code: NO_STOCK\n    status: 409\n    title: No stock\n    replaced-by: OUT_OF_STOCK\n"
    );
    let catalog = parse("shop.yaml", &yaml).unwrap();
    let sold_out = &catalog.codes[2];
    assert_eq!(sold_out.deprecation(), Some("Same as OUT_OF_STOCK."));
    assert_eq!(sold_out.replaced_by.as_ref().map(|r| r.value), Some(0));
    // `replaced-by` alone deprecates, naming the replacement.
    let no_stock = &catalog.codes[3];
    assert_eq!(no_stock.deprecation(), Some("Replaced by `OUT_OF_STOCK`."));
    assert_eq!(catalog.codes[0].deprecated, None);
}

#[test]
fn deprecation_mistakes() {
    let cases = [
        (
            "    replaced-by: SOLDOUT\n",
            "replacement code `SOLDOUT` is not in the catalog",
            "did you mean `SOLD_OUT`?",
        ),
        (
            "    replaced-by: X1\n",
            "code `X1` is replaced by itself",
            "name the code that clients should use instead, or remove `replaced-by`",
        ),
        (
            "    deprecated: true\n",
            "`deprecated` takes the reason the code is deprecated, found a boolean",
            "say why, and what to use instead: `deprecated: Merged into quota_exceeded.`",
        ),
        (
            "    deprecated:\n",
            "`deprecated` takes the reason the code is deprecated, found nothing (null)",
            "say why, and what to use instead: `deprecated: Merged into quota_exceeded.`",
        ),
        (
            "    deprecated: \"  \"\n",
            "`deprecated` is empty",
            "say why the code is deprecated and what to use instead",
        ),
        (
            "    replaced-by: 404\n",
            "replacement code `404` is unquoted, so YAML reads it as a number",
            "quote it, as in `replaced-by: \"404\"`, to keep the replacement code exactly as written",
        ),
    ];
    for (line, message, help) in cases {
        let yaml = format!(
            "{CATALOG}  - code: SOLD_OUT\n    status: 409\n    title: Sold out\n  - code: X1\n    status: 400\n    title: X\n{line}"
        );
        let failure = parse("shop.yaml", &yaml).unwrap_err();
        let diagnostics = failure.diagnostics();
        assert_eq!(diagnostics.len(), 1, "{line}: {diagnostics:?}");
        assert_eq!(diagnostics[0].message(), message);
        assert_eq!(diagnostics[0].location().line, 16, "{line}");
        assert_eq!(diagnostics[0].notes()[0].message(), help);
    }
}

#[test]
fn a_replacement_refused_for_its_own_mistake_is_not_reported_again() {
    let yaml = format!(
        "{CATALOG}  - code: OUT_OF_STOCK\n    status: 409\n    title: Twice\n  - code: SOLD_OUT\n    status: 409\n    title: Sold out\n    replaced-by: \"  \"\n"
    );
    let all: Vec<String> = parse("shop.yaml", &yaml)
        .unwrap_err()
        .diagnostics()
        .iter()
        .map(|d| d.message().to_owned())
        .collect();
    // The blank replacement is no code of the catalog; the duplicate is
    // reported once, and naming it as a replacement would not be.
    assert_eq!(
        all,
        [
            "duplicate code `OUT_OF_STOCK`",
            "replacement code `  ` is not in the catalog"
        ]
    );
}

#[test]
fn the_lock_has_one_line_per_code() {
    let lock = lock_of(CATALOG);
    let body: Vec<&str> = lock.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        body,
        [
            "errcodes-lock: 2",
            "catalog: {name: ShopError, wire-format: problem, problem-code: member}",
            "codes:",
            "  \"OUT_OF_STOCK\": {name: OutOfStock, status: 409, action: none}",
            "  \"RATE_LIMITED\": {name: RateLimited, status: 429, action: retry-after}",
        ]
    );
    assert!(
        lock.starts_with("# What clients of `ShopError` depend on"),
        "{lock}"
    );
    // The lock it wrote is one the catalog keeps.
    assert!(locked(CATALOG, &lock).is_ok());
}

#[test]
fn codes_with_quotes_and_backslashes_survive_the_lock() {
    let yaml = "name: OddError\ncodes:\n  - code: 'say \"hi\" \\ bye'\n    name: Odd\n    status: 400\n    title: Odd\n";
    let lock = lock_of(yaml);
    assert!(
        lock.contains(r#""say \"hi\" \\ bye": {name: Odd"#),
        "{lock}"
    );
    assert!(locked(yaml, &lock).is_ok());
}

#[test]
fn codes_with_unicode_line_separators_survive_the_lock() {
    for (code, name) in [
        ("A\u{2028}B", "Ls"),
        ("A\u{2029}B", "Ps"),
        ("\u{feff}C", "Bom"),
        ("é ü 语", "Wide"),
    ] {
        let escaped = code
            .replace('\u{2028}', "\\L")
            .replace('\u{2029}', "\\P")
            .replace('\u{feff}', "\\uFEFF");
        let yaml = format!(
            "name: OddError\ncodes:\n  - code: \"{escaped}\"\n    name: {name}\n    status: 400\n    title: Odd\n"
        );
        let catalog = parse("odd.yaml", &yaml).unwrap();
        assert_eq!(catalog.codes[0].code.value, code);
        let lock = lock_of(&yaml);
        assert!(locked(&yaml, &lock).is_ok(), "{code:?}: {lock}");
    }
}

#[test]
fn adding_codes_is_never_an_error() {
    let lock = lock_of(CATALOG);
    let more = format!("{CATALOG}  - code: NEW\n    status: 400\n    title: New\n");
    let catalog = locked(&more, &lock).unwrap();
    assert_eq!(catalog.codes.len(), 3);
}

#[test]
fn a_catalog_allows_a_break_by_its_class() {
    let lock = lock_of(CATALOG);
    let moved = CATALOG.replacen("status: 409", "status: 410", 1);
    assert!(locked(&moved, &lock).is_err());
    // In the entry: that code's change of that class, and no other.
    let allowed = moved.replacen(
        "status: 410\n",
        "status: 410\n    allow: [status-changed]\n",
        1,
    );
    assert!(locked(&allowed, &lock).is_ok(), "{allowed}");
    let also_action = allowed.replacen("action: none", "action: retry", 1);
    let diagnostics = locked(&also_action, &lock).unwrap_err();
    let errors: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.level() == Level::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{diagnostics:?}");
    assert!(errors[0].message().contains("changed its action"));
    // The allowed one is said, as a warning.
    assert!(
        diagnostics
            .iter()
            .any(|d| d.level() == Level::Warning && d.breaking_class() == Some("status-changed"))
    );
    // At the top: for every code.
    let everywhere = moved.replacen("codes:\n", "allow: [status-changed]\ncodes:\n", 1);
    assert!(locked(&everywhere, &lock).is_ok());
    // The help names both ways.
    let diagnostics = locked(&moved, &lock).unwrap_err();
    let help = diagnostics[0].notes().last().unwrap().message();
    assert!(
        help.contains("add `allow: [status-changed]` to the entry"),
        "{help}"
    );
    assert!(help.contains("--allow-breaking=status-changed"), "{help}");
}

#[test]
fn each_broken_promise_is_an_error_where_it_was_broken() {
    let lock = lock_of(CATALOG);
    let changed = "\
name: ShopError
codes:
  - code: OUT_OF_STOCK
    name: NoStock
    status: 410
    title: Out of stock
    action: retry
";
    let diagnostics = locked(changed, &lock).unwrap_err();
    assert_eq!(
        located(&diagnostics),
        [
            "shop.yaml:4:11 locked code `OUT_OF_STOCK` changed its variant name from `OutOfStock` to `NoStock`",
            "shop.yaml:5:13 locked code `OUT_OF_STOCK` changed its status from 409 to 410",
            "shop.yaml:7:13 locked code `OUT_OF_STOCK` changed its action from `none` to `retry`",
            "shop.lock:9:3 locked code `RATE_LIMITED` is no longer in the catalog",
        ]
    );
    // Each names the promise of the lock it breaks: `status: 409`.
    let note = diagnostics[1].notes()[0].location();
    assert_eq!(
        note,
        Some((
            "shop.lock",
            Location {
                line: 8,
                column: 46
            }
        ))
    );
    assert!(diagnostics[1].report().contains("--> shop.lock:8:46"));
    assert!(
        diagnostics[3].notes().iter().any(|n| n
            .message()
            .contains("`errcodes lock --allow-breaking=code-removed shop.yaml`")),
        "{:?}",
        diagnostics[3].notes()
    );
}

#[test]
fn an_action_that_came_from_the_status_points_at_the_code() {
    let lock = lock_of(CATALOG);
    // RATE_LIMITED had retry-after from its status 429; 503 changes both.
    let changed = CATALOG.replace("status: 429", "status: 503");
    let diagnostics = locked(&changed, &lock).unwrap_err();
    assert_eq!(
        located(&diagnostics),
        ["shop.yaml:8:13 locked code `RATE_LIMITED` changed its status from 429 to 503"]
    );
    let changed = CATALOG.replace("status: 429", "status: 502");
    let messages = located(&locked(&changed, &lock).unwrap_err());
    assert_eq!(
        messages[0],
        "shop.yaml:7:11 locked code `RATE_LIMITED` changed its action from `retry-after` to `retry`"
    );
}

#[test]
fn a_code_refused_for_its_own_mistake_is_not_reported_as_removed() {
    let lock = lock_of(CATALOG);
    let broken = CATALOG.replace("status: 429", "status: 999");
    let messages: Vec<String> = located(&locked(&broken, &lock).unwrap_err());
    assert_eq!(
        messages,
        ["shop.yaml:8:13 status 999 is not an HTTP status"]
    );
}

#[test]
fn retired_codes_stay_retired() {
    let lock = lock_of(CATALOG);
    let parsed_lock = Lock::read("shop.lock", &lock).unwrap();
    let without = "name: ShopError\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out of stock\n    action: none\n";
    let catalog = parse("shop.yaml", without).unwrap();
    let retired = parsed_lock.updated(&catalog).render();
    assert!(
        retired.ends_with("  \"RATE_LIMITED\": retired\n"),
        "{retired}"
    );
    assert!(locked(without, &retired).is_ok());
    // Re-locking keeps the tombstone.
    let again = Lock::read("shop.lock", &retired).unwrap();
    assert_eq!(again.updated(&catalog).render(), retired);
    // Reusing it is an error at the new entry.
    let diagnostics = locked(CATALOG, &retired).unwrap_err();
    assert_eq!(
        located(&diagnostics),
        ["shop.yaml:7:11 code `RATE_LIMITED` was retired and cannot be used again"]
    );
    assert_eq!(
        diagnostics[0].notes()[0].location(),
        Some(("shop.lock", Location { line: 9, column: 3 }))
    );
}

#[test]
fn a_damaged_lock_is_reported_in_the_lock() {
    let cases = [
        (
            "codes: {}\n",
            "shop.lock:1:1 the lock does not start with `errcodes-lock: 2`",
        ),
        (
            "errcodes-lock: 2\ncodes: {}\n",
            "shop.lock:1:1 the lock has no `catalog`",
        ),
        (
            "errcodes-lock: 2\ncatalog: {name: ShopError, wire-format: smoke-signals, problem-code: member}\ncodes: {}\n",
            "shop.lock:2:11 `catalog` must be `{name: …, wire-format: …, problem-code: …}`",
        ),
        (
            "errcodes-lock: 1\ncatalog: {name: ShopError, wire-format: problem, problem-code: member}\ncodes: {}\n",
            "shop.lock:2:11 a lock of format 1 has no `catalog`",
        ),
        (
            "errcodes-lock: 1\ncodes:\n  \"A\": {name: A, status: 400}\n",
            // The rest of the message names the optional promised keys.
            "shop.lock:3:9 the entry of `A` must be `{name: …, status: …, action: …}`, with ",
        ),
        (
            "errcodes-lock: 1\ncodes:\n  \"A\": {name: A, status: 400, action: none, color: red}\n",
            "shop.lock:3:9 the entry of `A` must be",
        ),
        (
            "errcodes-lock: 1\ncodes:\n  \"A\": retired\n  \"A\": retired\n",
            "shop.lock:4:3 code `A` is locked twice",
        ),
        (
            "errcodes-lock: 1\ncodes:\n  \"A\": {name: A, status: 400, action: sometimes}\n",
            "shop.lock:3:9 the entry of `A` must be `{name: …, status: …, action: …}`",
        ),
        (
            "errcodes-lock: 1\ncode: {}\n",
            "shop.lock:2:1 unknown key `code` in the lock",
        ),
        (
            "[1, 2]\n",
            "shop.lock:1:2 a lock must be a mapping, found a list",
        ),
        ("errcodes-lock: 1\ncodes: {\n", "shop.lock:"),
    ];
    for (lock, expected) in cases {
        let diagnostics = Lock::read("shop.lock", lock).unwrap_err();
        let all = located(&diagnostics);
        assert!(
            all.iter().any(|d| d.starts_with(expected)),
            "{lock:?}: {all:?}"
        );
        assert!(diagnostics.iter().all(|d| d.level() == Level::Error));
        // The macro reports the same, next to the catalog's own errors.
        let through_macro = located(&locked(CATALOG, lock).unwrap_err());
        assert!(
            through_macro.iter().any(|d| d.starts_with(expected)),
            "{through_macro:?}"
        );
    }
}
