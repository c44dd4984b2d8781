//! `src/operations/`: one file per operation holding its client method, its request
//! builder (optional parameters as chained setters), `send`, `IntoFuture`, and the body,
//! response and error enums the operation needs when it has several of them.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::docs;
use super::types::{ident, tokens};
use crate::model::{
    Api, Body, BodyMedia, Encoding, Errors, Operation, Param, ParamLocation, ParamStyle,
    PathSegment, ResponseBody, StatusMatch, Success, TypeRef,
};

/// Clippy's `too_many_arguments` threshold.
const MAX_ARGUMENTS: usize = 7;

/// `src/operations/mod.rs`.
pub fn module(api: &Api) -> TokenStream {
    let mut operations: Vec<&Operation> = api.operations.iter().collect();
    operations.sort_by(|a, b| a.module.cmp(&b.module));
    let items = operations.into_iter().map(|op| {
        let module = ident(&op.module);
        let mut names = vec![ident(&op.builder_name)];
        if let Some(body) = op.body.as_ref().filter(|b| b.media.len() > 1) {
            names.push(ident(&body.enum_name));
        }
        if let Success::ByStatus { enum_name, .. } = &op.success {
            names.push(ident(enum_name));
        }
        if let Errors::ByStatus { enum_name, .. } = &op.errors {
            names.push(ident(enum_name));
        }
        quote! {
            #[rustfmt::skip]
            mod #module;
            pub use #module::{#(#names),*};
        }
    });
    quote! { #(#items)* }
}

/// The value type a setter or argument takes: strings as `impl Into<String>`.
fn input_type(api: &Api, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::String => quote!(impl Into<String>),
        other => tokens(api, other),
    }
}

