//! A reader for the subset of YAML that catalogs are usually written in.
//!
//! Proc macros run unoptimized unless their users say otherwise, and the YAML
//! library then reads about two megabytes a second: a second for a catalog
//! of ten thousand codes. This reader works a line at a time with the
//! standard library's string functions, which are always optimized, and is
//! many times faster. It answers `None` for anything outside its subset, and
//! the library then reads the document, so it never changes a result, only
//! how soon it comes. On what it accepts it builds exactly the tree the
//! library would, positions included; the tests below hold it to that.
//!
//! The subset: block mappings and block sequences indented with spaces;
//! keys of ASCII letters, digits, `-` and `_`, or small decimal integers; values that are plain text on
//! one line, one-line quoted strings with the common escapes, `|` and `>`
//! block scalars, and one-line flow lists of plain words; comments. Plain
//! values that may be numbers (other than small decimal integers) are left
//! to the library, which knows YAML's number syntax.

use super::{Node, Value};
use crate::diagnostic::Location;

/// Reads `text`, or `None` when it goes beyond the subset.
pub(super) fn parse(text: &str) -> Option<Node> {
    // Other line breaks, tabs and byte-order marks: the library's business.
    // Searching for one ASCII character, or telling whether text is ASCII,
    // is optimized code in the standard library even in an unoptimized
    // build; searching for other characters is not, so it comes last.
    let unusual = ['\u{85}', '\u{2028}', '\u{2029}', '\u{feff}'];
    if text.contains('\r')
        || text.contains('\t')
        || has_control(text.as_bytes())
        || (!text.is_ascii()
            && (unusual.into_iter().any(|c| text.contains(c)) || !text.chars().all(printable)))
    {
        return None;
    }
    let mut reader = Reader {
        lines: text.split('\n').collect(),
        next: 0,
        start: None,
    };
    reader.skip_blank();
    let root = reader.mapping(0)?;
    reader.skip_blank();
    (reader.next == reader.lines.len()).then_some(root)
}

/// Whether `bytes` hold an ASCII control character other than a line feed
/// or a tab, which YAML does not allow.
fn has_control(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|&b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f)
}

/// Whether YAML allows `c` in a document (its `c-printable`), for the
/// characters beyond ASCII.
fn printable(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

struct Reader<'t> {
    lines: Vec<&'t str>,
    /// The index of the line to read next.
    next: usize,
    /// Where the next line's content starts, when not at its indentation:
    /// after the `- ` of a sequence item that holds a mapping.
    start: Option<usize>,
}

/// A line about to be read.
#[derive(Clone, Copy)]
struct Line<'t> {
    /// Counted from 1.
    number: usize,
    text: &'t str,
    /// Where the content starts, in bytes; everything before it is ASCII,
    /// so it is also the content's indentation.
    indent: usize,
}

