//! Every XML part of every DOCX `brief` writes conforms to ISO/IEC 29500
//! Transitional: the standard's own XSDs (vendored in `tests/schemas/ooxml`,
//! see its README) checked by libxml2's `xmllint`, after markup-compatibility
//! processing as Word does it (attributes and elements of namespaces marked
//! `mc:Ignorable` are dropped first). The embedded chart workbooks are
//! unpacked and checked the same way. The check is shown to fail on a
//! deliberately misordered paragraph.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// The namespaces whose schemas the check loads, each with its file.
const SCHEMAS: &[(&str, &str)] = &[
    (XML_NS, "xml.xsd"),
    ("http://purl.org/dc/elements/1.1/", "dc.xsd"),
    ("http://purl.org/dc/terms/", "dcterms.xsd"),
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "wml.xsd",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "dml-chart.xsd",
    ),
    (
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "sml.xsd",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/content-types",
        "opc-contentTypes.xsd",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/relationships",
        "opc-relationships.xsd",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "opc-coreProperties.xsd",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        "shared-documentPropertiesExtended.xsd",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
        "shared-documentPropertiesCustom.xsd",
    ),
];

/// One schema document importing every vendored schema from its file, so
/// one `xmllint` run checks parts of every kind. The vendored files stay
/// as published: the imports they leave without a location (the `xml`
/// namespace) or point at the web (Dublin Core) resolve to the copies
/// imported here first.
fn driver_schema(dir: &Path) -> PathBuf {
    let schemas = root().join("tests/schemas/ooxml");
    let mut xsd = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:brief:ooxml-check">
"#,
    );
    for (ns, file) in SCHEMAS {
        let path = schemas.join(file);
        assert!(path.is_file(), "missing schema {}", path.display());
        xsd.push_str(&format!(
            "  <xs:import namespace=\"{ns}\" schemaLocation=\"{}\"/>\n",
            path.display()
        ));
    }
    xsd.push_str("</xs:schema>\n");
    let path = dir.join("check.xsd");
    fs::write(&path, xsd).unwrap();
    path
}

fn escape(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Markup-compatibility preprocessing (ISO/IEC 29500-3) of one part, for a
/// consumer that understands only the ISO namespaces: attributes and
/// elements of ignorable namespaces go, `mc:` attributes go, and an
/// `mc:AlternateContent` is replaced by its `mc:Fallback`.
fn mce(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML part");
    let mut ignorable: Vec<String> = Vec::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        if let Some(list) = n.attribute((MC, "Ignorable")) {
            for prefix in list.split_whitespace() {
                if let Some(ns) = n.lookup_namespace_uri(Some(prefix)) {
                    ignorable.push(ns.to_string());
                }
            }
        }
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    write_element(doc.root_element(), &ignorable, true, &mut out);
    out
}

fn qualified(node: roxmltree::Node, ns: Option<&str>, local: &str) -> String {
    match ns {
        Some(XML_NS) => format!("xml:{local}"),
        Some(ns) => match node.lookup_prefix(ns) {
            Some(p) if !p.is_empty() => format!("{p}:{local}"),
            _ => local.to_string(),
        },
        None => local.to_string(),
    }
}

fn write_element(node: roxmltree::Node, ignorable: &[String], root: bool, out: &mut String) {
    let ns = node.tag_name().namespace();
    if ns.is_some_and(|ns| ignorable.iter().any(|i| i == ns)) {
        return;
    }
    if ns == Some(MC) {
        if node.tag_name().name() == "AlternateContent" {
            for fallback in node
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "Fallback")
            {
                for c in fallback.children() {
                    write_node(c, ignorable, out);
                }
            }
        }
        return;
    }
    let name = qualified(node, ns, node.tag_name().name());
    out.push('<');
    out.push_str(&name);
    // Every namespace in scope on the root; later only new ones.
    let parent_ns: Vec<_> = if root {
        Vec::new()
    } else {
        node.parent()
            .map(|p| p.namespaces().map(|n| (n.name(), n.uri())).collect())
            .unwrap_or_default()
    };
    for n in node.namespaces() {
        if n.uri() == XML_NS || parent_ns.contains(&(n.name(), n.uri())) {
            continue;
        }
        match n.name() {
            Some(p) => out.push_str(&format!(" xmlns:{p}=\"{}\"", escape(n.uri(), true))),
            None => out.push_str(&format!(" xmlns=\"{}\"", escape(n.uri(), true))),
        }
    }
    for a in node.attributes() {
        let ans = a.namespace();
        if ans == Some(MC) || ans.is_some_and(|ns| ignorable.iter().any(|i| i == ns)) {
            continue;
        }
        let an = qualified(node, ans, a.name());
        out.push_str(&format!(" {an}=\"{}\"", escape(a.value(), true)));
    }
    out.push('>');
    for c in node.children() {
        write_node(c, ignorable, out);
    }
    out.push_str(&format!("</{name}>"));
}

