//! `errcodes export --format proto`: a catalog's gRPC reasons as a
//! protobuf enum, in the style of AIP-193's `ErrorReason` enums, so that
//! clients generated from protobuf name reasons with constants. The lock
//! gives the numbers, which never change once published; a retired code's
//! number and name are reserved.

use std::collections::HashMap;
use std::fmt::Write as _;

use errcodes_codegen::lock::{Lock, Reason};
use errcodes_codegen::{CheckedCatalog, CheckedCode};

use crate::Io;
use crate::load::Loaded;

/// The enum's name, and its default value's.
const ENUM: &str = "ErrorReason";
const UNSPECIFIED: &str = "ERROR_REASON_UNSPECIFIED";
/// How wide comments are, after their indentation.
const WIDTH: usize = 76;

/// The `.proto` file of `loaded`, in `package` or else the package its gRPC
/// domain gives. Warns on `io.err` when the numbers are not all locked.
///
/// # Errors
///
/// When the catalog does not serve gRPC, the package is not a protobuf
/// package name, or the lock gives a number twice.
pub(crate) fn file(
    loaded: &Loaded,
    package: Option<&str>,
    io: &mut Io<'_>,
) -> Result<String, String> {
    let catalog = &loaded.catalog;
    let Some(domain) = &catalog.grpc_domain else {
        return Err(format!(
            "`{}` does not serve gRPC: add `grpc-domain:` to give its codes reasons",
            loaded.path
        ));
    };
    let package = match package {
        Some(package) => package.to_owned(),
        None => package_of(&domain.value),
    };
    if !is_package(&package) {
        return Err(format!(
            "`{package}` is not a protobuf package name: dot-separated identifiers of letters, digits and `_`, each starting with a letter; give one with --package"
        ));
    }
    let lock = numbered(loaded, io)?;
    let reasons = lock.reasons();
    let codes: HashMap<&str, &CheckedCode> = catalog
        .codes
        .iter()
        .map(|code| (code.code.value.as_str(), code))
        .collect();
    let mut out = header(loaded, &domain.value, &package);
    let _ = writeln!(
        out,
        "// Why an error of `{}` happened: the `reason` of its `ErrorInfo`.",
        catalog.name.value
    );
    let _ = write!(
        out,
        "enum {ENUM} {{\n  // Not a reason: the default value, which no error has.\n  {UNSPECIFIED} = 0;\n"
    );
    let mut published: Vec<&Reason<'_>> = reasons.iter().filter(|r| !r.retired).collect();
    published.sort_by_key(|reason| reason.number);
    for reason in &published {
        if let Some(code) = codes.get(reason.code) {
            value(&mut out, catalog, code, reason);
        }
    }
    reserved(&mut out, &reasons);
    out.push_str("}\n");
    Ok(out)
}

/// The lock with a number for every reason: the catalog's lock brought up
/// to date, or numbers in catalog order when it has none.
fn numbered(loaded: &Loaded, io: &mut Io<'_>) -> Result<Lock, String> {
    let lock = if let Some(locked) = &loaded.locked {
        let updated = locked.updated(&loaded.catalog);
        let kept: Vec<&str> = locked.reasons().iter().map(|r| r.code).collect();
        let new = updated
            .reasons()
            .iter()
            .filter(|r| !r.retired && !kept.contains(&r.code))
            .count();
        if new > 0 {
            let _ = writeln!(
                io.err,
                "warning: `{}`'s lock does not number {new} of its reasons yet; run `errcodes lock {}` so that their numbers are kept",
                loaded.path, loaded.path
            );
        }
        updated
    } else {
        let _ = writeln!(
            io.err,
            "warning: `{}` has no lock, so the numbers follow the catalog's order and may change; run `errcodes lock {}` to keep them",
            loaded.path, loaded.path
        );
        Lock::default().updated(&loaded.catalog)
    };
    let mut seen: HashMap<u32, &str> = HashMap::new();
    for reason in lock.reasons() {
        if let Some(first) = seen.insert(reason.number, reason.code) {
            return Err(format!(
                "the lock of `{}` gives number {} to both `{first}` and `{}`; restore it from version control and run `errcodes lock`",
                loaded.path, reason.number, reason.code
            ));
        }
    }
    Ok(lock)
}

/// The comment that opens the file, its syntax and its package.
fn header(loaded: &Loaded, domain: &str, package: &str) -> String {
    let catalog = &loaded.catalog;
    let mut out = String::new();
    let mut said = format!(
        "The gRPC error reasons of `{}`, from {}.",
        catalog.name.value, loaded.path
    );
    if let Some(description) = &catalog.description {
        let _ = write!(said, "\n\n{}", description.value);
    }
    let numbers = match &loaded.lock {
        Some((path, _)) => format!("The numbers are kept in {path} and never change"),
        None => "The catalog has no lock yet, so the numbers may still change".to_owned(),
    };
    let _ = write!(
        said,
        "\n\nEach value names the `reason` of the `google.rpc.ErrorInfo` that errors of domain \"{domain}\" carry (AIP-193). {numbers}; a retired code's number and name are reserved. A value is named exactly as its reason, so it tells buf's lint (a `buf.yaml` of version v2, as `buf config init` writes it) to let it go without the enum's prefix.\n\nbuf lint expects this file in a directory named after its package, {}.\n\nWritten by `errcodes export --format proto`: edit the catalog, not this file.",
        package.replace('.', "/")
    );
    comment(&mut out, "", &said);
    let _ = write!(out, "syntax = \"proto3\";\n\npackage {package};\n\n");
    out
}

