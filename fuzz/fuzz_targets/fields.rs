#![no_main]
#![forbid(unsafe_code)]

use errcodes_runtime::Shape;

// Any bytes, read as each JSON shape: every code's typed fields that read
// render and read back equal, and every refusal names its field.
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
});
