//! The DOCX read back as XML, the way Word sees its structure: heading
//! styles, list numbering, tables with repeating header rows, pictures with
//! alternative text, fields, document properties and fonts — in Korean and
//! English.

mod common;
use common::*;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use roxmltree::{Document, Node};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

/// Builds the 2025Q2 DOCX in `lang` and returns its package parts.
fn build(lang: &str, out: &Path) -> BTreeMap<String, String> {
    let root = root();
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["-q", "2025Q2", "--format", "docx", "--lang", lang])
        .arg("--data")
        .arg(root.join("data"))
        .arg("--config")
        .arg(root.join("brief.toml"))
        .arg("--template")
        .arg(root.join("templates"))
        .arg("--out")
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run brief");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let path = out.join(format!("2025-Q2/brief-2025-Q2-{lang}.docx"));
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            parts.insert(name, s);
        }
    }
    parts
}

fn w<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| c.has_tag_name((W, name)))
}

fn attr<'a>(n: Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

fn style_of<'a>(p: Node<'a, 'a>) -> Option<&'a str> {
    w(p, "pPr")
        .and_then(|ppr| w(ppr, "pStyle"))
        .and_then(|s| attr(s, "val"))
}

fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| d.has_tag_name((W, "t")))
        .filter_map(|t| t.text())
        .collect()
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Every run with Hangul text names an East Asian font.
fn assert_hangul_runs_have_east_asian_font(part: &str, xml: &str) -> usize {
    let doc = Document::parse(xml).unwrap();
    let mut hangul_runs = 0;
    for r in doc.descendants().filter(|n| n.has_tag_name((W, "r"))) {
        let text = text_of(r);
        if !text.chars().any(is_hangul) {
            continue;
        }
        hangul_runs += 1;
        let font = w(r, "rPr")
            .and_then(|p| w(p, "rFonts"))
            .and_then(|f| attr(f, "eastAsia"))
            .unwrap_or("");
        assert!(
            !font.is_empty(),
            "{part}: run {text:?} has no East Asian font"
        );
    }
    hangul_runs
}

const C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The chart parts the document's drawings point at, in document order.
fn chart_parts(doc: &Document, parts: &BTreeMap<String, String>) -> Vec<String> {
    let rels = Document::parse(&parts["word/_rels/document.xml.rels"]).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((C, "chart")))
        .map(|n| {
            let id = n.attribute((R, "id")).expect("r:id");
            let target = rels
                .descendants()
                .find(|r| r.attribute("Id") == Some(id))
                .and_then(|r| r.attribute("Target"))
                .expect("a relationship");
            parts[&format!("word/{target}")].clone()
        })
        .collect()
}

/// A chart's cached categories and each series' cached values.
fn chart_numbers(xml: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let chart = Document::parse(xml).unwrap();
    let points = |n: Node| -> Vec<String> {
        n.descendants()
            .filter(|p| p.has_tag_name((C, "pt")))
            .map(|p| {
                p.descendants()
                    .filter(|t| t.is_text())
                    .filter_map(|t| t.text())
                    .collect()
            })
            .collect()
    };
    let series: Vec<Node> = chart
        .descendants()
        .filter(|n| n.has_tag_name((C, "ser")))
        .collect();
    let cat = series
        .first()
        .and_then(|s| s.children().find(|c| c.has_tag_name((C, "cat"))))
        .map(points)
        .unwrap_or_default();
    let values = series
        .iter()
        .filter_map(|s| s.children().find(|c| c.has_tag_name((C, "val"))))
        .map(points)
        .collect();
    (cat, values)
}

