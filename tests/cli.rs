//! End-to-end tests: the real `brief` binary on the real sample data (and
//! on data folders built here), checked the way a reader sees the result:
//! the PDF's extracted text, the DOCX's document XML, the exit code, and
//! golden files of the aggregated numbers.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::Command;

fn pdf_pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (poppler-utils) is needed");
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// The visible text of a DOCX part: the contents of its `<w:t>` elements.
fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:t") {
        rest = &rest[i + 4..];
        let Some(gt) = rest.find('>') else { break };
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        rest = &rest[gt + 1..];
        let Some(end) = rest.find("</w:t>") else {
            break;
        };
        out.push_str(
            &rest[..end]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        out.push('\n');
        rest = &rest[end..];
    }
    out
}

#[test]
fn sample_2025q2_korean_pdf_and_docx_show_the_quebec_boston_mission() {
    let tmp = common::tempdir();
    let out = brief(&root().join("data"), tmp.path(), &["--quarter", "2025Q2"]);
    assert_success(&out);
    let pdf = tmp.path().join("2025-Q2/brief-2025-Q2-ko.pdf");
    let docx = tmp.path().join("2025-Q2/brief-2025-Q2-ko.docx");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("brief-2025-Q2-ko.pdf") && printed.contains("brief-2025-Q2-ko.docx"));

    let text = squash(&pdf_text(&pdf));
    for needle in [
        "국제협력 분기 동향 브리프",
        "대전광역시",
        "2025년 2분기",
        "이장우 대전시장 캐나다 퀘벡주·미국 보스턴 방문",
        "퀘벡주",
        "보스턴",
        "몬트리올, 브로몽, 셔브룩, 퀘벡시",
        "MOU 1건, 협약 1건, 회원 가입 1건 등 성과 3건을 거둠",
        // Both countries named, so no "등"; unknown figures as "–", not 0.
        "캐나다, 미국 2개국, 3개 지역임",
        "참석 인원 – – – –",
        "투자(기대 포함) – – – –",
        // One event in four sectors: its sectors, not an "even spread".
        "분야는 양자, 반도체, 바이오·헬스케어, 우주항공임",
        // An outcome line: type, its own title, status, each once.
        "○ MOU — 대전시–퀘벡주 정부 간 연구혁신 협력 협약(MOU) (체결)",
        "2025. 6. 10.(화)~6. 18.(수)",
        "세계경제과학도시연합(GINI)",
        "1 CAD = 1,000 KRW, 1 USD = 1,380 KRW",
        // Chart captions: the sector bars, the dot matrix, the monthly trend.
        "분야별 행사·성과 수",
        "분야 × 국가",
        "월별 행사 수(최근 12개월, 진한 막대가 이번 분기)",
    ] {
        assert!(text.contains(needle), "PDF text lacks {needle:?}:\n{text}");
    }
    // Key figures row: events 1 this quarter, 1 previous, change 0, 0 a year ago.
    assert!(text.contains("행사 1건 1건 0 (0%) 0건"), "{text}");
    assert!(text.contains("성과(체결·합의) 3건 0건 +3 0건"), "{text}");
    // The sector table ends in its totals: each event counted once.
    assert!(text.contains("합계(행사 중복 제외) 1 3 0"), "{text}");
    assert!(pdf_pages(&pdf) >= 3);

    let xml = docx_part(&docx, "word/document.xml");
    let dtext = squash(&docx_text(&xml));
    for needle in [
        "이장우 대전시장 캐나다 퀘벡주·미국 보스턴 방문",
        "MOU 1건, 협약 1건, 회원 가입 1건 등 성과 3건을 거둠",
        "몬트리올, 브로몽, 셔브룩, 퀘벡시",
        "성과(체결·합의)",
    ] {
        assert!(
            dtext.contains(needle),
            "DOCX text lacks {needle:?}:\n{dtext}"
        );
    }
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading1" />"#)
            || xml.contains(r#"<w:pStyle w:val="Heading1"/>"#)
    );
    assert!(xml.contains("<w:tbl>"), "key figures are a native table");
    let footer = docx_part(&docx, "word/footer1.xml");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(
        styles.contains(r#"w:eastAsia="맑은 고딕""#),
        "East Asian font on styles"
    );
}

