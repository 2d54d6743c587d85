//! Key figures of a set of events: counts, attendance, money.

use std::collections::BTreeSet;

use serde::Serialize;

use super::AggregateOptions;
use crate::model::{AmountQualifier, Counts, Outcome, OutcomeStatus, OutcomeType, Taxonomy};

/// Concluded agreements by type, plus those still pending.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OutcomeCounts {
    pub mou: u32,
    pub agreement: u32,
    pub contract: u32,
    pub membership: u32,
    pub investment: u32,
    /// Planned, under discussion or expected (not counted above).
    pub pending: u32,
}

/// Whether an outcome counts as one (signed or agreed, or an investment
/// expected) rather than as pending (planned or under discussion, or any
/// other outcome expected).
pub fn is_counted(o: &Outcome) -> bool {
    match o.status {
        OutcomeStatus::Signed | OutcomeStatus::Agreed => true,
        // An expected investment is still an investment outcome: its amount
        // is the point, and it is marked as expected wherever it is shown.
        OutcomeStatus::Expected => o.kind == OutcomeType::Investment,
        OutcomeStatus::Planned | OutcomeStatus::UnderDiscussion => false,
    }
}

impl OutcomeCounts {
    /// The counts of the outcomes of `outcomes`.
    pub fn of<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> OutcomeCounts {
        let mut counts = OutcomeCounts::default();
        outcomes.into_iter().for_each(|o| counts.add(o));
        counts
    }

    pub fn add(&mut self, o: &Outcome) {
        if !is_counted(o) {
            self.pending = self.pending.saturating_add(o.count);
            return;
        }
        let slot = match o.kind {
            OutcomeType::Mou => &mut self.mou,
            OutcomeType::Agreement => &mut self.agreement,
            OutcomeType::Contract => &mut self.contract,
            OutcomeType::Membership => &mut self.membership,
            OutcomeType::Investment => &mut self.investment,
        };
        *slot = slot.saturating_add(o.count);
    }

    pub fn total(&self) -> u32 {
        [
            self.mou,
            self.agreement,
            self.contract,
            self.membership,
            self.investment,
        ]
        .into_iter()
        .fold(0u32, u32::saturating_add)
    }

    pub fn get(&self, t: OutcomeType) -> u32 {
        match t {
            OutcomeType::Mou => self.mou,
            OutcomeType::Agreement => self.agreement,
            OutcomeType::Contract => self.contract,
            OutcomeType::Membership => self.membership,
            OutcomeType::Investment => self.investment,
        }
    }
}

/// A sum of money in the base currency, with what its parts were qualified by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    pub value: f64,
    /// Some part was "about".
    pub approximate: bool,
    /// Some part was "up to" (a ceiling).
    pub up_to: bool,
    /// Some part was "at least" (a floor).
    pub at_least: bool,
    /// Some part is a forecast.
    pub expected: bool,
    /// How many amounts were summed.
    pub parts: u32,
}

impl Money {
    /// How the sum reads: "about" when some part was, or when parts "up
    /// to" and parts "at least" were added (the sum is then neither a
    /// ceiling nor a floor); and its bound, "up to" or "at least" when all
    /// bounded parts agree (`Exact` otherwise).
    pub fn reading(&self) -> (bool, AmountQualifier) {
        let bound = match (self.up_to, self.at_least) {
            (true, false) => AmountQualifier::UpTo,
            (false, true) => AmountQualifier::AtLeast,
            _ => AmountQualifier::Exact,
        };
        (self.approximate || (self.up_to && self.at_least), bound)
    }

    /// Every amount of `outcomes` (investments and deals), in the base
    /// currency.
    pub fn of_outcomes<'a>(
        outcomes: impl IntoIterator<Item = &'a Outcome>,
        options: &AggregateOptions,
    ) -> Money {
        let mut money = Money::zero();
        for o in outcomes {
            add_money(&mut money, o, true, options);
            add_money(&mut money, o, false, options);
        }
        money
    }

    pub fn zero() -> Money {
        Money {
            value: 0.0,
            approximate: false,
            up_to: false,
            at_least: false,
            expected: false,
            parts: 0,
        }
    }
}

/// Adds the outcome's amount to `money` when the outcome is an investment
/// (`investment == true`) or any other kind (`investment == false`).
pub(crate) fn add_money(
    money: &mut Money,
    o: &Outcome,
    investment: bool,
    options: &AggregateOptions,
) {
    if (o.kind == OutcomeType::Investment) != investment {
        return;
    }
    let Some(a) = &o.amount else { return };
    // The loader only admits currencies with a rate.
    let rate = options.rates.get(&a.currency).copied().unwrap_or(0.0);
    money.value += a.value * rate;
    money.approximate |= a.approximate;
    money.up_to |= a.qualifier == AmountQualifier::UpTo;
    money.at_least |= a.qualifier == AmountQualifier::AtLeast;
    money.expected |= a.expected || o.status == OutcomeStatus::Expected;
    money.parts += 1;
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub events: u32,
    pub outcomes: OutcomeCounts,
    pub outcomes_total: u32,
    pub partner_countries: u32,
    pub partner_regions: u32,
    pub domestic_regions: u32,
    pub attendance: u64,
    pub attendance_approximate: bool,
    /// Events that report attendance.
    pub attendance_events: u32,
    /// Investment outcomes, in the base currency.
    pub investment: Money,
    /// Amounts of other outcomes (MOUs, contracts), in the base currency.
    pub deal_value: Money,
}

impl Figures {
    pub fn of<T: Counts>(events: &[&T], tax: &Taxonomy, options: &AggregateOptions) -> Figures {
        let mut outcomes = OutcomeCounts::default();
        let mut investment = Money::zero();
        let mut deal_value = Money::zero();
        let mut countries = BTreeSet::new();
        let mut partner_regions = BTreeSet::new();
        let mut domestic_regions = BTreeSet::new();
        let (mut attendance, mut attendance_approximate, mut attendance_events) =
            (0u64, false, 0u32);
        for e in events {
            for o in e.outcomes() {
                outcomes.add(o);
                add_money(&mut investment, o, true, options);
                add_money(&mut deal_value, o, false, options);
            }
            e.each_region(tax, |r| {
                let Some(region) = tax.region(r) else {
                    return;
                };
                let province = tax.province_of(r);
                if region.country == options.home_country {
                    if province != region.country {
                        domestic_regions.insert(province);
                    }
                } else {
                    countries.insert(region.country.as_str());
                    if province != region.country {
                        partner_regions.insert(province);
                    }
                }
            });
            if let Some(a) = e.attendance() {
                attendance += a.count;
                attendance_approximate |= a.approximate;
                attendance_events += 1;
            }
        }
        Figures {
            events: events.len() as u32,
            outcomes_total: outcomes.total(),
            outcomes,
            partner_countries: countries.len() as u32,
            partner_regions: partner_regions.len() as u32,
            domestic_regions: domestic_regions.len() as u32,
            attendance,
            attendance_approximate,
            attendance_events,
            investment,
            deal_value,
        }
    }
}
