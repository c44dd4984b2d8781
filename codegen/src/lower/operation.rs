//! Operations: parameters by location, request bodies by media type, responses by status,
//! security, servers, and the names of the client method and its request builder.

use openapiv3::{
    MediaType, Operation as SpecOperation, Parameter, ParameterData, ParameterSchemaOrContent,
    PathItem, PathStyle, QueryStyle, ReferenceOr, RequestBody, Response, StatusCode,
};

use super::Lowering;
use super::schema::SchemaSite;
use super::security::Schemes;
use crate::error::Error;
use crate::model::{
    Body, BodyMedia, Docs, Encoding, Errors, Method, MultipartField, Operation, Param,
    ParamLocation, ParamStyle, PathSegment, ResponseBody, ResponseHeader, StatusMatch, Success,
    TypeKind, TypeRef,
};
use crate::names::{self, Namespace};
use crate::pointer::JsonPointer;

/// Methods of the generated `Client` that an operation method must not shadow.
const CLIENT_METHODS: &[&str] = &[
    "authorize",
    "base_url",
    "builder",
    "clone",
    "default",
    "fmt",
    "max_body_size",
    "new",
    "request",
];
/// Request builder fields and methods that are not parameters.
const BUILDER_FIELDS: &[&str] = &["body", "client", "send", "into_future"];

/// Lowers every operation, collecting the errors of each into `lowering.errors` so that
/// one broken operation does not hide the problems of the others.
pub(crate) fn lower_all(lowering: &mut Lowering<'_>, schemes: &Schemes) -> Vec<Operation> {
    let doc = lowering.doc;
    let mut taken = OperationNames {
        methods: Namespace::with_reserved(CLIENT_METHODS),
        modules: Namespace::with_reserved(&["mod"]),
    };
    let mut operations = Vec::new();
    let paths = JsonPointer::root().join("paths");
    // Sorted: names chosen on a collision must not depend on the order of paths in the file.
    let mut entries: Vec<_> = doc.paths.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for (path, item) in entries {
        let at = paths.join(path);
        let item = match item {
            ReferenceOr::Item(item) => item,
            ReferenceOr::Reference { .. } => {
                let error = lowering.unsupported(
                    &at,
                    "a path item that is a `$ref`",
                    "write the path item inline",
                );
                lowering.errors.push(error);
                continue;
            }
        };
        for (method, op) in methods_of(item) {
            if lowering.errors.len() >= crate::error::MAX_ERRORS {
                return operations;
            }
            match lower_one(lowering, schemes, &mut taken, path, item, method, op) {
                Ok(operation) => operations.push(operation),
                Err(error) => lowering.errors.push(error),
            }
        }
    }
    operations
}

struct OperationNames {
    methods: Namespace,
    modules: Namespace,
}

