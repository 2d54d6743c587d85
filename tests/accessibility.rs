//! Archival and accessible PDFs: every standard `--pdf-standard` accepts is
//! checked by typst's own validators while the PDF is written (a standard
//! that cannot be met fails the run), then read back with poppler, a second
//! and independent reader: the declared conformance, the tag tree, the
//! document language and the charts' alternative text.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::Command;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Dict, Name, Object, String as PdfString};

/// A PDF text string as text (UTF-16BE with BOM, or PDFDocEncoding read as
/// Latin-1, enough for these tests).
fn text_string(s: &PdfString) -> String {
    let b = s.as_bytes();
    match b.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => b.iter().map(|&c| c as char).collect(),
    }
}

/// What a second parser finds in the PDF: the catalog's language and
/// whether it is marked as tagged, and every structure element's type with
/// its alternative text.
struct Tagged {
    lang: Option<String>,
    marked: bool,
    elements: Vec<(String, Option<String>)>,
}

fn read_tagged(pdf: &Path) -> Tagged {
    let pdf = Pdf::new(fs::read(pdf).unwrap()).expect("hayro-syntax reads the PDF");
    let mut tagged = Tagged {
        lang: None,
        marked: false,
        elements: Vec::new(),
    };
    for object in pdf.objects() {
        let Object::Dict(dict) = object else { continue };
        let dict: Dict = dict;
        let ty = dict.get::<Name>(b"Type").map(|n| n.as_str().to_string());
        if ty.as_deref() == Some("Catalog") {
            tagged.lang = dict.get::<PdfString>(b"Lang").map(|s| text_string(&s));
            tagged.marked = dict
                .get::<Dict>(b"MarkInfo")
                .and_then(|m| m.get::<bool>(b"Marked"))
                .unwrap_or(false);
        }
        if ty.as_deref().is_none_or(|t| t == "StructElem")
            && dict.contains_key(b"P")
            && let Some(s) = dict.get::<Name>(b"S")
        {
            let alt = dict.get::<PdfString>(b"Alt").map(|a| text_string(&a));
            tagged.elements.push((s.as_str().to_string(), alt));
        }
    }
    tagged
}

