//! Following `$ref`s to `components/*`: the one place that does.

use openapiv3::{Components, ReferenceOr};

use super::Lowering;
use crate::error::Error;
use crate::pointer::JsonPointer;

/// A chain of references longer than this is a cycle (`A -> B -> A`), which no document
/// needs.
const MAX_REF_CHAIN: usize = 64;

/// The `components/<section>` key a local reference points at, if it points at one.
pub(crate) fn component_key(reference: &str, section: &str) -> Option<String> {
    match JsonPointer::from_ref(reference)?.tokens() {
        [components, found, key] if components == "components" && found == section => {
            Some(key.clone())
        }
        _ => None,
    }
}

impl<'a> Lowering<'a> {
    /// Resolves `item` (found at `pointer`) to the object it stands for, following `$ref`s into
    /// `components/<section>`. Returns the object and the pointer where it is defined.
    pub(crate) fn resolve<T>(
        &self,
        item: &'a ReferenceOr<T>,
        pointer: &JsonPointer,
        section: &str,
        pick: fn(&'a Components) -> &'a indexmap::IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(&'a T, JsonPointer), Error> {
        let mut current = item;
        let mut at = pointer.clone();
        for _ in 0..MAX_REF_CHAIN {
            match current {
                ReferenceOr::Item(value) => return Ok((value, at)),
                ReferenceOr::Reference { reference } => {
                    let Some(key) = component_key(reference, section) else {
                        return Err(self.unsupported(
                            &at,
                            format!("`$ref: {reference}` does not point into `#/components/{section}`"),
                            format!(
                                "move the referenced object under `components/{section}` and refer to it as `#/components/{section}/NAME`; references to other files are not supported"
                            ),
                        ));
                    };
                    let target = self
                        .doc
                        .components
                        .as_ref()
                        .map(pick)
                        .and_then(|m| m.get(&key));
                    let Some(target) = target else {
                        return Err(self.invalid(
                            &at,
                            format!("`$ref: {reference}` points at nothing"),
                            format!(
                                "define `{key}` under `components/{section}` or fix the reference"
                            ),
                        ));
                    };
                    at = JsonPointer::root()
                        .join("components")
                        .join(section)
                        .join(&key);
                    current = target;
                }
            }
        }
        Err(self.invalid(
            pointer,
            "`$ref` chain does not end (a reference cycle)",
            "make one of the references point at a definition",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::component_key;

    #[test]
    fn component_keys() {
        assert_eq!(
            component_key("#/components/schemas/Account", "schemas"),
            Some("Account".into())
        );
        assert_eq!(component_key("#/components/schemas/A/b", "schemas"), None);
        assert_eq!(component_key("#/components/parameters/x", "schemas"), None);
        assert_eq!(
            component_key("other.yaml#/components/schemas/A", "schemas"),
            None
        );
    }
}
