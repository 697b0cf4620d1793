//! Every decoder takes any input without panicking, and what it decodes it
//! encodes back to something that decodes to the same value.

#![forbid(unsafe_code)]

use errcodes_runtime::wire::Value;
use errcodes_tests::roundtrip::all as check;
use proptest::prelude::*;

/// JSON values whose keys are often the ones the formats look for.
fn json() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "type",
        "status",
        "title",
        "detail",
        "instance",
        "code",
        "report",
        "requestId",
        "handle",
        "errors",
        "warnings",
        "success",
        "error",
        "message",
        "details",
        "retry_after",
        "resources",
        "id",
        "authorized",
        "helpUrl",
        "trace",
        "action",
        "error_code",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop::sample::select(vec![
            "retry",
            "TIMEOUT",
            "403010",
            "https://ns.adobe.com/aep/errors/InputError",
            "about:blank",
            ""
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone().prop_map(str::to_owned), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// XML-like text built from the elements Pass uses.
fn xml() -> impl Strategy<Value = String> {
    let part = prop::sample::select(vec![
        "<error>",
        "</error>",
        "<status>",
        "</status>",
        "403",
        "<code>",
        "</code>",
        "bad_request",
        "<message>",
        "</message>",
        "&amp;",
        "&lt;",
        "<x a=\"1\">",
        "</x>",
        "<y/>",
        "<!-- c -->",
        "<?xml version=\"1.0\"?>",
        " ",
        "text",
        "<",
        ">",
        "&",
        "<![CDATA[x]]>",
    ]);
    prop::collection::vec(part, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_bytes(body in prop::collection::vec(any::<u8>(), 0..256)) {
        check(&body);
    }

    #[test]
    fn arbitrary_json(value in json()) {
        check(&serde_json::to_vec(&value).unwrap());
    }

    #[test]
    fn arbitrary_xml(text in xml()) {
        check(text.as_bytes());
    }
}
