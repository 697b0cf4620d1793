//! Prints every shipped catalog as a table: code, HTTP status, recommended
//! action and title. Each catalog was compiled from its YAML file by
//! `errcodes!` (see `catalogs/src/lib.rs`).
//!
//! ```text
//! cargo run --example catalogs
//! ```

#![forbid(unsafe_code)]

use errcodes_catalogs::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};
use errcodes_runtime::ErrorCode;

fn main() {
    print_catalog::<PrivacyError>();
    print_catalog::<EdgeError>();
    print_catalog::<AcpError>();
    print_catalog::<PlatformError>();
    print_catalog::<PassError>();
}

fn print_catalog<E: ErrorCode>() {
    let catalog = E::CATALOG;
    println!("{} ({} codes)", catalog.name(), catalog.len());
    let width = E::ALL
        .iter()
        .map(|code| code.code().len())
        .max()
        .unwrap_or(0)
        .max("code".len());
    println!("  {:<width$}  status  {:<24}  title", "code", "action");
    for code in E::ALL {
        println!(
            "  {:<width$}  {:>6}  {:<24}  {}",
            code.code(),
            code.http_status(),
            code.action(),
            code.title()
        );
    }
    println!();
}
