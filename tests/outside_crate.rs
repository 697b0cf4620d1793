//! A crate outside the workspace that depends on `errcodes-runtime` by path,
//! as a user's crate does: a duplicate code fails its build with the
//! catalog's line numbers, a code added to the catalog shows up after a
//! plain rebuild, and once the catalog is locked, removing a code fails the
//! build while deprecating it warns the code that names it; a translated
//! catalog asks for the `locales` feature, and editing its translation
//! rebuilds.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

const MAIN: &str = r#"errcodes_runtime::errcodes!("errors.yaml");

fn main() {
    use errcodes_runtime::ErrorCode;
    for code in ShopError::ALL {
        println!("{} {} {}", code.code(), code.http_status(), code.action());
    }
}
"#;

const TWO_CODES: &str = "name: ShopError
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
  - code: RATE_LIMITED
    status: 429
    title: Rate limited
";

const DUPLICATE: &str = "
  - code: OUT_OF_STOCK
    status: 410
    title: Gone
";

const NEW_CODE: &str = "
  - code: PAYMENT_DECLINED
    status: 402
    title: Payment declined
";

/// `RATE_LIMITED` retired properly, for a code that says more.
const RETIRED: &str = "name: ShopError
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
  - code: RATE_LIMITED
    status: 429
    title: Rate limited
    deprecated: Limits are now per account; see TOO_MANY_REQUESTS.
    replaced-by: TOO_MANY_REQUESTS
  - code: PAYMENT_DECLINED
    status: 402
    title: Payment declined
  - code: TOO_MANY_REQUESTS
    status: 429
    title: Too many requests
";

/// A user of the deprecated variant.
const USES_RETIRED: &str = r#"errcodes_runtime::errcodes!("errors.yaml");

fn main() {
    use errcodes_runtime::ErrorCode;
    let old = ShopError::RateLimited;
    println!("{} -> {:?}", old.code(), old.replaced_by().map(|new| new.code()));
}
"#;

#[test]
fn a_user_crate_reports_mistakes_and_rebuilds_on_edits() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let krate = tmp.join("outside-crate");
    let _ = std::fs::remove_dir_all(&krate);
    std::fs::create_dir_all(krate.join("src")).unwrap();
    let runtime = workspace.join("errcodes-runtime");
    let manifest = krate.join("Cargo.toml");
    std::fs::write(
        &manifest,
        MANIFEST.replace("{runtime}", &format!("{:?}", runtime.display())),
    )
    .unwrap();
    // The workspace's lockfile: the same dependency versions, all of them
    // already downloaded.
    std::fs::copy(workspace.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    std::fs::write(krate.join("src/main.rs"), MAIN).unwrap();
    let catalog = krate.join("errors.yaml");

    write_catalog(&catalog, &format!("{TWO_CODES}{DUPLICATE}"));
    let failed = cargo(&krate, tmp, "build");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        !failed.status.success(),
        "a duplicate code must fail the build:\n{stderr}"
    );
    assert!(stderr.contains("duplicate code `OUT_OF_STOCK`"), "{stderr}");
    assert!(stderr.contains("errors.yaml:10:11"), "{stderr}");
    assert!(
        stderr.contains("note: `OUT_OF_STOCK` is already the code of `OutOfStock`"),
        "{stderr}"
    );
    // The first entry is named the way an editor jumps to it.
    assert!(stderr.contains("errors.yaml:3:11"), "{stderr}");
    assert!(stderr.contains("src/main.rs:1:29"), "{stderr}");

    write_catalog(&catalog, TWO_CODES);
    assert_eq!(
        run(&krate, tmp),
        "OUT_OF_STOCK 409 none\nRATE_LIMITED 429 retry-after\n"
    );

    let three_codes = format!("{TWO_CODES}{NEW_CODE}");
    write_catalog(&catalog, &three_codes);
    assert_eq!(
        run(&krate, tmp),
        "OUT_OF_STOCK 409 none\nRATE_LIMITED 429 retry-after\nPAYMENT_DECLINED 402 none\n"
    );

    // Locked, as `errcodes lock` does it.
    let checked = errcodes_codegen::parse("errors.yaml", &three_codes).unwrap();
    let lock = errcodes_codegen::lock::Lock::default()
        .updated(&checked)
        .render();
    write_catalog(&krate.join("errors.lock"), &lock);
    write_catalog(
        &catalog,
        &three_codes.replace(
            "  - code: RATE_LIMITED\n    status: 429\n    title: Rate limited\n",
            "",
        ),
    );
    let failed = cargo(&krate, tmp, "build");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        !failed.status.success(),
        "removing a locked code must fail:\n{stderr}"
    );
    assert!(
        stderr.contains("locked code `RATE_LIMITED` is no longer in the catalog"),
        "{stderr}"
    );
    assert!(stderr.contains("errors.lock:9:3"), "{stderr}");
    assert!(
        stderr.contains("add `deprecated:` with the reason"),
        "{stderr}"
    );

    write_catalog(&catalog, RETIRED);
    std::fs::write(krate.join("src/main.rs"), USES_RETIRED).unwrap();
    let built = cargo(&krate, tmp, "build");
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{stderr}");
    assert!(
        stderr.contains("use of deprecated unit variant `ShopError::RateLimited`: Limits are now per account; see TOO_MANY_REQUESTS."),
        "{stderr}"
    );
    assert_eq!(
        run(&krate, tmp),
        "RATE_LIMITED -> Some(\"TOO_MANY_REQUESTS\")\n"
    );

    translated(&krate, tmp, &runtime);
}

