//! The patterns a catalog may declare for its codes under `code-format`:
//! "patterns", so that "format" keeps meaning the wire format and "shape"
//! a body's.
//!
//! A template spells a code character by character: `N` is any digit, `SSS`
//! is the HTTP status, and every other character stands for itself, so
//! `NNNN-SSS` accepts `1000-400` and reads 400 out of it. A case name
//! (`snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `UpperCamelCase`)
//! accepts words in that case.

/// One declared shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CodePattern {
    Template {
        pattern: Vec<char>,
        /// Where `SSS` starts, in characters.
        status_at: Option<usize>,
    },
    Case(Case),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Snake,
    ScreamingSnake,
    Kebab,
    UpperCamel,
}

const CASES: &[(&str, Case)] = &[
    ("snake_case", Case::Snake),
    ("SCREAMING_SNAKE_CASE", Case::ScreamingSnake),
    ("kebab-case", Case::Kebab),
    ("UpperCamelCase", Case::UpperCamel),
];

/// How a code compares with a shape.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    No,
    Yes,
    /// It fits and embeds this HTTP status.
    WithStatus(u16),
}

impl CodePattern {
    /// Reads a `code-format` value; the error says what is wrong with it.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        if let Some(&(_, case)) = CASES.iter().find(|(name, _)| *name == text) {
            return Ok(CodePattern::Case(case));
        }
        let pattern: Vec<char> = text.chars().collect();
        let runs: Vec<usize> = (0..pattern.len())
            .filter(|&i| pattern[i] == 'S' && (i == 0 || pattern[i - 1] != 'S'))
            .collect();
        let s_count = pattern.iter().filter(|&&c| c == 'S').count();
        let status_at = match (runs.as_slice(), s_count) {
            ([], _) => None,
            ([start], 3) => Some(*start),
            _ => {
                return Err(format!(
                    "`{text}` must write the HTTP status once, as `SSS` (three S in a row)"
                ));
            }
        };
        if status_at.is_none() && !pattern.contains(&'N') {
            return Err(format!(
                "`{text}` is neither a template (`N` for a digit, `SSS` for the HTTP status) nor one of {}",
                CASES
                    .iter()
                    .map(|(name, _)| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(CodePattern::Template { pattern, status_at })
    }

    /// Whether `code` has this shape, and the status it embeds.
    pub(crate) fn fit(&self, code: &str) -> Fit {
        match self {
            CodePattern::Template { pattern, status_at } => {
                let chars: Vec<char> = code.chars().collect();
                let fits = chars.len() == pattern.len()
                    && chars.iter().zip(pattern).all(|(&c, &p)| match p {
                        'N' | 'S' => c.is_ascii_digit(),
                        p => c == p,
                    });
                match (fits, status_at) {
                    (false, _) => Fit::No,
                    (true, None) => Fit::Yes,
                    (true, Some(at)) => {
                        let digits: String = chars[*at..*at + 3].iter().collect();
                        digits.parse().map_or(Fit::No, Fit::WithStatus)
                    }
                }
            }
            CodePattern::Case(case) => {
                if case.accepts(code) {
                    Fit::Yes
                } else {
                    Fit::No
                }
            }
        }
    }
}

impl Case {
    fn accepts(self, code: &str) -> bool {
        let bytes = code.as_bytes();
        let words = |separator: u8, letter: fn(&u8) -> bool| {
            bytes.first().is_some_and(letter)
                && bytes
                    .iter()
                    .all(|b| letter(b) || b.is_ascii_digit() || *b == separator)
                && !bytes.ends_with(&[separator])
                && !bytes.windows(2).any(|pair| pair == [separator, separator])
        };
        match self {
            Case::Snake => words(b'_', u8::is_ascii_lowercase),
            Case::ScreamingSnake => words(b'_', u8::is_ascii_uppercase),
            Case::Kebab => words(b'-', u8::is_ascii_lowercase),
            Case::UpperCamel => {
                bytes.first().is_some_and(u8::is_ascii_uppercase)
                    && bytes.iter().all(u8::is_ascii_alphanumeric)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(format: &str, code: &str) -> Fit {
        CodePattern::parse(format).unwrap().fit(code)
    }

    #[test]
    fn templates() {
        assert_eq!(fit("NNNN-SSS", "1000-400"), Fit::WithStatus(400));
        assert_eq!(fit("SSSNNN", "403010"), Fit::WithStatus(403));
        assert_eq!(fit("SSS", "404"), Fit::WithStatus(404));
        assert_eq!(fit("EXEG-NNNN-SSS", "EXEG-0003-422"), Fit::WithStatus(422));
        assert_eq!(fit("NNNN", "0042"), Fit::Yes);
        assert_eq!(fit("NNNN-SSS", "1000-40"), Fit::No);
        assert_eq!(fit("NNNN-SSS", "1000_400"), Fit::No);
        assert_eq!(fit("NNNN-SSS", "10a0-400"), Fit::No);
        assert_eq!(fit("SSSNNN", "４０３010"), Fit::No);
    }

    #[test]
    fn cases() {
        assert_eq!(fit("snake_case", "bad_request"), Fit::Yes);
        assert_eq!(fit("snake_case", "Bad_request"), Fit::No);
        assert_eq!(fit("snake_case", "bad__request"), Fit::No);
        assert_eq!(fit("snake_case", "bad_"), Fit::No);
        assert_eq!(fit("SCREAMING_SNAKE_CASE", "INVALID_CREDENTIALS"), Fit::Yes);
        assert_eq!(fit("SCREAMING_SNAKE_CASE", "TIMEOUT"), Fit::Yes);
        assert_eq!(fit("SCREAMING_SNAKE_CASE", "Invalid"), Fit::No);
        assert_eq!(fit("kebab-case", "invalid-client"), Fit::Yes);
        assert_eq!(fit("UpperCamelCase", "InputError"), Fit::Yes);
        assert_eq!(fit("UpperCamelCase", "Input-Error"), Fit::No);
    }

    #[test]
    fn bad_formats_are_explained() {
        assert!(CodePattern::parse("NNNN-SS").unwrap_err().contains("`SSS`"));
        assert!(CodePattern::parse("SSS-SSS").unwrap_err().contains("once"));
        assert!(
            CodePattern::parse("camelCase")
                .unwrap_err()
                .contains("`snake_case`")
        );
    }
}
