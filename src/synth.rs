//! Seeded synthetic events for tests and benchmarks (never for `data/`):
//! realistic rows over several years that use every sector and kind of a
//! taxonomy and a few countries' regions (`SYNTH_COUNTRIES`), with Korean
//! and English titles. The same seed gives
//! the same events on every machine.

use crate::model::{Lang, RegionLevel, Taxonomy};

/// SplitMix64: tiny, fast, and stable across versions (unlike a crate's
/// default generator), so a seed always gives the same data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One synthetic event as sheet columns (Korean headers), also used to
/// write YAML records.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub title_ko: String,
    pub title_en: String,
    pub kind: String,
    pub start: String,
    pub end: String,
    pub sectors: Vec<String>,
    pub regions: Vec<String>,
    pub attendance: String,
    pub mou: u32,
    pub agreements: u32,
    pub investment: String,
}

/// The sheet header row matching `Row::cells`.
pub const HEADERS: [&str; 12] = [
    "ID",
    "행사명",
    "영문행사명",
    "유형",
    "시작일",
    "종료일",
    "분야",
    "지역",
    "참석인원",
    "MOU",
    "협약",
    "투자",
];

impl Row {
    pub fn cells(&self) -> [String; 12] {
        [
            self.id.clone(),
            self.title_ko.clone(),
            self.title_en.clone(),
            self.kind.clone(),
            self.start.clone(),
            self.end.clone(),
            self.sectors.join("; "),
            self.regions.join("; "),
            self.attendance.clone(),
            self.mou.to_string(),
            self.agreements.to_string(),
            self.investment.clone(),
        ]
    }

    /// The row as a canonical YAML record.
    pub fn yaml(&self) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let list = |v: &[String]| {
            format!(
                "[{}]",
                v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
            )
        };
        let mut y = format!(
            "id: {}\ntitle: {{ ko: {}, en: {} }}\nkind: {}\nstart: {}\n",
            q(&self.id),
            q(&self.title_ko),
            q(&self.title_en),
            q(&self.kind),
            q(&self.start)
        );
        if !self.end.is_empty() {
            y.push_str(&format!("end: {}\n", q(&self.end)));
        }
        y.push_str(&format!(
            "partners: {}\nsectors: {}\n",
            list(&self.regions),
            list(&self.sectors)
        ));
        if let Some(n) = self.attendance.strip_suffix("여 명") {
            y.push_str(&format!(
                "attendance: {{ count: {n}, approximate: true }}\n"
            ));
        } else if !self.attendance.is_empty() {
            y.push_str(&format!("attendance: {{ count: {} }}\n", self.attendance));
        }
        let mut outcomes = String::new();
        for (n, t, ko) in [
            (self.mou, "mou", "MOU 체결"),
            (self.agreements, "agreement", "협약 체결"),
        ] {
            if n > 0 {
                outcomes.push_str(&format!(
                    "  - {{ type: {t}, count: {n}, title: {}, status: signed }}\n",
                    q(ko)
                ));
            }
        }
        if !self.investment.is_empty() {
            let usd: String = self
                .investment
                .chars()
                .filter(|c| c.is_ascii_digit())
                .collect();
            let value = usd.parse::<u64>().unwrap_or(0) * 10_000;
            outcomes.push_str(&format!(
                "  - {{ type: investment, title: \"투자\", status: expected, amount: {{ value: {value}, currency: USD, expected: true }} }}\n"
            ));
        }
        if !outcomes.is_empty() {
            y.push_str("outcomes:\n");
            y.push_str(&outcomes);
        }
        y
    }
}

/// Countries the generated events are held with, and how many of each
/// one's provinces (in file order) they name.
const SYNTH_COUNTRIES: &[&str] = &["kr", "cn", "jp", "us", "ca", "kz"];
const SYNTH_PROVINCES: usize = 5;

/// The regions generated events name: the countries above and their first
/// provinces, by a Korean label that names that region alone.
fn synthetic_regions(taxonomy: &Taxonomy) -> Vec<(&str, &str)> {
    let regions = &taxonomy.regions;
    let unique = |r: &crate::model::Region| {
        let ko = r.label.get(Lang::Ko);
        regions
            .position(ko)
            .is_some_and(|i| regions.items[i].id == r.id)
    };
    let mut out = Vec::new();
    for country in SYNTH_COUNTRIES {
        let in_country = regions.items.iter().filter(|r| {
            r.country == *country
                && matches!(r.level, RegionLevel::Country | RegionLevel::Province)
                && unique(r)
        });
        out.extend(
            in_country
                .take(SYNTH_PROVINCES + 1)
                .map(|r| (r.label.get(Lang::Ko), r.label.get(Lang::En))),
        );
    }
    out
}

