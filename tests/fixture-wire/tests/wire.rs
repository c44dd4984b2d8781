//! The fixture clients on the wire: every parameter style, security scheme, body encoding
//! and response shape that `tests/fixtures/` covers, asserted on what a real HTTP server
//! receives and on what the client decodes.

use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn server_answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "exactly one request");
    requests.remove(0)
}

fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

fn query(request: &Request) -> Vec<(String, String)> {
    request
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

mod query_styles {
    use super::*;
    use fixture_query_styles::models::{FindItemsFilter, FindItemsPoint};

    #[tokio::test]
    async fn every_style_is_spelled_as_openapi_says() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = fixture_query_styles::Client::builder()
            .base_url(server.uri())
            .build()
            .unwrap();
        client
            .find_items(vec![1, 2, 3], "s1", "t-9")
            .tag(vec!["a".into(), "b".into()])
            .color(vec!["red".into(), "blue".into()])
            .words(vec!["x".into(), "y".into()])
            .codes(vec![4, 5])
            .filter(FindItemsFilter {
                status: Some("open".into()),
                owner: Some("me".into()),
            })
            .point(FindItemsPoint {
                x: Some(1),
                y: Some(2),
            })
            .x_versions(vec!["v1".into(), "v2".into()])
            .theme("dark")
            .await
            .unwrap();
        let request = only_request(&server).await;
        assert_eq!(request.url.path(), "/items/1,2,3");
        assert_eq!(
            query(&request),
            [
                ("tag", "a"),
                ("tag", "b"),
                ("color", "red,blue"),
                ("words", "x y"),
                ("codes", "4|5"),
                ("filter[owner]", "me"),
                ("filter[status]", "open"),
                ("x", "1"),
                ("y", "2"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        assert_eq!(header(&request, "x-versions"), Some("v1,v2"));
        assert_eq!(header(&request, "trace"), Some("t-9"));
        assert_eq!(header(&request, "cookie"), Some("session=s1; theme=dark"));
    }

    #[tokio::test]
    async fn unset_optional_parameters_are_left_out() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = fixture_query_styles::Client::builder()
            .base_url(server.uri())
            .build()
            .unwrap();
        client.find_items(vec![7], "s1", "t").await.unwrap();
        let request = only_request(&server).await;
        assert_eq!(request.url.path(), "/items/7");
        assert!(query(&request).is_empty(), "{:?}", query(&request));
        assert_eq!(header(&request, "cookie"), Some("session=s1"));
        assert_eq!(header(&request, "x-versions"), None);
    }
}

mod security {
    use super::*;
    use fixture_security::{Client, Error};

    fn builder(server: &MockServer) -> fixture_security::ClientBuilder {
        Client::builder().base_url(server.uri())
    }

    #[tokio::test]
    async fn bearer_is_the_first_alternative() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = builder(&server)
            .bearer("tok")
            .query_key("qk")
            .build()
            .unwrap();
        client.get_me().await.unwrap();
        let request = only_request(&server).await;
        assert_eq!(header(&request, "authorization"), Some("Bearer tok"));
        assert!(query(&request).is_empty(), "only one alternative is sent");
    }

    #[tokio::test]
    async fn the_query_key_when_it_is_the_only_credential() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = builder(&server).query_key("qk").build().unwrap();
        client.get_me().await.unwrap();
        let request = only_request(&server).await;
        assert_eq!(query(&request), [("api_key".to_owned(), "qk".to_owned())]);
        assert_eq!(header(&request, "authorization"), None);
    }

    #[tokio::test]
    async fn missing_credentials_send_nothing() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = builder(&server).build().unwrap();
        let error = client.get_me().await.unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
        assert!(server.received_requests().await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn public_and_optional_operations() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = builder(&server).bearer("tok").build().unwrap();
        client.get_public().await.unwrap();
        // Credentials optional, and the client has none for `basic`: nothing is sent.
        client.get_maybe().await.unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests.len(), 2);
        assert!(
            requests
                .iter()
                .all(|r| header(r, "authorization").is_none())
        );
    }

    #[tokio::test]
    async fn basic_cookie_and_delegated_tokens() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = builder(&server)
            .basic("ann", Some("pw".into()))
            .cookie_key("c00k")
            .bearer("tok")
            .oauth("oauth-token")
            .build()
            .unwrap();
        client.get_maybe().await.unwrap();
        client.get_both().await.unwrap();
        client.get_delegated().await.unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(
            header(&requests[0], "authorization"),
            Some("Basic YW5uOnB3")
        );
        assert_eq!(header(&requests[1], "cookie"), Some("session=c00k"));
        assert_eq!(header(&requests[1], "authorization"), Some("Bearer tok"));
        assert_eq!(
            header(&requests[2], "authorization"),
            Some("Bearer oauth-token")
        );
        let debug = format!("{client:?}");
        for secret in ["pw", "c00k", "tok", "oauth-token"] {
            assert!(!debug.contains(secret), "{debug}");
        }
    }
}

