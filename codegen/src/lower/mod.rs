//! Lowering: `openapiv3::OpenAPI` to the resolved [`model`](crate::model).
//!
//! This is the only place that reads `openapiv3` types and follows `$ref`s. It names
//! everything (through [`crate::names`]) and rejects what the emitters could not express,
//! with the JSON pointer of the construct.

mod operation;
mod recursion;
mod refs;
mod schema;
mod security;

use std::collections::BTreeMap;

use openapiv3::OpenAPI;

use crate::error::{Error, Located, MAX_ERRORS, Warning};
use crate::model::{Api, TypeDef, TypeId, TypeKind};
use crate::names::Namespace;
use crate::pointer::JsonPointer;

/// Prelude names the generated models use unqualified; a schema with one of these names
/// gets a numbered name instead, so it cannot shadow them in its own file. (Everything else
/// the generated code uses is path-qualified: `crate::Error`, `crate::models::Error`.)
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Box", "Err", "None", "Ok", "Option", "Result", "Some", "String", "Vec",
];

/// Lowers a parsed document. `file` is only used in diagnostics.
pub fn lower(doc: &OpenAPI, file: &str) -> Result<Api, Error> {
    lower_with_warnings(doc, file).map(|(api, _)| api)
}

/// Lowers a parsed document, also returning the warnings. Independent errors (one per
/// schema or operation) are collected, up to [`MAX_ERRORS`], and returned together.
pub fn lower_with_warnings(doc: &OpenAPI, file: &str) -> Result<(Api, Vec<Warning>), Error> {
    let mut lowering = Lowering {
        doc,
        file,
        types: Vec::new(),
        reserved: Vec::new(),
        type_names: Namespace::with_reserved(RESERVED_TYPE_NAMES),
        type_modules: Namespace::with_reserved(&["mod"]),
        components: BTreeMap::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        depth: 0,
    };
    lowering.register_components();
    lowering.define_components();
    let security = security::Schemes::lower(&lowering)?;
    let operations = operation::lower_all(&mut lowering, &security);
    let base_url = match doc.servers.first() {
        Some(server) => {
            match lowering.server_url(server, &JsonPointer::root().join("servers").join(0)) {
                Ok(url) => url,
                Err(error) => {
                    lowering.errors.push(error);
                    None
                }
            }
        }
        None => None,
    };
    let notes = read_notes(doc);
    for note in &notes {
        lowering.warn(&JsonPointer::root(), note.clone());
    }
    let mut errors = std::mem::take(&mut lowering.errors);
    errors.truncate(MAX_ERRORS);
    if errors.len() == 1 {
        if let Some(error) = errors.pop() {
            return Err(error);
        }
    }
    if !errors.is_empty() {
        return Err(Error::Multiple(errors));
    }
    let mut types = Vec::with_capacity(lowering.types.len());
    for (index, slot) in lowering.types.into_iter().enumerate() {
        match slot {
            Some(def) => types.push(def),
            None => {
                return Err(Error::Internal {
                    file: file.to_owned(),
                    path: format!("type #{index}"),
                    message: "a registered type was never defined".to_owned(),
                });
            }
        }
    }
    recursion::break_cycles(&mut types);
    let api = Api {
        title: doc.info.title.clone(),
        version: doc.info.version.clone(),
        description: doc.info.description.clone(),
        base_url,
        types,
        operations,
        security_schemes: security.into_used(),
        notes,
    };
    Ok((api, lowering.warnings))
}