fn lower_one<'a>(
    lowering: &mut Lowering<'a>,
    schemes: &Schemes,
    taken: &mut OperationNames,
    path: &str,
    item: &'a PathItem,
    method: Method,
    op: &'a SpecOperation,
) -> Result<Operation, Error> {
    let doc = lowering.doc;
    let at = JsonPointer::root().join("paths").join(path);
    let op_at = at.join(method.as_str().to_ascii_lowercase());
    let (wanted, plain) = match &op.operation_id {
        Some(id) => (names::snake(id), names::plain_snake(id)),
        None => {
            let derived = derived_name(method, path);
            (derived.clone(), derived)
        }
    };
    let method_name = taken.methods.claim(wanted.clone());
    if let Some(id) = &op.operation_id {
        lowering.warn_renamed(
            &op_at.join("operationId"),
            "operationId",
            id,
            &plain,
            &wanted,
            &method_name,
        );
    }
    // Builder names share the models' namespace: the response, body and error enums
    // an operation defines live next to the models in generated docs.
    let builder_name = lowering.claim_type_name_at(&method_name, &op_at);
    let module = taken.modules.claim(method_name.clone());
    let mut lowered = OperationLowering {
        lowering: &mut *lowering,
        pointer: op_at,
        builder_name: &builder_name,
        notes: Vec::new(),
    };
    let params = lowered.params(path, item, op)?;
    let segments = lowered.segments(path, &params)?;
    let body = lowered.body(op)?;
    let (success, errors, response_headers) = lowered.responses(op)?;
    let server = lowered.server(item, op)?;
    if !op.callbacks.is_empty() {
        let names: Vec<&str> = op.callbacks.keys().map(String::as_str).collect();
        lowered.notes.push(format!(
            "The spec's callbacks ({}) are requests the server makes; they are not generated.",
            names.join(", ")
        ));
    }
    let notes = std::mem::take(&mut lowered.notes);
    let requirements = op
        .security
        .as_deref()
        .or(doc.security.as_deref())
        .unwrap_or_default();
    let security_at = if op.security.is_some() {
        lowered.pointer.join("security")
    } else {
        JsonPointer::root().join("security")
    };
    let security = schemes.alternatives(lowered.lowering, requirements, &security_at)?;
    for note in &notes {
        lowered.lowering.warn(&lowered.pointer, note.clone());
    }
    Ok(Operation {
        method_name,
        builder_name,
        module,
        method,
        path: path.to_owned(),
        segments,
        docs: Docs {
            summary: op.summary.clone(),
            description: op.description.clone(),
        },
        deprecated: op.deprecated,
        params,
        body,
        success,
        errors,
        security,
        server,
        response_headers,
        notes,
    })
}

/// The operations of a path item, in a fixed method order.
fn methods_of(item: &PathItem) -> Vec<(Method, &SpecOperation)> {
    [
        (Method::Get, &item.get),
        (Method::Put, &item.put),
        (Method::Post, &item.post),
        (Method::Delete, &item.delete),
        (Method::Options, &item.options),
        (Method::Head, &item.head),
        (Method::Patch, &item.patch),
        (Method::Trace, &item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_ref().map(|op| (method, op)))
    .collect()
}

/// A name for an operation without `operationId`: the method and the path's words, with
/// parameters as `by_<name>` (`GET /accounts/{id}/calls` -> `get_accounts_by_id_calls`).
fn derived_name(method: Method, path: &str) -> String {
    let mut words = vec![method.as_str().to_ascii_lowercase()];
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(param) => words.push(format!("by_{param}")),
            None => words.push(segment.to_owned()),
        }
    }
    names::snake(&words.join("_"))
}

struct OperationLowering<'l, 'a> {
    lowering: &'l mut Lowering<'a>,
    pointer: JsonPointer,
    builder_name: &'l str,
    notes: Vec<String>,
}