mod bodies {
    use super::*;
    use fixture_bodies::models::{Note, UploadBody};
    use fixture_bodies::operations::SendEitherBody;

    fn note() -> Note {
        Note {
            text: "hi".into(),
            pinned: Some(true),
        }
    }

    async fn client(server: &MockServer) -> fixture_bodies::Client {
        fixture_bodies::Client::builder()
            .base_url(server.uri())
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn json_and_json_suffix_media_types() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = client(&server).await;
        client.send_json().body(note()).await.unwrap();
        client.merge_note().body(note()).await.unwrap();
        client.send_json().await.unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(
            header(&requests[0], "content-type"),
            Some("application/json")
        );
        let sent: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
        assert_eq!(sent, serde_json::json!({"text": "hi", "pinned": true}));
        assert_eq!(
            header(&requests[1], "content-type"),
            Some("application/merge-patch+json")
        );
        assert!(
            requests[2].body.is_empty(),
            "an optional body left unset sends nothing"
        );
    }

    #[tokio::test]
    async fn form_multipart_binary_and_text() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = client(&server).await;
        client.send_form(note()).await.unwrap();
        client
            .upload(UploadBody {
                file: b"\x00\x01PNG".to_vec(),
                attachments: Some(vec![b"one".to_vec(), b"two".to_vec()]),
                title: Some("report".into()),
                count: Some(3),
                meta: Some(note()),
            })
            .await
            .unwrap();
        client.put_raw(vec![0xde, 0xad]).await.unwrap();
        client.put_text("plain words".into()).await.unwrap();
        let requests = server.received_requests().await.unwrap();

        assert_eq!(
            header(&requests[0], "content-type"),
            Some("application/x-www-form-urlencoded")
        );
        assert_eq!(requests[0].body, b"text=hi&pinned=true");

        let content_type = header(&requests[1], "content-type").unwrap();
        assert!(
            content_type.starts_with("multipart/form-data; boundary="),
            "{content_type}"
        );
        let body = String::from_utf8_lossy(&requests[1].body);
        for part in [
            "name=\"file\"; filename=\"file\"",
            "\x00\x01PNG",
            "name=\"attachments\"; filename=\"attachments\"",
            "one",
            "two",
            "name=\"title\"\r\n\r\nreport",
            "name=\"count\"\r\n\r\n3",
            "name=\"meta\"\r\n\r\n{\"text\":\"hi\",\"pinned\":true}",
        ] {
            assert!(
                body.contains(part),
                "multipart body lacks {part:?}:\n{body}"
            );
        }

        assert_eq!(
            header(&requests[2], "content-type"),
            Some("application/octet-stream")
        );
        assert_eq!(requests[2].body, [0xde, 0xad]);
        assert_eq!(header(&requests[3], "content-type"), Some("text/plain"));
        assert_eq!(requests[3].body, b"plain words");
    }

    #[tokio::test]
    async fn the_caller_chooses_the_media_type() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = client(&server).await;
        client
            .send_either(SendEitherBody::Json(note()))
            .await
            .unwrap();
        client
            .send_either(SendEitherBody::Form(note()))
            .await
            .unwrap();
        client
            .send_either(SendEitherBody::Text("t".into()))
            .await
            .unwrap();
        let requests = server.received_requests().await.unwrap();
        let types: Vec<_> = requests
            .iter()
            .map(|r| header(r, "content-type").unwrap().to_owned())
            .collect();
        assert_eq!(
            types,
            [
                "application/json",
                "application/x-www-form-urlencoded",
                "text/plain"
            ]
        );
    }
}

