//! Language rules the brief's wording depends on: Korean particles that
//! agree with the word before them, and numbers, dates and amounts written
//! the way Korean and English reports write them.

use crate::model::{Date, FuzzyDate, Lang, Precision};
use crate::period::{Period, PeriodKind};

/// Whether the Korean reading of `word` ends in a final consonant (batchim),
/// and whether that consonant is ㄹ. `None` when it cannot be told.
fn final_consonant(word: &str) -> Option<(bool, bool)> {
    let mut w = word.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '’' | '”' | '」' | '』' | '.' | ',' | '·')
    });
    // "인공지능(AI)" takes the particle of the word before the brackets.
    if w.ends_with(')')
        && let Some(i) = w.rfind('(')
        && i > 0
    {
        w = w[..i].trim_end();
    }
    let last = w.chars().next_back()?;
    match last as u32 {
        0xAC00..=0xD7A3 => {
            let jong = (last as u32 - 0xAC00) % 28;
            Some((jong != 0, jong == 8))
        }
        _ if last.is_ascii_digit() => Some(number_final(w)),
        _ if last.is_ascii_alphabetic() => Some(latin_final(w)),
        // "%" reads 퍼센트.
        _ if last == '%' => Some((false, false)),
        _ => None,
    }
}

/// Final consonant of a number read in Korean (일, 이, 삼, ..., 십, 백, 천, 만).
fn number_final(w: &str) -> (bool, bool) {
    let digits: String = w
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    let trimmed = digits.trim_end_matches('0');
    let zeros = digits.len() - trimmed.len();
    if trimmed.is_empty() {
        return (true, false); // 영
    }
    if zeros == 0 {
        // 일 이 삼 사 오 육 칠 팔 구
        return match trimmed.as_bytes()[trimmed.len() - 1] {
            b'1' | b'7' | b'8' => (true, true),
            b'3' | b'6' => (true, false),
            _ => (false, false),
        };
    }
    // 십 백 천 만 ... 억 ... 조: only 조 (10^12) has no final consonant.
    match zeros % 16 {
        12 => (false, false),
        _ => (true, false),
    }
}

/// Final consonant of a Latin word as Koreans read it: acronyms letter by
/// letter (AI -> 에이아이), other words by their last sound (Google -> 구글).
fn latin_final(w: &str) -> (bool, bool) {
    let word: String = w
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .chars()
        .rev()
        .collect();
    if word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()) || word.len() == 1 {
        // Letter names: L 엘, M 엠, N 엔, R 알 end in a consonant.
        return match word.chars().last().map(|c| c.to_ascii_uppercase()) {
            Some('L') | Some('R') => (true, true),
            Some('M') | Some('N') => (true, false),
            _ => (false, false),
        };
    }
    let lower = word.to_ascii_lowercase();
    let stem = lower
        .strip_suffix('e')
        .filter(|s| s.len() > 1)
        .unwrap_or(&lower);
    if stem.ends_with('l') {
        (true, true)
    } else if stem.ends_with(['m', 'n', 'k', 'p', 't', 'b', 'd', 'g']) || stem.ends_with("ng") {
        (true, false)
    } else {
        (false, false)
    }
}

/// The form of a particle that agrees with `word`. `particle` may be either
/// form or the slash pair ("은", "는", "은/는", "으로", ...).
pub fn particle(word: &str, particle: &str) -> String {
    let pairs: [(&str, &str); 8] = [
        ("은", "는"),
        ("이", "가"),
        ("을", "를"),
        ("과", "와"),
        ("으로", "로"),
        ("이나", "나"),
        ("이라", "라"),
        ("아", "야"),
    ];
    let key = particle.trim();
    let Some(&(with, without)) = pairs.iter().find(|(a, b)| {
        key == *a || key == *b || key == format!("{a}/{b}") || key == format!("{b}/{a}")
    }) else {
        return key.to_string();
    };
    match final_consonant(word) {
        // 으로/로: after ㄹ the bare form, like a vowel.
        Some((true, is_rieul)) if with == "으로" && is_rieul => without.to_string(),
        Some((true, _)) => with.to_string(),
        Some((false, _)) => without.to_string(),
        // Unknown reading: the combined form is correct in writing.
        None => format!("{with}({without})"),
    }
}

