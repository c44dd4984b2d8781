//! Rust names for wire names: case conversion with `heck`, keyword escaping, and
//! deterministic de-duplication.
//!
//! Every name the lowering hands to the emitters comes from here, so the emitters can
//! build identifiers without checking them again.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that cannot be used as plain identifiers (strict and reserved keywords of every
/// edition up to 2024). `self`, `Self`, `super` and `crate` cannot even be raw identifiers,
/// so every keyword is escaped the same way: a trailing underscore.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Reduces a wire name to ASCII words that `heck` can re-case: anything that is not an ASCII
/// letter or digit separates words. Non-ASCII letters are spelled out as their code point so
/// that `größe` and `grosse` stay distinct and the result is still a plain ASCII identifier.
fn ascii_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push_str(&format!(" u{:x} ", u32::from(c)));
        } else {
            out.push(' ');
        }
    }
    out
}

fn finish(mut ident: String, fallback: &str) -> String {
    if ident.is_empty() {
        ident = fallback.to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
        // `_1` in snake case; type names get a letter instead (see `type_name`).
    }
    if KEYWORDS.contains(&ident.as_str()) {
        ident.push('_');
    }
    ident
}

/// `snake_case` identifier for a field, method, parameter or module.
pub fn snake(name: &str) -> String {
    let ident = finish(ascii_words(name).to_snake_case(), "value");
    // `_` alone is not an identifier, and a leading underscore marks "unused" in Rust.
    if ident.trim_start_matches('_').is_empty() {
        return "value".to_owned();
    }
    ident
}

/// `UpperCamelCase` identifier for a type or enum variant.
pub fn type_name(name: &str) -> String {
    let camel = ascii_words(name).to_upper_camel_case();
    if camel.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("N{camel}");
    }
    finish(camel, "Value")
}

/// What case conversion alone makes of a name (no escaping): compared with [`snake`] to
/// tell when a name had to change to become an identifier.
pub fn plain_snake(name: &str) -> String {
    name.to_snake_case()
}

/// [`plain_snake`] for type names.
pub fn plain_type_name(name: &str) -> String {
    name.to_upper_camel_case()
}

/// Hands out names unique within one scope, in the order asked: the first comer keeps
/// its name, later ones get `_2`, `_3`, ... (or `2`, `3` for type names). Callers ask in
/// spec order, so the result is deterministic.
#[derive(Debug, Default)]
pub struct Namespace {
    taken: BTreeSet<String>,
}

impl Namespace {
    /// A namespace in which `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|name| (*name).to_owned()).collect(),
        }
    }

    /// Claims `wanted`, or the first free numbered variant of it.
    pub fn claim(&mut self, wanted: String) -> String {
        if self.taken.insert(wanted.clone()) {
            return wanted;
        }
        let separator = if wanted.ends_with(|c: char| c.is_ascii_lowercase() || c == '_') {
            "_"
        } else {
            ""
        };
        let separator = if wanted.starts_with(|c: char| c.is_ascii_uppercase()) {
            ""
        } else {
            separator
        };
        let mut n = 2usize;
        loop {
            let candidate = format!("{wanted}{separator}{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_names() {
        assert_eq!(snake("NBCALL"), "nbcall");
        assert_eq!(snake("callingNumber"), "calling_number");
        assert_eq!(snake("DateFrom"), "date_from");
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("1st-place"), "_1st_place");
        assert_eq!(snake("@id"), "id");
        assert_eq!(snake("$"), "value");
        assert_eq!(snake("größe"), "gr_uf6_udf_e");
        assert_ne!(snake("größe"), snake("grosse"));
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("account_map"), "AccountMap");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("2fa"), "N2fa");
        assert_eq!(type_name(""), "Value");
    }

    #[test]
    fn namespace_numbers_collisions_in_order() {
        let mut names = Namespace::default();
        assert_eq!(names.claim("value".into()), "value");
        assert_eq!(names.claim("value".into()), "value_2");
        assert_eq!(names.claim("value".into()), "value_3");
        let mut types = Namespace::default();
        assert_eq!(types.claim("Account".into()), "Account");
        assert_eq!(types.claim("Account".into()), "Account2");
    }
}
