//! Generator speed, phase by phase: `cargo bench -p codegen --bench generator`.
//!
//! For `spec/magnetis.yaml` and the three largest real-world specs of `../shared/specs/`
//! (a missing one is skipped with a note), criterion times:
//!
//! - `bare_parse`: `serde_yaml::from_str::<openapiv3::OpenAPI>` (or `serde_json` for JSON),
//!   the floor: no generator can be faster than reading its input;
//! - `read`, `lower`, `emit`, `format` (every file): codegen's phases one at a time, each
//!   fed with the output of the previous one, prepared outside the timed loop;
//! - `generate`: end to end, `codegen::generate`.
//!
//! After criterion's report, a summary table gives each phase's share and the ratio
//! end-to-end / bare parse (target: at most 3x), read from the estimates criterion has
//! just written. Figures are printed, never asserted. Pass criterion options after `--`,
//! e.g. `cargo bench -p codegen --bench generator -- --warm-up-time 1 --measurement-time 3`,
//! or a filter (`-- asana`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use codegen::Options;
use criterion::{BatchSize, Criterion};

/// The specs benchmarked, relative to the workspace root.
const SPECS: &[&str] = &[
    "spec/magnetis.yaml",
    "../shared/specs/typesense.yaml",
    "../shared/specs/spotify-web-api-fixed.yaml",
    "../shared/specs/asana.yaml",
];

/// The phases, in the order they are printed.
const PHASES: &[&str] = &["bare_parse", "read", "lower", "emit", "format", "generate"];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn criterion_dir() -> PathBuf {
    workspace_root().join("target/criterion")
}

/// `../shared/specs/asana.yaml` -> `asana`.
fn short_name(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn bare_parse(text: &str) -> openapiv3::OpenAPI {
    if text.trim_start().starts_with('{') {
        serde_json::from_str(text).expect("the spec parses")
    } else {
        serde_yaml::from_str(text).expect("the spec parses")
    }
}

fn bench_spec(c: &mut Criterion, path: &str, text: &str) {
    let name = short_name(path);
    let options = Options::new(path, format!("bench-{name}"));
    let document = codegen::read::parse(text, path).expect("the spec reads");
    let api = codegen::lower::lower(&document, path).expect("the spec lowers");
    // Make sure the whole pipeline works before timing it.
    codegen::generate(text, &options).expect("the spec generates");

    let mut group = c.benchmark_group(&name);
    if text.len() > 1_000_000 {
        // asana.yaml (3 MB) takes about a second end to end: keep the run short.
        group.sample_size(10);
    }
    group.bench_function("bare_parse", |b| b.iter(|| bare_parse(black_box(text))));
    group.bench_function("read", |b| {
        b.iter(|| codegen::read::parse(black_box(text), path).expect("reads"))
    });
    group.bench_function("lower", |b| {
        b.iter(|| codegen::lower::lower(black_box(&document), path).expect("lowers"))
    });
    group.bench_function("emit", |b| {
        b.iter(|| codegen::emit::emit(black_box(&api), &options))
    });
    group.bench_function("format", |b| {
        b.iter_batched(
            || codegen::emit::emit(&api, &options),
            |files| {
                files
                    .into_iter()
                    .map(|(path, content)| {
                        codegen::format::format(&path, content, &options).expect("formats")
                    })
                    .collect::<Vec<String>>()
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("generate", |b| {
        b.iter(|| codegen::generate(black_box(text), &options).expect("generates"))
    });
    group.finish();
}

/// Mean time of `<group>/<function>` from the estimates criterion wrote during this run
/// (older files, from a run filtered differently, are ignored).
fn mean(group: &str, function: &str, since: SystemTime) -> Option<Duration> {
    let file = criterion_dir()
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let modified = std::fs::metadata(&file).ok()?.modified().ok()?;
    if modified < since {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    let nanos = json.pointer("/mean/point_estimate")?.as_f64()?;
    Some(Duration::from_secs_f64(nanos / 1e9))
}

fn summary(specs: &[(String, usize)], since: SystemTime) {
    println!("\nSummary (criterion means, ms; ratio = generate / bare_parse, target <= 3.0x)");
    print!("{:<24} {:>9}", "spec", "KiB");
    for phase in PHASES {
        print!(" {phase:>10}");
    }
    println!(" {:>7}", "ratio");
    for (name, bytes) in specs {
        let times: Vec<Option<Duration>> = PHASES
            .iter()
            .map(|phase| mean(name, phase, since))
            .collect();
        if times.iter().all(Option::is_none) {
            continue;
        }
        print!("{name:<24} {:>9.0}", *bytes as f64 / 1024.0);
        for time in &times {
            match time {
                Some(t) => print!(" {:>10.3}", t.as_secs_f64() * 1e3),
                None => print!(" {:>10}", "-"),
            }
        }
        match (times[0], times[PHASES.len() - 1]) {
            (Some(parse), Some(total)) => {
                let ratio = total.as_secs_f64() / parse.as_secs_f64();
                let verdict = if ratio <= 3.0 { "ok" } else { "MISSED" };
                println!(" {ratio:>6.2}x {verdict}");
            }
            _ => println!(" {:>7}", "-"),
        }
    }
}

fn main() {
    let started = SystemTime::now();
    let root = workspace_root();
    let mut criterion = Criterion::default()
        .output_directory(&criterion_dir())
        .configure_from_args();
    let mut benchmarked = Vec::new();
    for spec in SPECS {
        let file = root.join(spec);
        let Ok(text) = std::fs::read_to_string(&file) else {
            println!("note: {} not found, skipped", file.display());
            continue;
        };
        bench_spec(&mut criterion, spec, &text);
        benchmarked.push((short_name(spec), text.len()));
    }
    criterion.final_summary();
    summary(&benchmarked, started);
}
