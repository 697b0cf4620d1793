//! How a catalog's per-code data is laid out in the static tables of a
//! generated enum. The macro writes the tables with [`Writer`] and the
//! runtime reads them with [`Tables`], so the two cannot disagree.
//!
//! The numeric tables are byte strings of little-endian integers, which
//! rustc reads far faster than arrays of integer literals:
//!
//! | table           | what it holds |
//! |-----------------|---------------|
//! | `codes`         | every code, end to end |
//! | `code_offsets`  | `u32`: where each code starts in `codes`, then where the last ends |
//! | `texts`         | each code's [`Text`]s, end to end, in the order of [`Text::ALL`] |
//! | `text_offsets`  | `u32`: where each text starts in `texts`, then where the last ends |
//! | `meta`          | `u64`: each code's packed [`Meta`] |
//! | `displacements` | `u32`: each bucket's displacement in the perfect hash; none in a small catalog |
//! | `slots`         | each slot of the perfect hash, as a [`Slot`] |

use alloc::string::String;
use alloc::vec::Vec;

use crate::meta::Meta;
use crate::phf;

/// The texts stored for each code besides the code itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// The variant name.
    Name,
    /// The title.
    Title,
    /// The description; empty when there is none.
    Description,
    /// The resolution; empty when there is none.
    Resolution,
    /// Why the code is deprecated; empty when it is not.
    Deprecation,
    /// The gRPC `ErrorInfo` reason; empty when the catalog does not serve
    /// gRPC.
    GrpcReason,
}

impl Text {
    /// Every text, in storage order.
    pub const ALL: [Text; 6] = [
        Text::Name,
        Text::Title,
        Text::Description,
        Text::Resolution,
        Text::Deprecation,
        Text::GrpcReason,
    ];
}

const OFFSET_BYTES: usize = 4;
const META_BYTES: usize = 8;
const DISPLACEMENT_BYTES: usize = 4;

/// One slot of the perfect hash: the code that hashes to it, with where
/// its text is, so that a lookup compares without another table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// The code's position in the catalog.
    pub position: u16,
    /// The code's length in bytes.
    pub length: u16,
    /// Where the code starts in `codes`.
    pub start: u32,
}

impl Slot {
    /// The size of a slot in the table.
    pub const BYTES: usize = 8;

    /// The slot as stored.
    #[must_use]
    pub const fn to_bytes(self) -> [u8; Self::BYTES] {
        let [p0, p1] = self.position.to_le_bytes();
        let [l0, l1] = self.length.to_le_bytes();
        let [s0, s1, s2, s3] = self.start.to_le_bytes();
        [p0, p1, l0, l1, s0, s1, s2, s3]
    }

    /// A slot as stored.
    #[must_use]
    pub const fn from_bytes(bytes: [u8; Self::BYTES]) -> Self {
        let [p0, p1, l0, l1, s0, s1, s2, s3] = bytes;
        Slot {
            position: u16::from_le_bytes([p0, p1]),
            length: u16::from_le_bytes([l0, l1]),
            start: u32::from_le_bytes([s0, s1, s2, s3]),
        }
    }
}

/// A catalog's tables, as the runtime reads them.
#[derive(Clone, Copy, Debug)]
pub struct Tables<'a> {
    codes: &'a str,
    code_offsets: &'a [u8],
    texts: &'a str,
    text_offsets: &'a [u8],
    meta: &'a [u8],
    seed: u64,
    displacements: &'a [u8],
    slots: &'a [u8],
    /// How many displacements and slots there are, counted once.
    buckets: u32,
    slot_count: u32,
}

/// The tables as the macro writes them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// `codes`.
    pub codes: String,
    /// `code_offsets`.
    pub code_offsets: Vec<u8>,
    /// `texts`.
    pub texts: String,
    /// `text_offsets`.
    pub text_offsets: Vec<u8>,
    /// `meta`.
    pub meta: Vec<u8>,
    /// The perfect hash's seed.
    pub seed: u64,
    /// `displacements`.
    pub displacements: Vec<u8>,
    /// `slots`.
    pub slots: Vec<u8>,
}

/// The tables, borrowed: what generated code passes to [`Tables::new`].
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)] // named after the tables above
pub struct TableParts<'a> {
    pub codes: &'a str,
    pub code_offsets: &'a [u8],
    pub texts: &'a str,
    pub text_offsets: &'a [u8],
    pub meta: &'a [u8],
    pub seed: u64,
    pub displacements: &'a [u8],
    pub slots: &'a [u8],
}

