//! Errors found in a catalog, and how they are shown: a message, the
//! `path:line:column` of the entry at fault, the line itself with the spot
//! underlined, and notes saying how to fix it.

use std::fmt::Write as _;

use crate::source::{Source, token_width};

/// A position in a catalog file; both numbers start at 1, and columns count
/// characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The line.
    pub line: usize,
    /// The column, in characters.
    pub column: usize,
}

impl Location {
    /// The start of the file.
    pub const START: Location = Location { line: 1, column: 1 };
}

impl Default for Location {
    fn default() -> Self {
        Location::START
    }
}

/// One mistake in a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    message: String,
    at: Location,
    notes: Vec<String>,
}

impl Diagnostic {
    pub(crate) fn new(message: impl Into<String>, at: Location) -> Self {
        Diagnostic {
            message: message.into(),
            at,
            notes: Vec::new(),
        }
    }

    /// Adds a `= note:` line with more context.
    pub(crate) fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(format!("note: {}", note.into()));
        self
    }

    /// Adds a `= help:` line saying how to fix it.
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.notes.push(format!("help: {}", help.into()));
        self
    }

    /// What is wrong, in one line.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the file.
    #[must_use]
    pub fn location(&self) -> Location {
        self.at
    }

    /// The notes and help, each starting with `note: ` or `help: `.
    #[must_use]
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The full report, in the style of rustc's own:
    ///
    /// ```text
    /// duplicate code `1000-400`
    ///   --> specs/privacy.yaml:9:11
    ///    |
    ///  9 |   - code: "1000-400"
    ///    |           ^^^^^^^^^^
    ///    = note: `1000-400` is already the code of `FormattingError` at line 4
    /// ```
    pub(crate) fn render(&self, source: &Source<'_>) -> String {
        let Location { line, column } = self.at;
        let number = line.to_string();
        let gutter = " ".repeat(number.len());
        let mut out = format!(
            "{}\n{gutter}--> {}:{line}:{column}\n",
            self.message, source.path
        );
        if let Some(text) = source.line(line) {
            let text = text.replace('\t', " ");
            let rest = source.rest_of_line(line, column).unwrap_or("");
            let pad = " ".repeat(column.saturating_sub(1).min(text.chars().count()));
            let marks = "^".repeat(token_width(rest).max(1));
            let _ = write!(
                out,
                "{gutter} |\n{number} | {text}\n{gutter} | {pad}{marks}\n"
            );
        }
        for note in &self.notes {
            let _ = writeln!(out, "{gutter} = {note}");
        }
        out.truncate(out.trim_end().len());
        out
    }
}

/// The candidate a misspelt `word` most likely meant, if any is close.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|candidate| (strsim::damerau_levenshtein(word, candidate), *candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min()
        .map(|(_, candidate)| candidate)
}

/// Quotes and joins words: `` `a`, `b` and `c` ``.
pub(crate) fn list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((only, _)) => only.clone(),
        None => String::new(),
    }
}

/// Collects every mistake in a catalog, so that one compile shows them all.
#[derive(Debug, Default)]
pub(crate) struct Errors {
    list: Vec<Diagnostic>,
}

impl Errors {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The mistakes in file order.
    pub(crate) fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.list.sort_by_key(Diagnostic::location);
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_line_and_underlines_the_token() {
        let source = Source::new(
            "specs/x.yaml",
            "codes:\n  - code: \"1000-400\"\n    status: 999 # bad\n",
        );
        let at = Location {
            line: 2,
            column: 11,
        };
        let rendered = Diagnostic::new("duplicate code `1000-400`", at)
            .note("first here")
            .help("fix it")
            .render(&source);
        assert_eq!(
            rendered,
            "duplicate code `1000-400`\n \
             --> specs/x.yaml:2:11\n  \
             |\n\
             2 |   - code: \"1000-400\"\n  \
             |           ^^^^^^^^^^\n  \
             = note: first here\n  \
             = help: fix it"
        );
        let status = Diagnostic::new(
            "bad status",
            Location {
                line: 3,
                column: 13,
            },
        )
        .render(&source);
        assert!(status.ends_with("|             ^^^"), "{status}");
        let key = Diagnostic::new("bad key", Location { line: 3, column: 5 }).render(&source);
        assert!(key.ends_with("|     ^^^^^^"), "{key}");
    }

    #[test]
    fn a_location_past_the_text_still_renders() {
        let source = Source::new("x.yaml", "");
        let rendered = Diagnostic::new("empty", Location { line: 3, column: 1 }).render(&source);
        assert_eq!(rendered, "empty\n --> x.yaml:3:1");
    }

    #[test]
    fn suggestions_and_lists() {
        assert_eq!(closest("staus", &["status", "title"]), Some("status"));
        assert_eq!(
            closest("retry_after", &["retry", "retry-after"]),
            Some("retry-after")
        );
        assert_eq!(closest("zzz", &["status", "title"]), None);
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&[]), "");
    }
}
