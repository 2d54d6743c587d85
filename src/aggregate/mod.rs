//! Aggregation: pure functions from loaded events to the numbers of one
//! period's brief (quarter, half-year, year or run of months). No I/O, no
//! language: ids and counts only.
//!
//! Counting rules (also printed in every brief's notes):
//! - an event counts in every period containing its start date
//!   (`Period::counts`); one dated only to the month counts in the periods
//!   containing that month, one dated only to the year only in periods
//!   containing the whole year (an annual brief) and is listed separately
//!   in shorter ones;
//! - an event with several sectors (or regions) counts once in each sector
//!   (region) row but once in the totals;
//! - an outcome line may stand for several agreements (`count`); agreements
//!   are counted when signed or agreed, the others are shown as pending;
//! - amounts are converted to the base currency at the configured rates;
//!   investment totals include expected amounts, and "about", "up to" and
//!   "at least" carry over to the total.

mod figures;
mod followups;
mod regions;

use serde::Serialize;

use crate::model::{Counts, Dataset, Date, Event, Precision};
use crate::period::{Period, PeriodKind};

pub use figures::{Figures, Money, OutcomeCounts, is_counted};
pub use followups::FollowUpItem;
pub use regions::{Matrix, RegionRow};

/// What the aggregator needs from the configuration.
#[derive(Debug, Clone)]
pub struct AggregateOptions {
    pub home_country: String,
    pub base_currency: String,
    pub rates: std::collections::BTreeMap<String, f64>,
}

impl From<&crate::config::Config> for AggregateOptions {
    fn from(config: &crate::config::Config) -> AggregateOptions {
        AggregateOptions {
            home_country: config.home_country.clone(),
            base_currency: config.base_currency.clone(),
            rates: config.rates.clone(),
        }
    }
}

/// Every number a brief for one period shows.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `2025Q2`, `2025H1`, `2025`, `2025-03/2025-08`.
    pub period: String,
    pub kind: PeriodKind,
    pub base_currency: String,
    pub figures: Figures,
    /// The period of the same length just before.
    pub previous_period: String,
    pub previous: Figures,
    /// The same period a year earlier; none for a year or longer.
    pub year_ago_period: Option<String>,
    pub year_ago: Option<Figures>,
    /// A year's brief: the five years up to it, oldest first.
    pub years: Vec<YearFigures>,
    pub sectors: Vec<SectorRow>,
    pub partner_countries: Vec<RegionRow>,
    pub partner_regions: Vec<RegionRow>,
    pub domestic_regions: Vec<RegionRow>,
    pub matrix: Matrix,
    pub timeline: Vec<TimelineItem>,
    /// Events per month of the period (dated at least to the month).
    pub months: Vec<MonthCount>,
    /// Events per month over the period and the one before it (at least
    /// twelve months, at most `MAX_TREND_MONTHS`), ending with this one.
    pub trend: Vec<MonthCount>,
    /// Open follow-ups due in the next period of the same length.
    pub follow_ups_due: Vec<FollowUpItem>,
    pub follow_ups_overdue: Vec<FollowUpItem>,
    /// Open follow-ups of this period's events that have no due date.
    pub follow_ups_open: Vec<FollowUpItem>,
    /// Event ids, most important first.
    pub highlights: Vec<String>,
    /// Ids of this period's events, in date order.
    pub events: Vec<String>,
    /// Ids of events dated only to a year the period covers in part: they
    /// count in that year's annual brief, not here.
    pub undated: Vec<String>,
}

/// One year of an annual brief's five-year trend.
#[derive(Debug, Clone, Serialize)]
pub struct YearFigures {
    pub year: i32,
    pub figures: Figures,
}

/// Years in an annual brief's trend.
pub const TREND_YEARS: usize = 5;
/// Months the monthly chart shows at most (a run of months longer than two
/// years shows its last four).
pub const MAX_TREND_MONTHS: u16 = 48;

