//! Rust names for the enum and its variants: derived from codes with heck,
//! and checked so that the generated code compiles without warnings.

use heck::ToUpperCamelCase;

/// Rust's keywords, strict and reserved, in every edition.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `name` is a Rust keyword, which an identifier can only be as a
/// raw one (`r#type`).
pub(crate) fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// The variant of a generated enum for the value `value` of an `enum`
/// field: the value in UpperCamelCase, after `Value` when that does not
/// start with a letter; empty when the value has no letter or digit.
pub(crate) fn value_variant(value: &str) -> String {
    let camel = value.to_upper_camel_case();
    match camel.chars().next() {
        None => String::new(),
        Some(first) if first.is_ascii_alphabetic() && camel.is_ascii() => camel,
        Some(_) => {
            let kept: String = camel.chars().filter(char::is_ascii_alphanumeric).collect();
            if kept.is_empty() {
                String::new()
            } else if kept.starts_with(|c: char| c.is_ascii_alphabetic()) {
                kept
            } else {
                format!("Value{kept}")
            }
        }
    }
}

/// The variant name a code gets when its entry has no `name`.
pub(crate) fn from_code(code: &str) -> String {
    if is_camel_already(code) {
        // heck would return it unchanged, only slower.
        code.to_owned()
    } else {
        code.to_upper_camel_case()
    }
}

/// Whether heck's UpperCamelCase surely leaves `code` as it is: ASCII
/// letters and digits, starting with an uppercase letter, and any other
/// uppercase letter right after a lowercase one (heck reads `HTTPError` as
/// `HTTP` and `Error`, and `E0E` as one word, `E0e`).
fn is_camel_already(code: &str) -> bool {
    let bytes = code.as_bytes();
    let mut previous_lower = false;
    for (i, &b) in bytes.iter().enumerate() {
        let upper = b.is_ascii_uppercase();
        if !b.is_ascii_alphanumeric() || (i == 0 && !upper) || (i > 0 && upper && !previous_lower) {
            return false;
        }
        previous_lower = b.is_ascii_lowercase();
    }
    !bytes.is_empty()
}

/// Why a name cannot name a type or variant.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    NotIdentifier,
    /// An identifier, but with letters or digits beyond ASCII.
    NotAscii,
    Keyword,
    /// Not UpperCamelCase; the suggested spelling.
    NotCamelCase(String),
}

impl Problem {
    pub(crate) fn explain(&self, name: &str) -> (String, String) {
        match self {
            Problem::NotIdentifier => (
                format!("`{name}` is not a valid Rust identifier"),
                match from_code(name) {
                    // `shop-errors` was surely meant as `ShopErrors`.
                    suggestion if check(&suggestion).is_ok() => format!(
                        "use ASCII letters and digits, starting with an uppercase letter: `{suggestion}`"
                    ),
                    _ => "use ASCII letters and digits, starting with an uppercase letter, as in `FormattingError`".to_owned(),
                },
            ),
            Problem::NotAscii => (
                format!("`{name}` is not ASCII"),
                "generated names are ASCII, which no identifier lint warns about: use ASCII letters and digits, starting with an uppercase letter, as in `FormattingError`".to_owned(),
            ),
            Problem::Keyword => (
                format!("`{name}` is a Rust keyword"),
                format!("choose another name, such as `{}Code`", capitalize(name)),
            ),
            Problem::NotCamelCase(suggestion) => (
                format!("`{name}` is not in UpperCamelCase"),
                format!("write it `{suggestion}`: type and variant names are UpperCamelCase"),
            ),
        }
    }
}

/// Checks that `name` can name the enum or a variant: an ASCII identifier,
/// not a keyword, in UpperCamelCase (other names warn under
/// `non_camel_case_types`, or under the non-ASCII identifier lints).
pub(crate) fn check(name: &str) -> Result<(), Problem> {
    let mut chars = name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !starts_well || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        let mut chars = name.chars();
        let unicode = chars.next().is_some_and(char::is_alphabetic)
            && chars.all(|c| c.is_alphanumeric() || c == '_');
        return Err(if unicode {
            Problem::NotAscii
        } else {
            Problem::NotIdentifier
        });
    }
    if KEYWORDS.contains(&name) {
        return Err(Problem::Keyword);
    }
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || name.contains('_') {
        let suggestion = name.to_upper_camel_case();
        return Err(match check(&suggestion) {
            Ok(()) => Problem::NotCamelCase(suggestion),
            Err(_) => Problem::NotIdentifier,
        });
    }
    Ok(())
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_codes() {
        assert_eq!(from_code("INVALID_CREDENTIALS"), "InvalidCredentials");
        assert_eq!(
            from_code("authorization_denied_by_mvpd"),
            "AuthorizationDeniedByMvpd"
        );
        assert_eq!(from_code("invalid-client"), from_code("invalid_client"));
        assert_eq!(
            from_code("RequestProcessingError"),
            "RequestProcessingError"
        );
        assert_eq!(from_code("1000-400"), "1000400");
    }

    #[test]
    fn the_shortcut_agrees_with_heck() {
        let parts = [
            "E", "e", "0", "42", "Error", "HTTP", "Http", "x", "X", "_", "-", "Ab", "aB", "9z",
            "00001", "é",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let code = format!("{a}{b}{c}");
                    assert_eq!(from_code(&code), code.to_upper_camel_case(), "{code}");
                }
            }
        }
    }

    #[test]
    fn checks() {
        assert_eq!(check("FormattingError"), Ok(()));
        assert_eq!(check("Http2Error"), Ok(()));
        assert_eq!(check("HTTPError"), Ok(()));
        assert_eq!(check("1000400"), Err(Problem::NotIdentifier));
        assert_eq!(check("Bad-Name"), Err(Problem::NotIdentifier));
        assert_eq!(check("Ünknown"), Err(Problem::NotAscii));
        assert_eq!(check("Échec98"), Err(Problem::NotAscii));
        assert_eq!(check("Échec 98"), Err(Problem::NotIdentifier));
        assert_eq!(check(""), Err(Problem::NotIdentifier));
        assert_eq!(check("Self"), Err(Problem::Keyword));
        assert_eq!(check("match"), Err(Problem::Keyword));
        assert_eq!(
            check("formatting_error"),
            Err(Problem::NotCamelCase("FormattingError".into()))
        );
        assert_eq!(
            check("Formatting_Error"),
            Err(Problem::NotCamelCase("FormattingError".into()))
        );
        assert_eq!(check("_"), Err(Problem::NotIdentifier));
    }

    #[test]
    fn keyword_help_suggests_a_name() {
        let (message, help) = Problem::Keyword.explain("match");
        assert_eq!(message, "`match` is a Rust keyword");
        assert!(help.contains("`MatchCode`"), "{help}");
    }
}
