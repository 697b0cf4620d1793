#![no_main]
#![forbid(unsafe_code)]

use errcodes_tests::leaks;
use errcodes_tests::roundtrip::Rendering;
use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};

/// A failure: which code, what the occurrence says, and a cause chain
/// with a secret somewhere in it.
#[derive(Debug)]
struct Input {
    code: usize,
    detail: Option<String>,
    trace: Option<String>,
    causes: Vec<String>,
    secret_at: usize,
    secret: u64,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let causes: Vec<String> = u.arbitrary()?;
        Ok(Input {
            code: u.arbitrary()?,
            detail: u.arbitrary()?,
            trace: u.arbitrary()?,
            causes: if causes.is_empty() { vec![String::new()] } else { causes },
            secret_at: u.arbitrary()?,
            secret: u.arbitrary()?,
        })
    }
}

libfuzzer_sys::fuzz_target!(|input: Input| {
    let secret = format!("XSECRET-{:016x}", input.secret);
    // The occurrence is public: it must not hold the secret by chance.
    let public = [&input.detail, &input.trace];
    if public.iter().any(|text| text.as_deref().is_some_and(|t| t.contains("XSECRET-"))) {
        return;
    }
    let mut causes = input.causes;
    let at = input.secret_at % causes.len();
    causes[at] = format!("{}{secret}{}", causes[at], causes[at]);
    let rendering = Rendering {
        code: input.code,
        detail: input.detail,
        trace: input.trace,
        ..Rendering::default()
    };
    leaks::check(&rendering, &causes, &secret);
});
