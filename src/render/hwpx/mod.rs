//! HWPX (OWPML, KS X 6101) for Hancom 한글: the same sections as the DOCX
//! (`render::compose`), written as 한글 writes its own documents. We write
//! the XML ourselves, as for the DOCX package: the parts a brief needs are
//! few, and the details 한글 is strict about (namespace block, XML
//! declarations, zip order, ids that resolve) stay in our hands.
//!
//! - `header.rs`: fonts, character and paragraph shapes, border fills and
//!   styles, each declared once;
//! - this file: the section (`Contents/section0.xml`): page setup, running
//!   header and footer with page fields, paragraphs, lists and tables;
//! - `package.rs`: the other parts and the zip, in 한글's order.
//!
//! No line layout (`hp:linesegarray`) is written: 한글 lays paragraphs out
//! itself when it is absent, and trusts (wrong) values when present.

mod header;
mod package;

use header::{Align, CharShape, Fill, Fonts, HwpUnit, ParaShape, Shapes, Style};

use super::RenderError;
use super::compose::{self, Compose, Para, Table};
use crate::brief::Brief;
use crate::render::xml_escape as esc;

/// Every XML part's declaration, as 한글 writes it.
const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>"#;

/// The namespace block 한글 puts on the root of the header, the section
/// and the package file, all of them on each, in this order.
const NAMESPACES: &str = concat!(
    r#"xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" "#,
    r#"xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" "#,
    r#"xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph" "#,
    r#"xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" "#,
    r#"xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" "#,
    r#"xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" "#,
    r#"xmlns:hhs="http://www.hancom.co.kr/hwpml/2011/history" "#,
    r#"xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page" "#,
    r#"xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/" "#,
    r#"xmlns:opf="http://www.idpf.org/2007/opf/" "#,
    r#"xmlns:ooxmlchart="http://www.hancom.co.kr/hwpml/2016/ooxmlchart" "#,
    r#"xmlns:hwpunitchar="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar" "#,
    r#"xmlns:epub="http://www.idpf.org/2007/ops" "#,
    r#"xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0""#
);

/// A4 in HWPUNIT (1/7200 inch).
const PAGE_WIDTH: HwpUnit = 59528;
const PAGE_HEIGHT: HwpUnit = 84188;
/// 20 mm left, right and top, 15 mm bottom, 10 mm to the running header
/// and footer: the margins of Korean administrative documents.
const MARGIN: HwpUnit = 5669;
const MARGIN_BOTTOM: HwpUnit = 4252;
const HEADER_SPACE: HwpUnit = 2835;
const TEXT_WIDTH: HwpUnit = PAGE_WIDTH - 2 * MARGIN;
/// A table cell's left and right margin (1.8 mm), top and bottom (0.5 mm).
const CELL_SIDE: HwpUnit = 510;
const CELL_TOP: HwpUnit = 141;
/// Table text is measured at 9 pt (900 HWPUNIT an em).
const MEASURE: compose::Measure = compose::Measure {
    width: TEXT_WIDTH as usize,
    em: 900.0,
    pad: 2 * CELL_SIDE as usize + 100,
};
/// Indent per list level and the hanging width of its mark.
const LIST_STEP: HwpUnit = 1800;
const LIST_HANG: HwpUnit = 1500;

/// A chart drawn as a picture (PNG) by the caller, e.g. from the PDF's
/// chart code; the HWPX places it with its caption and alternative text.
#[derive(Debug, Clone)]
pub struct ChartImage {
    pub chart: compose::Chart,
    pub png: Vec<u8>,
}

/// Fonts named in the HWPX (`[fonts] hwpx_korean`, `hwpx_latin`); 한글
/// substitutes when one is missing.
#[derive(Debug, Clone)]
pub struct HwpxFonts {
    pub korean: String,
    pub latin: String,
}

/// The paragraph styles, in header order (ids are positions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StyleId {
    Normal,
    Outline1,
    Outline2,
    Outline3,
    Title,
    Subtitle,
    Caption,
    TableText,
    Bullet,
    Header,
    Footer,
}

