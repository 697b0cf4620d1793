//! The text of a catalog or lock with its path, and line lookup for
//! diagnostics.

use std::cell::OnceCell;

use crate::diagnostic::Location;

/// A catalog's text and the path it is reported under.
#[derive(Debug)]
pub(crate) struct Source<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
    /// Where each line starts; found only when a line is asked for, which
    /// a valid catalog read by the fast reader never does.
    line_starts: OnceCell<Vec<usize>>,
    /// Whether it is a Fluent file, whose tokens are not YAML's.
    fluent: bool,
}

impl<'a> Source<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        Source {
            path,
            text,
            line_starts: OnceCell::new(),
            fluent: false,
        }
    }

    /// A translation, in Fluent.
    pub(crate) fn fluent(path: &'a str, text: &'a str) -> Self {
        Source {
            fluent: true,
            ..Source::new(path, text)
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

    /// How many characters of `rest`, a line from some column on, make
    /// the token there: a YAML token in a catalog or lock, a Fluent
    /// identifier (or one character) in a translation.
    pub(crate) fn token_width(&self, rest: &str) -> usize {
        if !self.fluent {
            return token_width(rest);
        }
        let name = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '$');
        rest.chars().take_while(|c| name(*c)).count().max(1)
    }

    /// The line and column of the byte at `offset`.
    pub(crate) fn location(&self, offset: usize) -> Location {
        let starts = self.line_starts();
        let line = starts.partition_point(|&start| start <= offset).max(1);
        let start = starts[line - 1];
        let column = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(1, |before| before.chars().count() + 1);
        Location { line, column }
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

    /// Where the byte `offset` of `value`, a string scalar that starts at
    /// `at`, is written: found when the scalar is plain or quoted on one
    /// line, or a literal block (`|`); else the scalar's start.
    pub(crate) fn within(&self, at: Location, value: &str, offset: usize) -> Location {
        let before = value.get(..offset).unwrap_or(value);
        let Some(rest) = self.rest_of_line(at.line, at.column) else {
            return at;
        };
        let on_line = |column: usize| Location {
            line: at.line,
            column,
        };
        match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let mut source = rest.chars().skip(1);
                let mut column = at.column + 1;
                for _ in before.chars() {
                    let Some(written) = source.next() else {
                        return at;
                    };
                    // How many characters of the file the value's next one
                    // takes, and how many of those are read by now.
                    let (width, read) = match (quote, written) {
                        ('"', '\\') => match source.next() {
                            Some('x') => (4, 2),
                            Some('u') => (6, 2),
                            Some('U') => (10, 2),
                            Some(_) => (2, 2),
                            None => return at,
                        },
                        ('\'', '\'') => (2, 1),
                        _ => (1, 1),
                    };
                    for _ in read..width {
                        source.next();
                    }
                    column += width;
                }
                on_line(column)
            }
            Some('|') => {
                let line = before.matches('\n').count();
                let start = before.rfind('\n').map_or(0, |at| at + 1);
                // The block's indentation is its first line's: a line
                // indented more keeps the rest as text.
                let Some(indent) = (at.line + 1..=at.line + 1 + line)
                    .filter_map(|number| self.line(number))
                    .find(|text| !text.trim().is_empty())
                    .map(|text| text.chars().take_while(|c| *c == ' ').count())
                else {
                    return at;
                };
                Location {
                    line: at.line + 1 + line,
                    column: indent + 1 + before[start..].chars().count(),
                }
            }
            Some(_)
                if !before.contains('\n')
                    && rest.starts_with(value.lines().next().unwrap_or_default()) =>
            {
                on_line(at.column + before.chars().count())
            }
            _ => at,
        }
    }

    /// The token written at `line` and `column`: a quoted string up to its
    /// closing quote, a key up to its colon, a plain value up to a comment.
    pub(crate) fn token(&self, line: usize, column: usize) -> &'a str {
        let rest = self.rest_of_line(line, column).unwrap_or("");
        let end = rest
            .char_indices()
            .nth(self.token_width(rest))
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
    fn offsets_have_lines_and_columns() {
        let source = Source::new("x.ftl", "ab\nçd = e\n");
        let at = |line, column| Location { line, column };
        assert_eq!(source.location(0), at(1, 1));
        assert_eq!(source.location(1), at(1, 2));
        assert_eq!(source.location(3), at(2, 1));
        // `ç` is two bytes and one column.
        assert_eq!(source.location(5), at(2, 2));
        assert_eq!(source.location(99), at(3, 1));
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
    fn offsets_inside_scalars_are_found() {
        let source = Source::new(
            "x.yaml",
            "a: plain { $x }\nb: \"q\\u00e9 { $x }\"\nc: 'it''s { $x }'\nd: |\n  one\n  two { $x }\ne: >\n  folded { $x }\n",
        );
        let at = |line, column| Location { line, column };
        assert_eq!(source.within(at(1, 4), "plain { $x }", 6), at(1, 10));
        assert_eq!(source.within(at(2, 4), "qé { $x }", 3), at(2, 12));
        assert_eq!(source.within(at(3, 4), "it's { $x }", 5), at(3, 11));
        assert_eq!(source.within(at(4, 4), "one\ntwo { $x }\n", 8), at(6, 7));
        assert_eq!(source.within(at(7, 4), "folded { $x }\n", 7), at(7, 4));
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
