//! Emitting: the resolved model to one token stream (or text) per output file.
//!
//! Emitters read only [`crate::model`]; they never see `openapiv3` types. Layout: one file
//! per model and per operation, so a spec edit to one schema or operation changes one file.

mod client;
mod crate_root;
mod docs;
mod manifest;
mod models;
mod operations;
mod runtime;
mod types;

use proc_macro2::TokenStream;

use crate::Options;
use crate::model::Api;

/// What an output file holds before formatting.
pub enum Content {
    /// Rust code, formatted with prettyplease.
    Rust(TokenStream),
    /// Rust code whose doc blocks are markers, and the blocks, written in after formatting.
    RustWithDocs(TokenStream, Vec<Vec<String>>),
    /// Rust code that is the same for every spec; formatted once per process.
    Shared(SharedFile),
    /// Text written as is (after the header).
    Toml(String),
}

/// The spec-independent files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedFile {
    /// `src/error.rs`.
    Error,
    /// `src/response.rs`.
    Response,
    /// `src/runtime.rs`.
    Runtime,
}

impl SharedFile {
    /// The file's tokens.
    pub fn tokens(self) -> TokenStream {
        match self {
            SharedFile::Error => runtime::error_file(),
            SharedFile::Response => runtime::response_file(),
            SharedFile::Runtime => runtime::runtime_file(),
        }
    }
}

/// One output file, to be rendered by [`render`]. Jobs are plain data (the token streams
/// they become are not `Send`), so that files can be rendered on several threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// `Cargo.toml`.
    Manifest,
    /// `src/lib.rs`.
    CrateRoot,
    /// `src/client.rs`.
    Client,
    /// One of the spec-independent files.
    Shared(SharedFile),
    /// `src/models/mod.rs`.
    ModelsModule,
    /// `src/operations/mod.rs`.
    OperationsModule,
    /// The file of `api.types[n]`.
    Model(usize),
    /// The file of `api.operations[n]`.
    Operation(usize),
}

/// Every file the crate for `api` has.
pub fn jobs(api: &Api) -> Vec<Job> {
    let mut jobs = vec![
        Job::Manifest,
        Job::CrateRoot,
        Job::Client,
        Job::Shared(SharedFile::Error),
        Job::Shared(SharedFile::Response),
        Job::Shared(SharedFile::Runtime),
        Job::ModelsModule,
        Job::OperationsModule,
    ];
    jobs.extend((0..api.types.len()).map(Job::Model));
    jobs.extend((0..api.operations.len()).map(Job::Operation));
    jobs
}

/// A file's path (relative to the crate root) and unformatted content.
pub fn render(api: &Api, options: &Options, job: Job) -> (String, Content) {
    match job {
        Job::Manifest => (
            "Cargo.toml".to_owned(),
            Content::Toml(manifest::file(api, options)),
        ),
        Job::CrateRoot => (
            "src/lib.rs".to_owned(),
            Content::Rust(crate_root::file(api, options)),
        ),
        Job::Client => ("src/client.rs".to_owned(), Content::Rust(client::file(api))),
        Job::Shared(shared) => {
            let path = match shared {
                SharedFile::Error => "src/error.rs",
                SharedFile::Response => "src/response.rs",
                SharedFile::Runtime => "src/runtime.rs",
            };
            (path.to_owned(), Content::Shared(shared))
        }
        Job::ModelsModule => (
            "src/models/mod.rs".to_owned(),
            Content::Rust(with_inner_doc(
                "Typed models, one per named schema of the spec (and per inline object or enum, \
                 named after where it appears).",
                models::module(api),
            )),
        ),
        Job::OperationsModule => (
            "src/operations/mod.rs".to_owned(),
            Content::Rust(with_inner_doc(
                "Request builders, one per operation. Each is returned by the `Client` method of \
                 the same name; set optional parameters on it, then `.await` it.",
                operations::module(api),
            )),
        ),
        Job::Model(index) => match api.types.get(index) {
            Some(def) => (
                format!("src/models/{}.rs", def.module),
                Content::Rust(models::type_file(api, def)),
            ),
            None => (String::new(), Content::Toml(String::new())),
        },
        Job::Operation(index) => match api.operations.get(index) {
            Some(op) => (
                format!("src/operations/{}.rs", op.module),
                Content::Rust(operations::operation_file(api, op)),
            ),
            None => (String::new(), Content::Toml(String::new())),
        },
    }
}

/// [`render`] with doc blocks kept aside and written in by [`crate::format::format`]
/// (cheaper to format; same output).
pub fn render_deferred(api: &Api, options: &Options, job: Job) -> (String, Content) {
    let ((path, content), blocks) = docs::collect(|| render(api, options, job));
    match content {
        Content::Rust(tokens) => (path, Content::RustWithDocs(tokens, blocks)),
        other => (path, other),
    }
}

/// Every file of the crate, as `(path relative to the crate root, content)`, unformatted.
pub fn emit(api: &Api, options: &Options) -> Vec<(String, Content)> {
    jobs(api)
        .into_iter()
        .map(|job| render_deferred(api, options, job))
        .collect()
}

/// See [`docs::substitute`].
pub fn substitute_docs(formatted: &str, blocks: &[Vec<String>]) -> String {
    docs::substitute(formatted, blocks)
}

fn with_inner_doc(text: &str, items: TokenStream) -> TokenStream {
    let doc = docs::inner(text);
    quote::quote! { #doc #items }
}