/// Notes about constructs `read` dropped (3.1 webhooks and the like), carried in an
/// extension of the document.
fn read_notes(doc: &OpenAPI) -> Vec<String> {
    doc.extensions
        .get(crate::read::NOTES_EXTENSION)
        .and_then(|n| n.as_array())
        .map(|notes| {
            notes
                .iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// State shared by the lowering passes.
pub(crate) struct Lowering<'a> {
    pub(crate) doc: &'a OpenAPI,
    pub(crate) file: &'a str,
    /// Named types; a slot is `None` between naming a type and defining it, which is what
    /// lets recursive schemas refer to themselves.
    types: Vec<Option<TypeDef>>,
    /// The Rust name and module chosen for each type when it was reserved.
    reserved: Vec<(String, String)>,
    type_names: Namespace,
    type_modules: Namespace,
    /// `components/schemas` keys to their type.
    components: BTreeMap<String, TypeId>,
    /// Errors of independent constructs, reported together.
    pub(crate) errors: Vec<Error>,
    pub(crate) warnings: Vec<Warning>,
    /// How deeply inline schemas are nested where `type_of` is now.
    pub(crate) depth: usize,
}

impl<'a> Lowering<'a> {
    pub(crate) fn unsupported(
        &self,
        pointer: &JsonPointer,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        Error::Unsupported(Box::new(Located {
            file: self.file.to_owned(),
            pointer: pointer.clone(),
            position: None,
            message: message.into(),
            hint: hint.into(),
        }))
    }

    pub(crate) fn invalid(
        &self,
        pointer: &JsonPointer,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        Error::Invalid(Box::new(Located {
            file: self.file.to_owned(),
            pointer: pointer.clone(),
            position: None,
            message: message.into(),
            hint: hint.into(),
        }))
    }

    /// Reserves a named type: a unique Rust name and module, filled in later by
    /// [`Lowering::define`].
    pub(crate) fn reserve_type(
        &mut self,
        wanted_name: &str,
        pointer: &JsonPointer,
    ) -> (TypeId, String, String) {
        let name = self.claim_type_name_at(wanted_name, pointer);
        let module = self.type_modules.claim(crate::names::snake(&name));
        self.types.push(None);
        self.reserved.push((name.clone(), module.clone()));
        (TypeId(self.types.len() - 1), name, module)
    }

    pub(crate) fn warn(&mut self, pointer: &JsonPointer, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: self.file.to_owned(),
            pointer: pointer.clone(),
            position: None,
            message: message.into(),
        });
    }

    /// Records why a name differs from what its spec name would give by case conversion
    /// alone: the name was not a valid identifier, or it collided with another.
    pub(crate) fn warn_renamed(
        &mut self,
        pointer: &JsonPointer,
        what: &str,
        spec_name: &str,
        plain: &str,
        valid: &str,
        chosen: &str,
    ) {
        // Case conversion also drops symbols (`@id` -> `id`) without changing `plain`.
        let dropped = spec_name
            .chars()
            .any(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.')));
        if plain != valid || dropped {
            self.warn(
                pointer,
                format!(
                    "{what} `{spec_name}` is not a valid Rust identifier as is: named `{valid}`"
                ),
            );
        }
        if valid != chosen {
            self.warn(
                pointer,
                format!("{what} `{spec_name}` collides with another name after case conversion (or with a prelude name the generated code uses): named `{chosen}`"),
            );
        }
    }

    /// The name and module reserved for `id`.
    pub(crate) fn reserved_names(&self, id: TypeId) -> (String, String) {
        self.reserved.get(id.0).cloned().unwrap_or_default()
    }

    pub(crate) fn component_id(&self, key: &str) -> Option<TypeId> {
        self.components.get(key).copied()
    }

    pub(crate) fn define(&mut self, id: TypeId, def: TypeDef) {
        if let Some(slot) = self.types.get_mut(id.0) {
            *slot = Some(def);
        }
    }

    /// Names every component schema first, so that references (also recursive ones) can be
    /// resolved while defining them. Keys are taken in sorted order: the names chosen on a
    /// collision must not depend on the order of `components/schemas` in the file.
    fn register_components(&mut self) {
        let Some(components) = &self.doc.components else {
            return;
        };
        let mut keys: Vec<&String> = components.schemas.keys().collect();
        keys.sort();
        let base = JsonPointer::root().join("components").join("schemas");
        for key in keys {
            let (id, _, _) = self.reserve_type(key, &base.join(key));
            self.components.insert(key.clone(), id);
        }
    }

    fn define_components(&mut self) {
        let Some(components) = &self.doc.components else {
            return;
        };
        let base = JsonPointer::root().join("components").join("schemas");
        let mut entries: Vec<(&String, &'a openapiv3::ReferenceOr<openapiv3::Schema>)> =
            components.schemas.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (key, schema) in entries {
            let Some(&id) = self.components.get(key) else {
                continue;
            };
            let at = base.join(key);
            if let Err(error) = self.define_component(id, key, schema, &at) {
                self.errors.push(error);
                // A stand-in keeps the other schemas' references valid, so their own
                // errors can be reported in the same run.
                let (name, module) = self.reserved_names(id);
                self.define(
                    id,
                    TypeDef {
                        name,
                        module,
                        origin: at.to_string(),
                        docs: Default::default(),
                        deprecated: false,
                        kind: TypeKind::Alias(crate::model::TypeRef::Json),
                    },
                );
                if self.errors.len() >= MAX_ERRORS {
                    return;
                }
            }
        }
    }

    /// A server's URL with variables replaced by their defaults; `None` for relative URLs
    /// (`/v1`), which have no host to default to.
    pub(crate) fn server_url(
        &self,
        server: &openapiv3::Server,
        pointer: &JsonPointer,
    ) -> Result<Option<String>, Error> {
        let mut url = server.url.clone();
        if let Some(variables) = &server.variables {
            for (name, variable) in variables {
                url = url.replace(&format!("{{{name}}}"), &variable.default);
            }
        }
        if url.contains('{') {
            return Err(self.invalid(
                &pointer.join("url"),
                format!(
                    "server URL `{}` uses a variable that is not declared",
                    server.url
                ),
                "declare it under `variables` with a `default`",
            ));
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Ok(None);
        }
        Ok(Some(url.trim_end_matches('/').to_owned()))
    }

    /// Claims a type name in the crate-wide type namespace (models and the types operations
    /// define share it, so that both can be glob-imported together).
    pub(crate) fn claim_type_name(&mut self, wanted: &str) -> String {
        self.type_names.claim(crate::names::type_name(wanted))
    }

    /// [`Lowering::claim_type_name`], warning when the name had to change.
    pub(crate) fn claim_type_name_at(&mut self, wanted: &str, pointer: &JsonPointer) -> String {
        let valid = crate::names::type_name(wanted);
        let chosen = self.type_names.claim(valid.clone());
        let plain = crate::names::plain_type_name(wanted);
        self.warn_renamed(pointer, "name", wanted, &plain, &valid, &chosen);
        chosen
    }

    /// The definition of a type, once defined.
    pub(crate) fn type_kind(&self, id: TypeId) -> Option<TypeKind> {
        self.types
            .get(id.0)
            .and_then(Option::as_ref)
            .map(|def| def.kind.clone())
    }
}
