//! Field-level precision and recall of drafts against hand-checked
//! records, and the check that every drafted value quotes the article.
//!
//! Both sides are reduced to the same `Facts`. Places are compared as a
//! set of region ids in which a country is dropped when one of its places
//! is also listed (a record may name "중국, 베이징" or only "베이징"; the
//! brief rolls cities up either way). Outcomes are compared as counts per
//! type: a draft that records "총 9건의 MOU" as one line of nine matches a
//! record that splits them eight and one. Amounts must match in value,
//! currency and qualifier.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use super::{Cited, Draft};
use crate::model::{AmountQualifier, Event, FuzzyDate, OutcomeStatus, OutcomeType, Taxonomy};

/// What the scorer compares of one event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub start: Option<FuzzyDate>,
    pub end: Option<FuzzyDate>,
    pub kind: Option<String>,
    pub hosts: Vec<String>,
    pub places: Vec<String>,
    pub sectors: Vec<String>,
    pub attendance: Option<(i64, bool)>,
    pub outcomes: BTreeMap<OutcomeType, i64>,
    pub statuses: Vec<(OutcomeType, OutcomeStatus)>,
    pub amounts: Vec<(i64, String, AmountQualifier)>,
}

/// Drops countries that have a place of theirs in the list.
fn places(ids: Vec<String>, taxonomy: &Taxonomy) -> Vec<String> {
    let country = |id: &str| taxonomy.region(id).map(|r| r.country.clone());
    let mut out: Vec<String> = ids
        .iter()
        .filter(|id| {
            let is_country = taxonomy.region(id).is_some_and(|r| r.parent.is_none());
            !is_country
                || !ids
                    .iter()
                    .any(|o| o != *id && country(o).as_deref() == Some(id.as_str()))
        })
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out
}

impl Facts {
    /// The facts of a validated record.
    pub fn of_event(e: &Event, taxonomy: &Taxonomy) -> Facts {
        let mut outcomes = BTreeMap::new();
        for o in &e.outcomes {
            *outcomes.entry(o.kind).or_insert(0) += i64::from(o.count);
        }
        Facts {
            start: Some(e.start),
            end: e.end.map(|date| FuzzyDate {
                date,
                precision: crate::model::Precision::Day,
            }),
            kind: Some(e.kind.clone()),
            hosts: places(e.hosts.clone(), taxonomy),
            places: places(e.regions().map(str::to_string).collect(), taxonomy),
            sectors: sorted(e.sectors.clone()),
            attendance: e
                .attendance
                .as_ref()
                .map(|a| (a.count as i64, a.approximate)),
            outcomes,
            statuses: e.outcomes.iter().map(|o| (o.kind, o.status)).collect(),
            amounts: e
                .outcomes
                .iter()
                .filter_map(|o| o.amount.as_ref())
                .map(|a| (a.value.round() as i64, a.currency.clone(), a.qualifier))
                .collect(),
        }
    }

