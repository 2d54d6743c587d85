//! Values as staff type them into sheets: dates in Korean and dotted forms
//! and ranges, "300여 명", "약 1,500만 달러 이상", lists like "바이오; AI".

use crate::model::{AmountQualifier, Date, FuzzyDate, Precision};

/// A date or a date range as typed: `2025-06-10`, `2025.6.10`,
/// `2025. 6. 10.(화)`, `2025년 6월 10일`, `2025년 9월`, `2025.6.10~6.18`.
/// Returns the start and, for a range, the end.
pub fn date_range(input: &str) -> Result<(FuzzyDate, Option<FuzzyDate>), String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("the date is empty".into());
    }
    let split = s.find(['~', '∼', '〜', '–', '—']).map(|i| {
        let sep_len = s[i..].chars().next().map_or(1, char::len_utf8);
        (&s[..i], &s[i + sep_len..])
    });
    match split {
        Some((a, b)) => {
            let start = date(a)?;
            let end = partial_date(b, start)?;
            if end.date < start.date {
                return Err(format!("the range ends ({end}) before it starts ({start})"));
            }
            Ok((start, Some(end)))
        }
        None => Ok((date(s)?, None)),
    }
}

/// The numbers of a date, of at most four digits each. A fourth number is
/// refused here when more text follows it and by the caller otherwise.
fn numbers(s: &str) -> Result<DateNumbers, String> {
    if let Some(n) = iso_numbers(s.as_bytes()) {
        return Ok(n);
    }
    // Drop a weekday in brackets: "2025. 6. 10.(화)".
    let s = match s.find(['(', '（']) {
        Some(i) => &s[..i],
        None => s,
    };
    let mut out = DateNumbers::default();
    let mut digits = 0;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            if digits == 0 {
                out.len += 1;
            }
            digits += 1;
            if digits > 4 {
                return Err("too many numbers for a date".into());
            }
            out.n[out.len - 1] = out.n[out.len - 1] * 10 + d;
        } else {
            if digits > 0 && out.len == out.n.len() {
                return Err("too many numbers for a date".into());
            }
            digits = 0;
            if !(c.is_whitespace() || matches!(c, '.' | '-' | '/' | '년' | '월' | '일')) {
                return Err(format!("unexpected `{c}` in a date"));
            }
        }
    }
    Ok(out)
}

/// The numbers of `2025-06-10` exactly, the form nearly every row of a
/// sheet has, read without the general loop (which reads it the same).
fn iso_numbers(b: &[u8]) -> Option<DateNumbers> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let n = |cs: &[u8]| {
        cs.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    Some(DateNumbers {
        n: [n(&[y0, y1, y2, y3])?, n(&[m0, m1])?, n(&[d0, d1])?, 0],
        len: 3,
    })
}

/// Up to four numbers, without allocating (dates are read on every row).
#[derive(Default)]
struct DateNumbers {
    n: [u32; 4],
    len: usize,
}

impl DateNumbers {
    fn as_slice(&self) -> &[u32] {
        &self.n[..self.len]
    }
}

fn build(y: u32, m: Option<u32>, d: Option<u32>) -> Result<FuzzyDate, String> {
    if !(1000..=9999).contains(&y) {
        return Err(format!("{y} is not a four-digit year"));
    }
    let year = y as i32;
    let to_u8 = |v: u32| u8::try_from(v).unwrap_or(0);
    match (m, d) {
        (None, _) => Ok(FuzzyDate {
            date: Date::new(year, 1, 1).ok_or("invalid year")?,
            precision: Precision::Year,
        }),
        (Some(m), None) => Ok(FuzzyDate {
            date: Date::new(year, to_u8(m), 1)
                .ok_or_else(|| format!("month {m} does not exist"))?,
            precision: Precision::Month,
        }),
        (Some(m), Some(d)) => Ok(FuzzyDate {
            date: Date::new(year, to_u8(m), to_u8(d))
                .ok_or_else(|| format!("{y:04}-{m:02}-{d:02} is not a calendar date"))?,
            precision: Precision::Day,
        }),
    }
}

/// The date forms records and sheets accept, for hints.
pub const DATE_FORMS: &str = "write the year first: 2025-08-15, 2025/08/15, 2025.8.15, 2025. 8. 15. or 2025년 8월 15일; 2025-08 or 2025 when only the month or year is known";

/// One full date (year first).
pub fn date(s: &str) -> Result<FuzzyDate, String> {
    match numbers(s)?.as_slice() {
        [y] => build(*y, None, None),
        [y, m] => build(*y, Some(*m), None),
        [y, m, d] => build(*y, Some(*m), Some(*d)),
        _ => Err(format!("`{}` is not a date", s.trim())),
    }
}

