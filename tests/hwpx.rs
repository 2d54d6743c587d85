//! The HWPX against what Hancom 한글 is known to require, without 한글:
//! the package layout and entry order, stored `mimetype`, XML declarations
//! and namespace blocks, ids that resolve, counts that match, no line
//! layout; and read back with roxmltree (a parser independent of the
//! writer's string building), its text and tables equal the brief model.
//! `.ci/run` adds python-hwpx's validators and reader (`tests/hwpx_check.py`).

mod common;
use common::*;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

const HP: &str = "http://www.hancom.co.kr/hwpml/2011/paragraph";
const HH: &str = "http://www.hancom.co.kr/hwpml/2011/head";

/// 한글's own entry order for a one-section document with two pictures.
const ENTRIES: [&str; 12] = [
    "mimetype",
    "version.xml",
    "Contents/header.xml",
    "BinData/image1.png",
    "BinData/image2.png",
    "Contents/section0.xml",
    "Preview/PrvText.txt",
    "settings.xml",
    "META-INF/container.rdf",
    "Contents/content.hpf",
    "META-INF/container.xml",
    "META-INF/manifest.xml",
];

const NAMESPACES: [&str; 15] = [
    "ha",
    "hp",
    "hp10",
    "hs",
    "hc",
    "hh",
    "hhs",
    "hm",
    "hpf",
    "dc",
    "opf",
    "ooxmlchart",
    "hwpunitchar",
    "epub",
    "config",
];

fn build(data: &Path, out: &Path, args: &[&str]) -> PathBuf {
    let mut all = vec!["--format", "hwpx,json"];
    all.extend(args);
    let o = brief(data, out, &all);
    assert_success(&o);
    let path = String::from_utf8_lossy(&o.stdout)
        .lines()
        .find(|l| l.ends_with(".hwpx"))
        .expect("an HWPX written")
        .to_string();
    PathBuf::from(path)
}

fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        out.insert(f.name().to_string(), bytes);
    }
    out
}

fn part(path: &Path, name: &str) -> String {
    String::from_utf8(parts(path).remove(name).expect(name)).unwrap()
}