/// `1,234,567`.
/// Items as a sentence lists them: "A, B and C" in English, "A, B, C" in
/// Korean (where the particle after the list does the joining).
pub fn and_list(items: &[String], lang: Lang) -> String {
    match (lang, items) {
        (Lang::En, [init @ .., last]) if !init.is_empty() => {
            format!("{} and {last}", init.join(", "))
        }
        _ => items.join(", "),
    }
}

pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A date as the brief's language writes it: `2025. 6. 10.(화)` /
/// `10 Jun 2025`; `2025. 6.` / `Jun 2025` for a month; `2025년` / `2025`.
pub fn date(d: FuzzyDate, lang: Lang) -> String {
    let Date { year, month, day } = d.date;
    match (lang, d.precision) {
        (Lang::Ko, Precision::Day) => {
            const DAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];
            format!(
                "{year}. {month}. {day}.({})",
                DAYS[d.date.weekday() as usize]
            )
        }
        (Lang::Ko, Precision::Month) => format!("{year}. {month}."),
        (Lang::Ko, Precision::Year) => format!("{year}년"),
        (Lang::En, Precision::Day) => format!("{day} {} {year}", MONTHS[month as usize - 1]),
        (Lang::En, Precision::Month) => format!("{} {year}", MONTHS[month as usize - 1]),
        (Lang::En, Precision::Year) => format!("{year}"),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date range: `2025. 6. 10.(화)~6. 18.(수)` / `10–18 Jun 2025`.
pub fn date_range(start: FuzzyDate, end: Option<Date>, lang: Lang) -> String {
    let Some(end) = end.filter(|e| *e != start.date && start.precision == Precision::Day) else {
        return date(start, lang);
    };
    let s = start.date;
    let end_f = FuzzyDate {
        date: end,
        precision: Precision::Day,
    };
    match lang {
        Lang::Ko => {
            let full = date(end_f, lang);
            let short = if end.year == s.year {
                full.split_once(". ")
                    .map_or(full.clone(), |(_, rest)| rest.to_string())
            } else {
                full
            };
            format!("{}~{short}", date(start, lang))
        }
        Lang::En => {
            if s.year == end.year && s.month == end.month {
                format!(
                    "{}–{} {} {}",
                    s.day,
                    end.day,
                    MONTHS[s.month as usize - 1],
                    s.year
                )
            } else if s.year == end.year {
                format!(
                    "{} {} – {}",
                    s.day,
                    MONTHS[s.month as usize - 1],
                    date(end_f, lang)
                )
            } else {
                format!("{} – {}", date(start, lang), date(end_f, lang))
            }
        }
    }
}

/// Month name: `6월` / `Jun`.
pub fn month_name(month: u8, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{month}월"),
        Lang::En => MONTHS[(month.clamp(1, 12) - 1) as usize].to_string(),
    }
}

/// A year as a label or sentence names it: `2025년` / `2025`.
pub fn year(y: i32, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{y}년"),
        Lang::En => y.to_string(),
    }
}

/// A period as a title names it: `2025년 2분기` / `Q2 2025`,
/// `2025년 상반기` / `H1 2025`, `2025년 연간` / `2025`, `2025년 3~8월` /
/// `Mar–Aug 2025`.
pub fn period(p: Period, lang: Lang) -> String {
    match (p.kind(), lang) {
        (PeriodKind::Year, Lang::Ko) => format!("{}년 연간", p.first_year()),
        _ => period_ref(p, lang),
    }
}

