//! The span of time a brief covers: a quarter, a half-year, a year or any
//! run of whole months. One type for every kind, so the loader, the
//! aggregator, the brief model, file names and the manifest treat them
//! alike; the kind only changes words and which comparisons make sense.
//!
//! Counting rule (one set for every kind): an event counts in a period when
//! the period contains the whole of what is known of its start, so an event
//! dated to the day or the month counts in every period containing that
//! day or month, and one dated only to the year counts only in periods
//! containing that whole year.

use std::fmt;

use serde::Serialize;

use crate::model::{Date, FuzzyDate, Precision, days_in_month};

/// A run of whole calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The first month, counted from January of year 0 (`year * 12 + month - 1`).
    first: i32,
    /// How many months (at least 1).
    months: u16,
}

/// What a period is called; decided by its months alone, so
/// `--from 2025-01 --to 2025-06` is the first half-year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Quarter,
    Half,
    Year,
    Months,
}

impl PeriodKind {
    /// The name used in `[output] periods` and in the strings files.
    pub fn id(self) -> &'static str {
        match self {
            PeriodKind::Quarter => "quarter",
            PeriodKind::Half => "half",
            PeriodKind::Year => "year",
            PeriodKind::Months => "months",
        }
    }

    /// The kinds `brief build` can enumerate (a run of months has no
    /// natural sequence).
    pub fn parse_buildable(s: &str) -> Option<PeriodKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "quarter" | "quarters" | "quarterly" | "분기" => Some(PeriodKind::Quarter),
            "half" | "halves" | "half-year" | "semester" | "반기" => Some(PeriodKind::Half),
            "year" | "years" | "annual" | "연간" => Some(PeriodKind::Year),
            _ => None,
        }
    }
}

/// What `[output] periods` and `brief build --periods` accept.
pub const KINDS_HINT: &str =
    "expected a list of quarter, half and year, e.g. [\"quarter\", \"half\", \"year\"]";

/// The kinds of period a build writes, from names (`quarter`, `half`,
/// `year`, or 분기, 반기, 연간); none given means quarters.
pub fn kinds(names: &[String]) -> Result<Vec<PeriodKind>, String> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| !n.trim().is_empty()) {
        let k = PeriodKind::parse_buildable(n)
            .ok_or_else(|| format!("unknown kind of period `{n}`"))?;
        if !out.contains(&k) {
            out.push(k);
        }
    }
    if out.is_empty() {
        out.push(PeriodKind::Quarter);
    }
    out.sort();
    Ok(out)
}

/// Longest run of months accepted (a century).
const MAX_MONTHS: i32 = 1200;

