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
    /// Constructs of the spec that are not generated (webhooks, XML), for the crate docs.
    pub notes: Vec<String>,
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
            TypeKind::Alias(t) | TypeKind::Newtype(t) => t.any(wanted),
            TypeKind::OneOf(o) => o.variants.iter().any(|v| v.ty.any(wanted)),
            TypeKind::Enum(_) | TypeKind::IntEnum(_) => false,
        });
        let in_operations = self.operations.iter().any(|op| {
            op.params.iter().any(|p| p.ty.any(wanted))
                || op
                    .body
                    .as_ref()
                    .is_some_and(|b| b.media.iter().any(|m| m.ty.any(wanted)))
                || op
                    .success
                    .bodies()
                    .any(|b| b.ty().is_some_and(|t| t.any(wanted)))
                || op.errors.types().any(|t| t.any(wanted))
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
    /// `string` with format `uuid`.
    Uuid,
    /// `string` with format `binary`: raw bytes (file uploads, binary bodies).
    Bytes,
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
    /// A one-field tuple struct around a type: used instead of an alias when the type
    /// contains itself (`Tree = Vec<Tree>`), which an alias cannot.
    Newtype(TypeRef),
    /// A string enum.
    Enum(StringEnum),
    /// An integer enum.
    IntEnum(IntEnum),
    /// `oneOf`/`anyOf`: one of several types.
    OneOf(OneOf),
}

/// An integer enum: known values plus a catch-all.
#[derive(Debug, Clone, PartialEq)]
pub struct IntEnum {
    /// Known values in spec order, with their variant names.
    pub variants: Vec<(String, i64)>,
    /// The name of the catch-all variant.
    pub other: String,
}

/// A value that is one of several types.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOf {
    /// The alternatives, in spec order.
    pub variants: Vec<OneOfVariant>,
    /// The property whose value names the variant, when there is one (a `discriminator`,
    /// or a property that has a different constant value in every alternative). Without
    /// one, the first alternative that decodes wins.
    pub tag: Option<String>,
    /// With a tag: the catch-all variant for tag values the spec does not list (kept as
    /// raw JSON, so that a server adding a variant does not break old clients).
    pub other: String,
}

/// One alternative of a [`OneOf`].
#[derive(Debug, Clone, PartialEq)]
pub struct OneOfVariant {
    /// The Rust variant name.
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// The tag values that select it (with [`OneOf::tag`]).
    pub tag_values: Vec<String>,
    /// Boxed, because the type contains the enum itself.
    pub boxed: bool,
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
    /// `writeOnly: true`: sent by the client only.
    pub write_only: bool,
    /// The `default` value, as JSON, for the docs.
    pub default: Option<String>,
    /// Stored behind a `Box`, because the field's type contains the struct itself.
    pub boxed: bool,
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
    /// A server of the operation's own (path- or operation-level `servers`).
    pub server: Option<String>,
    /// Headers the success responses document.
    pub response_headers: Vec<ResponseHeader>,
    /// Constructs of the operation that are not generated (callbacks, links), for the docs.
    pub notes: Vec<String>,
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
    /// In the `Cookie` header.
    Cookie,
}

impl ParamLocation {
    /// The location as OpenAPI spells it (`in: query`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        }
    }
}

/// How an array or object parameter is spelled (OpenAPI `style` and `explode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// A scalar: no style applies.
    Scalar,
    /// `form`, `explode: true` (query default): `id=1&id=2`; objects as `key=value` pairs.
    FormExploded,
    /// `form`, `explode: false`, and `simple` (path and header default): `id=1,2`;
    /// objects as `key,value,key,value`.
    Comma,
    /// `spaceDelimited`: `id=1%202`.
    Space,
    /// `pipeDelimited`: `id=1|2`.
    Pipe,
    /// `deepObject`: `filter[key]=value`.
    DeepObject,
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
    /// How arrays and objects are spelled.
    pub style: ParamStyle,
    /// Description from the spec.
    pub docs: Docs,
    /// `deprecated: true`.
    pub deprecated: bool,
}