impl<'a> Tables<'a> {
    /// Reads tables written by [`Writer`].
    #[must_use]
    #[allow(clippy::cast_possible_truncation)] // at most 2^16 slots and buckets
    pub const fn new(parts: TableParts<'a>) -> Self {
        let TableParts {
            codes,
            code_offsets,
            texts,
            text_offsets,
            meta,
            seed,
            displacements,
            slots,
        } = parts;
        Tables {
            codes,
            code_offsets,
            texts,
            text_offsets,
            meta,
            seed,
            displacements,
            slots,
            buckets: (displacements.len() / DISPLACEMENT_BYTES) as u32,
            slot_count: (slots.len() / Slot::BYTES) as u32,
        }
    }

    /// How many codes there are.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.meta.len() / META_BYTES
    }

    /// Whether there are none.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    /// The code at `index`.
    #[inline]
    #[must_use]
    pub fn code(&self, index: usize) -> Option<&'a str> {
        between(self.codes, self.code_offsets, index)
    }

    /// The text of the code at `index`.
    #[inline]
    #[must_use]
    pub fn text(&self, index: usize, text: Text) -> Option<&'a str> {
        let at = index.checked_mul(Text::ALL.len())? + text as usize;
        between(self.texts, self.text_offsets, at)
    }

    /// The metadata of the code at `index`.
    #[inline]
    #[must_use]
    pub fn meta(&self, index: usize) -> Option<Meta> {
        let at = index.checked_mul(META_BYTES)?;
        let bytes: &[u8; META_BYTES] = self.meta.get(at..)?.first_chunk()?;
        Some(Meta(u64::from_le_bytes(*bytes)))
    }

    /// The position of `code`, found through the perfect hash.
    #[inline]
    #[must_use]
    pub fn position(&self, code: &str) -> Option<usize> {
        if self.slot_count == 0 {
            return None;
        }
        let hashes = phf::hash(code.as_bytes(), self.seed);
        // Small catalogs have no buckets: the seed alone separates codes.
        let displacement = match self.buckets {
            0 => 0,
            buckets => u32_at(self.displacements, phf::bucket(hashes, buckets))?,
        };
        let slot = phf::slot(hashes, displacement, self.slot_count);
        let bytes = self.slots.get(slot * Slot::BYTES..)?.first_chunk()?;
        let Slot {
            position,
            length,
            start,
        } = Slot::from_bytes(*bytes);
        let start = start as usize;
        let stored = self
            .codes
            .as_bytes()
            .get(start..start + usize::from(length))?;
        phf::equal(stored, code.as_bytes()).then_some(usize::from(position))
    }
}

/// The `index`th string of `strings`, delimited by `u32` offsets.
#[inline]
fn between<'a>(strings: &'a str, offsets: &[u8], index: usize) -> Option<&'a str> {
    let (start, end) = (u32_at(offsets, index)?, u32_at(offsets, index + 1)?);
    strings.get(start as usize..end as usize)
}

/// The `index`th little-endian `u32` of `bytes`.
#[inline]
fn u32_at(bytes: &[u8], index: usize) -> Option<u32> {
    let at = index.checked_mul(OFFSET_BYTES)?;
    Some(u32::from_le_bytes(*bytes.get(at..)?.first_chunk()?))
}

/// Why tables could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooLarge {
    /// More than 4 GiB of codes or of texts.
    Text,
    /// A code longer than 65,535 bytes.
    Code,
    /// More than 65,536 codes, or slots that do not fit a `u32`.
    Codes,
}

/// Writes the tables, one code at a time.
#[derive(Debug, Default)]
pub struct Writer {
    codes: String,
    code_starts: Vec<u32>,
    texts: String,
    text_starts: Vec<u32>,
    meta: Vec<u8>,
}

impl Written {
    /// The tables, borrowed.
    #[must_use]
    pub fn parts(&self) -> TableParts<'_> {
        TableParts {
            codes: &self.codes,
            code_offsets: &self.code_offsets,
            texts: &self.texts,
            text_offsets: &self.text_offsets,
            meta: &self.meta,
            seed: self.seed,
            displacements: &self.displacements,
            slots: &self.slots,
        }
    }
}

