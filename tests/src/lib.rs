//! What the integration tests, benchmarks and fuzz targets share: the
//! shipped catalogs (from `errcodes-catalogs`), the generator of large
//! catalogs, and the properties that property tests and fuzz targets
//! check: round trips through the decoders and renderers, the client's
//! entry point on any response, no cause of a failure in any response, and
//! retry advice on any `Retry-After`.

#![forbid(unsafe_code)]

pub mod advice;
pub mod examples;
pub mod generated;
pub mod leaks;
pub mod roundtrip;
pub mod stored;
pub mod tolerant;

pub use errcodes_catalogs::{acp, edge, pass, platform, privacy};

/// A catalog with one code whose fields are of every type
/// (`fixtures/kinds.yaml`).
pub mod kinds {
    errcodes_runtime::errcodes!("fixtures/kinds.yaml");
}

/// A catalog in Google's error model (`fixtures/cloud.yaml`), whose domain
/// is the one of AIP-193's example.
pub mod cloud {
    errcodes_runtime::errcodes!("fixtures/cloud.yaml");
}
