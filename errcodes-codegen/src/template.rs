//! Message templates, read as Fluent patterns by `fluent-syntax`: text,
//! `{ $field }` where a field's value goes, string or number literals
//! (`{ "{" }` for a brace), and select expressions that choose a form by a
//! field's value or its CLDR plural category. Functions, terms and
//! references to other messages are refused; whatever is accepted is a
//! valid Fluent pattern, which a translation reads the same way.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, PatternElement, Variant, VariantKey,
};
use fluent_syntax::parser::{self, ErrorKind};

use crate::fields::CheckedField;
/// A piece of a checked template: the pieces of a translated message.
pub use crate::translations::Piece as TemplatePiece;

/// A mistake in a template: what, and where, as a byte offset into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mistake {
    pub(crate) offset: usize,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    /// For a placeable that names no field of the code, the name.
    pub(crate) unknown: Option<String>,
}

/// Reads `template`, whose placeholders may name `fields`. Every mistake
/// is reported; the pieces are only given when there is none.
pub(crate) fn parse(
    template: &str,
    fields: &[CheckedField],
) -> Result<Vec<TemplatePiece>, Vec<Mistake>> {
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
            if let Some(arrow) = template.find("->").filter(|_| !template.contains('\n')) {
                return Err(vec![mistake(
                    arrow,
                    "a select's forms go on lines of their own",
                    Some(
                        "write the message as a YAML block (`message: |`), with `{ $field ->` on the first line, each form (`[one] …`, `*[other] …`) on a line of its own, and `}` to end",
                    ),
                )]);
            }
            return Err(errors
                .iter()
                .map(|error| {
                    let (message, help) = parse_error(&error.kind);
                    Mistake {
                        offset: at(error.pos.start),
                        message,
                        help: Some(help.to_owned()),
                        unknown: None,
                    }
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
    let mut reader = Reader {
        template,
        fields,
        names: fields.iter().map(|f| f.name.value.as_str()).collect(),
        placeables: placeable_offsets(template),
        next: 0,
        mistakes: Vec::new(),
    };
    let pieces = reader.elements(elements, None);
    if reader.mistakes.is_empty() {
        Ok(pieces)
    } else {
        Err(reader.mistakes)
    }
}

/// What to say of an error of Fluent's parser, and the help: the
/// selects' own rules in our words, anything else as the parser says it.
fn parse_error(kind: &ErrorKind) -> (String, &'static str) {
    match kind {
        ErrorKind::MissingDefaultVariant => (
            "a select has no default form".to_owned(),
            "mark the form chosen when no key matches with `*`, as in `*[other] …`",
        ),
        ErrorKind::MultipleDefaultVariants => (
            "a select has more than one default form".to_owned(),
            "keep the `*` on one form only",
        ),
        other => {
            let said = other.to_string();
            let mut chars = said.chars();
            let said = chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            });
            (
                format!("the template is not a Fluent pattern: {said}"),
                "write `{ $name }` for a field and `{ \"{\" }` for a brace",
            )
        }
    }
}

/// Reads a template's pattern into pieces, noting its mistakes.
struct Reader<'t> {
    template: &'t str,
    fields: &'t [CheckedField],
    /// The fields' names, which placeables name.
    names: Vec<&'t str>,
    /// Where each top-level placeable starts.
    placeables: Vec<usize>,
    /// The next top-level placeable.
    next: usize,
    mistakes: Vec<Mistake>,
}

