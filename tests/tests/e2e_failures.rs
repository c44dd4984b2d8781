//! Failure cases against servers on loopback: each gives the typed `Error` (never a panic),
//! keeps the status, headers and raw body of any response that arrived, and shows the API
//! key in none of its `Display`/`Debug` output.

mod common;

use std::time::{Duration, Instant};

use common::{API_KEY, assert_no_secret, base_url, client};
use magnetis_client::{Client, Error, models};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A header the mock adds to every response, to check that error responses keep headers.
const REQUEST_ID: &str = "x-request-id";

/// A server answering any request with `response` plus the [`REQUEST_ID`] header.
async fn serve(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(response.insert_header(REQUEST_ID, "req-42"))
        .mount(&server)
        .await;
    server
}

/// The parts every error with a response must give access to: status, the custom header,
/// and the raw body.
fn assert_response_parts<E>(error: &Error<E>, status: u16, body: &[u8]) {
    assert_eq!(
        error.status().map(|s| s.as_u16()),
        Some(status),
        "status of {error}"
    );
    let headers = error.headers().expect("headers of a response that arrived");
    assert_eq!(
        headers.get(REQUEST_ID).map(|v| v.to_str().unwrap()),
        Some("req-42")
    );
    assert_eq!(error.body(), Some(body), "raw body of {error}");
}

// ---------------------------------------------------------------- statuses outside 2XX

