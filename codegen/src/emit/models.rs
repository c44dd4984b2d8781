//! `src/models/`: one file per named type (structs, maps and other aliases, enums), so a
//! spec edit to one schema changes one file.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::types::{ident, tokens};
use crate::model::{Api, Field, IntEnum, OneOf, StringEnum, Struct, TypeDef, TypeKind, TypeRef};

/// `src/models/mod.rs`.
pub fn module(api: &Api) -> TokenStream {
    let mut types: Vec<&crate::model::TypeDef> = api.types.iter().collect();
    types.sort_by(|a, b| a.module.cmp(&b.module));
    let items = types.into_iter().map(|def| {
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

pub(super) fn type_file(api: &Api, def: &TypeDef) -> TokenStream {
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
        TypeKind::Newtype(ty) => {
            let doc = docs::outer(&doc);
            let ty = tokens(api, ty);
            quote! {
                #doc
                #deprecated
                #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
                #[serde(transparent)]
                pub struct #name(pub #ty);
            }
        }
        TypeKind::Enum(e) => {
            let doc = docs::outer(&doc);
            string_enum(&name, e, doc, deprecated)
        }
        TypeKind::IntEnum(e) => {
            let doc = docs::outer(&doc);
            int_enum(&name, e, doc, deprecated)
        }
        TypeKind::OneOf(o) => {
            let doc = docs::outer(&doc);
            one_of(api, &name, o, doc, deprecated)
        }
    }
}

/// `T` or `Box<T>`.
fn maybe_boxed(api: &Api, ty: &TypeRef, boxed: bool) -> TokenStream {
    let ty = tokens(api, ty);
    if boxed { quote!(Box<#ty>) } else { ty }
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
    let inner = maybe_boxed(api, &field.ty, field.boxed);
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
    if field.write_only {
        text.push_str("\n\nWrite-only: sent by the client, never returned.");
    }
    if let Some(default) = &field.default {
        text.push_str(&format!(
            "\n\nThe server assumes `{default}` when it is absent."
        ));
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

fn int_enum(
    name: &proc_macro2::Ident,
    e: &IntEnum,
    doc: TokenStream,
    deprecated: Option<TokenStream>,
) -> TokenStream {
    let other = ident(&e.other);
    let variants = e.variants.iter().map(|(variant, value)| {
        let variant = ident(variant);
        let doc = format!(" `{value}`");
        quote!(#[doc = #doc] #variant,)
    });
    let from_arms = e.variants.iter().map(|(variant, value)| {
        let variant = ident(variant);
        let value = proc_macro2::Literal::i64_unsuffixed(*value);
        quote!(#value => Self::#variant,)
    });
    let into_arms = e.variants.iter().map(|(variant, value)| {
        let variant = ident(variant);
        let value = proc_macro2::Literal::i64_unsuffixed(*value);
        quote!(#name::#variant => #value,)
    });
    quote! {
        #doc
        #deprecated
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(from = "i64", into = "i64")]
        pub enum #name {
            #(#variants)*
            /// A value the spec does not list, kept as sent.
            #other(i64),
        }

        impl From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #(#from_arms)*
                    other => Self::#other(other),
                }
            }
        }

        impl From<#name> for i64 {
            fn from(value: #name) -> Self {
                match value {
                    #(#into_arms)*
                    #name::#other(other) => other,
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", i64::from(*self))
            }
        }
    }
}

fn one_of(
    api: &Api,
    name: &proc_macro2::Ident,
    o: &OneOf,
    doc: TokenStream,
    deprecated: Option<TokenStream>,
) -> TokenStream {
    let variants = o.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let ty = maybe_boxed(api, &v.ty, v.boxed);
        let doc = if v.tag_values.is_empty() {
            " One of the alternatives.".to_owned()
        } else {
            let values: Vec<String> = v.tag_values.iter().map(|t| format!("`{t}`")).collect();
            format!(" Selected by {}.", values.join(", "))
        };
        quote!(#[doc = #doc] #variant(#ty),)
    });
    let Some(tag) = &o.tag else {
        return quote! {
            #doc
            ///
            /// Decoded as the first alternative that matches, in spec order.
            #deprecated
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            #[serde(untagged)]
            #[allow(clippy::large_enum_variant)]
            pub enum #name {
                #(#variants)*
            }
        };
    };
    let other = ident(&o.other);
    let arms = o.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let values = &v.tag_values;
        let wrap = if v.boxed {
            quote!(|value| Self::#variant(Box::new(value)))
        } else {
            quote!(Self::#variant)
        };
        quote! {
            Some(#(#values)|*) => serde_json::from_value(value).map(#wrap).map_err(serde::de::Error::custom),
        }
    });
    let tag_doc = format!(" The variant is chosen by the `{tag}` property.");
    quote! {
        #doc
        ///
        #[doc = #tag_doc]
        #deprecated
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
            /// A value whose tag the spec does not list, kept as raw JSON.
            #other(serde_json::Value),
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                let tag = value.get(#tag).and_then(serde_json::Value::as_str).map(str::to_owned);
                match tag.as_deref() {
                    #(#arms)*
                    _ => Ok(Self::#other(value)),
                }
            }
        }
    }
}
