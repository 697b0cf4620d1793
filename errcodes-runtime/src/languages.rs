//! Choosing the language of a response from the request's
//! `Accept-Language` (RFC 9110, section 12.5.4): its language ranges, most
//! wanted first by their quality values, each looked up among the
//! languages a catalog has, as RFC 4647's *lookup* does (section 3.4), with
//! the catalog's own language as the fallback.
//!
//! ```
//! use errcodes_runtime::languages::lookup;
//!
//! let available = ["en", "de", "pl"];
//! assert_eq!(lookup(Some("de-CH, en;q=0.8"), &available, "en"), "de");
//! assert_eq!(lookup(Some("fr, pl;q=0.5"), &available, "en"), "pl");
//! assert_eq!(lookup(Some("fr"), &available, "en"), "en");
//! assert_eq!(lookup(None, &available, "en"), "en");
//! ```

/// The CLDR cardinal plural category of `number`, a number as text, in the
/// language `tag` (its language alone when CLDR has no rules for the whole
/// tag): `zero`, `one`, `two`, `few`, `many` or `other`, which is also
/// the category of what is no number and of a language CLDR does not know.
/// What a translated message's select chooses its form by.
///
/// ```
/// use errcodes_runtime::languages::plural_category;
///
/// assert_eq!(plural_category("pl", "22"), "few");
/// assert_eq!(plural_category("pl", "25"), "many");
/// assert_eq!(plural_category("de-CH", "1"), "one");
/// assert_eq!(plural_category("en", "1.0"), "other");
/// assert_eq!(plural_category("en", "lots"), "other");
/// ```
#[must_use]
pub fn plural_category(tag: &str, number: &str) -> &'static str {
    crate::translated::category(crate::translated::rules(tag).as_ref(), number)
}

/// The most ranges of one header that are looked at: a longer header is
/// read up to there, so that a hostile one costs no more than this.
pub const MAX_RANGES: usize = 32;

/// One language range of `Accept-Language` and its quality value, in
/// thousandths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range<'h> {
    /// The range: a language tag, or `*`.
    pub tag: &'h str,
    /// Its quality value, from 0 to 1000; 0 means "not acceptable".
    pub quality: u16,
}

/// The ranges of an `Accept-Language` value, most wanted first (ranges of
/// equal quality in the header's order), without those of quality 0 and
/// without anything malformed, which is skipped.
///
/// ```
/// use errcodes_runtime::languages::ranges;
///
/// let tags: Vec<&str> = ranges("da, en-GB;q=0.8, en;q=0.7, fr;q=0").iter().map(|r| r.tag).collect();
/// assert_eq!(tags, ["da", "en-GB", "en"]);
/// ```
#[must_use]
pub fn ranges(header: &str) -> Vec<Range<'_>> {
    let mut ranges: Vec<Range<'_>> = header
        .split(',')
        .take(MAX_RANGES)
        .filter_map(range)
        .filter(|range| range.quality > 0)
        .collect();
    // Stable: ranges of equal quality keep the header's order.
    ranges.sort_by_key(|range| core::cmp::Reverse(range.quality));
    ranges
}

/// One element of the list: `tag` and optional `;q=value`.
fn range(element: &str) -> Option<Range<'_>> {
    let mut parts = element.split(';');
    let tag = parts.next()?.trim();
    if !is_range(tag) {
        return None;
    }
    let mut quality = 1000;
    for parameter in parts {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("q") {
            return None;
        }
        quality = qvalue(value.trim())?;
    }
    Some(Range { tag, quality })
}

/// `*`, or 1 to 8 letters, then subtags of 1 to 8 letters or digits,
/// joined by `-` (RFC 4647's `language-range`).
fn is_range(tag: &str) -> bool {
    if tag == "*" {
        return true;
    }
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or("");
    let fits = |subtag: &str, ok: fn(&u8) -> bool| {
        (1..=8).contains(&subtag.len()) && subtag.as_bytes().iter().all(ok)
    };
    fits(first, u8::is_ascii_alphabetic)
        && subtags.all(|subtag| subtag == "*" || fits(subtag, u8::is_ascii_alphanumeric))
}

