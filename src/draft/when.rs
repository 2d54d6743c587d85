//! Dates as articles write them: "2025년 3월 27일", "6월 10일부터
//! 18일까지", "지난 12일", "지난달 24일(현지시각)", "오는 13일", "지난해
//! 10월", "올해", "'25년". A date without its year or month is resolved
//! against the publication date, and says how.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::load::human;
use crate::model::{Date, FuzzyDate, Precision};

/// Words that place a date relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    LastYear,
    ThisYear,
    NextYear,
    LastMonth,
    ThisMonth,
    NextMonth,
    /// 지난: the most recent such day or month before publication.
    Past,
    /// 오는: the next such day or month after publication.
    Coming,
}

/// The numbers and words of one date as written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Parts {
    rel: Option<Rel>,
    year: Option<i32>,
    short_year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

/// One date (or range of dates) in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// The words as written, range included: "6월 10일부터 18일까지".
    pub quote: String,
    from: Parts,
    to: Option<Parts>,
    /// "2001년부터" with no end: the start of something ongoing.
    pub open_from: bool,
    /// "12월까지": a deadline.
    pub until: bool,
}

/// Words that place a year, a month or a day relative to the publication
/// date (`relative` reads them), as regex alternatives for the patterns
/// below.
macro_rules! year_words {
    () => {
        "지난해|작년|올해|금년|내년"
    };
}
macro_rules! month_words {
    () => {
        r"지난\s?달|이달|이번\s?달|다음\s?달|내달"
    };
}
macro_rules! day_words {
    () => {
        "지난|오는"
    };
}

/// One date: every branch needs a number or a year word, so the regex never
/// matches the empty string (which would make scanning a sentence quadratic).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?x)
        (?:(?P<dy>\d{4})\s*\.\s*(?P<dm>\d{1,2})\s*\.\s*(?P<dd>\d{1,2})\.?(?:\s*일)?)
        |
        (?:(?P<rel>",
        year_words!(),
        "|",
        month_words!(),
        "|",
        day_words!(),
        r")\s*)?
        (?:
            (?:(?P<y>\d{4})\s*년|['‘’](?P<sy>\d{2})\s*년)(?:\s*(?P<m>\d{1,2})\s*월)?(?:\s*(?P<d>\d{1,2})\s*일)?
          | (?P<m2>\d{1,2})\s*월(?:\s*(?P<d2>\d{1,2})\s*일)?
          | (?P<d3>\d{1,2})\s*일
        )
        |
        (?P<yw>",
        year_words!(),
        ")",
    ))
    .expect("static regex")
});

static AFTER_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\((?:현지\s*시각|현지\s*시간|[월화수목금토일])\)").expect("static regex")
});

static RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:부터|~|∼|〜|–|-)\s*").expect("static regex"));

/// A word that places a date relative to the publication date.
fn relative(word: &str) -> Rel {
    match word.replace(' ', "").as_str() {
        "지난해" | "작년" => Rel::LastYear,
        "올해" | "금년" => Rel::ThisYear,
        "내년" => Rel::NextYear,
        "지난달" => Rel::LastMonth,
        "이달" | "이번달" => Rel::ThisMonth,
        "다음달" | "내달" => Rel::NextMonth,
        "지난" => Rel::Past,
        _ => Rel::Coming,
    }
}

fn parts(c: &Captures) -> Option<Parts> {
    let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<i32>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("dy"), num("dm"), num("dd")) {
        return Some(Parts {
            year: Some(y),
            month: Some(m as u32),
            day: Some(d as u32),
            ..Parts::default()
        });
    }
    let rel = c.name("rel").or(c.name("yw")).map(|r| relative(r.as_str()));
    let p = Parts {
        rel,
        year: num("y"),
        short_year: num("sy"),
        month: num("m").or(num("m2")).map(|m| m as u32),
        day: num("d").or(num("d2")).or(num("d3")).map(|d| d as u32),
    };
    let numbers =
        p.year.is_some() || p.short_year.is_some() || p.month.is_some() || p.day.is_some();
    let year_word = matches!(rel, Some(Rel::LastYear | Rel::ThisYear | Rel::NextYear));
    (numbers || year_word).then_some(p)
}

