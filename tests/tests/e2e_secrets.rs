//! The API key never shows up where it could be logged: not in `Debug` of the client, of
//! its builder or of a request builder, not in errors, not in the URL; it is sent in the
//! `x-api-key` header only. (Every failure case of `e2e_failures.rs` also checks its
//! error's `Display`/`Debug` for the key.)

mod common;

use common::{API_KEY, assert_no_secret, base_url, client};
use magnetis_client::{Client, ClientBuilder, Error};
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    server
}

fn assert_hidden(what: &str, text: &str) {
    assert!(
        !text.contains(API_KEY),
        "the API key leaks into {what}: {text}"
    );
}

#[test]
fn client_debug_does_not_show_the_key() {
    let built = Client::builder()
        .base_url("http://127.0.0.1:9/v1")
        .api_key(API_KEY)
        .build()
        .unwrap();
    for client in [Client::new(API_KEY), built.clone(), built] {
        let debug = format!("{client:?}");
        assert_hidden("Debug of Client", &debug);
        assert_hidden("{:#?} of Client", &format!("{client:#?}"));
        // It does show that a credential is set, and where requests go.
        assert!(debug.contains("<redacted>"), "{debug}");
        assert!(debug.contains(client.base_url().as_str()), "{debug}");
    }
}

#[test]
fn client_builder_debug_does_not_show_the_key() {
    // `ClientBuilder` implements `Debug` only (no `Display`), so `{:?}` and `{:#?}` are
    // all there is to check.
    let builders = [
        Client::builder().api_key(API_KEY),
        ClientBuilder::default()
            .base_url("http://127.0.0.1:9/v1")
            .api_key(API_KEY)
            .user_agent("tests"),
        Client::builder().api_key("first").api_key(API_KEY),
    ];
    for builder in builders {
        let debug = format!("{builder:?}");
        assert_hidden("Debug of ClientBuilder", &debug);
        assert_hidden("{:#?} of ClientBuilder", &format!("{builder:#?}"));
        assert!(debug.contains("<redacted>"), "{debug}");
    }
}

#[test]
fn request_builder_debug_does_not_show_the_key() {
    let client = Client::new(API_KEY);
    let calls = client.get_number_calls("1", "0033185088892").limit(10);
    assert_hidden("Debug of a request builder", &format!("{calls:?}"));
    let added = client.add_number("1", Default::default()).name("Site web");
    assert_hidden("Debug of a request builder", &format!("{added:#?}"));
    let preflight = client.preflight_recipient("1", "0033612345678");
    assert_hidden("Debug of a request builder", &format!("{preflight:?}"));
}

#[tokio::test]
async fn the_key_is_sent_in_the_x_api_key_header_only() {
    let server = server().await;
    client(&server)
        .search_calls("1")
        .calling_number("0033612345678")
        .limit(3)
        .await
        .expect("search_calls");
    let requests = server.received_requests().await.unwrap();
    let request = &requests[0];
    assert_hidden("the URL", request.url.as_str());
    assert_hidden("the body", &String::from_utf8_lossy(&request.body));
    for (name, value) in &request.headers {
        let carries_key = value.as_bytes() == API_KEY.as_bytes();
        assert_eq!(carries_key, name.as_str() == "x-api-key", "header {name}");
        if name.as_str() != "x-api-key" {
            assert_hidden("another header", &String::from_utf8_lossy(value.as_bytes()));
        }
    }
}

#[tokio::test]
async fn a_key_that_is_not_a_header_value_is_refused_without_showing_it() {
    let server = server().await;
    let key = format!("{API_KEY}\r\nx-injected: 1");
    let client = Client::builder()
        .base_url(base_url(&server))
        .api_key(key)
        .build()
        .unwrap();
    assert_hidden("Debug of Client", &format!("{client:?}"));
    let error = client
        .list_accounts()
        .await
        .expect_err("a line break cannot be sent");
    assert_no_secret(&error);
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    // e.g. "invalid request: the credential for `x-api-key` is not a valid header value"
    let message = error.to_string();
    assert!(message.starts_with("invalid request: "), "{message}");
    assert!(
        message.contains("x-api-key") && message.contains("not a valid header value"),
        "{message}"
    );
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing is sent"
    );
}

#[tokio::test]
async fn without_a_key_keyed_operations_are_refused_and_preflights_work() {
    let server = server().await;
    let client = Client::builder()
        .base_url(base_url(&server))
        .build()
        .unwrap();
    let error = client.list_accounts().await.expect_err("no key");
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    // e.g. "invalid request: this operation needs credentials that the client was not
    // given; set them on the ClientBuilder"
    let message = error.to_string();
    assert!(
        message.starts_with("invalid request: ") && message.contains("credentials"),
        "{message}"
    );
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing is sent"
    );

    client
        .preflight_account_kpi()
        .await
        .expect("a preflight needs no key");
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].headers.get("x-api-key").is_none());
}

/// A base URL with user info is refused; its `Display` does not repeat the password.
#[test]
fn a_base_url_with_a_password_is_refused() {
    let error = Client::builder()
        .base_url(format!("https://user:{API_KEY}@www.magnetis-in.com/v1"))
        .build()
        .expect_err("credentials in the URL are refused");
    assert_eq!(
        error.to_string(),
        "invalid base URL: it must not contain a user name or password; set credentials on the builder"
    );
    assert_hidden("Display of BuildError", &error.to_string());
}

/// `BuildError::InvalidBaseUrl` keeps the rejected URL for the message, but never a password
/// embedded in it.
#[test]
fn a_refused_base_url_does_not_show_its_password_in_debug() {
    let error = Client::builder()
        .base_url(format!("https://user:{API_KEY}@www.magnetis-in.com/v1"))
        .build()
        .expect_err("credentials in the URL are refused");
    assert_hidden("Debug of BuildError", &format!("{error:?}"));
}
