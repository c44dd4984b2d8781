//! OpenAPI 3.1 documents rewritten into the 3.0 forms the rest of the generator reads.
//!
//! Only what has a 3.0 equivalent is rewritten: `type: [T, "null"]` becomes `type: T` with
//! `nullable: true`, `const` a one-value `enum`, a schema's `examples` array its first
//! `example`, numeric `exclusiveMinimum`/`exclusiveMaximum` the boolean form, and
//! `{type: "null"}` alternatives of `oneOf`/`anyOf` a `nullable` flag. 3.1-only top-level
//! sections (`webhooks`, `components/pathItems`) are dropped with a note. Anything else that
//! cannot be expressed in 3.0 is an error naming its JSON pointer.

use serde_yaml::{Mapping, Value};

use crate::pointer::JsonPointer;

/// Why a 3.1 construct could not be mapped.
pub struct Unmappable {
    pub pointer: JsonPointer,
    pub message: String,
    pub hint: String,
}

/// Whether the document declares OpenAPI 3.1.
pub fn is_31(document: &Value) -> bool {
    document
        .get("openapi")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("3.1"))
}

/// Rewrites a 3.1 document in place; returns notes about what was dropped.
pub fn normalize(document: &mut Value) -> Result<Vec<String>, Unmappable> {
    let mut notes = Vec::new();
    let Value::Mapping(root) = document else {
        return Ok(notes);
    };
    root.insert(Value::from("openapi"), Value::from("3.0.3"));
    if root.remove("webhooks").is_some() {
        notes.push("The spec's webhooks (requests the server sends) are not generated.".to_owned());
    }
    root.remove("jsonSchemaDialect");
    if let Some(Value::Mapping(components)) = root.get_mut("components") {
        if components.remove("pathItems").is_some() {
            notes.push("`components/pathItems` (OpenAPI 3.1) are not generated.".to_owned());
        }
    }
    if let Some(Value::Mapping(info)) = root.get_mut("info") {
        if let Some(Value::Mapping(license)) = info.get_mut("license") {
            license.remove("identifier");
        }
    }
    walk_document(document, &JsonPointer::root())?;
    Ok(notes)
}

/// Keys whose values are arbitrary data, never schemas or document structure.
const DATA_KEYS: &[&str] = &[
    "example",
    "examples",
    "default",
    "enum",
    "const",
    "x-examples",
];

