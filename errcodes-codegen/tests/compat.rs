//! One rule for what breaks clients: every kind of change, run through the
//! build of a locked catalog (what `errcodes!` and `errcodes check` do)
//! and through `errcodes diff`'s comparison, gets the same verdict from
//! both.

#![forbid(unsafe_code)]

use errcodes_codegen::compat::{Change, Detail, diff};
use errcodes_codegen::lock::Lock;
use errcodes_codegen::{CheckedCatalog, Files, Input, parse};

const SHOP: &str = "\
name: ShopError
wire-format: pass
domains:
  stock: Stock
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
    description: Sold out while ordering.
    domain: stock
    message: Sold out in { $size }
    fields:
      sku: string
      size: {type: enum, values: [s, m]}
      store: {type: string, optional: true, description: The store.}
  - code: RATE_LIMITED
    status: 429
    title: Rate limited
  - code: OLD_CART
    status: 410
    title: Old cart
    deprecated: Carts expire now.
";

/// Changes that break clients: what each is, and the edit that makes it.
const BREAKING: &[(&str, &str, &str)] = &[
    (
        "a code removed",
        "  - code: RATE_LIMITED\n    status: 429\n    title: Rate limited\n",
        "",
    ),
    (
        "a deprecated code removed",
        "  - code: OLD_CART\n    status: 410\n    title: Old cart\n    deprecated: Carts expire now.\n",
        "",
    ),
    ("a status changed", "status: 409", "status: 410"),
    (
        "an action changed",
        "    title: Out of stock\n",
        "    title: Out of stock\n    action: retry\n",
    ),
    (
        "an action implied by a new status",
        "status: 429",
        "status: 502",
    ),
    (
        "a variant renamed",
        "  - code: OUT_OF_STOCK\n",
        "  - code: OUT_OF_STOCK\n    name: SoldOut\n",
    ),
    (
        "a code's own wire format",
        "    title: Rate limited\n",
        "    title: Rate limited\n    wire-format: pass-xml\n",
    ),
    (
        "the catalog's wire format",
        "wire-format: pass",
        "wire-format: acp",
    ),
    (
        "a problem type",
        "wire-format: pass\n",
        "wire-format: pass\nproblem-type: /errors/{code}\n",
    ),
    (
        "where problems carry the code",
        "wire-format: pass\n",
        "wire-format: pass\nproblem-type: /errors\nproblem-code: title\n",
    ),
    ("the enum renamed", "name: ShopError", "name: StoreError"),
    ("a field removed", "      sku: string\n", ""),
    (
        "a field renamed",
        "      sku: string\n",
        "      item: string\n",
    ),
    ("a field's type changed", "sku: string", "sku: integer"),
    ("a field made a list", "sku: string", "sku: list of string"),
    (
        "a field made optional",
        "sku: string",
        "sku: {type: string, optional: true}",
    ),
    (
        "an enum given a value",
        "values: [s, m]",
        "values: [s, m, l]",
    ),
    (
        "a code repurposed",
        "status: 409\n    title: Out of stock",
        "status: 404\n    title: No such item",
    ),
];

