//! `src/lib.rs`: crate docs with a quick example, module declarations and re-exports.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use crate::Options;
use crate::model::{Api, ParamLocation, SchemeKind, TypeRef};

pub fn file(api: &Api, options: &Options) -> TokenStream {
    let doc = docs::inner(&crate_doc(api, options));
    quote! {
        #doc
        #![deny(missing_docs)]
        // Deprecated schemas are still used by the code generated around them; users of
        // the crate get the deprecation warnings where they use them.
        #![allow(deprecated)]
        // Descriptions come from the spec, written as prose for any renderer.
        #![allow(rustdoc::bare_urls, rustdoc::invalid_html_tags)]

        // `rustfmt::skip`: the files are formatted by the generator (prettyplease), and
        // `cargo fmt` must not make them differ from what the generator produces.
        #[rustfmt::skip]
        mod client;
        #[rustfmt::skip]
        mod error;
        #[rustfmt::skip]
        pub mod models;
        #[rustfmt::skip]
        pub mod operations;
        #[rustfmt::skip]
        mod response;
        // One runtime serves every spec; a spec uses only some of its schemes and senders.
        #[allow(dead_code)]
        #[rustfmt::skip]
        mod runtime;

        pub use client::{BuildError, Client, ClientBuilder};
        pub use error::{DecodeError, Error, ErrorResponse, RawResponse, Undocumented};
        pub use response::Response;
    }
}

fn crate_doc(api: &Api, options: &Options) -> String {
    let crate_ident = options.crate_name.replace('-', "_");
    let mut text = format!(
        "Typed async client for the {} (version {}).",
        super::docs::api_name(&api.title),
        api.version
    );
    if let Some(description) = api
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        text.push_str("\n\n");
        text.push_str(description);
    }
    text.push_str(&format!(
        "\n\nGenerated from `{}`: every operation is a method of [`Client`] that returns a \
         request builder from [`operations`]; models are in [`models`].\n\n# Example\n\n",
        options.spec_name
    ));
    text.push_str("```no_run\n");
    text.push_str("# async fn example() -> Result<(), Box<dyn std::error::Error>> {\n");
    text.push_str(&format!(
        "let client = {};\n",
        construct_example(api, &crate_ident)
    ));
    if let Some(call) = call_example(api) {
        text.push_str(&format!("let response = client.{call}.await?;\n"));
        text.push_str("println!(\"{} {:?}\", response.status(), response.body());\n");
    }
    text.push_str("# Ok(())\n# }\n```\n\n");
    text.push_str(
        "Errors are [`Error`] values that keep the status, headers and raw body of any \
         response that arrived; [`Error::Status`] also decodes the error body the spec \
         documents.",
    );
    if !api.notes.is_empty() {
        text.push_str("\n\n# Not generated\n");
        for note in &api.notes {
            text.push_str(&format!("\n- {note}"));
        }
    }
    text
}

fn construct_example(api: &Api, crate_ident: &str) -> String {
    let credential = match api.security_schemes.as_slice() {
        [only] if only.kind != SchemeKind::Basic => Some("\"your-api-key\""),
        _ => None,
    };
    match (&api.base_url, credential) {
        (Some(_), Some(key)) => format!("{crate_ident}::Client::new({key})"),
        (Some(_), None) => format!("{crate_ident}::Client::new()"),
        (None, Some(key)) => {
            format!("{crate_ident}::Client::new(\"https://api.example.com\", {key})?")
        }
        (None, None) => format!("{crate_ident}::Client::new(\"https://api.example.com\")?"),
    }
}

/// A call to the first operation whose required arguments are all strings (fewest first).
fn call_example(api: &Api) -> Option<String> {
    let callable = api.operations.iter().filter(|op| {
        !op.deprecated
            && op.body.as_ref().is_none_or(|b| !b.required)
            && op
                .params
                .iter()
                .filter(|p| p.required)
                .all(|p| p.ty == TypeRef::String)
    });
    let op = callable.min_by_key(|op| op.params.iter().filter(|p| p.required).count())?;
    let args: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.required)
        .map(|p| match p.location {
            ParamLocation::Path
            | ParamLocation::Query
            | ParamLocation::Header
            | ParamLocation::Cookie => {
                format!("\"{}\"", p.wire_name.escape_default())
            }
        })
        .collect();
    Some(format!("{}({})", op.method_name, args.join(", ")))
}
