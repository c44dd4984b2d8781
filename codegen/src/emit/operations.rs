//! `src/operations/`: one file per operation holding its client method, its request
//! builder (optional parameters as chained setters), `send` and `IntoFuture`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs;
use super::types::{ident, tokens};
use crate::model::{Api, Operation, Param, ParamLocation, PathSegment, Success, TypeRef};

/// Clippy's `too_many_arguments` threshold.
const MAX_ARGUMENTS: usize = 7;

/// `(module, tokens)` for every operation.
pub fn files(api: &Api) -> Vec<(String, TokenStream)> {
    api.operations
        .iter()
        .map(|op| (op.module.clone(), operation_file(api, op)))
        .collect()
}

/// `src/operations/mod.rs`.
pub fn module(api: &Api) -> TokenStream {
    let items = api.operations.iter().map(|op| {
        let module = ident(&op.module);
        let builder = ident(&op.builder_name);
        quote! {
            #[rustfmt::skip]
            mod #module;
            pub use #module::#builder;
        }
    });
    quote! { #(#items)* }
}

/// `Some(..)` when the parameter or body is passed to the client method.
fn is_argument(param: &Param) -> bool {
    param.required
}

/// The value type a setter or argument takes: strings as `impl Into<String>`.
fn input_type(api: &Api, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::String => quote!(impl Into<String>),
        other => tokens(api, other),
    }
}

