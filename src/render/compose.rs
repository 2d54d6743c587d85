//! The sections of the brief as a word processor shows them, shared by the
//! DOCX and HWPX writers: which headings, paragraphs, lists, tables and
//! charts each section has, in the order the template set's layout gives.
//! Each format implements `Compose`, the few primitives these are made of,
//! so both documents hold the same words and numbers in the same order.

use crate::brief::{Brief, EventView, FollowUpView, RegionView, TimelineView};
use crate::model::Lang;

/// How a paragraph of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Para {
    Body,
    Caption,
    /// A caption above the table it names, kept on its page.
    CaptionAbove,
}

/// The charts a brief has (their numbers are in the brief model).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Sectors,
    Trend,
}

impl Chart {
    pub const ALL: [Chart; 2] = [Chart::Sectors, Chart::Trend];

    /// The chart's name in the templates (`chart.typ`) and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Chart::Sectors => "sectors",
            Chart::Trend => "trend",
        }
    }
}

/// The list marks of the four bullet levels: □ ○ - · in Korean, • – · ·
/// in English.
pub fn bullet_marks(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Ko => ["□", "○", "-", "·"],
        Lang::En => ["•", "–", "·", "·"],
    }
}

/// The title block's last line: the period's dates and the date of issue.
pub fn dates_line(b: &Brief) -> String {
    format!(
        "{} {}   |   {} {}",
        b.label("period"),
        b.meta.dates,
        b.label("issued"),
        b.meta.issue_date
    )
}

/// A table cell's own fill and text colour (`RRGGBB`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shade {
    pub fill: String,
    pub text: Option<String>,
}

/// A table: a header row, body rows, an optional totals row (bold, under a
/// rule); numeric columns right-aligned; column widths in proportion.
pub struct Table<'a> {
    pub widths: &'a [usize],
    pub header: &'a [String],
    pub rows: &'a [Vec<String>],
    pub numeric: &'a [bool],
    pub total: Option<&'a [String]>,
    /// Fill and text colour of body cells, row by row (missing: plain).
    pub shades: &'a [Vec<Option<Shade>>],
}

/// What a document format provides for the sections to be written.
pub trait Compose {
    /// A heading of `level` (1 = section), on a new page if asked.
    fn heading(&mut self, level: u8, text: &str, new_page: bool);
    fn para(&mut self, kind: Para, text: &str);
    /// A list item at `level` (1 = □, 2 = ○, ...).
    fn bullet(&mut self, level: u8, text: &str);
    fn table(&mut self, table: &Table);
    /// A chart with its caption (nothing when the brief has nothing to
    /// chart).
    fn chart(&mut self, chart: Chart, caption: &str);
}

/// Every section of the brief, in the layout's order.
pub fn body<W: Compose>(w: &mut W, b: &Brief) {
    for section in &b.layout.sections {
        match section.as_str() {
            "key_figures" => key_figures(w, b),
            "summary" => summary(w, b),
            "sectors" => sectors(w, b),
            "regions" => regions(w, b),
            "timeline" => timeline(w, b),
            "follow_ups" => follow_ups(w, b),
            "notes" => notes(w, b),
            "appendix" => appendix(w, b),
            _ => {}
        }
    }
}

/// A plain table: no totals row, no shaded cells.
fn table<W: Compose>(
    w: &mut W,
    widths: &[usize],
    header: &[String],
    rows: &[Vec<String>],
    numeric: &[bool],
) {
    w.table(&Table {
        widths,
        header,
        rows,
        numeric,
        total: None,
        shades: &[],
    });
}

/// The labels of `keys` (a table's header row).
fn labels(b: &Brief, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| b.label(k)).collect()
}

fn heading<W: Compose>(w: &mut W, b: &Brief, level: u8, key: &str) {
    let text = b.label(key);
    w.heading(level, &text, false);
}

fn none<W: Compose>(w: &mut W, b: &Brief) {
    let text = b.label("none");
    w.para(Para::Body, &text);
}

/// How a format measures table text, in its own unit: the text width,
/// one em of 9 pt table text, and a cell's left and right margins.
pub struct Measure {
    pub width: usize,
    pub em: f64,
    pub pad: usize,
}

/// Width a word needs in 9 pt table text, with the cell's margins: Hangul
/// and other wide characters a full em, Latin about 0.7 (Calibri averages
/// 0.55; headers are bold, and the faces that stand in for it run wider,
/// so 0.7 keeps a header such as "Kazakhstan" on one line).
pub fn word_width(word: &str, m: &Measure) -> usize {
    let ems: f64 = word
        .chars()
        .map(|c| if (c as u32) >= 0x1100 { 1.0 } else { 0.7 })
        .sum();
    (ems * m.em) as usize + m.pad
}