/// Changes that do not, the same way.
const COMPATIBLE: &[(&str, &str, &str)] = &[
    (
        "a code added",
        "    deprecated: Carts expire now.\n",
        "    deprecated: Carts expire now.\n  - code: NEW\n    status: 400\n    title: New\n",
    ),
    (
        "a code deprecated",
        "    title: Rate limited\n",
        "    title: Rate limited\n    deprecated: Use OUT_OF_STOCK.\n",
    ),
    (
        "a replacement named",
        "    deprecated: Carts expire now.\n",
        "    deprecated: Carts expire now.\n    replaced-by: OUT_OF_STOCK\n",
    ),
    ("a title improved", "title: Out of stock", "title: Sold out"),
    (
        "a description changed",
        "Sold out while ordering.",
        "The item sold out.",
    ),
    (
        "a resolution added",
        "    domain: stock\n",
        "    domain: stock\n    resolution: Try later.\n",
    ),
    (
        "a severity, outcome and origin given",
        "    title: Old cart\n",
        "    title: Old cart\n    severity: warning\n    outcome: not-applicable\n    origin: external\n",
    ),
    ("a domain left", "    domain: stock\n", ""),
    (
        "a domain added",
        "  stock: Stock\n",
        "  stock: Stock\n  cart: Cart\n",
    ),
    (
        "the catalog's own format named on a code",
        "    title: Rate limited\n",
        "    title: Rate limited\n    wire-format: pass\n",
    ),
    (
        "an optional field added",
        "      sku: string\n",
        "      sku: string\n      aisle: {type: integer, optional: true}\n",
    ),
    (
        "a field added",
        "      sku: string\n",
        "      sku: string\n      aisle: integer\n",
    ),
    (
        "a field made required",
        "{type: string, optional: true, description: The store.}",
        "{type: string, description: The store.}",
    ),
    ("an enum's values narrowed", "values: [s, m]", "values: [s]"),
    (
        "a field's description changed",
        "description: The store.",
        "description: Where it sold out.",
    ),
    (
        "a message changed",
        "Sold out in { $size }",
        "No { $size } left",
    ),
    (
        "a lint allowed",
        "codes:\n",
        "allow: [missing-description]\ncodes:\n",
    ),
];

/// Every kind of change: what it is, whether it breaks, the new catalog.
fn changes() -> impl Iterator<Item = (&'static str, bool, String)> {
    let breaking = BREAKING.iter().map(|change| (change, true));
    let compatible = COMPATIBLE.iter().map(|change| (change, false));
    breaking
        .chain(compatible)
        .map(|(&(what, from, to), breaks)| {
            assert!(SHOP.contains(from), "{what}");
            (what, breaks, SHOP.replacen(from, to, 1))
        })
}

/// The lock `errcodes lock` writes for `catalog`.
fn lock_of(catalog: &CheckedCatalog) -> String {
    Lock::default().updated(catalog).render()
}

/// Whether the build of `new`, locked as `lock` has it, fails, and on
/// broken promises only.
fn build_fails(new: &str, lock: &str) -> bool {
    let built = Files::new(Input::new("shop.yaml", new))
        .with_lock(Input::new("shop.lock", lock))
        .parse();
    match built {
        Ok(_) => false,
        Err(failure) => {
            assert!(
                failure
                    .errors()
                    .all(errcodes_codegen::Diagnostic::breaks_lock),
                "{:?}",
                failure.diagnostics()
            );
            true
        }
    }
}

fn breaking(changes: &[Change]) -> bool {
    changes.iter().any(Change::is_breaking)
}

#[test]
fn the_build_and_diff_agree_on_every_kind_of_change() {
    let old = parse("shop.yaml", SHOP).unwrap();
    let lock = lock_of(&old);
    let old_lock = Lock::read("shop.lock", &lock).unwrap();
    for (what, expected, new_text) in changes() {
        let new = parse("shop.yaml", &new_text).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        let changes = diff(&old, &new, Some(&old_lock));
        assert_eq!(breaking(&changes), expected, "diff, {what}: {changes:?}");
        assert_eq!(build_fails(&new_text, &lock), expected, "build, {what}");
        // What a client or a reader would notice is said.
        let silent = ["the catalog's own format named on a code", "a lint allowed"];
        assert_eq!(
            changes.is_empty(),
            silent.contains(&what),
            "{what}: {changes:?}"
        );
    }
}

#[test]
fn each_field_change_has_its_class() {
    let old = parse("shop.yaml", SHOP).unwrap();
    let cases = [
        ("      sku: string\n", "", "field-removed"),
        ("sku: string", "sku: integer", "field-type-changed"),
        ("values: [s, m]", "values: [s, m, l]", "field-type-changed"),
        (
            "sku: string",
            "sku: {type: string, optional: true}",
            "field-made-optional",
        ),
        (
            "      sku: string\n",
            "      sku: string\n      aisle: integer\n",
            "field-added",
        ),
        (
            "{type: string, optional: true, description: The store.}",
            "{type: string, description: The store.}",
            "field-made-required",
        ),
        ("values: [s, m]", "values: [s]", "field-values-removed"),
    ];
    for (from, to, class) in cases {
        let new = parse("shop.yaml", &SHOP.replacen(from, to, 1)).unwrap();
        let ids: Vec<&str> = diff(&old, &new, None).iter().map(Change::id).collect();
        assert_eq!(ids, [class], "{from} -> {to}");
    }
}

