//! The DOCX package of a written brief: docx-rs's parts with what it
//! cannot say added (`package`), each WordprocessingML part put into schema
//! order (`schema`), the charts as chart parts with their workbooks
//! (`chart`), and only the parts a brief uses.

use super::chart::{self, ChartText};
use super::{CHART_MARK, PlacedChart, TEXT_WIDTH, Writer, package, schema};
use crate::brief::Brief;
use crate::model::Lang;
use crate::render::RenderError;

/// The package of a written brief: docx-rs's parts with what it cannot say
/// added, each WordprocessingML part put into schema order, the charts as
/// chart parts with their workbooks, and only the parts the document uses.
pub(super) fn finish(w: Writer) -> Result<Vec<u8>, RenderError> {
    let b = w.brief;
    let (language, korean) = match b.lang {
        Lang::Ko => ("ko-KR", true),
        Lang::En => ("en-GB", false),
    };
    let text = ChartText {
        lang: language.to_string(),
        east_asia: w.fonts.east_asia.clone(),
        latin: w.fonts.latin.clone(),
        colour: crate::render::compose::hex_colour(&b.layout.colours.ink, "1B2A41"),
    };
    let (charts, alt) = (w.charts, w.alt);
    let mut parts = w.docx.build();
    // The parts as text, taken rather than copied.
    let text_of = |bytes: &mut Vec<u8>, part: &str| {
        String::from_utf8(std::mem::take(bytes))
            .map_err(|_| RenderError::Docx(format!("internal: {part} is not UTF-8")))
    };
    let styles = text_of(&mut parts.styles, "styles.xml")?;
    parts.styles = package::style_defaults(&styles, language, korean)?.into_bytes();
    let document = text_of(&mut parts.document, "document.xml")?;
    let document = package::repeat_header_rows(&document);
    let document = package::picture_descriptions(&document, &alt)?;
    parts.document = place_charts(&document, &charts, alt.len())?.into_bytes();
    parts.doc_props.core = package::core_properties(&core_properties(b, language)).into_bytes();
    for (part, bytes) in [
        ("word/document.xml", &mut parts.document),
        ("word/styles.xml", &mut parts.styles),
        ("word/numbering.xml", &mut parts.numberings),
        ("word/settings.xml", &mut parts.settings),
        ("word/fontTable.xml", &mut parts.font_table),
    ] {
        *bytes = schema::normalise(bytes, part)?;
    }
    for (i, h) in parts
        .headers
        .iter_mut()
        .chain(parts.footers.iter_mut())
        .enumerate()
    {
        *h = schema::normalise(h, &format!("header or footer {}", i + 1))?;
    }
    let rule = crate::render::compose::hex_colour(&b.layout.colours.rule, "9AA8B8");
    let mut chart_parts = Vec::new();
    for c in &charts {
        chart_parts.push((
            chart::chart_xml(&c.chart, &text, &rule).into_bytes(),
            chart::workbook(&c.chart, &b.meta.issue_date_iso)?,
        ));
    }
    package(parts, chart_parts)
}

fn core_properties(b: &Brief, language: &str) -> package::CoreProperties {
    package::CoreProperties {
        title: b.meta.document_title(),
        subject: b.meta.subtitle.clone(),
        creator: b.meta.author(),
        keywords: b
            .sectors
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        description: b.meta.dates.clone(),
        category: b.meta.classification.clone(),
        language: language.to_string(),
        date: b.meta.issue_date_iso.clone(),
    }
}

/// The document with each chart's placeholder run replaced by the chart's
/// drawing (relationship `rIdChartN`); drawing ids follow the `pictures`.
fn place_charts(
    document: &str,
    charts: &[PlacedChart],
    pictures: usize,
) -> Result<String, RenderError> {
    let internal = |what: &str| RenderError::Docx(format!("internal: chart placeholder {what}"));
    let mut out = String::with_capacity(document.len() + charts.len() * 1024);
    let mut rest = document;
    for (i, c) in charts.iter().enumerate() {
        let mark = rest.find(CHART_MARK).ok_or_else(|| internal("missing"))?;
        let start = rest[..mark]
            .rfind("<w:r>")
            .ok_or_else(|| internal("outside a run"))?;
        let end = rest[mark..]
            .find("</w:r>")
            .ok_or_else(|| internal("unclosed"))?
            + mark;
        out.push_str(&rest[..start]);
        out.push_str(&chart::inline_run(
            &format!("rIdChart{}", i + 1),
            pictures + i + 1,
            TEXT_WIDTH as u64 * 635,
            c.chart.height,
            &c.alt,
        ));
        rest = &rest[end + "</w:r>".len()..];
    }
    if rest.contains(CHART_MARK) {
        return Err(internal("left over"));
    }
    out.push_str(rest);
    Ok(out)
}