impl<'t> Line<'t> {
    fn content(&self) -> &'t str {
        &self.text[self.indent..]
    }

    /// The position of byte `at` of the line.
    fn at(&self, at: usize) -> Location {
        let prefix = &self.text[..at];
        let column = if prefix.is_ascii() {
            at
        } else {
            prefix.chars().count()
        };
        Location {
            line: self.number,
            column: column + 1,
        }
    }
}

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<Line<'t>> {
        let text = *self.lines.get(self.next)?;
        let indent = self.start.unwrap_or_else(|| leading_spaces(text));
        Some(Line {
            number: self.next + 1,
            text,
            indent,
        })
    }

    fn advance(&mut self) {
        self.next += 1;
        self.start = None;
    }

    /// Skips empty lines and comment lines.
    fn skip_blank(&mut self) {
        while let Some(line) = self.peek() {
            let content = line.content();
            if !content.is_empty() && !content.starts_with('#') {
                break;
            }
            self.advance();
        }
    }

    /// A block mapping whose keys start at `indent`.
    fn mapping(&mut self, indent: usize) -> Option<Node> {
        let mut entries = Vec::new();
        loop {
            self.skip_blank();
            let Some(line) = self.peek() else { break };
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let key_length = key_length(line.content())?;
            let key_text = &line.content()[..key_length];
            let key = Node {
                // A key of digits is a number, as for values.
                value: match small_int(key_text) {
                    Some(number) => Value::Int(number),
                    None => Value::Str {
                        text: key_text.to_owned(),
                        plain: true,
                    },
                },
                at: line.at(line.indent),
            };
            let after_colon = &line.text[line.indent + key_length + 1..];
            let value_text = after_colon.trim_start_matches(' ');
            let value = if value_text.is_empty() || value_text.starts_with('#') {
                self.advance();
                // An empty value is null, placed just after the colon.
                self.nested(indent, line.at(line.indent + key_length + 1))?
            } else {
                self.inline(line, line.text.len() - value_text.len(), indent)?
            };
            entries.push((key, value));
        }
        let at = entries.first()?.0.at;
        Some(Node {
            value: Value::Map(entries),
            at,
        })
    }

    /// The value of a key whose line ends after its colon; null, `at`,
    /// when there is none.
    fn nested(&mut self, indent: usize, at: Location) -> Option<Node> {
        self.skip_blank();
        let empty = Some(Node {
            value: Value::Null,
            at,
        });
        let Some(line) = self.peek() else {
            return empty;
        };
        if line.content().starts_with("- ") && line.indent >= indent {
            // YAML lets a sequence sit at its key's indentation.
            self.sequence(line.indent)
        } else if line.indent > indent {
            self.mapping(line.indent)
        } else {
            empty
        }
    }

    /// A block sequence whose dashes are at `indent`.
    fn sequence(&mut self, indent: usize) -> Option<Node> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            let Some(line) = self.peek() else { break };
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let Some(after_dash) = line.content().strip_prefix("- ") else {
                break;
            };
            let item = after_dash.trim_start_matches(' ');
            let item_at = line.text.len() - item.len();
            if item.is_empty() || item.starts_with(['#', '|', '>']) {
                return None;
            }
            items.push(if key_length(item).is_some() {
                self.start = Some(item_at);
                self.mapping(item_at)?
            } else {
                self.inline(line, item_at, indent)?
            });
        }
        let at = items.first()?.at;
        Some(Node {
            value: Value::Seq(items),
            at,
        })
    }

    /// A value that starts at byte `at` of `line`, after its key or dash;
    /// block scalars are indented more than `indent`.
    fn inline(&mut self, line: Line<'t>, at: usize, indent: usize) -> Option<Node> {
        let text = &line.text[at..];
        if text.starts_with(['|', '>']) {
            return self.block_scalar(line, at, indent);
        }
        let node = if text.starts_with('[') {
            flow_sequence(line, at)?
        } else {
            Node {
                value: scalar(text)?,
                at: line.at(at),
            }
        };
        self.advance();
        Some(node)
    }

    /// A `|` (literal) or `>` (folded) block scalar, with optional `-`.
    fn block_scalar(&mut self, line: Line<'t>, at: usize, indent: usize) -> Option<Node> {
        let header = &line.text[at + 1..];
        let (strip, after) = match header.strip_prefix('-') {
            Some(after) => (true, after),
            None => (false, header),
        };
        if !ends_line(after) {
            return None;
        }
        let folded = line.text[at..].starts_with('>');
        self.advance();
        let mut lines: Vec<&str> = Vec::new();
        let mut content_indent = None;
        while let Some(&text) = self.lines.get(self.next) {
            let spaces = leading_spaces(text);
            let blank = spaces == text.len();
            match content_indent {
                None if blank || spaces <= indent => return None,
                None => {
                    content_indent = Some(spaces);
                    lines.push(&text[spaces..]);
                }
                // Spaces beyond the indentation would be content.
                Some(indent) if blank && spaces > indent => return None,
                Some(_) if blank => lines.push(""),
                Some(indent) if spaces == indent => lines.push(&text[indent..]),
                // More-indented lines fold differently.
                Some(indent) if spaces > indent && folded => return None,
                Some(indent) if spaces > indent => lines.push(&text[indent..]),
                Some(_) => break,
            }
            self.next += 1;
        }
        // An empty scalar at the end of the document, or a last line
        // without a line break to keep: rare, and chomped differently.
        content_indent?;
        if self.next == self.lines.len() && self.lines.last().is_some_and(|last| !last.is_empty()) {
            return None;
        }
        while lines.last() == Some(&"") {
            lines.pop();
        }
        let mut text = if folded {
            fold(&lines)
        } else {
            lines.join("\n")
        };
        if !strip {
            text.push('\n');
        }
        Some(Node {
            value: Value::Str { text, plain: false },
            at: line.at(at),
        })
    }
}