/// Generates `n` events between `from_year` and `to_year` (inclusive):
/// about one in 31 dated only to the month, one in 53 only to the year.
pub fn rows(taxonomy: &Taxonomy, n: usize, seed: u64, from_year: i32, to_year: i32) -> Vec<Row> {
    let mut rng = Rng::new(seed);
    let sectors: Vec<(&str, &str)> = taxonomy
        .sectors
        .items
        .iter()
        .map(|t| (t.id.as_str(), t.label.get(Lang::En)))
        .collect();
    let kinds: Vec<(&str, &str, &str)> = taxonomy
        .kinds
        .items
        .iter()
        .map(|t| (t.id.as_str(), t.label.get(Lang::Ko), t.label.get(Lang::En)))
        .collect();
    // Korean labels of regions, as staff write them: a few countries Korean
    // offices work with and their first provinces, each label naming one place.
    let regions = synthetic_regions(taxonomy);
    let sector_ko: Vec<&str> = taxonomy
        .sectors
        .items
        .iter()
        .map(|t| t.label.get(Lang::Ko))
        .collect();
    let years = (to_year - from_year + 1).max(1) as usize;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let year = from_year + rng.below(years) as i32;
        let month = 1 + rng.below(12) as u8;
        let span = if rng.chance(20) {
            rng.below(6) as u8
        } else {
            0
        };
        // Spans stay inside the month (every month has 28 days).
        let day = 1 + rng.below(28 - usize::from(span)) as u8;
        let (kind, kind_ko, kind_en) = *rng.pick(&kinds);
        let sec_idx = one_or_two(&mut rng, sectors.len(), 35);
        let reg_idx = one_or_two(&mut rng, regions.len(), 40);
        let (s1, r1) = (sec_idx[0], reg_idx[0]);
        let (region_ko, region_en) = regions[r1];
        let attendance = attendance_text(&mut rng);
        let (start, end) = dates(i, (year, month, day), span);
        out.push(Row {
            id: format!("synth-{seed}-{i:07}"),
            title_ko: format!(
                "{region_ko} {} 협력 {kind_ko} 제{}차",
                sector_ko[s1],
                1 + i % 40
            ),
            title_en: format!(
                "{region_en} {} cooperation {} no. {}",
                sectors[s1].1,
                kind_en.to_lowercase(),
                1 + i % 40
            ),
            kind: kind.to_string(),
            start,
            end,
            sectors: sec_idx.iter().map(|&j| sector_ko[j].to_string()).collect(),
            regions: reg_idx.iter().map(|&j| regions[j].0.to_string()).collect(),
            attendance,
            mou: if rng.chance(30) {
                1 + rng.below(4) as u32
            } else {
                0
            },
            agreements: if rng.chance(15) { 1 } else { 0 },
            investment: if rng.chance(5) {
                format!("{}만 달러 유치 기대", 100 * (1 + rng.below(100)))
            } else {
                String::new()
            },
        });
    }
    out
}

/// An index below `len`, and with `percent` chance a second, other one.
fn one_or_two(rng: &mut Rng, len: usize, percent: u64) -> Vec<usize> {
    let first = rng.below(len);
    let mut out = vec![first];
    if rng.chance(percent) {
        let second = rng.below(len);
        if second != first {
            out.push(second);
        }
    }
    out
}

/// Attendance as staff write it: none, "about N" or a number.
fn attendance_text(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => String::new(),
        1 => format!("{}여 명", 10 * (1 + rng.below(50))),
        _ => format!("{}", 5 + rng.below(500)),
    }
}

/// The `i`th row's start and end: some sources give only the month or
/// the year (decided by `i`, not drawn, so the other columns stay as they
/// were); a span only with a full date.
fn dates(i: usize, (year, month, day): (i32, u8, u8), span: u8) -> (String, String) {
    let (year_only, month_only) = (i % 53 == 11, i % 31 == 7);
    let start = if year_only {
        format!("{year:04}")
    } else if month_only {
        format!("{year:04}-{month:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    };
    let end = if span > 0 && !year_only && !month_only {
        format!("{year:04}-{month:02}-{:02}", day + span)
    } else {
        String::new()
    };
    (start, end)
}

/// The rows as CSV text (RFC 4180 quoting).
pub fn csv(rows: &[Row]) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::with_capacity(rows.len() * 160);
    out.push_str(&HEADERS.join(","));
    out.push('\n');
    for r in rows {
        let cells = r.cells();
        let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::new(8).next_u64(), xs[0]);
    }
}
