#![no_main]
#![forbid(unsafe_code)]

use errcodes_tests::roundtrip::{Rendering, render_all};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use serde_json::Value;

/// Member names, often those the formats write themselves.
const NAMES: &[&str] = &[
    "status", "title", "type", "detail", "instance", "code", "message", "error_code", "success",
    "error", "action", "retry_after", "helpUrl", "trace", "details", "report",
];

fn value(u: &mut Unstructured<'_>, depth: u32) -> Result<Value> {
    Ok(match u.int_in_range(0..=6)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.arbitrary::<i64>()?),
        3 => serde_json::Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        4 => Value::String(u.arbitrary()?),
        5 if depth < 4 => Value::Array(
            (0..u.int_in_range(0..=3)?)
                .map(|_| value(u, depth + 1))
                .collect::<Result<_>>()?,
        ),
        _ if depth < 4 => Value::Object(
            (0..u.int_in_range(0..=3)?)
                .map(|_| Ok((name(u)?, value(u, depth + 1)?)))
                .collect::<Result<_>>()?,
        ),
        _ => Value::Null,
    })
}

fn name(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(if u.arbitrary()? {
        (*u.choose(NAMES)?).to_owned()
    } else {
        u.arbitrary()?
    })
}

fn rendering(u: &mut Unstructured<'_>) -> Result<Rendering> {
    Ok(Rendering {
        code: u.arbitrary()?,
        status: u.arbitrary()?,
        message: u.arbitrary()?,
        detail: u.arbitrary()?,
        instance: u.arbitrary()?,
        trace: u.arbitrary()?,
        help_url: u.arbitrary()?,
        context: if u.arbitrary()? { Some(value(u, 0)?) } else { None },
        retry_after_ms: u.arbitrary()?,
        members: (0..u.int_in_range(0..=4)?)
            .map(|_| Ok((name(u)?, value(u, 0)?)))
            .collect::<Result<_>>()?,
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(rendering) = rendering(&mut Unstructured::new(data)) {
        render_all(&rendering);
    }
});
