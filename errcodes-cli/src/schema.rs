//! `errcodes schema`: the JSON Schemas of catalogs (for editors) and of
//! the JSON export (for other stacks), built from the declarations of the
//! keys ([`errcodes_codegen::keys`]), so that a key declared once is in
//! both. `specs/catalog.schema.json` and `specs/export.schema.json` are
//! this command's output; a test holds them to it.

use std::process::ExitCode;

use clap::ValueEnum;
use errcodes_codegen::keys::{self, Key, Kind};
use errcodes_codegen::{Lint, classes};
use errcodes_runtime::GrpcCode;
use errcodes_runtime::wire::SchemaParts;
use serde_json::{Map, Value, json};

use crate::{Exit, Io};

/// The version of the JSON export's shape.
pub(crate) const EXPORT_VERSION: u32 = 2;

/// Prints the JSON Schema of catalogs, for editors, or of what `errcodes
/// export --format json` writes.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  errcodes schema catalog > catalog.schema.json   # then: # yaml-language-server: $schema=./catalog.schema.json
  errcodes schema export > export.schema.json")]
pub struct Args {
    /// Which schema.
    #[arg(value_enum)]
    pub of: Schema,
}

/// Which schema `errcodes schema` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Schema {
    /// Of a catalog, as written.
    Catalog,
    /// Of the JSON export.
    Export,
}

/// Runs `errcodes schema`.
///
/// # Errors
///
/// When the output cannot be written.
pub fn run(args: &Args, io: &mut Io<'_>) -> Exit {
    let schema = match args.of {
        Schema::Catalog => catalog(),
        Schema::Export => export(),
    };
    writeln!(io.out, "{}", text(&schema))?;
    Ok(ExitCode::SUCCESS)
}

/// A schema as the committed files have it: two spaces a level.
#[must_use]
pub fn text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default()
}

/// The schema of a catalog.
#[must_use]
pub fn catalog() -> Value {
    let mut top = object(
        "An API's error catalog, which errcodes compiles into a Rust enum and exports for other readers. specs/FORMAT.md describes every key. Codes, domain ids and domain references that YAML 1.1 readers take for numbers, booleans, null or dates must be quoted; the errcodes checks say so, this schema cannot.",
        keys::catalog::ALL,
    );
    top["properties"]["defaults"] = merge(
        top["properties"]["defaults"].take(),
        object_of(keys::code::DEFAULTS),
    );
    let breaks = classes::breaking_ids();
    let allowed: Vec<&str> = Lint::NAMES.iter().chain(&breaks).copied().collect();
    let lints: Vec<String> = Lint::ALL
        .iter()
        .map(|lint| format!("`{lint}` ({})", lint.summary()))
        .collect();
    let defs = json!({
        "codeFormat": {
            "description": "A case name, or a template with `N` for a digit and `SSS` for the HTTP status.",
            "type": "string",
            "pattern": "^(snake_case|SCREAMING_SNAKE_CASE|kebab-case|UpperCamelCase|[^S]*SSS[^S]*|[^S]*N[^S]*)$",
            "examples": ["NNNN-SSS", "snake_case"],
        },
        "grpcCode": {
            "description": "A canonical gRPC status code, as `google.rpc.Code` spells it.",
            "type": "string",
            "enum": GrpcCode::SPELLINGS,
        },
        "allowed": {
            "description": format!(
                "A lint's name: {}; or the class of a breaking change that the lock is to accept (see specs/FORMAT.md).",
                lints.join(", ")
            ),
            "type": "string",
            "enum": allowed,
        },
        "domain": merge(
            json!({"description": "A domain with its title, and perhaps a description."}),
            object_of(keys::domain::ALL),
        ),
        "code": merge(json!({"description": "One error code."}), object_of(keys::code::ALL)),
        "fieldType": merge(
            json!({"description": keys::field::TYPE.doc}),
            written(&keys::field::TYPE),
        ),
        "field": merge(
            json!({"description": "A field: its type, and what more is known of it."}),
            object_of(keys::field::ALL),
        ),
    });
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "errcodes catalog",
    });
    if let (Value::Object(schema), Value::Object(top)) = (&mut schema, top) {
        schema.extend(top);
    }
    schema["$defs"] = defs;
    schema
}

