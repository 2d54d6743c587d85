//! The HWPX package: the fixed parts 한글 expects beside the header and
//! the section, and the zip in the order 한글 writes its entries, with
//! `mimetype` first and stored, as the container format requires.

use std::io::Write;

use super::{NAMESPACES, XML_DECLARATION};
use crate::brief::Brief;
use crate::render::RenderError;
use crate::render::xml_escape as esc;

pub const MIMETYPE: &str = "application/hwp+zip";

/// `version.xml` (한글's own spelling of `tagetApplication`).
fn version() -> String {
    format!(
        r#"{XML_DECLARATION}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="1" buildNumber="0" os="1" xmlVersion="1.5" application="Hancom Office Hangul" appVersion="12, 0, 0, 535 WIN32LEWindows_10"/>"#
    )
}

fn settings() -> String {
    format!(
        r#"{XML_DECLARATION}<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>"#
    )
}

fn container() -> String {
    format!(
        r#"{XML_DECLARATION}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/><ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/><ocf:rootfile full-path="META-INF/container.rdf" media-type="application/rdf+xml"/></ocf:rootfiles></ocf:container>"#
    )
}

fn manifest() -> String {
    format!(
        r#"{XML_DECLARATION}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>"#
    )
}

fn rdf() -> String {
    let pkg = "http://www.hancom.co.kr/hwpml/2016/meta/pkg#";
    let part = |path: &str, kind: &str| {
        format!(
            r#"<rdf:Description rdf:about=""><ns0:hasPart xmlns:ns0="{pkg}" rdf:resource="{path}"/></rdf:Description><rdf:Description rdf:about="{path}"><rdf:type rdf:resource="{pkg}{kind}"/></rdf:Description>"#
        )
    };
    format!(
        r#"{XML_DECLARATION}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">{}{}<rdf:Description rdf:about=""><rdf:type rdf:resource="{pkg}Document"/></rdf:Description></rdf:RDF>"#,
        part("Contents/header.xml", "HeaderFile"),
        part("Contents/section0.xml", "SectionFile"),
    )
}

/// The id of the `n`th picture (from 1): the section's `binaryItemIDRef`
/// and the manifest's item.
pub(super) fn picture_id(n: usize) -> String {
    format!("image{n}")
}

/// The package entry of the `n`th picture.
fn picture_entry(n: usize) -> String {
    format!("BinData/{}.png", picture_id(n))
}

/// `Contents/content.hpf`: the parts, and the document properties (title,
/// author = organisation and department, subject, keywords = sectors,
/// dates = the date of issue, never the clock).
fn content(b: &Brief, images: usize) -> String {
    let author = b.meta.author();
    let issued = format!("{}T00:00:00Z", b.meta.issue_date_iso);
    let keywords: Vec<&str> = b.sectors.iter().map(|s| s.label.as_str()).collect();
    let meta = |name: &str, value: &str| {
        format!(
            r#"<opf:meta name="{name}" content="text">{}</opf:meta>"#,
            esc(value)
        )
    };
    let language = b.lang.code();
    let title = esc(&b.meta.document_title());
    let properties: String = [
        meta("creator", &author),
        meta("subject", &b.meta.subtitle),
        meta("description", &b.meta.dates),
        meta("lastsaveby", &author),
        meta("CreatedDate", &issued),
        meta("ModifiedDate", &issued),
        meta("date", &b.meta.issue_date),
        meta("keyword", &keywords.join(", ")),
    ]
    .concat();
    // The pictures between the header and the section, as 한글 lists them.
    let pictures: String = (1..=images)
        .map(|n| {
            let (id, entry) = (picture_id(n), picture_entry(n));
            format!(r#"<opf:item id="{id}" href="{entry}" media-type="image/png" isEmbeded="1"/>"#)
        })
        .collect();
    format!(
        r#"{XML_DECLARATION}<opf:package {NAMESPACES} version="" unique-identifier="" id=""><opf:metadata><opf:title>{title}</opf:title><opf:language>{language}</opf:language>{properties}</opf:metadata><opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>{pictures}<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/><opf:item id="settings" href="settings.xml" media-type="application/xml"/></opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>"#
    )
}

/// The preview text 한글 shows before opening: the title block and the
/// summary, CRLF-separated.
fn preview(b: &Brief) -> String {
    let mut lines = vec![
        b.meta.title.clone(),
        b.meta.subtitle.clone(),
        b.meta.dates.clone(),
    ];
    lines.extend(b.summary.iter().map(|l| l.text.clone()));
    let text: String = lines
        .join("\r\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\r' | '\n'))
        .collect();
    text + "\r\n"
}

/// The package bytes. Every entry carries zip's fixed default date
/// (1980-01-01, as 한글's own files do), so equal inputs give equal bytes.
pub fn zip(
    b: &Brief,
    header: &str,
    section: &str,
    images: &[Vec<u8>],
) -> Result<Vec<u8>, RenderError> {
    use zip::write::SimpleFileOptions;
    let fail = |e: &dyn std::fmt::Display| RenderError::Hwpx(e.to_string());
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    // 한글's order; `mimetype`, `version.xml` and the pictures (already
    // compressed) stored, as 한글 does.
    let mut parts: Vec<(String, Vec<u8>, bool)> = vec![
        ("mimetype".into(), MIMETYPE.into(), true),
        ("version.xml".into(), version().into(), true),
        ("Contents/header.xml".into(), header.into(), false),
    ];
    for (i, png) in images.iter().enumerate() {
        parts.push((picture_entry(i + 1), png.clone(), true));
    }
    let rest: [(&str, String); 7] = [
        ("Contents/section0.xml", section.to_string()),
        ("Preview/PrvText.txt", preview(b)),
        ("settings.xml", settings()),
        ("META-INF/container.rdf", rdf()),
        ("Contents/content.hpf", content(b, images.len())),
        ("META-INF/container.xml", container()),
        ("META-INF/manifest.xml", manifest()),
    ];
    parts.extend(
        rest.into_iter()
            .map(|(n, s)| (n.to_string(), s.into_bytes(), false)),
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes, store) in &parts {
        zip.start_file(name.as_str(), if *store { stored } else { deflated })
            .map_err(|e| fail(&e))?;
        zip.write_all(bytes).map_err(|e| fail(&e))?;
    }
    let out = zip.finish().map_err(|e| fail(&e))?;
    Ok(out.into_inner())
}