fn write_node(node: roxmltree::Node, ignorable: &[String], out: &mut String) {
    if node.is_element() {
        write_element(node, ignorable, false, out);
    } else if node.is_text() {
        out.push_str(&escape(node.text().unwrap_or(""), false));
    }
}

/// The entries of a zip package, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.is_dir() {
            continue;
        }
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        parts.insert(f.name().to_string(), b);
    }
    parts
}

/// Writes every XML part of the package `bytes` (and of the workbooks
/// embedded in it), markup-compatibility processed, under `dir`; returns
/// the files written.
fn extract_parts(bytes: &[u8], dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (name, part) in unzip(bytes) {
        let flat = format!("{prefix}{}", name.replace(['/', '[', ']'], "_"));
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = String::from_utf8(part).expect("XML parts are UTF-8");
            let path = dir.join(format!("{flat}.xml"));
            fs::write(&path, mce(&text)).unwrap();
            files.push(path);
        } else if name.ends_with(".xlsx") {
            files.extend(extract_parts(&part, dir, &format!("{flat}-")));
        }
    }
    files
}

/// Schema errors of each file, by file; a file xmllint does not report as
/// valid counts at least one.
fn schema_errors(schema: &Path, files: &[PathBuf]) -> BTreeMap<PathBuf, Vec<String>> {
    let mut errors: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for chunk in files.chunks(400) {
        let out = Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(schema)
            .args(chunk)
            .output()
            .expect("xmllint is needed by the tests: install libxml2-utils");
        let text = String::from_utf8_lossy(&out.stderr);
        for f in chunk {
            let name = f.display().to_string();
            let found: Vec<String> = text
                .lines()
                .filter(|l| l.starts_with(&format!("{name}:")))
                .filter(|l| l.contains("error"))
                .map(str::to_string)
                .collect();
            let valid = text.lines().any(|l| l == format!("{name} validates"));
            if !found.is_empty() || !valid {
                let mut found = found;
                if found.is_empty() {
                    found.push(format!("{name}: not reported valid"));
                }
                errors.insert(f.clone(), found);
            }
        }
    }
    errors
}

/// Every DOCX under `out`, checked; fails listing the errors.
fn assert_docx_conform(out: &Path, expect_at_least: usize) {
    let mut docx = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "docx") {
                docx.push(p);
            }
        }
    }
    docx.sort();
    assert!(
        docx.len() >= expect_at_least,
        "{} DOCX files under {}",
        docx.len(),
        out.display()
    );
    let tmp = tempdir();
    let schema = driver_schema(tmp.path());
    let mut files = Vec::new();
    for (i, d) in docx.iter().enumerate() {
        let dir = tmp.path().join(format!("d{i}"));
        fs::create_dir_all(&dir).unwrap();
        let parts = extract_parts(&fs::read(d).unwrap(), &dir, "");
        assert!(parts.len() >= 10, "{}: {} parts", d.display(), parts.len());
        files.extend(parts);
    }
    let errors = schema_errors(&schema, &files);
    let count: usize = errors.values().map(Vec::len).sum();
    let mut report = String::new();
    for (f, e) in &errors {
        report.push_str(&format!("{}: {} errors\n", f.display(), e.len()));
        for l in e.iter().take(5) {
            report.push_str(&format!("    {l}\n"));
        }
    }
    assert!(
        errors.is_empty(),
        "{count} schema errors in {} of {} parts of {} DOCX files:\n{report}",
        errors.len(),
        files.len(),
        docx.len()
    );
}

