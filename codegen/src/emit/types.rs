//! Rust spelling of the model's type uses.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::{Api, TypeRef};

/// An identifier for a name the lowering produced (always a valid, non-keyword identifier).
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The type a `TypeRef` is spelled as, with paths that work from any module of the crate.
pub fn tokens(api: &Api, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Bool => quote!(bool),
        TypeRef::I32 => quote!(i32),
        TypeRef::I64 => quote!(i64),
        TypeRef::F32 => quote!(f32),
        TypeRef::F64 => quote!(f64),
        TypeRef::String => quote!(String),
        TypeRef::Date => quote!(chrono::NaiveDate),
        TypeRef::DateTime => quote!(chrono::DateTime<chrono::Utc>),
        TypeRef::Uuid => quote!(uuid::Uuid),
        TypeRef::Bytes => quote!(Vec<u8>),
        TypeRef::Json => quote!(serde_json::Value),
        TypeRef::Named(id) => match api.type_def(*id) {
            Some(def) => {
                let name = ident(&def.name);
                quote!(crate::models::#name)
            }
            None => quote!(serde_json::Value),
        },
        TypeRef::List(inner) => {
            let inner = tokens(api, inner);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = tokens(api, inner);
            quote!(std::collections::BTreeMap<String, #inner>)
        }
        TypeRef::Nullable(inner) => {
            let inner = tokens(api, inner);
            quote!(Option<#inner>)
        }
    }
}

/// Whether the type needs the `chrono` crate.
pub fn is_chrono(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Date | TypeRef::DateTime)
}

/// Whether the type needs the `uuid` crate.
pub fn is_uuid(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Uuid)
}