mod responses {
    use super::*;
    use fixture_responses::operations::{CreateJobError, CreateJobResponse};
    use fixture_responses::{Client, Error};

    async fn create_job(
        template: ResponseTemplate,
    ) -> Result<CreateJobResponse, Error<CreateJobError>> {
        let server = server_answering(template).await;
        let client = Client::builder().base_url(server.uri()).build().unwrap();
        client.create_job().await.map(|r| r.into_body())
    }

    fn json(status: u16, body: serde_json::Value) -> ResponseTemplate {
        ResponseTemplate::new(status).set_body_json(body)
    }

    #[tokio::test]
    async fn each_success_status_has_its_variant() {
        let ok = create_job(json(200, serde_json::json!({"output": "done"})))
            .await
            .unwrap();
        assert!(matches!(ok, CreateJobResponse::Ok(r) if r.output.as_deref() == Some("done")));
        let accepted = create_job(
            json(202, serde_json::json!({"id": "j1"})).insert_header("Location", "/jobs/j1"),
        )
        .await
        .unwrap();
        assert!(
            matches!(accepted, CreateJobResponse::Accepted(job) if job.id.as_deref() == Some("j1"))
        );
        assert_eq!(
            create_job(ResponseTemplate::new(204)).await.unwrap(),
            CreateJobResponse::NoContent
        );
        let other = create_job(ResponseTemplate::new(208).set_body_string("?"))
            .await
            .unwrap();
        assert!(
            matches!(other, CreateJobResponse::Undocumented(raw) if raw.status().as_u16() == 208)
        );
    }

    #[tokio::test]
    async fn each_error_status_decodes_its_body() {
        let error_of = |result: Result<CreateJobResponse, Error<CreateJobError>>| match result {
            Err(Error::Status(response)) => response.error().cloned(),
            other => panic!("expected a status error, got {other:?}"),
        };
        let bad = error_of(create_job(json(400, serde_json::json!({"fields": ["name"]}))).await);
        assert!(
            matches!(bad, Some(CreateJobError::BadRequest(v)) if v.fields == Some(vec!["name".to_owned()]))
        );
        let missing = error_of(create_job(json(404, serde_json::json!({"title": "gone"}))).await);
        assert!(
            matches!(missing, Some(CreateJobError::NotFound(p)) if p.title.as_deref() == Some("gone"))
        );
        let server = error_of(create_job(json(503, serde_json::json!({"title": "busy"}))).await);
        assert!(matches!(server, Some(CreateJobError::ServerError(_))));
        let other = error_of(create_job(json(418, serde_json::json!({"title": "teapot"}))).await);
        assert!(matches!(other, Some(CreateJobError::Other(_))));
    }

    #[tokio::test]
    async fn text_and_binary_bodies() {
        let server = server_answering(
            ResponseTemplate::new(200).set_body_raw(b"a,b\n1,2\n".to_vec(), "text/csv"),
        )
        .await;
        let client = Client::builder().base_url(server.uri()).build().unwrap();
        assert_eq!(client.get_report().await.unwrap().into_body(), "a,b\n1,2\n");
        let server = server_answering(
            ResponseTemplate::new(200).set_body_raw(vec![0x89, b'P', b'N', b'G'], "image/png"),
        )
        .await;
        let client = Client::builder().base_url(server.uri()).build().unwrap();
        assert_eq!(
            client.get_logo().await.unwrap().into_body(),
            vec![0x89, b'P', b'N', b'G']
        );
    }
}

