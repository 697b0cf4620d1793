//! Benchmarks of errcodes; `BENCHMARKS.md` at the root of the repository
//! describes them and records their results.
//!
//! - `compile-time` (a binary): build times and peak memory of a crate that
//!   carries a generated catalog, through the macro and the other ways.
//! - `expand-time` (a binary): the macro's own work, in the profile proc
//!   macros run in by default.
//! - `runtime` (a criterion benchmark): lookups, accessors, formatting.

#![forbid(unsafe_code)]

pub mod floor;
pub mod sources;

use std::time::Duration;

/// The median of some measurements (the upper one of an even count).
///
/// ```
/// use std::time::Duration;
/// let ms = |n| Duration::from_millis(n);
/// assert_eq!(errcodes_bench::median(&[ms(3), ms(1), ms(2)]), ms(2));
/// ```
#[must_use]
pub fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

/// `occurrence` with a `detail` long enough that `code`'s body in `format`
/// is `size` bytes (or a little more, when even an empty detail makes it
/// longer): a body of the same size as another format's, to compare the
/// formats' cost per body rather than per occurrence.
///
/// ```
/// use errcodes_runtime::{Occurrence, WireFormat, wire::render};
/// use errcodes_tests::pass::PassError;
///
/// let code = PassError::TooManyRequests;
/// let padded = errcodes_bench::padded(code, &Occurrence::new(), WireFormat::Pass, 600);
/// assert_eq!(render(code, &padded, WireFormat::Pass).body.len(), 600);
/// ```
#[must_use]
pub fn padded<E: errcodes_runtime::ErrorCode>(
    code: E,
    occurrence: &errcodes_runtime::Occurrence,
    format: errcodes_runtime::WireFormat,
    size: usize,
) -> errcodes_runtime::Occurrence {
    const SENTENCE: &str = "This requestor sent more requests than its limit allows. ";
    let with = |detail: String| occurrence.clone().detail(detail);
    let empty = errcodes_runtime::wire::render(code, &with(String::new()), format)
        .body
        .len();
    let detail: String = SENTENCE
        .chars()
        .cycle()
        .take(size.saturating_sub(empty))
        .collect();
    with(detail)
}
