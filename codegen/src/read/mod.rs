//! Spec text to `openapiv3::OpenAPI`: the only place that knows about YAML and JSON syntax,
//! and about OpenAPI 3.1 (rewritten into 3.0 forms by [`v31`]).

pub mod positions;
mod v31;

use openapiv3::OpenAPI;

use crate::error::Error;

/// The extension under which notes about dropped 3.1 constructs travel to the lowering.
pub const NOTES_EXTENSION: &str = "x-codegen-notes";

/// Schemas nested deeper than this (inside one another, not through `$ref`) are refused
/// before parsing: `openapiv3` needs time exponential in the depth to reject an invalid
/// value at the bottom of such a nest (about 2x per level). Real specs stay far below (the
/// deepest in `../shared/specs` nests 5 levels).
pub const MAX_SCHEMA_NESTING: usize = 16;

/// Parses a spec written as JSON (text starting with `{`) or YAML, OpenAPI 3.0 or 3.1.
pub fn parse(text: &str, file: &str) -> Result<OpenAPI, Error> {
    if let Some(pointer) = positions::schema_nesting_beyond(text, MAX_SCHEMA_NESTING) {
        return Err(Error::Unsupported(Box::new(crate::error::Located {
            file: file.to_owned(),
            pointer,
            position: None,
            message: format!("schemas nested more than {MAX_SCHEMA_NESTING} levels deep"),
            hint: "move some of the nested schemas to `components/schemas` and refer to them"
                .to_owned(),
        })));
    }
    // 3.0 documents are parsed straight from the text (one pass, and line and column in
    // every error); only 3.1 documents go through a tree to be rewritten first.
    if declares_31(text) {
        // The text search can be fooled (a description quoting `openapi: 3.1`): the parsed
        // document has the last word.
        let parsed = serde_yaml::from_str::<serde_yaml::Value>(text);
        if let Ok(mut document) = parsed
            .map_err(|_| ())
            .and_then(|d| if v31::is_31(&d) { Ok(d) } else { Err(()) })
        {
            let notes = v31::normalize(&mut document).map_err(|u| {
                Error::Unsupported(Box::new(crate::error::Located {
                    file: file.to_owned(),
                    pointer: u.pointer,
                    position: None,
                    message: u.message,
                    hint: u.hint,
                }))
            })?;
            let mut parsed: OpenAPI =
                serde_yaml::from_value(document).map_err(|e| Error::Parse {
                    file: file.to_owned(),
                    line: None,
                    column: None,
                    message: strip_position(e.to_string()),
                })?;
            if !notes.is_empty() {
                parsed
                    .extensions
                    .insert(NOTES_EXTENSION.to_owned(), serde_json::Value::from(notes));
            }
            return Ok(parsed);
        }
    }
    parse_30(text, file)
}

/// Whether the `openapi` field says 3.1, read from the text without parsing it.
fn declares_31(text: &str) -> bool {
    text.match_indices("openapi").any(|(index, _)| {
        let rest = text.get(index + "openapi".len()..).unwrap_or_default();
        let rest = rest.trim_start_matches(['"', '\'']).trim_start();
        let Some(value) = rest.strip_prefix(':') else {
            return false;
        };
        value
            .trim_start()
            .trim_start_matches(['"', '\''])
            .starts_with("3.1")
    })
}

fn parse_30(text: &str, file: &str) -> Result<OpenAPI, Error> {
    if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| Error::Parse {
            file: file.to_owned(),
            line: Some(e.line()),
            column: Some(e.column()),
            message: strip_position(e.to_string()),
        })
    } else {
        serde_yaml::from_str(text).map_err(|e| {
            let location = e.location();
            Error::Parse {
                file: file.to_owned(),
                line: location.as_ref().map(|l| l.line()),
                column: location.as_ref().map(|l| l.column()),
                message: strip_position(e.to_string()),
            }
        })
    }
}

/// Both parsers append " at line L column C" to their messages; the error prints the
/// position itself, in the `file:line:column` form editors understand.
fn strip_position(mut message: String) -> String {
    if let Some(index) = message.rfind(" at line ") {
        message.truncate(index);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn yaml_syntax_error_keeps_line_and_column() {
        let err = parse("openapi: 3.0.3\ninfo: [unclosed\n", "bad.yaml").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("bad.yaml:"), "{text}");
        assert!(matches!(err, crate::Error::Parse { line: Some(_), .. }));
    }

    #[test]
    fn json_is_accepted() {
        let doc = parse(
            r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}"#,
            "x.json",
        )
        .unwrap();
        assert_eq!(doc.info.title, "t");
    }
}
