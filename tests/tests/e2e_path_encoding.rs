//! Path parameters with adversarial values: each value stays inside its own path segment
//! (no new segment, no query, no fragment, no dot-segment removal) and reaches the server
//! percent-decoded to the original value; values that cannot be a segment (`""`, `.`, `..`)
//! are refused with `Error::InvalidRequest` before anything is sent.

mod common;

use common::{PREFIX, client};
use magnetis_client::Error;
use percent_encoding::percent_decode_str;
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Adversarial values and how they must appear on the wire.
const ADVERSARIAL: &[(&str, &str)] = &[
    ("../admin", "..%2Fadmin"),
    ("a/b", "a%2Fb"),
    ("a?b=c", "a%3Fb=c"),
    ("a#b", "a%23b"),
    ("100%", "100%25"),
    ("+33 1 85 08 88 92", "+33%201%2085%2008%2088%2092"),
    ("téléphone", "t%C3%A9l%C3%A9phone"),
    // Already-encoded text is data, not an escape: `%2e%2e` must not become `..`.
    ("%2e%2e", "%252e%252e"),
    ("%2F", "%252F"),
    // Only exactly `.` and `..` are dot segments.
    ("...", "..."),
    (".a", ".a"),
    // A backslash is a path separator in http URLs for some parsers.
    ("a\\b", "a%5Cb"),
];

/// A server that answers anything with 200 and `[]`, which every operation used here accepts.
async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    server
}

/// The path of the only request `server` received, as sent (encoded), without the prefix,
/// after checking that it had no query string.
async fn received_path(server: &MockServer) -> String {
    let requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "one request: {requests:?}");
    let url = &requests[0].url;
    assert_eq!(
        url.query(),
        None,
        "nothing leaked into a query string: {url}"
    );
    assert_eq!(url.fragment(), None);
    url.path()
        .strip_prefix(PREFIX)
        .unwrap_or_else(|| panic!("the base URL's prefix is kept: {url}"))
        .to_owned()
}

/// Checks that `path` is `template` with `{}` replaced, segment by segment, by
/// `values`: same number of segments, each placeholder segment encoded as `encoded` and
/// decoding back to the value, and the fixed segments unchanged.
fn assert_segments(path: &str, template: &str, values: &[(&str, &str)]) {
    let got: Vec<&str> = path.split('/').collect();
    let want: Vec<&str> = template.split('/').collect();
    assert_eq!(
        got.len(),
        want.len(),
        "segment count of {path} (template {template})"
    );
    let mut values = values.iter();
    for (got, want) in got.iter().zip(&want) {
        if *want == "{}" {
            let (value, encoded) = values.next().expect("a value per placeholder");
            assert_eq!(got, encoded, "wire form of {value:?} in {path}");
            let decoded = percent_decode_str(got).decode_utf8().expect("UTF-8");
            assert_eq!(decoded, *value, "{path} decodes to the original value");
        } else {
            assert_eq!(got, want, "fixed segment of {path}");
        }
    }
}

#[tokio::test]
async fn adversarial_account_ids_stay_in_their_segment() {
    for &(value, encoded) in ADVERSARIAL {
        let server = server().await;
        client(&server)
            .list_numbers(value)
            .await
            .unwrap_or_else(|e| panic!("list_numbers({value:?}): {e}"));
        let path = received_path(&server).await;
        assert_segments(&path, "/accounts/{}/numbers/getlist", &[(value, encoded)]);
    }
}

#[tokio::test]
async fn adversarial_phone_numbers_stay_in_their_segment() {
    for &(value, encoded) in ADVERSARIAL {
        let server = server().await;
        client(&server)
            .get_number_kpi("1", value)
            .limit(5)
            .send()
            .await
            .unwrap_or_else(|e| panic!("get_number_kpi(1, {value:?}): {e}"));
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests.len(), 1);
        let url = &requests[0].url;
        // The query string is the operation's own, untouched by the path value.
        assert_eq!(url.query(), Some("limit=5"), "{url}");
        let path = url.path().strip_prefix(PREFIX).unwrap();
        assert_segments(path, "/accounts/1/numbers/{}/kpi", &[(value, encoded)]);
    }
}

#[tokio::test]
async fn adversarial_recipient_numbers_stay_in_their_segment() {
    for &(value, encoded) in ADVERSARIAL {
        let server = server().await;
        client(&server)
            .get_recipient_tracked_number("1", value)
            .await
            .unwrap_or_else(|e| panic!("get_recipient_tracked_number(1, {value:?}): {e}"));
        let path = received_path(&server).await;
        assert_segments(
            &path,
            "/accounts/1/recipients/{}/trackednumber",
            &[(value, encoded)],
        );
    }
}

#[tokio::test]
async fn two_adversarial_values_in_one_path() {
    // Preflights build their URL the same way (and send no key).
    for pair in ADVERSARIAL.windows(2) {
        let [(idacc, idacc_wire), (phone, phone_wire)] = [pair[0], pair[1]];
        let server = server().await;
        client(&server)
            .preflight_number_calls(idacc, phone)
            .await
            .unwrap_or_else(|e| panic!("preflight_number_calls({idacc:?}, {phone:?}): {e}"));
        let path = received_path(&server).await;
        assert_segments(
            &path,
            "/accounts/{}/numbers/{}/calls",
            &[(idacc, idacc_wire), (phone, phone_wire)],
        );
    }
}

/// `""`, `.` and `..` cannot be sent as one segment: a URL parser would drop or collapse
/// them, so the request would reach another path. The client refuses them and sends nothing.
#[tokio::test]
async fn empty_and_dot_segments_are_refused_and_nothing_is_sent() {
    let server = server().await;
    let client = client(&server);
    for value in ["", ".", ".."] {
        // e.g. `path parameter value ".." cannot be sent as a path segment`
        let named = format!("{value:?}");
        let errors: Vec<(&str, String)> = vec![
            (
                "list_numbers(idacc)",
                describe(client.list_numbers(value).await),
            ),
            (
                "get_number_calls(phonenumber)",
                describe(client.get_number_calls("1", value).await),
            ),
            (
                "get_number_calls(idacc)",
                describe(client.get_number_calls(value, "0033185088892").await),
            ),
            (
                "get_recipient_tracked_number",
                describe(client.get_recipient_tracked_number("1", value).await),
            ),
            (
                "add_number(idacc)",
                describe(client.add_number(value, Default::default()).await),
            ),
            (
                "preflight_recipient",
                describe(client.preflight_recipient("1", value).await),
            ),
        ];
        for (operation, error) in errors {
            assert!(
                error.starts_with("InvalidRequest: ")
                    && error.contains(&named)
                    && error.contains("path segment"),
                "{operation} with {value:?}: {error}"
            );
        }
    }
    let sent = server.received_requests().await.unwrap();
    assert!(sent.is_empty(), "nothing may be sent: {sent:?}");
}

/// `InvalidRequest: message`, or a description of anything else.
fn describe<T: std::fmt::Debug, E: std::fmt::Debug>(result: Result<T, Error<E>>) -> String {
    match result {
        Err(Error::InvalidRequest(message)) => {
            // The Display form says the same.
            assert_eq!(
                Error::<E>::InvalidRequest(message.clone()).to_string(),
                format!("invalid request: {message}")
            );
            format!("InvalidRequest: {message}")
        }
        other => format!("not InvalidRequest: {other:?}"),
    }
}