#[test]
fn sample_2025q2_english_brief() {
    let tmp = common::tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["-q", "2025-q2", "--lang", "en", "--format", "pdf,docx"],
    );
    assert_success(&out);
    let text = squash(&pdf_text(&tmp.path().join("2025-Q2/brief-2025-Q2-en.pdf")));
    for needle in [
        "International Cooperation Quarterly Brief",
        "Daejeon Metropolitan City",
        "Daejeon Mayor Lee Jang-woo's mission to Québec and Boston",
        "10–18 Jun 2025",
        "with 3 outcomes signed or agreed: 1 MOU, 1 agreement and 1 membership.",
        "Québec joining the Global Innopolis Network Initiative (GINI) (agreed)",
        "Partners came from 2 countries (Canada and United States) and 3 regions abroad.",
        "The event's sectors were Quantum, Semiconductors, Bio & healthcare and Aerospace.",
        "the same as in the previous quarter (Q1 2025) and up 1 from 0",
        "Attendance – – – –",
    ] {
        assert!(text.contains(needle), "PDF text lacks {needle:?}:\n{text}");
    }
    let dtext = docx_text(&docx_part(
        &tmp.path().join("2025-Q2/brief-2025-Q2-en.docx"),
        "word/document.xml",
    ));
    assert!(squash(&dtext).contains("Québec, Massachusetts") || dtext.contains("Massachusetts"));
}

#[test]
fn a_quarter_without_events_gives_a_clear_empty_brief() {
    let tmp = common::tempdir();
    let out = brief(&root().join("data"), tmp.path(), &["--quarter", "2024Q3"]);
    assert_success(&out);
    let text = squash(&pdf_text(&tmp.path().join("2024-Q3/brief-2024-Q3-ko.pdf")));
    assert!(
        text.contains("2024년 3분기에는 기록된 국제협력 행사가 없음"),
        "{text}"
    );
    assert!(
        text.contains("이번 분기에 기록된 국제협력 행사가 없습니다."),
        "{text}"
    );
    let dtext = docx_text(&docx_part(
        &tmp.path().join("2024-Q3/brief-2024-Q3-ko.docx"),
        "word/document.xml",
    ));
    assert!(squash(&dtext).contains("기록된 국제협력 행사가 없음"));
}

