//! Benchmarks of errcodes; `BENCHMARKS.md` at the root of the repository
//! describes them and records their results.
//!
//! - `compile-time` (a binary): build times and peak memory of a crate that
//!   carries a generated catalog, through the macro and the other ways.
//! - `expand-time` (a binary): the macro's own work, in the profile proc
//!   macros run in by default.
//! - `runtime` (a criterion benchmark): lookups, accessors, formatting.

#![forbid(unsafe_code)]

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