/// Column widths summing to the text width: in the proportions asked, but
/// each at least as wide as the longest word in its column (so no word is
/// broken), taken from the columns with room to spare. When the words
/// cannot all fit, widths follow the words.
pub fn fit_widths(weights: &[usize], lines: &[&[String]], m: &Measure) -> Vec<usize> {
    let total = m.width;
    let n = weights.len();
    let sum: usize = weights.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = weights.iter().map(|w| w * total / sum).collect();
    let mut need = vec![0usize; n];
    for line in lines {
        for (c, cell) in line.iter().enumerate().take(n) {
            let longest = cell
                .split_whitespace()
                .map(|w| word_width(w, m))
                .max()
                .unwrap_or(0);
            need[c] = need[c].max(longest);
        }
    }
    let total_need: usize = need.iter().sum();
    if total_need >= total {
        let t = total_need.max(1);
        return need.iter().map(|w| w * total / t).collect();
    }
    // Raise narrow columns to their need; take the difference from the
    // others in proportion to their spare room.
    let short: usize = (0..n).map(|c| need[c].saturating_sub(widths[c])).sum();
    let spare: usize = (0..n).map(|c| widths[c].saturating_sub(need[c])).sum();
    if short > 0 && spare > 0 {
        let give: Vec<usize> = (0..n).map(|c| widths[c].saturating_sub(need[c])).collect();
        for c in 0..n {
            if widths[c] < need[c] {
                widths[c] = need[c];
            } else {
                widths[c] -= give[c] * short / spare;
            }
        }
    }
    // Rounding: the last column takes what is left.
    let used: usize = widths.iter().take(n.saturating_sub(1)).sum();
    if let Some(last) = widths.last_mut() {
        *last = total.saturating_sub(used);
    }
    widths
}

/// `#RRGGBB` (or `RRGGBB`) as `RRGGBB`, or `fallback` when it is not one.
pub fn hex_colour(colour: &str, fallback: &str) -> String {
    let c = colour.trim().trim_start_matches('#');
    if c.len() == 6 && c.chars().all(|x| x.is_ascii_hexdigit()) {
        c.to_ascii_uppercase()
    } else {
        fallback.to_string()
    }
}

/// The key figures: this period, the previous one and the change, and
/// the same period a year before (a year has instead its five-year trend).
fn key_figures<W: Compose>(w: &mut W, b: &Brief) {
    heading(w, b, 1, "section.key_figures");
    let columns = if b.year_ago { 5 } else { 4 };
    let header = labels(
        b,
        &[
            "column.indicator",
            "column.this_quarter",
            "column.previous",
            "column.change",
            "column.year_ago",
        ][..columns],
    );
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
    let has_years = !b.years.is_empty();
    table(
        w,
        &[3, 2, 2, 2, 2][..columns],
        &header,
        &rows,
        &numeric[..columns],
    );
    if has_years {
        years(w, b);
    }
}

/// A year's five-year trend, the brief's year as the bold closing row.
fn years<W: Compose>(w: &mut W, b: &Brief) {
    heading(w, b, 2, "section.years");
    let header = labels(
        b,
        &[
            "column.year",
            "figure.events",
            "figure.outcomes",
            "figure.mou",
            "figure.partner_countries",
            "figure.investment",
        ],
    );
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
    let (last, earlier) = rows
        .split_last()
        .map_or((None, &rows[..]), |(l, e)| (Some(l), e));
    w.table(&Table {
        widths: &[2, 2, 2, 2, 2, 4],
        header: &header,
        rows: earlier,
        numeric: &[false, true, true, true, true, true],
        total: last.map(Vec::as_slice),
        shades: &[],
    });
}

/// The summary, then the highlighted events with their outcomes.
fn summary<W: Compose>(w: &mut W, b: &Brief) {
    heading(w, b, 1, "section.summary");
    let lines: Vec<(u8, String)> = b
        .summary
        .iter()
        .map(|l| (l.level, l.text.clone()))
        .collect();
    let empty = b.empty;
    let mut highlights: Vec<(u8, String)> = Vec::new();
    for e in &b.highlights {
        highlights.push((1, format!("{} ({})", e.title, e.date)));
        highlights.extend(e.outcomes.iter().map(|o| (2, o.line.clone())));
    }
    for (level, text) in &lines {
        w.bullet(*level, text);
    }
    if empty {
        let t = b.label("no_events");
        w.para(Para::Body, &t);
    }
    if !highlights.is_empty() {
        heading(w, b, 2, "section.highlights");
        for (level, text) in &highlights {
            w.bullet(*level, text);
        }
    }
}

