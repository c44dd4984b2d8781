//! Snapshots of generated code: one snapshot per generated file, so a reviewer reads a spec
//! change as the few files it touched. Review changes with `cargo insta review`.

use std::collections::BTreeSet;
use std::path::Path;

use magnetis_tests::{generate, snapshot_name, workspace_root};

/// Files that are the same for every spec: snapshotted once, with the Magnetis crate.
const SHARED: &[&str] = &["src/error.rs", "src/response.rs", "src/runtime.rs"];

/// Snapshots every file of the crate generated from `spec` into `tests/snapshots/<dir>/`,
/// and fails on snapshot files that no generated file produces any more.
fn snapshot_crate(spec: &str, dir: &str, include_shared: bool) {
    let generated = generate(spec, "snapshot-client");
    let snapshot_dir = workspace_root().join("tests/snapshots").join(dir);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(&snapshot_dir);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(workspace_root().join(spec));
    let mut expected = BTreeSet::new();
    settings.bind(|| {
        for file in &generated.files {
            if !include_shared && SHARED.contains(&file.path.as_str()) {
                continue;
            }
            let name = snapshot_name(&file.path);
            expected.insert(format!("{name}.snap"));
            insta::assert_snapshot!(name, file.contents);
        }
    });
    assert_no_orphans(&snapshot_dir, &expected);
}

fn assert_no_orphans(dir: &Path, expected: &BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let orphans: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".snap") && !expected.contains(name))
        .collect();
    assert!(
        orphans.is_empty(),
        "snapshots in {} belong to files that are no longer generated; delete them: {orphans:?}",
        dir.display()
    );
}

#[test]
fn magnetis() {
    snapshot_crate("spec/magnetis.yaml", "magnetis", true);
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                snapshot_crate(
                    concat!("tests/fixtures/", stringify!($name), ".yaml"),
                    stringify!($name),
                    false,
                );
            }
        )*
    };
}

fixtures!(
    bodies,
    composition,
    enums,
    errors,
    formats,
    ignored,
    maps,
    openapi31,
    optional_params,
    path_params,
    query_styles,
    recursion,
    renamed_fields,
    responses,
    security,
    servers,
);

#[test]
fn every_fixture_has_a_snapshot_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(workspace_root().join("tests/fixtures"))
        .expect("tests/fixtures")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".yaml").map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk,
        magnetis_tests::FIXTURES,
        "add the fixture to FIXTURES in tests/src/lib.rs and to fixtures! in this file"
    );
}
