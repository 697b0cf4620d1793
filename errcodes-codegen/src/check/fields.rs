//! The rules of fields and message templates: a field's name is an
//! identifier that the code's wire format does not use for a member of its
//! own, its type is known, its example has that type, a code lists a field
//! once, and a template names only the code's fields and reads as Fluent.

use errcodes_core::fields::{FieldKind, FieldType};
use errcodes_core::render::google::parse_duration;
use errcodes_core::render::own_members;
use errcodes_core::{Timestamp, WireFormat};

use crate::diagnostic::{Diagnostic, Errors, Location, closest, list};
use crate::fields::{CheckedField, CheckedTemplate, Example};
use crate::keys;
use crate::model::{CheckedCatalog, Located, Provenance};
use crate::source::Source;
use crate::spec::{Mapping, WrittenText, text};
use crate::template;
use crate::yaml::{Node, Value};

/// The longest field name: AIP-193's longest metadata key.
const MAX_NAME: usize = 64;

/// Rust words a field cannot be named, even as a raw identifier.
const NOT_RAW: [&str; 5] = ["self", "Self", "super", "crate", "_"];

/// Reads the catalog's shared `fields`.
pub(crate) fn check_shared(node: &Node, errors: &mut Errors) -> Vec<CheckedField> {
    let Some(entries) = entries(node, "the catalog's `fields`", errors) else {
        return Vec::new();
    };
    let mut fields: Vec<CheckedField> = Vec::with_capacity(entries.len());
    for (name, value) in entries {
        if !check_name(&name, errors) || is_repeated(&name, &fields, errors) {
            continue;
        }
        if value.value == Value::Null {
            errors.push(
                Diagnostic::new(
                    format!("shared field `{}` has no type", name.value),
                    name.at,
                )
                .help(format!("give it one, as in `{}: string`", name.value)),
            );
            continue;
        }
        if let Some(mut field) = definition(&name, value, None, errors) {
            field.shared = true;
            fields.push(field);
        }
    }
    fields
}

/// Reads a code's `fields`, which may name the catalog's `shared` ones;
/// the code is sent in `format`. Gives the fields, and the names of those
/// refused, whose mistakes are reported: a template that names one is not
/// also told the field does not exist.
pub(crate) fn check_code_fields(
    node: &Node,
    shared: &[CheckedField],
    format: WireFormat,
    errors: &mut Errors,
) -> (Vec<CheckedField>, Vec<String>) {
    let Some(entries) = entries(node, "`fields`", errors) else {
        return (Vec::new(), Vec::new());
    };
    let mut fields: Vec<CheckedField> = Vec::with_capacity(entries.len());
    let mut refused = Vec::new();
    for (name, value) in entries {
        if !check_name(&name, errors)
            || is_repeated(&name, &fields, errors)
            || !check_member(&name, format, errors)
        {
            refused.push(name.value);
            continue;
        }
        let common = shared.iter().find(|field| field.name.value == name.value);
        let field = match (&value.value, common) {
            (Value::Null, Some(common)) => Some(CheckedField {
                name: Located::written(name.value.clone(), name.at),
                ..common.clone()
            }),
            (Value::Null, None) => {
                let names: Vec<&str> = shared.iter().map(|f| f.name.value.as_str()).collect();
                let help = match closest(&name.value, &names) {
                    Some(near) => format!("did you mean the shared field `{near}`?"),
                    None => format!(
                        "give it a type, as in `{}: string`, or define it under the catalog's `fields`",
                        name.value
                    ),
                };
                errors.push(
                    Diagnostic::new(
                        format!(
                            "field `{}` has no type, and no shared field has its name",
                            name.value
                        ),
                        name.at,
                    )
                    .help(help),
                );
                None
            }
            (_, common) => definition(&name, value, common, errors),
        };
        match field {
            Some(field) => fields.push(field),
            None => refused.push(name.value),
        }
    }
    (fields, refused)
}

