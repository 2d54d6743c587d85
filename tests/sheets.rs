//! Sheets as input, end to end: CSV in CP949 and UTF-8 with BOM, XLSX with
//! Excel dates and several sheets, malformed rows with located errors, and
//! `brief import` round-tripping to YAML records. Every file is built here.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .arg("--data")
        .arg(data)
        .arg("--config")
        .arg(root().join("brief.toml"))
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The aggregated report of a quarter, via `--format json`.
fn report(data: &Path, quarter: &str, out: &Path) -> serde_json::Value {
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args([
            "--quarter",
            quarter,
            "--format",
            "json",
            "--lang",
            "en",
            "--data",
        ])
        .arg(data)
        .arg("--config")
        .arg(root().join("brief.toml"))
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let slug = quarter.replace('Q', "-Q");
    let model: serde_json::Value = serde_json::from_slice(
        &fs::read(out.join(format!("{slug}/brief-{slug}-en.json"))).unwrap(),
    )
    .unwrap();
    model["report"].clone()
}

const KOREAN_CSV: &str = "\
ID,행사명,유형,시작일,종료일,분야,지역,참석인원,MOU,투자
t-1,퀘벡 양자 협력 포럼,포럼,2025.6.12,,양자; 반도체,퀘벡주,약 120명,2,
t-2,보스턴 바이오 상담회,상담회,2025년 6월 16일 ~ 6월 18일,,바이오·AI,보스턴,300여 명,3,\"약 1,500만 달러 이상 기대\"
t-3,충청권 전략산업 협의회,협의회,2025. 4. 3.(목),,미래모빌리티,대전; 세종,,,
";

#[test]
fn cp949_csv_with_korean_headers() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    let (bytes, _, bad) = encoding_rs::EUC_KR.encode(KOREAN_CSV);
    assert!(!bad);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the file really is CP949"
    );
    fs::write(data.join("행사목록.csv"), &bytes).unwrap();

    let o = run(&["validate", "--verbose"], &data);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("CP949 (EUC-KR), 3 rows"),
        "{}",
        stderr(&o)
    );

    let r = report(&data, "2025Q2", &tmp.path().join("out"));
    let f = &r["figures"];
    assert_eq!(f["events"], 3);
    assert_eq!(f["outcomes"]["mou"], 5);
    assert_eq!(f["outcomes"]["investment"], 1);
    assert_eq!(f["attendance"], 420);
    assert_eq!(f["attendance_approximate"], true);
    // About USD 15 million or more, expected, at 1,380 KRW per USD.
    assert_eq!(f["investment"]["value"], 20_700_000_000.0);
    assert_eq!(f["investment"]["at_least"], true);
    assert_eq!(f["investment"]["expected"], true);
    assert_eq!(f["partner_countries"], 2, "Canada and the US");
    assert_eq!(f["domestic_regions"], 2, "Daejeon and Sejong");
    // 바이오·AI was split into two sectors; the range became a 3-day span.
    let sectors: Vec<&str> = r["sectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["sector"].as_str().unwrap())
        .collect();
    assert_eq!(
        sectors,
        ["semiconductors", "mobility", "bio", "ai", "quantum"],
        "in the taxonomy's order"
    );
    let boston = r["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["event"] == "t-2")
        .unwrap();
    assert_eq!(
        (
            boston["start"].as_str(),
            boston["end"].as_str(),
            boston["days"].as_u64()
        ),
        (Some("2025-06-16"), Some("2025-06-18"), Some(3))
    );
}

#[test]
fn utf8_bom_csv_with_english_headers() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    let csv = "\u{feff}id,Title,Kind,Start,End,Sectors,Regions,Attendance,MOUs\r\n\
               e-1,Quantum forum,conference,2025-06-12,,quantum,Sherbrooke,120,1\r\n\
               e-2,Bio mission,delegation,2025-05-02,2025-05-04,\"bio, AI\",Boston,,\r\n";
    fs::write(data.join("events.csv"), csv).unwrap();
    let o = run(&["validate", "-v"], &data);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("UTF-8 with BOM, 2 rows"),
        "{}",
        stderr(&o)
    );
    let r = report(&data, "2025Q2", &tmp.path().join("out"));
    assert_eq!(r["figures"]["events"], 2);
    assert_eq!(r["figures"]["outcomes"]["mou"], 1);
    assert_eq!(
        r["partner_regions"][0]["region"], "ca-qc",
        "Sherbrooke rolls up to Québec"
    );
}

