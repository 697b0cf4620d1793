//! Reading typed fields back allocates only for the values it keeps: from
//! ACP's `details`, one string for `window` and nothing for the integer
//! and the timestamp; from Google's metadata, whose values are text, one
//! parse of each value that is not a plain string besides; from a
//! problem's members kept as text, the value of each field that is text. One test per
//! binary: the allocator's counts cover every thread.

#![forbid(unsafe_code)]

use std::alloc::System;

use errcodes_runtime::fields::{FieldReader, Untyped};
use errcodes_runtime::wire::{ErrorResponse, Headers, Limits, Payload, render};
use errcodes_runtime::{Failure, Fields, Received, Shape, WireFormat};
use errcodes_tests::acp::{AcpError, acp_error::RateLimitExceeded};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn value() -> RateLimitExceeded {
    RateLimitExceeded {
        limit: 100,
        window: "60 seconds".to_owned(),
        reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
    }
}

/// The allocations of reading `T` from what `received` carries.
fn allocations_of_reading(read: impl Fn() -> RateLimitExceeded) -> usize {
    assert_eq!(read(), value());
    let region = Region::new(GLOBAL);
    let read = read();
    let change = region.change();
    drop(read);
    change.allocations + change.reallocations
}

#[test]
fn reading_fields_allocates_only_for_their_values() {
    let (code, occurrence) = Failure::from(value()).into_public();
    let acp = render(code, &occurrence, WireFormat::Acp);
    let received =
        ErrorResponse::<AcpError>::decode(acp.status, Headers::default(), &acp.body).unwrap();
    assert_eq!(
        allocations_of_reading(|| received.fields::<RateLimitExceeded>().unwrap()),
        1,
        "ACP"
    );
    let google = render(code, &occurrence, WireFormat::Google);
    let payload =
        Payload::<AcpError>::decode(Shape::Google, &google.body, Limits::default()).unwrap();
    let from_metadata =
        || RateLimitExceeded::read(&FieldReader::new(code, payload.untyped_fields())).unwrap();
    // The window's string, the timestamp's text, and the list of metadata
    // pairs the reader looks keys up in.
    assert_eq!(allocations_of_reading(from_metadata), 3, "Google");
    // A problem's extension members are kept as text until read: the
    // reader finds the code (ACP's problems carry it in a member) and the
    // fields in it, and reads no other member. The list of the fields
    // found, the window's string and the timestamp's text.
    let problem = render(code, &occurrence, WireFormat::Problem);
    let headers = Headers {
        content_type: Some(problem.content_type),
        retry_after: None,
    };
    let decode =
        || ErrorResponse::<AcpError>::decode(problem.status, headers, &problem.body).unwrap();
    let received = decode();
    let region = Region::new(GLOBAL);
    let read = received.fields::<RateLimitExceeded>().unwrap();
    let change = region.change();
    assert_eq!(read, value());
    assert_eq!(
        change.allocations + change.reallocations,
        3,
        "problem details, before anything read the members"
    );
    let received = decode();
    // Asking for the untyped fields reads every member.
    let Untyped::Members(members) = received.untyped_fields() else {
        panic!("a problem's members")
    };
    assert_eq!(members.len(), 5);
    assert_eq!(
        allocations_of_reading(|| received.fields::<RateLimitExceeded>().unwrap()),
        1,
        "problem details, once the members are read"
    );
}