/// The entries of a `fields` mapping: each name, as written, and value.
fn entries<'n>(
    node: &'n Node,
    what: &str,
    errors: &mut Errors,
) -> Option<Vec<(WrittenText, &'n Node)>> {
    match &node.value {
        Value::Map(pairs) => Some(
            pairs
                .iter()
                .filter_map(|(key, value)| Some((text(key, "a field name", errors)?, value)))
                .collect(),
        ),
        Value::Null => None,
        other => {
            errors.push(
                Diagnostic::new(
                    format!(
                        "{what} must be a mapping of field names to types, found {}",
                        other.kind()
                    ),
                    node.at,
                )
                .help("write one field a line, as in `segment_id: string`"),
            );
            None
        }
    }
}

/// A field name must be an identifier, short enough to be a metadata key,
/// and a name Rust lets a field have.
fn check_name(name: &WrittenText, errors: &mut Errors) -> bool {
    let value = &name.value;
    let identifier = value.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let field = CheckedField::named(value);
    let problem = if !identifier {
        Some("is not an identifier: letters, digits and `_`, not starting with a digit")
    } else if value.len() > MAX_NAME {
        Some("is longer than 64 characters, the longest metadata key")
    } else if NOT_RAW.contains(&field.rust_name().as_str()) {
        Some("cannot name a Rust field")
    } else if field.key().len() < 2 {
        Some("is shorter than the two letters a metadata key needs")
    } else {
        None
    };
    match problem {
        Some(problem) => {
            errors.push(
                Diagnostic::new(format!("field name `{value}` {problem}"), name.at)
                    .help("name fields like `segment_id` or `providedValue`"),
            );
            false
        }
        None => true,
    }
}

/// Whether `name`, or its Rust name or metadata key, is already among
/// `fields`; reported when it is.
fn is_repeated(name: &WrittenText, fields: &[CheckedField], errors: &mut Errors) -> bool {
    let new = CheckedField::named(&name.value);
    let Some(first) = fields.iter().find(|field| {
        field.name.value == name.value
            || field.rust_name() == new.rust_name()
            || field.key() == new.key()
    }) else {
        return false;
    };
    let message = if first.name.value == name.value {
        format!("field `{}` is listed twice", name.value)
    } else {
        format!(
            "fields `{}` and `{}` would have the same name in Rust or in gRPC metadata",
            first.name.value, name.value
        )
    };
    let mut diagnostic = Diagnostic::new(message, name.at).help("keep one of them, or rename one");
    if let Some(at) = first.name.at() {
        diagnostic = diagnostic.note_at(
            crate::diagnostic::Document::Catalog,
            at,
            "the first is here",
        );
    }
    errors.push(diagnostic);
    true
}

/// A field may not take the name of a member its code's wire format writes
/// beside it: one of the two would be lost.
fn check_member(name: &WrittenText, format: WireFormat, errors: &mut Errors) -> bool {
    if !own_members(format).contains(&name.value.as_str()) {
        return true;
    }
    errors.push(
        Diagnostic::new(
            format!(
                "field `{}` has the name of a member that the `{format}` wire format writes itself",
                name.value
            ),
            name.at,
        )
        .help(format!(
            "rename the field; `{format}` writes {} beside the fields",
            list(own_members(format))
        )),
    );
    false
}

/// A field's definition: a type alone, or a mapping; `common` is the shared
/// field of the same name, whose description, example and presence the
/// code may change.
fn definition(
    name: &WrittenText,
    value: &Node,
    common: Option<&CheckedField>,
    errors: &mut Errors,
) -> Option<CheckedField> {
    let what = format!("field `{}`", name.value);
    if let Value::Str { .. } = value.value {
        if common.is_some() {
            errors.push(shared_redefined(name, value.at));
            return None;
        }
        let written = text(value, "a field's type", errors)?;
        let ty = check_type(&written, errors)?;
        if ty.kind == FieldKind::OneOf {
            errors.push(
                Diagnostic::new(format!("{what} is an enum, but has no `values`"), value.at).help(
                    format!("write `{}: {{type: {ty}, values: [a, b]}}`", name.value),
                ),
            );
            return None;
        }
        return Some(CheckedField {
            ty: Located::written(ty, written.at),
            ..CheckedField::named_at(name)
        });
    }
    let mapping = Mapping::read(value, &what, keys::field::ALL, errors)?;
    let written_type = mapping.text(&keys::field::TYPE, errors);
    let written_values = mapping
        .get(&keys::field::VALUES)
        .map(|_| mapping.texts(&keys::field::VALUES, errors));
    let mut field = if let Some(common) = common {
        if let Some(at) = written_type
            .as_ref()
            .map(|ty| ty.at)
            .or_else(|| mapping.get(&keys::field::VALUES).map(|node| node.at))
        {
            errors.push(shared_redefined(name, at));
            return None;
        }
        CheckedField {
            name: Located::written(name.value.clone(), name.at),
            ..common.clone()
        }
    } else {
        mapping.require(keys::field::ALL, || what.clone(), errors);
        let written_type = written_type?;
        let ty = check_type(&written_type, errors)?;
        let values = check_values(
            ty,
            written_values.unwrap_or_default(),
            &what,
            mapping.at,
            errors,
        )?;
        CheckedField {
            ty: Located::written(ty, written_type.at),
            values,
            ..CheckedField::named_at(name)
        }
    };
    if let Some((optional, at)) = mapping.flag(&keys::field::OPTIONAL, errors) {
        field.optional = Located::written(optional, at);
    }
    if let Some(description) = mapping.text(&keys::field::DESCRIPTION, errors) {
        field.description = Some(Located::written(description.value, description.at));
    }
    if let Some(node) = mapping.get(&keys::field::EXAMPLE) {
        field.example =
            check_example(node, &field, errors).map(|example| Located::written(example, node.at));
    }
    Some(field)
}