fn write_xlsx(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let notes = wb.add_worksheet();
    notes.set_name("설명").unwrap();
    notes
        .write_string(0, 0, "행사 목록은 다음 시트에 있습니다")
        .unwrap();

    let q2 = wb.add_worksheet();
    q2.set_name("2분기").unwrap();
    for (c, h) in [
        "ID",
        "행사명",
        "구분",
        "일자",
        "종료일",
        "산업",
        "참여지역",
        "MOU 건수",
    ]
    .iter()
    .enumerate()
    {
        q2.write_string(0, c as u16, *h).unwrap();
    }
    q2.write_string(1, 0, "x-1").unwrap();
    q2.write_string(1, 1, "몬트리올 우주항공 간담회").unwrap();
    q2.write_string(1, 2, "간담회").unwrap();
    q2.write_datetime_with_format(1, 3, ExcelDateTime::from_ymd(2025, 6, 11).unwrap(), &date)
        .unwrap();
    q2.write_string(1, 5, "우주항공").unwrap();
    q2.write_string(1, 6, "몬트리올").unwrap();
    q2.write_number(1, 7, 1).unwrap();
    q2.write_string(2, 0, "x-2").unwrap();
    q2.write_string(2, 1, "BIO USA 참가").unwrap();
    q2.write_string(2, 2, "전시회").unwrap();
    q2.write_datetime_with_format(2, 3, ExcelDateTime::from_ymd(2025, 6, 16).unwrap(), &date)
        .unwrap();
    q2.write_datetime_with_format(2, 4, ExcelDateTime::from_ymd(2025, 6, 19).unwrap(), &date)
        .unwrap();
    q2.write_string(2, 5, "바이오").unwrap();
    q2.write_string(2, 6, "보스턴").unwrap();

    let q3 = wb.add_worksheet();
    q3.set_name("3분기").unwrap();
    for (c, h) in ["ID", "행사명", "구분", "일자", "산업", "참여지역"]
        .iter()
        .enumerate()
    {
        q3.write_string(0, c as u16, *h).unwrap();
    }
    q3.write_string(1, 0, "x-3").unwrap();
    q3.write_string(1, 1, "환황해 교류회의").unwrap();
    q3.write_string(1, 2, "국제회의").unwrap();
    q3.write_string(1, 3, "2025년 9월").unwrap();
    q3.write_string(1, 4, "바이오헬스케어, AI").unwrap();
    q3.write_string(1, 5, "대전; 베이징; 규슈").unwrap();

    // A chart on a sheet of its own: no cells, nothing to read.
    let mut chart = rust_xlsxwriter::Chart::new(rust_xlsxwriter::ChartType::Column);
    chart.add_series().set_values("'2분기'!$H$2:$H$3");
    let charts = wb.add_chartsheet();
    charts.set_name("차트").unwrap();
    charts.insert_chart(0, 0, &chart).unwrap();
    wb.save(path).unwrap();
}

#[test]
fn xlsx_with_excel_dates_and_several_sheets() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    write_xlsx(&data.join("events.xlsx"));
    let o = run(&["validate", "-v"], &data);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("[설명]: no event columns, sheet skipped"),
        "{err}"
    );
    assert!(
        err.contains("[2분기]: 2 rows") && err.contains("[3분기]: 1 rows"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("ok: 3 events"));

    let q2 = report(&data, "2025Q2", &tmp.path().join("out"));
    assert_eq!(q2["figures"]["events"], 2);
    assert_eq!(q2["figures"]["outcomes"]["mou"], 1);
    let timeline = q2["timeline"].as_array().unwrap();
    assert_eq!(
        timeline[0]["start"], "2025-06-11",
        "Excel date serial read as a date"
    );
    assert_eq!(timeline[1]["end"], "2025-06-19");
    let q3 = report(&data, "2025Q3", &tmp.path().join("out"));
    assert_eq!(q3["timeline"][0]["start"], "2025-09");
    assert_eq!(q3["timeline"][0]["precision"], "month");
    assert_eq!(q3["figures"]["partner_countries"], 2, "China and Japan");
}

