//! `errcodes export`: the checked catalogs for other stacks, as JSON (every
//! key, defaults applied; `specs/export.schema.json` describes it) or as an
//! OpenAPI 3.1 document whose components describe each catalog's error
//! bodies and the responses of each HTTP status.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use errcodes_codegen::{CheckedCatalog, CheckedCode};
use errcodes_runtime::wire::{Occurrence, render_facts};
use errcodes_runtime::{Action, Origin, ProblemCode, Severity, WireFormat};
use serde_json::{Map, Value, json};

use crate::ExportFormat;
use crate::facts;
use crate::specs::{self, Catalog, Stop};

/// The version of the JSON export's shape.
const EXPORT_VERSION: u32 = 1;

pub(crate) fn run(paths: &[PathBuf], format: ExportFormat) -> Result<ExitCode, Stop> {
    let catalogs = specs::checked(paths)?;
    let document = match format {
        ExportFormat::Json => json_export(&catalogs),
        ExportFormat::Openapi => openapi(&catalogs)?,
    };
    let text = serde_json::to_string_pretty(&document).map_err(|error| error.to_string())?;
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// The catalogs as JSON, with the catalog format's key names.
fn json_export(catalogs: &[Catalog]) -> Value {
    let catalogs: Vec<Value> = catalogs
        .iter()
        .map(|catalog| catalog_json(&catalog.catalog, &catalog.path))
        .collect();
    json!({"errcodes-export": EXPORT_VERSION, "catalogs": catalogs})
}

fn catalog_json(catalog: &CheckedCatalog, path: &str) -> Value {
    let domains: Vec<Value> = catalog
        .domains
        .iter()
        .map(|domain| {
            json!({"id": domain.id, "title": domain.title, "description": domain.description})
        })
        .collect();
    let codes: Vec<Value> = catalog
        .codes
        .iter()
        .map(|code| code_json(catalog, code))
        .collect();
    json!({
        "path": path,
        "name": catalog.name,
        "description": catalog.description,
        "code-format": catalog.code_formats,
        "wire-format": catalog.wire_format.as_str(),
        "problem-type": catalog.problem_type,
        "problem-code": catalog.problem_code.as_str(),
        "domains": domains,
        "codes": codes,
    })
}

/// A code with every key, its defaults applied.
fn code_json(catalog: &CheckedCatalog, code: &CheckedCode) -> Value {
    json!({
        "code": code.code,
        "name": code.name,
        "status": code.status,
        "title": code.title,
        "description": code.description,
        "resolution": code.resolution,
        "domain": code.domain.and_then(|i| catalog.domains.get(i)).map(|d| &d.id),
        "action": code.action.as_str(),
        "severity": code.severity.as_str(),
        "outcome": code.outcome.as_str(),
        "origin": code.origin.map(Origin::as_str),
        "wire-format": code.wire_format.as_str(),
        "deprecated": code.deprecated,
        "replaced-by": code.replaced_by.and_then(|i| catalog.codes.get(i)).map(|c| &c.code),
    })
}

/// The shape a body has on the wire: its media type, its schema and where
/// it carries the code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    Problem,
    Edge,
    Acp,
    Pass,
    PassXml,
    Gateway,
}

impl Shape {
    /// The body a code is sent in: an Edge code that is fatal is a problem.
    fn of(code: &CheckedCode) -> Self {
        match code.wire_format {
            WireFormat::Problem => Shape::Problem,
            WireFormat::Edge if code.severity == Severity::Fatal => Shape::Problem,
            WireFormat::Edge => Shape::Edge,
            WireFormat::Acp => Shape::Acp,
            WireFormat::Pass => Shape::Pass,
            WireFormat::PassXml => Shape::PassXml,
            WireFormat::Gateway => Shape::Gateway,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Shape::Problem => "Problem",
            Shape::Edge => "EdgeBody",
            Shape::Acp => "AcpEnvelope",
            Shape::Pass => "PassBody",
            Shape::PassXml => "PassXml",
            Shape::Gateway => "GatewayBody",
        }
    }

