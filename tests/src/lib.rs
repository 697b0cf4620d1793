//! The catalogs errcodes ships, compiled through `errcodes!`: the main
//! example prints them and the integration tests check them against the
//! documents they were transcribed from. Also the generator of the large
//! catalogs that tests and benchmarks use, and the properties that
//! property tests and fuzz targets check: round trips through the decoders
//! and renderers, and retry advice on any `Retry-After`.

#![forbid(unsafe_code)]

pub mod advice;
pub mod generated;
pub mod roundtrip;

/// Adobe Experience Platform Privacy Service job outcomes and failures.
pub mod privacy {
    errcodes_runtime::errcodes!("../specs/privacy.yaml");
}

/// Adobe Experience Platform Edge Network Server API error types.
pub mod edge {
    errcodes_runtime::errcodes!("../specs/edge.yaml");
}

/// Ad Context Protocol standard error codes.
pub mod acp {
    errcodes_runtime::errcodes!("../specs/acp.yaml");
}

/// Adobe Experience Platform gateway and general API errors.
pub mod platform {
    errcodes_runtime::errcodes!("../specs/platform.yaml");
}

/// Adobe Pass Authentication enhanced error codes.
pub mod pass {
    errcodes_runtime::errcodes!("../specs/pass.yaml");
}
