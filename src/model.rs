//! Validated domain types: what the loader produces and the aggregator reads.
//!
//! Nothing in here can hold a value the loader has not checked: sector and
//! region references are canonical taxonomy ids, dates are real calendar
//! dates with their precision, amounts are finite and non-negative.

use std::fmt;

use serde::Serialize;

/// Text in both brief languages. At least one of the two is present; the
/// other falls back to it when a brief is rendered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    pub ko: Option<String>,
    pub en: Option<String>,
}

impl Text {
    /// The text in `lang`, falling back to the other language.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ko => (&self.ko, &self.en),
            Lang::En => (&self.en, &self.ko),
        };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }
}

/// The two languages a brief can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ko" | "kr" | "kor" | "korean" => Some(Lang::Ko),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// A list of languages, each once, `default` when the list is empty;
    /// the first name that is no language is the error.
    pub fn parse_list(names: &[String], default: Lang) -> Result<Vec<Lang>, String> {
        let mut out = Vec::new();
        for s in names.iter().filter(|s| !s.trim().is_empty()) {
            let l = Lang::parse(s).ok_or_else(|| s.clone())?;
            if !out.contains(&l) {
                out.push(l);
            }
        }
        if out.is_empty() {
            out.push(default);
        }
        Ok(out)
    }
}

/// A calendar date (proleptic Gregorian), validated on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), for spans and ordering.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    pub fn from_days_since_epoch(z: i64) -> Date {
        let z = z + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// How much of a date the source actually states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date as far as it is known: `2025-06-10`, `2025-06` or `2025`.
/// `date` is the first day of the known period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FuzzyDate {
    pub date: Date,
    pub precision: Precision,
}

