//! DOCX through docx-rs: the same sections and numbers as the PDF, as an
//! editable Word document with real heading styles and native tables. Every
//! docx-rs type is used here only, behind named helpers.

mod assemble;
mod chart;
mod package;
mod schema;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, DocumentChild, Docx, FieldCharType, Footer,
    Header, IndentLevel, InstrPAGEREF, InstrText, InstrToC, Level, LevelJc, LevelText, LineSpacing,
    NumPages, NumberFormat, Numbering, NumberingId, PageNum, Paragraph as DocxParagraph,
    Run as DocxRun, RunFonts, Shading, SpecialIndentType, Start, Style as DocxStyle, StyleType,
    Tab, TabLeaderType, TabValueType, Table as DocxTable, TableBorder, TableBorderPosition,
    TableCell, TableCellBorder, TableCellBorderPosition, TableRow, WidthType,
};

use super::RenderError;
use super::compose::{self, Compose, Para, Shade, Table};
use crate::brief::Brief;
use crate::model::Lang;

/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;
/// 2 cm in twentieths of a point.
const MARGIN: i32 = 1134;
/// The numbering definition of the brief's bullet lists (docx-rs declares
/// id 1 itself).
const BULLETS: usize = 2;
/// Heading levels the table of contents lists: the sections only, so it
/// stays a short block under the title.
const TOC_LEVELS: u8 = 1;
/// Indent per list level and the hanging indent of a bullet, in twips.
const LIST_STEP: i32 = 284;

/// Fonts set on every style and run, so Word shows Hangul in the intended
/// face whatever its defaults are.
#[derive(Debug, Clone)]
pub struct DocxFonts {
    pub east_asia: String,
    pub latin: String,
}

/// Text in a chart's place until the package is written: its run becomes
/// the chart's drawing. A private-use character, so no brief text has it.
const CHART_MARK: &str = "\u{F8FF}chart";

/// A chart placed in the document: its part, and its frame's text.
struct PlacedChart {
    chart: chart::BarChart,
    alt: String,
}

/// A heading the table of contents lists, with its bookmark.
struct TocEntry {
    level: u8,
    text: String,
    bookmark: String,
}

struct Writer<'a> {
    docx: Docx,
    /// The native charts, in document order.
    charts: Vec<PlacedChart>,
    fonts: &'a DocxFonts,
    brief: &'a Brief,
    /// Alternative text of each picture, in document order.
    alt: Vec<String>,
    /// Headings the table of contents lists (levels up to `TOC_LEVELS`).
    toc: Vec<TocEntry>,
}

fn sz(points: f32) -> usize {
    (points * 2.0).round() as usize
}

/// Line spacing as a multiple of single (240 = 1.0), with space before and
/// after in twips.
fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(docx_rs::LineSpacingType::Auto)
        .before(before)
        .after(after)
        .line(line)
}

impl<'a> Writer<'a> {
    fn run_fonts(&self) -> RunFonts {
        RunFonts::new()
            .east_asia(&self.fonts.east_asia)
            .ascii(&self.fonts.latin)
            .hi_ansi(&self.fonts.latin)
            .cs(&self.fonts.latin)
    }

    /// A run of text; the private-use character of the chart placeholder
    /// is dropped, so no text can pass for a chart's place.
    fn run(&self, text: &str) -> DocxRun {
        let text: String = text.chars().filter(|&c| c != '\u{F8FF}').collect();
        DocxRun::new().add_text(text).fonts(self.run_fonts())
    }