const STYLES: [(StyleId, &str, &str); 11] = [
    (StyleId::Normal, "바탕글", "Normal"),
    (StyleId::Outline1, "개요 1", "Outline 1"),
    (StyleId::Outline2, "개요 2", "Outline 2"),
    (StyleId::Outline3, "개요 3", "Outline 3"),
    (StyleId::Title, "제목", "Title"),
    (StyleId::Subtitle, "부제목", "Subtitle"),
    (StyleId::Caption, "캡션", "Caption"),
    (StyleId::TableText, "표 내용", "Table Text"),
    (StyleId::Bullet, "글머리표", "List Bullet"),
    (StyleId::Header, "머리말", "Header"),
    (StyleId::Footer, "꼬리말", "Footer"),
];

/// A style's shapes as registered.
#[derive(Clone)]
struct Styled {
    para: usize,
    chars: usize,
    shape: ParaShape,
    char_shape: CharShape,
}

struct Writer<'a> {
    brief: &'a Brief,
    charts: &'a [ChartImage],
    /// The title block's logo as a PNG and its size in pixels.
    logo: Option<(Vec<u8>, (i32, i32))>,
    /// The pictures placed, in order (see `package::picture_id`).
    images: Vec<Vec<u8>>,
    shapes: Shapes,
    styles: Vec<Styled>,
    /// Paragraphs after the first (which carries the page setup).
    body: String,
    /// Unique ids and stacking order of tables.
    objects: u32,
    ink: String,
    accent: String,
}

fn chars(height: u32, bold: bool, italic: bool, colour: &str) -> CharShape {
    CharShape {
        height,
        bold,
        italic,
        colour: colour.to_string(),
    }
}

