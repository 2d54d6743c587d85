//! The brief's charts as native DrawingML charts (`word/charts/chartN.xml`):
//! bar charts with their numbers cached in the part and an embedded
//! workbook holding the same numbers, so Word's "Edit Data" opens them and a
//! colleague can change a label, a value or a colour. Order, labels and
//! colours are those of the PDF's charts (templates/charts.typ).

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::package::escape;
use crate::brief::Brief;
use crate::render::RenderError;
use crate::render::compose::hex_colour;

/// EMU per inch.
const EMU_PER_INCH: u64 = 914_400;
/// Category and value axis ids inside one chart.
const CAT_AX: u32 = 10;
const VAL_AX: u32 = 20;

/// How a series' bars are drawn.
#[derive(Debug, Clone)]
struct Fill {
    /// `RRGGBB`, or none for a white bar.
    fill: Option<String>,
    /// Outline colour and width in EMU.
    line: Option<(String, u32)>,
}

#[derive(Debug, Clone)]
struct Series {
    name: String,
    values: Vec<u32>,
    fill: Fill,
    /// A fill per bar, where bars differ (this quarter's months).
    points: Vec<Fill>,
}

/// A bar chart, with what its part, its workbook and its frame need.
#[derive(Debug, Clone)]
pub struct BarChart {
    /// Horizontal bars (`bar`) or columns (`col`).
    horizontal: bool,
    categories: Vec<String>,
    /// The heading of the categories' column in the workbook.
    category_header: String,
    series: Vec<Series>,
    legend: bool,
    /// Height of the chart's frame, in EMU.
    pub height: u64,
}

/// Text settings every chart shares.
#[derive(Debug, Clone)]
pub struct ChartText {
    /// `ko-KR` or `en-GB`.
    pub lang: String,
    pub east_asia: String,
    pub latin: String,
    /// `RRGGBB`.
    pub colour: String,
}

/// Events and outcomes per sector: horizontal bars, the first sector on
/// top; events solid in the accent colour, outcomes white outlined in ink.
pub fn sectors(b: &Brief) -> Option<BarChart> {
    if b.chart_sectors.is_empty() {
        return None;
    }
    let accent = hex_colour(&b.layout.colours.accent, "2F5D8A");
    let ink = hex_colour(&b.layout.colours.ink, "1B2A41");
    let n = b.chart_sectors.len() as u64;
    Some(BarChart {
        horizontal: true,
        categories: b.chart_sectors.iter().map(|s| s.label.clone()).collect(),
        category_header: b.label("column.sector"),
        series: vec![
            Series {
                name: b.label("chart.legend_events"),
                values: b.chart_sectors.iter().map(|s| s.events).collect(),
                fill: Fill {
                    fill: Some(accent),
                    line: None,
                },
                points: Vec::new(),
            },
            Series {
                name: b.label("chart.legend_outcomes"),
                values: b.chart_sectors.iter().map(|s| s.outcomes).collect(),
                fill: Fill {
                    fill: None,
                    line: Some((ink, 8_890)),
                },
                points: Vec::new(),
            },
        ],
        legend: true,
        // About 0.33 inch per sector, and room for the legend.
        height: EMU_PER_INCH * (n * 33 + 60) / 100,
    })
}

/// Events per month over the trend's months: columns, this quarter's in
/// the accent colour and earlier ones light, all outlined in ink.
pub fn trend(b: &Brief) -> Option<BarChart> {
    if b.trend.is_empty() {
        return None;
    }
    let accent = hex_colour(&b.layout.colours.accent, "2F5D8A");
    let soft = hex_colour(&b.layout.colours.soft, "DFE7F0");
    let ink = hex_colour(&b.layout.colours.ink, "1B2A41");
    let bar = |current: bool| Fill {
        fill: Some(if current {
            accent.clone()
        } else {
            soft.clone()
        }),
        line: Some((ink.clone(), 6_350)),
    };
    Some(BarChart {
        horizontal: false,
        categories: b.trend.iter().map(|m| m.full_label()).collect(),
        category_header: b.label("column.month"),
        series: vec![Series {
            name: b.label("column.events"),
            values: b.trend.iter().map(|m| m.events).collect(),
            fill: bar(true),
            points: b.trend.iter().map(|m| bar(m.current)).collect(),
        }],
        legend: false,
        height: EMU_PER_INCH * 2,
    })
}

