//! Operations: parameters by location, the request body, success and error responses,
//! security, and the names of the client method and its request builder.

use openapiv3::{
    Operation as SpecOperation, Parameter, ParameterData, ParameterSchemaOrContent, PathItem,
    ReferenceOr, RequestBody, Response, StatusCode,
};

use super::Lowering;
use super::schema::SchemaSite;
use super::security::Schemes;
use crate::error::Error;
use crate::model::{
    Body, Docs, Errors, Method, Operation, Param, ParamLocation, PathSegment, Success, TypeRef,
};
use crate::names::{self, Namespace};
use crate::pointer::JsonPointer;

/// Methods of the generated `Client` that an operation method must not shadow.
const CLIENT_METHODS: &[&str] = &["base_url", "builder", "clone", "fmt", "new"];
/// Names the request builders' modules use for themselves.
const BUILDER_TYPES: &[&str] = &["Client", "Error", "Response"];
/// Request builder fields that are not parameters.
const BUILDER_FIELDS: &[&str] = &["body", "client", "send"];

pub(crate) fn lower_all<'a>(
    lowering: &mut Lowering<'a>,
    schemes: &Schemes,
) -> Result<Vec<Operation>, Error> {
    let doc = lowering.doc;
    let mut methods = Namespace::with_reserved(CLIENT_METHODS);
    let mut builders = Namespace::with_reserved(BUILDER_TYPES);
    let mut modules = Namespace::with_reserved(&["mod"]);
    let mut operations = Vec::new();
    let paths = JsonPointer::root().join("paths");
    for (path, item) in doc.paths.iter() {
        let at = paths.join(path);
        let item = match item {
            ReferenceOr::Item(item) => item,
            ReferenceOr::Reference { .. } => {
                return Err(lowering.unsupported(
                    &at,
                    "a path item that is a `$ref`",
                    "write the path item inline",
                ));
            }
        };
        for (method, op) in methods_of(item) {
            let op_at = at.join(method.as_str().to_ascii_lowercase());
            let wanted = match &op.operation_id {
                Some(id) => names::snake(id),
                None => derived_name(method, path),
            };
            let method_name = methods.claim(wanted);
            let builder_name = builders.claim(names::type_name(&method_name));
            let module = modules.claim(method_name.clone());
            let mut lowered = OperationLowering {
                lowering: &mut *lowering,
                pointer: op_at,
                builder_name: &builder_name,
            };
            let params = lowered.params(path, item, op)?;
            let segments = lowered.segments(path, &params)?;
            let body = lowered.body(op)?;
            let (success, errors) = lowered.responses(op)?;
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
            operations.push(Operation {
                method_name,
                builder_name,
                module,
                method,
                path: path.clone(),
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
            });
        }
    }
    Ok(operations)
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
            let (location, data) = match param {
                Parameter::Path { parameter_data, .. } => (ParamLocation::Path, parameter_data),
                Parameter::Query { parameter_data, .. } => (ParamLocation::Query, parameter_data),
                Parameter::Header { parameter_data, .. } => (ParamLocation::Header, parameter_data),
                Parameter::Cookie { .. } => {
                    return Err(self.lowering.unsupported(
                        &at,
                        "cookie parameters",
                        "send the value as a header parameter for now",
                    ));
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
            if location != ParamLocation::Query && matches!(ty, TypeRef::List(_) | TypeRef::Map(_))
            {
                return Err(self.lowering.unsupported(
                    &at.join("schema"),
                    format!(
                        "array or object values in a {} parameter",
                        location_word(location)
                    ),
                    "use a string parameter and join the values yourself for now",
                ));
            }
            if matches!(ty, TypeRef::Map(_) | TypeRef::Json) {
                return Err(self.lowering.unsupported(
                    &at.join("schema"),
                    "object values in a query parameter",
                    "declare the object's properties as separate query parameters for now",
                ));
            }
            params.push(Param {
                name: rust_names.claim(names::snake(&data.name)),
                wire_name: data.name.clone(),
                location,
                ty,
                required: data.required,
                docs: Docs {
                    summary: None,
                    description: data.description.clone(),
                },
            });
        }
        Ok(params)
    }

    fn param_type(&mut self, data: &'a ParameterData, at: &JsonPointer) -> Result<TypeRef, Error> {
        match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                let hint = format!("{}{}", self.builder_name, names::type_name(&data.name));
                let ty =
                    self.lowering
                        .type_of(SchemaSite::from(schema), &at.join("schema"), &hint)?;
                Ok(match ty {
                    TypeRef::Nullable(inner) => *inner,
                    other => other,
                })
            }
            ParameterSchemaOrContent::Content(_) => Err(self.lowering.unsupported(
                &at.join("content"),
                "parameters described by `content` instead of `schema`",
                "describe the parameter with a `schema`",
            )),
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
                        "make each path parameter a whole segment (`/{id}`, not `/{id}.json`) for now",
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
        let Some((media_type, content)) = body.content.iter().find(|(m, _)| is_json(m)) else {
            let found: Vec<&str> = body.content.keys().map(String::as_str).collect();
            return Err(self.lowering.unsupported(
                &at.join("content"),
                format!("request body media types {found:?}"),
                "only `application/json` (and `*+json`) request bodies are supported so far",
            ));
        };
        let ty = match &content.schema {
            Some(schema) => self.lowering.type_of(
                SchemaSite::from(schema),
                &at.join("content").join(media_type).join("schema"),
                &format!("{}Body", self.builder_name),
            )?,
            None => TypeRef::Json,
        };
        Ok(Some(Body {
            media_type: media_type.clone(),
            ty,
            required: body.required,
            docs: Docs {
                summary: None,
                description: body.description.clone(),
            },
        }))
    }

    fn responses(&mut self, op: &'a SpecOperation) -> Result<(Success, Errors), Error> {
        let at = self.pointer.join("responses");
        let mut success: Vec<(String, Option<TypeRef>)> = Vec::new();
        let mut errors = Errors {
            ty: None,
            statuses: Vec::new(),
            ranges: Vec::new(),
            default: false,
        };
        let mut error_types: Vec<(String, TypeRef)> = Vec::new();
        let hint = format!("{}Response", self.builder_name);
        let error_hint = format!("{}Error", self.builder_name);
        for (status, response) in &op.responses.responses {
            let status_text = status.to_string();
            let is_success = match status {
                StatusCode::Code(code) => (200..300).contains(code),
                StatusCode::Range(class) => *class == 2,
            };
            let body = self.response_body(
                response,
                &at.join(&status_text),
                if is_success { &hint } else { &error_hint },
            )?;
            if is_success {
                success.push((status_text, body));
            } else if let Some(ty) = body {
                match status {
                    StatusCode::Code(code) => errors.statuses.push(*code),
                    StatusCode::Range(class) => errors.ranges.push(*class),
                }
                error_types.push((status_text, ty));
            }
        }
        if let Some(default) = &op.responses.default {
            if let Some(ty) = self.response_body(default, &at.join("default"), &error_hint)? {
                errors.default = true;
                error_types.push(("default".to_owned(), ty));
            }
        }

        let mut bodies = success.iter().filter_map(|(_, ty)| ty.as_ref());
        let success = match bodies.next() {
            None => Success::Empty,
            Some(first) => {
                if let Some((status, _)) = success
                    .iter()
                    .find(|(_, ty)| ty.as_ref().is_some_and(|ty| ty != first) || ty.is_none())
                {
                    return Err(self.lowering.unsupported(
                        &at.join(status),
                        "success responses with different bodies",
                        "give every 2XX response of the operation the same schema for now",
                    ));
                }
                Success::Json(first.clone())
            }
        };
        if let Some((_, first)) = error_types.first() {
            if let Some((status, _)) = error_types.iter().find(|(_, ty)| ty != first) {
                return Err(self.lowering.unsupported(
                    &at.join(status),
                    "error responses with different bodies",
                    "give every error response of the operation the same schema for now",
                ));
            }
            errors.ty = Some(first.clone());
        }
        Ok((success, errors))
    }

    /// The JSON body type of a response; `None` when it has no content.
    fn response_body(
        &mut self,
        response: &'a ReferenceOr<Response>,
        at: &JsonPointer,
        hint: &str,
    ) -> Result<Option<TypeRef>, Error> {
        let (response, at) = self
            .lowering
            .resolve(response, at, "responses", |c| &c.responses)?;
        if response.content.is_empty() {
            return Ok(None);
        }
        let Some((media_type, content)) = response.content.iter().find(|(m, _)| is_json(m)) else {
            let found: Vec<&str> = response.content.keys().map(String::as_str).collect();
            return Err(self.lowering.unsupported(
                &at.join("content"),
                format!("response media types {found:?}"),
                "only JSON responses (`application/json`, `*+json`) are supported so far",
            ));
        };
        match &content.schema {
            Some(schema) => Ok(Some(self.lowering.type_of(
                SchemaSite::from(schema),
                &at.join("content").join(media_type).join("schema"),
                hint,
            )?)),
            None => Ok(Some(TypeRef::Json)),
        }
    }
}

fn is_json(media_type: &str) -> bool {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json")
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

fn location_word(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    }
}
