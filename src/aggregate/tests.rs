//! Hand-checked arithmetic: on small fixtures built here, and on the real
//! seed events in `data/` (numbers read off the articles).

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::load::{LoadOptions, load_dir};
use crate::model::*;

pub(crate) fn options() -> AggregateOptions {
    AggregateOptions {
        home_country: "kr".into(),
        base_currency: "KRW".into(),
        rates: BTreeMap::from([
            ("KRW".into(), 1.0),
            ("USD".into(), 1380.0),
            ("CAD".into(), 1000.0),
        ]),
    }
}

fn real_data() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let options = LoadOptions {
        currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
        keep: crate::load::Keep::All,
        columns: Vec::new(),
        config: String::new(),
    };
    match load_dir(&dir, &options) {
        Ok(l) => l.dataset,
        Err(e) => panic!("sample data must load: {:?}", e.diagnostics),
    }
}

fn q(s: &str) -> Period {
    Period::parse(s).unwrap()
}

fn text(s: &str) -> Text {
    Text {
        ko: Some(s.into()),
        en: Some(s.into()),
    }
}

fn term(id: &str) -> Term {
    Term {
        id: id.into(),
        label: text(id),
        aliases: vec![],
        field: false,
    }
}

fn region(id: &str, level: RegionLevel, parent: Option<&str>, country: &str) -> Region {
    Region {
        id: id.into(),
        label: text(id),
        aliases: vec![],
        level,
        parent: parent.map(String::from),
        country: country.into(),
        code: None,
    }
}

fn vocab<T: Clone>(items: Vec<T>, id: impl Fn(&T) -> String) -> Vocabulary<T> {
    let mut v = Vocabulary::default();
    for (i, t) in items.iter().enumerate() {
        v.index.insert(normalise_key(&id(t)), i);
    }
    v.items = items;
    v
}

fn fixture_taxonomy() -> Taxonomy {
    Taxonomy {
        sectors: vocab(vec![term("bio"), term("ai"), term("quantum")], |t| {
            t.id.clone()
        }),
        kinds: vocab(vec![term("conference")], |t| t.id.clone()),
        regions: vocab(
            vec![
                region("kr", RegionLevel::Country, None, "kr"),
                region("kr-daejeon", RegionLevel::Province, Some("kr"), "kr"),
                region("us", RegionLevel::Country, None, "us"),
                region("us-ma", RegionLevel::Province, Some("us"), "us"),
                region("us-ma-boston", RegionLevel::City, Some("us-ma"), "us"),
                region("us-ma-cambridge", RegionLevel::City, Some("us-ma"), "us"),
                region("jp", RegionLevel::Country, None, "jp"),
            ],
            |r| r.id.clone(),
        ),
    }
}

fn event(id: &str, start: &str, sectors: &[&str], partners: &[&str]) -> Event {
    Event {
        id: id.into(),
        title: text(id),
        kind: "conference".into(),
        start: FuzzyDate::parse(start).unwrap(),
        end: None,
        date_note: Text::default(),
        venue: Text::default(),
        hosts: vec!["kr-daejeon".into()],
        partners: partners.iter().map(|s| s.to_string()).collect(),
        sectors: sectors.iter().map(|s| s.to_string()).collect(),
        participants: vec![],
        attendance: None,
        outcomes: vec![],
        follow_ups: vec![],
        sources: vec![],
        summary: Text::default(),
    }
}

fn outcome(kind: OutcomeType, count: u32, status: OutcomeStatus, sectors: &[&str]) -> Outcome {
    Outcome {
        kind,
        count,
        title: text("o"),
        parties: vec![],
        sectors: sectors.iter().map(|s| s.to_string()).collect(),
        regions: vec![],
        status,
        amount: None,
        note: Text::default(),
    }
}

/// A data set as the loader gives it: events by date, then id.
fn dataset(mut events: Vec<Event>) -> Dataset {
    events.sort_by(|a, b| (a.start.date, &a.id).cmp(&(b.start.date, &b.id)));
    Dataset {
        taxonomy: fixture_taxonomy(),
        events,
        counted: None,
    }
}

