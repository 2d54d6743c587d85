//! The summary's sentences are true: on many generated quarters, halves
//! and years, in both languages, every claim a sentence makes is checked
//! against the numbers of the period it describes. A failure names the
//! seed, period and line.

use super::*;
use crate::aggregate::properties::{dataset, quarters};
use crate::aggregate::{report, tests::options};

/// The summary lines of one brief, with the report they describe.
fn briefs(seed: u64, n: usize) -> Vec<(String, Brief)> {
    let data = dataset(seed, n);
    let config = Config::default();
    let templates = Templates::builtin();
    let mut out = Vec::new();
    let mut periods = quarters();
    for y in 2023..=2025 {
        periods.extend([Period::half(y, 1), Period::half(y, 2), Period::year(y)]);
    }
    for q in periods {
        for lang in [Lang::Ko, Lang::En] {
            let report = report(&data, q, &options());
            let b = build(
                &data,
                report,
                q,
                lang,
                &config,
                &templates,
                AnnexRows::Listed,
            )
            .expect("brief builds");
            out.push((format!("seed {seed}, {q:?}, {}", lang.code()), b));
        }
    }
    out
}

/// Sectors with events, as (label, events): the industries, or the fields
/// of cooperation when no industry has an event (what the summary speaks of).
fn sector_rows(b: &Brief) -> Vec<(String, u32)> {
    let with_events = b.sectors.iter().filter(|s| s.events > 0);
    let industries = with_events.clone().any(|s| !s.field);
    with_events
        .filter(|s| !industries || !s.field)
        .map(|s| (s.label.clone(), s.events))
        .collect()
}

fn check_sectors(at: &str, b: &Brief, line: &str) {
    let rows = sector_rows(b);
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
    let min = rows.iter().map(|r| r.1).min().unwrap_or(0);
    let named: Vec<&(String, u32)> = rows
        .iter()
        .filter(|(l, _)| line.contains(l.as_str()))
        .collect();
    let even = line.contains("고르게") || line.contains("evenly");
    let largest = line.contains("가장 많았음") || line.contains("led the sectors");
    let only = line.contains("모두") || line.starts_with("All events were in");
    let one_event = line.starts_with("분야는 ") && !only || line.starts_with("The event's sectors");
    if one_event {
        assert_eq!(b.report.figures.events, 1, "{at}: \"{line}\"");
        assert_eq!(
            named.len(),
            rows.len(),
            "{at}: \"{line}\" names every sector"
        );
    }
    if even {
        assert!(
            rows.len() > 1 && min == max,
            "{at}: \"{line}\" but sectors {rows:?}"
        );
    }
    if largest {
        assert!(
            min < max,
            "{at}: \"{line}\" but every sector has {max}: {rows:?}"
        );
        let top: Vec<&(String, u32)> = rows.iter().filter(|r| r.1 == max).collect();
        assert_eq!(
            named, top,
            "{at}: \"{line}\" must name exactly the largest: {rows:?}"
        );
        assert!(
            line.contains(&format!("{max}")),
            "{at}: \"{line}\" states {max}"
        );
    }
    if only {
        assert_eq!(rows.len(), 1, "{at}: \"{line}\" but sectors {rows:?}");
    }
    assert!(
        even || largest || only || one_event,
        "{at}: unclassified sector line \"{line}\""
    );
}

fn check_change(at: &str, b: &Brief, line: &str) {
    let now = b.report.figures.events;
    let then = b.report.previous.events;
    // The sentence has two halves: against the previous period, then
    // against the same period a year before; a year's has only the first.
    let halves = match &b.report.year_ago {
        Some(ago) => {
            let (first, second) = line
                .split_once("전년 동기")
                .or_else(|| line.split_once(") and "))
                .unwrap_or_else(|| panic!("{at}: no year-ago half in \"{line}\""));
            vec![(first, then), (second, ago.events)]
        }
        None => {
            assert!(
                !line.contains("전년 동기") && !line.contains(") and "),
                "{at}: a year has no year-ago half: \"{line}\""
            );
            vec![(line, then)]
        }
    };
    for (half, base) in halves {
        let word = |w: &str| half.split_whitespace().any(|t| t == w);
        let up = half.contains("늘었") || word("up");
        let down = half.contains("줄었") || word("down");
        let same = half.contains("같은 수준") || half.contains("the same as");
        let expected = (now > base, now < base, now == base);
        assert_eq!(
            (up, down, same),
            expected,
            "{at}: \"{half}\" for {now} against {base}"
        );
    }
}

