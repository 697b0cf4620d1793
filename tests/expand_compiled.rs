//! The expansion snapshots of `expand/`, compiled as modules of this test
//! under the lints below, and linted by `cargo clippy` as ordinary code: an
//! expansion that warns fails the build. rustfmt leaves them as
//! `expand.rs` wrote them.
#![deny(warnings)]
#![deny(clippy::pedantic)]
#![forbid(unsafe_code)]

/// The expansion of `expand/full.yaml`.
#[rustfmt::skip]
#[path = "expand/full.expanded.rs"]
pub mod full;
/// The expansion of `expand/minimal.yaml`.
#[rustfmt::skip]
#[path = "expand/minimal.expanded.rs"]
pub mod minimal;

#[test]
fn compiled_snapshots_work() {
    use errcodes_runtime::{Action, ErrorCode, Origin, Outcome, Severity};

    assert_eq!(
        minimal::ShopError::from_code("RATE_LIMITED"),
        Some(minimal::ShopError::RateLimited)
    );
    assert_eq!(minimal::ShopError::RateLimited.action(), Action::RetryAfter);

    let bad = full::FullError::BadInput;
    assert_eq!(
        (bad.action(), bad.severity(), bad.origin()),
        (Action::None, Severity::Fatal, Some(Origin::External))
    );
    assert_eq!(bad.resolution(), Some("Fix the request."));
    assert_eq!(
        bad.domain().map(errcodes_runtime::Domain::title),
        Some("Input problems")
    );
    let down = full::FullError::UpstreamDown;
    assert_eq!(
        (down.action(), down.severity(), down.origin()),
        (
            Action::RetryAfter,
            Severity::NonFatal,
            Some(Origin::Internal)
        )
    );
    let partial = full::FullError::PartialResult;
    assert_eq!(
        (partial.action(), partial.outcome(), partial.domain()),
        (Action::Configuration, Outcome::Partial, None)
    );
    assert_eq!(partial.description(), None);
    assert_eq!(partial.resolution(), None);

    // Found by its code, since naming the variant would warn here.
    let old = full::FullError::from_code("1001-400").unwrap();
    assert!(old.is_deprecated());
    assert_eq!(
        old.deprecation(),
        Some("Clients could not tell it from 1000-400.")
    );
    assert_eq!(old.replaced_by(), Some(bad));
    assert!(!bad.is_deprecated());
    assert_eq!((bad.deprecation(), bad.replaced_by()), (None, None));
}
