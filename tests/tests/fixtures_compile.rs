//! Every fixture spec generates a crate that compiles and passes clippy with no warnings, and
//! the clients behave on the wire as their specs say (`tests/fixture-wire/`).
//!
//! The crates are written as members of one scratch workspace under the target directory and
//! checked by one `cargo clippy` run, so dependencies are built once for all of them.

use std::path::PathBuf;
use std::process::Command;

use magnetis_tests::{FIXTURES, generate, workspace_root};

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

#[test]
fn fixture_crates_compile_without_warnings_and_behave_on_the_wire() {
    let scratch = target_dir().join("fixture-crates");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("create scratch workspace");
    let mut members = Vec::new();
    for fixture in FIXTURES {
        let crate_name = format!("fixture-{}", fixture.replace('_', "-"));
        let generated = generate(&format!("tests/fixtures/{fixture}.yaml"), &crate_name);
        xtask::write_crate(&generated, &scratch.join(fixture)).expect("write fixture crate");
        members.push(format!("\"{fixture}\""));
    }
    // The hand-written wire tests of the fixture clients join the scratch workspace.
    let wire = scratch.join("fixture-wire");
    std::fs::create_dir_all(wire.join("tests")).expect("create fixture-wire");
    for file in ["Cargo.toml", "tests/wire.rs"] {
        std::fs::copy(
            workspace_root().join("tests/fixture-wire").join(file),
            wire.join(file),
        )
        .expect("copy fixture-wire");
    }
    members.push("\"fixture-wire\"".to_owned());
    std::fs::write(
        scratch.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .expect("write workspace manifest");
    // The workspace's lock file pins the same dependency versions, so nothing is fetched.
    std::fs::copy(
        workspace_root().join("Cargo.lock"),
        scratch.join("Cargo.lock"),
    )
    .expect("copy Cargo.lock");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&scratch)
        .env("CARGO_TARGET_DIR", target_dir().join("fixture-target"))
        .output()
        .expect("run cargo clippy");
    assert!(
        output.status.success(),
        "fixture crates do not compile cleanly:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // What the fixture clients put on the wire (tests/fixture-wire/tests/wire.rs).
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["test", "-p", "fixture-wire", "--quiet"])
        .current_dir(&scratch)
        .env("CARGO_TARGET_DIR", target_dir().join("fixture-target"))
        .output()
        .expect("run cargo test");
    assert!(
        output.status.success(),
        "the fixture clients' wire tests fail:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