const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The parts of the DOCX package: docx-rs's, less those it always writes
/// and a brief never uses (comments, their Word 2013 extension, footnotes,
/// empty custom properties), and the charts with their workbooks.
fn package(
    parts: docx_rs::XMLDocx,
    charts: Vec<(Vec<u8>, Vec<u8>)>,
) -> Result<Vec<u8>, RenderError> {
    let mut out = root_parts(parts.doc_props, parts.document);
    let mut targets: Vec<String> = Vec::new();
    let word = [
        ("styles.xml", "styles", parts.styles),
        ("settings.xml", "settings", parts.settings),
        ("fontTable.xml", "fontTable", parts.font_table),
        ("numbering.xml", "numbering", parts.numberings),
    ];
    for (name, kind, bytes) in word {
        out.push(part(
            &format!("word/{name}"),
            Some(content_type(kind)),
            bytes,
        ));
        targets.push(name.to_string());
    }
    for (kind, list, rels) in [
        ("header", parts.headers, parts.header_rels),
        ("footer", parts.footers, parts.footer_rels),
    ] {
        header_parts(kind, list, &rels, &mut out, &mut targets);
    }
    for (id, png) in parts.media {
        let name = format!("media/{id}.png");
        out.push(part(&format!("word/{name}"), None, png));
        targets.push(name);
    }
    let mut document_rels =
        package::read_relationships(&parts.document_rels, |t| targets.iter().any(|k| k == t))?;
    for (i, (xml, workbook)) in charts.into_iter().enumerate() {
        out.extend(chart_parts(i + 1, xml, workbook, &mut document_rels));
    }
    out.push(part(
        "word/_rels/document.xml.rels",
        None,
        package::relationships(&document_rels),
    ));
    package::zip(&out)
}

fn part(name: &str, content_type: Option<&'static str>, bytes: Vec<u8>) -> package::Part {
    package::Part {
        name: name.to_string(),
        content_type,
        bytes,
    }
}

fn rel(id: &str, kind: &str, target: &str) -> package::Relationship {
    package::Relationship {
        id: id.to_string(),
        kind: kind.to_string(),
        target: target.to_string(),
    }
}

/// The package's own relationships, its properties and the document.
fn root_parts(props: docx_rs::XMLDocProps, document: Vec<u8>) -> Vec<package::Part> {
    vec![
        part(
            "_rels/.rels",
            None,
            package::relationships(&[
                rel(
                    "rId1",
                    &format!("{RELS}/officeDocument"),
                    "word/document.xml",
                ),
                rel(
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
                rel(
                    "rId3",
                    &format!("{RELS}/extended-properties"),
                    "docProps/app.xml",
                ),
            ]),
        ),
        part(
            "docProps/core.xml",
            Some("application/vnd.openxmlformats-package.core-properties+xml"),
            props.core,
        ),
        part(
            "docProps/app.xml",
            Some("application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            props.app,
        ),
        part(
            "word/document.xml",
            Some(concat!(
                "application/vnd.openxmlformats-officedocument.wordprocessingml",
                ".document.main+xml"
            )),
            document,
        ),
    ]
}

/// The headers (or footers) of `kind`, each with its relationships when
/// it relates to something; their names join `targets`.
fn header_parts(
    kind: &str,
    list: Vec<Vec<u8>>,
    rels: &[Vec<u8>],
    out: &mut Vec<package::Part>,
    targets: &mut Vec<String>,
) {
    for (i, bytes) in list.into_iter().enumerate() {
        let name = format!("{kind}{}.xml", i + 1);
        out.push(part(
            &format!("word/{name}"),
            Some(content_type(kind)),
            bytes,
        ));
        // Kept only when it relates the part to something.
        if let Some(r) = rels
            .get(i)
            .filter(|r| package::read_relationships(r, |_| true).is_ok_and(|v| !v.is_empty()))
        {
            out.push(part(&format!("word/_rels/{name}.rels"), None, r.clone()));
        }
        targets.push(name);
    }
}

/// The `n`th chart, its relationship to its embedded workbook and the
/// workbook; the document's relationship to it joins `document_rels`.
fn chart_parts(
    n: usize,
    xml: Vec<u8>,
    workbook: Vec<u8>,
    document_rels: &mut Vec<package::Relationship>,
) -> Vec<package::Part> {
    let chart = format!("charts/chart{n}.xml");
    let embedded = format!("Microsoft_Excel_Worksheet{n}.xlsx");
    document_rels.push(rel(
        &format!("rIdChart{n}"),
        &format!("{RELS}/chart"),
        &chart,
    ));
    vec![
        part(
            &format!("word/{chart}"),
            Some("application/vnd.openxmlformats-officedocument.drawingml.chart+xml"),
            xml,
        ),
        part(
            &format!("word/charts/_rels/chart{n}.xml.rels"),
            None,
            package::relationships(&[rel(
                "rId1",
                &format!("{RELS}/package"),
                &format!("../embeddings/{embedded}"),
            )]),
        ),
        part(&format!("word/embeddings/{embedded}"), None, workbook),
    ]
}

/// The content type of a WordprocessingML part of `kind` (`styles`, …).
fn content_type(kind: &str) -> &'static str {
    match kind {
        "styles" => concat!(
            "application/vnd.openxmlformats-officedocument.wordprocessingml",
            ".styles+xml"
        ),
        "settings" => concat!(
            "application/vnd.openxmlformats-officedocument.wordprocessingml",
            ".settings+xml"
        ),
        "fontTable" => concat!(
            "application/vnd.openxmlformats-officedocument.wordprocessingml",
            ".fontTable+xml"
        ),
        "numbering" => concat!(
            "application/vnd.openxmlformats-officedocument.wordprocessingml",
            ".numbering+xml"
        ),
        "header" => concat!(
            "application/vnd.openxmlformats-officedocument.wordprocessingml",
            ".header+xml"
        ),
        _ => concat!(
            "application/vnd.openxmlformats-officedocument.wordprocessingml",
            ".footer+xml"
        ),
    }
}
