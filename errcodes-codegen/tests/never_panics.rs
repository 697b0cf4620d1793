//! Whatever the input, the code generator answers with a catalog or with
//! located diagnostics, and never panics; the two YAML readers agree.

#![forbid(unsafe_code)]

use proptest::prelude::*;

/// Lines that make up catalogs, valid and broken, at assorted indents.
const FRAGMENTS: &[&str] = &[
    "name: ShopError",
    "name: bad name",
    "description: x",
    "codes:",
    "codes: []",
    "codes: {}",
    "- code: E1",
    "- code: \"1000-400\"",
    "- code: 010",
    "- code: 1e3",
    "- code: \"\"",
    "- code:",
    "- {code: E2, status: 400, title: T}",
    "status: 400",
    "status: 999",
    "status: \"400\"",
    "status: -1",
    "title: T",
    "title: [x]",
    "name: X",
    "name: Self",
    "name: x_y",
    "domain: a",
    "action: retry",
    "action: nope",
    "severity: fatal",
    "outcome: partial",
    "origin: internal",
    "resolution: r",
    "domains:",
    "a: A",
    "a: {title: A}",
    "defaults:",
    "action: none",
    "code-format: NNNN-SSS",
    "code-format: [SSS, snake_case]",
    "code-format: S",
    "- ",
    "-",
    "{",
    "}",
    "[",
    "]",
    "&a x",
    "*a",
    "*missing",
    "!tag x",
    "!!str 1",
    "\"unterminated",
    "'single",
    "? key",
    ": value",
    "---",
    "...",
    "#comment",
    "\t",
    "ü: é",
    "x: |",
    "  block",
    "<<: *a",
    "%YAML 1.2",
    "@",
    "`",
];

fn catalog_like() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..4, prop::sample::select(FRAGMENTS)), 0..40).prop_map(|lines| {
        let mut text = String::new();
        for (indent, line) in lines {
            text.push_str(&"  ".repeat(indent));
            text.push_str(line);
            text.push('\n');
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn catalog_like_text(text in catalog_like()) {
        errcodes_codegen::fuzz::catalog(&text);
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        errcodes_codegen::fuzz::catalog(&text);
    }
}
