//! Message templates, read as Fluent patterns by `fluent-syntax`: text,
//! `{ $field }` where a field's value goes, and string or number literals
//! (`{ "{" }` for a brace). Select expressions, functions and references
//! to other messages are refused for now; whatever is accepted is a valid
//! Fluent pattern, so a template keeps its meaning when translations come.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use fluent_syntax::parser;

/// A piece of a checked template.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TemplatePiece {
    /// Text, as it is sent.
    Text(String),
    /// The value of the code's field at this position.
    Field(usize),
}

/// A mistake in a template: what, and where, as a byte offset into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mistake {
    pub(crate) offset: usize,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

/// Reads `template`, whose placeholders may name `fields`. Every mistake
/// is reported; the pieces are only given when there is none.
pub(crate) fn parse(template: &str, fields: &[&str]) -> Result<Vec<TemplatePiece>, Vec<Mistake>> {
    let (resource, starts) = wrap(template);
    let at = |wrapped: usize| {
        // The last line that starts at or before the offset.
        let line = starts
            .partition_point(|&(w, _)| w <= wrapped)
            .saturating_sub(1);
        let (w, t) = starts[line];
        (t + wrapped.saturating_sub(w)).min(template.len())
    };
    let parsed = match parser::parse(resource.as_str()) {
        Ok(parsed) => parsed,
        Err((_, errors)) => {
            // Fluent writes a select's variants on lines of their own; on
            // one line, the parser only says which token it expected.
            if let Some(arrow) = template.find("->") {
                return Err(vec![mistake(
                    arrow,
                    "select expressions (`->`) are not supported in templates yet",
                    Some(
                        "write one message for every value; plural and select forms come with translations",
                    ),
                )]);
            }
            return Err(errors
                .iter()
                .map(|error| Mistake {
                    offset: at(error.pos.start),
                    message: format!("the template is not a Fluent pattern: {}", error.kind),
                    help: Some(
                        "write `{ $name }` for a field and `{ \"{\" }` for a brace".to_owned(),
                    ),
                })
                .collect());
        }
    };
    let Some(Entry::Message(message)) = parsed.body.first() else {
        return Err(vec![mistake(
            0,
            "the template is not a Fluent pattern",
            None,
        )]);
    };
    if !message.attributes.is_empty() {
        let offset = template.find("\n.").map_or(0, |at| at + 1);
        return Err(vec![mistake(
            offset,
            "a line of a template cannot start with `.`: Fluent reads it as an attribute",
            Some("reword the line, or write the dot as `{ \".\" }`"),
        )]);
    }
    let elements = message
        .value
        .as_ref()
        .map_or(&[][..], |pattern| &pattern.elements[..]);
    let placeables = placeable_offsets(template);
    let mut pieces = Vec::with_capacity(elements.len());
    let mut mistakes = Vec::new();
    let mut placeable = 0;
    for element in elements {
        match element {
            PatternElement::TextElement { value } => push_text(&mut pieces, value),
            PatternElement::Placeable { expression } => {
                let offset = placeables.get(placeable).copied().unwrap_or(0);
                placeable += 1;
                match expression {
                    Expression::Inline(inline) => {
                        match inline_piece(inline, fields, template, offset) {
                            Ok(TemplatePiece::Text(text)) => push_text(&mut pieces, &text),
                            Ok(piece) => pieces.push(piece),
                            Err(error) => mistakes.push(error),
                        }
                    }
                    Expression::Select { .. } => mistakes.push(mistake(
                        offset,
                        "select expressions are not supported in templates yet",
                        Some("write one message that reads well for every value"),
                    )),
                }
            }
        }
    }
    if mistakes.is_empty() {
        Ok(pieces)
    } else {
        Err(mistakes)
    }
}

fn mistake(offset: usize, message: &str, help: Option<&str>) -> Mistake {
    Mistake {
        offset,
        message: message.to_owned(),
        help: help.map(str::to_owned),
    }
}

/// What one inline expression places.
fn inline_piece(
    inline: &InlineExpression<&str>,
    fields: &[&str],
    template: &str,
    offset: usize,
) -> Result<TemplatePiece, Mistake> {
    match inline {
        InlineExpression::VariableReference { id } => {
            if let Some(position) = fields.iter().position(|field| *field == id.name) {
                Ok(TemplatePiece::Field(position))
            } else {
                let at = template[offset..]
                    .find(&format!("${}", id.name))
                    .map_or(offset, |at| offset + at);
                let help = match crate::diagnostic::closest(id.name, fields) {
                    Some(near) => format!("did you mean `{{ ${near} }}`?"),
                    None if fields.is_empty() => {
                        "the code has no `fields`; declare the field there".to_owned()
                    }
                    None => {
                        format!("the code's fields are {}", crate::diagnostic::list(fields))
                    }
                };
                Err(Mistake {
                    offset: at,
                    message: format!(
                        "the template names `${}`, which is not a field of the code",
                        id.name
                    ),
                    help: Some(help),
                })
            }
        }
        InlineExpression::StringLiteral { value } => {
            unescape(value).map(TemplatePiece::Text).ok_or_else(|| {
                mistake(
                    offset,
                    "the string has an escape Fluent does not know",
                    None,
                )
            })
        }
        InlineExpression::NumberLiteral { value } => Ok(TemplatePiece::Text((*value).to_owned())),
        InlineExpression::Placeable { expression } => match &**expression {
            Expression::Inline(inline) => inline_piece(inline, fields, template, offset),
            Expression::Select { .. } => Err(mistake(
                offset,
                "select expressions are not supported in templates yet",
                None,
            )),
        },
        InlineExpression::MessageReference { id, .. } => {
            let help = if fields.contains(&id.name) {
                format!("to place the field `{0}`, write `{{ ${0} }}`", id.name)
            } else {
                "a template names fields as `{ $name }`".to_owned()
            };
            Err(Mistake {
                offset,
                message: format!(
                    "`{}` without `$` names another Fluent message, which templates cannot use",
                    id.name
                ),
                help: Some(help),
            })
        }
        InlineExpression::TermReference { id, .. } => Err(Mistake {
            offset,
            message: format!(
                "`-{}` names a Fluent term, which templates cannot use",
                id.name
            ),
            help: Some("write the term's text in the template".to_owned()),
        }),
        InlineExpression::FunctionReference { id, .. } => Err(Mistake {
            offset,
            message: format!(
                "the function `{}` is not supported in templates yet",
                id.name
            ),
            help: Some("place the field itself: `{ $name }`".to_owned()),
        }),
    }
}

