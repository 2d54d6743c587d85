//! Renderers: one module per output format, each a function from the brief
//! model to bytes. Writing files happens elsewhere (`output`).

pub mod compose;
pub mod docx;
pub mod fonts;
pub mod hwpx;
pub mod pdf;
pub mod xlsx;

use std::fmt;

/// The resolution charts are drawn at as pictures (for the HWPX).
pub const CHART_DPI: u16 = 300;

/// Text for XML content and attribute values: the five markup characters
/// as entities; control characters XML 1.0 forbids become spaces.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Pdf,
    Docx,
    /// The annex workbook.
    Xlsx,
    /// Hancom 한글's document format.
    Hwpx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Hwpx => "hwpx",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" | "word" => Some(Format::Docx),
            "xlsx" | "excel" | "annex" => Some(Format::Xlsx),
            "hwpx" | "hwp" | "hangul" | "한글" => Some(Format::Hwpx),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub enum RenderError {
    /// A template (typst layout, strings, summary) is broken.
    Template(String),
    /// No font can draw the text.
    Font(String),
    Pdf(String),
    Docx(String),
    Xlsx(String),
    Hwpx(String),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(m) => write!(f, "failed to compile the PDF template\n{m}"),
            RenderError::Font(m) => write!(f, "failed to typeset the PDF: {m}"),
            RenderError::Pdf(m) => write!(f, "failed to write the PDF: {m}"),
            RenderError::Docx(m) => write!(f, "failed to write the DOCX: {m}"),
            RenderError::Xlsx(m) => write!(f, "failed to write the annex workbook: {m}"),
            RenderError::Hwpx(m) => write!(f, "failed to write the HWPX: {m}"),
        }
    }
}

impl std::error::Error for RenderError {}
