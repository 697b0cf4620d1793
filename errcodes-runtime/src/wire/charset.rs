//! The character set a body is declared in. JSON is UTF-8 (RFC 8259), and
//! so is any XML errcodes writes; a body declared in another charset is
//! read when errcodes can do so exactly (ISO-8859-1 maps every byte to a
//! character) and refused otherwise, never misread.

use std::borrow::Cow;

use super::{DecodeError, DecodeErrorKind};

/// The body as UTF-8 bytes, read by the `charset` parameter of
/// `content_type`.
pub(crate) fn to_utf8<'b>(
    content_type: Option<&str>,
    body: &'b [u8],
) -> Result<Cow<'b, [u8]>, DecodeError> {
    let Some(charset) = content_type.and_then(charset) else {
        return Ok(Cow::Borrowed(body));
    };
    match charset.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" | "us-ascii" | "ascii" => Ok(Cow::Borrowed(body)),
        "iso-8859-1" | "iso_8859-1" | "latin1" | "l1" => Ok(Cow::Owned(
            body.iter()
                .map(|&b| char::from(b))
                .collect::<String>()
                .into_bytes(),
        )),
        other => Err(DecodeError::new(
            DecodeErrorKind::Charset,
            format!(
                "the body is declared in charset `{other}`, which is not read: only UTF-8, US-ASCII and ISO-8859-1 are"
            ),
        )),
    }
}

/// The value of the `charset` parameter, unquoted.
fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_are_read_or_refused() {
        let latin = to_utf8(Some("application/json; charset=ISO-8859-1"), b"\"caf\xe9\"").unwrap();
        assert_eq!(&*latin, "\"café\"".as_bytes());
        let utf8 = to_utf8(Some("application/json;charset=\"utf-8\""), b"x").unwrap();
        assert!(matches!(utf8, Cow::Borrowed(b"x")));
        assert!(matches!(to_utf8(None, b"x"), Ok(Cow::Borrowed(_))));
        let refused = to_utf8(Some("text/plain; format=flowed; charset=utf-16"), b"x").unwrap_err();
        assert_eq!(refused.kind(), DecodeErrorKind::Charset);
        assert!(refused.to_string().contains("`utf-16`"), "{refused}");
    }
}
