//! `brief build` and `brief check` on a copy of the sample data: a no-op
//! second build, a one-event change rebuilding exactly the briefs that show
//! it, template changes rebuilding all, exit codes, and runs that fail or
//! are killed midway leaving the previous good files intact.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

struct Project {
    _tmp: common::TempDir,
    data: PathBuf,
    templates: PathBuf,
    out: PathBuf,
}

/// A copy of the sample data and templates to change.
fn project() -> Project {
    let tmp = common::tempdir();
    let data = tmp.path().join("data");
    let templates = tmp.path().join("templates");
    copy_dir(&root().join("data"), &data);
    copy_dir(&root().join("templates"), &templates);
    let out = tmp.path().join("out");
    Project {
        data,
        templates,
        out,
        _tmp: tmp,
    }
}

impl Project {
    fn command(&self, sub: &str, extra: &[&str]) -> Command {
        self.command_on(&self.data, sub, extra)
    }

    /// `command` with the data folder named as `data`.
    fn command_on(&self, data: &Path, sub: &str, extra: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_brief"));
        c.arg(sub)
            .args(extra)
            .arg("--data")
            .arg(data)
            .arg("--template")
            .arg(&self.templates)
            .arg("--config")
            .arg(root().join("brief.toml"))
            .arg("--out")
            .arg(&self.out)
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("CI");
        c
    }

    /// Runs `sub` over 2025Q1..2026Q1 in Korean, PDF + DOCX: five quarters,
    /// the two halves of 2025 and the year 2025 (2026H1 and 2026 end after
    /// the range).
    fn run(&self, sub: &str) -> Output {
        self.run_as(sub, "pdf,docx")
    }

    /// `run` with other formats.
    fn run_as(&self, sub: &str, formats: &str) -> Output {
        self.run_on(&self.data, sub, formats)
    }

    /// `run_as` with the data folder named as `data`.
    fn run_on(&self, data: &Path, sub: &str, formats: &str) -> Output {
        self.command_on(
            data,
            sub,
            &[
                "--from",
                "2025Q1",
                "--to",
                "2026Q1",
                "--periods",
                "quarter,half,year",
                "--lang",
                "ko",
                "--format",
                formats,
                "--progress",
                "plain",
            ],
        )
        .output()
        .unwrap()
    }

    /// Every output file with its modification time and bytes.
    fn files(&self) -> BTreeMap<String, (SystemTime, Vec<u8>)> {
        let mut out = BTreeMap::new();
        for q in fs::read_dir(&self.out).unwrap().flatten() {
            if !q.path().is_dir() {
                continue;
            }
            for f in fs::read_dir(q.path()).unwrap().flatten() {
                let rel = format!(
                    "{}/{}",
                    q.file_name().to_string_lossy(),
                    f.file_name().to_string_lossy()
                );
                let meta = f.metadata().unwrap();
                out.insert(rel, (meta.modified().unwrap(), fs::read(f.path()).unwrap()));
            }
        }
        out
    }

    fn manifest_mtime(&self) -> SystemTime {
        fs::metadata(self.out.join(".brief-manifest.json"))
            .unwrap()
            .modified()
            .unwrap()
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(o: &Output) {
    assert!(o.status.success(), "{:?}\n{}", o.status.code(), text(o));
}

/// The output files a run's stdout names (written, or reported stale).
fn named(o: &Output) -> Vec<String> {
    let mut v: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let l = l.strip_prefix("stale: ").unwrap_or(l);
            let path = l.split(" (").next()?;
            let mut parts: Vec<&str> = path.rsplit('/').take(2).collect();
            parts.reverse();
            Some(parts.join("/"))
        })
        .collect();
    v.sort();
    v
}

fn all_briefs() -> Vec<String> {
    let mut v = Vec::new();
    for q in [
        "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2025-H1", "2025-H2", "2025",
    ] {
        for ext in ["docx", "pdf"] {
            v.push(format!("{q}/brief-{q}-ko.{ext}"));
        }
    }
    v.sort();
    v
}

/// Adds attendance to the 2025Q1 council: its figures change, and with
/// them the previous-quarter column of 2025Q2 and the year-ago column of
/// 2026Q1, its half 2025H1 and the previous-half column of 2025H2, and the
/// year 2025. Nothing else shows attendance of that event.
fn change_one_event(p: &Project) {
    let path = p
        .data
        .join("events/2025-03-27-chungcheong-strategic-industry-council.yaml");
    let mut yaml = fs::read_to_string(&path).unwrap();
    yaml.push_str("attendance: { count: 40, approximate: false }\n");
    fs::write(&path, yaml).unwrap();
}