/// The rows (cell texts) of the first table whose first cell is `first`.
fn table_with_header(doc: &Document, first: &str) -> Vec<Vec<String>> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .map(|t| {
            t.children()
                .filter(|r| r.has_tag_name((W, "tr")))
                .map(|r| {
                    r.children()
                        .filter(|c| c.has_tag_name((W, "tc")))
                        .map(|c| text_of(c))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .find(|rows| {
            rows.first()
                .and_then(|r| r.first())
                .is_some_and(|c| c == first)
        })
        .expect("the table")
}

fn check(lang: &str) {
    let tmp = common::tempdir();
    let parts = build(lang, tmp.path());
    let korean = lang == "ko";
    let xml = &parts["word/document.xml"];
    let doc = Document::parse(xml).unwrap();
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .unwrap();
    let paragraphs: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();

    // Styles: declared once each, Normal the default, language set.
    let styles = Document::parse(&parts["word/styles.xml"]).unwrap();
    let mut declared = BTreeSet::new();
    for s in styles
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
    {
        let id = attr(s, "styleId").unwrap();
        assert!(declared.insert(id.to_string()), "style {id} declared twice");
    }
    for id in [
        "Normal",
        "Title",
        "Heading1",
        "Heading2",
        "Heading3",
        "Caption",
        "TableText",
        "ListBullet",
        "TOC1",
        "BriefTable",
    ] {
        assert!(declared.contains(id), "style {id} missing");
    }
    let normal = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && attr(*n, "styleId") == Some("Normal"))
        .unwrap();
    assert_eq!(
        attr(normal, "default"),
        Some("1"),
        "Normal is the default style"
    );
    let lang_el = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "lang")))
        .expect("w:lang on the defaults");
    assert_eq!(
        attr(lang_el, "val"),
        Some(if korean { "ko-KR" } else { "en-GB" })
    );
    assert_eq!(attr(lang_el, "eastAsia"), Some("ko-KR"));
    assert_eq!(
        styles
            .descendants()
            .any(|n| n.has_tag_name((W, "wordWrap"))),
        korean,
        "Hangul words kept whole in Korean"
    );
    // Every paragraph style in use is declared.
    for p in &paragraphs {
        if let Some(s) = style_of(*p) {
            assert!(declared.contains(s), "paragraph uses undeclared style {s}");
        }
    }

    // Headings use heading styles: the sections, and each event's title.
    let headings: Vec<(String, String)> = paragraphs
        .iter()
        .filter_map(|p| {
            let s = style_of(*p)?;
            s.starts_with("Heading")
                .then(|| (s.to_string(), text_of(*p)))
        })
        .collect();
    let h1: Vec<&str> = headings
        .iter()
        .filter(|(s, _)| s == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    let (key_figures, follow_ups, mission) = if korean {
        (
            "주요 지표",
            "후속 조치",
            "이장우 대전시장 캐나다 퀘벡주·미국 보스턴 방문",
        )
    } else {
        ("Key figures", "Follow-ups", "mission to Québec and Boston")
    };
    assert!(h1.contains(&key_figures), "{h1:?}");
    assert!(h1.contains(&follow_ups), "{h1:?}");
    assert!(h1.len() >= 7, "{h1:?}");
    assert!(
        headings
            .iter()
            .any(|(s, t)| s == "Heading3" && t.contains(mission)),
        "event titles are Heading 3: {headings:?}"
    );
    // No paragraph fakes a heading with a bold run alone.
    for p in &paragraphs {
        if style_of(*p).is_none() || style_of(*p) == Some("Normal") {
            let runs: Vec<Node> = p.children().filter(|c| c.has_tag_name((W, "r"))).collect();
            let all_bold = !runs.is_empty()
                && runs
                    .iter()
                    .all(|r| w(*r, "rPr").is_some_and(|p| w(p, "b").is_some()));
            assert!(
                !all_bold,
                "bold paragraph posing as a heading: {}",
                text_of(*p)
            );
        }
    }

    // Lists: numbering, not typed marks.
    let numbering = Document::parse(&parts["word/numbering.xml"]).unwrap();
    let list_items: Vec<Node> = paragraphs
        .iter()
        .copied()
        .filter(|p| style_of(*p) == Some("ListBullet"))
        .collect();
    assert!(list_items.len() >= 5, "summary and outcomes are list items");
    let mut levels_used = BTreeSet::new();
    for p in &list_items {
        let num_pr = w(*p, "pPr").and_then(|ppr| w(ppr, "numPr")).expect("numPr");
        let num_id = w(num_pr, "numId").and_then(|n| attr(n, "val")).unwrap();
        let ilvl = w(num_pr, "ilvl").and_then(|n| attr(n, "val")).unwrap();
        levels_used.insert(ilvl.to_string());
        let num = numbering
            .descendants()
            .find(|n| n.has_tag_name((W, "num")) && attr(*n, "numId") == Some(num_id))
            .expect("the list's w:num is defined");
        let abs_id = w(num, "abstractNumId")
            .and_then(|n| attr(n, "val"))
            .unwrap();
        let abs = numbering
            .descendants()
            .find(|n| {
                n.has_tag_name((W, "abstractNum")) && attr(*n, "abstractNumId") == Some(abs_id)
            })
            .expect("abstract numbering defined");
        let lvl = abs
            .children()
            .find(|l| l.has_tag_name((W, "lvl")) && attr(*l, "ilvl") == Some(ilvl))
            .expect("level defined");
        let fmt = w(lvl, "numFmt").and_then(|n| attr(n, "val"));
        let mark = w(lvl, "lvlText").and_then(|n| attr(n, "val")).unwrap();
        assert_eq!(fmt, Some("bullet"));
        let expected = match (korean, ilvl) {
            (true, "0") => "□",
            (true, "1") => "○",
            (false, "0") => "•",
            (false, "1") => "–",
            _ => mark,
        };
        assert_eq!(mark, expected, "level {ilvl}");
        let text = text_of(*p);
        assert!(
            !text.starts_with(['□', '○', '•', '–']),
            "typed bullet mark in {text:?}"
        );
    }
    assert!(levels_used.contains("0") && levels_used.contains("1"));

    // Tables: native, header row repeated, fit A4, numbers right-aligned,
    // the sector table's totals row distinguished.
    let tables: Vec<Node> = body
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert!(tables.len() >= 6, "{} tables", tables.len());
    for t in &tables {
        let rows: Vec<Node> = t.children().filter(|c| c.has_tag_name((W, "tr"))).collect();
        let header = w(rows[0], "trPr").and_then(|p| w(p, "tblHeader"));
        assert!(header.is_some(), "first row repeats: {}", text_of(rows[0]));
        for r in &rows[1..] {
            assert!(
                w(*r, "trPr").and_then(|p| w(p, "tblHeader")).is_none(),
                "only the first row is a header"
            );
        }
        let grid: u32 = t
            .descendants()
            .filter(|n| n.has_tag_name((W, "gridCol")))
            .map(|g| attr(g, "w").unwrap().parse::<u32>().unwrap())
            .sum();
        assert!(grid <= 9638, "table wider than A4 text: {grid}");
    }
    let key_table = tables[0];
    let first_body_row = key_table
        .children()
        .filter(|c| c.has_tag_name((W, "tr")))
        .nth(1)
        .unwrap();
    let aligns: Vec<Option<&str>> = first_body_row
        .children()
        .filter(|c| c.has_tag_name((W, "tc")))
        .map(|tc| {
            tc.descendants()
                .find(|n| n.has_tag_name((W, "jc")))
                .and_then(|j| attr(j, "val"))
        })
        .collect();
    assert_eq!(aligns[0], Some("left"));
    assert!(
        aligns[1..].iter().all(|a| *a == Some("right")),
        "{aligns:?}"
    );
    let total_label = if korean {
        "합계(행사 중복 제외)"
    } else {
        "Total (each event once)"
    };
    let total_row = body
        .descendants()
        .filter(|n| n.has_tag_name((W, "tr")))
        .find(|r| text_of(*r).starts_with(total_label))
        .expect("the sector table has a totals row");
    assert!(text_of(total_row).contains(total_label));
    let cells: Vec<String> = total_row
        .children()
        .filter(|c| c.has_tag_name((W, "tc")))
        .map(text_of)
        .collect();
    assert_eq!(
        &cells[1..4],
        ["1", "3", "0"],
        "1 event, 3 outcomes, none pending"
    );
    assert!(
        total_row
            .descendants()
            .filter(|n| n.has_tag_name((W, "r")))
            .all(|r| w(r, "rPr").is_some_and(|p| w(p, "b").is_some())),
        "totals row in bold"
    );

    // Charts: native DrawingML charts, unique ids, each with alternative
    // text giving its numbers; the sector chart caches the sector table's
    // numbers, in its order.
    let frames: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((WP, "docPr")))
        .collect();
    assert_eq!(frames.len(), 2, "sector and monthly charts");
    let ids: BTreeSet<&str> = frames.iter().map(|p| p.attribute("id").unwrap()).collect();
    assert_eq!(ids.len(), frames.len(), "drawing ids are unique");
    for p in &frames {
        let descr = p.attribute("descr").unwrap_or("");
        assert!(descr.len() > 20, "alt text: {descr:?}");
    }
    let sector_alt = frames[0].attribute("descr").unwrap();
    let quantum = if korean { "양자" } else { "Quantum" };
    assert!(sector_alt.contains(quantum), "{sector_alt}");
    assert!(
        !doc.descendants().any(|n| n.tag_name().name() == "pic"),
        "no chart is a picture"
    );
    let charts = chart_parts(&doc, &parts);
    assert_eq!(charts.len(), 2);
    let (categories, series) = chart_numbers(&charts[0]);
    let sector_rows = table_with_header(&doc, if korean { "분야" } else { "Sector" });
    // Header and totals row aside.
    let body = &sector_rows[1..sector_rows.len() - 1];
    assert_eq!(
        categories,
        body.iter().map(|r| r[0].clone()).collect::<Vec<_>>()
    );
    assert_eq!(series.len(), 2, "events and outcomes");
    for (i, row) in body.iter().enumerate() {
        assert_eq!(series[0][i], row[1], "events of {}", row[0]);
        assert_eq!(series[1][i], row[2], "outcomes of {}", row[0]);
    }
    let (months, events) = chart_numbers(&charts[1]);
    assert_eq!(months.len(), 12, "{months:?}");
    assert_eq!(events.len(), 1);

    // Fields: page x / y in the footer, title and classification in the
    // header, a table of contents pointing at the headings' bookmarks.
    let footer = &parts["word/footer1.xml"];
    assert!(
        footer.contains(">PAGE<") && footer.contains(">NUMPAGES<"),
        "{footer}"
    );
    let header = Document::parse(&parts["word/header1.xml"]).unwrap();
    let header_text = text_of(header.root());
    let (title, class) = if korean {
        ("국제협력 분기 동향 브리프", "대외 공개")
    } else {
        ("International Cooperation Quarterly Brief", "Public")
    };
    assert!(header_text.contains(title), "{header_text}");
    assert!(header_text.contains(class), "{header_text}");
    let instr: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "instrText")))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect();
    assert!(instr.iter().any(|i| i.starts_with("TOC")), "{instr:?}");
    let bookmarks: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .filter_map(|b| attr(b, "name"))
        .collect();
    let refs: Vec<&String> = instr.iter().filter(|i| i.starts_with("PAGEREF")).collect();
    assert_eq!(refs.len(), h1.len(), "one TOC entry per section");
    for r in refs {
        let target = r.split_whitespace().nth(1).unwrap();
        assert!(
            bookmarks.contains(target),
            "PAGEREF {target} has a bookmark"
        );
    }

    // Document properties from the data and config, not the clock.
    let core = Document::parse(&parts["docProps/core.xml"]).unwrap();
    let prop = |name: &str| {
        core.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .unwrap_or("")
            .to_string()
    };
    assert!(prop("title").starts_with(title), "{}", prop("title"));
    assert!(prop("title").contains("2025"));
    assert!(!prop("creator").is_empty() && prop("creator") != "unknown");
    assert_eq!(prop("language"), if korean { "ko-KR" } else { "en-GB" });
    assert!(!prop("subject").is_empty());
    assert_eq!(prop("created"), "2025-07-01T00:00:00Z", "the issue date");
    assert_eq!(prop("modified"), "2025-07-01T00:00:00Z");

    // Fonts: no Hangul run without an East Asian font, anywhere.
    let mut hangul = 0;
    for (name, xml) in &parts {
        if name.starts_with("word/") && name.ends_with(".xml") {
            hangul += assert_hangul_runs_have_east_asian_font(name, xml);
        }
    }
    if korean {
        assert!(hangul > 50, "{hangul} Hangul runs checked");
    }
}

#[test]
fn korean_docx_has_word_structure() {
    check("ko");
}

#[test]
fn english_docx_has_word_structure() {
    check("en");
}