fn into_value(ty: &TypeRef, name: &Ident) -> TokenStream {
    match ty {
        TypeRef::String => quote!(#name.into()),
        _ => quote!(#name),
    }
}

/// A field initializer from the argument of the same name (`name` alone when no conversion
/// is needed, as clippy wants).
fn init_field(ty: &TypeRef, name: &Ident) -> TokenStream {
    match ty {
        TypeRef::String => quote!(#name: #name.into()),
        _ => quote!(#name),
    }
}

/// The text form of a value for paths, headers, cookies and multipart fields. `value` is a
/// place (`self.x`), or with `by_ref` already a reference.
fn display_value(ty: &TypeRef, value: TokenStream, by_ref: bool) -> TokenStream {
    match ty {
        TypeRef::DateTime => quote!(#value.to_rfc3339()),
        TypeRef::List(_) if by_ref => quote!(crate::runtime::join(#value)),
        TypeRef::List(_) => quote!(crate::runtime::join(&#value)),
        _ => quote!(#value.to_string()),
    }
}

fn display(ty: &TypeRef, value: TokenStream) -> TokenStream {
    display_value(ty, value, false)
}

/// The type of the body argument: the media type's type, or the operation's body enum.
fn body_type(api: &Api, body: &Body) -> TokenStream {
    match body.media.as_slice() {
        [only] => media_type_tokens(api, only),
        _ => {
            let name = ident(&body.enum_name);
            quote!(#name)
        }
    }
}

fn media_type_tokens(api: &Api, media: &BodyMedia) -> TokenStream {
    tokens(api, &media.ty)
}

fn response_body_type(api: &Api, body: &ResponseBody) -> Option<TokenStream> {
    match body {
        ResponseBody::Empty => None,
        ResponseBody::Json(ty) => Some(tokens(api, ty)),
        ResponseBody::Text => Some(quote!(String)),
        ResponseBody::Bytes => Some(quote!(Vec<u8>)),
    }
}

fn decode_fn(body: &ResponseBody) -> TokenStream {
    match body {
        ResponseBody::Empty => quote!(crate::runtime::empty),
        ResponseBody::Json(TypeRef::Json) => quote!(crate::runtime::json_value),
        ResponseBody::Json(_) => quote!(crate::runtime::json),
        ResponseBody::Text => quote!(crate::runtime::text_body),
        ResponseBody::Bytes => quote!(crate::runtime::bytes),
    }
}

fn status_pattern(status: StatusMatch) -> TokenStream {
    match status {
        StatusMatch::Code(code) => {
            let code = Literal::u16_unsuffixed(code);
            quote!(#code)
        }
        StatusMatch::Range(class) => {
            let low = Literal::u16_unsuffixed(class * 100);
            let high = Literal::u16_unsuffixed(class * 100 + 99);
            quote!(#low..=#high)
        }
        StatusMatch::Default => quote!(_),
    }
}

/// Patterns for a set of statuses, with adjacent codes and classes merged into ranges
/// (`400..=599` for `4XX` and `5XX`), as clippy prefers.
fn status_patterns(statuses: &[StatusMatch]) -> Vec<TokenStream> {
    let mut intervals: Vec<(u16, u16)> = statuses
        .iter()
        .filter_map(|s| match s {
            StatusMatch::Code(code) => Some((*code, *code)),
            StatusMatch::Range(class) => Some((class * 100, class * 100 + 99)),
            StatusMatch::Default => None,
        })
        .collect();
    intervals.sort_unstable();
    let mut merged: Vec<(u16, u16)> = Vec::new();
    for (low, high) in intervals {
        match merged.last_mut() {
            Some((_, end)) if low <= end.saturating_add(1) => *end = (*end).max(high),
            _ => merged.push((low, high)),
        }
    }
    merged
        .into_iter()
        .map(|(low, high)| {
            let low_lit = Literal::u16_unsuffixed(low);
            if low == high {
                quote!(#low_lit)
            } else {
                let high = Literal::u16_unsuffixed(high);
                quote!(#low_lit..=#high)
            }
        })
        .collect()
}

fn status_text(status: StatusMatch) -> String {
    match status {
        StatusMatch::Code(code) => code.to_string(),
        StatusMatch::Range(class) => format!("{class}XX"),
        StatusMatch::Default => "any other status".to_owned(),
    }
}

pub(super) fn operation_file(api: &Api, op: &Operation) -> TokenStream {
    let builder = ident(&op.builder_name);
    let method = ident(&op.method_name);
    let http_method = ident(op.method.as_str());
    let route = format!("`{} {}`", op.method.as_str(), op.path);

    let (response_ty, decode, response_enum) = success_parts(api, op);
    let (error_ty, decode_error, error_enum) = error_parts(api, op);
    let output = quote!(Result<crate::Response<#response_ty>, crate::Error<#error_ty>>);

    let mut fields = Vec::new();
    let mut arguments = Vec::new();
    let mut initializers = Vec::new();
    let mut setters = Vec::new();
    for param in &op.params {
        let name = ident(&param.name);
        let ty = tokens(api, &param.ty);
        let input = input_type(api, &param.ty);
        if param.required {
            fields.push(quote!(#name: #ty));
            arguments.push(quote!(#name: #input));
            initializers.push(init_field(&param.ty, &name));
        } else {
            fields.push(quote!(#name: Option<#ty>));
            initializers.push(quote!(#name: None));
            let value = into_value(&param.ty, &name);
            let doc = docs::outer(&param_doc(param));
            let deprecated = param.deprecated.then(|| quote!(#[deprecated]));
            setters.push(quote! {
                #doc
                #deprecated
                pub fn #name(mut self, #name: #input) -> Self {
                    self.#name = Some(#value);
                    self
                }
            });
        }
    }
    let mut body_enum = None;
    if let Some(body) = &op.body {
        let ty = body_type(api, body);
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
        if body.media.len() > 1 {
            body_enum = Some(body_enum_tokens(api, op, body));
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
    let server = match &op.server {
        Some(url) => quote!(Some(#url)),
        None => quote!(None),
    };
    let query_and_headers = op
        .params
        .iter()
        .filter(|p| matches!(p.location, ParamLocation::Query | ParamLocation::Header))
        .map(add_param);
    let cookies = cookie_params(op);
    let body = op.body.as_ref().map(|body| {
        let apply = apply_body(body);
        if body.required {
            quote! {
                let body = self.body;
                let request = #apply;
            }
        } else {
            quote! {
                let request = match self.body {
                    Some(body) => #apply,
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
                let request = self.client.request(#server, reqwest::Method::#http_method, &[#(#segments),*])?;
                #(#query_and_headers)*
                #cookies
                #authorize
                #body
                crate::runtime::send(request, self.client.max_body_size(), #decode, #decode_error).await
            }
        }

        impl<'a> std::future::IntoFuture for #builder<'a> {
            type Output = #output;
            type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Self::Output> + Send + 'a>>;

            // Inline: the future is then compiled only in crates that await it, not for
            // every operation of the client (this halves the client's build time).
            #[inline]
            fn into_future(self) -> Self::IntoFuture {
                Box::pin(self.send())
            }
        }

        #body_enum
        #response_enum
        #error_enum
    }
}

/// `(T, decode fn, response enum)` for the success side.
fn success_parts(api: &Api, op: &Operation) -> (TokenStream, TokenStream, Option<TokenStream>) {
    match &op.success {
        Success::Single(body) => (
            response_body_type(api, body).unwrap_or_else(|| quote!(())),
            decode_fn(body),
            None,
        ),
        Success::ByStatus {
            enum_name,
            variants,
        } => {
            let name = ident(enum_name);
            let mut enum_variants = Vec::new();
            let mut arms = Vec::new();
            for (status, variant, body) in variants {
                let variant = ident(variant);
                let doc = format!(" The `{}` response.", status_text(*status));
                let pattern = status_pattern(*status);
                match response_body_type(api, body) {
                    Some(ty) => {
                        enum_variants.push(quote!(#[doc = #doc] #variant(#ty),));
                        let decode = decode_fn(body);
                        arms.push(quote!(#pattern => #decode(raw).map(#name::#variant),));
                    }
                    None => {
                        enum_variants.push(quote!(#[doc = #doc] #variant,));
                        arms.push(quote!(#pattern => Ok(#name::#variant),));
                    }
                }
            }
            let doc = docs::outer(&format!(
                "The success responses of [`Client::{0}`](crate::Client::{0}), by status.",
                op.method_name
            ));
            let enum_tokens = quote! {
                #doc
                #[derive(Debug, Clone, PartialEq)]
                #[allow(clippy::large_enum_variant)]
                pub enum #name {
                    #(#enum_variants)*
                    /// A success status the spec does not document, as it arrived.
                    Undocumented(crate::RawResponse),
                }
            };
            let decode = quote! {
                |raw| match raw.status().as_u16() {
                    #(#arms)*
                    _ => Ok(#name::Undocumented(raw.clone())),
                }
            };
            (quote!(#name), decode, Some(enum_tokens))
        }
    }
}

/// `(E, decode_error fn, error enum)` for the error side.
fn error_parts(api: &Api, op: &Operation) -> (TokenStream, TokenStream, Option<TokenStream>) {
    match &op.errors {
        Errors::None => (
            quote!(crate::Undocumented),
            quote!(crate::runtime::no_error),
            None,
        ),
        Errors::Single { ty, statuses } => {
            let ty = tokens(api, ty);
            let decode = if statuses.contains(&StatusMatch::Default) {
                quote!(|_, body| crate::runtime::error_json(body))
            } else {
                let patterns = status_patterns(statuses);
                quote! {
                    |status, body| match status {
                        #(#patterns)|* => crate::runtime::error_json(body),
                        _ => None,
                    }
                }
            };
            (ty, decode, None)
        }
        Errors::ByStatus {
            enum_name,
            variants,
        } => {
            let name = ident(enum_name);
            let mut enum_variants = Vec::new();
            let mut arms = Vec::new();
            for (status, variant, ty) in variants {
                let variant = ident(variant);
                let ty = tokens(api, ty);
                let doc = format!(" The body documented for {}.", status_text(*status));
                enum_variants.push(quote!(#[doc = #doc] #variant(#ty),));
                let pattern = status_pattern(*status);
                arms.push(
                    quote!(#pattern => crate::runtime::error_json(body).map(#name::#variant),),
                );
            }
            let fallback = (!variants
                .iter()
                .any(|(status, _, _)| *status == StatusMatch::Default))
            .then(|| quote!(_ => None,));
            let doc = docs::outer(&format!(
                "The documented error bodies of [`Client::{0}`](crate::Client::{0}), by status.",
                op.method_name
            ));
            let enum_tokens = quote! {
                #doc
                #[derive(Debug, Clone, PartialEq)]
                #[allow(clippy::large_enum_variant)]
                pub enum #name {
                    #(#enum_variants)*
                }
            };
            let decode = quote! {
                |status, body| match status {
                    #(#arms)*
                    #fallback
                }
            };
            (quote!(#name), decode, Some(enum_tokens))
        }
    }
}

fn body_enum_tokens(api: &Api, op: &Operation, body: &Body) -> TokenStream {
    let name = ident(&body.enum_name);
    let variants = body.media.iter().map(|media| {
        let variant = ident(&media.variant);
        let ty = media_type_tokens(api, media);
        let doc = format!(" Sent as `{}`.", media.media_type);
        quote!(#[doc = #doc] #variant(#ty),)
    });
    let doc = docs::outer(&format!(
        "The request body of [`Client::{0}`](crate::Client::{0}), in one of the media types it \
         accepts.",
        op.method_name
    ));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
        }
    }
}

/// An expression adding the owned value `body` to `request`.
fn apply_body(body: &Body) -> TokenStream {
    match body.media.as_slice() {
        [only] => apply_media(only),
        many => {
            let name = ident(&body.enum_name);
            let arms = many.iter().map(|media| {
                let variant = ident(&media.variant);
                let apply = apply_media(media);
                quote!(#name::#variant(body) => #apply,)
            });
            quote!(match body { #(#arms)* })
        }
    }
}

fn apply_media(media: &BodyMedia) -> TokenStream {
    let media_type = &media.media_type;
    match &media.encoding {
        Encoding::Json if media_type == "application/json" => quote!(request.json(&body)),
        // Set before `json`, which only adds `application/json` when no content type is set
        // (`header` would add a second one).
        Encoding::Json => {
            quote!(request.header(reqwest::header::CONTENT_TYPE, #media_type).json(&body))
        }
        Encoding::Form => quote!(request.form(&body)),
        Encoding::Binary | Encoding::Text => {
            quote!(request.header(reqwest::header::CONTENT_TYPE, #media_type).body(body))
        }
        Encoding::Multipart(fields) => {
            let parts = fields.iter().map(|field| {
                let name = ident(&field.name);
                let wire = &field.wire_name;
                let part = |value: TokenStream| {
                    if field.file {
                        quote!(form.part(#wire, reqwest::multipart::Part::bytes(#value).file_name(#wire)))
                    } else if field.json {
                        quote!(form.text(#wire, crate::runtime::json_text(&#value)?))
                    } else {
                        quote!(form.text(#wire, #value.to_string()))
                    }
                };
                let add = if field.list {
                    let one = part(quote!(item));
                    quote!(for item in values { form = #one; })
                } else {
                    let one = part(quote!(values));
                    quote!(form = #one;)
                };
                if field.optional {
                    quote!(if let Some(values) = body.#name { #add })
                } else {
                    quote!({ let values = body.#name; #add })
                }
            });
            quote!({
                let mut form = reqwest::multipart::Form::new();
                #(#parts)*
                request.multipart(form)
            })
        }
    }
}

/// The statement that adds one query or header parameter to `request`.
fn add_param(param: &Param) -> TokenStream {
    let name = ident(&param.name);
    let wire = &param.wire_name;
    let add = |value: TokenStream| match (param.location, param.style) {
        (ParamLocation::Header, _) => {
            let text = display_value(&param.ty, value, true);
            quote!(request.header(#wire, #text))
        }
        (_, ParamStyle::Scalar) => quote!(request.query(&[(#wire, #value)])),
        (_, style) => {
            let style = ident(match style {
                ParamStyle::Comma | ParamStyle::Scalar => "Comma",
                ParamStyle::FormExploded => "FormExploded",
                ParamStyle::Space => "Space",
                ParamStyle::Pipe => "Pipe",
                ParamStyle::DeepObject => "DeepObject",
            });
            quote!(crate::runtime::query(request, #wire, #value, crate::runtime::Style::#style)?)
        }
    };
    if param.required {
        let add = add(quote!(&self.#name));
        quote!(let request = #add;)
    } else if param.location == ParamLocation::Query && param.style == ParamStyle::Scalar {
        // The common case gets a one-line helper: less code to format and to compile.
        quote!(let request = crate::runtime::query_opt(request, #wire, &self.#name);)
    } else {
        let add = add(quote!(value));
        quote! {
            let request = match &self.#name {
                Some(value) => #add,
                None => request,
            };
        }
    }
}

/// Statements adding the `Cookie` header for cookie parameters.
fn cookie_params(op: &Operation) -> Option<TokenStream> {
    let cookies: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Cookie)
        .collect();
    if cookies.is_empty() {
        return None;
    }
    let pushes = cookies.iter().map(|param| {
        let name = ident(&param.name);
        let wire = &param.wire_name;
        if param.required {
            let text = display(&param.ty, quote!(self.#name));
            quote!(cookies.push((#wire, #text));)
        } else {
            let text = display_value(&param.ty, quote!(value), true);
            quote!(if let Some(value) = &self.#name { cookies.push((#wire, #text)); })
        }
    });
    Some(quote! {
        let mut cookies: Vec<(&str, String)> = Vec::new();
        #(#pushes)*
        let request = crate::runtime::cookies(request, &cookies);
    })
}

fn param_doc(param: &Param) -> String {
    let sent_as = format!(
        "Sent as the `{}` {} parameter.",
        param.wire_name,
        param.location.as_str()
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
        .filter(|p| p.required)
        .map(|p| {
            let doc = param_doc(p).replace("\n\n", " ");
            format!("- `{}`: {doc}", p.name)
        })
        .chain(op.body.iter().filter(|b| b.required).map(|b| {
            let doc = docs::text(&b.docs, "The request body.").replace("\n\n", " ");
            let media: Vec<String> = b
                .media
                .iter()
                .map(|m| format!("`{}`", m.media_type))
                .collect();
            format!("- `body`: {doc} Sent as {}.", media.join(" or "))
        }))
        .collect();
    if !arguments.is_empty() {
        text.push_str("\n\n# Arguments\n\n");
        text.push_str(&arguments.join("\n"));
    }
    let optional: Vec<String> = op
        .params
        .iter()
        .filter(|p| !p.required)
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
    } else {
        text.push_str("\n\nCredentials are optional: sent when the client has them.");
    }
    if let Some(server) = &op.server {
        text.push_str(&format!(
            "\n\nSent to its own server, `{server}`, unless the client was built with a \
             custom base URL."
        ));
    }
    for note in &op.notes {
        text.push_str("\n\nNote: ");
        text.push_str(note);
    }
    text
}

fn send_doc(api: &Api, op: &Operation) -> String {
    let mut text = "Sends the request and decodes the response.".to_owned();
    if !op.response_headers.is_empty() {
        text.push_str("\n\nDocumented response headers (see [`Response::headers`](crate::Response::headers)):\n");
        for header in &op.response_headers {
            let description = header
                .description
                .as_deref()
                .map(|d| format!(": {}", d.trim().replace('\n', " ")))
                .unwrap_or_default();
            text.push_str(&format!("\n- `{}`{description}", header.name));
        }
    }
    text.push_str(
        "\n\n# Errors\n\n[`Error::Status`](crate::Error::Status) when the server answers \
         outside 2XX",
    );
    match &op.errors {
        Errors::None => {}
        Errors::Single { ty, statuses } => {
            let name = type_doc_name(api, ty);
            let when: Vec<String> = statuses.iter().map(|s| status_text(*s)).collect();
            text.push_str(&format!(
                " (its [`error`](crate::ErrorResponse::error) is {name} for {})",
                when.join(", ")
            ));
        }
        Errors::ByStatus { enum_name, .. } => {
            text.push_str(&format!(
                " (its [`error`](crate::ErrorResponse::error) is a [`{enum_name}`] for the \
                 documented statuses)"
            ));
        }
    }
    text.push_str(
        "; [`Error::Timeout`](crate::Error::Timeout) and \
         [`Error::Transport`](crate::Error::Transport) when no response arrives; ",
    );
    if op
        .success
        .bodies()
        .any(|b| matches!(b, ResponseBody::Json(_)))
    {
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

fn type_doc_name(api: &Api, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(id) => api
            .type_def(*id)
            .map(|d| format!("a [`{0}`](crate::models::{0})", d.name))
            .unwrap_or_default(),
        _ => "the documented error body".to_owned(),
    }
}