    fn push(&mut self, p: DocxParagraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn label(&self, key: &str) -> String {
        self.brief.label(key)
    }

    /// The styles every paragraph and table uses, declared once. `Normal`
    /// is docx-rs's own (it always writes one); its font, size and spacing
    /// are the document defaults. Korean body text is set at 1.15 lines
    /// (Word's 배수 1.15 with 맑은 고딕), English at 1.1.
    fn styles(mut self) -> Self {
        let f = self.run_fonts();
        let body_line = match self.brief.lang {
            Lang::Ko => 276,
            Lang::En => 264,
        };
        self.docx = std::mem::take(&mut self.docx)
            .default_fonts(f.clone())
            .default_size(sz(10.0))
            .default_line_spacing(spacing(0, 100, body_line));
        let para = |id: &str, name: &str| {
            DocxStyle::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .fonts(f.clone())
        };
        let heading = |id: &str, name: &str, level: usize| {
            let mut s = para(id, name).next("Normal").bold().outline_lvl(level);
            s.paragraph_property = s.paragraph_property.keep_next(true);
            s
        };
        let styles = [
            para("Title", "Title")
                .next("Normal")
                .size(sz(20.0))
                .bold()
                .color("2F5D8A")
                .line_spacing(spacing(0, 120, 240)),
            para("Subtitle", "Subtitle")
                .next("Normal")
                .size(sz(12.0))
                .color("1B2A41")
                .line_spacing(spacing(0, 200, 240)),
            heading("Heading1", "heading 1", 0)
                .size(sz(14.0))
                .color("2F5D8A")
                .line_spacing(spacing(360, 120, 240)),
            heading("Heading2", "heading 2", 1)
                .size(sz(11.5))
                .line_spacing(spacing(240, 80, 240)),
            heading("Heading3", "heading 3", 2)
                .size(sz(10.5))
                .color("1B2A41")
                .line_spacing(spacing(200, 40, 240)),
            para("Caption", "caption")
                .size(sz(8.5))
                .italic()
                .line_spacing(spacing(60, 160, 240)),
            para("TableText", "Table Text")
                .size(sz(9.0))
                .line_spacing(spacing(0, 0, 240)),
            para("ListBullet", "List Bullet").line_spacing(spacing(40, 60, body_line)),
            para("TOCHeading", "TOC Heading")
                .next("Normal")
                .size(sz(12.0))
                .bold()
                .color("2F5D8A")
                .line_spacing(spacing(240, 120, 240)),
            para("TOC1", "toc 1").line_spacing(spacing(60, 0, 240)),
            para("TOC2", "toc 2")
                .indent(Some(LIST_STEP * 2), None, None, None)
                .line_spacing(spacing(0, 0, 240)),
            para("Header", "header")
                .size(sz(8.5))
                .line_spacing(spacing(0, 0, 240)),
            para("Footer", "footer")
                .size(sz(8.5))
                .line_spacing(spacing(0, 0, 240)),
            DocxStyle::new("BriefTable", StyleType::Table)
                .name("Brief Table")
                .table_property(
                    docx_rs::TableProperty::new()
                        .set_margins(docx_rs::TableCellMargins::new().margin(40, 100, 40, 100)),
                ),
        ];
        for s in styles {
            self.docx = std::mem::take(&mut self.docx).add_style(s);
        }
        self.bullet_numbering()
    }

    /// The bullet hierarchy as a numbering definition, so the marks are
    /// list numbering Word's indent buttons move between levels: □ ○ - ·
    /// in Korean, • – · · in English, then · down to level 9.
    fn bullet_numbering(mut self) -> Self {
        let marks = compose::bullet_marks(self.brief.lang);
        let mut list = AbstractNumbering::new(BULLETS);
        for level in 0..9usize {
            let mark = marks.get(level).copied().unwrap_or("·");
            let left = LIST_STEP * (level as i32 + 1);
            list = list.add_level(
                Level::new(
                    level,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new(mark),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(left),
                    Some(SpecialIndentType::Hanging(LIST_STEP)),
                    None,
                    None,
                )
                .fonts(self.run_fonts()),
            );
        }
        self.docx = std::mem::take(&mut self.docx)
            .add_abstract_numbering(list)
            .add_numbering(Numbering::new(BULLETS, BULLETS));
        self
    }

    fn para(&mut self, style: &str, text: &str) {
        let p = DocxParagraph::new().style(style).add_run(self.run(text));
        self.push(p);
    }

    /// A heading in the style of its level; those the table of contents
    /// lists carry a bookmark its page reference points at.
    fn heading_on(&mut self, level: u8, text: &str, new_page: bool) {
        let style = match level {
            0 | 1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        let mut p = DocxParagraph::new().style(style);
        if new_page {
            p = p.page_break_before(true);
        }
        if level <= TOC_LEVELS {
            let id = self.toc.len() + 1;
            let bookmark = format!("_Toc{id:06}");
            p = p
                .add_bookmark_start(id, &bookmark)
                .add_run(self.run(text))
                .add_bookmark_end(id);
            self.toc.push(TocEntry {
                level: level.max(1),
                text: text.to_string(),
                bookmark,
            });
        } else {
            p = p.add_run(self.run(text));
        }
        self.push(p);
    }

    /// A list item at `level` (1 = □) of the bullet numbering.
    fn bullet(&mut self, level: u8, text: &str) {
        let level = usize::from(level.clamp(1, 9) - 1);
        let p = DocxParagraph::new()
            .style("ListBullet")
            .numbering(NumberingId::new(BULLETS), IndentLevel::new(level))
            .add_run(self.run(text));
        self.push(p);
    }

    /// A table whose body cells may each have their own fill and text
    /// colour (`shades`, row by row; missing entries are plain).
    fn shaded_table(
        &mut self,
        widths: &[usize],
        header: &[String],
        rows: &[Vec<String>],
        numeric: &[bool],
        total: Option<&[String]>,
        shades: &[Vec<Option<Shade>>],
    ) {
        let mut lines: Vec<&[String]> = vec![header];
        lines.extend(rows.iter().map(Vec::as_slice));
        lines.extend(total);
        let widths = compose::fit_widths(widths, &lines, &MEASURE);
        let cell = |text: &str, col: usize, head: bool, strong: bool, shade: Option<&Shade>| {
            // Header cells align like their column.
            let right = numeric.get(col).copied().unwrap_or(false);
            self.table_cell(text, widths[col], right, (head, strong), shade)
        };
        let row =
            |cells: &[String], head: bool, strong: bool, shades: Option<&Vec<Option<Shade>>>| {
                TableRow::new(
                    cells
                        .iter()
                        .enumerate()
                        .take(widths.len())
                        .map(|(i, v)| {
                            let shade = shades.and_then(|s| s.get(i)).and_then(Option::as_ref);
                            cell(v, i, head, strong, shade)
                        })
                        .collect(),
                )
            };
        let mut table_rows = vec![row(header, true, false, None)];
        table_rows.extend(
            rows.iter()
                .enumerate()
                .map(|(i, r)| row(r, false, false, shades.get(i)).cant_split()),
        );
        if let Some(total) = total {
            table_rows.push(row(total, false, true, None).cant_split());
        }
        let t = bordered(
            DocxTable::new(table_rows)
                .style("BriefTable")
                .set_grid(widths.clone())
                .width(TEXT_WIDTH, WidthType::Dxa),
        );
        self.docx = std::mem::take(&mut self.docx).add_table(t);
        // Word needs a paragraph between consecutive tables.
        self.para("TableText", "");
    }

    /// One cell of a table: right-aligned when numeric, bold and shaded
    /// in the header (`head`) and in a totals row (`strong`, under a rule),
    /// filled and coloured as its `shade` says.
    fn table_cell(
        &self,
        text: &str,
        width: usize,
        right: bool,
        (head, strong): (bool, bool),
        shade: Option<&Shade>,
    ) -> TableCell {
        let align = if right {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        };
        let mut run = self.run(text);
        if head || strong {
            run = run.bold();
        }
        if let Some(colour) = shade.and_then(|s| s.text.as_deref()) {
            run = run.color(colour);
        }
        let mut c = TableCell::new().width(width, WidthType::Dxa).add_paragraph(
            DocxParagraph::new()
                .style("TableText")
                .align(align)
                .add_run(run),
        );
        if head {
            c = c.shading(Shading::new().fill("DFE7F0"));
        }
        if let Some(shade) = shade {
            c = c.shading(Shading::new().fill(&shade.fill));
        }
        if strong {
            c = c
                .set_border(
                    TableCellBorder::new(TableCellBorderPosition::Top)
                        .border_type(BorderType::Single)
                        .size(12)
                        .color("1B2A41"),
                )
                .shading(Shading::new().fill("F2F5F9"));
        }
        c
    }

    /// A native chart the width of the text, with its caption and the
    /// alternative text the brief gives chart `name`.
    fn place_chart(&mut self, name: &str, chart: Option<chart::BarChart>, caption: &str) {
        let Some(chart) = chart else { return };
        let alt = self
            .brief
            .chart_alt
            .get(name)
            .map_or_else(|| caption.to_string(), str::to_string);
        self.charts.push(PlacedChart { chart, alt });
        let p = DocxParagraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .add_run(DocxRun::new().add_text(CHART_MARK));
        self.push(p);
        self.para_centred("Caption", caption);
    }

    fn para_centred(&mut self, style: &str, text: &str) {
        let p = DocxParagraph::new()
            .style(style)
            .align(AlignmentType::Center)
            .add_run(self.run(text));
        self.push(p);
    }

    /// The table of contents: a TOC field over the headings up to
    /// `TOC_LEVELS` whose current result lists them with a PAGEREF field each. Word refreshes it on
    /// opening (the field is marked dirty) or with F9; LibreOffice shows
    /// the listed entries. It goes where `at` (a body position) points.
    fn table_of_contents(&mut self, at: usize) {
        let tab = Tab::new()
            .val(TabValueType::Right)
            .leader(TabLeaderType::Dot)
            .pos(TEXT_WIDTH);
        let mut paras = vec![
            DocxParagraph::new()
                .style("TOCHeading")
                .add_run(self.run(&self.label("contents"))),
        ];
        let toc = std::mem::take(&mut self.toc);
        for (i, entry) in toc.iter().enumerate() {
            let style = if entry.level <= 1 { "TOC1" } else { "TOC2" };
            let mut p = DocxParagraph::new().style(style).add_tab(tab.clone());
            if i == 0 {
                p = p.add_run(
                    DocxRun::new()
                        .add_field_char(FieldCharType::Begin, true)
                        .add_instr_text(InstrText::TOC(
                            InstrToC::new().heading_styles_range(1, usize::from(TOC_LEVELS)),
                        ))
                        .add_field_char(FieldCharType::Separate, false),
                );
            }
            p = p
                .add_run(self.run(&entry.text))
                .add_run(DocxRun::new().add_tab())
                .add_run(
                    DocxRun::new()
                        .add_field_char(FieldCharType::Begin, false)
                        .add_instr_text(InstrText::PAGEREF(InstrPAGEREF::new(&entry.bookmark)))
                        .add_field_char(FieldCharType::Separate, false),
                )
                .add_run(DocxRun::new().add_field_char(FieldCharType::End, false));
            if i + 1 == toc.len() {
                p = p.add_run(DocxRun::new().add_field_char(FieldCharType::End, false));
            }
            paras.push(p);
        }
        let children = &mut self.docx.document.children;
        let at = at.min(children.len());
        children.splice(
            at..at,
            paras
                .into_iter()
                .map(|p| DocumentChild::Paragraph(Box::new(p))),
        );
    }
}

impl Compose for Writer<'_> {
    fn heading(&mut self, level: u8, text: &str, new_page: bool) {
        self.heading_on(level, text, new_page);
    }

    fn para(&mut self, kind: Para, text: &str) {
        match kind {
            Para::Body => self.para("Normal", text),
            Para::Caption => self.para("Caption", text),
            Para::CaptionAbove => {
                let p = DocxParagraph::new()
                    .style("Caption")
                    .keep_next(true)
                    .add_run(self.run(text));
                self.push(p);
            }
        }
    }

    fn bullet(&mut self, level: u8, text: &str) {
        Writer::bullet(self, level, text);
    }

    fn table(&mut self, t: &Table) {
        self.shaded_table(t.widths, t.header, t.rows, t.numeric, t.total, t.shades);
    }

    fn chart(&mut self, which: compose::Chart, caption: &str) {
        let drawn = match which {
            compose::Chart::Sectors => chart::sectors(self.brief),
            compose::Chart::Trend => chart::trend(self.brief),
        };
        self.place_chart(which.name(), drawn, caption)
    }
}

/// Builds the DOCX bytes of a brief.
pub fn render(
    brief: &Brief,
    fonts: &DocxFonts,
    logo: Option<&[u8]>,
) -> Result<Vec<u8>, RenderError> {
    let b = brief;
    let mut w = Writer {
        charts: Vec::new(),
        docx: Docx::new().page_margin(
            docx_rs::PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        ),
        fonts,
        brief,
        alt: Vec::new(),
        toc: Vec::new(),
    }
    .styles();

    // The title and classification on every page; page x / y below.
    let header = Header::new().add_paragraph(
        DocxParagraph::new()
            .style("Header")
            .align(AlignmentType::Right)
            .add_run(w.run(&b.meta.running_head())),
    );
    let footer = Footer::new().add_paragraph(
        DocxParagraph::new()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new())
            .add_run(w.run(" / "))
            .add_num_pages(NumPages::new()),
    );
    w.docx = std::mem::take(&mut w.docx).header(header).footer(footer);

