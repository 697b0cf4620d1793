//! `errcodes lock` and `errcodes diff`: the promises a catalog keeps to
//! its clients, and what a change does to them.

#![forbid(unsafe_code)]

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{errcodes, root, scratch, text};

const SHOP: &str = "\
name: ShopError
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
    description: Sold out while ordering.
  - code: RATE_LIMITED
    status: 429
    title: Rate limited
    description: Too many requests.
";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn the_shipped_locks_are_up_to_date() {
    let mut args = vec!["lock", "--check"];
    let specs = [
        "specs/acp.yaml",
        "specs/edge.yaml",
        "specs/pass.yaml",
        "specs/platform.yaml",
        "specs/privacy.yaml",
    ];
    args.extend(specs);
    let output = errcodes(root(), &args);
    assert!(output.status.success(), "{}", text(&output.stderr));
    for spec in specs {
        let lock = root().join(spec).with_extension("lock");
        assert!(lock.is_file(), "{} is not committed", lock.display());
    }
}

#[test]
fn lock_adds_codes_and_refuses_to_break_promises() {
    let dir = scratch("lock");
    write(&dir, "shop.yaml", SHOP);
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let lock = std::fs::read_to_string(dir.join("shop.lock")).unwrap();
    assert!(
        lock.contains(
            "  \"RATE_LIMITED\": {name: RateLimited, status: 429, action: retry-after}\n"
        ),
        "{lock}"
    );

    // A new code: the check still passes, and the lock grows.
    let more =
        format!("{SHOP}  - code: GONE\n    status: 410\n    title: Gone\n    description: d\n");
    write(&dir, "shop.yaml", &more);
    assert!(errcodes(&dir, &["check", "shop.yaml"]).status.success());
    assert_eq!(
        errcodes(&dir, &["lock", "--check", "shop.yaml"])
            .status
            .code(),
        Some(1)
    );
    assert!(errcodes(&dir, &["lock", "shop.yaml"]).status.success());
    let grown = std::fs::read_to_string(dir.join("shop.lock")).unwrap();
    assert!(grown.starts_with(&lock[..lock.len() - 1]), "{grown}");
    assert!(grown.ends_with("  \"GONE\": {name: Gone, status: 410, action: none}\n"));

    // A removed code and a changed status: refused, and the lock kept.
    let broken = more.replace("status: 409", "status: 410").replace(
        "  - code: GONE\n    status: 410\n    title: Gone\n    description: d\n",
        "",
    );
    write(&dir, "shop.yaml", &broken);
    let check = errcodes(&dir, &["check", "shop.yaml"]);
    assert_eq!(check.status.code(), Some(1));
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("error: locked code `OUT_OF_STOCK` changed its status from 409 to 410\n --> shop.yaml:4:13"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: locked code `GONE` is no longer in the catalog\n  --> shop.lock:10:3"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("would break 2 promises"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.join("shop.lock")).unwrap(),
        grown
    );

    // Told to, it breaks them: the removed code stays, retired.
    let output = errcodes(&dir, &["lock", "--allow-breaking", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let relocked = std::fs::read_to_string(dir.join("shop.lock")).unwrap();
    assert!(relocked.contains("\"OUT_OF_STOCK\": {name: OutOfStock, status: 410"));
    assert!(relocked.ends_with("  \"GONE\": retired\n"), "{relocked}");
    assert!(errcodes(&dir, &["check", "shop.yaml"]).status.success());

    // A retired code cannot come back.
    write(
        &dir,
        "shop.yaml",
        &more.replace("status: 409", "status: 410"),
    );
    let output = errcodes(&dir, &["check", "shop.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("error: code `GONE` was retired and cannot be used again"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn lock_refuses_a_catalog_with_errors_or_a_damaged_lock() {
    let dir = scratch("lock-refusals");
    write(
        &dir,
        "bad.yaml",
        "name: ShopError\ncodes:\n  - code: X\n    status: 999\n    title: X\n",
    );
    let output = errcodes(&dir, &["lock", "bad.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("error: status 999 is not an HTTP status"));
    assert!(!dir.join("bad.lock").exists());

    // A catalog that does not parse leaves a sound lock unread: the
    // catalog is at fault, not the lock.
    write(&dir, "shop.yaml", SHOP);
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    write(
        &dir,
        "shop.yaml",
        &SHOP.replace("    status: 409", "   status: 409"),
    );
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("error: `shop.yaml` has errors; fix them before locking it"),
        "{stderr}"
    );
    assert!(!stderr.contains("cannot be read"), "{stderr}");

    write(&dir, "shop.yaml", SHOP);
    write(&dir, "shop.lock", "errcodes-lock: 4\ncodes: {}\n");
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "the lock does not start with `errcodes-lock: 2` or `errcodes-lock: 3`\n --> shop.lock:1:1"
        ),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("shop.lock")).unwrap(),
        "errcodes-lock: 4\ncodes: {}\n"
    );
}

/// `errcodes diff` on two catalogs: its exit status and its lines.
fn diff(dir: &Path, old: &str, new: &str) -> (Option<i32>, Vec<String>) {
    write(dir, "old.yaml", old);
    write(dir, "new.yaml", new);
    let output = errcodes(dir, &["diff", "old.yaml", "new.yaml"]);
    let lines = text(&output.stdout).lines().map(str::to_owned).collect();
    (output.status.code(), lines)
}

#[test]
fn diff_classifies_every_kind_of_change() {
    let dir = scratch("diff");
    let cases: &[(&str, String, &[&str])] = &[
        ("nothing", SHOP.to_owned(), &[]),
        (
            "a new code",
            format!("{SHOP}  - code: NEW\n    status: 400\n    title: New\n"),
            &["compatible [code-added]: `NEW` is added (HTTP 400, action `none`)"],
        ),
        (
            "texts",
            SHOP.replace("Too many requests.", "Slow down."),
            &["compatible [key-changed]: `RATE_LIMITED` description changed"],
        ),
        (
            "a deprecation",
            SHOP.replace(
                "    description: Too many requests.\n",
                "    description: Too many requests.\n    deprecated: Use OUT_OF_STOCK.\n    replaced-by: OUT_OF_STOCK\n",
            ),
            &[
                "compatible [code-deprecated]: `RATE_LIMITED` is deprecated: Use OUT_OF_STOCK.",
                "compatible [key-changed]: `RATE_LIMITED` replaced-by changed",
            ],
        ),
        (
            "a classification",
            SHOP.replace("    title: Rate limited\n", "    title: Rate limited\n    severity: warning\n"),
            &["compatible [key-changed]: `RATE_LIMITED` severity changed"],
        ),
        (
            "a removal",
            SHOP.replace(
                "  - code: RATE_LIMITED\n    status: 429\n    title: Rate limited\n    description: Too many requests.\n",
                "",
            ),
            &["breaking [code-removed]: `RATE_LIMITED` is removed"],
        ),
        (
            "a status",
            SHOP.replace("status: 429", "status: 503"),
            &["breaking [status-changed]: `RATE_LIMITED` status 429 becomes 503"],
        ),
        (
            "an action",
            SHOP.replace("    title: Rate limited\n", "    title: Rate limited\n    action: retry\n"),
            &["breaking [action-changed]: `RATE_LIMITED` action `retry-after` becomes `retry`"],
        ),
        (
            "a variant name",
            SHOP.replace("    title: Rate limited\n", "    title: Rate limited\n    name: Slow\n"),
            &["breaking [variant-renamed]: `RATE_LIMITED` variant name `RateLimited` becomes `Slow`"],
        ),
        (
            "a repurposed code",
            SHOP.replace("status: 409\n    title: Out of stock", "status: 404\n    title: No such item"),
            &[
                "breaking [code-repurposed]: `OUT_OF_STOCK` is repurposed: \"Out of stock\" becomes \"No such item\"",
                "breaking [status-changed]: `OUT_OF_STOCK` status 409 becomes 404",
            ],
        ),
        (
            "a wire format",
            SHOP.replace("    title: Rate limited\n", "    title: Rate limited\n    wire-format: acp\n"),
            &["breaking [wire-format-changed]: `RATE_LIMITED` wire format `problem` becomes `acp`"],
        ),
        (
            "the enum",
            SHOP.replace("name: ShopError", "name: StoreError"),
            &["breaking [enum-renamed]: the catalog's enum name `ShopError` becomes `StoreError`"],
        ),
    ];
    for (what, new, expected) in cases {
        let (status, lines) = diff(&dir, SHOP, new);
        assert_eq!(lines, *expected, "{what}");
        let breaking = expected.iter().any(|line| line.starts_with("breaking"));
        assert_eq!(status, Some(i32::from(breaking)), "{what}");
    }
}

#[test]
fn diff_reads_the_old_catalog_from_standard_input() {
    let dir = scratch("diff-stdin");
    write(
        &dir,
        "new.yaml",
        &SHOP.replace("status: 429", "status: 503"),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(["diff", "-", "new.yaml"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(SHOP.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stdout),
        "breaking [status-changed]: `RATE_LIMITED` status 429 becomes 503\n"
    );
    assert_eq!(
        text(&output.stderr),
        "1 breaking, 0 allowed, 0 compatible changes\n"
    );
}

#[test]
fn diff_cannot_compare_broken_or_missing_catalogs() {
    let dir = scratch("diff-broken");
    let (status, _) = diff(&dir, SHOP, "name: ShopError\ncodes: []\n");
    assert_eq!(status, Some(2));
    let output = errcodes(&dir, &["diff", "old.yaml", "missing.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("cannot read the catalog `missing.yaml`"));
    let output = errcodes(&dir, &["diff", "-", "-"]);
    assert_eq!(output.status.code(), Some(1));
}
