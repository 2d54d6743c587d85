//! Writes a seeded synthetic data folder for tests and benchmarks:
//!
//! ```sh
//! cargo run --release --example generate -- --events 100000 --format csv --out /tmp/synth
//! ```
//!
//! Formats: `yaml` (one record per event), `csv` (UTF-8), `csv-cp949`
//! (as Korean Excel saves it), `xlsx` (dates as Excel dates). The folder
//! gets a copy of the sample taxonomies, so `brief --data DIR` reads it.

use std::path::{Path, PathBuf};

use brief::load;
use brief::synth;

fn usage() -> ! {
    eprintln!(
        "usage: generate --out DIR [--events N] [--seed S] [--format yaml|csv|csv-cp949|xlsx] [--from YEAR] [--to YEAR]"
    );
    std::process::exit(2)
}

fn main() {
    let mut out: Option<PathBuf> = None;
    let (mut n, mut seed, mut format) = (1000usize, 1u64, "csv".to_string());
    let (mut from, mut to) = (2022, 2025);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value())),
            "--events" => n = value().parse().unwrap_or_else(|_| usage()),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            "--format" => format = value(),
            "--from" => from = value().parse().unwrap_or_else(|_| usage()),
            "--to" => to = value().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let out = out.unwrap_or_else(|| usage());
    if let Err(e) = generate(&out, n, seed, &format, from, to) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    println!(
        "wrote {n} events ({format}, seed {seed}) to {}",
        out.display()
    );
}

/// Writes the folder.
fn generate(
    out: &Path,
    n: usize,
    seed: u64,
    format: &str,
    from: i32,
    to: i32,
) -> Result<(), String> {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let taxonomy = load::load_taxonomy(&sample).map_err(|e| format!("{e}"))?;
    let tax_out = out.join("taxonomy");
    std::fs::create_dir_all(&tax_out).map_err(|e| e.to_string())?;
    for f in ["sectors.yaml", "regions.yaml", "kinds.yaml"] {
        std::fs::copy(sample.join("taxonomy").join(f), tax_out.join(f))
            .map_err(|e| e.to_string())?;
    }
    let rows = synth::rows(&taxonomy, n, seed, from, to);
    match format {
        "csv" => {
            std::fs::write(out.join("events.csv"), synth::csv(&rows)).map_err(|e| e.to_string())
        }
        "csv-cp949" => {
            // Korean Excel's code page has no accented Latin letters (the
            // regions' English names have some: Hokkaidō, Québec): folded to
            // their base letter, anything else it lacks to `?`.
            let text = cp949_safe(&synth::csv(&rows));
            let (bytes, _, bad) = encoding_rs::EUC_KR.encode(&text);
            if bad {
                return Err("text outside CP949".into());
            }
            std::fs::write(out.join("events-cp949.csv"), bytes).map_err(|e| e.to_string())
        }
        "yaml" => {
            let dir = out.join("events");
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            for r in &rows {
                std::fs::write(dir.join(format!("{}.yaml", r.id)), r.yaml())
                    .map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        "xlsx" => xlsx(&out.join("events.xlsx"), &rows).map_err(|e| e.to_string()),
        other => Err(format!("unknown format `{other}`")),
    }
}

fn xlsx(path: &Path, rows: &[synth::Row]) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name("행사")?;
    for (c, h) in synth::HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, v) in r.cells().iter().enumerate() {
            let is_date = c == 4 || (c == 5 && !v.is_empty());
            if is_date {
                let p: Vec<u16> = v.split('-').filter_map(|x| x.parse().ok()).collect();
                if let [y, m, d] = p[..] {
                    let dt = ExcelDateTime::from_ymd(y, m as u8, d as u8)?;
                    ws.write_datetime_with_format(row, c as u16, &dt, &date_format)?;
                    continue;
                }
            }
            if !v.is_empty() {
                ws.write_string(row, c as u16, v)?;
            }
        }
    }
    let notes = wb.add_worksheet();
    notes.set_name("설명")?;
    notes.write_string(0, 0, "이 시트는 설명용입니다 (synthetic data)")?;
    wb.save(path)
}

/// `text` with every character CP949 lacks replaced: accented Latin letters
/// by their base letter, others by `?`.
fn cp949_safe(text: &str) -> String {
    let mut known: std::collections::HashMap<char, bool> = std::collections::HashMap::new();
    let fold = |c: char| -> char {
        match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
            'À'..='Å' | 'Ā' => 'A',
            'è'..='ë' | 'ē' | 'ę' | 'ě' => 'e',
            'È'..='Ë' | 'Ē' => 'E',
            'ì'..='ï' | 'ī' => 'i',
            'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
            'Ò'..='Ö' | 'Ø' | 'Ō' => 'O',
            'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
            'Ù'..='Ü' | 'Ū' => 'U',
            'ç' | 'ć' | 'č' => 'c',
            'ñ' | 'ń' | 'ň' => 'n',
            'ś' | 'š' | 'ș' | 'ş' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ý' | 'ÿ' => 'y',
            'ł' => 'l',
            'ř' => 'r',
            'ț' | 'ţ' => 't',
            'ğ' => 'g',
            'đ' => 'd',
            _ => '?',
        }
    };
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            let ok = *known.entry(c).or_insert_with(|| {
                let mut buf = [0u8; 4];
                !encoding_rs::EUC_KR.encode(c.encode_utf8(&mut buf)).2
            });
            if ok { c } else { fold(c) }
        })
        .collect()
}
