//! `cargo xtask codegen` never leaves half an output, keeps hand-written files, removes
//! stale generated ones, and produces the same bytes for the same (or equivalently
//! reordered) spec.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use magnetis_tests::{read, workspace_root};

fn scratch(name: &str) -> PathBuf {
    let dir = workspace_root()
        .join("target/test-scratch")
        .join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Every file under `dir`, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("read dir").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if entry.path().is_dir() {
                walk(&entry.path(), &relative, out);
            } else {
                out.insert(relative, fs::read(entry.path()).expect("read file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

fn options() -> codegen::Options {
    codegen::Options::new("spec/magnetis.yaml", "magnetis-client")
}

/// A copy of the generated client plus a hand-written example, as a user's folder would be.
fn client_folder(name: &str) -> PathBuf {
    let root = scratch(name);
    let crate_dir = root.join("client");
    let generated = codegen::generate(&read("spec/magnetis.yaml"), &options()).expect("generate");
    xtask::write_crate(&generated, &crate_dir).expect("write");
    fs::create_dir_all(crate_dir.join("examples")).expect("examples");
    fs::write(crate_dir.join("examples/mine.rs"), "fn main() {}\n").expect("example");
    crate_dir
}

#[test]
fn a_failing_run_leaves_the_folder_byte_for_byte() {
    let dir = client_folder("failing-run");
    let before = snapshot(&dir);
    let broken = dir.with_file_name("broken.yaml");
    // An operation whose path parameter is not declared.
    let text = read("spec/magnetis.yaml").replacen(
        "\npaths:\n",
        "\npaths:\n  /broken/{x}:\n    get:\n      responses: {'200': {description: ok}}\n",
        1,
    );
    fs::write(&broken, text).expect("write broken spec");
    let Err(error) = xtask::regenerate(&broken, &dir, &options()) else {
        panic!("the broken spec generated");
    };
    assert!(
        error.contains("`x` is in the path template but not declared"),
        "{error}"
    );
    assert_eq!(snapshot(&dir), before);
    // No staging folder is left behind either.
    let leftovers: Vec<_> = fs::read_dir(dir.parent().expect("parent"))
        .expect("read parent")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("codegen-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn stale_files_go_and_hand_written_files_stay() {
    let dir = client_folder("stale-files");
    fs::write(
        dir.join("src/models/obsolete.rs"),
        "// from an older spec\n",
    )
    .expect("stale file");
    fs::write(dir.join("README.md"), "mine\n").expect("readme");
    let spec = dir.with_file_name("spec.yaml");
    // An edit that changes one operation's summary.
    fs::write(
        &spec,
        read("spec/magnetis.yaml").replacen("summary: ", "summary: Edited. ", 1),
    )
    .expect("edited spec");
    let (_, report) = xtask::regenerate(&spec, &dir, &options()).expect("regenerate");
    assert!(
        report.contains(&"removed src/models/obsolete.rs".to_owned()),
        "{report:?}"
    );
    assert!(
        report
            .iter()
            .any(|l| l.starts_with("wrote   src/operations/")),
        "{report:?}"
    );
    assert!(!dir.join("src/models/obsolete.rs").exists());
    assert_eq!(
        fs::read_to_string(dir.join("examples/mine.rs")).expect("kept"),
        "fn main() {}\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("README.md")).expect("kept"),
        "mine\n"
    );
}

#[test]
fn a_second_run_changes_nothing() {
    let dir = client_folder("idempotent");
    let spec = workspace_root().join("spec/magnetis.yaml");
    let (_, first) = xtask::regenerate(&spec, &dir, &options()).expect("first");
    assert!(
        first.is_empty(),
        "the folder was already up to date: {first:?}"
    );
    let before = snapshot(&dir);
    let (_, second) = xtask::regenerate(&spec, &dir, &options()).expect("second");
    assert!(second.is_empty(), "{second:?}");
    assert_eq!(snapshot(&dir), before);
}

fn reversed(value: &serde_yaml::Value) -> serde_yaml::Value {
    match value {
        serde_yaml::Value::Mapping(map) => {
            let mut entries: Vec<_> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            entries.reverse();
            serde_yaml::Value::Mapping(entries.into_iter().collect())
        }
        other => other.clone(),
    }
}

#[test]
fn output_is_deterministic_and_independent_of_meaningless_order() {
    let text = read("spec/magnetis.yaml");
    let first = codegen::generate(&text, &options()).expect("generate");
    let second = codegen::generate(&text, &options()).expect("generate again");
    assert_eq!(first, second);

    let mut spec: serde_yaml::Value = serde_yaml::from_str(&text).expect("yaml");
    let schemas = reversed(&spec["components"]["schemas"]);
    spec["components"]["schemas"] = schemas;
    let paths = reversed(&spec["paths"]);
    spec["paths"] = paths;
    let reordered = serde_yaml::to_string(&spec).expect("to yaml");
    assert_ne!(reordered, text);
    let third = codegen::generate(&reordered, &options()).expect("generate reordered");
    for (a, b) in first.files.iter().zip(&third.files) {
        assert_eq!(a.path, b.path);
        assert!(
            a.contents == b.contents,
            "{} differs with reordered schemas and paths",
            a.path
        );
    }
    assert_eq!(first.files.len(), third.files.len());
}
