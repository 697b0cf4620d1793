//! Compile-fail tests: each file in `ui/` makes one kind of mistake, and its
//! `.stderr` holds the errors it must produce. Regenerate them with
//! `TRYBUILD=overwrite cargo test -p errcodes-tests --test ui`.
//!
//! Also one that must compile and run: a generated catalog of 2,000 codes.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    let project = trybuild_project();
    copy_catalogs(&project.join("ui"));
    let large = project.join("large");
    std::fs::create_dir_all(&large).expect("create large/");
    let catalog = errcodes_tests::generated::catalog(2000);
    std::fs::write(large.join("catalog-2000.yaml"), catalog).expect("write the large catalog");

    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("large/catalog-2000.rs");
}

/// trybuild compiles the test files in a project of its own, under the
/// target directory, so `errcodes!` resolves `ui/x.yaml` against that
/// project's directory, where the catalogs are put first.
fn trybuild_project() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target directory");
    target.join("tests/trybuild").join(env!("CARGO_PKG_NAME"))
}

fn copy_catalogs(into: &Path) {
    std::fs::create_dir_all(into).expect("create the trybuild project directory");
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    for entry in std::fs::read_dir(&ui).expect("read tests/ui") {
        let path = entry.expect("list tests/ui").path();
        // Catalogs, and the locks and translations some of them keep.
        if path
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "lock" || ext == "ftl")
        {
            let name = path.file_name().expect("file name");
            std::fs::copy(&path, into.join(name)).expect("copy a catalog, a lock or a translation");
        }
    }
}
