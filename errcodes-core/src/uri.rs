//! Codes inside URIs: problem `type` URIs built from a template, and links
//! to a code's section in a reference page.

use alloc::string::String;
use alloc::vec::Vec;

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
    let mut encoded = Vec::with_capacity(text.len());
    percent_encode_into(text, &mut encoded);
    // Only ASCII was written.
    String::from_utf8(encoded).unwrap_or_default()
}

/// Appends `text` percent-encoded, as [`percent_encode`] does: only ASCII
/// that needs no escaping in JSON or XML.
pub(crate) fn percent_encode_into(text: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte);
        } else {
            let (high, low) = (usize::from(byte >> 4), usize::from(byte & 0xf));
            out.extend_from_slice(&[b'%', HEX[high], HEX[low]]);
        }
    }
}