#[tokio::test]
async fn unauthorized_401_on_an_operation_that_documents_it() {
    let body = br#"{"message":"Unauthorized"}"#;
    let server =
        serve(ResponseTemplate::new(401).set_body_raw(body.as_slice(), "application/json")).await;
    let error = client(&server)
        .list_accounts()
        .await
        .expect_err("401 is an error");
    assert_no_secret(&error);
    assert_response_parts(&error, 401, body);
    assert_eq!(
        error.to_string(),
        r#"server answered 401 Unauthorized: {"message":"Unauthorized"}"#
    );
    let Error::Status(response) = &error else {
        panic!("expected Error::Status, got {error:?}")
    };
    // `GET /accounts` documents 401 with an `Error` body, so it is decoded.
    assert_eq!(
        response.error(),
        Some(&models::Error {
            message: "Unauthorized".into()
        })
    );
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(response.body(), body);
    assert_eq!(response.raw().text(), r#"{"message":"Unauthorized"}"#);
}

#[tokio::test]
async fn unauthorized_401_on_an_operation_that_does_not_document_it() {
    let body = br#"{"message":"Unauthorized"}"#;
    let server =
        serve(ResponseTemplate::new(401).set_body_raw(body.as_slice(), "application/json")).await;
    let error = client(&server)
        .get_test()
        .await
        .expect_err("401 is an error");
    assert_no_secret(&error);
    assert_response_parts(&error, 401, body);
    let Error::Status(response) = &error else {
        panic!("expected Error::Status, got {error:?}")
    };
    // `GET /test` documents only 403: no decoded error, but the raw body is kept.
    assert_eq!(response.error(), None);
    assert_eq!(response.body(), body);
}

#[tokio::test]
async fn forbidden_403_is_decoded_as_the_error_model() {
    let body = br#"{"message":"Forbidden"}"#;
    let server =
        serve(ResponseTemplate::new(403).set_body_raw(body.as_slice(), "application/json")).await;
    let client = client(&server);
    // Every keyed operation documents 403.
    let errors = [
        client
            .get_number_calls("1", "0033185088892")
            .await
            .expect_err("403"),
        client.list_accounts().await.expect_err("403"),
        client.get_test().await.expect_err("403"),
    ];
    for error in &errors {
        assert_no_secret(error);
        assert_response_parts(error, 403, body);
        assert_eq!(
            error.to_string(),
            r#"server answered 403 Forbidden: {"message":"Forbidden"}"#
        );
        let Error::Status(response) = error else {
            panic!("expected Error::Status, got {error:?}")
        };
        assert_eq!(
            response.error(),
            Some(&models::Error {
                message: "Forbidden".into()
            })
        );
    }
}

#[tokio::test]
async fn bad_request_400() {
    let body = br#"{"message":"Bad Request"}"#;
    let server =
        serve(ResponseTemplate::new(400).set_body_raw(body.as_slice(), "application/json")).await;
    let client = client(&server);

    let error = client.list_accounts().await.expect_err("400");
    assert_no_secret(&error);
    assert_response_parts(&error, 400, body);
    assert_eq!(
        error.to_string(),
        r#"server answered 400 Bad Request: {"message":"Bad Request"}"#
    );
    let Error::Status(response) = &error else {
        panic!("expected Error::Status, got {error:?}")
    };
    // Documented for `GET /accounts` only.
    assert_eq!(
        response.error(),
        Some(&models::Error {
            message: "Bad Request".into()
        })
    );

    let error = client
        .get_calls_by_month("1")
        .month_back(3)
        .await
        .expect_err("400");
    assert_no_secret(&error);
    assert_response_parts(&error, 400, body);
    let Error::Status(response) = &error else {
        panic!("expected Error::Status, got {error:?}")
    };
    assert_eq!(
        response.error(),
        None,
        "400 is not documented for callbymonth"
    );
}

#[tokio::test]
async fn not_found_404_with_an_html_body() {
    let body = b"<html><body><h1>404 Not Found</h1></body></html>";
    let server = serve(ResponseTemplate::new(404).set_body_raw(body.as_slice(), "text/html")).await;
    let error = client(&server).list_numbers("1").await.expect_err("404");
    assert_no_secret(&error);
    assert_response_parts(&error, 404, body);
    assert_eq!(
        error.to_string(),
        "server answered 404 Not Found: <html><body><h1>404 Not Found</h1></body></html>"
    );
    let Error::Status(response) = &error else {
        panic!("expected Error::Status, got {error:?}")
    };
    assert_eq!(response.error(), None);
    assert_eq!(response.headers().get("content-type").unwrap(), "text/html");
}

#[tokio::test]
async fn server_error_500_with_an_empty_body() {
    let server = serve(ResponseTemplate::new(500)).await;
    let client = client(&server);

    let error = client.get_calls_by_day("1").await.expect_err("500");
    assert_no_secret(&error);
    assert_response_parts(&error, 500, b"");
    assert_eq!(
        error.to_string(),
        "server answered 500 Internal Server Error: (empty body)"
    );
    let Error::Status(response) = &error else {
        panic!("expected Error::Status, got {error:?}")
    };
    assert_eq!(response.error(), None);

    // A preflight (no documented error body at all) fails the same way.
    let error = client.preflight_calls_by_day("1").await.expect_err("500");
    assert_no_secret(&error);
    assert_response_parts(&error, 500, b"");
    assert!(
        matches!(&error, Error::Status(response) if response.error().is_none()),
        "{error:?}"
    );
}

// ---------------------------------------------------------------- bad success bodies

#[tokio::test]
async fn malformed_json_is_a_decode_error() {
    let body = br#"[{"1": {"company_name": "Cabinet Dupont""#;
    let server =
        serve(ResponseTemplate::new(200).set_body_raw(body.as_slice(), "application/json")).await;
    let error = client(&server)
        .list_accounts()
        .await
        .expect_err("malformed JSON");
    assert_no_secret(&error);
    assert_response_parts(&error, 200, body);
    let Error::Decode(decode) = &error else {
        panic!("expected Error::Decode, got {error:?}")
    };
    assert_eq!(decode.response().status().as_u16(), 200);
    let source = std::error::Error::source(decode.as_ref()).expect("the serde_json error");
    assert!(source.to_string().contains("EOF"), "{source}");
    assert_eq!(
        error.to_string(),
        format!(
            "cannot decode the 200 OK response body: {source}; body: {}",
            String::from_utf8_lossy(body)
        )
    );
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_a_decode_error() {
    // `call` must be an integer, and `time`/`lost` are missing.
    let body = br#"[{"1": {"call": "many"}}]"#;
    let server =
        serve(ResponseTemplate::new(200).set_body_raw(body.as_slice(), "application/json")).await;
    let client = client(&server);
    let error = client.get_account_kpi().await.expect_err("wrong shape");
    assert_no_secret(&error);
    assert_response_parts(&error, 200, body);
    let Error::Decode(decode) = &error else {
        panic!("expected Error::Decode, got {error:?}")
    };
    assert_eq!(decode.response().text(), String::from_utf8_lossy(body));
    assert!(
        error
            .to_string()
            .starts_with("cannot decode the 200 OK response body: invalid type: string \"many\""),
        "{error}"
    );

    // Nor is it a list of tracked numbers (missing `phonenumber` and `destinataire`).
    let error = client.list_numbers("1").await.expect_err("wrong shape");
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn a_wrong_content_type_is_unexpected_content_type() {
    let body = b"<html><body>Welcome to the captive portal</body></html>";
    let server =
        serve(ResponseTemplate::new(200).set_body_raw(body.as_slice(), "text/html; charset=utf-8"))
            .await;
    let error = client(&server)
        .list_recipients("1")
        .await
        .expect_err("text/html");
    assert_no_secret(&error);
    assert_response_parts(&error, 200, body);
    assert_eq!(
        error.to_string(),
        r#"server answered 200 OK with unexpected content type "text/html; charset=utf-8""#
    );
    let Error::UnexpectedContentType(raw) = &error else {
        panic!("expected Error::UnexpectedContentType, got {error:?}")
    };
    assert_eq!(raw.status().as_u16(), 200);
    assert_eq!(raw.body(), body);
    assert_eq!(
        raw.headers().get("content-type").unwrap(),
        "text/html; charset=utf-8"
    );
}

// ---------------------------------------------------------------- no response

#[tokio::test]
async fn a_server_that_never_answers_is_a_timeout() {
    // The kernel accepts connections into the backlog, but nobody ever reads or answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let client = Client::builder()
        .base_url(format!("http://{address}/v1"))
        .api_key(API_KEY)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let result = tokio::time::timeout(Duration::from_secs(5), client.list_accounts())
        .await
        .expect("the client's own timeout fires first");
    let elapsed = started.elapsed();
    let error = result.expect_err("no answer");
    assert_no_secret(&error);
    assert!(
        matches!(error, Error::Timeout(_)),
        "expected Error::Timeout, got {error:?}"
    );
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );
    assert_eq!(
        error.to_string(),
        format!("request timed out: error sending request for url (http://{address}/v1/accounts)")
    );
    assert_eq!(
        (error.status(), error.headers().is_none(), error.body()),
        (None, true, None)
    );
    drop(listener);
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }; // dropped: nothing listens on the port any more
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}/v1"))
        .api_key(API_KEY)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let error = tokio::time::timeout(Duration::from_secs(10), client.get_test())
        .await
        .expect("a refused connection fails at once")
        .expect_err("refused");
    assert_no_secret(&error);
    let Error::Transport(source) = &error else {
        panic!("expected Error::Transport, got {error:?}")
    };
    assert!(source.is_connect(), "{source:?}");
    assert_eq!(
        error.to_string(),
        format!("request failed: error sending request for url (http://127.0.0.1:{port}/v1/test)")
    );
    assert_eq!(
        (error.status(), error.headers().is_none(), error.body()),
        (None, true, None)
    );
}