#[test]
fn a_second_build_writes_nothing_and_one_event_rebuilds_its_dependents() {
    let p = project();
    let first = p.run("build");
    ok(&first);
    assert_eq!(named(&first), all_briefs(), "{}", text(&first));
    let before = p.files();
    let manifest_before = p.manifest_mtime();
    ok(&p.run("check"));

    // Nothing changed: nothing written, modification times unchanged.
    std::thread::sleep(Duration::from_millis(20));
    let second = p.run("build");
    ok(&second);
    assert!(named(&second).is_empty(), "{}", text(&second));
    assert!(
        text(&second).contains("up to date: no input changed"),
        "{}",
        text(&second)
    );
    assert_eq!(p.files(), before, "no file touched");
    assert_eq!(p.manifest_mtime(), manifest_before, "manifest untouched");

    // One event changes: check names exactly its dependents, exit 3.
    change_one_event(&p);
    let dependents: Vec<String> = all_briefs()
        .into_iter()
        .filter(|b| {
            [
                "2025-Q1/", "2025-Q2/", "2026-Q1/", "2025-H1/", "2025-H2/", "2025/",
            ]
            .iter()
            .any(|q| b.starts_with(q))
        })
        .collect();
    let check = p.run("check");
    assert_eq!(check.status.code(), Some(3), "{}", text(&check));
    assert_eq!(named(&check), dependents, "{}", text(&check));
    assert!(text(&check).contains("inputs changed"));
    assert_eq!(p.files(), before, "check writes nothing");

    let third = p.run("build");
    ok(&third);
    assert_eq!(named(&third), dependents, "{}", text(&third));
    let after = p.files();
    for (rel, (mtime, bytes)) in &before {
        let rebuilt = dependents.contains(rel);
        assert_eq!(after[rel].0 == *mtime, !rebuilt, "{rel} mtime");
        assert_eq!(after[rel].1 == *bytes, !rebuilt, "{rel} bytes");
    }
    ok(&p.run("check"));

    // A template change makes every brief stale.
    let typ = p.templates.join("brief.typ");
    let mut t = fs::read_to_string(&typ).unwrap();
    t.push_str("\n// a comment\n");
    fs::write(&typ, t).unwrap();
    let check = p.run("check");
    assert_eq!(check.status.code(), Some(3));
    assert_eq!(named(&check), all_briefs());

    // A deleted or edited output is stale too.
    ok(&p.run("build"));
    ok(&p.run("check"));
    fs::remove_file(p.out.join("2025-Q3/brief-2025-Q3-ko.pdf")).unwrap();
    fs::write(p.out.join("2025-Q4/brief-2025-Q4-ko.docx"), b"edited").unwrap();
    let check = p.run("check");
    assert_eq!(check.status.code(), Some(3));
    let stdout = String::from_utf8_lossy(&check.stdout).to_string();
    assert!(
        stdout.contains("brief-2025-Q3-ko.pdf (file missing)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("brief-2025-Q4-ko.docx (file changed since it was built)"),
        "{stdout}"
    );
    // ... and the next build, although no input changed, restores them.
    let restore = p.run("build");
    ok(&restore);
    assert_eq!(
        named(&restore),
        [
            "2025-Q3/brief-2025-Q3-ko.pdf",
            "2025-Q4/brief-2025-Q4-ko.docx"
        ],
        "{}",
        text(&restore)
    );
    ok(&p.run("check"));
}

/// The data folder named another way (`DATA/.`, as `./data` or an
/// absolute path would be) is the same input: `check` finds every brief
/// fresh, and a build writes nothing.
#[test]
fn the_data_folder_named_another_way_is_the_same_input() {
    let p = project();
    ok(&p.run("build"));
    let before = p.files();
    let same = p.data.join(".");
    ok(&p.run_on(&same, "check", "pdf,docx"));
    let build = p.run_on(&same, "build", "pdf,docx");
    ok(&build);
    assert!(named(&build).is_empty(), "{}", text(&build));
    assert_eq!(p.files(), before, "no file touched");
}

#[test]
fn check_exits_2_on_invalid_data_and_writes_nothing() {
    let p = project();
    fs::write(
        p.data.join("events/bad.yaml"),
        "id: bad\ntitle: x\nstart: 2025-02-30\n",
    )
    .unwrap();
    let check = p.run("check");
    assert_eq!(check.status.code(), Some(2), "{}", text(&check));
    assert!(text(&check).contains("bad.yaml"), "{}", text(&check));
    assert!(!p.out.exists(), "nothing written");
}

#[test]
fn a_render_failing_midway_leaves_the_previous_files_intact() {
    let p = project();
    ok(&p.run("build"));
    let before = p.files();

    // A template change that fails for one quarter only: the quarters before
    // it are rebuilt and written, that quarter's old files stay as they were.
    let typ = p.templates.join("brief.typ");
    let mut t = fs::read_to_string(&typ).unwrap();
    t.push_str("\n#if b.meta.period == \"2025Q3\" { panic(\"broken for this quarter\") }\n");
    fs::write(&typ, t).unwrap();
    let failed = p.run("build");
    assert_eq!(failed.status.code(), Some(1), "{}", text(&failed));
    assert!(
        text(&failed).contains("broken for this quarter"),
        "{}",
        text(&failed)
    );
    let after = p.files();
    for q in ["2025-Q3", "2025-Q4", "2026-Q1"] {
        for ext in ["pdf", "docx"] {
            let rel = format!("{q}/brief-{q}-ko.{ext}");
            assert_eq!(after[&rel], before[&rel], "{rel} untouched");
        }
    }
    let leftovers: Vec<_> = fs::read_dir(p.out.join("2025-Q3"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
    // The manifest knows which quarters were done: check names the rest.
    let check = p.run("check");
    assert_eq!(check.status.code(), Some(3));
    let stale = named(&check);
    assert!(
        stale
            .iter()
            .all(|s| !s.starts_with("2025-Q1") && !s.starts_with("2025-Q2")),
        "{stale:?}"
    );
    assert!(stale.iter().any(|s| s.starts_with("2025-Q3")), "{stale:?}");
}

#[test]
fn a_killed_build_never_leaves_a_half_written_brief() {
    let p = project();
    ok(&p.run("build"));
    let before = p.files();
    // Every brief stale (template change), then the build is killed while
    // it renders and writes.
    let typ = p.templates.join("brief.typ");
    let mut t = fs::read_to_string(&typ).unwrap();
    t.push_str("\n// changed\n");
    fs::write(&typ, t).unwrap();
    for delay in [150u64, 400, 700] {
        let mut child = p
            .command(
                "build",
                &[
                    "--from", "2025Q1", "--to", "2026Q1", "--lang", "ko", "--format", "pdf,docx",
                ],
            )
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        // Each file is the old one or a complete new one.
        for (rel, (_, bytes)) in p.files() {
            if rel.ends_with(".tmp") {
                continue;
            }
            let old = &before[&rel].1;
            if bytes == *old {
                continue;
            }
            if rel.ends_with(".pdf") {
                assert!(bytes.starts_with(b"%PDF-"), "{rel}");
                let tail =
                    String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]).to_string();
                assert!(tail.contains("%%EOF"), "{rel} is complete");
            } else {
                let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes));
                assert!(zip.is_ok(), "{rel} is a complete package");
            }
        }
    }
    // A build after the interruptions completes, everything is fresh, and
    // no temporary file of the killed runs is left.
    ok(&p.run("build"));
    ok(&p.run("check"));
    for q in fs::read_dir(&p.out)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
    {
        for f in fs::read_dir(q.path()).unwrap().flatten() {
            let name = f.file_name().to_string_lossy().to_string();
            assert!(!name.ends_with(".tmp"), "left over: {name}");
        }
    }
}

