//! Mistakes found in a catalog, and how they are shown: a message, the
//! `path:line:column` of the entry at fault, the line itself with the spot
//! underlined, and notes saying where else to look and how to fix it.

use std::fmt::Write as _;

use crate::source::Source;

/// A position in a file; both numbers start at 1, and columns count
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

/// Which of the files read for a catalog a position is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Document {
    /// The catalog itself.
    #[default]
    Catalog,
    /// The catalog's lock.
    Lock,
    /// One of its translations, by its place among them.
    Translation(usize),
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// The catalog cannot be compiled.
    Error,
    /// The catalog compiles, but something in it is probably not what was
    /// meant. Only tools report these; the macro has no way to.
    Warning,
}

impl Level {
    /// `error` or `warning`, as compilers print it.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// What a note adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// Context: another place involved, or a fact about this one.
    Note,
    /// How to fix it.
    Help,
}

/// A note or help attached to a diagnostic, maybe pointing at another place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    kind: NoteKind,
    message: String,
    at: Option<(Document, Location)>,
    /// Set when the diagnostic is finished.
    path: Option<String>,
}

impl Note {
    /// Whether it is context or a fix.
    #[must_use]
    pub fn kind(&self) -> NoteKind {
        self.kind
    }

    /// The text, without `note:` or `help:`.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The file and position it points at, if any.
    #[must_use]
    pub fn location(&self) -> Option<(&str, Location)> {
        Some((self.path.as_deref()?, self.at?.1))
    }
}

/// One mistake in a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    level: Level,
    message: String,
    file: Document,
    at: Location,
    lint: Option<&'static str>,
    /// The class of breaking change, when it breaks a promise of the lock.
    breaks: Option<&'static str>,
    notes: Vec<Note>,
    /// Set when the diagnostic is finished: the file's path, where the
    /// underlined token ends, and the full report.
    path: String,
    end: Location,
    report: String,
}

impl Diagnostic {
    /// An error at `at` in the catalog.
    pub(crate) fn new(message: impl Into<String>, at: Location) -> Self {
        Diagnostic {
            level: Level::Error,
            message: message.into(),
            file: Document::Catalog,
            at,
            lint: None,
            breaks: None,
            notes: Vec::new(),
            path: String::new(),
            end: at,
            report: String::new(),
        }
    }

    /// The same diagnostic, as a promise of the lock that the catalog
    /// breaks with a change of class `class`.
    pub(crate) fn breaking_lock(self, class: &'static str) -> Self {
        Diagnostic {
            breaks: Some(class),
            ..self
        }
    }

    /// The same diagnostic, at `level`.
    pub(crate) fn at_level(self, level: Level) -> Self {
        Diagnostic { level, ..self }
    }

    /// The same diagnostic without its `= help:` lines.
    pub(crate) fn without_help(mut self) -> Self {
        self.notes.retain(|note| note.kind != NoteKind::Help);
        self
    }

    /// The same diagnostic, as what `lint` reports at `level`.
    pub(crate) fn reported_by(self, lint: &'static str, level: Level) -> Self {
        Diagnostic {
            level,
            lint: Some(lint),
            ..self
        }
    }

    /// The same diagnostic, located in the lock instead of the catalog.
    pub(crate) fn in_lock(self) -> Self {
        Diagnostic {
            file: Document::Lock,
            ..self
        }
    }

    /// The same diagnostic, located in translation `file`.
    pub(crate) fn in_translation(self, file: usize) -> Self {
        Diagnostic {
            file: Document::Translation(file),
            ..self
        }
    }

    /// Adds a `= note:` line with more context.
    pub(crate) fn note(self, note: impl Into<String>) -> Self {
        self.push(NoteKind::Note, note.into(), None)
    }

    /// Adds a note that points at another place, shown with its line.
    pub(crate) fn note_at(self, file: Document, at: Location, note: impl Into<String>) -> Self {
        self.push(NoteKind::Note, note.into(), Some((file, at)))
    }

    /// Adds a `= help:` line saying how to fix it.
    pub(crate) fn help(self, help: impl Into<String>) -> Self {
        self.push(NoteKind::Help, help.into(), None)
    }