fn shared_redefined(name: &WrittenText, at: Location) -> Diagnostic {
    Diagnostic::new(
        format!("`{}` is a shared field; a code cannot change its type or values", name.value),
        at,
    )
    .help(format!(
        "write `{}:` with no value to carry the shared field, or give only its `description`, `example` or `optional`",
        name.value
    ))
}

/// The field type that another language or schema's name for a type
/// means, for the help of a catalog that uses one.
fn type_named_elsewhere(name: &str) -> Option<&'static str> {
    if let Some(item) = name.strip_prefix("list of ") {
        let item = type_named_elsewhere(item).filter(|item| !item.starts_with("list"))?;
        return FieldType::SPELLINGS
            .iter()
            .find(|spelling| spelling.strip_prefix("list of ") == Some(item))
            .copied();
    }
    Some(match name.to_ascii_lowercase().as_str() {
        "int" | "i32" | "i64" | "u32" | "u64" | "long" | "int64" | "int32" => "integer",
        "str" | "text" | "char" => "string",
        "bool" => "boolean",
        "float" | "double" | "decimal" | "f64" | "f32" => "number",
        "datetime" | "date-time" | "date" | "instant" => "timestamp",
        "url" => "uri",
        "interval" | "period" => "duration",
        "object" | "json" | "map" | "value" => "any",
        "array" | "list" | "vec" => "list of string",
        _ => return None,
    })
}

fn check_type(written: &WrittenText, errors: &mut Errors) -> Option<FieldType> {
    match written.value.parse::<FieldType>() {
        Ok(ty) => Some(ty),
        Err(unknown) => {
            // A name from elsewhere first: `list of int` is nearer, by
            // letters, to `list of any` than to `list of integer`.
            let near = type_named_elsewhere(&written.value)
                .or_else(|| closest(&written.value, &FieldType::SPELLINGS));
            let help = match near {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the types are {}", list(&FieldType::SPELLINGS)),
            };
            errors.push(
                Diagnostic::new(
                    format!("`{}` is not a {}", written.value, unknown.kind()),
                    written.at,
                )
                .help(help),
            );
            None
        }
    }
}