/// The sector chart and table, fields of cooperation after the industries.
fn sectors<W: Compose>(w: &mut W, b: &Brief) {
    if b.sectors.is_empty() {
        return;
    }
    let header = labels(
        b,
        &[
            "column.sector",
            "column.events",
            "column.outcomes",
            "column.pending",
            "column.investment",
        ],
    );
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (i, s) in b.sectors.iter().enumerate() {
        if s.field && (i == 0 || !b.sectors[i - 1].field) {
            let mut line = vec![b.label("section.fields")];
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
    heading(w, b, 1, "section.sectors");
    w.chart(Chart::Sectors, &b.sector_caption);
    w.table(&Table {
        widths: &[6, 2, 2, 2, 3],
        header: &header,
        rows: &rows,
        numeric: &[false, true, true, true, true],
        total: Some(&total),
        shades: &[],
    });
}

/// The region tables and the sector × country matrix.
fn regions<W: Compose>(w: &mut W, b: &Brief) {
    if b.empty {
        return;
    }
    heading(w, b, 1, "section.regions");
    for (key, rows) in [
        ("section.partner_countries", &b.partner_countries),
        ("section.partner_regions", &b.partner_regions),
        ("section.domestic_regions", &b.domestic_regions),
    ] {
        heading(w, b, 2, key);
        region_table(w, b, rows);
    }
    let note = &b.regions_note;
    let has_matrix = !b.matrix.rows.is_empty() && !b.matrix.columns.is_empty();
    if !note.is_empty() {
        w.para(Para::Caption, note);
    }
    if has_matrix {
        heading(w, b, 2, "section.matrix");
        matrix(w, b);
    }
}

fn region_table<W: Compose>(w: &mut W, b: &Brief, rows: &[RegionView]) {
    if rows.is_empty() {
        return none(w, b);
    }
    let header = labels(
        b,
        &[
            "column.region",
            "column.events",
            "column.outcomes",
            "column.places",
        ],
    );
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.label.clone(),
                r.events.to_string(),
                r.outcomes.to_string(),
                r.places.clone(),
            ]
        })
        .collect();
    table(
        w,
        &[4, 2, 2, 6],
        &header,
        &body,
        &[false, true, true, false],
    );
}

