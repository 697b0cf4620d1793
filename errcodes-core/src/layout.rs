//! How a catalog's per-code data is laid out in the static tables of a
//! generated enum. The macro writes the tables with [`Writer`] and the
//! runtime reads them with [`Tables`], so the two cannot disagree.
//!
//! The numeric tables are byte strings of little-endian integers, which
//! rustc reads far faster than arrays of integer literals. The tables of
//! texts and numbers hold a column per [`Text`] and per [`Number`], as many
//! as the writer wrote: a column added later reads as empty in tables
//! written before it, so a new kind of per-code data is a new column, not a
//! new layout.
//!
//! | table           | what it holds |
//! |-----------------|---------------|
//! | `codes`         | every code, end to end |
//! | `code_offsets`  | `u32`: where each code starts in `codes`, then where the last ends |
//! | `texts`         | each code's [`Text`]s, end to end, column by column within a code |
//! | `text_offsets`  | `u32`: where each text starts in `texts`, then where the last ends |
//! | `numbers`       | `u32`: each code's [`Number`]s, column by column within a code |
//! | `meta`          | `u64`: each code's packed [`Meta`] |
//! | `codes_hash`    | the perfect hash from a code to its position ([`HashParts`]) |
//! | `reasons_hash`  | the perfect hash from a gRPC reason to its code's position |

use alloc::string::String;
use alloc::vec::Vec;

use crate::meta::Meta;
use crate::phf;

/// The texts stored for each code besides the code itself: the columns of
/// `texts`, in storage order. New columns go at the end.
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
    /// The fields its occurrences carry, encoded as
    /// [`fields::encode_fields`](crate::fields::encode_fields) writes them;
    /// empty for none.
    Fields,
    /// Its message template, encoded as
    /// [`fields::encode_template`](crate::fields::encode_template) writes
    /// it; empty for none.
    Message,
}

impl Text {
    /// Every text, in storage order.
    pub const ALL: [Text; 8] = [
        Text::Name,
        Text::Title,
        Text::Description,
        Text::Resolution,
        Text::Deprecation,
        Text::GrpcReason,
        Text::Fields,
        Text::Message,
    ];
}

/// The numbers stored for each code: the columns of `numbers`, in storage
/// order, each a position counted from 1, so that 0 means none. New columns
/// go at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    /// The position of the code's domain in the catalog's list.
    Domain,
    /// The position of the code that replaces it.
    ReplacedBy,
}

impl Number {
    /// Every number, in storage order.
    pub const ALL: [Number; 2] = [Number::Domain, Number::ReplacedBy];
}

/// The most domains a catalog may declare: their positions are 16 bits,
/// like codes'.
pub const MAX_DOMAINS: usize = u16::MAX as usize;

const OFFSET_BYTES: usize = 4;
const NUMBER_BYTES: usize = 4;
const META_BYTES: usize = 8;
const DISPLACEMENT_BYTES: usize = 4;

/// One slot of a perfect hash: the position of the key that hashes to it,
/// with where the key's text is and its [`head`](crate::phf::head), so
/// that a lookup compares a key of up to eight bytes without another load,
/// and a longer one with one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// The position of the key's code in the catalog.
    pub position: u16,
    /// The key's length in bytes.
    pub length: u16,
    /// Where the key starts in the text it is part of.
    pub start: u32,
    /// The key's head.
    pub head: u64,
}

impl Slot {
    /// The size of a slot in the table.
    pub const BYTES: usize = 16;

    /// The slot as stored.
    #[must_use]
    pub const fn to_bytes(self) -> [u8; Self::BYTES] {
        let [p0, p1] = self.position.to_le_bytes();
        let [l0, l1] = self.length.to_le_bytes();
        let [s0, s1, s2, s3] = self.start.to_le_bytes();
        let [h0, h1, h2, h3, h4, h5, h6, h7] = self.head.to_le_bytes();
        [
            p0, p1, l0, l1, s0, s1, s2, s3, h0, h1, h2, h3, h4, h5, h6, h7,
        ]
    }

