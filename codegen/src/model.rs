//! The resolved model: what the emitters see.
//!
//! Every `$ref` is resolved, every name is a valid, unique Rust identifier, and nothing here
//! refers back to `openapiv3`. The lowering (`crate::lower`) builds it; the emitters
//! (`crate::emit`) only read it.

/// A whole API, ready to emit.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// The first server's URL with its variables substituted, if the spec has servers.
    pub base_url: Option<String>,
    /// Named types, in a stable order (components first, in spec order, then inline types
    /// in the order they were met).
    pub types: Vec<TypeDef>,
    /// Operations in spec order (paths in document order, methods in a fixed order).
    pub operations: Vec<Operation>,
    /// Security schemes that at least one operation uses.
    pub security_schemes: Vec<SecurityScheme>,
}

impl Api {
    /// The type with this id.
    ///
    /// Ids are only made by the lowering, as indexes into `types`, so they are always valid
    /// for the `Api` that holds them.
    pub fn type_def(&self, id: TypeId) -> Option<&TypeDef> {
        self.types.get(id.0)
    }

    /// Whether any type or operation uses this scalar.
    pub fn uses(&self, wanted: &dyn Fn(&TypeRef) -> bool) -> bool {
        let in_types = self.types.iter().any(|def| match &def.kind {
            TypeKind::Struct(s) => {
                s.fields.iter().any(|f| f.ty.any(wanted))
                    || s.additional.as_ref().is_some_and(|t| t.any(wanted))
            }
            TypeKind::Alias(t) => t.any(wanted),
            TypeKind::Enum(_) => false,
        });
        let in_operations = self.operations.iter().any(|op| {
            op.params.iter().any(|p| p.ty.any(wanted))
                || op.body.as_ref().is_some_and(|b| b.ty.any(wanted))
        });
        in_types || in_operations
    }
}

/// Index of a named type in [`Api::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub usize);

/// A use of a type: a scalar, a named type, or a container of types.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    /// `boolean`.
    Bool,
    /// `integer` with format `int32`.
    I32,
    /// `integer` (format `int64` or none).
    I64,
    /// `number` with format `float`.
    F32,
    /// `number` (format `double` or none).
    F64,
    /// `string`.
    String,
    /// `string` with format `date` (`YYYY-MM-DD`).
    Date,
    /// `string` with format `date-time` (RFC 3339).
    DateTime,
    /// Any JSON value (an empty schema).
    Json,
    /// A named type.
    Named(TypeId),
    /// `array`.
    List(Box<TypeRef>),
    /// An object used as a map from string keys (`additionalProperties`).
    Map(Box<TypeRef>),
    /// A `nullable` schema used where no field carries the nullability.
    Nullable(Box<TypeRef>),
}

impl TypeRef {
    /// Whether this type or any type inside it satisfies `wanted` (named types are not
    /// followed).
    pub fn any(&self, wanted: &dyn Fn(&TypeRef) -> bool) -> bool {
        if wanted(self) {
            return true;
        }
        match self {
            TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
                inner.any(wanted)
            }
            _ => false,
        }
    }
}

/// A named type, emitted as its own file.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust type name (`UpperCamelCase`, unique).
    pub name: String,
    /// The module (file stem) it is emitted in (`snake_case`, unique).
    pub module: String,
    /// Where it was defined, for the generated docs (`#/components/schemas/Account`).
    pub origin: String,
    /// Title and description from the spec.
    pub docs: Docs,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// What it is.
    pub kind: TypeKind,
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known properties.
    Struct(Struct),
    /// Another name for a type (maps, arrays, scalars, references).
    Alias(TypeRef),
    /// A string enum.
    Enum(StringEnum),
}

/// An object with known properties.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Properties in spec order.
    pub fields: Vec<Field>,
    /// Type of the properties not listed (`additionalProperties`), kept in a flattened map.
    pub additional: Option<TypeRef>,
}

