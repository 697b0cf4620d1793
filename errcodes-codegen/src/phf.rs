//! Builds the perfect hash that maps each code to its position: the search
//! for displacements that send every code to its own slot. The hash and slot
//! formula are in `errcodes_core::phf`, shared with the runtime.
//!
//! Buckets of about four codes are placed largest first, while the table is
//! still empty; each tries displacement pairs until all of its codes land in
//! free slots. Sweeping `d2` over every slot guarantees that a bucket of one
//! code always finds a place, so a search fails only on a pathological seed,
//! and then the next seed is tried. Seeds are tried in order, so the output
//! is deterministic.
//!
//! A small catalog gets no buckets at all: a sparser table, eight slots per
//! code, and a seed under which every code lands in its own slot. A lookup
//! then skips loading a displacement, which is most of what it costs when
//! there are few codes.

use errcodes_core::layout::Hash as Phf;
use errcodes_core::phf::{self, Hashes};

const CODES_PER_BUCKET: usize = 4;
/// One slot in ten is left free: the search is then far shorter.
const SPARE_SLOTS: usize = 10;
const SEEDS: u64 = 64;
/// Catalogs of up to this many codes are tried without buckets.
const DIRECT_CODES: usize = 64;
/// Slots per code without buckets: a seed then works about once in
/// `e^(n/16)` tries, once in 55 at 64 codes.
const DIRECT_SLOTS_PER_CODE: usize = 8;
const DIRECT_SEEDS: u64 = 4096;

/// Builds the map for distinct `codes`; `None` for duplicates or more codes
/// than displacements can address.
pub(crate) fn build(codes: &[&str]) -> Option<Phf> {
    if codes.len() > 1 << 16 {
        return None;
    }
    // Slot numbers are 16 bits; spare slots stop at that.
    let len = u32::try_from(codes.len() + codes.len() / SPARE_SLOTS)
        .ok()?
        .min(1 << 16);
    if len == 0 {
        return Some(Phf {
            seed: 0,
            displacements: Vec::new(),
            slots: Vec::new(),
        });
    }
    let mut sorted = codes.to_vec();
    sorted.sort_unstable();
    if sorted.windows(2).any(|pair| pair[0] == pair[1]) {
        return None;
    }
    if codes.len() <= DIRECT_CODES
        && let Some(direct) = direct(codes)
    {
        return Some(direct);
    }
    let buckets = u32::try_from(codes.len().div_ceil(CODES_PER_BUCKET)).ok()?;
    (0..SEEDS).find_map(|seed| try_seed(codes, seed, buckets, len))
}

/// The first seed under which every code has a slot of its own, without
/// displacements.
fn direct(codes: &[&str]) -> Option<Phf> {
    let len = u32::try_from(codes.len() * DIRECT_SLOTS_PER_CODE).ok()?;
    let mut slots: Vec<Option<usize>> = vec![None; len as usize];
    let seed = (0..DIRECT_SEEDS).find(|&seed| {
        slots.fill(None);
        codes.iter().enumerate().all(|(position, code)| {
            let slot = phf::slot(phf::hash(code.as_bytes(), seed), 0, len);
            slots[slot].replace(position).is_none()
        })
    })?;
    Some(Phf {
        seed,
        displacements: Vec::new(),
        slots: slots.into_iter().map(Option::unwrap_or_default).collect(),
    })
}

fn try_seed(codes: &[&str], seed: u64, buckets: u32, len: u32) -> Option<Phf> {
    let hashes: Vec<Hashes> = codes
        .iter()
        .map(|code| phf::hash(code.as_bytes(), seed))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets as usize];
    for (i, &h) in hashes.iter().enumerate() {
        members[phf::bucket(h, buckets)].push(i);
    }
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));

    let mut displacements = vec![0u32; buckets as usize];
    let mut slots: Vec<Option<usize>> = vec![None; len as usize];
    let mut taken: Vec<usize> = Vec::with_capacity(16);
    for bucket in order {
        let keys = &members[bucket];
        if keys.is_empty() {
            break;
        }
        let found = displace(keys, &hashes, &slots, len, &mut taken)?;
        displacements[bucket] = found;
        for &key in keys {
            slots[phf::slot(hashes[key], found, len)] = Some(key);
        }
    }
    // Empty slots hold code 0; a lookup compares the code anyway.
    let slots = slots.into_iter().map(Option::unwrap_or_default).collect();
    Some(Phf {
        seed,
        displacements,
        slots,
    })
}

/// The first displacement that sends every key of a bucket to a free slot,
/// trying pairs `(d1, d2)` in order. Enough pairs for a lone key to sweep
/// every slot, and for larger buckets on a good seed; a bucket that needs
/// more means the next seed is better.
fn displace(
    keys: &[usize],
    hashes: &[Hashes],
    slots: &[Option<usize>],
    len: u32,
    taken: &mut Vec<usize>,
) -> Option<u32> {
    let sweep = len.min(1 << 16);
    let mut tries = 64 * len + 1024;
    let mut d1 = 0;
    while d1 < sweep {
        let mut d2 = 0;
        while d2 < sweep {
            let displacement = d1 << 16 | d2;
            taken.clear();
            let mut free = true;
            for &key in keys {
                let slot = phf::slot(hashes[key], displacement, len);
                if slots[slot].is_some() || taken.contains(&slot) {
                    free = false;
                    break;
                }
                taken.push(slot);
            }
            if free {
                return Some(displacement);
            }
            tries = tries.checked_sub(1)?;
            d2 += 1;
        }
        d1 += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(phf: &Phf, code: &str) -> usize {
        let h = phf::hash(code.as_bytes(), phf.seed);
        let buckets = u32::try_from(phf.displacements.len()).unwrap();
        let displacement = match buckets {
            0 => 0,
            n => phf.displacements[phf::bucket(h, n)],
        };
        let len = u32::try_from(phf.slots.len()).unwrap();
        phf.slots[phf::slot(h, displacement, len)]
    }

    #[test]
    fn every_code_finds_its_position() {
        for n in [1, 2, 5, 47, 64, 65, 1000] {
            let codes: Vec<String> = (0..n).map(|i| format!("{i:04}-400")).collect();
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            let phf = build(&refs).unwrap();
            assert!(phf.slots.len() >= n);
            for (i, code) in refs.iter().enumerate() {
                assert_eq!(lookup(&phf, code), i, "{code}");
            }
        }
    }

    #[test]
    fn small_catalogs_need_no_displacements() {
        for n in [1, 10, 50, 64] {
            let codes: Vec<String> = (0..n).map(|i| format!("E{i:05}")).collect();
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            let phf = build(&refs).unwrap();
            assert!(phf.displacements.is_empty(), "{n}");
            assert_eq!(phf.slots.len(), n * DIRECT_SLOTS_PER_CODE);
        }
        let codes: Vec<String> = (0..65).map(|i| format!("E{i:05}")).collect();
        let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
        assert!(!build(&refs).unwrap().displacements.is_empty());
    }

    #[test]
    fn output_is_deterministic() {
        let codes = ["INVALID_CREDENTIALS", "TOKEN_EXPIRED", "TIMEOUT"];
        assert_eq!(build(&codes), build(&codes));
    }

    #[test]
    fn duplicates_are_refused_not_looped_on() {
        assert_eq!(build(&["a", "b", "a"]), None);
    }

    #[test]
    fn no_codes_is_an_empty_map() {
        assert_eq!(build(&[]).unwrap().slots.len(), 0);
    }
}