impl Reader<'_> {
    /// The pieces of `elements`: the template's own, or with `within`, a
    /// select's form, whose placeables are located at the select's.
    fn elements(
        &mut self,
        elements: &[PatternElement<&str>],
        within: Option<usize>,
    ) -> Vec<TemplatePiece> {
        let mut pieces = Vec::with_capacity(elements.len());
        for element in elements {
            match element {
                PatternElement::TextElement { value } => push_text(&mut pieces, value),
                PatternElement::Placeable { expression } => {
                    let offset = within.unwrap_or_else(|| {
                        let offset = self.placeables.get(self.next).copied().unwrap_or(0);
                        self.next += 1;
                        offset
                    });
                    match self.expression(expression, offset) {
                        Ok(TemplatePiece::Text(text)) => push_text(&mut pieces, &text),
                        Ok(piece) => pieces.push(piece),
                        Err(error) => self.mistakes.push(error),
                    }
                }
            }
        }
        pieces
    }

    fn expression(
        &mut self,
        expression: &Expression<&str>,
        offset: usize,
    ) -> Result<TemplatePiece, Mistake> {
        match expression {
            Expression::Inline(inline) => self.inline(inline, offset),
            Expression::Select { selector, variants } => self.select(selector, variants, offset),
        }
    }

    fn inline(
        &mut self,
        inline: &InlineExpression<&str>,
        offset: usize,
    ) -> Result<TemplatePiece, Mistake> {
        match inline {
            InlineExpression::Placeable { expression } => self.expression(expression, offset),
            inline => inline_piece(inline, &self.names, self.template, offset),
        }
    }

    /// A choice between forms by a field's value: a number's by its value
    /// (`[0]`) or its plural category, an `enum`'s by its values, any
    /// other's by its text.
    fn select(
        &mut self,
        selector: &InlineExpression<&str>,
        variants: &[Variant<&str>],
        offset: usize,
    ) -> Result<TemplatePiece, Mistake> {
        let InlineExpression::VariableReference { id } = selector else {
            return Err(mistake(
                offset,
                "a select chooses by a field: `{ $name ->`",
                Some("write the field that chooses the form before `->`"),
            ));
        };
        let TemplatePiece::Field(field) =
            inline_piece(selector, &self.names, self.template, offset)?
        else {
            return Err(mistake(offset, "a select chooses by a field", None));
        };
        let declared = &self.fields[field];
        let mut forms = Vec::with_capacity(variants.len());
        let mut default = 0;
        for (at, variant) in variants.iter().enumerate() {
            let key = match &variant.key {
                VariantKey::Identifier { name } => {
                    if let Err(error) = self.check_key(declared, id.name, name, offset) {
                        self.mistakes.push(error);
                    }
                    (*name).to_owned()
                }
                VariantKey::NumberLiteral { value } => (*value).to_owned(),
            };
            if variant.default {
                default = at;
            }
            let pieces = self.elements(&variant.value.elements, Some(offset));
            forms.push((key, pieces));
        }
        Ok(TemplatePiece::Select {
            field,
            forms,
            default,
        })
    }

    /// Whether `key` can match the values of `field`, by
    /// [`key_problem`](crate::translations::key_problem).
    fn check_key(
        &self,
        field: &CheckedField,
        name: &str,
        key: &str,
        offset: usize,
    ) -> Result<(), Mistake> {
        let Some((message, help)) = crate::translations::key_problem(field, name, key) else {
            return Ok(());
        };
        let at = self.template[offset..]
            .find(&format!("[{key}]"))
            .map_or(offset, |at| offset + at + 1);
        Err(Mistake {
            offset: at,
            message,
            help: Some(help),
            unknown: None,
        })
    }
}

