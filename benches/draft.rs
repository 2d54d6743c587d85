//! Benchmark of `brief draft` without the file system: the taxonomy
//! matchers built once, then 1,000 articles (the five seed pages in turn)
//! read, drafted and written as YAML in memory, on one thread.
//!
//! ```sh
//! cargo bench --bench draft
//! ```
//!
//! The CLI drafts on every core and writes one file per draft; time it
//! with hyperfine (see the README).

use std::path::Path;
use std::time::{Duration, Instant};

use brief::draft::{self, Gazetteer};
use brief::load;
use brief::model::FuzzyDate;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let taxonomy = load::load_taxonomy(&root.join("data")).expect("sample taxonomy");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(root.join("../shared/seeds"))
        .expect("../shared/seeds beside the project")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read(p).expect("seed"))
        .collect();
    seeds.sort();
    let published = FuzzyDate::parse("2025-06").ok();

    let builds: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(Gazetteer::new(&taxonomy));
            t.elapsed()
        })
        .collect();
    let gazetteer = Gazetteer::new(&taxonomy);
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let mut bytes = 0usize;
            for i in 0..1000 {
                let article =
                    draft::draft(&seeds[i % seeds.len()], published, &taxonomy, &gazetteer)
                        .expect("an article");
                for d in &article.events {
                    bytes += draft::to_yaml(d, "seed", &taxonomy).len();
                }
            }
            std::hint::black_box(bytes);
            t.elapsed()
        })
        .collect();
    println!(
        "taxonomy matchers built once:      {:>8.1?}",
        median(builds)
    );
    println!("1,000 articles drafted (1 thread): {:>8.1?}", median(runs));
}
