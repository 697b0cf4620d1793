//! The text of a catalog or lock with its path, and line lookup for
//! diagnostics.

use std::cell::OnceCell;

/// A catalog's text and the path it is reported under.
#[derive(Debug)]
pub(crate) struct Source<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
    /// Where each line starts; found only when a line is asked for, which
    /// a valid catalog read by the fast reader never does.
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        Source {
            path,
            text,
            line_starts: OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            let mut chars = self.text.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let is_break = match c {
                    // CR LF is one break, counted at the LF.
                    '\r' => chars.peek().is_none_or(|&(_, next)| next != '\n'),
                    c => is_line_break(c),
                };
                if is_break {
                    starts.push(i + c.len_utf8());
                }
            }
            starts
        })
    }

    /// Line `line` (1-based) without its line break, or `None` past the end.
    pub(crate) fn line(&self, line: usize) -> Option<&'a str> {
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        let end = starts.get(line).copied().unwrap_or(self.text.len());
        Some(self.text.get(start..end)?.trim_end_matches(is_line_break))
    }

    /// The text of line `line` from column `column` (both 1-based; columns
    /// count characters), or `None` when there is no such position.
    pub(crate) fn rest_of_line(&self, line: usize, column: usize) -> Option<&'a str> {
        let text = self.line(line)?;
        let skip = column.checked_sub(1)?;
        let start = text.char_indices().nth(skip).map(|(i, _)| i)?;
        text.get(start..)
    }

    /// The token written at `line` and `column`: a quoted string up to its
    /// closing quote, a key up to its colon, a plain value up to a comment.
    pub(crate) fn token(&self, line: usize, column: usize) -> &'a str {
        let rest = self.rest_of_line(line, column).unwrap_or("");
        let end = rest
            .char_indices()
            .nth(token_width(rest))
            .map_or(rest.len(), |(i, _)| i);
        &rest[..end]
    }
}

/// How many characters of `rest` the token starting it spans: a quoted
/// string up to its closing quote, otherwise up to the end of a key, a flow
/// separator or a comment.
pub(crate) fn token_width(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    match chars.next() {
        None => 0,
        Some((_, quote @ ('"' | '\''))) => {
            let mut chars = chars.peekable();
            while let Some((i, c)) = chars.next() {
                if quote == '"' && c == '\\' {
                    chars.next();
                } else if c == quote {
                    // A single-quoted string writes its quote twice.
                    if quote == '\'' && chars.next_if(|&(_, next)| next == '\'').is_some() {
                        continue;
                    }
                    return rest[..=i].chars().count();
                }
            }
            rest.chars().count()
        }
        Some(_) => {
            let mut end = rest.len();
            let bytes = rest.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                let next_is_space = bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace);
                let stop = match b {
                    b':' => next_is_space,
                    b',' | b']' | b'}' => true,
                    b'#' => i > 0 && bytes[i - 1].is_ascii_whitespace(),
                    _ => false,
                };
                if stop {
                    end = i;
                    break;
                }
            }
            rest[..end].trim_end().chars().count()
        }
    }
}

/// The characters YAML counts as line breaks, as the parser's positions do.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A file's text and how reports name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The path, as reports show it.
    pub path: String,
    /// The contents.
    pub text: String,
}

impl Input {
    /// A text named `path` in reports.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Input {
            path: path.into(),
            text: text.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let source = Source::new("x.yaml", "a: 1\r\nbé: \"2\"\n\nlast");
        assert_eq!(source.line(1), Some("a: 1"));
        assert_eq!(source.line(2), Some("bé: \"2\""));
        assert_eq!(source.line(3), Some(""));
        assert_eq!(source.line(4), Some("last"));
        assert_eq!(source.line(5), None);
        assert_eq!(source.line(0), None);
        assert_eq!(source.rest_of_line(2, 5), Some("\"2\""));
        assert_eq!(source.rest_of_line(2, 99), None);
        assert_eq!(source.token(2, 5), "\"2\"");
        assert_eq!(source.token(1, 1), "a");
    }

    #[test]
    fn lines_break_where_yaml_breaks_them() {
        let source = Source::new("x.yaml", "a\rb\u{2028}c\u{85}d\r\ne");
        let lines: Vec<_> = (1..=6).map(|n| source.line(n)).collect();
        assert_eq!(
            lines,
            [Some("a"), Some("b"), Some("c"), Some("d"), Some("e"), None]
        );
    }

    #[test]
    fn token_widths() {
        assert_eq!(token_width("\"a\\\"b\" # c"), 6);
        assert_eq!(token_width("'it''s' x"), 7);
        assert_eq!(token_width("key: value"), 3);
        assert_eq!(token_width("a:b rest"), 8);
        assert_eq!(token_width("x, y]"), 1);
        assert_eq!(token_width("plain text # comment"), 10);
        assert_eq!(token_width(""), 0);
    }
}
