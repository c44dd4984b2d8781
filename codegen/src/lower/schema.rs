//! Schemas to types: scalars map to Rust scalars; objects with properties, enums and
//! `oneOf`/`anyOf` become named types; maps and arrays become containers; `allOf` members
//! are merged into one object.

use openapiv3::{
    AdditionalProperties, Discriminator, IntegerFormat, NumberFormat, ReferenceOr, Schema,
    SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty,
};

use super::Lowering;
use super::refs::component_key;
use crate::error::Error;
use crate::model::{
    Docs, EnumVariant, Field, IntEnum, OneOf, OneOfVariant, StringEnum, Struct, TypeDef, TypeId,
    TypeKind, TypeRef,
};
use crate::names::{self, Namespace};
use crate::pointer::JsonPointer;

/// Name of the flattened map that keeps properties a struct does not list.
const ADDITIONAL_FIELD: &str = "additional_properties";

/// Inline schemas nested deeper than this are refused: no real spec needs it, and it bounds
/// the generator's recursion (a deeper spec would otherwise overflow the stack).
const MAX_NESTING: usize = 48;

/// `allOf` nested deeper than this is a cycle (`A: allOf: [B]`, `B: allOf: [A]`).
const MAX_ALL_OF_DEPTH: usize = 32;

/// A schema as found in the document: a reference or an inline schema. (`openapiv3` boxes
/// some inline schemas and not others; this hides the difference.)
#[derive(Clone, Copy)]
pub(crate) enum SchemaSite<'a> {
    Ref(&'a str),
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SchemaSite<'a> {
    fn from(value: &'a ReferenceOr<Schema>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaSite::Ref(reference),
            ReferenceOr::Item(schema) => SchemaSite::Inline(schema),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SchemaSite<'a> {
    fn from(value: &'a ReferenceOr<Box<Schema>>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaSite::Ref(reference),
            ReferenceOr::Item(schema) => SchemaSite::Inline(schema),
        }
    }
}

