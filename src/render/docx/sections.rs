//! The sections of the brief in the DOCX, in the order the template set's
//! layout gives: each writes its headings, tables, charts and lists
//! through the `Writer`.

use docx_rs::Paragraph as DocxParagraph;

use super::{Shade, Writer, chart};
use crate::brief::Brief;

/// The key figures section.
/// The key figures section: this period, the previous one and the change,
/// and the same period a year before (a year has instead its five-year
/// trend).
pub(super) fn key_figures(w: &mut Writer, b: &Brief) {
    w.heading(1, &w.label("section.key_figures"));
    let columns = if b.year_ago { 5 } else { 4 };
    let header: Vec<String> = [
        "column.indicator",
        "column.this_quarter",
        "column.previous",
        "column.change",
        "column.year_ago",
    ]
    .iter()
    .take(columns)
    .map(|k| w.label(k))
    .collect();
    let rows: Vec<Vec<String>> = b
        .key_figures
        .iter()
        .map(|k| {
            let mut row = vec![
                k.label.clone(),
                k.value.clone(),
                k.previous.clone(),
                k.change_previous.clone(),
                k.year_ago.clone(),
            ];
            row.truncate(columns);
            row
        })
        .collect();
    let numeric = [false, true, true, true, true];
    w.table(
        &[3, 2, 2, 2, 2][..columns],
        &header,
        &rows,
        &numeric[..columns],
        None,
    );
    if !b.years.is_empty() {
        years(w, b);
    }
}

/// A year's five-year trend, the brief's year in bold.
fn years(w: &mut Writer, b: &Brief) {
    w.heading(2, &w.label("section.years"));
    let header: Vec<String> = [
        "column.year",
        "figure.events",
        "figure.outcomes",
        "figure.mou",
        "figure.partner_countries",
        "figure.investment",
    ]
    .iter()
    .map(|k| w.label(k))
    .collect();
    let rows: Vec<Vec<String>> = b
        .years
        .iter()
        .map(|y| {
            vec![
                y.year.clone(),
                y.events.clone(),
                y.outcomes.clone(),
                y.mou.clone(),
                y.partner_countries.clone(),
                y.investment.clone(),
            ]
        })
        .collect();
    // The brief's year is the last: the bold closing row.
    let (last, earlier) = rows
        .split_last()
        .map_or((None, &rows[..]), |(l, e)| (Some(l), e));
    w.table(
        &[2, 2, 2, 2, 2, 4],
        &header,
        earlier,
        &[false, true, true, true, true, true],
        last.map(Vec::as_slice),
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
        // Events per month over the period and the one before: the PDF's
        // chart, and its numbers as a table below it.
        w.chart("trend", chart::trend(b), w.label("chart.month_title"));
        if b.trend.len() > 12 {
            trend_by_year(w, b);
        } else {
            let mut header: Vec<String> = vec![w.label("column.month")];
            header.extend(b.trend.iter().map(|m| m.full_label()));
            let mut row = vec![w.label("column.events")];
            row.extend(b.trend.iter().map(|m| m.events.to_string()));
            let mut widths = vec![3];
            widths.extend(b.trend.iter().map(|_| 2));
            let mut numeric = vec![false];
            numeric.extend(b.trend.iter().map(|_| true));
            w.table(&widths, &header, &[row], &numeric, None);
        }
        if b.timeline.is_empty() {
            month_kinds(w, b);
        } else {
            event_table(w, &b.timeline);
        }
    }
}

/// The monthly numbers of a chart longer than a year: a row per year, a
/// column per month (empty where the chart has no bar).
fn trend_by_year(w: &mut Writer, b: &Brief) {
    let mut header = vec![w.label("column.year")];
    header.extend((1..=12).map(|m| crate::locale::month_name(m, b.lang)));
    let mut rows: Vec<(i32, Vec<String>)> = Vec::new();
    for m in &b.report.trend {
        if rows.last().is_none_or(|(y, _)| *y != m.year) {
            let mut row = vec![String::new(); 13];
            row[0] = match b.lang {
                crate::model::Lang::Ko => format!("{}년", m.year),
                crate::model::Lang::En => m.year.to_string(),
            };
            rows.push((m.year, row));
        }
        if let Some((_, row)) = rows.last_mut() {
            row[usize::from(m.month.clamp(1, 12))] = m.events.to_string();
        }
    }
    let rows: Vec<Vec<String>> = rows.into_iter().map(|(_, r)| r).collect();
    let mut numeric = vec![true; 13];
    numeric[0] = false;
    let mut widths = vec![2; 13];
    widths[0] = 3;
    w.table(&widths, &header, &rows, &numeric, None);
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
        if !b.undated_note.is_empty() {
            w.para("Caption", &b.undated_note);
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