fn mistake(offset: usize, message: &str, help: Option<&str>) -> Mistake {
    Mistake {
        offset,
        message: message.to_owned(),
        help: help.map(str::to_owned),
        unknown: None,
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
                    unknown: Some(id.name.to_owned()),
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
        // Nested placeables are read by `Reader::inline`.
        InlineExpression::Placeable { .. } => Err(mistake(
            offset,
            "the template is not a Fluent pattern",
            None,
        )),
        InlineExpression::MessageReference { id, .. } => {
            // `${sku}`, as other templates write it: the `$` goes inside.
            let dollar = template
                .get(..offset)
                .is_some_and(|before| before.ends_with('$'));
            let help = match (fields.contains(&id.name), dollar) {
                (true, true) => format!(
                    "to place the field `{0}`, write `{{ ${0} }}` in place of `${{{0}}}`",
                    id.name
                ),
                (true, false) => format!("to place the field `{0}`, write `{{ ${0} }}`", id.name),
                (false, _) => "a template names fields as `{ $name }`".to_owned(),
            };
            Err(Mistake {
                offset: if dollar { offset - 1 } else { offset },
                message: format!(
                    "`{}` without `$` names another Fluent message, which templates cannot use",
                    id.name
                ),
                help: Some(help),
                unknown: None,
            })
        }
        InlineExpression::TermReference { id, .. } => Err(Mistake {
            offset,
            message: format!(
                "`-{}` names a Fluent term, which templates cannot use",
                id.name
            ),
            help: Some("write the term's text in the template".to_owned()),
            unknown: None,
        }),
        InlineExpression::FunctionReference { id, .. } => Err(Mistake {
            offset,
            message: format!("the function `{}` is not supported in templates", id.name),
            help: Some("place the field itself: `{ $name }`".to_owned()),
            unknown: None,
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

    fn fields() -> Vec<CheckedField> {
        let mut fields: Vec<CheckedField> = ["field", "min", "max"].map(CheckedField::named).into();
        fields[1].ty.value = "integer".parse().unwrap();
        fields.push(CheckedField {
            ty: crate::model::Located::derived("enum".parse().unwrap()),
            values: ["small", "large"]
                .map(|v| crate::model::Located::derived(v.to_owned()))
                .into(),
            ..CheckedField::named("size")
        });
        fields
    }

    fn pieces(template: &str) -> Vec<TemplatePiece> {
        parse(template, &fields()).unwrap()
    }

    fn mistakes(template: &str) -> Vec<(usize, String)> {
        parse(template, &fields())
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
    fn a_select_chooses_between_forms() {
        use TemplatePiece::{Field, Select, Text};
        assert_eq!(
            pieces(
                "{ $min } { $min ->\n    [one] item\n    [0] nothing\n   *[other] items\n} left"
            ),
            [
                Field(1),
                Text(" ".into()),
                Select {
                    field: 1,
                    forms: vec![
                        ("one".into(), vec![Text("item".into())]),
                        ("0".into(), vec![Text("nothing".into())]),
                        ("other".into(), vec![Text("items".into())]),
                    ],
                    default: 2,
                },
                Text(" left".into()),
            ]
        );
        // Forms place fields, and choose again.
        assert_eq!(
            pieces("{ $size ->\n  [small] { $field }\n *[other] { $min ->\n    *[other] x\n  }\n}"),
            [Select {
                field: 3,
                forms: vec![
                    ("small".into(), vec![Field(0)]),
                    (
                        "other".into(),
                        vec![Select {
                            field: 1,
                            forms: vec![("other".into(), vec![Text("x".into())])],
                            default: 0,
                        }]
                    ),
                ],
                default: 1,
            }]
        );
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
            mistakes("ok ${field}")[0],
            (
                3,
                "`field` without `$` names another Fluent message, which templates cannot use"
                    .into()
            )
        );
        let help = parse("ok ${field}", &fields()).unwrap_err()[0].help.clone();
        assert_eq!(
            help.as_deref(),
            Some("to place the field `field`, write `{ $field }` in place of `${field}`")
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
            mistakes("x { $min -> [one] a *[other] b }")[0],
            (9, "a select's forms go on lines of their own".into())
        );
        assert_eq!(
            mistakes("x { $min ->\n  [one] a\n  [lots] b\n *[other] c\n}"),
            [(
                25,
                "`lots` is not a plural category, by which `$min` chooses".into()
            )]
        );
        assert_eq!(
            mistakes("{ $size ->\n  [huge] a\n *[small] b\n}")[0],
            (14, "`huge` is not a value of `$size`".into())
        );
        assert_eq!(
            mistakes("{ $mni ->\n *[other] b\n}")[0].1,
            "the template names `$mni`, which is not a field of the code"
        );
        assert_eq!(
            mistakes("{ NUMBER($min) }")[0].1,
            "the function `NUMBER` is not supported in templates"
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
        // A select's own rules, in the catalog's words.
        assert_eq!(
            mistakes("{ $min ->\n  [one] a\n  [other] b\n}")[0].1,
            "a select has no default form"
        );
        assert_eq!(
            mistakes("{ $min ->\n *[one] a\n *[other] b\n}")[0].1,
            "a select has more than one default form"
        );
        assert_eq!(mistakes("a\n.b")[0].0, 2);
        let two = mistakes("{ $a } and { $b }");
        assert_eq!(two.iter().map(|m| m.0).collect::<Vec<_>>(), [2, 13]);
    }
}