/// Walks document structure (not schemas), looking for the places schemas live.
fn walk_document(value: &mut Value, pointer: &JsonPointer) -> Result<(), Unmappable> {
    match value {
        Value::Mapping(map) => {
            for (key, child) in map.iter_mut() {
                let key = key_text(key);
                let at = pointer.join(&key);
                if DATA_KEYS.contains(&key.as_str()) {
                    continue;
                }
                if key == "schema" {
                    walk_schema(child, &at)?;
                } else if key == "schemas" && pointer.tokens() == ["components"] {
                    if let Value::Mapping(schemas) = child {
                        for (name, schema) in schemas.iter_mut() {
                            walk_schema(schema, &at.join(key_text(name)))?;
                        }
                    }
                } else {
                    walk_document(child, &at)?;
                }
            }
            Ok(())
        }
        Value::Sequence(items) => {
            for (n, item) in items.iter_mut().enumerate() {
                walk_document(item, &pointer.join(n))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn is_null_type(value: &Value) -> bool {
    value.get("type").and_then(Value::as_str) == Some("null")
        && value.as_mapping().is_some_and(|m| m.len() == 1)
}

/// Rewrites one schema and the schemas inside it.
fn walk_schema(value: &mut Value, pointer: &JsonPointer) -> Result<(), Unmappable> {
    let Value::Mapping(schema) = value else {
        return Ok(());
    };
    rewrite_type(schema, pointer)?;
    if let Some(constant) = schema.remove("const") {
        // 3.1 allows `const` without `type`; 3.0 needs the type to read the enum.
        if !schema.contains_key("type") {
            let inferred = match &constant {
                Value::String(_) => Some("string"),
                Value::Bool(_) => Some("boolean"),
                Value::Number(n) if n.is_i64() || n.is_u64() => Some("integer"),
                Value::Number(_) => Some("number"),
                _ => None,
            };
            if let Some(inferred) = inferred {
                schema.insert(Value::from("type"), Value::from(inferred));
            }
        }
        schema.insert(Value::from("enum"), Value::Sequence(vec![constant]));
    }
    if let Some(Value::Sequence(examples)) = schema.get("examples").cloned() {
        schema.remove("examples");
        if let Some(first) = examples.into_iter().next() {
            schema.insert(Value::from("example"), first);
        }
    }
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(limit) = schema.get(exclusive).filter(|v| v.is_number()).cloned() {
            schema.insert(Value::from(bound), limit);
            schema.insert(Value::from(exclusive), Value::Bool(true));
        }
    }
    for key in [
        "$schema",
        "$id",
        "$anchor",
        "$comment",
        "contentEncoding",
        "contentMediaType",
    ] {
        schema.remove(key);
    }
    for key in [
        "prefixItems",
        "$defs",
        "if",
        "then",
        "else",
        "dependentSchemas",
        "unevaluatedProperties",
        "patternProperties",
    ] {
        if schema.contains_key(key) {
            return Err(Unmappable {
                pointer: pointer.join(key),
                message: format!("`{key}` (JSON Schema 2020-12) has no OpenAPI 3.0 equivalent"),
                hint: "remove it or describe the value without it".to_owned(),
            });
        }
    }
    for keyword in ["oneOf", "anyOf"] {
        let mut nullable = false;
        if let Some(Value::Sequence(members)) = schema.get_mut(keyword) {
            let before = members.len();
            members.retain(|m| !is_null_type(m));
            nullable = members.len() != before;
        }
        if nullable {
            schema.insert(Value::from("nullable"), Value::Bool(true));
        }
    }

    for (key, child) in schema.iter_mut() {
        let key = key_text(key);
        let at = pointer.join(&key);
        match key.as_str() {
            "properties" => {
                if let Value::Mapping(properties) = child {
                    for (name, property) in properties.iter_mut() {
                        walk_schema(property, &at.join(key_text(name)))?;
                    }
                }
            }
            "items" | "additionalProperties" | "not" => walk_schema(child, &at)?,
            "allOf" | "oneOf" | "anyOf" => {
                if let Value::Sequence(members) = child {
                    for (n, member) in members.iter_mut().enumerate() {
                        walk_schema(member, &at.join(n))?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// `type: [T, "null"]` -> `type: T, nullable: true`; `type: "null"` alone -> `nullable`.
fn rewrite_type(schema: &mut Mapping, pointer: &JsonPointer) -> Result<(), Unmappable> {
    match schema.get("type").cloned() {
        Some(Value::Sequence(types)) => {
            let nullable = types.iter().any(|t| t.as_str() == Some("null"));
            let others: Vec<Value> = types
                .into_iter()
                .filter(|t| t.as_str() != Some("null"))
                .collect();
            match others.as_slice() {
                [] => {
                    schema.remove("type");
                }
                [only] => {
                    schema.insert(Value::from("type"), only.clone());
                }
                _ => {
                    return Err(Unmappable {
                        pointer: pointer.join("type"),
                        message: "a `type` array with several non-null types".to_owned(),
                        hint: "use `oneOf` with one schema per type".to_owned(),
                    });
                }
            }
            if nullable {
                schema.insert(Value::from("nullable"), Value::Bool(true));
            }
        }
        Some(Value::String(t)) if t == "null" => {
            schema.remove("type");
            schema.insert(Value::from("nullable"), Value::Bool(true));
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalized(yaml: &str) -> Value {
        let mut value: Value = serde_yaml::from_str(yaml).unwrap();
        assert!(normalize(&mut value).is_ok());
        value
    }

    #[test]
    fn rewrites_31_forms() {
        let value = normalized(
            "openapi: 3.1.0\ncomponents:\n  schemas:\n    A:\n      type: [string, 'null']\n      examples: [x, y]\n    B:\n      const: fixed\n    C:\n      type: number\n      exclusiveMinimum: 0\n    D:\n      oneOf: [{type: string}, {type: 'null'}]\n    E:\n      type: object\n      properties:\n        const: {type: string}\n",
        );
        let schemas = &value["components"]["schemas"];
        assert_eq!(value["openapi"], Value::from("3.0.3"));
        assert_eq!(schemas["A"]["type"], Value::from("string"));
        assert_eq!(schemas["A"]["nullable"], Value::Bool(true));
        assert_eq!(schemas["A"]["example"], Value::from("x"));
        assert_eq!(schemas["B"]["enum"][0], Value::from("fixed"));
        assert_eq!(schemas["B"]["type"], Value::from("string"));
        assert_eq!(schemas["C"]["minimum"], Value::from(0));
        assert_eq!(schemas["C"]["exclusiveMinimum"], Value::Bool(true));
        assert_eq!(schemas["D"]["nullable"], Value::Bool(true));
        assert_eq!(schemas["D"]["oneOf"].as_sequence().map(Vec::len), Some(1));
        // A property named `const` is a property, not the keyword.
        assert_eq!(
            schemas["E"]["properties"]["const"]["type"],
            Value::from("string")
        );
    }

    #[test]
    fn rejects_what_has_no_30_form() {
        let mut value: Value = serde_yaml::from_str(
            "openapi: 3.1.0\ncomponents:\n  schemas:\n    A:\n      type: [string, integer]\n",
        )
        .unwrap();
        let Err(error) = normalize(&mut value) else {
            panic!("expected an error");
        };
        assert_eq!(error.pointer.to_string(), "#/components/schemas/A/type");
    }
}
