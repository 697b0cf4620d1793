//! The floor of rendering typed fields: ACP's `RATE_LIMIT_EXCEEDED` body
//! written by hand, every constant byte a literal and each value written
//! with the same primitives the renderers use. What the three fields add
//! here is the least a renderer built on those primitives can add.

use errcodes_core::render::{escape_inside, write_number};
use errcodes_runtime::Timestamp;

/// The values `RATE_LIMIT_EXCEEDED` carries.
pub struct RateLimit<'a> {
    /// Requests the window allows.
    pub limit: u64,
    /// The window, as text.
    pub window: &'a str,
    /// When the window resets.
    pub reset_time: Timestamp,
}

/// Appends ACP's body of `RATE_LIMIT_EXCEEDED` with a delay, with its
/// three fields and templated message when `fields` is given, else with
/// its title. (ACP's bodies carry no trace id.)
///
/// ```
/// use errcodes_bench::floor::{RateLimit, rate_limit};
///
/// let fields = RateLimit {
///     limit: 1,
///     window: "60 seconds",
///     reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
/// };
/// let mut out = Vec::new();
/// rate_limit(Some(&fields), 45, &mut out);
/// let body = String::from_utf8(out).unwrap();
/// assert!(body.contains(r#""message":"Too many requests. Rate limit: 1 request per 60 seconds""#));
/// ```
pub fn rate_limit(fields: Option<&RateLimit<'_>>, retry_after: u64, out: &mut Vec<u8>) {
    out.extend_from_slice(br#"{"success":false,"error":{"code":"RATE_LIMIT_EXCEEDED","message":""#);
    if let Some(fields) = fields {
        out.extend_from_slice(b"Too many requests. Rate limit: ");
        write_number(fields.limit, out);
        out.extend_from_slice(if fields.limit == 1 {
            b" request per "
        } else {
            b" requests per "
        });
        escape_inside(fields.window, out);
        out.extend_from_slice(br#"","details":{"limit":"#);
        write_number(fields.limit, out);
        out.extend_from_slice(br#","window":""#);
        escape_inside(fields.window, out);
        out.extend_from_slice(br#"","reset_time":""#);
        fields.reset_time.write(out);
        out.extend_from_slice(br#""},"retry_after":"#);
    } else {
        out.extend_from_slice(br#"Rate limit exceeded","retry_after":"#);
    }
    write_number(retry_after, out);
    out.extend_from_slice(b"}}");
}

#[cfg(test)]
mod tests {
    use errcodes_runtime::wire::render;
    use errcodes_runtime::{Occurrence, WireFormat};
    use errcodes_tests::acp::AcpError;
    use errcodes_tests::acp::acp_error::RateLimitExceeded;

    use super::{RateLimit, rate_limit};

    /// The floor writes the renderer's bytes, so that it measures the same
    /// work: with and without the fields, a count in each plural form, and
    /// a window that needs escapes.
    #[test]
    fn the_floor_writes_what_the_renderer_writes() {
        let occurrence = Occurrence::new()
            .retry_after_secs(45)
            .trace("8bcb17f9-b172");
        for (limit, window) in [(100, "60 seconds"), (1, "a \"minute\"\n")] {
            let typed = RateLimitExceeded {
                limit,
                window: window.to_owned(),
                reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
            };
            let fields = RateLimit {
                limit: limit.unsigned_abs(),
                window,
                reset_time: typed.reset_time,
            };
            for given in [None, Some(&fields)] {
                let chosen = match given {
                    Some(_) => occurrence.clone().fields(typed.clone()),
                    None => occurrence.clone(),
                };
                let mut floor = Vec::new();
                rate_limit(given, 45, &mut floor);
                let rendered = render(AcpError::RateLimitExceeded, &chosen, WireFormat::Acp).body;
                assert_eq!(
                    String::from_utf8(floor).unwrap(),
                    String::from_utf8(rendered).unwrap()
                );
            }
        }
    }
}
