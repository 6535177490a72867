//! Latency of every saved query on the ingested shared corpus, printed as
//! figures (goal: under 100 ms each; nothing is asserted, as timings on
//! these machines are noisy).
//!
//! `cargo bench --bench queries`

mod common;

use govgraph::query;
use oxigraph::sparql::QueryResults;
use std::time::{Duration, Instant};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::corpus_store(&dir);
    println!(
        "{:<28} {:>10} {:>10} {:>8}",
        "query", "median ms", "max ms", "rows"
    );
    let runs = 7;
    let mut over = 0;
    for q in query::saved() {
        let bindings = common::typical_bindings(&q);
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let results = query::run(&store, &q.text, bindings.clone()).unwrap();
            rows = match results {
                QueryResults::Solutions(s) => s.count(),
                QueryResults::Boolean(_) => 1,
                QueryResults::Graph(g) => g.count(),
            };
            times.push(t.elapsed());
        }
        times.sort();
        let median = times[runs / 2];
        if median > Duration::from_millis(100) {
            over += 1;
        }
        println!(
            "{:<28} {:>10.1} {:>10.1} {:>8}",
            q.name,
            ms(median),
            ms(times[runs - 1]),
            rows
        );
    }
    println!("{over} queries over the 100 ms goal (median of {runs} runs)");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