/// The end of a range, which may leave out the year or the month:
/// `6.18`, `18`, `6월 18일`, `2026.1.3`.
fn partial_date(s: &str, start: FuzzyDate) -> Result<FuzzyDate, String> {
    let n = numbers(s)?;
    let s_trim = s.trim();
    let y = start.date.year as u32;
    let m = u32::from(start.date.month);
    match n.as_slice() {
        [y2, m2, d2] => build(*y2, Some(*m2), Some(*d2)),
        [a, b] if *a >= 1000 => build(*a, Some(*b), None),
        [m2, d2] => build(y, Some(*m2), Some(*d2)),
        [d2] if s_trim.ends_with('월') => build(y, Some(*d2), None),
        [d2] if start.precision == Precision::Day => build(y, Some(m), Some(*d2)),
        [y2] if *y2 >= 1000 => build(*y2, None, None),
        _ => Err(format!("`{s_trim}` is not the end of a date range")),
    }
}

/// A date from an Excel serial number (1900 date system).
pub fn excel_serial(serial: f64) -> Result<FuzzyDate, String> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return Err(format!("{serial} is not an Excel date"));
    }
    // Excel counts 1900-02-29, which did not exist; days from 1899-12-30
    // are right for every serial after it.
    let days = serial.floor() as i64;
    let epoch = Date::new(1899, 12, 30)
        .map(|d| d.days_since_epoch())
        .unwrap_or(0);
    let date = Date::from_days_since_epoch(epoch + days);
    Ok(FuzzyDate {
        date,
        precision: Precision::Day,
    })
}