#[test]
fn every_sample_period_in_both_languages_conforms() {
    let tmp = tempdir();
    let out = tmp.path().join("out");
    let data = root().join("data");
    // Quarters, halves and years (a year's key figures, five-year table
    // and two-year monthly table differ in shape), and a run of months.
    let o = brief(
        &data,
        &out,
        &[
            "build",
            "--periods",
            "quarter,half,year",
            "--format",
            "docx",
            "--lang",
            "ko,en",
        ],
    );
    assert_success(&o);
    let o = brief(
        &data,
        &out,
        &[
            "--from", "2025-03", "--to", "2025-08", "--format", "docx", "--lang", "ko,en",
        ],
    );
    assert_success(&o);
    // An empty quarter too.
    let o = brief(
        &data,
        &out,
        &["-q", "2024Q3", "--format", "docx", "--lang", "ko,en"],
    );
    assert_success(&o);
    // 13 periods with events, the run of months and the empty quarter.
    assert_docx_conform(&out, 30);
}

#[test]
fn a_busy_quarter_and_markup_in_every_field_conform() {
    let tmp = tempdir();
    // About 600 events in 2024Q2.
    let data = taxonomy_only_data(&tmp.path().join("busy"));
    let taxonomy = brief::load::load_taxonomy(&data).unwrap();
    let rows = brief::synth::rows(&taxonomy, 9_600, 11, 2022, 2025);
    fs::write(data.join("events.csv"), brief::synth::csv(&rows)).unwrap();
    let out = tmp.path().join("out");
    let o = brief(
        &data,
        &out,
        &["-q", "2024Q2", "--format", "docx", "--lang", "ko,en"],
    );
    assert_success(&o);
    let hostile = taxonomy_only_data(&tmp.path().join("hostile"));
    fs::copy(
        root().join("tests/hostile/markup-everywhere.yaml"),
        hostile.join("events/markup.yaml"),
    )
    .unwrap();
    let out2 = tmp.path().join("out2");
    let o = brief(
        &hostile,
        &out2,
        &["-q", "2025Q2", "--format", "docx", "--lang", "ko,en"],
    );
    assert_success(&o);
    assert_docx_conform(&out, 2);
    assert_docx_conform(&out2, 2);
}

/// The check can fail: a paragraph whose `w:jc` comes before its
/// `w:pStyle` is rejected, and so is an unknown attribute.
#[test]
fn the_check_rejects_a_misordered_paragraph() {
    let tmp = tempdir();
    let out = tmp.path().join("out");
    let o = brief(
        &root().join("data"),
        &out,
        &["-q", "2025Q2", "--format", "docx", "--lang", "ko"],
    );
    assert_success(&o);
    let schema = driver_schema(tmp.path());
    let bytes = fs::read(out.join("2025-Q2/brief-2025-Q2-ko.docx")).unwrap();
    let document = String::from_utf8(unzip(&bytes)["word/document.xml"].clone()).unwrap();
    let good = tmp.path().join("good.xml");
    fs::write(&good, mce(&document)).unwrap();
    assert!(schema_errors(&schema, std::slice::from_ref(&good)).is_empty());

    let at = document.find("<w:pStyle").expect("a styled paragraph");
    let misordered = format!(
        "{}<w:jc w:val=\"left\"/>{}",
        &document[..at],
        &document[at..]
    );
    let bad = tmp.path().join("bad.xml");
    fs::write(&bad, mce(&misordered)).unwrap();
    let errors = schema_errors(&schema, std::slice::from_ref(&bad));
    let found = errors.get(&bad).expect("the misordered pPr is rejected");
    assert!(
        found.iter().any(|l| l.contains("pStyle")),
        "the error names the element out of place: {found:?}"
    );

    let unknown = document.replacen("<w:gridCol ", "<w:gridCol w:type=\"dxa\" ", 1);
    assert_ne!(unknown, document, "the document has a table grid");
    let bad = tmp.path().join("bad2.xml");
    fs::write(&bad, mce(&unknown)).unwrap();
    assert!(!schema_errors(&schema, std::slice::from_ref(&bad)).is_empty());
}

#[test]
fn markup_compatibility_processing_drops_only_ignorable_markup() {
    let xml = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body><w:p w14:paraId="1"><w14:x/><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p><mc:AlternateContent><mc:Choice Requires="w14"><w14:y/></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent></w:body></w:document>"#;
    let out = mce(xml);
    assert!(!out.contains("paraId") && !out.contains("Ignorable") && !out.contains("w14:x"));
    assert!(
        out.contains(r#"<w:t xml:space="preserve">a &amp; b</w:t>"#),
        "{out}"
    );
    assert!(out.contains("</w:p><w:p></w:p></w:body>"), "{out}");
}
