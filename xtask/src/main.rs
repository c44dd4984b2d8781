//! `cargo xtask`: project automation. See `cargo xtask --help`.

mod bench_codegen_cmd;
mod bench_compile_cmd;
mod codegen_cmd;
mod corpus_cmd;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  codegen     Regenerate a client crate from an OpenAPI spec.
      --spec FILE         spec to read (default: spec/magnetis.yaml)
      --out DIR           crate folder to write (default: generated-client)
      --crate-name NAME   package name (default: magnetis-client for the default spec,
                          else the --out folder's name)
      --standalone        add a [workspace] table so the crate builds outside this workspace
                          (the default when --out is outside this workspace)
      --check             write nothing; exit 1 with a diff if the folder is stale
      --deny-warnings     treat warnings (ignored constructs, renamed identifiers, resolved
                          name collisions) as errors

  corpus      Generate a crate for every spec in a folder, compile them all with clippy,
              and print a table (spec, operations, generate, compile, warnings, lines,
              generation time). Fails on any error or warning.
      --specs DIR         folder of specs (default: ../shared/specs)
      --out DIR           scratch workspace (default: target/corpus)

  bench-codegen
              Generator speed: time each phase (bare parse into openapiv3::OpenAPI, read,
              lower, emit, format, generate) on spec/magnetis.yaml and the three largest
              specs of ../shared/specs, and print the ratio generate / bare parse (target
              <= 3x). Run in release: `cargo run --release -p xtask -- bench-codegen`. The
              statistics are in `cargo bench -p codegen --bench generator`.
      --spec FILE         a spec to time instead of the default ones (repeatable)
      --runs N            median of N runs per phase (default: 5)

  bench-compile
              Size and compile cost of generated code: generate a crate for spec/magnetis.yaml
              and every spec in a folder into one scratch workspace, build the dependencies
              once, then per crate print files, lines and KiB of generated Rust, and the
              time of `cargo check -p` and `cargo build -p` of that crate alone
              (CARGO_INCREMENTAL=0, src/lib.rs touched first). Takes minutes; see BENCHMARKS.md.
      --specs DIR         folder of specs (default: ../shared/specs)
      --out DIR           scratch workspace (default: target/bench-compile; dependencies are
                          built in DIR-target beside it and kept between runs)
      --only NAME         measure only the spec with this file stem (e.g. magnetis, asana)
      --runs N            time each crate N times and keep the fastest (default: 1)

  help, --help, -h        Show this help.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen_cmd::run(args.get(1..).unwrap_or_default()),
        Some("bench-codegen") => bench_codegen_cmd::run(args.get(1..).unwrap_or_default()),
        Some("bench-compile") => bench_compile_cmd::run(args.get(1..).unwrap_or_default()),
        Some("corpus") => corpus_cmd::run(args.get(1..).unwrap_or_default()),
        None | Some("help" | "--help" | "-h") => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
