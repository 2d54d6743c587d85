//! DOCX through docx-rs: the same sections and numbers as the PDF, as an
//! editable Word document with real heading styles and native tables. Every
//! docx-rs type is used here only, behind named helpers.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageNum,
    Paragraph as DocxParagraph, Run as DocxRun, RunFonts, Shading, Style as DocxStyle, StyleType,
    Table as DocxTable, TableCell, TableRow, WidthType,
};

use super::RenderError;
use crate::brief::{Brief, EventView, FollowUpView, RegionView};
use crate::model::Lang;

/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;
/// 2 cm in twentieths of a point.
const MARGIN: i32 = 1134;

/// Fonts set on every style and run, so Word shows Hangul in the intended
/// face whatever its defaults are.
#[derive(Debug, Clone)]
pub struct DocxFonts {
    pub east_asia: String,
    pub latin: String,
}

/// A chart of the brief as a PNG (from the same typst drawing as the PDF's).
#[derive(Debug, Clone)]
pub struct Chart {
    /// `sectors`, `matrix` or `trend`.
    pub name: String,
    pub png: Vec<u8>,
    pub caption: String,
}

fn w_push(w: &mut Writer, p: DocxParagraph) {
    w.docx = std::mem::take(&mut w.docx).add_paragraph(p);
}

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let w = png.get(16..20)?;
    let h = png.get(20..24)?;
    Some((
        u32::from_be_bytes([w[0], w[1], w[2], w[3]]),
        u32::from_be_bytes([h[0], h[1], h[2], h[3]]),
    ))
}

struct Writer<'a> {
    charts: &'a [Chart],
    docx: Docx,
    fonts: &'a DocxFonts,
    brief: &'a Brief,
}

fn sz(points: f32) -> usize {
    (points * 2.0).round() as usize
}

impl<'a> Writer<'a> {
    fn run_fonts(&self) -> RunFonts {
        RunFonts::new()
            .east_asia(&self.fonts.east_asia)
            .ascii(&self.fonts.latin)
            .hi_ansi(&self.fonts.latin)
            .cs(&self.fonts.latin)
    }

    fn run(&self, text: &str) -> DocxRun {
        DocxRun::new().add_text(text).fonts(self.run_fonts())
    }

