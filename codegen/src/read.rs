//! Spec text to `openapiv3::OpenAPI`: the only place that knows about YAML and JSON syntax.

use openapiv3::OpenAPI;

use crate::error::Error;

/// Parses a spec written as JSON (text starting with `{`) or YAML.
pub fn parse(text: &str, file: &str) -> Result<OpenAPI, Error> {
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
