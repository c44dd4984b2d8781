//! Every operation of `spec/magnetis.yaml`, called once through the generated client
//! against a wiremock server on loopback: the test checks what the server received
//! (method, path, every query parameter by wire name and value, the `x-api-key` header or
//! its absence, the body and its content type), serves the spec's documented example
//! response, and checks the decoded value field by field, then as a whole.

mod common;

use std::sync::OnceLock;

use chrono::NaiveDate;
use common::{API_KEY, PREFIX, client};
use magnetis_client::Response;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A header the mock adds to every response, to check that response headers reach the caller.
const REQUEST_ID: &str = "x-request-id";

fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        serde_yaml::from_str(&magnetis_tests::read("spec/magnetis.yaml")).expect("the spec is YAML")
    })
}

/// The documented example of the 200 `application/json` response of `method path`.
fn example(path: &str, method: &str) -> Value {
    let example = &spec()["paths"][path][method]["responses"]["200"]["content"]["application/json"]
        ["example"];
    assert!(
        !example.is_null(),
        "the spec has no 200 example for {method} {path}"
    );
    example.clone()
}

/// A server answering any request with 200, `body` as JSON and the custom header.
async fn serve_json(body: &Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(REQUEST_ID, "req-42")
                .set_body_json(body),
        )
        .mount(&server)
        .await;
    server
}

/// A server answering any request as API Gateway's CORS mock integration would.
async fn serve_preflight() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(REQUEST_ID, "req-42")
                .insert_header("access-control-allow-origin", "*")
                .insert_header("access-control-allow-methods", "GET,OPTIONS")
                .insert_header(
                    "access-control-allow-headers",
                    "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token",
                ),
        )
        .mount(&server)
        .await;
    server
}

/// Whether a request must carry the API key.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Auth {
    Key,
    None,
}

/// What the server must have received.
struct Expected<'a> {
    method: &'a str,
    /// The path under the base URL's prefix, as sent on the wire (already encoded).
    path: &'a str,
    /// Every query parameter, by wire name and decoded value, in any order.
    query: &'a [(&'a str, &'a str)],
    auth: Auth,
    /// The JSON body; `None` when no body may be sent.
    body: Option<Value>,
}

/// The only request `server` received.
async fn only_request(server: &MockServer) -> Request {
    let mut requests = server
        .received_requests()
        .await
        .expect("request recording is on");
    assert_eq!(requests.len(), 1, "exactly one request: {requests:?}");
    requests.remove(0)
}

async fn assert_received(server: &MockServer, expected: Expected<'_>) {
    let request = only_request(server).await;
    assert_eq!(request.method.as_str(), expected.method);
    assert_eq!(request.url.path(), format!("{PREFIX}{}", expected.path));

    let mut query: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
    query.sort();
    let mut wanted: Vec<(String, String)> = expected
        .query
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    wanted.sort();
    assert_eq!(query, wanted, "query of {}", request.url);
    if wanted.is_empty() {
        assert_eq!(request.url.query(), None, "no query string at all");
    }

    let key = request
        .headers
        .get_all("x-api-key")
        .iter()
        .collect::<Vec<_>>();
    match expected.auth {
        Auth::Key => assert_eq!(key, [API_KEY], "one x-api-key header with the key"),
        Auth::None => assert!(key.is_empty(), "a preflight sends no x-api-key: {key:?}"),
    }

    let content_type = request
        .headers
        .get("content-type")
        .map(|v| v.to_str().unwrap());
    match expected.body {
        Some(body) => {
            assert_eq!(content_type, Some("application/json"));
            let sent: Value = serde_json::from_slice(&request.body).expect("the body is JSON");
            assert_eq!(sent, body);
        }
        None => {
            assert_eq!(content_type, None, "no body, so no content type");
            assert!(
                request.body.is_empty(),
                "no body: {:?}",
                String::from_utf8_lossy(&request.body)
            );
        }
    }
}

