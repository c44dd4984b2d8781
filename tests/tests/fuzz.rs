//! A bounded fuzz run in the normal test suite: mutated specs (keys dropped, types changed,
//! `$ref`s broken or made cyclic, deep nesting, huge enums) go through the generator, which
//! must answer each with `Ok` or `Err`: never a panic, never a hang.
//!
//! `FUZZ_CASES` (default 400) and `FUZZ_SEED` (default fixed) change the run; the seed of a
//! failing case is printed so it can be replayed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use serde_yaml::{Mapping, Value};

/// A case that takes longer than this is a hang.
const CASE_TIMEOUT: Duration = Duration::from_secs(30);

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(Value),
    Index(usize),
}

/// Paths to every node (bounded), for picking one at random.
fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    if out.len() > 20_000 {
        return;
    }
    out.push(prefix.clone());
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                prefix.push(Step::Key(key.clone()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Sequence(items) => {
            for (n, child) in items.iter().enumerate() {
                prefix.push(Step::Index(n));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut current = value;
    for step in path {
        current = match (step, current) {
            (Step::Key(key), Value::Mapping(map)) => map.get_mut(key)?,
            (Step::Index(n), Value::Sequence(items)) => items.get_mut(*n)?,
            _ => return None,
        };
    }
    Some(current)
}

fn schema_names(spec: &Value) -> Vec<String> {
    spec.get("components")
        .and_then(|c| c.get("schemas"))
        .and_then(Value::as_mapping)
        .map(|m| {
            m.keys()
                .filter_map(|k| k.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn reference(name: &str) -> Value {
    let mut map = Mapping::new();
    map.insert(
        Value::from("$ref"),
        Value::from(format!("#/components/schemas/{name}")),
    );
    Value::Mapping(map)
}

/// Applies one random mutation; returns what it did.
fn mutate(spec: &mut Value, rng: &mut Rng) -> String {
    let mut all = Vec::new();
    paths(spec, &mut Vec::new(), &mut all);
    let names = schema_names(spec);
    let path = all.get(rng.below(all.len())).cloned().unwrap_or_default();
    let some_name = names
        .get(rng.below(names.len()))
        .cloned()
        .unwrap_or_else(|| "X".to_owned());
    let kind = rng.below(10);
    let Some(node) = node_mut(spec, &path) else {
        return "nothing".to_owned();
    };
    match kind {
        0 => {
            if let Value::Mapping(map) = node {
                let keys: Vec<Value> = map.keys().cloned().collect();
                if let Some(key) = keys.get(rng.below(keys.len())) {
                    map.remove(key);
                    return format!("drop {key:?} at {path:?}");
                }
            }
            *node = Value::Null;
            format!("null at {path:?}")
        }
        1 => {
            let replacement = match rng.below(6) {
                0 => Value::from(0),
                1 => Value::from("x"),
                2 => Value::Sequence(Vec::new()),
                3 => Value::Mapping(Mapping::new()),
                4 => Value::Bool(true),
                _ => Value::from(-1.5),
            };
            *node = replacement;
            format!("retype {path:?}")
        }
        2 => {
            *node = reference(&format!("{some_name}Missing"));
            format!("dangling ref at {path:?}")
        }
        3 => {
            *node = reference(&some_name);
            format!("ref to {some_name} at {path:?}")
        }
        4 => {
            let mut nested = Value::Mapping(Mapping::new());
            for _ in 0..rng.below(200) {
                let mut map = Mapping::new();
                map.insert(Value::from("type"), Value::from("array"));
                map.insert(Value::from("items"), nested);
                nested = Value::Mapping(map);
            }
            *node = nested;
            format!("deep nesting at {path:?}")
        }
        5 => {
            let mut map = Mapping::new();
            map.insert(Value::from("type"), Value::from("string"));
            let values = (0..rng.below(5_000))
                .map(|n| Value::from(format!("v{n}")))
                .collect();
            map.insert(Value::from("enum"), Value::Sequence(values));
            *node = Value::Mapping(map);
            format!("huge enum at {path:?}")
        }
        6 => {
            if let Value::Mapping(map) = node {
                let types = ["string", "object", "array", "integer", "null", "weird"];
                let t = types[rng.below(types.len())];
                map.insert(Value::from("type"), Value::from(t));
                return format!("type {t} at {path:?}");
            }
            "nothing".to_owned()
        }
        7 => {
            let mut all_of = Mapping::new();
            all_of.insert(
                Value::from("allOf"),
                Value::Sequence(vec![reference(&some_name), reference(&some_name)]),
            );
            *node = Value::Mapping(all_of);
            format!("allOf cycle candidate {some_name} at {path:?}")
        }
        8 => {
            let mut one_of = Mapping::new();
            one_of.insert(
                Value::from("oneOf"),
                Value::Sequence(vec![reference(&some_name), Value::Mapping(Mapping::new())]),
            );
            one_of.insert(Value::from("nullable"), Value::Bool(true));
            *node = Value::Mapping(one_of);
            format!("oneOf at {path:?}")
        }
        _ => {
            if let Value::String(text) = node {
                text.push_str("{x}/~1%");
                return format!("mangle string at {path:?}");
            }
            "nothing".to_owned()
        }
    }
}

fn seeds() -> Vec<(String, String)> {
    let root = magnetis_tests::workspace_root();
    let mut specs = vec![(
        "spec/magnetis.yaml".to_owned(),
        magnetis_tests::read("spec/magnetis.yaml"),
    )];
    for fixture in magnetis_tests::FIXTURES {
        let path = format!("tests/fixtures/{fixture}.yaml");
        specs.push((path.clone(), magnetis_tests::read(&path)));
    }
    // The small and medium real-world specs, when the shared folder is there.
    for name in [
        "oai-uspto.yaml",
        "oai-link-example.yaml",
        "oxide-propolis-server.json",
        "xero-files.yaml",
    ] {
        if let Ok(text) = std::fs::read_to_string(root.join("../shared/specs").join(name)) {
            specs.push((name.to_owned(), text));
        }
    }
    specs
}

#[test]
fn mutated_specs_never_panic_or_hang() {
    let cases: usize = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_CAFE);
    let specs: Vec<(String, Value)> = seeds()
        .into_iter()
        .filter_map(|(name, text)| serde_yaml::from_str(&text).ok().map(|v| (name, v)))
        .collect();
    assert!(!specs.is_empty());

    let (sender, receiver) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name("fuzz".to_owned())
        .stack_size(16 * 1024 * 1024)
        .spawn(move || {
            let mut rng = Rng(seed | 1);
            for case in 0..cases {
                let (name, spec) = &specs[rng.below(specs.len())];
                let mut spec = spec.clone();
                let mut done = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    done.push(mutate(&mut spec, &mut rng));
                }
                let text = serde_yaml::to_string(&spec).unwrap_or_default();
                let label = format!("case {case} (seed {seed}) from {name}: {}", done.join("; "));
                let _ = sender.send(Progress::Started(label.clone(), text.clone()));
                let options = codegen::Options::new(name.clone(), "fuzz-client");
                // Only whether it returned matters here, not the error's size.
                #[allow(clippy::result_large_err)]
                let run = || {
                    codegen::generate(&text, &options)
                        .map(|_| ())
                        .map_err(|_| ())
                };
                let outcome = catch_unwind(AssertUnwindSafe(run));
                let _ = sender.send(match outcome {
                    Ok(Ok(_)) => Progress::Ok,
                    Ok(Err(_)) => Progress::Err,
                    Err(_) => Progress::Panicked(label),
                });
            }
        })
        .expect("spawn fuzz worker");

    let (mut ok, mut err) = (0usize, 0usize);
    let mut current = (String::new(), String::new());
    loop {
        match receiver.recv_timeout(CASE_TIMEOUT) {
            Ok(Progress::Started(label, text)) => current = (label, text),
            Ok(Progress::Ok) => ok += 1,
            Ok(Progress::Err) => err += 1,
            Ok(Progress::Panicked(label)) => {
                let saved = save_case(&current.1);
                panic!("the generator panicked on {label}; the spec is in {saved}")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let saved = save_case(&current.1);
                panic!(
                    "the generator did not finish within {CASE_TIMEOUT:?} on {}; the spec is in {saved}",
                    current.0
                )
            }
        }
    }
    worker.join().expect("fuzz worker");
    println!("fuzz: {cases} cases, {ok} generated, {err} rejected with an error");
    assert_eq!(ok + err, cases);
}

/// Keeps a failing case's spec for replaying with `cargo xtask codegen --spec`.
fn save_case(text: &str) -> String {
    let path = magnetis_tests::workspace_root().join("target/fuzz-failure.yaml");
    match std::fs::write(&path, text) {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    }
}

enum Progress {
    Started(String, String),
    Ok,
    Err,
    Panicked(String),
}