    /// A slot as stored.
    #[must_use]
    pub const fn from_bytes(bytes: [u8; Self::BYTES]) -> Self {
        let [
            p0,
            p1,
            l0,
            l1,
            s0,
            s1,
            s2,
            s3,
            h0,
            h1,
            h2,
            h3,
            h4,
            h5,
            h6,
            h7,
        ] = bytes;
        Slot {
            position: u16::from_le_bytes([p0, p1]),
            length: u16::from_le_bytes([l0, l1]),
            start: u32::from_le_bytes([s0, s1, s2, s3]),
            head: u64::from_le_bytes([h0, h1, h2, h3, h4, h5, h6, h7]),
        }
    }
}

/// A perfect hash, borrowed: its seed, each bucket's displacement (none in
/// a small one), and its slots.
#[derive(Clone, Copy, Debug, Default)]
pub struct HashParts<'a> {
    /// The seed.
    pub seed: u64,
    /// `u32`: each bucket's displacement.
    pub displacements: &'a [u8],
    /// Each slot, as a [`Slot`].
    pub slots: &'a [u8],
}

impl HashParts<'_> {
    /// The position of the key `key`, whose keys are slices of `text`.
    #[inline]
    fn find(&self, key: &str, text: &str) -> Option<usize> {
        let slot_count = u32::try_from(self.slots.len() / Slot::BYTES).ok()?;
        if slot_count == 0 {
            return None;
        }
        let hashes = phf::hash(key.as_bytes(), self.seed);
        // Small tables have no buckets: the seed alone separates keys.
        let displacement = match self.displacements.len() / DISPLACEMENT_BYTES {
            0 => 0,
            buckets => u32_at(
                self.displacements,
                phf::bucket(hashes, u32::try_from(buckets).ok()?),
            )?,
        };
        let slot = phf::slot(hashes, displacement, slot_count);
        let bytes = self.slots.get(slot * Slot::BYTES..)?.first_chunk()?;
        let Slot {
            position,
            length,
            start,
            head,
        } = Slot::from_bytes(*bytes);
        let key = key.as_bytes();
        if usize::from(length) != key.len() || head != phf::head(key) {
            return None;
        }
        if key.len() > 8 {
            let start = start as usize;
            let stored = text.as_bytes().get(start..start + key.len())?;
            if !phf::equal(stored, key) {
                return None;
            }
        }
        Some(usize::from(position))
    }
}

/// The tables, borrowed: what generated code passes to [`Tables::new`].
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)] // named after the tables above
pub struct TableParts<'a> {
    pub codes: &'a str,
    pub code_offsets: &'a [u8],
    pub texts: &'a str,
    pub text_offsets: &'a [u8],
    pub numbers: &'a [u8],
    pub meta: &'a [u8],
    pub codes_hash: HashParts<'a>,
    pub reasons_hash: HashParts<'a>,
}

/// A catalog's tables, as the runtime reads them.
#[derive(Clone, Copy, Debug)]
pub struct Tables<'a> {
    parts: TableParts<'a>,
    /// How many columns `texts` and `numbers` have, counted once.
    text_columns: usize,
    number_columns: usize,
}

impl<'a> Tables<'a> {
    /// Reads tables written by [`Writer`].
    #[must_use]
    pub const fn new(parts: TableParts<'a>) -> Self {
        let len = parts.meta.len() / META_BYTES;
        let texts = (parts.text_offsets.len() / OFFSET_BYTES).saturating_sub(1);
        let numbers = parts.numbers.len() / NUMBER_BYTES;
        let (text_columns, number_columns) =
            match (texts.checked_div(len), numbers.checked_div(len)) {
                (Some(texts), Some(numbers)) => (texts, numbers),
                _ => (0, 0),
            };
        Tables {
            parts,
            text_columns,
            number_columns,
        }
    }