/// The status and the custom header of the mock reach the caller.
fn assert_meta<T>(response: &Response<T>) {
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response
            .headers()
            .get(REQUEST_ID)
            .map(|v| v.to_str().unwrap()),
        Some("req-42")
    );
}

/// Serialising the decoded body gives back the served JSON: nothing was lost or renamed.
macro_rules! assert_round_trip {
    ($decoded:expr, $served:expr) => {
        assert_eq!(
            serde_json::to_value($decoded).expect("models serialize"),
            *$served
        )
    };
}

fn march(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, day).unwrap()
}

/// The dates and limit sent by the operations that take them, and their wire form.
const PERIOD: [(&str, &str); 3] = [
    ("DateFrom", "2024-03-01"),
    ("DateTo", "2024-03-31"),
    ("limit", "10"),
];

// ---------------------------------------------------------------- Accounts

#[tokio::test]
async fn list_accounts() {
    let served = example("/accounts", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .list_accounts()
        .await
        .expect("list_accounts");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts",
            query: &[],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 2);
    let dupont = &response[0]["1"];
    assert_eq!(dupont.company_name, "Cabinet Dupont Immobilier");
    assert_eq!(dupont.email, "contact@dupont-immobilier.fr");
    assert_eq!(dupont.plan, "Business");
    let martin = &response[1]["2"];
    assert_eq!(martin.company_name, "Garage Martin");
    assert_eq!(martin.email, "garage.martin@example.fr");
    assert_eq!(martin.plan, "Essentiel");
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn get_accounts_chrome() {
    // The spec documents no body (any JSON value), so serve something of our own.
    let served = json!({"accounts": [{"idacc": "1", "name": "Cabinet Dupont"}], "extension": true});
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_accounts_chrome()
        .await
        .expect("get_accounts_chrome");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/chrome",
            query: &[],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);
    assert_eq!(response["accounts"][0]["idacc"], "1");
    assert_eq!(response["extension"], true);
    assert_eq!(response.body(), &served);
}

// ---------------------------------------------------------------- Statistics

