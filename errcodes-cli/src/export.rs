//! `errcodes export`: the checked catalogs for other stacks, as JSON (every
//! key, defaults applied; `specs/export.schema.json` describes it), as an
//! OpenAPI 3.1 document whose components describe each catalog's error
//! bodies and the responses of each HTTP status, as a TypeScript module,
//! or as a protobuf enum of a catalog's gRPC reasons.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use errcodes_codegen::{CheckedCatalog, CheckedCode, Fact};
use errcodes_runtime::Action;
use errcodes_runtime::wire::{SchemaParts, Shape, schema};
use serde_json::{Map, Value, json};

use crate::load::{self, Loaded};
use crate::schema::EXPORT_VERSION;
use crate::{Exit, Io, facts};

/// Exports catalogs for other languages and tools: the checked catalogs
/// as JSON, or an OpenAPI 3.1 document with each catalog's error bodies
/// and the responses of each HTTP status.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  errcodes export specs/*.yaml --format json > catalogs.json
  errcodes export specs/pass.yaml --format openapi > pass.openapi.json
  errcodes export specs/pass.yaml --format typescript > pass.ts
  errcodes export specs/pass.yaml --format proto > pass_errors.proto

The JSON export follows specs/export.schema.json. Every export lists the
known codes and actions and still accepts ones added later, and names the
catalog and lock it came from.")]
pub struct Args {
    /// The catalogs to export.
    #[arg(required = true, value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
    /// What to write.
    #[arg(long, value_enum)]
    pub format: Target,
    /// The protobuf package of `--format proto`. Default: the catalog's
    /// gRPC domain, reversed, with the version `v1` (`pass.example.com`
    /// gives `com.example.pass.v1`).
    #[arg(long, value_name = "PACKAGE")]
    pub package: Option<String>,
}

/// What `export` writes: the form other stacks read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// The checked catalogs, every key with its default applied.
    Json,
    /// An OpenAPI 3.1 document of components.
    Openapi,
    /// One ES module: each catalog's codes as types and data, and reading
    /// and advising on received errors.
    Typescript,
    /// One catalog's gRPC reasons as a protobuf enum, numbered by its lock.
    Proto,
}

/// Runs `errcodes export`.
///
/// # Errors
///
/// When a catalog cannot be read or has errors, or the output cannot be
/// written.
pub fn run(args: &Args, io: &mut Io<'_>) -> Exit {
    if args.package.is_some() && args.format != Target::Proto {
        return Err("--package is for --format proto".to_owned().into());
    }
    let catalogs = load::checked(&args.specs, io)?;
    let text = match args.format {
        Target::Json => pretty(&json_export(&catalogs))?,
        Target::Openapi => pretty(&openapi(&catalogs)?)?,
        Target::Typescript => crate::typescript::module(&catalogs)?,
        Target::Proto => match catalogs.as_slice() {
            [catalog] => crate::proto::file(catalog, args.package.as_deref(), io)?,
            _ => {
                return Err(
                    "--format proto takes one catalog: each is a protobuf package of its own"
                        .to_owned()
                        .into(),
                );
            }
        },
    };
    writeln!(io.out, "{}", text.trim_end())?;
    Ok(ExitCode::SUCCESS)
}

fn pretty(document: &Value) -> Result<String, String> {
    serde_json::to_string_pretty(document).map_err(|error| error.to_string())
}

/// The catalogs as JSON, with the catalog format's key names.
fn json_export(catalogs: &[Loaded]) -> Value {
    let catalogs: Vec<Value> = catalogs.iter().map(catalog_json).collect();
    json!({"errcodes-export": EXPORT_VERSION, "catalogs": catalogs})
}

/// Where an export came from: the catalog, and its lock when it has one.
fn source(loaded: &Loaded) -> Value {
    let (lock, digest) = loaded
        .lock
        .as_ref()
        .map(|(path, digest)| (path.as_str(), digest.as_str()))
        .unzip();
    json!({
        "catalog": loaded.path,
        "name": loaded.catalog.name.value,
        "lock": lock,
        "lock-digest": digest,
    })
}

fn catalog_json(loaded: &Loaded) -> Value {
    let catalog = &loaded.catalog;
    let mut json = Map::new();
    json.insert("path".to_owned(), json!(loaded.path));
    json.insert("source".to_owned(), source(loaded));
    facts_json(&catalog.facts(), &mut json);
    let domains: Vec<Value> = catalog
        .domains
        .iter()
        .map(|domain| {
            json!({
                "id": domain.id.value,
                "title": domain.title.value,
                "description": domain.description.as_ref().map(|d| &d.value),
            })
        })
        .collect();
    json.insert("domains".to_owned(), Value::Array(domains));
    let codes = catalog.codes.iter().map(|code| code_json(catalog, code));
    json.insert("codes".to_owned(), codes.collect());
    Value::Object(json)
}

