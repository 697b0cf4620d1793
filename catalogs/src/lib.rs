//! The five error catalogs errcodes ships, each compiled from its YAML
//! file in `specs/` by [`errcodes!`](errcodes_runtime::errcodes): one enum
//! per API, with its codes' statuses, titles, descriptions and actions.
//! `cargo run --example catalogs` prints them.
//!
//! ```
//! use errcodes_catalogs::pass::PassError;
//! use errcodes_runtime::{Action, ErrorCode};
//!
//! let code: PassError = "too_many_requests".parse().unwrap();
//! assert_eq!(code.http_status(), 429);
//! assert_eq!(code.action(), Action::RetryAfter);
//! ```

#![forbid(unsafe_code)]

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
