//! A tour of the Magnetis API: calls every operation of the spec once and prints one line
//! per call (operation, HTTP status, a short summary of the decoded result).
//!
//! ```sh
//! MAGNETIS_BASE_URL=http://127.0.0.1:4010 MAGNETIS_API_KEY=demo-key \
//!     cargo run -q -p magnetis-client --example tour
//! ```
//!
//! `MAGNETIS_BASE_URL` defaults to the spec's server ([`Client::DEFAULT_BASE_URL`]),
//! `MAGNETIS_API_KEY` to `demo-key`. Exits with a failure status when any call fails.
//!
//! Hand-written: the generator never touches `examples/`.

use std::collections::BTreeMap;
use std::future::IntoFuture;
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use magnetis_client::{Client, Error, Response};

/// The account and tracked number of the reference's cURL sample.
const IDACC: &str = "1";
const PHONENUMBER: &str = "0033185088892";
const RECIPIENT: &str = "0033612345678";

/// Counts the calls made and the calls that failed.
#[derive(Default)]
struct Tour {
    calls: usize,
    failures: usize,
}

impl Tour {
    /// Sends one request, prints one line about it and remembers whether it failed.
    async fn call<R, T, E>(
        &mut self,
        operation: &str,
        request: R,
        summary: impl FnOnce(&T) -> String,
    ) where
        R: IntoFuture<Output = Result<Response<T>, Error<E>>>,
    {
        self.calls += 1;
        match request.await {
            Ok(response) => {
                println!(
                    "{operation:<36} {:>3}  {}",
                    response.status().as_u16(),
                    summary(response.body())
                );
            }
            Err(error) => {
                self.failures += 1;
                let status = error
                    .status()
                    .map_or_else(|| "---".to_owned(), |s| s.as_u16().to_string());
                println!("{operation:<36} {status:>3}  FAILED: {error}");
            }
        }
    }
}

/// Number of distinct keys over all the maps of an array body (the spec says to merge them).
fn keys<V>(maps: &[BTreeMap<String, V>]) -> usize {
    maps.iter()
        .flat_map(BTreeMap::keys)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn json_summary(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Array(items) => plural(items.len(), "JSON item"),
        serde_json::Value::Object(fields) => plural(fields.len(), "JSON field"),
        other => format!("JSON {}", truncate(&other.to_string())),
    }
}

fn truncate(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() > MAX {
        format!("{}...", text.chars().take(MAX).collect::<String>())
    } else {
        text.to_owned()
    }
}

fn preflight(_: &()) -> String {
    "preflight ok (no body)".to_owned()
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid calendar date")
}

