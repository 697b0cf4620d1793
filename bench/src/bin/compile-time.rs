//! Build times and peak memory of a leaf crate that carries a generated
//! catalog of 50, 1,000 or 10,000 codes, four ways, side by side:
//!
//! - `errcodes`: `errcodes!("catalog.yaml")`;
//! - `expanded`: the macro's expansion pasted in as source, so that
//!   `errcodes - expanded` is the time the macro itself takes;
//! - `strum`: the usual enum with strum and thiserror derives and
//!   hand-written `http_status` and `title` matches;
//! - `bare`: a fieldless enum with doc comments, the floor.
//!
//! With `--fields`, every code of the catalog carries three typed fields
//! and a message template, and the other three kinds carry the same fields
//! in each variant (thiserror's format string as the message).
//!
//! With `--locales`, the catalog with fields is built twice instead: in
//! one language, and translated into two more (`translated`: Fluent files
//! beside the catalog, the runtime's `locales` feature on), to show what
//! translations cost.
//!
//! ```text
//! cargo run --release -p errcodes-bench --bin compile-time -- [--runs 5] [--sizes 50,1000,10000] [--profiles dev,release] [--fields | --locales]
//! ```
//!
//! Dependencies are built first; each measured build rebuilds only the leaf
//! crate. The crates' runs are interleaved, so that load on the machine
//! hits them alike. Times are wall-clock medians and include cargo's own
//! bookkeeping, the same for all four; memory is the largest resident set
//! of any process of the build (rustc's).

#![forbid(unsafe_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant, SystemTime};

use errcodes_bench::{median, sources};
use nix::sys::resource::{UsageWho, getrusage};

const KINDS: [&str; 4] = ["errcodes", "expanded", "strum", "bare"];
const TRANSLATED: [&str; 2] = ["errcodes", "translated"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "measure") {
        return measure(&args[1..]);
    }
    let option = |name: &str, default: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    };
    let runs: usize = option("--runs", "5")
        .parse()
        .expect("--runs takes a number");
    let sizes: Vec<usize> = option("--sizes", "50,1000,10000")
        .split(',')
        .map(|s| s.parse().expect("--sizes takes numbers"))
        .collect();
    let profiles: Vec<String> = option("--profiles", "dev,release")
        .split(',')
        .map(str::to_owned)
        .collect();

    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf();
    let work = root.join("target/compile-time");
    let locales = args.iter().any(|a| a == "--locales");
    let fields = locales || args.iter().any(|a| a == "--fields");
    let suffix = if fields { "-fields" } else { "" };
    write_crates(&root, &work, &sizes, fields);
    let kinds: &[&str] = if locales { &TRANSLATED } else { &KINDS };

    let mut report = String::new();
    for profile in &profiles {
        let flag = if profile == "release" {
            Some("--release")
        } else {
            None
        };
        eprintln!("building dependencies ({profile})");
        for &size in &sizes {
            for kind in kinds {
                let built = cargo_build(&work, &format!("{kind}-{size}{suffix}"), flag);
                assert!(built.success, "{kind}-{size}{suffix} does not build");
            }
        }
        let _ = writeln!(report, "\n### {profile} profile, medians of {runs} runs\n");
        if locales {
            report += "| codes | one locale | three locales | three ÷ one | peak memory (one / three) |\n";
            report += "|---|---|---|---|---|\n";
        } else {
            report += "| codes | errcodes | expanded | strum + thiserror | bare | strum ÷ errcodes | errcodes ÷ bare | macro | peak memory (errcodes / strum / bare) |\n";
            report += "|---|---|---|---|---|---|---|---|---|\n";
        }
        for &size in &sizes {
            let mut times: Vec<Vec<Duration>> = vec![Vec::new(); kinds.len()];
            let mut memory: Vec<u64> = vec![0; kinds.len()];
            for run in 0..runs {
                for (k, kind) in kinds.iter().enumerate() {
                    let name = format!("{kind}-{size}{suffix}");
                    touch(&work.join(&name).join("lib.rs"));
                    let build = cargo_build(&work, &name, flag);
                    assert!(build.success, "{name} failed");
                    eprintln!(
                        "{profile} {name} run {}: {:.2?} {} MB",
                        run + 1,
                        build.elapsed,
                        build.max_rss_kb / 1024
                    );
                    times[k].push(build.elapsed);
                    memory[k] = memory[k].max(build.max_rss_kb);
                }
            }
            row(&mut report, size, &times, &memory, locales);
        }
    }
    println!("{report}");
    ExitCode::SUCCESS
}

/// One size's row of the report: the medians of `times` and the peaks of
/// `memory`, by kind.
fn row(report: &mut String, size: usize, times: &[Vec<Duration>], memory: &[u64], locales: bool) {
    let seconds = |d: Duration| format!("{:.2} s", d.as_secs_f64());
    if locales {
        let [one, three] = [0, 1].map(|k| median(&times[k]));
        let _ = writeln!(
            report,
            "| {size} | {} | {} | {:.2}× | {} / {} MB |",
            seconds(one),
            seconds(three),
            three.as_secs_f64() / one.as_secs_f64(),
            memory[0] / 1024,
            memory[1] / 1024,
        );
        return;
    }
    let [errcodes, expanded, strum, bare] = [0, 1, 2, 3].map(|k| median(&times[k]));
    let _ = writeln!(
        report,
        "| {size} | {} | {} | {} | {} | {:.1}× | {:.2}× | {} | {} / {} / {} MB |",
        seconds(errcodes),
        seconds(expanded),
        seconds(strum),
        seconds(bare),
        strum.as_secs_f64() / errcodes.as_secs_f64(),
        errcodes.as_secs_f64() / bare.as_secs_f64(),
        seconds(errcodes.saturating_sub(expanded)),
        memory[0] / 1024,
        memory[2] / 1024,
        memory[3] / 1024,
    );
}

