//! The PDF standards a brief can be asked to meet (`--pdf-standard`,
//! `[brief] pdf_standard`): at most one PDF/A level, PDF/UA-1, or both. A
//! setting of the run that the configuration, the command line and the PDF
//! renderer share, so it lives below all three.

use std::fmt;

/// One standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standard {
    /// PDF/A-2b: archival (the look of the pages is preserved).
    A2b,
    /// PDF/A-2a: archival and accessible (tagged, with alt text).
    A2a,
    /// PDF/A-3b: archival, with the brief model attached.
    A3b,
    /// PDF/A-3a: archival and accessible, with the brief model attached.
    A3a,
    /// PDF/UA-1: universal accessibility (ISO 14289-1).
    Ua1,
}

impl Standard {
    const ALL: [(Standard, &'static str); 5] = [
        (Standard::A2b, "a-2b"),
        (Standard::A2a, "a-2a"),
        (Standard::A3b, "a-3b"),
        (Standard::A3a, "a-3a"),
        (Standard::Ua1, "ua-1"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("", |(_, n)| n)
    }

    fn is_archival(self) -> bool {
        self != Standard::Ua1
    }

    fn parse_one(s: &str) -> Option<Standard> {
        let norm = s.trim().to_ascii_lowercase().replace(['/', '_'], "-");
        let norm = norm.strip_prefix("pdf-").unwrap_or(&norm);
        let compact = norm.replace('-', "");
        Self::ALL
            .iter()
            .find(|(_, n)| n.replace('-', "") == compact)
            .map(|(s, _)| *s)
    }
}

/// The standards one PDF is written to: none, one PDF/A level, PDF/UA-1, or
/// a PDF/A level and PDF/UA-1. Sorted, without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PdfStandards(Vec<Standard>);

/// What the standards may be chosen from, for messages.
pub const CHOICES: &str =
    "a-2b, a-2a, a-3b, a-3a, ua-1, a PDF/A level and ua-1 together (a-3a,ua-1), or none";

impl PdfStandards {
    /// Parses `a-3a,ua-1`, `pdf/ua-1`, `none`, ... The error says what is
    /// wrong, for a usage or configuration message.
    pub fn parse(s: &str) -> Result<PdfStandards, String> {
        let mut list = Vec::new();
        for part in s.split([',', '+', ' ']).filter(|p| !p.trim().is_empty()) {
            if part.trim().eq_ignore_ascii_case("none") {
                continue;
            }
            let standard = Standard::parse_one(part).ok_or_else(|| {
                format!(
                    "unknown PDF standard `{}` (expected {CHOICES})",
                    part.trim()
                )
            })?;
            list.push(standard);
        }
        list.sort();
        list.dedup();
        if list.iter().filter(|s| s.is_archival()).count() > 1 {
            return Err(format!(
                "`{}` names two PDF/A levels; a PDF meets at most one (and ua-1 beside it)",
                s.trim()
            ));
        }
        Ok(PdfStandards(list))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn list(&self) -> &[Standard] {
        &self.0
    }

    /// Whether the brief model is attached (PDF/A-3 allows attachments).
    pub fn attaches_model(&self) -> bool {
        self.0
            .iter()
            .any(|s| matches!(s, Standard::A3b | Standard::A3a))
    }
}

impl fmt::Display for PdfStandards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("none");
        }
        let names: Vec<&str> = self.0.iter().map(|s| s.name()).collect();
        f.write_str(&names.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_and_combined_standards() {
        assert!(PdfStandards::parse("none").unwrap().is_empty());
        assert!(PdfStandards::parse("").unwrap().is_empty());
        assert_eq!(PdfStandards::parse("PDF/A-2b").unwrap().to_string(), "a-2b");
        assert_eq!(PdfStandards::parse("a3a").unwrap().to_string(), "a-3a");
        assert_eq!(PdfStandards::parse("pdf/ua-1").unwrap().to_string(), "ua-1");
        let both = PdfStandards::parse("ua-1, a-3a").unwrap();
        assert_eq!(both.to_string(), "a-3a,ua-1");
        assert!(both.attaches_model());
        assert!(!PdfStandards::parse("a-2a,ua-1").unwrap().attaches_model());
    }

    #[test]
    fn refuses_unknown_and_two_archival_levels() {
        let e = PdfStandards::parse("a-9z").unwrap_err();
        assert!(e.contains("unknown PDF standard `a-9z`"), "{e}");
        let e = PdfStandards::parse("a-2b,a-3a").unwrap_err();
        assert!(e.contains("two PDF/A levels"), "{e}");
    }
}
