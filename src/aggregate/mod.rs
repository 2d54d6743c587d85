//! Aggregation: pure functions from loaded events to the numbers of one
//! quarter's brief. No I/O, no language: ids and counts only.
//!
//! Counting rules (also printed in every brief's notes):
//! - an event belongs to the quarter of its start date; events whose date is
//!   known only to the year belong to no quarter and are listed separately;
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

use crate::model::{Dataset, Event, Precision, Quarter};

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

/// Every number a brief for one quarter shows.
#[derive(Debug, Clone, Serialize)]
pub struct QuarterReport {
    pub quarter: String,
    pub base_currency: String,
    pub figures: Figures,
    pub previous_quarter: String,
    pub previous: Figures,
    pub year_ago_quarter: String,
    pub year_ago: Figures,
    pub sectors: Vec<SectorRow>,
    pub partner_countries: Vec<RegionRow>,
    pub partner_regions: Vec<RegionRow>,
    pub domestic_regions: Vec<RegionRow>,
    pub matrix: Matrix,
    pub timeline: Vec<TimelineItem>,
    pub months: Vec<MonthCount>,
    /// Events per month over the last four quarters (this one included).
    pub trend: Vec<MonthCount>,
    pub follow_ups_due: Vec<FollowUpItem>,
    pub follow_ups_overdue: Vec<FollowUpItem>,
    /// Open follow-ups of this quarter's events that have no due date.
    pub follow_ups_open: Vec<FollowUpItem>,
    /// Event ids, most important first.
    pub highlights: Vec<String>,
    /// Ids of this quarter's events, in date order.
    pub events: Vec<String>,
    /// Ids of events of this year whose date is known only to the year.
    pub undated: Vec<String>,
}

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

/// The quarters a brief for `quarter` reads: the last four (for the
/// monthly trend) and the same quarter a year before.
pub fn quarters_needed(quarter: Quarter) -> Vec<Quarter> {
    let mut qs = vec![quarter];
    for _ in 0..4 {
        let last = qs[qs.len() - 1];
        qs.push(last.prev());
    }
    qs
}

/// The events a quarter's figures are computed from.
pub fn events_in(dataset: &Dataset, quarter: Quarter) -> Vec<&Event> {
    dataset
        .events
        .iter()
        .filter(|e| e.quarter() == Some(quarter))
        .collect()
}

/// Computes the report for `quarter`.
pub fn quarter_report(
    dataset: &Dataset,
    quarter: Quarter,
    options: &AggregateOptions,
) -> QuarterReport {
    let events = events_in(dataset, quarter);
    let tax = &dataset.taxonomy;
    let figures = Figures::of(&events, tax, options);
    let previous = Figures::of(&events_in(dataset, quarter.prev()), tax, options);
    let year_ago = Figures::of(&events_in(dataset, quarter.year_before()), tax, options);

    let sectors = tax
        .sectors
        .items
        .iter()
        .filter_map(|s| {
            let in_sector: Vec<&Event> = events
                .iter()
                .copied()
                .filter(|e| e.sectors.contains(&s.id))
                .collect();
            let mut counts = OutcomeCounts::default();
            let mut investment = Money::zero();
            for e in &events {
                for o in e.outcomes.iter().filter(|o| o.sectors.contains(&s.id)) {
                    counts.add(o);
                    figures::add_money(&mut investment, o, true, options);
                }
            }
            (!in_sector.is_empty() || counts.total() + counts.pending > 0).then(|| SectorRow {
                sector: s.id.clone(),
                events: in_sector.len() as u32,
                outcomes: counts.total(),
                pending: counts.pending,
                investment,
            })
        })
        .collect();

    let breakdown = regions::breakdown(&events, tax, &options.home_country);

    let timeline = events
        .iter()
        .map(|e| {
            let last = e.last_day();
            let multi = e.end.is_some() && last != e.start.date;
            TimelineItem {
                event: e.id.clone(),
                start: e.start.to_string(),
                end: multi.then(|| last.to_string()),
                precision: e.start.precision,
                days: (last.days_since_epoch() - e.start.date.days_since_epoch() + 1).max(1) as u32,
            }
        })
        .collect();

    let months = (0..3)
        .map(|i| {
            let month = quarter.first_month() + i;
            MonthCount {
                year: quarter.year,
                month,
                events: events
                    .iter()
                    .filter(|e| e.start.date.month == month)
                    .count() as u32,
            }
        })
        .collect();

    // One pass: each dated event lands in at most one of the 12 months.
    let first = quarter.prev().prev().prev();
    let base = i64::from(first.year) * 12 + i64::from(first.first_month()) - 1;
    let mut counts = [0u32; 12];
    for e in dataset
        .events
        .iter()
        .filter(|e| e.start.precision != Precision::Year)
    {
        let at = i64::from(e.start.date.year) * 12 + i64::from(e.start.date.month) - 1 - base;
        if let Ok(i) = usize::try_from(at)
            && i < 12
        {
            counts[i] += 1;
        }
    }
    let trend = counts
        .iter()
        .enumerate()
        .map(|(i, &events)| {
            let m = base + i as i64;
            MonthCount {
                year: (m / 12) as i32,
                month: (m % 12) as u8 + 1,
                events,
            }
        })
        .collect();

    let fu = followups::collect(dataset, quarter);

    QuarterReport {
        quarter: quarter.to_string(),
        base_currency: options.base_currency.clone(),
        figures,
        previous_quarter: quarter.prev().to_string(),
        previous,
        year_ago_quarter: quarter.year_before().to_string(),
        year_ago,
        sectors,
        partner_countries: breakdown.countries,
        partner_regions: breakdown.partner_regions,
        domestic_regions: breakdown.domestic_regions,
        matrix: breakdown.matrix,
        timeline,
        months,
        trend,
        follow_ups_due: fu.due,
        follow_ups_overdue: fu.overdue,
        follow_ups_open: fu.open,
        highlights: highlights(&events, options),
        events: events.iter().map(|e| e.id.clone()).collect(),
        undated: dataset
            .events
            .iter()
            .filter(|e| e.start.precision == Precision::Year && e.start.date.year == quarter.year)
            .map(|e| e.id.clone())
            .collect(),
    }
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