mod composition {
    use super::*;
    use fixture_composition::Client;
    use fixture_composition::models::{GetValueResponse, Pet, Shape};

    async fn client_serving(body: serde_json::Value) -> (MockServer, Client) {
        let server = server_answering(ResponseTemplate::new(200).set_body_json(body)).await;
        let client = Client::builder().base_url(server.uri()).build().unwrap();
        (server, client)
    }

    #[tokio::test]
    async fn discriminated_one_of() {
        let (_server, client) = client_serving(serde_json::json!([
            {"pet_type": "cat", "name": "Tom", "indoor": true},
            {"pet_type": "dog", "name": "Rex", "barks": false},
            {"pet_type": "parrot", "name": "Polly"}
        ]))
        .await;
        let pets = client.list_pets().await.unwrap().into_body();
        assert!(matches!(&pets[0], Pet::Cat(cat) if cat.name == "Tom" && cat.indoor == Some(true)));
        assert!(matches!(&pets[1], Pet::Dog(dog) if dog.name == "Rex" && dog.barks == Some(false)));
        assert!(matches!(&pets[2], Pet::Other(v) if v["name"] == "Polly"));
        // Encoding gives back the same JSON, tag included.
        assert_eq!(serde_json::to_value(&pets[0]).unwrap()["pet_type"], "cat");
    }

    #[tokio::test]
    async fn one_of_told_apart_by_a_constant_property() {
        let (_server, client) = client_serving(serde_json::json!([
            {"kind": "circle", "radius": 1.5},
            {"kind": "square", "side": 2.0}
        ]))
        .await;
        let shapes = client.list_shapes().await.unwrap().into_body();
        assert!(matches!(&shapes[0], Shape::Circle(c) if c.radius == 1.5));
        assert!(matches!(&shapes[1], Shape::Square(s) if s.side == 2.0));
    }

    #[tokio::test]
    async fn untagged_any_of_tries_each_alternative() {
        for (body, check) in [
            (
                serde_json::json!("text"),
                GetValueResponse::String("text".into()),
            ),
            (serde_json::json!(42), GetValueResponse::Integer(42)),
        ] {
            let (_server, client) = client_serving(body).await;
            assert_eq!(client.get_value().await.unwrap().into_body(), check);
        }
        let (_server, client) = client_serving(serde_json::json!({"name": "n"})).await;
        assert!(
            matches!(client.get_value().await.unwrap().into_body(), GetValueResponse::Named(n) if n.name == "n")
        );
    }
}

mod enums_and_servers {
    use super::*;
    use fixture_enums::models::Status;

    #[tokio::test]
    async fn unknown_enum_values_are_kept() {
        let server =
            server_answering(ResponseTemplate::new(200).set_body_json(serde_json::json!([
                {"name": "a", "status": "sold"},
                {"name": "b", "status": "lost-at-sea"}
            ])))
            .await;
        let client = fixture_enums::Client::builder()
            .base_url(server.uri())
            .build()
            .unwrap();
        let pets = client
            .list_pets()
            .status(Status::InReview)
            .await
            .unwrap()
            .into_body();
        assert_eq!(pets[0].status, Status::Sold);
        assert_eq!(pets[1].status, Status::Other("lost-at-sea".into()));
        assert_eq!(
            serde_json::to_value(&pets[1].status).unwrap(),
            "lost-at-sea"
        );
        let request = only_request(&server).await;
        assert_eq!(
            query(&request),
            [("status".to_owned(), "in-review".to_owned())]
        );
    }

    #[tokio::test]
    async fn an_explicit_base_url_wins_over_per_operation_servers() {
        let server = server_answering(ResponseTemplate::new(204)).await;
        let client = fixture_servers::Client::builder()
            .base_url(server.uri())
            .build()
            .unwrap();
        client.list_files().await.unwrap();
        client.upload_file().await.unwrap();
        assert_eq!(server.received_requests().await.unwrap().len(), 2);
        assert_eq!(
            fixture_servers::Client::DEFAULT_BASE_URL,
            "https://demo.api.example.com:443/v2"
        );
    }
}
