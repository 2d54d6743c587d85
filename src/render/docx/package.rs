//! What docx-rs 0.4 cannot say, added to the package parts it builds: the
//! document's language and Korean line breaking on the defaults, the default
//! paragraph style, header rows that repeat across pages, alternative text
//! and unique ids on pictures, and the core document properties.
//!
//! Each step is a small, exact edit of docx-rs's own output; when an edit
//! does not find what it expects, it returns an error instead of writing a
//! document that silently lacks the part (tests pin the docx-rs output).

use super::super::RenderError;

/// Document properties written to `docProps/core.xml`.
#[derive(Debug, Clone, Default)]
pub struct CoreProperties {
    pub title: String,
    pub subject: String,
    pub creator: String,
    pub keywords: String,
    pub description: String,
    pub category: String,
    /// BCP 47 tag, e.g. `ko-KR`.
    pub language: String,
    /// `YYYY-MM-DD`; used for created and modified, so two builds agree.
    pub date: String,
}

fn missing(what: &str) -> RenderError {
    RenderError::Docx(format!(
        "internal: the DOCX writer's output has no {what} (docx-rs changed?)"
    ))
}

pub use crate::render::xml_escape as escape;

/// `styles.xml`: the language of the text (`w:lang`) on the run defaults;
/// for Korean, lines break between words rather than inside them
/// (`w:wordWrap w:val="0"`, Word's "allow Hangul words to break" off), as
/// the PDF does; and `Normal` marked as the default paragraph style.
pub fn style_defaults(styles: &str, lang: &str, korean: bool) -> Result<String, RenderError> {
    // `w:lang` comes late in a run's properties (after size and fonts).
    let run_defaults = "</w:rPr></w:rPrDefault>";
    let at = styles
        .find(run_defaults)
        .ok_or_else(|| missing("run defaults"))?;
    let mut out = String::with_capacity(styles.len() + 256);
    out.push_str(&styles[..at]);
    out.push_str(&format!(
        r#"<w:lang w:val="{0}" w:eastAsia="ko-KR" w:bidi="ar-SA" />"#,
        escape(lang)
    ));
    let rest = &styles[at..];
    let para_defaults = "<w:pPrDefault><w:pPr>";
    let at = rest
        .find(para_defaults)
        .ok_or_else(|| missing("paragraph defaults"))?
        + para_defaults.len();
    out.push_str(&rest[..at]);
    if korean {
        out.push_str(r#"<w:wordWrap w:val="0" />"#);
    }
    let rest = &rest[at..];
    let normal = r#"<w:style w:type="paragraph" w:styleId="Normal">"#;
    let at = rest.find(normal).ok_or_else(|| missing("Normal style"))?;
    out.push_str(&rest[..at]);
    out.push_str(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#);
    out.push_str(&rest[at + normal.len()..]);
    Ok(out)
}

/// `document.xml`: the first row of every table is its header row, which
/// Word and LibreOffice repeat at the top of each page the table runs onto.
pub fn repeat_header_rows(document: &str) -> String {
    let mut out = String::with_capacity(document.len() + 1024);
    let mut rest = document;
    while let Some(t) = rest.find("<w:tbl>") {
        out.push_str(&rest[..t]);
        rest = &rest[t..];
        let Some(r) = rest.find("<w:tr>") else { break };
        let row = r + "<w:tr>".len();
        out.push_str(&rest[..row]);
        rest = &rest[row..];
        if let Some(after) = rest.strip_prefix("<w:trPr />") {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
            rest = after;
        } else if let Some(after) = rest.strip_prefix("<w:trPr>") {
            out.push_str("<w:trPr><w:tblHeader />");
            rest = after;
        } else {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
        }
    }
    out.push_str(rest);
    out
}

/// `document.xml`: every picture gets a unique id, a name and its
/// alternative text (`descr`), in document order. docx-rs writes every
/// picture as `id="1" name="Figure"`; `alt` holds one text per picture.
pub fn picture_descriptions(document: &str, alt: &[String]) -> Result<String, RenderError> {
    const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    let found = document.matches(DOC_PR).count();
    if found != alt.len() {
        return Err(RenderError::Docx(format!(
            "internal: {found} pictures in the DOCX but {} descriptions",
            alt.len()
        )));
    }
    let mut out =
        String::with_capacity(document.len() + alt.iter().map(|a| a.len() + 40).sum::<usize>());
    let mut rest = document;
    for (i, text) in alt.iter().enumerate() {
        let Some(at) = rest.find(DOC_PR) else { break };
        out.push_str(&rest[..at]);
        out.push_str(&format!(
            r#"<wp:docPr id="{0}" name="Picture {0}" descr="{1}" />"#,
            i + 1,
            escape(text)
        ));
        rest = &rest[at + DOC_PR.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `docProps/core.xml` with the brief's title, subject, author, language
/// and dates (from the data and config, never the clock).
pub fn core_properties(p: &CoreProperties) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    let mut element = |tag: &str, value: &str| {
        if !value.is_empty() {
            x.push_str(&format!("<{tag}>{}</{tag}>", escape(value)));
        }
    };
    element("dc:title", &p.title);
    element("dc:subject", &p.subject);
    element("dc:creator", &p.creator);
    element("cp:keywords", &p.keywords);
    element("dc:description", &p.description);
    element("cp:category", &p.category);
    element("dc:language", &p.language);
    element("cp:lastModifiedBy", &p.creator);
    x.push_str("<cp:revision>1</cp:revision>");
    if !p.date.is_empty() {
        for tag in ["dcterms:created", "dcterms:modified"] {
            x.push_str(&format!(
                r#"<{tag} xsi:type="dcterms:W3CDTF">{}T00:00:00Z</{tag}>"#,
                escape(&p.date)
            ));
        }
    }
    x.push_str("</cp:coreProperties>");
    x
}

/// One part of the package: its name (no leading `/`), its content type
/// when `[Content_Types].xml` must name it, and its bytes.
pub struct Part {
    pub name: String,
    pub content_type: Option<&'static str>,
    pub bytes: Vec<u8>,
}

/// A relationship of a part to another.
pub struct Relationship {
    pub id: String,
    pub kind: String,
    pub target: String,
}

const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// A relationships part.
pub fn relationships(rels: &[Relationship]) -> Vec<u8> {
    let mut x = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS_NS}">"#
    );
    for r in rels {
        x.push_str(&format!(
            r#"<Relationship Id="{}" Type="{}" Target="{}"/>"#,
            escape(&r.id),
            escape(&r.kind),
            escape(&r.target)
        ));
    }
    x.push_str("</Relationships>");
    x.into_bytes()
}

/// The relationships of a docx-rs relationships part whose target `keep`
/// accepts.
pub fn read_relationships(
    xml: &[u8],
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<Relationship>, RenderError> {
    let text = std::str::from_utf8(xml).map_err(|_| missing("UTF-8 relationships"))?;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e))
                if e.name().into_inner() == "Relationship" =>
            {
                let attr = |name: &str| -> Result<String, RenderError> {
                    e.try_get_attribute(name)
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .ok_or_else(|| missing("relationship attribute"))
                };
                let r = Relationship {
                    id: attr("Id")?,
                    kind: attr("Type")?,
                    target: attr("Target")?,
                };
                if keep(&r.target) {
                    out.push(r);
                }
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(_) => return Err(missing("well-formed relationships")),
        }
    }
    Ok(out)
}

