//! `generated-client/` must be exactly what `spec/magnetis.yaml` produces.

#[test]
fn generated_client_is_up_to_date_with_the_spec() {
    let generated = magnetis_tests::generate("spec/magnetis.yaml", "magnetis-client");
    let dir = magnetis_tests::workspace_root().join("generated-client");
    let stale = xtask::stale_files(&generated, &dir);
    assert!(
        stale.is_empty(),
        "generated-client/ is stale: run `cargo xtask codegen` and commit the result.\n\n{}",
        stale.concat()
    );
}
