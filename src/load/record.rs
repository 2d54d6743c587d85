//! Writing an event back as a canonical YAML record (the schema `raw.rs`
//! reads), for `brief import`. Ids are canonical, empty fields left out.

use serde::Serialize;

use crate::model::{Event, Text};

#[derive(Serialize)]
struct TextOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    ko: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    en: Option<&'a str>,
}

fn text(t: &Text) -> Option<TextOut<'_>> {
    (t.ko.is_some() || t.en.is_some()).then_some(TextOut {
        ko: t.ko.as_deref(),
        en: t.en.as_deref(),
    })
}

#[derive(Serialize)]
struct AttendanceOut {
    count: u64,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    approximate: bool,
}

#[derive(Serialize)]
struct AmountOut<'a> {
    value: f64,
    currency: &'a str,
    qualifier: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    approximate: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    expected: bool,
}

#[derive(Serialize)]
struct OutcomeOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    count: u32,
    title: Option<TextOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parties: Vec<TextOut<'a>>,
    sectors: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    regions: &'a [String],
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<AmountOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<TextOut<'a>>,
}

#[derive(Serialize)]
struct FollowUpOut<'a> {
    action: Option<TextOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<TextOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    status: &'static str,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    outlet: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct RecordOut<'a> {
    id: &'a str,
    title: Option<TextOut<'a>>,
    kind: &'a str,
    start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_note: Option<TextOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    venue: Option<TextOut<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    hosts: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    partners: &'a [String],
    sectors: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    participants: Vec<TextOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attendance: Option<AttendanceOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    outcomes: Vec<OutcomeOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    follow_ups: Vec<FollowUpOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<TextOut<'a>>,
}

/// The event as a YAML record.
pub fn to_yaml(e: &Event) -> Result<String, String> {
    let record = RecordOut {
        id: &e.id,
        title: text(&e.title),
        kind: &e.kind,
        start: e.start.to_string(),
        end: e.end.map(|d| d.to_string()),
        date_note: text(&e.date_note),
        venue: text(&e.venue),
        hosts: &e.hosts,
        partners: &e.partners,
        sectors: &e.sectors,
        participants: e.participants.iter().filter_map(text).collect(),
        attendance: e.attendance.as_ref().map(|a| AttendanceOut {
            count: a.count,
            approximate: a.approximate,
        }),
        outcomes: e
            .outcomes
            .iter()
            .map(|o| OutcomeOut {
                kind: o.kind.id(),
                count: o.count,
                title: text(&o.title),
                parties: o.parties.iter().filter_map(text).collect(),
                sectors: &o.sectors,
                regions: &o.regions,
                status: o.status.id(),
                amount: o.amount.as_ref().map(|a| AmountOut {
                    value: a.value,
                    currency: &a.currency,
                    qualifier: a.qualifier.id(),
                    approximate: a.approximate,
                    expected: a.expected,
                }),
                note: text(&o.note),
            })
            .collect(),
        follow_ups: e
            .follow_ups
            .iter()
            .map(|f| FollowUpOut {
                action: text(&f.action),
                owner: text(&f.owner),
                due: f.due.map(|d| d.to_string()),
                status: f.status.id(),
            })
            .collect(),
        sources: e
            .sources
            .iter()
            .map(|s| SourceOut {
                outlet: &s.outlet,
                title: &s.title,
                date: s.date.map(|d| d.to_string()),
                url: s.url.as_deref(),
            })
            .collect(),
        summary: text(&e.summary),
    };
    serde_saphyr::to_string(&record).map_err(|e| e.to_string())
}