#[test]
fn invalid_data_gives_located_errors_and_writes_nothing() {
    let tmp = common::tempdir();
    let data = tmp.path().join("data");
    copy_dir(&root().join("data"), &data);
    let mission = data.join("events/2025-06-daejeon-mission-quebec-boston.yaml");
    let text = fs::read_to_string(&mission).unwrap();
    // A misspelt sector, a misspelt region and an impossible date, in one file.
    let text = text
        .replace(
            "sectors: [우주항공, 바이오, 반도체, 양자]\nparticipants",
            "sectors: [우주항공, 바이오, 반도체, quantom]\nparticipants",
        )
        .replace("partners: [퀘벡주,", "partners: [퀘백주,")
        .replace("end: 2025-06-18", "end: 2025-06-31");
    fs::write(&mission, text).unwrap();
    // A second file with a duplicate id and an unknown field.
    let dup = fs::read_to_string(
        data.join("events/2025-03-27-chungcheong-strategic-industry-council.yaml"),
    )
    .unwrap();
    fs::write(data.join("events/copy.yaml"), dup).unwrap();
    fs::write(data.join("events/extra.yaml"), "id: x\ntitle: x\nkind: conference\nstart: 2025-05-01\nsectors: [ai]\nhosts: [대전]\ncolour: red\n").unwrap();

    let out_dir = tmp.path().join("out");
    let out = brief(&data, &out_dir, &["--quarter", "2025Q2"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let file = mission.display().to_string();
    assert!(
        err.contains(&format!("{file}:16:27: unknown sector `quantom`")),
        "{err}"
    );
    assert!(err.contains("did you mean `quantum`?"), "{err}");
    assert!(
        err.contains(&format!("{file}:15:12: unknown region `퀘백주`"))
            && err.contains("did you mean `퀘벡주` (the region `ca-qc`)?"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}:7:6: invalid date: 2025-06-31 is not a calendar date"
        )),
        "{err}"
    );
    assert!(
        err.contains("duplicate event id `2025-03-27-chungcheong-strategic-industry-council`"),
        "{err}"
    );
    assert!(
        err.contains("extra.yaml:7:1") && err.contains("unknown field `colour`"),
        "{err}"
    );
    assert!(
        err.contains("5 errors"),
        "all errors are reported together:\n{err}"
    );
    assert!(!out_dir.exists(), "no output is written for invalid data");

    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["validate", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn validate_accepts_the_sample_data() {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["validate", "--data"])
        .arg(root().join("data"))
        .arg("--config")
        .arg(root().join("brief.toml"))
        .output()
        .unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: 6 events"));
}

#[test]
fn markup_and_template_syntax_in_data_print_literally() {
    let tmp = common::tempdir();
    let data = tmp.path().join("data");
    copy_dir(&root().join("data"), &data);
    let hostile = r##"id: 2025-05-01-hostile
title:
  ko: '제목 #set page(width: 1cm) $x^2$ [link] <label> @ref {{ title }} {% if x %} \ # ]'
  en: 'Title #set text(red) $x$ [a] <b> @c {{ x }} ]'
kind: conference
start: 2025-05-01
hosts: [대전]
sectors: [ai]
summary:
  ko: '#pagebreak() 요약 {{ 7 * 7 }}'
outcomes:
  - type: mou
    title: { ko: '#strong[굵게] {{ y }}', en: '#emph[x]' }
    status: signed
"##;
    fs::write(data.join("events/hostile.yaml"), hostile).unwrap();
    let out = brief(
        &data,
        &tmp.path().join("out"),
        &["--quarter", "2025Q2", "--lang", "ko,en"],
    );
    assert_success(&out);
    let ko = squash(&pdf_text(
        &tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.pdf"),
    ));
    for needle in [
        "제목 #set page(width: 1cm) $x^2$ [link] <label> @ref {{ title }} {% if x %} \\ # ]",
        "#pagebreak() 요약 {{ 7 * 7 }}",
        "#strong[굵게] {{ y }}",
    ] {
        assert!(ko.contains(needle), "PDF text lacks {needle:?}:\n{ko}");
    }
    let en = squash(&pdf_text(
        &tmp.path().join("out/2025-Q2/brief-2025-Q2-en.pdf"),
    ));
    assert!(
        en.contains("Title #set text(red) $x$ [a] <b> @c {{ x }} ]"),
        "{en}"
    );
    let dtext = docx_text(&docx_part(
        &tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.docx"),
        "word/document.xml",
    ));
    assert!(
        dtext.contains("{{ title }}") && dtext.contains("<label>"),
        "{dtext}"
    );
}

/// An outcome names the regions it was made with, among its event's hosts
/// and partners; a region outside them is refused where it is written.
#[test]
fn an_outcome_region_outside_its_event_is_refused() {
    let tmp = common::tempdir();
    let data = tmp.path().join("data");
    copy_dir(&root().join("data"), &data);
    let mission = data.join("events/2025-06-daejeon-mission-quebec-boston.yaml");
    let text = fs::read_to_string(&mission).unwrap();
    assert!(text.contains("    sectors: [양자]\n    regions: [퀘벡주]"));
    let text = text.replace(
        "    sectors: [양자]\n    regions: [퀘벡주]",
        "    sectors: [양자]\n    regions: [일본]",
    );
    fs::write(&mission, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["validate", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("the outcome's region `일본` is not one of the event's hosts or partners"),
        "{err}"
    );
    assert!(err.contains(&format!("{}:", mission.display())), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--quarter", "2025Q5"][..],
        &["--quarter", "2025Q2", "--lang", "fr"],
        &["--quarter", "2025Q2", "--format", "odt"],
        &[],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

/// The aggregated numbers of sample quarters, half-years and years, kept
/// as golden files so that any change in a figure shows in review (each
/// checked by hand when first written; see the tests beside the
/// aggregator). Regenerate with `BRIEF_UPDATE_GOLDEN=1 cargo test --release`.
#[test]
fn golden_reports_of_the_sample_periods() {
    let tmp = common::tempdir();
    for (flag, quarter) in [
        ("--quarter", "2025-Q2"),
        ("--quarter", "2025-Q1"),
        ("--quarter", "2023-Q2"),
        ("--quarter", "2018-Q1"),
        ("--half", "2025-H1"),
        ("--year", "2023"),
        ("--year", "2025"),
    ] {
        let out = brief(
            &root().join("data"),
            tmp.path(),
            &[flag, quarter, "--format", "json", "--lang", "en"],
        );
        assert_success(&out);
        let model: serde_json::Value = serde_json::from_slice(
            &fs::read(
                tmp.path()
                    .join(format!("{quarter}/brief-{quarter}-en.json")),
            )
            .unwrap(),
        )
        .unwrap();
        let report = serde_json::to_string_pretty(&model["report"]).unwrap() + "\n";
        let golden = root().join(format!("tests/golden/report-{quarter}.json"));
        if std::env::var_os("BRIEF_UPDATE_GOLDEN").is_some() {
            fs::create_dir_all(golden.parent().unwrap()).unwrap();
            fs::write(&golden, &report).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&golden).unwrap_or_else(|_| {
            panic!(
                "{} is missing; run with BRIEF_UPDATE_GOLDEN=1",
                golden.display()
            )
        });
        assert!(
            expected == report,
            "the figures of {quarter} changed; review and regenerate with BRIEF_UPDATE_GOLDEN=1.\n--- expected\n{expected}\n--- got\n{report}"
        );
    }
}

#[test]
fn pdf_a_3b_carries_the_model_and_its_conformance() {
    let tmp = common::tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["-q", "2025Q2", "--format", "pdf", "--pdf-standard", "a-3b"],
    );
    assert_success(&out);
    let pdf = tmp.path().join("2025-Q2/brief-2025-Q2-ko.pdf");
    let meta = Command::new("pdfinfo")
        .arg("-meta")
        .arg(&pdf)
        .output()
        .unwrap();
    let xmp = String::from_utf8_lossy(&meta.stdout);
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    let saved = tmp.path().join("model.json");
    let detach = Command::new("pdfdetach")
        .args(["-savefile", "brief-model.json", "-o"])
        .arg(&saved)
        .arg(&pdf)
        .output()
        .expect("pdfdetach (poppler-utils) is needed");
    assert!(
        detach.status.success(),
        "{}",
        String::from_utf8_lossy(&detach.stderr)
    );
    let model: serde_json::Value = serde_json::from_slice(&fs::read(&saved).unwrap()).unwrap();
    assert_eq!(model["report"]["figures"]["events"], 1);
    assert_eq!(
        model["report"]["events"][0],
        "2025-06-daejeon-mission-quebec-boston"
    );
    // The attached model is whole: its annex lists the period's events.
    assert_eq!(
        model["annex"]["events"][0]["id"],
        "2025-06-daejeon-mission-quebec-boston"
    );

    // PDF/A-2b: conformance without the attachment; an unknown standard is a usage error.
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["-q", "2025Q2", "--format", "pdf", "--pdf-standard", "a-2b"],
    );
    assert_success(&out);
    let xmp = Command::new("pdfinfo")
        .arg("-meta")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&xmp.stdout).contains("<pdfaid:part>2</pdfaid:part>"));
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["-q", "2025Q2", "--pdf-standard", "x-9"],
    );
    assert_eq!(out.status.code(), Some(2));
}

