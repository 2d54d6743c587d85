//! Helpers the integration tests share: where the project is, copying a
//! folder, and reading back what a reader of the outputs sees.
#![allow(dead_code)] // each test file uses some of them

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the folder `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// The PDF's text as `pdftotext -layout` extracts it.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext is needed by the tests: install poppler-utils");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One part of a DOCX package, e.g. `word/document.xml`.
pub fn docx_part(path: &Path, part: &str) -> String {
    let file = fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("the DOCX is a zip package");
    let mut s = String::new();
    zip.by_name(part)
        .expect("part exists")
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// `dir/data` holding the sample taxonomies and an empty `events/`.
pub fn taxonomy_only_data(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    copy_dir(&root().join("data/taxonomy"), &data.join("taxonomy"));
    fs::create_dir_all(data.join("events")).unwrap();
    data
}

/// Whitespace normalised, so layout line breaks do not matter.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A fresh folder under the system's temporary folder, removed (with what
/// it holds) when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A new empty temporary folder, unique to this process and call.
pub fn tempdir() -> TempDir {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("brief-test-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

/// Runs `brief` with the project's config and templates, writing into `out`.
pub fn brief(data: &Path, out: &Path, args: &[&str]) -> Output {
    brief_with(&root().join("templates"), data, out, args)
}

/// Runs `brief` with the project's config and the template folder `templates`.
pub fn brief_with(templates: &Path, data: &Path, out: &Path, args: &[&str]) -> Output {
    let root = root();
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .arg("--data")
        .arg(data)
        .arg("--config")
        .arg(root.join("brief.toml"))
        .arg("--out")
        .arg(out)
        .arg("--template")
        .arg(templates)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("failed to run the brief binary")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn assert_success(o: &Output) {
    assert!(
        o.status.success(),
        "brief failed ({:?}):\n{}",
        o.status.code(),
        stderr(o)
    );
}
