//! Writes the enums the run-time benchmarks compare: generated catalogs
//! compiled by the code generator, as the macro would, and the same codes
//! as strum + thiserror enums.

#![forbid(unsafe_code)]

use std::path::Path;

// `bare` serves the compile-time benchmark only.
#[allow(dead_code, unreachable_pub)]
#[path = "src/sources.rs"]
mod sources;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    for codes in [50, 1000, 10_000] {
        std::fs::write(
            out.join(format!("errcodes_{codes}.rs")),
            sources::errcodes_expanded(codes),
        )
        .expect("write");
    }
    for codes in [50, 1000] {
        std::fs::write(
            out.join(format!("strum_{codes}.rs")),
            sources::strum_thiserror(codes),
        )
        .expect("write");
    }
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/sources.rs");
}
