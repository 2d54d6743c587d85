//! Helpers the integration tests share: where the project is, copying a
//! folder, and reading back what a reader of the outputs sees.
#![allow(dead_code)] // each test file uses some of them

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

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
