//! The sections of the brief in the DOCX, in the order the template set's
//! layout gives: each writes its headings, tables, charts and lists
//! through the `Writer`.

use docx_rs::Paragraph as DocxParagraph;

use super::{Shade, Writer, chart};
use crate::brief::Brief;

/// The key figures section.
pub(super) fn key_figures(w: &mut Writer, b: &Brief) {
    w.heading(1, &w.label("section.key_figures"));
    let header = [
        "column.indicator",
        "column.this_quarter",
        "column.previous",
        "column.change",
        "column.year_ago",
    ]
    .map(|k| w.label(k));
    let rows: Vec<Vec<String>> = b
        .key_figures
        .iter()
        .map(|k| {
            vec![
                k.label.clone(),
                k.value.clone(),
                k.previous.clone(),
                k.change_previous.clone(),
                k.year_ago.clone(),
            ]
        })
        .collect();
    w.table(
        &[3, 2, 2, 2, 2],
        &header,
        &rows,
        &[false, true, true, true, true],
        None,
    );
}

/// The summary section.
pub(super) fn summary(w: &mut Writer, b: &Brief) {
    w.heading(1, &w.label("section.summary"));
    for line in &b.summary {
        w.bullet(line.level, &line.text);
    }
    if b.empty {
        let t = w.label("no_events");
        w.para("Normal", &t);
    }
    if !b.highlights.is_empty() {
        w.heading(2, &w.label("section.highlights"));
        for e in &b.highlights {
            w.bullet(1, &format!("{} ({})", e.title, e.date));
            for o in &e.outcomes {
                w.bullet(2, &o.line);
            }
        }
    }
}

/// The sectors section.
pub(super) fn sectors(w: &mut Writer, b: &Brief) {
    if !b.sectors.is_empty() {
        w.heading(1, &w.label("section.sectors"));
        w.chart("sectors", chart::sectors(b), b.sector_caption.clone());
        let header = [
            "column.sector",
            "column.events",
            "column.outcomes",
            "column.pending",
            "column.investment",
        ]
        .map(|k| w.label(k));
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (i, s) in b.sectors.iter().enumerate() {
            // Fields of cooperation after the industries, under their own line.
            if s.field && (i == 0 || !b.sectors[i - 1].field) {
                let mut line = vec![w.label("section.fields")];
                line.resize(5, String::new());
                rows.push(line);
            }
            rows.push(vec![
                s.label.clone(),
                s.events.to_string(),
                s.outcomes.to_string(),
                s.pending.to_string(),
                s.investment.clone(),
            ]);
        }
        let t = &b.sector_total;
        let total = [
            t.label.clone(),
            t.events.to_string(),
            t.outcomes.to_string(),
            t.pending.to_string(),
            t.investment.clone(),
        ];
        w.table(
            &[6, 2, 2, 2, 3],
            &header,
            &rows,
            &[false, true, true, true, true],
            Some(&total),
        );
    }
}

/// The regions section.
pub(super) fn regions(w: &mut Writer, b: &Brief) {
    if !b.empty {
        w.heading(1, &w.label("section.regions"));
        w.heading(2, &w.label("section.partner_countries"));
        w.region_table(&b.partner_countries);
        w.heading(2, &w.label("section.partner_regions"));
        w.region_table(&b.partner_regions);
        w.heading(2, &w.label("section.domestic_regions"));
        w.region_table(&b.domestic_regions);
        if !b.regions_note.is_empty() {
            w.para("Caption", &b.regions_note);
        }
        if !b.matrix.rows.is_empty() && !b.matrix.columns.is_empty() {
            w.heading(2, &w.label("section.matrix"));
            matrix(w, b);
        }
    }
}

/// Events per sector and country as a table whose cells are shaded by
/// their count (the PDF's dot matrix), under the figure's caption.
fn matrix(w: &mut Writer, b: &Brief) {
    let m = &b.matrix;
    let accent = chart::hex_colour(&b.layout.colours.accent, "2F5D8A");
    let mut header = vec![w.label("column.sector")];
    header.extend(m.columns.iter().cloned());
    let max = m.max.max(1);
    let mut rows = Vec::new();
    let mut shades = Vec::new();
    for (r, cells) in m.rows.iter().zip(&m.cells) {
        let mut row = vec![r.clone()];
        let mut shade = vec![None];
        for &c in cells {
            row.push(if c == 0 {
                "·".to_string()
            } else {
                c.to_string()
            });
            shade.push((c > 0).then(|| heat(&accent, c, max)));
        }
        rows.push(row);
        shades.push(shade);
    }
    let mut widths = vec![3];
    widths.extend(m.columns.iter().map(|_| 1));
    let mut numeric = vec![false];
    numeric.extend(m.columns.iter().map(|_| true));
    // The caption above the table (as tables are captioned), kept with it.
    let caption = DocxParagraph::new()
        .style("Caption")
        .keep_next(true)
        .add_run(w.run(&w.label("chart.matrix_title")));
    w.push(caption);
    w.shaded_table(&widths, &header, &rows, &numeric, None, &shades);
}