impl<'a> OperationLowering<'_, 'a> {
    /// Path-level parameters merged with the operation's (which win on the same name and
    /// location); path parameters first, in template order.
    fn params(
        &mut self,
        path: &str,
        item: &'a PathItem,
        op: &'a SpecOperation,
    ) -> Result<Vec<Param>, Error> {
        let path_at = JsonPointer::root()
            .join("paths")
            .join(path)
            .join("parameters");
        let op_at = self.pointer.join("parameters");
        let mut found: Vec<(&'a Parameter, JsonPointer)> = Vec::new();
        let sources = item
            .parameters
            .iter()
            .enumerate()
            .map(|(n, p)| (p, path_at.join(n)))
            .chain(
                op.parameters
                    .iter()
                    .enumerate()
                    .map(|(n, p)| (p, op_at.join(n))),
            );
        for (param, at) in sources {
            let (param, at) = self
                .lowering
                .resolve(param, &at, "parameters", |c| &c.parameters)?;
            let key = (location_name(param), &param.parameter_data_ref().name);
            found.retain(|(p, _)| (location_name(p), &p.parameter_data_ref().name) != key);
            found.push((param, at));
        }

        let template: Vec<&str> = template_params(path);
        found.sort_by_key(|(p, _)| match p {
            Parameter::Path { parameter_data, .. } => template
                .iter()
                .position(|t| *t == parameter_data.name)
                .unwrap_or(usize::MAX),
            _ => usize::MAX,
        });

        let mut rust_names = Namespace::with_reserved(BUILDER_FIELDS);
        let mut params = Vec::with_capacity(found.len());
        for (param, at) in found {
            let (location, data, style) = match param {
                Parameter::Path {
                    parameter_data,
                    style,
                } => {
                    if !matches!(style, PathStyle::Simple) {
                        return Err(self.lowering.unsupported(
                            &at.join("style"),
                            "`label` and `matrix` path parameter styles",
                            "use the default `simple` style",
                        ));
                    }
                    (ParamLocation::Path, parameter_data, ParamStyle::Comma)
                }
                Parameter::Query {
                    parameter_data,
                    style,
                    ..
                } => {
                    let style = match style {
                        QueryStyle::Form if parameter_data.explode == Some(false) => {
                            ParamStyle::Comma
                        }
                        QueryStyle::Form => ParamStyle::FormExploded,
                        QueryStyle::SpaceDelimited => ParamStyle::Space,
                        QueryStyle::PipeDelimited => ParamStyle::Pipe,
                        QueryStyle::DeepObject => ParamStyle::DeepObject,
                    };
                    (ParamLocation::Query, parameter_data, style)
                }
                Parameter::Header { parameter_data, .. } => {
                    (ParamLocation::Header, parameter_data, ParamStyle::Comma)
                }
                Parameter::Cookie { parameter_data, .. } => {
                    (ParamLocation::Cookie, parameter_data, ParamStyle::Comma)
                }
            };
            if location == ParamLocation::Path && !data.required {
                return Err(self.lowering.invalid(
                    &at.join("required"),
                    format!("path parameter `{}` is not required", data.name),
                    "path parameters must have `required: true`",
                ));
            }
            let ty = self.param_type(data, &at)?;
            let style = if self.is_scalar(&ty) {
                ParamStyle::Scalar
            } else {
                style
            };
            if location != ParamLocation::Query && !self.is_text(&ty) {
                return Err(self.lowering.unsupported(
                    &at.join("schema"),
                    format!("object values in a {} parameter", location.as_str()),
                    "use a string or array parameter, or move it to the query",
                ));
            }
            let valid = names::snake(&data.name);
            let chosen = rust_names.claim(valid.clone());
            let plain = names::plain_snake(&data.name);
            self.lowering
                .warn_renamed(&at, "parameter", &data.name, &plain, &valid, &chosen);
            params.push(Param {
                name: chosen,
                wire_name: data.name.clone(),
                location,
                ty,
                required: data.required,
                style,
                docs: Docs {
                    summary: None,
                    description: data.description.clone(),
                },
                deprecated: data.deprecated.unwrap_or(false),
            });
        }
        Ok(params)
    }

    fn param_type(&mut self, data: &'a ParameterData, at: &JsonPointer) -> Result<TypeRef, Error> {
        let hint = format!("{}{}", self.builder_name, names::type_name(&data.name));
        let ty = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                self.lowering
                    .type_of(SchemaSite::from(schema), &at.join("schema"), &hint)?
            }
            ParameterSchemaOrContent::Content(content) => {
                // `content` parameters carry a serialized value (usually JSON): sent as its
                // text.
                match content.iter().next() {
                    Some((
                        media_type,
                        MediaType {
                            schema: Some(_), ..
                        },
                    )) if is_json(media_type) => TypeRef::Json,
                    _ => TypeRef::String,
                }
            }
        };
        Ok(match ty {
            TypeRef::Nullable(inner) => *inner,
            other => other,
        })
    }

    /// A named type's definition, through aliases.
    fn definition(&self, ty: &TypeRef) -> Option<TypeKind> {
        let mut current = ty.clone();
        for _ in 0..16 {
            match current {
                TypeRef::Named(id) => match self.lowering.type_kind(id) {
                    Some(TypeKind::Alias(inner)) => current = inner,
                    other => return other,
                },
                TypeRef::Nullable(inner) => current = *inner,
                _ => return None,
            }
        }
        None
    }

    /// Whether the value is one scalar (no array or object style applies).
    fn is_scalar(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::List(_) | TypeRef::Map(_) | TypeRef::Json => false,
            TypeRef::Named(_) | TypeRef::Nullable(_) => {
                matches!(
                    self.definition(ty),
                    Some(TypeKind::Enum(_) | TypeKind::IntEnum(_)) | None
                ) && !matches!(
                    self.resolved(ty),
                    TypeRef::List(_) | TypeRef::Map(_) | TypeRef::Json
                )
            }
            _ => true,
        }
    }

    /// The type behind aliases.
    fn resolved(&self, ty: &TypeRef) -> TypeRef {
        let mut current = ty.clone();
        for _ in 0..16 {
            match current {
                TypeRef::Named(id) => match self.lowering.type_kind(id) {
                    Some(TypeKind::Alias(inner)) => current = inner,
                    _ => return TypeRef::Named(id),
                },
                other => return other,
            }
        }
        current
    }

    /// Whether the value can be written as text in a path, header or cookie: scalars and
    /// arrays of scalars.
    fn is_text(&self, ty: &TypeRef) -> bool {
        match self.resolved(ty) {
            TypeRef::List(inner) => self.is_scalar(&inner),
            TypeRef::Map(_) | TypeRef::Json | TypeRef::Bytes => false,
            other => self.is_scalar(&other),
        }
    }

    /// Splits the template into segments and checks it against the declared path parameters.
    fn segments(&self, path: &str, params: &[Param]) -> Result<Vec<PathSegment>, Error> {
        let path_at = JsonPointer::root().join("paths").join(path);
        let mut segments = Vec::new();
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) if !name.contains(['{', '}']) => {
                    let index = params
                        .iter()
                        .position(|p| p.location == ParamLocation::Path && p.wire_name == name);
                    match index {
                        Some(index) => segments.push(PathSegment::Param(index)),
                        None => {
                            return Err(self.lowering.invalid(
                                &self.pointer,
                                format!(
                                    "parameter `{name}` is in the path template but not declared"
                                ),
                                format!("declare it with `name: {name}, in: path, required: true`"),
                            ));
                        }
                    }
                }
                _ if segment.contains(['{', '}']) => {
                    return Err(self.lowering.unsupported(
                        &path_at,
                        format!("path segment `{segment}` mixes a parameter with other text"),
                        "make each path parameter a whole segment (`/{id}`, not `/{id}.json`)",
                    ));
                }
                _ => segments.push(PathSegment::Literal(segment.to_owned())),
            }
        }
        if let Some(extra) = params.iter().find(|p| {
            p.location == ParamLocation::Path
                && !template_params(path).contains(&p.wire_name.as_str())
        }) {
            return Err(self.lowering.invalid(
                &self.pointer.join("parameters"),
                format!(
                    "path parameter `{}` does not appear in the path `{path}`",
                    extra.wire_name
                ),
                format!(
                    "add `{{{}}}` to the path or declare the parameter `in: query`",
                    extra.wire_name
                ),
            ));
        }
        Ok(segments)
    }

    fn body(&mut self, op: &'a SpecOperation) -> Result<Option<Body>, Error> {
        let Some(body) = &op.request_body else {
            return Ok(None);
        };
        let at = self.pointer.join("requestBody");
        let (body, at): (&'a RequestBody, _) =
            self.lowering
                .resolve(body, &at, "requestBodies", |c| &c.request_bodies)?;
        let mut variant_names = Namespace::default();
        let mut media = Vec::with_capacity(body.content.len());
        let single = body.content.len() == 1;
        for (media_type, content) in &body.content {
            let schema_at = at.join("content").join(media_type).join("schema");
            let hint = format!("{}Body", self.builder_name);
            let essence = essence(media_type);
            let schema_ty = |this: &mut Self, fallback: TypeRef| -> Result<TypeRef, Error> {
                match &content.schema {
                    Some(schema) => {
                        this.lowering
                            .type_of(SchemaSite::from(schema), &schema_at, &hint)
                    }
                    None => Ok(fallback),
                }
            };
            let (encoding, ty, variant) = if is_json(&essence) {
                (Encoding::Json, schema_ty(self, TypeRef::Json)?, "Json")
            } else if essence == "application/x-www-form-urlencoded" {
                let ty = schema_ty(self, TypeRef::Map(Box::new(TypeRef::String)))?;
                (Encoding::Form, ty, "Form")
            } else if essence == "multipart/form-data" || essence == "multipart/mixed" {
                let ty = schema_ty(self, TypeRef::Json)?;
                let fields = self.multipart_fields(&ty, &schema_at)?;
                (Encoding::Multipart(fields), ty, "Multipart")
            } else if essence.starts_with("text/") && !essence.ends_with("xml") {
                (Encoding::Text, TypeRef::String, "Text")
            } else if essence.ends_with("xml") {
                self.notes.push(format!(
                    "The `{media_type}` request body is sent as text you serialize yourself (XML is not generated)."
                ));
                (Encoding::Text, TypeRef::String, "Xml")
            } else {
                (Encoding::Binary, TypeRef::Bytes, "Binary")
            };
            let wanted = if variant_names_taken(&media, variant) {
                names::type_name(&essence)
            } else {
                variant.to_owned()
            };
            media.push(BodyMedia {
                media_type: media_type.clone(),
                encoding,
                ty,
                variant: variant_names.claim(wanted),
            });
        }
        if media.is_empty() {
            return Err(self.lowering.invalid(
                &at.join("content"),
                "request body has no media types",
                "add a media type under `content`, or remove the request body",
            ));
        }
        let enum_name = if single {
            String::new()
        } else {
            self.lowering
                .claim_type_name(&format!("{}Body", self.builder_name))
        };
        Ok(Some(Body {
            media,
            enum_name,
            required: body.required,
            docs: Docs {
                summary: None,
                description: body.description.clone(),
            },
        }))
    }

    fn multipart_fields(
        &self,
        ty: &TypeRef,
        at: &JsonPointer,
    ) -> Result<Vec<MultipartField>, Error> {
        let Some(TypeKind::Struct(s)) = self.definition(ty) else {
            return Err(self.lowering.unsupported(
                at,
                "a multipart body whose schema is not an object with properties",
                "describe the parts as the properties of an object schema",
            ));
        };
        Ok(s.fields
            .iter()
            .map(|f| {
                let (list, item) = match self.resolved(&f.ty) {
                    TypeRef::List(inner) => (true, self.resolved(&inner)),
                    other => (false, other),
                };
                MultipartField {
                    name: f.name.clone(),
                    wire_name: f.wire_name.clone(),
                    file: item == TypeRef::Bytes,
                    optional: !f.required || f.nullable,
                    list: list && (item == TypeRef::Bytes || self.is_scalar(&item)),
                    json: !self.is_scalar(&item) && item != TypeRef::Bytes,
                }
            })
            .collect())
    }

    fn responses(
        &mut self,
        op: &'a SpecOperation,
    ) -> Result<(Success, Errors, Vec<ResponseHeader>), Error> {
        let at = self.pointer.join("responses");
        let mut success: Vec<(StatusMatch, ResponseBody)> = Vec::new();
        let mut errors: Vec<(StatusMatch, TypeRef)> = Vec::new();
        let mut headers: Vec<ResponseHeader> = Vec::new();
        let hint = format!("{}Response", self.builder_name);
        let error_hint = format!("{}ErrorBody", self.builder_name);
        let entries = op
            .responses
            .responses
            .iter()
            .map(|(status, response)| {
                let status = match status {
                    StatusCode::Code(code) => StatusMatch::Code(*code),
                    StatusCode::Range(class) => StatusMatch::Range(*class),
                };
                (status, response)
            })
            .chain(
                op.responses
                    .default
                    .iter()
                    .map(|response| (StatusMatch::Default, response)),
            );
        for (status, response) in entries {
            let status_text = match status {
                StatusMatch::Code(code) => code.to_string(),
                StatusMatch::Range(class) => format!("{class}XX"),
                StatusMatch::Default => "default".to_owned(),
            };
            let is_success = match status {
                StatusMatch::Code(code) => (200..300).contains(&code),
                StatusMatch::Range(class) => class == 2,
                StatusMatch::Default => false,
            };
            let response_at = at.join(&status_text);
            let (response, response_at) =
                self.lowering
                    .resolve(response, &response_at, "responses", |c| &c.responses)?;
            if !response.links.is_empty() {
                let names: Vec<&str> = response.links.keys().map(String::as_str).collect();
                self.notes.push(format!(
                    "The {status_text} response documents links ({}); follow them with the operations they name.",
                    names.join(", ")
                ));
            }
            let body = self.response_body(
                response,
                &response_at,
                if is_success { &hint } else { &error_hint },
            )?;
            if is_success {
                for (name, header) in &response.headers {
                    let (header, _) = self.lowering.resolve(
                        header,
                        &response_at.join("headers").join(name),
                        "headers",
                        |c| &c.headers,
                    )?;
                    if !headers.iter().any(|h| h.name.eq_ignore_ascii_case(name)) {
                        headers.push(ResponseHeader {
                            name: name.clone(),
                            description: header.description.clone(),
                        });
                    }
                }
                success.push((status, body));
            } else if let ResponseBody::Json(ty) = body {
                errors.push((status, ty));
            }
        }
        Ok((self.success(success), self.errors(errors), headers))
    }

    fn success(&mut self, responses: Vec<(StatusMatch, ResponseBody)>) -> Success {
        let Some((_, first)) = responses.first() else {
            return Success::Single(ResponseBody::Empty);
        };
        if responses.iter().all(|(_, body)| body == first) {
            return Success::Single(first.clone());
        }
        let mut variant_names = Namespace::with_reserved(&["Undocumented"]);
        let variants = responses
            .into_iter()
            .map(|(status, body)| {
                (
                    status,
                    variant_names.claim(status_variant(status, true)),
                    body,
                )
            })
            .collect();
        Success::ByStatus {
            enum_name: self
                .lowering
                .claim_type_name(&format!("{}Response", self.builder_name)),
            variants,
        }
    }

    fn errors(&mut self, mut errors: Vec<(StatusMatch, TypeRef)>) -> Errors {
        // Exact statuses are matched before ranges, and ranges before `default`.
        errors.sort_by_key(|(status, _)| match status {
            StatusMatch::Code(_) => 0,
            StatusMatch::Range(_) => 1,
            StatusMatch::Default => 2,
        });
        let Some((_, first)) = errors.first() else {
            return Errors::None;
        };
        if errors.iter().all(|(_, ty)| ty == first) {
            return Errors::Single {
                ty: first.clone(),
                statuses: errors.iter().map(|(status, _)| *status).collect(),
            };
        }
        let mut variant_names = Namespace::default();
        let variants = errors
            .into_iter()
            .map(|(status, ty)| {
                (
                    status,
                    variant_names.claim(status_variant(status, false)),
                    ty,
                )
            })
            .collect();
        Errors::ByStatus {
            enum_name: self
                .lowering
                .claim_type_name(&format!("{}Error", self.builder_name)),
            variants,
        }
    }

    /// How a response's body is decoded: JSON when a JSON media type is documented, else text
    /// for `text/*`, else bytes.
    fn response_body(
        &mut self,
        response: &'a Response,
        at: &JsonPointer,
        hint: &str,
    ) -> Result<ResponseBody, Error> {
        if response.content.is_empty() {
            return Ok(ResponseBody::Empty);
        }
        if let Some((media_type, content)) = response.content.iter().find(|(m, _)| is_json(m)) {
            return match &content.schema {
                Some(schema) => Ok(ResponseBody::Json(self.lowering.type_of(
                    SchemaSite::from(schema),
                    &at.join("content").join(media_type).join("schema"),
                    hint,
                )?)),
                None => Ok(ResponseBody::Json(TypeRef::Json)),
            };
        }
        let text = response.content.keys().any(|m| {
            let essence = essence(m);
            essence.starts_with("text/") || essence.ends_with("xml")
        });
        if response.content.keys().any(|m| essence(m).ends_with("xml")) {
            self.notes
                .push("XML response bodies are returned as text (XML is not decoded).".to_owned());
        }
        Ok(if text {
            ResponseBody::Text
        } else {
            ResponseBody::Bytes
        })
    }

    /// The operation's own server (operation-level `servers` win over path-level ones).
    fn server(&self, item: &PathItem, op: &SpecOperation) -> Result<Option<String>, Error> {
        let (servers, at) = if !op.servers.is_empty() {
            (&op.servers, self.pointer.join("servers"))
        } else {
            let path = self.pointer.tokens().get(1).cloned().unwrap_or_default();
            (
                &item.servers,
                JsonPointer::root().join("paths").join(path).join("servers"),
            )
        };
        match servers.first() {
            Some(server) => self.lowering.server_url(server, &at.join(0)),
            None => Ok(None),
        }
    }
}

