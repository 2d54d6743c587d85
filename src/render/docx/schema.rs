//! One normalising pass over the WordprocessingML parts docx-rs writes, so
//! they conform to the ISO/IEC 29500 Transitional schema: the children of
//! each element whose type is a sequence are put into the schema's order,
//! from a table of the sequences we write, and what the schema forbids is
//! dropped (an attribute it does not have; an empty element where it allows
//! none). docx-rs 0.4 writes, for instance, `w:rPr` first in `w:pPr`,
//! `w:tblStyle` after `w:tblBorders` and `w:type` on `w:gridCol`.
//!
//! Names are matched as docx-rs writes them (`w:` prefix); the orders are
//! those of `wml.xsd` (tests/schemas/ooxml), trimmed to the elements a brief
//! can contain. A child the table does not list keeps its place after the
//! listed ones (the schema test would then catch it). A forbidden element
//! that is not empty is an error, never silently dropped formatting.

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::super::RenderError;

/// Paragraph properties (CT_PPr; CT_PPrGeneral is the same without `rPr`).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// Run properties (CT_RPr).
const RPR: &[&str] = &[
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// Section properties (CT_SectPr).
const SECT_PR: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// Table properties (CT_TblPr).
const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// Table cell properties (CT_TcPr).
const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// Borders and margins of tables and cells (CT_TblBorders, CT_TcBorders,
/// CT_TblCellMar share this order).
const BORDERS: &[&str] = &[
    "w:top",
    "w:start",
    "w:left",
    "w:bottom",
    "w:end",
    "w:right",
    "w:insideH",
    "w:insideV",
    "w:tl2br",
    "w:tr2bl",
];

/// A style (CT_Style).
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// A numbering level (CT_Lvl).
const LVL: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

/// Document settings (CT_Settings), the elements docx-rs can write.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:mirrorMargins",
    "w:proofState",
    "w:documentProtection",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:evenAndOddHeaders",
    "w:characterSpacingControl",
    "w:updateFields",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "w:themeFontLang",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// Element sequences: for each parent, its children in schema order. For
/// the content elements (`w:p`, `w:r`, `w:tbl`, `w:tr`, `w:tc`) only the
/// properties element that must come first is listed.
const SEQUENCES: &[(&str, &[&str])] = &[
    ("w:pPr", PPR),
    ("w:rPr", RPR),
    ("w:sectPr", SECT_PR),
    ("w:tblPr", TBL_PR),
    ("w:tcPr", TC_PR),
    ("w:tblBorders", BORDERS),
    ("w:tcBorders", BORDERS),
    ("w:tblCellMar", BORDERS),
    ("w:style", STYLE),
    ("w:lvl", LVL),
    ("w:settings", SETTINGS),
    ("w:numPr", &["w:ilvl", "w:numId"]),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
    ("w:styles", &["w:docDefaults", "w:latentStyles", "w:style"]),
    (
        "w:abstractNum",
        &["w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:lvl"],
    ),
    ("w:numbering", &["w:abstractNum", "w:num"]),
    ("w:tbl", &["w:tblPr", "w:tblGrid"]),
    ("w:tr", &["w:tblPrEx", "w:trPr"]),
    ("w:tc", &["w:tcPr"]),
    ("w:p", &["w:pPr"]),
    ("w:r", &["w:rPr"]),
];

/// Attributes the schema does not have: (element, attribute).
const FORBIDDEN_ATTRIBUTES: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// Elements allowed only when empty... and not even then: (grandparent
/// choices, parent, child). Paragraph properties of styles, numbering
/// levels and the document defaults (CT_PPrGeneral) have no `w:rPr`.
const FORBIDDEN_CHILDREN: &[(&[&str], &str, &str)] =
    &[(&["w:style", "w:lvl", "w:pPrDefault"], "w:pPr", "w:rPr")];

enum Node<'a> {
    Element {
        start: BytesStart<'a>,
        children: Vec<Node<'a>>,
    },
    Other(Event<'a>),
}

fn name_of<'b>(start: &'b BytesStart) -> &'b str {
    start.name().into_inner()
}

fn error(part: &str, e: impl std::fmt::Display) -> RenderError {
    RenderError::Docx(format!("internal: cannot normalise {part} ({e})"))
}

