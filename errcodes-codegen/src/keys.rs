//! The keys of a catalog, named once; `specs/FORMAT.md` documents each.
//!
//! ```
//! use errcodes_codegen::keys;
//!
//! assert!(keys::CODE_KEYS.contains(&"status"));
//! assert!(keys::CATALOG_KEYS.contains(&keys::PROBLEM_CODE));
//! ```

/// The enum's name; in a code entry, the variant's.
pub const NAME: &str = "name";
/// What the catalog, a domain or a code is about.
pub const DESCRIPTION: &str = "description";
/// The shapes the codes have.
pub const CODE_FORMAT: &str = "code-format";
/// Classifications for codes that give none.
pub const DEFAULTS: &str = "defaults";
/// The groups of codes.
pub const DOMAINS: &str = "domains";
/// The list of codes.
pub const CODES: &str = "codes";
/// How errors are written on the wire.
pub const WIRE_FORMAT: &str = "wire-format";
/// The `type` URI of problem details.
pub const PROBLEM_TYPE: &str = "problem-type";
/// Where problem details carry the code.
pub const PROBLEM_CODE: &str = "problem-code";
/// Where a client reads more about a code.
pub const HELP_URL: &str = "help-url";
/// The `ErrorInfo` domain of the catalog's gRPC errors.
pub const GRPC_DOMAIN: &str = "grpc-domain";
/// The canonical gRPC code of each HTTP status the catalog uses.
pub const GRPC_CODES: &str = "grpc-codes";

/// A code's stable identifier.
pub const CODE: &str = "code";
/// A code's HTTP status.
pub const STATUS: &str = "status";
/// A code's or a domain's short summary.
pub const TITLE: &str = "title";
/// How to resolve a code's problem.
pub const RESOLUTION: &str = "resolution";
/// The id of a code's domain.
pub const DOMAIN: &str = "domain";
/// What a client should do.
pub const ACTION: &str = "action";
/// How serious a code is.
pub const SEVERITY: &str = "severity";
/// What became of the request.
pub const OUTCOME: &str = "outcome";
/// Where the fault lies.
pub const ORIGIN: &str = "origin";
/// Why a code is deprecated.
pub const DEPRECATED: &str = "deprecated";
/// The code that replaces a deprecated one.
pub const REPLACED_BY: &str = "replaced-by";
/// The lints a catalog or a code allows.
pub const ALLOW: &str = "allow";
/// A code's `ErrorInfo` reason.
pub const GRPC_REASON: &str = "grpc-reason";
/// A code's canonical gRPC code.
pub const GRPC_CODE: &str = "grpc-code";

/// The keys at the top of a catalog.
pub const CATALOG_KEYS: &[&str] = &[
    NAME,
    DESCRIPTION,
    CODE_FORMAT,
    WIRE_FORMAT,
    PROBLEM_TYPE,
    PROBLEM_CODE,
    HELP_URL,
    GRPC_DOMAIN,
    GRPC_CODES,
    DEFAULTS,
    ALLOW,
    DOMAINS,
    CODES,
];

/// The keys of one entry under `codes`.
pub const CODE_KEYS: &[&str] = &[
    CODE,
    NAME,
    STATUS,
    TITLE,
    DESCRIPTION,
    RESOLUTION,
    DOMAIN,
    ACTION,
    SEVERITY,
    OUTCOME,
    ORIGIN,
    WIRE_FORMAT,
    DEPRECATED,
    REPLACED_BY,
    GRPC_REASON,
    GRPC_CODE,
    ALLOW,
];

/// The keys of `defaults`: the classifications a code may leave out.
pub const DEFAULT_KEYS: &[&str] = &[ACTION, SEVERITY, OUTCOME, ORIGIN];

/// The keys of one domain under `domains`.
pub const DOMAIN_KEYS: &[&str] = &[TITLE, DESCRIPTION];
