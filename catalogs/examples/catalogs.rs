//! Prints every shipped catalog as a table: code, HTTP status, canonical
//! gRPC code, recommended action and title, then the fields one ACP code
//! carries and the message its template makes of them, and one message in
//! each of ACP's languages, its plural form chosen by the count. Each
//! catalog was compiled from its YAML file by `errcodes!` (see
//! `catalogs/src/lib.rs`), ACP's with its German and Polish files.
//!
//! ```text
//! cargo run --example catalogs
//! ```

#![forbid(unsafe_code)]

use errcodes_catalogs::acp::acp_error;
use errcodes_catalogs::{
    acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError, privacy::PrivacyError,
};
use errcodes_runtime::{ErrorCode, Fields};

fn main() {
    print_catalog::<PrivacyError>();
    print_catalog::<EdgeError>();
    print_catalog::<AcpError>();
    print_catalog::<PlatformError>();
    print_catalog::<PassError>();

    // A typed occurrence: the fields the catalog declares, and its message.
    let code = AcpError::InvalidFieldFormat;
    let fields: Vec<String> = code
        .fields()
        .map(|field| format!("{} ({})", field.name, field.ty))
        .collect();
    println!("{} carries {}", code.code(), fields.join(", "));
    let value = acp_error::InvalidFieldFormat {
        field: "reporting_date".into(),
        provided_value: "01/20/2025".into(),
        expected_format: "YYYY-MM-DD".into(),
    };
    println!("  message: {}", value.message());

    // In each language of the catalog, for a request that asks for it.
    let catalog = AcpError::CATALOG;
    for asked in ["en-US", "de-AT, en;q=0.5", "pl"] {
        let language = catalog.language(Some(asked));
        println!(
            "\nAccept-Language: {asked} -> {language}: {}",
            AcpError::RateLimitExceeded.title_in(language)
        );
        for limit in [1, 2, 5] {
            let limited = acp_error::RateLimitExceeded {
                limit,
                window: "1 h".into(),
                reset_time: "2025-01-20T15:31:00Z".parse().expect("a timestamp"),
            };
            println!("  {}", limited.message_in(language));
        }
    }
}

fn print_catalog<E: ErrorCode>() {
    let catalog = E::CATALOG;
    match catalog.grpc_domain() {
        Some(domain) => println!(
            "{} ({} codes; over gRPC in {domain})",
            catalog.name(),
            catalog.len()
        ),
        None => println!("{} ({} codes)", catalog.name(), catalog.len()),
    }
    let width = E::ALL
        .iter()
        .map(|code| code.code().len())
        .max()
        .unwrap_or(0)
        .max("code".len());
    println!(
        "  {:<width$}  status  {:<19}  {:<24}  title",
        "code", "gRPC", "action"
    );
    for code in E::ALL {
        let grpc = code.grpc_code().map_or("-", |grpc| grpc.as_str());
        println!(
            "  {:<width$}  {:>6}  {grpc:<19}  {:<24}  {}",
            code.code(),
            code.http_status(),
            code.action(),
            code.title()
        );
    }
    println!();
}