    // Title block.
    if let Some(logo) = logo.filter(|l| !l.is_empty()) {
        // The logo 1.1 cm high, as in the PDF; 1 cm = 360,000 EMU.
        if let Ok(img) = ::image::load_from_memory(logo) {
            let (px_w, px_h) = (img.width().max(1), img.height().max(1));
            let height: u32 = 396_000;
            let width = (u64::from(height) * u64::from(px_w) / u64::from(px_h)) as u32;
            let pic = docx_rs::Pic::new(logo).size(width, height);
            w.push(DocxParagraph::new().add_run(DocxRun::new().add_image(pic)));
            w.alt
                .push(format!("{} {}", b.meta.organisation, w.label("logo")));
        }
    }
    w.para("Caption", &b.meta.org_line());
    w.para("Title", &b.meta.title);
    w.para("Subtitle", &b.meta.subtitle);
    w.para("Caption", &compose::dates_line(b));
    let toc_at = w.docx.document.children.len();

    // The sections, in the order the template set's layout gives.
    compose::body(&mut w, b);
    if !w.toc.is_empty() {
        w.table_of_contents(toc_at);
    }

    assemble::finish(w)
}

/// How table text is measured in the DOCX: twips, 9 pt text (180 twips
/// an em) and the cell's side margins.
const MEASURE: compose::Measure = compose::Measure {
    width: TEXT_WIDTH,
    em: 180.0,
    pad: 230,
};

