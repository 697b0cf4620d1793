//! Any typed value renders in every wire format and reads back equal: the
//! fields of every ACP code, and a code with a field of every type, filled
//! with arbitrary values of their types.

#![forbid(unsafe_code)]

use errcodes_core::fields::{FieldKind, FieldSpec, FieldType};
use errcodes_core::render::own_members;
use errcodes_runtime::fields::{FieldReader, Untyped};
use errcodes_runtime::wire::{Limits, Map, Payload, Value, render};
use errcodes_runtime::{ErrorCode, Fields, Occurrence, WireFormat};
use errcodes_tests::acp::AcpError;
use errcodes_tests::examples::{self, ForEachType};
use errcodes_tests::kinds::{KindsError, kinds_error};
use proptest::prelude::*;

/// Text with what escaping must get right.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        prop::sample::select(vec![
            "",
            "\"",
            "\\",
            "<&>",
            "a\u{0}b\n\t",
            "é😀",
            "null",
            "100"
        ])
        .prop_map(str::to_owned),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// One value of `kind`, as JSON carries it.
fn one(kind: FieldKind, values: &[&'static str]) -> BoxedStrategy<Value> {
    match kind {
        FieldKind::String => text().prop_map(Value::from).boxed(),
        FieldKind::Integer => any::<i64>().prop_map(Value::from).boxed(),
        FieldKind::Number => any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from)
            .boxed(),
        FieldKind::Boolean => any::<bool>().prop_map(Value::from).boxed(),
        FieldKind::Timestamp => (
            1u32..=9999,
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            0u32..60,
            prop::option::of(0u32..1_000_000_000),
            prop::sample::select(vec!["Z", "+05:30", "-08:00"]),
        )
            .prop_map(|(y, mo, d, h, mi, s, nanos, offset)| {
                let fraction = nanos.map(|n| format!(".{n:09}")).unwrap_or_default();
                Value::from(format!(
                    "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}{offset}"
                ))
            })
            .boxed(),
        FieldKind::Duration => (0u64..10_000_000, prop::option::of(0u32..1_000_000_000))
            .prop_map(|(secs, nanos)| match nanos {
                Some(nanos) => Value::from(format!("{secs}.{nanos:09}s")),
                None => Value::from(format!("{secs}s")),
            })
            .boxed(),
        FieldKind::Uri => "[a-z0-9/._~-]{0,12}"
            .prop_map(|path| Value::from(format!("https://example.com/{path}")))
            .boxed(),
        FieldKind::OneOf => prop::sample::select(values.to_vec())
            .prop_map(Value::from)
            .boxed(),
        FieldKind::Any => any_json().boxed(),
    }
}

/// A value of `ty`.
fn of_type(ty: FieldType, values: &[&'static str]) -> BoxedStrategy<Value> {
    if ty.list {
        prop::collection::vec(one(ty.kind, values), 0..4)
            .prop_map(Value::Array)
            .boxed()
    } else {
        one(ty.kind, values)
    }
}

/// The members an occurrence of a code with `specs` may carry.
fn members(specs: Vec<FieldSpec<'static>>) -> BoxedStrategy<Map<String, Value>> {
    let each: Vec<BoxedStrategy<Option<(String, Value)>>> = specs
        .into_iter()
        .map(|spec| {
            let values: Vec<&'static str> = spec.values().collect();
            let value =
                of_type(spec.ty, &values).prop_map(move |v| Some((spec.name.to_owned(), v)));
            if spec.optional {
                prop_oneof![Just(None), value].boxed()
            } else {
                value.boxed()
            }
        })
        .collect();
    each.prop_map(|members| members.into_iter().flatten().collect())
        .boxed()
}

/// Reads `T` from `members`, then renders it in every format the code can
/// travel in and reads it back.
fn round_trip<T: Fields>(members: &Map<String, Value>) -> Result<(), TestCaseError> {
    let value = T::read(&FieldReader::new(T::CODE, Untyped::Members(members)))
        .map_err(|error| TestCaseError::fail(format!("{error}: {members:?}")))?;
    for &format in WireFormat::ALL {
        let own = own_members(format);
        if T::CODE.fields().any(|field| own.contains(&field.name)) {
            continue;
        }
        let occurrence = Occurrence::new().fields(value.clone());
        let rendered = render(T::CODE, &occurrence, format);
        let stored = errcodes_tests::stored::render(T::CODE, &occurrence, format);
        prop_assert_eq!(
            String::from_utf8_lossy(&rendered.body),
            String::from_utf8_lossy(&stored),
            "{}",
            format
        );
        let payload = Payload::<T::Code>::decode(rendered.shape, &rendered.body, Limits::default())
            .map_err(|error| TestCaseError::fail(format!("{format}: {error}")))?;
        let back =
            T::read(&FieldReader::new(T::CODE, payload.untyped_fields())).map_err(|error| {
                TestCaseError::fail(format!(
                    "{format}: {error}\n{}",
                    String::from_utf8_lossy(&rendered.body)
                ))
            })?;
        prop_assert_eq!(&back, &value, "{}", format);
    }
    Ok(())
}

struct RoundTrip<'a>(&'a Map<String, Value>);

impl ForEachType for RoundTrip<'_> {
    type Output = Result<(), TestCaseError>;

    fn run<T: Fields<Code = AcpError>>(self) -> Result<(), TestCaseError> {
        round_trip::<T>(self.0)
    }
}

fn acp_code_and_members() -> impl Strategy<Value = (AcpError, Map<String, Value>)> {
    prop::sample::select(AcpError::ALL.to_vec())
        .prop_flat_map(|code| (Just(code), members(code.fields().collect())))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_kind_renders_in_every_format_and_reads_back(
        members in members(KindsError::EveryKind.fields().collect())
    ) {
        round_trip::<kinds_error::EveryKind>(&members)?;
    }

    #[test]
    fn any_acp_value_renders_in_every_format_and_reads_back(
        (code, members) in acp_code_and_members()
    ) {
        examples::with_type(code, RoundTrip(&members))?;
    }
}