#[test]
fn summary_sentences_state_what_the_numbers_say() {
    let mut checked = [0usize; 4];
    for seed in 0..24u64 {
        let n = 30 + (seed as usize * 37) % 400;
        for (at, b) in briefs(seed, n) {
            let f = &b.report.figures;
            for line in b.summary.iter().map(|l| l.text.as_str()) {
                if line.starts_with("분야")
                    || line.contains("led the sectors")
                    || line.contains("evenly")
                    || line.starts_with("All events were in")
                    || line.starts_with("The event's sectors")
                {
                    check_sectors(&at, &b, line);
                    checked[0] += 1;
                }
                if line.contains("건 대비") || line.starts_with("The number of events is") {
                    check_change(&at, &b, line);
                    checked[1] += 1;
                }
                if line.starts_with("참석 인원") || line.starts_with("Attendance") {
                    assert!(
                        f.attendance_events > 0,
                        "{at}: \"{line}\" with no attendance reported"
                    );
                    let partial = line.contains("기준") || line.contains("as reported for");
                    assert_eq!(partial, f.attendance_events < f.events, "{at}: \"{line}\"");
                    checked[2] += 1;
                }
                assert!(
                    !line.contains("(기대)") && !line.contains("(expected)"),
                    "{at}: doubled qualifier in \"{line}\""
                );
                if line.contains("개국") {
                    let named = b
                        .partner_countries
                        .iter()
                        .filter(|r| line.contains(&r.label))
                        .count();
                    assert_eq!(
                        line.contains(" 등 "),
                        named < b.partner_countries.len(),
                        "{at}: \"{line}\""
                    );
                    checked[3] += 1;
                }
            }
            // Unknown is not zero: attendance no event reports shows "–".
            let attendance = b
                .key_figures
                .iter()
                .find(|k| k.key == "attendance")
                .expect("row");
            assert_eq!(
                attendance.value == "–",
                f.attendance_events == 0,
                "{at}: {attendance:?}"
            );
        }
    }
    // Every kind of sentence was met many times.
    assert!(checked.iter().all(|&c| c > 50), "{checked:?}");
}

/// A title made only of outcome type and status words, in either language,
/// is not repeated after the type: "협약 체결" shown in an English brief
/// (no English title) included; a real title is kept.
#[test]
fn titles_that_only_restate_type_and_status_are_recognised() {
    let words = outcome_words(&Templates::builtin()).unwrap();
    for generic in [
        "협약 체결",
        "MOU 체결",
        "MOUs signed",
        "투자",
        "Investment",
        "",
    ] {
        assert!(title_only_repeats(generic, &words), "{generic:?}");
    }
    for own in [
        "대전–퀘벡주 양자산업 협력 협약",
        "Daejeon–Québec quantum industry cooperation agreement",
    ] {
        assert!(!title_only_repeats(own, &words), "{own:?}");
    }
}

/// The layout's view of a brief has every field of the brief but the report
/// and the annex, and the families it may use; the whole model has them.
#[test]
fn the_layout_view_has_every_field_but_report_and_annex() {
    let (_, b) = briefs(3, 200).remove(0);
    let keys = |v: serde_json::Value| -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut all = keys(serde_json::to_value(b.model()).unwrap());
    assert!(all.contains(&"report".into()) && all.contains(&"annex".into()));
    all.retain(|k| k != "report" && k != "annex");
    all.push("families".into());
    all.sort();
    let fonts = ["Pretendard GOV"];
    let view = serde_json::to_value(b.layout_view(&fonts)).unwrap();
    assert_eq!(keys(view.clone()), all);
    assert_eq!(view["families"], serde_json::json!(["Pretendard GOV"]));
    assert_eq!(view["meta"], serde_json::to_value(&b.meta).unwrap());
}

/// A busy period's month × kind table: a January after the first month
/// is labelled with its year as the chart is (`2024년 1월`, `2024 Jan`), and
/// for a run of more than four years (a column per year) the rows add up
/// to the period's events, those known only to their year included.
#[test]
fn the_month_by_kind_table_names_its_years_and_counts_every_event() {
    let data = dataset(11, 900);
    let config = Config::default();
    let templates = Templates::builtin();
    let brief_of = |p: Period, lang: Lang| {
        build(
            &data,
            report(&data, p, &options()),
            p,
            lang,
            &config,
            &templates,
            AnnexRows::Listed,
        )
        .expect("brief builds")
    };
    let winter = Period::months_between((2023, 11), (2024, 2)).expect("a run of months");
    for (lang, january) in [(Lang::Ko, "2024년 1월"), (Lang::En, "2024 Jan")] {
        let b = brief_of(winter, lang);
        assert!(!b.month_kinds.rows.is_empty(), "busy enough for the table");
        assert_eq!(
            b.month_kinds.months[2], january,
            "{:?}",
            b.month_kinds.months
        );
    }
    let long = Period::months_between((2021, 1), (2025, 12)).expect("a run of months");
    let b = brief_of(long, Lang::Ko);
    assert_eq!(b.month_kinds.months.len(), 5, "{:?}", b.month_kinds.months);
    let total: u32 = b.month_kinds.rows.iter().map(|r| r.total).sum();
    assert_eq!(total, b.report.figures.events);
    assert!(
        data.events
            .iter()
            .any(|e| e.start.precision == crate::model::Precision::Year),
        "the data set has events known only to their year"
    );
}
