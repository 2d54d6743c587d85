//! Renderers: one module per output format, each a function from the brief
//! model to bytes. Writing files happens elsewhere (`output`).

pub mod compose;
pub mod docx;
pub mod fonts;
pub mod pdf;
pub mod xlsx;

use std::fmt;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Pdf,
    Docx,
    /// The annex workbook.
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" | "word" => Some(Format::Docx),
            "xlsx" | "excel" | "annex" => Some(Format::Xlsx),
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
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(m) => write!(f, "failed to compile the PDF template\n{m}"),
            RenderError::Font(m) => write!(f, "failed to typeset the PDF: {m}"),
            RenderError::Pdf(m) => write!(f, "failed to write the PDF: {m}"),
            RenderError::Docx(m) => write!(f, "failed to write the DOCX: {m}"),
            RenderError::Xlsx(m) => write!(f, "failed to write the annex workbook: {m}"),
        }
    }
}

impl std::error::Error for RenderError {}