/// An `enum` field's values: at least one, each once, no control
/// characters; other types have none.
fn check_values(
    ty: FieldType,
    written: Vec<WrittenText>,
    what: &str,
    at: Location,
    errors: &mut Errors,
) -> Option<Vec<Located<String>>> {
    if ty.kind != FieldKind::OneOf {
        if let Some(first) = written.first() {
            errors.push(
                Diagnostic::new(
                    format!("{what} is not an enum, so it takes no `values`"),
                    first.at,
                )
                .help("remove `values`, or make it `type: enum`"),
            );
            return None;
        }
        return Some(Vec::new());
    }
    if written.is_empty() {
        errors.push(
            Diagnostic::new(format!("{what} is an enum, but has no `values`"), at)
                .help("list its values, as in `values: [cpm, revenue_share]`"),
        );
        return None;
    }
    let mut values: Vec<Located<String>> = Vec::with_capacity(written.len());
    let mut fine = true;
    for value in written {
        let variant = crate::names::value_variant(&value.value);
        let same_variant = values
            .iter()
            .find(|v| crate::names::value_variant(&v.value) == variant);
        let problem = if value.value.is_empty() {
            Some("is empty".to_owned())
        } else if value.value.chars().any(char::is_control) {
            Some("has a control character".to_owned())
        } else if values.iter().any(|v| v.value == value.value) {
            Some("is listed twice".to_owned())
        } else if variant.is_empty() {
            Some("has no ASCII letter or digit to name its Rust variant".to_owned())
        } else {
            same_variant.map(|other| {
                format!(
                    "would have the Rust variant `{variant}`, as `{}` has",
                    other.value
                )
            })
        };
        if let Some(problem) = problem {
            errors.push(Diagnostic::new(
                format!("the value `{}` {problem}", value.value.escape_debug()),
                value.at,
            ));
            fine = false;
            continue;
        }
        values.push(Located::written(value.value, value.at));
    }
    fine.then_some(values)
}

/// An example of `field`'s type, as JSON.
fn check_example(node: &Node, field: &CheckedField, errors: &mut Errors) -> Option<Example> {
    let ty = field.ty.value;
    let result = if ty.list {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .map(|item| one(item, ty.kind, field))
                .collect::<Result<Vec<_>, _>>()
                .map(Example::List),
            other => Err(format!("is {}, not a list", other.kind())),
        }
    } else {
        one(node, ty.kind, field)
    };
    match result {
        Ok(example) => Some(example),
        Err(problem) => {
            errors.push(
                Diagnostic::new(
                    format!("the example of field `{}` {problem}", field.name.value),
                    node.at,
                )
                .help(format!("give an example of type `{ty}`")),
            );
            None
        }
    }
}

/// One value of `kind`, or why the node is not one.
fn one(node: &Node, kind: FieldKind, field: &CheckedField) -> Result<Example, String> {
    let text = match &node.value {
        Value::Str { text, .. } => Some(text.as_str()),
        _ => None,
    };
    let wrong = || format!("is {}, not {}", node.value.kind(), article(kind));
    match (kind, &node.value) {
        (FieldKind::Any, _) => any(node),
        (FieldKind::String, Value::Str { text, .. }) => Ok(Example::Text(text.clone())),
        (FieldKind::Integer, Value::Int(value)) => i64::try_from(*value)
            .map(|value| Example::Number(value.to_string()))
            .map_err(|_| "is outside the integers of 64 bits".to_owned()),
        (FieldKind::Number, Value::Int(value)) => Ok(Example::Number(value.to_string())),
        (FieldKind::Number, Value::Float(value)) if value.is_finite() => {
            Ok(Example::Number(format!("{value:?}")))
        }
        (FieldKind::Boolean, Value::Bool(value)) => Ok(Example::Bool(*value)),
        (FieldKind::Timestamp, _) => {
            let text = text.ok_or_else(wrong)?;
            text.parse::<Timestamp>()
                .map(|_| Example::Text(text.to_owned()))
                .map_err(|error| format!("is {error}"))
        }
        (FieldKind::Duration, _) => {
            let text = text.ok_or_else(wrong)?;
            parse_duration(text)
                .map(|_| Example::Text(text.to_owned()))
                .ok_or_else(|| {
                    "is not a duration in seconds with an `s`, as in `\"1.5s\"`".to_owned()
                })
        }
        (FieldKind::Uri, _) => {
            let text = text.ok_or_else(wrong)?;
            if errcodes_core::fields::is_absolute_uri(text) {
                Ok(Example::Text(text.to_owned()))
            } else {
                Err("is not an absolute URI".to_owned())
            }
        }
        (FieldKind::OneOf, _) => {
            let text = text.ok_or_else(wrong)?;
            if field.values.iter().any(|value| value.value == text) {
                Ok(Example::Text(text.to_owned()))
            } else {
                let values: Vec<&str> = field.values.iter().map(|v| v.value.as_str()).collect();
                Err(format!("is not one of its values, {}", list(&values)))
            }
        }
        _ => Err(wrong()),
    }
}