/// A mapping of `keys`, with its description.
fn object(description: &str, keys: &[&Key]) -> Value {
    merge(json!({"description": description}), object_of(keys))
}

/// The schema of a mapping of `keys`: no other key, the required ones.
fn object_of(keys: &[&Key]) -> Value {
    let required: Vec<&str> = keys
        .iter()
        .filter(|key| !key.is_optional())
        .map(|key| key.name)
        .collect();
    let properties: Map<String, Value> = keys
        .iter()
        .map(|key| (key.name.to_owned(), written(key)))
        .collect();
    let mut schema = json!({"type": "object", "additionalProperties": false});
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema["properties"] = Value::Object(properties);
    schema
}

/// The schema of a key's value as a catalog writes it.
fn written(key: &Key) -> Value {
    let kind = match key.kind {
        Kind::Text | Kind::Identifier => json!({"type": "string"}),
        Kind::Name => json!({"type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$"}),
        Kind::Number => json!({"type": "integer"}),
        Kind::Word(words) => json!({"type": "string", "enum": words}),
        Kind::Flag => json!({"type": "boolean"}),
        Kind::Texts | Kind::Value | Kind::Structure => json!({}),
    };
    merge(merge(json!({"description": key.doc}), kind), fragment(key))
}

/// The constraints and examples a key's declaration adds.
fn fragment(key: &Key) -> Value {
    serde_json::from_str(key.schema).unwrap_or_else(|error| {
        panic!(
            "the schema of `{}` in errcodes-codegen's keys.rs is not JSON: {error}",
            key.name
        )
    })
}

/// `base` with the members of `more`, which win.
fn merge(mut base: Value, more: Value) -> Value {
    if let (Value::Object(base), Value::Object(more)) = (&mut base, more) {
        base.extend(more);
    }
    base
}