/// One value, with the code's title, description and facts as its comment.
fn value(out: &mut String, catalog: &CheckedCatalog, code: &CheckedCode, reason: &Reason<'_>) {
    let mut said = code.title.value.clone();
    if let Some(description) = code.description() {
        let _ = write!(said, "\n\n{description}");
    }
    if let Some(deprecation) = code.deprecation() {
        let _ = write!(said, "\n\nDeprecated: {deprecation}");
    }
    let grpc = code
        .grpc
        .as_ref()
        .map_or("UNKNOWN", |grpc| grpc.grpc_code.value.as_str());
    let _ = write!(
        said,
        "\n\nCode `{}` of {}: HTTP {}, gRPC {grpc}, action {}.",
        code.code.value, catalog.name.value, code.status.value, code.action.value
    );
    if !code.fields.is_empty() {
        let keys: Vec<String> = code
            .fields
            .iter()
            .map(|field| {
                let form = if field.ty.value.is_text() {
                    ""
                } else {
                    ", as JSON text"
                };
                let presence = if field.optional.value {
                    ", optional"
                } else {
                    ""
                };
                format!("`{}` ({}{form}{presence})", field.key(), field.ty.value)
            })
            .collect();
        let _ = write!(said, "\n\nErrorInfo metadata keys: {}.", keys.join(", "));
    }
    out.push('\n');
    comment(out, "  ", &said);
    let option = if code.deprecated.is_some() {
        " [deprecated = true]"
    } else {
        ""
    };
    // The reason is the value's name as it is, not prefixed with the
    // enum's, since it must equal the `ErrorInfo` reason.
    let _ = writeln!(out, "  // buf:lint:ignore ENUM_VALUE_PREFIX");
    let _ = writeln!(out, "  {} = {}{option};", reason.reason, reason.number);
}

/// The numbers and names of retired codes. A retired name that a code
/// uses again (after `errcodes lock --allow-breaking`) keeps only its
/// number reserved.
fn reserved(out: &mut String, reasons: &[Reason<'_>]) {
    let live: Vec<&str> = reasons
        .iter()
        .filter(|r| !r.retired)
        .map(|r| r.reason)
        .collect();
    let mut retired: Vec<&Reason<'_>> = reasons.iter().filter(|r| r.retired).collect();
    if retired.is_empty() {
        return;
    }
    retired.sort_by_key(|reason| reason.number);
    let numbers: Vec<String> = retired.iter().map(|r| r.number.to_string()).collect();
    let _ = write!(
        out,
        "\n  // Retired codes: never used again.\n  reserved {};\n",
        numbers.join(", ")
    );
    let names: Vec<String> = retired
        .iter()
        .filter(|r| !live.contains(&r.reason))
        .map(|r| format!("\"{}\"", r.reason))
        .collect();
    if !names.is_empty() {
        let _ = writeln!(out, "  reserved {};", names.join(", "));
    }
}

/// `text` as `//` comment lines indented by `indent`, each paragraph
/// wrapped to the width.
fn comment(out: &mut String, indent: &str, text: &str) {
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            let _ = writeln!(out, "{indent}//");
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + word.len() > WIDTH {
                let _ = writeln!(out, "{indent}// {line}");
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            let _ = writeln!(out, "{indent}// {line}");
        }
    }
}

/// The package a domain gives: its labels reversed, `-` as `_`, a label
/// that starts with a digit after `n`, and the version `v1`:
/// `pass.example.com` gives `com.example.pass.v1`.
fn package_of(domain: &str) -> String {
    let mut labels: Vec<String> = domain
        .rsplit('.')
        .map(|label| {
            let label = label.replace('-', "_");
            if label.starts_with(|c: char| c.is_ascii_digit()) {
                format!("n{label}")
            } else {
                label
            }
        })
        .collect();
    // A version as the last part, as protobuf style guides and buf's lint
    // expect of a package.
    labels.push("v1".to_owned());
    labels.join(".")
}

/// Whether `package` is a protobuf package name.
fn is_package(package: &str) -> bool {
    package.split('.').all(|part| {
        part.starts_with(|c: char| c.is_ascii_alphabetic())
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_come_from_domains() {
        assert_eq!(package_of("pass.example.com"), "com.example.pass.v1");
        assert_eq!(package_of("my-api.2fa.io"), "io.n2fa.my_api.v1");
        assert!(is_package("com.example.pass"));
        assert!(!is_package("com..pass"));
        assert!(!is_package("_x"));
    }

    #[test]
    fn comments_wrap_by_paragraph() {
        let mut out = String::new();
        comment(&mut out, "  ", &format!("{}\n\nshort", "word ".repeat(20)));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.iter().all(|line| line.len() <= WIDTH + 5), "{out}");
        assert_eq!(lines[lines.len() - 2..], ["  //", "  // short"]);
    }
}