/// Joins the lines of a folded scalar: words on consecutive lines with a
/// space, and each empty line as a line break (the break before it folds
/// away, so the lines `a`, an empty one and `b` make "a\nb").
fn fold(lines: &[&str]) -> String {
    let mut text = String::new();
    for (i, content) in lines.iter().enumerate() {
        match (i, content.is_empty()) {
            (0, _) => {}
            (_, true) => text.push('\n'),
            (_, false) if lines[i - 1].is_empty() => {}
            (_, false) => text.push(' '),
        }
        text.push_str(content);
    }
    text
}

/// How many spaces `text` starts with. (A plain loop: the standard
/// library's trimming is generic code, slow when unoptimized.)
fn leading_spaces(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    while count < bytes.len() && bytes[count] == b' ' {
        count += 1;
    }
    count
}

/// The length of the key when `content` is `key:` or `key: …` with a key
/// that YAML reads as a plain string.
fn key_length(content: &str) -> Option<usize> {
    let end = content.find(':')?;
    let key = &content[..end];
    let after = &content[end + 1..];
    let simple = (key.starts_with(|c: char| c.is_ascii_alphabetic()) || small_int(key).is_some())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !matches!(
            key,
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        );
    (simple && (after.is_empty() || after.starts_with(' '))).then_some(end)
}

/// Where `byte` first follows a space in `text`: ` #` starts a comment.
/// (A search for one byte is optimized code even in an unoptimized build; a
/// search for two is not.)
fn find_after_space(text: &str, byte: u8) -> Option<usize> {
    text.match_indices(char::from(byte))
        .map(|(i, _)| i)
        .find(|&i| i > 0 && text.as_bytes()[i - 1] == b' ')
        .map(|i| i - 1)
}

/// Whether `rest` holds nothing but spaces and perhaps a comment.
fn ends_line(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len())
}

/// A scalar that takes the rest of its line, maybe followed by a comment.
fn scalar(text: &str) -> Option<Value> {
    let (value, rest) = match text.as_bytes().first()? {
        b'"' => double_quoted(text)?,
        b'\'' => single_quoted(text)?,
        _ => return plain(&text[..find_after_space(text, b'#').unwrap_or(text.len())]),
    };
    ends_line(rest).then_some(Value::Str {
        text: value,
        plain: false,
    })
}

/// A plain scalar, resolved as the library resolves it, or `None` for
/// whatever may be a number or is not plain.
fn plain(text: &str) -> Option<Value> {
    let text = text.trim_end_matches(' ');
    let first = text.chars().next()?;
    if let Some(number) = small_int(text) {
        return Some(Value::Int(number));
    }
    if let Some(number) = text
        .strip_prefix('-')
        .and_then(small_int)
        .filter(|n| *n != 0)
    {
        return Some(Value::Int(-number));
    }
    if "[]{}&*!|>'\"%@`,?:-#.+0123456789".contains(first)
        || text.contains(": ")
        || text.ends_with(':')
    {
        return None;
    }
    Some(match text {
        "null" | "Null" | "NULL" | "~" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => Value::Str {
            text: text.to_owned(),
            plain: true,
        },
    })
}

/// A decimal integer without sign or leading zero, short enough that every
/// YAML reader reads it alike.
fn small_int(text: &str) -> Option<i128> {
    let small = text == "0"
        || (text.len() < 19
            && text.starts_with(|c: char| ('1'..='9').contains(&c))
            && text.bytes().all(|b| b.is_ascii_digit()));
    small.then(|| text.parse().ok()).flatten()
}

/// A double-quoted string on one line, with `\"`, `\\`, `\/`, `\n` and `\t`
/// escapes; its value and what follows it.
fn double_quoted(text: &str) -> Option<(String, &str)> {
    let body = &text[1..];
    let mut value = String::new();
    let mut from = 0;
    loop {
        let at = from + body[from..].find(['"', '\\'])?;
        value.push_str(&body[from..at]);
        if body[at..].starts_with('"') {
            return Some((value, &body[at + 1..]));
        }
        let escaped = body[at + 1..].chars().next()?;
        value.push(match escaped {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'n' => '\n',
            't' => '\t',
            _ => return None,
        });
        from = at + 1 + escaped.len_utf8();
    }
}