/// A quality value in thousandths: `0` to `1`, with at most three
/// decimals (RFC 9110, section 12.4.2).
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(core::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |sum, digit| sum * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The language among `available` that RFC 4647's lookup chooses for the
/// `Accept-Language` value `header`, else `default`. Each range, most
/// wanted first, is tried whole, then without its last subtag, and so on
/// (`de-CH-1996`, `de-CH`, `de`); tags compare without regard to case.
/// A wildcard, or no header, chooses `default`.
#[must_use]
pub fn lookup<'a>(header: Option<&str>, available: &[&'a str], default: &'a str) -> &'a str {
    lookup_in(header, &available.iter().copied(), default)
}

/// [`lookup`] among the languages `available` yields, which it may go
/// through several times: what a catalog's own and translated languages
/// are looked up in without being collected first.
pub(crate) fn lookup_in<'a>(
    header: Option<&str>,
    available: &(impl Iterator<Item = &'a str> + Clone),
    default: &'a str,
) -> &'a str {
    let Some(header) = header else {
        return default;
    };
    for range in ranges(header) {
        if range.tag == "*" {
            return default;
        }
        let mut tag = range.tag;
        loop {
            if let Some(found) = available.clone().find(|a| a.eq_ignore_ascii_case(tag)) {
                return found;
            }
            let Some((shorter, _)) = tag.rsplit_once('-') else {
                break;
            };
            // A single-letter subtag left last introduces an extension,
            // which means nothing alone.
            tag = match shorter.rsplit_once('-') {
                Some((before, last)) if last.len() == 1 => before,
                _ => shorter,
            };
        }
    }
    default
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVAILABLE: [&str; 4] = ["en", "de", "de-CH", "zh-Hant"];

    fn pick(header: &str) -> &'static str {
        lookup(Some(header), &AVAILABLE, "en")
    }

    #[test]
    fn ranges_are_tried_by_quality_then_order() {
        assert_eq!(pick("de"), "de");
        assert_eq!(pick("DE-ch"), "de-CH");
        assert_eq!(pick("fr, de;q=0.5, zh-Hant;q=0.9"), "zh-Hant");
        assert_eq!(pick("de;q=0.5, de-CH;q=0.5"), "de");
        assert_eq!(pick("de;q=0, en-US"), "en");
    }

    #[test]
    fn a_range_is_cut_down_a_subtag_at_a_time() {
        assert_eq!(pick("de-CH-1996"), "de-CH");
        assert_eq!(pick("de-AT"), "de");
        // RFC 4647's own example: the private-use subtag and the `x` go
        // together.
        assert_eq!(pick("zh-Hant-CN-x-private1"), "zh-Hant");
    }

    #[test]
    fn a_wildcard_unknown_or_malformed_header_falls_back() {
        assert_eq!(pick("*"), "en");
        assert_eq!(pick("fr-FR, *;q=0.1"), "en");
        assert_eq!(pick("xx"), "en");
        assert_eq!(pick(""), "en");
        assert_eq!(pick(";;;, de;q=2, de;q=abc, 12"), "en");
        assert_eq!(pick("de;q=0.5;x=1, de-CH;q=0.25"), "de-CH");
        assert_eq!(lookup(None, &AVAILABLE, "en"), "en");
    }

    #[test]
    fn quality_values_are_read_exactly() {
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("1.000"), Some(1000));
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("0.001"), Some(1));
        assert_eq!(qvalue("0"), Some(0));
        assert_eq!(qvalue("1.5"), None);
        assert_eq!(qvalue("0.1234"), None);
        assert_eq!(qvalue("-0"), None);
    }

    #[test]
    fn a_long_header_is_read_only_so_far() {
        let mut header = "xx, ".repeat(MAX_RANGES);
        header.push_str("de");
        assert_eq!(pick(&header), "en");
    }
}
