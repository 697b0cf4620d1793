//! Codes inside URIs: problem `type` URIs built from a template, and links
//! to a code's section in a reference page.

use alloc::string::String;
use core::fmt::Write as _;

/// Escapes everything but RFC 3986's unreserved characters, so that any
/// code is one path segment or one fragment.
///
/// ```
/// use errcodes_core::uri::percent_encode;
///
/// assert_eq!(percent_encode("1000-400"), "1000-400");
/// assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
/// ```
#[must_use]
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}
