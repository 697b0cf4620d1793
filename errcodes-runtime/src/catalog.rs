use errcodes_core::meta::Meta;
use errcodes_core::phf;

/// A catalog's own metadata and the tables behind its codes' accessors.
///
/// Every generated enum has one, reachable as [`ErrorCode::CATALOG`]. Its
/// per-code data is stored column-wise in static tables indexed by a code's
/// position, so that the accessors of [`ErrorCode`] are a table load and a
/// catalog of thousands of codes costs the compiler little.
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
    pub(crate) domains: &'static [Domain],
    /// Every code's strings, one after the other.
    pub(crate) strings: &'static str,
    /// Where each string starts in `strings`: `FIELDS` per code, then the end.
    pub(crate) offsets: &'static [u32],
    pub(crate) meta: &'static [u32],
    pub(crate) seed: u64,
    pub(crate) displacements: &'static [u32],
    /// The position of the code that hashes to each slot.
    pub(crate) slots: &'static [u32],
}

/// The strings stored for each code, in storage order.
#[derive(Clone, Copy)]
pub(crate) enum Field {
    Code,
    Name,
    Title,
    Description,
    Resolution,
}

/// How many strings each code has.
pub(crate) const FIELDS: usize = 5;

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
        self.meta.len()
    }

    /// Whether the catalog has no codes (never true of a generated one).
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    #[inline]
    pub(crate) fn text(&self, index: usize, field: Field) -> &'static str {
        let at = index * FIELDS + field as usize;
        match (self.offsets.get(at), self.offsets.get(at + 1)) {
            (Some(&start), Some(&end)) => self.strings.get(start as usize..end as usize),
            _ => None,
        }
        .unwrap_or_default()
    }

    #[inline]
    pub(crate) fn meta(&self, index: usize) -> Meta {
        Meta(self.meta.get(index).copied().unwrap_or_default())
    }

    /// The position of `code`, found through the perfect hash.
    #[inline]
    pub(crate) fn position(&self, code: &str) -> Option<usize> {
        let (Ok(buckets), Ok(len)) = (
            u32::try_from(self.displacements.len()),
            u32::try_from(self.slots.len()),
        ) else {
            return None;
        };
        if buckets == 0 || len == 0 {
            return None;
        }
        let hashes = phf::hash(code.as_bytes(), self.seed);
        let displacement = self.displacements[phf::bucket(hashes, buckets)];
        let index = self.slots[phf::slot(hashes, displacement, len)] as usize;
        (self.text(index, Field::Code) == code).then_some(index)
    }
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