impl<'a> Writer<'a> {
    fn new(brief: &'a Brief, charts: &'a [ChartImage], logo: Option<&[u8]>) -> Writer<'a> {
        let ink = compose::hex_colour(&brief.layout.colours.ink, "1B2A41");
        let accent = compose::hex_colour(&brief.layout.colours.accent, "2F5D8A");
        let mut w = Writer {
            brief,
            charts,
            logo: logo.and_then(logo_png),
            images: Vec::new(),
            shapes: Shapes::new(),
            styles: Vec::new(),
            body: String::new(),
            objects: 0,
            ink,
            accent,
        };
        for (id, _, _) in STYLES {
            let (p, c) = w.style_shapes(id);
            let styled = Styled {
                para: w.shapes.para(&p),
                chars: w.shapes.chars(&c),
                shape: p,
                char_shape: c,
            };
            w.styles.push(styled);
        }
        w
    }

    /// The paragraph and character shapes of a style: body text at 160 %
    /// (한글's usual), headings as 개요 levels kept with what follows.
    fn style_shapes(&self, id: StyleId) -> (ParaShape, CharShape) {
        let (ink, accent) = (self.ink.as_str(), self.accent.as_str());
        let body = ParaShape {
            after: 300,
            ..ParaShape::new(Align::Justify, 160)
        };
        let heading = |level: u8, before: HwpUnit, after: HwpUnit| ParaShape {
            outline: Some(level),
            before,
            after,
            keep_with_next: true,
            ..ParaShape::new(Align::Left, 130)
        };
        match id {
            StyleId::Normal => (body, chars(1000, false, false, ink)),
            StyleId::Outline1 => (heading(0, 1800, 600), chars(1400, true, false, accent)),
            StyleId::Outline2 => (heading(1, 1200, 400), chars(1150, true, false, ink)),
            StyleId::Outline3 => (heading(2, 1000, 200), chars(1050, true, false, ink)),
            StyleId::Title => (
                ParaShape {
                    after: 300,
                    ..ParaShape::new(Align::Left, 130)
                },
                chars(2000, true, false, accent),
            ),
            StyleId::Subtitle => (
                ParaShape {
                    after: 600,
                    ..ParaShape::new(Align::Left, 130)
                },
                chars(1200, false, false, ink),
            ),
            StyleId::Caption => (
                ParaShape {
                    before: 200,
                    after: 600,
                    ..ParaShape::new(Align::Left, 130)
                },
                chars(850, false, true, "4A5568"),
            ),
            StyleId::TableText => (
                ParaShape::new(Align::Left, 130),
                chars(900, false, false, ink),
            ),
            StyleId::Bullet => (
                ParaShape {
                    left: 0,
                    indent: -LIST_HANG,
                    after: 200,
                    ..ParaShape::new(Align::Justify, 160)
                },
                chars(1000, false, false, ink),
            ),
            StyleId::Header => (
                ParaShape::new(Align::Right, 100),
                chars(850, false, false, "4A5568"),
            ),
            StyleId::Footer => (
                ParaShape::new(Align::Center, 100),
                chars(850, false, false, "4A5568"),
            ),
        }
    }

    fn styled(&self, id: StyleId) -> &Styled {
        &self.styles[id as usize]
    }

    /// One paragraph of `style`, with its own paragraph and character
    /// shapes when they differ from the style's.
    fn paragraph(
        &mut self,
        style: StyleId,
        shape: Option<ParaShape>,
        chars: Option<CharShape>,
        text: &str,
        new_page: bool,
    ) -> String {
        let s = self.styled(style).clone();
        let para = shape.map_or(s.para, |p| self.shapes.para(&p));
        let chars = chars.map_or(s.chars, |c| self.shapes.chars(&c));
        format!(
            r#"<hp:p id="0" paraPrIDRef="{para}" styleIDRef="{}" pageBreak="{}" columnBreak="0" merged="0"><hp:run charPrIDRef="{chars}">{}</hp:run></hp:p>"#,
            style as usize,
            u8::from(new_page),
            text_xml(text)
        )
    }

    fn push(&mut self, style: StyleId, text: &str) {
        let p = self.paragraph(style, None, None, text, false);
        self.body.push_str(&p);
    }

    /// The list marks of each level: □ ○ - · in Korean, • – · · in English.
    fn mark(&self, level: u8) -> &'static str {
        compose::bullet_marks(self.brief.lang)[usize::from(level.clamp(1, 4) - 1)]
    }

    /// A table cell holding one paragraph.
    fn cell(&mut self, text: &str, at: (usize, usize), width: HwpUnit, look: CellLook) -> String {
        let ts = self.styled(StyleId::TableText).clone();
        let shape = ParaShape {
            align: if look.numeric {
                Align::Right
            } else {
                Align::Left
            },
            ..ts.shape.clone()
        };
        let mut c = ts.char_shape.clone();
        c.bold = look.header || look.total;
        if let Some(t) = &look.text {
            c.colour = t.clone();
        }
        let fill = self.shapes.fill(&Fill {
            cell: true,
            fill: look.fill.clone(),
            top_rule: look.total,
        });
        let p = self.paragraph(StyleId::TableText, Some(shape), Some(c), text, false);
        format!(
            r#"<hp:tc name="" header="{}" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="{fill}"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">{p}</hp:subList><hp:cellAddr colAddr="{}" rowAddr="{}"/><hp:cellSpan colSpan="1" rowSpan="1"/><hp:cellSz width="{width}" height="{ROW_HEIGHT}"/><hp:cellMargin left="{CELL_SIDE}" right="{CELL_SIDE}" top="{CELL_TOP}" bottom="{CELL_TOP}"/></hp:tc>"#,
            u8::from(look.header),
            at.1,
            at.0,
        )
    }

    /// The first paragraph: page setup, the running header and footer,
    /// and the first line of the title block (its `hp:run` content).
    fn first_paragraph(&mut self, first_line: &str) -> String {
        let b = self.brief;
        let header = self.paragraph(StyleId::Header, None, None, &b.meta.running_head(), false);
        let footer = self.footer_paragraph();
        let caption = self.styled(StyleId::Caption).clone();
        format!(
            r#"<hp:p id="0" paraPrIDRef="{}" styleIDRef="{}" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="{}">{}<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl><hp:ctrl><hp:header id="1" applyPageType="BOTH">{}</hp:header></hp:ctrl><hp:ctrl><hp:footer id="2" applyPageType="BOTH">{}</hp:footer></hp:ctrl>{}</hp:run></hp:p>"#,
            caption.para,
            StyleId::Caption as usize,
            caption.chars,
            section_properties(),
            sub_list("TOP", &header),
            sub_list("BOTTOM", &footer),
            first_line,
        )
    }

    /// `page / pages` with 한글's page-number fields.
    fn footer_paragraph(&self) -> String {
        let s = self.styled(StyleId::Footer);
        let field = |kind: &str| {
            format!(
                r#"<hp:ctrl><hp:autoNum num="1" numType="{kind}"><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar="" supscript="0"/></hp:autoNum></hp:ctrl>"#
            )
        };
        format!(
            r#"<hp:p id="0" paraPrIDRef="{}" styleIDRef="{}" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="{}">{}<hp:t> / </hp:t>{}</hp:run></hp:p>"#,
            s.para,
            StyleId::Footer as usize,
            s.chars,
            field("PAGE"),
            field("TOTAL_PAGE"),
        )
    }

    /// A picture placed as a character (`hp:pic`), its PNG added to the
    /// package: its size in pixels and the resolution it was drawn at, its
    /// size on the page, and `alt`, the comment 한글 reads out.
    fn picture(
        &mut self,
        png: Vec<u8>,
        (px, dpi): ((i32, i32), i32),
        (width, height): (HwpUnit, HwpUnit),
        alt: &str,
    ) -> String {
        self.images.push(png);
        let id = package::picture_id(self.images.len());
        // The picture's size in 1/7200 inch at the resolution it was drawn at.
        let (dim_w, dim_h) = (px.0 * 7200 / dpi, px.1 * 7200 / dpi);
        self.objects += 1;
        format!(
            r#"<hp:pic id="{}" zOrder="{}" numberingType="PICTURE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" href="" groupLevel="0" instid="{}" reverse="0"><hp:offset x="0" y="0"/><hp:orgSz width="{width}" height="{height}"/><hp:curSz width="{width}" height="{height}"/><hp:flip horizontal="0" vertical="0"/><hp:rotationInfo angle="0" centerX="{}" centerY="{}" rotateimage="1"/><hp:renderingInfo><hc:transMatrix e1="1" e2="0" e3="0" e4="0" e5="1" e6="0"/><hc:scaMatrix e1="1" e2="0" e3="0" e4="0" e5="1" e6="0"/><hc:rotMatrix e1="1" e2="0" e3="0" e4="0" e5="1" e6="0"/></hp:renderingInfo><hp:imgRect><hc:pt0 x="0" y="0"/><hc:pt1 x="{width}" y="0"/><hc:pt2 x="{width}" y="{height}"/><hc:pt3 x="0" y="{height}"/></hp:imgRect><hp:imgClip left="0" right="{dim_w}" top="0" bottom="{dim_h}"/><hp:inMargin left="0" right="0" top="0" bottom="0"/><hp:imgDim dimwidth="{dim_w}" dimheight="{dim_h}"/><hc:img binaryItemIDRef="{id}" bright="0" contrast="0" effect="REAL_PIC" alpha="0"/><hp:effects/><hp:sz width="{width}" widthRelTo="ABSOLUTE" height="{height}" heightRelTo="ABSOLUTE" protect="0"/><hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="PARA" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/><hp:outMargin left="0" right="0" top="0" bottom="0"/><hp:shapeComment>{}</hp:shapeComment></hp:pic>"#,
            2_000 + self.objects,
            self.objects,
            3_000 + self.objects,
            width / 2,
            height / 2,
            esc(alt),
        )
    }

    /// The logo's picture, 1.1 cm high as in the PDF and the DOCX.
    fn logo_picture(&mut self) -> Option<String> {
        let (png, (px_w, px_h)) = self.logo.take()?;
        let height: HwpUnit = 3118;
        let width = (i64::from(height) * i64::from(px_w) / i64::from(px_h.max(1))) as HwpUnit;
        let alt = format!(
            "{} {}",
            self.brief.meta.organisation,
            self.brief.label("logo")
        );
        Some(self.picture(
            png,
            ((px_w, px_h), 96),
            (width.min(TEXT_WIDTH), height),
            &alt,
        ))
    }

    /// The section part, with the shapes, styles and pictures it uses.
    fn section(mut self) -> (String, Shapes, Vec<Styled>, Vec<Vec<u8>>) {
        let b = self.brief;
        // The logo, as in the DOCX, heads the title block, over the
        // organisation's line.
        let first = match self.logo_picture() {
            Some(pic) => {
                let first = self.first_paragraph(&format!("{pic}<hp:t/>"));
                self.push(StyleId::Caption, &b.meta.org_line());
                first
            }
            None => self.first_paragraph(&text_xml(&b.meta.org_line())),
        };
        self.push(StyleId::Title, &b.meta.title);
        self.push(StyleId::Subtitle, &b.meta.subtitle);
        self.push(StyleId::Caption, &compose::dates_line(b));
        compose::body(&mut self, b);
        let mut xml = String::with_capacity(self.body.len() + 4096);
        xml.push_str(XML_DECLARATION);
        xml.push_str(&format!("<hs:sec {NAMESPACES}>"));
        xml.push_str(&first);
        xml.push_str(&self.body);
        xml.push_str("</hs:sec>");
        (xml, self.shapes, self.styles, self.images)
    }
}

