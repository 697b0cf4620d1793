//! What the tests of the binary share: running it, and scratch directories.

// Each test binary uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, PoisonError};

/// The workspace, where `specs/` is.
pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// Runs the binary in `dir`.
pub(crate) fn errcodes(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Output as text.
pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A directory of its own for a test, emptied.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One install at a time: tests run on parallel threads, and two of them
/// asking for the same tool must not both install it into one directory.
static INSTALLING: Mutex<()> = Mutex::new(());

/// The program `bin` of the npm package `package` (`name@version`, or
/// several separated by spaces), installed with npm under the target
/// directory the first time.
pub(crate) fn npm_tool(package: &str, bin: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(package.replace(['@', '/', ' '], "-"));
    let tool = dir.join("node_modules/.bin").join(bin);
    let _one_at_a_time = INSTALLING.lock().unwrap_or_else(PoisonError::into_inner);
    if !tool.exists() {
        // Installed beside and moved into place whole (npm's links are
        // relative), so an interrupted install is never taken for one.
        let partial = dir.with_extension("partial");
        let _ = std::fs::remove_dir_all(&partial);
        let status = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&partial)
            .args(package.split_whitespace())
            .status()
            .unwrap_or_else(|_| {
                panic!("npm installs {package} for this test: install Node.js 20 or later with npm")
            });
        assert!(
            status.success(),
            "npm could not install {package} from the npm registry"
        );
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::rename(&partial, &dir).unwrap();
        assert!(tool.exists(), "npm installed {package} without `{bin}`");
    }
    tool
}

/// Node.js 22 from the npm registry, whose type stripping runs a
/// TypeScript module as it is written; the machine's own node may be
/// older.
pub(crate) fn node22() -> PathBuf {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        other => other,
    };
    npm_tool(
        &format!("node-{}-{arch}@22.12.0", std::env::consts::OS),
        "node",
    )
}

/// The program `bin` of the Python package `package` (`name==version`),
/// installed from the Python package index into a virtual environment of
/// its own under the target directory the first time.
pub(crate) fn pip_tool(package: &str, bin: &str) -> PathBuf {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join(package.replace("==", "-"));
    let tool = venv.join("bin").join(bin);
    let _one_at_a_time = INSTALLING.lock().unwrap_or_else(PoisonError::into_inner);
    if !tool.exists() {
        let status = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .unwrap_or_else(|_| {
                panic!("python3 installs {package} for this test: install Python 3 with its venv module")
            });
        assert!(status.success(), "python3 -m venv failed");
        let status = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", package])
            .status()
            .unwrap();
        assert!(
            status.success(),
            "pip could not install {package} from the Python package index"
        );
    }
    tool
}

/// Copies the node test `test` of `tests/typescript` into `dir` and runs
/// it there on node 22's type stripping: whether it passed, and its
/// report, then what it wrote to stderr.
pub(crate) fn node_test(dir: &Path, test: &str) -> (bool, String) {
    std::fs::copy(
        root().join("errcodes-cli/tests/typescript").join(test),
        dir.join(test),
    )
    .unwrap();
    let tested = Command::new(node22())
        .args([
            "--experimental-strip-types",
            "--no-warnings",
            "--test",
            test,
        ])
        .current_dir(dir)
        .output()
        .expect("node runs the module's test");
    (
        tested.status.success(),
        format!("{}{}", text(&tested.stdout), text(&tested.stderr)),
    )
}
