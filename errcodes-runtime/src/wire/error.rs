//! What a decoder accepts, and why decoding or encoding failed.

use core::fmt;

/// How much a decoder accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest body, in bytes. Default: 1 MiB.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 1 << 20 }
    }
}

/// What kind of failure a [`DecodeError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The body is larger than [`Limits::max_bytes`].
    TooLarge,
    /// The body is not JSON, or is nested too deeply.
    NotJson,
    /// The body is not well-formed XML, or the XML support is off.
    NotXml,
    /// The body is JSON or XML, but not of the format's shape: an array
    /// where an object was expected, another root element.
    WrongShape,
    /// An object gives a member name twice, or an XML error a field
    /// element twice: readers could disagree on which one counts.
    DuplicateMember,
    /// The body is declared in a character set that errcodes does not
    /// read (only UTF-8, US-ASCII and ISO-8859-1 are read).
    Charset,
}

/// Why a body could not be decoded.
///
/// ```
/// use errcodes_runtime::wire::{DecodeErrorKind, Json, problem::Problem};
///
/// errcodes_runtime::errcodes!("../specs/edge.yaml");
///
/// let error = Problem::<EdgeError>::decode(b"[1, 2]").unwrap_err();
/// assert_eq!(error.kind(), DecodeErrorKind::WrongShape);
/// assert!(error.to_string().contains("a problem detail, as a JSON object"), "{error}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    kind: DecodeErrorKind,
    reason: String,
}

impl DecodeError {
    pub(crate) fn new(kind: DecodeErrorKind, reason: impl Into<String>) -> Self {
        DecodeError {
            kind,
            reason: reason.into(),
        }
    }

    pub(crate) fn too_large(size: usize, limits: Limits) -> Self {
        Self::new(
            DecodeErrorKind::TooLarge,
            format!(
                "the body is {size} bytes, more than the limit of {}",
                limits.max_bytes
            ),
        )
    }

    /// What kind of failure it is.
    #[must_use]
    pub fn kind(&self) -> DecodeErrorKind {
        self.kind
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DecodeError {}

/// Why a body could not be encoded. Bodies built by this crate always
/// encode; the error exists because serialization can fail in general.
#[derive(Debug)]
pub struct EncodeError(serde_json::Error);

impl EncodeError {
    pub(crate) fn new(error: serde_json::Error) -> Self {
        EncodeError(error)
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the body could not be encoded: {}", self.0)
    }
}

impl std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}
