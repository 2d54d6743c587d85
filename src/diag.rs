//! Diagnostics: located messages about user input, collected rather than
//! thrown, and printed together at the end of a run.

use std::fmt;

/// Where in the user's input a problem is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// Path as the user would type it (relative to the working directory
    /// when possible).
    pub file: String,
    /// 1-based; 0 when the whole file is meant.
    pub line: u64,
    /// 1-based, in characters; 0 when unknown.
    pub column: u64,
    /// For sheets: the cell, as `행사!C12` (XLSX) or `C 시작일` (CSV).
    pub cell: Option<String>,
}

impl Span {
    pub fn file(file: impl Into<String>) -> Span {
        Span {
            file: file.into(),
            line: 0,
            column: 0,
            cell: None,
        }
    }

    /// A cell of a sheet: `line` is the CSV line or 0 for XLSX.
    pub fn cell(file: impl Into<String>, line: u64, cell: impl Into<String>) -> Span {
        Span {
            file: file.into(),
            line,
            column: 0,
            cell: Some(cell.into()),
        }
    }

    pub fn at(file: impl Into<String>, line: u64, column: u64) -> Span {
        Span {
            file: file.into(),
            line,
            column,
            cell: None,
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.file)?,
            (l, 0) => write!(f, "{}:{l}", self.file)?,
            (l, c) => write!(f, "{}:{l}:{c}", self.file)?,
        }
        match &self.cell {
            Some(cell) => write!(f, " [{cell}]"),
            None => Ok(()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One message about the input: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// "did you mean ...", "expected ...".
    pub hint: Option<String>,
    /// The offending source line, for a caret display.
    pub snippet: Option<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            hint: None,
            snippet: None,
        }
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<String>) -> Diagnostic {
        self.hint = hint;
        self
    }

    /// Attaches the source line the span points at, taken from `source`.
    pub fn with_source(mut self, source: &str) -> Diagnostic {
        if self.span.line > 0 {
            self.snippet = source
                .lines()
                .nth((self.span.line - 1) as usize)
                .map(|l| l.chars().take(200).collect());
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}: {}", self.span, self.message)?;
        if let Some(line) = &self.snippet {
            let number = self.span.line.to_string();
            let pad = " ".repeat(number.len());
            write!(f, "\n {pad} |\n {number} | {line}")?;
            if self.span.column > 0 {
                // Wide (Hangul/CJK) characters take two terminal cells.
                let cells: usize = line
                    .chars()
                    .take((self.span.column - 1) as usize)
                    .map(|c| if is_wide(c) { 2 } else { 1 })
                    .sum();
                write!(f, "\n {pad} | {}^", " ".repeat(cells))?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// The closest candidate to `input` by edit distance, if it is close enough
/// to be a plausible typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input_l = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::normalized_damerau_levenshtein(&input_l, &c.to_lowercase());
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    // Half the letters alike is not a plausible slip in a two-syllable
    // Korean word ("수소" is not "탄소"); two thirds is ("바이우" → "바이오").
    best.filter(|(s, _)| *s >= 0.6).map(|(_, c)| c)
}

/// Prints diagnostics to stderr, errors and warnings alike, in order.
pub fn print_all(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_caret_under_wide_text() {
        let d = Diagnostic::error(Span::at("data/a.yaml", 2, 11), "unknown sector `바이우`")
            .with_hint("did you mean `바이오`?")
            .with_source("id: x\nsectors: [바이우]\n");
        let text = d.to_string();
        assert!(text.starts_with("error: data/a.yaml:2:11: unknown sector"));
        assert!(text.contains(" 2 | sectors: [바이우]"));
        // `sectors: [` is ten cells wide; the caret sits under the first syllable.
        assert!(
            text.contains(&format!("\n   | {}^", " ".repeat(10))),
            "{text}"
        );
        assert!(text.ends_with("= hint: did you mean `바이오`?"));
    }

    #[test]
    fn suggestions() {
        let ids = ["semiconductors", "quantum", "aerospace"];
        assert_eq!(did_you_mean("semiconductor", ids), Some("semiconductors"));
        assert_eq!(did_you_mean("quantom", ids), Some("quantum"));
        assert_eq!(did_you_mean("zzzz", ids), None);
        assert_eq!(did_you_mean("바이우", ["바이오", "반도체"]), Some("바이오"));
    }
}
