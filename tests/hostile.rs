//! The wall against bad input: every file of `tests/hostile/` (and a few
//! generated at test time because they are large) is put alone into a data
//! folder with the real taxonomies, and `brief` must answer with a clear,
//! located error — or, for text that is merely odd, a correct literal
//! rendering — within bounded time and memory (each run is limited to 2 GiB
//! of address space with `ulimit -v`, and killed after 60 s).

mod common;
use common::*;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A data folder with the real taxonomies and no events.
fn data_folder() -> common::TempDir {
    let tmp = common::tempdir();
    taxonomy_only_data(tmp.path());
    tmp
}

/// Runs brief with `args` under a 2 GiB address-space limit and a 60 s
/// deadline; returns its output and how long it took.
fn run_bounded(args: &[&str], dir: &Path) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2097152 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .arg("--config")
        .arg(root().join("brief.toml"))
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain the pipes on threads so a chatty child cannot block.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("brief {args:?} ran for more than 60 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let output = Output {
        status,
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
    };
    (output, started.elapsed())
}

/// Puts `files` (name, bytes) into events/ and runs `brief validate`.
fn validate(files: &[(&str, Vec<u8>)]) -> (Output, String) {
    let tmp = data_folder();
    for (name, bytes) in files {
        fs::write(tmp.path().join("data/events").join(name), bytes).unwrap();
    }
    let (o, took) = run_bounded(&["validate", "--data", "data"], tmp.path());
    assert!(
        took < Duration::from_secs(20),
        "{files:?} took {took:?}",
        files = names(files)
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.status.code().is_some(),
        "killed by a signal (crash or memory limit): {text}"
    );
    assert!(!text.contains("panicked"), "{text}");
    (o, text)
}

fn names(files: &[(&str, Vec<u8>)]) -> Vec<String> {
    files.iter().map(|(n, _)| n.to_string()).collect()
}

fn corpus(name: &str) -> (&str, Vec<u8>) {
    let bytes = fs::read(root().join("tests/hostile").join(name)).unwrap();
    (Box::leak(name.to_string().into_boxed_str()), bytes)
}

/// Invalid: exit 2, and every `needle` in the messages (the file name is
/// always checked).
fn refused(files: &[(&str, Vec<u8>)], needles: &[&str]) {
    let (o, text) = validate(files);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{:?} should be refused:\n{text}",
        names(files)
    );
    assert!(
        text.contains(files[0].0),
        "the message names the file:\n{text}"
    );
    for n in needles {
        assert!(
            text.contains(n),
            "{:?}: expected {n:?} in:\n{text}",
            names(files)
        );
    }
}

#[test]
fn empty_bom_only_binary_and_truncated_files_are_refused_with_their_location() {
    refused(&[corpus("empty.yaml")], &["the file is empty"]);
    refused(&[corpus("bom-only.yaml")], &["the file is empty"]);
    refused(&[corpus("binary.yaml")], &["not valid UTF-8"]);
    refused(&[corpus("binary.csv")], &["neither UTF-8 nor CP949"]);
    refused(
        &[corpus("truncated.yaml")],
        &["truncated.yaml:19:5", "missing field `status`"],
    );
    refused(
        &[corpus("truncated.json")],
        &["truncated.json:1:29", "unclosed quote"],
    );
    refused(&[corpus("not-a-mapping.yaml")], &["expected mapping"]);
    refused(
        &[corpus("not-a-workbook.xlsx")],
        &["failed to open the workbook"],
    );
    refused(
        &[corpus("zip-not-xlsx.xlsx")],
        &["failed to open the workbook"],
    );
}

#[test]
fn empty_and_header_only_sheets_hold_no_events() {
    for name in ["empty.csv", "header-only.csv"] {
        let (o, text) = validate(&[corpus(name)]);
        assert!(o.status.success(), "{name}: {text}");
        assert!(text.contains("ok: 0 events"), "{name}: {text}");
    }
}

#[test]
fn crlf_line_endings_are_read_like_lf() {
    let (o, text) = validate(&[corpus("crlf.yaml")]);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("ok: 1 events"), "{text}");
}

#[test]
fn control_characters_are_refused_in_every_reader() {
    refused(&[corpus("nul-bytes.yaml")], &["nul-bytes.yaml:3:"]);
    refused(&[corpus("nul-bytes.csv")], &["[column B `제목`]", "U+0000"]);
    refused(
        &[corpus("control-escapes.json")],
        &["control-escapes.json:1:", "U+0000"],
    );
    refused(
        &[corpus("control-escapes.yaml")],
        &["control-escapes.yaml:3:", "U+0000"],
    );
}