/// Writes a workspace with one crate per kind and size, with or without
/// fields (and with fields, the translated catalog's crate too); the
/// workspace keeps the crates of other runs.
fn write_crates(root: &Path, work: &Path, sizes: &[usize], fields: bool) {
    let runtime = root.join("errcodes-runtime");
    let suffix = if fields { "-fields" } else { "" };
    for &size in sizes {
        let (yaml, expanded) = if fields {
            (
                errcodes_tests::generated::catalog_with_fields(size),
                sources::errcodes_expanded_with_fields(size),
            )
        } else {
            (
                errcodes_tests::generated::catalog(size),
                sources::errcodes_expanded(size),
            )
        };
        let translated = fields.then_some("translated");
        for kind in KINDS.into_iter().chain(translated) {
            let name = format!("{kind}-{size}{suffix}");
            let dir = work.join(&name);
            std::fs::create_dir_all(&dir).expect("create a crate directory");
            let dependencies = match kind {
                // Typed fields need what an occurrence is.
                "translated" => format!(
                    "errcodes-runtime = {{ path = {:?}, features = [\"occurrence\", \"locales\"] }}\n",
                    runtime.display().to_string()
                ),
                "errcodes" | "expanded" if fields => format!(
                    "errcodes-runtime = {{ path = {:?}, features = [\"occurrence\"] }}\n",
                    runtime.display().to_string()
                ),
                "errcodes" | "expanded" => format!(
                    "errcodes-runtime = {{ path = {:?} }}\n",
                    runtime.display().to_string()
                ),
                "strum" => {
                    "strum = { version = \"0.28\", features = [\"derive\"] }\nthiserror = \"2\"\n"
                        .to_owned()
                }
                _ => String::new(),
            };
            let manifest = format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[lib]\npath = \"lib.rs\"\n\n[dependencies]\n{dependencies}"
            );
            write_if_changed(&dir.join("Cargo.toml"), &manifest);
            let source = match kind {
                "errcodes" => {
                    write_if_changed(&dir.join("catalog.yaml"), &yaml);
                    "errcodes_runtime::errcodes!(\"catalog.yaml\");\n".to_owned()
                }
                "translated" => {
                    let yaml = errcodes_tests::generated::catalog_with_locales(size);
                    write_if_changed(&dir.join("catalog.yaml"), &yaml);
                    for locale in errcodes_tests::generated::LOCALES {
                        let ftl = errcodes_tests::generated::translation(size, locale);
                        write_if_changed(&dir.join(format!("catalog.{locale}.ftl")), &ftl);
                    }
                    "errcodes_runtime::errcodes!(\"catalog.yaml\");\n".to_owned()
                }
                "expanded" => expanded.clone(),
                "strum" if fields => sources::strum_thiserror_with_fields(size),
                "strum" => sources::strum_thiserror(size),
                _ if fields => sources::bare_with_fields(size),
                _ => sources::bare(size),
            };
            write_if_changed(&dir.join("lib.rs"), &source);
        }
    }
    // Every crate written so far, by any run.
    let mut members: Vec<String> = std::fs::read_dir(work)
        .expect("list the crates")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("lib.rs").exists())
        .map(|entry| format!("{:?}", entry.file_name().to_string_lossy()))
        .collect();
    members.sort();
    let manifest = format!(
        "[workspace]\nmembers = [{}]\nresolver = \"3\"\n",
        members.join(", ")
    );
    write_if_changed(&work.join("Cargo.toml"), &manifest);
    if !work.join("Cargo.lock").exists() {
        // The same versions of errcodes' dependencies as the repository.
        std::fs::copy(root.join("Cargo.lock"), work.join("Cargo.lock")).expect("copy Cargo.lock");
    }
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).expect("write a generated file");
    }
}

fn touch(path: &Path) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open a source file");
    file.set_modified(SystemTime::now())
        .expect("touch a source file");
}

struct Build {
    success: bool,
    elapsed: Duration,
    max_rss_kb: u64,
}

/// Builds one crate through `measure`, in a process of its own, so that the
/// peak memory it reports is this build's alone.
fn cargo_build(work: &Path, name: &str, flag: Option<&str>) -> Build {
    let me = std::env::current_exe().expect("own path");
    let mut command = Command::new(me);
    command
        .args(["measure", "cargo", "build", "--quiet", "-p", name])
        .current_dir(work);
    command.args(flag);
    command.env("CARGO_TARGET_DIR", target_dir(work));
    let output = command.output().expect("run a build");
    let report = String::from_utf8_lossy(&output.stdout);
    let mut numbers = report
        .split_whitespace()
        .map(|n| n.parse::<u64>().unwrap_or_default());
    let (elapsed, max_rss_kb) = (
        numbers.next().unwrap_or_default(),
        numbers.next().unwrap_or_default(),
    );
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    }
    Build {
        success: output.status.success(),
        elapsed: Duration::from_micros(elapsed),
        max_rss_kb,
    }
}

fn target_dir(work: &Path) -> PathBuf {
    work.join("target")
}

/// Runs a command and prints its wall time in microseconds and the peak
/// resident set of its processes in kilobytes.
fn measure(command: &[String]) -> ExitCode {
    let Some((program, args)) = command.split_first() else {
        return ExitCode::FAILURE;
    };
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .status()
        .expect("start the command");
    let elapsed = start.elapsed();
    let max_rss = getrusage(UsageWho::RUSAGE_CHILDREN).map_or(0, |usage| usage.max_rss());
    println!("{} {}", elapsed.as_micros(), max_rss);
    if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
