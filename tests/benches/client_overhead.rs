//! Client overhead: `cargo bench -p magnetis-tests --bench client_overhead`.
//!
//! An in-process HTTP/1.1 server on loopback (hyper, its own thread and single-threaded
//! tokio runtime) answers `GET /v1/accounts/1/numbers/0033185088892/calls` with the example
//! body of that operation in `spec/magnetis.yaml` (and 400 to any other request line or a
//! missing `x-api-key`). The same requests are sent, on another thread, by:
//!
//! - `generated`: `magnetis_client::Client::get_number_calls(..).date_from(..).date_to(..)
//!   .limit(10).await`;
//! - `hand-written`: reqwest code building the same request (URL, query, `x-api-key`), with
//!   the same per-request timeout the generated client sets by default (30 s), reading the
//!   body and decoding it with serde_json into `Vec<magnetis_client::models::CallMap>`;
//! - `hand-written, no timeout`: the same without the per-request timeout (what a quick
//!   hand-written client often looks like), for reference.
//!
//! They alternate in rounds (A B C, then B C A, ...), each round sending `requests / rounds`
//! requests per contender, first one after the other on one client, then from several
//! concurrent tasks. Requests per second and the ratio generated / hand-written are printed
//! (target: generated at least 97% of hand-written); nothing is asserted.
//!
//! Environment: `CLIENT_BENCH_REQUESTS` (per contender and mode, default 20000),
//! `CLIENT_BENCH_ROUNDS` (default 10), `CLIENT_BENCH_CONCURRENCY` (tasks of the concurrent
//! mode, default 8; 0 skips it).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use magnetis_client::Client;
use magnetis_client::models::CallMap;

const API_KEY: &str = "bench-api-key";
const EXPECTED_URI: &str =
    "/v1/accounts/1/numbers/0033185088892/calls?DateTo=2024-03-31&DateFrom=2024-03-01&limit=10";

/// The example of `GET /accounts/{idacc}/numbers/{phonenumber}/calls`'s 200 response in the
/// spec, as JSON.
fn example_body() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/magnetis.yaml");
    let text = std::fs::read_to_string(path).expect("spec/magnetis.yaml is readable");
    let spec: serde_json::Value = serde_yaml::from_str(&text).expect("the spec is YAML");
    let example = spec
        .pointer(
            "/paths/~1accounts~1{idacc}~1numbers~1{phonenumber}~1calls/get/responses/200\
             /content/application~1json/example",
        )
        .expect("the operation has a JSON example");
    serde_json::to_vec(example).expect("the example serializes")
}

async fn answer(
    request: Request<Incoming>,
    body: Bytes,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let uri_ok = request.uri().path_and_query().map(|p| p.as_str()) == Some(EXPECTED_URI);
    let key_ok = request
        .headers()
        .get("x-api-key")
        .is_some_and(|v| v.as_bytes() == API_KEY.as_bytes());
    let response = if uri_ok && key_ok {
        Response::builder()
            .header("content-type", "application/json")
            .body(Full::new(body))
    } else {
        Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .body(Full::new(Bytes::from(format!(
                "unexpected request {} (x-api-key ok: {key_ok})",
                request.uri()
            ))))
    };
    Ok(response.expect("a valid response"))
}

/// Starts the server on its own thread; returns its address.
fn start_server(body: Bytes) -> SocketAddr {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a loopback port");
            sender
                .send(listener.local_addr().expect("an address"))
                .expect("the bench waits for the address");
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let body = body.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| answer(request, body.clone()));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    receiver.recv().expect("the server starts")
}

fn dates() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date"),
        NaiveDate::from_ymd_opt(2024, 3, 31).expect("a date"),
    )
}

/// One request through the generated client.
async fn generated(client: &Client) -> Vec<CallMap> {
    let (from, to) = dates();
    client
        .get_number_calls("1", "0033185088892")
        .date_from(from)
        .date_to(to)
        .limit(10)
        .await
        .expect("the generated client succeeds")
        .into_body()
}

/// The same request written by hand with reqwest.
async fn hand_written(
    http: &reqwest::Client,
    base_url: &str,
    timeout: Option<Duration>,
) -> Vec<CallMap> {
    let (from, to) = dates();
    let (idacc, phonenumber) = ("1", "0033185088892");
    let mut request = http
        .get(format!(
            "{base_url}/accounts/{idacc}/numbers/{phonenumber}/calls"
        ))
        .query(&[("DateTo", to), ("DateFrom", from)])
        .query(&[("limit", 10)])
        .header("x-api-key", API_KEY);
    if let Some(timeout) = timeout {
        request = request.timeout(timeout);
    }
    let response = request
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .expect("the hand-written client succeeds");
    let body = response.bytes().await.expect("a body");
    serde_json::from_slice(&body).expect("the body decodes")
}

type Call = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Vec<CallMap>> + Send>> + Send + Sync>;

struct Contender {
    name: &'static str,
    call: Call,
    seconds: f64,
    requests: usize,
    round_rates: Vec<f64>,
}

impl Contender {
    fn new(name: &'static str, call: Call) -> Self {
        Self {
            name,
            call,
            seconds: 0.0,
            requests: 0,
            round_rates: Vec::new(),
        }
    }

    fn rate(&self) -> f64 {
        self.requests as f64 / self.seconds
    }
}

