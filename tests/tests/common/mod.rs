//! Helpers shared by the end-to-end tests (`e2e_*.rs`) of the generated `magnetis-client`
//! against HTTP servers on loopback.
//!
//! They live here rather than in `tests/src/` because they need the e2e dev-dependencies
//! (`magnetis-client`, `wiremock`), which the library of this crate cannot use.
#![allow(dead_code)] // each test file uses a different subset

use std::time::Duration;

use magnetis_client::Client;
use wiremock::MockServer;

/// A distinctive API key, looked for in every `Debug`/`Display` output that must not show it.
pub const API_KEY: &str = "sk-SECRET-123";

/// Path prefix of the base URL given to the client, like the real server's `/v1`: every
/// request path must keep it.
pub const PREFIX: &str = "/v1";

/// The base URL of `server` with the [`PREFIX`].
pub fn base_url(server: &MockServer) -> String {
    format!("{}{PREFIX}", server.uri())
}

/// A client for `server` with [`API_KEY`] and a timeout that keeps a hung test short.
pub fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(base_url(server))
        .api_key(API_KEY)
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a loopback base URL is valid")
}

/// Asserts that [`API_KEY`] appears in neither the `Display` nor the `Debug` output of
/// `error`, nor in those of any error in its `source()` chain.
pub fn assert_no_secret(error: &(dyn std::error::Error + 'static)) {
    let mut current = Some(error);
    while let Some(error) = current {
        let display = error.to_string();
        let debug = format!("{error:?}");
        let pretty = format!("{error:#?}");
        for text in [&display, &debug, &pretty] {
            assert!(
                !text.contains(API_KEY),
                "the API key leaks into an error message: {text}"
            );
        }
        current = error.source();
    }
}
