//! Raw event records -> validated `Event`s: ids resolved through the
//! taxonomies, dates and amounts checked, every problem reported with its
//! location and, for a misspelt id, the nearest known one.

use std::collections::BTreeMap;

use serde_saphyr::{Location, Spanned};

use super::raw::{DateText, RawEvent, RawText};
use super::{LoadOptions, SourceFile};
use crate::diag::{Diagnostic, did_you_mean};
use crate::model::{
    Amount, AmountQualifier, Attendance, Event, FollowUp, FollowUpStatus, FuzzyDate, Outcome,
    OutcomeStatus, OutcomeType, Source, Taxonomy, Text, Vocabulary,
};

/// Amounts above this (in any currency unit) are refused as absurd.
const MAX_AMOUNT: f64 = 1e15;
/// Attendance above this is refused as absurd.
const MAX_ATTENDANCE: i64 = 100_000_000;
/// An outcome line stands for at most this many agreements.
const MAX_COUNT: i64 = 100_000;

pub(super) fn events(
    raw: Vec<(SourceFile, RawEvent)>,
    taxonomy: &Taxonomy,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Event> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut events = Vec::with_capacity(raw.len());
    for (source, record) in raw {
        let mut v = Validator {
            source: &source,
            taxonomy,
            options,
            diags: Vec::new(),
        };
        let event = v.event(record);
        let ok = v.diags.is_empty();
        diags.extend(v.diags);
        let Some(event) = event.filter(|_| ok) else {
            continue;
        };
        if let Some(first) = seen.get(&event.id) {
            diags.push(
                Diagnostic::error(
                    crate::diag::Span::file(&source.display),
                    format!("duplicate event id `{}`", event.id),
                )
                .with_hint(format!(
                    "`{first}` already uses it; ids must be unique across the data folder"
                )),
            );
            continue;
        }
        seen.insert(event.id.clone(), source.display.clone());
        events.push(event);
    }
    events.sort_by(|a, b| (a.start.date, &a.id).cmp(&(b.start.date, &b.id)));
    events
}

struct Validator<'a> {
    source: &'a SourceFile,
    taxonomy: &'a Taxonomy,
    options: &'a LoadOptions,
    diags: Vec<Diagnostic>,
}

fn text(raw: RawText) -> Text {
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Text {
        ko: clean(raw.ko),
        en: clean(raw.en),
    }
}