    /// How many codes there are.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.parts.meta.len() / META_BYTES
    }

    /// Whether there are none.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.parts.meta.is_empty()
    }

    /// The code at `index`.
    #[inline]
    #[must_use]
    pub fn code(&self, index: usize) -> Option<&'a str> {
        between(self.parts.codes, self.parts.code_offsets, index)
    }

    /// The text of the code at `index`; `None` past the last code, or for a
    /// column the tables do not have.
    #[inline]
    #[must_use]
    pub fn text(&self, index: usize, text: Text) -> Option<&'a str> {
        let column = text as usize;
        if column >= self.text_columns {
            return None;
        }
        let at = index.checked_mul(self.text_columns)? + column;
        between(self.parts.texts, self.parts.text_offsets, at)
    }

    /// The number of the code at `index`: a position, counted from 0;
    /// `None` when the code has none, or the tables no such column.
    #[inline]
    #[must_use]
    pub fn number(&self, index: usize, number: Number) -> Option<usize> {
        let column = number as usize;
        if column >= self.number_columns {
            return None;
        }
        let at = index.checked_mul(self.number_columns)? + column;
        match u32_at(self.parts.numbers, at)? {
            0 => None,
            n => Some(n as usize - 1),
        }
    }

    /// The metadata of the code at `index`.
    #[inline]
    #[must_use]
    pub fn meta(&self, index: usize) -> Option<Meta> {
        let at = index.checked_mul(META_BYTES)?;
        let bytes: &[u8; META_BYTES] = self.parts.meta.get(at..)?.first_chunk()?;
        Some(Meta(u64::from_le_bytes(*bytes)))
    }

    /// The position of `code`, found through the perfect hash.
    #[inline]
    #[must_use]
    pub fn position(&self, code: &str) -> Option<usize> {
        self.parts.codes_hash.find(code, self.parts.codes)
    }

    /// The position of the code whose gRPC reason is `reason`, found
    /// through the perfect hash of reasons.
    #[inline]
    #[must_use]
    pub fn position_of_reason(&self, reason: &str) -> Option<usize> {
        self.parts.reasons_hash.find(reason, self.parts.texts)
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
    /// A code, or a gRPC reason, longer than 65,535 bytes.
    Code,
    /// More than 65,536 codes, or slots that do not fit a `u32`.
    Codes,
}

/// A perfect hash, as the macro writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WrittenHash {
    /// The seed.
    pub seed: u64,
    /// `displacements`.
    pub displacements: Vec<u8>,
    /// `slots`.
    pub slots: Vec<u8>,
}

impl WrittenHash {
    /// The hash, borrowed.
    #[must_use]
    pub fn parts(&self) -> HashParts<'_> {
        HashParts {
            seed: self.seed,
            displacements: &self.displacements,
            slots: &self.slots,
        }
    }
}

/// The tables as the macro writes them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Built {
    /// `codes`.
    pub codes: String,
    /// `code_offsets`.
    pub code_offsets: Vec<u8>,
    /// `texts`.
    pub texts: String,
    /// `text_offsets`.
    pub text_offsets: Vec<u8>,
    /// `numbers`.
    pub numbers: Vec<u8>,
    /// `meta`.
    pub meta: Vec<u8>,
    /// The perfect hash of codes.
    pub codes_hash: WrittenHash,
    /// The perfect hash of gRPC reasons.
    pub reasons_hash: WrittenHash,
}

impl Built {
    /// The tables, borrowed.
    #[must_use]
    pub fn parts(&self) -> TableParts<'_> {
        TableParts {
            codes: &self.codes,
            code_offsets: &self.code_offsets,
            texts: &self.texts,
            text_offsets: &self.text_offsets,
            numbers: &self.numbers,
            meta: &self.meta,
            codes_hash: self.codes_hash.parts(),
            reasons_hash: self.reasons_hash.parts(),
        }
    }
}

/// A perfect hash found for the keys pushed: its seed, each bucket's
/// displacement, and the position of the key in each slot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hash {
    /// The seed.
    pub seed: u64,
    /// Each bucket's displacement.
    pub displacements: Vec<u32>,
    /// The position, among the keys hashed, of the key in each slot.
    pub slots: Vec<usize>,
}

/// Writes the tables, one code at a time.
#[derive(Debug, Default)]
pub struct Writer {
    codes: String,
    code_starts: Vec<u32>,
    texts: String,
    text_starts: Vec<u32>,
    numbers: Vec<u8>,
    meta: Vec<u8>,
}

