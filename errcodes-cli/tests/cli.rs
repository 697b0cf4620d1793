//! The `errcodes` binary as users run it: on the shipped catalogs, on
//! broken ones, and against real validators of what it writes: a JSON
//! Schema validator, and `openapi-spec-validator` for OpenAPI 3.1.

#![forbid(unsafe_code)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{errcodes, pip_tool, root, scratch, text};
use serde_json::{Value, json};

/// The shipped catalogs, as paths relative to the workspace.
fn shipped() -> Vec<String> {
    let mut specs: Vec<String> = std::fs::read_dir(root().join("specs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| format!("specs/{}", path.file_name().unwrap().to_string_lossy()))
        .collect();
    specs.sort();
    assert_eq!(specs.len(), 5, "{specs:?}");
    specs
}

fn args<'a>(first: &[&'a str], specs: &'a [String]) -> Vec<&'a str> {
    first
        .iter()
        .copied()
        .chain(specs.iter().map(String::as_str))
        .collect()
}

#[test]
fn the_shipped_catalogs_check_clean() {
    let specs = shipped();
    let output = errcodes(root(), &args(&["check"], &specs));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "5 catalogs: no errors, no warnings\n");
}

#[test]
fn a_duplicate_code_fails_the_check_with_its_place() {
    let dir = scratch("duplicate");
    std::fs::write(
        dir.join("shop.yaml"),
        "name: ShopError\ncodes:\n  - code: OUT_OF_STOCK\n    status: 409\n    title: Out\n    description: d\n  - code: OUT_OF_STOCK\n    status: 410\n    title: Gone\n    description: d\n",
    )
    .unwrap();
    let output = errcodes(&dir, &["check", "shop.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("error: duplicate code `OUT_OF_STOCK`\n --> shop.yaml:7:11\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "note: `OUT_OF_STOCK` is already the code of `OutOfStock`\n --> shop.yaml:3:11"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("1 catalog: 1 error, no warnings\n"),
        "{stderr}"
    );

    // The same as JSON, one object per diagnostic.
    let output = errcodes(&dir, &["check", "--format", "json", "shop.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<Value> = text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let expected = serde_json::json!({
        "file": "shop.yaml", "line": 7, "column": 11, "end": {"line": 7, "column": 23},
        "severity": "error", "message": "duplicate code `OUT_OF_STOCK`",
        "notes": [{"message": "`OUT_OF_STOCK` is already the code of `OutOfStock`", "file": "shop.yaml", "line": 3, "column": 11}],
        "help": ["codes must be unique: change this entry's code, or remove the entry"],
    });
    assert_eq!(lines[0], expected);
}

#[test]
fn warnings_do_not_fail_the_check() {
    let dir = scratch("warnings");
    std::fs::write(
        dir.join("sql.yaml"),
        "name: SqlError\ncodes:\n  - code: HV000\n    status: 500\n    title: FDW error\n  - code: \"00000\"\n    name: SuccessfulCompletion\n    status: 200\n    title: Done\n    description: d\n    outcome: failure\n",
    )
    .unwrap();
    let output = errcodes(&dir, &["check", "--format", "json", "sql.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let messages: Vec<(String, String)> = text(&output.stdout)
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap();
            (
                value["severity"].as_str().unwrap().to_owned(),
                value["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let warning = |message: &str| ("warning".to_owned(), message.to_owned());
    assert_eq!(
        messages,
        [
            warning("variant `Hv000` is named after code `HV000`, digits and all"),
            warning("code `HV000` has no description"),
            warning("code `00000` is a failure, but its status 200 says the request succeeded"),
        ]
    );
}

/// The strings the macro passes to `compile_error!` for a catalog.
fn macro_errors(written: &str, resolved: &Path) -> Vec<String> {
    let tokens = errcodes_codegen::expand_file(written, resolved, proc_macro2::Span::call_site());
    let mut errors = Vec::new();
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        if let proc_macro2::TokenTree::Ident(ident) = &token
            && ident == "compile_error"
        {
            tokens.next(); // `!`
            if let Some(proc_macro2::TokenTree::Group(group)) = tokens.next() {
                let literal: syn::LitStr = syn::parse2(group.stream()).unwrap();
                errors.push(literal.value());
            }
        }
    }
    errors
}

#[test]
fn the_check_reports_exactly_what_the_macro_reports() {
    let tests = root().join("tests");
    let mut compared = 0;
    for entry in std::fs::read_dir(tests.join("ui")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "yaml") {
            continue;
        }
        let written = format!("ui/{}", path.file_name().unwrap().to_string_lossy());
        let from_macro = macro_errors(&written, &path);
        let output = errcodes(&tests, &["check", &written]);
        let from_cli: Vec<String> = text(&output.stderr)
            .split("\n\n")
            .filter_map(|block| block.strip_prefix("error: "))
            .map(str::to_owned)
            .collect();
        assert_eq!(from_cli, from_macro, "{written}");
        // A catalog whose mistake is in the Rust that uses it checks clean.
        let failed = !from_macro.is_empty();
        assert_eq!(output.status.code(), Some(i32::from(failed)), "{written}");
        compared += from_macro.len();
    }
    assert!(compared >= 20, "only {compared} errors compared");
}

#[test]
fn a_missing_file_names_the_path_tried() {
    let output = errcodes(root(), &["check", "specs/nope.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with("error: cannot read the catalog `specs/nope.yaml`: "),
        "{}",
        text(&output.stderr)
    );
    // The summary does not call it a catalog without errors.
    let output = errcodes(root(), &["check", "specs/pass.yaml", "specs/nope.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr)
            .ends_with("1 catalog: no errors, no warnings; 1 catalog could not be read\n"),
        "{}",
        text(&output.stderr)
    );
    let output = errcodes(root(), &["explain", "x", "--spec", "missing.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("`missing.yaml`"));
}

#[test]
fn help_version_and_bad_arguments() {
    for command in ["check", "docs", "explain", "export", "lock", "diff"] {
        let output = errcodes(root(), &[command, "--help"]);
        assert!(output.status.success());
        assert!(text(&output.stdout).contains("Examples:"), "{command}");
    }
    let output = errcodes(root(), &["--version"]);
    assert_eq!(
        text(&output.stdout),
        format!("errcodes {}\n", env!("CARGO_PKG_VERSION"))
    );
    let output = errcodes(root(), &["export", "specs/pass.yaml", "--format", "yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("invalid value 'yaml'"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(errcodes(root(), &["check"]).status.code(), Some(2));
}

#[test]
fn the_committed_reference_pages_are_up_to_date() {
    let out = scratch("docs");
    let specs = shipped();
    let out_arg = out.display().to_string();
    let output = errcodes(root(), &args(&["docs", "--out", &out_arg], &specs));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let committed = root().join("docs/catalogs");
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let written = names(&out);
    // A page per catalog, and one per language of a translated catalog.
    assert!(written.contains(&"acp.pl.md".to_owned()), "{written:?}");
    assert_eq!(written.len(), specs.len() + 2, "{written:?}");
    let stale: Vec<&String> = written
        .iter()
        .filter(|name| {
            std::fs::read(committed.join(name)).ok() != std::fs::read(out.join(name)).ok()
        })
        .collect();
    assert!(
        stale.is_empty(),
        "docs/catalogs is stale ({stale:?}); regenerate it with `cargo run -p errcodes-cli -- docs specs/*.yaml --out docs/catalogs`"
    );
    assert_eq!(
        names(&committed),
        written,
        "docs/catalogs holds a page of no catalog"
    );
}

#[test]
fn explain_tells_everything_and_suggests_near_misses() {
    let output = errcodes(root(), &["explain", "too_many_requests"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for expected in [
        "too_many_requests: Too many requests",
        "PassError (specs/pass.yaml)",
        "status    429 Too Many Requests",
        "action    retry-after: send the same request again after the delay",
        "    HTTP/1.1 429 Too Many Requests\n    Content-Type: application/json\n    Retry-After: 5\n",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in\n{stdout}");
    }
    let output = errcodes(root(), &["explain", "to_many_requests"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("no catalog has the code `to_many_requests`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("\n  too_many_requests  (specs/pass.yaml)"),
        "{stderr}"
    );
    // Case does not hide a code either.
    let output = errcodes(root(), &["explain", "INPUTERROR"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("InputError: "));
}

#[test]
fn explain_takes_a_catalog_named_beside_the_code() {
    // As `check` and `docs` take catalogs: searched alone, as with --spec.
    let output = errcodes(
        root(),
        &["explain", "RATE_LIMIT_EXCEEDED", "specs/acp.yaml"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("catalog   AcpError (specs/acp.yaml)"),
        "{}",
        text(&output.stdout)
    );
    let output = errcodes(root(), &["explain", "too_many_requests", "specs/acp.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("(searched `specs/acp.yaml`)"),
        "{}",
        text(&output.stderr)
    );
    let output = errcodes(root(), &["explain", "specs/acp.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no code to explain, only catalogs (`specs/acp.yaml`)"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn explain_finds_a_code_by_its_name_a_status_or_words() {
    let explained = |query: &[&str]| {
        let output = errcodes(root(), &[&["explain"], query].concat());
        assert!(
            output.status.success(),
            "{query:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    };
    // What Debug prints and the pages' Rust column shows, in any case and
    // with any separators.
    for query in ["TooManyRequests", "TOO-MANY-REQUESTS", "Too Many Requests"] {
        let stdout = explained(&[query]);
        assert!(
            stdout.starts_with("too_many_requests: Too many requests\n"),
            "{query}: {stdout}"
        );
    }
    let stdout = explained(&["rate_limit_exceeded"]);
    assert!(stdout.starts_with("RATE_LIMIT_EXCEEDED: "), "{stdout}");
    // A variant name unlike its code.
    for query in ["FormattingError", "formatting_error"] {
        let stdout = explained(&[query]);
        assert!(stdout.starts_with("1000-400: "), "{query}: {stdout}");
    }
    // A status lists every code sent with it.
    let stdout = explained(&["429"]);
    assert!(stdout.starts_with("3 codes with status 429:\n"), "{stdout}");
    for code in [
        "RATE_LIMIT_EXCEEDED",
        "too_many_requests",
        "user_rate_limit_exceeded",
    ] {
        assert!(
            stdout.contains(&format!("\n  {code} ")),
            "{code} in {stdout}"
        );
    }
    let rows: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("  "))
        .collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(rows.iter().all(|row| row.contains(" 429 ")), "{stdout}");
    // Words: titles first, and a word may start a longer one.
    let stdout = explained(&["token", "expir"]);
    let rows: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("  "))
        .collect();
    assert!(rows.len() >= 2, "{stdout}");
    assert!(rows[0].contains("Token expired"), "{stdout}");
    assert!(rows[1].contains("Access token expired"), "{stdout}");
    // Words that find one code explain it.
    let stdout = explained(&["individualization"]);
    assert!(stdout.contains("\n  status    "), "{stdout}");
    // Nothing found: the nearest codes, by code or variant name, with the
    // name where it is not the code spelt otherwise.
    let output = errcodes(root(), &["explain", "FormatingError"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("the closest codes are:\n  1000-400 FormattingError  (specs/privacy.yaml)"),
        "{stderr}"
    );
    let output = errcodes(root(), &["explain", "TooManyRequest"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("the closest codes are:\n  too_many_requests  (specs/pass.yaml)"),
        "{stderr}"
    );
}

fn schema_json(schema: &str) -> Value {
    serde_json::from_slice(&std::fs::read(root().join(schema)).unwrap()).unwrap()
}

fn validator(schema: &str) -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema_json(schema)).unwrap()
}

fn yaml_as_json(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

#[test]
fn the_catalog_schema_takes_the_shipped_catalogs_and_refuses_typos() {
    let schema = validator("specs/catalog.schema.json");
    for spec in shipped() {
        let text = std::fs::read_to_string(root().join(&spec)).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=./catalog.schema.json\n"),
            "{spec}"
        );
        let errors: Vec<String> = schema
            .iter_errors(&yaml_as_json(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{spec}: {errors:?}");
    }
    let misspelt =
        yaml_as_json("name: ShopError\ncodes:\n  - code: E1\n    staus: 400\n    title: T\n");
    assert!(!schema.is_valid(&misspelt));
    let misspelt =
        yaml_as_json("nmae: ShopError\ncodes:\n  - code: E1\n    status: 400\n    title: T\n");
    assert!(!schema.is_valid(&misspelt));
    let vocabulary = yaml_as_json(
        "name: ShopError\ncodes:\n  - code: E1\n    status: 400\n    title: T\n    action: retry_after\n",
    );
    assert!(!schema.is_valid(&vocabulary));
    let template = yaml_as_json(
        "name: ShopError\ncode-format: [NNNN-SSS, camelCase]\ncodes:\n  - code: E1\n    status: 400\n    title: T\n",
    );
    assert!(!schema.is_valid(&template));
    let fine = yaml_as_json(
        "name: ShopError\ncode-format: [NNNN-SSS, snake_case]\ncodes:\n  - code: E1\n    status: 400\n    title: T\n",
    );
    assert!(schema.is_valid(&fine));
}

/// The property names of the object schema at `pointer`.
fn keys(schema: &Value, pointer: &str) -> Vec<String> {
    let mut keys: Vec<String> = schema
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap()
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

fn sorted(keys: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = keys.iter().map(|&key| key.to_owned()).collect();
    keys.sort();
    keys
}

#[test]
fn the_schemas_are_those_the_declared_keys_give() {
    for (which, path) in [
        ("catalog", "specs/catalog.schema.json"),
        ("export", "specs/export.schema.json"),
    ] {
        let output = errcodes(root(), &["schema", which]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let committed = std::fs::read_to_string(root().join(path)).unwrap();
        assert!(
            committed == text(&output.stdout),
            "{path} is stale; regenerate it with `cargo run -p errcodes-cli -- schema {which} > {path}`"
        );
    }
}

/// The `.rs` files named in backticks in `text`, such as `keys.rs` or
/// `check/code.rs`.
fn files_named(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|word| is_rust(word) && !word.contains(' '))
        .map(str::to_owned)
        .collect()
}

fn is_rust(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|ext| ext == "rs")
}

/// The modules of a crate's `src`, as paths relative to it, other than its
/// root and `main.rs`.
fn modules(src: &std::path::Path, under: &str, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(src.join(under)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let relative = if under.is_empty() {
            name.clone()
        } else {
            format!("{under}/{name}")
        };
        if path.is_dir() {
            modules(src, &relative, found);
        } else if is_rust(&name) && !matches!(relative.as_str(), "lib.rs" | "main.rs") {
            found.push(relative);
        }
    }
}

#[test]
fn the_layout_tables_name_the_files_that_are_there() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let layout = &readme[readme.find("## Layout").unwrap()..];
    let layout = &layout[..layout.find("\n\nTest suites").unwrap()];
    for krate in [
        "errcodes-runtime",
        "errcodes-codegen",
        "errcodes-cli",
        "errcodes-core",
    ] {
        let row = layout
            .lines()
            .find(|line| line.starts_with(&format!("| `{krate}`")))
            .unwrap_or_else(|| panic!("README's Layout has no row for {krate}"));
        let src = root().join(krate).join("src");
        let mut present = Vec::new();
        modules(&src, "", &mut present);
        for named in files_named(row) {
            let exists = present
                .iter()
                .any(|file| file == &named || file.ends_with(&format!("/{named}")));
            assert!(
                exists,
                "README's Layout names {named} in {krate}, which has no such file"
            );
        }
    }
    // The pipeline's table of steps names every module of the engine.
    let lib = std::fs::read_to_string(root().join("errcodes-codegen/src/lib.rs")).unwrap();
    let steps = &lib[..lib.find("#![forbid").unwrap()];
    let named = files_named(steps);
    let mut present = Vec::new();
    modules(&root().join("errcodes-codegen/src"), "", &mut present);
    for file in &present {
        let stem = file.trim_end_matches(".rs");
        let named_here = named.contains(file)
            || steps.contains(&format!("[`{stem}`]"))
            || steps.contains(&format!("`{file}`"));
        // The reader's two halves and the fuzzing helpers are not steps.
        let helper = file.starts_with("yaml/") || matches!(file.as_str(), "fuzz.rs");
        assert!(
            named_here || helper,
            "errcodes-codegen's table of steps does not name {file}"
        );
    }
    for file in &named {
        assert!(
            present.contains(file),
            "errcodes-codegen's table of steps names {file}, which is not there"
        );
    }
}

#[test]
fn the_format_reference_has_a_row_for_every_declared_key() {
    use errcodes_codegen::keys;
    let format = std::fs::read_to_string(root().join("specs/FORMAT.md")).unwrap();
    for (heading, declared) in [
        ("## Top-level keys", keys::catalog::ALL),
        ("## Code entries", keys::code::ALL),
        ("## Fields", keys::field::ALL),
    ] {
        let start = format.find(heading).unwrap();
        let table = &format[start..];
        let table = &table[..table[heading.len()..]
            .find("\n## ")
            .map_or(table.len(), |end| end + heading.len())];
        for key in declared {
            assert!(
                table.contains(&format!("| `{}`", key.name)),
                "specs/FORMAT.md has no row for `{}` under {heading}",
                key.name
            );
        }
    }
}

#[test]
fn every_declared_key_is_in_both_schemas_with_an_example() {
    use errcodes_codegen::keys::{self, Kind, Reach};
    let read = |path: &str| -> Value {
        serde_json::from_slice(&std::fs::read(root().join(path)).unwrap()).unwrap()
    };
    let (catalog, export) = (
        read("specs/catalog.schema.json"),
        read("specs/export.schema.json"),
    );
    for (declared, written, exported) in [
        (
            keys::catalog::ALL,
            "/properties",
            "/$defs/catalog/properties",
        ),
        (
            keys::code::ALL,
            "/$defs/code/properties",
            "/$defs/code/properties",
        ),
        (keys::code::DEFAULTS, "/properties/defaults/properties", ""),
        (
            keys::domain::ALL,
            "/$defs/domain/properties",
            "/$defs/domain/properties",
        ),
    ] {
        assert_eq!(
            keys(&catalog, written),
            sorted(&declared.iter().map(|key| key.name).collect::<Vec<_>>()),
            "{written}"
        );
        for key in declared {
            let property = catalog.pointer(&format!("{written}/{}", key.name)).unwrap();
            assert!(
                property.get("description").is_some(),
                "{written}/{}",
                key.name
            );
            assert!(
                property.get("examples").is_some() || key.name == "codes",
                "{written}/{} has no example",
                key.name
            );
            if exported.is_empty() || key.reach < Reach::Readers || key.kind == Kind::Structure {
                continue;
            }
            assert!(
                export
                    .pointer(&format!("{exported}/{}", key.name))
                    .is_some(),
                "the export schema lacks {exported}/{}",
                key.name
            );
        }
    }
}

#[test]
fn the_typescript_data_has_every_key_clients_read() {
    use errcodes_codegen::keys::{self, Reach};
    let output = errcodes(
        root(),
        &["export", "--format", "typescript", "specs/pass.yaml"],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let module = text(&output.stdout);
    let data = &module[module.find("export const PassError").unwrap()..];
    let interfaces = &module[..module.find("export const PassError").unwrap()];
    for key in keys::catalog::ALL.iter().chain(keys::code::ALL) {
        if key.reach < Reach::Clients || key.name == "code" {
            continue;
        }
        let name = key.camel_name();
        assert!(
            data.contains(&format!("\"{name}\": ")),
            "no `{name}` in the data"
        );
        assert!(
            interfaces.contains(&format!("  readonly {name}: ")),
            "no `{name}` in the interfaces"
        );
    }
}

#[test]
fn the_json_export_follows_its_schema() {
    let specs = shipped();
    let output = errcodes(root(), &args(&["export", "--format", "json"], &specs));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let export: Value = serde_json::from_slice(&output.stdout).unwrap();
    let schema = validator("specs/export.schema.json");
    let errors: Vec<String> = schema.iter_errors(&export).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // Defaults are applied: Pass's catalog-wide `action: none`, and the
    // action a status implies.
    let codes = |catalog: usize| {
        export["catalogs"][catalog]["codes"]
            .as_array()
            .unwrap()
            .clone()
    };
    let pass = codes(2);
    let code =
        |codes: &[Value], code: &str| codes.iter().find(|c| c["code"] == code).unwrap().clone();
    assert_eq!(code(&pass, "service_unavailable")["action"], "none");
    assert_eq!(code(&pass, "too_many_requests")["action"], "retry-after");
    assert_eq!(export["catalogs"][4]["problem-code"], "member");
    // Translations: the languages, and each code's texts in them, its
    // message in Fluent's syntax; none for a catalog without.
    let acp = &export["catalogs"][0];
    assert_eq!(
        (&acp["default-locale"], &acp["locales"]),
        (&json!("en"), &json!(["de", "pl"]))
    );
    let limited = code(&codes(0), "RATE_LIMIT_EXCEEDED")["translations"]["pl"].clone();
    assert_eq!(limited["title"], "Przekroczono limit żądań");
    let message = limited["message"].as_str().unwrap();
    assert!(message.contains("[few] { $limit } żądania\n"), "{message}");
    assert_eq!(code(&pass, "too_many_requests")["translations"], json!({}));
    assert_eq!(export["catalogs"][2]["locales"], json!([]));
    // Deterministic: the same bytes every time.
    let again = errcodes(root(), &args(&["export", "--format", "json"], &specs));
    assert_eq!(again.stdout, output.stdout);
    // A later release's words are accepted: a new action, wire format,
    // severity; the known ones are still listed.
    let mut later = export.clone();
    let first = &mut later["catalogs"][0]["codes"][0];
    first["action"] = Value::from("brand-new-action");
    first["wire-format"] = Value::from("brand-new-format");
    first["severity"] = Value::from("brand-new-severity");
    first["new-key"] = Value::from(true);
    assert!(
        schema.is_valid(&later),
        "{:?}",
        schema
            .iter_errors(&later)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let action = &schema_json("specs/export.schema.json")["$defs"]["code"]["properties"]["action"];
    assert!(
        action["anyOf"][0]["enum"]
            .as_array()
            .unwrap()
            .contains(&Value::from("retry-after"))
    );
    // Where it came from.
    let source = &export["catalogs"][2]["source"];
    assert_eq!(source["lock"], "specs/pass.lock");
    assert!(
        source["lock-digest"]
            .as_str()
            .unwrap()
            .starts_with("fnv1a-64:")
    );
    // The schema is not a formality: a missing default is refused.
    let mut broken = export.clone();
    broken["catalogs"][0]["codes"][0]
        .as_object_mut()
        .unwrap()
        .remove("action");
    assert!(!schema.is_valid(&broken));
}

/// `openapi-spec-validator`, pinned.
fn openapi_validator() -> PathBuf {
    pip_tool("openapi-spec-validator==0.9.0", "openapi-spec-validator")
}

fn validate_openapi(path: &Path) -> Output {
    Command::new(openapi_validator())
        .args(["--schema", "3.1"])
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn the_openapi_export_passes_the_openapi_validator() {
    let dir = scratch("openapi");
    let specs = shipped();
    let mut exports: Vec<(String, Vec<&str>)> = specs
        .iter()
        .map(|spec| (spec.clone(), vec![spec.as_str()]))
        .collect();
    exports.push(("all".to_owned(), specs.iter().map(String::as_str).collect()));
    // A catalog in Google's error model.
    exports.push(("cloud".to_owned(), vec!["tests/fixtures/cloud.yaml"]));
    for (name, specs) in exports {
        let mut arguments = vec!["export", "--format", "openapi"];
        arguments.extend(specs);
        let output = errcodes(root(), &arguments);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let path = dir.join(format!("{}.json", name.replace('/', "-")));
        std::fs::write(&path, &output.stdout).unwrap();
        let validated = validate_openapi(&path);
        assert!(
            validated.status.success(),
            "{name}: {}{}",
            text(&validated.stdout),
            text(&validated.stderr)
        );
        let document: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(document["openapi"], "3.1.0");
    }
    // What the document says of the Pass catalog.
    let output = errcodes(
        root(),
        &["export", "--format", "openapi", "specs/pass.yaml"],
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes = &document["components"]["schemas"]["PassErrorCode"];
    assert_eq!(codes["enum"].as_array().unwrap().len(), 47);
    let received = &document["components"]["schemas"]["PassErrorReceivedCode"];
    assert_eq!(received["x-extensible-enum"], codes["enum"]);
    assert_eq!(
        received["anyOf"][0]["$ref"],
        "#/components/schemas/PassErrorCode"
    );
    assert_eq!(
        codes["x-errcodes"]["codes"]["too_many_requests"]["status"],
        429
    );
    assert_eq!(
        codes["x-errcodes"]["codes"]["too_many_requests"]["action"],
        "retry-after"
    );
    // The lock it describes, and `Retry-After` where it is sent.
    let lock = std::fs::read_to_string(root().join("specs/pass.lock")).unwrap();
    let sources = &document["info"]["x-errcodes-sources"];
    assert_eq!(sources[0]["lock"], "specs/pass.lock", "{sources}");
    assert_eq!(document["info"]["version"], sources[0]["lock-digest"]);
    assert!(
        document["info"]["version"]
            .as_str()
            .unwrap()
            .starts_with("fnv1a-64:")
            && !lock.is_empty()
    );
    let header = |status: &str| {
        document["components"]["responses"][format!("PassError{status}")]["headers"]["Retry-After"]
            .clone()
    };
    assert_eq!(
        header("429")["required"],
        true,
        "every 429 of Pass is retry-after"
    );
    assert_eq!(header("429")["schema"]["type"], "integer");
    assert_eq!(
        header("400")["required"],
        false,
        "a delay an occurrence gives"
    );
    let response = &document["components"]["responses"]["PassError429"];
    assert!(
        response["x-errcodes-codes"]
            .as_array()
            .unwrap()
            .contains(&Value::from("too_many_requests"))
    );
    // Only a translated catalog's responses say their language.
    assert!(response["headers"].get("Content-Language").is_none());
    // Edge's codes are identified by their problem type URI.
    let output = errcodes(
        root(),
        &["export", "--format", "openapi", "specs/edge.yaml"],
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let type_enum = &document["components"]["schemas"]["EdgeErrorProblem"]["properties"]["type"]["anyOf"]
        [0]["enum"];
    assert!(
        type_enum
            .as_array()
            .unwrap()
            .contains(&Value::from("https://ns.adobe.com/aep/errors/InputError"))
    );

    // The validator is not a formality: it refuses a broken document.
    let mut broken = document;
    broken.as_object_mut().unwrap().remove("info");
    let path = dir.join("broken.json");
    std::fs::write(&path, serde_json::to_vec(&broken).unwrap()).unwrap();
    assert!(!validate_openapi(&path).status.success());
}

#[test]
fn the_openapi_field_schemas_take_every_acp_example_and_refuse_wrong_types() {
    let output = errcodes(root(), &["export", "--format", "openapi", "specs/acp.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let examples: Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/fixtures/wire/acp.json")).unwrap(),
    )
    .unwrap();
    for body in examples.as_array().unwrap() {
        let code = body["error"]["code"].as_str().unwrap();
        let schema = schemas
            .values()
            .find(|schema| schema["x-errcodes-code"] == code)
            .unwrap_or_else(|| panic!("no field schema for {code}"));
        let validator = jsonschema::draft202012::new(schema).unwrap();
        let details = &body["error"]["details"];
        assert!(validator.is_valid(details), "{code}: {details}");
        // A later release's extra member is accepted.
        let mut more = details.clone();
        more["added_later"] = Value::from(1);
        assert!(validator.is_valid(&more), "{code}");
        // A required field of another type is not.
        let required = schema["required"].as_array().unwrap();
        if let Some(first) = required.first().and_then(Value::as_str) {
            let expected = &schema["properties"][first]["type"];
            if !expected.is_null() {
                let mut wrong = details.clone();
                wrong[first] = if expected == "boolean" {
                    Value::from("yes")
                } else {
                    Value::Bool(true)
                };
                assert!(!validator.is_valid(&wrong), "{code}: {first}");
            }
        }
    }
}

#[test]
fn a_catalog_given_by_an_absolute_path_is_shown_relative_to_the_working_directory() {
    let absolute = root().join("specs/pass.yaml");
    let absolute = absolute.to_str().unwrap();
    let output = errcodes(root(), &["export", absolute, "--format", "json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let export = text(&output.stdout);
    assert!(export.contains("\"path\": \"specs/pass.yaml\""), "{export}");
    let out = scratch("absolute-pages");
    let output = errcodes(root(), &["docs", absolute, "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let page = std::fs::read_to_string(out.join("pass.md")).unwrap();
    assert!(page.contains("Generated from `specs/pass.yaml`."), "{page}");
    let machine = root().to_str().unwrap();
    assert!(!export.contains(machine) && !page.contains(machine));
}

#[test]
fn a_translated_catalog_s_responses_say_their_language() {
    let output = errcodes(root(), &["export", "--format", "openapi", "specs/acp.yaml"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let response = &document["components"]["responses"]["AcpError429"];
    let language = &response["headers"]["Content-Language"];
    assert_eq!(language["required"], true, "{response}");
    assert_eq!(
        language["schema"]["x-extensible-enum"],
        json!(["en", "de", "pl"])
    );
    assert_eq!(response["headers"]["Vary"]["required"], true, "{response}");
    let codes = &document["components"]["schemas"]["AcpErrorCode"]["x-errcodes"]["codes"];
    assert_eq!(
        codes["RATE_LIMIT_EXCEEDED"]["translations"]["de"]["title"],
        "Ratenlimit überschritten"
    );
}

#[test]
fn codes_that_are_no_failure_are_in_no_openapi_error_response() {
    let output = errcodes(
        root(),
        &["export", "--format", "openapi", "specs/privacy.yaml"],
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes = &document["components"]["schemas"]["PrivacyErrorCode"];
    assert_eq!(
        codes["x-errcodes-outcomes"],
        serde_json::json!(["6000-200", "6051-200", "6052-200", "6053-200", "6054-200"])
    );
    let responses = document["components"]["responses"].as_object().unwrap();
    assert!(responses.contains_key("PrivacyError400"));
    assert!(
        !responses
            .keys()
            .any(|name| name.starts_with("PrivacyError2"))
    );
}

#[test]
fn openapi_narrows_google_errors_by_the_reason_of_their_error_info() {
    let output = errcodes(
        root(),
        &["export", "--format", "openapi", "tests/fixtures/cloud.yaml"],
    );
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let narrowed = &document["components"]["responses"]["CloudError429"]["content"]["application/json"]
        ["schema"]["allOf"][1]["properties"]["error"]["properties"]["details"]["items"]["properties"]
        ["reason"]["anyOf"][0]["enum"];
    assert_eq!(narrowed, &serde_json::json!(["RESOURCE_AVAILABILITY"]));
}

/// A server on 127.0.0.1 that answers every request with `status` and a
/// problem detail `body`, until the test ends.
fn canned(status: &str, body: &str) -> String {
    let answer = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/problem+json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/items", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_millis(200)));
            // Read what comes in the time given: the head, and some body.
            let mut buffer = [0u8; 8 << 10];
            while matches!(std::io::Read::read(&mut stream, &mut buffer), Ok(n) if n > 0) {}
            let _ = std::io::Write::write_all(&mut stream, answer.as_bytes());
        }
    });
    url
}

#[test]
fn the_probe_names_a_code_the_catalog_lacks_and_accepts_its_own() {
    let foreign = canned(
        "400 Bad Request",
        r#"{"type": "about:blank", "code": "NOT_OURS_XY"}"#,
    );
    let spec = root().join("tests/fixtures/service.yaml");
    let spec = spec.to_str().unwrap();
    let output = errcodes(
        root(),
        &["probe", &foreign, "--spec", spec, "--timeout", "5"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let report = text(&output.stdout);
    assert_eq!(
        report
            .matches("the code `NOT_OURS_XY` is not in the catalog")
            .count(),
        6,
        "{report}"
    );
    let ours = canned(
        "404 Not Found",
        r#"{"type": "about:blank", "code": "NO_SUCH_ROUTE"}"#,
    );
    let output = errcodes(root(), &["probe", &ours, "--spec", spec, "--timeout", "5"]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("0 of 6 answers are not ServiceError's"),
        "{}",
        text(&output.stdout)
    );
}
