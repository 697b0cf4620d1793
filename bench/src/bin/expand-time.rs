//! The macro's own work (read the file, parse, check, generate) on the
//! shipped catalogs and on generated ones of 50, 1,000 and 10,000 codes.
//!
//! ```text
//! cargo run -p errcodes-bench --bin expand-time -- [--runs 5]
//! ```
//!
//! Run it without `--release`: cargo builds proc macros and their
//! dependencies unoptimized unless a user's profile says otherwise, and the
//! dev profile here builds the code generator the same way. Outside the
//! compiler, tokens are built by proc-macro2's own implementation instead of
//! the compiler's, so the generate step is an estimate; `compile-time`
//! measures the macro inside real builds.

#![forbid(unsafe_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use errcodes_bench::median;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .map_or(5, |n| n.parse().expect("--runs takes a number"));
    if cfg!(not(debug_assertions)) {
        eprintln!("note: built with optimizations; proc macros usually are not");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::temp_dir().join("errcodes-expand-time");
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    let mut catalogs: Vec<(String, std::path::PathBuf)> =
        ["privacy", "edge", "acp", "platform", "pass"]
            .iter()
            .map(|name| ((*name).to_owned(), root.join(format!("specs/{name}.yaml"))))
            .collect();
    for codes in [50, 1000, 10_000] {
        let path = dir.join(format!("generated-{codes}.yaml"));
        std::fs::write(&path, errcodes_tests::generated::catalog(codes)).expect("write a catalog");
        catalogs.push((format!("generated {codes}"), path));
    }

    println!("| catalog | codes | bytes | read, parse, check | generate | total |");
    println!("|---|---|---|---|---|---|");
    for (name, path) in catalogs {
        let mut checking = Vec::new();
        let mut generating = Vec::new();
        let mut codes = 0;
        let mut bytes = 0;
        for _ in 0..runs {
            let start = Instant::now();
            let text = std::fs::read_to_string(&path).expect("read a catalog");
            let catalog = errcodes_codegen::parse(&name, &text).expect("a valid catalog");
            checking.push(start.elapsed());
            let start = Instant::now();
            let watched: Vec<&str> = path.to_str().into_iter().collect();
            let expansion = errcodes_codegen::Expansion {
                path: &name,
                watched: &watched,
            };
            let tokens =
                errcodes_codegen::expand(&catalog, expansion).expect("a catalog that fits");
            generating.push(start.elapsed());
            codes = catalog.codes.len();
            bytes = text.len();
            drop(tokens);
        }
        let (check, generate) = (median(&checking), median(&generating));
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        println!(
            "| {name} | {codes} | {bytes} | {} | {} | {} |",
            ms(check),
            ms(generate),
            ms(check + generate)
        );
    }
}
