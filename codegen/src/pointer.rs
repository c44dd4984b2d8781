//! JSON pointers (RFC 6901) naming the spec construct a diagnostic is about.

use std::fmt;

/// A JSON pointer into the spec document, printed in URI-fragment form
/// (`#/paths/~1accounts/get`), the form users paste into their editor's search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPointer {
    tokens: Vec<String>,
}

impl JsonPointer {
    /// The pointer to the document root (`#`).
    pub fn root() -> Self {
        Self::default()
    }

    /// Parses the fragment of a local `$ref` (`#/components/schemas/Account`).
    /// Returns `None` for anything that is not a local reference.
    pub fn from_ref(reference: &str) -> Option<Self> {
        let rest = reference.strip_prefix('#')?;
        if rest.is_empty() {
            return Some(Self::root());
        }
        let rest = rest.strip_prefix('/')?;
        let tokens = rest
            .split('/')
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
            .collect();
        Some(Self { tokens })
    }

    /// This pointer extended by one reference token.
    pub fn join(&self, token: impl fmt::Display) -> Self {
        let mut tokens = self.tokens.clone();
        tokens.push(token.to_string());
        Self { tokens }
    }

    /// The unescaped reference tokens.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("#")?;
        for token in &self.tokens {
            write!(f, "/{}", token.replace('~', "~0").replace('/', "~1"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::JsonPointer;

    #[test]
    fn escapes_slashes_and_tildes() {
        let pointer = JsonPointer::root()
            .join("paths")
            .join("/accounts/{idacc}")
            .join("get")
            .join("a~b");
        assert_eq!(pointer.to_string(), "#/paths/~1accounts~1{idacc}/get/a~0b");
    }

    #[test]
    fn round_trips_through_ref_syntax() {
        let pointer = JsonPointer::from_ref("#/paths/~1a~1b/x~0y").expect("local ref");
        assert_eq!(pointer.tokens(), ["paths", "/a/b", "x~y"]);
        assert_eq!(pointer.to_string(), "#/paths/~1a~1b/x~0y");
        assert_eq!(JsonPointer::from_ref("other.yaml#/a"), None);
    }
}