fn parse<'a>(xml: &'a str, part: &str) -> Result<Vec<Node<'a>>, RenderError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    // Open elements, each with the children read so far.
    let mut stack: Vec<(Option<BytesStart<'a>>, Vec<Node<'a>>)> = vec![(None, Vec::new())];
    loop {
        let event = reader.read_event().map_err(|e| error(part, e))?;
        match event {
            Event::Eof => break,
            Event::Start(start) => stack.push((Some(start), Vec::new())),
            Event::End(_) => {
                let (start, children) = stack.pop().ok_or_else(|| error(part, "unbalanced"))?;
                let start = start.ok_or_else(|| error(part, "unbalanced"))?;
                let parent = stack.last_mut().ok_or_else(|| error(part, "unbalanced"))?;
                parent.1.push(Node::Element { start, children });
            }
            Event::Empty(start) => {
                let parent = stack.last_mut().ok_or_else(|| error(part, "unbalanced"))?;
                parent.1.push(Node::Element {
                    start,
                    children: Vec::new(),
                });
            }
            other => {
                let parent = stack.last_mut().ok_or_else(|| error(part, "unbalanced"))?;
                parent.1.push(Node::Other(other));
            }
        }
    }
    match stack.pop() {
        Some((None, nodes)) if stack.is_empty() => Ok(nodes),
        _ => Err(error(part, "unclosed element")),
    }
}

/// True when a node holds nothing: no elements, no text but white space.
fn is_empty(children: &[Node]) -> bool {
    children.iter().all(|c| match c {
        Node::Element { .. } => false,
        Node::Other(Event::Text(t)) => t.trim().is_empty(),
        Node::Other(_) => true,
    })
}

/// Applies every rule below `node` (whose parent is named `parent`).
fn normalise_node(node: &mut Node, parent: &str, part: &str) -> Result<(), RenderError> {
    let Node::Element { start, children } = node else {
        return Ok(());
    };
    let name = name_of(start).to_string();
    // Drop attributes the schema does not have.
    for (element, attribute) in FORBIDDEN_ATTRIBUTES {
        if name == *element {
            drop_attribute(start, attribute);
        }
    }
    // Drop children the schema forbids here.
    for (grandparents, p, child) in FORBIDDEN_CHILDREN {
        if name == *p && grandparents.contains(&parent) {
            let mut kept = Vec::with_capacity(children.len());
            for c in children.drain(..) {
                match &c {
                    Node::Element { start, children } if name_of(start) == *child => {
                        if !is_empty(children) {
                            return Err(error(
                                part,
                                format!("{child} with content inside {p} of {parent}"),
                            ));
                        }
                    }
                    _ => kept.push(c),
                }
            }
            *children = kept;
        }
    }
    for c in children.iter_mut() {
        normalise_node(c, &name, part)?;
    }
    if let Some((_, order)) = SEQUENCES.iter().find(|(p, _)| *p == name) {
        order_children(children, order);
    }
    Ok(())
}

fn drop_attribute(start: &mut BytesStart, attribute: &str) {
    if !start
        .attributes()
        .flatten()
        .any(|a| a.key.into_inner() == attribute)
    {
        return;
    }
    let kept: Vec<(String, String)> = start
        .attributes()
        .flatten()
        .filter(|a| a.key.into_inner() != attribute)
        .map(|a| (a.key.into_inner().to_string(), a.value.into_owned()))
        .collect();
    start.clear_attributes();
    for (k, v) in &kept {
        // The value as it was read: already escaped.
        start.push_attribute(Attribute {
            key: QName(k),
            value: v.as_str().into(),
        });
    }
}

/// Puts the listed element children first, in the table's order; the rest
/// (text, unlisted elements) follow in their own order.
fn order_children(children: &mut [Node], order: &[&str]) {
    let rank = |n: &Node| match n {
        Node::Element { start, .. } => {
            let name = name_of(start);
            order.iter().position(|o| *o == name).unwrap_or(order.len())
        }
        Node::Other(_) => order.len(),
    };
    // A stable sort: equal ranks keep their order.
    children.sort_by_key(rank);
}

fn write(nodes: &[Node], w: &mut Writer<Vec<u8>>, part: &str) -> Result<(), RenderError> {
    for n in nodes {
        match n {
            Node::Element { start, children } if children.is_empty() => w
                .write_event(Event::Empty(start.borrow()))
                .map_err(|e| error(part, e))?,
            Node::Element { start, children } => {
                w.write_event(Event::Start(start.borrow()))
                    .map_err(|e| error(part, e))?;
                write(children, w, part)?;
                w.write_event(Event::End(start.to_end()))
                    .map_err(|e| error(part, e))?;
            }
            Node::Other(e) => w.write_event(e.borrow()).map_err(|e| error(part, e))?,
        }
    }
    Ok(())
}

