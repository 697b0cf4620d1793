//! The expansion snapshots of `expand/`, compiled as modules of this test
//! under the lints below, and linted by `cargo clippy` as ordinary code: an
//! expansion that warns fails the build. rustfmt leaves them as
//! `expand.rs` wrote them.
#![deny(warnings)]
#![deny(clippy::pedantic)]
#![forbid(unsafe_code)]

/// The expansion of `expand/fields.yaml`.
#[rustfmt::skip]
#[path = "expand/fields.expanded.rs"]
pub mod fields;
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

/// `value` rendered in `format`, then decoded and read back.
fn sent_and_read<T>(value: &T, format: errcodes_runtime::WireFormat) -> T
where
    T: errcodes_runtime::Fields<Code = fields::OrderError>,
{
    use errcodes_runtime::Failure;
    use errcodes_runtime::fields::FieldReader;
    use errcodes_runtime::wire::{Limits, Payload, render};

    let (code, occurrence) = Failure::from(value.clone()).into_public();
    let sent = render(code, &occurrence, format);
    let payload =
        Payload::<fields::OrderError>::decode(sent.shape, &sent.body, Limits::default()).unwrap();
    T::read(&FieldReader::new(code, payload.untyped_fields())).unwrap()
}

#[test]
fn compiled_fields_go_out_and_come_back() {
    use errcodes_runtime::{ErrorCode, Fields, WireFormat};
    use fields::order_error::{OutOfStock, OutOfStockShelf, TooManyLines};

    let out = OutOfStock {
        item: "tea".into(),
        left: 2,
        shelf: OutOfStockShelf::Back,
        restock: None,
    };
    assert_eq!(out.message(), "tea has 2 left");
    // Thirteen fields: the last two travel in the tuple's nested rest.
    let lines = TooManyLines {
        l1: "1".into(),
        l2: "2".into(),
        l3: "3".into(),
        l4: "4".into(),
        l5: "5".into(),
        l6: "6".into(),
        l7: "7".into(),
        l8: "8".into(),
        l9: "9".into(),
        l10: "10".into(),
        l11: "11".into(),
        l12: 12,
        l13: Some(vec!["thirteen".into()]),
    };
    let mut text = Vec::new();
    lines.value(12).unwrap().write_text(&mut text);
    assert_eq!(text, b"thirteen");
    assert!(lines.value(13).is_none());
    for format in [WireFormat::Problem, WireFormat::Google, WireFormat::Acp] {
        assert_eq!(sent_and_read(&lines, format), lines, "{format:?}");
        assert_eq!(sent_and_read(&out, format), out, "{format:?}");
    }
    assert_eq!(TooManyLines::CODE.code(), "TOO_MANY_LINES");
}
