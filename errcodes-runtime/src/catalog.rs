use errcodes_core::meta::Meta;
use errcodes_core::phf;

/// A catalog's own metadata and the tables behind its codes' accessors.
///
/// Every generated enum has one, reachable as [`ErrorCode::CATALOG`]. Its
/// per-code data is stored column-wise in static tables indexed by a code's
/// position, so that the accessors of [`ErrorCode`] are a table load. The
/// numeric tables are byte strings of little-endian integers: the compiler
/// reads one byte-string literal far faster than thousands of integer
/// literals, which matters for catalogs of thousands of codes.
///
/// ```
/// use errcodes_runtime::ErrorCode;
///
/// errcodes_runtime::errcodes!("../specs/privacy.yaml");
///
/// let catalog = PrivacyError::CATALOG;
/// assert_eq!(catalog.name(), "PrivacyError");
/// assert_eq!(catalog.len(), 15);
/// assert_eq!(catalog.domains().len(), 7);
/// assert_eq!(catalog.domain("rate-limiting").unwrap().title(), "Rate limiting");
/// ```
///
/// [`ErrorCode`]: crate::ErrorCode
/// [`ErrorCode::CATALOG`]: crate::ErrorCode::CATALOG
#[derive(Debug)]
pub struct Catalog {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) problem_type: Option<&'static str>,
    pub(crate) domains: &'static [Domain],
    /// Every code, one after the other: compact, so that looking codes up
    /// touches little memory.
    pub(crate) codes: &'static str,
    /// `u32`s: where each code starts in `codes`, then where the last ends.
    pub(crate) code_offsets: &'static [u8],
    /// Every code's other strings, one after the other.
    pub(crate) texts: &'static str,
    /// `u32`s: where each text starts in `texts`, `FIELDS` per code, then
    /// where the last one ends.
    pub(crate) text_offsets: &'static [u8],
    /// `u32`s: each code's packed [`Meta`].
    pub(crate) meta: &'static [u8],
    pub(crate) seed: u64,
    /// `u32`s: each bucket's displacement.
    pub(crate) displacements: &'static [u8],
    /// Eight bytes per slot, for the code that hashes to it: its position
    /// (`u16`), its length (`u16`) and where it starts in `codes` (`u32`), so
    /// that a lookup reads the code without another table.
    pub(crate) slots: &'static [u8],
    /// How many displacements and slots there are, counted once.
    pub(crate) buckets: u32,
    pub(crate) slot_count: u32,
}

/// The texts stored for each code besides the code itself, in storage order.
#[derive(Clone, Copy)]
pub(crate) enum Field {
    Name,
    Title,
    Description,
    Resolution,
}

/// How many texts each code has.
pub(crate) const FIELDS: usize = 4;

impl Catalog {
    /// The catalog's name, which is also the name of the generated enum.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What the catalog is about, from its `description:` key (may be empty).
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The template of problem `type` URIs, with `{code}` where the code
    /// goes, from the catalog's `problem-type:` key.
    #[must_use]
    pub const fn problem_type(&self) -> Option<&'static str> {
        self.problem_type
    }

    /// The domains (categories) the catalog declares, in declaration order.
    #[must_use]
    pub const fn domains(&self) -> &'static [Domain] {
        self.domains
    }

    /// The domain with this identifier.
    #[must_use]
    pub fn domain(&self, id: &str) -> Option<&'static Domain> {
        self.domains.iter().find(|domain| domain.id == id)
    }

    /// How many codes the catalog has.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.meta.len() / 4
    }

    /// Whether the catalog has no codes (never true of a generated one).
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    /// The code at `index`.
    #[inline]
    pub(crate) fn code(&self, index: usize) -> &'static str {
        slice(self.codes, self.code_offsets, index).unwrap_or_default()
    }

    #[inline]
    pub(crate) fn text(&self, index: usize, field: Field) -> &'static str {
        slice(
            self.texts,
            self.text_offsets,
            index * FIELDS + field as usize,
        )
        .unwrap_or_default()
    }

    #[inline]
    pub(crate) fn meta(&self, index: usize) -> Meta {
        Meta(u32_at(self.meta, index).unwrap_or_default())
    }

    /// The position of `code`, found through the perfect hash.
    #[inline]
    pub(crate) fn position(&self, code: &str) -> Option<usize> {
        if self.buckets == 0 || self.slot_count == 0 {
            return None;
        }
        let hashes = phf::hash(code.as_bytes(), self.seed);
        let displacement = u32_at(self.displacements, phf::bucket(hashes, self.buckets))?;
        let slot = phf::slot(hashes, displacement, self.slot_count);
        let entry: &[u8; 8] = self.slots.get(8 * slot..)?.first_chunk()?;
        let index = usize::from(u16::from_le_bytes([entry[0], entry[1]]));
        let length = usize::from(u16::from_le_bytes([entry[2], entry[3]]));
        let start = u32::from_le_bytes([entry[4], entry[5], entry[6], entry[7]]) as usize;
        let stored = self.codes.as_bytes().get(start..start + length)?;
        phf::equal(stored, code.as_bytes()).then_some(index)
    }
}

/// The `index`th string of `strings`, delimited by `u32` offsets.
#[inline]
fn slice(strings: &'static str, offsets: &[u8], index: usize) -> Option<&'static str> {
    let (start, end) = (u32_at(offsets, index)?, u32_at(offsets, index + 1)?);
    strings.get(start as usize..end as usize)
}

/// The `index`th little-endian `u32` of `bytes`.
#[inline]
fn u32_at(bytes: &[u8], index: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        *bytes.get(index.checked_mul(4)?..)?.first_chunk()?,
    ))
}

/// A group of related codes: what the catalog's `domains:` key declares.
///
/// Catalogs call them domains, categories or classes; a code belongs to at
/// most one.
///
/// ```
/// use errcodes_runtime::ErrorCode;
///
/// errcodes_runtime::errcodes!("../specs/acp.yaml");
///
/// let domain = AcpError::RateLimitExceeded.domain().unwrap();
/// assert_eq!(domain.id(), "rate-limiting");
/// assert_eq!(domain.title(), "Rate Limiting Errors");
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Domain {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) description: &'static str,
}

impl Domain {
    /// The identifier codes use to refer to the domain.
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The domain's human-readable title.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// What the domain covers (may be empty).
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.description
    }
}
