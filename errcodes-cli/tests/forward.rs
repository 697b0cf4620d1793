//! Exports that survive the next release: against the OpenAPI document's
//! schemas, for every wire format, a body with a code and an action the
//! catalog does not have yet validates, a body without a code does not,
//! and the known values are still listed.

#![forbid(unsafe_code)]

mod common;

use common::{errcodes, root, scratch, text};
use serde_json::Value;

/// The shipped catalogs, as paths relative to the workspace.
fn shipped() -> Vec<String> {
    ["acp", "edge", "pass", "platform", "privacy"]
        .iter()
        .map(|name| format!("specs/{name}.yaml"))
        .collect()
}

/// A body of `shape` whose code is `code` and, where the shape has one,
/// whose action is `action`; `None` for the code leaves it out. A problem
/// carries the code in `place` (`type`, `title` or `code`).
fn body(shape: &str, place: &str, code: Option<&str>, action: &str) -> Value {
    let mut problem = serde_json::json!({"status": 400, "detail": "d"});
    let identified = |object: &mut Value, member: &str| {
        if let Some(code) = code {
            object[member] = Value::from(code);
        }
    };
    match shape {
        "Problem" => {
            identified(&mut problem, place);
            problem
        }
        "EdgeBody" => {
            identified(&mut problem, place);
            serde_json::json!({"requestId": "r", "handle": [], "errors": [problem], "warnings": []})
        }
        "AcpEnvelope" => {
            let mut error = serde_json::json!({"message": "m"});
            identified(&mut error, "code");
            serde_json::json!({"success": false, "error": error})
        }
        "PassBody" | "PassXml" => {
            let mut error = serde_json::json!({"status": 400, "message": "m", "action": action});
            identified(&mut error, "code");
            if shape == "PassXml" {
                error
            } else {
                serde_json::json!({"error": error})
            }
        }
        "GatewayBody" => {
            let mut body = serde_json::json!({"message": "m"});
            identified(&mut body, "error_code");
            body
        }
        "GoogleBody" => {
            // Without a code, the error has no ErrorInfo.
            let details = match code {
                Some(reason) => serde_json::json!([
                    {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1s"},
                    {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason, "domain": "x.example.com"}
                ]),
                None => serde_json::json!([]),
            };
            serde_json::json!({"error": {"code": 400, "message": "m", "status": "BRAND_NEW_STATUS", "details": details}})
        }
        other => panic!("a shape this test does not know: {other}"),
    }
}

#[test]
fn exported_schemas_accept_what_a_later_release_sends() {
    // The shipped catalogs, and one of each format they do not use.
    let dir = scratch("forward");
    std::fs::write(
        dir.join("xml.yaml"),
        "name: XmlError\nwire-format: pass-xml\ncodes:\n  - {code: A, status: 400, title: A}\n",
    )
    .unwrap();
    let mut specs = shipped();
    specs.push(dir.join("xml.yaml").display().to_string());
    specs.push("tests/fixtures/cloud.yaml".to_owned());
    let mut shapes_seen = std::collections::BTreeSet::new();
    for spec in &specs {
        let output = errcodes(root(), &["export", "--format", "openapi", spec]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let document: Value = serde_json::from_slice(&output.stdout).unwrap();
        let components = &document["components"];
        let schemas = components["schemas"].as_object().unwrap();
        let (code_schema, _) = schemas
            .iter()
            .find(|(name, _)| name.ends_with("ReceivedCode"))
            .unwrap();
        let name = code_schema.trim_end_matches("ReceivedCode");
        let known_schema = format!("{name}Code");
        // The known codes are still listed: every one of the catalog's,
        // in its order, and no other.
        let text = std::fs::read_to_string(root().join(spec)).unwrap();
        let catalog = errcodes_codegen::parse(spec, &text).unwrap();
        let codes: Vec<&str> = catalog
            .codes
            .iter()
            .map(|c| c.code.value.as_str())
            .collect();
        let listed = &schemas[&known_schema]["enum"];
        assert_eq!(listed, &serde_json::json!(codes), "{spec}");
        assert_eq!(schemas[code_schema]["x-extensible-enum"], *listed, "{spec}");
        // Field schemas are checked in cli.rs.
        let bodies = schemas.iter().filter(|(n, schema)| {
            *n != code_schema && **n != known_schema && schema.get("x-errcodes-code").is_none()
        });
        for (schema_name, _) in bodies {
            let shape = schema_name.trim_start_matches(name);
            let validate = |reference: String, body: &Value| {
                let schema = serde_json::json!({"$ref": reference, "components": components});
                jsonschema::draft202012::new(&schema)
                    .unwrap()
                    .is_valid(body)
            };
            let reference = format!("#/components/schemas/{schema_name}");
            // Where a problem carries the code; a URI when it is `type`.
            let problem = match shape {
                "EdgeBody" => &schemas[schema_name]["properties"]["errors"]["items"],
                _ => &schemas[schema_name],
            };
            let place = problem["required"][0].as_str().unwrap_or("code");
            let later = match (place, shape) {
                ("type", _) => "https://ns.example.com/errors/BrandNewError",
                (_, "GoogleBody") => "BRAND_NEW_REASON",
                _ => "brand_new_code",
            };
            let newer = body(shape, place, Some(later), "brand-new-action");
            assert!(
                validate(reference.clone(), &newer),
                "{spec} {schema_name}: {newer}"
            );
            let codeless = body(shape, place, None, "none");
            assert!(
                !validate(reference, &codeless),
                "{spec} {schema_name}: {codeless}"
            );
            shapes_seen.insert(shape.to_owned());
        }
        responses_take_later_codes(spec, name, components, &shapes_seen);
    }
    assert_eq!(
        shapes_seen.into_iter().collect::<Vec<_>>(),
        [
            "AcpEnvelope",
            "EdgeBody",
            "GatewayBody",
            "GoogleBody",
            "PassBody",
            "PassXml",
            "Problem"
        ]
    );
}

/// Each status's response of catalog `name` takes a code it does not list
/// yet, in each shape already seen.
fn responses_take_later_codes(
    spec: &str,
    name: &str,
    components: &Value,
    shapes_seen: &std::collections::BTreeSet<String>,
) {
    {
        for (response_name, response) in components["responses"].as_object().unwrap() {
            for (_, content) in response["content"].as_object().unwrap() {
                let schema =
                    serde_json::json!({"allOf": [content["schema"]], "components": components});
                let shape = content["schema"]["allOf"][0]["$ref"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .trim_start_matches(name)
                    .to_owned();
                if !shapes_seen.contains(&shape) {
                    continue;
                }
                let place = if name == "EdgeError" {
                    "type"
                } else if name == "PlatformError" {
                    "title"
                } else {
                    "code"
                };
                let code = match (place, shape.as_str()) {
                    ("type", _) => "https://ns.example.com/errors/BrandNewError",
                    (_, "GoogleBody") => "BRAND_NEW_REASON",
                    _ => "brand_new_code",
                };
                let newer = body(&shape, place, Some(code), "brand-new-action");
                assert!(
                    jsonschema::draft202012::new(&schema)
                        .unwrap()
                        .is_valid(&newer),
                    "{spec} {response_name}: {newer}"
                );
            }
        }
    }
}