#[test]
fn multi_sector_events_count_once_in_totals_and_once_per_sector() {
    let mut e = event("a", "2025-05-02", &["bio", "ai"], &["us-ma-boston"]);
    e.outcomes.push(outcome(
        OutcomeType::Mou,
        3,
        OutcomeStatus::Signed,
        &["bio", "ai"],
    ));
    let d = dataset(vec![e, event("b", "2025-06-30", &["bio"], &["jp"])]);
    let r = report(&d, q("2025Q2"), &options());
    assert_eq!(r.figures.events, 2);
    assert_eq!(r.figures.outcomes.mou, 3);
    assert_eq!(r.figures.outcomes_total, 3);
    let rows: Vec<(&str, u32, u32)> = r
        .sectors
        .iter()
        .map(|s| (s.sector.as_str(), s.events, s.outcomes))
        .collect();
    assert_eq!(rows, vec![("bio", 2, 3), ("ai", 1, 3)]);
    // Sector rows add up to more than the total when events have two sectors.
    assert!(r.sectors.iter().map(|s| s.events).sum::<u32>() > r.figures.events);
}

#[test]
fn events_belong_to_the_quarter_of_their_start() {
    let mut spanning = event("span", "2025-03-30", &["bio"], &[]);
    spanning.end = Some(Date::new(2025, 4, 2).unwrap());
    let d = dataset(vec![
        spanning,
        event("apr1", "2025-04-01", &["ai"], &[]),
        event("month", "2025-06", &["ai"], &[]),
        event("year", "2025", &["ai"], &[]),
    ]);
    let r1 = report(&d, q("2025Q1"), &options());
    let r2 = report(&d, q("2025Q2"), &options());
    assert_eq!(r1.events, vec!["span"]);
    assert_eq!(r2.events, vec!["apr1", "month"]);
    assert_eq!(r1.timeline[0].days, 4);
    assert_eq!(r1.timeline[0].end.as_deref(), Some("2025-04-02"));
    // Known only to the year: in no quarter, listed as undated in each.
    assert_eq!(r2.undated, vec!["year"]);
    assert_eq!(
        r2.months.iter().map(|m| m.events).collect::<Vec<_>>(),
        vec![1, 0, 1]
    );
    // Comparisons use the same counting.
    assert_eq!(r2.previous.events, 1);
    assert_eq!(r2.year_ago.as_ref().map(|f| f.events), Some(0));
}

#[test]
fn pending_outcomes_are_not_counted_as_concluded() {
    let mut e = event("a", "2025-05-02", &["bio"], &[]);
    e.outcomes.push(outcome(
        OutcomeType::Membership,
        1,
        OutcomeStatus::UnderDiscussion,
        &["bio"],
    ));
    e.outcomes.push(outcome(
        OutcomeType::Agreement,
        2,
        OutcomeStatus::Agreed,
        &["bio"],
    ));
    let r = report(&dataset(vec![e]), q("2025Q2"), &options());
    assert_eq!(r.figures.outcomes.membership, 0);
    assert_eq!(r.figures.outcomes.pending, 1);
    assert_eq!(r.figures.outcomes_total, 2);
}

/// An investment counts when signed, agreed or expected (its amount is the
/// point, marked "expected"); planned or under discussion it is pending,
/// as every other outcome is (and as the brief's notes say).
#[test]
fn investments_planned_or_under_discussion_are_pending() {
    let mut e = event("a", "2025-05-02", &["bio"], &[]);
    for (count, status) in [
        (1, OutcomeStatus::Signed),
        (2, OutcomeStatus::Expected),
        (4, OutcomeStatus::Planned),
        (8, OutcomeStatus::UnderDiscussion),
    ] {
        e.outcomes
            .push(outcome(OutcomeType::Investment, count, status, &["bio"]));
    }
    let r = report(&dataset(vec![e]), q("2025Q2"), &options());
    assert_eq!(r.figures.outcomes.investment, 3);
    assert_eq!(r.figures.outcomes.pending, 12);
    assert_eq!(r.figures.outcomes_total, 3);
}