/// A request body: one or more media types, of which the caller sends one.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The media types, in spec order. With more than one, the body argument is an enum
    /// (named [`Body::enum_name`]) with one variant per media type.
    pub media: Vec<BodyMedia>,
    /// The name of that enum.
    pub enum_name: String,
    /// Required bodies are method arguments; optional ones a builder setter.
    pub required: bool,
    /// Description from the spec.
    pub docs: Docs,
}

/// One media type of a request body.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyMedia {
    /// The media type sent as `content-type`.
    pub media_type: String,
    /// How the value is encoded.
    pub encoding: Encoding,
    /// The value's type.
    pub ty: TypeRef,
    /// The variant name in the body enum.
    pub variant: String,
}

/// How a body is put on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum Encoding {
    /// JSON.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`, one part per property of the (object) type.
    Multipart(Vec<MultipartField>),
    /// Raw bytes.
    Binary,
    /// Text.
    Text,
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq)]
pub struct MultipartField {
    /// The Rust field name in the body struct.
    pub name: String,
    /// The part name.
    pub wire_name: String,
    /// Whether the part is a file (bytes) or text.
    pub file: bool,
    /// Whether the field is an `Option`.
    pub optional: bool,
    /// Whether the value is a list (one part per item).
    pub list: bool,
    /// Whether the value is sent as JSON text (objects, arrays of objects).
    pub json: bool,
}

/// How a response body is decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    /// No body.
    Empty,
    /// JSON of this type.
    Json(TypeRef),
    /// Text, kept as a `String`.
    Text,
    /// Bytes, kept as a `Vec<u8>`.
    Bytes,
}

impl ResponseBody {
    /// The JSON type, if the body is JSON.
    pub fn ty(&self) -> Option<&TypeRef> {
        match self {
            ResponseBody::Json(ty) => Some(ty),
            _ => None,
        }
    }
}

/// Which statuses a response entry covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusMatch {
    /// One status.
    Code(u16),
    /// A class (`4` for `4XX`).
    Range(u16),
    /// Every status not listed otherwise.
    Default,
}

/// What a success response carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    /// All success statuses carry the same kind of body.
    Single(ResponseBody),
    /// Success statuses carry different bodies: an enum (named `enum_name`) with a variant
    /// per status.
    ByStatus {
        /// The enum's name.
        enum_name: String,
        /// `(statuses, variant name, body)` in spec order.
        variants: Vec<(StatusMatch, String, ResponseBody)>,
    },
}

impl Success {
    /// Every body kind a success response can have.
    pub fn bodies(&self) -> impl Iterator<Item = &ResponseBody> {
        let (single, many) = match self {
            Success::Single(body) => (Some(body), None),
            Success::ByStatus { variants, .. } => (None, Some(variants)),
        };
        single
            .into_iter()
            .chain(many.into_iter().flatten().map(|(_, _, body)| body))
    }
}

/// The documented error bodies of an operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Errors {
    /// No error body is documented.
    None,
    /// One type for every documented error status.
    Single {
        /// The type.
        ty: TypeRef,
        /// The statuses it is documented for.
        statuses: Vec<StatusMatch>,
    },
    /// Different types per status: an enum with a variant per status.
    ByStatus {
        /// The enum's name.
        enum_name: String,
        /// `(status, variant name, type)` in spec order.
        variants: Vec<(StatusMatch, String, TypeRef)>,
    },
}

impl Errors {
    /// Every error body type.
    pub fn types(&self) -> impl Iterator<Item = &TypeRef> {
        let (single, many) = match self {
            Errors::None => (None, None),
            Errors::Single { ty, .. } => (Some(ty), None),
            Errors::ByStatus { variants, .. } => (None, Some(variants)),
        };
        single
            .into_iter()
            .chain(many.into_iter().flatten().map(|(_, _, ty)| ty))
    }
}

/// A response header the spec documents.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHeader {
    /// The header name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
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
