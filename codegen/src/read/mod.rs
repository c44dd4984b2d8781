//! Spec text to `openapiv3::OpenAPI`: the only place that knows about YAML and JSON syntax,
//! and about OpenAPI 3.1 (rewritten into 3.0 forms by [`v31`]).

pub mod positions;
mod v31;

use openapiv3::OpenAPI;

use crate::error::Error;

/// The extension under which notes about dropped 3.1 constructs travel to the lowering.
pub const NOTES_EXTENSION: &str = "x-codegen-notes";

/// Parses a spec written as JSON (text starting with `{`) or YAML, OpenAPI 3.0 or 3.1.
pub fn parse(text: &str, file: &str) -> Result<OpenAPI, Error> {
    // A cheap look at the version first: 3.0 documents are parsed straight from the text,
    // which keeps line and column in every error.
    if let Ok(mut document) = serde_yaml::from_str::<serde_yaml::Value>(text) {
        if v31::is_31(&document) {
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