#[test]
fn a_control_character_in_a_taxonomy_label_is_refused() {
    let tmp = data_folder();
    let path = tmp.path().join("data/taxonomy/sectors.yaml");
    let yaml = fs::read_to_string(&path).unwrap();
    // YAML's `\a` escape is the bell character, U+0007.
    let yaml = yaml.replacen("ko: 바이오·헬스케어", "ko: \"바이오\\a헬스케어\"", 1);
    fs::write(&path, yaml).unwrap();
    let (o, _) = run_bounded(&["validate", "--data", "data"], tmp.path());
    let text = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(2), "{text}");
    assert!(
        text.contains("sectors.yaml") && text.contains("U+0007"),
        "{text}"
    );
}

#[test]
fn impossible_dates_amounts_fields_and_ids_are_refused() {
    refused(
        &[corpus("feb-30.yaml")],
        &["feb-30.yaml:6:8", "2025-02-30 is not a calendar date"],
    );
    refused(
        &[corpus("negative-and-absurd-amounts.yaml")],
        &[
            "amount -5000000 is out of range",
            "amount 1e300 is out of range",
        ],
    );
    refused(
        &[corpus("unknown-field.yaml")],
        &["unknown-field.yaml:6:1", "unknown field `titel`"],
    );
    refused(
        &[corpus("duplicate-id-a.yaml"), corpus("duplicate-id-b.yaml")],
        &["duplicate event id `hostile-event`", "duplicate-id-b.yaml"],
    );
    refused(
        &[corpus("ragged-rows.csv")],
        &["ragged-rows.csv:2", "names no sector"],
    );
}

#[test]
fn alias_bombs_and_deep_nesting_stop_early() {
    refused(&[corpus("alias-bomb.yaml")], &["alias-bomb.yaml:1:1"]);
    // A flood of aliases in a field that would accept them.
    let mut flood = String::from(
        "id: flood\ntitle: x\nkind: conference\nstart: 2025-05-01\nsectors: [바이오]\nhosts: [&a 대전",
    );
    for _ in 0..60_000 {
        flood.push_str(", *a");
    }
    flood.push_str("]\n");
    refused(
        &[("alias-flood.yaml", flood.into_bytes())],
        &["alias-flood.yaml"],
    );
    let deep = |open: &str, close: &str, head: &str, tail: &str| {
        format!(
            "{head}{}{}{tail}",
            open.repeat(100_000),
            close.repeat(100_000)
        )
        .into_bytes()
    };
    refused(
        &[("deep.yaml", deep("[", "]", "id: deep\ntitle: ", "\n"))],
        &["deep.yaml:2:"],
    );
    refused(
        &[(
            "deep.json",
            deep("[", "]", "{\"id\": \"deep\", \"title\": ", "}"),
        )],
        &["recursion limit"],
    );
    let mut map = String::from("id: deep\ntitle:\n");
    for i in 1..3000 {
        map.push_str(&"  ".repeat(i));
        map.push_str("a:\n");
    }
    refused(
        &[("deep-map.yaml", map.into_bytes())],
        &["deep-map.yaml:3:"],
    );
}

