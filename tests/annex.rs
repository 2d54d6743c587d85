//! The annex workbook (`--format xlsx`), read back with calamine (a reader
//! independent of the writer): its sheets hold every event, outcome and
//! follow-up of the quarter with the brief model's numbers, dates as real
//! dates, and the same bytes on every run.

mod common;
use common::*;

use std::fs;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("the annex is a workbook");
    let range = wb.worksheet_range(name).expect("sheet exists");
    range.rows().map(|r| r.to_vec()).collect()
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn model(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_sample_annex_holds_the_briefs_numbers() {
    let tmp = tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["-q", "2025Q2", "--format", "xlsx,json"],
    );
    assert_success(&out);
    let xlsx = tmp.path().join("2025-Q2/brief-2025-Q2-ko.xlsx");
    let m = model(&tmp.path().join("2025-Q2/brief-2025-Q2-ko.json"));
    let wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["행사", "성과", "후속 조치", "주요 지표"]);

    let events = sheet(&xlsx, "행사");
    assert_eq!(events[0][0], Data::String("ID".into()));
    assert_eq!(
        events.len() - 1,
        m["report"]["events"].as_array().unwrap().len()
    );
    let row = &events[1];
    assert_eq!(
        row[0],
        Data::String("2025-06-daejeon-mission-quebec-boston".into())
    );
    // Start and end are Excel dates: serial days since 1899-12-30 of 10
    // and 18 June 2025.
    for (cell, serial) in [(&row[1], 45818.0), (&row[2], 45826.0)] {
        let Data::DateTime(d) = cell else {
            panic!("not a date: {cell:?}")
        };
        assert_eq!(d.as_f64(), serial);
    }
    // Outcomes by type: MOU, agreement, contract, membership, investment,
    // pending — as the key figures count them.
    let by_type: Vec<f64> = row[11..17].iter().map(number).collect();
    assert_eq!(by_type, [1.0, 1.0, 0.0, 1.0, 0.0, 0.0]);
    let f = &m["report"]["figures"];
    assert_eq!(
        by_type.iter().take(5).sum::<f64>(),
        f["outcomes_total"].as_f64().unwrap()
    );

    let outcomes = sheet(&xlsx, "성과");
    assert_eq!(outcomes.len() - 1, 3);
    assert!(
        outcomes
            .iter()
            .any(|r| r[3] == Data::String("대전–퀘벡주 양자산업 협력 협약".into()))
    );

    let follow_ups = sheet(&xlsx, "후속 조치");
    assert_eq!(
        follow_ups.len() - 1,
        m["report"]["follow_ups_open"].as_array().unwrap().len()
    );

    let figures = sheet(&xlsx, "주요 지표");
    for (row, k) in figures[1..]
        .iter()
        .zip(m["key_figures"].as_array().unwrap())
    {
        assert_eq!(row[0], Data::String(k["label"].as_str().unwrap().into()));
        assert_eq!(row[1], Data::String(k["value"].as_str().unwrap().into()));
        if k["value"] != "–" {
            assert_eq!(number(&row[2]), k["number"].as_f64().unwrap());
        } else {
            assert_eq!(row[2], Data::Empty, "unknown is not zero");
        }
    }
}

/// A busy generated quarter: every event of the quarter is in the annex
/// (the brief lists only the first 40 and names the annex file), amounts
/// are numbers in the base currency, and two runs give the same bytes.
#[test]
fn a_busy_quarter_has_every_event_in_the_annex() {
    let tmp = tempdir();
    let data = taxonomy_only_data(tmp.path());
    let taxonomy = brief::load::load_taxonomy(&data).unwrap();
    let rows = brief::synth::rows(&taxonomy, 1500, 7, 2024, 2025);
    fs::write(data.join("events.csv"), brief::synth::csv(&rows)).unwrap();
    for dir in ["a", "b"] {
        let out = brief(
            &data,
            &tmp.path().join(dir),
            &["-q", "2024Q2", "--format", "xlsx,json", "--lang", "ko,en"],
        );
        assert_success(&out);
    }
    for lang in ["ko", "en"] {
        let file = format!("2024-Q2/brief-2024-Q2-{lang}.xlsx");
        let a = fs::read(tmp.path().join("a").join(&file)).unwrap();
        assert!(
            a == fs::read(tmp.path().join("b").join(&file)).unwrap(),
            "{file} differs between runs"
        );
        let m = model(
            &tmp.path()
                .join("a")
                .join(format!("2024-Q2/brief-2024-Q2-{lang}.json")),
        );
        let total = m["report"]["events"].as_array().unwrap().len();
        assert!(total > 100, "{total} events");
        let events = sheet(
            &tmp.path().join("a").join(&file),
            m["annex"]["labels"]["sheets"][0].as_str().unwrap(),
        );
        assert_eq!(events.len() - 1, total);
        // The brief points at the annex by its file name, not a command.
        let note = m["listed_note"].as_str().unwrap();
        assert!(
            note.contains(&format!("brief-2024-Q2-{lang}.xlsx")),
            "{note}"
        );
        assert!(!note.contains("--format"), "{note}");
        // Attendance summed in the sheet equals the key figure.
        let attendance: f64 = events[1..]
            .iter()
            .filter(|r| r[9] != Data::Empty)
            .map(|r| number(&r[9]))
            .sum();
        assert_eq!(
            attendance,
            m["report"]["figures"]["attendance"].as_f64().unwrap()
        );
    }
}
