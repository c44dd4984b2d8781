//! `cargo xtask corpus`: generates a crate for every spec in a folder (by default the
//! real-world specs in `../shared/specs/`), compiles them all with clippy in one scratch
//! workspace (dependencies built once), and prints a table. Fails if any spec does not
//! generate, compile, or compiles with warnings.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::codegen_cmd::workspace_root;

struct Row {
    spec: String,
    operations: usize,
    generated: Result<(usize, Vec<String>), String>,
    seconds: f64,
}

pub(crate) fn specs_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut specs: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml" | "json")
            )
        })
        .collect();
    specs.sort();
    Ok(specs)
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let root = workspace_root();
    let mut specs_dir = root.join("../shared/specs");
    let mut scratch = root.join("target/corpus");
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--specs" => specs_dir = PathBuf::from(iter.next().ok_or("--specs needs a value")?),
            "--out" => scratch = PathBuf::from(iter.next().ok_or("--out needs a value")?),
            other => {
                return Err(format!(
                    "unknown option `{other}` (see `cargo xtask --help`)"
                ));
            }
        }
    }
    let specs = specs_in(&specs_dir)?;
    if specs.is_empty() {
        return Err(format!(
            "no .yaml/.yml/.json specs in {}",
            specs_dir.display()
        ));
    }
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;

    let mut rows = Vec::new();
    let mut members = Vec::new();
    for spec in &specs {
        let stem = spec
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = fs::read_to_string(spec).map_err(|e| format!("{}: {e}", spec.display()))?;
        let operations = count_operations(&text);
        let mut options =
            codegen::Options::new(spec.display().to_string(), format!("corpus-{stem}"));
        options.standalone = false;
        let started = Instant::now();
        let generated = codegen::generate(&text, &options);
        let seconds = started.elapsed().as_secs_f64();
        let generated = match generated {
            Ok(krate) => {
                let lines = krate.files.iter().map(|f| f.contents.lines().count()).sum();
                xtask::write_crate(&krate, &scratch.join(&stem)).map_err(|e| e.to_string())?;
                members.push(stem.clone());
                Ok((lines, Vec::new()))
            }
            Err(e) => Err(e.to_string()),
        };
        rows.push(Row {
            spec: stem,
            operations,
            generated,
            seconds,
        });
    }

    let manifest = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
        members
            .iter()
            .map(|m| format!("\"{m}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    fs::write(scratch.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    // The workspace's lock pins the same dependency versions, so nothing new is fetched.
    let _ = fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"));
    let started = Instant::now();
    let diagnostics = clippy(&scratch)?;
    let compile_seconds = started.elapsed().as_secs_f64();

    let mut failed = false;
    println!(
        "{:<24} {:>5} {:>9} {:>8} {:>9} {:>9} {:>8}",
        "spec", "ops", "generate", "compile", "warnings", "lines", "gen s"
    );
    for row in &mut rows {
        let package = format!("corpus-{}", row.spec);
        let (generate, compile, warnings, lines) = match &mut row.generated {
            Ok((lines, messages)) => {
                let found = diagnostics.get(&package).cloned().unwrap_or_default();
                let errors = found.iter().filter(|(level, _)| level == "error").count();
                let warnings = found.iter().filter(|(level, _)| level == "warning").count();
                messages.extend(found.into_iter().map(|(_, m)| m));
                failed |= errors > 0 || warnings > 0;
                (
                    "ok",
                    if errors == 0 { "ok" } else { "FAIL" },
                    warnings.to_string(),
                    lines.to_string(),
                )
            }
            Err(_) => {
                failed = true;
                ("FAIL", "-", "-".to_owned(), "-".to_owned())
            }
        };
        println!(
            "{:<24} {:>5} {:>9} {:>8} {:>9} {:>9} {:>8.3}",
            row.spec, row.operations, generate, compile, warnings, lines, row.seconds
        );
    }
    println!("(one `cargo clippy` of all crates: {compile_seconds:.1} s)");
    for row in &rows {
        match &row.generated {
            Err(e) => println!("\n{}: {e}", row.spec),
            Ok((_, messages)) if !messages.is_empty() => {
                println!("\n{}:", row.spec);
                for m in messages.iter().take(200) {
                    println!("{m}");
                }
            }
            Ok(_) => {}
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Operations in a spec, counted from the raw document (independent of the generator).
fn count_operations(text: &str) -> usize {
    let value: serde_json::Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).unwrap_or_default()
    } else {
        serde_yaml::from_str(text).unwrap_or_default()
    };
    const METHODS: &[&str] = &[
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    value
        .get("paths")
        .and_then(|p| p.as_object())
        .map(|paths| {
            paths
                .values()
                .filter_map(|item| item.as_object())
                .map(|item| {
                    item.keys()
                        .filter(|k| METHODS.contains(&k.as_str()))
                        .count()
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Runs clippy over the scratch workspace and returns `(level, rendered message)` per
/// package.
fn clippy(scratch: &Path) -> Result<BTreeMap<String, Vec<(String, String)>>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--keep-going",
            "--message-format=json",
        ])
        .current_dir(scratch)
        // Outside the scratch folder, which each run recreates, so dependencies stay built.
        .env("CARGO_TARGET_DIR", scratch.with_file_name("corpus-target"))
        .output()
        .map_err(|e| format!("cannot run cargo clippy: {e}"))?;
    let mut found: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if message.get("reason").and_then(|r| r.as_str()) != Some("compiler-message") {
            continue;
        }
        let package = message
            .get("package_id")
            .and_then(|p| p.as_str())
            .map(package_name)
            .unwrap_or_default();
        let level = message
            .pointer("/message/level")
            .and_then(|l| l.as_str())
            .unwrap_or_default()
            .to_owned();
        let rendered = message
            .pointer("/message/rendered")
            .and_then(|r| r.as_str())
            .unwrap_or_default()
            .to_owned();
        if level == "error" || level == "warning" {
            // Summary lines ("N warnings emitted") carry no code location.
            if message.pointer("/message/spans/0").is_some() || level == "error" {
                found.entry(package).or_default().push((level, rendered));
            }
        }
    }
    if !output.status.success() && found.is_empty() {
        return Err(format!(
            "cargo clippy failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(found)
}

/// `path+file:///x/corpus/asana#corpus-asana@0.1.0` -> `corpus-asana`.
fn package_name(id: &str) -> String {
    let after_hash = id.rsplit('#').next().unwrap_or(id);
    after_hash
        .split('@')
        .next()
        .unwrap_or(after_hash)
        .to_owned()
}
