//! Compile-fail tests: each file in `ui/` makes one kind of mistake, and its
//! `.stderr` holds the errors it must produce. Regenerate them with
//! `TRYBUILD=overwrite cargo test -p errcodes-tests --test ui`.

use std::path::Path;

#[test]
fn ui() {
    copy_catalogs_into_trybuild_project();
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}

/// trybuild compiles the test files in a project of its own, under the
/// target directory, so `errcodes!` resolves `ui/x.yaml` against that
/// project's directory. The catalogs are copied there first.
fn copy_catalogs_into_trybuild_project() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target directory");
    let project = target
        .join("tests/trybuild")
        .join(env!("CARGO_PKG_NAME"))
        .join("ui");
    std::fs::create_dir_all(&project).expect("create the trybuild project directory");
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    for entry in std::fs::read_dir(&ui).expect("read tests/ui") {
        let path = entry.expect("list tests/ui").path();
        if path.extension().is_some_and(|ext| ext == "yaml") {
            let name = path.file_name().expect("file name");
            std::fs::copy(&path, project.join(name)).expect("copy a catalog");
        }
    }
}