impl FuzzyDate {
    /// Parses the ISO-like forms used in records.
    pub fn parse(s: &str) -> Result<FuzzyDate, String> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, what: &str| -> Result<u32, String> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{p}` is not a {what}"));
            }
            p.parse::<u32>()
                .map_err(|_| format!("`{p}` is not a {what}"))
        };
        let year = |p: &str| -> Result<i32, String> {
            if p.len() != 4 {
                return Err(format!("the year `{p}` must have four digits"));
            }
            Ok(num(p, "year")? as i32)
        };
        match parts.as_slice() {
            [y] => Ok(FuzzyDate {
                date: Date::new(year(y)?, 1, 1).ok_or("invalid year")?,
                precision: Precision::Year,
            }),
            [y, m] => {
                let (y, m) = (year(y)?, num(m, "month")?);
                let date = u8::try_from(m)
                    .ok()
                    .and_then(|m| Date::new(y, m, 1))
                    .ok_or_else(|| format!("month {m} does not exist"))?;
                Ok(FuzzyDate {
                    date,
                    precision: Precision::Month,
                })
            }
            [y, m, d] => {
                let (y, m, d) = (year(y)?, num(m, "month")?, num(d, "day")?);
                let date = match (u8::try_from(m), u8::try_from(d)) {
                    (Ok(m), Ok(d)) => Date::new(y, m, d),
                    _ => None,
                }
                .ok_or_else(|| format!("{y:04}-{m:02}-{d:02} is not a calendar date"))?;
                Ok(FuzzyDate {
                    date,
                    precision: Precision::Day,
                })
            }
            _ => Err(format!("`{s}` is not a date")),
        }
    }

    /// The last day of the known period.
    pub fn last_day(self) -> Date {
        let Date { year, month, .. } = self.date;
        match self.precision {
            Precision::Day => self.date,
            Precision::Month => Date {
                year,
                month,
                day: days_in_month(year, month),
            },
            Precision::Year => Date {
                year,
                month: 12,
                day: 31,
            },
        }
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        match self.precision {
            Precision::Day => write!(f, "{d}"),
            Precision::Month => write!(f, "{:04}-{:02}", d.year, d.month),
            Precision::Year => write!(f, "{:04}", d.year),
        }
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The kinds of outcome the counting rules know about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeType {
    Mou,
    Agreement,
    Contract,
    Membership,
    Investment,
}

impl OutcomeType {
    pub const ALL: [OutcomeType; 5] = [
        OutcomeType::Mou,
        OutcomeType::Agreement,
        OutcomeType::Contract,
        OutcomeType::Membership,
        OutcomeType::Investment,
    ];

    pub fn id(self) -> &'static str {
        match self {
            OutcomeType::Mou => "mou",
            OutcomeType::Agreement => "agreement",
            OutcomeType::Contract => "contract",
            OutcomeType::Membership => "membership",
            OutcomeType::Investment => "investment",
        }
    }

    pub fn parse(s: &str) -> Option<OutcomeType> {
        OutcomeType::ALL.into_iter().find(|t| t.id() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeStatus {
    Signed,
    Agreed,
    UnderDiscussion,
    Planned,
    Expected,
}

impl OutcomeStatus {
    pub const ALL: [OutcomeStatus; 5] = [
        OutcomeStatus::Signed,
        OutcomeStatus::Agreed,
        OutcomeStatus::UnderDiscussion,
        OutcomeStatus::Planned,
        OutcomeStatus::Expected,
    ];

    pub fn id(self) -> &'static str {
        match self {
            OutcomeStatus::Signed => "signed",
            OutcomeStatus::Agreed => "agreed",
            OutcomeStatus::UnderDiscussion => "under_discussion",
            OutcomeStatus::Planned => "planned",
            OutcomeStatus::Expected => "expected",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    Planned,
    InProgress,
    Done,
    Cancelled,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 4] = [
        FollowUpStatus::Planned,
        FollowUpStatus::InProgress,
        FollowUpStatus::Done,
        FollowUpStatus::Cancelled,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FollowUpStatus::Planned => "planned",
            FollowUpStatus::InProgress => "in_progress",
            FollowUpStatus::Done => "done",
            FollowUpStatus::Cancelled => "cancelled",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, FollowUpStatus::Planned | FollowUpStatus::InProgress)
    }
}

/// How an amount is qualified in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountQualifier {
    /// The amount as stated.
    Exact,
    /// "up to", "최대".
    UpTo,
    /// "at least", "이상".
    AtLeast,
}

impl AmountQualifier {
    pub const ALL: [AmountQualifier; 3] = [
        AmountQualifier::Exact,
        AmountQualifier::UpTo,
        AmountQualifier::AtLeast,
    ];

    pub fn id(self) -> &'static str {
        match self {
            AmountQualifier::Exact => "exact",
            AmountQualifier::UpTo => "up_to",
            AmountQualifier::AtLeast => "at_least",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    pub value: f64,
    /// ISO 4217 code, upper case.
    pub currency: String,
    pub qualifier: AmountQualifier,
    /// "약", "about".
    pub approximate: bool,
    /// A forecast ("expected"), not money already committed.
    pub expected: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendance {
    pub count: u64,
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub kind: OutcomeType,
    /// How many agreements this line stands for ("4 cluster MOUs").
    pub count: u32,
    pub title: Text,
    pub parties: Vec<Text>,
    /// Canonical sector ids: the record's list (empty: no sector), or the
    /// event's sectors when the record has no `sectors` key.
    pub sectors: Vec<String>,
    /// Canonical region ids the outcome was made with (some of the event's
    /// hosts and partners); empty when the record names none, which means
    /// the event's partners.
    pub regions: Vec<String>,
    pub status: OutcomeStatus,
    pub amount: Option<Amount>,
    pub note: Text,
}

impl Outcome {
    /// The outcome as a brief counts it: kind, count, status and amount,
    /// without words or lists.
    pub fn counted(&self) -> Outcome {
        Outcome {
            kind: self.kind,
            count: self.count,
            title: Text::default(),
            parties: Vec::new(),
            sectors: Vec::new(),
            regions: Vec::new(),
            status: self.status,
            amount: self.amount.clone(),
            note: Text::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub action: Text,
    pub owner: Text,
    pub due: Option<FuzzyDate>,
    pub status: FollowUpStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub outlet: String,
    pub title: String,
    pub date: Option<FuzzyDate>,
    pub url: Option<String>,
}

/// One validated event record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    pub title: Text,
    /// Canonical event-kind id.
    pub kind: String,
    pub start: FuzzyDate,
    /// Last day of the event when it spans several days.
    pub end: Option<Date>,
    /// Why the date is what it is, when the source is not explicit.
    pub date_note: Text,
    pub venue: Text,
    /// Canonical region ids of the hosts.
    pub hosts: Vec<String>,
    /// Canonical region ids of the partners.
    pub partners: Vec<String>,
    pub sectors: Vec<String>,
    pub participants: Vec<Text>,
    pub attendance: Option<Attendance>,
    pub outcomes: Vec<Outcome>,
    pub follow_ups: Vec<FollowUp>,
    pub sources: Vec<Source>,
    pub summary: Text,
}

impl Event {
    /// The last day the event covers.
    pub fn last_day(&self) -> Date {
        self.end.unwrap_or_else(|| self.start.last_day())
    }

    /// Host and partner regions, hosts first, without repeats.
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        hosts_then_partners(&self.hosts, &self.partners)
    }
}

/// A sector or event kind: id, labels and the aliases that resolve to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub id: String,
    pub label: Text,
    pub aliases: Vec<String>,
    /// A general field of cooperation (culture, trade, ...) rather than an
    /// industry; briefs list fields after the industries.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub field: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionLevel {
    Country,
    Province,
    City,
    Area,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    pub id: String,
    pub label: Text,
    pub aliases: Vec<String>,
    pub level: RegionLevel,
    /// The enclosing region, `None` for countries.
    pub parent: Option<String>,
    /// The country id (for a country, its own id).
    pub country: String,
    /// The official code: ISO 3166, a Korean legal-dong code, a GeoNames id.
    pub code: Option<String>,
}

/// One vocabulary of terms, in file order, with an alias index.
#[derive(Debug, Clone)]
pub struct Vocabulary<T> {
    pub items: Vec<T>,
    /// Normalised id, alias or unshared label -> index into `items`.
    pub index: rustc_hash::FxHashMap<String, usize>,
    /// Normalised labels (and region names without their administrative
    /// suffix) that several entries share, so none of them is meant.
    pub ambiguous: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// The taxonomy file it was read from, as shown to users.
    pub file: String,
    /// Canonical id -> index, built on first use: the aggregator looks up
    /// canonical ids millions of times and must not normalise each one.
    exact: std::sync::OnceLock<rustc_hash::FxHashMap<String, usize>>,
}

impl<T> Default for Vocabulary<T> {
    fn default() -> Self {
        Vocabulary {
            items: Vec::new(),
            index: rustc_hash::FxHashMap::default(),
            ambiguous: rustc_hash::FxHashMap::default(),
            file: String::new(),
            exact: std::sync::OnceLock::new(),
        }
    }
}

/// Something with a canonical id, labels and aliases.
pub trait Named {
    fn id(&self) -> &str;
    fn label(&self) -> &Text;
    fn aliases(&self) -> &[String];
}

impl Named for Term {
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &Text {
        &self.label
    }
    fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

impl Named for Region {
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &Text {
        &self.label
    }
    fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

impl<T: Named> Vocabulary<T> {
    /// The entry with exactly this canonical id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.index_of(id).map(|i| &self.items[i])
    }

    /// The position in `items` of the entry with exactly this canonical id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let exact = self.exact.get_or_init(|| {
            self.items
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id().to_string(), i))
                .collect()
        });
        exact.get(id).copied()
    }
}

/// Whether a character is a Hangul syllable (가–힣).
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Whether a text holds Hangul (syllables or jamo).
pub fn has_hangul(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F))
}

/// The normal form used to match ids and aliases: lower case, with spaces,
/// underscores and hyphens dropped, so "Bio Healthcare" matches "bio-healthcare".
pub fn normalise_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            // The common case, without Unicode tables.
            if !(c.is_ascii_whitespace() || matches!(c, '-' | '_' | '.')) {
                out.push(c.to_ascii_lowercase());
            }
        } else if matches!(c, '\u{AC00}'..='\u{D7A3}') {
            // Hangul syllables have no case.
            out.push(c);
        } else if !c.is_whitespace() && c != '·' {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Administrative suffixes of place names, longest first: "대구광역시",
/// "광저우시", "퀘벡주" and "후쿠오카현" are also written without them.
const ADMIN_SUFFIXES: &[&str] = &[
    "특별자치시",
    "특별자치도",
    "특별시",
    "광역시",
    "자치구",
    "자치주",
    "시",
    "도",
    "군",
    "구",
    "성",
    "주",
    "현",
    "부",
];

/// A place name without its administrative suffix, when at least two
/// characters are left: "대구광역시" -> "대구", "광저우시" -> "광저우".
pub fn admin_stem(name: &str) -> Option<&str> {
    let name = name.trim();
    ADMIN_SUFFIXES.iter().find_map(|suffix| {
        let stem = name.strip_suffix(suffix)?.trim_end();
        (stem.chars().count() >= 2).then_some(stem)
    })
}

impl<T> Vocabulary<T> {
    pub fn lookup(&self, s: &str) -> Option<&T> {
        self.index.get(&normalise_key(s)).map(|&i| &self.items[i])
    }

    pub fn position(&self, s: &str) -> Option<usize> {
        self.index.get(&normalise_key(s)).copied()
    }
}

/// Sectors, regions and event kinds, as loaded from the data folder.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    pub sectors: Vocabulary<Term>,
    pub kinds: Vocabulary<Term>,
    pub regions: Vocabulary<Region>,
}

impl Taxonomy {
    /// A region by canonical id (or, failing that, by any id or alias).
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.get(id).or_else(|| self.regions.lookup(id))
    }

    /// The region's ancestor at province level (or itself when it is a
    /// province or has no province above it), for rolling cities up.
    pub fn province_of<'a>(&'a self, id: &'a str) -> &'a str {
        let Some(mut current) = self.region(id) else {
            return id;
        };
        // The loader rejects cycles; the bound only guards against a bug.
        for _ in 0..32 {
            match current.parent.as_deref().and_then(|p| self.region(p)) {
                Some(parent) if parent.level != RegionLevel::Country => current = parent,
                _ => break,
            }
        }
        &current.id
    }
}

/// Everything the loader read from a data folder.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub taxonomy: Taxonomy,
    /// Events sorted by start date, then id.
    pub events: Vec<Event>,
    /// When the loader kept only what one brief needs (`load::Keep::Span`):
    /// every event of the days its comparisons read, counted only (see
    /// `Counted`), in the same order; the period's own events and those
    /// with follow-ups are also in `events`, whole. `None` when `events`
    /// holds every event.
    pub counted: Option<Vec<Counted>>,
}

/// What a brief counts of an event it compares with (an earlier period,
/// the monthly chart): its start, places, attendance and outcomes, without
/// any words. A few dozen bytes and at most one allocation, where a whole
/// event takes hundreds and a dozen.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub start: FuzzyDate,
    /// Host and partner regions, hosts first, without repeats, as
    /// positions in the taxonomy's regions.
    pub regions: Box<[u32]>,
    pub attendance: Option<Attendance>,
    /// The outcomes, without words (title, parties, sectors, regions, note).
    pub outcomes: Box<[Outcome]>,
}

/// Host and partner region ids, hosts first, without repeats: each list is
/// free of repeats (the loader makes it so); a partner that is also a host
/// is skipped.
pub fn hosts_then_partners<'a>(
    hosts: &'a [String],
    partners: &'a [String],
) -> impl Iterator<Item = &'a str> {
    hosts
        .iter()
        .chain(partners.iter().filter(|p| !hosts.contains(p)))
        .map(String::as_str)
}

impl Counted {
    /// What a brief counts of `event`.
    pub fn of(event: &Event, tax: &Taxonomy) -> Counted {
        Counted {
            start: event.start,
            regions: Counted::positions(event.regions(), tax),
            attendance: event.attendance.clone(),
            outcomes: event.outcomes.iter().map(Outcome::counted).collect(),
        }
    }

    /// The positions of region ids in `tax`; ids not in it are left out
    /// (the loader admits none).
    pub fn positions<'a>(ids: impl Iterator<Item = &'a str>, tax: &Taxonomy) -> Box<[u32]> {
        ids.filter_map(|r| tax.regions.index_of(r))
            .filter_map(|i| u32::try_from(i).ok())
            .collect()
    }
}

/// What the figures of a set of events read of each: a whole `Event` or
/// only what is `Counted` of it.
pub trait Counts {
    fn start(&self) -> FuzzyDate;
    fn outcomes(&self) -> &[Outcome];
    fn attendance(&self) -> Option<&Attendance>;
    /// Host and partner region ids, hosts first, without repeats.
    fn each_region<'a>(&'a self, tax: &'a Taxonomy, f: impl FnMut(&'a str));
}

impl Counts for Event {
    fn start(&self) -> FuzzyDate {
        self.start
    }
    fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }
    fn attendance(&self) -> Option<&Attendance> {
        self.attendance.as_ref()
    }
    fn each_region<'a>(&'a self, _tax: &'a Taxonomy, f: impl FnMut(&'a str)) {
        self.regions().for_each(f);
    }
}

impl Counts for Counted {
    fn start(&self) -> FuzzyDate {
        self.start
    }
    fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }
    fn attendance(&self) -> Option<&Attendance> {
        self.attendance.as_ref()
    }
    fn each_region<'a>(&'a self, tax: &'a Taxonomy, mut f: impl FnMut(&'a str)) {
        for &i in &self.regions {
            if let Some(r) = tax.regions.items.get(i as usize) {
                f(&r.id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(FuzzyDate::parse("2025-02-30").is_err());
        assert!(FuzzyDate::parse("2024-02-29").is_ok());
        assert!(FuzzyDate::parse("2025-13").is_err());
        assert!(FuzzyDate::parse("25-01-01").is_err());
        let m = FuzzyDate::parse("2025-09").unwrap();
        assert_eq!(m.precision, Precision::Month);
        assert_eq!(m.last_day(), Date::new(2025, 9, 30).unwrap());
        assert_eq!(m.to_string(), "2025-09");
        assert_eq!(FuzzyDate::parse("2025").unwrap().precision, Precision::Year);
    }

    #[test]
    fn weekdays() {
        // 2025-06-10 was a Tuesday, 2025-03-27 a Thursday.
        assert_eq!(Date::new(2025, 6, 10).unwrap().weekday(), 1);
        assert_eq!(Date::new(2025, 3, 27).unwrap().weekday(), 3);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn adding_days_crosses_months_and_years() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(d(2024, 3, 1).add_days(-1), d(2024, 2, 29));
        assert_eq!(d(2025, 12, 31).add_days(1), d(2026, 1, 1));
        assert_eq!(d(2026, 2, 27).add_days(0), d(2026, 2, 27));
    }
}