/// "15∼21일", "9~19일", "6월 10~18일": a range of days written once.
static DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "(?:(?P<rel>",
        month_words!(),
        "|",
        day_words!(),
        r")\s*)?(?:(?P<m>\d{1,2})\s*월\s*)?(?P<d1>\d{1,2})\s*[~∼〜–-]\s*(?P<d2>\d{1,2})\s*일",
    ))
    .expect("static regex")
});

fn day_ranges(sentence: &str) -> Vec<Mention> {
    DAY_RANGE
        .captures_iter(sentence)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
            let rel = c.name("rel").map(|r| relative(r.as_str()));
            let from = Parts {
                rel,
                month: num("m"),
                day: num("d1"),
                ..Parts::default()
            };
            let to = Parts {
                day: num("d2"),
                ..Parts::default()
            };
            (plausible(&from) && plausible(&to) && num("d2") >= num("d1")).then(|| Mention {
                start: whole.start(),
                end: whole.end(),
                quote: whole.as_str().trim().to_string(),
                from,
                to: Some(to),
                open_from: false,
                until: false,
            })
        })
        .collect()
}

/// "6.17(월)": a month and day with the weekday, as press releases write.
static DOTTED_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\.?\s*\([월화수목금토일]\)")
        .expect("static regex")
});

fn dotted_days(sentence: &str) -> Vec<Mention> {
    DOTTED_DAY
        .captures_iter(sentence)
        .filter_map(|c| {
            let (m, d) = (c.name("m")?, c.name("d")?);
            let from = Parts {
                month: m.as_str().parse().ok(),
                day: d.as_str().parse().ok(),
                ..Parts::default()
            };
            let end = c.get(0)?.end();
            plausible(&from).then(|| Mention {
                start: m.start(),
                end,
                quote: sentence[m.start()..end].trim().to_string(),
                from,
                to: None,
                open_from: false,
                until: false,
            })
        })
        .collect()
}

/// "(10.29.~11.3.)", "6.17(월)~6.19(수)", "(10.2.~10.13)": a span of dotted
/// days. The first day ends in its dot or weekday, which a decimal
/// ("3.5~4.2%") does not. A span over the new year ("12.29.~1.3.") is
/// left to the single days.
static DOTTED_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[^\d.])(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})(?:\.?\s*\([월화수목금토일]\)|\.)",
        r"\s*[~∼〜]\s*(?:(?P<m2>\d{1,2})\.\s?)?(?P<d2>\d{1,2})(?:\.|\s*\([월화수목금토일]\)|일|[)\s]|$)"
    ))
    .expect("static regex")
});

fn dotted_ranges(sentence: &str) -> Vec<Mention> {
    DOTTED_RANGE
        .captures_iter(sentence)
        .filter_map(|c| {
            let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
            let from = Parts {
                month: num("m"),
                day: num("d"),
                ..Parts::default()
            };
            let to = Parts {
                month: num("m2").or(num("m")),
                day: num("d2"),
                ..Parts::default()
            };
            let later = (to.month, to.day) > (from.month, from.day);
            let (start, end) = (c.name("m")?.start(), c.get(0)?.end());
            (plausible(&from) && plausible(&to) && later).then(|| Mention {
                start,
                end,
                quote: sentence[start..end].trim().to_string(),
                from,
                to: Some(to),
                open_from: false,
                until: false,
            })
        })
        .collect()
}

