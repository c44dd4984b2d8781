//! `cargo xtask bench-codegen`: a quick table of the generator's phase timings (median of
//! N runs, `std::time::Instant`) and of the ratio end-to-end / bare parse, for
//! `spec/magnetis.yaml` and the three largest real-world specs. The statistics live in the
//! criterion bench (`cargo bench -p codegen --bench generator`); this command is the quick
//! look, and a short, single-process run to profile (`valgrind --tool=callgrind`). Build it
//! in release: `cargo run --release -p xtask -- bench-codegen`. Figures are printed, never
//! asserted.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::codegen_cmd::workspace_root;

const DEFAULT_SPECS: &[&str] = &[
    "spec/magnetis.yaml",
    "../shared/specs/typesense.yaml",
    "../shared/specs/spotify-web-api-fixed.yaml",
    "../shared/specs/asana.yaml",
];

/// Median of `runs` timings of `f`.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let result = f();
            let elapsed = started.elapsed();
            drop(std::hint::black_box(result));
            elapsed
        })
        .collect();
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let root = workspace_root();
    let mut specs: Vec<PathBuf> = Vec::new();
    let mut runs = 5usize;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--spec" => specs.push(PathBuf::from(iter.next().ok_or("--spec needs a value")?)),
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
    if specs.is_empty() {
        specs = DEFAULT_SPECS.iter().map(|s| root.join(s)).collect();
    }
    if cfg!(debug_assertions) {
        println!(
            "note: a debug build; for real figures run `cargo run --release -p xtask -- bench-codegen`"
        );
    }
    println!(
        "{:<24} {:>6} {:>10} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9} {:>7}",
        "spec", "KiB", "bare parse", "read", "lower", "emit", "format", "sum", "generate", "ratio"
    );
    for spec in &specs {
        let name = spec
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(text) = std::fs::read_to_string(spec) else {
            println!("note: {} not found, skipped", spec.display());
            continue;
        };
        let file = spec.display().to_string();
        let options = codegen::Options::new(file.clone(), format!("bench-{name}"));
        let document = codegen::read::parse(&text, &file).map_err(|e| e.to_string())?;
        let api = codegen::lower::lower(&document, &file).map_err(|e| e.to_string())?;
        let json = text.trim_start().starts_with('{');

        let bare = median(runs, || {
            if json {
                serde_json::from_str::<openapiv3::OpenAPI>(&text).map_err(|e| e.to_string())
            } else {
                serde_yaml::from_str::<openapiv3::OpenAPI>(&text).map_err(|e| e.to_string())
            }
        });
        let read = median(runs, || codegen::read::parse(&text, &file));
        let lower = median(runs, || codegen::lower::lower(&document, &file));
        let emit = median(runs, || codegen::emit::emit(&api, &options));
        // Format alone: emit outside the timed part.
        let mut format_times: Vec<Duration> = (0..runs)
            .map(|_| {
                let files = codegen::emit::emit(&api, &options);
                let started = Instant::now();
                let formatted: Vec<_> = files
                    .into_iter()
                    .map(|(path, content)| codegen::format::format(&path, content, &options))
                    .collect();
                let elapsed = started.elapsed();
                drop(std::hint::black_box(formatted));
                elapsed
            })
            .collect();
        format_times.sort();
        let format = format_times
            .get(format_times.len() / 2)
            .copied()
            .unwrap_or_default();
        let generate = median(runs, || codegen::generate(&text, &options));
        let sum = read + lower + emit + format;
        println!(
            "{:<24} {:>6.0} {:>10.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>9.2} {:>9.2} {:>6.2}x",
            name,
            text.len() as f64 / 1024.0,
            ms(bare),
            ms(read),
            ms(lower),
            ms(emit),
            ms(format),
            ms(sum),
            ms(generate),
            generate.as_secs_f64() / bare.as_secs_f64()
        );
    }
    println!(
        "(ms, median of {runs} runs; ratio = generate / bare parse into openapiv3::OpenAPI, \
         target <= 3x)"
    );
    Ok(ExitCode::SUCCESS)
}
