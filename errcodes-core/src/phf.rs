//! The hash function and slot formula of the perfect hash that maps a code
//! string to its position in a catalog. The macro searches for displacements
//! that make the mapping collision-free; the runtime evaluates it. Both sides
//! call these functions, so they cannot drift apart.
//!
//! The scheme is "hash and displace": a key's hash picks a bucket, and the
//! bucket's displacement pair `(d1, d2)` moves all of its keys to free
//! slots. Positions are scaled by multiplication rather than division, so a
//! lookup costs a hash, two multiplications and three loads.

/// The three numbers a key's hash is split into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hashes {
    /// Chooses the bucket.
    pub g: u32,
    /// Base position.
    pub f1: u32,
    /// Step multiplied by the first displacement.
    pub f2: u32,
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hashes `bytes` with `seed`, eight bytes at a time.
#[must_use]
#[inline]
pub fn hash(bytes: &[u8], seed: u64) -> Hashes {
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ word).wrapping_mul(K).rotate_left(31);
    }
    let mut tail = 0u64;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        tail |= u64::from(b) << (8 * i);
    }
    h = (h ^ tail).wrapping_mul(K);
    // A finalizer that makes every output bit depend on every input bit.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    #[allow(clippy::cast_possible_truncation)] // taking the halves is the point
    Hashes {
        g: (h >> 32) as u32,
        f1: h as u32,
        f2: (h.wrapping_mul(K) >> 32) as u32,
    }
}

/// Maps `x` onto `0..n` by multiplying instead of dividing.
#[inline]
const fn reduce(x: u32, n: u32) -> u32 {
    ((x as u64 * n as u64) >> 32) as u32
}

/// The bucket of a key among `buckets` buckets (`buckets > 0`).
#[must_use]
#[inline]
pub const fn bucket(hashes: Hashes, buckets: u32) -> usize {
    reduce(hashes.g, buckets) as usize
}

/// The slot of a key among `len` slots (`0 < len <= 2^16`), given its
/// bucket's displacement, packed as `d1 << 16 | d2` with `d2 < len`.
///
/// `d1` moves the base position to another multiple of the key's step; `d2`
/// then shifts it by up to `len - 1` slots, wrapping around, so that sweeping
/// `d2` reaches every slot.
#[must_use]
#[inline]
pub const fn slot(hashes: Hashes, displacement: u32, len: u32) -> usize {
    let d1 = displacement >> 16;
    let d2 = displacement & 0xffff;
    let base = reduce(hashes.f1.wrapping_add(d1.wrapping_mul(hashes.f2)), len);
    let shifted = base + d2;
    (if shifted >= len {
        shifted - len
    } else {
        shifted
    }) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_depends_on_seed_length_and_every_byte() {
        let base = hash(b"1000-400", 0);
        assert_ne!(base, hash(b"1000-400", 1));
        assert_ne!(base, hash(b"1000-40", 0));
        assert_ne!(base, hash(b"1000-401", 0));
        assert_ne!(base, hash(b"2000-400", 0));
        assert_ne!(hash(b"", 0), hash(b"\0", 0));
        assert_eq!(base, hash(b"1000-400", 0));
    }

    #[test]
    fn slot_stays_in_range() {
        let h = hash(b"INVALID_CREDENTIALS", 7);
        for len in [1, 2, 19, 47, 10_000, 1 << 16] {
            for d1 in [0, 1, 0xffff] {
                for d2 in [0, 1, len - 1] {
                    assert!(slot(h, d1 << 16 | d2, len) < len as usize);
                }
            }
        }
        assert!(bucket(h, 3) < 3);
    }

    #[test]
    fn sweeping_d2_reaches_every_slot() {
        let h = hash(b"TIMEOUT", 3);
        let len = 47;
        let mut seen: [bool; 47] = [false; 47];
        for d2 in 0..len {
            seen[slot(h, 5 << 16 | d2, len)] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }
}