#[test]
fn a_single_quarter_build_into_the_folder_is_not_mistaken_for_fresh() {
    let p = project();
    ok(&p.run("build"));
    // `brief -q` with other labels writes 2025Q2 into the same folder.
    let other = p.templates.parent().unwrap().join("other");
    copy_dir(&p.templates, &other);
    let strings = other.join("strings.ko.toml");
    let t = fs::read_to_string(&strings).unwrap();
    fs::write(
        &strings,
        t.replace("국제협력 분기 동향 브리프", "다른 제목 브리프"),
    )
    .unwrap();
    let single = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["-q", "2025Q2", "--lang", "ko", "--format", "pdf"])
        .arg("--data")
        .arg(&p.data)
        .arg("--template")
        .arg(&other)
        .arg("--config")
        .arg(root().join("brief.toml"))
        .arg("--out")
        .arg(&p.out)
        .output()
        .unwrap();
    ok(&single);
    // The project's own build puts its 2025Q2 PDF back.
    let check = p.run("check");
    assert_eq!(check.status.code(), Some(3), "{}", text(&check));
    assert_eq!(named(&check), ["2025-Q2/brief-2025-Q2-ko.pdf"]);
    let again = p.run("build");
    ok(&again);
    assert_eq!(named(&again), ["2025-Q2/brief-2025-Q2-ko.pdf"]);
    ok(&p.run("check"));
}

/// The PDF and the DOCX do not read the annex's rows, so they are built
/// without them; asking for the annex workbook as well builds the rows but
/// leaves the PDF and the DOCX fresh, and the workbook lists every event.
#[test]
fn asking_for_the_annex_workbook_too_leaves_the_pdf_and_docx_fresh() {
    let p = project();
    ok(&p.run("build"));
    let check = p.run_as("check", "pdf,docx,xlsx");
    assert_eq!(check.status.code(), Some(3), "{}", text(&check));
    let stale = named(&check);
    assert_eq!(stale.len(), 8, "{stale:?}");
    assert!(stale.iter().all(|f| f.ends_with(".xlsx")), "{stale:?}");
    ok(&p.run_as("build", "pdf,docx,xlsx"));
    ok(&p.run_as("check", "pdf,docx,xlsx"));
    ok(&p.run("check"));
    let q2 = p.out.join("2025-Q2/brief-2025-Q2-ko.xlsx");
    let strings = common::docx_part(&q2, "xl/sharedStrings.xml");
    assert!(
        strings.contains("2025-06-daejeon-mission-quebec-boston"),
        "the 2025Q2 annex lists its event: {strings}"
    );
}
