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

use errcodes_core::phf::{self, Hashes};

/// A collision-free map from the codes to their positions.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Phf {
    pub(crate) seed: u64,
    pub(crate) displacements: Vec<u32>,
    /// The position of the code in each slot.
    pub(crate) slots: Vec<u16>,
}

const CODES_PER_BUCKET: usize = 4;
const SEEDS: u64 = 64;

/// Builds the map for distinct `codes`; `None` for duplicates or more codes
/// than displacements can address.
pub(crate) fn build(codes: &[&str]) -> Option<Phf> {
    let len = u32::try_from(codes.len())
        .ok()
        .filter(|&len| len <= 1 << 16)?;
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
    let buckets = u32::try_from(codes.len().div_ceil(CODES_PER_BUCKET)).ok()?;
    (0..SEEDS).find_map(|seed| try_seed(codes, seed, buckets, len))
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
    let mut slots: Vec<Option<u16>> = vec![None; len as usize];
    let mut taken: Vec<usize> = Vec::with_capacity(CODES_PER_BUCKET * 4);
    let sweep = len.min(1 << 16);
    // Enough for a lone code to sweep every slot, and for larger buckets on
    // a good seed; a bucket that needs more means the next seed is better.
    let tries = 64 * len as usize + 1024;
    for bucket in order {
        let keys = &members[bucket];
        if keys.is_empty() {
            break;
        }
        let pairs = (0..sweep).flat_map(|d1| (0..sweep).map(move |d2| d1 << 16 | d2));
        let found = pairs.take(tries).find(|&d| {
            taken.clear();
            keys.iter().all(|&key| {
                let slot = phf::slot(hashes[key], d, len);
                let free = slots[slot].is_none() && !taken.contains(&slot);
                taken.push(slot);
                free
            })
        })?;
        displacements[bucket] = found;
        for &key in keys {
            // `key < len <= 2^16`, so it fits.
            slots[phf::slot(hashes[key], found, len)] = Some(u16::try_from(key).ok()?);
        }
    }
    // As many slots as codes, so every slot is now filled.
    let slots = slots.into_iter().collect::<Option<Vec<u16>>>()?;
    Some(Phf {
        seed,
        displacements,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(phf: &Phf, code: &str) -> usize {
        let h = phf::hash(code.as_bytes(), phf.seed);
        let bucket = phf::bucket(h, u32::try_from(phf.displacements.len()).unwrap());
        let len = u32::try_from(phf.slots.len()).unwrap();
        phf.slots[phf::slot(h, phf.displacements[bucket], len)] as usize
    }

    #[test]
    fn every_code_finds_its_position() {
        for n in [1, 2, 5, 47, 1000] {
            let codes: Vec<String> = (0..n).map(|i| format!("{i:04}-400")).collect();
            let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
            let phf = build(&refs).unwrap();
            assert_eq!(phf.slots.len(), n);
            for (i, code) in refs.iter().enumerate() {
                assert_eq!(lookup(&phf, code), i, "{code}");
            }
        }
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