    /// The facts of a draft.
    pub fn of_draft(d: &Draft, taxonomy: &Taxonomy) -> Facts {
        let ids = |l: &[Cited<String>]| l.iter().map(|c| c.value.clone()).collect::<Vec<_>>();
        let mut outcomes = BTreeMap::new();
        for o in &d.outcomes {
            *outcomes.entry(o.kind.value).or_insert(0) += o.count.as_ref().map_or(1, |c| c.value);
        }
        Facts {
            start: d.start.as_ref().map(|s| s.value),
            end: d.end.as_ref().map(|s| s.value),
            kind: d.kind.as_ref().map(|k| k.value.clone()),
            hosts: places(ids(&d.hosts), taxonomy),
            places: places([ids(&d.hosts), ids(&d.partners)].concat(), taxonomy),
            sectors: sorted(ids(&d.sectors)),
            attendance: d.attendance.as_ref().map(|a| a.value),
            outcomes,
            statuses: d
                .outcomes
                .iter()
                .map(|o| (o.kind.value, o.status.value))
                .collect(),
            amounts: d
                .outcomes
                .iter()
                .filter_map(|o| o.amount.as_ref())
                .map(|a| {
                    let v = &a.value;
                    (
                        v.value.round() as i64,
                        v.currency.clone().unwrap_or_default(),
                        v.qualifier,
                    )
                })
                .collect(),
        }
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// A hand-checked answer for an article that is not in `data/`: the shape
/// of `tests/draft/*.yaml`. Places and sectors by any name the taxonomy
/// knows.
#[derive(Debug, Deserialize)]
pub struct Answer {
    pub url: Option<String>,
    pub published_for_test: Option<String>,
    pub kind: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    #[serde(default)]
    pub hosts: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    pub attendance: Option<AnswerAttendance>,
    #[serde(default)]
    pub outcomes: Vec<AnswerOutcome>,
}

#[derive(Debug, Deserialize)]
pub struct AnswerAttendance {
    pub count: i64,
    #[serde(default)]
    pub approximate: bool,
}

#[derive(Debug, Deserialize)]
pub struct AnswerOutcome {
    #[serde(rename = "type")]
    pub kind: String,
    pub count: Option<i64>,
    pub status: Option<String>,
    pub amount: Option<AnswerAmount>,
}

#[derive(Debug, Deserialize)]
pub struct AnswerAmount {
    pub value: f64,
    pub currency: String,
    pub qualifier: Option<String>,
}

impl Answer {
    /// The answer's facts; names the taxonomy does not know are errors.
    pub fn facts(&self, taxonomy: &Taxonomy) -> Result<Facts, String> {
        let region = |n: &String| {
            taxonomy
                .region(n)
                .map(|r| r.id.clone())
                .ok_or_else(|| format!("unknown place `{n}`"))
        };
        let hosts: Vec<String> = self.hosts.iter().map(region).collect::<Result<_, _>>()?;
        let partners: Vec<String> = self.partners.iter().map(region).collect::<Result<_, _>>()?;
        let sectors = self
            .sectors
            .iter()
            .map(|s| {
                taxonomy
                    .sectors
                    .lookup(s)
                    .map(|t| t.id.clone())
                    .ok_or_else(|| format!("unknown sector `{s}`"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut outcomes = BTreeMap::new();
        let mut statuses = Vec::new();
        let mut amounts = Vec::new();
        for o in &self.outcomes {
            let kind = OutcomeType::parse(&o.kind)
                .ok_or_else(|| format!("unknown outcome type `{}`", o.kind))?;
            *outcomes.entry(kind).or_insert(0) += o.count.unwrap_or(1);
            if let Some(s) = &o.status {
                let st = OutcomeStatus::ALL
                    .into_iter()
                    .find(|x| x.id() == s)
                    .ok_or_else(|| format!("unknown status `{s}`"))?;
                statuses.push((kind, st));
            }
            if let Some(a) = &o.amount {
                let q = match a.qualifier.as_deref() {
                    None | Some("exact") => AmountQualifier::Exact,
                    Some("up_to") => AmountQualifier::UpTo,
                    Some("at_least") => AmountQualifier::AtLeast,
                    Some(other) => return Err(format!("unknown qualifier `{other}`")),
                };
                amounts.push((a.value.round() as i64, a.currency.clone(), q));
            }
        }
        let date = |s: &Option<String>| s.as_deref().map(FuzzyDate::parse).transpose();
        Ok(Facts {
            start: date(&self.start)?,
            end: date(&self.end)?,
            kind: self.kind.clone(),
            hosts: places(hosts.clone(), taxonomy),
            places: places([hosts, partners].concat(), taxonomy),
            sectors: sorted(sectors),
            attendance: self.attendance.as_ref().map(|a| (a.count, a.approximate)),
            outcomes,
            statuses,
            amounts,
        })
    }
}

/// True and false positives and negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Counts {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// Counts per field over a set of articles.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub fields: BTreeMap<&'static str, Counts>,
    /// Drafted values whose quote is not in the article.
    pub unquoted: Vec<String>,
}

fn single<T: PartialEq>(c: &mut Counts, expected: Option<&T>, got: Option<&T>) {
    match (expected, got) {
        (Some(e), Some(g)) if e == g => c.tp += 1,
        (Some(_), Some(_)) => {
            c.fp += 1;
            c.fn_ += 1;
        }
        (Some(_), None) => c.fn_ += 1,
        (None, Some(_)) => c.fp += 1,
        (None, None) => {}
    }
}

fn multiset<T: PartialEq + Clone>(c: &mut Counts, expected: &[T], got: &[T]) {
    let mut left: Vec<T> = expected.to_vec();
    for g in got {
        match left.iter().position(|e| e == g) {
            Some(i) => {
                left.remove(i);
                c.tp += 1;
            }
            None => c.fp += 1,
        }
    }
    c.fn_ += left.len() as u32;
}

impl Tally {
    /// Adds one article's comparison.
    pub fn add(&mut self, expected: &Facts, got: &Facts) {
        let f = &mut self.fields;
        single(
            f.entry("start").or_default(),
            expected.start.as_ref(),
            got.start.as_ref(),
        );
        single(
            f.entry("end").or_default(),
            expected.end.as_ref(),
            got.end.as_ref(),
        );
        single(
            f.entry("kind").or_default(),
            expected.kind.as_ref(),
            got.kind.as_ref(),
        );
        multiset(
            f.entry("places").or_default(),
            &expected.places,
            &got.places,
        );
        multiset(f.entry("hosts").or_default(), &expected.hosts, &got.hosts);
        multiset(
            f.entry("sectors").or_default(),
            &expected.sectors,
            &got.sectors,
        );
        single(
            f.entry("attendance").or_default(),
            expected.attendance.as_ref(),
            got.attendance.as_ref(),
        );
        let c = f.entry("outcomes").or_default();
        let types: std::collections::BTreeSet<_> = expected
            .outcomes
            .keys()
            .chain(got.outcomes.keys())
            .collect();
        for t in types {
            let (e, g) = (
                expected.outcomes.get(t).copied().unwrap_or(0),
                got.outcomes.get(t).copied().unwrap_or(0),
            );
            let tp = e.min(g);
            c.tp += tp as u32;
            c.fp += (g - tp) as u32;
            c.fn_ += (e - tp) as u32;
        }
        multiset(
            f.entry("status").or_default(),
            &expected.statuses,
            &got.statuses,
        );
        multiset(
            f.entry("amounts").or_default(),
            &expected.amounts,
            &got.amounts,
        );
    }

    /// Checks that every value of a draft quotes words of the article.
    pub fn check_quotes(&mut self, d: &Draft, article: &str) {
        self.unquoted.extend(unquoted(d, article));
    }

    /// A table of precision, recall and F1 per field.
    pub fn table(&self) -> String {
        let mut t = String::from("field        tp  fp  fn  precision  recall   F1\n");
        for (name, c) in &self.fields {
            let _ = writeln!(
                t,
                "{name:<11} {:>3} {:>3} {:>3}     {:>5.1}%  {:>5.1}%  {:>5.1}%",
                c.tp,
                c.fp,
                c.fn_,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1()
            );
        }
        let _ = writeln!(
            t,
            "values without a quote from the article: {}",
            self.unquoted.len()
        );
        t
    }
}

/// The fields of a draft whose quote is not words of the article.
pub fn unquoted(d: &Draft, article: &str) -> Vec<String> {
    let squeeze = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase()
    };
    let text = squeeze(article);
    let found = |quote: &str| {
        !quote.trim().is_empty()
            && quote
                .split(" … ")
                .all(|part| text.contains(&squeeze(part.trim_end_matches('…'))))
    };
    quotes(d)
        .into_iter()
        .filter(|(_, q)| !found(q))
        .map(|(field, quote)| format!("{}: {field} «{quote}»", d.id))
        .collect()
}

/// Every quote a draft gives, with the field it is for.
fn quotes(d: &Draft) -> Vec<(&'static str, &str)> {
    let mut cited: Vec<(&'static str, &str)> = [
        ("title", d.title.as_ref().map(|c| c.quote.as_str())),
        ("kind", d.kind.as_ref().map(|c| c.quote.as_str())),
        ("start", d.start.as_ref().map(|c| c.quote.as_str())),
        ("end", d.end.as_ref().map(|c| c.quote.as_str())),
        ("venue", d.venue.as_ref().map(|c| c.quote.as_str())),
        (
            "attendance",
            d.attendance.as_ref().map(|c| c.quote.as_str()),
        ),
        ("summary", d.summary.as_ref().map(|c| c.quote.as_str())),
        ("outlet", d.source.outlet.as_ref().map(|c| c.quote.as_str())),
        (
            "source date",
            d.source.date.as_ref().map(|c| c.quote.as_str()),
        ),
    ]
    .into_iter()
    .filter_map(|(f, q)| q.map(|q| (f, q)))
    .collect();
    for (f, l) in [
        ("hosts", &d.hosts),
        ("partners", &d.partners),
        ("sectors", &d.sectors),
        ("participants", &d.participants),
    ] {
        cited.extend(l.iter().map(|c| (f, c.quote.as_str())));
    }
    for o in &d.outcomes {
        cited.push(("outcome type", o.kind.quote.as_str()));
        cited.push(("outcome title", o.title.quote.as_str()));
        cited.push(("outcome status", o.status.quote.as_str()));
        cited.extend(
            o.count
                .as_ref()
                .map(|c| ("outcome count", c.quote.as_str())),
        );
        cited.extend(o.amount.as_ref().map(|a| ("amount", a.quote.as_str())));
    }
    for f in &d.follow_ups {
        cited.push(("follow-up", f.action.quote.as_str()));
        cited.extend(
            f.owner
                .as_ref()
                .map(|o| ("follow-up owner", o.quote.as_str())),
        );
        cited.extend(
            f.due
                .as_ref()
                .map(|due| ("follow-up due", due.quote.as_str())),
        );
    }
    cited
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of a draft quotes its article; against another text,
    /// each value the other text lacks is named with its field.
    #[test]
    fn values_without_a_quote_are_named() {
        let taxonomy = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
        let g = crate::draft::Gazetteer::new(&taxonomy);
        let text = "대전시는 지난 3일 캐나다 퀘벡주를 방문해 바이오 분야 협약 2건을 체결했다고 5일 밝혔다.";
        let published = crate::model::FuzzyDate::parse("2025-03-05").expect("date");
        let article =
            crate::draft::draft(text.as_bytes(), Some(published), &taxonomy, &g).expect("draft");
        let d = &article.events[0];
        assert!(unquoted(d, text).is_empty(), "{:?}", unquoted(d, text));
        let other = unquoted(d, "대전시는 5일 밝혔다.");
        for field in ["start", "partners", "outcome type", "outcome count"] {
            assert!(
                other.iter().any(|m| m.contains(&format!(": {field} «"))),
                "{field}: {other:?}"
            );
        }
    }
}
