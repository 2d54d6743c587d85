//! Properties of the aggregation that must hold for any data, checked on
//! seeded synthetic data sets of varied size (48 seeds, 50 to 450 events
//! over 2023–2025, every sector, region and kind): events land in exactly
//! one quarter; totals over quarters equal the sums over events; sector
//! rows count each event once per sector; comparisons and the monthly trend
//! agree with the quarters they come from. A failure names its seed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::tests::options;
use super::*;
use crate::load::{Keep, LoadOptions, load_dir};
use crate::model::{OutcomeStatus, OutcomeType, Quarter};
use crate::synth;

/// A data folder with the sample taxonomies and `n` generated events.
pub(crate) fn dataset(seed: u64, n: usize) -> Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let taxonomy = crate::load::load_taxonomy(&root).expect("sample taxonomies");
    let dir: PathBuf =
        std::env::temp_dir().join(format!("brief-properties-{}-{seed}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("taxonomy")).unwrap();
    for e in std::fs::read_dir(root.join("taxonomy")).unwrap().flatten() {
        std::fs::copy(e.path(), dir.join("taxonomy").join(e.file_name())).unwrap();
    }
    let rows = synth::rows(&taxonomy, n, seed, 2023, 2025);
    std::fs::write(dir.join("events.csv"), synth::csv(&rows)).unwrap();
    let loaded = load_dir(
        &dir,
        &LoadOptions {
            currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
            keep: Keep::All,
            columns: Vec::new(),
            config: String::new(),
        },
    );
    let _ = std::fs::remove_dir_all(&dir);
    match loaded {
        Ok(l) => {
            assert_eq!(l.dataset.events.len(), n, "seed {seed}: every row loads");
            l.dataset
        }
        Err(e) => panic!("seed {seed}: generated data must load: {:?}", e.diagnostics),
    }
}

pub(crate) fn quarters() -> Vec<Quarter> {
    let mut q = Quarter { year: 2023, q: 1 };
    let mut out = Vec::new();
    while q.year <= 2025 {
        out.push(q);
        q = q.next();
    }
    out
}

/// Outcomes counted (signed or agreed, and investments even when expected,
/// as the counting rules say) and pending, straight from the events.
fn counted_and_pending(e: &Event) -> (u32, u32) {
    let counted = |o: &&crate::model::Outcome| {
        matches!(o.status, OutcomeStatus::Signed | OutcomeStatus::Agreed)
            || o.kind == OutcomeType::Investment
    };
    (
        e.outcomes.iter().filter(counted).map(|o| o.count).sum(),
        e.outcomes
            .iter()
            .filter(|o| !counted(o))
            .map(|o| o.count)
            .sum(),
    )
}

#[test]
fn aggregation_properties_hold_on_generated_data() {
    let opts = options();
    for seed in 0..48u64 {
        let n = 50 + (seed as usize * 97) % 400;
        let data = dataset(seed, n);
        let reports: BTreeMap<Quarter, QuarterReport> = quarters()
            .into_iter()
            .map(|q| (q, quarter_report(&data, q, &opts)))
            .collect();

        // Every dated event lands in exactly one quarter.
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for &q in reports.keys() {
            for e in events_in(&data, q) {
                *seen.entry(e.id.as_str()).or_default() += 1;
            }
        }
        let dated: Vec<&Event> = data
            .events
            .iter()
            .filter(|e| e.quarter().is_some())
            .collect();
        assert_eq!(
            seen.len(),
            dated.len(),
            "seed {seed}: every dated event placed"
        );
        assert!(seen.values().all(|&c| c == 1), "seed {seed}: once each");

        // Totals over the quarters equal the sums over the events.
        let sum = |f: &dyn Fn(&QuarterReport) -> u64| reports.values().map(f).sum::<u64>();
        assert_eq!(
            sum(&|r| u64::from(r.figures.events)),
            dated.len() as u64,
            "seed {seed}: events"
        );
        assert_eq!(
            sum(&|r| u64::from(r.figures.outcomes_total)),
            dated
                .iter()
                .map(|e| u64::from(counted_and_pending(e).0))
                .sum::<u64>(),
            "seed {seed}: counted outcomes"
        );
        assert_eq!(
            sum(&|r| u64::from(r.figures.outcomes.pending)),
            dated
                .iter()
                .map(|e| u64::from(counted_and_pending(e).1))
                .sum::<u64>(),
            "seed {seed}: pending outcomes"
        );
        assert_eq!(
            sum(&|r| r.figures.attendance),
            dated
                .iter()
                .filter_map(|e| e.attendance.as_ref())
                .map(|a| a.count)
                .sum::<u64>(),
            "seed {seed}: attendance"
        );

        for (&q, r) in &reports {
            let events = events_in(&data, q);
            assert_eq!(r.figures.events as usize, events.len());
            // Sector rows: each event once per distinct sector, so their sum
            // is at least the total, and no row exceeds it.
            let per_sector: u32 = r.sectors.iter().map(|s| s.events).sum();
            let expected: usize = events
                .iter()
                .map(|e| e.sectors.iter().collect::<BTreeSet<_>>().len())
                .sum();
            assert_eq!(
                per_sector as usize, expected,
                "seed {seed} {q:?}: sector rows"
            );
            assert!(per_sector >= r.figures.events, "seed {seed} {q:?}");
            assert!(r.sectors.iter().all(|s| s.events <= r.figures.events));
            // Comparisons are the figures of the quarters they name.
            if let Some(prev) = reports.get(&q.prev()) {
                assert_eq!(r.previous, prev.figures, "seed {seed} {q:?}: previous");
            }
            let year_ago = Quarter {
                year: q.year - 1,
                q: q.q,
            };
            if let Some(ya) = reports.get(&year_ago) {
                assert_eq!(r.year_ago, ya.figures, "seed {seed} {q:?}: year ago");
            }
            // The trend's 12 months are the four quarters ending here.
            assert_eq!(r.trend.len(), 12);
            let last3: u32 = r.trend[9..].iter().map(|m| m.events).sum();
            assert_eq!(last3, r.figures.events, "seed {seed} {q:?}: trend");
            let mut back = q;
            let mut four = 0;
            for _ in 0..4 {
                four += events_in(&data, back).len();
                back = back.prev();
            }
            let trend: u32 = r.trend.iter().map(|m| m.events).sum();
            assert_eq!(trend as usize, four, "seed {seed} {q:?}: four quarters");
            // The timeline lists every event of the quarter once.
            let ids: BTreeSet<&str> = r.timeline.iter().map(|t| t.event.as_str()).collect();
            assert_eq!(ids.len(), events.len(), "seed {seed} {q:?}: timeline");
        }
    }
}