/// What a schema is, once the variants `openapiv3` spreads over `Type` and `Any` are merged
/// and `allOf` is flattened.
enum Shape<'a> {
    Json,
    Bool,
    Integer {
        format: Option<IntegerFormat>,
        values: Vec<i64>,
    },
    Number(Option<NumberFormat>),
    String {
        format: Option<&'a str>,
        values: Vec<String>,
    },
    Array(Option<SchemaSite<'a>>),
    Object(Object<'a>),
    /// A schema that stands for another one (`allOf` with one real member).
    Single(SchemaSite<'a>, JsonPointer),
    OneOf {
        members: Vec<(SchemaSite<'a>, JsonPointer)>,
        discriminator: Option<&'a Discriminator>,
    },
}

#[derive(Default)]
struct Object<'a> {
    properties: Vec<(&'a str, SchemaSite<'a>, JsonPointer)>,
    required: Vec<&'a str>,
    additional: Option<(&'a AdditionalProperties, JsonPointer)>,
}

impl<'a> Object<'a> {
    fn add_property(&mut self, name: &'a str, site: SchemaSite<'a>, at: JsonPointer) {
        // A later `allOf` member redefining a property wins, as in JSON Schema validation
        // both would have to hold; the later one is usually the refinement.
        self.properties.retain(|(n, _, _)| *n != name);
        self.properties.push((name, site, at));
    }

    fn merge(&mut self, other: Object<'a>) {
        for (name, site, at) in other.properties {
            self.add_property(name, site, at);
        }
        for name in other.required {
            if !self.required.contains(&name) {
                self.required.push(name);
            }
        }
        if other.additional.is_some() {
            self.additional = other.additional;
        }
    }
}

fn docs_of(schema: &Schema) -> Docs {
    Docs {
        summary: schema.schema_data.title.clone(),
        description: schema.schema_data.description.clone(),
    }
}

/// Whether a schema says nothing about the value's type (only docs, `nullable` and the
/// like): such `allOf` members add nothing to merge.
fn is_annotation_only(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Any(any) => {
            any.typ.is_none()
                && any.properties.is_empty()
                && any.additional_properties.is_none()
                && any.items.is_none()
                && any.enumeration.is_empty()
                && any.one_of.is_empty()
                && any.any_of.is_empty()
                && any.all_of.is_empty()
                && any.not.is_none()
        }
        _ => false,
    }
}

impl<'a> Lowering<'a> {
    /// Defines the component schema `key`, registered earlier as `id`.
    pub(crate) fn define_component(
        &mut self,
        id: TypeId,
        key: &str,
        schema: &'a ReferenceOr<Schema>,
        pointer: &JsonPointer,
    ) -> Result<(), Error> {
        let (name, module) = self.reserved_names(id);
        let site = SchemaSite::from(schema);
        if let SchemaSite::Ref(reference) = site {
            self.check_alias_chain(key, reference, pointer)?;
        }
        let (docs, deprecated) = match site {
            SchemaSite::Inline(schema) => (docs_of(schema), schema.schema_data.deprecated),
            SchemaSite::Ref(_) => (Docs::default(), false),
        };
        let kind = match self.named_kind(site, pointer, &name)? {
            Some(kind) => kind,
            None => TypeKind::Alias(strip_nullable(self.type_of(site, pointer, &name)?)),
        };
        self.define(
            id,
            TypeDef {
                name,
                module,
                origin: pointer.to_string(),
                docs,
                deprecated,
                kind,
            },
        );
        Ok(())
    }

    /// A component that is only a `$ref` becomes a type alias; a chain of such aliases that
    /// comes back to itself would be a type that contains only itself.
    fn check_alias_chain(
        &self,
        key: &str,
        reference: &str,
        pointer: &JsonPointer,
    ) -> Result<(), Error> {
        let schemas = self.doc.components.as_ref().map(|c| &c.schemas);
        let mut next = component_key(reference, "schemas");
        for _ in 0..=schemas.map_or(0, |s| s.len()) {
            let Some(current) = next else {
                return Ok(());
            };
            if current == key {
                return Err(self.invalid(
                    pointer,
                    format!(
                        "schema `{key}` is defined as a chain of `$ref`s that leads back to itself"
                    ),
                    "give one schema in the chain a definition of its own",
                ));
            }
            next = match schemas.and_then(|s| s.get(&current)) {
                Some(ReferenceOr::Reference { reference }) => component_key(reference, "schemas"),
                _ => None,
            };
        }
        Ok(())
    }

    /// The Rust type for a schema used somewhere (a property, an item, a parameter, a body).
    /// Objects with properties, enums and `oneOf`s found inline become named types called
    /// `hint`.
    pub(crate) fn type_of(
        &mut self,
        site: SchemaSite<'a>,
        pointer: &JsonPointer,
        hint: &str,
    ) -> Result<TypeRef, Error> {
        if self.depth >= MAX_NESTING {
            return Err(self.unsupported(
                pointer,
                format!("inline schemas nested more than {MAX_NESTING} levels deep"),
                "move some of the nested schemas to `components/schemas` and refer to them",
            ));
        }
        self.depth += 1;
        let result = self.type_of_inner(site, pointer, hint);
        self.depth -= 1;
        result
    }

    fn type_of_inner(
        &mut self,
        site: SchemaSite<'a>,
        pointer: &JsonPointer,
        hint: &str,
    ) -> Result<TypeRef, Error> {
        let schema = match site {
            SchemaSite::Ref(reference) => return self.named(reference, pointer),
            SchemaSite::Inline(schema) => schema,
        };
        let ty = match self.shape(schema, pointer, 0)? {
            Shape::Json => TypeRef::Json,
            Shape::Bool => TypeRef::Bool,
            Shape::Integer { values, .. } if !values.is_empty() => {
                self.hoist(site, pointer, hint)?
            }
            Shape::Integer {
                format: Some(IntegerFormat::Int32),
                ..
            } => TypeRef::I32,
            Shape::Integer { .. } => TypeRef::I64,
            Shape::Number(Some(NumberFormat::Float)) => TypeRef::F32,
            Shape::Number(_) => TypeRef::F64,
            Shape::String { values, .. } if !values.is_empty() => {
                self.hoist(site, pointer, hint)?
            }
            Shape::String { format, .. } => match format {
                Some("date") => TypeRef::Date,
                Some("date-time") => TypeRef::DateTime,
                Some("uuid") => TypeRef::Uuid,
                Some("binary") => TypeRef::Bytes,
                _ => TypeRef::String,
            },
            Shape::Array(items) => {
                let item = match items {
                    Some(items) => {
                        self.type_of(items, &pointer.join("items"), &format!("{hint}Item"))?
                    }
                    None => TypeRef::Json,
                };
                TypeRef::List(Box::new(item))
            }
            Shape::Object(object) if !object.properties.is_empty() => {
                self.hoist(site, pointer, hint)?
            }
            Shape::Object(object) => {
                let value = self.additional(object.additional, &format!("{hint}Value"))?;
                TypeRef::Map(Box::new(value.unwrap_or(TypeRef::Json)))
            }
            Shape::Single(member, at) => self.type_of(member, &at, hint)?,
            Shape::OneOf { members, .. } if members.len() == 1 => match members.first() {
                Some((member, at)) => self.type_of(*member, at, hint)?,
                None => TypeRef::Json,
            },
            Shape::OneOf { members, .. } if members.is_empty() => TypeRef::Json,
            Shape::OneOf { .. } => self.hoist(site, pointer, hint)?,
        };
        if schema.schema_data.nullable && !matches!(ty, TypeRef::Nullable(_)) {
            return Ok(TypeRef::Nullable(Box::new(ty)));
        }
        Ok(ty)
    }

    /// Makes a named type for an inline object, enum or `oneOf`.
    fn hoist(
        &mut self,
        site: SchemaSite<'a>,
        pointer: &JsonPointer,
        hint: &str,
    ) -> Result<TypeRef, Error> {
        let (id, name, module) = self.reserve_type(hint, pointer);
        let Some(kind) = self.named_kind(site, pointer, &name)? else {
            return Err(Error::Internal {
                file: self.file.to_owned(),
                path: pointer.to_string(),
                message: "an inline schema was hoisted but has no named shape".to_owned(),
            });
        };
        let (docs, deprecated) = match site {
            SchemaSite::Inline(schema) => (docs_of(schema), schema.schema_data.deprecated),
            SchemaSite::Ref(_) => (Docs::default(), false),
        };
        self.define(
            id,
            TypeDef {
                name,
                module,
                origin: pointer.to_string(),
                docs,
                deprecated,
                kind,
            },
        );
        Ok(TypeRef::Named(id))
    }

    /// The definition of a schema that needs a type of its own (objects with properties,
    /// enums, `oneOf`s); `None` for everything else.
    fn named_kind(
        &mut self,
        site: SchemaSite<'a>,
        pointer: &JsonPointer,
        name: &str,
    ) -> Result<Option<TypeKind>, Error> {
        let SchemaSite::Inline(schema) = site else {
            return Ok(None);
        };
        match self.shape(schema, pointer, 0)? {
            Shape::String { values, .. } if !values.is_empty() => {
                Ok(Some(TypeKind::Enum(string_enum(&values))))
            }
            Shape::Integer { values, .. } if !values.is_empty() => {
                Ok(Some(TypeKind::IntEnum(int_enum(&values))))
            }
            Shape::Object(object) if !object.properties.is_empty() => {
                Ok(Some(TypeKind::Struct(self.structure(object, name)?)))
            }
            Shape::OneOf {
                members,
                discriminator,
            } if members.len() > 1 => Ok(Some(TypeKind::OneOf(self.one_of(
                members,
                discriminator,
                name,
            )?))),
            _ => Ok(None),
        }
    }

    fn structure(&mut self, object: Object<'a>, name: &str) -> Result<Struct, Error> {
        let mut field_names = Namespace::with_reserved(&[ADDITIONAL_FIELD]);
        let mut fields = Vec::with_capacity(object.properties.len());
        for (wire_name, property, at) in object.properties {
            let hint = format!("{name}{}", names::type_name(wire_name));
            let (ty, nullable) = match self.type_of(property, &at, &hint)? {
                TypeRef::Nullable(inner) => (*inner, true),
                other => (other, false),
            };
            let valid = names::snake(wire_name);
            let chosen = field_names.claim(valid.clone());
            let plain = names::plain_snake(wire_name);
            self.warn_renamed(&at, "property", wire_name, &plain, &valid, &chosen);
            let mut field = Field {
                name: chosen,
                wire_name: wire_name.to_owned(),
                ty,
                required: object.required.contains(&wire_name),
                nullable,
                docs: Docs::default(),
                deprecated: false,
                read_only: false,
                write_only: false,
                default: None,
                boxed: false,
            };
            if let SchemaSite::Inline(s) = property {
                field.docs = docs_of(s);
                field.deprecated = s.schema_data.deprecated;
                field.read_only = s.schema_data.read_only;
                field.write_only = s.schema_data.write_only;
                field.default = s.schema_data.default.as_ref().map(|v| v.to_string());
            }
            fields.push(field);
        }
        let additional = self.additional(object.additional, &format!("{name}Value"))?;
        Ok(Struct { fields, additional })
    }

    fn one_of(
        &mut self,
        members: Vec<(SchemaSite<'a>, JsonPointer)>,
        discriminator: Option<&'a Discriminator>,
        name: &str,
    ) -> Result<OneOf, Error> {
        let tag = match discriminator {
            Some(d) => Some(d.property_name.clone()),
            None => self.distinguishing_property(&members),
        };
        let mut variant_names = Namespace::with_reserved(&["Other"]);
        let mut variants = Vec::with_capacity(members.len());
        for (n, (member, at)) in members.into_iter().enumerate() {
            let ty = self.type_of(member, &at, &format!("{name}Variant{}", n + 1))?;
            let wanted = match &ty {
                TypeRef::Named(id) => self.reserved_names(*id).0,
                other => scalar_variant_name(other).to_owned(),
            };
            let mut tag_values = Vec::new();
            if let (Some(tag), SchemaSite::Ref(reference)) = (&tag, member) {
                if let Some(d) = discriminator {
                    tag_values.extend(
                        d.mapping
                            .iter()
                            .filter(|(_, target)| *target == reference)
                            .map(|(value, _)| value.clone()),
                    );
                    if tag_values.is_empty() {
                        tag_values.extend(component_key(reference, "schemas"));
                    }
                } else if let Some(value) = self.constant_of(member, tag) {
                    tag_values.push(value);
                }
            }
            variants.push(OneOfVariant {
                name: variant_names.claim(names::type_name(&wanted)),
                ty,
                tag_values,
                boxed: false,
            });
        }
        // A tag is only usable when every alternative is an object selected by a value.
        let tag = tag.filter(|_| variants.iter().all(|v| !v.tag_values.is_empty()));
        Ok(OneOf {
            variants,
            tag,
            other: "Other".to_owned(),
        })
    }

    /// A property that every alternative requires with a single, different constant value
    /// (`type: {enum: [cat]}` vs `type: {enum: [dog]}`), usable as a tag.
    fn distinguishing_property(&self, members: &[(SchemaSite<'a>, JsonPointer)]) -> Option<String> {
        let first = members.first()?;
        let candidates = self.constant_properties(first.0);
        candidates.into_iter().map(|(name, _)| name).find(|name| {
            let mut seen: Vec<String> = Vec::new();
            members
                .iter()
                .all(|(member, _)| match self.constant_of(*member, name) {
                    Some(value) if !seen.contains(&value) => {
                        seen.push(value);
                        true
                    }
                    _ => false,
                })
        })
    }

    /// The required properties of an object schema that have a single allowed string value.
    fn constant_properties(&self, site: SchemaSite<'a>) -> Vec<(String, String)> {
        let Some(schema) = self.resolve_schema(site) else {
            return Vec::new();
        };
        let Ok(Shape::Object(object)) = self.shape(schema, &JsonPointer::root(), 0) else {
            return Vec::new();
        };
        object
            .properties
            .iter()
            .filter(|(name, _, _)| object.required.contains(name))
            .filter_map(|(name, property, _)| {
                let schema = self.resolve_schema(*property)?;
                match &schema.schema_kind {
                    SchemaKind::Type(Type::String(s)) => match s.enumeration.as_slice() {
                        [Some(value)] => Some(((*name).to_owned(), value.clone())),
                        _ => None,
                    },
                    _ => None,
                }
            })
            .collect()
    }

    fn constant_of(&self, site: SchemaSite<'a>, property: &str) -> Option<String> {
        self.constant_properties(site)
            .into_iter()
            .find(|(name, _)| name == property)
            .map(|(_, value)| value)
    }

    /// The schema a site stands for, following `$ref`s into `components/schemas`.
    fn resolve_schema(&self, site: SchemaSite<'a>) -> Option<&'a Schema> {
        let mut site = site;
        for _ in 0..MAX_ALL_OF_DEPTH {
            match site {
                SchemaSite::Inline(schema) => return Some(schema),
                SchemaSite::Ref(reference) => {
                    let key = component_key(reference, "schemas")?;
                    let target = self.doc.components.as_ref()?.schemas.get(&key)?;
                    site = SchemaSite::from(target);
                }
            }
        }
        None
    }

    /// The value type of `additionalProperties`, or `None` when no extra properties are
    /// allowed or expected.
    fn additional(
        &mut self,
        additional: Option<(&'a AdditionalProperties, JsonPointer)>,
        hint: &str,
    ) -> Result<Option<TypeRef>, Error> {
        match additional {
            None | Some((AdditionalProperties::Any(false), _)) => Ok(None),
            Some((AdditionalProperties::Any(true), _)) => Ok(Some(TypeRef::Json)),
            Some((AdditionalProperties::Schema(schema), at)) => {
                let site = SchemaSite::from(schema.as_ref());
                Ok(Some(self.type_of(site, &at, hint)?))
            }
        }
    }

    /// A `$ref` to a component schema.
    fn named(&mut self, reference: &str, pointer: &JsonPointer) -> Result<TypeRef, Error> {
        let Some(key) = component_key(reference, "schemas") else {
            return Err(self.unsupported(
                pointer,
                format!("`$ref: {reference}` does not point at `#/components/schemas/NAME`"),
                "move the schema under `components/schemas` and refer to it there; references into other files or into other schemas are not supported",
            ));
        };
        match self.component_id(&key) {
            Some(id) => Ok(TypeRef::Named(id)),
            None => Err(self.invalid(
                pointer,
                format!("`$ref: {reference}` points at a schema that does not exist"),
                format!("define `{key}` under `components/schemas` or fix the reference"),
            )),
        }
    }

    fn shape(
        &self,
        schema: &'a Schema,
        pointer: &JsonPointer,
        depth: usize,
    ) -> Result<Shape<'a>, Error> {
        if depth > MAX_ALL_OF_DEPTH {
            return Err(self.invalid(
                pointer,
                "`allOf` members refer back to the schema itself",
                "break the cycle: a schema cannot be one of its own `allOf` members",
            ));
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::Boolean(_)) => Ok(Shape::Bool),
            SchemaKind::Type(Type::Integer(i)) => Ok(Shape::Integer {
                format: known(&i.format),
                values: i.enumeration.iter().flatten().copied().collect(),
            }),
            SchemaKind::Type(Type::Number(n)) => Ok(Shape::Number(known(&n.format))),
            SchemaKind::Type(Type::String(s)) => Ok(Shape::String {
                format: match &s.format {
                    VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Some("date"),
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Some("date-time"),
                    VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Some("binary"),
                    VariantOrUnknownOrEmpty::Unknown(other) => Some(other.as_str()),
                    _ => None,
                },
                values: s.enumeration.iter().flatten().cloned().collect(),
            }),
            SchemaKind::Type(Type::Array(a)) => {
                Ok(Shape::Array(a.items.as_ref().map(SchemaSite::from)))
            }
            SchemaKind::Type(Type::Object(o)) => Ok(Shape::Object(Object {
                properties: o
                    .properties
                    .iter()
                    .map(|(k, v)| {
                        (
                            k.as_str(),
                            SchemaSite::from(v),
                            pointer.join("properties").join(k),
                        )
                    })
                    .collect(),
                required: o.required.iter().map(String::as_str).collect(),
                additional: o
                    .additional_properties
                    .as_ref()
                    .map(|a| (a, pointer.join("additionalProperties"))),
            })),
            SchemaKind::AllOf { all_of } => self.all_of(all_of, Object::default(), pointer, depth),
            SchemaKind::OneOf { one_of } => Ok(self.one_of_shape(
                one_of,
                "oneOf",
                schema.schema_data.discriminator.as_ref(),
                pointer,
            )),
            SchemaKind::AnyOf { any_of } => Ok(self.one_of_shape(
                any_of,
                "anyOf",
                schema.schema_data.discriminator.as_ref(),
                pointer,
            )),
            SchemaKind::Not { .. } => Err(self.unsupported(
                pointer,
                "`not`",
                "remove the `not` constraint; it has no Rust type",
            )),
            SchemaKind::Any(any) => {
                let own = Object {
                    properties: any
                        .properties
                        .iter()
                        .map(|(k, v)| {
                            (
                                k.as_str(),
                                SchemaSite::from(v),
                                pointer.join("properties").join(k),
                            )
                        })
                        .collect(),
                    required: any.required.iter().map(String::as_str).collect(),
                    additional: any
                        .additional_properties
                        .as_ref()
                        .map(|a| (a, pointer.join("additionalProperties"))),
                };
                if !any.all_of.is_empty() {
                    if !any.one_of.is_empty() || !any.any_of.is_empty() {
                        return Err(self.unsupported(
                            pointer,
                            "a schema that combines `allOf` with `oneOf`/`anyOf`",
                            "move the `oneOf`/`anyOf` into a property or into each `allOf` member",
                        ));
                    }
                    return self.all_of(&any.all_of, own, pointer, depth);
                }
                if !any.one_of.is_empty() || !any.any_of.is_empty() {
                    // Properties next to a `oneOf` are common alternatives' documentation;
                    // the alternatives themselves carry the shape.
                    let (members, keyword) = if any.one_of.is_empty() {
                        (&any.any_of, "anyOf")
                    } else {
                        (&any.one_of, "oneOf")
                    };
                    return Ok(self.one_of_shape(
                        members,
                        keyword,
                        schema.schema_data.discriminator.as_ref(),
                        pointer,
                    ));
                }
                if any.not.is_some() && own.properties.is_empty() && any.typ.is_none() {
                    return Ok(Shape::Json);
                }
                if !own.properties.is_empty()
                    || own.additional.is_some()
                    || any.typ.as_deref() == Some("object")
                {
                    return Ok(Shape::Object(own));
                }
                if any.items.is_some() || any.typ.as_deref() == Some("array") {
                    return Ok(Shape::Array(any.items.as_ref().map(SchemaSite::from)));
                }
                match any.typ.as_deref() {
                    None => Ok(Shape::Json),
                    Some("string") => Ok(Shape::String {
                        format: any.format.as_deref(),
                        values: any
                            .enumeration
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect(),
                    }),
                    Some("integer") => Ok(Shape::Integer {
                        format: any.format.as_deref().and_then(|f| f.parse().ok()),
                        values: any.enumeration.iter().filter_map(|v| v.as_i64()).collect(),
                    }),
                    Some("number") => Ok(Shape::Number(
                        any.format.as_deref().and_then(|f| f.parse().ok()),
                    )),
                    Some("boolean") => Ok(Shape::Bool),
                    Some(other) => Err(self.invalid(
                        &pointer.join("type"),
                        format!("`type: {other}` is not an OpenAPI 3.0 type"),
                        "use one of string, number, integer, boolean, array, object",
                    )),
                }
            }
        }
    }

    fn one_of_shape(
        &self,
        members: &'a [ReferenceOr<Schema>],
        keyword: &str,
        discriminator: Option<&'a Discriminator>,
        pointer: &JsonPointer,
    ) -> Shape<'a> {
        let members = members
            .iter()
            .enumerate()
            .map(|(n, m)| (SchemaSite::from(m), pointer.join(keyword).join(n)))
            .filter(|(site, _)| !matches!(site, SchemaSite::Inline(s) if is_annotation_only(s)))
            .collect();
        Shape::OneOf {
            members,
            discriminator,
        }
    }

    /// Merges `allOf` members (and the schema's own properties) into one object; a single
    /// non-object member with only annotations beside it stands for the whole schema.
    fn all_of(
        &self,
        members: &'a [ReferenceOr<Schema>],
        own: Object<'a>,
        pointer: &JsonPointer,
        depth: usize,
    ) -> Result<Shape<'a>, Error> {
        let mut real: Vec<(SchemaSite<'a>, JsonPointer, &'a Schema)> = Vec::new();
        for (n, member) in members.iter().enumerate() {
            let at = pointer.join("allOf").join(n);
            let site = SchemaSite::from(member);
            let Some(schema) = self.resolve_schema(site) else {
                // A dangling or foreign reference: let `type_of` report it where it is.
                return Ok(Shape::Single(site, at));
            };
            if !is_annotation_only(schema) {
                real.push((site, at, schema));
            }
        }
        if own.properties.is_empty() && own.additional.is_none() {
            if let [(site, at, _)] = real.as_slice() {
                return Ok(Shape::Single(*site, at.clone()));
            }
            if real.is_empty() {
                return Ok(Shape::Json);
            }
        }
        let mut merged = Object::default();
        for (_, at, schema) in real {
            let mut shape = self.shape(schema, &at, depth + 1)?;
            // A member that stands for another schema (`allOf: [$ref]`) is merged as that one.
            for _ in 0..MAX_ALL_OF_DEPTH {
                let Shape::Single(site, at) = &shape else {
                    break;
                };
                match self.resolve_schema(*site) {
                    Some(schema) => shape = self.shape(schema, at, depth + 1)?,
                    None => break,
                }
            }
            match shape {
                Shape::Object(object) => merged.merge(object),
                Shape::Json => {}
                _ => {
                    return Err(self.unsupported(
                        &at,
                        "an `allOf` that combines an object with a non-object schema",
                        "make every `allOf` member an object schema",
                    ));
                }
            }
        }
        merged.merge(own);
        Ok(Shape::Object(merged))
    }
}

fn strip_nullable(ty: TypeRef) -> TypeRef {
    // A nullable component used as a field type is nullable through the field; keeping the
    // alias itself plain avoids `Option<Option<T>>`.
    match ty {
        TypeRef::Nullable(inner) => *inner,
        other => other,
    }
}

fn scalar_variant_name(ty: &TypeRef) -> &'static str {
    match ty {
        TypeRef::Bool => "Boolean",
        TypeRef::I32 | TypeRef::I64 => "Integer",
        TypeRef::F32 | TypeRef::F64 => "Number",
        TypeRef::String | TypeRef::Uuid | TypeRef::Bytes => "String",
        TypeRef::Date => "Date",
        TypeRef::DateTime => "DateTime",
        TypeRef::List(_) => "List",
        TypeRef::Map(_) => "Map",
        TypeRef::Json | TypeRef::Named(_) | TypeRef::Nullable(_) => "Value",
    }
}

fn known<T: Copy>(format: &VariantOrUnknownOrEmpty<T>) -> Option<T> {
    match format {
        VariantOrUnknownOrEmpty::Item(item) => Some(*item),
        _ => None,
    }
}

fn string_enum(values: &[String]) -> StringEnum {
    let mut variant_names = Namespace::with_reserved(&["Other"]);
    let mut variants = Vec::with_capacity(values.len());
    for value in values {
        if variants
            .iter()
            .any(|v: &EnumVariant| &v.wire_value == value)
        {
            continue;
        }
        let wanted = if value.is_empty() {
            "Empty"
        } else {
            value.as_str()
        };
        variants.push(EnumVariant {
            name: variant_names.claim(names::type_name(wanted)),
            wire_value: value.clone(),
        });
    }
    StringEnum {
        variants,
        other: "Other".to_owned(),
    }
}

fn int_enum(values: &[i64]) -> IntEnum {
    let mut variants: Vec<(String, i64)> = Vec::with_capacity(values.len());
    for value in values {
        if variants.iter().any(|(_, v)| v == value) {
            continue;
        }
        let name = if *value < 0 {
            format!("Minus{}", value.unsigned_abs())
        } else {
            format!("V{value}")
        };
        variants.push((name, *value));
    }
    IntEnum {
        variants,
        other: "Other".to_owned(),
    }
}
