//! Formatting a code, looking one up, reading its metadata, and raising it
//! as a service's failure (as `?` does, and shown) allocate nothing; making
//! a response of such a failure allocates its trace id and nothing else.
//! One test per binary: the allocator's counts cover every thread.

#![forbid(unsafe_code)]

use std::alloc::System;
use std::fmt::Write as _;

use errcodes_runtime::{ErrorCode, Failure, OrCode};
use errcodes_tests::{acp::AcpError, pass::PassError, privacy::PrivacyError};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn exercise<E: ErrorCode>(out: &mut String) {
    for &code in E::ALL {
        out.clear();
        write!(out, "{code} {code:?} {} {}", code.action(), code.severity()).unwrap();
        assert_eq!(E::from_code(code.code()), Some(code));
        assert!(code.http_status() >= 100);
        let _ = (
            code.title(),
            code.description(),
            code.resolution(),
            code.domain(),
            code.outcome(),
        );
    }
    assert_eq!(E::from_code("not a code"), None);
    // A failure made from a bare code, as `?` makes it, and shown. Over
    // any catalog, `From` is not there: each catalog's enum has its own.
    for &code in E::ALL {
        let failure = Failure::new(code);
        out.clear();
        write!(out, "{failure} {failure:#}").unwrap();
        assert_eq!(failure.code(), code);
        assert!(failure.cause().is_none());
        let missing: Option<u8> = None;
        assert!(missing.or_code(code).is_err());
    }
}

#[test]
fn formatting_and_lookups_do_not_allocate() {
    let mut out = String::with_capacity(4096);
    // Warm up whatever the formatting machinery sets up once.
    exercise::<PassError>(&mut out);
    let region = Region::new(GLOBAL);
    exercise::<PassError>(&mut out);
    exercise::<PrivacyError>(&mut out);
    exercise::<AcpError>(&mut out);
    let change = region.change();
    assert_eq!(
        (change.allocations, change.reallocations),
        (0, 0),
        "{change:?}"
    );
    assert!(!out.is_empty());

    // The failure of a bare code becomes a response's parts: its trace id
    // is the one allocation.
    let region = Region::new(GLOBAL);
    let (code, occurrence) = Failure::new(PassError::TooManyRequests).into_public();
    let change = region.change();
    assert_eq!(code, PassError::TooManyRequests);
    assert_eq!(occurrence.trace.as_ref().map(String::len), Some(36));
    assert_eq!(
        (change.allocations, change.reallocations),
        (1, 0),
        "{change:?}"
    );
}
