use std::fmt;

/// A code that is not in the catalog: the error of parsing a code string.
///
/// It keeps the text it was given, so nothing is lost.
///
/// ```
/// errcodes_runtime::errcodes!("../specs/acp.yaml");
///
/// let err = "NOT_A_CODE".parse::<AcpError>().unwrap_err();
/// assert_eq!(err.code(), "NOT_A_CODE");
/// assert_eq!(err.catalog(), "AcpError");
/// assert_eq!(err.to_string(), "`NOT_A_CODE` is not a code of AcpError");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    catalog: &'static str,
    code: String,
}

impl UnknownCode {
    /// Records that `code` is not a code of `catalog`.
    #[must_use]
    pub fn new(catalog: &'static str, code: impl Into<String>) -> Self {
        Self {
            catalog,
            code: code.into(),
        }
    }

    /// The text that was not recognised.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The name of the catalog that was searched.
    #[must_use]
    pub fn catalog(&self) -> &'static str {
        self.catalog
    }

    /// The text that was not recognised, by value.
    #[must_use]
    pub fn into_code(self) -> String {
        self.code
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a code of {}", self.code, self.catalog)
    }
}

impl std::error::Error for UnknownCode {}