/// The part `xml` (named `part` in errors) with every rule applied.
pub fn normalise(xml: &[u8], part: &str) -> Result<Vec<u8>, RenderError> {
    let xml = std::str::from_utf8(xml).map_err(|e| error(part, e))?;
    let mut nodes = parse(xml, part)?;
    for n in &mut nodes {
        normalise_node(n, "", part)?;
    }
    let mut w = Writer::new(Vec::with_capacity(xml.len()));
    write(&nodes, &mut w, part)?;
    Ok(w.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> String {
        String::from_utf8(normalise(xml.as_bytes(), "test").expect("normalises")).unwrap()
    }

    #[test]
    fn paragraph_properties_follow_the_schema_order() {
        let out = run(
            r#"<w:p><w:pPr><w:rPr /><w:jc w:val="left" /><w:numPr><w:numId w:val="2" /><w:ilvl w:val="0" /></w:numPr><w:pStyle w:val="Title" /></w:pPr><w:r><w:t>a</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="Title" /><w:numPr><w:ilvl w:val="0" /><w:numId w:val="2" /></w:numPr><w:jc w:val="left" /><w:rPr /></w:pPr><w:r><w:t>a</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn run_properties_follow_the_schema_order() {
        let out = run(
            r#"<w:rPr><w:lang w:val="ko-KR" /><w:sz w:val="20" /><w:b /><w:rFonts w:ascii="A" /></w:rPr>"#,
        );
        assert_eq!(
            out,
            r#"<w:rPr><w:rFonts w:ascii="A" /><w:b /><w:sz w:val="20" /><w:lang w:val="ko-KR" /></w:rPr>"#
        );
    }

    #[test]
    fn tables_sections_styles_settings_and_levels_are_ordered() {
        let out = run(
            r#"<w:tbl><w:tr><w:tc><w:p /><w:tcPr><w:shd w:fill="F" /><w:tcW w:w="1" /></w:tcPr></w:tc></w:tr><w:tblGrid /><w:tblPr><w:tblBorders><w:right /><w:top /></w:tblBorders><w:tblStyle w:val="T" /></w:tblPr></w:tbl>"#,
        );
        assert_eq!(
            out,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="T" /><w:tblBorders><w:top /><w:right /></w:tblBorders></w:tblPr><w:tblGrid /><w:tr><w:tc><w:tcPr><w:tcW w:w="1" /><w:shd w:fill="F" /></w:tcPr><w:p /></w:tc></w:tr></w:tbl>"#
        );
        let out = run(
            r#"<w:sectPr><w:pgSz /><w:pgMar /><w:headerReference r:id="h" /><w:footerReference r:id="f" /></w:sectPr>"#,
        );
        assert_eq!(
            out,
            r#"<w:sectPr><w:headerReference r:id="h" /><w:footerReference r:id="f" /><w:pgSz /><w:pgMar /></w:sectPr>"#
        );
        let out = run(r#"<w:settings><w:defaultTabStop /><w:zoom /><w:compat /></w:settings>"#);
        assert_eq!(
            out,
            r#"<w:settings><w:zoom /><w:defaultTabStop /><w:compat /></w:settings>"#
        );
        let out = run(r#"<w:style><w:rPr /><w:pPr /><w:next /><w:name /></w:style>"#);
        assert_eq!(
            out,
            r#"<w:style><w:name /><w:next /><w:pPr /><w:rPr /></w:style>"#
        );
    }

    #[test]
    fn forbidden_attributes_and_empty_children_are_dropped() {
        let out = run(r#"<w:tblGrid><w:gridCol w:w="100" w:type="dxa" a="&amp;" /></w:tblGrid>"#);
        assert_eq!(
            out,
            r#"<w:tblGrid><w:gridCol w:w="100" a="&amp;"/></w:tblGrid>"#
        );
        let out = run(
            r#"<w:lvl><w:pPr><w:rPr /><w:ind w:left="284" /></w:pPr><w:lvlJc w:val="left" /><w:start w:val="1" /></w:lvl>"#,
        );
        assert_eq!(
            out,
            r#"<w:lvl><w:start w:val="1" /><w:lvlJc w:val="left" /><w:pPr><w:ind w:left="284" /></w:pPr></w:lvl>"#
        );
        let out =
            run(r#"<w:pPrDefault><w:pPr><w:rPr></w:rPr><w:wordWrap /></w:pPr></w:pPrDefault>"#);
        assert_eq!(
            out,
            r#"<w:pPrDefault><w:pPr><w:wordWrap /></w:pPr></w:pPrDefault>"#
        );
        // A paragraph may carry run properties for its mark.
        let out = run(r#"<w:p><w:pPr><w:rPr /></w:pPr></w:p>"#);
        assert_eq!(out, r#"<w:p><w:pPr><w:rPr /></w:pPr></w:p>"#);
        // Formatting is never dropped silently.
        assert!(
            normalise(
                br#"<w:style><w:pPr><w:rPr><w:b /></w:rPr></w:pPr></w:style>"#,
                "t"
            )
            .is_err()
        );
    }

    #[test]
    fn text_declarations_and_references_survive_unchanged() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="urn:w"><w:t xml:space="preserve"> R&amp;D &lt;1&gt; 한글 </w:t></w:document>"#;
        assert_eq!(run(xml), xml);
        assert!(normalise(b"<w:p><w:r></w:p>", "t").is_err());
    }
}
