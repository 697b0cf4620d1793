//! Which unquoted YAML scalars some YAML readers take for something other
//! than a string.
//!
//! `serde_yaml` follows YAML 1.2, where `010` and `yes` are strings; YAML 1.1
//! readers (PyYAML, many tools in other languages) read them as the number 8
//! and `true`. A code that two readers of the same catalog see differently
//! defeats the point of a single source of truth, so such codes must be
//! quoted.

/// What a YAML 1.1 or 1.2 reader may take `text` for, if not a string.
pub(crate) fn other_reading(text: &str) -> Option<&'static str> {
    const BOOLEANS: &[&str] = &[
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ];
    if BOOLEANS.contains(&text) {
        Some("a boolean")
    } else if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        Some("null")
    } else if is_number(text) {
        Some("a number")
    } else if is_date(text) {
        Some("a date")
    } else {
        None
    }
}

/// Integers in any base YAML 1.1 or 1.2 knows (with `_` separators and
/// base-60 `1:30`), decimals, exponents, infinities and NaN.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(
        unsigned,
        ".inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN"
    ) {
        return true;
    }
    let radix = |prefix: &str, digit: fn(&u8) -> bool| {
        unsigned.strip_prefix(prefix).is_some_and(|digits| {
            !digits.is_empty() && digits.bytes().all(|b| b == b'_' || digit(&b))
        })
    };
    if radix("0x", u8::is_ascii_hexdigit)
        || radix("0o", |b| (b'0'..=b'7').contains(b))
        || radix("0b", |b| matches!(b, b'0' | b'1'))
    {
        return true;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    let has_digit = mantissa.bytes().any(|b| b.is_ascii_digit());
    let dots = mantissa.bytes().filter(|&b| b == b'.').count();
    let numeric = mantissa
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'_' | b'.' | b':'));
    has_digit && numeric && dots <= 1 && exponent_ok && !mantissa.starts_with([':', '_'])
}

/// `2001-12-14`, the start of a YAML 1.1 timestamp.
fn is_date(text: &str) -> bool {
    let mut parts = text.get(..10).unwrap_or(text).splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let digits =
        |s: &str, min, max| (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(year, 4, 4)
        && digits(month, 1, 2)
        && digits(day.get(..2.min(day.len())).unwrap_or(day), 1, 2)
}

#[cfg(test)]
mod tests {
    use super::other_reading;

    #[test]
    fn numbers() {
        for text in [
            "010", "00000", "1e3", "403010", "-1", "+1.5", "1_000", "0x1F", "0o17", "0b101",
            "1:30", ".5", "1.", ".inf", "-.INF", ".NaN", "6.02E+23",
        ] {
            assert_eq!(other_reading(text), Some("a number"), "{text}");
        }
    }

    #[test]
    fn other_types() {
        assert_eq!(other_reading("yes"), Some("a boolean"));
        assert_eq!(other_reading("Off"), Some("a boolean"));
        assert_eq!(other_reading("~"), Some("null"));
        assert_eq!(other_reading("2024-01-15"), Some("a date"));
        assert_eq!(other_reading("2024-1-5"), Some("a date"));
    }

    #[test]
    fn strings() {
        for text in [
            "1000-400",
            "INVALID_CREDENTIALS",
            "bad_request",
            "E1",
            "1.2.3",
            "0x",
            "1e",
            "e3",
            "_1",
            ":30",
            "yess",
            "1000-400-9",
            "12345-67-89",
            "EXEG-0003-422",
        ] {
            assert_eq!(other_reading(text), None, "{text}");
        }
    }
}
