//! Benchmark of the data layer at scale: generate a seeded CSV of N events,
//! then time loading + validating it and aggregating one quarter.
//!
//! ```sh
//! cargo bench --bench pipeline                 # 1k, 100k, 1M events
//! cargo bench --bench pipeline -- 100000       # one size
//! ```
//!
//! Prints the median of several runs per stage. Peak memory of the whole
//! CLI is measured separately (see the README: `/usr/bin/time -v`).

use std::path::Path;
use std::time::{Duration, Instant};

use brief::aggregate::{self, AggregateOptions};
use brief::load::{self, LoadOptions};
use brief::period::Period;
use brief::synth;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if args.is_empty() {
            vec![1_000, 100_000, 1_000_000]
        } else {
            args
        }
    };
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let taxonomy = load::load_taxonomy(&sample).expect("sample taxonomy");
    let quarter = Period::parse_quarter("2024Q2").expect("quarter");
    let options = LoadOptions {
        currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
        keep: aggregate::keep_for(quarter),
        columns: Vec::new(),
        config: String::new(),
    };
    let agg = AggregateOptions {
        home_country: "kr".into(),
        base_currency: "KRW".into(),
        rates: [
            ("KRW".to_string(), 1.0),
            ("USD".to_string(), 1380.0),
            ("CAD".to_string(), 1000.0),
        ]
        .into(),
    };
    println!(
        "{:>10} {:>10} {:>14} {:>14} {:>10}",
        "events", "csv MB", "load+validate", "aggregate", "kept"
    );
    for n in sizes {
        let dir = std::env::temp_dir().join(format!("brief-bench-{n}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("taxonomy")).expect("temp dir");
        for f in ["sectors.yaml", "regions.yaml", "kinds.yaml"] {
            std::fs::copy(
                sample.join("taxonomy").join(f),
                dir.join("taxonomy").join(f),
            )
            .expect("copy taxonomy");
        }
        let csv = synth::csv(&synth::rows(&taxonomy, n, 42, 2022, 2025));
        let mb = csv.len() as f64 / 1e6;
        std::fs::write(dir.join("events.csv"), csv).expect("write csv");

        let runs = if n >= 1_000_000 {
            3
        } else if n >= 100_000 {
            5
        } else {
            20
        };
        let (mut load_t, mut agg_t) = (Vec::new(), Vec::new());
        let mut kept = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let loaded = load::load_dir(&dir, &options).expect("synthetic data is valid");
            load_t.push(t.elapsed());
            kept = loaded.dataset.events.len();
            let t = Instant::now();
            let report = aggregate::report(&loaded.dataset, quarter, &agg);
            agg_t.push(t.elapsed());
            std::hint::black_box(report);
        }
        println!(
            "{:>10} {:>10.1} {:>12.1}ms {:>12.2}ms {:>10}",
            n,
            mb,
            median(load_t).as_secs_f64() * 1e3,
            median(agg_t).as_secs_f64() * 1e3,
            kept
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
