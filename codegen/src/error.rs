//! The generator's error type: every variant says where (file and JSON pointer) and what to do.

use crate::pointer::JsonPointer;

/// Why a spec could not be turned into a crate.
///
/// Every variant names the spec file it is about; those about a construct in the spec also
/// name its JSON pointer, and say what to change.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text is not valid YAML or JSON, or does not have the shape of an OpenAPI 3.0 document.
    #[error("{file}{}: {message}", location(*line, *column))]
    Parse {
        /// The spec file.
        file: String,
        /// 1-based line of the syntax error, when the parser reports one.
        line: Option<usize>,
        /// 1-based column of the syntax error, when the parser reports one.
        column: Option<usize>,
        /// The parser's message.
        message: String,
    },
    /// A construct that is valid OpenAPI but that this generator does not support yet.
    #[error("{file}: {pointer}: unsupported: {message}. {hint}")]
    Unsupported {
        /// The spec file.
        file: String,
        /// Where in the spec.
        pointer: JsonPointer,
        /// What is not supported.
        message: String,
        /// What to do about it.
        hint: String,
    },
    /// A construct that breaks the OpenAPI rules (a dangling `$ref`, an undeclared path
    /// parameter, ...).
    #[error("{file}: {pointer}: {message}. {hint}")]
    Invalid {
        /// The spec file.
        file: String,
        /// Where in the spec.
        pointer: JsonPointer,
        /// What is wrong.
        message: String,
        /// What to do about it.
        hint: String,
    },
    /// The generator produced Rust that does not parse: a bug in the generator, not the spec.
    #[error(
        "{file}: internal error: generated file `{path}` is not valid Rust ({message}); \
         please report this together with the spec"
    )]
    Internal {
        /// The spec file.
        file: String,
        /// The generated file that failed to parse.
        path: String,
        /// The Rust parser's message.
        message: String,
    },
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        _ => String::new(),
    }
}

impl Error {
    /// The JSON pointer of the construct this error is about, if it is about one.
    pub fn pointer(&self) -> Option<&JsonPointer> {
        match self {
            Error::Unsupported { pointer, .. } | Error::Invalid { pointer, .. } => Some(pointer),
            Error::Parse { .. } | Error::Internal { .. } => None,
        }
    }
}