    fn label(&self, key: &str) -> String {
        self.brief
            .labels
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    fn styles(mut self) -> Self {
        let f = self.run_fonts();
        let para = |id: &str, name: &str| {
            DocxStyle::new(id, StyleType::Paragraph)
                .name(name)
                .fonts(f.clone())
        };
        let spacing = |before: u32, after: u32| {
            LineSpacing::new()
                .line_rule(docx_rs::LineSpacingType::Auto)
                .before(before)
                .after(after)
                .line(276)
        };
        let styles = [
            para("Normal", "Normal")
                .size(sz(10.0))
                .line_spacing(spacing(0, 100)),
            para("Title", "Title")
                .size(sz(20.0))
                .bold()
                .color("2F5D8A")
                .line_spacing(spacing(0, 120)),
            para("Subtitle", "Subtitle")
                .size(sz(12.0))
                .color("1B2A41")
                .line_spacing(spacing(0, 200)),
            para("Heading1", "heading 1")
                .size(sz(14.0))
                .bold()
                .color("2F5D8A")
                .outline_lvl(0)
                .line_spacing(spacing(360, 120)),
            para("Heading2", "heading 2")
                .size(sz(11.5))
                .bold()
                .outline_lvl(1)
                .line_spacing(spacing(240, 80)),
            para("Caption", "caption")
                .size(sz(8.5))
                .italic()
                .line_spacing(spacing(60, 160)),
            para("TableText", "Table Text").size(sz(9.0)).line_spacing(
                LineSpacing::new()
                    .line_rule(docx_rs::LineSpacingType::Auto)
                    .before(0)
                    .after(0)
                    .line(240),
            ),
            para("ListBullet", "List Bullet")
                .size(sz(10.0))
                .line_spacing(spacing(40, 60)),
            para("ListBullet2", "List Bullet 2")
                .size(sz(10.0))
                .line_spacing(spacing(20, 40)),
        ];
        for s in styles {
            self.docx = self.docx.add_style(s);
        }
        self
    }

    fn para(&mut self, style: &str, text: &str) {
        let p = DocxParagraph::new().style(style).add_run(self.run(text));
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn heading(&mut self, level: u8, text: &str) {
        let style = if level <= 1 { "Heading1" } else { "Heading2" };
        let p = DocxParagraph::new()
            .style(style)
            .keep_next(true)
            .add_run(self.run(text));
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// A bullet in the brief's hierarchy (□ ○ - · in Korean).
    fn bullet(&mut self, level: u8, text: &str) {
        let marks: [&str; 4] = match self.brief.lang {
            Lang::Ko => ["□", "○", "-", "·"],
            Lang::En => ["•", "–", "·", "·"],
        };
        let mark = marks[usize::from(level.clamp(1, 4) - 1)];
        let style = if level <= 1 {
            "ListBullet"
        } else {
            "ListBullet2"
        };
        let indent = 284 * i32::from(level.clamp(1, 4));
        let p = DocxParagraph::new()
            .style(style)
            .indent(
                Some(indent),
                Some(docx_rs::SpecialIndentType::Hanging(284)),
                None,
                None,
            )
            .add_run(self.run(&format!("{mark}\t{text}")));
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// A native table: header row shaded, numeric columns right-aligned.
    fn table(
        &mut self,
        widths: &[usize],
        header: &[String],
        rows: &[Vec<String>],
        numeric: &[bool],
    ) {
        let total: usize = widths.iter().sum();
        let widths: Vec<usize> = widths
            .iter()
            .map(|w| w * TEXT_WIDTH / total.max(1))
            .collect();
        let cell = |text: &str, col: usize, head: bool| {
            let align = if numeric.get(col).copied().unwrap_or(false) && !head {
                AlignmentType::Right
            } else {
                AlignmentType::Left
            };
            let mut run = self.run(text);
            if head {
                run = run.bold();
            }
            let mut c = TableCell::new()
                .width(widths[col], WidthType::Dxa)
                .add_paragraph(
                    DocxParagraph::new()
                        .style("TableText")
                        .align(align)
                        .add_run(run),
                );
            if head {
                c = c.shading(Shading::new().fill("DFE7F0"));
            }
            c
        };
        let mut table_rows = vec![TableRow::new(
            header
                .iter()
                .enumerate()
                .map(|(i, h)| cell(h, i, true))
                .collect(),
        )];
        for r in rows {
            table_rows.push(
                TableRow::new(
                    r.iter()
                        .enumerate()
                        .take(widths.len())
                        .map(|(i, v)| cell(v, i, false))
                        .collect(),
                )
                .cant_split(),
            );
        }
        let t = DocxTable::new(table_rows)
            .set_grid(widths.clone())
            .width(TEXT_WIDTH, WidthType::Dxa);
        self.docx = std::mem::take(&mut self.docx).add_table(t);
        // Word needs a paragraph between consecutive tables.
        self.para("Normal", "");
    }

    /// The chart `name` as an image the width of the text, with its
    /// caption; false when there is no such chart.
    fn chart(&mut self, name: &str) -> bool {
        let Some(chart) = self.charts.iter().find(|c| c.name == name) else {
            return false;
        };
        let Some((px_w, px_h)) = png_size(&chart.png) else {
            return false;
        };
        // Rendered at 300 dpi; 914,400 EMU per inch. Never wider than the text.
        let emu = |px: u32| (u64::from(px) * 914_400 / 300) as u32;
        let max_w = (TEXT_WIDTH as u64 * 635) as u32;
        let (mut w, mut h) = (emu(px_w), emu(px_h));
        if w > max_w {
            h = (u64::from(h) * u64::from(max_w) / u64::from(w)) as u32;
            w = max_w;
        }
        let pic = docx_rs::Pic::new(&chart.png).size(w, h);
        let p = DocxParagraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .add_run(DocxRun::new().add_image(pic));
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
        let caption = chart.caption.clone();
        let p = DocxParagraph::new()
            .style("Caption")
            .align(AlignmentType::Center)
            .add_run(self.run(&caption));
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
        true
    }

    fn none(&mut self) {
        let text = self.label("none");
        self.para("Normal", &text);
    }

    fn region_table(&mut self, rows: &[RegionView]) {
        if rows.is_empty() {
            return self.none();
        }
        let header = [
            "column.region",
            "column.events",
            "column.outcomes",
            "column.places",
        ]
        .map(|k| self.label(k));
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
        self.table(&[3, 1, 1, 5], &header, &body, &[false, true, true, false]);
    }

    fn follow_table(&mut self, rows: &[FollowUpView]) {
        if rows.is_empty() {
            return self.none();
        }
        let header = [
            "column.action",
            "column.owner",
            "column.due",
            "column.status",
        ]
        .map(|k| self.label(k));
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
        self.table(&[5, 2, 2, 1], &header, &body, &[false; 4]);
    }

    fn event_block(&mut self, e: &EventView) {
        let p = DocxParagraph::new()
            .style("Normal")
            .keep_next(true)
            .add_run(self.run(&e.title).bold());
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
        let mut line = format!("{} · {} · {}", e.date, e.kind, e.regions);
        line.push_str(&format!(
            " · {}: {}",
            self.label("column.sector"),
            e.sectors
        ));
        if !e.attendance.is_empty() {
            line.push_str(&format!(
                " · {}: {}",
                self.label("column.attendance"),
                e.attendance
            ));
        }
        self.para("Caption", &line);
        if !e.summary.is_empty() {
            self.para("Normal", &e.summary);
        }
        for o in &e.outcomes {
            self.bullet(2, &outcome_line(o, true));
        }
        if !e.date_note.is_empty() {
            self.para("Caption", &e.date_note);
        }
    }
}

fn outcome_line(o: &crate::brief::OutcomeView, parties: bool) -> String {
    let mut s = o.kind.clone();
    if o.count > 1 {
        s.push_str(&format!(" ×{}", o.count));
    }
    s.push_str(&format!(" — {} ({}", o.title, o.status));
    if !o.amount.is_empty() {
        s.push_str(&format!(", {}", o.amount));
    }
    s.push(')');
    if parties && !o.parties.is_empty() {
        s.push_str(&format!(": {}", o.parties));
    }
    s
}

/// Builds the DOCX bytes of a brief.
pub fn render(
    brief: &Brief,
    fonts: &DocxFonts,
    charts: &[Chart],
    logo: Option<&[u8]>,
) -> Result<Vec<u8>, RenderError> {
    let b = brief;
    let mut w = Writer {
        charts,
        docx: Docx::new()
            .page_margin(
                docx_rs::PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN)
                    .header(567)
                    .footer(567),
            )
            .default_fonts(
                RunFonts::new()
                    .east_asia(&fonts.east_asia)
                    .ascii(&fonts.latin)
                    .hi_ansi(&fonts.latin),
            )
            .default_size(sz(10.0)),
        fonts,
        brief,
    }
    .styles();

    let header = Header::new().add_paragraph(
        DocxParagraph::new()
            .style("Caption")
            .align(AlignmentType::Right)
            .add_run(w.run(&format!(
                "{} · {} · {}",
                b.meta.organisation, b.meta.title, b.meta.quarter_label
            ))),
    );
    let footer = Footer::new().add_paragraph(
        DocxParagraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new())
            .add_run(w.run(" / "))
            .add_num_pages(NumPages::new()),
    );
    w.docx = std::mem::take(&mut w.docx).header(header).footer(footer);

    // Title block.
    let mut org = b.meta.organisation.clone();
    if !b.meta.department.is_empty() {
        org.push_str(&format!(" · {}", b.meta.department));
    }
    if !b.meta.classification.is_empty() {
        org.push_str(&format!("    [{}]", b.meta.classification));
    }
    if let Some(logo) = logo.filter(|l| !l.is_empty()) {
        // The logo 1.1 cm high, as in the PDF; 1 cm = 360,000 EMU.
        if let Ok(img) = ::image::load_from_memory(logo) {
            let (px_w, px_h) = (img.width().max(1), img.height().max(1));
            let height: u32 = 396_000;
            let width = (u64::from(height) * u64::from(px_w) / u64::from(px_h)) as u32;
            let pic = docx_rs::Pic::new(logo).size(width, height);
            let p = DocxParagraph::new().add_run(DocxRun::new().add_image(pic));
            w_push(&mut w, p);
        }
    }
    w.para("Caption", &org);
    w.para("Title", &b.meta.title);
    w.para("Subtitle", &b.meta.subtitle);
    w.para(
        "Caption",
        &format!(
            "{} {}   |   {} {}",
            w.label("period"),
            b.meta.period,
            w.label("issued"),
            b.meta.issue_date
        ),
    );

    // The sections, in the order the template set's layout gives.
    for section in &b.layout.sections {
        match section.as_str() {
            "key_figures" => key_figures(&mut w, b),
            "summary" => summary(&mut w, b),
            "sectors" => sectors(&mut w, b),
            "regions" => regions(&mut w, b),
            "timeline" => timeline(&mut w, b),
            "follow_ups" => follow_ups(&mut w, b),
            "notes" => notes(&mut w, b),
            "appendix" => appendix(&mut w, b),
            _ => {}
        }
    }

    let mut out = std::io::Cursor::new(Vec::new());
    w.docx
        .build()
        .pack(&mut out)
        .map_err(|e| RenderError::Docx(format!("failed to write the DOCX package ({e})")))?;
    Ok(out.into_inner())
}

/// The key figures section.
fn key_figures(w: &mut Writer, b: &Brief) {
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
    );
}

/// The summary section.
fn summary(w: &mut Writer, b: &Brief) {
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
                w.bullet(2, &outcome_line(o, false));
            }
        }
    }
}

