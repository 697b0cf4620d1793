//! Catalog text as Markdown that renders as the text itself, for rustdoc
//! and for the reference pages tools write: no title or description can
//! turn into markup or break a `cargo doc -D warnings`.

use crate::model::CheckedDomain;

/// `text` as a Markdown code span, whatever backticks it contains.
///
/// ```
/// use errcodes_codegen::markdown::code_span;
///
/// assert_eq!(code_span("a`b"), "``a`b``");
/// ```
#[must_use]
pub fn code_span(text: &str) -> String {
    if !text.contains('`') {
        return format!("`{text}`");
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// `text` as Markdown that renders as the text itself. Blank lines still
/// separate paragraphs.
///
/// ```
/// use errcodes_codegen::markdown::escape;
///
/// assert_eq!(escape("Use <ERROR-CODE> *now*"), "Use \\<ERROR-CODE\\> \\*now\\*");
/// ```
#[must_use]
pub fn escape(text: &str) -> String {
    // Most text needs nothing, which the standard library's optimized
    // searches tell even in an unoptimized build: no special character, no
    // markup at the start of a line.
    let special = ['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '\n'];
    let starts_markup = text.starts_with(|c: char| "#-+=".contains(c) || c.is_ascii_digit());
    if !starts_markup && text.trim() == text && !special.into_iter().any(|c| text.contains(c)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start();
        // Markup that only counts at the start of a line: headings, list
        // items and `1.` or `1)` numbered items.
        let number_end = line
            .find(|c: char| !c.is_ascii_digit())
            .filter(|&end| end > 0 && line[end..].starts_with(['.', ')']));
        if line.starts_with(['#', '-', '+', '=']) {
            out.push('\\');
        }
        for (at, c) in line.char_indices() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
            ) || Some(at) == number_end
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A domain as both doc renderers name it: its title, then its id.
///
/// ```
/// let catalog = errcodes_codegen::parse(
///     "t.yaml",
///     "name: E\ndomains:\n  \"08\": Connection exception\ncodes:\n  - {code: A, status: 400, title: A, domain: \"08\"}\n",
/// )
/// .unwrap();
/// assert_eq!(errcodes_codegen::markdown::domain_label(&catalog.domains[0]), "Connection exception (`08`)");
/// ```
#[must_use]
pub fn domain_label(domain: &CheckedDomain) -> String {
    format!(
        "{} ({})",
        escape(&domain.title.value),
        code_span(&domain.id.value)
    )
}

/// `n` and `noun`, made plural when `n` is not one: `1 code`, `2 codes`.
///
/// ```
/// assert_eq!(errcodes_codegen::markdown::plural(2, "code"), "2 codes");
/// ```
#[must_use]
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code_span("1000-400"), "`1000-400`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
    }

    #[test]
    fn escaping_keeps_text_literal() {
        assert_eq!(
            escape("Use <ERROR-CODE> or [link] *now*"),
            "Use \\<ERROR-CODE\\> or \\[link\\] \\*now\\*"
        );
        assert_eq!(escape("user_ids & `x`"), "user\\_ids \\& \\`x\\`");
        assert_eq!(
            escape("- not a list\n1. nor this\n\npara"),
            "\\- not a list\n1\\. nor this\n\npara"
        );
        assert_eq!(escape("  trimmed  "), "trimmed");
    }
}