/// Minimum height of a table row; 한글 grows rows to fit their text.
const ROW_HEIGHT: HwpUnit = 1300;

/// How a table cell looks.
#[derive(Clone, Default)]
struct CellLook {
    header: bool,
    total: bool,
    numeric: bool,
    fill: Option<String>,
    text: Option<String>,
}

impl Compose for Writer<'_> {
    fn heading(&mut self, level: u8, text: &str, new_page: bool) {
        let style = match level {
            0 | 1 => StyleId::Outline1,
            2 => StyleId::Outline2,
            _ => StyleId::Outline3,
        };
        let p = self.paragraph(style, None, None, text, new_page);
        self.body.push_str(&p);
    }

    fn para(&mut self, kind: Para, text: &str) {
        match kind {
            Para::Body => self.push(StyleId::Normal, text),
            Para::Caption => self.push(StyleId::Caption, text),
            Para::CaptionAbove => {
                let s = self.styled(StyleId::Caption).shape.clone();
                let shape = ParaShape {
                    keep_with_next: true,
                    after: 100,
                    ..s
                };
                let p = self.paragraph(StyleId::Caption, Some(shape), None, text, false);
                self.body.push_str(&p);
            }
        }
    }

    /// A list item: its mark typed in front, the text hanging after it,
    /// each level further in (as 한글 users set □ ○ lists by hand).
    fn bullet(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 9);
        let s = self.styled(StyleId::Bullet).shape.clone();
        let shape = ParaShape {
            left: LIST_STEP * HwpUnit::from(level - 1) + LIST_HANG,
            ..s
        };
        let line = format!("{} {text}", self.mark(level));
        let p = self.paragraph(StyleId::Bullet, Some(shape), None, &line, false);
        self.body.push_str(&p);
    }

    fn table(&mut self, t: &Table) {
        let mut lines: Vec<&[String]> = vec![t.header];
        lines.extend(t.rows.iter().map(Vec::as_slice));
        lines.extend(t.total);
        let widths: Vec<HwpUnit> = compose::fit_widths(t.widths, &lines, &MEASURE)
            .into_iter()
            .map(|w| w as HwpUnit)
            .collect();
        let cols = widths.len();
        let numeric = |c: usize| t.numeric.get(c).copied().unwrap_or(false);
        let mut rows_xml = String::new();
        let mut row_count = 0usize;
        let mut row = |w: &mut Writer, cells: &[String], look: &dyn Fn(usize) -> CellLook| {
            let mut x = String::from("<hp:tr>");
            for (c, width) in widths.iter().enumerate() {
                let text = cells.get(c).map_or("", String::as_str);
                x.push_str(&w.cell(text, (row_count, c), *width, look(c)));
            }
            x.push_str("</hp:tr>");
            row_count += 1;
            x
        };
        rows_xml.push_str(&row(self, t.header, &|c| CellLook {
            header: true,
            numeric: numeric(c),
            fill: Some("DFE7F0".into()),
            ..CellLook::default()
        }));
        for (r, cells) in t.rows.iter().enumerate() {
            let shades = t.shades.get(r);
            rows_xml.push_str(&row(self, cells, &|c| {
                let shade = shades.and_then(|s| s.get(c)).and_then(Option::as_ref);
                CellLook {
                    numeric: numeric(c),
                    fill: shade.map(|s| s.fill.clone()),
                    text: shade.and_then(|s| s.text.clone()),
                    ..CellLook::default()
                }
            }));
        }
        if let Some(total) = t.total {
            rows_xml.push_str(&row(self, total, &|c| CellLook {
                total: true,
                numeric: numeric(c),
                fill: Some("F2F5F9".into()),
                ..CellLook::default()
            }));
        }
        self.objects += 1;
        let id = 1_000 + self.objects;
        let frame = self.shapes.fill(&Fill {
            cell: true,
            fill: None,
            top_rule: false,
        });
        let body = self.styled(StyleId::TableText).clone();
        let table = format!(
            r#"<hp:tbl id="{id}" zOrder="{}" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" rowCnt="{row_count}" colCnt="{cols}" cellSpacing="0" borderFillIDRef="{frame}" noAdjust="0"><hp:sz width="{}" widthRelTo="ABSOLUTE" height="{}" heightRelTo="ABSOLUTE" protect="0"/><hp:pos treatAsChar="0" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/><hp:outMargin left="0" right="0" top="0" bottom="400"/><hp:inMargin left="{CELL_SIDE}" right="{CELL_SIDE}" top="{CELL_TOP}" bottom="{CELL_TOP}"/>{rows_xml}</hp:tbl>"#,
            self.objects,
            widths.iter().sum::<HwpUnit>(),
            ROW_HEIGHT * row_count as HwpUnit,
        );
        self.body.push_str(&format!(
            r#"<hp:p id="0" paraPrIDRef="{}" styleIDRef="{}" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="{}">{table}<hp:t/></hp:run></hp:p>"#,
            body.para,
            StyleId::TableText as usize,
            body.chars,
        ));
    }

    /// The chart's picture the width of the PDF's (16 cm, or the text
    /// width if narrower), centred and kept with its caption, with the
    /// brief's alternative text as the picture's comment.
    fn chart(&mut self, chart: compose::Chart, caption: &str) {
        let Some(image) = self.charts.iter().find(|c| c.chart == chart) else {
            return;
        };
        let Some((px_w, px_h)) = png_size(&image.png) else {
            return;
        };
        let alt = match self.brief.chart_alt.get(chart.name()) {
            Some(alt) if !alt.is_empty() => alt.to_string(),
            _ => caption.to_string(),
        };
        let width = TEXT_WIDTH.min(45354);
        let height = (i64::from(width) * i64::from(px_h) / i64::from(px_w.max(1))) as HwpUnit;
        let png = image.png.clone();
        let dpi = i32::from(super::CHART_DPI);
        let pic = self.picture(png, ((px_w, px_h), dpi), (width, height), &alt);
        let body = self.styled(StyleId::Normal).clone();
        let shape = ParaShape {
            align: Align::Center,
            keep_with_next: true,
            after: 0,
            ..body.shape
        };
        let para = self.shapes.para(&shape);
        self.body.push_str(&format!(
            r#"<hp:p id="0" paraPrIDRef="{para}" styleIDRef="{}" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="{}">{pic}<hp:t/></hp:run></hp:p>"#,
            StyleId::Normal as usize,
            body.chars,
        ));
        let caption_shape = ParaShape {
            align: Align::Center,
            ..self.styled(StyleId::Caption).shape.clone()
        };
        let p = self.paragraph(StyleId::Caption, Some(caption_shape), None, caption, false);
        self.body.push_str(&p);
    }
}