/// A property of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The Rust field name (`snake_case`, unique within the struct).
    pub name: String,
    /// The property name on the wire.
    pub wire_name: String,
    /// Its type, without the `Option` that `required`/`nullable` add.
    pub ty: TypeRef,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// Description from the spec.
    pub docs: Docs,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// `readOnly: true`: sent by the server only.
    pub read_only: bool,
}

/// A string enum: known values plus a catch-all for values the spec does not list.
#[derive(Debug, Clone, PartialEq)]
pub struct StringEnum {
    /// Known values in spec order.
    pub variants: Vec<EnumVariant>,
    /// The name of the catch-all variant (unique among `variants`).
    pub other: String,
}

/// One known value of a string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    /// The Rust variant name.
    pub name: String,
    /// The value on the wire.
    pub wire_value: String,
}

/// Human text from the spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Docs {
    /// `summary` or `title`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
}

/// HTTP methods OpenAPI knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// The method as written on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// One operation: one client method and its request builder.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The client method name (`snake_case`, unique).
    pub method_name: String,
    /// The request builder type name (`UpperCamelCase`, unique among all types).
    pub builder_name: String,
    /// The module (file stem) it is emitted in.
    pub module: String,
    /// The HTTP method.
    pub method: Method,
    /// The path template as written in the spec (`/accounts/{idacc}`).
    pub path: String,
    /// The path template split into segments.
    pub segments: Vec<PathSegment>,
    /// Summary and description.
    pub docs: Docs,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Parameters: path parameters in template order, then the others in spec order.
    pub params: Vec<Param>,
    /// The request body, if any.
    pub body: Option<Body>,
    /// What a success response carries.
    pub success: Success,
    /// Which error statuses have a documented body, and its type.
    pub errors: Errors,
    /// Alternative sets of security schemes (indexes into [`Api::security_schemes`]);
    /// empty when the operation needs no credentials.
    pub security: Vec<Vec<usize>>,
}

/// A segment of a path template.
#[derive(Debug, Clone, PartialEq)]
pub enum PathSegment {
    /// Fixed text between slashes.
    Literal(String),
    /// A whole segment that is one path parameter (index into [`Operation::params`]).
    Param(usize),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// In the path.
    Path,
    /// In the query string.
    Query,
    /// In a request header.
    Header,
}

/// A parameter of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The Rust name (argument or setter; unique within the operation).
    pub name: String,
    /// The name on the wire.
    pub wire_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Its type.
    pub ty: TypeRef,
    /// Required parameters are method arguments; the others are builder setters.
    pub required: bool,
    /// Description from the spec.
    pub docs: Docs,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The media type sent as `content-type`.
    pub media_type: String,
    /// Its type (JSON-encoded).
    pub ty: TypeRef,
    /// Required bodies are method arguments; optional ones a builder setter.
    pub required: bool,
    /// Description from the spec.
    pub docs: Docs,
}

/// What a success response carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    /// Nothing worth decoding (no content, or no documented body).
    Empty,
    /// A JSON body of this type.
    Json(TypeRef),
}

/// The documented error bodies of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Errors {
    /// The Rust type of the documented error body; `None` when no error body is documented.
    pub ty: Option<TypeRef>,
    /// Exact statuses whose body is of that type.
    pub statuses: Vec<u16>,
    /// Status classes (`4` for `4XX`) whose body is of that type.
    pub ranges: Vec<u16>,
    /// Whether every other non-success status has a body of that type (`default`).
    pub default: bool,
}

/// A security scheme the client can authenticate with.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The key in `components/securitySchemes`.
    pub key: String,
    /// The Rust name of the client builder setter and of the credential field.
    pub name: String,
    /// Description from the spec.
    pub description: Option<String>,
    /// How the credential is sent.
    pub kind: SchemeKind,
}

/// How a credential is sent.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemeKind {
    /// An API key in a header.
    ApiKeyHeader(String),
    /// An API key in a query parameter.
    ApiKeyQuery(String),
    /// An API key in a cookie.
    ApiKeyCookie(String),
    /// `Authorization: Bearer <token>` (HTTP bearer, OAuth 2 and OpenID Connect).
    Bearer,
    /// `Authorization: Basic <user:password>`.
    Basic,
}
