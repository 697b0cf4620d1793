//! The hash function and slot formula of the perfect hash that maps a code
//! string to its position in a catalog. The macro searches for displacements
//! that make the mapping collision-free; the runtime evaluates it. Both sides
//! call these functions, so they cannot drift apart.
//!
//! The scheme is "hash and displace": a key's hash picks a bucket, and the
//! bucket's displacement pair `(d1, d2)` moves all of its keys to free
//! slots. Positions are scaled by multiplication rather than division, so a
//! lookup costs a hash, two multiplications and two loads (the bucket's
//! displacement and the slot, which holds a short key whole), and a third
//! for a key longer than eight bytes.

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

/// Multiplies to 128 bits and folds the halves together: one instruction
/// that mixes every bit of both operands.
#[inline]
#[allow(clippy::cast_possible_truncation)] // taking the halves is the point
const fn fold(x: u64, y: u64) -> u64 {
    let product = x as u128 * y as u128;
    product as u64 ^ (product >> 64) as u64
}

#[inline]
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

#[inline]
fn half(bytes: &[u8], at: usize) -> u64 {
    let mut half = [0; 4];
    half.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(half))
}

/// Hashes `bytes` with `seed`. Keys of up to 16 bytes, which most codes
/// are, cost two loads and two multiplications.
#[must_use]
#[inline]
pub fn hash(bytes: &[u8], seed: u64) -> Hashes {
    let len = bytes.len();
    let (mut state, last) = match len {
        0 => (seed, 0),
        1..=3 => (
            seed,
            u64::from(bytes[0]) << 16 | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1]),
        ),
        4..=7 => (seed, half(bytes, 0) << 32 | half(bytes, len - 4)),
        _ => {
            let mut state = seed;
            let mut at = 0;
            while at + 8 < len {
                state = fold(state ^ word(bytes, at), K);
                at += 8;
            }
            // The last eight bytes, overlapping the previous word if need be.
            (state, word(bytes, len - 8))
        }
    };
    state = fold(state ^ last ^ K, (len as u64) ^ 0x2d35_8dcc_aa6c_78a5);
    #[allow(clippy::cast_possible_truncation)] // taking parts is the point
    Hashes {
        g: (state >> 32) as u32,
        f1: state as u32,
        f2: (state >> 16) as u32,
    }
}

/// Whether two byte strings are equal; strings of up to sixteen bytes, which
/// most codes are, are compared with at most four loads instead of a call.
#[must_use]
#[inline]
pub fn equal(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    match len {
        0 => true,
        1..=3 => a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1],
        4..=7 => half(a, 0) == half(b, 0) && half(a, len - 4) == half(b, len - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, len - 8) == word(b, len - 8),
        _ => a == b,
    }
}

/// A key's first eight bytes, or, for a key of up to eight bytes, all of
/// them packed into one word: two keys of the same length up to eight bytes
/// are equal exactly when their heads are, so a slot that stores the head
/// compares such a key without reading the key's text.
#[must_use]
#[inline]
pub fn head(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match len {
        0 => 0,
        1..=3 => {
            u64::from(bytes[0]) | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1]) << 16
        }
        4..=7 => half(bytes, 0) | half(bytes, len - 4) << 32,
        _ => word(bytes, 0),
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
        // Every length takes its own path through the function.
        let text = b"authorization_denied_by_parental_controls";
        for short in 0..text.len() {
            for long in short + 1..=text.len() {
                assert_ne!(hash(&text[..short], 0), hash(&text[..long], 0));
            }
        }
    }

    #[test]
    fn equal_is_equality() {
        let text = b"authorization_denied_by_parental_controls";
        for len in 0..text.len() {
            let a = &text[..len];
            assert!(equal(a, a));
            for i in 0..len {
                let mut other = [0u8; 64];
                other[..len].copy_from_slice(a);
                other[i] ^= 1;
                assert!(!equal(a, &other[..len]), "{len} {i}");
            }
            assert!(!equal(a, &text[..=len]));
        }
    }

    #[test]
    fn heads_tell_short_keys_apart() {
        let text = b"authorization_denied_by_parental_controls";
        for len in 0..=8 {
            let a = &text[..len];
            for i in 0..len {
                let mut other = [0u8; 8];
                other[..len].copy_from_slice(a);
                other[i] ^= 1;
                assert_ne!(head(a), head(&other[..len]), "{len} {i}");
            }
        }
        // Longer keys share a head with any key that starts alike.
        assert_eq!(head(b"authorization"), head(b"authorize"));
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
