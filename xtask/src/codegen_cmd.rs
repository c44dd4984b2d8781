//! `cargo xtask codegen`: spec file in, crate folder out (or a staleness diff with `--check`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::Options;

/// Paths are resolved against the workspace root, so the command works from any folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

struct Args {
    spec: PathBuf,
    out: PathBuf,
    crate_name: Option<String>,
    standalone: bool,
    check: bool,
    deny_warnings: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let root = workspace_root();
    let mut parsed = Args {
        spec: root.join("spec/magnetis.yaml"),
        out: root.join("generated-client"),
        crate_name: None,
        standalone: false,
        check: false,
        deny_warnings: false,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |flag: &str| {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "--spec" => parsed.spec = PathBuf::from(value("--spec")?),
            "--out" => parsed.out = PathBuf::from(value("--out")?),
            "--crate-name" => parsed.crate_name = Some(value("--crate-name")?),
            "--standalone" => parsed.standalone = true,
            "--check" => parsed.check = true,
            "--deny-warnings" => parsed.deny_warnings = true,
            "--help" | "-h" => return Err(crate::HELP.to_owned()),
            other => {
                return Err(format!(
                    "unknown option `{other}` (see `cargo xtask --help`)"
                ));
            }
        }
    }
    Ok(parsed)
}

/// Shown in generated headers: the spec's path relative to the workspace when it is inside.
fn display_path(path: &Path) -> String {
    let root = workspace_root();
    let absolute = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let root = fs::canonicalize(&root).unwrap_or(root);
    match absolute.strip_prefix(&root) {
        Ok(relative) => relative.to_string_lossy().replace('\\', "/"),
        Err(_) => path.to_string_lossy().into_owned(),
    }
}

fn options(args: &Args) -> Options {
    let spec_name = display_path(&args.spec);
    let default_name = if spec_name == "spec/magnetis.yaml" {
        "magnetis-client".to_owned()
    } else {
        args.out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "generated-client".to_owned())
    };
    let root = fs::canonicalize(workspace_root()).unwrap_or_else(|_| workspace_root());
    let out = absolute(&args.out);
    let mut options = Options::new(spec_name, args.crate_name.clone().unwrap_or(default_name));
    options.standalone = args.standalone || !out.starts_with(&root);
    options.deny_warnings = args.deny_warnings;
    options
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    }
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let args = parse_args(args)?;
    let options = options(&args);
    // Write errors (a closed pipe, as in `cargo xtask codegen --check | head`) are ignored:
    // the exit code still tells the result.
    let mut stdout = std::io::stdout().lock();
    if args.check {
        let text = fs::read_to_string(&args.spec)
            .map_err(|e| format!("cannot read {}: {e}", args.spec.display()))?;
        let generated = codegen::generate(&text, &options).map_err(|e| e.to_string())?;
        let stale = xtask::stale_files(&generated, &args.out);
        if stale.is_empty() {
            let _ = writeln!(
                stdout,
                "{} is up to date with {}",
                args.out.display(),
                options.spec_name
            );
            return Ok(ExitCode::SUCCESS);
        }
        for diff in &stale {
            let _ = write!(stdout, "{diff}");
        }
        let _ = stdout.flush();
        eprintln!(
            "\n{} generated file(s) in {} are stale: run `cargo xtask codegen`",
            stale.len(),
            args.out.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let (generated, report) = xtask::regenerate(&args.spec, &args.out, &options)?;
    for warning in &generated.warnings {
        eprintln!("{warning}");
    }
    for line in &report {
        let _ = writeln!(stdout, "{line}");
    }
    let _ = writeln!(
        stdout,
        "generated {} files in {} from {} ({} changed, {} warnings)",
        generated.files.len(),
        args.out.display(),
        options.spec_name,
        report.len(),
        generated.warnings.len()
    );
    Ok(ExitCode::SUCCESS)
}