/// Korean readers expect line breaks at spaces only (CSS `keep-all`): in
/// the title (narrow table cells, chart labels) and the summary, a line never
/// ends or starts in the middle of a word. (A word wider than its column
/// still has to wrap; these words fit.)
#[test]
fn hangul_words_are_kept_whole_at_line_ends() {
    let tmp = common::tempdir();
    let data = tmp.path().join("data");
    copy_dir(&root().join("data"), &data);
    // Words whose parts (3+ syllables) appear nowhere else in the brief.
    let words = [
        "흑룡강성상무청",
        "할빈공업대학로봇그룹",
        "덕명동연구단지관리소",
        "유성구과학벨트추진단",
    ];
    let phrase = |n: usize| {
        (0..n)
            .map(|i| words[i % words.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let record = format!(
        "id: 2025-05-02-long\ntitle: '{}'\nkind: council-meeting\nstart: 2025-05-02\nhosts: [대전, 세종]\nsectors: [bio]\nsummary: '{}'\n",
        phrase(9),
        phrase(40)
    );
    fs::write(data.join("events/long.yaml"), record).unwrap();
    let out = brief(
        &data,
        &tmp.path().join("out"),
        &["--quarter", "2025Q2", "--format", "pdf"],
    );
    assert_success(&out);
    let raw = Command::new("pdftotext")
        .arg(tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&raw.stdout).into_owned();
    let mut line_ends = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for token in [tokens[0], tokens[tokens.len() - 1]] {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            for w in words {
                if w.contains(token) && token.chars().count() >= 3 {
                    assert_eq!(token, w, "a line starts or ends inside `{w}`: {line}");
                    line_ends += 1;
                }
            }
        }
    }
    assert!(
        line_ends >= 4,
        "the words reach line ends often enough to test:\n{text}"
    );
}

#[test]
fn a_broken_template_is_reported_with_its_file_and_line() {
    let tmp = common::tempdir();
    let tpl = tmp.path().join("tpl");
    fs::create_dir_all(&tpl).unwrap();
    fs::write(
        tpl.join("brief.typ"),
        "#let b = json(\"brief.json\")\n\n#text(b.meta.title\n",
    )
    .unwrap();
    fs::write(tpl.join("summary.ko.j2"), "{{ events | num }}건\n").unwrap();
    let out = brief_with(
        &tpl,
        &root().join("data"),
        &tmp.path().join("out"),
        &["--quarter", "2025Q2", "--format", "pdf"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let file = tpl.join("brief.typ").display().to_string();
    assert!(
        err.contains(&format!("{file}:3:")),
        "the typst error names the template line:\n{err}"
    );
    assert!(!tmp.path().join("out").exists());

    // The template may not read files outside its folder.
    fs::write(tpl.join("brief.typ"), "#read(\"/etc/passwd\")\n").unwrap();
    let out = brief_with(
        &tpl,
        &root().join("data"),
        &tmp.path().join("out"),
        &["--quarter", "2025Q2", "--format", "pdf"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not found"), "{}", stderr(&out));
}

#[test]
fn layout_toml_orders_and_hides_sections_in_both_formats() {
    let tmp = common::tempdir();
    let tpl = tmp.path().join("tpl");
    fs::create_dir_all(&tpl).unwrap();
    // Only the layout changes; the other templates come from the built-in set.
    fs::write(
        tpl.join("layout.toml"),
        "sections = [\"summary\", \"key_figures\"]\n[colours]\nink = \"#000000\"\naccent = \"#333333\"\nsoft = \"#eeeeee\"\nrule = \"#999999\"\n",
    )
    .unwrap();
    let run = |out: &Path| brief_with(&tpl, &root().join("data"), out, &["--quarter", "2025Q2"]);
    let out = run(&tmp.path().join("out"));
    assert_success(&out);
    let text = squash(&pdf_text(
        &tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.pdf"),
    ));
    let (summary, figures) = (text.find("요약").unwrap(), text.find("주요 지표").unwrap());
    assert!(summary < figures, "summary comes first:\n{text}");
    assert!(
        !text.contains("행사 목록") && !text.contains("지역별 현황"),
        "hidden sections are left out:\n{text}"
    );
    let dtext = squash(&docx_text(&docx_part(
        &tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.docx"),
        "word/document.xml",
    )));
    assert!(dtext.find("요약").unwrap() < dtext.find("주요 지표").unwrap());
    assert!(
        !dtext.contains("행사 목록") && !dtext.contains("지역별 현황"),
        "{dtext}"
    );

    fs::write(tpl.join("layout.toml"), "sections = [\"sumary\"]\n[colours]\nink = \"#000000\"\naccent = \"#333333\"\nsoft = \"#eeeeee\"\nrule = \"#999999\"\n").unwrap();
    let out = run(&tmp.path().join("out2"));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("layout.toml")
            && err.contains("unknown section `sumary`")
            && err.contains("did you mean `summary`?"),
        "{err}"
    );
}

/// Word's "Edit Data" opens each chart's workbook: it holds the numbers
/// the chart caches, in the cells its formulas name. The sector × country
/// matrix is a table with cells shaded by their count.
#[test]
fn the_docx_charts_are_native_with_their_workbooks() {
    let tmp = common::tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["-q", "2025Q2", "--format", "docx"],
    );
    assert_success(&out);
    let docx = tmp.path().join("2025-Q2/brief-2025-Q2-ko.docx");
    let file = fs::File::open(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    assert!(
        !names.iter().any(|n| n.starts_with("word/media/")),
        "{names:?}"
    );
    for n in 1..=2 {
        let chart = docx_part(&docx, &format!("word/charts/chart{n}.xml"));
        let rels = docx_part(&docx, &format!("word/charts/_rels/chart{n}.xml.rels"));
        let book = format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx");
        assert!(
            rels.contains(&format!("Target=\"../{}\"", &book[5..])),
            "{rels}"
        );
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(&book).unwrap(), &mut bytes).unwrap();
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = calamine::Reader::worksheet_range(&mut wb, "Sheet1").unwrap();
        // Every cached point is the cell its formula names.
        let doc = roxmltree::Document::parse(&chart).unwrap();
        let mut checked = 0;
        for r in doc.descendants().filter(|n| n.tag_name().name() == "f") {
            let f = r.text().unwrap();
            let (col, first_row) = {
                let cell = f.trim_start_matches("Sheet1!$");
                let col = cell.as_bytes()[0] - b'A';
                let row: u32 = cell[2..].split(':').next().unwrap().parse().unwrap();
                (u32::from(col), row - 1)
            };
            let cache = r.next_sibling_element().unwrap();
            for (i, pt) in cache
                .children()
                .filter(|c| c.tag_name().name() == "pt")
                .enumerate()
            {
                let v = pt.first_element_child().unwrap().text().unwrap();
                let cell = range
                    .get_value((first_row + i as u32, col))
                    .unwrap_or_else(|| panic!("{f} row {i}"));
                assert_eq!(cell.to_string(), v, "{f} point {i}");
                checked += 1;
            }
        }
        assert!(checked >= 10, "{checked} cached points checked");
    }
    let xml = docx_part(&docx, "word/document.xml");
    assert_eq!(xml.matches("<c:chart ").count(), 2);
    // The matrix: four sectors by three countries, every cell a 1, shaded.
    assert!(
        xml.matches(r#"w:fill="2F5D8A""#).count() >= 12,
        "shaded matrix cells"
    );
    let text = squash(&docx_text(&xml));
    for caption in [
        "분야별 행사·성과 수",
        "분야 × 국가",
        "월별 행사 수(최근 12개월",
    ] {
        assert!(text.contains(caption), "caption {caption:?} in:\n{text}");
    }
}

/// The template set's logo heads the title block of the PDF, the DOCX and
/// the HWPX (a JPEG too, which the HWPX package holds as a PNG, as it
/// lists every picture).
#[test]
fn a_logo_from_the_template_folder_goes_into_every_format() {
    let tmp = common::tempdir();
    let tpl = tmp.path().join("tpl");
    fs::create_dir_all(&tpl).unwrap();
    let logo = image::RgbImage::from_fn(120, 40, |x, _| image::Rgb([(x * 2) as u8, 60, 120]));
    logo.save(tpl.join("logo.png")).unwrap();
    let layout = fs::read_to_string(root().join("templates/layout.toml")).unwrap();
    fs::write(
        tpl.join("layout.toml"),
        format!("logo = \"logo.png\"\n{layout}"),
    )
    .unwrap();
    let run = |out: &Path| {
        let args = ["--quarter", "2025Q2", "--format", "pdf,docx,hwpx"];
        brief_with(&tpl, &root().join("data"), out, &args)
    };
    let out = run(&tmp.path().join("out"));
    assert_success(&out);
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.pdf"))
        .output()
        .expect("pdfimages (poppler-utils) is needed");
    let list = String::from_utf8_lossy(&images.stdout);
    assert!(
        list.contains(" 120    40 "),
        "the logo is in the PDF:\n{list}"
    );
    let file = fs::File::open(tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.docx")).unwrap();
    let zip = zip::ZipArchive::new(file).unwrap();
    let pngs = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .count();
    assert_eq!(pngs, 1, "the logo (the charts are native)");
    let hwpx = tmp.path().join("out/2025-Q2/brief-2025-Q2-ko.hwpx");
    assert_eq!(hwpx_logo(&hwpx), Some((120, 40)), "the logo heads the HWPX");

    // A JPEG logo: the HWPX holds it as a PNG of the same size.
    logo.save(tpl.join("logo.jpg")).unwrap();
    fs::write(
        tpl.join("layout.toml"),
        format!("logo = \"logo.jpg\"\n{layout}"),
    )
    .unwrap();
    let out = run(&tmp.path().join("out-jpeg"));
    assert_success(&out);
    let hwpx = tmp.path().join("out-jpeg/2025-Q2/brief-2025-Q2-ko.hwpx");
    assert_eq!(
        hwpx_logo(&hwpx),
        Some((120, 40)),
        "the JPEG logo heads the HWPX"
    );

    fs::write(
        tpl.join("layout.toml"),
        format!("logo = \"missing.png\"\n{layout}"),
    )
    .unwrap();
    let out = run(&tmp.path().join("out2"));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the logo `missing.png` is not in the template folder"),
        "{}",
        stderr(&out)
    );
}

/// Investments "at least" USD 1M and "up to" USD 2M add up to a total with
/// neither bound: the key figures, the summary and the sector table read it
/// "about" (약) in the PDF and the DOCX, never as an exact sum.
#[test]
fn a_total_of_ceilings_and_floors_reads_about() {
    let tmp = common::tempdir();
    let data = common::taxonomy_only_data(tmp.path());
    fs::write(
        data.join("events/mixed.yaml"),
        "id: 2025-05-14-mixed
title: { ko: 투자 협의 }
kind: meeting
start: 2025-05-14
hosts: [대전]
partners: [일본]
sectors: [ai]
outcomes:
  - { type: investment, title: { ko: 가 }, status: signed, amount: { value: 1000000, currency: USD, qualifier: at_least } }
  - { type: investment, title: { ko: 나 }, status: signed, amount: { value: 2000000, currency: USD, qualifier: up_to } }
",
    )
    .unwrap();
    let out = tmp.path().join("out");
    assert_success(&brief(
        &data,
        &out,
        &["--quarter", "2025Q2", "--format", "pdf,docx"],
    ));
    let pdf = squash(&pdf_text(&out.join("2025-Q2/brief-2025-Q2-ko.pdf")));
    // 3,000,000 USD at 1,380 KRW: 41.4억원, three times (key figure,
    // summary, sector row and total), never bare or with one bound.
    assert!(pdf.matches("약 41.4억원").count() >= 3, "{pdf}");
    for wrong in ["최대 41.4억원", "41.4억원 이상"] {
        assert!(!pdf.contains(wrong), "{wrong} in {pdf}");
    }
    let docx = docx_part(
        &out.join("2025-Q2/brief-2025-Q2-ko.docx"),
        "word/document.xml",
    );
    assert!(docx.contains("약 41.4억원"), "the DOCX too");
}

/// The size of the picture that comes first in an HWPX's section, before
/// the title, when it is the logo (its comment names it).
fn hwpx_logo(path: &Path) -> Option<(u32, u32)> {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut section = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("Contents/section0.xml").unwrap(),
        &mut section,
    )
    .unwrap();
    let pic = section.find("<hp:pic ")?;
    let title = section.find("<hp:t>국제협력 분기 동향 브리프</hp:t>")?;
    let comment = &section[pic..section[pic..].find("</hp:pic>")? + pic];
    if pic > title || !comment.contains("로고") || !comment.contains("binaryItemIDRef=\"image1\"")
    {
        return None;
    }
    let mut png = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("BinData/image1.png").ok()?, &mut png).ok()?;
    let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).ok()?;
    Some((img.width(), img.height()))
}

/// The same inputs give byte-identical files; the date of issue comes from
/// the data (the day after the quarter) or from SOURCE_DATE_EPOCH, never
/// from the clock.
#[test]
fn builds_are_byte_identical_and_dated_from_the_data() {
    let tmp = common::tempdir();
    let files = [
        "brief-2025-Q2-ko.pdf",
        "brief-2025-Q2-ko.docx",
        "brief-2025-Q2-ko.json",
    ];
    for run in ["a", "b"] {
        let out = brief(
            &root().join("data"),
            &tmp.path().join(run),
            &["-q", "2025Q2", "--format", "pdf,docx,json"],
        );
        assert_success(&out);
    }
    for f in files {
        let a = fs::read(tmp.path().join("a/2025-Q2").join(f)).unwrap();
        let b = fs::read(tmp.path().join("b/2025-Q2").join(f)).unwrap();
        assert!(a == b, "{f} differs between two builds");
    }
    let model: serde_json::Value = serde_json::from_slice(
        &fs::read(tmp.path().join("a/2025-Q2/brief-2025-Q2-ko.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(model["meta"]["issue_date_iso"], "2025-07-01");

    // 1751932800 = 2025-07-08T00:00:00Z
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["-q", "2025Q2", "--format", "json", "--data"])
        .arg(root().join("data"))
        .arg("--config")
        .arg(root().join("brief.toml"))
        .arg("--out")
        .arg(tmp.path().join("c"))
        .env("SOURCE_DATE_EPOCH", "1751932800")
        .output()
        .unwrap();
    assert_success(&out);
    let model: serde_json::Value = serde_json::from_slice(
        &fs::read(tmp.path().join("c/2025-Q2/brief-2025-Q2-ko.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(model["meta"]["issue_date_iso"], "2025-07-08");
    assert_eq!(model["meta"]["issue_date"], "2025. 7. 8.(화)");
}

/// A record with the fields every record needs, dated `start`.
fn record(id: &str, start: &str) -> String {
    format!(
        "id: {id}\ntitle: {{ ko: 시험 행사 }}\nkind: 포럼\nstart: \"{start}\"\nsectors: [양자]\nhosts: [대전]\npartners: []\n"
    )
}

#[test]
fn the_configuration_is_found_beside_the_data_folder_and_named_in_errors() {
    let tmp = common::tempdir();
    let proj = tmp.path().join("proj");
    let data = taxonomy_only_data(&proj);
    fs::write(proj.join("brief.toml"), "[currency]\nbase = \"KRW\"\n").unwrap();
    let mut r = record("usd-1", "2025-05-02");
    r.push_str("outcomes:\n  - { type: investment, title: { ko: 투자 }, status: signed, amount: { value: 1000000, currency: USD } }\n");
    fs::write(data.join("events/usd.yaml"), r).unwrap();
    // Run from elsewhere, naming only the data folder.
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["validate", "--verbose", "--data"])
        .arg(&data)
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let used = proj.join("brief.toml");
    assert!(
        err.contains(&format!("config: {}", used.display())),
        "{err}"
    );
    assert!(err.contains("unknown currency `USD`"), "{err}");
    assert!(
        err.contains(&format!("(configuration: {})", used.display())),
        "{err}"
    );
    // The files read are listed even though loading failed.
    assert!(err.contains("read: ") && err.contains("usd.yaml"), "{err}");
}

/// `brief validate` on `data` with the project's configuration.
fn validate(data: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["validate", "--data"])
        .arg(data)
        .arg("--config")
        .arg(root().join("brief.toml"))
        .output()
        .unwrap()
}

#[test]
fn records_accept_the_date_forms_sheets_do() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    for (i, d) in [
        "2025-08-15",
        "2025/08/15",
        "2025.8.15",
        "2025. 8. 15.",
        "2025년 8월 15일",
    ]
    .iter()
    .enumerate()
    {
        fs::write(
            data.join(format!("events/d{i}.yaml")),
            record(&format!("d-{i}"), d),
        )
        .unwrap();
    }
    let o = validate(&data);
    assert_success(&o);
    fs::write(data.join("events/bad.yaml"), record("bad", "8월 15일")).unwrap();
    let o = validate(&data);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("`8월 15일` is not a date"), "{err}");
    assert!(err.contains("2025년 8월 15일"), "the forms expected: {err}");
    assert!(!err.contains("four digits"), "{err}");
}

#[test]
fn an_imported_sheet_is_set_aside_so_the_next_run_reads_it_once() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    let sheet = data.join("events/new.csv");
    fs::write(
        &sheet,
        "ID,행사명,유형,시작일,분야,지역\nn-1,대전 양자 포럼,포럼,2025-05-02,양자,대전; 포르보 (핀란드)\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("import")
        .arg(&sheet)
        .arg("--data")
        .arg(&data)
        .arg("--config")
        .arg(root().join("brief.toml"))
        .output()
        .unwrap();
    assert_success(&o);
    assert!(stderr(&o).contains("moved "), "{}", stderr(&o));
    // Warnings reach the person importing, before the sheet is set aside.
    assert!(
        stderr(&o).contains("`포르보` is not in the regions taxonomy"),
        "{}",
        stderr(&o)
    );
    assert!(!sheet.exists());
    assert!(data.join("imported/new.csv").exists());
    assert!(data.join("events/n-1.yaml").exists());
    assert_success(&validate(&data));
}

#[test]
fn a_label_two_sectors_share_names_both() {
    let tmp = common::tempdir();
    let data = taxonomy_only_data(tmp.path());
    let sectors = data.join("taxonomy/sectors.yaml");
    let mut text = fs::read_to_string(&sectors).unwrap();
    text.push_str(
        "- id: solar\n  ko: 재생발전\n  en: Solar\n- id: wind\n  ko: 재생발전\n  en: Wind\n",
    );
    fs::write(&sectors, text).unwrap();
    let mut r = record("e-1", "2025-05-02");
    r = r.replace("sectors: [양자]", "sectors: [재생발전]");
    fs::write(data.join("events/e.yaml"), r).unwrap();
    let o = validate(&data);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("`재생발전` is the label of 2 sector entries: `solar`, `wind`"),
        "{err}"
    );
}
