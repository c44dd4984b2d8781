//! Helpers shared by the integration tests in `tests/tests/`.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// The text of a file under the workspace root.
pub fn read(relative: &str) -> String {
    let path = workspace_root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Generates the crate for a spec under the workspace root, named as `xtask codegen` names it.
pub fn generate(spec: &str, crate_name: &str) -> codegen::GeneratedCrate {
    let options = codegen::Options::new(spec, crate_name);
    codegen::generate(&read(spec), &options).unwrap_or_else(|e| panic!("{e}"))
}

/// The snapshot name of a generated file: its path with `/` spelled `__`, so each file has
/// a snapshot of its own and a one-operation change touches one snapshot.
pub fn snapshot_name(path: &str) -> String {
    path.replace('/', "__")
}

/// The fixture specs in `tests/fixtures/`, one per feature (file stems).
pub const FIXTURES: &[&str] = &[
    "bodies",
    "composition",
    "enums",
    "errors",
    "formats",
    "ignored",
    "maps",
    "openapi31",
    "optional_params",
    "path_params",
    "query_styles",
    "recursion",
    "renamed_fields",
    "responses",
    "security",
    "servers",
];
