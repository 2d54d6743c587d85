//! Raw YAML/JSON event records -> validated `Event`s: ids resolved through
//! the taxonomies, dates and amounts checked, every problem reported with
//! its line and column and, for a misspelt id, the nearest known one.

use serde_saphyr::{Location, Spanned};

use super::raw::{DateText, RawAmount, RawEvent, RawFollowUp, RawOutcome, RawSource, RawText};
use super::resolve::{self, Problem};
use super::{LoadOptions, SourceFile};
use crate::diag::{Diagnostic, Severity, Span};
use crate::model::{
    Amount, AmountQualifier, Attendance, Event, FollowUp, FollowUpStatus, FuzzyDate, Outcome,
    OutcomeStatus, OutcomeType, Source, Taxonomy, Text,
};

/// Validates one record; `None` when it has errors (they are in `diags`).
pub(super) fn event(
    source: &SourceFile,
    record: RawEvent,
    taxonomy: &Taxonomy,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Event, Span)> {
    let mut v = Validator {
        source,
        taxonomy,
        options,
        diags: Vec::new(),
    };
    let span = source.span(&record.id.referenced);
    let event = v.event(record);
    // Warnings (a place counted under its country) leave the record standing.
    let ok = v.errors() == 0;
    diags.extend(v.diags);
    event.filter(|_| ok).map(|e| (e, span))
}

struct Validator<'a> {
    source: &'a SourceFile,
    taxonomy: &'a Taxonomy,
    options: &'a LoadOptions,
    diags: Vec<Diagnostic>,
}

pub(super) fn text(raw: RawText) -> Text {
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Text {
        ko: clean(raw.ko),
        en: clean(raw.en),
    }
}

