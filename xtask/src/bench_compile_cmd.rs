//! `cargo xtask bench-compile`: the size and compile cost of generated code. Generates a
//! crate for `spec/magnetis.yaml` and for every spec in a folder (by default the real-world
//! specs in `../shared/specs/`) as members of one scratch workspace (the root `Cargo.lock`
//! copied, one target folder kept between runs), builds the dependencies once, then for each
//! crate times a full `cargo check -p` and `cargo build -p` of that crate alone, with
//! `CARGO_INCREMENTAL=0` and its `src/lib.rs` touched before each, and prints a table.
//! Figures are printed, never asserted.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Instant, SystemTime};

use crate::codegen_cmd::workspace_root;
use crate::corpus_cmd::specs_in;

struct Crate {
    /// Spec file stem, also the member folder.
    name: String,
    package: String,
    files: usize,
    lines: usize,
    bytes: usize,
    generate_seconds: f64,
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let root = workspace_root();
    let mut specs_dir = root.join("../shared/specs");
    let mut scratch = root.join("target/bench-compile");
    let mut only: Option<String> = None;
    let mut runs = 1usize;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--specs" => specs_dir = PathBuf::from(iter.next().ok_or("--specs needs a value")?),
            "--out" => scratch = PathBuf::from(iter.next().ok_or("--out needs a value")?),
            "--only" => only = Some(iter.next().ok_or("--only needs a value")?.clone()),
            "--runs" => {
                runs = iter
                    .next()
                    .ok_or("--runs needs a value")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?;
                runs = runs.max(1);
            }
            "--help" | "-h" => return Err(crate::HELP.to_owned()),
            other => {
                return Err(format!(
                    "unknown option `{other}` (see `cargo xtask --help`)"
                ));
            }
        }
    }
    let mut specs = vec![root.join("spec/magnetis.yaml")];
    match specs_in(&specs_dir) {
        Ok(found) => specs.extend(found),
        Err(e) => println!("note: {e}; only spec/magnetis.yaml is measured"),
    }
    if let Some(only) = &only {
        specs.retain(|s| {
            s.file_stem()
                .is_some_and(|stem| stem.to_string_lossy() == *only)
        });
        if specs.is_empty() {
            return Err(format!("no spec named `{only}`"));
        }
    }

    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
    let mut crates = Vec::new();
    for spec in &specs {
        let name = spec
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = fs::read_to_string(spec).map_err(|e| format!("{}: {e}", spec.display()))?;
        let package = format!("bench-{name}");
        let mut options = codegen::Options::new(spec.display().to_string(), package.clone());
        options.standalone = false;
        let started = Instant::now();
        let generated = codegen::generate(&text, &options);
        let generate_seconds = started.elapsed().as_secs_f64();
        let krate = match generated {
            Ok(krate) => krate,
            Err(e) => {
                println!("note: {name} does not generate, skipped: {e}");
                continue;
            }
        };
        let rust: Vec<_> = krate
            .files
            .iter()
            .filter(|f| f.path.ends_with(".rs"))
            .collect();
        xtask::write_crate(&krate, &scratch.join(&name)).map_err(|e| e.to_string())?;
        crates.push(Crate {
            name,
            package,
            files: rust.len(),
            lines: rust.iter().map(|f| f.contents.lines().count()).sum(),
            bytes: rust.iter().map(|f| f.contents.len()).sum(),
            generate_seconds,
        });
    }
    if crates.is_empty() {
        return Err("no spec generated".to_owned());
    }

    let manifest = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
        crates
            .iter()
            .map(|c| format!("\"{}\"", c.name))
            .collect::<Vec<_>>()
            .join(", ")
    );
    fs::write(scratch.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    // The workspace's lock pins the same dependency versions, so nothing new is fetched.
    let _ = fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"));
    // Outside the scratch folder, which each run recreates, so dependencies stay built.
    let target = scratch.with_file_name(format!(
        "{}-target",
        scratch
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "bench-compile".to_owned())
    ));

    println!(
        "building the dependencies (and every crate once) in {} ...",
        target.display()
    );
    let started = Instant::now();
    cargo(&scratch, &target, &["check", "--workspace", "--lib"])?;
    cargo(&scratch, &target, &["build", "--workspace", "--lib"])?;
    println!("  done in {:.1} s", started.elapsed().as_secs_f64());

    println!(
        "\n{:<24} {:>6} {:>8} {:>9} {:>8} {:>9} {:>9} {:>10}",
        "crate", "files", "lines", "KiB", "gen s", "check s", "build s", "build ms/kl"
    );
    let mut total = (0usize, 0usize, 0.0f64, 0.0f64);
    for krate in &crates {
        let lib = scratch.join(&krate.name).join("src/lib.rs");
        let mut check = f64::INFINITY;
        let mut build = f64::INFINITY;
        for _ in 0..runs {
            touch(&lib)?;
            check = check.min(cargo(
                &scratch,
                &target,
                &["check", "-p", &krate.package, "--lib"],
            )?);
            touch(&lib)?;
            build = build.min(cargo(
                &scratch,
                &target,
                &["build", "-p", &krate.package, "--lib"],
            )?);
        }
        println!(
            "{:<24} {:>6} {:>8} {:>9.0} {:>8.3} {:>9.2} {:>9.2} {:>10.1}",
            krate.name,
            krate.files,
            krate.lines,
            krate.bytes as f64 / 1024.0,
            krate.generate_seconds,
            check,
            build,
            build * 1e3 / (krate.lines as f64 / 1e3).max(1e-9),
        );
        total.0 += krate.lines;
        total.1 += krate.bytes;
        total.2 += check;
        total.3 += build;
    }
    println!(
        "{:<24} {:>6} {:>8} {:>9.0} {:>8} {:>9.2} {:>9.2}",
        "total",
        "",
        total.0,
        total.1 as f64 / 1024.0,
        "",
        total.2,
        total.3
    );
    println!(
        "(lines and KiB: the generated .rs files; check/build: `cargo check|build -p <crate> --lib` \
         with dependencies built, CARGO_INCREMENTAL=0, dev profile, best of {runs} run(s))"
    );
    Ok(ExitCode::SUCCESS)
}

/// Marks a file as modified now, so cargo rebuilds its crate.
fn touch(path: &Path) -> Result<(), String> {
    let file = fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| format!("cannot touch {}: {e}", path.display()))?;
    file.set_modified(SystemTime::now())
        .map_err(|e| format!("cannot touch {}: {e}", path.display()))
}

/// Runs cargo in the scratch workspace and returns its wall time in seconds.
fn cargo(scratch: &Path, target: &Path, args: &[&str]) -> Result<f64, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let started = Instant::now();
    let output = Command::new(cargo)
        .args(args)
        .arg("--quiet")
        .current_dir(scratch)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_INCREMENTAL", "0")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!(
            "`cargo {}` failed:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(seconds)
}