impl Writer {
    /// Adds a code, its texts (`text` gives each of [`Text::ALL`]), its
    /// numbers (`number` gives each of [`Number::ALL`], counted from 0) and
    /// its metadata.
    ///
    /// # Errors
    ///
    /// When the text of all codes, or of all texts, passes 4 GiB, or the
    /// code is longer than 65,535 bytes.
    pub fn push<'t>(
        &mut self,
        code: &str,
        text: impl Fn(Text) -> &'t str,
        number: impl Fn(Number) -> Option<usize>,
        meta: Meta,
    ) -> Result<(), TooLarge> {
        if u16::try_from(code.len()).is_err() {
            return Err(TooLarge::Code);
        }
        self.code_starts.push(offset(&self.codes)?);
        self.codes.push_str(code);
        for column in Text::ALL {
            self.text_starts.push(offset(&self.texts)?);
            self.texts.push_str(text(column));
        }
        for column in Number::ALL {
            let stored = match number(column) {
                Some(index) => u32::try_from(index + 1).map_err(|_| TooLarge::Codes)?,
                None => 0,
            };
            self.numbers.extend(stored.to_le_bytes());
        }
        self.meta.extend(meta.0.to_le_bytes());
        Ok(())
    }

    /// The finished tables, with the perfect hash of codes and the one of
    /// the codes' gRPC reasons, whose slots hold positions among the codes
    /// pushed and among the codes with a reason, in `reasons`, the code of
    /// each.
    ///
    /// # Errors
    ///
    /// When the text passes 4 GiB, or a slot names a code that was not
    /// pushed or a position beyond `u16`.
    pub fn finish(
        self,
        codes: &Hash,
        reasons: &Hash,
        reasons_of: &[usize],
    ) -> Result<Built, TooLarge> {
        let codes_end = offset(&self.codes)?;
        let texts_end = offset(&self.texts)?;
        let code_slots = slots(&codes.slots, &self.codes, |position| {
            let start = *self.code_starts.get(position)?;
            let end = self
                .code_starts
                .get(position + 1)
                .copied()
                .unwrap_or(codes_end);
            Some((position, start, end))
        })?;
        let reason = Text::GrpcReason as usize;
        let reason_slots = slots(&reasons.slots, &self.texts, |key| {
            let position = *reasons_of.get(key)?;
            let at = position * Text::ALL.len() + reason;
            let start = *self.text_starts.get(at)?;
            let end = self.text_starts.get(at + 1).copied().unwrap_or(texts_end);
            Some((position, start, end))
        })?;
        Ok(Built {
            code_offsets: offsets(&self.code_starts, codes_end),
            text_offsets: offsets(&self.text_starts, texts_end),
            codes: self.codes,
            texts: self.texts,
            numbers: self.numbers,
            meta: self.meta,
            codes_hash: written(codes, code_slots),
            reasons_hash: written(reasons, reason_slots),
        })
    }
}

/// The slots of a hash as stored: `place` gives, for the key in a slot,
/// its code's position and where the key starts and ends in `text`.
fn slots(
    keys: &[usize],
    text: &str,
    place: impl Fn(usize) -> Option<(usize, u32, u32)>,
) -> Result<Vec<u8>, TooLarge> {
    let mut bytes = Vec::with_capacity(keys.len() * Slot::BYTES);
    for &key in keys {
        let (position, start, end) = place(key).ok_or(TooLarge::Codes)?;
        let key_text = text.as_bytes().get(start as usize..end as usize);
        let slot = Slot {
            position: u16::try_from(position).map_err(|_| TooLarge::Codes)?,
            length: u16::try_from(end - start).map_err(|_| TooLarge::Code)?,
            start,
            head: phf::head(key_text.ok_or(TooLarge::Codes)?),
        };
        bytes.extend(slot.to_bytes());
    }
    Ok(bytes)
}

