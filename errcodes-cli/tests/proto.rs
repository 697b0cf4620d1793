//! `errcodes export --format proto`: the exported file compiles with a
//! real protobuf compiler (protox, a dependency of this test, so nothing
//! needs installing), has every reason of the catalog under its locked
//! number, and keeps numbers across lock updates that add and retire
//! codes.

#![forbid(unsafe_code)]

mod common;

use std::path::Path;

use common::{errcodes, npm_tool, root, scratch, text};

/// An enum as the compiler read it: its values, reserved numbers and
/// reserved names.
#[derive(Debug, Default, PartialEq)]
struct Compiled {
    package: String,
    values: Vec<(String, i32, bool)>,
    reserved_numbers: Vec<i32>,
    reserved_names: Vec<String>,
}

/// Exports `spec` (relative to `dir`) as a `.proto` file and compiles it.
fn export_and_compile(dir: &Path, spec: &str) -> (Compiled, String) {
    let output = errcodes(dir, &["export", spec, "--format", "proto"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let out = scratch(&format!("proto-{}", spec.replace(['/', '.'], "-")));
    let file = out.join("errors.proto");
    std::fs::write(&file, &output.stdout).unwrap();
    let set = protox::compile([&file], [&out])
        .unwrap_or_else(|error| panic!("{error:?}\n{}", text(&output.stdout)));
    let descriptor = &set.file[0];
    let reasons = &descriptor.enum_type[0];
    assert_eq!(reasons.name(), "ErrorReason");
    let mut reserved_numbers = Vec::new();
    for range in &reasons.reserved_range {
        // Enum ranges include their end.
        reserved_numbers.extend(range.start()..=range.end());
    }
    let compiled = Compiled {
        package: descriptor.package().to_owned(),
        values: reasons
            .value
            .iter()
            .map(|value| {
                let deprecated = value
                    .options
                    .as_ref()
                    .is_some_and(protox::prost_reflect::prost_types::EnumValueOptions::deprecated);
                (value.name().to_owned(), value.number(), deprecated)
            })
            .collect(),
        reserved_numbers,
        reserved_names: reasons.reserved_name.clone(),
    };
    (compiled, text(&output.stderr))
}

/// The reasons a lock records, by number: `(reason, number, retired)`.
fn locked(lock: &str) -> Vec<(String, i32, bool)> {
    let lock = errcodes_codegen::lock::Lock::read("x.lock", lock).unwrap();
    let mut reasons: Vec<(String, i32, bool)> = lock
        .reasons()
        .iter()
        .map(|r| {
            (
                r.reason.to_owned(),
                i32::try_from(r.number).unwrap(),
                r.retired,
            )
        })
        .collect();
    reasons.sort_by_key(|r| r.1);
    reasons
}

#[test]
fn every_shipped_catalog_exports_a_proto_that_compiles_with_its_locked_numbers() {
    for name in ["acp", "edge", "pass", "platform", "privacy"] {
        let spec = format!("specs/{name}.yaml");
        let (compiled, warnings) = export_and_compile(root(), &spec);
        assert_eq!(warnings, "", "{name}");
        assert_eq!(compiled.package, format!("example.errcodes.{name}.v1"));
        let lock = std::fs::read_to_string(root().join(format!("specs/{name}.lock"))).unwrap();
        let mut expected = vec![("ERROR_REASON_UNSPECIFIED".to_owned(), 0, false)];
        expected.extend(
            locked(&lock)
                .into_iter()
                .map(|(reason, number, _)| (reason, number, false)),
        );
        let values: Vec<(String, i32, bool)> = compiled.values;
        assert_eq!(values, expected, "{name}");
        assert!(compiled.reserved_numbers.is_empty(), "{name}");
    }
}

const SHOP: &str = "\
name: ShopError
grpc-domain: shop.example.com
grpc-codes:
  409: ALREADY_EXISTS
codes:
  - code: OUT_OF_STOCK
    status: 409
    title: Out of stock
    description: Sold out while ordering.
  - code: RATE_LIMITED
    status: 429
    title: Rate limited
    description: Too many requests.
  - code: OLD_CART
    status: 404
    title: Old cart
    deprecated: Carts expire now.
";

#[test]
fn numbers_survive_a_lock_update_that_adds_and_retires_codes() {
    let dir = scratch("proto-stability");
    std::fs::write(dir.join("shop.yaml"), SHOP).unwrap();
    // Without a lock, the file says the numbers may change.
    let (first, warnings) = export_and_compile(&dir, "shop.yaml");
    assert!(warnings.contains("has no lock"), "{warnings}");
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (locked_first, warnings) = export_and_compile(&dir, "shop.yaml");
    assert_eq!(warnings, "");
    assert_eq!(locked_first, first);
    assert_eq!(
        first.values,
        [
            ("ERROR_REASON_UNSPECIFIED".to_owned(), 0, false),
            ("OUT_OF_STOCK".to_owned(), 1, false),
            ("RATE_LIMITED".to_owned(), 2, false),
            ("OLD_CART".to_owned(), 3, true),
        ]
    );

    // A code added before the others: the others keep their numbers and
    // the new one takes the next. Until the lock is updated, the export
    // says that the new number is not kept yet.
    let added = SHOP.replacen(
        "codes:\n  - code: OUT_OF_STOCK",
        "codes:\n  - code: WRONG_SIZE\n    status: 400\n    title: Wrong size\n    grpc-code: INVALID_ARGUMENT\n  - code: OUT_OF_STOCK",
        1,
    );
    std::fs::write(dir.join("shop.yaml"), &added).unwrap();
    let (pending, warnings) = export_and_compile(&dir, "shop.yaml");
    assert!(
        warnings.contains("does not number 1 of its reasons yet"),
        "{warnings}"
    );
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (second, warnings) = export_and_compile(&dir, "shop.yaml");
    assert_eq!(warnings, "");
    assert_eq!(pending, second);
    assert_eq!(
        second.values,
        [
            ("ERROR_REASON_UNSPECIFIED".to_owned(), 0, false),
            ("OUT_OF_STOCK".to_owned(), 1, false),
            ("RATE_LIMITED".to_owned(), 2, false),
            ("OLD_CART".to_owned(), 3, true),
            ("WRONG_SIZE".to_owned(), 4, false),
        ]
    );

    // A code removed (breaking, so allowed explicitly): its number and
    // name are reserved, and the others do not move.
    let removed = added.replacen(
        "  - code: RATE_LIMITED\n    status: 429\n    title: Rate limited\n    description: Too many requests.\n",
        "",
        1,
    );
    std::fs::write(dir.join("shop.yaml"), &removed).unwrap();
    let output = errcodes(&dir, &["lock", "--allow-breaking", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (third, warnings) = export_and_compile(&dir, "shop.yaml");
    assert_eq!(warnings, "");
    assert_eq!(
        third.values,
        [
            ("ERROR_REASON_UNSPECIFIED".to_owned(), 0, false),
            ("OUT_OF_STOCK".to_owned(), 1, false),
            ("OLD_CART".to_owned(), 3, true),
            ("WRONG_SIZE".to_owned(), 4, false),
        ]
    );
    assert_eq!(third.reserved_numbers, [2]);
    assert_eq!(third.reserved_names, ["RATE_LIMITED"]);
    // A code added later never takes the retired number.
    let again = removed.replacen(
        "\ncodes:\n",
        "\ncodes:\n  - code: TOO_BIG\n    status: 413\n    title: Too big\n    grpc-code: INVALID_ARGUMENT\n",
        1,
    );
    std::fs::write(dir.join("shop.yaml"), &again).unwrap();
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let (fourth, _) = export_and_compile(&dir, "shop.yaml");
    assert!(
        fourth.values.contains(&("TOO_BIG".to_owned(), 5, false)),
        "{fourth:?}"
    );
    let second = fourth;

    // Locked again unchanged, nothing moves.
    let output = errcodes(&dir, &["lock", "shop.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(export_and_compile(&dir, "shop.yaml").0, second);
}

#[test]
fn proto_export_says_what_it_cannot_do() {
    let dir = scratch("proto-refusals");
    std::fs::write(dir.join("plain.yaml"), "name: PlainError\ncodes:\n  - code: GONE\n    status: 410\n    title: Gone\n    description: Gone for good.\n").unwrap();
    std::fs::write(dir.join("shop.yaml"), SHOP).unwrap();
    let refusals = [
        (
            vec!["export", "plain.yaml", "--format", "proto"],
            "does not serve gRPC: add `grpc-domain:`",
        ),
        (
            vec!["export", "plain.yaml", "shop.yaml", "--format", "proto"],
            "--format proto takes one catalog",
        ),
        (
            vec![
                "export",
                "shop.yaml",
                "--format",
                "proto",
                "--package",
                "9lives",
            ],
            "is not a protobuf package name",
        ),
        (
            vec![
                "export",
                "shop.yaml",
                "--format",
                "json",
                "--package",
                "a.b",
            ],
            "--package is for --format proto",
        ),
    ];
    for (args, message) in refusals {
        let output = errcodes(&dir, &args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            text(&output.stderr).contains(message),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
    let output = errcodes(
        &dir,
        &[
            "export",
            "shop.yaml",
            "--format",
            "proto",
            "--package",
            "acme.shop.v1",
        ],
    );
    assert!(text(&output.stdout).contains("\npackage acme.shop.v1;\n"));
}

/// buf, whose lint with its standard rules the exports pass.
const BUF: &str = "@bufbuild/buf@1.75.0";

#[test]
fn every_shipped_export_passes_buf_lint_with_the_standard_rules() {
    let buf = npm_tool(BUF, "buf");
    for name in ["acp", "edge", "pass", "platform", "privacy"] {
        let output = errcodes(
            root(),
            &["export", &format!("specs/{name}.yaml"), "--format", "proto"],
        );
        assert!(output.status.success(), "{}", text(&output.stderr));
        let proto = text(&output.stdout);
        let package = proto
            .lines()
            .find_map(|line| line.strip_prefix("package ")?.strip_suffix(';'))
            .unwrap();
        assert_eq!(package.rsplit('.').next(), Some("v1"), "{package}");
        // As `buf config init` writes it, with the file where the header
        // says buf expects it.
        let module = scratch(&format!("buf-{name}"));
        std::fs::write(
            module.join("buf.yaml"),
            "version: v2\nlint:\n  use:\n    - STANDARD\n",
        )
        .unwrap();
        let dir = module.join(package.replace('.', "/"));
        assert!(proto.contains(&format!("// {}.\n", package.replace('.', "/"))));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("errors.proto"), &proto).unwrap();
        let lint = std::process::Command::new(&buf)
            .arg("lint")
            .current_dir(&module)
            .output()
            .unwrap();
        assert!(
            lint.status.success(),
            "{name}: {}{}",
            text(&lint.stdout),
            text(&lint.stderr)
        );
    }
}