#[test]
fn a_retired_code_used_again_breaks_both() {
    let old_text = SHOP.replace(
        "  - code: OLD_CART\n    status: 410\n    title: Old cart\n    deprecated: Carts expire now.\n",
        "",
    );
    // OLD_CART was removed, with --allow-breaking: the lock keeps it retired.
    let first = Lock::read("shop.lock", &lock_of(&parse("shop.yaml", SHOP).unwrap())).unwrap();
    let old = parse("shop.yaml", &old_text).unwrap();
    let lock = first.updated(&old).render();
    assert!(lock.ends_with("  \"OLD_CART\": retired\n"), "{lock}");
    let old_lock = Lock::read("shop.lock", &lock).unwrap();

    let reused = format!("{old_text}  - code: OLD_CART\n    status: 400\n    title: Bad cart\n");
    let new = parse("shop.yaml", &reused).unwrap();
    let changes = diff(&old, &new, Some(&old_lock));
    assert!(
        changes
            .iter()
            .any(|c| c.id() == "retired-code-reused" && c.code() == Some("OLD_CART")),
        "{changes:?}"
    );
    assert!(build_fails(&reused, &lock));
    // Without the lock, diff cannot know the code was ever published.
    assert!(!breaking(&diff(&old, &new, None)));
}

#[test]
fn a_lock_of_format_1_binds_what_it_recorded() {
    let lock = "errcodes-lock: 1\ncodes:\n  \"OUT_OF_STOCK\": {name: OutOfStock, status: 409, action: none}\n";
    // It did not record the catalog's wire format: changing it is not
    // refused by this lock.
    assert!(!build_fails(
        &SHOP.replace("wire-format: pass", "wire-format: acp"),
        lock
    ));
    // It did record the status.
    assert!(build_fails(
        &SHOP.replace("status: 409", "status: 410"),
        lock
    ));
    // `errcodes lock` rewrites it in format 2, with what it lacked.
    let old = parse("shop.yaml", SHOP).unwrap();
    let rewritten = Lock::read("shop.lock", lock)
        .unwrap()
        .updated(&old)
        .render();
    assert!(rewritten.contains(
        "\nerrcodes-lock: 2\ncatalog: {name: ShopError, wire-format: pass, problem-code: member}\n"
    ));
}

/// `SHOP`, served over gRPC too.
fn grpc_shop() -> String {
    SHOP.replacen(
        "domains:\n",
        "grpc-domain: shop.example.com\ngrpc-codes:\n  409: ALREADY_EXISTS\n  410: FAILED_PRECONDITION\ndomains:\n",
        1,
    )
}

/// Changes to what gRPC clients depend on, and to what they do not.
const GRPC: &[(&str, bool, &str, &str)] = &[
    (
        "the gRPC domain changed",
        true,
        "grpc-domain: shop.example.com",
        "grpc-domain: shop.example.org",
    ),
    (
        "gRPC dropped",
        true,
        "grpc-domain: shop.example.com\ngrpc-codes:\n  409: ALREADY_EXISTS\n  410: FAILED_PRECONDITION\n",
        "",
    ),
    (
        "a reason changed",
        true,
        "    domain: stock\n",
        "    domain: stock\n    grpc-reason: NO_STOCK\n",
    ),
    (
        "a gRPC code changed",
        true,
        "409: ALREADY_EXISTS",
        "409: ABORTED",
    ),
    (
        "a reason written as derived",
        false,
        "    domain: stock\n",
        "    domain: stock\n    grpc-reason: OUT_OF_STOCK\n",
    ),
    (
        "a gRPC code written as the table gives it",
        false,
        "    domain: stock\n",
        "    domain: stock\n    grpc-code: ALREADY_EXISTS\n",
    ),
];

