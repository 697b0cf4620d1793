#![no_main]
#![forbid(unsafe_code)]

// Locks are read as UTF-8 text, like catalogs.
libfuzzer_sys::fuzz_target!(|text: &str| errcodes_codegen::fuzz::lock(text));