#[test]
fn malformed_rows_give_located_errors() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    let csv = "ID,행사명,유형,시작일,분야,지역\n\
               ok-1,정상 행사,포럼,2025-05-01,바이오,대전\n\
               bad-date,날짜 오류,포럼,2025-02-30,바이오,대전\n\
               bad-sector,분야 오타,포럼,2025-05-02,바이우,대전\n\
               ,아이디 없음,포럼,2025-05-03,AI,대전\n\
               dup-1,중복 행사,포럼,2025-05-04,AI,대전\n";
    fs::write(data.join("events.csv"), csv).unwrap();
    // The same id again, in a YAML record.
    fs::create_dir_all(data.join("events")).unwrap();
    fs::write(
        data.join("events/dup.yaml"),
        "id: dup-1\ntitle: 중복\nkind: conference\nstart: 2025-05-05\nhosts: [대전]\nsectors: [ai]\n",
    )
    .unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("행사").unwrap();
    for (c, h) in ["ID", "행사명", "유형", "시작일", "분야", "지역"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["xl-1", "엑셀 행사", "포럼", "2025.13.1", "양자", "퀘벡"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    wb.save(data.join("more.xlsx")).unwrap();

    let out = tmp.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--quarter", "2025Q2", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    let csv_path = data.join("events.csv").display().to_string();
    assert!(
        err.contains(&format!(
            "{csv_path}:3 [column D `시작일`]: invalid date `2025-02-30`"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{csv_path}:4 [column E `분야`]: unknown sector `바이우`"
        )),
        "{err}"
    );
    assert!(
        err.contains("did you mean `바이오` (the sector `bio`)?"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{csv_path}:5 [column A `ID`]: the event id is empty"
        )),
        "{err}"
    );
    assert!(err.contains("duplicate event id `dup-1`"), "{err}");
    let xlsx_path = data.join("more.xlsx").display().to_string();
    assert!(
        err.contains(&format!("{xlsx_path} [행사!D2]: invalid date `2025.13.1`")),
        "{err}"
    );
    assert!(err.contains("(5 errors)"), "{err}");
    assert!(!out.exists(), "invalid data writes no brief");
}

#[test]
fn import_round_trips_to_the_same_numbers() {
    let tmp = common::tempdir();
    // A: the sheet read directly.
    let data_a = taxonomy_only_data(&tmp.path().join("a"));
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(KOREAN_CSV);
    fs::write(data_a.join("sheet.csv"), &bytes).unwrap();
    // B: the sheet imported into YAML records.
    let data_b = taxonomy_only_data(&tmp.path().join("b"));
    let sheet = tmp.path().join("sheet.csv");
    fs::write(&sheet, &bytes).unwrap();
    let o = run(&["import", sheet.to_str().unwrap()], &data_b);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("imported 3 events") && stderr(&o).contains("3 written"),
        "{}",
        stderr(&o)
    );
    let record = fs::read_to_string(data_b.join("events/t-2.yaml")).unwrap();
    assert!(
        record.contains("보스턴 바이오 상담회") && record.contains("us-ma-boston"),
        "{record}"
    );

    let ra = report(&data_a, "2025Q2", &tmp.path().join("out-a"));
    let rb = report(&data_b, "2025Q2", &tmp.path().join("out-b"));
    assert_eq!(ra, rb, "importing must not change a single figure");

    // Importing again changes nothing; a record edited by hand is not
    // overwritten without --force, and then nothing at all is written.
    let o = run(&["import", sheet.to_str().unwrap()], &data_b);
    assert!(
        o.status.success() && stderr(&o).contains("0 written, 3 unchanged"),
        "{}",
        stderr(&o)
    );
    let edited = data_b.join("events/t-1.yaml");
    fs::write(&edited, record.replace("t-2", "t-1")).unwrap();
    let before = fs::read_to_string(&edited).unwrap();
    let o = run(&["import", sheet.to_str().unwrap()], &data_b);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("would be overwritten; nothing was written"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&edited).unwrap(), before);
    let o = run(&["import", "--force", sheet.to_str().unwrap()], &data_b);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(fs::read_to_string(&edited).unwrap(), before);
}

/// An error names the line an editor shows, whatever the line endings
/// (LF, CRLF as Excel on Windows writes, CR alone), a BOM, the CP949
/// encoding of Korean Excel, or a quoted cell that spans two lines.
#[test]
fn errors_name_the_right_line_whatever_the_line_endings() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    let rows = [
        "id,행사명,유형,시작일,분야,지역",
        "e-1,양자 포럼,conference,2025-06-12,quantum,Boston",
        "e-2,바이오 포럼,conference,2025-06-13,quantum,Boston",
        "e-3,잘못된 날짜,conference,2025-13-40,quantum,Boston",
    ];
    let multi_line = "e-1,\"양자\n포럼\",conference,2025-06-12,quantum,Boston";
    let cases: Vec<(&str, Vec<u8>, u32)> = vec![
        ("LF", (rows.join("\n") + "\n").into_bytes(), 4),
        ("CRLF", (rows.join("\r\n") + "\r\n").into_bytes(), 4),
        ("CR", (rows.join("\r") + "\r").into_bytes(), 4),
        (
            "BOM + CRLF",
            ("\u{feff}".to_string() + &rows.join("\r\n")).into_bytes(),
            4,
        ),
        (
            "CP949 + CRLF",
            encoding_rs::EUC_KR
                .encode(&rows.join("\r\n"))
                .0
                .into_owned(),
            4,
        ),
        (
            "quoted two-line cell + CRLF",
            [rows[0], &multi_line.replace('\n', "\r\n"), rows[2], rows[3]]
                .join("\r\n")
                .into_bytes(),
            5,
        ),
    ];
    for (name, bytes, line) in cases {
        fs::write(data.join("events.csv"), &bytes).unwrap();
        let o = run(&["validate"], &data);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(&format!("events.csv:{line} [column D")),
            "{name}: expected line {line}:\n{err}"
        );
    }
}

