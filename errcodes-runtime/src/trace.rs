//! The trace id of the request being served: the caller's W3C
//! `traceparent` when it sent a valid one, set by the service boundary
//! while a handler runs, so that a [`Failure`](crate::Failure) or a bare
//! code answered there carries the id of the caller's distributed trace.

use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    static CURRENT: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
}

/// The trace id of the request this thread is serving, if a boundary set
/// one.
pub(crate) fn current() -> Option<String> {
    CURRENT.with(|current| current.borrow().as_deref().map(str::to_owned))
}

/// Sets the current trace id until the guard drops, then puts back the
/// one before it.
#[cfg(any(feature = "axum", feature = "tonic"))]
pub(crate) fn enter(trace: Arc<str>) -> Entered {
    let before = CURRENT.with(|current| current.replace(Some(trace)));
    Entered { before }
}

/// Restores the trace id that was current before [`enter`].
#[cfg(any(feature = "axum", feature = "tonic"))]
pub(crate) struct Entered {
    before: Option<Arc<str>>,
}

#[cfg(any(feature = "axum", feature = "tonic"))]
impl Drop for Entered {
    fn drop(&mut self) {
        let before = self.before.take();
        CURRENT.with(|current| current.replace(before));
    }
}

/// The trace id of a W3C `traceparent` header (Trace Context, level 1):
/// `00-<32 hex>-<16 hex>-<2 hex>`, lower case, neither id all zeros.
/// `None` for anything else, which a server ignores.
///
/// ```
/// use errcodes_runtime::axum::trace_id_of;
///
/// let header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
/// assert_eq!(trace_id_of(header), Some("4bf92f3577b34da6a3ce929d0e0e4736"));
/// assert_eq!(trace_id_of("00-00000000000000000000000000000000-00f067aa0ba902b7-01"), None);
/// assert_eq!(trace_id_of("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"), None);
/// ```
#[cfg(any(feature = "axum", feature = "tonic"))]
#[must_use]
pub fn trace_id_of(traceparent: &str) -> Option<&str> {
    let mut parts = traceparent.trim().split('-');
    let (version, trace, parent, flags) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let hex = |part: &str, len: usize| {
        part.len() == len && part.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    let zero = |part: &str| part.bytes().all(|b| b == b'0');
    // Version 00 has exactly four parts; a later version may add more.
    let more = parts.next().is_some();
    let valid = hex(version, 2)
        && version != "ff"
        && (version != "00" || !more)
        && hex(trace, 32)
        && !zero(trace)
        && hex(parent, 16)
        && !zero(parent)
        && hex(flags, 2);
    valid.then_some(trace)
}