/// The sectors section.
fn sectors(w: &mut Writer, b: &Brief) {
    if !b.sectors.is_empty() {
        w.heading(1, &w.label("section.sectors"));
        let _ = w.chart("sectors");
        let header = [
            "column.sector",
            "column.events",
            "column.outcomes",
            "column.pending",
            "column.investment",
        ]
        .map(|k| w.label(k));
        let rows: Vec<Vec<String>> = b
            .sectors
            .iter()
            .map(|s| {
                vec![
                    s.label.clone(),
                    s.events.to_string(),
                    s.outcomes.to_string(),
                    s.pending.to_string(),
                    s.investment.clone(),
                ]
            })
            .collect();
        w.table(
            &[4, 1, 1, 1, 3],
            &header,
            &rows,
            &[false, true, true, true, true],
        );
    }
}

/// The regions section.
fn regions(w: &mut Writer, b: &Brief) {
    if !b.empty {
        w.heading(1, &w.label("section.regions"));
        w.heading(2, &w.label("section.partner_countries"));
        w.region_table(&b.partner_countries);
        w.heading(2, &w.label("section.partner_regions"));
        w.region_table(&b.partner_regions);
        w.heading(2, &w.label("section.domestic_regions"));
        w.region_table(&b.domestic_regions);
        if !b.matrix.rows.is_empty() && !b.matrix.columns.is_empty() {
            w.heading(2, &w.label("section.matrix"));
            // The dot matrix, or its numbers as a table when it could not
            // be drawn.
            if w.chart("matrix") {
                return;
            }
            let mut header = vec![w.label("column.sector")];
            header.extend(b.matrix.columns.iter().cloned());
            let rows: Vec<Vec<String>> = b
                .matrix
                .rows
                .iter()
                .zip(&b.matrix.cells)
                .map(|(r, cells)| {
                    let mut row = vec![r.clone()];
                    row.extend(cells.iter().map(|c| {
                        if *c == 0 {
                            "·".to_string()
                        } else {
                            c.to_string()
                        }
                    }));
                    row
                })
                .collect();
            let mut widths = vec![3];
            widths.extend(b.matrix.columns.iter().map(|_| 1));
            let mut numeric = vec![false];
            numeric.extend(b.matrix.columns.iter().map(|_| true));
            w.table(&widths, &header, &rows, &numeric);
        }
    }
}