#[test]
fn cities_roll_up_to_provinces_and_countries() {
    let d = dataset(vec![
        event(
            "a",
            "2025-05-02",
            &["bio"],
            &["us-ma-boston", "us-ma-cambridge"],
        ),
        event("b", "2025-05-03", &["bio"], &["us-ma"]),
    ]);
    let r = report(&d, q("2025Q2"), &options());
    assert_eq!(r.figures.partner_countries, 1);
    assert_eq!(r.figures.partner_regions, 1);
    assert_eq!(r.figures.domestic_regions, 1);
    assert_eq!(r.partner_regions.len(), 1);
    let ma = &r.partner_regions[0];
    assert_eq!((ma.region.as_str(), ma.events), ("us-ma", 2));
    assert_eq!(ma.places, vec!["us-ma-boston", "us-ma-cambridge"]);
    assert_eq!(r.matrix.countries, vec!["kr", "us"]);
    assert_eq!(r.matrix.cells, vec![vec![2, 2]]);
}

#[test]
fn outcomes_count_where_they_were_made() {
    let mut e = event("a", "2025-05-02", &["bio"], &["us-ma-boston", "jp"]);
    // One MOU with Boston alone, one without regions (the partners), one
    // pending with Japan (not counted anywhere).
    let mut boston = outcome(OutcomeType::Mou, 2, OutcomeStatus::Signed, &["bio"]);
    boston.regions = vec!["us-ma-boston".into()];
    let everyone = outcome(OutcomeType::Agreement, 1, OutcomeStatus::Signed, &["bio"]);
    let mut pending = outcome(OutcomeType::Mou, 1, OutcomeStatus::Planned, &["bio"]);
    pending.regions = vec!["jp".into()];
    e.outcomes = vec![boston, everyone, pending];
    let r = report(&dataset(vec![e]), q("2025Q2"), &options());
    let row = |rows: &[RegionRow], id: &str| {
        rows.iter()
            .find(|x| x.region == id)
            .map(|x| (x.events, x.outcomes))
    };
    assert_eq!(row(&r.partner_countries, "us"), Some((1, 3)));
    assert_eq!(row(&r.partner_countries, "jp"), Some((1, 1)));
    assert_eq!(row(&r.partner_regions, "us-ma"), Some((1, 3)));
    assert_eq!(
        row(&r.domestic_regions, "kr-daejeon"),
        Some((1, 3)),
        "the host"
    );
    assert_eq!(r.figures.outcomes_total, 3);
}

/// A sum of parts "up to" and parts "at least" has no bound either way: it
/// reads "about", as does one with any part "about".
#[test]
fn a_sum_of_ceilings_and_floors_reads_about() {
    use AmountQualifier::{AtLeast, Exact, UpTo};
    let mut m = Money::zero();
    assert_eq!(m.reading(), (false, Exact));
    m.up_to = true;
    assert_eq!(m.reading(), (false, UpTo), "up to only: a ceiling");
    m.at_least = true;
    assert_eq!(m.reading(), (true, Exact), "up to and at least: neither");
    m.up_to = false;
    assert_eq!(m.reading(), (false, AtLeast), "at least only: a floor");
    m.approximate = true;
    assert_eq!(m.reading(), (true, AtLeast));
}

#[test]
fn money_is_converted_and_keeps_its_qualifiers() {
    let mut e = event("a", "2025-05-02", &["bio"], &[]);
    let mut inv = outcome(
        OutcomeType::Investment,
        1,
        OutcomeStatus::Expected,
        &["bio"],
    );
    inv.amount = Some(Amount {
        value: 15_000_000.0,
        currency: "USD".into(),
        qualifier: AmountQualifier::AtLeast,
        approximate: true,
        expected: true,
    });
    e.outcomes.push(inv);
    let r = report(&dataset(vec![e]), q("2025Q2"), &options());
    let m = &r.figures.investment;
    assert_eq!(m.value, 20_700_000_000.0);
    assert!(m.approximate && m.at_least && m.expected && !m.up_to);
    assert_eq!(r.figures.outcomes.investment, 1);
    assert_eq!(r.figures.deal_value.parts, 0);
}