/// Every date in a sentence, ranges joined.
pub fn mentions(sentence: &str) -> Vec<Mention> {
    let mut ranges = day_ranges(sentence);
    let dotted = dotted_ranges(sentence);
    let apart = |m: &Mention| !dotted.iter().any(|r| m.start < r.end && r.start < m.end);
    ranges.extend(dotted_days(sentence).into_iter().filter(apart));
    ranges.extend(dotted);
    let mut out = ranges.clone();
    for m in single_mentions(sentence) {
        if !ranges.iter().any(|r| m.start < r.end && r.start < m.end) {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn single_mentions(sentence: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut at = 0;
    while at < sentence.len() {
        let Some(c) = DATE.captures_at(sentence, at) else {
            break;
        };
        let Some(m) = c.get(0) else { break };
        if m.is_empty() {
            at = next_char(sentence, m.start());
            continue;
        }
        let Some(from) = parts(&c).filter(plausible) else {
            at = m.end().max(next_char(sentence, m.start()));
            continue;
        };
        if a_length_or_part(sentence, m.start(), m.end(), &from) {
            at = m.end();
            continue;
        }
        let mut end = m.end();
        if let Some(w) = AFTER_DAY.find(&sentence[m.end()..]) {
            end += w.end();
        }
        let mut mention = Mention {
            start: m.start(),
            end,
            quote: String::new(),
            from,
            to: None,
            open_from: false,
            until: false,
        };
        extend_range(sentence, &mut mention);
        mention.quote = sentence[mention.start..mention.end].trim().to_string();
        at = mention.end;
        out.push(mention);
    }
    out
}

/// Whether a date's words are a length ("3일간", "이틀 동안", "6박 8일")
/// or the end of another number (a digit just before).
fn a_length_or_part(sentence: &str, start: usize, end: usize, from: &Parts) -> bool {
    let after = &sentence[end..];
    let head = sentence[..start].trim_end();
    let before_digit = sentence[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
        || (from.day.is_some() && from.month.is_none() && head.ends_with('박'));
    (from.day.is_some() && (after.starts_with('간') || after.trim_start().starts_with("동안")))
        || before_digit
}

/// Extends a mention over the range it opens ("5일부터 7일까지", "5~7일"),
/// or marks it open ("5일부터") or a deadline ("7일까지").
fn extend_range(sentence: &str, mention: &mut Mention) {
    let rest = &sentence[mention.end..];
    if let Some(sep) = RANGE.find(rest) {
        let tail_at = mention.end + sep.end();
        let to = DATE
            .captures_at(sentence, tail_at)
            .filter(|c2| {
                // "15일부터 4일간": a length, not the range's end.
                c2.get(0).is_some_and(|m2| {
                    m2.start() == tail_at
                        && !m2.is_empty()
                        && !sentence[m2.end()..].starts_with('간')
                })
            })
            .and_then(|c2| Some((parts(&c2)?, c2.get(0)?.end())));
        match to {
            Some((to, to_end)) => {
                mention.to = Some(to);
                mention.end = to_end;
            }
            None if sep.as_str().trim() == "부터" => {
                mention.open_from = true;
            }
            None => {}
        }
    }
    let rest = &sentence[mention.end..];
    if rest.trim_start().starts_with("까지") {
        if mention.to.is_none() {
            mention.until = true;
        }
        mention.end += rest.len() - rest.trim_start().len() + "까지".len();
    }
}

fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(s.len(), |c| i + c.len_utf8())
}

fn plausible(p: &Parts) -> bool {
    p.month.is_none_or(|m| (1..=12).contains(&m)) && p.day.is_none_or(|d| (1..=31).contains(&d))
}

/// A date resolved, with how (for `date_note`), or why it could not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub start: FuzzyDate,
    pub end: Option<FuzzyDate>,
    /// How the date was read when the text did not give it whole (Korean,
    /// English); `None` when the text gives the full date.
    pub how: Option<(String, String)>,
}

impl Mention {
    /// The mention's year as written or implied, for choosing among dates.
    pub fn explicit_year(&self) -> Option<i32> {
        self.from.year
    }

    /// Whether the date gives its day.
    pub fn day_given(&self) -> bool {
        self.from.day.is_some()
    }

    /// A bare day ("31일") told in the past tense: the last such day on or
    /// before the publication date ("31일 … 서명했다" read on 1 April is 31
    /// March). `None` for any other mention.
    pub fn as_past(&self) -> Option<Mention> {
        let p = &self.from;
        let bare = p.rel.is_none()
            && p.year.is_none()
            && p.short_year.is_none()
            && p.month.is_none()
            && p.day.is_some()
            && self.to.is_none();
        bare.then(|| {
            let mut m = self.clone();
            m.from.rel = Some(Rel::Past);
            m
        })
    }

    /// Resolves the mention against the publication date.
    pub fn resolve(&self, published: Option<&Published>) -> Result<Resolved, String> {
        let start = resolve_parts(&self.from, published.map(|p| p.date), None)?;
        let end = match &self.to {
            Some(to) => {
                let end = resolve_parts(to, published.map(|p| p.date), Some(start.0))?;
                if end.0.date < start.0.date {
                    return Err(format!("the range `{}` ends before it starts", self.quote));
                }
                Some(end.0)
            }
            None => None,
        };
        let how = start.1.then(|| {
            let p = published.map(|p| p.describe()).unwrap_or_default();
            let range = end.map(|e| format!("~{e}")).unwrap_or_default();
            (
                format!(
                    "기사의 '{}'을(를) {p} 기준으로 {}{range}(으)로 읽음.",
                    self.quote, start.0
                ),
                format!(
                    "The article says \"{}\"; read against {} as {}{range}.",
                    self.quote,
                    published.map(|p| p.describe_en()).unwrap_or_default(),
                    start.0
                ),
            )
        });
        Ok(Resolved {
            start: start.0,
            end,
            how,
        })
    }
}

impl Resolved {
    /// The day before a day ("27일 …에 따르면 … 전날 … 찾아"), saying so in
    /// the note; `None` for a month or a year.
    pub fn day_before(self, word: &str) -> Option<Resolved> {
        if self.start.precision != Precision::Day {
            return None;
        }
        let day = FuzzyDate {
            date: self.start.date.add_days(-1),
            precision: Precision::Day,
        };
        let (ko, en) = self.how.unwrap_or_default();
        Some(Resolved {
            start: day,
            end: None,
            how: Some((
                format!("{ko} '{word}'은(는) 그 하루 전인 {day}.")
                    .trim()
                    .to_string(),
                format!("{en} \"{word}\" is the day before: {day}.")
                    .trim()
                    .to_string(),
            )),
        })
    }
}

/// The date an article was published, and where that date came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub date: FuzzyDate,
    /// The page's words ("발행시간: 2018.01.15") or `None` when given on
    /// the command line.
    pub quote: Option<String>,
}

impl Published {
    fn describe(&self) -> String {
        match &self.quote {
            Some(q) => format!("발행일 {}(기사 표기 '{q}')", self.date),
            None => format!("명령에서 준 발행일 {}(--published)", self.date),
        }
    }

    fn describe_en(&self) -> String {
        match &self.quote {
            Some(q) => format!("the publication date {} (\"{q}\" on the page)", self.date),
            None => format!("the publication date {} given with --published", self.date),
        }
    }
}

/// Resolves one date; the flag says whether anything came from the
/// publication date. `after`: the start of the range this date ends.
fn resolve_parts(
    p: &Parts,
    published: Option<FuzzyDate>,
    after: Option<FuzzyDate>,
) -> Result<(FuzzyDate, bool), String> {
    let need = |what: &str| format!("{what} needs the publication date; give --published");
    // A range's end reads against its start ("10월 30일~11월 2일"), but for
    // a word that is relative to today: "지난달 27일부터 이달 1일까지".
    let reference = match p.rel {
        Some(Rel::LastMonth | Rel::ThisMonth | Rel::NextMonth | Rel::Past | Rel::Coming) => {
            published
        }
        _ => after.or(published),
    };
    let explicit_year = p.year.is_some();
    let mut relative = false;
    let year = match (p.year, p.short_year, p.rel) {
        (Some(y), _, _) => y,
        (None, Some(sy), _) => {
            relative = true;
            let century = reference.map_or(2000, |r| r.date.year / 100 * 100);
            century + sy
        }
        (None, None, Some(Rel::LastYear)) => year_of(reference).ok_or_else(|| need("지난해"))? - 1,
        (None, None, Some(Rel::NextYear)) => year_of(reference).ok_or_else(|| need("내년"))? + 1,
        _ => {
            relative = true;
            year_of(reference).ok_or_else(|| need("a date without its year"))?
        }
    };
    if matches!(p.rel, Some(Rel::LastYear | Rel::ThisYear | Rel::NextYear)) {
        relative = true;
    }
    let Some(month) = p.month else {
        return match p.day {
            None if matches!(
                p.rel,
                Some(Rel::LastMonth | Rel::ThisMonth | Rel::NextMonth)
            ) =>
            {
                Err("a month without its day is not an event date".into())
            }
            None => human::date(&year.to_string()).map(|d| (d, relative)),
            Some(day) => day_only(p.rel, day, reference, after.is_some()).map(|d| (d, true)),
        };
    };
    let mut year = year;
    if !explicit_year && p.short_year.is_none() {
        // "지난 10월" read in January is last year's October.
        if let Some(r) = reference.filter(|r| r.precision != Precision::Year) {
            let rm = u32::from(r.date.month);
            match p.rel {
                Some(Rel::Past) if month > rm => year -= 1,
                Some(Rel::Coming) if month < rm => year += 1,
                _ if after.is_some() && month < rm => year += 1,
                _ => {}
            }
        }
    }
    let text = match p.day {
        Some(d) => format!("{year}-{month}-{d}"),
        None => format!("{year}-{month}"),
    };
    human::date(&text).map(|d| (d, relative))
}

fn year_of(r: Option<FuzzyDate>) -> Option<i32> {
    r.map(|r| r.date.year)
}

/// "지난 12일", "오는 13일", "28일", "지난달 24일": the month comes from
/// the reference date.
fn day_only(
    rel: Option<Rel>,
    day: u32,
    reference: Option<FuzzyDate>,
    range_end: bool,
) -> Result<FuzzyDate, String> {
    let r = reference.filter(|r| r.precision != Precision::Year).ok_or(
        "a day without its month needs a publication date with its month; give --published",
    )?;
    let (mut y, mut m) = (r.date.year, i32::from(r.date.month));
    let known_day = (r.precision == Precision::Day).then_some(r.date.day);
    let shift = match rel {
        Some(Rel::LastMonth) => -1,
        Some(Rel::NextMonth) => 1,
        Some(Rel::ThisMonth) => 0,
        // "지난 20일" read on the 15th is last month's 20th.
        Some(Rel::Past) if known_day.is_some_and(|k| day > u32::from(k)) => -1,
        Some(Rel::Coming) if known_day.is_some_and(|k| day < u32::from(k)) => 1,
        // A range's end before its start day runs into the next month.
        None if range_end && known_day.is_some_and(|k| day < u32::from(k)) => 1,
        _ => 0,
    };
    m += shift;
    if m < 1 {
        m += 12;
        y -= 1;
    } else if m > 12 {
        m -= 12;
        y += 1;
    }
    Date::new(y, m as u8, u8::try_from(day).unwrap_or(0))
        .map(|date| FuzzyDate {
            date,
            precision: Precision::Day,
        })
        .ok_or_else(|| format!("day {day} does not exist in {y}-{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(s: &str) -> Published {
        Published {
            date: FuzzyDate::parse(s).expect("date"),
            quote: None,
        }
    }

    fn read(sentence: &str, p: Option<&str>) -> Vec<String> {
        let p = p.map(published);
        mentions(sentence)
            .iter()
            .map(|m| match m.resolve(p.as_ref()) {
                Ok(r) => match r.end {
                    Some(e) => format!("{}~{e}", r.start),
                    None => r.start.to_string(),
                },
                Err(_) => format!("?{}", m.quote),
            })
            .collect()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            read("2025년 3월 27일 목요일, 회의를 열었다.", None),
            ["2025-03-27"]
        );
        assert_eq!(read("발행 2018.01.15일 16:44", None), ["2018-01-15"]);
        assert_eq!(read("2001년부터 매년 열린다", None), ["2001"]);
        assert!(mentions("2001년부터 매년")[0].open_from);
        assert!(mentions("올해 12월까지 운영된다")[0].until);
        assert_eq!(
            read("오는 15∼21일 미국 방문", Some("2014-11-13")),
            ["2014-11-15~2014-11-21"]
        );
        assert_eq!(
            read("김동연 지사, 9~19일 순방", Some("2023-04-05")),
            ["2023-04-09~2023-04-19"]
        );
        // Dotted days in a span, as press releases write them; a span of
        // decimals is none.
        for (text, published, span) in [
            (
                "방문 일정(10.29.~11.3.)을 통해",
                "2023-11-02",
                "2023-10-29~2023-11-03",
            ),
            (
                "6.17(월)~6.19(수) 열린다",
                "2024-06-10",
                "2024-06-17~2024-06-19",
            ),
            (
                "6.17.(월)~6.21.(금) 열린다",
                "2024-06-10",
                "2024-06-17~2024-06-21",
            ),
            (
                "일정(10.2.~10.13) 동안",
                "2023-10-20",
                "2023-10-02~2023-10-13",
            ),
        ] {
            assert_eq!(read(text, Some(published)), [span], "{text}");
        }
        assert!(mentions("성장률은 3.5~4.2%였다").is_empty());
    }

    #[test]
    fn relative_dates_against_publication() {
        assert_eq!(
            read("지난 12일 할빈에서", Some("2018-01-15")),
            ["2018-01-12"]
        );
        assert_eq!(read("지난해 10월 계약식", Some("2018-01-15")), ["2017-10"]);
        assert_eq!(read("지난 20일 열린", Some("2018-01-15")), ["2017-12-20"]);
        assert_eq!(read("오는 13일 개최", Some("2025-06-19")), ["2025-07-13"]);
        assert_eq!(
            read("지난달 24일(현지시각) 체결", Some("2025-06-19")),
            ["2025-05-24"]
        );
        assert_eq!(
            read("지난달 24~29일 체코 프라하에 파견해", Some("2016-11-01")),
            ["2016-10-24~2016-10-29"]
        );
        assert_eq!(
            read("28일 미국 보스턴에서", Some("2023-04")),
            ["2023-04-28"]
        );
        assert_eq!(read("올해는 한국 차례로", Some("2025")), ["2025"]);
        assert_eq!(
            read("인천 송도에 ‘25년까지 구축", Some("2023-04")),
            ["2025"]
        );
        assert_eq!(
            read("6월 10일부터 18일까지 캐나다를 방문", Some("2025-06")),
            ["2025-06-10~2025-06-18"]
        );
        assert_eq!(
            read(
                "지난달 27일부터 이달 1일까지 하노이에서",
                Some("2025-11-05")
            ),
            ["2025-10-27~2025-11-01"]
        );
        // Some pages space the month word: "지난 달 31일부터 지난 4일까지".
        assert_eq!(
            read("지난 달 31일부터 지난 4일까지", Some("2013-11-10")),
            ["2013-10-31~2013-11-04"]
        );
        assert_eq!(
            read("10월 30일~11월 2일", Some("2025")),
            ["2025-10-30~2025-11-02"]
        );
    }

    /// A bare day told in the past is the last such day: "31일" read on 1
    /// April is 31 March, "20일" read on 15 May is 20 April.
    #[test]
    fn a_bare_day_in_the_past() {
        let past = |sentence: &str, p: &str| {
            let m = mentions(sentence).remove(0).as_past().expect("a bare day");
            m.resolve(Some(&published(p))).map(|r| r.start.to_string())
        };
        assert_eq!(
            past("강원도는 31일 서명했다", "2021-04-01").as_deref(),
            Ok("2021-03-31")
        );
        assert_eq!(
            past("20일 체결했다", "2025-05-15").as_deref(),
            Ok("2025-04-20")
        );
        assert!(mentions("지난달 31일").remove(0).as_past().is_none());
    }

    #[test]
    fn unresolved_without_publication() {
        assert_eq!(read("28일 미국 보스턴에서", None), ["?28일"]);
        assert_eq!(read("지난해 10월", None), ["?지난해 10월"]);
        // Durations and other numbers are not dates.
        assert!(mentions("사흘간 3일간 59개 단위 2천만 달러 11박 13일").is_empty());
    }

    #[test]
    fn notes_say_how() {
        let m = &mentions("지난 12일")[0];
        let r = m
            .resolve(Some(&Published {
                date: FuzzyDate::parse("2018-01-15").expect("date"),
                quote: Some("발행시간: 2018.01.15".into()),
            }))
            .expect("resolved");
        let (ko, en) = r.how.expect("relative");
        assert!(
            ko.contains("'지난 12일'") && ko.contains("2018-01-12"),
            "{ko}"
        );
        assert!(en.contains("2018-01-15"), "{en}");
        let full = mentions("2025년 3월 27일")[0].resolve(None).expect("full");
        assert!(full.how.is_none());
    }
}
