//! Recursive types: a struct (or `oneOf`) that contains itself without an indirection has
//! infinite size, and an alias that contains itself does not compile at all. This pass runs
//! once every type is defined and adds the indirections: `Box` on the fields and variants
//! that close a cycle, and newtype structs for self-containing aliases.

use std::collections::BTreeSet;

use crate::model::{TypeDef, TypeId, TypeKind, TypeRef};

/// The named types a type contains inline, i.e. not behind a `Vec` or map (which already
/// allocate). `Option` does not allocate, so it is looked through.
fn inline_targets(ty: &TypeRef) -> Option<TypeId> {
    match ty {
        TypeRef::Named(id) => Some(*id),
        TypeRef::Nullable(inner) => inline_targets(inner),
        _ => None,
    }
}

/// Every named type mentioned anywhere in `ty`.
fn all_targets(ty: &TypeRef, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(id) => out.push(*id),
        TypeRef::Nullable(inner) | TypeRef::List(inner) | TypeRef::Map(inner) => {
            all_targets(inner, out)
        }
        _ => {}
    }
}

/// Types whose size depends directly on `def`'s (its inline edges).
fn inline_edges(def: &TypeDef) -> Vec<TypeId> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .filter(|f| !f.boxed)
            .filter_map(|f| inline_targets(&f.ty))
            .collect(),
        TypeKind::OneOf(o) => o
            .variants
            .iter()
            .filter(|v| !v.boxed)
            .filter_map(|v| inline_targets(&v.ty))
            .collect(),
        TypeKind::Alias(ty) | TypeKind::Newtype(ty) => inline_targets(ty).into_iter().collect(),
        TypeKind::Enum(_) | TypeKind::IntEnum(_) => Vec::new(),
    }
}

fn reaches(
    types: &[TypeDef],
    from: TypeId,
    to: TypeId,
    edges: fn(&TypeDef) -> Vec<TypeId>,
) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(current) = stack.pop() {
        if current == to {
            return true;
        }
        if !seen.insert(current) {
            continue;
        }
        if let Some(def) = types.get(current.0) {
            stack.extend(edges(def));
        }
    }
    false
}

fn alias_edges(def: &TypeDef) -> Vec<TypeId> {
    match &def.kind {
        TypeKind::Alias(ty) => {
            let mut out = Vec::new();
            all_targets(ty, &mut out);
            out
        }
        _ => Vec::new(),
    }
}

/// Adds the indirections (see the module docs). Deterministic: types are visited in order.
pub(crate) fn break_cycles(types: &mut [TypeDef]) {
    // Aliases first: an alias that reaches itself through aliases only becomes a newtype,
    // which is a real type and may then be boxed like a struct.
    for index in 0..types.len() {
        let id = TypeId(index);
        let cyclic = match types.get(index).map(|d| &d.kind) {
            Some(TypeKind::Alias(ty)) => {
                let mut targets = Vec::new();
                all_targets(ty, &mut targets);
                targets
                    .into_iter()
                    .any(|t| reaches(types, t, id, alias_edges))
            }
            _ => false,
        };
        if cyclic {
            if let Some(def) = types.get_mut(index) {
                if let TypeKind::Alias(ty) = &def.kind {
                    def.kind = TypeKind::Newtype(ty.clone());
                }
            }
        }
    }
    // A newtype closes a cycle only through structs or `oneOf`s, which are boxed below.
    for index in 0..types.len() {
        let id = TypeId(index);
        let mut positions = Vec::new();
        if let Some(def) = types.get(index) {
            match &def.kind {
                TypeKind::Struct(s) => {
                    for (n, field) in s.fields.iter().enumerate() {
                        if let Some(target) = inline_targets(&field.ty) {
                            positions.push((n, target));
                        }
                    }
                }
                TypeKind::OneOf(o) => {
                    for (n, variant) in o.variants.iter().enumerate() {
                        if let Some(target) = inline_targets(&variant.ty) {
                            positions.push((n, target));
                        }
                    }
                }
                _ => {}
            }
        }
        for (n, target) in positions {
            // Re-checked one position at a time: boxing one field may already break the
            // cycle another field would close.
            if !reaches(types, target, id, inline_edges) {
                continue;
            }
            if let Some(def) = types.get_mut(index) {
                match &mut def.kind {
                    TypeKind::Struct(s) => {
                        if let Some(field) = s.fields.get_mut(n) {
                            field.boxed = true;
                        }
                    }
                    TypeKind::OneOf(o) => {
                        if let Some(variant) = o.variants.get_mut(n) {
                            variant.boxed = true;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