/// The page setup: A4 portrait, the margins above, one column.
fn section_properties() -> String {
    format!(
        r##"<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="1" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0"><hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/><hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" showLineNumber="0"/><hp:lineNumberShape restartType="0" countBy="0" distance="0" startNumber="0"/><hp:pagePr landscape="WIDELY" width="{PAGE_WIDTH}" height="{PAGE_HEIGHT}" gutterType="LEFT_ONLY"><hp:margin header="{HEADER_SPACE}" footer="{HEADER_SPACE}" gutter="0" left="{MARGIN}" right="{MARGIN}" top="{MARGIN}" bottom="{MARGIN_BOTTOM}"/></hp:pagePr><hp:footNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="-1" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="283" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="EACH_COLUMN" beneathText="0"/></hp:footNotePr><hp:endNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="14692344" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="0" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="END_OF_DOCUMENT" beneathText="0"/></hp:endNotePr><hp:pageBorderFill type="BOTH" borderFillIDRef="1" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill><hp:pageBorderFill type="EVEN" borderFillIDRef="1" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill><hp:pageBorderFill type="ODD" borderFillIDRef="1" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill></hp:secPr>"##
    )
}

/// The paragraph list of a header or footer.
fn sub_list(vertical: &str, paragraphs: &str) -> String {
    format!(
        r#"<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="{vertical}" linkListIDRef="0" linkListNextIDRef="0" textWidth="{TEXT_WIDTH}" textHeight="{HEADER_SPACE}" hasTextRef="0" hasNumRef="0">{paragraphs}</hp:subList>"#
    )
}

