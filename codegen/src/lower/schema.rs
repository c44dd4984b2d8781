//! Schemas to types: scalars map to Rust scalars, objects with properties and string enums
//! become named types, maps and arrays become containers.

use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

use super::Lowering;
use super::refs::component_key;
use crate::error::Error;
use crate::model::{
    Docs, EnumVariant, Field, StringEnum, Struct, TypeDef, TypeId, TypeKind, TypeRef,
};
use crate::names::{self, Namespace};
use crate::pointer::JsonPointer;

/// Name of the flattened map that keeps properties a struct does not list.
const ADDITIONAL_FIELD: &str = "additional_properties";

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

/// What a schema is, once the variants `openapiv3` spreads over `Type` and `Any` are merged.
enum Shape<'a> {
    Json,
    Bool,
    Integer(Option<IntegerFormat>),
    Number(Option<NumberFormat>),
    String {
        format: Option<&'a str>,
        values: Vec<String>,
    },
    Array(Option<SchemaSite<'a>>),
    Object {
        properties: Vec<(&'a str, SchemaSite<'a>)>,
        required: &'a [String],
        additional: Option<&'a AdditionalProperties>,
    },
    /// `allOf` with a single member: the member itself (a common way to annotate a `$ref`).
    Single(SchemaSite<'a>),
}

fn docs_of(schema: &Schema) -> Docs {
    Docs {
        summary: schema.schema_data.title.clone(),
        description: schema.schema_data.description.clone(),
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
        if self.in_progress.iter().any(|k| k == key) {
            return Ok(());
        }
        self.in_progress.push(key.to_owned());
        let result = self.define_component_inner(id, key, schema, pointer);
        self.in_progress.pop();
        result
    }

    fn define_component_inner(
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
            None => TypeKind::Alias(self.type_of(site, pointer, &name)?),
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
    /// Objects with properties and enums found inline become named types called `hint`.
    pub(crate) fn type_of(
        &mut self,
        site: SchemaSite<'a>,
        pointer: &JsonPointer,
        hint: &str,
    ) -> Result<TypeRef, Error> {
        let schema = match site {
            SchemaSite::Ref(reference) => return self.named(reference, pointer),
            SchemaSite::Inline(schema) => schema,
        };
        let ty = match self.shape(schema, pointer)? {
            Shape::Json => TypeRef::Json,
            Shape::Bool => TypeRef::Bool,
            Shape::Integer(Some(IntegerFormat::Int32)) => TypeRef::I32,
            Shape::Integer(_) => TypeRef::I64,
            Shape::Number(Some(NumberFormat::Float)) => TypeRef::F32,
            Shape::Number(_) => TypeRef::F64,
            Shape::String { values, .. } if !values.is_empty() => {
                self.hoist(site, pointer, hint)?
            }
            Shape::String { format, .. } => match format {
                Some("date") => TypeRef::Date,
                Some("date-time") => TypeRef::DateTime,
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
            Shape::Object { properties, .. } if !properties.is_empty() => {
                self.hoist(site, pointer, hint)?
            }
            Shape::Object { additional, .. } => TypeRef::Map(Box::new(
                self.additional(additional, pointer, hint)?
                    .unwrap_or(TypeRef::Json),
            )),
            Shape::Single(member) => self.type_of(member, &pointer.join("allOf").join(0), hint)?,
        };
        if schema.schema_data.nullable {
            return Ok(TypeRef::Nullable(Box::new(ty)));
        }
        Ok(ty)
    }

    /// Makes a named type for an inline object or enum.
    fn hoist(
        &mut self,
        site: SchemaSite<'a>,
        pointer: &JsonPointer,
        hint: &str,
    ) -> Result<TypeRef, Error> {
        let (id, name, module) = self.reserve_type(hint);
        let Some(kind) = self.named_kind(site, pointer, &name)? else {
            return Err(self.internal_hoist(pointer));
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

    fn internal_hoist(&self, pointer: &JsonPointer) -> Error {
        Error::Internal {
            file: self.file.to_owned(),
            path: pointer.to_string(),
            message: "an inline schema was hoisted but has no named shape".to_owned(),
        }
    }

    /// The definition of a schema that needs a type of its own (objects with properties,
    /// string enums); `None` for everything else.
    fn named_kind(
        &mut self,
        site: SchemaSite<'a>,
        pointer: &JsonPointer,
        name: &str,
    ) -> Result<Option<TypeKind>, Error> {
        let SchemaSite::Inline(schema) = site else {
            return Ok(None);
        };
        match self.shape(schema, pointer)? {
            Shape::String { values, .. } if !values.is_empty() => {
                Ok(Some(TypeKind::Enum(string_enum(&values))))
            }
            Shape::Object {
                properties,
                required,
                additional,
            } if !properties.is_empty() => {
                let mut field_names = Namespace::with_reserved(&[ADDITIONAL_FIELD]);
                let mut fields = Vec::with_capacity(properties.len());
                for (wire_name, property) in properties {
                    let at = pointer.join("properties").join(wire_name);
                    let hint = format!("{name}{}", names::type_name(wire_name));
                    let ty = self.type_of(property, &at, &hint)?;
                    let (ty, nullable) = match ty {
                        TypeRef::Nullable(inner) => (*inner, true),
                        other => (other, false),
                    };
                    let (docs, deprecated, read_only) = match property {
                        SchemaSite::Inline(s) => (
                            docs_of(s),
                            s.schema_data.deprecated,
                            s.schema_data.read_only,
                        ),
                        SchemaSite::Ref(_) => (Docs::default(), false, false),
                    };
                    fields.push(Field {
                        name: field_names.claim(names::snake(wire_name)),
                        wire_name: wire_name.to_owned(),
                        ty,
                        required: required.iter().any(|r| r == wire_name),
                        nullable,
                        docs,
                        deprecated,
                        read_only,
                    });
                }
                let additional = self.additional(additional, pointer, &format!("{name}Value"))?;
                Ok(Some(TypeKind::Struct(Struct { fields, additional })))
            }
            _ => Ok(None),
        }
    }

    /// The value type of `additionalProperties`, or `None` when no extra properties are
    /// allowed or expected.
    fn additional(
        &mut self,
        additional: Option<&'a AdditionalProperties>,
        pointer: &JsonPointer,
        hint: &str,
    ) -> Result<Option<TypeRef>, Error> {
        match additional {
            None | Some(AdditionalProperties::Any(false)) => Ok(None),
            Some(AdditionalProperties::Any(true)) => Ok(Some(TypeRef::Json)),
            Some(AdditionalProperties::Schema(schema)) => {
                let site = SchemaSite::from(schema.as_ref());
                Ok(Some(self.type_of(
                    site,
                    &pointer.join("additionalProperties"),
                    hint,
                )?))
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

    fn shape(&self, schema: &'a Schema, pointer: &JsonPointer) -> Result<Shape<'a>, Error> {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Boolean(_)) => Ok(Shape::Bool),
            SchemaKind::Type(Type::Integer(i)) => Ok(Shape::Integer(known(&i.format))),
            SchemaKind::Type(Type::Number(n)) => Ok(Shape::Number(known(&n.format))),
            SchemaKind::Type(Type::String(s)) => Ok(Shape::String {
                format: match &s.format {
                    VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Some("date"),
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Some("date-time"),
                    VariantOrUnknownOrEmpty::Unknown(other) => Some(other.as_str()),
                    _ => None,
                },
                values: s.enumeration.iter().flatten().cloned().collect(),
            }),
            SchemaKind::Type(Type::Array(a)) => {
                Ok(Shape::Array(a.items.as_ref().map(SchemaSite::from)))
            }
            SchemaKind::Type(Type::Object(o)) => Ok(Shape::Object {
                properties: o
                    .properties
                    .iter()
                    .map(|(k, v)| (k.as_str(), SchemaSite::from(v)))
                    .collect(),
                required: &o.required,
                additional: o.additional_properties.as_ref(),
            }),
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => match all_of.first() {
                Some(member) => Ok(Shape::Single(SchemaSite::from(member))),
                None => Ok(Shape::Json),
            },
            SchemaKind::AllOf { .. } => Err(self.unsupported(
                pointer,
                "`allOf` with more than one member",
                "merge the members into one object schema for now",
            )),
            SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => Err(self.unsupported(
                pointer,
                "`oneOf`/`anyOf`",
                "replace it with a single schema (or `{}` for any JSON value) for now",
            )),
            SchemaKind::Not { .. } => Err(self.unsupported(
                pointer,
                "`not`",
                "remove the `not` constraint; it has no Rust type",
            )),
            SchemaKind::Any(any) => {
                if !any.one_of.is_empty()
                    || !any.any_of.is_empty()
                    || !any.all_of.is_empty()
                    || any.not.is_some()
                {
                    return Err(self.unsupported(
                        pointer,
                        "a schema that mixes `type` or properties with `allOf`/`oneOf`/`anyOf`/`not`",
                        "split the composition from the properties for now",
                    ));
                }
                if !any.properties.is_empty()
                    || any.additional_properties.is_some()
                    || any.typ.as_deref() == Some("object")
                {
                    return Ok(Shape::Object {
                        properties: any
                            .properties
                            .iter()
                            .map(|(k, v)| (k.as_str(), SchemaSite::from(v)))
                            .collect(),
                        required: &any.required,
                        additional: any.additional_properties.as_ref(),
                    });
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
                    Some("integer") => Ok(Shape::Integer(
                        any.format.as_deref().and_then(|f| f.parse().ok()),
                    )),
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
}

fn known<T: Copy>(format: &VariantOrUnknownOrEmpty<T>) -> Option<T> {
    match format {
        VariantOrUnknownOrEmpty::Item(item) => Some(*item),
        _ => None,
    }
}

fn string_enum(values: &[String]) -> StringEnum {
    let mut variant_names = Namespace::default();
    let mut variants = Vec::with_capacity(values.len());
    for value in values {
        if variants
            .iter()
            .any(|v: &EnumVariant| &v.wire_value == value)
        {
            continue;
        }
        variants.push(EnumVariant {
            name: variant_names.claim(names::type_name(value)),
            wire_value: value.clone(),
        });
    }
    StringEnum {
        variants,
        other: variant_names.claim("Other".to_owned()),
    }
}