fn shape(f: &Fill) -> String {
    let fill = match &f.fill {
        Some(c) => format!(r#"<a:solidFill><a:srgbClr val="{c}"/></a:solidFill>"#),
        None => r#"<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>"#.to_string(),
    };
    let line = match &f.line {
        Some((c, w)) => {
            format!(r#"<a:ln w="{w}"><a:solidFill><a:srgbClr val="{c}"/></a:solidFill></a:ln>"#)
        }
        None => "<a:ln><a:noFill/></a:ln>".to_string(),
    };
    format!("<c:spPr>{fill}{line}</c:spPr>")
}

/// The workbook column of series `i` (B, C, …).
fn column(i: usize) -> char {
    (b'B' + i.min(24) as u8) as char
}

fn str_cache(f: &str, values: &[String]) -> String {
    let mut x = format!(
        r#"<c:strRef><c:f>{f}</c:f><c:strCache><c:ptCount val="{}"/>"#,
        values.len()
    );
    for (i, v) in values.iter().enumerate() {
        x.push_str(&format!(
            r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#,
            escape(v)
        ));
    }
    x.push_str("</c:strCache></c:strRef>");
    x
}

fn series_xml(c: &BarChart, i: usize, s: &Series) -> String {
    let col = column(i);
    let last = c.categories.len() + 1;
    let mut x = format!(r#"<c:ser><c:idx val="{i}"/><c:order val="{i}"/><c:tx>"#);
    x.push_str(&str_cache(
        &format!("Sheet1!${col}$1"),
        std::slice::from_ref(&s.name),
    ));
    x.push_str("</c:tx>");
    x.push_str(&shape(&s.fill));
    x.push_str(r#"<c:invertIfNegative val="0"/>"#);
    for (p, f) in s.points.iter().enumerate() {
        x.push_str(&format!(
            r#"<c:dPt><c:idx val="{p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>{}</c:dPt>"#,
            shape(f)
        ));
    }
    x.push_str(concat!(
        r#"<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"#,
        r#"<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>"#,
        r#"<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>"#,
        r#"<c:showBubbleSize val="0"/></c:dLbls>"#
    ));
    x.push_str("<c:cat>");
    x.push_str(&str_cache(&format!("Sheet1!$A$2:$A${last}"), &c.categories));
    x.push_str("</c:cat><c:val>");
    x.push_str(&format!(
        r#"<c:numRef><c:f>Sheet1!${col}$2:${col}${last}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{}"/>"#,
        s.values.len()
    ));
    for (p, v) in s.values.iter().enumerate() {
        x.push_str(&format!(r#"<c:pt idx="{p}"><c:v>{v}</c:v></c:pt>"#));
    }
    x.push_str("</c:numCache></c:numRef></c:val></c:ser>");
    x
}

/// Both axes: categories with their labels, values hidden (every bar
/// carries its number) and running from 0 with room for the labels.
fn axes(c: &BarChart, rule: &str) -> String {
    let (cat_pos, val_pos, orientation) = if c.horizontal {
        ("l", "b", "maxMin")
    } else {
        ("b", "l", "minMax")
    };
    let max = c
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    // A fifth more than the longest bar, for its number.
    let top = max + max.div_ceil(5);
    format!(
        concat!(
            r#"<c:catAx><c:axId val="{cat}"/><c:scaling><c:orientation val="{orientation}"/></c:scaling>"#,
            r#"<c:delete val="0"/><c:axPos val="{cat_pos}"/><c:numFmt formatCode="General" sourceLinked="1"/>"#,
            r#"<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#,
            r#"<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="{rule}"/></a:solidFill></a:ln></c:spPr>"#,
            r#"<c:crossAx val="{val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>"#,
            r#"<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#,
            r#"<c:valAx><c:axId val="{val}"/><c:scaling><c:orientation val="minMax"/><c:max val="{top}"/><c:min val="0"/></c:scaling>"#,
            r#"<c:delete val="1"/><c:axPos val="{val_pos}"/><c:numFmt formatCode="0" sourceLinked="0"/>"#,
            r#"<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#,
            r#"<c:crossAx val="{cat}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>"#
        ),
        cat = CAT_AX,
        val = VAL_AX,
        orientation = orientation,
        cat_pos = cat_pos,
        val_pos = val_pos,
        rule = rule,
        top = top,
    )
}

/// The chart part's XML; its workbook is the relationship `rId1`.
pub fn chart_xml(c: &BarChart, text: &ChartText, rule: &str) -> String {
    let mut x = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" "#,
        r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        r#"<c:date1904 val="0"/>"#
    ));
    x.push_str(&format!(
        r#"<c:lang val="{}"/><c:roundedCorners val="0"/>"#,
        escape(&text.lang)
    ));
    x.push_str(r#"<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>"#);
    x.push_str(&format!(
        r#"<c:barChart><c:barDir val="{}"/><c:grouping val="clustered"/><c:varyColors val="0"/>"#,
        if c.horizontal { "bar" } else { "col" }
    ));
    for (i, s) in c.series.iter().enumerate() {
        x.push_str(&series_xml(c, i, s));
    }
    x.push_str(&format!(
        r#"<c:gapWidth val="{}"/><c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:barChart>"#,
        if c.horizontal { 50 } else { 40 }
    ));
    x.push_str(&axes(c, rule));
    x.push_str("</c:plotArea>");
    if c.legend {
        x.push_str(r#"<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>"#);
    }
    x.push_str(r#"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#);
    x.push_str(r#"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"#);
    x.push_str(&format!(
        concat!(
            r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800">"#,
            r#"<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>"#,
            r#"<a:latin typeface="{latin}"/><a:ea typeface="{ea}"/><a:cs typeface="{latin}"/>"#,
            r#"</a:defRPr></a:pPr><a:endParaRPr lang="{lang}"/></a:p></c:txPr>"#
        ),
        colour = text.colour,
        latin = escape(&text.latin),
        ea = escape(&text.east_asia),
        lang = escape(&text.lang),
    ));
    x.push_str(r#"<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>"#);
    x.push_str("</c:chartSpace>");
    x
}

fn xlsx_error(e: XlsxError) -> RenderError {
    RenderError::Docx(format!("failed to write a chart's workbook ({e})"))
}

/// The workbook behind a chart: categories in column A, one column per
/// series, headed by the series' names, as the chart's formulas say.
/// Dated `date` (`YYYY-MM-DD`), never by the clock.
pub fn workbook(c: &BarChart, date: &str) -> Result<Vec<u8>, RenderError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").map_err(xlsx_error)?;
    ws.write_string(0, 0, &c.category_header)
        .map_err(xlsx_error)?;
    for (row, cat) in c.categories.iter().enumerate() {
        ws.write_string(row as u32 + 1, 0, cat)
            .map_err(xlsx_error)?;
    }
    for (i, s) in c.series.iter().enumerate() {
        let col = i as u16 + 1;
        ws.write_string(0, col, &s.name).map_err(xlsx_error)?;
        for (row, v) in s.values.iter().enumerate() {
            ws.write_number(row as u32 + 1, col, f64::from(*v))
                .map_err(xlsx_error)?;
        }
    }
    ws.set_column_width(0, 24).map_err(xlsx_error)?;
    let mut props = DocProperties::new();
    if let Ok(d) = ExcelDateTime::parse_from_str(date) {
        props = props.set_creation_datetime(&d);
    }
    wb.set_properties(&props);
    wb.save_to_buffer().map_err(xlsx_error)
}

/// The run that shows chart part `rel` inline, `width` × `height` EMU, with
/// its alternative text; `id` is unique among the document's drawings.
pub fn inline_run(rel: &str, id: usize, width: u64, height: u64, alt: &str) -> String {
    format!(
        concat!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">"#,
            r#"<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#,
            r#"<wp:docPr id="{id}" name="Chart {id}" descr="{alt}"/><wp:cNvGraphicFramePr/>"#,
            r#"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#,
            r#"<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">"#,
            r#"<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="{rel}"/>"#,
            r#"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
        ),
        width = width,
        height = height,
        id = id,
        alt = escape(alt),
        rel = escape(rel),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        BarChart {
            horizontal: true,
            categories: vec!["R&D".into(), "바이오".into()],
            category_header: "분야".into(),
            series: vec![Series {
                name: "행사".into(),
                values: vec![3, 1],
                fill: Fill {
                    fill: Some("2F5D8A".into()),
                    line: None,
                },
                points: Vec::new(),
            }],
            legend: true,
            height: 1,
        }
    }

    #[test]
    fn colours_are_hex_or_the_fallback() {
        assert_eq!(hex_colour("#2f5d8a", "000000"), "2F5D8A");
        assert_eq!(hex_colour("navy", "000000"), "000000");
        assert_eq!(hex_colour("#12345", "000000"), "000000");
    }

    #[test]
    fn the_part_caches_escaped_labels_and_the_values_with_their_cells() {
        let text = ChartText {
            lang: "ko-KR".into(),
            east_asia: "맑은 고딕".into(),
            latin: "Calibri".into(),
            colour: "1B2A41".into(),
        };
        let x = chart_xml(&chart(), &text, "9AA8B8");
        assert!(x.contains("<c:f>Sheet1!$A$2:$A$3</c:f>"), "{x}");
        assert!(x.contains(r#"<c:pt idx="0"><c:v>R&amp;D</c:v></c:pt>"#));
        assert!(x.contains("<c:f>Sheet1!$B$2:$B$3</c:f>"));
        assert!(x.contains(r#"<c:pt idx="1"><c:v>1</c:v></c:pt>"#));
        assert!(x.contains(r#"<c:barDir val="bar"/>"#));
        // Room for the longest bar's number: 3 + 1.
        assert!(x.contains(r#"<c:max val="4"/>"#));
        assert!(x.contains(r#"<a:ea typeface="맑은 고딕"/>"#));
        assert!(roxmltree::Document::parse(&x).is_ok());
    }

    #[test]
    fn the_workbook_holds_the_same_numbers() {
        let bytes = workbook(&chart(), "2025-07-01").expect("a workbook");
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
        use calamine::Reader;
        let range = book.worksheet_range("Sheet1").expect("Sheet1");
        let cells: Vec<String> = range.cells().map(|(_, _, v)| v.to_string()).collect();
        assert_eq!(cells, ["분야", "행사", "R&D", "3", "바이오", "1"]);
    }
}
