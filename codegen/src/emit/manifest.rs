//! `Cargo.toml` of the generated crate: only the dependencies its code uses.

use crate::Options;
use crate::model::Api;

pub fn file(api: &Api, options: &Options) -> String {
    let description = format!(
        "Typed async client for the {}, generated from {}",
        super::docs::api_name(&api.title),
        options.spec_name
    )
    .replace('\\', "\\\\")
    .replace('"', "\\\"");
    let mut text = format!(
        "[package]\n\
         name = \"{}\"\n\
         version = \"{}\"\n\
         edition = \"2024\"\n\
         rust-version = \"1.85\"\n\
         description = \"{description}\"\n\
         publish = false\n\n\
         [dependencies]\n",
        options.crate_name, options.crate_version
    );
    if api.uses(&super::types::is_chrono) {
        text.push_str(
            "chrono = { version = \"0.4\", default-features = false, features = [\"serde\", \"std\"] }\n",
        );
    }
    let multipart = api.operations.iter().any(|op| {
        op.body.as_ref().is_some_and(|b| {
            b.media
                .iter()
                .any(|m| matches!(m.encoding, crate::model::Encoding::Multipart(_)))
        })
    });
    let features = if multipart {
        "\"json\", \"multipart\", \"rustls-tls\""
    } else {
        "\"json\", \"rustls-tls\""
    };
    text.push_str(&format!(
        "reqwest = {{ version = \"0.12\", default-features = false, features = [{features}] }}\n"
    ));
    text.push_str(
        "serde = { version = \"1\", features = [\"derive\"] }\n\
         serde_json = \"1\"\n",
    );
    if api.uses(&super::types::is_uuid) {
        text.push_str("uuid = { version = \"1\", features = [\"serde\"] }\n");
    }
    text.push_str(
        "\n\
         # A runtime for the examples; the library itself works on any executor that runs\n\
         # reqwest (which needs tokio's reactor).\n\
         [dev-dependencies]\n\
         tokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }\n",
    );
    if options.standalone {
        text.push_str("\n# Builds where it lies, outside any enclosing workspace.\n[workspace]\n");
    }
    text
}
