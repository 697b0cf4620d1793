#![no_main]
#![forbid(unsafe_code)]

use errcodes_runtime::Shape;

// Any bytes, read as each JSON shape: every code's typed fields that read
// render and read back equal, and every refusal names its field; as a
// problem detail, the fields found in the members' text agree with those
// the members give once read.
libfuzzer_sys::fuzz_target!(|body: &[u8]| {
    for shape in [
        Shape::Acp,
        Shape::Problem,
        Shape::Edge,
        Shape::Pass,
        Shape::PassXml,
        Shape::Gateway,
        Shape::Google,
    ] {
        let _ = errcodes_tests::examples::read_back(shape, body);
    }
    let _ = errcodes_tests::examples::lazy_read_agrees(body);
});
