#![no_main]
#![forbid(unsafe_code)]

use errcodes_tests::tolerant::{Arrived, CONTENT_TYPES, response};
use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};

/// A response as the path between client and server may send it.
#[derive(Debug)]
struct Input<'a> {
    status: u16,
    content_type: Option<&'a str>,
    retry_after: Option<&'a str>,
    body: &'a [u8],
}

impl<'a> Arbitrary<'a> for Input<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let content_type = match u.int_in_range(0..=2)? {
            0 => None,
            1 => Some(*u.choose(CONTENT_TYPES)?),
            _ => Some(<&str>::arbitrary(u)?),
        };
        Ok(Input {
            status: u.int_in_range(100..=599)?,
            content_type,
            retry_after: Option::<&str>::arbitrary(u)?,
            body: u.arbitrary()?,
        })
    }
}

libfuzzer_sys::fuzz_target!(|input: Input<'_>| {
    response(Arrived {
        status: input.status,
        content_type: input.content_type,
        retry_after: input.retry_after,
        body: input.body,
    });
});
