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

/// Writes `generated` into `dir`: changed files are replaced whole (written beside the
/// target, then renamed over it), unchanged ones are left alone (their timestamps too, so
/// cargo does not rebuild), and generator-owned files no longer generated are removed.
/// Files the generator does not own (`examples/`, a README) are never touched.
///
/// Returns one line per file written or removed.
pub fn write_crate(generated: &GeneratedCrate, dir: &Path) -> io::Result<Vec<String>> {
    let mut report = Vec::new();
    for file in &generated.files {
        let target = dir.join(&file.path);
        if fs::read_to_string(&target).ok().as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let staging = staging_path(&target);
        fs::write(&staging, &file.contents)?;
        fs::rename(&staging, &target)?;
        report.push(format!("wrote   {}", file.path));
    }
    for path in owned_files_on_disk(dir)? {
        if generated.file(&path).is_none() {
            fs::remove_file(dir.join(&path))?;
            report.push(format!("removed {path}"));
        }
    }
    remove_empty_dirs(&dir.join("src"))?;
    Ok(report)
}

fn staging_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".codegen-tmp");
    target.with_file_name(name)
}

fn remove_empty_dirs(dir: &Path) -> io::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            remove_empty_dirs(&entry.path())?;
            if fs::read_dir(entry.path())?.next().is_none() {
                fs::remove_dir(entry.path())?;
            }
        }
    }
    Ok(())
}