    fn push(mut self, kind: NoteKind, message: String, at: Option<(Document, Location)>) -> Self {
        self.notes.push(Note {
            kind,
            message,
            at,
            path: None,
        });
        self
    }

    /// Whether it stops the catalog from compiling.
    #[must_use]
    pub fn level(&self) -> Level {
        self.level
    }

    /// The lint that reported it, for a warning, or an error that a run
    /// made of one.
    #[must_use]
    pub fn lint(&self) -> Option<&'static str> {
        self.lint
    }

    /// Whether it is a promise of the catalog's lock that the catalog
    /// breaks, rather than a mistake in either file.
    #[must_use]
    pub fn breaks_lock(&self) -> bool {
        self.breaks.is_some()
    }

    /// The class of breaking change, when it breaks a promise of the lock:
    /// what `errcodes lock --allow-breaking=<class>` accepts.
    #[must_use]
    pub fn breaking_class(&self) -> Option<&'static str> {
        self.breaks
    }

    /// What is wrong, in one line.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The path of the file, as the catalog was named.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where in the file.
    #[must_use]
    pub fn location(&self) -> Location {
        self.at
    }

    /// Where the underlined token ends: the column after its last
    /// character.
    #[must_use]
    pub fn end(&self) -> Location {
        self.end
    }

    /// The notes and help, in order.
    #[must_use]
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The full report, in the style of rustc's own, without the leading
    /// `error: ` that the compiler or a tool adds:
    ///
    /// ```text
    /// duplicate code `1000-400`
    ///   --> specs/privacy.yaml:9:11
    ///    |
    ///  9 |   - code: "1000-400"
    ///    |           ^^^^^^^^^^
    ///    |
    /// note: `1000-400` is already the code of `FormattingError`
    ///   --> specs/privacy.yaml:4:11
    ///    |
    ///  4 |   - code: "1000-400"
    ///    |           ----------
    ///    = help: codes must be unique: change this entry's code, or remove the entry
    /// ```
    #[must_use]
    pub fn report(&self) -> &str {
        &self.report
    }

    /// Fills in what needs the files' text: paths, ends and the report.
    fn finish(&mut self, sources: Sources<'_>) {
        let source = sources.get(self.file);
        source.path.clone_into(&mut self.path);
        let width = source
            .rest_of_line(self.at.line, self.at.column)
            .map_or(0, |rest| source.token_width(rest));
        self.end = Location {
            line: self.at.line,
            column: self.at.column + width.max(1),
        };
        for note in &mut self.notes {
            note.path = note.at.map(|(file, _)| sources.get(file).path.to_owned());
        }
        self.report = self.render(sources);
    }

    fn render(&self, sources: Sources<'_>) -> String {
        // One gutter for every snippet, wide enough for the longest number.
        let widest = self
            .notes
            .iter()
            .filter_map(|note| note.at)
            .map(|(_, at)| at.line)
            .chain([self.at.line])
            .max()
            .unwrap_or(1);
        let gutter = " ".repeat(widest.to_string().len());
        let mut out = format!("{}\n", self.message);
        snippet(&mut out, &gutter, sources.get(self.file), self.at, '^');
        let mut located = self
            .notes
            .iter()
            .filter(|note| note.at.is_some())
            .peekable();
        if located.peek().is_some() {
            let _ = writeln!(out, "{gutter} |");
        }
        for note in located {
            if let Some((file, at)) = note.at {
                let _ = writeln!(out, "note: {}", note.message);
                snippet(&mut out, &gutter, sources.get(file), at, '-');
            }
        }
        for note in self.notes.iter().filter(|note| note.at.is_none()) {
            let kind = match note.kind {
                NoteKind::Note => "note",
                NoteKind::Help => "help",
            };
            let _ = writeln!(out, "{gutter} = {kind}: {}", note.message);
        }
        out.truncate(out.trim_end().len());
        out
    }
}

/// Writes `--> path:line:column` and, when the line exists, the line with
/// the token at `at` underlined with `mark`.
fn snippet(out: &mut String, gutter: &str, source: &Source<'_>, at: Location, mark: char) {
    let Location { line, column } = at;
    let _ = writeln!(out, "{gutter}--> {}:{line}:{column}", source.path);
    if let Some(text) = source.line(line) {
        let text = text.replace('\t', " ");
        let rest = source.rest_of_line(line, column).unwrap_or("");
        let pad = " ".repeat(column.saturating_sub(1).min(text.chars().count()));
        let marks = mark.to_string().repeat(source.token_width(rest).max(1));
        let number = format!("{line:>width$}", width = gutter.len());
        let _ = write!(
            out,
            "{gutter} |\n{number} | {text}\n{gutter} | {pad}{marks}\n"
        );
    }
}

