//! Properties of the aggregation that must hold for any data, checked on
//! seeded synthetic data sets of varied size (48 seeds, 50 to 450 events
//! over 2023–2025, every sector, region and kind, some dated only to the
//! month or the year): events dated to the month land in exactly one
//! quarter; totals over quarters equal the sums over events; sector rows
//! count each event once per sector; comparisons and the monthly trend
//! agree with the periods they come from; the four quarters (and the two
//! halves) of a year sum to the year, less the events known only to the
//! year, which count in the year alone. A failure names its seed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::tests::options;
use super::*;
use crate::load::{Keep, LoadOptions, load_dir};
use crate::model::{Counted, OutcomeStatus, OutcomeType};
use crate::period::Period;
use crate::synth;

/// A data folder with the sample taxonomies and `n` generated events.
pub(crate) fn dataset(seed: u64, n: usize) -> Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let taxonomy = crate::load::load_taxonomy(&root).expect("sample taxonomies");
    // Tests run in parallel: each call has a folder of its own.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "brief-properties-{}-{seed}-{call}",
        std::process::id()
    ));
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

pub(crate) fn quarters() -> Vec<Period> {
    let mut q = Period::quarter(2023, 1);
    let mut out = Vec::new();
    while q.first_year() <= 2025 {
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
        let reports: BTreeMap<Period, Report> = quarters()
            .into_iter()
            .map(|q| (q, report(&data, q, &opts)))
            .collect();

        // Every event dated to the month lands in exactly one quarter.
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for &q in reports.keys() {
            for e in events_in(&data, q) {
                *seen.entry(e.id.as_str()).or_default() += 1;
            }
        }
        let dated: Vec<&Event> = data
            .events
            .iter()
            .filter(|e| e.start.precision != Precision::Year)
            .collect();
        assert_eq!(
            seen.len(),
            dated.len(),
            "seed {seed}: every dated event placed"
        );
        assert!(seen.values().all(|&c| c == 1), "seed {seed}: once each");

        // Totals over the quarters equal the sums over the events.
        let sum = |f: &dyn Fn(&Report) -> u64| reports.values().map(f).sum::<u64>();
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
            if let Some(ya) = q.year_before().and_then(|y| reports.get(&y)) {
                assert_eq!(
                    r.year_ago.as_ref(),
                    Some(&ya.figures),
                    "seed {seed} {q:?}: year ago"
                );
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

/// The additive figures of a report, for sums over periods.
fn additive(f: &Figures) -> [u64; 8] {
    [
        f.events.into(),
        f.outcomes_total.into(),
        f.outcomes.pending.into(),
        f.outcomes.mou.into(),
        f.attendance,
        f.attendance_events.into(),
        f.investment.parts.into(),
        f.deal_value.parts.into(),
    ]
}

fn add(a: [u64; 8], b: [u64; 8]) -> [u64; 8] {
    std::array::from_fn(|i| a[i] + b[i])
}

#[test]
fn quarters_and_halves_sum_to_the_year() {
    let opts = options();
    for seed in 0..24u64 {
        let n = 80 + (seed as usize * 131) % 500;
        let data = dataset(seed, n);
        for year in 2023..=2025 {
            let y = report(&data, Period::year(year), &opts);
            let quarters: Vec<Report> = (1..=4)
                .map(|q| report(&data, Period::quarter(year, q), &opts))
                .collect();
            let halves: Vec<Report> = (1..=2)
                .map(|h| report(&data, Period::half(year, h), &opts))
                .collect();
            // Known only to the year: in the year's figures, in no quarter
            // or half, and listed as such in each of them.
            let year_only: Vec<&Event> = data
                .events
                .iter()
                .filter(|e| e.start.precision == Precision::Year && e.start.date.year == year)
                .collect();
            let only = Figures::of(&year_only, &data.taxonomy, &opts);
            let sum_q = quarters
                .iter()
                .fold(additive(&only), |acc, r| add(acc, additive(&r.figures)));
            let sum_h = halves
                .iter()
                .fold(additive(&only), |acc, r| add(acc, additive(&r.figures)));
            let ctx = format!("seed {seed} year {year}");
            assert_eq!(
                sum_q,
                additive(&y.figures),
                "{ctx}: quarters + year-only = year"
            );
            assert_eq!(
                sum_h,
                additive(&y.figures),
                "{ctx}: halves + year-only = year"
            );
            for h in 0..2 {
                let two = add(
                    additive(&quarters[2 * h].figures),
                    additive(&quarters[2 * h + 1].figures),
                );
                assert_eq!(
                    two,
                    additive(&halves[h].figures),
                    "{ctx}: H{} = two quarters",
                    h + 1
                );
            }
            let money: f64 = quarters
                .iter()
                .map(|r| r.figures.investment.value)
                .sum::<f64>()
                + only.investment.value;
            assert!(
                (money - y.figures.investment.value).abs() <= 1e-6 * money.abs().max(1.0),
                "{ctx}: investment {money} vs {}",
                y.figures.investment.value
            );
            // Sector rows: the year's row is its quarters' rows plus the
            // year-only events of the sector.
            for row in &y.sectors {
                let in_quarters: u32 = quarters
                    .iter()
                    .flat_map(|r| r.sectors.iter().filter(|s| s.sector == row.sector))
                    .map(|s| s.events)
                    .sum();
                let only = year_only
                    .iter()
                    .filter(|e| e.sectors.contains(&row.sector))
                    .count();
                assert_eq!(
                    row.events,
                    in_quarters + only as u32,
                    "{ctx}: sector {}",
                    row.sector
                );
            }
            // The year's months are its quarters' months; the event lists
            // are the quarters' and the year-only ones.
            let months: Vec<u32> = quarters
                .iter()
                .flat_map(|r| r.months.iter().map(|m| m.events))
                .collect();
            assert_eq!(
                y.months.iter().map(|m| m.events).collect::<Vec<_>>(),
                months,
                "{ctx}: months"
            );
            let mut ids: Vec<&str> = quarters
                .iter()
                .flat_map(|r| r.events.iter().map(String::as_str))
                .collect();
            ids.extend(year_only.iter().map(|e| e.id.as_str()));
            ids.sort_unstable();
            let mut year_ids: Vec<&str> = y.events.iter().map(String::as_str).collect();
            year_ids.sort_unstable();
            assert_eq!(ids, year_ids, "{ctx}: events");
            assert!(y.undated.is_empty(), "{ctx}: a year leaves nothing out");
            for r in quarters.iter().chain(&halves) {
                assert_eq!(
                    r.undated.len(),
                    year_only.len(),
                    "{ctx} {}: undated",
                    r.period
                );
            }
            // A year compares with the one before and shows five.
            assert!(y.year_ago.is_none());
            assert_eq!(y.years.len(), 5);
            assert_eq!(y.years.last().map(|f| &f.figures), Some(&y.figures));
            assert_eq!(y.trend.len(), 24, "{ctx}: this year and the last");
            // A run of months counts what its months count.
            let run =
                Period::months_between((year, 3), (year, 8)).unwrap_or_else(|e| panic!("{e}"));
            let r = report(&data, run, &opts);
            let in_months: u32 = y.months[2..8].iter().map(|m| m.events).sum();
            assert_eq!(r.figures.events, in_months, "{ctx}: March to August");
            assert_eq!(r.trend.len(), 12, "{ctx}: the run and the one before");
        }
    }
}

/// A single brief loads only the events `days_needed` names (and those
/// with follow-ups), whole only those it shows and counted the others
/// (see `Dataset::counted`): its report is the one the whole data set
/// gives.
#[test]
fn the_days_a_brief_reads_are_enough() {
    let opts = options();
    let (mut narrower, mut only_counted) = (0, 0);
    for seed in 0..8u64 {
        let data = dataset(seed, 150 + seed as usize * 40);
        for period in [
            Period::quarter(2024, 1),
            Period::half(2024, 2),
            Period::year(2024),
            Period::year(2025),
            Period::months_between((2024, 11), (2025, 2)).unwrap_or_else(|e| panic!("{e}")),
        ] {
            let keep = keep_for(period);
            let shown = |e: &&Event| {
                let follow_ups = !e.follow_ups.is_empty();
                keep.wants(e.start, follow_ups) && keep.whole(e.start, follow_ups)
            };
            let tax = &data.taxonomy;
            let kept = Dataset {
                taxonomy: tax.clone(),
                events: data.events.iter().filter(shown).cloned().collect(),
                counted: Some(
                    data.events
                        .iter()
                        .filter(|e| keep.counts(e.start))
                        .map(|e| Counted::of(e, tax))
                        .collect(),
                ),
            };
            let json = |d: &Dataset| serde_json::to_value(report(d, period, &opts)).ok();
            let counted = kept.counted.as_ref().map_or(0, Vec::len);
            narrower += usize::from(counted < data.events.len());
            only_counted += counted.saturating_sub(kept.events.len());
            assert_eq!(json(&kept), json(&data), "seed {seed} {period}");
        }
    }
    // Not vacuous: most briefs read fewer events than there are (a year's
    // five-year trend reads them all).
    assert!(
        narrower >= 8 * 3,
        "{narrower} briefs read less than everything"
    );
    // And most of what they read is only counted.
    assert!(only_counted > 1000, "{only_counted} events only counted");
}

/// The events of a period, looked up in the dated slice of the data set,
/// are those of a scan of every event, for every kind of period.
#[test]
fn events_in_a_period_are_those_a_full_scan_finds() {
    let data = dataset(5, 1_500);
    assert!(
        data.events
            .windows(2)
            .all(|w| (w[0].start.date, &w[0].id) <= (w[1].start.date, &w[1].id))
    );
    let mut periods = quarters();
    for y in 2022..=2026 {
        periods.extend([Period::half(y, 1), Period::half(y, 2), Period::year(y)]);
    }
    periods.push(Period::months_between((2023, 11), (2025, 2)).unwrap_or_else(|e| panic!("{e}")));
    let mut found = 0;
    for p in periods {
        let scanned: Vec<&str> = data
            .events
            .iter()
            .filter(|e| p.counts(e.start))
            .map(|e| e.id.as_str())
            .collect();
        let sliced: Vec<&str> = events_in(&data, p).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(sliced, scanned, "{p}");
        found += sliced.len();
    }
    assert!(found > 1_500, "not vacuous: {found}");
}
