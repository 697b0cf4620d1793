//! What the tests of the binary share: running it, and scratch directories.

// Each test binary uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// The program `bin` of the npm package `package` (`name@version`),
/// installed with npm under the target directory the first time.
pub(crate) fn npm_tool(package: &str, bin: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(package.replace(['@', '/'], "-"));
    let tool = dir.join("node_modules/.bin").join(bin);
    if !tool.exists() {
        let status = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&dir)
            .arg(package)
            .status()
            .unwrap_or_else(|_| {
                panic!("npm installs {package} for this test: install Node.js 20 or later with npm")
            });
        assert!(
            status.success(),
            "npm could not install {package} from the npm registry"
        );
    }
    tool
}