impl Writer {
    /// Adds a code, its texts (`text` gives each of [`Text::ALL`]) and its
    /// metadata.
    ///
    /// # Errors
    ///
    /// When the text of all codes, or of all texts, passes 4 GiB, or the
    /// code is longer than 65,535 bytes.
    pub fn push<'t>(
        &mut self,
        code: &str,
        text: impl Fn(Text) -> &'t str,
        meta: Meta,
    ) -> Result<(), TooLarge> {
        if u16::try_from(code.len()).is_err() {
            return Err(TooLarge::Code);
        }
        self.code_starts.push(offset(&self.codes)?);
        self.codes.push_str(code);
        for field in Text::ALL {
            self.text_starts.push(offset(&self.texts)?);
            self.texts.push_str(text(field));
        }
        self.meta.extend(meta.0.to_le_bytes());
        Ok(())
    }

    /// The finished tables, with the perfect hash: its seed, each bucket's
    /// displacement, and the position of the code in each slot.
    ///
    /// # Errors
    ///
    /// When the text passes 4 GiB, or a slot names a code that was not
    /// pushed or a position beyond `u16`.
    pub fn finish(
        self,
        seed: u64,
        displacements: &[u32],
        slots: &[usize],
    ) -> Result<Written, TooLarge> {
        let codes_end = offset(&self.codes)?;
        let texts_end = offset(&self.texts)?;
        let mut slot_bytes = Vec::with_capacity(slots.len() * Slot::BYTES);
        for &position in slots {
            let start = *self.code_starts.get(position).ok_or(TooLarge::Codes)?;
            let end = self
                .code_starts
                .get(position + 1)
                .copied()
                .unwrap_or(codes_end);
            let slot = Slot {
                position: u16::try_from(position).map_err(|_| TooLarge::Codes)?,
                length: u16::try_from(end - start).map_err(|_| TooLarge::Code)?,
                start,
            };
            slot_bytes.extend(slot.to_bytes());
        }
        Ok(Written {
            code_offsets: offsets(&self.code_starts, codes_end),
            text_offsets: offsets(&self.text_starts, texts_end),
            codes: self.codes,
            texts: self.texts,
            meta: self.meta,
            seed,
            displacements: displacements.iter().flat_map(|d| d.to_le_bytes()).collect(),
            slots: slot_bytes,
        })
    }
}

/// Where the next string starts.
fn offset(text: &str) -> Result<u32, TooLarge> {
    u32::try_from(text.len()).map_err(|_| TooLarge::Text)
}

fn offsets(starts: &[u32], end: u32) -> Vec<u8> {
    starts
        .iter()
        .chain([&end])
        .flat_map(|offset| offset.to_le_bytes())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Fields;
    use crate::{Action, Outcome, Severity, WireFormat};

    fn meta(status: u16) -> Meta {
        Meta::pack(&Fields {
            status,
            action: Action::Retry,
            severity: Severity::Fatal,
            outcome: Outcome::Failure,
            origin: None,
            domain: None,
            wire_format: WireFormat::Problem,
            deprecated: false,
            replaced_by: None,
            grpc_code: None,
        })
        .unwrap()
    }

    #[test]
    fn slots_survive_storage() {
        let slot = Slot {
            position: 65_535,
            length: 12,
            start: 0x0102_0304,
        };
        assert_eq!(Slot::from_bytes(slot.to_bytes()), slot);
    }

    #[test]
    fn what_is_written_reads_back() {
        let mut writer = Writer::default();
        for (code, status) in [("A1", 400), ("", 500), ("Bé", 503)] {
            let text = |field| match field {
                Text::Name => "Name",
                Text::Title => code,
                Text::Description | Text::Resolution | Text::Deprecation | Text::GrpcReason => "",
            };
            writer.push(code, text, meta(status)).unwrap();
        }
        // A hand-made hash with one bucket and one slot per code: the
        // slots hold the positions in order, so `position` is tested by
        // the real hash elsewhere; here the slot contents are.
        let written = writer.finish(7, &[0], &[2, 0, 1]).unwrap();
        let tables = Tables::new(written.parts());
        assert_eq!(tables.len(), 3);
        assert_eq!(tables.code(2), Some("Bé"));
        assert_eq!(tables.code(1), Some(""));
        assert_eq!(tables.code(3), None);
        assert_eq!(tables.text(2, Text::Title), Some("Bé"));
        assert_eq!(tables.text(0, Text::Name), Some("Name"));
        assert_eq!(tables.text(0, Text::Deprecation), Some(""));
        assert_eq!(tables.meta(2).map(Meta::status), Some(503));
        assert_eq!(tables.meta(3), None);
        let slots: Vec<Slot> = written
            .slots
            .chunks(Slot::BYTES)
            .map(|chunk| Slot::from_bytes(chunk.try_into().unwrap()))
            .collect();
        assert_eq!(
            slots[0],
            Slot {
                position: 2,
                length: 3,
                start: 2
            }
        );
    }

    #[test]
    fn oversized_codes_are_refused() {
        let long = "x".repeat(1 << 16);
        let mut writer = Writer::default();
        assert_eq!(writer.push(&long, |_| "", meta(400)), Err(TooLarge::Code));
        assert_eq!(
            Writer::default().finish(0, &[0], &[0]),
            Err(TooLarge::Codes)
        );
    }
}
