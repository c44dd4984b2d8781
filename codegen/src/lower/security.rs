//! Security schemes: which credentials the client takes and how each is sent.

use openapiv3::{APIKeyLocation, ReferenceOr, SecurityRequirement, SecurityScheme};

use super::Lowering;
use crate::error::Error;
use crate::model::{SchemeKind, SecurityScheme as Scheme};
use crate::names::{self, Namespace};
use crate::pointer::JsonPointer;

/// Client builder methods a credential setter must not shadow.
const BUILDER_METHODS: &[&str] = &[
    "base_url",
    "build",
    "connect_timeout",
    "http_client",
    "max_body_size",
    "timeout",
    "user_agent",
];

/// The schemes operations use, in `components/securitySchemes` order.
pub(crate) struct Schemes {
    used: Vec<Scheme>,
}

impl Schemes {
    pub(crate) fn lower(lowering: &Lowering<'_>) -> Result<Self, Error> {
        let doc = lowering.doc;
        let mut used_keys: Vec<&str> = Vec::new();
        fn note<'d>(used_keys: &mut Vec<&'d str>, requirements: &'d [SecurityRequirement]) {
            for requirement in requirements {
                for key in requirement.keys() {
                    if !used_keys.contains(&key.as_str()) {
                        used_keys.push(key);
                    }
                }
            }
        }
        note(&mut used_keys, doc.security.as_deref().unwrap_or_default());
        for (_, item) in doc.paths.iter() {
            if let ReferenceOr::Item(item) = item {
                for (_, op) in item.iter() {
                    note(&mut used_keys, op.security.as_deref().unwrap_or_default());
                }
            }
        }

        let declared = doc.components.as_ref().map(|c| &c.security_schemes);
        let base = JsonPointer::root()
            .join("components")
            .join("securitySchemes");
        let mut kinds = Vec::new();
        for (key, scheme) in declared.into_iter().flatten() {
            if !used_keys.contains(&key.as_str()) {
                continue;
            }
            let (scheme, at) =
                lowering.resolve(scheme, &base.join(key), "securitySchemes", |c| {
                    &c.security_schemes
                })?;
            let (kind, description) = match scheme {
                SecurityScheme::APIKey {
                    location,
                    name,
                    description,
                    ..
                } => (
                    match location {
                        APIKeyLocation::Header => SchemeKind::ApiKeyHeader(name.clone()),
                        APIKeyLocation::Query => SchemeKind::ApiKeyQuery(name.clone()),
                        APIKeyLocation::Cookie => SchemeKind::ApiKeyCookie(name.clone()),
                    },
                    description,
                ),
                SecurityScheme::HTTP {
                    scheme,
                    description,
                    ..
                } => match scheme.to_ascii_lowercase().as_str() {
                    "bearer" => (SchemeKind::Bearer, description),
                    "basic" => (SchemeKind::Basic, description),
                    other => {
                        return Err(lowering.unsupported(
                            &at.join("scheme"),
                            format!("HTTP authentication scheme `{other}`"),
                            "only `bearer` and `basic` are supported; describe the credential as an `apiKey` header instead",
                        ));
                    }
                },
                SecurityScheme::OAuth2 { description, .. }
                | SecurityScheme::OpenIDConnect { description, .. } => {
                    (SchemeKind::Bearer, description)
                }
            };
            kinds.push((key.clone(), kind, description.clone()));
        }

        let mut setters = Namespace::with_reserved(BUILDER_METHODS);
        let single = kinds.len() == 1;
        let used = kinds
            .into_iter()
            .map(|(key, kind, description)| {
                let wanted = if single {
                    match kind {
                        SchemeKind::ApiKeyHeader(_)
                        | SchemeKind::ApiKeyQuery(_)
                        | SchemeKind::ApiKeyCookie(_) => "api_key".to_owned(),
                        SchemeKind::Bearer => "bearer_token".to_owned(),
                        SchemeKind::Basic => "basic_auth".to_owned(),
                    }
                } else {
                    names::snake(&key)
                };
                Scheme {
                    name: setters.claim(wanted),
                    key,
                    description,
                    kind,
                }
            })
            .collect();
        Ok(Self { used })
    }

    /// The operation's alternatives as indexes into the used schemes. `requirements` is the
    /// operation's own `security`, or the document's when the operation has none.
    pub(crate) fn alternatives(
        &self,
        lowering: &Lowering<'_>,
        requirements: &[SecurityRequirement],
        pointer: &JsonPointer,
    ) -> Result<Vec<Vec<usize>>, Error> {
        let mut alternatives = Vec::with_capacity(requirements.len());
        for (n, requirement) in requirements.iter().enumerate() {
            let mut schemes = Vec::with_capacity(requirement.len());
            for key in requirement.keys() {
                match self.used.iter().position(|s| &s.key == key) {
                    Some(index) => schemes.push(index),
                    None => {
                        return Err(lowering.invalid(
                            &pointer.join(n).join(key),
                            format!("security requirement names `{key}`, which is not declared"),
                            format!("declare `{key}` under `components/securitySchemes`"),
                        ));
                    }
                }
            }
            alternatives.push(schemes);
        }
        // `security: [{}]` or an empty alternative means the credentials are optional.
        if alternatives.iter().any(Vec::is_empty) {
            alternatives.retain(|a| !a.is_empty());
            alternatives.push(Vec::new());
        }
        Ok(alternatives)
    }

    pub(crate) fn into_used(self) -> Vec<Scheme> {
        self.used
    }
}
