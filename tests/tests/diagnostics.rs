//! One test per kind of diagnostic: the exact message a user sees (insta snapshots in
//! `tests/snapshots/diagnostics/`). Each spec is the smallest that shows the problem.

use codegen::{Error, Options, generate};

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

fn error_of(spec: &str) -> Error {
    match generate(spec, &Options::new("spec.yaml", "client")) {
        Ok(_) => panic!("expected an error for:\n{spec}"),
        Err(error) => error,
    }
}

fn check(name: &str, spec: &str) {
    let message = error_of(spec).to_string();
    insta::with_settings!({
        snapshot_path => magnetis_tests::workspace_root().join("tests/snapshots/diagnostics"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => spec,
    }, {
        insta::assert_snapshot!(name, message);
    });
}

fn with_head(rest: &str) -> String {
    format!("{HEAD}{rest}")
}

#[test]
fn yaml_syntax_error_has_line_and_column() {
    check(
        "yaml_syntax",
        "openapi: 3.0.3\ninfo:\n  title: T\n   version: '1'\npaths: {}\n",
    );
}

#[test]
fn wrong_shape_has_line_and_column() {
    check(
        "wrong_shape",
        "openapi: 3.0.3\ninfo:\n  title: [a, b]\n  version: '1'\npaths: {}\n",
    );
}

#[test]
fn json_syntax_error_has_line_and_column() {
    check(
        "json_syntax",
        "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {,}\n}\n",
    );
}

#[test]
fn not_an_openapi_document() {
    check("missing_info", "openapi: 3.0.3\npaths: {}\n");
}

#[test]
fn dangling_schema_ref() {
    check(
        "dangling_ref",
        &with_head(
            "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b:\n          $ref: '#/components/schemas/B'\n",
        ),
    );
}

#[test]
fn ref_into_another_file() {
    check(
        "external_ref",
        &with_head("paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: 'common.yaml#/A'\n"),
    );
}

#[test]
fn alias_ref_cycle() {
    check(
        "ref_cycle",
        &with_head(
            "paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n",
        ),
    );
}

#[test]
fn undeclared_path_parameter() {
    check(
        "undeclared_path_param",
        &with_head(
            "paths:\n  /accounts/{idacc}:\n    get:\n      parameters:\n        - {name: limit, in: query, schema: {type: integer}}\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn path_parameter_not_in_template() {
    check(
        "path_param_not_in_template",
        &with_head(
            "paths:\n  /accounts:\n    get:\n      parameters:\n        - {name: idacc, in: path, required: true, schema: {type: string}}\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn optional_path_parameter() {
    check(
        "optional_path_param",
        &with_head(
            "paths:\n  /a/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, schema: {type: string}}\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn mixed_path_segment() {
    check(
        "mixed_path_segment",
        &with_head(
            "paths:\n  /files/{id}.json:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn label_style_path_parameter() {
    check(
        "label_style",
        &with_head(
            "paths:\n  /a/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, style: label, schema: {type: string}}\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn object_in_a_header() {
    check(
        "object_header",
        &with_head(
            "paths:\n  /a:\n    get:\n      parameters:\n        - {name: X-Filter, in: header, schema: {type: object, properties: {a: {type: string}}}}\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn not_keyword() {
    check(
        "not_keyword",
        &with_head("paths: {}\ncomponents:\n  schemas:\n    A:\n      not: {type: string}\n"),
    );
}

#[test]
fn invalid_type() {
    check(
        "invalid_type",
        &with_head(
            "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: text\n      format: x\n",
        ),
    );
}

#[test]
fn undeclared_security_scheme() {
    check(
        "undeclared_scheme",
        &with_head(
            "security: [{oauth: []}]\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn digest_authentication() {
    check(
        "digest_scheme",
        &with_head(
            "security: [{d: []}]\npaths: {}\ncomponents:\n  securitySchemes:\n    d: {type: http, scheme: digest}\n",
        ),
    );
}

#[test]
fn undeclared_server_variable() {
    check(
        "server_variable",
        &with_head("servers: [{url: 'https://{region}.example.com'}]\npaths: {}\n"),
    );
}

#[test]
fn path_item_ref() {
    check(
        "path_item_ref",
        &with_head("paths:\n  /a:\n    $ref: '#/components/pathItems/A'\n"),
    );
}

#[test]
fn multipart_body_that_is_not_an_object() {
    check(
        "multipart_not_object",
        &with_head(
            "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          multipart/form-data:\n            schema: {type: string}\n      responses: {'200': {description: ok}}\n",
        ),
    );
}

#[test]
fn openapi_31_type_union() {
    check(
        "v31_type_union",
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: [string, integer]\n",
    );
}

#[test]
fn nesting_too_deep() {
    let mut schema = "{type: string}".to_owned();
    for _ in 0..60 {
        schema = format!("{{type: array, items: {schema}}}");
    }
    check(
        "nesting_too_deep",
        &with_head(&format!(
            "paths: {{}}\ncomponents:\n  schemas:\n    A: {schema}\n"
        )),
    );
}

#[test]
fn independent_errors_are_reported_together() {
    let error = error_of(&with_head(
        "paths:\n  /a/{id}:\n    get:\n      responses: {'200': {description: ok}}\n  /b:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Missing'}\ncomponents:\n  schemas:\n    A:\n      not: {type: string}\n",
    ));
    assert_eq!(error.errors().len(), 3, "{error}");
    check_message("multiple_errors", &error.to_string());
}

#[test]
fn denied_warnings() {
    let spec = with_head(
        "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        type: {type: string}\n        '@id': {type: string}\n",
    );
    let mut options = Options::new("spec.yaml", "client");
    options.deny_warnings = true;
    let error = generate(&spec, &options).expect_err("warnings are denied");
    check_message("denied_warnings", &error.to_string());
    // Without the option the same spec generates, with the warnings attached.
    let generated = generate(&spec, &Options::new("spec.yaml", "client")).expect("generates");
    assert_eq!(generated.warnings.len(), 2);
}

fn check_message(name: &str, message: &str) {
    insta::with_settings!({
        snapshot_path => magnetis_tests::workspace_root().join("tests/snapshots/diagnostics"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, message);
    });
}