/// A code with every key readers see, its defaults applied.
pub(crate) fn code_json(catalog: &CheckedCatalog, code: &CheckedCode) -> Value {
    let mut json = Map::new();
    facts_json(&code.facts(catalog), &mut json);
    json.insert("guidance".to_owned(), facts::guidance_json(code));
    json.insert(
        "translations".to_owned(),
        facts::translations_json(catalog, code),
    );
    Value::Object(json)
}

/// Each fact under its key's name; null where the catalog leaves it out.
fn facts_json(facts: &[Fact<'_>], json: &mut Map<String, Value>) {
    for fact in facts {
        json.insert(fact.key.name.to_owned(), facts::json(fact));
    }
}

/// One code as a client sees it on the wire.
pub(crate) struct Wire<'c> {
    pub(crate) code: &'c CheckedCode,
    pub(crate) shape: Shape,
    pub(crate) media_type: &'static str,
    /// The value that identifies the code in its body.
    pub(crate) value: String,
}

/// Renders `code` as a server would and reads back where its body says
/// which code it is, so that the document cannot disagree with the wire.
pub(crate) fn wire<'c>(
    catalog: &CheckedCatalog,
    code: &'c CheckedCode,
) -> Result<Wire<'c>, String> {
    let rendered = facts::rendered(catalog, code);
    let shape = rendered.shape;
    let value = if shape == Shape::PassXml {
        code.code.value.clone()
    } else {
        let body: Value = serde_json::from_slice(&rendered.body).map_err(|e| e.to_string())?;
        let mut at = &body;
        for member in shape.code_path(catalog.problem_code.value) {
            // A list holds the one error of a rendered body.
            at = match at.get(member) {
                Some(Value::Array(items)) => items.first().unwrap_or(&Value::Null),
                Some(value) => value,
                None => &Value::Null,
            };
        }
        at.as_str()
            .ok_or_else(|| {
                format!(
                    "code `{}`: no code where its body should have it",
                    code.code.value
                )
            })?
            .to_owned()
    };
    Ok(Wire {
        code,
        shape,
        media_type: rendered.content_type,
        value,
    })
}

/// An OpenAPI 3.1 document of components: for each catalog, the schema of
/// its codes, the schema of each body its codes are sent in, and a response
/// for each HTTP status its codes have.
fn openapi(catalogs: &[Loaded]) -> Result<Value, String> {
    let mut schemas = Map::new();
    let mut responses = Map::new();
    for catalog in catalogs {
        let checked = &catalog.catalog;
        let wires = checked
            .codes
            .iter()
            .map(|code| wire(checked, code))
            .collect::<Result<Vec<Wire<'_>>, String>>()?;
        let name = &checked.name.value;
        let code_schema = format!("{name}ReceivedCode");
        schemas.insert(format!("{name}Code"), codes_schema(checked, &catalog.path));
        schemas.insert(code_schema.clone(), received_codes_schema(checked));
        let mut shapes: Vec<Shape> = wires.iter().map(|wire| wire.shape).collect();
        shapes.sort();
        shapes.dedup();
        for shape in shapes {
            let values: Vec<&str> = wires
                .iter()
                .filter(|wire| wire.shape == shape)
                .map(|wire| wire.value.as_str())
                .collect();
            let reference = json!({"$ref": format!("#/components/schemas/{code_schema}")});
            let parts = SchemaParts {
                code: &reference,
                place: checked.problem_code.value,
                values: &values,
            };
            schemas.insert(format!("{name}{}", shape.name()), schema(shape, &parts));
        }
        for code in checked.codes.iter().filter(|code| !code.fields.is_empty()) {
            schemas.insert(
                format!("{name}{}Fields", code.name.value),
                fields_schema(code),
            );
        }
        // Codes that are no failure travel in successful responses, which
        // are the API's own to describe.
        let mut by_status: BTreeMap<u16, Vec<&Wire<'_>>> = BTreeMap::new();
        for wire in wires
            .iter()
            .filter(|wire| facts::is_sent_as_error(wire.code))
        {
            by_status
                .entry(wire.code.status.value)
                .or_default()
                .push(wire);
        }
        for (status, wires) in by_status {
            responses.insert(format!("{name}{status}"), response(checked, status, &wires));
        }
    }
    let names: Vec<&str> = catalogs
        .iter()
        .map(|c| c.catalog.name.value.as_str())
        .collect();
    // The document's version is what it describes: the published codes,
    // as each catalog's lock records them.
    let version: Vec<&str> = catalogs
        .iter()
        .map(|c| {
            c.lock
                .as_ref()
                .map_or("unlocked", |(_, digest)| digest.as_str())
        })
        .collect();
    let sources: Vec<Value> = catalogs.iter().map(source).collect();
    Ok(json!({
        "openapi": "3.1.0",
        "info": {
            "title": format!("Error catalogs: {}", names.join(", ")),
            "version": version.join(", "),
            "description": "The error bodies and responses of the catalogs, exported by `errcodes export --format openapi`. Each code's metadata is under `x-errcodes` in its catalog's code schema, its texts in the catalog's other languages under `translations` there. The version is the digest of each catalog's lock, in `x-errcodes-sources`.",
            "x-errcodes-sources": sources,
            "x-errcodes-export": env!("CARGO_PKG_VERSION"),
        },
        "components": {"schemas": schemas, "responses": responses},
    }))
}