/// The files read for one catalog.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sources<'a> {
    pub(crate) catalog: &'a Source<'a>,
    pub(crate) lock: Option<&'a Source<'a>>,
    pub(crate) translations: &'a [Source<'a>],
}

impl<'a> Sources<'a> {
    fn get(self, file: Document) -> &'a Source<'a> {
        match (file, self.lock) {
            (Document::Lock, Some(lock)) => lock,
            (Document::Translation(file), _) => self.translations.get(file).unwrap_or(self.catalog),
            // Only a lock that was read yields diagnostics located in it.
            (Document::Catalog | Document::Lock, _) => self.catalog,
        }
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

    /// How many were found so far.
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// The diagnostics in file order, finished against the files' text.
    pub(crate) fn finish(mut self, sources: Sources<'_>) -> Vec<Diagnostic> {
        self.list.sort_by_key(|d| (d.file, d.at));
        for diagnostic in &mut self.list {
            diagnostic.finish(sources);
        }
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finish(diagnostic: Diagnostic, source: &Source<'_>) -> Diagnostic {
        let mut errors = Errors::default();
        errors.push(diagnostic);
        let sources = Sources {
            catalog: source,
            lock: None,
            translations: &[],
        };
        errors.finish(sources).remove(0)
    }

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
        let diagnostic = Diagnostic::new("duplicate code `1000-400`", at)
            .note("first here")
            .help("fix it");
        let diagnostic = finish(diagnostic, &source);
        assert_eq!(
            diagnostic.report(),
            "duplicate code `1000-400`\n \
             --> specs/x.yaml:2:11\n  \
             |\n\
             2 |   - code: \"1000-400\"\n  \
             |           ^^^^^^^^^^\n  \
             = note: first here\n  \
             = help: fix it"
        );
        assert_eq!(diagnostic.path(), "specs/x.yaml");
        assert_eq!(
            diagnostic.end(),
            Location {
                line: 2,
                column: 21
            }
        );
        let status = finish(
            Diagnostic::new(
                "bad status",
                Location {
                    line: 3,
                    column: 13,
                },
            ),
            &source,
        );
        assert!(status.report().ends_with("|             ^^^"), "{status:?}");
        let key = finish(
            Diagnostic::new("bad key", Location { line: 3, column: 5 }),
            &source,
        );
        assert!(key.report().ends_with("|     ^^^^^^"), "{key:?}");
    }

    #[test]
    fn notes_at_other_places_show_their_own_line() {
        let mut text = "a: 1\n".repeat(11);
        text.push_str("a: 2\n");
        let source = Source::new("x.yaml", &text);
        let diagnostic = Diagnostic::new(
            "twice",
            Location {
                line: 12,
                column: 1,
            },
        )
        .note_at(
            Document::Catalog,
            Location { line: 3, column: 1 },
            "first here",
        )
        .help("keep one");
        let diagnostic = finish(diagnostic, &source);
        assert_eq!(
            diagnostic.report(),
            "twice\n  --> x.yaml:12:1\n   |\n12 | a: 2\n   | ^\n   |\n\
             note: first here\n  --> x.yaml:3:1\n   |\n 3 | a: 1\n   | -\n   = help: keep one"
        );
        assert_eq!(
            diagnostic.notes()[0].location(),
            Some(("x.yaml", Location { line: 3, column: 1 }))
        );
        assert_eq!(diagnostic.notes()[1].location(), None);
        assert_eq!(diagnostic.notes()[1].kind(), NoteKind::Help);
    }

    #[test]
    fn a_location_past_the_text_still_renders() {
        let source = Source::new("x.yaml", "");
        let diagnostic = finish(
            Diagnostic::new("empty", Location { line: 3, column: 1 }),
            &source,
        );
        assert_eq!(diagnostic.report(), "empty\n --> x.yaml:3:1");
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
