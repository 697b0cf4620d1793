#![no_main]
#![forbid(unsafe_code)]

// A `Retry-After` header is text; other bytes never reach the parser.
libfuzzer_sys::fuzz_target!(|value: &str| errcodes_tests::advice::retry_after(value));