/// Splits a multi-value cell: `바이오; AI`, `바이오·AI`, `바이오, AI`.
pub fn list(s: &str) -> Vec<&str> {
    s.split([';', ',', '·', '/', '、', '|', '\n', '，', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a value is marked approximate: 약, 여, 내외, 가량, about, ~.
fn approximate(s: &str) -> bool {
    const MARKS: [&str; 5] = ["약", "여", "내외", "가량", "~"];
    const WORDS: [&str; 4] = ["about", "approx", "around", "c."];
    // Lowercased only when there are letters to lower (read on every row).
    MARKS.iter().any(|m| s.contains(m))
        || (s.bytes().any(|b| b.is_ascii_alphabetic()) && {
            let l = s.to_lowercase();
            WORDS.iter().any(|m| l.contains(m))
        })
}

/// Attendance: `300`, `300여 명`, `약 300명`, `150+60`, `about 300`.
pub fn attendance(s: &str) -> Result<(i64, bool), String> {
    // The common case, a plain number, without the checks below.
    if !s.is_empty() && s.len() < 19 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s
            .parse()
            .map(|n| (n, false))
            .map_err(|_| format!("`{s}` is not a number of people"));
    }
    let mut total: i64 = 0;
    let mut found = false;
    for part in s.split('+') {
        // The part's digits, read as one number (without a copy of them).
        let mut digits = part.bytes().filter(u8::is_ascii_digit).peekable();
        if digits.peek().is_none() {
            continue;
        }
        let n = digits
            .try_fold(0i64, |n, d| {
                n.checked_mul(10)?.checked_add(i64::from(d - b'0'))
            })
            .ok_or_else(|| format!("`{}` is not a number of people", s.trim()))?;
        total = total.saturating_add(n);
        found = true;
    }
    if !found {
        return Err(format!("`{}` is not a number of people", s.trim()));
    }
    // "300+" also means "300 or more, roughly".
    let approx = approximate(s) || s.trim_end().ends_with('+');
    Ok((total, approx))
}

/// A parsed amount: value, currency (if named), qualifiers.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedAmount {
    pub value: f64,
    pub currency: Option<String>,
    pub qualifier: AmountQualifier,
    pub approximate: bool,
    pub expected: bool,
}

/// `1,500만 달러`, `약 1,500만 달러 이상`, `최대 2천만 달러`, `20억원`,
/// `USD 15,000,000`, `15 million USD`, `$15M`.
pub fn amount(input: &str) -> Result<ParsedAmount, String> {
    let s = input.trim();
    let lower = s.to_lowercase();
    let Some(value) = value_of(&lower)? else {
        return Err(format!("`{s}` has no amount"));
    };
    let qualifier = if lower.contains("최대") || lower.contains("up to") {
        AmountQualifier::UpTo
    } else if lower.contains("이상") || lower.contains("at least") || lower.contains("over") {
        AmountQualifier::AtLeast
    } else {
        AmountQualifier::Exact
    };
    let expected = ["기대", "예정", "예상", "expected", "forecast"]
        .iter()
        .any(|k| lower.contains(k));
    Ok(ParsedAmount {
        value,
        currency: currency_of(&lower),
        qualifier,
        approximate: approximate(s),
        expected,
    })
}

/// The currency an amount names, by its word or sign.
fn currency_of(lower: &str) -> Option<String> {
    [
        ("캐나다 달러", "CAD"),
        ("캐나다달러", "CAD"),
        ("cad", "CAD"),
        ("달러", "USD"),
        ("usd", "USD"),
        ("$", "USD"),
        // "250만불": 불 is the dollar (弗) in Korean amounts.
        ("불", "USD"),
        ("원", "KRW"),
        ("krw", "KRW"),
        ("₩", "KRW"),
        ("엔", "JPY"),
        ("jpy", "JPY"),
        ("위안", "CNY"),
        ("cny", "CNY"),
        ("rmb", "CNY"),
        ("유로", "EUR"),
        ("eur", "EUR"),
        ("€", "EUR"),
    ]
    .iter()
    .find(|(k, _)| lower.contains(k))
    .map(|(_, c)| c.to_string())
}

/// A unit word or letter in an amount.
enum Unit {
    /// 십, 백, 천: multiply inside a group.
    Small(f64),
    /// 만, 억, 조: close a group.
    Big(f64),
    /// "million", "billion": its value and its length in characters.
    Word(f64, usize),
    /// "$15M", "2.5bn", "3k".
    Letter(f64),
}

/// The unit at `chars[i]`, if any; a letter counts only after a number.
fn unit_at(chars: &[char], i: usize, after_number: bool) -> Option<Unit> {
    let c = chars[i];
    match c {
        '십' => return Some(Unit::Small(10.0)),
        '백' => return Some(Unit::Small(100.0)),
        '천' => return Some(Unit::Small(1000.0)),
        '만' => return Some(Unit::Big(1e4)),
        '억' => return Some(Unit::Big(1e8)),
        '조' => return Some(Unit::Big(1e12)),
        _ => {}
    }
    let rest: String = chars[i..].iter().collect();
    let english = [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
    ]
    .into_iter()
    .find(|(w, _)| rest.starts_with(w));
    if let Some((w, u)) = english {
        return Some(Unit::Word(u, w.chars().count()));
    }
    if !after_number {
        return None;
    }
    let next_is_letter = chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
    match c {
        'k' if !next_is_letter => Some(Unit::Letter(1e3)),
        'm' if !next_is_letter => Some(Unit::Letter(1e6)),
        'b' if !next_is_letter || rest.starts_with("bn") => Some(Unit::Letter(1e9)),
        _ => None,
    }
}

/// The value an amount writes, None without any digit. Korean units:
/// groups closed by 만/억/조, multiplied inside by 십/백/천.
fn value_of(lower: &str) -> Result<Option<f64>, String> {
    let mut total = 0f64;
    let mut group = 0f64;
    let mut number: Option<f64> = None;
    let mut digits = String::new();
    let mut seen_number = false;
    let mut last_big: Option<f64> = None;
    let flush = |digits: &mut String, number: &mut Option<f64>| -> Result<(), String> {
        if !digits.is_empty() {
            *number = Some(
                digits
                    .parse::<f64>()
                    .map_err(|_| format!("`{digits}` is not a number"))?,
            );
            digits.clear();
        }
        Ok(())
    };
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || (c == '.' && !digits.is_empty()) {
            digits.push(c);
            seen_number = true;
        } else if c == ',' && !digits.is_empty() {
            // Thousands separator.
        } else {
            flush(&mut digits, &mut number)?;
            match unit_at(&chars, i, number.is_some()) {
                Some(Unit::Small(u)) => group += number.take().unwrap_or(1.0) * u,
                Some(Unit::Big(u)) => {
                    group += number.take().unwrap_or(0.0);
                    let g = if group == 0.0 { 1.0 } else { group };
                    // "1만2천222만": a unit no smaller than the one before
                    // it counts all of the number so far (1억2천222만).
                    total = match last_big.is_some_and(|b| u >= b) {
                        true => (total + g) * u,
                        false => total + g * u,
                    };
                    last_big = Some(u);
                    group = 0.0;
                }
                Some(Unit::Word(u, len)) => {
                    total += number.take().unwrap_or(1.0) * u;
                    i += len;
                    continue;
                }
                Some(Unit::Letter(u)) => total += number.take().unwrap_or(1.0) * u,
                None => {}
            }
        }
        i += 1;
    }
    flush(&mut digits, &mut number)?;
    total += group + number.unwrap_or(0.0);
    Ok(seen_number.then_some(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> String {
        date(s)
            .map(|d| d.to_string())
            .unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn dates_as_staff_type_them() {
        assert_eq!(d("2025-06-10"), "2025-06-10");
        assert_eq!(d("2025.6.10"), "2025-06-10");
        assert_eq!(d("2025. 6. 10."), "2025-06-10");
        assert_eq!(d("2025. 6. 10.(화)"), "2025-06-10");
        assert_eq!(d("2025년 6월 10일"), "2025-06-10");
        assert_eq!(d("2025/06/10"), "2025-06-10");
        assert_eq!(d("2025년 9월"), "2025-09");
        assert_eq!(d("2025.9"), "2025-09");
        assert_eq!(d("2025년"), "2025");
        assert!(d("2025-02-30").starts_with("ERR"));
        assert!(d("25.6.10").starts_with("ERR"));
        assert!(d("내일").starts_with("ERR"));
        assert!(d("").starts_with("ERR"));
    }

    #[test]
    fn ranges() {
        let r = |s: &str| {
            date_range(s)
                .map(|(a, b)| format!("{a}..{}", b.map(|b| b.to_string()).unwrap_or_default()))
                .unwrap_or_else(|e| format!("ERR {e}"))
        };
        assert_eq!(r("2025.6.10~6.18"), "2025-06-10..2025-06-18");
        assert_eq!(r("2025.6.10~18"), "2025-06-10..2025-06-18");
        assert_eq!(r("2025년 6월 10일 ~ 6월 18일"), "2025-06-10..2025-06-18");
        assert_eq!(r("2025-12-30 ~ 2026-01-02"), "2025-12-30..2026-01-02");
        assert_eq!(r("2025-06-10"), "2025-06-10..");
        assert!(r("2025.6.18~6.10").starts_with("ERR"));
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial(45818.0).unwrap().to_string(), "2025-06-10");
        assert_eq!(excel_serial(61.0).unwrap().to_string(), "1900-03-01");
        assert!(excel_serial(-3.0).is_err());
        for days in [-800_000, -1, 0, 1, 20_000, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn lists() {
        assert_eq!(list("바이오; AI"), vec!["바이오", "AI"]);
        assert_eq!(list("바이오·AI"), vec!["바이오", "AI"]);
        assert_eq!(list("바이오, AI ,"), vec!["바이오", "AI"]);
    }

    #[test]
    fn attendance_forms() {
        assert_eq!(attendance("300").unwrap(), (300, false));
        assert_eq!(attendance("300여 명").unwrap(), (300, true));
        assert_eq!(attendance("약 1,200명").unwrap(), (1200, true));
        assert_eq!(attendance("150여명 + 60여명").unwrap(), (210, true));
        assert!(attendance("많음").is_err());
        assert_eq!(attendance("About 300 people").unwrap(), (300, true));
        assert_eq!(attendance("300+").unwrap(), (300, true));
        assert!(attendance("99999999999999999999명").is_err());
    }

    #[test]
    fn amounts_in_korean_and_english() {
        let a = amount("약 1,500만 달러 이상 (기대)").unwrap();
        assert_eq!(a.value, 15_000_000.0);
        assert_eq!(a.currency.as_deref(), Some("USD"));
        assert_eq!(a.qualifier, AmountQualifier::AtLeast);
        assert!(a.approximate && a.expected);
        let b = amount("최대 2천만 달러").unwrap();
        assert_eq!(
            (b.value, b.qualifier),
            (20_000_000.0, AmountQualifier::UpTo)
        );
        assert_eq!(amount("20억원").unwrap().value, 2_000_000_000.0);
        assert_eq!(amount("3억 5천만 원").unwrap().value, 350_000_000.0);
        assert_eq!(amount("215만5000달러").unwrap().value, 2_155_000.0);
        assert_eq!(amount("3천564만달러").unwrap().value, 35_640_000.0);
        // 만 after 만: the whole number so far is counted in 만.
        assert_eq!(amount("1만2천222만달러").unwrap().value, 122_220_000.0);
        assert_eq!(amount("1억2천222만달러").unwrap().value, 122_220_000.0);
        assert_eq!(amount("USD 15,000,000").unwrap().value, 15_000_000.0);
        assert_eq!(amount("15 million USD").unwrap().value, 15_000_000.0);
        assert_eq!(amount("$15M").unwrap().value, 15_000_000.0);
        assert_eq!(amount("2.5 billion KRW").unwrap().value, 2_500_000_000.0);
        assert!(amount("미정").is_err());
    }
}
