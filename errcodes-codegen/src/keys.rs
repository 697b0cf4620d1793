//! The keys of a catalog, named once. `specs/FORMAT.md` documents each.

pub(crate) const NAME: &str = "name";
pub(crate) const DESCRIPTION: &str = "description";
pub(crate) const CODE_FORMAT: &str = "code-format";
pub(crate) const DEFAULTS: &str = "defaults";
pub(crate) const DOMAINS: &str = "domains";
pub(crate) const CODES: &str = "codes";
pub(crate) const WIRE_FORMAT: &str = "wire-format";
pub(crate) const PROBLEM_TYPE: &str = "problem-type";
pub(crate) const PROBLEM_CODE: &str = "problem-code";

pub(crate) const CODE: &str = "code";
pub(crate) const STATUS: &str = "status";
pub(crate) const TITLE: &str = "title";
pub(crate) const RESOLUTION: &str = "resolution";
pub(crate) const DOMAIN: &str = "domain";
pub(crate) const ACTION: &str = "action";
pub(crate) const SEVERITY: &str = "severity";
pub(crate) const OUTCOME: &str = "outcome";
pub(crate) const ORIGIN: &str = "origin";

/// The keys at the top of a catalog.
pub(crate) const CATALOG_KEYS: &[&str] = &[
    NAME,
    DESCRIPTION,
    CODE_FORMAT,
    WIRE_FORMAT,
    PROBLEM_TYPE,
    PROBLEM_CODE,
    DEFAULTS,
    DOMAINS,
    CODES,
];

/// The keys of one entry under `codes`.
pub(crate) const CODE_KEYS: &[&str] = &[
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
];

/// The keys of `defaults`: the classifications a code may leave out.
pub(crate) const DEFAULT_KEYS: &[&str] = &[ACTION, SEVERITY, OUTCOME, ORIGIN];

/// The keys of one domain under `domains`.
pub(crate) const DOMAIN_KEYS: &[&str] = &[TITLE, DESCRIPTION];
