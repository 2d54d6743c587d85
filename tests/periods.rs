//! Half-year, annual and month-range briefs from the real binary on the
//! sample data, read the way a reader sees them: the PDF's text, the DOCX's
//! document XML, file names and exit codes.

mod common;
use common::*;

use std::path::Path;
use std::process::Command;

/// The PDF text (squashed) and DOCX document XML of one brief.
fn texts(out: &Path, slug: &str, lang: &str) -> (String, String) {
    let stem = format!("{slug}/brief-{slug}-{lang}");
    let pdf = squash(&pdf_text(&out.join(format!("{stem}.pdf"))));
    let docx = docx_part(&out.join(format!("{stem}.docx")), "word/document.xml");
    (pdf, docx)
}

fn has(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "lacks {n:?}:\n{text}");
    }
}

#[test]
fn a_half_year_brief_in_both_languages() {
    let tmp = tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &[
            "--half", "2025H1", "--lang", "ko,en", "--format", "pdf,docx",
        ],
    );
    assert_success(&out);
    let (pdf, docx) = texts(tmp.path(), "2025-H1", "ko");
    has(
        &pdf,
        &[
            "국제협력 반기 동향 브리프",
            "2025년 상반기 · 전략산업 국제협력 동향",
            "대상 기간 2025. 1. 1.(수)~6. 30.(월)",
            "이번 반기 직전 반기 증감 전년 동기",
            // The council (March) and the mission (June) both count.
            "2025년 상반기에는 국제협력 행사 2건을 추진하여",
            "직전 반기(2024년 하반기) 0건 대비 2건 늘었고, 전년 동기(2024년 상반기) 0건 대비 2건 늘었음",
            "충청권 초광역 전략산업 실무협의회",
            // Known only to 2025: listed, not counted.
            "날짜가 연도까지만 알려진 행사 1건은 이 집계에서 제외하고",
            "다음 반기 기한",
        ],
    );
    has(
        &docx,
        &["국제협력 반기 동향 브리프", "2025년 상반기", "이번 반기"],
    );
    let (pdf, _) = texts(tmp.path(), "2025-H1", "en");
    has(
        &pdf,
        &[
            "International Cooperation Half-Year Brief",
            "H1 2025",
            "In H1 2025, 2 cooperation events were held",
            "the previous half-year (H2 2024)",
            "the same half last year (H1 2024)",
        ],
    );
}

#[test]
fn an_annual_brief_counts_the_year_only_conference_and_shows_five_years() {
    let tmp = tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["--year", "2025", "--lang", "ko,en", "--format", "pdf,docx"],
    );
    assert_success(&out);
    let (pdf, docx) = texts(tmp.path(), "2025", "ko");
    has(
        &pdf,
        &[
            "국제협력 연간 동향 브리프",
            "2025년 연간 · 전략산업 국제협력 동향",
            "올해 전년 증감",
            "2025년 연간에는 국제협력 행사 3건을 추진하여",
            "전년(2024년) 0건 대비 3건 늘었음",
            "최근 5년 추이",
            "2021년 0건",
            "2023년 1건 14건 13건",
            "최근 5년 행사 수는 2021년 0건, 2022년 0건, 2023년 1건, 2024년 0건, 2025년 3건임",
            "참석 인원 약 300명 (1건 기준)",
            "제23회 환황해 경제·기술교류회의",
            "월별 행사 수(최근 24개월, 진한 막대가 올해)",
        ],
    );
    // No "same period a year before" for a year, and nothing left out.
    assert!(!pdf.contains("전년 동기"), "{pdf}");
    assert!(!pdf.contains("월 미상 행사"), "{pdf}");
    has(
        &docx,
        &["국제협력 연간 동향 브리프", "최근 5년 추이", "2025년 연간"],
    );
    assert!(!docx.contains("전년 동기"));
    let (pdf, _) = texts(tmp.path(), "2025", "en");
    has(
        &pdf,
        &[
            "International Cooperation Annual Brief",
            "In 2025, 3 cooperation events were held",
            "up 3 from 0 in the previous year (2024)",
            "Five-year trend",
            "Events over five years: 2021: 0, 2022: 0, 2023: 1, 2024: 0, 2025: 3.",
        ],
    );
    assert!(!pdf.contains("last year ("), "{pdf}");
}