#[test]
fn the_package_is_laid_out_as_hangul_writes_it() {
    let tmp = tempdir();
    let hwpx = build(
        &root().join("data"),
        tmp.path(),
        &["-q", "2025Q2", "--lang", "ko"],
    );
    let mut z = zip::ZipArchive::new(fs::File::open(&hwpx).unwrap()).unwrap();
    let names: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().to_string())
        .collect();
    assert_eq!(names, ENTRIES);
    for i in 0..z.len() {
        let f = z.by_index(i).unwrap();
        let stored = f.compression() == zip::CompressionMethod::Stored;
        let expected = i < 2 || f.name().ends_with(".png");
        assert_eq!(
            stored,
            expected,
            "{}: stored: mimetype, version.xml, pictures",
            f.name()
        );
        let t = f.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1), "{}", f.name());
    }
    let all = parts(&hwpx);
    assert_eq!(all["mimetype"], b"application/hwp+zip");
    for (name, bytes) in &all {
        if name.ends_with(".xml") || name.ends_with(".hpf") || name.ends_with(".rdf") {
            let text = String::from_utf8(bytes.clone()).unwrap();
            assert!(
                text.starts_with(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>"#),
                "{name}"
            );
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!text.contains("linesegarray"), "{name}: no line layout");
        }
    }
    // The header, the section and the package file carry 한글's whole
    // namespace block on their roots, in its order.
    for name in [
        "Contents/header.xml",
        "Contents/section0.xml",
        "Contents/content.hpf",
    ] {
        let text = part(&hwpx, name);
        let after = &text[text.find("?>").unwrap() + 2..];
        let root_start = &after[..after.find('>').unwrap()];
        let declared: Vec<&str> = root_start
            .split(" xmlns:")
            .skip(1)
            .map(|d| d.split('=').next().unwrap())
            .collect();
        assert_eq!(declared, NAMESPACES, "{name}");
    }
    assert!(part(&hwpx, "version.xml").contains(r#"tagetApplication="WORDPROCESSOR""#));
    let hpf = part(&hwpx, "Contents/content.hpf");
    assert!(
        hpf.contains("<opf:title>국제협력 분기 동향 브리프 — 2025년 2분기</opf:title>"),
        "{hpf}"
    );
    assert!(
        hpf.contains(
            r#"<opf:meta name="CreatedDate" content="text">2025-07-01T00:00:00Z</opf:meta>"#
        ),
        "{hpf}"
    );
    assert!(
        hpf.contains(
            r#"<opf:meta name="creator" content="text">대전광역시 국제협력담당관</opf:meta>"#
        ),
        "{hpf}"
    );
    // The package file: the properties in its metadata (the keywords
    // among them), the parts and pictures in its manifest.
    let opf = roxmltree::Document::parse(&hpf).unwrap();
    let within = |list: &str| {
        let list = opf
            .descendants()
            .find(|n| n.tag_name().name() == list)
            .unwrap();
        list.children()
            .filter(|n| n.is_element())
            .map(|n| {
                let key = n.attribute("id").or(n.attribute("name"));
                (key.unwrap_or(n.tag_name().name()).to_string(), n)
            })
            .collect::<BTreeMap<_, _>>()
    };
    let metadata = within("metadata");
    for name in ["title", "creator", "subject", "CreatedDate", "keyword"] {
        assert!(
            metadata.contains_key(name),
            "{name} in the metadata of {hpf}"
        );
    }
    assert!(
        metadata.values().all(|n| n.tag_name().name() != "item"),
        "{hpf}"
    );
    let manifest: BTreeMap<String, String> = within("manifest")
        .into_iter()
        .map(|(id, n)| {
            assert_eq!(
                n.tag_name().name(),
                "item",
                "only items in the manifest: {hpf}"
            );
            (id, n.attribute("href").unwrap_or_default().to_string())
        })
        .collect();
    // The charts: each picture's id is a manifest item naming its entry,
    // its comment the brief's alternative text.
    let section = part(&hwpx, "Contents/section0.xml");
    let doc = roxmltree::Document::parse(&section).unwrap();
    let model: serde_json::Value =
        serde_json::from_slice(&fs::read(hwpx.with_extension("json")).unwrap()).unwrap();
    let pics: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((HP, "pic")))
        .collect();
    assert_eq!(pics.len(), 2);
    for (pic, chart) in pics.iter().zip(["sectors", "trend"]) {
        let img = pic
            .descendants()
            .find(|n| n.tag_name().name() == "img")
            .unwrap();
        let id = img.attribute("binaryItemIDRef").unwrap();
        let href = format!("BinData/{id}.png");
        assert_eq!(
            manifest.get(id),
            Some(&href),
            "{id} in the manifest of {hpf}"
        );
        assert!(all[&format!("BinData/{id}.png")].starts_with(b"\x89PNG"));
        let comment = pic
            .children()
            .find(|n| n.has_tag_name((HP, "shapeComment")))
            .unwrap();
        assert_eq!(
            comment.text(),
            model["chart_alt"][chart].as_str(),
            "{chart}"
        );
    }
}

/// Ids of the header's items of `kind` (`charPr`, `paraPr`, ...), checking
/// their list's `itemCnt`.
fn ids(header: &roxmltree::Document, list: &str, kind: &str) -> BTreeSet<String> {
    let l = header
        .descendants()
        .find(|n| n.has_tag_name((HH, list)))
        .unwrap_or_else(|| panic!("{list}"));
    let items: BTreeSet<String> = l
        .children()
        .filter(|n| n.has_tag_name((HH, kind)))
        .map(|n| n.attribute("id").unwrap().to_string())
        .collect();
    assert_eq!(
        l.attribute("itemCnt"),
        Some(items.len().to_string().as_str()),
        "{list}"
    );
    items
}