/// A period as a sentence refers to it (`전년(2024년) 대비`): as
/// `period`, but a year is just `2024년` / `2024`.
pub fn period_ref(p: Period, lang: Lang) -> String {
    let (y, n) = (p.first_year(), p.ordinal());
    let end = p.end();
    let month = |m: u8| MONTHS[(m.clamp(1, 12) - 1) as usize];
    match (p.kind(), lang) {
        (PeriodKind::Quarter, Lang::Ko) => format!("{y}년 {n}분기"),
        (PeriodKind::Quarter, Lang::En) => format!("Q{n} {y}"),
        (PeriodKind::Half, Lang::Ko) => {
            format!("{y}년 {}", if n == 1 { "상반기" } else { "하반기" })
        }
        (PeriodKind::Half, Lang::En) => format!("H{n} {y}"),
        (PeriodKind::Year, _) => year(y, lang),
        (PeriodKind::Months, Lang::Ko) => {
            let m = p.first_month();
            if p.len_months() == 1 {
                format!("{y}년 {m}월")
            } else if end.year == y {
                format!("{y}년 {m}~{}월", end.month)
            } else {
                format!("{y}년 {m}월~{}년 {}월", end.year, end.month)
            }
        }
        (PeriodKind::Months, Lang::En) => {
            let m = month(p.first_month());
            if p.len_months() == 1 {
                format!("{m} {y}")
            } else if end.year == y {
                format!("{m}–{} {y}", month(end.month))
            } else {
                format!("{m} {y}–{} {}", month(end.month), end.year)
            }
        }
    }
}

/// A sum of money in `currency`, rounded the way reports write it:
/// KRW as 억원/만원 in Korean, other currencies as 만 달러; in English
/// `KRW 20.7 billion`, `USD 15 million`.
pub fn money(value: f64, currency: &str, lang: Lang) -> String {
    let v = value.max(0.0);
    match lang {
        Lang::Ko => {
            let unit = match currency {
                "KRW" => "원",
                "USD" => " 달러",
                "CAD" => " 캐나다 달러",
                "EUR" => " 유로",
                "JPY" => " 엔",
                "CNY" => " 위안",
                _ => "",
            };
            let suffix = if unit.is_empty() {
                format!(" {currency}")
            } else {
                unit.to_string()
            };
            let (amount, scale) = if v >= 1e8 {
                (v / 1e8, "억")
            } else if v >= 1e4 {
                (v / 1e4, "만")
            } else {
                (v, "")
            };
            // Whole numbers, or one decimal for small multiples (20.7억원).
            let whole =
                scale.is_empty() || amount >= 100.0 || (amount - amount.round()).abs() < 0.05;
            let number = if whole {
                group_thousands(amount.round() as u64)
            } else {
                format!("{amount:.1}")
            };
            // Korean reports write 억원 together and "만 달러" with a space.
            format!("{number}{scale}{suffix}")
        }
        Lang::En => {
            let (amount, scale) = if v >= 1e12 {
                (v / 1e12, " trillion")
            } else if v >= 1e9 {
                (v / 1e9, " billion")
            } else if v >= 1e6 {
                (v / 1e6, " million")
            } else {
                (v, "")
            };
            let number = if scale.is_empty() || (amount - amount.round()).abs() < 0.05 {
                group_thousands(amount.round() as u64)
            } else {
                format!("{amount:.1}")
            };
            format!("{currency} {number}{scale}")
        }
    }
}

/// A change between two counts: `+2`, `−1`, `0`, and as a percentage when
/// the base is not zero.
pub fn change(current: f64, previous: f64) -> (String, Option<String>) {
    let d = current - previous;
    let abs = if d > 0.0 {
        format!("+{}", trim_float(d))
    } else if d < 0.0 {
        format!("−{}", trim_float(-d))
    } else {
        "0".to_string()
    };
    let pct = (previous > 0.0).then(|| {
        let p = (d / previous * 100.0).round();
        if p > 0.0 {
            format!("+{p}%")
        } else if p < 0.0 {
            format!("−{}%", -p)
        } else {
            "0%".to_string()
        }
    });
    (abs, pct)
}

