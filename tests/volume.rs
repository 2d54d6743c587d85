//! A brief stays brief at any volume: for quarters with 0, 1, about 6, 60,
//! 600 and 6,000 events, the Korean and English PDFs have at most 4 pages
//! of body and 2 of appendix; a busy quarter shows events per month and
//! kind instead of a bar per event, gives its highlighted events in full
//! and others a line each, and names the annex workbook that has the rest.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::Command;

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is needed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// The page the appendix starts on.
fn appendix_page(pdf: &Path, n: usize) -> usize {
    (1..=n)
        .find(|i| {
            let out = Command::new("pdftotext")
                .args(["-f", &i.to_string(), "-l", &i.to_string()])
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            let t = String::from_utf8_lossy(&out.stdout);
            t.contains("부록 —") || t.contains("Appendix —")
        })
        .unwrap_or(n + 1)
}

/// A data folder of `n` generated events over 2022–2025.
fn generated(dir: &Path, n: usize) -> std::path::PathBuf {
    let data = taxonomy_only_data(dir);
    let taxonomy = brief::load::load_taxonomy(&data).unwrap();
    let rows = brief::synth::rows(&taxonomy, n, 11, 2022, 2025);
    fs::write(data.join("events.csv"), brief::synth::csv(&rows)).unwrap();
    data
}

#[test]
fn briefs_stay_short_at_any_volume() {
    let tmp = tempdir();
    let mut cases: Vec<(String, std::path::PathBuf, &str)> = vec![
        ("0 events".into(), root().join("data"), "2024Q3"),
        ("1 event".into(), root().join("data"), "2025Q2"),
    ];
    for n in [100, 1_000, 10_000, 100_000] {
        let dir = tmp.path().join(format!("n{n}"));
        cases.push((format!("{n} over four years"), generated(&dir, n), "2024Q2"));
    }
    for (name, data, quarter) in &cases {
        let out_dir = tmp.path().join(format!("out-{}", name.replace(' ', "-")));
        let out = brief(
            data,
            &out_dir,
            &["-q", quarter, "--lang", "ko,en", "--format", "pdf,json"],
        );
        assert_success(&out);
        let q = quarter.replace('Q', "-Q");
        for lang in ["ko", "en"] {
            let pdf = out_dir.join(format!("{q}/brief-{q}-{lang}.pdf"));
            let n = pages(&pdf);
            let appendix = appendix_page(&pdf, n);
            let body = appendix - 1;
            assert!(
                body <= 4 && n - body <= 2,
                "{name} {lang}: {n} pages, appendix from page {appendix}"
            );
            let model: serde_json::Value = serde_json::from_slice(
                &fs::read(out_dir.join(format!("{q}/brief-{q}-{lang}.json"))).unwrap(),
            )
            .unwrap();
            let events = model["report"]["events"].as_array().unwrap().len();
            let busy = events > brief::brief::MAX_DETAILED;
            assert_eq!(
                model["timeline"].as_array().unwrap().is_empty(),
                busy || events == 0,
                "{name}"
            );
            assert_eq!(
                model["month_kinds"]["rows"].as_array().unwrap().is_empty(),
                !busy,
                "{name}"
            );
            // An outcome whose title only restates its type and status
            // (the generator's "협약 체결", Korean only) is shown by its
            // type and status alone, so no Korean shows in English.
            if lang == "en" {
                for e in model["events"].as_array().unwrap() {
                    for o in e["outcomes"].as_array().unwrap() {
                        let line = o["line"].as_str().unwrap();
                        assert!(
                            !line.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                            "{name}: {line}"
                        );
                    }
                }
            }
            if busy {
                let text = squash(&pdf_text(&pdf));
                let annex = format!("brief-{q}-{lang}.xlsx");
                assert!(text.contains(&annex), "{name} {lang}: the annex is named");
                assert!(
                    !text.contains("--format"),
                    "{name} {lang}: no command for council members"
                );
                let compact = model["compact"].as_array().unwrap().len();
                assert_eq!(
                    compact,
                    brief::brief::MAX_COMPACT
                        .min(events - model["events"].as_array().unwrap().len())
                );
                // Events per month and kind add up to the quarter's events.
                let total: u64 = model["month_kinds"]["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["total"].as_u64().unwrap())
                    .sum();
                assert_eq!(total as usize, events, "{name}");
            }
        }
    }
}