#[test]
fn real_data_2025q2_quebec_boston_mission() {
    let r = report(&real_data(), q("2025Q2"), &options());
    assert_eq!(r.events, vec!["2025-06-daejeon-mission-quebec-boston"]);
    let f = &r.figures;
    assert_eq!(
        (
            f.events,
            f.outcomes.mou,
            f.outcomes.agreement,
            f.outcomes.membership
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(
        f.outcomes.pending, 0,
        "the headline reports all three as results, GINI membership included"
    );
    assert_eq!(f.partner_countries, 2, "Canada and the US");
    assert_eq!(f.partner_regions, 3, "Québec, Massachusetts, Maryland");
    assert_eq!(f.domestic_regions, 1, "Daejeon");
    let quebec = r
        .partner_regions
        .iter()
        .find(|x| x.region == "ca-qc")
        .unwrap();
    assert_eq!(
        quebec.places,
        vec![
            "ca-qc-montreal",
            "ca-qc-bromont",
            "ca-qc-sherbrooke",
            "ca-qc-quebec-city"
        ]
    );
    assert_eq!(r.timeline[0].days, 9, "10 to 18 June");
    // All three outcomes were made with Québec: Québec (and Canada) and
    // the host Daejeon are credited, Massachusetts and Maryland are not.
    let outcomes = |rows: &[RegionRow], id: &str| {
        rows.iter()
            .find(|x| x.region == id)
            .map(|x| (x.events, x.outcomes))
    };
    assert_eq!(outcomes(&r.partner_regions, "ca-qc"), Some((1, 3)));
    assert_eq!(outcomes(&r.partner_regions, "us-ma"), Some((1, 0)));
    assert_eq!(outcomes(&r.partner_regions, "us-md"), Some((1, 0)));
    assert_eq!(outcomes(&r.partner_countries, "ca"), Some((1, 3)));
    assert_eq!(outcomes(&r.partner_countries, "us"), Some((1, 0)));
    assert_eq!(outcomes(&r.domestic_regions, "kr-daejeon"), Some((1, 3)));
    // Previous quarter: the Chungcheong council; same quarter 2024: nothing.
    assert_eq!((r.previous.events, r.previous.domestic_regions), (1, 4));
    assert_eq!(r.year_ago.as_ref().map(|f| f.events), Some(0));
    assert_eq!(r.undated, vec!["2025-pan-yellow-sea-conference"]);
    assert_eq!(
        r.follow_ups_open.len(),
        1,
        "the Montréal aerospace projects"
    );
    assert_eq!(r.highlights, vec!["2025-06-daejeon-mission-quebec-boston"]);
}

#[test]
fn real_data_2023q2_boston_roundtable() {
    let r = report(&real_data(), q("2023Q2"), &options());
    let f = &r.figures;
    assert_eq!(f.outcomes.mou, 13, "4 cluster MOUs and 9 bio MOUs (8 + 1)");
    assert_eq!(f.outcomes.investment, 1);
    // About USD 15 million or more, expected: 15e6 x 1380.
    assert_eq!(f.investment.value, 20_700_000_000.0);
    assert!(f.investment.approximate && f.investment.at_least && f.investment.expected);
    // Up to USD 20 million (GMS Healthcare MOU): 20e6 x 1380.
    assert_eq!(f.deal_value.value, 27_600_000_000.0);
    assert!(f.deal_value.up_to);
    assert_eq!(
        (f.partner_countries, f.partner_regions, f.domestic_regions),
        (1, 1, 0)
    );
}

#[test]
fn real_data_2018q1_harbin_meeting() {
    let r = report(&real_data(), q("2018Q1"), &options());
    let f = &r.figures;
    assert_eq!((f.outcomes.mou, f.outcomes.agreement), (2, 1));
    assert_eq!(
        (f.attendance, f.attendance_approximate),
        (210, true),
        "150여 명 + 60여 명"
    );
    assert_eq!(
        f.partner_countries, 1,
        "China (the hosts); Japanese and Kazakh business people only attended"
    );
    assert_eq!(f.partner_regions, 1, "Harbin rolls up to Heilongjiang");
    assert_eq!(f.domestic_regions, 1, "Gyeonggi");
    // The October 2017 contract is the previous quarter.
    assert_eq!((r.previous.events, r.previous.outcomes.contract), (1, 1));
}

#[test]
fn real_data_follow_ups_due_and_overdue() {
    let d = real_data();
    let q3 = report(&d, q("2025Q3"), &options());
    let due: Vec<&str> = q3.follow_ups_due.iter().map(|f| f.event.as_str()).collect();
    assert_eq!(
        due,
        vec![
            "2023-04-28-korea-us-cluster-roundtable",
            "2025-03-27-chungcheong-strategic-industry-council"
        ]
    );
    assert!(q3.follow_ups_overdue.is_empty());
    let q4 = report(&d, q("2025Q4"), &options());
    assert!(q4.follow_ups_due.is_empty());
    assert_eq!(q4.follow_ups_overdue.len(), 2);
}

/// 2025H1, checked by hand against the records: the Chungcheong council
/// (27 March, four hosts, no partner) and the Québec/Boston mission (June,
/// three outcomes); the Pan-Yellow-Sea conference is dated only to 2025, so
/// it is listed, not counted.
#[test]
fn real_data_2025h1_council_and_mission() {
    let r = report(&real_data(), q("2025H1"), &options());
    assert_eq!((r.period.as_str(), r.kind), ("2025H1", PeriodKind::Half));
    assert_eq!(
        r.events,
        [
            "2025-03-27-chungcheong-strategic-industry-council",
            "2025-06-daejeon-mission-quebec-boston"
        ]
    );
    assert_eq!(r.figures.outcomes_total, 3);
    assert_eq!(
        (r.figures.partner_countries, r.figures.partner_regions),
        (2, 3)
    );
    assert_eq!(r.figures.domestic_regions, 4);
    assert_eq!(r.undated, ["2025-pan-yellow-sea-conference"]);
    // Compared with 2024H2 and 2024H1 (no events), charted over 12 months.
    assert_eq!(r.previous_period, "2024H2");
    assert_eq!(r.year_ago_period.as_deref(), Some("2024H1"));
    assert_eq!(
        r.months.iter().map(|m| m.events).collect::<Vec<_>>(),
        [0, 0, 1, 0, 0, 1]
    );
    assert_eq!(r.trend.len(), 12);
    // Due in 2025H2: the roundtable's "2025" and the council's "2025-12".
    let due: Vec<&str> = r.follow_ups_due.iter().map(|f| f.event.as_str()).collect();
    assert_eq!(
        due,
        [
            "2023-04-28-korea-us-cluster-roundtable",
            "2025-03-27-chungcheong-strategic-industry-council"
        ]
    );
}

/// 2023: the Boston roundtable alone, as in its quarter; five years back
/// to 2019 with nothing before it.
#[test]
fn real_data_2023_boston_roundtable() {
    let d = real_data();
    let y = report(&d, q("2023"), &options());
    let q2 = report(&d, q("2023Q2"), &options());
    assert_eq!(y.events, ["2023-04-28-korea-us-cluster-roundtable"]);
    assert_eq!(y.figures, q2.figures);
    assert_eq!((y.figures.outcomes.mou, y.figures.outcomes_total), (13, 14));
    assert_eq!(y.previous_period, "2022");
    assert_eq!(
        (y.year_ago_period.clone(), y.year_ago.clone()),
        (None, None)
    );
    let years: Vec<(i32, u32)> = y.years.iter().map(|f| (f.year, f.figures.events)).collect();
    assert_eq!(
        years,
        [(2019, 0), (2020, 0), (2021, 0), (2022, 0), (2023, 1)]
    );
    assert_eq!(y.trend.len(), 24);
}

/// 2025: the year-only Pan-Yellow-Sea conference counts here (about 300
/// attendees, one agreement, China and Japan and six of their regions).
#[test]
fn real_data_2025_counts_the_year_only_conference() {
    let d = real_data();
    let y = report(&d, q("2025"), &options());
    assert_eq!(y.events.len(), 3);
    assert!(
        y.events
            .contains(&"2025-pan-yellow-sea-conference".to_string())
    );
    assert!(y.undated.is_empty());
    assert_eq!(y.figures.outcomes_total, 4);
    assert_eq!(y.figures.outcomes.agreement, 2);
    assert_eq!(
        (y.figures.attendance, y.figures.attendance_approximate),
        (300, true)
    );
    assert_eq!(
        (y.figures.partner_countries, y.figures.partner_regions),
        (4, 9)
    );
    // The months hold only the two events dated to the month.
    assert_eq!(y.months.iter().map(|m| m.events).sum::<u32>(), 2);
    let years: Vec<u32> = y.years.iter().map(|f| f.figures.events).collect();
    assert_eq!(years, [0, 0, 1, 0, 3]);
    // Open at the end of 2025 with deadlines in it: overdue, none due in 2026.
    assert_eq!(y.follow_ups_overdue.len(), 2);
    assert!(y.follow_ups_due.is_empty());
    assert_eq!(y.highlights[0], "2025-06-daejeon-mission-quebec-boston");
}