    /// The members that lead to the value that identifies the code.
    fn code_path(self, place: ProblemCode) -> &'static [&'static str] {
        match (self, place) {
            (Shape::Problem, ProblemCode::Type) => &["type"],
            (Shape::Problem, ProblemCode::Title) => &["title"],
            (Shape::Problem, ProblemCode::Member) | (Shape::PassXml, _) => &["code"],
            (Shape::Edge, ProblemCode::Type) => &["errors", "type"],
            (Shape::Edge, ProblemCode::Title) => &["errors", "title"],
            (Shape::Edge, ProblemCode::Member) => &["errors", "code"],
            (Shape::Acp | Shape::Pass, _) => &["error", "code"],
            (Shape::Gateway, _) => &["error_code"],
        }
    }
}

/// One code as a client sees it on the wire.
struct Wire<'c> {
    code: &'c CheckedCode,
    shape: Shape,
    media_type: &'static str,
    /// The value that identifies the code in its body.
    value: String,
}

/// Renders `code` as a server would and reads back where its body says
/// which code it is, so that the document cannot disagree with the wire.
fn wire<'c>(catalog: &CheckedCatalog, code: &'c CheckedCode) -> Result<Wire<'c>, String> {
    let shape = Shape::of(code);
    let rendered = render_facts(
        &facts::of(catalog, code),
        &Occurrence::new(),
        code.wire_format,
    )
    .map_err(|error| error.to_string())?;
    let value = if shape == Shape::PassXml {
        code.code.clone()
    } else {
        let body: Value = serde_json::from_slice(&rendered.body).map_err(|e| e.to_string())?;
        let mut at = &body;
        for member in shape.code_path(catalog.problem_code) {
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
                    code.code
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
fn openapi(catalogs: &[Catalog]) -> Result<Value, String> {
    let mut schemas = Map::new();
    let mut responses = Map::new();
    for catalog in catalogs {
        let checked = &catalog.catalog;
        let wires = checked
            .codes
            .iter()
            .map(|code| wire(checked, code))
            .collect::<Result<Vec<Wire<'_>>, String>>()?;
        let code_schema = format!("{}Code", checked.name);
        schemas.insert(code_schema.clone(), codes_schema(checked, &catalog.path));
        let mut shapes: Vec<Shape> = wires.iter().map(|wire| wire.shape).collect();
        shapes.sort();
        shapes.dedup();
        for shape in shapes {
            let values: Vec<&str> = wires
                .iter()
                .filter(|wire| wire.shape == shape)
                .map(|wire| wire.value.as_str())
                .collect();
            schemas.insert(
                format!("{}{}", checked.name, shape.name()),
                body_schema(shape, checked.problem_code, &code_schema, &values),
            );
        }
        let mut by_status: BTreeMap<u16, Vec<&Wire<'_>>> = BTreeMap::new();
        for wire in &wires {
            by_status.entry(wire.code.status).or_default().push(wire);
        }
        for (status, wires) in by_status {
            responses.insert(
                format!("{}{status}", checked.name),
                response(checked, status, &wires),
            );
        }
    }
    let names: Vec<&str> = catalogs.iter().map(|c| c.catalog.name.as_str()).collect();
    Ok(json!({
        "openapi": "3.1.0",
        "info": {
            "title": format!("Error catalogs: {}", names.join(", ")),
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The error bodies and responses of the catalogs, exported by `errcodes export --format openapi`. Each code's metadata is under `x-errcodes` in its catalog's code schema.",
        },
        "components": {"schemas": schemas, "responses": responses},
    }))
}

/// The codes of a catalog, with each one's metadata under `x-errcodes`.
fn codes_schema(catalog: &CheckedCatalog, path: &str) -> Value {
    let codes: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.code.as_str())
        .collect();
    let metadata: Map<String, Value> = catalog
        .codes
        .iter()
        .map(|code| (code.code.clone(), code_json(catalog, code)))
        .collect();
    json!({
        "type": "string",
        "title": catalog.name,
        "description": catalog.description.clone().unwrap_or_else(|| format!("The codes of {}.", catalog.name)),
        "enum": codes,
        "x-errcodes": {"catalog": path, "codes": metadata},
    })
}

/// The schema of a body of `shape`, whose code place holds one of `values`.
fn body_schema(shape: Shape, place: ProblemCode, code_schema: &str, values: &[&str]) -> Value {
    let reference = json!({"$ref": format!("#/components/schemas/{code_schema}")});
    let identifies = |is_code: bool| {
        if is_code {
            reference.clone()
        } else {
            json!({"type": "string", "enum": values})
        }
    };
    let problem = |place: ProblemCode| {
        let mut properties = json!({
            "type": {"type": "string", "format": "uri-reference"},
            "status": {"type": "integer", "minimum": 100, "maximum": 599},
            "title": {"type": "string"},
            "detail": {"type": "string"},
            "instance": {"type": "string", "format": "uri-reference"},
        });
        let key = match place {
            ProblemCode::Type => "type",
            ProblemCode::Title => "title",
            ProblemCode::Member => "code",
        };
        properties[key] = identifies(place != ProblemCode::Type);
        json!({
            "type": "object",
            "description": "A problem detail (RFC 9457).",
            "properties": properties,
            "required": [key],
        })
    };
    let action = json!({"type": "string", "enum": Action::SPELLINGS});
    let pass_error = json!({
        "type": "object",
        "properties": {
            "status": {"type": "integer"},
            "code": reference,
            "message": {"type": "string"},
            "details": {"type": "string"},
            "helpUrl": {"type": "string", "format": "uri"},
            "trace": {"type": "string"},
            "action": action,
        },
        "required": ["code"],
    });
    match shape {
        Shape::Problem => problem(place),
        Shape::Edge => json!({
            "type": "object",
            "description": "An Edge Network body of a request that was processed, listing its non-fatal errors and warnings.",
            "properties": {
                "requestId": {"type": "string"},
                "handle": {"type": "array"},
                "errors": {"type": "array", "items": problem(place)},
                "warnings": {"type": "array", "items": problem(place)},
            },
        }),
        Shape::Acp => json!({
            "type": "object",
            "description": "An Ad Context Protocol error envelope.",
            "properties": {
                "success": {"const": false},
                "error": {
                    "type": "object",
                    "properties": {
                        "code": reference,
                        "message": {"type": "string"},
                        "details": {},
                        "retry_after": {"type": "integer", "minimum": 0, "description": "Seconds to wait before retrying."},
                    },
                    "required": ["code", "message"],
                },
            },
            "required": ["success", "error"],
        }),
        Shape::Pass => json!({
            "type": "object",
            "description": "An Adobe Pass error body.",
            "properties": {"error": pass_error},
            "required": ["error"],
        }),
        Shape::PassXml => {
            let mut schema = pass_error;
            schema["description"] = json!("An Adobe Pass error in XML.");
            schema["xml"] = json!({"name": "error"});
            schema
        }
        Shape::Gateway => json!({
            "type": "object",
            "description": "An Experience Platform gateway error.",
            "properties": {"error_code": reference, "message": {"type": "string"}},
            "required": ["error_code", "message"],
        }),
    }
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
        let mut narrowing = json!({"type": "string", "enum": values});
        for member in shape.code_path(catalog.problem_code).iter().rev() {
            narrowing = if *member == "errors" {
                json!({"properties": {"errors": {"items": narrowing}}})
            } else {
                json!({"properties": {*member: narrowing}})
            };
        }
        let schema = json!({"allOf": [
            {"$ref": format!("#/components/schemas/{}{}", catalog.name, shape.name())},
            narrowing,
        ]});
        content.insert(media_type.to_owned(), json!({"schema": schema}));
    }
    let codes: Vec<&str> = wires.iter().map(|wire| wire.code.code.as_str()).collect();
    let listed: Vec<String> = wires
        .iter()
        .map(|wire| format!("`{}` {}", wire.code.code, wire.code.title))
        .collect();
    json!({
        "description": format!("{}: {}", facts::status_line(status), listed.join("; ")),
        "content": content,
        "x-errcodes-codes": codes,
    })
}