fn four_digit_year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl Period {
    fn at(year: i32, month: u8, months: u16) -> Period {
        Period {
            first: year * 12 + i32::from(month) - 1,
            months,
        }
    }

    /// Quarter `q` (1..=4) of `year`.
    pub fn quarter(year: i32, q: u8) -> Period {
        Period::at(year, (q.clamp(1, 4) - 1) * 3 + 1, 3)
    }

    /// Half `h` (1 or 2) of `year`.
    pub fn half(year: i32, h: u8) -> Period {
        Period::at(year, if h == 2 { 7 } else { 1 }, 6)
    }

    pub fn year(year: i32) -> Period {
        Period::at(year, 1, 12)
    }

    /// The months from `from` to `to`, both included, each `(year, month)`.
    pub fn months_between(from: (i32, u8), to: (i32, u8)) -> Result<Period, String> {
        let a = Period::at(from.0, from.1, 1).first;
        let b = Period::at(to.0, to.1, 1).first;
        if b < a {
            return Err(format!(
                "--from {:04}-{:02} is after --to {:04}-{:02}",
                from.0, from.1, to.0, to.1
            ));
        }
        if b - a >= MAX_MONTHS {
            return Err("the range covers more than 100 years".into());
        }
        Ok(Period {
            first: a,
            months: (b - a + 1) as u16,
        })
    }

    /// The period of a buildable `kind` that holds the day `d`.
    pub fn of_kind(kind: PeriodKind, d: Date) -> Period {
        match kind {
            PeriodKind::Quarter => Period::quarter(d.year, (d.month - 1) / 3 + 1),
            PeriodKind::Half => Period::half(d.year, if d.month <= 6 { 1 } else { 2 }),
            PeriodKind::Year | PeriodKind::Months => Period::year(d.year),
        }
    }

    pub fn kind(self) -> PeriodKind {
        match self.months {
            3 if self.first % 3 == 0 => PeriodKind::Quarter,
            6 if self.first % 6 == 0 => PeriodKind::Half,
            12 if self.first % 12 == 0 => PeriodKind::Year,
            _ => PeriodKind::Months,
        }
    }

    /// The year of the first month.
    pub fn first_year(self) -> i32 {
        self.first.div_euclid(12)
    }

    pub fn last_year(self) -> i32 {
        self.last_index().div_euclid(12)
    }

    /// 1..=12
    pub fn first_month(self) -> u8 {
        self.first.rem_euclid(12) as u8 + 1
    }

    fn last_index(self) -> i32 {
        self.first + i32::from(self.months) - 1
    }

    pub fn len_months(self) -> u16 {
        self.months
    }

    /// Which quarter (1..=4) or half (1, 2) of its year, for labels.
    pub fn ordinal(self) -> u8 {
        (self.first.rem_euclid(12) / i32::from(self.months.clamp(1, 12))) as u8 + 1
    }

    pub fn start(self) -> Date {
        Date {
            year: self.first_year(),
            month: self.first_month(),
            day: 1,
        }
    }

    pub fn end(self) -> Date {
        let (year, month) = month_of(self.last_index());
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// The period of the same length just before.
    pub fn prev(self) -> Period {
        self.shifted(-i32::from(self.months))
    }

    /// The period of the same length just after.
    pub fn next(self) -> Period {
        self.shifted(i32::from(self.months))
    }

    /// The same period a year earlier, for periods shorter than a year (for
    /// a year or longer it would be, or overlap, the previous period).
    pub fn year_before(self) -> Option<Period> {
        (self.months < 12).then(|| self.shifted(-12))
    }

    /// This period and the `n - 1` of the same length before it, oldest
    /// first (a year's five-year trend).
    pub fn back(self, n: usize) -> Vec<Period> {
        let mut out: Vec<Period> = (0..n as i32)
            .map(|i| self.shifted(-i * i32::from(self.months)))
            .collect();
        out.reverse();
        out
    }

    fn shifted(self, months: i32) -> Period {
        Period {
            first: self.first + months,
            months: self.months,
        }
    }

    /// Whether the day `d` is in the period.
    pub fn contains(self, d: Date) -> bool {
        let m = d.year * 12 + i32::from(d.month) - 1;
        (self.first..=self.last_index()).contains(&m)
    }

    /// The counting rule: whether an event starting `start` counts here,
    /// that is, the period contains all of what is known of the start.
    pub fn counts(self, start: FuzzyDate) -> bool {
        match start.precision {
            Precision::Day | Precision::Month => self.contains(start.date),
            Precision::Year => self.contains_year(start.date.year),
        }
    }

    /// Whether the whole of `year` is in the period.
    pub fn contains_year(self, year: i32) -> bool {
        self.first <= year * 12 && year * 12 + 11 <= self.last_index()
    }

    /// Whether the period has any day of `year`.
    pub fn touches_year(self, year: i32) -> bool {
        self.first_year() <= year && year <= self.last_year()
    }

    /// The months of the period, oldest first, as `(year, month)`.
    pub fn months(self) -> impl Iterator<Item = (i32, u8)> {
        (self.first..=self.last_index()).map(month_of)
    }

    /// The name used in folder and file names: `2025-Q2`, `2025-H1`,
    /// `2025`, `2025-03--2025-08` (ISO 8601's interval form for file
    /// names), `2025-03`.
    pub fn slug(self) -> String {
        let (y, m) = (self.first_year(), self.first_month());
        match self.kind() {
            PeriodKind::Quarter => format!("{y}-Q{}", self.ordinal()),
            PeriodKind::Half => format!("{y}-H{}", self.ordinal()),
            PeriodKind::Year => format!("{y}"),
            PeriodKind::Months if self.months == 1 => format!("{y:04}-{m:02}"),
            PeriodKind::Months => {
                let (ty, tm) = month_of(self.last_index());
                format!("{y:04}-{m:02}--{ty:04}-{tm:02}")
            }
        }
    }

    /// Any form a user may type for a quarter, half, year or run of months
    /// (`2025Q2`, `2025H1`, `2025`, `2025-03--2025-08`, `2025-03`).
    pub fn parse(s: &str) -> Result<Period, String> {
        let t = s.trim();
        if let Some((a, b)) = t.split_once("--").or_else(|| t.split_once("..")) {
            return Period::months_between(parse_month(a)?, parse_month(b)?);
        }
        if let Ok(p) = Period::parse_quarter(t) {
            return Ok(p);
        }
        if let Ok(p) = Period::parse_half(t) {
            return Ok(p);
        }
        if let Ok(p) = Period::parse_year(t) {
            return Ok(p);
        }
        if let Ok((y, m)) = parse_month(t) {
            return Ok(Period::at(y, m, 1));
        }
        Err(format!(
            "`{s}` is not a period (expected e.g. 2025Q2, 2025H1, 2025 or 2025-03--2025-08)"
        ))
    }

    /// Accepts `2025Q2`, `2025-Q2`, `2025q2`, `2025 Q2`, `Q2 2025` and
    /// `2025년 2분기`.
    pub fn parse_quarter(s: &str) -> Result<Period, String> {
        let t = s.trim().to_ascii_uppercase();
        // 2025년 2분기
        if let Some((y, q)) = t.split_once('년')
            && let Some(q) = q.trim().strip_suffix("분기")
        {
            return Period::parse_quarter(&format!("{}Q{}", y.trim(), q.trim())).map_err(|_| {
                format!("`{s}` is not a quarter (expected a four-digit year and 1–4분기, e.g. 2025년 2분기)")
            });
        }
        // 2025-2, 2025/2, 2025.2: a quarter or a month? Ask.
        if let Some((y, n)) = t.split_once(['-', '/', '.'])
            && four_digit_year(y).is_some()
            && matches!(n.trim(), "1" | "2" | "3" | "4")
        {
            return Err(format!(
                "`{s}` is not a quarter; did you mean {y}Q{}?",
                n.trim()
            ));
        }
        let (y, q) = split_marker(&t, 'Q')
            .ok_or_else(|| format!("`{s}` is not a quarter (expected e.g. 2025Q2)"))?;
        match (four_digit_year(y), q) {
            (Some(year), "1" | "2" | "3" | "4") => {
                Ok(Period::quarter(year, q.as_bytes()[0] - b'0'))
            }
            _ => Err(format!(
                "`{s}` is not a quarter (expected a four-digit year and Q1-Q4, e.g. 2025Q2)"
            )),
        }
    }

    /// Accepts `2025H1`, `2025-H1`, `2025 h2`, `H1 2025`, `2025상반기`,
    /// `2025년 하반기`.
    pub fn parse_half(s: &str) -> Result<Period, String> {
        let t = s.trim().to_ascii_uppercase();
        let hint =
            || format!("`{s}` is not a half-year (expected e.g. 2025H1, 2025-H2 or 2025상반기)");
        for (word, h) in [("상반기", 1), ("하반기", 2)] {
            if let Some(y) = t.strip_suffix(word) {
                let y = y.trim();
                let y = y.strip_suffix('년').unwrap_or(y);
                let year = four_digit_year(y).ok_or_else(hint)?;
                return Ok(Period::half(year, h));
            }
        }
        let (y, h) = split_marker(&t, 'H').ok_or_else(hint)?;
        match (four_digit_year(y), h) {
            (Some(year), "1") => Ok(Period::half(year, 1)),
            (Some(year), "2") => Ok(Period::half(year, 2)),
            _ => Err(hint()),
        }
    }

    /// Accepts `2025`, `2025년` and `2025년 연간`.
    pub fn parse_year(s: &str) -> Result<Period, String> {
        let t = s.trim();
        let t = t.strip_suffix("연간").unwrap_or(t).trim();
        let t = t.strip_suffix('년').unwrap_or(t);
        four_digit_year(t)
            .map(Period::year)
            .ok_or_else(|| format!("`{s}` is not a year (expected four digits, e.g. 2025)"))
    }
}

/// `2025Q2` / `2025-Q2` / `2025 Q2` / `Q2 2025` split at the marker letter
/// into the year and what follows the letter.
fn split_marker(t: &str, marker: char) -> Option<(&str, &str)> {
    let (a, b) = t.split_once(marker)?;
    let a = a.trim_end_matches(['-', ' ']);
    if a.is_empty() {
        // Q2 2025
        let (n, y) = b.trim().split_once(' ')?;
        return Some((y.trim(), n.trim()));
    }
    Some((a, b.trim()))
}

/// `(year, month)` of a month index.
fn month_of(index: i32) -> (i32, u8) {
    (index.div_euclid(12), index.rem_euclid(12) as u8 + 1)
}

/// A month as typed in `--from`/`--to`: `2025-03`, `2025-3`, `2025.03`,
/// `2025/03`, `2025년 3월`.
pub fn parse_month(s: &str) -> Result<(i32, u8), String> {
    let t = s.trim();
    let hint = || format!("`{s}` is not a month (expected e.g. 2025-03)");
    let (y, m) = if let Some((y, m)) = t.split_once('년') {
        (y, m.trim().strip_suffix('월').ok_or_else(hint)?)
    } else {
        t.split_once(['-', '/', '.']).ok_or_else(hint)?
    };
    let year = four_digit_year(y).ok_or_else(hint)?;
    let m = m.trim();
    let month = (!m.is_empty() && m.len() <= 2 && m.bytes().all(|b| b.is_ascii_digit()))
        .then(|| m.parse::<u8>().ok())
        .flatten()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| format!("`{s}`: month {m} does not exist"))?;
    Ok((year, month))
}

