//! The annex: everything of the quarter that the brief itself cannot list,
//! as rows for the annex workbook — every event, every outcome, every
//! follow-up, and the key figures. Language-specific labels, numbers kept
//! as numbers (amounts converted to the base currency), dates as ISO dates.

use serde::Serialize;

use super::{KeyFigure, Viewer};
use crate::aggregate::{AggregateOptions, FollowUpItem, Money, OutcomeCounts, Report};
use crate::model::{Event, Outcome, OutcomeType, Precision};

/// Whether an annex lists its rows. Only the annex workbook, the JSON model
/// and a PDF that attaches the model read them, and a busy period has tens
/// of thousands, so a brief rendered as PDF and DOCX goes without.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AnnexRows {
    #[default]
    Listed,
    Omitted,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Annex {
    /// Whether `events`, `outcomes` and `follow_ups` were filled.
    #[serde(skip)]
    pub rows: AnnexRows,
    /// The workbook's file name, which the brief names.
    pub file: String,
    /// Column headers and sheet names, in the brief's language.
    pub labels: AnnexLabels,
    pub events: Vec<AnnexEvent>,
    pub outcomes: Vec<AnnexOutcome>,
    pub follow_ups: Vec<AnnexFollowUp>,
    pub key_figures: Vec<KeyFigure>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AnnexLabels {
    pub sheets: [String; 4],
    pub events: Vec<String>,
    pub outcomes: Vec<String>,
    pub follow_ups: Vec<String>,
    pub key_figures: Vec<String>,
}

/// A date as the workbook shows it: a real date when the day is known,
/// else the text of the month or year.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexDate {
    /// `YYYY-MM-DD` when the day is known.
    pub iso: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnnexEvent {
    pub id: String,
    pub start: AnnexDate,
    pub end: Option<AnnexDate>,
    pub title: String,
    pub kind: String,
    pub sectors: String,
    pub hosts: String,
    pub partners: String,
    pub countries: String,
    pub attendance: Option<u64>,
    pub attendance_approximate: bool,
    /// Counted outcomes by type (mou, agreement, contract, membership,
    /// investment), then pending ones.
    pub outcomes: [u32; 6],
    /// The event's amounts in the base currency, if any.
    pub amount: Option<f64>,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnnexOutcome {
    pub event: String,
    pub kind: String,
    pub count: u32,
    pub title: String,
    pub parties: String,
    pub status: String,
    /// As written, with its currency and qualifiers.
    pub amount_written: String,
    pub amount: Option<f64>,
    pub qualifiers: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnnexFollowUp {
    /// Due next quarter, overdue, or open.
    pub group: String,
    pub event: String,
    pub action: String,
    pub owner: String,
    pub due: Option<AnnexDate>,
    pub status: String,
}

/// The outcomes' amounts in the base currency, if any has one.
fn in_base<'a>(
    outcomes: impl IntoIterator<Item = &'a Outcome>,
    options: &AggregateOptions,
) -> Option<f64> {
    let money = Money::of_outcomes(outcomes, options);
    (money.parts > 0).then_some(money.value)
}

/// Finds an event of the data set by id.
pub(super) type Find<'f, 'e> = &'f dyn Fn(&String) -> Option<&'e Event>;

impl Viewer<'_> {
    fn date_cell(&self, d: crate::model::FuzzyDate) -> AnnexDate {
        AnnexDate {
            iso: (d.precision == Precision::Day).then(|| d.to_string()),
            text: crate::locale::date(d, self.lang),
        }
    }

    fn labels_list(&self, key: &str) -> Vec<String> {
        self.label(key)
            .replace("{base}", &self.config.base_currency)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }

    fn annex_event(&self, e: &Event, options: &AggregateOptions) -> AnnexEvent {
        let lang = self.lang;
        let join = |ids: &[String], f: &dyn Fn(&str) -> String| {
            ids.iter().map(|i| f(i)).collect::<Vec<_>>().join(", ")
        };
        let mut countries: Vec<String> = Vec::new();
        for r in e.regions() {
            if let Some(c) = self.dataset.taxonomy.region(r).map(|x| x.country.clone())
                && !countries.contains(&c)
            {
                countries.push(c);
            }
        }
        let counts = OutcomeCounts::of(&e.outcomes);
        let mut outcomes = [0u32; 6];
        for (slot, t) in outcomes.iter_mut().zip(OutcomeType::ALL) {
            *slot = counts.get(t);
        }
        outcomes[5] = counts.pending;
        let amount = in_base(&e.outcomes, options);
        AnnexEvent {
            id: e.id.clone(),
            start: self.date_cell(e.start),
            end: e.end.map(|d| {
                self.date_cell(crate::model::FuzzyDate {
                    date: d,
                    precision: Precision::Day,
                })
            }),
            title: e.title.get(lang).to_string(),
            kind: self.kind(&e.kind),
            sectors: join(&e.sectors, &|s| self.sector(s)),
            hosts: join(&e.hosts, &|r| self.region(r)),
            partners: join(&e.partners, &|r| self.region(r)),
            countries: join(&countries, &|r| self.region(r)),
            attendance: e.attendance.as_ref().map(|a| a.count),
            attendance_approximate: e.attendance.as_ref().is_some_and(|a| a.approximate),
            outcomes,
            amount,
            source: e
                .sources
                .iter()
                .map(|s| format!("{} — {}", s.outlet, s.title))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    fn annex_outcomes(&self, e: &Event, options: &AggregateOptions, out: &mut Vec<AnnexOutcome>) {
        for o in &e.outcomes {
            let v = self.outcome_view(o);
            let mut qualifiers = Vec::new();
            if let Some(a) = &o.amount {
                if a.approximate {
                    qualifiers.push(self.label("money.about"));
                }
                match a.qualifier {
                    crate::model::AmountQualifier::UpTo => {
                        qualifiers.push(self.label("money.up_to"))
                    }
                    crate::model::AmountQualifier::AtLeast => {
                        qualifiers.push(self.label("money.at_least"))
                    }
                    crate::model::AmountQualifier::Exact => {}
                }
                if a.expected {
                    qualifiers.push(self.label("money.expected"));
                }
            }
            out.push(AnnexOutcome {
                event: e.title.get(self.lang).to_string(),
                kind: v.kind,
                count: o.count,
                title: o.title.get(self.lang).to_string(),
                parties: v.parties,
                status: v.status,
                amount_written: o.amount.as_ref().map_or_else(String::new, |a| {
                    crate::locale::money(a.value, &a.currency, self.lang)
                }),
                amount: in_base([o], options),
                qualifiers: qualifiers.join(", "),
            });
        }
    }

    fn annex_follow_ups(
        &self,
        group: &str,
        items: &[FollowUpItem],
        find: Find<'_, '_>,
        out: &mut Vec<AnnexFollowUp>,
    ) {
        for i in items {
            let Some(e) = find(&i.event) else { continue };
            let Some(f) = e.follow_ups.get(i.index) else {
                continue;
            };
            out.push(AnnexFollowUp {
                group: self.label(group),
                event: e.title.get(self.lang).to_string(),
                action: f.action.get(self.lang).to_string(),
                owner: f.owner.get(self.lang).to_string(),
                due: f.due.map(|d| self.date_cell(d)),
                status: self.label(&format!("follow_up_status.{}", f.status.id())),
            });
        }
    }

    /// The annex of the period `report` describes, named `file`, its rows
    /// listed or not.
    pub(super) fn annex(
        &self,
        report: &Report,
        file: String,
        listed: AnnexRows,
        key_figures: &[KeyFigure],
        find: Find<'_, '_>,
    ) -> Annex {
        let events: Vec<&Event> = match listed {
            AnnexRows::Listed => report.events.iter().filter_map(find).collect(),
            AnnexRows::Omitted => Vec::new(),
        };
        let options = AggregateOptions::from(self.config);
        // A busy quarter has tens of thousands of rows: built on every core.
        let rows = crate::parallel::chunked(&events, |e| {
            let mut outcomes = Vec::new();
            self.annex_outcomes(e, &options, &mut outcomes);
            (self.annex_event(e, &options), outcomes)
        });
        let (events, outcomes): (Vec<AnnexEvent>, Vec<Vec<AnnexOutcome>>) =
            rows.into_iter().unzip();
        let outcomes = outcomes.into_iter().flatten().collect();
        let mut follow_ups = Vec::new();
        if listed == AnnexRows::Listed {
            for (group, items) in [
                ("section.follow_ups_due", &report.follow_ups_due),
                ("section.follow_ups_overdue", &report.follow_ups_overdue),
                ("section.follow_ups_open", &report.follow_ups_open),
            ] {
                self.annex_follow_ups(group, items, find, &mut follow_ups);
            }
        }
        Annex {
            rows: listed,
            file,
            labels: AnnexLabels {
                sheets: [
                    self.label("annex.sheet_events"),
                    self.label("annex.sheet_outcomes"),
                    self.label("annex.sheet_follow_ups"),
                    self.label("annex.sheet_key_figures"),
                ],
                events: self.labels_list("annex.events"),
                outcomes: self.labels_list("annex.outcomes"),
                follow_ups: self.labels_list("annex.follow_ups"),
                key_figures: self.labels_list("annex.key_figures"),
            },
            events,
            outcomes,
            follow_ups,
            key_figures: key_figures.to_vec(),
        }
    }
}