#[tokio::main]
async fn main() -> ExitCode {
    let base_url = env_or("MAGNETIS_BASE_URL", Client::DEFAULT_BASE_URL);
    let api_key = env_or("MAGNETIS_API_KEY", "demo-key");
    let client = match Client::builder()
        .base_url(base_url)
        .api_key(api_key)
        .timeout(Duration::from_secs(20))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("cannot build the client: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("Magnetis API tour against {}", client.base_url());

    let from = date(2024, 3, 1);
    let to = date(2024, 3, 31);
    let c = &client;
    let mut tour = Tour::default();

    // Accounts
    tour.call("list_accounts", c.list_accounts(), |body| {
        plural(keys(body), "account")
    })
    .await;
    tour.call("get_accounts_chrome", c.get_accounts_chrome(), json_summary)
        .await;
    tour.call(
        "preflight_accounts_chrome",
        c.preflight_accounts_chrome(),
        preflight,
    )
    .await;

    // Statistics
    tour.call(
        "get_account_kpi",
        c.get_account_kpi().date_from(from).date_to(to).limit(10),
        |body| {
            let calls: i64 = body.iter().flat_map(|m| m.values()).map(|k| k.call).sum();
            format!("{}, {} calls", plural(keys(body), "account KPI"), calls)
        },
    )
    .await;
    tour.call(
        "preflight_account_kpi",
        c.preflight_account_kpi(),
        preflight,
    )
    .await;
    tour.call(
        "get_calls_by_day",
        c.get_calls_by_day(IDACC)
            .date_from(from)
            .date_to(to)
            .limit(10),
        |body| plural(keys(body), "day"),
    )
    .await;
    tour.call(
        "preflight_calls_by_day",
        c.preflight_calls_by_day(IDACC),
        preflight,
    )
    .await;
    tour.call(
        "get_calls_by_month",
        c.get_calls_by_month(IDACC).month_back(6),
        |body| {
            let calls: i64 = body.iter().flat_map(|m| m.values()).map(|m| m.nbcall).sum();
            format!("{}, {} calls", plural(keys(body), "month"), calls)
        },
    )
    .await;
    tour.call(
        "preflight_calls_by_month",
        c.preflight_calls_by_month(IDACC),
        preflight,
    )
    .await;
    tour.call(
        "get_calls_by_month_by_number",
        c.get_calls_by_month_by_number(IDACC).month_back(6),
        |body| plural(keys(body), "month"),
    )
    .await;
    tour.call(
        "preflight_calls_by_month_by_number",
        c.preflight_calls_by_month_by_number(IDACC),
        preflight,
    )
    .await;
    tour.call(
        "get_calls_geo_france",
        c.get_calls_geo_france(IDACC).date_from(from).date_to(to),
        |body| plural(keys(body), "area code"),
    )
    .await;
    tour.call(
        "preflight_calls_geo_france",
        c.preflight_calls_geo_france(IDACC),
        preflight,
    )
    .await;
    tour.call(
        "get_number_kpi",
        c.get_number_kpi(IDACC, PHONENUMBER)
            .date_from(from)
            .date_to(to)
            .limit(10),
        |body| {
            let calls: i64 = body.iter().flat_map(|m| m.values()).map(|k| k.call).sum();
            format!("{}, {} calls", plural(keys(body), "number KPI"), calls)
        },
    )
    .await;
    tour.call(
        "preflight_number_kpi",
        c.preflight_number_kpi(IDACC, PHONENUMBER),
        preflight,
    )
    .await;

    // Numbers
    tour.call(
        "add_number",
        c.add_number(IDACC, Default::default())
            .areacode("01")
            .name("Site web")
            .recipientphonenumber(RECIPIENT)
            .country("FR"),
        |body| match body.first() {
            Some(added) => format!("{} added ({})", plural(body.len(), "number"), added.number),
            None => plural(0, "number") + " added",
        },
    )
    .await;
    tour.call("preflight_numbers", c.preflight_numbers(IDACC), preflight)
        .await;
    tour.call("list_numbers", c.list_numbers(IDACC), |body| {
        plural(body.len(), "tracked number")
    })
    .await;
    tour.call(
        "preflight_number_list",
        c.preflight_number_list(IDACC),
        preflight,
    )
    .await;
    tour.call(
        "set_number_destination",
        c.set_number_destination(IDACC, PHONENUMBER)
            .name("Agence Lyon")
            .recipientphonenumber("0033478901234"),
        |body| match body.first() {
            Some(change) => format!(
                "{} -> {} ({})",
                change.previous_recipientphonenumber,
                change.new_recipientphonenumber,
                change.new_recipientname
            ),
            None => "no change reported".to_owned(),
        },
    )
    .await;
    tour.call(
        "preflight_number_destination",
        c.preflight_number_destination(IDACC, PHONENUMBER),
        preflight,
    )
    .await;

    // Calls
    tour.call(
        "get_number_calls",
        c.get_number_calls(IDACC, PHONENUMBER)
            .date_from(from)
            .date_to(to)
            .limit(10),
        |body| plural(keys(body), "call"),
    )
    .await;
    tour.call(
        "preflight_number_calls",
        c.preflight_number_calls(IDACC, PHONENUMBER),
        preflight,
    )
    .await;
    tour.call(
        "search_calls",
        c.search_calls(IDACC)
            .calling_number(RECIPIENT)
            .date_from(from)
            .date_to(to)
            .limit(10),
        |body| plural(keys(body), "call"),
    )
    .await;
    tour.call(
        "preflight_search_calls",
        c.preflight_search_calls(IDACC),
        preflight,
    )
    .await;

    // Recipients
    tour.call("list_recipients", c.list_recipients(IDACC), |body| {
        plural(keys(body), "recipient")
    })
    .await;
    tour.call(
        "add_recipient",
        c.add_recipient(IDACC)
            .phonenumber(RECIPIENT)
            .name("Accueil Paris"),
        |body| plural(keys(body), "recipient") + " added",
    )
    .await;
    tour.call(
        "preflight_recipients",
        c.preflight_recipients(IDACC),
        preflight,
    )
    .await;
    tour.call(
        "preflight_recipient",
        c.preflight_recipient(IDACC, RECIPIENT),
        preflight,
    )
    .await;
    tour.call(
        "get_recipient_tracked_number",
        c.get_recipient_tracked_number(IDACC, RECIPIENT),
        json_summary,
    )
    .await;
    tour.call(
        "preflight_recipient_tracked_number",
        c.preflight_recipient_tracked_number(IDACC, RECIPIENT),
        preflight,
    )
    .await;

    // Diagnostics
    tour.call("get_test", c.get_test(), json_summary).await;

    println!("{} calls, {} failed", tour.calls, tour.failures);
    if tour.failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