#[test]
fn every_id_resolves_and_tables_are_whole() {
    let tmp = tempdir();
    let data = tmp.path().join("busy");
    // A busy year: every table kind, the matrix's shaded cells, the month
    // × kind table.
    let hwpx = build(
        &generated(&data, 1500),
        tmp.path(),
        &["--year", "2024", "--lang", "en"],
    );
    let header_xml = part(&hwpx, "Contents/header.xml");
    let header = roxmltree::Document::parse(&header_xml).unwrap();
    let chars = ids(&header, "charProperties", "charPr");
    let paras = ids(&header, "paraProperties", "paraPr");
    let fills = ids(&header, "borderFills", "borderFill");
    let styles = ids(&header, "styles", "style");
    assert!(!fills.contains("0"), "border fills count from 1");
    for s in header
        .descendants()
        .filter(|n| n.has_tag_name((HH, "style")))
    {
        assert!(paras.contains(s.attribute("paraPrIDRef").unwrap()));
        assert!(chars.contains(s.attribute("charPrIDRef").unwrap()));
    }
    let names: Vec<&str> = header
        .descendants()
        .filter(|n| n.has_tag_name((HH, "style")))
        .map(|n| n.attribute("name").unwrap())
        .collect();
    for n in [
        "바탕글",
        "개요 1",
        "개요 2",
        "개요 3",
        "캡션",
        "머리말",
        "꼬리말",
    ] {
        assert!(names.contains(&n), "{names:?}");
    }
    let section_xml = part(&hwpx, "Contents/section0.xml");
    let section = roxmltree::Document::parse(&section_xml).unwrap();
    let mut checked = 0;
    for n in section.descendants().filter(|n| n.is_element()) {
        for (attr, set) in [
            ("charPrIDRef", &chars),
            ("paraPrIDRef", &paras),
            ("styleIDRef", &styles),
            ("borderFillIDRef", &fills),
        ] {
            if let Some(v) = n.attribute(attr) {
                assert!(set.contains(v), "{attr}={v} of {:?}", n.tag_name());
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked} references");
    // Headings are 개요 levels through their style's paragraph shape.
    let outline: BTreeMap<String, String> = header
        .descendants()
        .filter(|n| n.has_tag_name((HH, "paraPr")))
        .filter_map(|p| {
            let h = p.children().find(|c| c.has_tag_name((HH, "heading")))?;
            (h.attribute("type") == Some("OUTLINE")).then(|| {
                (
                    p.attribute("id").unwrap().to_string(),
                    h.attribute("level").unwrap().to_string(),
                )
            })
        })
        .collect();
    let headings = section
        .descendants()
        .filter(|n| n.has_tag_name((HP, "p")) && n.attribute("styleIDRef") == Some("1"))
        .count();
    assert!(headings >= 6, "{headings} section headings");
    assert!(outline.values().any(|l| l == "0") && outline.values().any(|l| l == "1"));
    // Tables: counts that match, a repeated header row, widths that fit.
    let mut tables = 0;
    for t in section
        .descendants()
        .filter(|n| n.has_tag_name((HP, "tbl")))
    {
        tables += 1;
        let rows: Vec<_> = t
            .children()
            .filter(|n| n.has_tag_name((HP, "tr")))
            .collect();
        let cols: usize = t.attribute("colCnt").unwrap().parse().unwrap();
        assert_eq!(t.attribute("rowCnt"), Some(rows.len().to_string().as_str()));
        assert_eq!(t.attribute("repeatHeader"), Some("1"));
        let width: i64 = t
            .children()
            .find(|n| n.has_tag_name((HP, "sz")))
            .and_then(|s| s.attribute("width"))
            .unwrap()
            .parse()
            .unwrap();
        assert!(width <= 48190, "{width} within A4's text width");
        for (r, row) in rows.iter().enumerate() {
            let cells: Vec<_> = row
                .children()
                .filter(|n| n.has_tag_name((HP, "tc")))
                .collect();
            assert_eq!(cells.len(), cols);
            let sum: i64 = cells
                .iter()
                .map(|c| {
                    let sz = c
                        .children()
                        .find(|n| n.has_tag_name((HP, "cellSz")))
                        .unwrap();
                    sz.attribute("width").unwrap().parse::<i64>().unwrap()
                })
                .sum();
            assert_eq!(sum, width);
            for (c, cell) in cells.iter().enumerate() {
                assert_eq!(
                    cell.attribute("header"),
                    Some(if r == 0 { "1" } else { "0" })
                );
                let addr = cell
                    .children()
                    .find(|n| n.has_tag_name((HP, "cellAddr")))
                    .unwrap();
                assert_eq!(addr.attribute("rowAddr"), Some(r.to_string().as_str()));
                assert_eq!(addr.attribute("colAddr"), Some(c.to_string().as_str()));
            }
        }
    }
    assert!(tables >= 10, "{tables} tables");
    // The page setup is in the first run of the first paragraph.
    let first_run = section
        .descendants()
        .find(|n| n.has_tag_name((HP, "run")))
        .unwrap();
    let sec = first_run.first_element_child().unwrap();
    assert!(sec.has_tag_name((HP, "secPr")));
    let page = sec
        .descendants()
        .find(|n| n.has_tag_name((HP, "pagePr")))
        .unwrap();
    assert_eq!(
        (page.attribute("width"), page.attribute("height")),
        (Some("59528"), Some("84188"))
    );
    let footer = section
        .descendants()
        .find(|n| n.has_tag_name((HP, "footer")))
        .unwrap();
    let fields: Vec<&str> = footer
        .descendants()
        .filter(|n| n.has_tag_name((HP, "autoNum")))
        .map(|n| n.attribute("numType").unwrap())
        .collect();
    assert_eq!(fields, ["PAGE", "TOTAL_PAGE"]);
}

/// Each paragraph's text (its `hp:t` contents) and each table's cells.
fn read_back(section: &str) -> (Vec<String>, Vec<Vec<Vec<String>>>) {
    let doc = roxmltree::Document::parse(section).unwrap();
    // A paragraph's own text: not that of a table it anchors.
    let text_of = |p: roxmltree::Node| -> String {
        p.descendants()
            .filter(|n| n.has_tag_name((HP, "t")))
            .filter(|t| t.ancestors().find(|a| a.has_tag_name((HP, "p"))) == Some(p))
            .flat_map(|t| t.children().filter_map(|c| c.text()))
            .collect()
    };
    let paragraphs = doc
        .descendants()
        .filter(|n| n.has_tag_name((HP, "p")))
        .filter(|p| {
            !p.ancestors().any(|a| {
                a.has_tag_name((HP, "tbl"))
                    || a.has_tag_name((HP, "header"))
                    || a.has_tag_name((HP, "footer"))
            })
        })
        .map(text_of)
        .collect();
    let tables = doc
        .descendants()
        .filter(|n| n.has_tag_name((HP, "tbl")))
        .map(|t| {
            t.children()
                .filter(|n| n.has_tag_name((HP, "tr")))
                .map(|r| {
                    r.children()
                        .filter(|n| n.has_tag_name((HP, "tc")))
                        .map(|c| {
                            c.descendants()
                                .filter(|n| n.has_tag_name((HP, "t")))
                                .flat_map(|t| t.children().filter_map(|x| x.text()))
                                .collect()
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    (paragraphs, tables)
}

#[test]
fn text_and_tables_read_back_as_the_brief_model() {
    let tmp = tempdir();
    for lang in ["ko", "en"] {
        let hwpx = build(
            &root().join("data"),
            tmp.path(),
            &["--year", "2025", "--lang", lang],
        );
        let model: serde_json::Value =
            serde_json::from_slice(&fs::read(hwpx.with_extension("json")).unwrap()).unwrap();
        let (paragraphs, tables) = read_back(&part(&hwpx, "Contents/section0.xml"));
        let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
        // Title block, then every summary line after its list mark.
        assert!(paragraphs.contains(&s(&model["meta"]["title"])));
        assert!(paragraphs.contains(&s(&model["meta"]["subtitle"])));
        for line in model["summary"].as_array().unwrap() {
            let text = s(&line["text"]);
            assert!(
                paragraphs
                    .iter()
                    .any(|p| p.ends_with(&text) && p.chars().nth(1) == Some(' ')),
                "{lang}: summary line {text:?} in {paragraphs:#?}"
            );
        }
        // The key figures table: every row as the model has it (a year
        // has no year-ago column).
        let key: Vec<Vec<String>> = model["key_figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                ["label", "value", "previous", "change_previous"]
                    .iter()
                    .map(|f| s(&k[*f]))
                    .collect()
            })
            .collect();
        assert_eq!(tables[0][1..], key[..], "{lang}: key figures");
        assert_eq!(tables[0][0].len(), 4);
        // The five-year table, then the sector table with its totals row.
        let years: Vec<String> = model["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| s(&y["year"]))
            .collect();
        assert_eq!(
            tables[1]
                .iter()
                .skip(1)
                .map(|r| r[0].clone())
                .collect::<Vec<_>>(),
            years
        );
        let sectors = tables
            .iter()
            .find(|t| {
                t.last()
                    .is_some_and(|r| r[0] == s(&model["sector_total"]["label"]))
            })
            .expect("the sector table");
        for sec in model["sectors"].as_array().unwrap() {
            let row = vec![
                s(&sec["label"]),
                sec["events"].to_string(),
                sec["outcomes"].to_string(),
                sec["pending"].to_string(),
                s(&sec["investment"]),
            ];
            assert!(sectors.contains(&row), "{lang}: {row:?} in {sectors:?}");
        }
        // Every event of the appendix under its own heading.
        for e in model["events"].as_array().unwrap() {
            assert!(
                paragraphs.contains(&s(&e["title"])),
                "{lang}: {}",
                e["title"]
            );
        }
    }
}

#[test]
fn markup_prints_literally_and_runs_repeat_exactly() {
    let tmp = tempdir();
    let data = tmp.path().join("data");
    copy_dir(&root().join("data"), &data);
    let hostile = "id: 2025-05-01-hostile\ntitle:\n  ko: \"제목 <hp:t>&amp; </hs:sec> ]]> {{ x }}\"\n  en: \"Title <b>&\"\nkind: conference\nstart: 2025-05-01\nhosts: [대전]\nsectors: [ai]\nsummary:\n  ko: \"첫 줄\\n둘째 줄\\t탭\"\n";
    fs::write(data.join("events/hostile.yaml"), hostile).unwrap();
    let cfg = tmp.path().join("brief.toml");
    fs::write(
        &cfg,
        "[currency.rates]\nUSD = 1380\nCAD = 1000\n[fonts]\nhwpx_korean = \"바탕 & <체>\"\n",
    )
    .unwrap();
    let run = |out: &Path| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["-q", "2025Q2", "--format", "hwpx", "--data"])
            .arg(&data)
            .arg("--config")
            .arg(&cfg)
            .arg("--out")
            .arg(out)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert_success(&o);
    };
    let out = tmp.path().join("out");
    run(&out);
    let hwpx = out.join("2025-Q2/brief-2025-Q2-ko.hwpx");
    let section = part(&hwpx, "Contents/section0.xml");
    let (paragraphs, _) = read_back(&section);
    assert!(
        paragraphs.contains(&"제목 <hp:t>&amp; </hs:sec> ]]> {{ x }}".to_string()),
        "{paragraphs:#?}"
    );
    // A line break and a tab as 한글's own elements.
    assert!(
        section.contains("첫 줄<hp:lineBreak/>둘째 줄<hp:tab/>탭"),
        "line break and tab"
    );
    let header_xml = part(&hwpx, "Contents/header.xml");
    let header = roxmltree::Document::parse(&header_xml).unwrap();
    let faces: BTreeSet<&str> = header
        .descendants()
        .filter(|n| n.has_tag_name((HH, "font")))
        .map(|n| n.attribute("face").unwrap())
        .collect();
    assert!(faces.contains("바탕 & <체>"), "{faces:?}");
    // The same inputs give the same bytes.
    let again = tmp.path().join("again");
    run(&again);
    assert_eq!(
        fs::read(&hwpx).unwrap(),
        fs::read(again.join("2025-Q2/brief-2025-Q2-ko.hwpx")).unwrap()
    );
}

/// A data folder with the sample taxonomies and `n` generated events.
fn generated(dir: &Path, n: usize) -> PathBuf {
    let data = taxonomy_only_data(dir);
    let taxonomy = brief::load::load_taxonomy(&data).unwrap();
    let rows = brief::synth::rows(&taxonomy, n, 5, 2023, 2025);
    fs::write(data.join("events/generated.csv"), brief::synth::csv(&rows)).unwrap();
    data
}