impl Validator<'_> {
    /// How many errors (not warnings) were reported so far.
    fn errors(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    fn err(&mut self, loc: &Location, message: impl Into<String>, hint: Option<String>) {
        let d = self.source.error(loc, message).with_hint_opt(hint);
        self.diags.push(d);
    }

    fn problem(&mut self, loc: &Location, p: Problem) {
        self.err(loc, p.message, p.hint);
    }

    /// The value, or `None` after reporting why not.
    fn check<T>(&mut self, loc: &Location, r: Result<T, Problem>) -> Option<T> {
        r.map_err(|p| self.problem(loc, p)).ok()
    }

    fn event(&mut self, r: RawEvent) -> Option<Event> {
        let id = self.check(
            &r.id.referenced,
            resolve::event_id(&r.id.value).map(String::from),
        );
        let title = self.required_text(r.title, "title");
        let kind = self.check(
            &r.kind.referenced,
            resolve::kind(self.taxonomy, &r.kind.value).map(String::from),
        );
        let (start, end) = self.span(&r.start, r.end.as_ref());
        let before = self.errors();
        let hosts = self.regions(&r.hosts);
        let partners = self.regions(&r.partners);
        // Outcome regions are checked against the event's only when all of
        // those resolved (a misspelt partner is reported once, not again
        // for each outcome made with it).
        let event_regions = (self.errors() == before).then_some((&hosts[..], &partners[..]));
        let no_region = r.hosts.is_empty() && r.partners.is_empty();
        self.named_at_all(&r.id.referenced, no_region, &r.sectors);
        let sectors = self.sectors(&r.sectors.value);
        let attendance = r.attendance.and_then(|a| {
            let count = self.check(
                &a.value.count.referenced,
                resolve::attendance(a.value.count.value),
            )?;
            Some(Attendance {
                count,
                approximate: a.value.approximate,
            })
        });
        let outcomes = r
            .outcomes
            .into_iter()
            .map(|o| self.outcome(o, &sectors, event_regions))
            .collect::<Vec<_>>();
        let follow_ups = r
            .follow_ups
            .into_iter()
            .map(|f| self.follow_up(f.value))
            .collect();
        let sources = r
            .sources
            .into_iter()
            .map(|s| self.source(s.value))
            .collect();

        Some(Event {
            id: id?,
            title,
            kind: kind?,
            start: start?,
            end: end.map(|e| e.last_day()),
            date_note: text(r.date_note),
            venue: text(r.venue),
            hosts,
            partners,
            sectors,
            participants: r.participants.into_iter().map(text).collect(),
            attendance,
            outcomes,
            follow_ups,
            sources,
            summary: text(r.summary),
        })
    }

    /// An event names at least one region and one sector.
    fn named_at_all(
        &mut self,
        id: &Location,
        no_region: bool,
        sectors: &Spanned<Vec<Spanned<String>>>,
    ) {
        if no_region {
            self.err(
                id,
                "the event names no region",
                Some("list at least one region under `hosts` or `partners`".into()),
            );
        }
        if sectors.value.is_empty() {
            self.err(
                &sectors.referenced,
                "the event names no sector",
                Some("list at least one sector id, e.g. `sectors: [bio]`".into()),
            );
        }
    }

    /// The start and end of an event, the end not before the start.
    fn span(
        &mut self,
        start: &Spanned<DateText>,
        end: Option<&Spanned<DateText>>,
    ) -> (Option<FuzzyDate>, Option<FuzzyDate>) {
        let first = self.date(start);
        let last = end.and_then(|e| self.date(e));
        if let (Some(first), Some(last)) = (first, last)
            && last.date < first.date
        {
            let loc = end.map_or(start.referenced, |e| e.referenced);
            self.err(
                &loc,
                format!("the event ends ({last}) before it starts ({first})"),
                Some("check the order of `start` and `end`".into()),
            );
        }
        (first, last)
    }

    fn follow_up(&mut self, f: RawFollowUp) -> FollowUp {
        let action = self.required_text(f.action, "action");
        let status = self
            .check(
                &f.status.referenced,
                resolve::choice(
                    &f.status.value,
                    &FollowUpStatus::ALL,
                    FollowUpStatus::id,
                    "follow-up status",
                ),
            )
            .unwrap_or(FollowUpStatus::Planned);
        FollowUp {
            action,
            owner: text(f.owner),
            due: f.due.as_ref().and_then(|d| self.date(d)),
            status,
        }
    }

    /// A source: its address a web address, its words free of markup.
    fn source(&mut self, s: RawSource) -> Source {
        let url = s.url.as_ref().map(|u| {
            let v = u.value.trim().to_string();
            if !(v.starts_with("https://") || v.starts_with("http://")) {
                self.err(
                    &u.referenced,
                    format!("`{v}` is not a web address"),
                    Some("expected an address starting with https:// or http://".into()),
                );
            }
            v
        });
        for field in [&s.outlet, &s.title].into_iter().chain(s.url.as_ref()) {
            if let Some(p) = resolve::text_problem(&field.value) {
                self.problem(&field.referenced, p);
            }
        }
        Source {
            outlet: s.outlet.value.trim().to_string(),
            title: s.title.value.trim().to_string(),
            date: s.date.as_ref().and_then(|d| self.date(d)),
            url,
        }
    }

    fn required_text(&mut self, raw: Spanned<RawText>, what: &str) -> Text {
        if raw.value.is_empty() {
            self.err(
                &raw.referenced,
                format!("the {what} is empty"),
                Some(format!(
                    "write the {what} in Korean (`ko:`) and/or English (`en:`)"
                )),
            );
        }
        text(raw.value)
    }

    /// A date as records and sheets both accept it (one parser for both):
    /// `2025-08-15`, `2025/08/15`, `2025.8.15`, `2025. 8. 15.`,
    /// `2025년 8월 15일`, or the month or year alone.
    fn date(&mut self, raw: &Spanned<DateText>) -> Option<FuzzyDate> {
        let text = raw.value.0.trim();
        let parsed = FuzzyDate::parse(text)
            .or_else(|_| super::human::date(text))
            .map_err(|e| {
                let message = if e.contains("calendar date") {
                    format!("invalid date: {e}")
                } else {
                    format!("`{text}` is not a date")
                };
                Problem::new(message, super::human::DATE_FORMS)
            });
        self.check(&raw.referenced, parsed)
    }

    fn sectors(&mut self, raw: &[Spanned<String>]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in raw {
            if let Some(id) = self.check(
                &s.referenced,
                resolve::sector(self.taxonomy, &s.value).map(String::from),
            ) && !out.contains(&id)
            {
                out.push(id);
            }
        }
        out
    }

    fn regions(&mut self, raw: &[Spanned<String>]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in raw {
            let Some(places) = self.check(&r.referenced, resolve::places(self.taxonomy, &r.value))
            else {
                continue;
            };
            if let Some(note) = places.note {
                let d = self
                    .source
                    .warning(&r.referenced, note.message)
                    .with_hint_opt(note.hint);
                self.diags.push(d);
            }
            for id in places.ids {
                if !out.iter().any(|o| o == id) {
                    out.push(id.to_string());
                }
            }
        }
        out
    }

    /// An outcome's regions: each must be one of the event's hosts or
    /// partners (the outcome is credited to where it was made).
    fn outcome_regions(
        &mut self,
        list: &[Spanned<String>],
        event_regions: Option<(&[String], &[String])>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in list {
            let Some(id) = self.check(
                &r.referenced,
                resolve::region(self.taxonomy, &r.value).map(String::from),
            ) else {
                continue;
            };
            let Some((hosts, partners)) = event_regions else {
                continue;
            };
            if !hosts.contains(&id) && !partners.contains(&id) {
                self.err(
                    &r.referenced,
                    format!(
                        "the outcome's region `{}` is not one of the event's hosts or partners",
                        r.value
                    ),
                    Some("name a region listed under the event's `hosts` or `partners`".into()),
                );
            } else if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    /// An outcome's sum: its value, currency and qualifier checked (none
    /// when any is wrong; each wrong one is reported).
    fn amount(&mut self, a: RawAmount) -> Option<Amount> {
        let value = self.check(&a.value.referenced, resolve::amount(a.value.value));
        let currency = self.check(
            &a.currency.referenced,
            resolve::currency(self.options, &a.currency.value),
        );
        let qualifier = match a.qualifier.as_ref() {
            None => Some(AmountQualifier::Exact),
            Some(q) => self.check(
                &q.referenced,
                resolve::choice(
                    &q.value,
                    &AmountQualifier::ALL,
                    AmountQualifier::id,
                    "amount qualifier",
                ),
            ),
        };
        Some(Amount {
            value: value?,
            currency: currency?,
            qualifier: qualifier?,
            approximate: a.approximate,
            expected: a.expected,
        })
    }

    fn outcome(
        &mut self,
        o: Spanned<RawOutcome>,
        event_sectors: &[String],
        event_regions: Option<(&[String], &[String])>,
    ) -> Outcome {
        let o = o.value;
        let regions = o
            .regions
            .as_deref()
            .map_or_else(Vec::new, |list| self.outcome_regions(list, event_regions));
        let kind = self
            .check(
                &o.kind.referenced,
                resolve::choice(
                    &o.kind.value,
                    &OutcomeType::ALL,
                    OutcomeType::id,
                    "outcome type",
                ),
            )
            .unwrap_or(OutcomeType::Mou);
        let count = match &o.count {
            Some(c) => self
                .check(&c.referenced, resolve::count(c.value))
                .unwrap_or(1),
            None => 1,
        };
        let title = self.required_text(o.title, "outcome title");
        // Absent: the event's sectors; an empty list: no sector (the
        // source ties the outcome to none).
        let sectors = match &o.sectors {
            Some(list) => self.sectors(list),
            None => event_sectors.to_vec(),
        };
        let status = self
            .check(
                &o.status.referenced,
                resolve::choice(
                    &o.status.value,
                    &OutcomeStatus::ALL,
                    OutcomeStatus::id,
                    "outcome status",
                ),
            )
            .unwrap_or(OutcomeStatus::Signed);
        let amount = o.amount.and_then(|a| self.amount(a.value));
        Outcome {
            kind,
            count,
            title,
            parties: o.parties.into_iter().map(text).collect(),
            sectors,
            regions,
            status,
            amount,
            note: text(o.note),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::{Keep, LoadOptions, load_dir};

    /// The first four lines of the test records: a valid id, title, kind
    /// and start.
    const HEAD: &str = "\
id: 2024-05-01-test
title: { ko: 행사 }
kind: conference
start: 2024-05-03
";

    /// An event's span, follow-ups and sources are checked, each problem
    /// reported at its own line: an end before the start, an unknown
    /// follow-up status, a source address that is no web address.
    #[test]
    fn span_follow_ups_and_sources_are_checked() {
        let record = HEAD.to_string()
            + "\
end: 2024-05-01
sectors: [bio]
partners: [us]
follow_ups:
  - action: { ko: 후속 }
    status: someday
sources:
  - outlet: 신문
    title: 기사
    url: ftp://example.org/a
";
        let said = problems(&record, "span");
        let at = |line: u64, words: &str| said.iter().any(|(l, m)| *l == line && m.contains(words));
        assert!(
            at(5, "ends (2024-05-01) before it starts (2024-05-03)"),
            "{said:#?}"
        );
        assert!(at(10, "someday"), "{said:#?}");
        assert!(
            at(14, "`ftp://example.org/a` is not a web address"),
            "{said:#?}"
        );
        assert_eq!(said.len(), 3, "{said:#?}");
    }

    /// An event without regions or sectors, and an outcome's sum in a
    /// currency the configuration lacks with an unknown qualifier, are
    /// reported at their lines, in the record's order.
    #[test]
    fn empty_lists_and_a_wrong_currency_and_qualifier_are_reported() {
        let record = HEAD.to_string()
            + "\
sectors: []
outcomes:
  - type: mou
    title: { ko: 협약 }
    status: signed
    amount: { value: 100, currency: XYZ, qualifier: roughly }
";
        let said = problems(&record, "lists");
        let lines: Vec<u64> = said.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 5, 10, 10], "{said:#?}");
        assert!(said[0].1.contains("names no region"), "{said:#?}");
        assert!(said[1].1.contains("names no sector"), "{said:#?}");
        assert!(said[2].1.contains("XYZ"), "{said:#?}");
        assert!(said[3].1.contains("roughly"), "{said:#?}");
    }

    /// A place the taxonomy lacks, written with its country in brackets, is
    /// counted under the country with a warning, and the record stands: a
    /// warning never drops an event (it did once, silently, with exit 0).
    #[test]
    fn a_place_counted_under_its_country_keeps_the_record() {
        let record = HEAD.to_string()
            + "\
hosts: [대전]
partners: [가나다마을 (핀란드)]
sectors: [ai]
outcomes:
  - type: mou
    title: { ko: 협약 }
    status: signed
    regions: [fi]
";
        let loaded = load(&record, "country").expect("the record is valid");
        let events = &loaded.dataset.events;
        assert_eq!(events.len(), 1, "{:?}", loaded.warnings);
        assert_eq!(events[0].partners, ["fi"]);
        assert_eq!(events[0].outcomes.len(), 1);
        assert_eq!(loaded.valid_events, 1);
        let warned: Vec<&str> = loaded.warnings.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(warned.len(), 1, "{warned:?}");
        assert!(warned[0].contains("counted under 핀란드"), "{warned:?}");
    }

    /// `load_dir` on a data folder holding the sample taxonomies and one
    /// record.
    fn load(record: &str, name: &str) -> Result<crate::load::Loaded, crate::load::LoadError> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let dir =
            std::env::temp_dir().join(format!("brief-validate-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("taxonomy")).expect("temp dir");
        std::fs::create_dir_all(dir.join("events")).expect("temp dir");
        for f in ["regions.yaml", "sectors.yaml", "kinds.yaml"] {
            std::fs::copy(root.join("taxonomy").join(f), dir.join("taxonomy").join(f))
                .expect("copy");
        }
        std::fs::write(dir.join("events/a.yaml"), record).expect("write");
        let options = LoadOptions {
            currencies: vec!["KRW".into()],
            keep: Keep::All,
            columns: Vec::new(),
            config: String::new(),
        };
        let loaded = load_dir(&dir, &options);
        let _ = std::fs::remove_dir_all(&dir);
        loaded
    }

    /// The problems `load_dir` finds in one record, with their lines.
    fn problems(record: &str, name: &str) -> Vec<(u64, String)> {
        let Err(failed) = load(record, name) else {
            panic!("the record has errors");
        };
        failed
            .diagnostics
            .iter()
            .map(|d| (d.span.line, d.message.clone()))
            .collect()
    }
}