/// Appends text, joined to the text before it.
fn push_text(pieces: &mut Vec<TemplatePiece>, text: &str) {
    if let Some(TemplatePiece::Text(last)) = pieces.last_mut() {
        last.push_str(text);
    } else if !text.is_empty() {
        pieces.push(TemplatePiece::Text(text.to_owned()));
    }
}

/// `template` as a Fluent resource of one message, each line after the
/// first indented, and where each of its lines starts there and in the
/// template.
fn wrap(template: &str) -> (String, Vec<(usize, usize)>) {
    const HEAD: &str = "m = ";
    const INDENT: &str = "    ";
    let mut resource = String::with_capacity(template.len() + 16);
    let mut starts = Vec::new();
    resource.push_str(HEAD);
    let mut in_template = 0;
    for (i, line) in template.split('\n').enumerate() {
        if i > 0 {
            resource.push('\n');
            resource.push_str(INDENT);
        }
        starts.push((resource.len(), in_template));
        resource.push_str(line);
        in_template += line.len() + 1;
    }
    resource.push('\n');
    (resource, starts)
}

/// Where each top-level placeable starts in `template`, in order: every
/// `{` outside a placeable opens one, since Fluent text cannot hold one.
fn placeable_offsets(template: &str) -> Vec<usize> {
    let mut offsets = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in template.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => {
                if depth == 0 {
                    offsets.push(at);
                }
                depth += 1;
            }
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 => in_string = true,
            _ => {}
        }
    }
    offsets
}

/// A Fluent string literal's value: `\"`, `\\`, `\uXXXX` and `\UXXXXXX`
/// unescaped.
pub(crate) fn unescape(literal: &str) -> Option<String> {
    let mut text = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        let digits = match chars.next()? {
            c @ ('"' | '\\') => {
                text.push(c);
                continue;
            }
            'u' => 4,
            'U' => 6,
            _ => return None,
        };
        let hex: String = chars.by_ref().take(digits).collect();
        let code = u32::from_str_radix(&hex, 16)
            .ok()
            .filter(|_| hex.len() == digits)?;
        text.push(char::from_u32(code)?);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(template: &str) -> Vec<TemplatePiece> {
        parse(template, &["field", "min", "max"]).unwrap()
    }

    fn mistakes(template: &str) -> Vec<(usize, String)> {
        parse(template, &["field", "min", "max"])
            .unwrap_err()
            .into_iter()
            .map(|mistake| (mistake.offset, mistake.message))
            .collect()
    }

    #[test]
    fn fields_text_and_literals_become_pieces() {
        use TemplatePiece::{Field, Text};
        assert_eq!(
            pieces("{ $field } must be between { $min } and {$max}"),
            [
                Field(0),
                Text(" must be between ".into()),
                Field(1),
                Text(" and ".into()),
                Field(2)
            ]
        );
        assert_eq!(pieces("a { \"{\" }b{ 5 } \\u"), [Text("a {b5 \\u".into())]);
        assert_eq!(pieces("{ \"\\u00e9\\\\\" }"), [Text("é\\".into())]);
        assert_eq!(
            pieces("first\nsecond { $field }"),
            [Text("first\nsecond ".into()), Field(0)]
        );
        assert_eq!(pieces("plain text"), [Text("plain text".into())]);
    }

    #[test]
    fn mistakes_say_where() {
        assert_eq!(
            mistakes("{ $feild } is wrong"),
            [(
                2,
                "the template names `$feild`, which is not a field of the code".into()
            )]
        );
        assert_eq!(
            mistakes("ok { field }")[0],
            (
                3,
                "`field` without `$` names another Fluent message, which templates cannot use"
                    .into()
            )
        );
        assert_eq!(
            mistakes("x { $min ->\n  [one] a\n *[other] b\n}")[0],
            (
                2,
                "select expressions are not supported in templates yet".into()
            )
        );
        assert_eq!(
            mistakes("{ NUMBER($min) }")[0].1,
            "the function `NUMBER` is not supported in templates yet"
        );
        assert_eq!(
            mistakes("{ -brand }")[0].1,
            "`-brand` names a Fluent term, which templates cannot use"
        );
        let unclosed = mistakes("line one\nline { $min");
        assert_eq!(unclosed.len(), 1);
        assert!(
            unclosed[0]
                .1
                .starts_with("the template is not a Fluent pattern"),
            "{unclosed:?}"
        );
        // On the second line, after `line { $min`.
        assert!((9..=20).contains(&unclosed[0].0), "{unclosed:?}");
        assert_eq!(mistakes("a\n.b")[0].0, 2);
        let two = mistakes("{ $a } and { $b }");
        assert_eq!(two.iter().map(|m| m.0).collect::<Vec<_>>(), [2, 13]);
    }
}