/// Events per sector and country as a table whose cells are shaded by
/// their count (the PDF's dot matrix), under the figure's caption.
fn matrix<W: Compose>(w: &mut W, b: &Brief) {
    let m = &b.matrix;
    let accent = hex_colour(&b.layout.colours.accent, "2F5D8A");
    let mut header = vec![b.label("column.sector")];
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
    let caption = b.label("chart.matrix_title");
    w.para(Para::CaptionAbove, &caption);
    w.table(&Table {
        widths: &widths,
        header: &header,
        rows: &rows,
        numeric: &numeric,
        total: None,
        shades: &shades,
    });
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

/// The monthly chart and its numbers, then the events a row each (or per
/// month and kind in a busy period).
fn timeline<W: Compose>(w: &mut W, b: &Brief) {
    if b.empty {
        return;
    }
    heading(w, b, 1, "section.timeline");
    let caption = b.label("chart.month_title");
    w.chart(Chart::Trend, &caption);
    if b.trend.len() > 12 {
        trend_by_year(w, b);
    } else {
        let mut header: Vec<String> = vec![b.label("column.month")];
        header.extend(b.trend.iter().map(|m| m.full_label()));
        let mut row = vec![b.label("column.events")];
        row.extend(b.trend.iter().map(|m| m.events.to_string()));
        let mut widths = vec![3];
        widths.extend(b.trend.iter().map(|_| 2));
        let mut numeric = vec![false];
        numeric.extend(b.trend.iter().map(|_| true));
        table(w, &widths, &header, &[row], &numeric);
    }
    if b.timeline.is_empty() {
        month_kinds(w, b);
    } else {
        event_table(w, b, &b.timeline);
    }
}

/// The monthly numbers of a chart longer than a year: a row per year, a
/// column per month (empty where the chart has no bar).
fn trend_by_year<W: Compose>(w: &mut W, b: &Brief) {
    let mut header = vec![b.label("column.year")];
    header.extend((1..=12).map(|m| crate::locale::month_name(m, b.lang)));
    let mut rows: Vec<(i32, Vec<String>)> = Vec::new();
    for m in &b.report.trend {
        if rows.last().is_none_or(|(y, _)| *y != m.year) {
            let mut row = vec![String::new(); 13];
            row[0] = crate::locale::year(m.year, b.lang);
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
    table(w, &widths, &header, &rows, &numeric);
}

/// Events a row each: date, title, kind, regions.
fn event_table<W: Compose>(w: &mut W, b: &Brief, rows: &[TimelineView]) {
    let header = labels(
        b,
        &[
            "column.date",
            "column.event",
            "column.kind",
            "column.regions",
        ],
    );
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
    table(w, &[3, 5, 2, 4], &header, &rows, &[false; 4]);
}

/// A busy period's events per month and kind.
fn month_kinds<W: Compose>(w: &mut W, b: &Brief) {
    heading(w, b, 2, "section.month_kinds");
    let mk = &b.month_kinds;
    let mut header = vec![b.label("column.kind")];
    header.extend(mk.months.iter().cloned());
    header.push(b.label("column.events"));
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
    table(w, &widths, &header, &rows, &numeric);
}

/// Follow-ups due in the next period, overdue, and open without a date.
fn follow_ups<W: Compose>(w: &mut W, b: &Brief) {
    heading(w, b, 1, "section.follow_ups");
    heading(w, b, 2, "section.follow_ups_due");
    follow_table(w, b, &b.follow_ups_due);
    heading(w, b, 2, "section.follow_ups_overdue");
    follow_table(w, b, &b.follow_ups_overdue);
    if !b.follow_ups_open.is_empty() {
        heading(w, b, 2, "section.follow_ups_open");
        follow_table(w, b, &b.follow_ups_open);
    }
    if !b.follow_ups_note.is_empty() {
        w.para(Para::Caption, &b.follow_ups_note);
    }
}

fn follow_table<W: Compose>(w: &mut W, b: &Brief, rows: &[FollowUpView]) {
    if rows.is_empty() {
        return none(w, b);
    }
    let header = labels(
        b,
        &[
            "column.action",
            "column.owner",
            "column.due",
            "column.status",
        ],
    );
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|f| {
            vec![
                format!("{} ({})", f.action, f.event),
                f.owner.clone(),
                f.due.clone(),
                f.status.clone(),
            ]
        })
        .collect();
    table(w, &[5, 2, 2, 1], &header, &body, &[false; 4]);
}

/// The notes on the data, a sub-point each.
fn notes<W: Compose>(w: &mut W, b: &Brief) {
    heading(w, b, 1, "section.notes");
    for n in &b.notes {
        w.bullet(2, n);
    }
}

/// The appendix on a new page: the events in full (or the highlighted ones
/// and a line each for others), those known only to the year, the sources.
fn appendix<W: Compose>(w: &mut W, b: &Brief) {
    let title = format!(
        "{} — {}",
        b.label("section.appendix"),
        b.label("section.events")
    );
    w.heading(1, &title, true);
    if !b.listed_note.is_empty() {
        w.para(Para::Caption, &b.listed_note);
    }
    if b.events.is_empty() {
        none(w, b);
    }
    for e in &b.events {
        event_block(w, b, e);
    }
    if !b.compact.is_empty() {
        heading(w, b, 2, "section.other_events");
        event_table(w, b, &b.compact);
    }
    if !b.undated.is_empty() {
        heading(w, b, 2, "section.undated");
        for e in &b.undated {
            event_block(w, b, e);
        }
        if !b.undated_note.is_empty() {
            w.para(Para::Caption, &b.undated_note);
        }
    }
    sources(w, b);
}

/// One event in full: title, date, kind, regions, sectors, attendance, the
/// summary, the outcomes, and why the date is what it is.
fn event_block<W: Compose>(w: &mut W, b: &Brief, e: &EventView) {
    w.heading(3, &e.title, false);
    let mut line = format!("{} · {} · {}", e.date, e.kind, e.regions);
    line.push_str(&format!(" · {}: {}", b.label("column.sector"), e.sectors));
    if !e.attendance.is_empty() {
        line.push_str(&format!(
            " · {}: {}",
            b.label("column.attendance"),
            e.attendance
        ));
    }
    w.para(Para::Caption, &line);
    if !e.summary.is_empty() {
        w.para(Para::Body, &e.summary);
    }
    for o in &e.outcomes {
        w.bullet(2, &o.line_with_parties());
    }
    if !e.date_note.is_empty() {
        w.para(Para::Caption, &e.date_note);
    }
}

fn sources<W: Compose>(w: &mut W, b: &Brief) {
    heading(w, b, 2, "section.sources");
    if b.sources.is_empty() {
        return none(w, b);
    }
    let header = labels(
        b,
        &[
            "column.outlet",
            "column.title",
            "column.date",
            "column.event",
        ],
    );
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
    table(w, &[2, 5, 2, 3], &header, &rows, &[false; 4]);
}
