//! The subcommands called as functions, with their output captured: what
//! `errcodes` prints for each, without a process.

#![forbid(unsafe_code)]

mod common;

use std::process::ExitCode;

use common::{root, scratch};
use errcodes_cli::{Io, run};
use serde_json::Value;

/// What a run printed, and how it ended.
struct Ran {
    code: ExitCode,
    out: String,
    err: String,
}

/// Runs `errcodes` with `args` in the workspace, `stdin` as its input.
fn errcodes(args: &[&str], stdin: &str) -> Ran {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut input = stdin.as_bytes();
    let mut io = Io {
        out: &mut out,
        err: &mut err,
        input: &mut input,
    };
    let code = run(
        std::iter::once("errcodes").chain(args.iter().copied()),
        &mut io,
    );
    Ran {
        code,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

const SQL: &str = "\
name: SqlError
codes:
  - code: HV000
    status: 500
    title: FDW error
  - code: \"00000\"
    name: SuccessfulCompletion
    status: 200
    title: Done
    description: d
    outcome: failure
";

#[test]
fn check_names_lints_and_takes_allow_and_deny() {
    let dir = scratch("commands-lints");
    let path = dir.join("sql.yaml");
    std::fs::write(&path, SQL).unwrap();
    let path = path.to_str().unwrap();

    let ran = errcodes(&["check", "--format", "json", path], "");
    assert_eq!(ran.code, ExitCode::SUCCESS);
    let lints: Vec<String> = ran
        .out
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap();
            value["lint"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        lints,
        [
            "name-keeps-digits",
            "missing-description",
            "failure-below-400"
        ]
    );

    let ran = errcodes(
        &[
            "check",
            "--allow",
            "missing-description",
            "--allow",
            "name-keeps-digits",
            path,
        ],
        "",
    );
    assert_eq!(ran.code, ExitCode::SUCCESS);
    assert!(
        ran.err.ends_with("1 catalog: no errors, 1 warning\n"),
        "{}",
        ran.err
    );

    let ran = errcodes(&["check", "--deny", "failure-below-400", path], "");
    assert_eq!(ran.code, ExitCode::FAILURE);
    assert!(
        ran.err
            .contains("error: code `00000` is a failure, but its status 200"),
        "{}",
        ran.err
    );
    assert!(
        ran.err.ends_with("1 catalog: 1 error, 2 warnings\n"),
        "{}",
        ran.err
    );
}

#[test]
fn a_misspelt_lint_is_an_argument_error() {
    let ran = errcodes(&["check", "--allow", "missing-descriptions", "x.yaml"], "");
    assert_eq!(ran.code, ExitCode::from(2));
    assert!(
        ran.err.contains("invalid value 'missing-descriptions' for '--allow <LINT>': unknown lint `missing-descriptions`"),
        "{}",
        ran.err
    );
}

#[test]
fn diff_reads_standard_input_and_the_old_lock() {
    let dir = scratch("commands-diff");
    let shop = "name: ShopError\ncodes:\n  - code: A\n    status: 400\n    title: A\n  - code: B\n    status: 400\n    title: B\n";
    std::fs::write(dir.join("old.yaml"), shop).unwrap();
    std::fs::write(
        dir.join("new.yaml"),
        shop.replace("status: 400\n    title: B", "status: 404\n    title: B"),
    )
    .unwrap();
    let (old, new) = (dir.join("old.yaml"), dir.join("new.yaml"));
    let ran = errcodes(&["diff", "-", new.to_str().unwrap()], shop);
    assert_eq!(ran.code, ExitCode::from(1));
    assert_eq!(
        ran.out,
        "breaking [status-changed]: `B` status 400 becomes 404\n"
    );

    // B removed, and locked so, allowing that class of break: B is retired.
    let without_b = "name: ShopError\ncodes:\n  - code: A\n    status: 400\n    title: A\n";
    let ran = errcodes(&["lock", old.to_str().unwrap()], "");
    assert_eq!(ran.code, ExitCode::SUCCESS, "{}", ran.err);
    std::fs::write(&old, without_b).unwrap();
    // Another class does not allow it; a class that does not exist is said.
    let ran = errcodes(
        &[
            "lock",
            "--allow-breaking=status-changed",
            old.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(ran.code, ExitCode::FAILURE, "{}", ran.err);
    assert!(
        ran.err.contains("pass --allow-breaking=code-removed"),
        "{}",
        ran.err
    );
    let ran = errcodes(
        &[
            "lock",
            "--allow-breaking=code-remove",
            old.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        ran.err.contains("did you mean `code-removed`?"),
        "{}",
        ran.err
    );
    let ran = errcodes(
        &[
            "lock",
            "--allow-breaking=code-removed",
            old.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(ran.code, ExitCode::SUCCESS, "{}", ran.err);
    assert!(
        ran.err.contains(
            "warning: breaking, as allowed (code-removed): locked code `B` is no longer in the catalog"
        ),
        "{}",
        ran.err
    );
    // Bringing B back is breaking: the lock beside OLD says it was retired.
    std::fs::write(&new, shop).unwrap();
    let ran = errcodes(&["diff", old.to_str().unwrap(), new.to_str().unwrap()], "");
    assert_eq!(ran.code, ExitCode::from(1), "{}", ran.err);
    assert_eq!(
        ran.out,
        "breaking [retired-code-reused]: `B` was retired and is used again\n"
    );
    // Unless NEW allows that break.
    let allowing = shop.replace("codes:\n", "allow: [retired-code-reused]\ncodes:\n");
    std::fs::write(&new, allowing).unwrap();
    let ran = errcodes(&["diff", old.to_str().unwrap(), new.to_str().unwrap()], "");
    assert_eq!(ran.code, ExitCode::SUCCESS, "{}", ran.err);
    assert!(
        ran.out.starts_with("allowed [retired-code-reused]: "),
        "{}",
        ran.out
    );
}

#[test]
fn explain_and_its_suggestions() {
    let pass = root().join("specs/pass.yaml");
    let ran = errcodes(
        &[
            "explain",
            "too_many_request",
            "--spec",
            pass.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(ran.code, ExitCode::FAILURE);
    assert!(
        ran.err
            .contains("the closest codes are:\n  too_many_requests"),
        "{}",
        ran.err
    );
    let ran = errcodes(
        &[
            "explain",
            "too_many_requests",
            "--spec",
            pass.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(ran.code, ExitCode::SUCCESS);
    assert!(
        ran.out.contains("  status    429 Too Many Requests\n"),
        "{}",
        ran.out
    );
}

#[test]
fn explain_in_a_translation() {
    let acp = root().join("specs/acp.yaml");
    let explain = |lang: &str| {
        errcodes(
            &[
                "explain",
                "RATE_LIMIT_EXCEEDED",
                "--spec",
                acp.to_str().unwrap(),
                "--lang",
                lang,
            ],
            "",
        )
    };
    let ran = explain("pl");
    assert_eq!(ran.code, ExitCode::SUCCESS, "{}", ran.err);
    assert!(
        ran.out
            .starts_with("RATE_LIMIT_EXCEEDED: Przekroczono limit żądań\n"),
        "{}",
        ran.out
    );
    assert!(
        ran.out.contains("  languages en (its own), de, pl\n"),
        "{}",
        ran.out
    );
    assert!(
        ran.out.contains(
            "  pl        Zbyt wiele żądań. Limit: { $limit ->
                    [one] { $limit } żądanie
                    [few] { $limit } żądania
                    [many] { $limit } żądań
                   *[other] { $limit } żądania
                } na { $window }\n"
        ),
        "{}",
        ran.out
    );
    assert!(
        ran.out
            .contains("\nResolution: Poczekaj, aż okno limitu się odnowi, i spróbuj ponownie.\n"),
        "{}",
        ran.out
    );
    // The catalog's own language, in any case, is the catalog's text.
    let ran = explain("EN");
    assert!(
        ran.out
            .starts_with("RATE_LIMIT_EXCEEDED: Rate limit exceeded\n"),
        "{}",
        ran.out
    );
    let ran = explain("fr");
    assert_eq!(ran.code, ExitCode::FAILURE);
    assert!(
        ran.err
            .contains("has no translation into `fr`; its languages are `en`, `de`, `pl`"),
        "{}",
        ran.err
    );
}
