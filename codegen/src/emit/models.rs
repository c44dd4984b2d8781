//! `src/models/`: one file per named type (structs, maps and other aliases, enums), so a
//! spec edit to one schema changes one file.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::types::{ident, tokens};
use crate::model::{Api, Field, StringEnum, Struct, TypeDef, TypeKind};

/// `(module, tokens)` for every named type.
pub fn files(api: &Api) -> Vec<(String, TokenStream)> {
    api.types
        .iter()
        .map(|def| (def.module.clone(), type_file(api, def)))
        .collect()
}

/// `src/models/mod.rs`.
pub fn module(api: &Api) -> TokenStream {
    let items = api.types.iter().map(|def| {
        let module = ident(&def.module);
        let name = ident(&def.name);
        quote! {
            #[rustfmt::skip]
            mod #module;
            pub use #module::#name;
        }
    });
    quote! { #(#items)* }
}

fn type_file(api: &Api, def: &TypeDef) -> TokenStream {
    let name = ident(&def.name);
    let fallback = format!(
        "The `{}` schema.",
        def.origin.rsplit('/').next().unwrap_or(&def.name)
    );
    let mut doc = docs::text(&def.docs, &fallback);
    doc.push_str(&format!("\n\nDefined at `{}` in the spec.", def.origin));
    let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
    match &def.kind {
        TypeKind::Struct(s) => {
            let doc = docs::outer(&doc);
            let body = structure(api, s);
            quote! {
                #doc
                #deprecated
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
                pub struct #name { #body }
            }
        }
        TypeKind::Alias(ty) => {
            let doc = docs::outer(&doc);
            let ty = tokens(api, ty);
            quote! {
                #doc
                #deprecated
                pub type #name = #ty;
            }
        }
        TypeKind::Enum(e) => {
            let doc = docs::outer(&doc);
            string_enum(&name, e, doc, deprecated)
        }
    }
}

fn structure(api: &Api, s: &Struct) -> TokenStream {
    let fields = s.fields.iter().map(|field| self::field(api, field));
    let additional = s.additional.as_ref().map(|ty| {
        let ty = tokens(api, ty);
        quote! {
            /// Properties not listed in the schema, by name.
            #[serde(flatten)]
            pub additional_properties: std::collections::BTreeMap<String, #ty>,
        }
    });
    quote! { #(#fields)* #additional }
}

/// A property. How presence and `null` map to Rust:
/// - required, not nullable: `T`; missing or `null` is a decode error.
/// - required, nullable: `Option<T>`; `None` is sent as `null`.
/// - optional, not nullable: `Option<T>`; `None` is left out of the JSON.
/// - optional, nullable: `Option<T>` that accepts both absence and `null` as `None` and
///   sends `None` as absence (the distinction rarely matters to a client).
fn field(api: &Api, field: &Field) -> TokenStream {
    let name = ident(&field.name);
    let inner = tokens(api, &field.ty);
    let ty = if field.required && !field.nullable {
        inner
    } else {
        quote!(Option<#inner>)
    };
    let mut serde_args = Vec::new();
    if field.name != field.wire_name {
        let wire = &field.wire_name;
        serde_args.push(quote!(rename = #wire));
    }
    if !field.required {
        serde_args.push(quote!(default, skip_serializing_if = "Option::is_none"));
    }
    let serde = (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)]));
    let mut text = docs::text(&field.docs, &format!("The `{}` property.", field.wire_name));
    if field.read_only {
        text.push_str("\n\nRead-only: set by the server, ignored in requests.");
    }
    let doc = docs::outer(&text);
    let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #doc
        #deprecated
        #serde
        pub #name: #ty,
    }
}

fn string_enum(
    name: &proc_macro2::Ident,
    e: &StringEnum,
    doc: TokenStream,
    deprecated: Option<TokenStream>,
) -> TokenStream {
    let other = ident(&e.other);
    let variants = e.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.wire_value;
        let doc = format!(" `{wire}`");
        quote! {
            #[doc = #doc]
            #[serde(rename = #wire)]
            #variant,
        }
    });
    let arms = e.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.wire_value;
        quote!(Self::#variant => #wire,)
    });
    quote! {
        #doc
        #deprecated
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum #name {
            #(#variants)*
            /// A value the spec does not list, kept as sent so that new server values do not
            /// break decoding.
            #[serde(untagged)]
            #other(String),
        }

        impl #name {
            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#arms)*
                    Self::#other(value) => value,
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}