/// A single-quoted string on one line, where `''` is a quote; its value and
/// what follows it.
fn single_quoted(text: &str) -> Option<(String, &str)> {
    let body = &text[1..];
    let mut value = String::new();
    let mut from = 0;
    loop {
        let at = from + body[from..].find('\'')?;
        value.push_str(&body[from..at]);
        if !body[at + 1..].starts_with('\'') {
            return Some((value, &body[at + 1..]));
        }
        value.push('\'');
        from = at + 2;
    }
}

/// A one-line flow sequence of plain words, such as `[SSSNNN, SSS]`.
fn flow_sequence(line: Line<'_>, at: usize) -> Option<Node> {
    let close = at + line.text[at..].find(']')?;
    let inner = &line.text[at + 1..close];
    if inner.contains(['"', '\'', '[', '{', '}', '#']) || !ends_line(&line.text[close + 1..]) {
        return None;
    }
    let mut items = Vec::new();
    let mut offset = at + 1;
    for piece in inner.split(',') {
        let word = piece.trim_matches(' ');
        let word_at = offset + (piece.len() - piece.trim_start_matches(' ').len());
        offset += piece.len() + 1;
        // Also refuses empty lists, whose position the library takes from
        // their surroundings.
        if word.is_empty() {
            return None;
        }
        items.push(Node {
            value: plain(word)?,
            at: line.at(word_at),
        });
    }
    let at = items.first()?.at;
    Some(Node {
        value: Value::Seq(items),
        at,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;

    use super::parse;
    use crate::source::Source;
    use crate::yaml::library;

    /// Reads `text` with both readers: `Ok(true)` when the fast reader
    /// reads it and builds the library's tree, `Ok(false)` when it leaves
    /// it to the library, and the difference when they disagree.
    fn compare(text: &str) -> Result<bool, String> {
        let Some(fast) = parse(text) else {
            return Ok(false);
        };
        match library::parse(&Source::new("t.yaml", text)) {
            Ok(library) if library == fast => Ok(true),
            library => Err(format!("{text:?}\nfast: {fast:?}\nlibrary: {library:?}")),
        }
    }

    /// Whether the fast reader reads `text`; panics when it disagrees.
    fn agrees(text: &str) -> bool {
        compare(text).unwrap_or_else(|difference| panic!("the readers disagree on {difference}"))
    }

    #[test]
    fn reads_the_shipped_catalogs_as_the_library_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
        for name in ["privacy", "edge", "acp", "platform", "pass"] {
            let text = std::fs::read_to_string(dir.join(format!("{name}.yaml"))).unwrap();
            assert!(agrees(&text), "{name}.yaml is not read by the fast reader");
        }
    }

    #[test]
    fn agrees_on_every_catalog_in_the_repository() {
        // A tag, an empty document, a syntax error, an empty list, numbers,
        // numeric keys.
        const LIBRARY_ONLY: &[&str] = &[
            "quoted-codes.yaml",
            "empty-catalog.yaml",
            "malformed-yaml.yaml",
            "no-codes.yaml",
            "unquoted-number-code.yaml",
            "unquoted-domain-id.yaml",
            "fields-names.yaml",
            // Flow mappings.
            "fields-types.yaml",
            "lock-fields-changed.yaml",
            "kinds.yaml",
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for dir in ["specs", "tests/ui", "tests/expand", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy();
                if name.ends_with(".yaml") {
                    let fast = agrees(&std::fs::read_to_string(&path).unwrap());
                    assert_eq!(fast, !LIBRARY_ONLY.contains(&&*name), "{}", path.display());
                }
            }
        }
    }

    #[test]
    fn accepts_the_usual_shapes() {
        let documents = [
            "a: 1\nb: x # c\n",
            "a:\n  b: c\n  d:\n    - e\n    - f: g\n      h: 0\n",
            "k:\n- a\n- b\nz: y\n",
            "l: [SSSNNN, SSS,UpperCamelCase]\n",
            "m:\n  400: X\n  0: y\n",
            "q: \"say \\\"hi\\\" \\\\ / \\n\\t\" # c\ns: 'it''s'\n",
            "f: >-\n  one\n  two\n\n  three\n\n\n  four\n",
            "f: >\n  one\n  two\nafter: x\n",
            "l: |\n  one\n    indented\n\n  two\n\n",
            "l: |-\n  one\n",
            "u: héllo wörld\nv: \"é\"\n",
            "n: null\nt: True\nf: FALSE\nz: 0\ni: 123456789\nm: -1000\n",
            "# top\n\na: 1 # one\n\n# between\nb:\n  # inside\n  - x\n",
            "c: C# and F#\nd: a:b\n",
            "list:\n  -   spaced: x\n      more: y\n",
            "a:\nb: 1\n",
            "a:\n  b:   # c\n  c:\n",
            "a:\n  b:",
            "a:\n",
        ];
        for text in documents {
            assert!(agrees(text), "refused {text:?}");
        }
    }

    #[test]
    fn leaves_the_rest_to_the_library() {
        let documents = [
            "--- \na: 1\n",
            "a: &x 1\n",
            "a: *x\n",
            "a: !t 1\n",
            "a: {b: 1}\n",
            "a: []\n",
            "a: 1.5\n",
            "a: 010\n",
            "a: +1\n",
            "a: .inf\n",
            "a: x\n  y\n",
            "a: b: c\n",
            "a: b:\n",
            "a: \"x\\u0041\"\n",
            "a: \"open\n",
            "a: 'open\n",
            "a: >2\n  x\n",
            "a: |+\n  x\n",
            "a: >\n\n  x\n",
            "a: >\n  x\n    y\n",
            "a: |\n  x\n   \n",
            "? a\n: b\n",
            "01: a\n",
            "1.5: a\n",
            "true: a\n",
            "\"a\": 1\n",
            "a : 1\n",
            "a:\r\n",
            "a:\tb\n",
            "- a\n",
            "a:\n  - \n",
            "a:\n  -\n    b: c\n",
            "a:\n  - |\n    x\n",
            "a: [x, ]\n",
            "a: [\"x\"]\n",
            "a: [x] y\n",
            "e: -\n",
            "a: \"x\"y\n",
            "a: 1\n  b: 2\n",
            "a:\n b: 1\n  c: 2\n",
            "a: x\n\n  b: y\n",
            // Empty block scalars, and one whose last line has no break.
            "a: >",
            "a: |-\n",
            "a: >\n  x",
            // Characters YAML does not allow: the library reports them.
            "a: x\u{1e}y\n",
            "a: \u{7f}\n",
            "a: \"\0\"\n",
            "a: \u{9f}\n",
            "a: \u{fffe}\n",
        ];
        for text in documents {
            assert!(parse(text).is_none(), "accepted {text:?}");
        }
    }

    const DOUBLE_QUOTED: &[&str] = &["\"x\"", "\"say \\\"hi\\\"\"", "\"a\\nb\"", "\"\"", "\"#\""];

    /// Writes random catalogs in the styles the subset covers, from a
    /// stream of random numbers.
    struct Writer<'r> {
        random: std::slice::Iter<'r, u32>,
        text: String,
    }

    impl Writer<'_> {
        fn pick<'a>(&mut self, choices: &[&'a str]) -> &'a str {
            let n = self.random.next().copied().unwrap_or(0) as usize;
            choices[n % choices.len()]
        }

        fn write_one(&mut self, choices: &[&str]) {
            let choice = self.pick(choices);
            self.text += choice;
        }

        fn chance(&mut self, percent: u32) -> bool {
            self.random.next().is_some_and(|n| n % 100 < percent)
        }

        fn value(&mut self, indent: &str) {
            match self.pick(&["plain", "double", "single", "folded", "literal", "word"]) {
                "plain" => self.write_one(&[
                    "Out of stock",
                    "C# rocks",
                    "a:b",
                    "0",
                    "42",
                    "true",
                    "~",
                    "é ü",
                ]),
                "double" => self.write_one(DOUBLE_QUOTED),
                "single" => self.write_one(&["'x'", "'it''s'", "''"]),
                "word" => self.write_one(&["retry", "fatal", "E1", "rate-limiting"]),
                style => {
                    self.text += if style == "folded" { ">" } else { "|" };
                    if self.chance(50) {
                        self.text.push('-');
                    }
                    for line in 0..=self.random.next().copied().unwrap_or(0) % 3 {
                        self.text.push('\n');
                        if line > 0 && self.chance(25) {
                            self.text.push('\n');
                        }
                        self.text += indent;
                        self.text += "  ";
                        self.write_one(&["some words", "more: text", "# not a comment", "x"]);
                    }
                }
            }
            if self.chance(15) {
                self.text += " # note";
            }
            self.text.push('\n');
        }

        fn catalog(&mut self) {
            self.text += "name: Shop\n";
            if self.chance(50) {
                self.text += "code-format: [SSS, snake_case]\n";
            }
            if self.chance(50) {
                self.text += "domains:\n  d: D\n  e:\n    title: E\n";
            }
            self.text += "codes:\n";
            let dash = self.pick(&["  - ", "- ", "  -   "]);
            let indent = " ".repeat(dash.len());
            for _ in 0..=self.random.next().copied().unwrap_or(0) % 4 {
                self.text += dash;
                for (i, key) in ["code", "status", "title", "description", "action"]
                    .iter()
                    .enumerate()
                {
                    if i > 0 {
                        if self.chance(10) {
                            self.text += "\n";
                        }
                        if self.chance(10) {
                            self.text += &indent;
                            self.text += "# comment\n";
                        }
                        self.text += &indent;
                    }
                    self.text += key;
                    self.text += ": ";
                    self.value(&indent);
                }
            }
        }

        /// Damages one line: a dropped character, a shifted indentation, an
        /// inserted indicator.
        fn damage(&mut self) {
            let text = std::mem::take(&mut self.text);
            let lines: Vec<&str> = text.lines().collect();
            let at = self.random.next().copied().unwrap_or(0) as usize % lines.len().max(1);
            let mut out = String::new();
            for (i, line) in lines.iter().enumerate() {
                let mut line = (*line).to_owned();
                if i == at && !line.is_empty() {
                    let byte = (self.random.next().copied().unwrap_or(0) as usize % line.len()
                        ..=line.len())
                        .find(|&b| line.is_char_boundary(b))
                        .unwrap_or(0);
                    match self.pick(&["drop", "space", "colon", "dash", "quote", "hash"]) {
                        "drop" if byte < line.len() => {
                            line.remove(byte);
                        }
                        "space" => line.insert(0, ' '),
                        "colon" => line.insert_str(byte, ": "),
                        "dash" => line.insert_str(byte, "- "),
                        "quote" => line.insert(byte, '"'),
                        _ => line.insert_str(byte, " #"),
                    }
                }
                out += &line;
                out.push('\n');
            }
            self.text = out;
        }
    }

    fn catalog(random: &[u32], damaged: bool) -> String {
        let mut writer = Writer {
            random: random.iter(),
            text: String::new(),
        };
        writer.catalog();
        if damaged {
            writer.damage();
        }
        writer.text
    }

    #[test]
    fn the_writer_mostly_writes_the_subset() {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = prop::collection::vec(any::<u32>(), 200);
        let accepted = (0..200)
            .filter(|_| {
                parse(&catalog(
                    &strategy.new_tree(&mut runner).unwrap().current(),
                    false,
                ))
                .is_some()
            })
            .count();
        assert!(accepted > 180, "{accepted} of 200");
    }

    #[test]
    fn reads_a_share_of_damaged_catalogs_and_agrees_on_it() {
        // Damage takes most documents out of the subset; the fast reader
        // must still read a good share of them (394 of 1,000 when this was
        // written), or the agreement below would hold by declining.
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = prop::collection::vec(any::<u32>(), 200);
        let read = (0..1000)
            .filter(|_| {
                let random = strategy.new_tree(&mut runner).unwrap().current();
                agrees(&catalog(&random, true))
            })
            .count();
        assert!(read >= 300, "the fast reader read {read} of 1,000");
    }

    proptest! {
        #[test]
        fn agrees_on_written_catalogs(random in prop::collection::vec(any::<u32>(), 200)) {
            prop_assert!(agrees(&catalog(&random, false)));
        }

        #[test]
        fn agrees_on_damaged_catalogs(random in prop::collection::vec(any::<u32>(), 200)) {
            let text = catalog(&random, true);
            let compared = compare(&text);
            prop_assert!(compared.is_ok(), "the readers disagree on {}", compared.unwrap_err());
        }
    }
}
