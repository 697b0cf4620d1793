#![no_main]
#![forbid(unsafe_code)]

libfuzzer_sys::fuzz_target!(|body: &[u8]| errcodes_tests::roundtrip::problem(body));