fn trim_float(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        group_thousands(v.round() as u64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_sentences() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&v(&["AI"]), Lang::En), "AI");
        assert_eq!(
            and_list(&v(&["AI", "Robotics"]), Lang::En),
            "AI and Robotics"
        );
        assert_eq!(and_list(&v(&["A", "B", "C"]), Lang::En), "A, B and C");
        assert_eq!(
            and_list(&v(&["반도체", "화장품"]), Lang::Ko),
            "반도체, 화장품"
        );
        assert_eq!(and_list(&[], Lang::En), "");
    }

    #[test]
    fn particles_follow_the_last_syllable() {
        assert_eq!(particle("바이오", "은/는"), "는");
        assert_eq!(particle("반도체", "이/가"), "가");
        assert_eq!(particle("양자", "을/를"), "를");
        assert_eq!(particle("우주항공", "은"), "은");
        assert_eq!(particle("우주항공", "와/과"), "과");
        assert_eq!(particle("협약", "이/가"), "이");
        assert_eq!(particle("서울", "으로/로"), "로");
        assert_eq!(particle("대전", "으로"), "으로");
        assert_eq!(particle("퀘벡주", "으로"), "로");
    }

    #[test]
    fn particles_after_numbers_and_latin() {
        assert_eq!(particle("AI", "은/는"), "는");
        assert_eq!(particle("3건", "이/가"), "이");
        assert_eq!(particle("3", "이/가"), "이"); // 삼
        assert_eq!(particle("2", "이/가"), "가"); // 이
        assert_eq!(particle("1", "으로"), "로"); // 일
        assert_eq!(particle("10", "은"), "은"); // 십
        assert_eq!(particle("1,000", "을"), "을"); // 천
        assert_eq!(particle("MOU", "을/를"), "를"); // 유
        assert_eq!(particle("BIO USA", "와/과"), "와");
        assert_eq!(particle("Google", "과/와"), "과");
        assert_eq!(particle("Boston", "은"), "은");
        assert_eq!(particle("Moderna", "은"), "는");
        assert_eq!(particle("인공지능(AI)", "은/는"), "은");
        assert_eq!(particle("15%", "이/가"), "가");
        assert_eq!(particle("'양자'", "을"), "를");
    }

    #[test]
    fn dates_in_both_languages() {
        let d = FuzzyDate::parse("2025-06-10").unwrap();
        assert_eq!(date(d, Lang::Ko), "2025. 6. 10.(화)");
        assert_eq!(date(d, Lang::En), "10 Jun 2025");
        let m = FuzzyDate::parse("2017-10").unwrap();
        assert_eq!(date(m, Lang::Ko), "2017. 10.");
        assert_eq!(date(m, Lang::En), "Oct 2017");
        let end = Date::new(2025, 6, 18);
        assert_eq!(date_range(d, end, Lang::Ko), "2025. 6. 10.(화)~6. 18.(수)");
        assert_eq!(date_range(d, end, Lang::En), "10–18 Jun 2025");
    }

    #[test]
    fn money_as_reports_write_it() {
        assert_eq!(money(20_700_000_000.0, "KRW", Lang::Ko), "207억원");
        assert_eq!(money(2_070_000_000.0, "KRW", Lang::Ko), "20.7억원");
        assert_eq!(money(15_000_000.0, "USD", Lang::Ko), "1,500만 달러");
        assert_eq!(money(15_000_000.0, "USD", Lang::En), "USD 15 million");
        assert_eq!(money(20_700_000_000.0, "KRW", Lang::En), "KRW 20.7 billion");
        assert_eq!(money(950.0, "USD", Lang::En), "USD 950");
    }

    #[test]
    fn changes() {
        assert_eq!(change(3.0, 1.0), ("+2".into(), Some("+200%".into())));
        assert_eq!(change(1.0, 2.0), ("−1".into(), Some("−50%".into())));
        assert_eq!(change(1.0, 0.0), ("+1".into(), None));
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}
