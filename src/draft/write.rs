//! A draft as a YAML record in the loader's schema, each value followed by
//! a comment quoting the words it came from, and what needs a person's
//! decision at the top.

use std::fmt::Write as _;

use super::{Cited, Draft, DraftOutcome};
use crate::model::{AmountQualifier, Taxonomy};

/// The draft's file name: its id (date and title), `.yaml`.
pub fn file_name(d: &Draft) -> String {
    format!("{}.yaml", d.id)
}

/// A YAML string (a JSON string is a YAML double-quoted scalar).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The quote as a comment: one line, not too long.
fn cite<T>(c: &Cited<T>) -> String {
    quote(&c.quote)
}

fn quote(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = if one_line.chars().count() > 110 {
        let head: String = one_line.chars().take(108).collect();
        format!("{head}…")
    } else {
        one_line
    };
    format!("  # «{short}»")
}

/// The draft record, with its provenance as comments.
pub fn to_yaml(d: &Draft, source_file: &str, taxonomy: &Taxonomy) -> String {
    let mut y = String::new();
    let _ = writeln!(y, "# Draft by `brief draft` from {source_file}.");
    y.push_str("# After each value, in «», are the article's words it was read from.\n");
    y.push_str("# Check every value and the REVIEW lines, then move this file into\n");
    y.push_str("# data/events/ and run `brief validate`.\n");
    for r in &d.review {
        let _ = writeln!(y, "# REVIEW: {}", r.replace('\n', " "));
    }
    let _ = writeln!(y, "id: {}", q(&d.id));
    if let Some(t) = &d.title {
        let _ = writeln!(y, "title:\n  ko: {}{}", q(&t.value), cite(t));
    }
    if let Some(k) = &d.kind {
        let _ = writeln!(y, "kind: {}{}", k.value, cite(k));
    }
    if let Some(s) = &d.start {
        let _ = writeln!(y, "start: {}{}", q(&s.value.to_string()), cite(s));
    }
    if let Some(e) = &d.end {
        let _ = writeln!(y, "end: {}{}", q(&e.value.to_string()), cite(e));
    }
    if let Some((ko, en)) = &d.date_note {
        let _ = writeln!(y, "date_note:\n  ko: {}\n  en: {}", q(ko), q(en));
    }
    if let Some(v) = &d.venue {
        let _ = writeln!(y, "venue:\n  ko: {}{}", q(&v.value), cite(v));
    }
    places(&mut y, "hosts", &d.hosts, taxonomy);
    places(&mut y, "partners", &d.partners, taxonomy);
    list(&mut y, "sectors", &d.sectors, |id| {
        taxonomy.sectors.get(id).and_then(|t| t.label.ko.clone())
    });
    if !d.participants.is_empty() {
        y.push_str("participants:\n");
        for p in &d.participants {
            let _ = writeln!(y, "  - ko: {}{}", q(&p.value), cite(p));
        }
    }
    if let Some(a) = &d.attendance {
        let (n, approx) = a.value;
        let _ = writeln!(
            y,
            "attendance: {{ count: {n}, approximate: {approx} }}{}",
            cite(a)
        );
    }
    outcomes(&mut y, &d.outcomes);
    follow_ups(&mut y, d);
    sources(&mut y, d);
    if let Some(s) = &d.summary {
        let _ = writeln!(
            y,
            "summary:\n  ko: {}  # the article's own words",
            q(&s.value)
        );
    }
    y
}

fn places(y: &mut String, key: &str, items: &[Cited<String>], taxonomy: &Taxonomy) {
    list(y, key, items, |id| {
        taxonomy.region(id).and_then(|r| r.label.ko.clone())
    });
}

/// A block list, one item a line with its label and quote; `[]` when empty.
fn list(
    y: &mut String,
    key: &str,
    items: &[Cited<String>],
    label: impl Fn(&str) -> Option<String>,
) {
    if items.is_empty() {
        let _ = writeln!(y, "{key}: []");
        return;
    }
    let _ = writeln!(y, "{key}:");
    for c in items {
        let comment = cite(c);
        match label(&c.value) {
            Some(l) => {
                let _ = writeln!(
                    y,
                    "  - {}  # {l}{}",
                    c.value,
                    comment.trim_start_matches("  #")
                );
            }
            None => {
                let _ = writeln!(y, "  - {}{comment}", c.value);
            }
        }
    }
}

fn outcomes(y: &mut String, outcomes: &[DraftOutcome]) {
    if outcomes.is_empty() {
        y.push_str("outcomes: []\n");
        return;
    }
    y.push_str("outcomes:\n");
    for o in outcomes {
        if let Some(doubt) = &o.doubt {
            let _ = writeln!(y, "  # REVIEW: {doubt}");
        }
        let _ = writeln!(y, "  - type: {}{}", o.kind.value.id(), cite(&o.kind));
        if let Some(c) = &o.count {
            let _ = writeln!(y, "    count: {}{}", c.value, cite(c));
        }
        let _ = writeln!(
            y,
            "    title:\n      ko: {}{}",
            q(&o.title.value),
            cite(&o.title)
        );
        let _ = writeln!(y, "    status: {}{}", o.status.value.id(), cite(&o.status));
        if let Some(a) = &o.amount {
            let v = &a.value;
            let mut fields = format!(
                "value: {}, currency: {}",
                v.value,
                v.currency.as_deref().unwrap_or("")
            );
            if v.qualifier != AmountQualifier::Exact {
                let _ = write!(fields, ", qualifier: {}", v.qualifier.id());
            }
            if v.approximate {
                fields.push_str(", approximate: true");
            }
            if v.expected {
                fields.push_str(", expected: true");
            }
            let _ = writeln!(y, "    amount: {{ {fields} }}{}", cite(a));
        }
    }
}

fn follow_ups(y: &mut String, d: &Draft) {
    if d.follow_ups.is_empty() {
        y.push_str("follow_ups: []\n");
        return;
    }
    y.push_str("follow_ups:\n");
    for f in &d.follow_ups {
        let _ = writeln!(y, "  - action:\n      ko: {}", q(&f.action.value));
        if let Some(o) = &f.owner {
            let _ = writeln!(y, "    owner: {{ ko: {} }}{}", q(&o.value), cite(o));
        }
        if let Some(due) = &f.due {
            let _ = writeln!(y, "    due: {}{}", q(&due.value.to_string()), cite(due));
        }
        y.push_str("    status: planned  # «계획·예정»\n");
    }
}

fn sources(y: &mut String, d: &Draft) {
    let s = &d.source;
    let (Some(outlet), Some(title)) = (&s.outlet, &s.title) else {
        y.push_str("# REVIEW: sources: the page names no outlet or headline; add them\n");
        return;
    };
    let _ = writeln!(
        y,
        "sources:\n  - outlet: {}{}",
        q(&outlet.value),
        cite(outlet)
    );
    let _ = writeln!(y, "    title: {}", q(&title.value));
    if let Some(date) = &s.date {
        let _ = writeln!(y, "    date: {}{}", q(&date.value.to_string()), cite(date));
    }
    if let Some(url) = &s.url {
        let _ = writeln!(y, "    url: {}", q(url));
    }
}
