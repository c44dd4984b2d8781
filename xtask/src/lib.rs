//! The file-system side of code generation, shared by `cargo xtask codegen` and the drift
//! test: writing a generated crate into a folder, and diffing it against one.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use codegen::GeneratedCrate;
use similar::TextDiff;

/// Generator-owned files present in `dir` (relative paths, `/`-separated, sorted).
fn owned_files_on_disk(dir: &Path) -> io::Result<Vec<String>> {
    let mut found = Vec::new();
    let cargo_toml = dir.join("Cargo.toml");
    if cargo_toml.is_file() {
        found.push("Cargo.toml".to_owned());
    }
    let src = dir.join("src");
    if src.is_dir() {
        walk(&src, "src", &mut found)?;
    }
    found.retain(|path| GeneratedCrate::owns(path));
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, prefix: &str, found: &mut Vec<String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let relative = format!("{prefix}/{name}");
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), &relative, found)?;
        } else {
            found.push(relative);
        }
    }
    Ok(())
}

/// One unified diff per file of `dir` that differs from `generated` (missing, changed, or
/// no longer generated). Empty when the folder is up to date.
pub fn stale_files(generated: &GeneratedCrate, dir: &Path) -> Vec<String> {
    let mut diffs = Vec::new();
    for file in &generated.files {
        let current = fs::read_to_string(dir.join(&file.path)).unwrap_or_default();
        if current != file.contents {
            diffs.push(unified_diff(&file.path, &current, &file.contents));
        }
    }
    for path in owned_files_on_disk(dir).unwrap_or_default() {
        if generated.file(&path).is_none() {
            let current = fs::read_to_string(dir.join(&path)).unwrap_or_default();
            diffs.push(unified_diff(&path, &current, ""));
        }
    }
    diffs
}

fn unified_diff(path: &str, old: &str, new: &str) -> String {
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Writes `generated` into `dir` so that `dir` is never left half-written: the new crate is
/// assembled in a folder beside it and swapped in with renames. Generator-owned files that
/// are no longer generated disappear; files the generator does not own (`examples/`, a
/// README, a `target/`) are moved over untouched. When nothing changed, nothing is touched
/// (timestamps included, so cargo does not rebuild).
///
/// Returns one line per file written or removed.
pub fn write_crate(generated: &GeneratedCrate, dir: &Path) -> io::Result<Vec<String>> {
    let mut report = Vec::new();
    for file in &generated.files {
        let current = fs::read_to_string(dir.join(&file.path)).ok();
        if current.as_deref() != Some(file.contents.as_str()) {
            report.push(format!("wrote   {}", file.path));
        }
    }
    for path in owned_files_on_disk(dir).unwrap_or_default() {
        if generated.file(&path).is_none() {
            report.push(format!("removed {path}"));
        }
    }
    if report.is_empty() {
        return Ok(report);
    }

    let staging = sibling(dir, "codegen-new")?;
    let backup = sibling(dir, "codegen-old")?;
    for leftover in [&staging, &backup] {
        if leftover.exists() {
            fs::remove_dir_all(leftover)?;
        }
    }
    let result = assemble_and_swap(generated, dir, &staging, &backup);
    if result.is_err() && staging.exists() {
        let _ = fs::remove_dir_all(&staging);
    }
    result.map(|()| report)
}

/// `.NAME.SUFFIX` beside `dir`.
fn sibling(dir: &Path, suffix: &str) -> io::Result<PathBuf> {
    let name = dir.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} has no folder name", dir.display()),
        )
    })?;
    Ok(dir.with_file_name(format!(".{}.{suffix}", name.to_string_lossy())))
}

fn assemble_and_swap(
    generated: &GeneratedCrate,
    dir: &Path,
    staging: &Path,
    backup: &Path,
) -> io::Result<()> {
    for file in &generated.files {
        let target = staging.join(&file.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&target, &file.contents)?;
    }
    if !dir.exists() {
        if let Some(parent) = dir.parent() {
            fs::create_dir_all(parent)?;
        }
        return fs::rename(staging, dir);
    }
    // Move what the generator does not own into the new crate; undo the moves if one fails.
    let mut moved: Vec<String> = Vec::new();
    let outcome = (|| -> io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if name == "Cargo.toml" || name == "src" {
                continue;
            }
            fs::rename(dir.join(&name), staging.join(&name))?;
            moved.push(name);
        }
        fs::rename(dir, backup)?;
        if let Err(error) = fs::rename(staging, dir) {
            fs::rename(backup, dir)?;
            return Err(error);
        }
        Ok(())
    })();
    if let Err(error) = outcome {
        for name in &moved {
            let _ = fs::rename(staging.join(name), dir.join(name));
        }
        return Err(error);
    }
    fs::remove_dir_all(backup)
}

/// Generates the crate for the spec at `spec` into `out` (see [`write_crate`]). Nothing is
/// written unless generation succeeded; returns the generated crate (with its warnings) and
/// the report lines.
pub fn regenerate(
    spec: &Path,
    out: &Path,
    options: &codegen::Options,
) -> Result<(GeneratedCrate, Vec<String>), String> {
    let text =
        fs::read_to_string(spec).map_err(|e| format!("cannot read {}: {e}", spec.display()))?;
    let generated = codegen::generate(&text, options).map_err(|e| e.to_string())?;
    let report =
        write_crate(&generated, out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok((generated, report))
}