fn written(hash: &Hash, slots: Vec<u8>) -> WrittenHash {
    WrittenHash {
        seed: hash.seed,
        displacements: hash
            .displacements
            .iter()
            .flat_map(|d| d.to_le_bytes())
            .collect(),
        slots,
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
            wire_format: WireFormat::Problem,
            deprecated: false,
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
            head: 0x0807_0605_0403_0201,
        };
        assert_eq!(Slot::from_bytes(slot.to_bytes()), slot);
    }

    fn hash(slots: &[usize]) -> Hash {
        Hash {
            seed: 7,
            displacements: alloc::vec![0],
            slots: slots.to_vec(),
        }
    }

    #[test]
    fn what_is_written_reads_back() {
        let mut writer = Writer::default();
        for (i, (code, status)) in [("A1", 400), ("", 500), ("Bé", 503)]
            .into_iter()
            .enumerate()
        {
            let text = |field| match field {
                Text::Name => "Name",
                Text::Title => code,
                Text::GrpcReason if i == 2 => "REASON",
                _ => "",
            };
            let number = |column| (column == Number::ReplacedBy && i == 0).then_some(2);
            writer.push(code, text, number, meta(status)).unwrap();
        }
        // Hand-made hashes with one bucket and one slot per key: the slots
        // hold the positions in order, so `position` is tested by the real
        // hash elsewhere; here the slot contents are.
        let built = writer.finish(&hash(&[2, 0, 1]), &hash(&[0]), &[2]).unwrap();
        let tables = Tables::new(built.parts());
        assert_eq!(tables.len(), 3);
        assert_eq!(tables.code(2), Some("Bé"));
        assert_eq!(tables.code(1), Some(""));
        assert_eq!(tables.code(3), None);
        assert_eq!(tables.text(2, Text::Title), Some("Bé"));
        assert_eq!(tables.text(0, Text::Name), Some("Name"));
        assert_eq!(tables.text(0, Text::Deprecation), Some(""));
        assert_eq!(tables.number(0, Number::ReplacedBy), Some(2));
        assert_eq!(tables.number(1, Number::ReplacedBy), None);
        assert_eq!(tables.number(0, Number::Domain), None);
        assert_eq!(tables.meta(2).map(Meta::status), Some(503));
        assert_eq!(tables.meta(3), None);
        let slot = |bytes: &[u8]| Slot::from_bytes(bytes[..Slot::BYTES].try_into().unwrap());
        assert_eq!(
            slot(&built.codes_hash.slots),
            Slot {
                position: 2,
                length: 3,
                start: 2,
                head: crate::phf::head("Bé".as_bytes()),
            }
        );
        let reason = slot(&built.reasons_hash.slots);
        assert_eq!(reason.position, 2);
        let start = reason.start as usize;
        assert_eq!(
            &built.texts[start..start + usize::from(reason.length)],
            "REASON"
        );
    }

    #[test]
    fn tables_with_fewer_columns_read_the_missing_ones_as_none() {
        let mut writer = Writer::default();
        writer.push("A", |_| "x", |_| Some(0), meta(400)).unwrap();
        let mut built = writer.finish(&hash(&[0]), &Hash::default(), &[]).unwrap();
        // As tables written before the last text and number columns.
        let texts = Text::ALL.len() - 1;
        built.text_offsets.truncate((texts + 1) * 4);
        built.numbers.truncate(4);
        let tables = Tables::new(built.parts());
        let [.., kept, missing] = Text::ALL;
        assert_eq!(tables.text(0, kept), Some("x"));
        assert_eq!(tables.text(0, missing), None);
        assert_eq!(tables.number(0, Number::Domain), Some(0));
        assert_eq!(tables.number(0, Number::ReplacedBy), None);
    }

    #[test]
    fn oversized_codes_are_refused() {
        let long = "x".repeat(1 << 16);
        let mut writer = Writer::default();
        assert_eq!(
            writer.push(&long, |_| "", |_| None, meta(400)),
            Err(TooLarge::Code)
        );
        assert_eq!(
            Writer::default().finish(&hash(&[0]), &Hash::default(), &[]),
            Err(TooLarge::Codes)
        );
    }
}