/// Text as `hp:t` content: markup escaped, a line break as 한글's
/// `hp:lineBreak`, a tab as `hp:tab`, other control characters dropped.
fn text_xml(text: &str) -> String {
    let mut out = String::from("<hp:t>");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<hp:lineBreak/>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<hp:tab/>");
            }
            let clean: String = part.chars().filter(|c| !c.is_control()).collect();
            out.push_str(&esc(&clean));
        }
    }
    out.push_str("</hp:t>");
    out
}

/// Width and height in pixels of a PNG (its IHDR chunk).
fn png_size(png: &[u8]) -> Option<(i32, i32)> {
    if png.get(..8)? != b"\x89PNG\r\n\x1a\n" || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let num = |at: usize| -> Option<i32> {
        let b: [u8; 4] = png.get(at..at + 4)?.try_into().ok()?;
        i32::try_from(u32::from_be_bytes(b)).ok().filter(|n| *n > 0)
    };
    Some((num(16)?, num(20)?))
}

/// A logo (PNG or JPEG, as the template set allows) as a PNG with its size
/// in pixels; the package lists its pictures as PNG. `None` when it cannot
/// be decoded, as the DOCX leaves it out then too.
fn logo_png(bytes: &[u8]) -> Option<(Vec<u8>, (i32, i32))> {
    let img = ::image::load_from_memory(bytes).ok()?;
    let png = if png_size(bytes).is_some() {
        bytes.to_vec()
    } else {
        let mut png = std::io::Cursor::new(Vec::new());
        img.write_to(&mut png, ::image::ImageFormat::Png).ok()?;
        png.into_inner()
    };
    let size = png_size(&png)?;
    Some((png, size))
}

/// Builds the HWPX bytes of a brief, with the charts given as pictures
/// (a chart not given is left out; its numbers are in the tables) and the
/// template set's logo, if any, in the title block.
pub fn render(
    brief: &Brief,
    fonts: &HwpxFonts,
    charts: &[ChartImage],
    logo: Option<&[u8]>,
) -> Result<Vec<u8>, RenderError> {
    let (section, shapes, styled, images) = Writer::new(brief, charts, logo).section();
    let styles: Vec<Style> = STYLES
        .iter()
        .zip(&styled)
        .map(|((_, name, eng), s)| Style {
            name,
            eng,
            para: s.para,
            chars: s.chars,
        })
        .collect();
    let fonts = Fonts {
        korean: &fonts.korean,
        latin: &fonts.latin,
    };
    let header = header::xml(&shapes, &styles, &fonts);
    package::zip(brief, &header, &section, &images)
}