/// The timeline section.
fn timeline(w: &mut Writer, b: &Brief) {
    if !b.empty {
        w.heading(1, &w.label("section.timeline"));
        // Events per month over the last four quarters: the PDF's chart, and
        // its numbers as a table below it.
        let _ = w.chart("trend");
        let mut header: Vec<String> = vec![w.label("column.month")];
        header.extend(b.trend.iter().map(|m| {
            if m.year.is_empty() {
                m.label.clone()
            } else {
                format!("{} {}", m.year, m.label)
            }
        }));
        let mut row = vec![w.label("column.events")];
        row.extend(b.trend.iter().map(|m| m.events.to_string()));
        let mut widths = vec![3];
        widths.extend(b.trend.iter().map(|_| 2));
        let mut numeric = vec![false];
        numeric.extend(b.trend.iter().map(|_| true));
        w.table(&widths, &header, &[row], &numeric);
        let header = [
            "column.date",
            "column.event",
            "column.kind",
            "column.regions",
        ]
        .map(|k| w.label(k));
        let rows: Vec<Vec<String>> = b
            .timeline
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
        w.table(&[3, 5, 2, 4], &header, &rows, &[false; 4]);
    }
}

/// The follow ups section.
fn follow_ups(w: &mut Writer, b: &Brief) {
    w.heading(1, &w.label("section.follow_ups"));
    w.heading(2, &w.label("section.follow_ups_due"));
    w.follow_table(&b.follow_ups_due);
    w.heading(2, &w.label("section.follow_ups_overdue"));
    w.follow_table(&b.follow_ups_overdue);
    if !b.follow_ups_open.is_empty() {
        w.heading(2, &w.label("section.follow_ups_open"));
        w.follow_table(&b.follow_ups_open);
    }
}

/// The notes section.
fn notes(w: &mut Writer, b: &Brief) {
    w.heading(1, &w.label("section.notes"));
    for n in &b.notes {
        w.bullet(2, n);
    }
}

/// The appendix section.
fn appendix(w: &mut Writer, b: &Brief) {
    let title = format!(
        "{} — {}",
        w.label("section.appendix"),
        w.label("section.events")
    );
    let p = DocxParagraph::new()
        .style("Heading1")
        .page_break_before(true)
        .add_run(w.run(&title));
    w.docx = std::mem::take(&mut w.docx).add_paragraph(p);
    if !b.listed_note.is_empty() {
        w.para("Caption", &b.listed_note);
    }
    if b.events.is_empty() {
        w.none();
    }
    for e in &b.events {
        w.event_block(e);
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
        w.table(&[2, 5, 2, 3], &header, &rows, &[false; 4]);
    }
}