#[test]
fn huge_fields_are_refused_without_reading_them_whole() {
    // 50 MB in one field: over the record size limit.
    let mut big = b"id: big\ntitle: \"".to_vec();
    big.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
    big.extend_from_slice(b"\"\n");
    refused(&[("big.yaml", big)], &["records are limited to"]);
    // 50 MB in one CSV cell: the sheet is read, the cell refused.
    let mut csv = "id,제목,시작일,유형,분야,지역\nbig,".as_bytes().to_vec();
    csv.extend(std::iter::repeat_n(b'y', 50 * 1024 * 1024));
    csv.extend_from_slice("y,2025-05-01,회의,바이오,대전\n".as_bytes());
    refused(
        &[("big.csv", csv)],
        &["[column B `제목`]", "a field holds at most"],
    );
    // A long title under the file limit, in YAML: refused, message short.
    let mut long = b"id: long\ntitle: \"".to_vec();
    long.extend(std::iter::repeat_n(b'z', 2 * 1024 * 1024));
    long.extend_from_slice(b"\"\nkind: conference\nstart: 2025-05-01\n");
    let (o, text) = validate(&[("long.yaml", long)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text.contains("a field holds at most"),
        "{}",
        &text[..text.len().min(2000)]
    );
    assert!(
        text.len() < 4000,
        "the message quotes at most a line's start"
    );
}

#[test]
fn symlinks_out_of_the_data_folder_are_not_followed() {
    let tmp = data_folder();
    let events = tmp.path().join("data/events");
    fs::copy(
        root().join("data/events/2025-06-daejeon-mission-quebec-boston.yaml"),
        events.join("mission.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("/etc/passwd", events.join("passwd.yaml")).unwrap();
    std::os::unix::fs::symlink("/etc", events.join("etc")).unwrap();
    let (o, _) = run_bounded(&["validate", "--data", "data"], tmp.path());
    let text = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("ok: 1 events"), "{text}");
    assert!(
        text.contains("passwd.yaml") && text.contains("links are not followed"),
        "{text}"
    );
    assert!(!text.contains("root:x:0"), "{text}");
}

#[test]
fn templates_cannot_reach_outside_their_folder() {
    let tmp = data_folder();
    fs::copy(
        root().join("data/events/2025-06-daejeon-mission-quebec-boston.yaml"),
        tmp.path().join("data/events/mission.yaml"),
    )
    .unwrap();
    let tpl = tmp.path().join("tpl");
    fs::create_dir_all(&tpl).unwrap();
    // A linked template file is skipped (the built-in one is used) ...
    std::os::unix::fs::symlink("/etc/passwd", tpl.join("strings.en.toml")).unwrap();
    // ... and a logo path climbing out of the folder is refused.
    let layout = fs::read_to_string(root().join("templates/layout.toml")).unwrap();
    fs::write(
        tpl.join("layout.toml"),
        format!("logo = \"../../../../etc/passwd.png\"\n{layout}"),
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "-q",
            "2025Q2",
            "--data",
            "data",
            "--template",
            "tpl",
            "--out",
            "out",
        ];
        args.extend_from_slice(extra);
        let (o, _) = run_bounded(&args, tmp.path());
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).to_string(),
        )
    };
    let (code, text) = run(&["--lang", "en"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("is not in the template folder"), "{text}");
    assert!(!tmp.path().join("out").exists());

    // A template reading a path outside: file not found, nothing written.
    fs::remove_file(tpl.join("layout.toml")).unwrap();
    let typ = fs::read_to_string(root().join("templates/brief.typ")).unwrap();
    fs::write(
        tpl.join("brief.typ"),
        format!("#read(\"../../../../../etc/passwd\")\n{typ}"),
    )
    .unwrap();
    let (code, text) = run(&["--format", "pdf"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(!text.contains("root:x:0"), "{text}");
    assert!(!tmp.path().join("out").exists());

    // Without the bad files the folder works: the linked strings file was
    // skipped, so the built-in English labels are used.
    fs::remove_file(tpl.join("brief.typ")).unwrap();
    let (code, text) = run(&["--format", "pdf", "--lang", "en"]);
    assert_eq!(code, Some(0), "{text}");
    let pdf = squash(&pdf_text(
        &tmp.path().join("out/2025-Q2/brief-2025-Q2-en.pdf"),
    ));
    assert!(
        pdf.contains("International Cooperation Quarterly Brief"),
        "{pdf}"
    );
    assert!(!pdf.contains("root:x:0"));
}

#[test]
fn markup_in_every_text_field_prints_literally() {
    let tmp = data_folder();
    fs::copy(
        root().join("tests/hostile/markup-everywhere.yaml"),
        tmp.path().join("data/events/markup.yaml"),
    )
    .unwrap();
    let (o, took) = run_bounded(
        &[
            "-q", "2025Q2", "--data", "data", "--out", "out", "--lang", "ko,en",
        ],
        tmp.path(),
    );
    let text = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{text}");
    assert!(took < Duration::from_secs(30));
    let q = tmp.path().join("out/2025-Q2");
    for (lang, words) in [
        (
            "en",
            [
                "Markup",
                "Outcome",
                "Party",
                "Action",
                "Owner",
                "Summary",
                "Date note",
            ],
        ),
        (
            "ko",
            [
                "마크업",
                "성과",
                "당사자",
                "조치",
                "담당",
                "요약",
                "날짜 메모",
            ],
        ),
    ] {
        let pdf = squash(&pdf_text(&q.join(format!("brief-2025-Q2-{lang}.pdf"))));
        let xml = docx_part(
            &q.join(format!("brief-2025-Q2-{lang}.docx")),
            "word/document.xml",
        );
        // The DOCX is well-formed XML whatever the text held.
        let doc = roxmltree::Document::parse(&xml).expect("well-formed document.xml");
        let docx: String = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "t")
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("\n");
        let [title, outcome, party, action, owner, summary, note] = words;
        for needle in [
            format!("{title} #set page(width: 1pt) $x^2$"),
            "@ref {{ 7*7 }} {% if true %}T{% endif %}".to_string(),
            format!("{outcome} {{{{ config }}}} {{# "),
            "${PATH} `code` *em* _u_".to_string(),
            format!("{party} #{{1+1}} \\u{{41}}"),
            format!("{action} #pagebreak() #panic(\"x\")"),
            format!("{owner} {{% raw %}}"),
            format!("{summary} #set text(size: 100pt) \\"),
            format!("{note} </w:t><w:t>XML"),
            "& \"".to_string(),
            "]]> <!-- c -->".to_string(),
            "<b>&amp;</b>".to_string(),
            "Title #link(\"file:///etc/passwd\")".to_string(),
        ] {
            assert!(pdf.contains(&needle), "{lang} PDF lacks {needle:?}:\n{pdf}");
            assert!(
                docx.contains(&needle),
                "{lang} DOCX lacks {needle:?}:\n{docx}"
            );
        }
    }
}