#[tokio::test]
async fn get_account_kpi() {
    let served = example("/accounts/kpi", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_account_kpi()
        .date_from(march(1))
        .date_to(march(31))
        .limit(10)
        .await
        .expect("get_account_kpi");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/kpi",
            query: &PERIOD,
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 1);
    let kpi = &response[0]["1"];
    assert_eq!((kpi.call, kpi.time, kpi.lost), (152, 23760, 12));
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn get_calls_by_day() {
    let served = example("/accounts/{idacc}/callbyday", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_calls_by_day("1")
        .date_from(march(1))
        .date_to(march(31))
        .limit(10)
        .await
        .expect("get_calls_by_day");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/callbyday",
            query: &PERIOD,
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 2);
    let day = &response[0]["2024-03-14"];
    assert_eq!(day.jour, "2024-03-14");
    let stats = &day.numeros["4521"];
    assert_eq!(stats.numnumero, 4521);
    assert_eq!(stats.supportnumero, "Site web");
    assert_eq!(stats.numero, "0033185088892");
    assert_eq!((stats.nbcall, stats.timecall), (9, 1245));
    let day = &response[1]["2024-03-15"];
    assert_eq!(day.numeros.len(), 2);
    let ads = &day.numeros["4522"];
    assert_eq!(
        (
            ads.numnumero,
            ads.supportnumero.as_str(),
            ads.numero.as_str()
        ),
        (4522, "Google Ads", "0033185088893")
    );
    assert_eq!((ads.nbcall, ads.timecall), (3, 402));
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn get_calls_by_month() {
    let served = example("/accounts/{idacc}/callbymonth", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_calls_by_month("1")
        .month_back(6)
        .await
        .expect("get_calls_by_month");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/callbymonth",
            query: &[("MonthBack", "6")],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 2);
    let february = &response[0]["2024-02"];
    assert_eq!(
        (february.month.as_str(), february.year.as_str()),
        ("02", "2024")
    );
    assert_eq!((february.nbcall, february.timecall), (131, 20115));
    let march = &response[1]["2024-03"];
    assert_eq!((march.month.as_str(), march.year.as_str()), ("03", "2024"));
    assert_eq!((march.nbcall, march.timecall), (152, 23760));
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn get_calls_by_month_by_number() {
    let served = example("/accounts/{idacc}/callbymonthbynumber", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_calls_by_month_by_number("1")
        .month_back(0)
        .await
        .expect("get_calls_by_month_by_number");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/callbymonthbynumber",
            query: &[("MonthBack", "0")],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 1);
    let month = &response[0]["2024-03"];
    assert_eq!((month.month.as_str(), month.year.as_str()), ("03", "2024"));
    let web = &month.numeros["4521"];
    assert_eq!(
        (
            web.numnumero,
            web.supportnumero.as_str(),
            web.numero.as_str()
        ),
        (4521, "Site web", "0033185088892")
    );
    assert_eq!((web.nbcall, web.timecall), (118, 18430));
    let ads = &month.numeros["4522"];
    assert_eq!((ads.nbcall, ads.timecall), (34, 5330));
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn get_calls_geo_france() {
    let served = example("/accounts/{idacc}/callgeofrance", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_calls_geo_france("1")
        .date_from(march(1))
        .date_to(march(31))
        .await
        .expect("get_calls_geo_france");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/callgeofrance",
            query: &[("DateFrom", "2024-03-01"), ("DateTo", "2024-03-31")],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 2);
    assert_eq!(response[0]["01"].call, 87);
    assert_eq!(response[1]["04"].call, 23);
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn get_number_kpi() {
    let served = example("/accounts/{idacc}/numbers/{phonenumber}/kpi", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_number_kpi("1", "0033185088892")
        .date_from(march(1))
        .date_to(march(31))
        .limit(10)
        .await
        .expect("get_number_kpi");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/numbers/0033185088892/kpi",
            query: &PERIOD,
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 1);
    let kpi = &response[0]["0033185088892"];
    assert_eq!((kpi.call, kpi.time, kpi.lost), (118, 18430, 7));
    assert_round_trip!(response.body(), &served);
}

// ---------------------------------------------------------------- Numbers

#[tokio::test]
async fn add_number() {
    let served = example("/accounts/{idacc}/numbers", "post");
    let server = serve_json(&served).await;
    let response = client(&server)
        .add_number("1", Default::default())
        .areacode("01")
        .name("Site web")
        .recipientphonenumber("0033612345678")
        .country("FR")
        .await
        .expect("add_number");
    assert_received(
        &server,
        Expected {
            method: "POST",
            path: "/accounts/1/numbers",
            query: &[
                ("areacode", "01"),
                ("name", "Site web"),
                ("recipientphonenumber", "0033612345678"),
                ("country", "FR"),
            ],
            auth: Auth::Key,
            body: Some(json!({})),
        },
    )
    .await;
    // The body is exactly `{}`, as the spec says to send.
    assert_eq!(only_request(&server).await.body, b"{}");
    assert_meta(&response);

    assert_eq!(response.len(), 1);
    let added = &response[0];
    assert_eq!(added.number, "0033185088894");
    assert_eq!(added.name, "Site web");
    assert_eq!(added.recipientphonenumber, "0033612345678");
    assert_eq!(added.recipientname, "Accueil Paris");
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn list_numbers() {
    let served = example("/accounts/{idacc}/numbers/getlist", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .list_numbers("1")
        .await
        .expect("list_numbers");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/numbers/getlist",
            query: &[],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 2);
    let number = &response[0].phonenumber;
    assert_eq!(number.numero, "0033185088892");
    assert_eq!(number.supportnumero, "Site web");
    assert_eq!(number.format_international, "+33 1 85 08 88 92");
    assert_eq!(number.format_national, "01 85 08 88 92");
    assert_eq!(number.pays_numero, "FR");
    assert_eq!(number.type_numero, "geographique");
    let recipient = &response[0].destinataire;
    assert_eq!(recipient.teldestinataire, "0033612345678");
    assert_eq!(recipient.nomdestinataire, "Accueil Paris");
    assert_eq!(recipient.format_international, "+33 6 12 34 56 78");
    assert_eq!(recipient.format_national, "06 12 34 56 78");
    assert_eq!(recipient.pays_numero, "FR");
    assert_eq!(recipient.type_numero, "mobile");
    assert_eq!(response[1].phonenumber.supportnumero, "Google Ads");
    assert_eq!(response[1].destinataire.nomdestinataire, "Standard");
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn set_number_destination() {
    let served = example(
        "/accounts/{idacc}/numbers/{phonenumber}/destination",
        "post",
    );
    let server = serve_json(&served).await;
    let response = client(&server)
        .set_number_destination("1", "0033185088892")
        .name("Agence Lyon")
        .recipientphonenumber("0033478901234")
        .await
        .expect("set_number_destination");
    assert_received(
        &server,
        Expected {
            method: "POST",
            path: "/accounts/1/numbers/0033185088892/destination",
            query: &[
                ("name", "Agence Lyon"),
                ("recipientphonenumber", "0033478901234"),
            ],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 1);
    let change = &response[0];
    assert_eq!(change.number, "0033185088892");
    assert_eq!(change.previous_recipientphonenumber, "0033612345678");
    assert_eq!(change.previous_recipientname, "Accueil Paris");
    assert_eq!(change.new_recipientphonenumber, "0033478901234");
    assert_eq!(change.new_recipientname, "Agence Lyon");
    assert_round_trip!(response.body(), &served);
}

// ---------------------------------------------------------------- Calls

#[tokio::test]
async fn get_number_calls() {
    let served = example("/accounts/{idacc}/numbers/{phonenumber}/calls", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_number_calls("1", "0033185088892")
        .date_from(march(1))
        .date_to(march(31))
        .limit(10)
        .await
        .expect("get_number_calls");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/numbers/0033185088892/calls",
            query: &PERIOD,
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 2);
    let call = &response[0]["987654"];
    assert_eq!(call.datecall, "2024-03-15");
    assert_eq!(call.heurecall, "14:32:05");
    assert_eq!(call.timestampcall, 1_710_513_125);
    assert_eq!(call.calling_number, "0033612345678");
    assert_eq!(call.called_number, "0033185088892");
    assert_eq!(call.support_numero, "Site web");
    assert_eq!(call.duration, 87);
    assert_eq!(call.type_numero, "geographique");
    assert_eq!(call.pays_numero, "FR");
    let missed = &response[1]["987655"];
    assert_eq!(
        (missed.calling_number.as_str(), missed.duration),
        ("0033478901234", 0)
    );
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn search_calls() {
    let served = example("/accounts/{idacc}/search", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .search_calls("1")
        .calling_number("0033612345678")
        .date_from(march(1))
        .date_to(march(31))
        .limit(10)
        .await
        .expect("search_calls");
    let mut query = PERIOD.to_vec();
    query.push(("callingNumber", "0033612345678"));
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/search",
            query: &query,
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 1);
    let call = &response[0]["987654"];
    assert_eq!(call.calling_number, "0033612345678");
    assert_eq!(call.timestampcall, 1_710_513_125);
    assert_eq!(call.duration, 87);
    assert_round_trip!(response.body(), &served);
}

// ---------------------------------------------------------------- Recipients

#[tokio::test]
async fn list_recipients() {
    let served = example("/accounts/{idacc}/recipients", "get");
    let server = serve_json(&served).await;
    let response = client(&server)
        .list_recipients("1")
        .await
        .expect("list_recipients");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/recipients",
            query: &[],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 2);
    let paris = &response[0]["0033612345678"];
    assert_eq!(
        (
            paris.idrecipient,
            paris.name.as_str(),
            paris.recipientphonenumber.as_str()
        ),
        (311, "Accueil Paris", "0033612345678")
    );
    let lyon = &response[1]["0033478901234"];
    assert_eq!(
        (
            lyon.idrecipient,
            lyon.name.as_str(),
            lyon.recipientphonenumber.as_str()
        ),
        (312, "Agence Lyon", "0033478901234")
    );
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn add_recipient() {
    let served = example("/accounts/{idacc}/recipients", "post");
    let server = serve_json(&served).await;
    let response = client(&server)
        .add_recipient("1")
        .phonenumber("0033612345678")
        .name("Accueil Paris")
        .await
        .expect("add_recipient");
    assert_received(
        &server,
        Expected {
            method: "POST",
            path: "/accounts/1/recipients",
            query: &[("phonenumber", "0033612345678"), ("name", "Accueil Paris")],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);

    assert_eq!(response.len(), 1);
    let added = &response[0]["0033612345678"];
    assert_eq!(
        (
            added.idrecipient,
            added.name.as_str(),
            added.recipientphonenumber.as_str()
        ),
        (313, "Accueil Paris", "0033612345678")
    );
    assert_round_trip!(response.body(), &served);
}

#[tokio::test]
async fn get_recipient_tracked_number() {
    // No documented body (any JSON value): serve a plausible one.
    let served =
        json!([{"0033185088892": {"numero": "0033185088892", "supportnumero": "Site web"}}]);
    let server = serve_json(&served).await;
    let response = client(&server)
        .get_recipient_tracked_number("1", "0033612345678")
        .await
        .expect("get_recipient_tracked_number");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/accounts/1/recipients/0033612345678/trackednumber",
            query: &[],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);
    assert_eq!(response[0]["0033185088892"]["supportnumero"], "Site web");
    assert_eq!(response.body(), &served);
}

// ---------------------------------------------------------------- Diagnostics

#[tokio::test]
async fn get_test() {
    let served = json!("ok");
    let server = serve_json(&served).await;
    let response = client(&server).get_test().await.expect("get_test");
    assert_received(
        &server,
        Expected {
            method: "GET",
            path: "/test",
            query: &[],
            auth: Auth::Key,
            body: None,
        },
    )
    .await;
    assert_meta(&response);
    assert_eq!(response.body(), &json!("ok"));
}

// ---------------------------------------------------------------- Preflights

/// One test per CORS preflight: `OPTIONS`, the right path, no key, no body, and the
/// response's status and `Access-Control-Allow-*` headers reach the caller.
macro_rules! preflight {
    ($name:ident, $path:literal, |$client:ident| $call:expr) => {
        #[tokio::test]
        async fn $name() {
            let server = serve_preflight().await;
            let $client = client(&server);
            let response: Response<()> = $call.await.expect(stringify!($name));
            assert_received(
                &server,
                Expected {
                    method: "OPTIONS",
                    path: $path,
                    query: &[],
                    auth: Auth::None,
                    body: None,
                },
            )
            .await;
            assert_meta(&response);
            let allowed = response
                .headers()
                .get("access-control-allow-methods")
                .map(|v| v.to_str().unwrap());
            assert_eq!(allowed, Some("GET,OPTIONS"));
            assert_eq!(
                response
                    .headers()
                    .get("access-control-allow-origin")
                    .unwrap(),
                "*"
            );
        }
    };
}

preflight!(preflight_accounts_chrome, "/accounts/chrome", |c| c
    .preflight_accounts_chrome());
preflight!(preflight_account_kpi, "/accounts/kpi", |c| c
    .preflight_account_kpi());
preflight!(preflight_calls_by_day, "/accounts/1/callbyday", |c| c
    .preflight_calls_by_day("1"));
preflight!(preflight_calls_by_month, "/accounts/1/callbymonth", |c| c
    .preflight_calls_by_month("1"));
preflight!(
    preflight_calls_by_month_by_number,
    "/accounts/1/callbymonthbynumber",
    |c| c.preflight_calls_by_month_by_number("1")
);
preflight!(
    preflight_calls_geo_france,
    "/accounts/1/callgeofrance",
    |c| c.preflight_calls_geo_france("1")
);
preflight!(preflight_numbers, "/accounts/1/numbers", |c| c
    .preflight_numbers("1"));
preflight!(preflight_number_list, "/accounts/1/numbers/getlist", |c| c
    .preflight_number_list("1"));
preflight!(
    preflight_number_calls,
    "/accounts/1/numbers/0033185088892/calls",
    |c| c.preflight_number_calls("1", "0033185088892")
);
preflight!(
    preflight_number_destination,
    "/accounts/1/numbers/0033185088892/destination",
    |c| c.preflight_number_destination("1", "0033185088892")
);
preflight!(
    preflight_number_kpi,
    "/accounts/1/numbers/0033185088892/kpi",
    |c| c.preflight_number_kpi("1", "0033185088892")
);
preflight!(preflight_recipients, "/accounts/1/recipients", |c| c
    .preflight_recipients("1"));
preflight!(
    preflight_recipient,
    "/accounts/1/recipients/0033612345678",
    |c| c.preflight_recipient("1", "0033612345678")
);
preflight!(
    preflight_recipient_tracked_number,
    "/accounts/1/recipients/0033612345678/trackednumber",
    |c| c.preflight_recipient_tracked_number("1", "0033612345678")
);
preflight!(preflight_search_calls, "/accounts/1/search", |c| c
    .preflight_search_calls("1"));

// ---------------------------------------------------------------- Coverage and responses

/// The tests above cover every operation of the spec: a new operation fails this test
/// until it gets its own.
#[test]
fn every_operation_of_the_spec_is_tested() {
    let tested = [
        "list_accounts",
        "get_accounts_chrome",
        "get_account_kpi",
        "get_calls_by_day",
        "get_calls_by_month",
        "get_calls_by_month_by_number",
        "get_calls_geo_france",
        "get_number_kpi",
        "add_number",
        "list_numbers",
        "set_number_destination",
        "get_number_calls",
        "search_calls",
        "list_recipients",
        "add_recipient",
        "get_recipient_tracked_number",
        "get_test",
        "preflight_accounts_chrome",
        "preflight_account_kpi",
        "preflight_calls_by_day",
        "preflight_calls_by_month",
        "preflight_calls_by_month_by_number",
        "preflight_calls_geo_france",
        "preflight_numbers",
        "preflight_number_list",
        "preflight_number_calls",
        "preflight_number_destination",
        "preflight_number_kpi",
        "preflight_recipients",
        "preflight_recipient",
        "preflight_recipient_tracked_number",
        "preflight_search_calls",
    ];
    let mut in_spec: Vec<&str> = spec()["paths"]
        .as_object()
        .expect("paths")
        .values()
        .flat_map(|item| item.as_object().expect("path item").values())
        .filter_map(|operation| operation.get("operationId").and_then(Value::as_str))
        .collect();
    in_spec.sort_unstable();
    let mut tested = tested.to_vec();
    tested.sort_unstable();
    assert_eq!(tested, in_spec);
    assert_eq!(tested.len(), 32);
}

/// A success status other than 200 and several custom headers are passed through as sent.
#[tokio::test]
async fn success_status_and_headers_are_the_servers() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(203)
                .insert_header("x-ratelimit-remaining", "99")
                .append_header("x-trace", "a")
                .append_header("x-trace", "b")
                .set_body_json(json!([])),
        )
        .mount(&server)
        .await;
    let response = client(&server)
        .list_accounts()
        .await
        .expect("a 2XX is a success");
    assert_eq!(response.status().as_u16(), 203);
    assert_eq!(
        response.headers().get("x-ratelimit-remaining").unwrap(),
        "99"
    );
    let traces: Vec<_> = response
        .headers()
        .get_all("x-trace")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(traces, ["a", "b"]);
    assert!(response.is_empty());
    let (status, headers, body) = response.into_parts();
    assert_eq!(
        (status.as_u16(), headers.len() >= 3, body.len()),
        (203, true, 0)
    );
}
