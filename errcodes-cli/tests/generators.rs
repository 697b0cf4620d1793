//! The OpenAPI export as the client generators users run read it: the
//! known codes stay a type of literals (TypeScript) and an enum (Python),
//! and a body with a code added later is still accepted. openapi-typescript
//! and TypeScript come from the npm registry, datamodel-code-generator
//! and pydantic from the Python package index, each installed by this test
//! under the target directory.

#![forbid(unsafe_code)]

mod common;

use std::process::Command;

use common::{errcodes, npm_tool, pip_tool, root, scratch, text};

/// The export of ACP and Privacy Service, written to `dir`.
fn export(dir: &std::path::Path) -> std::path::PathBuf {
    let output = errcodes(
        root(),
        &[
            "export",
            "--format",
            "openapi",
            "specs/acp.yaml",
            "specs/privacy.yaml",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let path = dir.join("errors.json");
    std::fs::write(&path, &output.stdout).unwrap();
    path
}

/// What a TypeScript client writes against the generated types: a known
/// code is a literal of its type (another string is refused), and an
/// envelope with a later code is still a body.
const TYPESCRIPT_CLIENT: &str = r#"
type Schemas = components["schemas"];
export const known: Schemas["AcpErrorCode"] = "RATE_LIMIT_EXCEEDED";
// @ts-expect-error: not a code of the catalog
export const unknown: Schemas["AcpErrorCode"] = "NOT_A_CODE";
export const later: Schemas["AcpErrorAcpEnvelope"] = {
  success: false,
  error: { code: "BRAND_NEW_CODE", message: "added after the client was generated" },
};
export function isKnown(code: Schemas["AcpErrorReceivedCode"]): code is Schemas["AcpErrorCode"] {
  return code === known;
}
"#;

#[test]
fn openapi_typescript_keeps_the_known_codes_as_literals() {
    let dir = scratch("openapi-typescript");
    let document = export(&dir);
    let generator = npm_tool(
        "openapi-typescript@7.13.0 typescript@5.9.3",
        "openapi-typescript",
    );
    let generated = Command::new(&generator)
        .arg(&document)
        .arg("--output")
        .arg(dir.join("errors.ts"))
        .output()
        .unwrap();
    assert!(generated.status.success(), "{}", text(&generated.stderr));
    let mut types = std::fs::read_to_string(dir.join("errors.ts")).unwrap();
    assert!(
        types.contains(r#"AcpErrorCode: "INVALID_CREDENTIALS" | "TOKEN_EXPIRED""#),
        "{types}"
    );
    types.push_str(TYPESCRIPT_CLIENT);
    std::fs::write(dir.join("client.ts"), types).unwrap();
    let checked = Command::new(generator.with_file_name("tsc"))
        .args(["--strict", "--noEmit", "--target", "es2022", "client.ts"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}{}",
        text(&checked.stdout),
        text(&checked.stderr)
    );
}

/// What a Python client does with the generated models: a known code
/// comes back as a member of the enum, a later one as a string.
const PYTHON_CLIENT: &str = r#"
import sys
sys.path.insert(0, ".")
import models

def code_of(body):
    return models.AcpErrorAcpEnvelope.model_validate_json(body).error.code.root

known = code_of('{"success": false, "error": {"code": "RATE_LIMIT_EXCEEDED", "message": "m"}}')
assert known is models.AcpErrorCode.RATE_LIMIT_EXCEEDED, repr(known)
later = code_of('{"success": false, "error": {"code": "BRAND_NEW_CODE", "message": "m"}}')
assert type(later) is str and later == "BRAND_NEW_CODE", repr(later)
privacy = models.PrivacyErrorCode("1000-400")
assert privacy.value == "1000-400"
print("ok")
"#;

#[test]
fn datamodel_code_generator_gives_known_codes_as_an_enum() {
    let dir = scratch("datamodel-code-generator");
    let document = export(&dir);
    let generator = pip_tool("datamodel-code-generator==0.34.0", "datamodel-codegen");
    // Pydantic's default union mode prefers `str` for any string, known
    // or not: the README says to ask for the left-to-right mode.
    let generated = Command::new(&generator)
        .arg("--input")
        .arg(&document)
        .args([
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--union-mode",
            "left_to_right",
            "--output",
            "models.py",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(generated.status.success(), "{}", text(&generated.stderr));
    std::fs::write(dir.join("client.py"), PYTHON_CLIENT).unwrap();
    let run = Command::new(generator.with_file_name("python"))
        .arg("client.py")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        run.status.success() && text(&run.stdout).trim() == "ok",
        "{}{}",
        text(&run.stdout),
        text(&run.stderr)
    );
}