fn into_value(ty: &TypeRef, name: &proc_macro2::Ident) -> TokenStream {
    match ty {
        TypeRef::String => quote!(#name.into()),
        _ => quote!(#name),
    }
}

/// A field initializer from the argument of the same name (`name` alone when no conversion
/// is needed, as clippy wants).
fn init_field(ty: &TypeRef, name: &proc_macro2::Ident) -> TokenStream {
    match ty {
        TypeRef::String => quote!(#name: #name.into()),
        _ => quote!(#name),
    }
}

/// The text form of a scalar for paths and headers.
fn display(ty: &TypeRef, value: TokenStream) -> TokenStream {
    match ty {
        TypeRef::DateTime => quote!(#value.to_rfc3339()),
        _ => quote!(#value.to_string()),
    }
}

fn operation_file(api: &Api, op: &Operation) -> TokenStream {
    let builder = ident(&op.builder_name);
    let method = ident(&op.method_name);
    let http_method = ident(op.method.as_str());
    let route = format!("`{} {}`", op.method.as_str(), op.path);

    let response_ty = match &op.success {
        Success::Empty => quote!(()),
        Success::Json(ty) => tokens(api, ty),
    };
    let error_ty = match &op.errors.ty {
        Some(ty) => tokens(api, ty),
        None => quote!(crate::Undocumented),
    };
    let output = quote!(Result<crate::Response<#response_ty>, crate::Error<#error_ty>>);

    // Builder fields: every parameter, then the body.
    let mut fields = Vec::new();
    let mut arguments = Vec::new();
    let mut initializers = Vec::new();
    let mut setters = Vec::new();
    for param in &op.params {
        let name = ident(&param.name);
        let ty = tokens(api, &param.ty);
        let doc = param_doc(param);
        if is_argument(param) {
            fields.push(quote!(#name: #ty));
            let input = input_type(api, &param.ty);
            arguments.push(quote!(#name: #input));
            initializers.push(init_field(&param.ty, &name));
        } else {
            fields.push(quote!(#name: Option<#ty>));
            initializers.push(quote!(#name: None));
            let input = input_type(api, &param.ty);
            let value = into_value(&param.ty, &name);
            let doc = docs::outer(&doc);
            setters.push(quote! {
                #doc
                pub fn #name(mut self, #name: #input) -> Self {
                    self.#name = Some(#value);
                    self
                }
            });
        }
    }
    if let Some(body) = &op.body {
        let ty = tokens(api, &body.ty);
        if body.required {
            fields.push(quote!(body: #ty));
            arguments.push(quote!(body: #ty));
            initializers.push(quote!(body));
        } else {
            fields.push(quote!(body: Option<#ty>));
            initializers.push(quote!(body: None));
            let doc = docs::outer(&docs::text(&body.docs, "The request body."));
            setters.push(quote! {
                #doc
                pub fn body(mut self, body: #ty) -> Self {
                    self.body = Some(body);
                    self
                }
            });
        }
    }

    let segments = op.segments.iter().map(|segment| match segment {
        PathSegment::Literal(text) => quote!(#text),
        PathSegment::Param(index) => match op.params.get(*index) {
            Some(param) if param.ty == TypeRef::String => {
                let name = ident(&param.name);
                quote!(self.#name.as_str())
            }
            Some(param) => {
                let name = ident(&param.name);
                let text = display(&param.ty, quote!(self.#name));
                quote!(&#text)
            }
            None => quote!(""),
        },
    });
    let query_and_headers = op
        .params
        .iter()
        .filter(|p| p.location != ParamLocation::Path)
        .map(add_param);
    let body = op.body.as_ref().map(|body| {
        let content_type = (body.media_type != "application/json").then(|| {
            let media = &body.media_type;
            quote!(.header(reqwest::header::CONTENT_TYPE, #media))
        });
        if body.required {
            quote!(let request = request.json(&self.body) #content_type;)
        } else {
            quote! {
                let request = match &self.body {
                    Some(body) => request.json(body) #content_type,
                    None => request,
                };
            }
        }
    });
    let alternatives = op.security.iter().map(|alternative| {
        let indexes = alternative.iter().map(|i| Literal::usize_unsuffixed(*i));
        quote!(&[#(#indexes),*])
    });
    let authorize = (!op.security.is_empty())
        .then(|| quote!(let request = self.client.authorize(request, &[#(#alternatives),*])?;));
    let statuses = op
        .errors
        .statuses
        .iter()
        .map(|s| Literal::u16_unsuffixed(*s));
    let ranges = op.errors.ranges.iter().map(|s| Literal::u16_unsuffixed(*s));
    let default = op.errors.default;
    let send_fn = match op.success {
        Success::Empty => quote!(send_empty),
        Success::Json(_) => quote!(send_json),
    };

    let method_doc = docs::outer(&method_doc(api, op, &route));
    let builder_doc = docs::outer(&format!(
        "Request builder for [`Client::{0}`](crate::Client::{0}): {route}.\n\n\
         Set optional parameters with its methods, then `.await` it or call \
         [`send`](Self::send).",
        op.method_name
    ));
    let send_doc = docs::outer(&send_doc(api, op));
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let many_args =
        (arguments.len() > MAX_ARGUMENTS).then(|| quote!(#[allow(clippy::too_many_arguments)]));

    quote! {
        #builder_doc
        #[derive(Debug, Clone)]
        #[must_use = "a request is only sent when it is awaited or `.send()` is called"]
        pub struct #builder<'a> {
            client: &'a crate::Client,
            #(#fields,)*
        }

        impl crate::Client {
            #method_doc
            #deprecated
            #many_args
            pub fn #method(&self, #(#arguments),*) -> #builder<'_> {
                #builder {
                    client: self,
                    #(#initializers,)*
                }
            }
        }

        impl #builder<'_> {
            #(#setters)*

            #send_doc
            pub async fn send(self) -> #output {
                let request = self.client.request(reqwest::Method::#http_method, &[#(#segments),*])?;
                #(#query_and_headers)*
                #body
                #authorize
                crate::runtime::#send_fn(
                    request,
                    self.client.max_body_size(),
                    &crate::runtime::ErrorStatuses {
                        statuses: &[#(#statuses),*],
                        ranges: &[#(#ranges),*],
                        default: #default,
                    },
                )
                .await
            }
        }

        impl<'a> std::future::IntoFuture for #builder<'a> {
            type Output = #output;
            type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Self::Output> + Send + 'a>>;

            fn into_future(self) -> Self::IntoFuture {
                Box::pin(self.send())
            }
        }
    }
}

/// The statement that adds one query or header parameter to `request`.
fn add_param(param: &Param) -> TokenStream {
    let name = ident(&param.name);
    let wire = &param.wire_name;
    let (list, item_ty) = match &param.ty {
        TypeRef::List(inner) => (true, inner.as_ref()),
        other => (false, other),
    };
    let add_one = |value: TokenStream| match param.location {
        ParamLocation::Header => {
            let text = display(item_ty, value);
            quote!(request.header(#wire, #text))
        }
        _ => quote!(request.query(&[(#wire, #value)])),
    };
    // Arrays go out in OpenAPI's default `form`, `explode: true` style: the name repeated.
    let add_all = |values: TokenStream| {
        if list {
            let one = add_one(quote!(value));
            quote!(#values.iter().fold(request, |request, value| #one))
        } else {
            add_one(values)
        }
    };
    if param.required {
        let add = add_all(quote!(&self.#name));
        quote!(let request = #add;)
    } else {
        let add = add_all(quote!(value));
        quote! {
            let request = match &self.#name {
                Some(value) => #add,
                None => request,
            };
        }
    }
}

fn location_word(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    }
}

fn param_doc(param: &Param) -> String {
    let sent_as = format!(
        "Sent as the `{}` {} parameter.",
        param.wire_name,
        location_word(param.location)
    );
    match param.docs.description.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => format!("{text}\n\n{sent_as}"),
        _ => sent_as,
    }
}

fn method_doc(api: &Api, op: &Operation, route: &str) -> String {
    let mut text = docs::text(&op.docs, &format!("Calls {route}."));
    text.push_str(&format!("\n\n{route}"));
    let arguments: Vec<String> = op
        .params
        .iter()
        .filter(|p| is_argument(p))
        .map(|p| {
            let doc = param_doc(p).replace("\n\n", " ");
            format!("- `{}`: {doc}", p.name)
        })
        .chain(op.body.iter().filter(|b| b.required).map(|b| {
            let doc = docs::text(&b.docs, "The request body.").replace("\n\n", " ");
            format!("- `body`: {doc} Sent as `{}`.", b.media_type)
        }))
        .collect();
    if !arguments.is_empty() {
        text.push_str("\n\n# Arguments\n\n");
        text.push_str(&arguments.join("\n"));
    }
    let optional: Vec<String> = op
        .params
        .iter()
        .filter(|p| !is_argument(p))
        .map(|p| format!("[`{0}`]({1}::{0})", p.name, op.builder_name))
        .chain(
            op.body
                .iter()
                .filter(|b| !b.required)
                .map(|_| format!("[`body`]({}::body)", op.builder_name)),
        )
        .collect();
    if !optional.is_empty() {
        text.push_str(&format!(
            "\n\nOptional parameters are set on the returned builder: {}.",
            optional.join(", ")
        ));
    }
    if op.security.is_empty() {
        text.push_str("\n\nNeeds no credentials.");
    } else if op.security.iter().all(|alt| !alt.is_empty()) {
        let schemes: Vec<String> = op
            .security
            .iter()
            .map(|alt| {
                alt.iter()
                    .filter_map(|i| api.security_schemes.get(*i))
                    .map(|s| format!("`{}`", s.key))
                    .collect::<Vec<_>>()
                    .join(" and ")
            })
            .collect();
        text.push_str(&format!("\n\nAuthenticated with {}.", schemes.join(" or ")));
    }
    text
}

fn send_doc(api: &Api, op: &Operation) -> String {
    let mut text = "Sends the request and decodes the response.\n\n# Errors\n\n\
                    [`Error::Status`](crate::Error::Status) when the server answers outside 2XX"
        .to_owned();
    if let Some(ty) = &op.errors.ty {
        let name = match ty {
            TypeRef::Named(id) => api
                .type_def(*id)
                .map(|d| format!("[`{0}`](crate::models::{0})", d.name))
                .unwrap_or_default(),
            _ => "the documented error body".to_owned(),
        };
        let mut when: Vec<String> = op.errors.statuses.iter().map(u16::to_string).collect();
        when.extend(op.errors.ranges.iter().map(|r| format!("{r}XX")));
        if op.errors.default {
            when.push("any other status".to_owned());
        }
        text.push_str(&format!(
            " (its [`error`](crate::ErrorResponse::error) is a {name} for {})",
            when.join(", ")
        ));
    }
    text.push_str(
        "; [`Error::Timeout`](crate::Error::Timeout) and \
         [`Error::Transport`](crate::Error::Transport) when no response arrives; ",
    );
    if matches!(op.success, Success::Json(_)) {
        text.push_str(
            "[`Error::Decode`](crate::Error::Decode) or \
             [`Error::UnexpectedContentType`](crate::Error::UnexpectedContentType) when the \
             success body is not the documented JSON; ",
        );
    }
    text.push_str(
        "[`Error::InvalidRequest`](crate::Error::InvalidRequest) when it cannot be sent.",
    );
    text
}