fn variant_names_taken(media: &[BodyMedia], variant: &str) -> bool {
    media.iter().any(|m| m.variant == variant)
}

/// A variant name for a status: the reason phrase for common ones.
fn status_variant(status: StatusMatch, success: bool) -> String {
    match status {
        StatusMatch::Code(code) => match code {
            200 => "Ok".to_owned(),
            201 => "Created".to_owned(),
            202 => "Accepted".to_owned(),
            203 => "NonAuthoritative".to_owned(),
            204 => "NoContent".to_owned(),
            206 => "PartialContent".to_owned(),
            400 => "BadRequest".to_owned(),
            401 => "Unauthorized".to_owned(),
            403 => "Forbidden".to_owned(),
            404 => "NotFound".to_owned(),
            409 => "Conflict".to_owned(),
            422 => "UnprocessableEntity".to_owned(),
            429 => "TooManyRequests".to_owned(),
            500 => "InternalServerError".to_owned(),
            503 => "ServiceUnavailable".to_owned(),
            other => format!("Status{other}"),
        },
        StatusMatch::Range(2) if success => "Success".to_owned(),
        StatusMatch::Range(4) => "ClientError".to_owned(),
        StatusMatch::Range(5) => "ServerError".to_owned(),
        StatusMatch::Range(class) => format!("Status{class}XX"),
        StatusMatch::Default => "Other".to_owned(),
    }
}

/// The media type without parameters, lower-cased (`application/json; charset=utf-8` ->
/// `application/json`).
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn is_json(media_type: &str) -> bool {
    let essence = essence(media_type);
    essence == "application/json" || essence.ends_with("+json") || essence == "*/*"
}

fn template_params(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .collect()
}

fn location_name(param: &Parameter) -> &'static str {
    match param {
        Parameter::Path { .. } => "path",
        Parameter::Query { .. } => "query",
        Parameter::Header { .. } => "header",
        Parameter::Cookie { .. } => "cookie",
    }
}