#[test]
fn the_build_and_diff_agree_on_grpc_changes() {
    let shop = grpc_shop();
    let old = parse("shop.yaml", &shop).unwrap();
    let lock = lock_of(&old);
    assert!(lock.contains("\nerrcodes-lock: 3\n"), "{lock}");
    let old_lock = Lock::read("shop.lock", &lock).unwrap();
    for &(what, expected, from, to) in GRPC {
        assert!(shop.contains(from), "{what}");
        let new_text = shop.replacen(from, to, 1);
        let new = parse("shop.yaml", &new_text).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        let changes = diff(&old, &new, Some(&old_lock));
        assert_eq!(breaking(&changes), expected, "diff, {what}: {changes:?}");
        assert_eq!(build_fails(&new_text, &lock), expected, "build, {what}");
        assert_eq!(changes.is_empty(), !expected, "{what}: {changes:?}");
    }
    // Serving gRPC is a new promise, which breaks none.
    let plain = parse("shop.yaml", SHOP).unwrap();
    let changes = diff(&plain, &old, None);
    let said: Vec<(&str, String)> = changes.iter().map(|c| (c.id(), c.to_string())).collect();
    assert_eq!(
        said,
        [(
            "promise-added",
            "the catalog's gRPC domain is now `shop.example.com`".to_owned()
        )]
    );
    assert!(!build_fails(&shop, &lock_of(&plain)));
}

#[test]
fn reason_numbers_survive_added_and_retired_codes() {
    let shop = grpc_shop();
    let first = Lock::default().updated(&parse("shop.yaml", &shop).unwrap());
    let numbers = |lock: &Lock| -> Vec<(String, u32, bool)> {
        lock.reasons()
            .iter()
            .map(|r| (r.reason.to_owned(), r.number, r.retired))
            .collect()
    };
    assert_eq!(
        numbers(&first),
        [
            ("OUT_OF_STOCK".to_owned(), 1, false),
            ("RATE_LIMITED".to_owned(), 2, false),
            ("OLD_CART".to_owned(), 3, false),
        ]
    );
    // A code added first, one removed: the others keep their numbers, the
    // new one takes the next, the removed one's stays reserved.
    let edited = shop
        .replacen(
            "\ncodes:\n",
            "\ncodes:\n  - code: NEW_FIRST\n    status: 404\n    title: New\n",
            1,
        )
        .replacen(
            "  - code: RATE_LIMITED\n    status: 429\n    title: Rate limited\n",
            "",
            1,
        );
    let first = Lock::read("shop.lock", &first.render()).unwrap();
    let second = first.updated(&parse("shop.yaml", &edited).unwrap());
    assert_eq!(
        numbers(&second),
        [
            ("NEW_FIRST".to_owned(), 4, false),
            ("OUT_OF_STOCK".to_owned(), 1, false),
            ("OLD_CART".to_owned(), 3, false),
            ("RATE_LIMITED".to_owned(), 2, true),
        ]
    );
    let text = second.render();
    assert!(text.ends_with(
        "  \"RATE_LIMITED\": {retired: true, grpc-reason: \"RATE_LIMITED\", grpc-number: 2}\n"
    ));
    // Read back, nothing moves; and the retired reason cannot be taken.
    let second = Lock::read("shop.lock", &text).unwrap();
    assert_eq!(
        second
            .updated(&parse("shop.yaml", &edited).unwrap())
            .render(),
        text
    );
    let taken = edited.replacen(
        "  - code: NEW_FIRST\n",
        "  - code: NEW_FIRST\n    grpc-reason: RATE_LIMITED\n",
        1,
    );
    assert!(build_fails(&taken, &text));
    let changes = diff(
        &parse("shop.yaml", &edited).unwrap(),
        &parse("shop.yaml", &taken).unwrap(),
        Some(&second),
    );
    assert!(changes.iter().any(|c| c.id() == "retired-reason-reused"
        && c.code() == Some("NEW_FIRST")
        && c.detail
            == Detail::RetiredReasonReused {
                reason: "RATE_LIMITED".to_owned(),
                retired: "RATE_LIMITED".to_owned(),
            }));
}