/// Any YAML value, as JSON: mappings need string keys.
fn any(node: &Node) -> Result<Example, String> {
    Ok(match &node.value {
        Value::Null => Example::Null,
        Value::Bool(value) => Example::Bool(*value),
        Value::Int(value) => Example::Number(value.to_string()),
        Value::Float(value) if value.is_finite() => Example::Number(format!("{value:?}")),
        Value::Float(_) => return Err("is not a number JSON can write".to_owned()),
        Value::Str { text, .. } => Example::Text(text.clone()),
        Value::Seq(items) => Example::List(items.iter().map(any).collect::<Result<_, _>>()?),
        Value::Map(pairs) => Example::Object(
            pairs
                .iter()
                .map(|(key, value)| match &key.value {
                    Value::Str { text, .. } => Ok((text.clone(), any(value)?)),
                    other => Err(format!(
                        "has a key that is {}, which JSON cannot have",
                        other.kind()
                    )),
                })
                .collect::<Result<_, _>>()?,
        ),
    })
}

fn article(kind: FieldKind) -> String {
    match kind {
        FieldKind::Integer | FieldKind::Any => format!("an {kind}"),
        FieldKind::OneOf => "one of the values".to_owned(),
        _ => format!("a {kind}"),
    }
}

/// Reads a code's `message` template, which may name `fields`; a name of
/// `refused`, a field reported already, is not reported again.
pub(crate) fn check_message(
    written: &WrittenText,
    fields: &[CheckedField],
    refused: &[String],
    source: &Source<'_>,
    errors: &mut Errors,
) -> Option<CheckedTemplate> {
    let at = |offset: usize| source.within(written.at, &written.value, offset);
    if let Some(offset) = written
        .value
        .find(|c: char| c.is_control() && c != '\n' && c != '\t')
    {
        errors.push(
            Diagnostic::new("the template has a control character", at(offset))
                .help("only line breaks and tabs may be written in a template"),
        );
        return None;
    }
    match template::parse(&written.value, fields) {
        Ok(pieces) => Some(CheckedTemplate {
            written: Located {
                value: written.value.clone(),
                from: Provenance::Written(written.at),
            },
            pieces,
        }),
        Err(mistakes) => {
            let reported = |mistake: &template::Mistake| {
                (mistake.unknown.as_ref()).is_some_and(|name| refused.contains(name))
            };
            for mistake in mistakes.into_iter().filter(|mistake| !reported(mistake)) {
                let mut diagnostic = Diagnostic::new(mistake.message, at(mistake.offset));
                if let Some(help) = mistake.help {
                    diagnostic = diagnostic.help(help);
                }
                errors.push(diagnostic);
            }
            None
        }
    }
}

/// Refuses two types of the fields module with one name: a code's struct,
/// named like its variant, and an enum field's enum, named after its code
/// (or, shared, after the field alone). A field refused this way is left
/// out, so that the code generated beside the error compiles.
pub(crate) fn check_type_names(catalog: &mut CheckedCatalog, errors: &mut Errors) {
    let mut taken: Vec<(String, String)> = catalog
        .codes
        .iter()
        .filter(|code| !code.fields.is_empty())
        .map(|code| {
            (
                code.name.value.clone(),
                format!("the struct of code `{}`", code.code.value),
            )
        })
        .collect();
    let mut shared_seen: Vec<String> = Vec::new();
    for code in catalog
        .codes
        .iter_mut()
        .filter(|code| !code.fields.is_empty())
    {
        let variant = code.name.value.clone();
        let at = code.code_at();
        code.fields.retain(|field| {
            if field.ty.value.kind != FieldKind::OneOf {
                return true;
            }
            if field.shared {
                if shared_seen.contains(&field.name.value) {
                    return true;
                }
                shared_seen.push(field.name.value.clone());
            }
            let name = field.enum_name(&variant);
            if let Some((_, what)) = taken.iter().find(|(taken, _)| *taken == name) {
                errors.push(
                    Diagnostic::new(
                        format!(
                            "the enum of field `{}` would be named `{name}`, like {what}",
                            field.name.value
                        ),
                        field.name.at().unwrap_or(at),
                    )
                    .help("rename the field, or give the code another `name:`"),
                );
                return false;
            }
            taken.push((name, format!("the enum of field `{}`", field.name.value)));
            true
        });
    }
}
