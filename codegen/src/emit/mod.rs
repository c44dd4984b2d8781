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
    /// Text written as is (after the header).
    Toml(String),
}

/// Every file of the crate, as `(path relative to the crate root, content)`, unformatted.
pub fn emit(api: &Api, options: &Options) -> Vec<(String, Content)> {
    let mut files = vec![
        (
            "Cargo.toml".to_owned(),
            Content::Toml(manifest::file(api, options)),
        ),
        (
            "src/lib.rs".to_owned(),
            Content::Rust(crate_root::file(api, options)),
        ),
        ("src/client.rs".to_owned(), Content::Rust(client::file(api))),
        (
            "src/error.rs".to_owned(),
            Content::Rust(runtime::error_file()),
        ),
        (
            "src/response.rs".to_owned(),
            Content::Rust(runtime::response_file()),
        ),
        (
            "src/runtime.rs".to_owned(),
            Content::Rust(runtime::runtime_file()),
        ),
        (
            "src/models/mod.rs".to_owned(),
            Content::Rust(with_inner_doc(
                "Typed models, one per named schema of the spec (and per inline object or enum, \
             named after where it appears).",
                models::module(api),
            )),
        ),
        (
            "src/operations/mod.rs".to_owned(),
            Content::Rust(with_inner_doc(
                "Request builders, one per operation. Each is returned by the `Client` method of \
             the same name; set optional parameters on it, then `.await` it.",
                operations::module(api),
            )),
        ),
    ];
    for (module, tokens) in models::files(api) {
        files.push((format!("src/models/{module}.rs"), Content::Rust(tokens)));
    }
    for (module, tokens) in operations::files(api) {
        files.push((format!("src/operations/{module}.rs"), Content::Rust(tokens)));
    }
    files
}

fn with_inner_doc(text: &str, items: TokenStream) -> TokenStream {
    let doc = docs::inner(text);
    quote::quote! { #doc #items }
}
