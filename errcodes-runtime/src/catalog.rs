use errcodes_core::layout::{Number, Tables, Text};
use errcodes_core::meta::Meta;

use crate::{Condition, ProblemCode, WireFormat};

/// A catalog's own metadata and the tables behind its codes' accessors.
///
/// Every generated enum has one, reachable as [`ErrorCode::CATALOG`]. Its
/// per-code data is stored column-wise in static tables indexed by a code's
/// position, so that the accessors of [`ErrorCode`] are a table load.
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
    pub(crate) description: Option<&'static str>,
    pub(crate) problem_type: Option<&'static str>,
    pub(crate) help_url: Option<&'static str>,
    pub(crate) grpc_domain: Option<&'static str>,
    pub(crate) problem_code: ProblemCode,
    pub(crate) wire_format: WireFormat,
    pub(crate) domains: &'static [Domain],
    pub(crate) boundary: &'static [(Condition, u32)],
    pub(crate) tables: Tables<'static>,
    pub(crate) default_locale: &'static str,
    // Read with the `locales` feature; always empty without it.
    #[cfg_attr(not(feature = "locales"), allow(dead_code))]
    pub(crate) translations: &'static [Translation],
}

/// A catalog's texts in one language: each code's title, description,
/// resolution and message, empty where the translation gives none.
#[cfg_attr(not(feature = "locales"), allow(dead_code))]
pub struct Translation {
    pub(crate) tag: &'static str,
    pub(crate) texts: &'static str,
    /// Where each text starts in `texts`, four per code, and where the
    /// last ends: `u32`s, little-endian.
    pub(crate) offsets: &'static [u8],
    // Read by the messages of typed fields, which need `occurrence`.
    #[cfg(feature = "locales")]
    #[cfg_attr(not(feature = "occurrence"), allow(dead_code))]
    pub(crate) plural: std::sync::OnceLock<Option<intl_pluralrules::PluralRules>>,
}

impl core::fmt::Debug for Translation {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Translation")
            .field("tag", &self.tag)
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// The language of the catalog's own texts, from its `default-locale:`
    /// key: `en` unless it says otherwise.
    ///
    /// ```
    /// use errcodes_runtime::ErrorCode;
    ///
    /// errcodes_runtime::errcodes!("../specs/privacy.yaml");
    ///
    /// assert_eq!(PrivacyError::CATALOG.default_locale(), "en");
    /// ```
    #[must_use]
    pub const fn default_locale(&self) -> &'static str {
        self.default_locale
    }

    /// The catalog's name, which is also the name of the generated enum.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What the catalog is about, from its `description:` key.
    #[must_use]
    pub const fn description(&self) -> Option<&'static str> {
        self.description
    }

    /// The template of problem `type` URIs, with `{code}` where the code
    /// goes, from the catalog's `problem-type:` key.
    #[must_use]
    pub const fn problem_type(&self) -> Option<&'static str> {
        self.problem_type
    }

    /// The position in `ALL` of the code the catalog's `boundary:` names
    /// for `condition`; `None` when it names none.
    #[must_use]
    pub fn boundary_index(&self, condition: Condition) -> Option<usize> {
        self.boundary
            .iter()
            .find(|(named, _)| *named == condition)
            .and_then(|(_, index)| usize::try_from(*index).ok())
    }

    /// Where a client reads more about a code, with `{code}` where the
    /// code goes, from the catalog's `help-url:` key. Use
    /// [`ErrorCode::facts`](crate::ErrorCode::facts) and its `help_url` for
    /// one code's.
    #[must_use]
    pub const fn help_url(&self) -> Option<&'static str> {
        self.help_url
    }

    /// The domain of the `ErrorInfo` its gRPC errors carry, from the
    /// catalog's `grpc-domain:` key; `None` when it does not serve gRPC.
    ///
    /// ```
    /// use errcodes_runtime::ErrorCode;
    ///
    /// errcodes_runtime::errcodes!("../specs/acp.yaml");
    ///
    /// assert_eq!(AcpError::CATALOG.grpc_domain(), Some("acp.errcodes.example"));
    /// ```
    #[must_use]
    pub const fn grpc_domain(&self) -> Option<&'static str> {
        self.grpc_domain
    }

    /// Where the catalog's problem details carry the code, from its
    /// `problem-code:` key or the default that `problem-type` implies.
    #[must_use]
    pub const fn problem_code(&self) -> ProblemCode {
        self.problem_code
    }

    /// How the catalog's codes are sent, unless a code says otherwise:
    /// its `wire-format:` key.
    #[must_use]
    pub const fn wire_format(&self) -> WireFormat {
        self.wire_format
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
        self.tables.len()
    }

    /// Whether the catalog has no codes (never true of a generated one).
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    /// The code at `index`.
    #[inline]
    pub(crate) fn code(&self, index: usize) -> &'static str {
        self.tables.code(index).unwrap_or_default()
    }

    /// A text of the code at `index`; empty when it has none.
    #[inline]
    pub(crate) fn text(&self, index: usize, text: Text) -> &'static str {
        self.tables.text(index, text).unwrap_or_default()
    }

    /// A text the catalog may leave out, `None` when it does.
    #[inline]
    pub(crate) fn optional_text(&self, index: usize, text: Text) -> Option<&'static str> {
        Some(self.text(index, text)).filter(|text| !text.is_empty())
    }

    /// A position the code at `index` names, when it names one.
    #[inline]
    pub(crate) fn number(&self, index: usize, number: Number) -> Option<usize> {
        self.tables.number(index, number)
    }

    #[inline]
    pub(crate) fn meta(&self, index: usize) -> Meta {
        self.tables.meta(index).unwrap_or(Meta(0))
    }

    /// The position of `code`.
    #[inline]
    pub(crate) fn position(&self, code: &str) -> Option<usize> {
        self.tables.position(code)
    }

    /// The position of the code whose gRPC reason is `reason`.
    #[inline]
    pub(crate) fn position_of_reason(&self, reason: &str) -> Option<usize> {
        self.tables.position_of_reason(reason)
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
    pub(crate) description: Option<&'static str>,
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

    /// What the domain covers.
    #[must_use]
    pub const fn description(&self) -> Option<&'static str> {
        self.description
    }
}
