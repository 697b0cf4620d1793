//! The text of a catalog with its path, and line lookup for diagnostics.

/// A catalog's text and the path it is reported under.
#[derive(Debug)]
pub(crate) struct Source<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            path,
            text,
            line_starts,
        }
    }

    /// Line `line` (1-based) without its line break, or `None` past the end.
    pub(crate) fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let text = self.text.get(start..end)?;
        Some(text.strip_suffix('\r').unwrap_or(text))
    }

    /// The text of line `line` from column `column` (both 1-based; columns
    /// count characters), or `None` when there is no such position.
    pub(crate) fn rest_of_line(&self, line: usize, column: usize) -> Option<&'a str> {
        let text = self.line(line)?;
        let skip = column.checked_sub(1)?;
        let start = text.char_indices().nth(skip).map(|(i, _)| i)?;
        text.get(start..)
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
    }
}