/// The schema of the JSON export.
#[must_use]
pub fn export() -> Value {
    let catalog = exported(
        "A checked catalog.",
        keys::catalog::ALL,
        json!({
            "path": {"description": "The catalog's file, as given.", "type": "string"},
            "source": {
                "description": "Where the export came from: the catalog, and its lock when it has one, so that a client can tell its copy is older than a server's.",
                "type": "object",
                "required": ["catalog", "name", "lock", "lock-digest"],
                "properties": {
                    "catalog": {"description": "The catalog's file, as given.", "type": "string"},
                    "name": {"description": "The enum's name.", "type": "string"},
                    "lock": {"description": "The catalog's lock, or null when it has none.", "type": ["string", "null"]},
                    "lock-digest": {
                        "description": "A digest of the lock's text (`fnv1a-64:` and 16 hex digits): it changes whenever the lock does.",
                        "type": ["string", "null"],
                        "pattern": "^fnv1a-64:[0-9a-f]{16}$",
                    },
                },
            },
        }),
        json!({
            "domains": {"description": "The declared domains, in the catalog's order.", "type": "array", "items": {"$ref": "#/$defs/domain"}},
            "codes": {"description": "The codes, in the catalog's order.", "type": "array", "items": {"$ref": "#/$defs/code"}},
        }),
    );
    let domain = exported(
        "A domain.",
        keys::domain::ALL,
        json!({"id": {"description": "Its id, which codes name.", "type": "string"}}),
        json!({}),
    );
    let code = exported(
        "A code, with every classification decided.",
        keys::code::ALL,
        json!({}),
        json!({"guidance": {
            "description": "What a client does about the code, decided from its action and outcome by the rule the Rust client's retry advice follows.",
            "type": "object",
            "required": ["resend", "text"],
            "properties": {
                "resend": {
                    "description": "Whether to send the same request again: after the delay the response gives, backing off, or not. Only a failure is sent again.",
                    "anyOf": [{"enum": ["after-delay", "backoff", "no"]}, {"type": "string"}],
                },
                "text": {"description": "What to do, in words, as the reference pages say it.", "type": "string"},
            },
        },
        "translations": {
            "description": "The code's texts in each language of the catalog's `locales`, by language tag. A text a translation leaves out is null: the catalog's own is shown instead.",
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["title", "description", "resolution", "message"],
                "properties": {
                    "title": {"type": ["string", "null"]},
                    "description": {"type": ["string", "null"]},
                    "resolution": {"type": ["string", "null"]},
                    "message": {
                        "description": "The message template, as the value of a Fluent message: `{ $field }` places a field, and a select expression chooses a form by a field's value or its CLDR plural category.",
                        "type": ["string", "null"],
                    },
                },
            },
        }}),
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "errcodes export",
        "description": "What `errcodes export --format json` writes: the checked catalogs, every key present with its default applied (null where a catalog leaves an optional key out). Keys are those of the catalog format. Later versions of errcodes may add keys and words to the vocabularies: this schema accepts them, and lists the ones it knows.",
        "type": "object",
        "required": ["errcodes-export", "catalogs"],
        "properties": {
            "errcodes-export": {
                "description": "The version of this shape: 2 adds `source` and `help-url`, and opens the vocabularies.",
                "const": EXPORT_VERSION,
            },
            "catalogs": {
                "description": "One entry per catalog, in the order given.",
                "type": "array",
                "items": {"$ref": "#/$defs/catalog"},
            },
        },
        "$defs": {"catalog": catalog, "domain": domain, "code": code},
    })
}

/// The schema of an exported mapping: `before`, the keys readers see,
/// then `after`; every one present.
fn exported(description: &str, keys: &[&Key], before: Value, after: Value) -> Value {
    let mut properties = match before {
        Value::Object(members) => members,
        _ => Map::new(),
    };
    for key in keys.iter().filter(|key| key.reach >= keys::Reach::Readers) {
        if key.kind != Kind::Structure {
            properties.insert(key.name.to_owned(), export_value(key));
        }
    }
    if let Value::Object(members) = after {
        properties.extend(members);
    }
    let required: Vec<&String> = properties.keys().collect();
    json!({
        "description": description,
        "type": "object",
        "required": required,
        "properties": properties,
    })
}

/// The schema of a key's value in the export: its defaults applied, null
/// where an optional key without a default is left out, and its
/// vocabulary open to words a later release adds.
fn export_value(key: &Key) -> Value {
    let nullable = key.is_optional() && !key.defaulted;
    let mut schema = match key.kind {
        Kind::Word(words) => {
            let mut open = SchemaParts::open_enum(words);
            if let (true, Some(any)) = (nullable, open["anyOf"].as_array_mut()) {
                any.push(json!({"type": "null"}));
            }
            open
        }
        Kind::Texts => json!({"type": "array", "items": {"type": "string"}}),
        Kind::Number => {
            json!({"type": if nullable { json!(["integer", "null"]) } else { json!("integer") }})
        }
        Kind::Name => json!({"type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$"}),
        Kind::Flag => json!({"type": "boolean"}),
        Kind::Value => json!({}),
        Kind::Text | Kind::Identifier | Kind::Structure => {
            json!({"type": if nullable { json!(["string", "null"]) } else { json!("string") }})
        }
    };
    if !matches!(key.kind, Kind::Word(_) | Kind::Texts) {
        let mut constraints = fragment(key);
        if let Some(constraints) = constraints.as_object_mut() {
            constraints.remove("examples");
            constraints.remove("type");
        }
        schema = merge(schema, constraints);
    }
    schema["description"] = json!(key.doc);
    schema
}