impl fmt::Display for Period {
    /// `2025Q2`, `2025H1`, `2025`, `2025-03/2025-08` (ISO 8601 interval).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.first_year();
        match self.kind() {
            PeriodKind::Quarter => write!(f, "{y}Q{}", self.ordinal()),
            PeriodKind::Half => write!(f, "{y}H{}", self.ordinal()),
            PeriodKind::Year => write!(f, "{y}"),
            PeriodKind::Months => {
                let (ty, tm) = month_of(self.last_index());
                write!(f, "{y:04}-{:02}/{ty:04}-{tm:02}", self.first_month())
            }
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> FuzzyDate {
        FuzzyDate::parse(s).unwrap()
    }

    #[test]
    fn quarter_forms() {
        for s in [
            "2025Q2",
            "2025-Q2",
            "2025q2",
            "2025-q2",
            " 2025 Q2 ",
            "Q2 2025",
            "2025년 2분기",
            "2025년2분기",
        ] {
            assert_eq!(
                Period::parse_quarter(s),
                Ok(Period::quarter(2025, 2)),
                "{s}"
            );
        }
        for s in [
            "2025Q5",
            "25Q1",
            "2025",
            "Q2",
            "2025Q",
            "2025-Q2x",
            "2025년 5분기",
        ] {
            assert!(Period::parse_quarter(s).is_err(), "{s}");
        }
        assert!(
            Period::parse_quarter("2025-2")
                .unwrap_err()
                .contains("did you mean 2025Q2")
        );
        assert!(
            Period::parse_quarter("2025년 5분기")
                .unwrap_err()
                .contains("`2025년 5분기`")
        );
    }

    #[test]
    fn half_and_year_forms() {
        for s in [
            "2025H1",
            "2025-H1",
            "2025 h1",
            "H1 2025",
            "2025상반기",
            "2025년 상반기",
        ] {
            assert_eq!(Period::parse_half(s), Ok(Period::half(2025, 1)), "{s}");
        }
        for s in ["2025H2", "2025하반기", "2025년 하반기"] {
            assert_eq!(Period::parse_half(s), Ok(Period::half(2025, 2)), "{s}");
        }
        for s in ["2025H3", "2025", "25상반기", "2025중반기"] {
            assert!(Period::parse_half(s).is_err(), "{s}");
        }
        for s in ["2025", "2025년", "2025년 연간"] {
            assert_eq!(Period::parse_year(s), Ok(Period::year(2025)), "{s}");
        }
        assert!(Period::parse_year("25").is_err());
    }

    #[test]
    fn month_ranges() {
        let p = Period::months_between(parse_month("2025-03").unwrap(), (2025, 8)).unwrap();
        assert_eq!(p.kind(), PeriodKind::Months);
        assert_eq!(p.slug(), "2025-03--2025-08");
        assert_eq!(p.to_string(), "2025-03/2025-08");
        assert_eq!(
            (p.start().to_string(), p.end().to_string()),
            ("2025-03-01".into(), "2025-08-31".into())
        );
        assert_eq!(p.prev().slug(), "2024-09--2025-02");
        assert_eq!(p.next().slug(), "2025-09--2026-02");
        assert_eq!(p.year_before().unwrap().slug(), "2024-03--2024-08");
        assert_eq!(Period::parse("2025-03--2025-08"), Ok(p));
        // Whole quarters, halves and years are named as such.
        assert_eq!(
            Period::months_between((2025, 1), (2025, 6)),
            Ok(Period::half(2025, 1))
        );
        assert_eq!(
            Period::months_between((2025, 4), (2025, 6)),
            Ok(Period::quarter(2025, 2))
        );
        assert_eq!(
            Period::months_between((2024, 1), (2024, 12)),
            Ok(Period::year(2024))
        );
        assert!(Period::months_between((2025, 8), (2025, 3)).is_err());
        for s in ["2025년 3월", "2025.3", "2025/03"] {
            assert_eq!(parse_month(s), Ok((2025, 3)), "{s}");
        }
        for s in ["2025-13", "2025-0", "2025", "2025-3월", "25-03"] {
            assert!(parse_month(s).is_err(), "{s}");
        }
    }

    #[test]
    fn neighbours_and_names() {
        let q = Period::quarter(2025, 1);
        assert_eq!(q.prev(), Period::quarter(2024, 4));
        assert_eq!(q.next(), Period::quarter(2025, 2));
        assert_eq!(q.year_before(), Some(Period::quarter(2024, 1)));
        assert_eq!(Period::quarter(2024, 2).slug(), "2024-Q2");
        let h = Period::half(2025, 1);
        assert_eq!(
            (h.prev(), h.next()),
            (Period::half(2024, 2), Period::half(2025, 2))
        );
        assert_eq!(
            (h.slug(), h.to_string()),
            ("2025-H1".into(), "2025H1".into())
        );
        let y = Period::year(2025);
        assert_eq!(y.year_before(), None);
        assert_eq!(y.prev(), Period::year(2024));
        assert_eq!((y.slug(), y.to_string()), ("2025".into(), "2025".into()));
        assert_eq!(y.back(5).first(), Some(&Period::year(2021)));
        assert_eq!(y.back(5).last(), Some(&y));
        for p in [
            q,
            h,
            y,
            Period::months_between((2024, 11), (2025, 2)).unwrap(),
        ] {
            assert_eq!(Period::parse(&p.slug()), Ok(p), "{p}");
            assert_eq!(
                Period::parse(&p.to_string().replace('/', "..")),
                Ok(p),
                "{p}"
            );
        }
        assert_eq!(Period::year(2025).end().to_string(), "2025-12-31");
        assert_eq!(Period::quarter(2024, 1).end().to_string(), "2024-03-31");
    }

    #[test]
    fn counting_rule() {
        let (q2, h1, y) = (
            Period::quarter(2025, 2),
            Period::half(2025, 1),
            Period::year(2025),
        );
        for p in [q2, h1, y] {
            assert!(p.counts(day("2025-06-10")), "{p}");
            assert!(p.counts(day("2025-06")), "{p}");
        }
        // Known only to the year: the annual brief and no shorter period.
        assert!(y.counts(day("2025")));
        assert!(!h1.counts(day("2025")) && !q2.counts(day("2025")));
        let run = Period::months_between((2024, 7), (2025, 12)).unwrap();
        assert!(run.counts(day("2025")) && !run.counts(day("2024")));
        assert!(!q2.counts(day("2025-07-01")) && !q2.counts(day("2025-03-31")));
    }
}