/// The fields of one code, as the JSON formats carry them: each typed, the
/// ones always there required, and any other member allowed, as a later
/// release may add one.
fn fields_schema(code: &CheckedCode) -> Value {
    let properties: Map<String, Value> = code
        .fields
        .iter()
        .map(|field| {
            let mut schema = field_type_schema(field);
            if let Some(description) = &field.description {
                schema["description"] = json!(description.value);
            }
            if let Some(example) = &field.example {
                schema["examples"] =
                    json!([serde_json::from_str::<Value>(&example.value.to_json())
                        .unwrap_or(Value::Null)]);
            }
            (field.name.value.clone(), schema)
        })
        .collect();
    let required: Vec<&str> = code
        .fields
        .iter()
        .filter(|field| !field.optional.value)
        .map(|field| field.name.value.as_str())
        .collect();
    json!({
        "title": format!("The fields of {}", code.code.value),
        "description": format!(
            "What an occurrence of `{}` carries, where its wire format has room: ACP's `details`, a problem's extension members, the members of Pass's and the gateway's objects (gRPC's `ErrorInfo.metadata` carries them as strings, under lowerCamelCase keys).",
            code.code.value
        ),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": true,
        "x-errcodes-code": code.code.value,
    })
}

/// The schema of one field's values.
fn field_type_schema(field: &errcodes_codegen::fields::CheckedField) -> Value {
    use errcodes_core::fields::FieldKind;
    let one = match field.ty.value.kind {
        FieldKind::String => json!({"type": "string"}),
        FieldKind::Integer => json!({"type": "integer", "format": "int64"}),
        FieldKind::Number => json!({"type": "number"}),
        FieldKind::Boolean => json!({"type": "boolean"}),
        FieldKind::Timestamp => json!({"type": "string", "format": "date-time"}),
        FieldKind::Duration => json!({"type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,9})?s$"}),
        FieldKind::Uri => json!({"type": "string", "format": "uri"}),
        FieldKind::OneOf => {
            let values: Vec<&str> = field.values.iter().map(|v| v.value.as_str()).collect();
            json!({"type": "string", "enum": values})
        }
        FieldKind::Any => json!({}),
    };
    if field.ty.value.list {
        json!({"type": "array", "items": one})
    } else {
        one
    }
}

/// The known codes of a catalog, a closed list that client generators
/// keep as a type of literals, with each one's metadata under
/// `x-errcodes`. Bodies take [`received_codes_schema`] instead.
fn codes_schema(catalog: &CheckedCatalog, path: &str) -> Value {
    let codes: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.code.value.as_str())
        .collect();
    let metadata: Map<String, Value> = catalog
        .codes
        .iter()
        .map(|code| (code.code.value.clone(), code_json(catalog, code)))
        .collect();
    let outcomes: Vec<&str> = catalog
        .codes
        .iter()
        .filter(|code| !facts::is_sent_as_error(code))
        .map(|code| code.code.value.as_str())
        .collect();
    let name = &catalog.name.value;
    let mut description = catalog
        .description
        .as_ref()
        .map_or_else(|| format!("The codes of {name}."), |d| d.value.clone());
    let _ = write!(
        description,
        " The codes this document knows; a body carries a `{name}ReceivedCode`, which also accepts codes added later."
    );
    if !outcomes.is_empty() {
        let listed: Vec<String> = outcomes.iter().map(|code| format!("`{code}`")).collect();
        let _ = write!(
            description,
            " Not errors, so in no error response here: {}, which report how a request or one of its items ended, in the body of a successful response (`x-errcodes-outcomes`).",
            listed.join(", ")
        );
    }
    json!({
        "title": name,
        "description": description,
        "type": "string",
        "enum": codes,
        "x-errcodes": {"catalog": path, "codes": metadata},
        "x-errcodes-outcomes": outcomes,
    })
}