impl Validator<'_> {
    fn err(&mut self, loc: &Location, message: impl Into<String>, hint: Option<String>) {
        let d = self.source.error(loc, message).with_hint_opt(hint);
        self.diags.push(d);
    }

    fn event(&mut self, r: RawEvent) -> Option<Event> {
        let id = r.id.value.trim().to_string();
        if id.is_empty()
            || id.len() > 200
            || !id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            self.err(
                &r.id.referenced,
                format!("`{id}` is not a valid event id"),
                Some(
                    "use letters, digits, `-`, `_` and `.`, e.g. `2025-06-10-quebec-mission`"
                        .into(),
                ),
            );
        }
        let title = self.required_text(r.title, "title");
        let kind = self.term(&r.kind, &self.taxonomy.kinds, "event kind");
        let start = self.date(&r.start);
        let end = r.end.as_ref().and_then(|e| self.date(e));
        if let (Some(start), Some(end_date)) = (start, end)
            && end_date.date < start.date
        {
            let loc = r.end.as_ref().map_or(r.start.referenced, |e| e.referenced);
            self.err(
                &loc,
                format!("the event ends ({end_date}) before it starts ({start})"),
                Some("check the order of `start` and `end`".into()),
            );
        }
        let hosts = self.regions(&r.hosts);
        let partners = self.regions(&r.partners);
        if hosts.is_empty() && partners.is_empty() && r.hosts.is_empty() && r.partners.is_empty() {
            self.err(
                &r.id.referenced,
                "the event names no region",
                Some("list at least one region under `hosts` or `partners`".into()),
            );
        }
        if r.sectors.value.is_empty() {
            self.err(
                &r.sectors.referenced,
                "the event names no sector",
                Some("list at least one sector id, e.g. `sectors: [bio]`".into()),
            );
        }
        let sectors = self.sectors(&r.sectors.value);
        let attendance = r.attendance.map(|a| {
            let count = a.value.count.value;
            if !(0..=MAX_ATTENDANCE).contains(&count) {
                self.err(
                    &a.value.count.referenced,
                    format!("attendance {count} is out of range"),
                    Some(format!(
                        "expected a whole number from 0 to {MAX_ATTENDANCE}"
                    )),
                );
            }
            Attendance {
                count: count.clamp(0, MAX_ATTENDANCE) as u64,
                approximate: a.value.approximate,
            }
        });
        let outcomes = r
            .outcomes
            .into_iter()
            .map(|o| self.outcome(o, &sectors))
            .collect::<Vec<_>>();
        let follow_ups = r
            .follow_ups
            .into_iter()
            .map(|f| {
                let f = f.value;
                let action = self.required_text(f.action, "action");
                FollowUp {
                    action,
                    owner: text(f.owner),
                    due: f.due.as_ref().and_then(|d| self.date(d)),
                    status: self.choice(
                        &f.status,
                        &FollowUpStatus::ALL,
                        FollowUpStatus::id,
                        "follow-up status",
                    ),
                }
            })
            .collect();
        let sources = r
            .sources
            .into_iter()
            .map(|s| {
                let s = s.value;
                let url = s.url.map(|u| {
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
                Source {
                    outlet: s.outlet.value.trim().to_string(),
                    title: s.title.value.trim().to_string(),
                    date: s.date.as_ref().and_then(|d| self.date(d)),
                    url,
                }
            })
            .collect();

        Some(Event {
            id,
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
            file: self.source.display.clone(),
        })
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

    fn date(&mut self, raw: &Spanned<DateText>) -> Option<FuzzyDate> {
        match FuzzyDate::parse(&raw.value.0) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(
                    &raw.referenced,
                    format!("invalid date: {e}"),
                    Some("expected YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known".into()),
                );
                None
            }
        }
    }

    fn term(
        &mut self,
        raw: &Spanned<String>,
        vocab: &Vocabulary<crate::model::Term>,
        what: &str,
    ) -> Option<String> {
        match vocab.lookup(&raw.value) {
            Some(t) => Some(t.id.clone()),
            None => {
                let hint = suggest(
                    &raw.value,
                    vocab
                        .items
                        .iter()
                        .map(|t| (t.id.as_str(), &t.label, &t.aliases)),
                    what,
                );
                self.err(
                    &raw.referenced,
                    format!("unknown {what} `{}`", raw.value),
                    Some(hint),
                );
                None
            }
        }
    }

    fn sectors(&mut self, raw: &[Spanned<String>]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in raw {
            if let Some(id) = self.term(s, &self.taxonomy.sectors, "sector")
                && !out.contains(&id)
            {
                out.push(id);
            }
        }
        out
    }

    fn regions(&mut self, raw: &[Spanned<String>]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in raw {
            match self.taxonomy.regions.lookup(&r.value) {
                Some(region) => {
                    if !out.contains(&region.id) {
                        out.push(region.id.clone());
                    }
                }
                None => {
                    let items = &self.taxonomy.regions.items;
                    let hint = suggest(
                        &r.value,
                        items.iter().map(|t| (t.id.as_str(), &t.label, &t.aliases)),
                        "region",
                    );
                    self.err(
                        &r.referenced,
                        format!("unknown region `{}`", r.value),
                        Some(hint),
                    );
                }
            }
        }
        out
    }

    fn choice<T: Copy>(
        &mut self,
        raw: &Spanned<String>,
        all: &[T],
        id: fn(T) -> &'static str,
        what: &str,
    ) -> T {
        match all.iter().copied().find(|t| id(*t) == raw.value.trim()) {
            Some(t) => t,
            None => {
                let names: Vec<&str> = all.iter().map(|t| id(*t)).collect();
                let hint = match did_you_mean(&raw.value, names.iter().copied()) {
                    Some(s) => format!(
                        "did you mean `{s}`? (expected one of: {})",
                        names.join(", ")
                    ),
                    None => format!("expected one of: {}", names.join(", ")),
                };
                self.err(
                    &raw.referenced,
                    format!("unknown {what} `{}`", raw.value),
                    Some(hint),
                );
                all[0]
            }
        }
    }

    fn outcome(
        &mut self,
        o: Spanned<crate::load::raw::RawOutcome>,
        event_sectors: &[String],
    ) -> Outcome {
        let o = o.value;
        let kind = self.choice(&o.kind, &OutcomeType::ALL, OutcomeType::id, "outcome type");
        let count = match &o.count {
            Some(c) if !(1..=MAX_COUNT).contains(&c.value) => {
                self.err(
                    &c.referenced,
                    format!("count {} is out of range", c.value),
                    Some(format!(
                        "expected how many agreements this line stands for, 1 to {MAX_COUNT}"
                    )),
                );
                1
            }
            Some(c) => c.value as u32,
            None => 1,
        };
        let title = self.required_text(o.title, "outcome title");
        let sectors = match &o.sectors {
            Some(list) if !list.is_empty() => self.sectors(list),
            _ => event_sectors.to_vec(),
        };
        let status = self.choice(
            &o.status,
            &OutcomeStatus::ALL,
            OutcomeStatus::id,
            "outcome status",
        );
        let amount = o.amount.map(|a| {
            let a = a.value;
            let value = a.value.value;
            if !value.is_finite() || !(0.0..=MAX_AMOUNT).contains(&value) {
                self.err(
                    &a.value.referenced,
                    format!("amount {value} is out of range"),
                    Some("expected a non-negative amount in currency units, e.g. 15000000".into()),
                );
            }
            let currency = a.currency.value.trim().to_ascii_uppercase();
            if !self.options.currencies.contains(&currency) {
                let hint = match did_you_mean(&currency, self.options.currencies.iter().map(String::as_str)) {
                    Some(s) => format!("did you mean `{s}`? Or add an exchange rate for it under [currency.rates] in brief.toml"),
                    None => format!(
                        "known currencies: {}; add an exchange rate under [currency.rates] in brief.toml",
                        self.options.currencies.join(", ")
                    ),
                };
                self.err(&a.currency.referenced, format!("unknown currency `{currency}`"), Some(hint));
            }
            let qualifier = match a.qualifier.as_ref() {
                None => AmountQualifier::Exact,
                Some(q) => match q.value.trim() {
                    "exact" => AmountQualifier::Exact,
                    "up_to" => AmountQualifier::UpTo,
                    "at_least" => AmountQualifier::AtLeast,
                    other => {
                        self.err(
                            &q.referenced,
                            format!("unknown amount qualifier `{other}`"),
                            Some("expected one of: exact, up_to, at_least".into()),
                        );
                        AmountQualifier::Exact
                    }
                },
            };
            Amount {
                value: if value.is_finite() { value.clamp(0.0, MAX_AMOUNT) } else { 0.0 },
                currency,
                qualifier,
                approximate: a.approximate,
                expected: a.expected,
            }
        });
        Outcome {
            kind,
            count,
            title,
            parties: o.parties.into_iter().map(text).collect(),
            sectors,
            status,
            amount,
            note: text(o.note),
        }
    }
}

/// "did you mean" over ids, labels and aliases, naming the id a label or
/// alias belongs to.
fn suggest<'a>(
    input: &str,
    items: impl Iterator<Item = (&'a str, &'a Text, &'a Vec<String>)>,
    what: &str,
) -> String {
    let mut keys: Vec<(&str, &str)> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for (id, label, aliases) in items {
        ids.push(id);
        keys.push((id, id));
        keys.extend(label.ko.iter().chain(&label.en).map(|l| (l.as_str(), id)));
        keys.extend(aliases.iter().map(|a| (a.as_str(), id)));
    }
    match did_you_mean(input, keys.iter().map(|(k, _)| *k)) {
        Some(k) => {
            let id = keys
                .iter()
                .find(|(key, _)| *key == k)
                .map_or(k, |(_, id)| *id);
            if k == id {
                format!("did you mean `{id}`?")
            } else {
                format!("did you mean `{k}` (the {what} `{id}`)?")
            }
        }
        None => {
            let shown: Vec<&str> = ids.iter().take(12).copied().collect();
            format!(
                "known {what} ids include: {}{}; add new ones to the taxonomy files under data/taxonomy/",
                shown.join(", "),
                if ids.len() > 12 { ", ..." } else { "" }
            )
        }
    }
}