/// Another team's sheet: English snake_case headers, an amount column in
/// USD named by its header, Korean place, sector and kind names, places
/// with their country in front and several in one cell.
const OTHER_TEAMS_CSV: &str = "\
event_id,event_name,event_type,start_date,end_date,host_region,partner_regions,sector,attendees,mou_count,investment_usd
x-1,부산-호찌민 물류·이차전지 포럼,포럼,2025-05-14,2025-05-15,부산,베트남 호찌민,이차전지,300여 명,2,15000000
x-2,경북 수소 기술교류회,기술교류회,2025/06/03,,경상북도,미국 조지아주,수소,80,1,
x-3,제주 관광 세미나,meeting,2025.6.20,,제주,일본 후쿠오카·오사카부,관광,,,
x-4,대전 핀란드 양자 워크숍,워크숍,2025-06-24,,대전,포르보 (핀란드),양자,,,
";

#[test]
fn another_teams_english_headers_and_usd_column_load_without_renaming() {
    let tmp = tempdir();
    let data = taxonomy_only_data(tmp.path());
    fs::write(data.join("events/other-team.csv"), OTHER_TEAMS_CSV).unwrap();
    let o = run(&["validate"], &data);
    assert!(o.status.success(), "{}", stderr(&o));
    // A town the taxonomy lacks is counted under its country, with a warning.
    let err = stderr(&o);
    assert!(
        err.contains("warning") && err.contains("`포르보` is not in the regions taxonomy"),
        "{err}"
    );
    let r = report(&data, "2025Q2", &tmp.path().join("out"));
    let f = &r["figures"];
    assert_eq!(f["events"], 4);
    assert_eq!(f["outcomes"]["mou"], 3);
    // USD 15 million at 1,380 KRW per USD, the currency from the header.
    assert_eq!(f["investment"]["value"], 20_700_000_000.0);
    assert_eq!(
        f["partner_countries"], 4,
        "Vietnam, the US, Japan and Finland"
    );
    let regions: Vec<&str> = r["partner_regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["region"].as_str().unwrap())
        .collect();
    // Fukuoka rolls up to Kyushu, as the sample data reports it.
    for id in ["vn-sg", "us-ga", "jp-kyushu", "jp-27"] {
        assert!(regions.contains(&id), "{id} in {regions:?}");
    }
}

#[test]
fn an_offices_own_headers_map_through_brief_toml_and_missing_ones_are_named() {
    let tmp = tempdir();
    let data = taxonomy_only_data(tmp.path());
    let csv = "\
Kennung,Veranstaltung,Art,Datum,Branche,Ort
m-1,대전 양자 포럼,포럼,2025-05-02,양자,대전
";
    fs::write(data.join("events/office.csv"), csv).unwrap();
    // Without a mapping: the headers found and the nearest columns.
    let o = run(&["validate"], &data);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("lacks required columns"), "{err}");
    assert!(err.contains("`Kennung`, `Veranstaltung`"), "{err}");
    assert!(err.contains("[sheets.columns]"), "{err}");
    // With one in the configuration it loads.
    let config = tmp.path().join("brief.toml");
    let base = fs::read_to_string(root().join("brief.toml")).unwrap();
    fs::write(
        &config,
        format!(
            "{base}\n[sheets.columns]\nid = \"Kennung\"\ntitle = \"Veranstaltung\"\nkind = \"Art\"\nstart = \"Datum\"\nsectors = \"Branche\"\nregions = \"Ort\"\n"
        ),
    )
    .unwrap();
    let validate = || {
        Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["validate", "--data"])
            .arg(&data)
            .arg("--config")
            .arg(&config)
            .output()
            .unwrap()
    };
    let o = validate();
    assert!(o.status.success(), "{}", stderr(&o));
    // A misspelt column name in the configuration is a usage error.
    fs::write(
        &config,
        format!("{base}\n[sheets.columns]\nstrat = \"Datum\"\n"),
    )
    .unwrap();
    let o = validate();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `start`?"),
        "{}",
        stderr(&o)
    );
}