/// A code as a body carries it: a known one, or one a later version adds,
/// which a client accepts and judges by its HTTP status.
fn received_codes_schema(catalog: &CheckedCatalog) -> Value {
    let name = &catalog.name.value;
    let codes: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.code.value.as_str())
        .collect();
    json!({
        "title": format!("{name} code, as received"),
        "description": format!(
            "One of `{name}Code`, or a code a later version adds: accept it, and judge it by its HTTP status."
        ),
        "anyOf": [
            {"$ref": format!("#/components/schemas/{name}Code")},
            {"type": "string"},
        ],
        "x-extensible-enum": codes,
    })
}

/// The response of `status`, in each body its codes are sent in, narrowed
/// to those codes.
fn response(catalog: &CheckedCatalog, status: u16, wires: &[&Wire<'_>]) -> Value {
    let mut content = Map::new();
    let mut media: Vec<(&str, Shape)> = wires
        .iter()
        .map(|wire| (wire.media_type, wire.shape))
        .collect();
    media.sort();
    media.dedup();
    for (media_type, shape) in media {
        let values: Vec<&str> = wires
            .iter()
            .filter(|wire| wire.shape == shape && wire.media_type == media_type)
            .map(|wire| wire.value.as_str())
            .collect();
        let mut narrowing = SchemaParts::open_enum(&values);
        for member in shape.code_path(catalog.problem_code.value).iter().rev() {
            // Lists on the way: Edge's errors, Google's details.
            narrowing = if matches!(*member, "errors" | "details") {
                json!({"properties": {*member: {"items": narrowing}}})
            } else {
                json!({"properties": {*member: narrowing}})
            };
        }
        let schema = json!({"allOf": [
            {"$ref": format!("#/components/schemas/{}{}", catalog.name.value, shape.name())},
            narrowing,
        ]});
        content.insert(media_type.to_owned(), json!({"schema": schema}));
    }
    let codes: Vec<&str> = wires
        .iter()
        .map(|wire| wire.code.code.value.as_str())
        .collect();
    let listed: Vec<String> = wires
        .iter()
        .map(|wire| format!("`{}` {}", wire.code.code.value, wire.code.title.value))
        .collect();
    // Sent with every code whose action is `retry-after`, and with any
    // other whose occurrence gives a delay.
    let delayed = wires
        .iter()
        .filter(|wire| wire.code.action.value == Action::RetryAfter)
        .count();
    let retry_after = json!({
        "description": "Whole seconds to wait before sending the request again.",
        "required": delayed == wires.len(),
        "schema": {"type": "integer", "minimum": 0},
    });
    let mut headers = Map::new();
    headers.insert("Retry-After".to_owned(), retry_after);
    let locales = &catalog.locales;
    if !locales.translations.is_empty() {
        let mut tags = vec![locales.default.value.as_str()];
        tags.extend(locales.translations.iter().map(|t| t.locale.value.as_str()));
        let mut schema = SchemaParts::open_enum(&tags);
        schema["description"] = json!(
            "A later version of the catalog may add languages: any language tag is accepted."
        );
        headers.insert(
            "Content-Language".to_owned(),
            json!({
                "description": format!(
                    "The language of the body's texts (its message, and its title where it has the code's): the one of the catalog's that the request's `Accept-Language` chooses by RFC 4647's lookup, else `{}`. The code, the status and the fields are the same in every language.",
                    locales.default.value
                ),
                "required": true,
                "schema": schema,
            }),
        );
        headers.insert(
            "Vary".to_owned(),
            json!({
                "description": "Names `Accept-Language`: caches keep one answer per language.",
                "required": true,
                "schema": {"type": "string"},
            }),
        );
    }
    json!({
        "description": format!("{}: {}", facts::status_line(status), listed.join("; ")),
        "headers": headers,
        "content": content,
        "x-errcodes-codes": codes,
    })
}
