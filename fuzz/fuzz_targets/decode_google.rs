#![no_main]
#![forbid(unsafe_code)]

libfuzzer_sys::fuzz_target!(|body: &[u8]| {
    let _ = errcodes_tests::roundtrip::google(body);
});
