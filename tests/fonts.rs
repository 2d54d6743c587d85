//! The fonts: built into the program, the same bytes on every machine,
//! the system's fonts read only when asked, and a clear failure when no
//! font can draw a character.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// `brief` on `data` into `out` with `BRIEF_SYSTEM_FONTS` set to `system`
/// (unset for `None`) and no extra font folders.
fn brief_fonts(data: &Path, out: &Path, system: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(args)
        .arg("--data")
        .arg(data)
        .arg("--config")
        .arg(root().join("brief.toml"))
        .arg("--template")
        .arg(root().join("templates"))
        .arg("--out")
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("BRIEF_FONT_PATH");
    match system {
        Some(v) => cmd.env("BRIEF_SYSTEM_FONTS", v),
        None => cmd.env_remove("BRIEF_SYSTEM_FONTS"),
    };
    cmd.output().expect("failed to run the brief binary")
}

/// The font names `pdffonts` lists in a PDF (subset prefixes removed).
fn pdf_fonts(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts (poppler-utils) is needed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.split_once('+').map_or(n, |(_, name)| name).to_string())
        .collect()
}

/// With the default fonts, the PDF and DOCX (whose charts typst draws) are
/// the same bytes whether the system's fonts are never read, read on every
/// run, or read when needed; and the PDF embeds only the built-in faces.
#[test]
fn the_same_bytes_with_and_without_system_fonts() {
    let tmp = tempdir();
    let data = root().join("data");
    let args = ["-q", "2025Q2", "--lang", "ko,en", "--format", "pdf,docx"];
    for (name, system) in [
        ("never", Some("0")),
        ("always", Some("1")),
        ("default", None),
    ] {
        let out = brief_fonts(&data, &tmp.path().join(name), system, &args);
        assert_success(&out);
    }
    for file in [
        "brief-2025-Q2-ko.pdf",
        "brief-2025-Q2-en.pdf",
        "brief-2025-Q2-ko.docx",
        "brief-2025-Q2-en.docx",
    ] {
        let read = |name: &str| fs::read(tmp.path().join(name).join("2025-Q2").join(file)).unwrap();
        let never = read("never");
        assert!(
            never == read("always"),
            "{file} differs with system fonts read"
        );
        assert!(
            never == read("default"),
            "{file} differs with the default font setting"
        );
    }
    let fonts = pdf_fonts(&tmp.path().join("never/2025-Q2/brief-2025-Q2-ko.pdf"));
    assert!(!fonts.is_empty());
    for f in &fonts {
        assert!(
            f.starts_with("PretendardGOV-"),
            "unexpected font {f} in {fonts:?}"
        );
    }
    assert!(
        fonts.iter().any(|f| f.starts_with("PretendardGOV-Bold")),
        "{fonts:?}"
    );
    assert!(
        fonts.iter().any(|f| f.starts_with("PretendardGOV-Regular")),
        "{fonts:?}"
    );
}

/// Hanja take their place in the text (美, KS X 1001, in the title of a
/// 2025Q2 source), drawn by the built-in font, with no system font read.
#[test]
fn hanja_are_drawn_by_the_builtin_font() {
    let tmp = tempdir();
    let out = brief_fonts(
        &root().join("data"),
        tmp.path(),
        Some("0"),
        &["-q", "2025Q2", "--format", "pdf"],
    );
    assert_success(&out);
    let text = pdf_text(&tmp.path().join("2025-Q2/brief-2025-Q2-ko.pdf"));
    assert!(text.contains('美'), "{text}");
}

/// A character that no font covers (an Egyptian hieroglyph) fails the run
/// with the character named and a way out, and writes nothing.
#[test]
fn a_character_no_font_covers_fails_with_a_fix() {
    let tmp = tempdir();
    let data = tmp.path().join("data");
    copy_dir(&root().join("data"), &data);
    let path = data.join("events/2025-06-daejeon-mission-quebec-boston.yaml");
    let yaml = fs::read_to_string(&path).unwrap();
    let yaml = yaml.replacen(
        "  ko: 이장우 대전시장",
        "  ko: \u{13000} 이장우 대전시장",
        1,
    );
    assert!(yaml.contains('\u{13000}'));
    fs::write(&path, yaml).unwrap();
    let out = brief_fonts(
        &data,
        &tmp.path().join("out"),
        Some("0"),
        &["-q", "2025Q2", "--format", "pdf"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("can draw 1 character(s)"), "{err}");
    assert!(err.contains("U+13000"), "{err}");
    assert!(err.contains("BRIEF_FONT_PATH"), "{err}");
    assert!(
        !tmp.path().join("out/2025-Q2").exists(),
        "nothing is written"
    );
}