/// A table with thin rules around and between its cells.
fn bordered(mut t: DocxTable) -> DocxTable {
    for pos in [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        t = t.set_border(
            TableBorder::new(pos)
                .border_type(BorderType::Single)
                .size(4)
                .color("B8C4D0"),
        );
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn columns_fit_their_longest_word_and_the_text_width() {
        // A narrow numeric column whose header is a long word.
        let header = strings(&["Action", "Owner", "Due", "Status"]);
        let row = strings(&[
            "Develop joint projects",
            "Daejeon",
            "no due date",
            "in progress",
        ]);
        let widths = compose::fit_widths(&[26, 10, 10, 5], &[&header, &row], &MEASURE);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(
            widths[3] >= compose::word_width("progress", &MEASURE),
            "{widths:?}"
        );
        // Korean words are wide: "2024년" needs a full em per syllable.
        let header = strings(&["월", "2024년 7월", "8월"]);
        let widths = compose::fit_widths(&[3, 1, 1], &[&header], &MEASURE);
        assert!(
            widths[1] >= compose::word_width("2024년", &MEASURE),
            "{widths:?}"
        );
        // Proportions are kept where every word fits already.
        let widths = compose::fit_widths(&[1, 1], &[&strings(&["a", "b"])], &MEASURE);
        assert_eq!(widths, vec![TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2]);
    }
}
