//! Run-time benchmarks: looking codes up, reading their metadata and
//! formatting them, for generated catalogs of 50, 1,000 and 10,000 codes,
//! against strum's generated `from_str` and a binary search.
//!
//! ```text
//! cargo bench -p errcodes-bench
//! ```

#![forbid(unsafe_code)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use errcodes_runtime::ErrorCode;

/// 50 generated codes, through the code generator.
pub mod errcodes_50 {
    include!(concat!(env!("OUT_DIR"), "/errcodes_50.rs"));
}
/// 1,000 generated codes, through the code generator.
pub mod errcodes_1000 {
    include!(concat!(env!("OUT_DIR"), "/errcodes_1000.rs"));
}
/// 10,000 generated codes, through the code generator.
pub mod errcodes_10000 {
    include!(concat!(env!("OUT_DIR"), "/errcodes_10000.rs"));
}
/// 50 generated codes, the strum + thiserror way.
#[allow(clippy::too_many_lines, clippy::match_same_arms)]
pub mod strum_50 {
    include!(concat!(env!("OUT_DIR"), "/strum_50.rs"));
}
/// 1,000 generated codes, the strum + thiserror way.
#[allow(clippy::too_many_lines, clippy::match_same_arms)]
pub mod strum_1000 {
    include!(concat!(env!("OUT_DIR"), "/strum_1000.rs"));
}

/// The codes of a catalog of `n` codes, in a scrambled order so that the
/// branch predictor cannot learn the sequence.
fn codes(n: usize) -> Vec<String> {
    let mut codes: Vec<String> = (0..n).map(|i| format!("E{i:05}")).collect();
    let mut state = 0x2545_f491_u64;
    for i in (1..codes.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        codes.swap(i, usize::try_from(state % (i as u64 + 1)).unwrap_or(0));
    }
    codes
}

fn lookup_each<T>(
    c: &mut Criterion,
    group: &str,
    name: &str,
    n: usize,
    lookup: impl Fn(&str) -> Option<T>,
) {
    let owned = codes(n);
    let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
    let mut i = 0;
    c.benchmark_group(group)
        .bench_function(BenchmarkId::new(name, n), |b| {
            b.iter(|| {
                i += 1;
                if i == codes.len() {
                    i = 0;
                }
                black_box(lookup(black_box(codes[i])))
            });
        });
}

fn from_code(c: &mut Criterion) {
    lookup_each(
        c,
        "from_code",
        "errcodes",
        50,
        errcodes_50::BigError::from_code,
    );
    lookup_each(
        c,
        "from_code",
        "errcodes",
        1000,
        errcodes_1000::BigError::from_code,
    );
    lookup_each(
        c,
        "from_code",
        "errcodes",
        10_000,
        errcodes_10000::BigError::from_code,
    );
    lookup_each(c, "from_code", "strum", 50, |code| {
        strum_50::BigError::from_str(code).ok()
    });
    lookup_each(c, "from_code", "strum", 1000, |code| {
        strum_1000::BigError::from_str(code).ok()
    });
    let mut sorted: Vec<(String, u16)> = codes(10_000).into_iter().map(|code| (code, 0)).collect();
    sorted.sort();
    lookup_each(c, "from_code", "binary_search", 10_000, |code| {
        sorted
            .binary_search_by(|(probe, _)| probe.as_str().cmp(code))
            .ok()
    });
    lookup_each(c, "from_code", "errcodes_miss", 10_000, |code| {
        errcodes_10000::BigError::from_code(&code[1..])
    });
    // The two parts of a lookup, alone: the hash of the code, and the
    // comparison with the code found in its slot (a copy elsewhere).
    lookup_each(c, "from_code", "hash_only", 10_000, |code| {
        Some(errcodes_core::phf::hash(
            code.as_bytes(),
            0x51_7cc1_b727_220a,
        ))
    });
    // The copies are taken in the order `lookup_each` takes the codes.
    let copies: Vec<String> = codes(10_000);
    let at = std::cell::Cell::new(0);
    lookup_each(c, "from_code", "compare_only", 10_000, |code| {
        at.set((at.get() + 1) % copies.len());
        let equal = errcodes_core::phf::equal(code.as_bytes(), copies[at.get()].as_bytes());
        Some(equal)
    });
}

fn accessors(c: &mut Criterion) {
    let all = errcodes_10000::BigError::ALL;
    let mut group = c.benchmark_group("accessors_10000");
    let mut i = 0;
    let mut next = move || {
        i = (i + 7919) % all.len();
        black_box(all[i])
    };
    group.bench_function("http_status", |b| b.iter(|| next().http_status()));
    group.bench_function("action", |b| b.iter(|| next().action()));
    group.bench_function("title", |b| b.iter(|| next().title()));
    group.bench_function("code", |b| b.iter(|| next().code()));
    group.bench_function("domain", |b| b.iter(|| next().domain()));
}

fn formatting(c: &mut Criterion) {
    let all = errcodes_10000::BigError::ALL;
    let mut group = c.benchmark_group("format_10000");
    let mut text = String::with_capacity(64);
    let mut i = 0;
    group.bench_function("display", |b| {
        b.iter(|| {
            i = (i + 7919) % all.len();
            text.clear();
            let _ = write!(text, "{}", all[i]);
            black_box(text.len())
        });
    });
    group.bench_function("debug", |b| {
        b.iter(|| {
            i = (i + 7919) % all.len();
            text.clear();
            let _ = write!(text, "{:?}", all[i]);
            black_box(text.len())
        });
    });
}

criterion_group!(benches, from_code, accessors, formatting);
criterion_main!(benches);