/// `[Content_Types].xml` for `parts`: defaults by extension, an override
/// for every part that names its type.
fn content_types(parts: &[Part]) -> Vec<u8> {
    let mut x = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Default Extension="png" ContentType="image/png"/>"#,
        r#"<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>"#,
    ));
    for p in parts {
        if let Some(t) = p.content_type {
            x.push_str(&format!(
                r#"<Override PartName="/{}" ContentType="{t}"/>"#,
                escape(&p.name)
            ));
        }
    }
    x.push_str("</Types>");
    x.into_bytes()
}

/// The package as a zip: `[Content_Types].xml` first, then the parts in
/// the order given; XML compressed, pictures and workbooks stored. Entries
/// carry zip's fixed default date, so equal parts give equal bytes.
pub fn zip(parts: &[Part]) -> Result<Vec<u8>, RenderError> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let fail = |e: &dyn std::fmt::Display| {
        RenderError::Docx(format!("failed to write the DOCX package ({e})"))
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("[Content_Types].xml", deflated)
        .map_err(|e| fail(&e))?;
    zip.write_all(&content_types(parts)).map_err(|e| fail(&e))?;
    for p in parts {
        let packed = p.name.ends_with(".xml") || p.name.ends_with(".rels");
        zip.start_file(p.name.as_str(), if packed { deflated } else { stored })
            .map_err(|e| fail(&e))?;
        zip.write_all(&p.bytes).map_err(|e| fail(&e))?;
    }
    let out = zip.finish().map_err(|e| fail(&e))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_are_filtered_and_written_escaped() {
        let xml = br#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId1" Type="t/styles" Target="styles.xml" /><Relationship Id="rId5" Type="t/commentsExtended" Target="commentsExtended.xml" /></Relationships>"#;
        let rels = read_relationships(xml, |t| t != "commentsExtended.xml").expect("reads");
        assert_eq!(rels.len(), 1);
        assert_eq!(
            (rels[0].id.as_str(), rels[0].target.as_str()),
            ("rId1", "styles.xml")
        );
        let out = String::from_utf8(relationships(&[Relationship {
            id: "rIdChart1".into(),
            kind: "t&c".into(),
            target: "charts/chart1.xml".into(),
        }]))
        .unwrap();
        assert!(out.contains(
            r#"<Relationship Id="rIdChart1" Type="t&amp;c" Target="charts/chart1.xml"/>"#
        ));
    }

    #[test]
    fn the_package_lists_every_typed_part_and_starts_with_its_content_types() {
        let parts = [
            Part {
                name: "word/document.xml".into(),
                content_type: Some("application/doc"),
                bytes: b"<a/>".to_vec(),
            },
            Part {
                name: "word/media/1.png".into(),
                content_type: None,
                bytes: vec![1, 2, 3],
            },
        ];
        let bytes = zip(&parts).expect("zips");
        let mut z = ::zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).expect("a zip");
        assert_eq!(z.by_index(0).unwrap().name(), "[Content_Types].xml");
        let mut types = String::new();
        std::io::Read::read_to_string(&mut z.by_name("[Content_Types].xml").unwrap(), &mut types)
            .unwrap();
        assert!(types.contains(
            r#"<Override PartName="/word/document.xml" ContentType="application/doc"/>"#
        ));
        assert!(!types.contains("/word/media/1.png"));
        assert_eq!(
            zip(&parts).unwrap(),
            bytes,
            "the same parts give the same bytes"
        );
    }

    #[test]
    fn header_rows_are_marked_once_per_table() {
        let doc = "<w:body><w:tbl><w:tblPr /><w:tr><w:trPr /><w:tc>a</w:tc></w:tr>\
                   <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p />\
                   <w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl></w:body>";
        let out = repeat_header_rows(doc);
        assert_eq!(out.matches("<w:tblHeader />").count(), 2);
        assert!(out.contains("<w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc>a"));
        assert!(out.contains("<w:tr><w:trPr><w:tblHeader /><w:cantSplit />"));
        // The second row of the first table stays a body row.
        assert!(
            out.contains("</w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p />")
        );
    }

    #[test]
    fn pictures_get_ids_and_escaped_descriptions() {
        let pic = r#"<wp:docPr id="1" name="Figure" />"#;
        let doc = format!("<a>{pic}</a><b>{pic}</b>");
        let out = picture_descriptions(&doc, &["Sectors & <outcomes>".into(), "\"Trend\"".into()])
            .expect("two pictures, two texts");
        assert!(out.contains(
            r#"<wp:docPr id="1" name="Picture 1" descr="Sectors &amp; &lt;outcomes&gt;" />"#
        ));
        assert!(out.contains(r#"<wp:docPr id="2" name="Picture 2" descr="&quot;Trend&quot;" />"#));
        assert!(picture_descriptions(&doc, &["one".into()]).is_err());
    }

    #[test]
    fn style_defaults_add_language_word_wrap_and_default_style() {
        let styles = r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20" /></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:rPr /></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /></w:style></w:styles>"#;
        let ko = style_defaults(styles, "ko-KR", true).expect("docx-rs shape");
        assert!(ko.contains(
            r#"<w:sz w:val="20" /><w:lang w:val="ko-KR" w:eastAsia="ko-KR" w:bidi="ar-SA" /></w:rPr>"#
        ));
        assert!(ko.contains(r#"<w:pPr><w:wordWrap w:val="0" /><w:rPr />"#));
        assert!(ko.contains(r#"w:default="1" w:styleId="Normal""#));
        let en = style_defaults(styles, "en-GB", false).expect("docx-rs shape");
        assert!(en.contains(r#"w:val="en-GB""#) && !en.contains("wordWrap"));
        assert!(style_defaults("<w:styles />", "ko-KR", true).is_err());
    }

    #[test]
    fn core_properties_are_escaped_and_dated_from_the_brief() {
        let xml = core_properties(&CoreProperties {
            title: "R&D 브리프".into(),
            creator: "충청남도".into(),
            language: "ko-KR".into(),
            date: "2025-07-01".into(),
            ..Default::default()
        });
        assert!(xml.contains("<dc:title>R&amp;D 브리프</dc:title>"));
        assert!(xml.contains("<dc:creator>충청남도</dc:creator>"));
        assert!(xml.contains("<dc:language>ko-KR</dc:language>"));
        assert!(xml.contains(
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2025-07-01T00:00:00Z</dcterms:modified>"#
        ));
        assert!(
            !xml.contains("<dc:subject>"),
            "empty properties are left out"
        );
    }
}
