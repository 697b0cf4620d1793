#![no_main]
#![forbid(unsafe_code)]

// The macro reads catalogs as UTF-8; other bytes never reach the reader.
libfuzzer_sys::fuzz_target!(|text: &str| errcodes_codegen::fuzz::catalog(text));
