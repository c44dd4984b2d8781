//! OpenAPI 3.0 to Rust: reads a spec and produces the files of a typed async `reqwest`
//! client crate.
//!
//! The pipeline runs one way, one module per step:
//! [`read`] (text to `openapiv3::OpenAPI`) -> [`lower`] (to the resolved [`model`]: names,
//! types, operations; every `$ref` resolved there) -> [`emit`] (token streams per file) ->
//! [`format`] (prettyplease). Nothing here touches the file system: [`generate`] takes the
//! spec text and returns the files; the caller decides where they go. Each phase is public
//! so that benchmarks and tools can run them one at a time.
//!
//! ```
//! let spec = r#"
//! openapi: 3.0.3
//! info: { title: Pets, version: "1" }
//! servers: [{ url: "https://pets.example.com" }]
//! paths:
//!   /pets:
//!     get:
//!       operationId: list_pets
//!       responses:
//!         "200":
//!           description: ok
//!           content:
//!             application/json:
//!               schema: { type: array, items: { type: string } }
//! "#;
//! let krate = codegen::generate(spec, &codegen::Options::new("pets.yaml", "pets-client"))?;
//! assert!(krate.file("src/operations/list_pets.rs").is_some());
//! # Ok::<(), codegen::Error>(())
//! ```

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod emit;
mod error;
pub mod format;
pub mod lower;
pub mod model;
mod names;
mod pointer;
pub mod read;

pub use error::{Error, Located, MAX_ERRORS, Warning};
pub use pointer::JsonPointer;

/// How to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// How the spec is named in file headers and error messages (usually its path).
    pub spec_name: String,
    /// The generated crate's package name.
    pub crate_name: String,
    /// The generated crate's version.
    pub crate_version: String,
    /// Adds an empty `[workspace]` table so the crate builds where it lies, outside any
    /// enclosing workspace.
    pub standalone: bool,
    /// Turns warnings into an error ([`Error::DeniedWarnings`]): nothing is generated.
    pub deny_warnings: bool,
}

impl Options {
    /// Options for a crate named `crate_name`, version 0.1.0, inside a workspace.
    pub fn new(spec_name: impl Into<String>, crate_name: impl Into<String>) -> Self {
        Self {
            spec_name: spec_name.into(),
            crate_name: crate_name.into(),
            crate_version: "0.1.0".to_owned(),
            standalone: false,
            deny_warnings: false,
        }
    }
}

/// One file of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the crate root, with `/` separators (`src/models/account.rs`).
    pub path: String,
    /// The whole file.
    pub contents: String,
}

/// The files of a generated crate, sorted by path, and the warnings about the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedCrate {
    /// The files.
    pub files: Vec<GeneratedFile>,
    /// What was accepted but deserves a look (ignored constructs, renamed identifiers,
    /// resolved name collisions), in the order found.
    pub warnings: Vec<Warning>,
}

impl GeneratedCrate {
    /// The file at `path`, if generated.
    pub fn file(&self, path: &str) -> Option<&GeneratedFile> {
        self.files.iter().find(|f| f.path == path)
    }

    /// Whether the generator owns `path` (relative to the crate root): `Cargo.toml` and
    /// everything under `src/`. Other files in the crate folder (examples, READMEs) are the
    /// user's and are never overwritten or removed.
    pub fn owns(path: &str) -> bool {
        path == "Cargo.toml" || path.starts_with("src/")
    }
}

/// Generates a client crate from the text of a spec (YAML or JSON, OpenAPI 3.0 or 3.1).
///
/// Returns every file of the crate, or the problems found (up to [`MAX_ERRORS`]), each with
/// the spec's JSON pointer, its line and column, and a hint. Either all files are produced
/// or none.
pub fn generate(spec: &str, options: &Options) -> Result<GeneratedCrate, Error> {
    // Positions are found only for what is reported, and only when something is.
    let located = |mut error: Error| {
        let pointers: Vec<JsonPointer> = error
            .errors()
            .iter()
            .filter_map(|e| e.pointer().cloned())
            .collect();
        error.locate(&read::positions::Positions::for_pointers(spec, &pointers));
        error
    };
    let document = read::parse(spec, &options.spec_name).map_err(located)?;
    let (api, mut warnings) =
        lower::lower_with_warnings(&document, &options.spec_name).map_err(located)?;
    if !warnings.is_empty() {
        let positions =
            read::positions::Positions::for_pointers(spec, warnings.iter().map(|w| &w.pointer));
        for warning in &mut warnings {
            warning.position = positions.locate(&warning.pointer);
        }
        if options.deny_warnings {
            return Err(Error::DeniedWarnings(warnings));
        }
    }
    let mut generated = generate_from_model(&api, options)?;
    generated.warnings = warnings;
    Ok(generated)
}

/// Emits and formats the crate for an already lowered model.
///
/// Files are rendered and formatted on up to as many threads as the machine has cores
/// (formatting is most of the generator's time); the result does not depend on how many.
pub fn generate_from_model(api: &model::Api, options: &Options) -> Result<GeneratedCrate, Error> {
    let jobs = emit::jobs(api);
    let threads = std::thread::available_parallelism()
        .map(std::num::NonZeroUsize::get)
        .unwrap_or(1)
        .clamp(1, 8);
    let render = |jobs: &[emit::Job]| -> Result<Vec<GeneratedFile>, Error> {
        jobs.iter()
            .map(|job| {
                let (path, content) = emit::render_deferred(api, options, *job);
                let contents = format::format(&path, content, options)?;
                Ok(GeneratedFile { path, contents })
            })
            .collect()
    };
    let mut files = if threads == 1 || jobs.len() < 16 {
        render(&jobs)?
    } else {
        // Interleaved shares, so that the big files (runtime, client) do not all land on
        // one thread.
        let shares: Vec<Vec<emit::Job>> = (0..threads)
            .map(|t| jobs.iter().skip(t).step_by(threads).copied().collect())
            .collect();
        let results: Vec<Result<Vec<GeneratedFile>, Error>> = std::thread::scope(|scope| {
            let handles: Vec<_> = shares
                .iter()
                .map(|share| scope.spawn(|| render(share)))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle.join().unwrap_or_else(|_| {
                        Err(Error::Internal {
                            file: options.spec_name.clone(),
                            path: String::new(),
                            message: "a formatting thread panicked".to_owned(),
                        })
                    })
                })
                .collect()
        });
        let mut files = Vec::with_capacity(jobs.len());
        for result in results {
            files.extend(result?);
        }
        files
    };
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(GeneratedCrate {
        files,
        warnings: Vec::new(),
    })
}