/// The crate's catalog translated, with a message that chooses: without
/// the runtime's `locales` feature, the build says what to turn on; with
/// it, the translation is read, and editing it rebuilds.
fn translated(krate: &Path, tmp: &Path, runtime: &Path) {
    let catalog = krate.join("errors.yaml");
    let manifest = krate.join("Cargo.toml");
    write_catalog(
        &catalog,
        &format!(
            "{}{CHOOSES}",
            RETIRED.replacen("codes:\n", "locales: [de]\ncodes:\n", 1)
        ),
    );
    let german = krate.join("errors.de.ftl");
    write_catalog(&german, "OUT_OF_STOCK =\n    .title = Ausverkauft\n");
    std::fs::write(krate.join("src/main.rs"), SPEAKS_GERMAN).unwrap();
    let failed = cargo(krate, tmp, "build");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(!failed.status.success(), "{stderr}");
    assert!(
        stderr.contains("this catalog has translations (`locales`): enable the `locales` feature of errcodes-runtime"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the message of `LOW_STOCK` chooses its form by plural rules: enable the `locales` feature of errcodes-runtime"),
        "{stderr}"
    );
    std::fs::write(
        &manifest,
        MANIFEST.replace(
            "{runtime}",
            &format!(
                "{:?}, features = [\"locales\", \"occurrence\"]",
                runtime.display()
            ),
        ),
    )
    .unwrap();
    assert_eq!(run(krate, tmp), "Ausverkauft\n1 item left\n");
    write_catalog(&german, "OUT_OF_STOCK =\n    .title = Vergriffen\n");
    assert_eq!(run(krate, tmp), "Vergriffen\n1 item left\n");
}

/// A code whose message chooses its plural form.
const CHOOSES: &str = "  - code: LOW_STOCK
    status: 409
    title: Low stock
    message: |-
      { $left ->
          [one] { $left } item
         *[other] { $left } items
      } left
    fields:
      left: integer
";

/// A user of the German title and of the English plural.
const SPEAKS_GERMAN: &str = r#"errcodes_runtime::errcodes!("errors.yaml");

fn main() {
    use errcodes_runtime::{ErrorCode, Fields};
    println!("{}", ShopError::OutOfStock.title_in("de"));
    println!("{}", shop_error::LowStock { left: 1 }.message());
}
"#;

/// The crate's manifest, with `{runtime}` where the runtime's path goes.
const MANIFEST: &str = "[package]\nname = \"shop\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
    [dependencies]\nerrcodes-runtime = { path = {runtime} }\n\n[workspace]\n";

/// Writes the catalog and dates it ahead, so that cargo sees the edit even
/// on a file system with coarse timestamps.
fn write_catalog(path: &PathBuf, text: &str) {
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() + Duration::from_secs(2))
        .unwrap();
}

fn cargo(krate: &Path, tmp: &Path, command: &str) -> Output {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([command, "--quiet", "--offline"])
        .current_dir(krate)
        .env("CARGO_TARGET_DIR", tmp.join("outside-crate-target"))
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap()
}

fn run(krate: &Path, tmp: &Path) -> String {
    let output = cargo(krate, tmp, "run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