/// Sends `count` requests, `tasks` at a time (1: one after the other), returns seconds.
async fn run_round(call: &Call, count: usize, tasks: usize) -> f64 {
    let started = Instant::now();
    if tasks <= 1 {
        for _ in 0..count {
            std::hint::black_box(call().await);
        }
    } else {
        let mut handles = Vec::new();
        for task in 0..tasks {
            let call = Arc::clone(call);
            let share = count / tasks + usize::from(task < count % tasks);
            handles.push(tokio::spawn(async move {
                for _ in 0..share {
                    std::hint::black_box(call().await);
                }
            }));
        }
        for handle in handles {
            handle.await.expect("a task");
        }
    }
    started.elapsed().as_secs_f64()
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn measure(contenders: &mut [Contender], requests: usize, rounds: usize, tasks: usize) {
    // Warm-up: connections opened, pools filled, code paged in.
    for contender in contenders.iter() {
        run_round(
            &contender.call,
            (requests / 20).clamp(tasks.max(1), 1000),
            tasks,
        )
        .await;
    }
    let per_round = requests.div_ceil(rounds);
    for round in 0..rounds {
        for offset in 0..contenders.len() {
            let index = (round + offset) % contenders.len();
            let contender = &mut contenders[index];
            let seconds = run_round(&contender.call, per_round, tasks).await;
            contender.seconds += seconds;
            contender.requests += per_round;
            contender.round_rates.push(per_round as f64 / seconds);
        }
    }
    let baseline = contenders
        .iter()
        .find(|c| c.name == "hand-written")
        .map(Contender::rate)
        .unwrap_or(f64::NAN);
    let mode = if tasks <= 1 {
        "sequential, one client".to_owned()
    } else {
        format!("{tasks} concurrent tasks, one client")
    };
    println!("\n{mode}: {rounds} rounds of {per_round} requests per contender");
    println!(
        "{:<26} {:>9} {:>10} {:>10} {:>10} {:>9} {:>13}",
        "contender", "requests", "req/s", "min round", "max round", "µs/req", "vs hand-wr."
    );
    for contender in contenders.iter() {
        let min = contender
            .round_rates
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min);
        let max = contender.round_rates.iter().copied().fold(0.0, f64::max);
        println!(
            "{:<26} {:>9} {:>10.0} {:>10.0} {:>10.0} {:>9.1} {:>12.1}%",
            contender.name,
            contender.requests,
            contender.rate(),
            min,
            max,
            contender.seconds * 1e6 / contender.requests as f64,
            contender.rate() / baseline * 100.0
        );
    }
    if let Some(generated) = contenders.iter().find(|c| c.name == "generated") {
        let ratio = generated.rate() / baseline;
        println!(
            "generated / hand-written = {:.1}% (target >= 97%: {})",
            ratio * 100.0,
            if ratio >= 0.97 { "met" } else { "MISSED" }
        );
    }
}

fn main() {
    // `cargo test --benches` runs this binary without `--bench`: do one check and stop.
    let bench_mode = std::env::args().any(|a| a == "--bench");
    let requests = env_usize("CLIENT_BENCH_REQUESTS", 20_000).max(1);
    let rounds = env_usize("CLIENT_BENCH_ROUNDS", 10).clamp(1, requests);
    let concurrency = env_usize("CLIENT_BENCH_CONCURRENCY", 8);

    let address = start_server(Bytes::from(example_body()));
    let base_url = format!("http://{address}/v1");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async move {
        let client = Client::builder()
            .base_url(&base_url)
            .api_key(API_KEY)
            .build()
            .expect("the client builds");
        // The same reqwest settings as the generated client's defaults.
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .user_agent("magnetis-client/0.1.0")
            .build()
            .expect("reqwest builds");

        // Both send an accepted request and decode the same value.
        let expected = generated(&client).await;
        assert_eq!(expected.len(), 2, "the example has two call maps");
        assert_eq!(
            hand_written(&http, &base_url, Some(Duration::from_secs(30))).await,
            expected
        );
        if !bench_mode {
            println!("client_overhead: both clients agree (run with `cargo bench` to measure)");
            return;
        }

        let timeout = Duration::from_secs(30);
        let generated_call: Call = {
            let client = client.clone();
            Arc::new(move || {
                let client = client.clone();
                Box::pin(async move { generated(&client).await })
            })
        };
        // Shared state is one `Arc` clone per request, as for the generated `Client`.
        let shared = Arc::new((http.clone(), base_url.clone()));
        let hand_call = |timeout: Option<Duration>| -> Call {
            let shared = Arc::clone(&shared);
            Arc::new(move || {
                let shared = Arc::clone(&shared);
                Box::pin(async move { hand_written(&shared.0, &shared.1, timeout).await })
            })
        };
        println!(
            "client overhead: GET {EXPECTED_URI} -> {} bytes of JSON, server on {address}",
            example_body().len()
        );
        let mut modes = vec![1];
        if concurrency > 1 {
            modes.push(concurrency);
        }
        for tasks in modes {
            let mut contenders = vec![
                Contender::new("generated", Arc::clone(&generated_call)),
                Contender::new("hand-written", hand_call(Some(timeout))),
                Contender::new("hand-written, no timeout", hand_call(None)),
            ];
            measure(&mut contenders, requests, rounds, tasks).await;
        }
    });
}