// ---------------------------------------------------------------- body size limit

fn small_limit_client(base_url: String) -> Client {
    Client::builder()
        .base_url(base_url)
        .api_key(API_KEY)
        .max_body_size(1024)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_body_over_the_limit_is_body_too_large() {
    // Valid JSON, 4 KiB: only its size is wrong.
    let big =
        json!([{"1": {"company_name": "x".repeat(4096), "email": "a@b.c", "plan": "Business"}}]);
    let server = serve(ResponseTemplate::new(200).set_body_json(&big)).await;
    let client = small_limit_client(base_url(&server));
    let error = client.list_accounts().await.expect_err("too large");
    assert_no_secret(&error);
    let Error::BodyTooLarge {
        status,
        headers,
        limit,
    } = &error
    else {
        panic!("expected Error::BodyTooLarge, got {error:?}")
    };
    assert_eq!((status.as_u16(), *limit), (200, 1024));
    assert_eq!(headers.get(REQUEST_ID).unwrap(), "req-42");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(error.headers().unwrap().get(REQUEST_ID).unwrap(), "req-42");
    assert_eq!(error.body(), None, "the body was not read to the end");
    assert_eq!(
        error.to_string(),
        "server answered 200 OK with a body larger than the 1024-byte limit"
    );

    // The limit applies to error bodies too.
    let server = serve(
        ResponseTemplate::new(502).set_body_raw("<p>bad gateway</p>".repeat(100), "text/html"),
    )
    .await;
    let error = small_limit_client(base_url(&server))
        .list_accounts()
        .await
        .expect_err("too large");
    assert_no_secret(&error);
    assert!(
        matches!(&error, Error::BodyTooLarge { status, .. } if status.as_u16() == 502),
        "{error:?}"
    );

    // A body of exactly the limit is fine.
    let exact = format!("[{}]", " ".repeat(1022));
    let server = serve(ResponseTemplate::new(200).set_body_raw(exact, "application/json")).await;
    let response = small_limit_client(base_url(&server))
        .list_accounts()
        .await
        .expect("1024 bytes fit");
    assert!(response.is_empty());
}

/// Without a `content-length` the limit is enforced while streaming the chunked body.
#[tokio::test]
async fn a_chunked_body_over_the_limit_is_body_too_large() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buffer = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = socket.read(&mut buffer).await.unwrap();
            if n == 0 {
                return;
            }
            request.extend_from_slice(&buffer[..n]);
        }
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nx-request-id: req-42\r\n\r\n";
        // The client may stop reading and close early: ignore write errors.
        let _ = socket.write_all(head.as_bytes()).await;
        let _ = socket.write_all(b"1\r\n[\r\n").await;
        for _ in 0..8 {
            let chunk = " ".repeat(512);
            let _ = socket
                .write_all(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes())
                .await;
        }
        let _ = socket.write_all(b"1\r\n]\r\n0\r\n\r\n").await;
    });
    let client = small_limit_client(format!("http://{address}/v1"));
    let error = tokio::time::timeout(Duration::from_secs(5), client.list_accounts())
        .await
        .expect("bounded")
        .expect_err("too large");
    assert_no_secret(&error);
    let Error::BodyTooLarge {
        status,
        headers,
        limit,
    } = &error
    else {
        panic!("expected Error::BodyTooLarge, got {error:?}")
    };
    assert_eq!((status.as_u16(), *limit), (200, 1024));
    assert_eq!(headers.get(REQUEST_ID).unwrap(), "req-42");
    assert!(headers.get("content-length").is_none());
    server.await.unwrap();
}

// ---------------------------------------------------------------- lenient cases

/// A success without a `content-type` is read as JSON, and `+json` types are JSON.
#[tokio::test]
async fn json_without_or_with_a_vendor_content_type_is_accepted() {
    let body =
        br#"[{"1": {"company_name": "Garage Martin", "email": "g@m.fr", "plan": "Essentiel"}}]"#;
    let server = serve(ResponseTemplate::new(200).set_body_bytes(body.as_slice())).await;
    let response = client(&server)
        .list_accounts()
        .await
        .expect("no content-type");
    assert!(response.headers().get("content-type").is_none());
    assert_eq!(response[0]["1"].company_name, "Garage Martin");

    let server = serve(ResponseTemplate::new(200).set_body_raw(
        body.as_slice(),
        "application/vnd.magnetis+json; charset=utf-8",
    ))
    .await;
    let response = client(&server).list_accounts().await.expect("+json");
    assert_eq!(response[0]["1"].plan, "Essentiel");
}