/// The fill of a matrix cell holding `count` of at most `max`: the accent
/// colour mixed with white, from a fifth to all of it; white text on the
/// darker half.
fn heat(accent: &str, count: u32, max: u32) -> Shade {
    let share = 0.2 + 0.8 * f64::from(count) / f64::from(max);
    let channel = |i: usize| {
        let c = u8::from_str_radix(accent.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
        let mixed = 255.0 - (255.0 - f64::from(c)) * share;
        format!("{:02X}", mixed.round() as u8)
    };
    Shade {
        fill: format!("{}{}{}", channel(0), channel(2), channel(4)),
        text: (share > 0.55).then(|| "FFFFFF".to_string()),
    }
}

/// The timeline section.
pub(super) fn timeline(w: &mut Writer, b: &Brief) {
    if !b.empty {
        w.heading(1, &w.label("section.timeline"));
        // Events per month over the last four quarters: the PDF's chart, and
        // its numbers as a table below it.
        w.chart("trend", chart::trend(b), w.label("chart.month_title"));
        let mut header: Vec<String> = vec![w.label("column.month")];
        header.extend(b.trend.iter().map(|m| m.full_label()));
        let mut row = vec![w.label("column.events")];
        row.extend(b.trend.iter().map(|m| m.events.to_string()));
        let mut widths = vec![3];
        widths.extend(b.trend.iter().map(|_| 2));
        let mut numeric = vec![false];
        numeric.extend(b.trend.iter().map(|_| true));
        w.table(&widths, &header, &[row], &numeric, None);
        if b.timeline.is_empty() {
            month_kinds(w, b);
        } else {
            event_table(w, &b.timeline);
        }
    }
}

/// Events a row each: date, title, kind, regions.
fn event_table(w: &mut Writer, rows: &[crate::brief::TimelineView]) {
    let header = [
        "column.date",
        "column.event",
        "column.kind",
        "column.regions",
    ]
    .map(|k| w.label(k));
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|t| {
            vec![
                t.date.clone(),
                t.title.clone(),
                t.kind.clone(),
                t.regions.clone(),
            ]
        })
        .collect();
    w.table(&[3, 5, 2, 4], &header, &rows, &[false; 4], None);
}

/// A busy quarter's events per month and kind.
fn month_kinds(w: &mut Writer, b: &Brief) {
    let mk = &b.month_kinds;
    w.heading(2, &w.label("section.month_kinds"));
    let mut header = vec![w.label("column.kind")];
    header.extend(mk.months.iter().cloned());
    header.push(w.label("column.events"));
    let rows: Vec<Vec<String>> = mk
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.label.clone()];
            row.extend(r.counts.iter().map(u32::to_string));
            row.push(r.total.to_string());
            row
        })
        .collect();
    let mut widths = vec![4];
    widths.extend(mk.months.iter().map(|_| 2));
    widths.push(2);
    let mut numeric = vec![false];
    numeric.extend(mk.months.iter().map(|_| true));
    numeric.push(true);
    w.table(&widths, &header, &rows, &numeric, None);
}

/// The follow ups section.
pub(super) fn follow_ups(w: &mut Writer, b: &Brief) {
    w.heading(1, &w.label("section.follow_ups"));
    w.heading(2, &w.label("section.follow_ups_due"));
    w.follow_table(&b.follow_ups_due);
    w.heading(2, &w.label("section.follow_ups_overdue"));
    w.follow_table(&b.follow_ups_overdue);
    if !b.follow_ups_open.is_empty() {
        w.heading(2, &w.label("section.follow_ups_open"));
        w.follow_table(&b.follow_ups_open);
    }
    if !b.follow_ups_note.is_empty() {
        w.para("Caption", &b.follow_ups_note);
    }
}

/// The notes section.
pub(super) fn notes(w: &mut Writer, b: &Brief) {
    w.heading(1, &w.label("section.notes"));
    for n in &b.notes {
        w.bullet(2, n);
    }
}

/// The appendix section.
pub(super) fn appendix(w: &mut Writer, b: &Brief) {
    let title = format!(
        "{} — {}",
        w.label("section.appendix"),
        w.label("section.events")
    );
    w.heading_on(1, &title, true);
    if !b.listed_note.is_empty() {
        w.para("Caption", &b.listed_note);
    }
    if b.events.is_empty() {
        w.none();
    }
    for e in &b.events {
        w.event_block(e);
    }
    if !b.compact.is_empty() {
        w.heading(2, &w.label("section.other_events"));
        event_table(w, &b.compact);
    }
    if !b.undated.is_empty() {
        w.heading(2, &w.label("section.undated"));
        for e in &b.undated {
            w.event_block(e);
        }
    }
    w.heading(2, &w.label("section.sources"));
    if b.sources.is_empty() {
        w.none();
    } else {
        let header = [
            "column.outlet",
            "column.title",
            "column.date",
            "column.event",
        ]
        .map(|k| w.label(k));
        let rows: Vec<Vec<String>> = b
            .sources
            .iter()
            .map(|s| {
                let title = if s.url.is_empty() {
                    s.title.clone()
                } else {
                    format!("{} <{}>", s.title, s.url)
                };
                vec![s.outlet.clone(), title, s.date.clone(), s.event.clone()]
            })
            .collect();
        w.table(&[2, 5, 2, 3], &header, &rows, &[false; 4], None);
    }
}
