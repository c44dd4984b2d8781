//! The generator's diagnostics: errors (nothing is generated) and warnings (generated, but
//! worth a look). Every one names the spec file, the JSON pointer of the construct and,
//! where the text allows, its line and column; errors also say what to do.

use std::fmt;

use crate::pointer::JsonPointer;
use crate::read::positions::Position;

/// How many errors one run reports at most; past that, fixing the first ones usually
/// changes the rest.
pub const MAX_ERRORS: usize = 20;

/// Why a spec could not be turned into a crate.
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
    /// A construct that is valid OpenAPI but that this generator does not support.
    #[error("{}{}: {}: unsupported: {}: {}", .0.file, at(&.0.position), .0.pointer, .0.message, .0.hint)]
    Unsupported(Box<Located>),
    /// A construct that breaks the OpenAPI rules (a dangling `$ref`, an undeclared path
    /// parameter, ...).
    #[error("{}{}: {}: {}: {}", .0.file, at(&.0.position), .0.pointer, .0.message, .0.hint)]
    Invalid(Box<Located>),
    /// Several independent problems, in spec order (at most [`MAX_ERRORS`]).
    #[error("{}", list(.0))]
    Multiple(Vec<Error>),
    /// Warnings turned into errors (`--deny-warnings`).
    #[error("{}", warnings_list(.0))]
    DeniedWarnings(Vec<Warning>),
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

/// A problem with a construct of the spec. (Boxed in [`Error`], which stays small.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The spec file.
    pub file: String,
    /// Where in the spec.
    pub pointer: JsonPointer,
    /// Line and column of the construct in the spec text, when known.
    pub position: Option<Position>,
    /// What is wrong or not supported.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        _ => String::new(),
    }
}

fn at(position: &Option<Position>) -> String {
    location(position.map(|p| p.line), position.map(|p| p.column))
}

fn list(errors: &[Error]) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let mut text = lines.join("\n");
    if errors.len() >= MAX_ERRORS {
        text.push_str(&format!("\n(stopped after {MAX_ERRORS} errors)"));
    }
    text
}

fn warnings_list(warnings: &[Warning]) -> String {
    let lines: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    format!(
        "{}\n{} warning(s) denied by --deny-warnings",
        lines.join("\n"),
        warnings.len()
    )
}

impl Error {
    /// The JSON pointer of the construct this error is about, if it is about one.
    pub fn pointer(&self) -> Option<&JsonPointer> {
        match self {
            Error::Unsupported(located) | Error::Invalid(located) => Some(&located.pointer),
            _ => None,
        }
    }

    /// The individual errors (one, or those of [`Error::Multiple`]).
    pub fn errors(&self) -> Vec<&Error> {
        match self {
            Error::Multiple(errors) => errors.iter().collect(),
            other => vec![other],
        }
    }

    /// Fills in line and column from the spec text.
    pub(crate) fn locate(&mut self, positions: &crate::read::positions::Positions) {
        match self {
            Error::Unsupported(located) | Error::Invalid(located) => {
                located.position = positions.locate(&located.pointer);
            }
            Error::Multiple(errors) => {
                for error in errors {
                    error.locate(positions);
                }
            }
            _ => {}
        }
    }
}

/// Something the generator accepted but that deserves a look: an ignored construct, a name
/// changed to be a valid identifier, a name collision it resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The spec file.
    pub file: String,
    /// Where in the spec.
    pub pointer: JsonPointer,
    /// Line and column in the spec text, when known.
    pub position: Option<Position>,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}: {}: warning: {}",
            self.file,
            at(&self.position),
            self.pointer,
            self.message
        )
    }
}
