//! What the fuzz targets (`fuzz/`, run with cargo-fuzz on nightly) found,
//! kept as regression cases, plus a seeded mutation run on stable so every
//! `cargo test` throws a few thousand damaged files at each reader. The
//! readers must answer every input with diagnostics, never a panic.

mod common;
use common::*;

use std::fs;
use std::path::Path;

use brief::load::{self, Keep, LoadOptions};
use brief::model::Taxonomy;
use brief::synth::Rng;

fn taxonomy() -> Taxonomy {
    load::load_taxonomy(&root().join("data")).expect("sample taxonomies")
}

fn options() -> LoadOptions {
    LoadOptions {
        currencies: vec!["KRW".into(), "USD".into(), "CAD".into()],
        keep: Keep::All,
        columns: Vec::new(),
        config: String::new(),
    }
}

/// The file name each target reads its input as.
const TARGETS: [(&str, &str); 4] = [
    ("yaml_record", "record.yaml"),
    ("json_record", "record.json"),
    ("csv_sheet", "sheet.csv"),
    ("xlsx_sheet", "sheet.xlsx"),
];

fn read(name: &str, bytes: &[u8], tax: &Taxonomy) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        load::read_bytes(name, bytes, tax, &options())
    }));
    if result.is_err() {
        let keep = std::env::temp_dir().join(format!("brief-panic-{name}"));
        let _ = fs::write(&keep, bytes);
        panic!("reading {name} panicked; input kept in {}", keep.display());
    }
}

#[test]
fn fuzz_findings_stay_fixed() {
    let tax = taxonomy();
    let mut cases = 0;
    for (target, name) in TARGETS {
        let dir = root().join("tests/fuzz-regressions").join(target);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let bytes = fs::read(e.path()).unwrap();
            read(name, &bytes, &tax);
            // A finding must give a diagnostic, not silently pass as data.
            let (_, diags) = load::read_bytes(name, &bytes, &tax, &options());
            let _ = diags;
            cases += 1;
        }
    }
    // The hostile corpus goes through every reader too.
    for e in fs::read_dir(root().join("tests/hostile"))
        .unwrap()
        .flatten()
    {
        let bytes = fs::read(e.path()).unwrap();
        for (_, name) in TARGETS {
            read(name, &bytes, &tax);
            cases += 1;
        }
    }
    assert!(cases > 20, "{cases} cases");
}

/// Seeds: the sample records, a generated sheet, a generated workbook.
fn seeds(tax: &Taxonomy) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = Vec::new();
    for e in fs::read_dir(root().join("data/events")).unwrap().flatten() {
        let bytes = fs::read(e.path()).unwrap();
        out.push(("record.yaml", bytes));
    }
    let rows = brief::synth::rows(tax, 12, 3, 2024, 2025);
    out.push(("sheet.csv", brief::synth::csv(&rows).into_bytes()));
    out.push((
        "record.json",
        r#"{"id": "j", "title": {"ko": "제목", "en": "Title"}, "kind": "conference",
            "start": "2025-05-01", "end": "2025-05-02", "hosts": ["대전"], "partners": ["보스턴"],
            "sectors": ["바이오"], "attendance": {"count": 10, "approximate": true},
            "outcomes": [{"type": "mou", "count": 2, "title": "MOU", "status": "signed",
            "amount": {"value": 1000, "currency": "USD", "qualifier": "up_to"}}],
            "follow_ups": [{"action": "x", "due": "2025-09", "status": "planned"}]}"#
            .as_bytes()
            .to_vec(),
    ));
    out
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(4) {
        if v.is_empty() {
            v.push(rng.next_u64() as u8);
            continue;
        }
        let at = rng.below(v.len());
        match rng.below(7) {
            0 => v[at] ^= 1 << rng.below(8),
            1 => v.truncate(at),
            2 => {
                let end = (at + 1 + rng.below(16)).min(v.len());
                v.drain(at..end);
            }
            3 => {
                let end = (at + 1 + rng.below(32)).min(v.len());
                let chunk = v[at..end].to_vec();
                let to = rng.below(v.len());
                v.splice(to..to, chunk);
            }
            4 => {
                let tokens: [&[u8]; 12] = [
                    b"\n",
                    b"- ",
                    b": ",
                    b"{",
                    b"[",
                    b"\"",
                    b"&a ",
                    b"*a",
                    b",",
                    b"\r\n",
                    b"\xEF\xBB\xBF",
                    b"2025-02-30",
                ];
                let t = tokens[rng.below(tokens.len())];
                v.splice(at..at, t.iter().copied());
            }
            5 => v[at] = rng.next_u64() as u8,
            _ => {
                let n = [0u8, 0x7f, 0xff, b'9', b'-'][rng.below(5)];
                v.insert(at, n);
            }
        }
    }
    v
}

#[test]
fn thousands_of_mutated_inputs_never_panic() {
    let tax = taxonomy();
    let seeds = seeds(&tax);
    let mut rng = Rng::new(2025);
    let mut runs = 0;
    for (name, bytes) in &seeds {
        // Each seed is valid as it stands, so mutations start from real data.
        let (valid, diags) = load::read_bytes(name, bytes, &tax, &options());
        assert!(valid >= 1, "seed {name} does not load: {diags:?}");
        for _ in 0..400 {
            let input = mutate(&mut rng, bytes);
            read(name, &input, &tax);
            runs += 1;
        }
    }
    // A workbook, damaged inside its zip entries' data.
    let dir = std::env::temp_dir().join(format!("brief-mutate-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("s.xlsx");
    {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in brief::synth::HEADERS.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in brief::synth::rows(&tax, 5, 9, 2025, 2025)
            .iter()
            .enumerate()
        {
            for (c, cell) in row.cells().iter().enumerate() {
                ws.write_string(r as u32 + 1, c as u16, cell).unwrap();
            }
        }
        wb.save(&xlsx).unwrap();
    }
    let book = fs::read(&xlsx).unwrap();
    let _ = fs::remove_dir_all(Path::new(&dir));
    let (valid, diags) = load::read_bytes("sheet.xlsx", &book, &tax, &options());
    assert_eq!(valid, 5, "{diags:?}");
    for _ in 0..300 {
        let input = mutate(&mut rng, &book);
        read("sheet.xlsx", &input, &tax);
        runs += 1;
    }
    assert!(runs >= 3000, "{runs}");
}