fn pdfinfo(args: &[&str], pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .args(args)
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is needed");
    assert!(out.status.success(), "pdfinfo {args:?} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_standard_is_met_and_declared() {
    let tmp = tempdir();
    // (standards, PDF/A part and conformance, PDF/UA-1)
    let cases = [
        ("a-2b", Some(("2", "B")), false),
        ("a-2a", Some(("2", "A")), false),
        ("a-3b", Some(("3", "B")), false),
        ("a-3a", Some(("3", "A")), false),
        ("ua-1", None, true),
        ("a-2a,ua-1", Some(("2", "A")), true),
        ("a-3a,ua-1", Some(("3", "A")), true),
    ];
    for (standard, archival, ua) in cases {
        for lang in ["ko", "en"] {
            let out_dir = tmp.path().join(format!("{standard}-{lang}"));
            let out = brief(
                &root().join("data"),
                &out_dir,
                &[
                    "-q",
                    "2025Q2",
                    "--format",
                    "pdf",
                    "--lang",
                    lang,
                    "--pdf-standard",
                    standard,
                ],
            );
            assert_success(&out);
            let pdf = out_dir.join(format!("2025-Q2/brief-2025-Q2-{lang}.pdf"));
            let xmp = pdfinfo(&["-meta"], &pdf);
            match archival {
                Some((part, conformance)) => assert!(
                    xmp.contains(&format!("<pdfaid:part>{part}</pdfaid:part>"))
                        && xmp.contains(&format!(
                            "<pdfaid:conformance>{conformance}</pdfaid:conformance>"
                        )),
                    "{standard}: {xmp}"
                ),
                None => assert!(!xmp.contains("pdfaid:part"), "{standard}: {xmp}"),
            }
            assert_eq!(
                xmp.contains("<pdfuaid:part>1</pdfuaid:part>"),
                ua,
                "{standard}: {xmp}"
            );
            assert!(
                pdfinfo(&[], &pdf).contains("Tagged:          yes"),
                "{standard}"
            );
        }
    }
    // Two PDF/A levels, or an unknown standard: a usage error.
    for bad in ["a-2b,a-3a", "ua-2"] {
        let out = brief(
            &root().join("data"),
            tmp.path(),
            &["-q", "2025Q2", "--format", "pdf", "--pdf-standard", bad],
        );
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
    }
}

/// What a screen reader gets from the accessible PDF: a title, headings,
/// lists, tables with header cells, and charts described with their
/// numbers; the running header and footer are not read out. The Hangul
/// words kept whole at line ends still extract as the words they are.
#[test]
fn the_accessible_pdf_reads_in_order_with_alt_text() {
    let tmp = tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &[
            "-q",
            "2025Q2",
            "--format",
            "pdf",
            "--pdf-standard",
            "a-3a,ua-1",
        ],
    );
    assert_success(&out);
    let pdf = tmp.path().join("2025-Q2/brief-2025-Q2-ko.pdf");
    let tagged = read_tagged(&pdf);
    assert_eq!(tagged.lang.as_deref(), Some("ko-KR"));
    assert!(tagged.marked, "MarkInfo /Marked true");
    let count = |tag: &str| tagged.elements.iter().filter(|(t, _)| t == tag).count();
    // Eight sections, sub-sections, lists, tables with header cells.
    assert!(count("H1") >= 7, "{} H1", count("H1"));
    assert!(count("H2") >= 5, "{} H2", count("H2"));
    assert!(count("L") >= 5 && count("LI") >= 5 && count("Lbl") >= 5);
    assert!(count("Table") >= 6 && count("TH") >= 20 && count("TD") >= 40);
    // Three charts, each a figure described with its numbers: the quantum
    // sector's 1 event and 2 outcomes (GINI membership has no sector), the June event.
    let figures: Vec<&str> = tagged
        .elements
        .iter()
        .filter(|(t, _)| t == "Figure")
        .map(|(_, alt)| alt.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(figures.len(), 3, "{figures:?}");
    assert!(
        figures[0].starts_with("분야별 행사·성과 수.")
            && figures[0].contains("양자 행사 1, 성과 2"),
        "{figures:?}"
    );
    assert!(
        figures[1].contains("바이오·헬스케어: 대한민국 1, 캐나다 1, 미국 1"),
        "{figures:?}"
    );
    assert!(figures[2].contains("6월 1"), "{figures:?}");
    // The title block and headings read as written; the running header
    // (organisation · title on pages 2-4) and page numbers are artifacts,
    // outside the tag tree: the text poppler extracts through the tags has
    // the title once.
    let structure = squash(&pdfinfo(&["-struct-text"], &pdf));
    assert!(
        structure.contains("\"국제협력\" \" \" \"분기\""),
        "{structure}"
    );
    assert!(!structure.contains("/ 4"), "page numbers are artifacts");
    // Hangul words kept whole at line ends (each drawn in a box) still
    // extract as the words they are.
    let page_text = squash(&pdf_text(&pdf));
    assert!(
        page_text.contains("국제협력 분기 동향 브리프"),
        "{page_text}"
    );
    assert!(
        page_text.contains("2025년 2분기에는 국제협력 행사 1건을"),
        "{page_text}"
    );
}

/// A template that drops the document's title cannot give PDF/UA-1: the
/// run fails with typst's reason and writes nothing; without a standard
/// asked for, the same template still writes its PDF.
#[test]
fn a_standard_the_template_cannot_meet_fails_and_writes_nothing() {
    let tmp = tempdir();
    let templates = tmp.path().join("templates");
    copy_dir(&root().join("templates"), &templates);
    let main = templates.join("brief.typ");
    let typ = fs::read_to_string(&main).unwrap();
    let title = "  title: b.meta.title + \" — \" + b.meta.period_label,\n";
    assert!(typ.contains(title));
    fs::write(&main, typ.replace(title, "")).unwrap();
    let out_dir = tmp.path().join("out");
    let out = brief_with(
        &templates,
        &root().join("data"),
        &out_dir,
        &[
            "-q",
            "2025Q2",
            "--format",
            "pdf,docx",
            "--pdf-standard",
            "ua-1",
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("PDF/UA-1"), "{err}");
    assert!(!out_dir.join("2025-Q2").exists(), "nothing is written");
    let out = brief_with(
        &templates,
        &root().join("data"),
        &out_dir,
        &["-q", "2025Q2", "--format", "pdf"],
    );
    assert_success(&out);
}