#[test]
fn any_run_of_whole_months() {
    let tmp = tempdir();
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &[
            "--from", "2025-03", "--to", "2025-08", "--lang", "ko,en", "--format", "pdf,docx",
        ],
    );
    assert_success(&out);
    let (pdf, _) = texts(tmp.path(), "2025-03--2025-08", "ko");
    has(
        &pdf,
        &[
            "국제협력 동향 브리프",
            "2025년 3~8월",
            "대상 기간 2025. 3. 1.(토)~8. 31.(일)",
            "직전 기간(2024년 9월~2025년 2월) 0건 대비 2건 늘었고",
        ],
    );
    let (pdf, _) = texts(tmp.path(), "2025-03--2025-08", "en");
    has(
        &pdf,
        &["Mar–Aug 2025", "the previous period (Sep 2024–Feb 2025)"],
    );

    // Whole halves are named as such, whichever way they are asked for.
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["--from", "2025-01", "--to", "2025-06", "--format", "json"],
    );
    assert_success(&out);
    assert!(tmp.path().join("2025-H1/brief-2025-H1-ko.json").is_file());
    let out = brief(
        &root().join("data"),
        tmp.path(),
        &["--half", "2025상반기", "--format", "json", "--lang", "en"],
    );
    assert_success(&out);
    assert!(tmp.path().join("2025-H1/brief-2025-H1-en.json").is_file());
}

#[test]
fn period_usage_errors_exit_2_and_say_what_to_type() {
    for (args, says) in [
        (&["--half", "2025H3"][..], "2025H1"),
        (&["--year", "25"], "four digits"),
        (&["--from", "2025-08", "--to", "2025-03"], "is after"),
        (&["--from", "2025-13", "--to", "2025-14"], "does not exist"),
        (&["--from", "2025-03"], "--to"),
        (
            &["--quarter", "2025Q1", "--year", "2025"],
            "cannot be used with",
        ),
        (&[], "--quarter"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(args)
            .args(["--data"])
            .arg(root().join("data"))
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn build_writes_every_kind_of_period_and_check_agrees() {
    let tmp = tempdir();
    let run = |command: &str| {
        let args = [
            command,
            "--periods",
            "quarter,half,year",
            "--lang",
            "ko",
            "--format",
            "json",
        ];
        brief(&root().join("data"), tmp.path(), &args)
    };
    assert_success(&run("build"));
    let mut made: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    made.sort();
    // Every period with an event counted in it: the year-only conference
    // makes 2025 a year with events, not a half or quarter of its own.
    assert_eq!(
        made,
        [
            "2017", "2017-H2", "2017-Q4", "2018", "2018-H1", "2018-Q1", "2023", "2023-H1",
            "2023-Q2", "2025", "2025-H1", "2025-Q1", "2025-Q2",
        ]
    );
    let check = run("check");
    assert_success(&check);
    assert!(
        stderr(&check).contains("0 of 13 briefs stale across 13 periods"),
        "{}",
        stderr(&check)
    );
    // Only halves, from a bound given as a year.
    let halves = tempdir();
    let out = brief(
        &root().join("data"),
        halves.path(),
        &[
            "build",
            "--periods",
            "half",
            "--from",
            "2025",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    assert_success(&out);
    assert!(
        halves
            .path()
            .join("2025-H1/brief-2025-H1-en.json")
            .is_file()
    );
    assert!(!halves.path().join("2023-H1").exists());
    let bad = brief(
        &root().join("data"),
        halves.path(),
        &["build", "--periods", "week"],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("unknown kind of period `week`"),
        "{}",
        stderr(&bad)
    );
}