#[derive(Debug, Clone, Serialize)]
pub struct SectorRow {
    pub sector: String,
    pub events: u32,
    pub outcomes: u32,
    pub pending: u32,
    pub investment: Money,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineItem {
    pub event: String,
    pub start: String,
    /// Last day, for events spanning several days.
    pub end: Option<String>,
    pub precision: Precision,
    /// Days covered (1 for a one-day event).
    pub days: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthCount {
    pub year: i32,
    pub month: u8,
    pub events: u32,
}

/// The months of the monthly chart: the period and the one before it,
/// at least twelve and at most `MAX_TREND_MONTHS`, ending with the period.
pub fn trend_months(period: Period) -> u16 {
    (period.len_months() * 2).clamp(12, MAX_TREND_MONTHS)
}

/// The days a brief for `period` reads events from: back to the earliest
/// comparison (previous period, a year before, the monthly chart, a year's
/// five-year trend), up to the period's end. Follow-ups come from every
/// event (see `load::Keep`).
pub fn days_needed(period: Period) -> (Date, Date) {
    let end = period.end();
    let mut first = period.prev().start();
    if let Some(y) = period.year_before() {
        first = first.min(y.start());
    }
    let chart = end.year * 12 + i32::from(end.month) - i32::from(trend_months(period));
    first = first.min(Date {
        year: chart.div_euclid(12),
        month: chart.rem_euclid(12) as u8 + 1,
        day: 1,
    });
    if period.kind() == PeriodKind::Year
        && let Some(p) = period.back(TREND_YEARS).first()
    {
        first = first.min(p.start());
    }
    (first, end)
}

/// What a brief for `period` keeps of the events it reads: those of
/// `days_needed`, whole only when they fall in the period itself (see
/// `load::Keep`).
pub fn keep_for(period: Period) -> crate::load::Keep {
    let (first, last) = days_needed(period);
    crate::load::Keep::Span {
        first,
        last,
        whole: (period.start(), period.end()),
    }
}

/// The events a period's figures are computed from, in date order. An
/// event counted in a period starts (as far as is known) within it, so only
/// the events dated within it are looked at: a slice of the data set, which
/// is in date order.
pub fn events_in(dataset: &Dataset, period: Period) -> Vec<&Event> {
    dated_in(&dataset.events, period)
}

/// The items of `items` (in date order) that a period counts.
fn dated_in<T: Counts>(items: &[T], period: Period) -> Vec<&T> {
    let from = items.partition_point(|e| e.start().date < period.start());
    let to = items.partition_point(|e| e.start().date <= period.end());
    items[from..to.max(from)]
        .iter()
        .filter(|e| period.counts(e.start()))
        .collect()
}

/// Computes the report for `period`.
pub fn report(dataset: &Dataset, period: Period, options: &AggregateOptions) -> Report {
    // What the period is compared with is computed on a second thread
    // while the period's own figures are computed here: both read a busy
    // data set from end to end.
    let (c, own) = crate::parallel::join(
        || match &dataset.counted {
            Some(counted) => Compared::of(dataset, counted, period, options),
            None => Compared::of(dataset, &dataset.events, period, options),
        },
        || Own::of(dataset, period, options),
    );
    let mut years = c.years;
    if !years.is_empty() {
        years.push(YearFigures {
            year: period.first_year(),
            figures: own.figures.clone(),
        });
    }
    Report {
        period: period.to_string(),
        kind: period.kind(),
        base_currency: options.base_currency.clone(),
        figures: own.figures,
        previous_period: period.prev().to_string(),
        previous: c.previous,
        year_ago_period: period.year_before().map(|p| p.to_string()),
        year_ago: c.year_ago,
        years,
        sectors: own.sectors,
        partner_countries: own.breakdown.countries,
        partner_regions: own.breakdown.partner_regions,
        domestic_regions: own.breakdown.domestic_regions,
        matrix: own.breakdown.matrix,
        timeline: own.timeline,
        months: c.months,
        trend: c.trend,
        follow_ups_due: c.follow_ups.due,
        follow_ups_overdue: c.follow_ups.overdue,
        follow_ups_open: c.follow_ups.open,
        highlights: own.highlights,
        events: own.events,
        undated: c.undated,
    }
}

/// What a report says of the period's own events.
struct Own {
    figures: Figures,
    breakdown: regions::Breakdown,
    sectors: Vec<SectorRow>,
    timeline: Vec<TimelineItem>,
    highlights: Vec<String>,
    events: Vec<String>,
}

impl Own {
    fn of(dataset: &Dataset, period: Period, options: &AggregateOptions) -> Own {
        let events = events_in(dataset, period);
        let tax = &dataset.taxonomy;
        // The region tables on a thread of their own: a busy quarter names
        // hundreds of thousands of places.
        let (breakdown, figures) = crate::parallel::join(
            || regions::breakdown(&events, tax, &options.home_country),
            || Figures::of(&events, tax, options),
        );
        Own {
            figures,
            breakdown,
            sectors: sector_rows(&events, dataset, options),
            timeline: events.iter().map(|e| timeline_item(e)).collect(),
            highlights: highlights(&events, options),
            events: events.iter().map(|e| e.id.clone()).collect(),
        }
    }
}

/// What a report compares the period with, and what it reads from the
/// whole data set: earlier periods, months, follow-ups, undated events.
struct Compared {
    previous: Figures,
    year_ago: Option<Figures>,
    years: Vec<YearFigures>,
    months: Vec<MonthCount>,
    trend: Vec<MonthCount>,
    follow_ups: followups::FollowUps,
    undated: Vec<String>,
}

impl Compared {
    /// The comparisons read from `items` (the data set's events, or what
    /// is counted of them: `Dataset::counted`), the rest from the events.
    fn of<T: Counts + Sync>(
        dataset: &Dataset,
        items: &[T],
        period: Period,
        options: &AggregateOptions,
    ) -> Compared {
        let tax = &dataset.taxonomy;
        let figures_of = |p: Period| Figures::of(&dated_in(items, p), tax, options);
        // A year's trend: the years before it (its own figures are the
        // report's, added by `report`); the last of them is the previous.
        let years: Vec<YearFigures> = if period.kind() == PeriodKind::Year {
            let mut before = period.back(TREND_YEARS);
            before.pop();
            before
                .into_iter()
                .map(|p| YearFigures {
                    year: p.first_year(),
                    figures: figures_of(p),
                })
                .collect()
        } else {
            Vec::new()
        };
        let previous = match years.last() {
            Some(y) => y.figures.clone(),
            None => figures_of(period.prev()),
        };
        // The period's months are the end of the chart's (which is at
        // least as long, up to 48 months): one pass over the data.
        let trend = month_counts(items, trend_window(period));
        let n = usize::from(period.len_months());
        let months = match trend.len().checked_sub(n) {
            Some(from) => trend[from..].to_vec(),
            None => month_counts(items, period.months()),
        };
        Compared {
            previous,
            year_ago: period.year_before().map(figures_of),
            years,
            months,
            trend,
            follow_ups: followups::collect(dataset, period),
            undated: dataset
                .events
                .iter()
                .filter(|e| {
                    e.start.precision == Precision::Year
                        && period.touches_year(e.start.date.year)
                        && !period.counts(e.start)
                })
                .map(|e| e.id.clone())
                .collect(),
        }
    }
}

/// One row per sector with events or outcomes, in taxonomy order: one
/// pass over the events, each sector id looked up once per mention.
fn sector_rows(events: &[&Event], dataset: &Dataset, options: &AggregateOptions) -> Vec<SectorRow> {
    let sectors = &dataset.taxonomy.sectors;
    let n = sectors.items.len();
    let mut in_sector = vec![0u32; n];
    let mut counts = vec![OutcomeCounts::default(); n];
    let mut investment = vec![Money::zero(); n];
    // The positions of a list's sectors, each once (as `contains` counts).
    let mut at = Vec::new();
    let positions = |ids: &[String], at: &mut Vec<usize>| {
        at.clear();
        for i in ids.iter().filter_map(|id| sectors.index_of(id)) {
            if !at.contains(&i) {
                at.push(i);
            }
        }
    };
    for e in events {
        positions(&e.sectors, &mut at);
        at.iter().for_each(|&i| in_sector[i] += 1);
        for o in &e.outcomes {
            positions(&o.sectors, &mut at);
            for &i in &at {
                counts[i].add(o);
                figures::add_money(&mut investment[i], o, true, options);
            }
        }
    }
    let rows = sectors
        .items
        .iter()
        .zip(in_sector)
        .zip(counts)
        .zip(investment);
    rows.filter(|(((_, events), counts), _)| *events > 0 || counts.total() + counts.pending > 0)
        .map(|(((s, events), counts), investment)| SectorRow {
            sector: s.id.clone(),
            events,
            outcomes: counts.total(),
            pending: counts.pending,
            investment,
        })
        .collect()
}

fn timeline_item(e: &Event) -> TimelineItem {
    let last = e.last_day();
    let multi = e.end.is_some() && last != e.start.date;
    TimelineItem {
        event: e.id.clone(),
        start: e.start.to_string(),
        end: multi.then(|| last.to_string()),
        precision: e.start.precision,
        days: (last.days_since_epoch() - e.start.date.days_since_epoch() + 1).max(1) as u32,
    }
}

/// The months of the monthly chart, oldest first.
fn trend_window(period: Period) -> Vec<(i32, u8)> {
    let n = trend_months(period);
    let end = period.end();
    let last = end.year * 12 + i32::from(end.month) - 1;
    (last + 1 - i32::from(n)..=last)
        .map(|m| (m.div_euclid(12), m.rem_euclid(12) as u8 + 1))
        .collect()
}

/// Events dated at least to the month, counted per month of `months`
/// (consecutive, oldest first), in one pass over the data.
fn month_counts<T: Counts>(
    items: &[T],
    months: impl IntoIterator<Item = (i32, u8)>,
) -> Vec<MonthCount> {
    let mut out: Vec<MonthCount> = months
        .into_iter()
        .map(|(year, month)| MonthCount {
            year,
            month,
            events: 0,
        })
        .collect();
    let Some(first) = out.first().map(|m| m.year * 12 + i32::from(m.month) - 1) else {
        return out;
    };
    for start in items
        .iter()
        .map(Counts::start)
        .filter(|s| s.precision != Precision::Year)
    {
        let at = start.date.year * 12 + i32::from(start.date.month) - 1 - first;
        if let Some(m) = usize::try_from(at).ok().and_then(|i| out.get_mut(i)) {
            m.events += 1;
        }
    }
    out
}

/// Up to three events with outcomes, ranked by concluded agreements, then
/// by amount in the base currency, then by pending outcomes, then by date.
fn highlights(events: &[&Event], options: &AggregateOptions) -> Vec<String> {
    let mut scored: Vec<(u32, f64, u32, &Event)> = events
        .iter()
        .filter(|e| !e.outcomes.is_empty())
        .map(|e| {
            let counts = OutcomeCounts::of(&e.outcomes);
            let money = Money::of_outcomes(&e.outcomes, options);
            (counts.total(), money.value, counts.pending, *e)
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(b.2.cmp(&a.2))
            .then(a.3.start.date.cmp(&b.3.start.date))
            .then(a.3.id.cmp(&b.3.id))
    });
    scored.into_iter().take(3).map(|s| s.3.id.clone()).collect()
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
pub(crate) mod properties;
