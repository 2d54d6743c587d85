//! The fields of an event, read from the sentences of an article.

use std::sync::LazyLock;

use regex::Regex;

use super::find::{FIRM_MARKS, Found, Gazetteer, Words};
use super::page::Page;
use super::sentence;
use super::when::{self, Mention, Published};
use super::{Cited, Draft, DraftFollowUp, DraftOutcome, DraftSource};
use crate::load::human;
use crate::model::{FuzzyDate, OutcomeStatus, OutcomeType, Taxonomy};

/// Verbs that report an event taking place (or about to).
#[rustfmt::skip]
const EVENT_VERBS: &[&str] = &[
    "열린", "열렸", "열리", "열어", "열었", "연다", "개최", "펼쳐", "진행", "방문", "참석", "참가", "출장",
    "가졌", "갖고", "갖는", "막을 내", "열고", "나선다", "나섰", "나서", "떠나", "떠난", "올랐", "오른",
    "찾았", "찾아", "체결", "맺었", "맺고", "맺은", "서명", "벌이", "벌였", "벌인", "돌입", "꾸려",
    "개막", "폐막", "기념식", "파견", "성사",
];

fn event_verb(s: &str) -> bool {
    static VERBS: LazyLock<Words<()>> = LazyLock::new(|| {
        let words: Vec<(&'static str, ())> = EVENT_VERBS.iter().map(|v| (*v, ())).collect();
        Words::new(Vec::leak(words))
    });
    VERBS.any_in(s)
}

/// Words after a date that make it the date of the report, not of the
/// event: "5일 경기도에 따르면", "…했다고 5일 밝혔다", "21일 \"…열린다\"고
/// 밝혔다" (the date of a quoted statement), "지난 20일 기준 146만불의
/// 수출계약" (the day figures were counted).
fn reporting_date(s: &str, m: &Mention) -> bool {
    let after: String = s[m.end..].chars().take(14).collect();
    // "21일 황해경제자유구역청(청장 김성배)에 따르면": up to the clause's end.
    let clause = s[m.end..].split([',', '.']).next().unwrap_or("");
    let quoted = after.trim_start().starts_with(['"', '“', '\'', '‘'])
        && ["고 밝혔", "고 전했", "고 발표했", "고 말했"]
            .iter()
            .any(|w| s[m.end..].contains(w));
    // "26일 전북도는 김 지사가 지난 25일 … 체결했다고 밝혔다": the day that
    // opens a sentence closed by its report.
    let opens_report =
        s[..m.start].trim().is_empty() && ["고 밝혔", "고 전했"].iter().any(|w| s.contains(w));
    quoted
        || opens_report
        || clause.contains("따르면")
        || ["밝혔", "전했", "발표했", "말했", "기준"]
            .iter()
            .any(|w| after.trim_start().starts_with(w))
}

/// Words that make an event a trip.
const TRIP_WORDS: &[&str] = &[
    "출장",
    "순방",
    "방문길",
    "세일즈단",
    "시장개척단",
    "사절단",
    "대표단",
];

/// Words of a sentence about the history of something, not the event.
const HISTORY: &[&str] = &["매년", "해마다", "해 온", "해온", "설립", "창립", "출범한"];

/// The sentences of the article, in order, without repeats.
/// Whether a date falls on the event's own days: its first day, or a day
/// of the span it is given ("5일부터 7일까지").
fn within(date: &when::Resolved, event: &when::Resolved) -> bool {
    if date.start.date == event.start.date {
        return true;
    }
    let Some(end) = event.end else { return false };
    let day = date.start.date.days_since_epoch();
    date.start.precision == crate::model::Precision::Day
        && (event.start.date.days_since_epoch()..=end.last_day().days_since_epoch()).contains(&day)
}

fn sentences(page: &Page) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in &page.paragraphs {
        for s in sentence::split(p) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// The drafts of every event an article reports: the main event, and any
/// earlier event it names with its own date ("지난해 10월 … 계약식").
pub fn events(
    page: &Page,
    published: Option<&Published>,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> Vec<Draft> {
    let sents = sentences(page);
    if sents.is_empty() {
        return Vec::new();
    }
    let dates: Vec<Vec<Mention>> = sents.iter().map(|s| when::mentions(s)).collect();
    let places: Vec<Vec<Found>> = sents.iter().map(|s| gazetteer.places(s)).collect();
    let reader = Reader {
        page,
        sents: &sents,
        dates: &dates,
        places: &places,
        published,
        taxonomy,
        gazetteer,
    };
    let date = reader.event_date();
    let others = reader.other_events(date.as_ref().map(|d| &d.1));
    let skip: Vec<usize> = others.iter().map(|o| o.sentence).collect();
    let mut main = reader.main_event(date, &skip);
    let mut drafts: Vec<Draft> = others
        .into_iter()
        .map(|o| reader.other_draft(o, &main))
        .collect();
    main.id = id_for(&main);
    for d in &mut drafts {
        d.id = id_for(d);
    }
    drafts.insert(0, main);
    drafts
}

/// Sentences with their place in the article.
type Numbered<'s> = Vec<(usize, &'s String)>;

struct Reader<'a> {
    page: &'a Page,
    sents: &'a [String],
    /// The dates of each sentence, read once.
    dates: &'a [Vec<Mention>],
    /// The places each sentence names, found once.
    places: &'a [Vec<Found>],
    published: Option<&'a Published>,
    taxonomy: &'a Taxonomy,
    gazetteer: &'a Gazetteer,
}

/// The event's date: the sentence it is in, the mention, its reading (or
/// why it could not be read).
type EventDate = (usize, when::Resolved, Mention);

/// An earlier event an article names in passing.
struct Other {
    sentence: usize,
    title: String,
    date: when::Resolved,
    mention: Mention,
}

impl Reader<'_> {
    fn year_ok(&self, m: &Mention) -> bool {
        match (m.explicit_year(), self.published) {
            (Some(y), Some(p)) => y >= p.date.date.year - 1,
            _ => true,
        }
    }

    /// The first date of the article that reports the event: in a sentence
    /// with an event verb, not a deadline or the start of something
    /// ongoing, not history. A day or month wins over a year alone.
    fn event_date(&self) -> Option<EventDate> {
        let mut month: Option<EventDate> = None;
        let mut year_only: Option<EventDate> = None;
        let mut reported: Option<EventDate> = None;
        if let Some(span) = self.lead_span() {
            return Some(span);
        }
        for (i, s) in self.sents.iter().enumerate() {
            if !event_verb(s) || HISTORY.iter().any(|h| s.contains(h)) {
                continue;
            }
            for m in self.dates[i].iter().cloned() {
                if m.until
                    && let Some(r) = self.until_for(s, &m)
                {
                    return Some(r);
                }
                // "2001년부터 매년" is history; "지난 17일부터 5박 6일간",
                // "지난 27일부터 이날까지", "지난 17일부터 … 참석했고" start
                // the event.
                let rest = after_from(s, &m);
                let lasting = m.open_from
                    && (DURATION.is_match(rest)
                        || rest.starts_with("이날까지")
                        || rest.starts_with("오늘까지")
                        || m.day_given());
                if (m.open_from && !lasting)
                    || m.until
                    || !self.year_ok(&m)
                    || told_before(&s[m.end..])
                {
                    continue;
                }
                let Some(r) = self.resolve_told(s, &m) else {
                    continue;
                };
                if reporting_date(s, &m) {
                    if reported.is_none() {
                        reported = self.reported_day(i, r, m);
                    }
                    continue;
                }
                match r.start.precision {
                    // A day in the first sentences wins over a month or a
                    // year named before it ("1월 일본, 2월 중국 출장에
                    // 이어 … 이달 23일부터").
                    crate::model::Precision::Day => return Some(self.widen(i, r, m)),
                    crate::model::Precision::Month => {
                        month.get_or_insert((i, r, m));
                    }
                    crate::model::Precision::Year => {
                        year_only.get_or_insert((i, r, m));
                    }
                }
            }
        }
        reported
            .or(month)
            .or(year_only)
            .or_else(|| self.lead_date())
    }

    /// The event's day told by the day of the report: that day, when the
    /// article says the event was then ("체결했다고 2일 밝혔다 … 이날", "6일
    /// 부산시에 따르면 … 이날 행사에는"), or the day before ("27일 …에
    /// 따르면 … 30여명은 전날 … 전주를 찾아").
    fn reported_day(&self, i: usize, r: when::Resolved, m: Mention) -> Option<EventDate> {
        let rest = &self.sents[i][m.end..];
        if rest.contains("전날") && event_verb(rest) {
            let mut m = m;
            m.quote = format!("{} … 전날", m.quote);
            return r.day_before("전날").map(|r| (i, r, m));
        }
        let that_day = rest.contains("이날")
            || self
                .sents
                .iter()
                .skip(i + 1)
                .take(3)
                .any(|n| n.contains("이날"));
        that_day.then_some((i, r, m))
    }

    /// A span of days given whole in the first sentences ("지난달 28일부터
    /// 4일까지 … 활동을 펼치고 있다"), or its first day and its length: the
    /// event's, whatever the verb.
    fn lead_span(&self) -> Option<EventDate> {
        self.sents.iter().enumerate().take(3).find_map(|(i, s)| {
            if HISTORY.iter().any(|h| s.contains(h)) {
                return None;
            }
            self.dates[i].iter().find_map(|m| {
                if !self.year_ok(m) || told_before(&s[m.end..]) {
                    return None;
                }
                let r = self.resolve_told(s, m)?;
                let day = r.start.precision == crate::model::Precision::Day;
                let whole = r.end.is_some_and(|e| {
                    e.precision == crate::model::Precision::Day && e.date > r.start.date
                });
                // "지난 17일부터 5박 6일간 일정으로 참여 중인": a first day and
                // a length.
                let lasting = m.open_from && DURATION.is_match(after_from(s, m));
                (day && (whole || lasting)).then(|| (i, r, m.clone()))
            })
        })
    }

    /// A mention's date; a bare day later than the publication date, in a
    /// sentence told in the past tense, is last month's.
    fn resolve_told(&self, s: &str, m: &Mention) -> Option<when::Resolved> {
        let r = m.resolve(self.published);
        let published = self.published.map(|p| p.date);
        let later = |r: &when::Resolved| published.is_some_and(|p| r.start.date > p.date);
        match r {
            Ok(r) if !(later(&r) && past(s)) => Some(r),
            r if past(s) => m
                .as_past()
                .and_then(|p| p.resolve(self.published).ok())
                .or(r.ok()),
            r => r.ok(),
        }
    }

    /// With no date beside an event verb, the first date of the lead
    /// ("기념식을 지난 6일 야마구치 시청에서 했다고 7일 밝혔다"), or the day of
    /// the report when the article says the event was then ("10일 … 건립할
    /// 예정이라고 밝혔다. … 이날 구미시청에서 … 서명했다").
    fn lead_date(&self) -> Option<EventDate> {
        self.sents.iter().take(3).enumerate().find_map(|(i, s)| {
            self.dates[i].iter().cloned().find_map(|m| {
                if m.open_from || m.until || !self.year_ok(&m) {
                    return None;
                }
                let r = m.resolve(self.published).ok()?;
                if reporting_date(s, &m) {
                    return self.reported_day(i, r, m);
                }
                Some((i, r, m))
            })
        })
    }

    /// A day in the lead that a range in the next sentences contains ("15일
    /// … 협약을 맺고. … 13~16일 … 방문해"): the range is the event.
    fn widen(&self, i: usize, r: when::Resolved, m: Mention) -> EventDate {
        let day = r.start.date;
        let wider = self
            .sents
            .iter()
            .enumerate()
            .skip(i)
            .take(3)
            .find_map(|(j, _)| {
                self.dates[j].iter().cloned().find_map(|w| {
                    let rw = w.resolve(self.published).ok()?;
                    let end = rw.end?;
                    (rw.start.date <= day
                        && day <= end.date
                        && rw.start.date < end.date
                        && rw.start.precision == crate::model::Precision::Day)
                        .then_some((j, rw, w))
                })
            });
        wider.unwrap_or((i, r, m))
    }

    /// "지난 6일까지 4일간 열린", "지난 24일까지 나흘간": the last day and
    /// the length give the first.
    fn until_for(&self, s: &str, m: &Mention) -> Option<EventDate> {
        // "4일간", "나흘간" (a stay in nights and days ends no earlier).
        let c = DURATION
            .captures(&s[m.end..])
            .filter(|c| c.get(1).is_none())?;
        let days: i64 = days_of(&c).filter(|d| (2..=60).contains(d))?;
        let r = m.resolve(self.published).ok()?;
        if r.start.precision != crate::model::Precision::Day {
            return None;
        }
        let first = FuzzyDate {
            date: r.start.date.add_days(1 - days),
            precision: crate::model::Precision::Day,
        };
        let quote = s[m.start..m.end + c.get(0)?.end()].trim().to_string();
        let how = r.how.map(|(ko, en)| {
            (
                format!("{ko} 시작일은 '{}'로 셈함.", &c[0].trim()),
                format!(
                    "{en} The first day is counted back from \"{}\".",
                    &c[0].trim()
                ),
            )
        });
        let mut mention = m.clone();
        mention.quote = quote;
        Some((
            0,
            when::Resolved {
                start: first,
                end: Some(r.start),
                how,
            },
            mention,
        ))
    }

    /// "오는 27일까지 … 진행한다" just after the start: the last day, when it
    /// falls within two weeks of the first.
    fn end_by(&self, near: &[Vec<Mention>], start: Option<FuzzyDate>) -> Option<Cited<FuzzyDate>> {
        let start = start.filter(|s| s.precision == crate::model::Precision::Day)?;
        near.iter().find_map(|dates| {
            dates.iter().filter(|m| m.until).find_map(|m| {
                let r = m.resolve(self.published).ok()?;
                let days = r.start.date.days_since_epoch() - start.date.days_since_epoch();
                (r.start.precision == crate::model::Precision::Day && (1..=14).contains(&days))
                    .then(|| Cited::new(r.start, m.quote.clone()))
            })
        })
    }

    /// The year a draft's event is told in: its start's, else the
    /// publication's (to tell earlier years' ties from the event's).
    fn year_of(&self, d: &Draft) -> Option<i32> {
        d.start
            .as_ref()
            .map(|s| s.value.date.year)
            .or(self.published.map(|p| p.date.date.year))
    }

    /// Whether every date a sentence gives (to the month or day) lies well
    /// away from the event's days: it then tells of another occasion.
    fn elsewhen(&self, i: usize, (first, last): (i64, i64)) -> bool {
        let s = &self.sents[i];
        // The day of the report is no other time ("지난 20일 기준 …
        // 성사시켰다고 25일 밝혔다").
        let dates: Vec<(i64, i64)> = self.dates[i]
            .iter()
            .filter(|m| !m.until && !m.open_from && !reporting_date(s, m))
            .filter_map(|m| m.resolve(self.published).ok())
            .filter(|r| r.start.precision != crate::model::Precision::Year)
            .map(|r| {
                let end = r.end.map_or(r.start.last_day(), |e| e.last_day());
                (r.start.date.days_since_epoch(), end.days_since_epoch())
            })
            .collect();
        !dates.is_empty() && dates.iter().all(|(a, b)| *b < first - 14 || *a > last + 14)
    }

    /// Dates the article gives but could not read without a publication
    /// date: for the review list.
    fn unresolved_date(&self) -> Option<(String, String)> {
        for (s, dates) in self.sents.iter().zip(self.dates) {
            if !event_verb(s) {
                continue;
            }
            for m in dates {
                if let Err(why) = m.resolve(self.published) {
                    return Some((m.quote.clone(), why));
                }
            }
        }
        None
    }

    /// Earlier events named with their own date and a hosting verb:
    /// "지난해 10월 … 공동으로 주최한 ‘…’ 프로젝트 계약식".
    fn other_events(&self, main: Option<&when::Resolved>) -> Vec<Other> {
        static NAMED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:주최한|개최한|열린|가진)\s+((?:['‘][^'’]{2,40}['’]\s*)?[^\s,.]{0,20}\s?[^\s,.]*?(?:계약식|협약식|체결식|회의|포럼|박람회|상담회|설명회))")
                .expect("static regex")
        });
        let mut out = Vec::new();
        for (i, s) in self.sents.iter().enumerate() {
            let Some(c) = NAMED.captures(s) else { continue };
            let Some(m) = self.dates[i]
                .iter()
                .find(|m| !m.open_from && !m.until && m.start < c.get(0).map_or(0, |g| g.start()))
                .cloned()
            else {
                continue;
            };
            let Ok(r) = m.resolve(self.published) else {
                continue;
            };
            // A day of the event itself ("5일부터 7일까지 … 지난 7일 열린 1:1
            // 수출상담회에서는"): a part of it, not another occasion.
            if main.is_some_and(|d| within(&r, d)) {
                continue;
            }
            out.push(Other {
                sentence: i,
                title: c[1].trim().to_string(),
                date: r,
                mention: m,
            });
        }
        out
    }

    fn main_event(&self, date: Option<EventDate>, skip: &[usize]) -> Draft {
        let mut d = Draft::default();
        let (title, title_quote) = self.event_name();
        let event_sentence = date.as_ref().map(|(i, _, _)| *i);
        d.kind = self.main_kind(&title, &title_quote, event_sentence);
        d.title = Some(Cited::new(title, title_quote));
        self.set_main_dates(&mut d, date);
        let (all, body) = self.bodies(&d, skip);
        d.venue = event_sentence.and_then(|i| venue(&self.sents[i]));
        self.set_places(&mut d, &body, event_sentence);
        // The fields of a relationship stay its fields whenever a sentence
        // dates them ("2010년 … 우호협정을 맺었으며, … 분야에서 협력할 계획").
        self.set_sectors(&mut d, &all);
        d.participants = participants(&body);
        d.attendance = attendance(&body);
        let announcement = event_sentence.is_some_and(|i| future(&self.sents[i]));
        self.set_outcomes(&mut d, &body, announcement);
        if !announcement {
            d.follow_ups = follow_ups(&body, self.published, event_sentence);
        }
        d.source = self.source();
        let lead = body
            .iter()
            .take(3)
            .find(|(_, s)| event_verb(s))
            .or(body.first());
        d.summary = lead.map(|(_, s)| Cited::new(s.to_string(), s.to_string()));
        self.review_gaps(&mut d);
        d
    }

    /// The kind: from the event's name; else a trip the text says it is (a
    /// headline often names what the trip signed); else the headline and
    /// subheadings; else the sentence that dates the event and the lead.
    fn main_kind(
        &self,
        title: &str,
        title_quote: &str,
        event_sentence: Option<usize>,
    ) -> Option<Cited<String>> {
        let dated = event_sentence.map(|i| self.sents[i].as_str());
        // In running text (not a name) a trip is the event, whatever it
        // signs on the way: "…를 방문해 … 투자협약을 체결한다".
        let trip = dated
            .into_iter()
            .chain(self.sents.iter().take(2).map(String::as_str))
            .find_map(|s| {
                TRIP_WORDS
                    .iter()
                    .find(|w| s.contains(*w))
                    .map(|w| w.to_string())
            });
        // A title made from the lead (no headline) is running text; one
        // quoted in the text is the event's own name.
        let named = self.page.headline.is_some() || title_quote != title;
        let quoted = named && self.page.headline.as_deref() != Some(title_quote);
        let from_name = quoted.then(|| self.gazetteer.kind_in(title)).flatten();
        let from_headline = named
            .then_some(title)
            .into_iter()
            .chain(self.page.headline.as_deref())
            .chain(self.page.subheads.iter().map(String::as_str))
            .find_map(|t| self.gazetteer.kind_in(t));
        let visit = self.taxonomy.kinds.position("delegation-visit");
        let trip = trip.zip(visit).map(|(w, v)| (v, w));
        from_name
            .or(trip)
            .or(from_headline)
            .or_else(|| {
                dated
                    .into_iter()
                    .chain(self.sents.iter().take(3).map(String::as_str))
                    .find_map(|t| self.gazetteer.kind_in_sentence(t))
            })
            .map(|(i, word)| Cited::new(self.taxonomy.kinds.items[i].id.clone(), word))
    }

    /// Start and end from the dating sentence, an end from a length or a
    /// date just after it; without a date, why not.
    fn set_main_dates(&self, d: &mut Draft, date: Option<EventDate>) {
        let Some((i, r, m)) = date else {
            let why = match self.unresolved_date() {
                Some((quote, why)) => format!("start: «{quote}» {why}"),
                None => "start: the article gives no date for the event".into(),
            };
            d.review.push(why);
            return;
        };
        self.set_dates(d, r, &m);
        if d.end.is_none() {
            let start = d.start.as_ref().map(|c| c.value);
            let near = &self.sents[i..(i + 3).min(self.sents.len())];
            d.end = near
                .iter()
                .find_map(|s| duration_end(s, start))
                .or_else(|| self.end_by(&self.dates[i..(i + 3).min(self.dates.len())], start));
        }
    }

    /// The sentences of the event (all but `skip`, those of other events),
    /// and of them the body: those not about another time ("1월에는 일본
    /// 도쿄와 나고야를 방문"), which give the event's places and outcomes.
    fn bodies<'s>(&'s self, d: &Draft, skip: &[usize]) -> (Numbered<'s>, Numbered<'s>) {
        let span = d.start.as_ref().map(|s| {
            let first = s.value.date.days_since_epoch();
            let last = d
                .end
                .as_ref()
                .map_or(s.value.last_day(), |e| e.value.last_day());
            (first, last.days_since_epoch())
        });
        let all: Vec<(usize, &String)> = self
            .sents
            .iter()
            .enumerate()
            .filter(|(i, _)| !skip.contains(i))
            .collect();
        let body = all
            .iter()
            .copied()
            .filter(|(i, _)| !span.is_some_and(|sp| self.elsewhen(*i, sp)))
            .collect();
        (all, body)
    }

    /// The outcomes of the body's sentences, less history, totals,
    /// conversions, restatements and repeats; a doubtful one is listed for
    /// review.
    fn set_outcomes(&self, d: &mut Draft, body: &[(usize, &String)], announcement: bool) {
        let year = self.year_of(d);
        d.outcomes = body
            .iter()
            .flat_map(|(_, s)| outcomes(s, announcement))
            .filter(|o| !history(&o.title.quote, year))
            .collect();
        drop_totals(&mut d.outcomes);
        drop_conversions(&mut d.outcomes, body);
        merge_restated(&mut d.outcomes);
        drop_itemised(&mut d.outcomes);
        let told_again = drop_repeats(&mut d.outcomes);
        d.review.extend(told_again);
        for o in &d.outcomes {
            if let Some(doubt) = &o.doubt {
                d.review
                    .push(format!("outcomes: «{}»: {doubt}", o.title.value));
            }
        }
    }

    /// Review lines for what a person must settle: a publication date that
    /// may be a later edit's, no sector, no kind.
    fn review_gaps(&self, d: &mut Draft) {
        // A page's "last edited" date is not always the day it appeared.
        if let Some(q) = self.published.and_then(|p| p.quote.as_deref())
            && ["최종편집", "수정", "업데이트"]
                .iter()
                .any(|w| q.contains(w))
        {
            d.review.push(format!(
                "dates: the publication date comes from «{q}», when the page was last edited; give --published if the article is older"
            ));
        }
        if d.sectors.is_empty() {
            d.review
                .push("sectors: the article names none of the taxonomy's sectors".into());
        }
        if d.kind.is_none() {
            d.review
                .push("kind: no event kind found in the title or headline".into());
        }
    }

    fn other_draft(&self, o: Other, main: &Draft) -> Draft {
        let mut d = Draft::default();
        let s = &self.sents[o.sentence];
        d.kind = self
            .gazetteer
            .kind_in(&o.title)
            .map(|(i, word)| Cited::new(self.taxonomy.kinds.items[i].id.clone(), word));
        d.title = Some(Cited::new(o.title.clone(), o.title.clone()));
        self.set_dates(&mut d, o.date, &o.mention);
        // The outcome of a signing: the kind of document its name says, and
        // what the next sentence says of it ("이 계약에 의하면 …").
        let mut body = vec![(o.sentence, s)];
        if let Some(next) = self.sents.get(o.sentence + 1)
            && (next.starts_with("이 계약")
                || next.starts_with("이 협약")
                || next.starts_with("이 MOU"))
        {
            body.push((o.sentence + 1, next));
        }
        self.set_places(&mut d, &body, Some(o.sentence));
        self.set_sectors(&mut d, &body);
        if d.sectors.is_empty() {
            // An event named in passing shares the article's subject.
            d.sectors = main.sectors.clone();
            d.review
                .push("sectors: taken from the main event of the article".into());
        }
        d.participants = participants(&body);
        if let Some(kind) = document_type(&o.title) {
            d.outcomes.push(DraftOutcome {
                kind: Cited::new(kind.0, kind.1),
                count: None,
                title: Cited::new(o.title.clone(), o.title.clone()),
                status: Cited::new(OutcomeStatus::Signed, s.clone()),
                amount: None,
                doubt: Some("signed, as an earlier event the article names".into()),
            });
        }
        d.source = self.source();
        d.summary = Some(Cited::new(s.clone(), s.clone()));
        d.review.push(
            "an earlier event the article names in passing: check it is worth a record".into(),
        );
        d
    }

    fn set_dates(&self, d: &mut Draft, r: when::Resolved, m: &Mention) {
        d.start = Some(Cited::new(r.start, m.quote.clone()));
        d.end = r.end.map(|e| Cited::new(e, m.quote.clone()));
        d.date_note = r.how;
    }

    /// The event's name: a quoted name ending in a kind of event
    /// ("‘제23회 환황해 경제·기술교류회의’"), or one a quoted name begins
    /// ("‘량국 쌍원’ 로봇 및 인공지능 기업 상담회"); else the headline.
    fn event_name(&self) -> (String, String) {
        static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"['‘“「]([^'’”」]{2,60})['’”」]((?:\s?[^\s'‘’“”,.]{1,12}){0,5})")
                .expect("static regex")
        });
        for s in self.sents.iter().take(6) {
            for c in QUOTED.captures_iter(s) {
                let name = c[1].trim();
                if self.gazetteer.kind_in(name).is_some_and(|(_, w)| {
                    name.ends_with(w.as_str())
                        || name.replace(' ', "").ends_with(&w.replace(' ', ""))
                }) {
                    return (name.to_string(), c[0].to_string());
                }
                // The name runs on past the quote up to a kind of event.
                let tail = c[2].trim();
                let words: Vec<&str> = tail.split_whitespace().collect();
                for n in (1..=words.len()).rev() {
                    let phrase = words[..n].join(" ");
                    let phrase = strip_particle(&phrase);
                    if let Some((_, w)) = self.gazetteer.kind_in(phrase)
                        && phrase.replace(' ', "").ends_with(&w.replace(' ', ""))
                    {
                        let full = format!(
                            "{} {phrase}",
                            c[0][..c
                                .get(2)
                                .map_or(0, |g| g.start() - c.get(0).map_or(0, |g0| g0.start()))]
                                .trim()
                        );
                        return (full, c[0].to_string());
                    }
                }
            }
        }
        match self.page.headline.clone() {
            Some(head) => (headline_title(&head), head),
            None => {
                // No headline on the page: the first words of the lead, up
                // to its verb.
                let lead = self.sents.first().map_or("", String::as_str);
                let words: Vec<&str> = lead
                    .split_whitespace()
                    .take_while(|w| !event_verb(w))
                    .take(10)
                    .collect();
                let title = words.join(" ");
                (title.trim_end_matches([',', '.']).to_string(), title)
            }
        }
    }

    fn set_places(&self, d: &mut Draft, body: &[(usize, &String)], event_sentence: Option<usize>) {
        let regions = &self.taxonomy.regions.items;
        let mut found: Vec<(usize, String)> = Vec::new();
        // Each sentence's places were found once; the headline's now.
        let headline = self
            .page
            .headline
            .as_deref()
            .map(|h| (h, self.gazetteer.places(h)));
        // Background sentences (but the lead and the event's) name no party.
        let year = self.year_of(d);
        let lead = body.first().map(|(i, _)| *i);
        let texts: Vec<(&str, &[Found])> = body
            .iter()
            .filter(|(i, s)| Some(*i) == lead || Some(*i) == event_sentence || !background(s, year))
            .map(|(i, s)| (s.as_str(), self.places[*i].as_slice()))
            .chain(headline.as_ref().map(|(h, p)| (*h, p.as_slice())))
            .collect();
        // A place named only to locate another ("충남 보령시") is not itself
        // a party, nor is a reporter's dateline ("무안=김영균 기자"); a place
        // named only as where things happen ("부안 대명리조트에서") is not one
        // when its province is.
        let mut named: Vec<usize> = Vec::new();
        let mut venues: Vec<usize> = Vec::new();
        for &(text, places) in &texts {
            for (k, f) in places.iter().enumerate() {
                let locator = places
                    .get(k + 1)
                    .is_some_and(|g| g.start <= f.end + 1 && self.inside(g.index, f.index));
                let dateline = text[f.end..].trim_start().starts_with('=');
                let home = regions[f.index].country == "kr";
                let hall_name = self.hall_name(text, places, k);
                let hall_town = self.hall_name(text, places, k + 1);
                if dateline || hall_name || quoted(text, f.start) || (home && firms_town(text, f)) {
                    continue;
                }
                if venue_word(text, f.end) || hall_town {
                    venues.push(f.index);
                } else if !locator && !named.contains(&f.index) {
                    named.push(f.index);
                }
                if !found.iter().any(|(i, _)| *i == f.index) {
                    found.push((f.index, around(text, f)));
                }
            }
        }
        self.drop_venues(&mut found, &named, &venues);
        for (i, text) in body {
            self.unknown_places(d, text, &self.places[*i]);
        }
        let home = self.home_country(event_sentence);
        let lead = body.first().map(|(i, _)| self.places[*i].as_slice());
        self.one_level(&mut found, lead, &home);
        self.drop_namesakes(&mut found);
        for (i, quote) in found {
            let r = &regions[i];
            let cited = Cited::new(r.id.clone(), quote);
            if r.country == home {
                d.hosts.push(cited);
            } else {
                d.partners.push(cited);
            }
        }
        if home != "kr" {
            d.review.push(format!(
                "hosts: the event was held and organised in `{home}`, so its places are the hosts"
            ));
        }
    }

    /// Drops places named only as where things happen: "부안 대명리조트에서"
    /// when its province is named, and a Korean city that is only the hall's
    /// city of another Korean body's event.
    fn drop_venues(&self, found: &mut Vec<(usize, String)>, named: &[usize], venues: &[usize]) {
        let regions = &self.taxonomy.regions.items;
        let all: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        // A Korean city named only as where a Korean body held its event
        // ("충남도는 16일 서울 하얏트호텔에서 … 투자협약을"): the hall's city,
        // not a party.
        let korean = |i: usize| regions[i].country == "kr";
        found.retain(|(i, _)| {
            let venue_only = !named.contains(i)
                && venues.contains(i)
                && all.iter().any(|p| {
                    p != i
                        && ((self.inside(*i, *p) && regions[*p].parent.is_some())
                            || (korean(*i)
                                && korean(*p)
                                && regions[*p].parent.is_some()
                                && named.contains(p)))
                });
            (named.contains(i) || venues.contains(i) || regions[*i].parent.is_none()) && !venue_only
        });
    }

    /// Drops a place that another name of the text stands for, and a
    /// country implied by its places.
    fn drop_namesakes(&self, found: &mut Vec<(usize, String)>) {
        let regions = &self.taxonomy.regions.items;
        // "독일 베를린 … (IFA Berlin)": the city and the state share a name;
        // the name stands for the one it resolves to.
        let names: Vec<Option<&str>> = found
            .iter()
            .map(|(i, _)| regions[*i].label.ko.as_deref())
            .collect();
        let mut k = 0;
        found.retain(|(i, _)| {
            let name = names[k];
            k += 1;
            let shared = names.iter().filter(|n| **n == name).count() > 1;
            !shared || name.is_none_or(|n| self.taxonomy.regions.position(n) == Some(*i))
        });
        // "광주" is 광주광역시 and "광주시장" names its mayor, though 광주시
        // is also a city of 경기도: a Korean city whose name is a
        // metropolitan city's, in a text that names that one and not the
        // city's own province, is that one.
        let stem = |i: usize| {
            regions[i]
                .label
                .ko
                .as_deref()
                .and_then(crate::model::admin_stem)
        };
        let ids: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        found.retain(|(i, _)| {
            let r = &regions[*i];
            let province_named = ids.iter().any(|j| self.inside(*i, *j));
            r.country != "kr"
                || r.level != crate::model::RegionLevel::City
                || province_named
                || !ids.iter().any(|j| {
                    j != i
                        && regions[*j].level == crate::model::RegionLevel::Province
                        && stem(*j).is_some()
                        && stem(*j) == stem(*i)
                })
        });
        // A country is implied by its places: keep it only when none of
        // its places is named.
        let within =
            |i: usize, country: &str| regions[i].country == country && regions[i].id != country;
        let all: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        found.retain(|(i, _)| {
            let r = &regions[*i];
            r.parent.is_some() || !all.iter().any(|j| within(*j, &r.id))
        });
    }

    /// Names a place the taxonomy lacks, when the text gives it right after
    /// its country or province ("짐바브웨 중앙마쇼날랜드주", "인도네시아
    /// 파리아만시"), with the nearest known name of that country.
    fn unknown_places(&self, d: &mut Draft, text: &str, places: &[Found]) {
        let regions = &self.taxonomy.regions.items;
        for f in places {
            let r = &regions[f.index];
            if r.level == crate::model::RegionLevel::City
                || r.level == crate::model::RegionLevel::Area
            {
                continue;
            }
            let rest = &text[f.end..];
            let Some(word) = rest.strip_prefix(' ').and_then(|w| {
                w.split(|c: char| !('\u{AC00}'..='\u{D7A3}').contains(&c))
                    .next()
            }) else {
                continue;
            };
            let word = strip_particle(strip_particle(word));
            let admin = ["시", "성", "주", "현", "군", "카운티"]
                .iter()
                .any(|x| word.ends_with(x));
            let at = f.end + 1;
            if !admin || word.chars().count() < 3 || places.iter().any(|g| g.start == at) {
                continue;
            }
            let country = &r.country;
            let names: Vec<&str> = regions
                .iter()
                .filter(|x| &x.country == country && x.id != *country)
                .flat_map(|x| {
                    x.label
                        .ko
                        .iter()
                        .map(String::as_str)
                        .chain(x.aliases.iter().map(String::as_str))
                })
                .collect();
            let hint = crate::diag::did_you_mean(word, names.iter().copied())
                .map(|n| format!("; did you mean «{n}»?"))
                .unwrap_or_default();
            let note = format!(
                "places: «{word}» (in {}) is not in the taxonomy{hint}; add it to taxonomy/regions.yaml if it matters",
                r.label.ko.as_deref().unwrap_or(&r.id)
            );
            if !d.review.contains(&note) {
                d.review.push(note);
            }
        }
    }

    /// Whether region `inner` lies within region `outer`.
    /// The home side at one level: the subject of the lead ("경남 하동군은"
    /// is 하동군), not also its province, nor the cities inside it when the
    /// province is the subject ("충남도가 … 천안지역에 공장을") — unless the
    /// article names three or more of those cities (each a party, as in a
    /// province's sister-city pairs).
    fn one_level(&self, found: &mut Vec<(usize, String)>, lead: Option<&[Found]>, home: &str) {
        let regions = &self.taxonomy.regions.items;
        let Some(lead) = lead else { return };
        let subject = lead.iter().enumerate().find_map(|(k, f)| {
            let r = &regions[f.index];
            let locator = lead
                .get(k + 1)
                .is_some_and(|g| g.start <= f.end + 1 && self.inside(g.index, f.index));
            (r.country == home && r.parent.is_some() && !locator).then_some(f.index)
        });
        let Some(subject) = subject else { return };
        if !found.iter().any(|(i, _)| *i == subject) {
            return;
        }
        let within: Vec<usize> = found
            .iter()
            .map(|(i, _)| *i)
            .filter(|&i| i != subject && self.inside(i, subject))
            .collect();
        let keep_within = within.len() >= 3;
        found.retain(|(i, _)| {
            let above = self.inside(subject, *i) && regions[*i].parent.is_some();
            !above && (keep_within || !within.contains(i))
        });
    }

    fn inside(&self, inner: usize, outer: usize) -> bool {
        let regions = &self.taxonomy.regions.items;
        let outer_id = &regions[outer].id;
        let mut current = regions[inner].parent.clone();
        for _ in 0..8 {
            match current {
                Some(p) if &p == outer_id => return true,
                Some(p) => current = self.taxonomy.region(&p).and_then(|r| r.parent.clone()),
                None => return false,
            }
        }
        false
    }

    /// Whether the `k`th place of `text` names a hall after a place abroad,
    /// in the Korean city just before it: "강릉 세인트존스 호텔에서".
    fn hall_name(&self, text: &str, places: &[Found], k: usize) -> bool {
        let regions = &self.taxonomy.regions.items;
        let (Some(town), Some(g)) = (k.checked_sub(1).and_then(|j| places.get(j)), places.get(k))
        else {
            return false;
        };
        regions[g.index].country != "kr"
            && regions[town.index].country == "kr"
            && text.get(town.end..g.start) == Some(" ")
            && venue_word(text, g.end)
    }

    /// The country whose places host the event: Korea, unless the event was
    /// held abroad and organised there (no Korean place or national actor
    /// in the sentence that says who held it).
    fn home_country(&self, event_sentence: Option<usize>) -> String {
        let regions = &self.taxonomy.regions.items;
        let korean = |s: &str| {
            self.gazetteer
                .places(s)
                .iter()
                .any(|f| regions[f.index].country == "kr")
        };
        let Some(i) = event_sentence else {
            return "kr".into();
        };
        let s = &self.sents[i];
        let Some(at) = s.find("에서") else {
            return "kr".into();
        };
        let venue_places = self.gazetteer.places(&s[..at]);
        let Some(last) = venue_places.len().checked_sub(1) else {
            return "kr".into();
        };
        // The hall's city, not the place a hall is named after.
        let hall = self.hall_name(s, &venue_places, last);
        let v = &venue_places[if hall { last - 1 } else { last }];
        let country = regions[v.index].country.clone();
        if country == "kr" {
            return country;
        }
        // Who held it: the first sentence saying so.
        let host_sentence = self
            .sents
            .iter()
            .find(|s| ["개최", "주최", "주관"].iter().any(|w| s.contains(w)))
            .unwrap_or(s);
        let cut = ["개최", "주최", "주관"]
            .iter()
            .filter_map(|w| host_sentence.find(w))
            .min()
            .unwrap_or(host_sentence.len());
        // Not the venue ("전국시도지사협의회는 5일 프랑스 파리에서 … 개최한다").
        let venue_at = host_sentence.find("에서").and_then(|e| {
            let places = self.gazetteer.places(&host_sentence[..e]);
            let mut k = places.len().checked_sub(1)?;
            while k > 0 && places[k - 1].end + 1 >= places[k].start {
                k -= 1;
            }
            Some(places[k].start)
        });
        let who = &host_sentence[..venue_at.map_or(cut, |v| v.min(cut))];
        let national = ["대통령", "정부", "장관", "우리 ", "전국"]
            .iter()
            .any(|w| who.contains(w));
        let foreign_host = self
            .gazetteer
            .places(who)
            .iter()
            .any(|f| regions[f.index].country == country);
        if national || (korean(who) && !foreign_host) {
            "kr".into()
        } else {
            country
        }
    }

    fn set_sectors(&self, d: &mut Draft, body: &[(usize, &String)]) {
        let sectors = &self.taxonomy.sectors.items;
        let mut texts: Vec<&str> = body.iter().map(|(_, s)| s.as_str()).collect();
        if let Some(h) = self.page.headline.as_deref() {
            texts.push(h);
        }
        texts.extend(self.page.subheads.iter().map(String::as_str));
        for text in texts {
            for f in self.gazetteer.sectors(text) {
                let s = &sectors[f.index];
                let listed = || match GENERAL_WORDS.contains(&&text[f.start..f.end]) {
                    // "제조업체": a maker, of anything.
                    true => LISTED.is_match(&text[f.end..]),
                    false => !s.field || goods(&text[f.start..f.end]) || field_listed(text, f.end),
                };
                let tie = TIES.contains(&&text[f.start..f.end]);
                // "방위, 원전, 수소 산업을 소개하였으며": a side's own
                // industries, shown, not shared.
                let aside = introduced(text, &f);
                if tie || aside || !listed() || d.sectors.iter().any(|c| c.value == s.id) {
                    continue;
                }
                d.sectors.push(Cited::new(s.id.clone(), around(text, &f)));
            }
        }
    }

    fn source(&self) -> DraftSource {
        DraftSource {
            outlet: self.page.outlet.clone().map(|o| Cited::new(o.clone(), o)),
            title: self.page.headline.clone().map(|h| Cited::new(h.clone(), h)),
            date: self
                .published
                .and_then(|p| p.quote.as_ref().map(|q| Cited::new(p.date, q.clone()))),
            url: self.page.url.clone(),
        }
    }
}

/// Aliases of a sector that in running text name much more than it, and
/// count only in a list of areas of cooperation: "제조업체", "제조기술" are
/// manufacturing of any kind, not robotics (all ten such matches in 96
/// held-out articles were wrong); "수출업체", "투자기업" are the firms of
/// any trip; "양 도시", "두 도시" are the cities themselves.
const GENERAL_WORDS: &[&str] = &["제조", "manufacturing", "수출", "투자", "투자유치", "도시"];

/// Words of the taxonomy that name the tie itself (자매결연, 우호교류): in
/// an article they tell what kind of relationship two places have, not a
/// field they work in.
const TIES: &[&str] = &["자매결연", "우호교류"];

/// Whether a list of industries is one a side presents as its own, up to
/// the end of its clause ("방위, 원전, 수소 산업을 소개하였으며", "대전의
/// 정보통신, 자율주행, 반도체 소재 분야 등 첨단산업 기업들을 소개하며").
fn introduced(text: &str, f: &Found) -> bool {
    let rest = &text[f.end..];
    let cut = rest.find(['.', '。']).unwrap_or(rest.len());
    let clause = &rest[..cut];
    let clause = clause.split("며 ").next().unwrap_or(clause);
    let clause = clause.split("고 ").next().unwrap_or(clause);
    clause.contains("소개")
}

/// Whether a field's word names goods, as Korean marks them with 물 (物)
/// or 품 (品): what firms make or sell, a sector wherever it is named
/// ("농수산물 세일즈단", "농식품 해외 시장개척단"), unlike the field itself
/// ("농업").
fn goods(word: &str) -> bool {
    word.ends_with('물') || word.ends_with('품')
}

/// A general field counts only where the text lists it as an area of
/// cooperation: "경제, 문화, 관광 분야에서".
fn field_listed(text: &str, end: usize) -> bool {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s?(?:교류|협력|업체|기업|산업|수출|시장)").expect("static regex")
    });
    let rest = &text[end..];
    // "경제교류", "경제 협력", "신재생에너지 업체", "식품 수출", "식품시장": the
    // field named as what is exchanged, made or sold.
    NEXT.is_match(rest) || LISTED.is_match(rest)
}

/// A list of areas of cooperation that goes on from just after a word.
static LISTED: LazyLock<Regex> = LazyLock::new(|| {
    // Items after a comma, a dot, 과/와 or 및 ("경제, 문화, 관광 분야에서",
    // "물류.관광.환경 분야에"), or after spaces only, words that do not end
    // in a particle, before 분야 ("행정 경제 교육 문화 의료 등의 분야에서");
    // or two or more items after commas, before what is exchanged or sold
    // ("문화, 교육, 산업, 행정, 광범위한 교류를", "식품, 섬유, 기계부품 수출"),
    // or items after middle dots before an exchange ("행정·경제·문화 교류");
    // or bulleted items ("△경제 △과학기술 △도시 계획 △한글 및 키릴 문자 교육
    // 등 다양한 분야").
    Regex::new(concat!(
        r"^(?:(?:(?:\s*[,·ㆍ‧・･․∙、/]\s*|\.|(?:과|와)\s+|\s+및\s+)[가-힣A-Za-z&]{1,8}(?:\s[가-힣]{1,4})?)*",
        r"\s*(?:등(?:의)?\s*)?(?:양\s?(?:시|도|군|구|국|도시|지역)의\s*)?(?:(?:모든|다양한|여러|주요|핵심|각계|각종|각|제반|상호|전|\d+대)\s*)?(?:핵심\s*)?(?:다\s*)?(?:업무\s*)?(?:분야|방면|품목|협력)",
        r"|^(?:\s*[,、]\s*[가-힣A-Za-z&]{1,8}){1,},?\s*(?:(?:광범위한|다양한|폭넓은|활발한|상호)\s*)?(?:교류|협력|수출)",
        r"|^(?:\s*[·ㆍ‧・･․∙]\s*[가-힣A-Za-z&]{1,8})+\s*(?:교류|협력)",
        // "행정·문화·관광·예술 등 기관 범위 내 협력 분야에서".
        r"|^(?:\s*[·ㆍ‧・･․∙]\s*[가-힣A-Za-z&]{1,8})*\s*등\s[^,.]{0,16}?(?:분야|방면)",
        r"|^(?:\s[가-힣]{1,4}){0,2}(?:\s*[,·ㆍ‧・･․∙、]\s*[0-9가-힣A-Za-z&]{1,8}(?:\s[가-힣]{1,4}){0,2})*\s*등(?:의)?\s*(?:(?:다양하고\s*포괄적인|다양한|활발한|폭넓은|실질적인|기존)\s*)?(?:교류|협력)",
        r"|^[^△▲,.]{0,12}?(?:\s*[△▲]\s*[^△▲,.]{1,24}?)+\s*(?:등(?:의)?\s*)?(?:(?:다양한|여러|모든|주요)\s*)?(?:분야|방면)",
        r"|(?:\s+[가-힣A-Za-z&]{1,7}[[가-힣A-Za-z&]&&[^을를의에은는이가와과도로만서]]\b){1,6}",
        r"\s*(?:등(?:의)?\s*)?(?:(?:모든|다양한|여러|주요|핵심)\s*)?(?:분야|방면))"
    ))
    .expect("static regex")
});

/// Whether the words after a place make it a venue: "부안 대명리조트에서",
/// "목포 현대호텔과", "순천만국가정원 등에서".
fn venue_word(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    // The next word, or the rest of this one ("부안 대명리조트에서" /
    // "순천만국가정원").
    let next = rest.split_whitespace().next().unwrap_or("");
    [
        "호텔",
        "리조트",
        "컨벤션",
        "센터",
        "정원",
        "전시장",
        "회의실",
        "청사",
        "시청",
        "도청",
        "대학교",
        "엑스포",
    ]
    .iter()
    .any(|v| next.contains(v))
}

/// A few words around a match, as its quote.
fn around(text: &str, f: &Found) -> String {
    let start = text[..f.start]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(1)
        .map_or(0, |(i, _)| i);
    let end = text[f.end..]
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(1)
        .map_or(text.len(), |(i, _)| f.end + i);
    text[start..end].trim().to_string()
}

/// Particles that end a noun phrase.
const PARTICLES: &[&str] = &[
    "에서는",
    "에서",
    "으로",
    "에는",
    "과의",
    "와의",
    "이며",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "와",
    "과",
    "에",
    "도",
    "로",
    "만",
];

fn strip_particle(word: &str) -> &str {
    PARTICLES
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|w| w.chars().count() >= 2))
        .unwrap_or(word)
}

/// A title from a headline: the clause that names the event, without the
/// framing before a comma ("성과 가시화 이장우 대전시장, 캐나다 … 방문").
fn headline_title(head: &str) -> String {
    let head = head.trim();
    head.rsplit_once(", ")
        .map(|(before, after)| {
            // Keep the subject just before the comma: "이장우 대전시장".
            let subject: Vec<&str> = before.split_whitespace().rev().take(2).collect();
            let subject: Vec<&str> = subject.into_iter().rev().collect();
            format!("{} {after}", subject.join(" "))
        })
        .unwrap_or_else(|| head.to_string())
}

/// "광역연합 회의실에서", "미국 보스턴에서": the words before 에서 in the
/// event's sentence.
fn venue(s: &str) -> Option<Cited<String>> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let at = words.iter().position(|w| {
        let w = w.trim_end_matches([',', '.']);
        w.ends_with("에서") && w.chars().count() > 2
    })?;
    let mut parts = vec![
        words[at]
            .trim_end_matches([',', '.'])
            .trim_end_matches("에서"),
    ];
    for w in words[..at].iter().rev().take(2) {
        let particle = PARTICLES
            .iter()
            .any(|p| w.ends_with(p) && w.chars().count() > p.chars().count());
        if particle || w.chars().any(|c| c.is_ascii_digit()) || w.ends_with(',') {
            break;
        }
        parts.insert(0, w);
    }
    let venue = parts.join(" ");
    (venue.chars().count() >= 2).then(|| {
        Cited::new(
            venue,
            words[at.saturating_sub(parts.len() - 1)..=at].join(" "),
        )
    })
}

/// Organisations named in the text: universities, institutes, companies,
/// agencies.
fn participants(body: &[(usize, &String)]) -> Vec<Cited<String>> {
    static ORG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:㈜\s?[가-힣A-Za-z]{2,12}|[가-힣A-Za-z]{2,20}(?:대학교|대학|연구원|연구소|기술원|테크노파크|진흥원|공단|재단|협회|그룹|병원|상공회의소|사절단)(?:\([A-Za-z]{2,10}\))?)")
            .expect("static regex")
    });
    let mut out: Vec<Cited<String>> = Vec::new();
    for (_, s) in body {
        for m in ORG.find_iter(s) {
            let name = m.as_str().to_string();
            if out
                .iter()
                .any(|c| c.value == name || c.value.contains(&name))
            {
                continue;
            }
            out.push(Cited::new(
                name,
                around(
                    s,
                    &Found {
                        start: m.start(),
                        end: m.end(),
                        index: 0,
                    },
                ),
            ));
            if out.len() >= 15 {
                return out;
            }
        }
    }
    out
}

/// "300여 명이 참석", "150여명 대표와 … 60여명 참석대표": the people
/// counted in the first sentence about attendance.
fn attendance(body: &[(usize, &String)]) -> Option<Cited<(i64, bool)>> {
    static PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:약\s*)?(\d[\d,]*)\s*(여|여\s|명\s*이상|\+)?\s*명").expect("static regex")
    });
    for (_, s) in body {
        if ![
            "참석",
            "참가",
            "참여",
            "모였",
            "자리했",
            "함께했",
            "대상으로",
            "관람객",
            "방문객",
        ]
        .iter()
        .any(|w| s.contains(w))
        {
            continue;
        }
        let found: Vec<regex::Match> = PEOPLE.find_iter(s).collect();
        if found.is_empty() {
            continue;
        }
        let joined = found
            .iter()
            .map(|m| m.as_str().replace('+', ""))
            .collect::<Vec<_>>()
            .join("+");
        let quote = found
            .iter()
            .map(|m| m.as_str().trim())
            .collect::<Vec<_>>()
            .join(" … ");
        if let Ok((n, approx)) = human::attendance(&joined) {
            return Some(Cited::new((n, approx), quote));
        }
    }
    delegation_size(body, &PEOPLE)
}

/// The size of a visiting delegation, when nobody is said to attend: "교류단은
/// … 등 12명이다", "모두 17명이 동행한다", "국회의장 등 50여명이 … 방문".
fn delegation_size(body: &[(usize, &String)], people: &Regex) -> Option<Cited<(i64, bool)>> {
    const GROUPS: &[&str] = &[
        "대표단",
        "방문단",
        "교류단",
        "사절단",
        "일행",
        "국회의장",
        "시찰단",
    ];
    const MOVES: &[&str] = &["방문", "동행", "구성", "찾", "명이다"];
    body.iter().find_map(|(_, s)| {
        let group = GROUPS.iter().any(|w| s.contains(w)) && MOVES.iter().any(|w| s.contains(w));
        let m = people.find(s).filter(|_| group)?;
        let (n, approx) = human::attendance(m.as_str()).ok()?;
        Some(Cited::new((n, approx), m.as_str().trim().to_string()))
    })
}

/// The kind of document a phrase names, and the word that says so.
fn document_type(s: &str) -> Option<(OutcomeType, String)> {
    static WORDS: &[(&str, OutcomeType)] = &[
        ("MOU", OutcomeType::Mou),
        ("양해각서", OutcomeType::Mou),
        ("량해각서", OutcomeType::Mou),
        ("업무협약", OutcomeType::Mou),
        ("업무 협약", OutcomeType::Mou),
        ("투자협약", OutcomeType::Investment),
        ("투자 협약", OutcomeType::Investment),
        ("투자 유치", OutcomeType::Investment),
        ("투자유치", OutcomeType::Investment),
        ("투자 자금", OutcomeType::Investment),
        ("투자를 유치", OutcomeType::Investment),
        ("계약", OutcomeType::Contract),
        // Orders won: "2천700만달러어치를 수주했으며", "수출물량을 발주받았다".
        ("수주", OutcomeType::Contract),
        ("발주받", OutcomeType::Contract),
        ("발주를 받", OutcomeType::Contract),
        ("협약", OutcomeType::Agreement),
        ("협정", OutcomeType::Agreement),
        ("협의서", OutcomeType::Agreement),
        ("합의서", OutcomeType::Agreement),
        ("의향서", OutcomeType::Mou),
        ("약정", OutcomeType::Agreement),
        ("우호협력을 체결", OutcomeType::Agreement),
        ("자매결연", OutcomeType::Agreement),
        ("투자를 확정", OutcomeType::Investment),
        ("투자의향서", OutcomeType::Investment),
        ("투자 의향", OutcomeType::Investment),
        ("투자의향", OutcomeType::Investment),
        ("투자약속", OutcomeType::Investment),
        ("투자 약속", OutcomeType::Investment),
        ("투자를 약속", OutcomeType::Investment),
        ("회원 가입", OutcomeType::Membership),
        ("회원가입", OutcomeType::Membership),
        ("가입", OutcomeType::Membership),
    ];
    static MATCHER: LazyLock<Words<OutcomeType>> = LazyLock::new(|| Words::new(WORDS));
    // Words that name no document here: "자매결연 지역인 버지니아주" (the tie
    // describes a place), "투자유치단은" (a delegation).
    let describes = |at: usize, w: &str| {
        let rest = &s[at + w.len()..];
        (w == "자매결연"
            && ["지역", "도시", "관계", " 지역", " 도시", " 관계"]
                .iter()
                .any(|p| rest.starts_with(p)))
            || (w.starts_with("투자") && w.ends_with("유치") && rest.starts_with('단'))
            // "한-말레이시아 자유무역협정(FTA)": a treaty between states.
            || (w == "협정" && s[..at].ends_with("자유무역"))
    };
    let (at, w, t) = MATCHER.first_in_text_where(s, |at, w| !describes(at, w))?;
    // "수출계약 MOU": the last noun of a compound is its head.
    let rest = &s[at + w.len()..];
    // "수출 협약(MOU)": the gloss in brackets names the document.
    if t == OutcomeType::Agreement
        && ["(MOU)", "(양해각서)", "(mou)"]
            .iter()
            .any(|g| rest.starts_with(g))
    {
        return Some((OutcomeType::Mou, w.to_string()));
    }
    if let Some(head) = rest.strip_prefix(' ')
        && let Some((0, w2, t2)) = MATCHER.first_in_text(head)
        && t != OutcomeType::Investment
    {
        return Some((t2, w2.to_string()));
    }
    // "기업투자 양해각서", "투자 MOU": an agreement to invest.
    let before: String = s[..at].chars().rev().take(8).collect();
    if matches!(t, OutcomeType::Mou | OutcomeType::Agreement) && before.contains("자투") {
        return Some((OutcomeType::Investment, w.to_string()));
    }
    Some((t, w.to_string()))
}

/// The clause's document: its first document word, unless that names the
/// event referred back to; one told of as done before or named as a
/// figure of talks is passed over ("…의향서를 교환했던 퀴논시의 대표단이
/// 방문해 14일 협정을 체결한다", "…수출계약을 상담하고 5건의 수출 MOU를
/// 체결했다").
fn document_in(clause: &str) -> Option<(OutcomeType, String)> {
    let mut from = 0;
    loop {
        let part = &clause[from..];
        let (t, w) = document_type(part)?;
        let at = part.find(w.as_str())?;
        if !told_before(&part[at + w.len()..]) && !talks_figure(part, &w) {
            return (!refers_back(part, &w)).then_some((t, w));
        }
        from += at + w.len();
    }
}

/// Whether the document word names a figure of talks or the ground laid
/// for documents to come, not a document: "계약 체결 상담액 1578만 달러",
/// "1년 내 계약추진액 552만 달러", "계약 체결의 토대를 마련했다", "계약
/// 체결 가능성이 높은 55개 기업", "계약검토 177건 1000만 달러의
/// 수출상담실적".
fn talks_figure(clause: &str, word: &str) -> bool {
    clause.find(word).is_some_and(|at| {
        let after = clause[at + word.len()..].trim_start();
        let after = after.strip_prefix("체결").unwrap_or(after).trim_start();
        let after = after.strip_prefix("을 ").unwrap_or(after);
        [
            "상담",
            "추진액",
            "추진 실적",
            "추진실적",
            "의 토대",
            "의 발판",
            "의 기반",
            "검토",
            "가능성",
            "의 가능성",
        ]
        .iter()
        .any(|w| after.starts_with(w))
            // "계약추진 1천600만 달러": a sum of contracts pursued.
            || after
                .strip_prefix("추진")
                .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Whether the document word is a ceremony ("협약식") or points back to one
/// already reported ("이번 협약", "이 협약", "해당 MOU", "협약에 따라").
fn refers_back(clause: &str, word: &str) -> bool {
    let upper = clause.to_ascii_uppercase();
    let word = word.to_ascii_uppercase();
    let Some(at) = upper.find(&word) else {
        return false;
    };
    let after = &upper[at + word.len()..];
    let before = upper[..at].trim_end();
    // A ceremony is the event's venue ("열린 협약식에는 … 참석했다") unless
    // it is said to take place ("협약식이 진행되어", "협약식을 갖고").
    let ceremony = after.starts_with('식') || after.starts_with("체결식");
    let held = ["이 진행", "을 갖", "을 가졌", "이 열", "을 열", "을 개최"]
        .iter()
        .any(|w| {
            after
                .trim_start_matches("체결")
                .trim_start_matches('식')
                .starts_with(w)
        });
    // "협약에 따라 두 구는 … 열 계획이다": what follows from it.
    let following = ["에 따라", "에 따른", "에 의해"]
        .iter()
        .any(|w| after.starts_with(w));
    (ceremony && !held)
        || following
        || ["이번", "이", "해당", "같은"].iter().any(|w| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

/// The status a clause's verbs give an outcome.
fn status(clause: &str, amount: bool) -> Option<(OutcomeStatus, String)> {
    static MARKS: &[(&str, OutcomeStatus)] = &[
        ("기대", OutcomeStatus::Expected),
        ("전망", OutcomeStatus::Expected),
        ("예상", OutcomeStatus::Expected),
        ("할 예정", OutcomeStatus::Planned),
        ("될 예정", OutcomeStatus::Planned),
        ("예정이다", OutcomeStatus::Planned),
        ("할 계획", OutcomeStatus::Planned),
        ("체결한다", OutcomeStatus::Planned),
        ("서명한다", OutcomeStatus::Planned),
        ("을 한다", OutcomeStatus::Planned),
        ("를 한다", OutcomeStatus::Planned),
        ("을 할 ", OutcomeStatus::Planned),
        ("를 할 ", OutcomeStatus::Planned),
        ("서명할", OutcomeStatus::Planned),
        // Documents exchanged: "양해각서를 주고받는다", "의향서를 교환한다".
        ("주고받는다", OutcomeStatus::Planned),
        ("주고받을", OutcomeStatus::Planned),
        ("교환한다", OutcomeStatus::Planned),
        ("교환할", OutcomeStatus::Planned),
        ("주고받았", OutcomeStatus::Signed),
        ("체결할", OutcomeStatus::Planned),
        ("맺을", OutcomeStatus::Planned),
        ("맺는다", OutcomeStatus::Planned),
        ("체결했", OutcomeStatus::Signed),
        ("체결하였", OutcomeStatus::Signed),
        // A signing ceremony held: "협정식을 열고", "협약식을 가졌다".
        ("식을 열고", OutcomeStatus::Signed),
        ("식을 열었", OutcomeStatus::Signed),
        ("식을 갖고", OutcomeStatus::Signed),
        ("식을 가졌", OutcomeStatus::Signed),
        ("식을 개최했", OutcomeStatus::Signed),
        ("식을 개최하고", OutcomeStatus::Signed),
        ("체결됐", OutcomeStatus::Signed),
        ("체결돼", OutcomeStatus::Signed),
        ("을 했", OutcomeStatus::Signed),
        ("를 했", OutcomeStatus::Signed),
        ("도 했", OutcomeStatus::Signed),
        ("이뤄졌", OutcomeStatus::Signed),
        ("체결되었", OutcomeStatus::Signed),
        ("체결하는 등", OutcomeStatus::Signed),
        ("체결한 ", OutcomeStatus::Signed),
        ("체결이 있었", OutcomeStatus::Signed),
        ("체결을 통해", OutcomeStatus::Signed),
        ("맺었", OutcomeStatus::Signed),
        // "…와 각각 자매결연했다", "자매결연한다".
        ("결연했", OutcomeStatus::Signed),
        ("결연하였", OutcomeStatus::Signed),
        ("결연한다", OutcomeStatus::Planned),
        ("결연할", OutcomeStatus::Planned),
        ("서명했", OutcomeStatus::Signed),
        ("교환했", OutcomeStatus::Signed),
        ("받았", OutcomeStatus::Signed),
        ("수주했", OutcomeStatus::Signed),
        ("수주하였", OutcomeStatus::Signed),
        ("이끌어 냈", OutcomeStatus::Signed),
        ("이끌어냈", OutcomeStatus::Signed),
        ("성사시켰", OutcomeStatus::Signed),
        ("성사됐", OutcomeStatus::Signed),
        ("성사되었", OutcomeStatus::Signed),
        ("성사돼", OutcomeStatus::Signed),
        ("유치했", OutcomeStatus::Signed),
        // Results achieved: "279만 달러의 수출계약 실적을 거뒀다".
        ("실적을 거뒀", OutcomeStatus::Signed),
        // "211억원의 수출 계약을 달성했다", "MOU 각각 달성했다".
        ("달성했", OutcomeStatus::Signed),
        ("실적을 올렸", OutcomeStatus::Signed),
        // "27건 3천27만 달러 규모의 수출 MOU 성과를 거뒀다".
        ("성과를 거뒀", OutcomeStatus::Signed),
        ("성과를 거두었", OutcomeStatus::Signed),
        ("성과를 올렸", OutcomeStatus::Signed),
        ("합의했", OutcomeStatus::Agreed),
        ("합의하였", OutcomeStatus::Agreed),
        ("하기로 했", OutcomeStatus::Agreed),
        ("뜻을 모았", OutcomeStatus::Agreed),
        ("약속했", OutcomeStatus::Agreed),
        ("논의", OutcomeStatus::UnderDiscussion),
        ("협의 중", OutcomeStatus::UnderDiscussion),
        ("검토", OutcomeStatus::UnderDiscussion),
    ];
    static MATCHER: LazyLock<Words<OutcomeStatus>> = LazyLock::new(|| Words::new(MARKS));
    let investment = clause.contains("투자");
    MATCHER
        .first_in_list(clause, |st| {
            amount || st != OutcomeStatus::Expected || investment
        })
        .map(|(w, st)| (st, w.to_string()))
}

/// The amount written for a clause's documents: one just after the
/// document word ("계약 649만달러"), else the last before it ("… 총 60만
/// 달러의 MOU"), else the first. An amount of talks ("상담실적 3천564만달러",
/// "1304만 달러의 수출 상담") is not the documents'; one in brackets is a
/// conversion of the one before it ("550만 달러어치(한화 약 71억원)"). Either
/// is taken only when there is no other.
fn amount_of(clause: &str, doc: Option<(usize, usize)>) -> Option<&str> {
    let all: Vec<regex::Match> = AMOUNT.find_iter(clause).collect();
    let in_brackets = |m: &regex::Match| {
        let before = &clause[..m.start()];
        before.matches(['(', '（']).count() > before.matches([')', '）']).count()
    };
    let talks = |m: &regex::Match| {
        // The word before names the amount ("상담실적 3천564만달러"), unless
        // it ends a list ("수출 상담과 4500만달러 규모의 수출계약").
        let before = clause[..m.start()].split_whitespace().last().unwrap_or("");
        let before = if before.ends_with(['과', '와', ',']) {
            ""
        } else {
            before
        };
        // Past a conversion in brackets: "744만8천달러(86억원) 규모 상담".
        let rest = &clause[m.end()..];
        let rest = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
            Some((_, after)) => after,
            None => rest,
        };
        let after: String = rest.chars().take(8).collect();
        before.contains("상담") || after.contains("상담")
    };
    let plain: Vec<&regex::Match> = all
        .iter()
        .filter(|m| !in_brackets(m) && !talks(m))
        .collect();
    let right_after = plain.iter().find(|m| {
        doc.is_some_and(|(_, end)| m.start() >= end && clause[end..m.start()].trim().is_empty())
    });
    let before = plain
        .iter()
        .take_while(|m| doc.is_some_and(|(at, _)| m.end() <= at))
        .last();
    right_after
        .or(before)
        .or(plain.first())
        .copied()
        .or(all.iter().find(|m| !talks(m)))
        .map(|m| m.as_str())
}

/// The count of a clause's documents: agreements (건) before companies
/// (곳; "업체 5곳(6건)"); the last written before the document word ("총
/// 78건, … 485만 달러(9건)의 수출 업무협약"), else the first. "총 59건의
/// 수출 상담" counts talks, not agreements.
fn count_of(clause: &str, doc_at: Option<usize>) -> Option<Cited<i64>> {
    let (agreements, others): (Vec<_>, Vec<_>) = COUNT
        .captures_iter(clause)
        .filter(|c| {
            let m = c.get(0).map_or(0..0, |m| m.range());
            let after: String = clause[m.end..].chars().take(8).collect();
            // "상담 179건": talks counted, as "179건의 상담".
            let before = clause[..m.start].split_whitespace().last().unwrap_or("");
            // "총 219건, 6360만 달러 규모의 수출상담 성과와 480만 달러의
            // 업무협약": the count's own item, up to the next one joined to
            // it, is talks.
            let item = doc_at.filter(|&at| at > m.end).map_or("", |at| {
                let rest = &clause[m.end..at];
                ["와 ", "과 ", " 및 "]
                    .iter()
                    .filter_map(|j| rest.find(j))
                    .min()
                    .map_or("", |cut| &rest[..cut])
            });
            !after.contains("상담")
                && !after.contains("문의")
                && !before.ends_with("상담")
                && !item.contains("상담")
        })
        .partition(|c| c[0].ends_with('건'));
    // A number of firms counts the documents only in the document's own
    // item of a list: not "경남 8개 기업 법인장 간담회, 경남도-방콕시
    // 양해각서 체결".
    let others: Vec<_> = others
        .into_iter()
        .filter(|c| {
            let m = c.get(0).map_or(0..0, |m| m.range());
            // "40개 기업이 … 실적을 거뒀다": the firms that act; "참가기업
            // 7개사 중 …": the firms among which some signed.
            if ["이 ", "가 ", "은 ", "는 ", " 중"]
                .iter()
                .any(|p| clause[m.end..].starts_with(p))
            {
                return false;
            }
            let at = doc_at.unwrap_or(m.end);
            let between = if at >= m.end {
                &clause[m.end..at]
            } else {
                &clause[at..m.start]
            };
            // "수출기업 6개사와 일본 바이어 4개사가 참여한 가운데 … 수출
            // 계약": the firms taking part.
            !between.contains(", ") && !between.contains("참여") && !between.contains("참가")
        })
        .collect();
    let pick = |found: &[regex::Captures<'_>]| {
        let before = found
            .iter()
            .rev()
            .find(|c| doc_at.is_some_and(|at| c.get(0).is_some_and(|m| m.end() <= at)));
        before.or(found.first()).and_then(|c| {
            let n: i64 = c[1].parse().ok()?;
            Some(Cited::new(n, c[0].to_string()))
        })
    };
    pick(&agreements).or_else(|| pick(&others))
}

/// A clause that lists results, each with its document and its count or
/// amount ("총 수출상담액 약 337억원, 계약 추진액 약 158억원, 실수출계약
/// 3건(약 80억 원), 기업간 MOU 24건 체결 등의 성과"), as one item per
/// result (flagged as listed); an item whose only figure is an amount of
/// talks or of deals still being pursued is dropped. Any other clause as
/// it is.
fn results(clause: &str) -> Vec<(&str, bool)> {
    // "미화 740만달러, 한화로는 88억원": a conversion goes on its item.
    let mut items: Vec<&str> = Vec::new();
    let mut start = 0;
    for (at, _) in clause.match_indices(", ") {
        let next = &clause[at + 2..];
        if !(next.starts_with("한화") || next.starts_with("원화")) {
            items.push(&clause[start..at]);
            start = at + 2;
        }
    }
    items.push(&clause[start..]);
    let pursued = |item: &str| {
        ["상담", "추진액", "추진 중"]
            .iter()
            .any(|w| item.contains(w))
    };
    let result = |item: &&str| {
        document_type(item).is_some()
            && (COUNT.is_match(item) || AMOUNT.is_match(item))
            && (COUNT.is_match(item) || !pursued(item))
    };
    if items.len() < 2 || items.iter().filter(|i| result(i)).count() < 2 {
        return vec![(clause, false)];
    }
    items
        .into_iter()
        .filter(|i| result(i))
        .map(|i| (i, true))
        .collect()
}

/// Clauses of a sentence: "…체결했으며, …체결했고, …체결됐다", and a
/// past-tense clause that goes on without a comma to a document of its own
/// ("23건을 가계약해 163만달러를 확보했으며 폴란드에서는 … 가계약 15건을").
fn clauses(s: &str) -> Vec<&str> {
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[가-힣](?:고|며),\s|[했됐였었았](?:고|으며|며)\s|한편,\s|는 한편,?\s|한 (?:뒤|후|다음)\s")
            .expect("static regex")
    });
    let mut out = Vec::new();
    let mut last = 0;
    for m in CUT.find_iter(s) {
        // Without a comma, "…했으며 " ends a clause only before a document.
        let bare =
            !m.as_str().contains(',') && ["며 ", "고 "].iter().any(|e| m.as_str().ends_with(e));
        if bare && document_type(&s[m.end()..]).is_none() {
            continue;
        }
        out.push(&s[last..m.end()]);
        last = m.end();
    }
    out.push(&s[last..]);
    out
}

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:약|최대|최소|총)\s*)?\d[\d,.]*(?:\s*[조억만천백]+(?:\s*\d[\d,.]*\s*[조억만천백]+)*(?:\s*\d[\d,.]*)?)?\s*여?\s*(?:캐나다\s?달러|달러|유로|위안|엔|원|불)(?:\s*(?:이상|이하|규모|가량|상당|내외|안팎|정도|어치))*")
        .expect("static regex")
});

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:총\s*)?(\d{1,4})\s*(?:건|곳|개\s?사|개\s?기업)").expect("static regex")
});

/// The outcomes of one sentence: a document signed, agreed or planned in a
/// clause, with its count ("총 4건") and amount ("최대 2천만 달러 규모").
/// A closing "… 등 총 9건의 MOU" stands for the ones its sentence lists.
fn outcomes(s: &str, future: bool) -> Vec<DraftOutcome> {
    let mut out: Vec<DraftOutcome> = Vec::new();
    // "앞서 시는 … 19건의 업무협약(MOU) 체결과 … 성과를 거뒀다": what an
    // earlier trip did.
    if ["앞서 ", "앞서, "]
        .iter()
        .any(|w| s.trim_start().starts_with(w))
    {
        return out;
    }
    let mut pending_amount: Option<Cited<human::ParsedAmount>> = None;
    for (clause, listed) in clauses(s).into_iter().flat_map(results) {
        // "이번 협약은", "협약식에는": the agreement already counted, or the
        // ceremony itself.
        let doc = document_in(clause);
        let doc_span = doc
            .as_ref()
            .and_then(|(_, w)| clause.find(w.as_str()).map(|at| (at, at + w.len())));
        let doc_at = doc_span.map(|(at, _)| at);
        let amount = amount_of(clause, doc_span).and_then(|m| {
            let expected = ["기대", "전망", "예상", "목표"]
                .iter()
                .any(|w| clause.contains(w));
            let mut a = human::amount(m).ok()?;
            a.expected = a.expected || expected;
            a.currency.as_ref()?;
            Some(Cited::new(a, m.trim().to_string()))
        });
        let agreed_word = ["합의했", "하기로 했", "뜻을 모았", "합의하였"]
            .into_iter()
            .find(|w| clause.contains(w));
        let kind = match (doc, agreed_word) {
            (Some(k), _) => k,
            // "…에 1조5천억원을 투자해 … 하기로 했다": an investment agreed.
            (None, Some(_)) if amount.is_some() && clause.contains("투자") => {
                (OutcomeType::Investment, "투자".to_string())
            }
            (None, Some(w)) => (OutcomeType::Agreement, w.to_string()),
            (None, None) => {
                if amount.is_some() {
                    pending_amount = amount;
                }
                continue;
            }
        };
        // "이로써 … 자매결연 체결 자치단체는 … 모두 3곳으로 늘었다": a tally
        // of ties, this one among them, not another.
        if ["로 늘었", "로 늘어"].iter().any(|w| clause.contains(w)) {
            continue;
        }
        // A document named inside someone's words (“수출계약을 체결한
        // 기업들이 … 지원하겠다”고 말했다) is a remark on results already
        // told, or a hope, not a result of its own.
        let base = offset_in(s, clause);
        if clause
            .find(kind.1.as_str())
            .is_some_and(|at| quoted(s, base + at))
        {
            continue;
        }
        let attracting = [
            "유치했",
            "유치할",
            "유치하",
            "유치키로",
            "투자하기로",
            "투자할",
            "투자한다",
        ]
        .iter()
        .any(|w| clause.contains(w));
        // An investment is an outcome with its amount, when attracted, or
        // as a signed document ("투자협약", "투자양해각서에 서명했다").
        let document = ["협약", "양해각서", "MOU"]
            .iter()
            .any(|w| clause.contains(w));
        if kind.0 == OutcomeType::Investment && amount.is_none() && !attracting && !document {
            continue;
        }
        // The clause's verb, else the sentence's; a signing verb the lists
        // do not know ("서명한다") takes the article's tense. A document
        // named without any such verb is talked about, not made.
        // An item of a list of results takes the list's verb.
        // A contract made on the spot or provisionally ("현장계약 3881만
        // 달러", "40만 달러의 현장계약") is one concluded, whatever verb
        // closes the list of results.
        let concluded = amount.is_some()
            && ["현장계약", "현지계약", "가계약"]
                .iter()
                .any(|w| clause.contains(w));
        let signing = concluded
            || ["체결", "서명", "맺", "교환"]
                .iter()
                .any(|w| clause.contains(w) || (listed && s.contains(w)));
        let last_word = s.split_whitespace().last().unwrap_or(s).to_string();
        let tense = if future {
            OutcomeStatus::Planned
        } else {
            OutcomeStatus::Signed
        };
        let verb_status = status(clause, amount.is_some()).or_else(|| status(s, amount.is_some()));
        let doubt = verb_status.is_none().then(|| {
            "status read from the article's tense, not from a verb the drafter knows".to_string()
        });
        let Some((st, verb)) = verb_status.or_else(|| signing.then_some((tense, last_word))) else {
            if amount.is_some() {
                pending_amount = amount;
            }
            continue;
        };
        let summary = clause.contains("등 총") || clause.contains("등 모두");
        let count = count_of(clause, doc_at);
        let outcome = DraftOutcome {
            kind: Cited::new(kind.0, kind.1),
            count,
            title: Cited::new(outcome_title(clause), clause.trim().to_string()),
            status: Cited::new(st, verb),
            amount: amount.or_else(|| pending_amount.take()),
            doubt,
        };
        if summary && !out.is_empty() {
            // The listed outcomes are among the counted ones: keep the
            // count, and the amounts they carried.
            let amount = out.iter().rev().find_map(|o| o.amount.clone());
            out.retain(|o| {
                o.kind.value != outcome.kind.value && o.kind.value != OutcomeType::Contract
            });
            let mut o = outcome;
            if o.amount.is_none() {
                o.amount = amount;
            }
            out.push(o);
        } else {
            out.extend(one_per_amount(outcome, clause));
        }
    }
    out
}

/// "A 20만 달러, B 10만 달러, C가 2만 달러의 수출협약을 맺었다": one
/// outcome per amount the clause lists.
fn one_per_amount(outcome: DraftOutcome, clause: &str) -> Vec<DraftOutcome> {
    let amounts: Vec<Cited<human::ParsedAmount>> = AMOUNT
        .find_iter(clause)
        // "40만 달러의 현장계약, 585만달러의 수출상담": the talks' sum is
        // no outcome of its own.
        .filter(|m| {
            let next: String = clause[m.end()..].chars().take(8).collect();
            !next.contains("상담")
        })
        .filter_map(|m| {
            let mut a = human::amount(m.as_str()).ok()?;
            a.currency.as_ref()?;
            a.expected = outcome.amount.as_ref().is_some_and(|o| o.value.expected);
            Some(Cited::new(a, m.as_str().trim().to_string()))
        })
        .collect();
    let listed = amounts.len() >= 2
        && outcome.count.is_none()
        && clause.matches(", ").count() + 1 >= amounts.len();
    if !listed {
        return vec![outcome];
    }
    amounts
        .into_iter()
        .map(|a| DraftOutcome {
            amount: Some(a),
            ..outcome.clone()
        })
        .collect()
}

/// Drops an outcome whose amount is the total of the others the article
/// lists ("2억2000만달러 규모의 … MOU" before the 1억 and 1억2100만 ones), or
/// of the last two or more before it ("총 700억원" after the 500억 and 200억
/// ones, though another of 1,300억 follows).
fn drop_totals(outcomes: &mut Vec<DraftOutcome>) {
    let amounts: Vec<Option<(f64, String)>> = outcomes
        .iter()
        .map(|o| {
            o.amount
                .as_ref()
                .and_then(|a| Some((a.value.value, a.value.currency.clone()?)))
        })
        .collect();
    let total_of_others = |i: usize| {
        let Some((v, cur)) = &amounts[i] else {
            return false;
        };
        let same = |j: usize| {
            amounts[j]
                .as_ref()
                .filter(|(_, c)| c == cur)
                .map(|(v, _)| *v)
        };
        let others: Vec<f64> = (0..amounts.len())
            .filter(|&j| j != i)
            .filter_map(same)
            .collect();
        let before: Vec<f64> = (0..i).filter_map(same).collect();
        let total = |parts: &[f64]| {
            let sum: f64 = parts.iter().sum();
            parts.len() >= 2 && (sum - v).abs() <= v * 0.005
        };
        // All the others, or the last two or more before it ("…, 총 700억원").
        total(&others) || (0..before.len()).any(|a| total(&before[a..]))
    };
    let keep: Vec<bool> = (0..outcomes.len()).map(|i| !total_of_others(i)).collect();
    let mut k = keep.iter();
    outcomes.retain(|_| *k.next().unwrap_or(&true));
}

/// Whether the text at `at` is inside a quotation in double quotes (what
/// someone said: "이게 성사되면 영동군은 필리핀, 베트남에 이어 …").
fn quoted(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let curly = before.matches('“').count() > before.matches('”').count();
    curly || before.matches('"').count() % 2 == 1
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset_in(whole: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    debug_assert!(at <= whole.len(), "not a slice of the text");
    at.min(whole.len())
}

/// Whether a Korean place names where a firm is, not a party:
/// "바이오테크(목포)", "익산시 (주)코엔원", "남원시(유)미와미" (abroad,
/// "미국(마이애미)" names the place itself).
fn firms_town(text: &str, f: &Found) -> bool {
    let before = &text[..f.start];
    let rest = text[f.end..].trim_start_matches(['시', '군', '구']);
    let after_word = before.ends_with('(')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        && rest.starts_with(')');
    let before_firm = FIRM_MARKS.iter().any(|m| rest.trim_start().starts_with(m));
    after_word || before_firm
}

/// Whether a sentence tells background rather than the event: ties of
/// earlier years ("시는 2004년 일본 마쯔야마시와 우호교류 협정을 체결한
/// 이후 …") or what a place is like ("땀끼시는 베트남 중부 지방에 위치한
/// 인구 16만명의 도시로 호치민과 하노이를 연결하는 …", "보고르군은 자카르타
/// 남서쪽 자바에 있다.", "… 스키로 유명한 틈파산이 자리잡고 있다").
fn background(s: &str, year: Option<i32>) -> bool {
    static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"에 위치한|에 자리한|자리 ?잡|인구가? (?:약 )?\d|에 있다\.|(?:로|으로) 유명하다",
            // Ties the place already has: "6개국 8개 도시와 자매결연을 체결하고
            // 활발히 교류하고 있으며", "… 우호협력 관계를 유지하고 있다".
            r"|관계를 유지하고 있|교류하고 있",
            // The list of ties: "자매결연을 맺은 곳은 … 6곳이다", "협약을 맺고
            // 있는 해외 지역", "여주의 자매 도시는 8개", "교류를 활발히
            // 추진하고", and what is done every year ("매년 추진하고 있는").
            r"|맺은 곳은|맺고 있는 (?:해외 )?(?:지역|도시)|\d+\s?곳\s?이다|자매\s?도시는|활발히 (?:추진|교류)|매년 (?:추진|개최)하고 있"
        ))
        .expect("static regex")
    });
    history(s, year) || ABOUT.is_match(s)
}

/// Whether an outcome's clause dates it to an earlier year: "양 도시는
/// 지난 1999년 우호교류협정을 체결한 이후", "2013년 자매결연".
fn history(clause: &str, year: Option<i32>) -> bool {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d{4})\s*년").expect("static regex"));
    let Some(year) = year else { return false };
    YEAR.captures_iter(clause)
        .filter_map(|c| c[1].parse::<i32>().ok())
        .any(|y| (1950..year).contains(&y))
}

/// Joins an outcome told twice, once with its amount and once with its
/// count ("256만 달러 규모의 양해각서(MOU)를 체결했다 … 10건의 MOU를
/// 체결"): same type and status, one without a count, the other without an
/// amount, and no other outcome of that type.
fn merge_restated(outcomes: &mut Vec<DraftOutcome>) {
    let kinds: Vec<OutcomeType> = outcomes.iter().map(|o| o.kind.value).collect();
    let Some((a, b)) = (0..outcomes.len()).find_map(|a| {
        let same = |b: usize| kinds[b] == kinds[a] && b != a;
        let others: Vec<usize> = (0..outcomes.len()).filter(|&b| same(b)).collect();
        let [b] = others[..] else { return None };
        let (x, y) = (&outcomes[a], &outcomes[b]);
        let halves =
            x.amount.is_some() && x.count.is_none() && y.count.is_some() && y.amount.is_none();
        (halves && x.status.value == y.status.value).then_some((a, b))
    }) else {
        return;
    };
    let count = outcomes[b].count.take();
    outcomes[a].count = count;
    outcomes.remove(b);
}

/// Won amounts the article gives as the conversion of another amount:
/// "미화 740만달러, 한화로는 88억원", "122만달러(한화 14억원 상당)".
fn conversions(body: &[(usize, &String)]) -> Vec<f64> {
    let mut out = Vec::new();
    for (_, s) in body {
        let found: Vec<regex::Match> = AMOUNT.find_iter(s).collect();
        for w in found.windows(2) {
            let between = s[w[0].end()..w[1].start()]
                .replace(['(', ',', ' '], "")
                .replace("한화로는", "")
                .replace("원화로는", "")
                .replace("한화", "")
                .replace("약", "");
            let (Ok(from), Ok(to)) = (human::amount(w[0].as_str()), human::amount(w[1].as_str()))
            else {
                continue;
            };
            let won = |a: &human::ParsedAmount| a.currency.as_deref() == Some("KRW");
            if between.is_empty() && !won(&from) && won(&to) {
                out.push(to.value);
            }
        }
    }
    out
}

/// Drops an outcome whose amount is only the won conversion of another
/// outcome's of the same type: the article reports it twice ("88억원의
/// 수출계약 MOU를 체결했다 … 9건으로 미화 740만달러, 한화로는 88억원").
fn drop_conversions(outcomes: &mut Vec<DraftOutcome>, body: &[(usize, &String)]) {
    let converted = conversions(body);
    let won_twin = |o: &DraftOutcome| {
        let Some(a) = o.amount.as_ref().map(|a| &a.value) else {
            return false;
        };
        a.currency.as_deref() == Some("KRW")
            && converted
                .iter()
                .any(|c| (c - a.value).abs() <= a.value * 0.01)
    };
    let kinds_in_other_money: Vec<OutcomeType> = outcomes
        .iter()
        .filter(|o| {
            o.amount
                .as_ref()
                .is_some_and(|a| a.value.currency.as_deref().is_some_and(|c| c != "KRW"))
        })
        .map(|o| o.kind.value)
        .collect();
    outcomes.retain(|o| !(won_twin(o) && kinds_in_other_money.contains(&o.kind.value)));
}

/// Drops bare "협약" outcomes (no amount, no count) that follow one counted
/// several times: they name the counted agreements one by one ("업체
/// 5곳(6건)과 … 투자협약을 체결한다. … 제조업체와 협약을 맺을 예정이다").
fn drop_itemised(outcomes: &mut Vec<DraftOutcome>) {
    let mut counted = false;
    outcomes.retain(|o| {
        let bare = o.kind.value == OutcomeType::Agreement
            && o.count.is_none()
            && o.amount.is_none()
            && o.kind.quote == "협약";
        let keep = !(counted && bare);
        counted |= o.count.as_ref().is_some_and(|c| c.value > 1);
        keep
    });
}

/// Drops outcomes that say again what an earlier one said: "우호협력
/// 협약을 맺었다" after "우호협력 양해각서(MOU)를 체결하고", "협력을 이어가기로
/// 뜻을 모았다" after a signed document, "… 등 수출 업무협약도 이뤄졌다"
/// listing the MOUs already counted, a document of the type and amount of
/// an earlier one ("146만불의 수출계약을 성사시켰다 … 총146만불의 수출계약
/// 성과를 거뒀다"), and one with neither count nor amount of the type and
/// status of an earlier one (two separate bare MOUs of one article are
/// rarer than one told in the caption, the lead and the body).
///
/// Returns a line for review for each document dropped as told again
/// without a figure: it may be a second one ("…와 전남대학교는 량해각서
/// 체결을 통해" after another MOU).
fn drop_repeats(outcomes: &mut Vec<DraftOutcome>) -> Vec<String> {
    carry_counts(outcomes);
    // Indices of the outcomes past the sum check, of those kept, and of
    // those told again without a figure.
    let (mut summed, mut kept, mut told) = (Vec::new(), Vec::new(), Vec::new());
    for (i, o) in outcomes.iter().enumerate() {
        let (t, st) = (o.kind.value, o.status.value);
        if let Some(a) = &o.amount {
            // Two firms of one sentence may each sign for 3천만 달러: the
            // same sum again is a repeat in another sentence (the lead and
            // the body), as a total, or with another status.
            let again = summed
                .iter()
                .map(|&j| &outcomes[j])
                .any(|e: &DraftOutcome| {
                    same_sum(e, o)
                        && (e.title.quote != o.title.quote
                            || a.quote.contains('총')
                            || e.status.value != st)
                });
            if again {
                continue;
            }
            summed.push(i);
        }
        let seen = |t: OutcomeType, st: OutcomeStatus| {
            kept.iter()
                .any(|&j: &usize| outcomes[j].kind.value == t && outcomes[j].status.value == st)
        };
        let seen_type = |t: OutcomeType| kept.iter().any(|&j: &usize| outcomes[j].kind.value == t);
        let bare = o.count.is_none() && o.amount.is_none();
        let documents = seen_type(OutcomeType::Mou) || seen_type(OutcomeType::Agreement);
        // "14일 우호협력도시 협약을 체결하는 …" (a caption), "…와
        // 우호협력도시 협약을 체결했다", "오키나와현지사와 … 협약
        // 체결했다": a document told again without a figure.
        let again = bare && seen(t, st);
        if again {
            told.push(i);
        }
        let repeat = (bare
            && t == OutcomeType::Agreement
            && o.kind.quote.ends_with("협약")
            && seen(OutcomeType::Mou, st))
            || (bare && t == OutcomeType::Agreement && st == OutcomeStatus::Agreed && documents)
            || (o.count.is_none() && o.title.quote.contains("등 ") && seen_type(t))
            || again;
        if !repeat {
            kept.push(i);
        }
    }
    let told: Vec<DraftOutcome> = told.iter().map(|&i| outcomes[i].clone()).collect();
    let mut index = 0..;
    outcomes.retain(|_| index.next().is_some_and(|i| kept.contains(&i)));
    keep_best_told(outcomes, told)
}

/// Whether two outcomes are of one kind and one sum.
fn same_sum(a: &DraftOutcome, b: &DraftOutcome) -> bool {
    a.kind.value == b.kind.value
        && a.amount
            .as_ref()
            .zip(b.amount.as_ref())
            .is_some_and(|(x, y)| {
                x.value.value == y.value.value && x.value.currency == y.value.currency
            })
}

/// A sum told again with its count ("950만달러 규모 업무협약 … 19건
/// 업무협약이 … 체결돼 950만 달러 규모"): the first telling, which is kept,
/// takes the count.
fn carry_counts(outcomes: &mut [DraftOutcome]) {
    let same =
        |a: &DraftOutcome, b: &DraftOutcome| same_sum(a, b) && a.title.quote != b.title.quote;
    for b in 1..outcomes.len() {
        let Some(a) = (0..b).find(|&a| same(&outcomes[a], &outcomes[b])) else {
            continue;
        };
        if outcomes[a].count.is_none() && outcomes[b].count.is_some() {
            outcomes[a].count = outcomes[b].count.take();
        }
    }
}

/// Of a document told several times without a figure, keeps the telling
/// whose status a verb gives (not the caption's "체결하는"), and returns a
/// line for review for each other telling, as it may be another document.
fn keep_best_told(outcomes: &mut [DraftOutcome], told: Vec<DraftOutcome>) -> Vec<String> {
    let mut review = Vec::new();
    for mut t in told {
        let kept = outcomes.iter_mut().find(|o| {
            o.count.is_none()
                && o.amount.is_none()
                && o.kind.value == t.kind.value
                && o.status.value == t.status.value
        });
        if let Some(kept) = kept
            && kept.doubt.is_some()
            && t.doubt.is_none()
        {
            std::mem::swap(kept, &mut t);
        }
        review.push(format!(
            "outcomes: «{}» was read as one already drafted, told again; add it if it is another document",
            t.title.value
        ));
    }
    review
}

/// A short title for an outcome: the noun phrase ending in its document
/// word, from the clause.
fn outcome_title(clause: &str) -> String {
    let c = clause.trim().trim_end_matches('.');
    let words: Vec<&str> = c.split_whitespace().collect();
    let doc_at = words.iter().rposition(|w| document_type(w).is_some());
    match doc_at {
        Some(i) => {
            let from = i.saturating_sub(4);
            let phrase = words[from..=i].join(" ");
            strip_particle(phrase.trim_start_matches(['(', ')', ','])).to_string()
        }
        None => c.chars().take(60).collect(),
    }
}

/// Plans the article reports after the event: "…까지 운영되며 … 마련할
/// 예정이다", "정부는 … 추진할 계획이다".
fn follow_ups(
    body: &[(usize, &String)],
    published: Option<&Published>,
    event: Option<usize>,
) -> Vec<DraftFollowUp> {
    let mut out = Vec::new();
    for (i, s) in body {
        if Some(*i) == event
            || !["계획이다", "예정이다", "방침이다", "추진한다"]
                .iter()
                .any(|w| s.ends_with(&format!("{w}.")) || s.ends_with(w))
        {
            continue;
        }
        if document_type(s).is_some_and(|(t, _)| t != OutcomeType::Investment)
            && (s.contains("체결") || s.contains("가입"))
        {
            continue;
        }
        let owner = s
            .split_whitespace()
            .take(8)
            .find(|w| {
                (w.ends_with('은') || w.ends_with('는'))
                    && w.chars().count() >= 3
                    && ![
                        "하는",
                        "되는",
                        "있는",
                        "없는",
                        "에는",
                        "에서는",
                        "로는",
                        "으로는",
                        "한편",
                    ]
                    .iter()
                    .any(|v| w.ends_with(v))
            })
            .map(|w| {
                let name = w.trim_end_matches(['은', '는']);
                Cited::new(name.to_string(), w.to_string())
            });
        let due = when::mentions(s)
            .into_iter()
            .find(|m| m.until)
            .and_then(|m| {
                let r = m.resolve(published).ok()?;
                Some(Cited::new(r.start, m.quote))
            });
        let action: String = s
            .trim_start_matches("한편, ")
            .trim_start_matches("또한 ")
            .to_string();
        out.push(DraftFollowUp {
            action: Cited::new(action, s.to_string()),
            owner,
            due,
        });
        if out.len() >= 3 {
            break;
        }
    }
    out
}

/// The words after a date that starts something, past its "부터": "지난
/// 1일부터 1박 2일간" -> "1박 2일간".
fn after_from<'s>(s: &'s str, m: &Mention) -> &'s str {
    s[m.end..]
        .trim_start()
        .trim_start_matches("부터")
        .trim_start()
}

/// A length of stay: "6박 8일", "3일간", "이틀간", "사흘 동안".
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(\d{1,2})\s*박\s*(\d{1,2})\s*일|(\d{1,2})\s*일\s*간|(이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘)\s*(?:간|동안))")
        .expect("static regex")
});

/// Days in a length of stay as `DURATION` captured it.
fn days_of(c: &regex::Captures) -> Option<i64> {
    if let Some(n) = c.get(2).or(c.get(3)) {
        return n.as_str().parse().ok();
    }
    let native = [
        "이틀",
        "사흘",
        "나흘",
        "닷새",
        "엿새",
        "이레",
        "여드레",
        "아흐레",
        "열흘",
    ];
    native
        .iter()
        .position(|w| *w == &c[4])
        .map(|i| i as i64 + 2)
}

/// The last day of an event the text gives as a length: "6박 8일 일정으로"
/// (eight days), "3일간", "4일부터 이틀간".
fn duration_end(s: &str, start: Option<FuzzyDate>) -> Option<Cited<FuzzyDate>> {
    let start = start.filter(|s| s.precision == crate::model::Precision::Day)?;
    let (c, _) = (0..s.len())
        .filter(|&i| s.is_char_boundary(i))
        .find_map(|i| DURATION.captures(&s[i..]).map(|c| (c, i)))?;
    let days: i64 = days_of(&c)?;
    if !(2..=60).contains(&days) {
        return None;
    }
    let date = start.date.add_days(days - 1);
    Some(Cited::new(
        FuzzyDate {
            date,
            precision: crate::model::Precision::Day,
        },
        c[0].trim().to_string(),
    ))
}

/// Whether the words after a date or a document end in a clause about
/// something earlier: a verb ending in 던 ("지난달 17일 방문해 의향서를
/// 교환했던 퀴논시의 대표단이 … 체결한다"), or "…한 바 있다" ("이에 앞서 …
/// 교류협정을 체결한 바 있다"), comes before the sentence's own verb.
fn told_before(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .split_whitespace()
        .take(12)
        .map(|w| w.trim_end_matches([',', '.', '"', '”']))
        .collect();
    for (k, w) in words.iter().enumerate() {
        let done = *w == "바" && words.get(k + 1).is_some_and(|n| n.starts_with('있'));
        if w.ends_with('던') || done {
            return true;
        }
        if w.ends_with('다') || w.ends_with("다고") || w.ends_with("으며") || w.ends_with("했고")
        {
            return false;
        }
    }
    false
}

/// Whether a sentence is told in the past tense: "… 서명했다.", and for
/// reported speech the reported verb ("체결했다고 밝혔다", not "출장길에
/// 오른다고 26일 발표했다").
fn past(s: &str) -> bool {
    const PAST: &[&str] = &[
        "했다", "었다", "였다", "됐다", "졌다", "혔다", "났다", "렸다", "왔다", "갔다",
    ];
    let told = match s.rfind("다고 ") {
        Some(at) => &s[..at + "다".len()],
        None => s.trim_end_matches(['.', ' ', '"', '”', '’', '\'']),
    };
    PAST.iter().any(|w| told.ends_with(w))
}

/// Whether a sentence reports something still to come: "…방문해 … 나선다",
/// "…개최할 예정이다".
fn future(s: &str) -> bool {
    let s = s.trim_end_matches(['.', ' ']);
    [
        "나선다",
        "예정이다",
        "계획이다",
        "한다",
        "연다",
        "갖는다",
        "방침이다",
        "개최된다",
        "열린다",
    ]
    .iter()
    .any(|w| s.ends_with(w))
}

/// A record id: the start date and the first words of the title.
fn id_for(d: &Draft) -> String {
    let date = d
        .start
        .as_ref()
        .map_or("undated".to_string(), |s| s.value.to_string());
    let words: Vec<String> = d
        .title
        .as_ref()
        .map(|t| t.value.as_str())
        .unwrap_or("event")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_lowercase)
        .collect();
    let slug = words.join("-");
    let slug: String = slug.chars().take(60).collect();
    format!(
        "{date}-{}",
        if slug.is_empty() {
            "event".into()
        } else {
            slug
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An outcome's sum, as a number.
    fn sum(o: &DraftOutcome) -> Option<f64> {
        o.amount.as_ref().map(|a| a.value.value)
    }

    /// The type and status of a sentence's first outcome.
    fn kind_and_status(s: &str) -> (OutcomeType, OutcomeStatus) {
        let o = outcomes(s, false);
        let first = o.first().unwrap_or_else(|| panic!("no outcome in {s}"));
        (first.kind.value, first.status.value)
    }

    /// The drafts of `text`, published on `date`, with the sample data's
    /// taxonomies.
    fn draft(text: &str, date: &str) -> Vec<Draft> {
        let taxonomy = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
        let g = Gazetteer::new(&taxonomy);
        let published = Published {
            date: FuzzyDate::parse(date).expect("date"),
            quote: None,
        };
        events(
            &super::super::page::read(text),
            Some(&published),
            &taxonomy,
            &g,
        )
    }

    /// A session held on a day of the event is part of it: its results
    /// are the event's, not another draft's.
    #[test]
    fn a_session_within_the_event_is_no_other_event() {
        let text = "창원시는 5일부터 7일까지 창원컨벤션센터에서 열린 수출상담회를 마무리했다고 9일 밝혔다.\n\n\
                    지난 7일 열린 1:1 수출상담회에서는 MOU 체결 8건 등 실질적 성과를 거뒀다.\n\n\
                    지난 2일 열린 사전 설명회에는 기업 40곳이 참여했다.";
        let d = draft(text, "2025-11-09");
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].outcomes.len(), 1, "{:#?}", d[0].outcomes);
        assert_eq!(d[0].outcomes[0].count.as_ref().map(|c| c.value), Some(8));
        assert_eq!(
            d[1].start.as_ref().map(|s| s.value.to_string()).as_deref(),
            Some("2025-11-02")
        );
    }

    /// A Korean city named only as the hall's city of a Korean body's
    /// event is no party; a city holding its own event still is.
    #[test]
    fn the_hall_city_is_no_party() {
        let ids = |text: &str| -> Vec<String> {
            let d = draft(text, "2015-06-17");
            d[0].hosts
                .iter()
                .chain(&d[0].partners)
                .map(|c| c.value.clone())
                .collect()
        };
        let got =
            ids("충남도는 16일 오후 서울 하얏트호텔에서 독일 부품회사와 투자협약을 체결했다.");
        assert!(!got.contains(&"kr-seoul".to_string()), "{got:?}");
        assert!(got.contains(&"kr-chungnam".to_string()), "{got:?}");
        let got = ids("서울시는 16일 서울 포시즌스호텔에서 중국 대표단과 포럼을 열었다.");
        assert!(got.contains(&"kr-seoul".to_string()), "{got:?}");
        // "광주시장" of a text about 광주: the metropolitan city's mayor.
        let got = ids("강기정 광주시장이 7일 중국 광저우에서 ‘광주 매력’을 알렸다.");
        assert!(got.contains(&"kr-gwangju".to_string()), "{got:?}");
        assert!(!got.contains(&"kr-gyeonggi-gwangju".to_string()), "{got:?}");
        let got = ids("경기 광주시는 7일 중국 광저우시와 협약을 맺었다.");
        assert!(got.contains(&"kr-gyeonggi-gwangju".to_string()), "{got:?}");
        // A hall named after a place abroad: no party, and not abroad.
        let d = draft(
            "강원특별자치도는 14일 강릉 세인트존스 호텔에서 수출상담회를 열었다.",
            "2023-11-14",
        );
        let hosts: Vec<&str> = d[0].hosts.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(hosts, ["kr-gangwon"], "{d:#?}");
        assert!(d[0].partners.is_empty(), "{:?}", d[0].partners);
    }

    /// A Korean town named as a firm's is no party.
    #[test]
    fn a_firms_town_is_no_party() {
        let d = draft(
            "전남도는 12일 말레이시아 식품박람회에서 바이오테크(목포), 산들촌(담양)이 126만 달러의 계약을 체결했다고 밝혔다.\n\n\
             익산시 (주)코엔원과 남원시(유)미와미도 참가했다.",
            "2012-07-15",
        );
        let ids: Vec<&str> = d[0].hosts.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(ids, ["kr-jeonnam"], "{:?}", d[0].hosts);
    }

    /// A span of days in the lead dates the event even where its verb is
    /// none the drafter knows; a dated signing later is a day within.
    #[test]
    fn a_span_in_the_lead_dates_the_event() {
        let text = "경북도 대표단은 지난달 28일부터 4일까지 UAE 시장 개척 활동을 펼치고 있다.\n\n\
                    지난달 30일 두바이에서는 할랄식품 수입회사와 업무협약을 체결했다.";
        let d = draft(text, "2019-11-01");
        assert_eq!(d.len(), 1, "{d:#?}");
        let day = |c: &Option<Cited<FuzzyDate>>| c.as_ref().map(|c| c.value.to_string());
        assert_eq!(day(&d[0].start).as_deref(), Some("2019-10-28"));
        assert_eq!(day(&d[0].end).as_deref(), Some("2019-11-04"));
        assert_eq!(d[0].outcomes.len(), 1);
        // The last day and a length in days, in figures or in words; ties
        // made "각각 자매결연했다" are signed.
        let d = draft(
            "경북도 관계자들이 지난 24일까지 나흘간 자매결연한 중국 하남성을 방문했다.\n\n\
             경북경찰청은 하남성 공안청, 안동대는 정주대와 각각 자매결연했다.",
            "2001-05-26",
        );
        assert_eq!(day(&d[0].start).as_deref(), Some("2001-05-21"));
        assert_eq!(day(&d[0].end).as_deref(), Some("2001-05-24"));
        let statuses: Vec<_> = d[0].outcomes.iter().map(|o| o.status.value).collect();
        assert_eq!(statuses, [OutcomeStatus::Signed], "{:#?}", d[0].outcomes);
        // A first day and a length.
        let d = draft(
            "지난 1일부터 1박 2일간의 일정으로 남해를 찾은 교류단은 부시장 등 12명이다.",
            "2018-06-03",
        );
        assert_eq!(day(&d[0].start).as_deref(), Some("2018-06-01"));
        assert_eq!(day(&d[0].end).as_deref(), Some("2018-06-02"));
    }

    /// The day of a report dates the event when the article says it was
    /// that day (이날) or the day before (전날).
    #[test]
    fn the_day_of_the_report_and_the_day_before() {
        let day = |d: &[Draft]| d[0].start.as_ref().map(|c| c.value.to_string());
        let d = draft(
            "27일 전북도에 따르면 21개국 외교관 30여명은 전날 초청행사를 통해 전주를 찾았다.\n\n\
             이들은 1박2일 일정으로 진행되는 행사에서 내년 협력을 논의했다.",
            "2026-02-27",
        );
        assert_eq!(day(&d).as_deref(), Some("2026-02-26"), "{d:#?}");
        let note = d[0]
            .date_note
            .as_ref()
            .map(|n| n.0.clone())
            .unwrap_or_default();
        assert!(note.contains("전날"), "{note}");
        let d = draft(
            "6일 부산시에 따르면 올해로 15회째를 맞은 이날 행사에는 80여명이 참석할 예정이다.",
            "2024-12-06",
        );
        assert_eq!(day(&d).as_deref(), Some("2024-12-06"), "{d:#?}");
        // The day that opens a sentence closed by its report.
        let d = draft(
            "26일 전북도는 김 지사가 지난 25일 LA 한남체인 그룹과 업무협약을 체결했다고 밝혔다.",
            "2022-09-26",
        );
        assert_eq!(day(&d).as_deref(), Some("2022-09-25"), "{d:#?}");
    }

    /// Documents to be exchanged are planned.
    #[test]
    fn exchanges_to_come() {
        let o = outcomes(
            "대표단은 일본 도쿠시마현을 찾아 교류 확대를 약속하는 양해각서를 주고받는다고 22일 밝혔다.",
            false,
        );
        let st: Vec<_> = o.iter().map(|o| o.status.value).collect();
        assert_eq!(st, [OutcomeStatus::Planned], "{o:#?}");
    }

    /// Contracts under review, a treaty between states, an earlier trip's
    /// results and a tally of ties are no outcomes of the event.
    #[test]
    fn reviews_treaties_earlier_trips_and_tallies() {
        for s in [
            "이로써 충남도의 중국 내 자매결연 체결 자치단체는 허베이성과 함께 모두 3곳으로 늘었다.",
            "9개사 부스에는 바이어가 방문해 계약검토 177건 1000만 달러의 수출상담실적을 올렸다.",
            "한-말레이시아 자유무역협정(FTA) 타결 추진 등 협력에 속도를 내기로 약속했다.",
            "앞서 시는 해당 지역에 무역사절단을 파견해 19건의 업무협약(MOU) 체결 성과를 거뒀다.",
        ] {
            let o = outcomes(s, false);
            assert!(o.is_empty(), "{s}: {o:#?}");
        }
    }

    /// "…한 바 있다" tells what was done before the event.
    #[test]
    fn a_document_done_before_is_no_outcome() {
        let text = "부산시는 지난달 30일 블라디보스토크시와 협정을 체결했다.\n\n\
                    이에 앞서 부산시는 지난달 21일 사할린주와 교류협정을 체결한 바 있다.";
        let d = draft(text, "2012-07-03");
        assert_eq!(d[0].outcomes.len(), 1, "{:#?}", d[0].outcomes);
    }

    /// Documents named in someone's words are remarks on results, or
    /// hopes: the result is the one the article tells.
    #[test]
    fn documents_in_a_remark_are_no_outcomes() {
        let text = "전남도는 최근 인도 뉴델리에 시장개척단을 파견해 218만 달러 수출 협약을 체결했다고 14일 밝혔다.\n\n\
                    박호 대사는 “수출계약을 체결한 기업들이 실제 수출로 이어지도록 지원하고, \
                    상담성과가 예상된 기업들도 수출계약이 체결되도록 협력하겠다”고 말했다.";
        let d = draft(text, "2020-02-14");
        let kinds: Vec<_> = d[0].outcomes.iter().map(|o| o.kind.value).collect();
        assert_eq!(kinds, [OutcomeType::Agreement], "{:#?}", d[0].outcomes);
    }

    /// A contract made on the spot is concluded whatever verb closes the
    /// list; the talks' sum beside it is no outcome.
    #[test]
    fn on_the_spot_contracts_among_results() {
        let o = outcomes(
            "상담회에는 30개사가 참가한 가운데 상담 179건, 40만 달러의 현장계약, 585만달러의 수출상담 등의 성과를 거뒀다.",
            false,
        );
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].kind.value, OutcomeType::Contract);
        assert_eq!(o[0].status.value, OutcomeStatus::Signed);
        assert_eq!(sum(&o[0]), Some(400_000.0));
        let o = outcomes(
            "바이어 275개사가 참여해 현장계약 3881만 달러의 성과를 거뒀다.",
            false,
        );
        assert_eq!(o.len(), 1, "{o:#?}");
        let o = outcomes(
            "바이어와 상담한 결과 상담 3천300만 달러, 계약추진 1천600만 달러, 현지계약 200만 달러 등의 성과를 거뒀다.",
            false,
        );
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(sum(&o[0]), Some(2_000_000.0));
        // "394만4천여달러": a little over, still the sum.
        let o = outcomes(
            "바이어 180여명과 394만4천여달러의 수출계약을 체결했다.",
            false,
        );
        let a = o[0].amount.as_ref().expect("amount");
        assert_eq!((a.value.value, a.value.approximate), (3_944_000.0, true));
        // Contracts achieved are signed.
        let o = outcomes(
            "54건의 수출 상담을 통해 211억원의 수출 계약을 달성했다.",
            false,
        );
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].status.value, OutcomeStatus::Signed);
        // Orders won are contracts.
        assert_eq!(
            kind_and_status("시장개척단이 베트남에서 2천700만달러의 수출물량을 발주받았다."),
            (OutcomeType::Contract, OutcomeStatus::Signed)
        );
        let o = outcomes(
            "호치민에서 수출상담회를 갖고 2천700만달러어치를 수주했다.",
            false,
        );
        assert_eq!(o[0].kind.value, OutcomeType::Contract);
        // Without a sum, a contract named in passing is not one concluded.
        assert!(outcomes("현장계약을 위한 상담이 이어졌다.", false).is_empty());
    }

    #[test]
    fn outcomes_with_counts_amounts_and_tense() {
        let s = "대웅제약은 미국 Auditum Bio社와의 신약 후보물질 기술수출 계약을 체결했으며, 카카오헬스케어는 Google과 AI를 활용한 바이오 기술협력 MOU를 체결했고, 지엠에스헬스케어는 Westcarb Enterprises와 실험실용 냉장고를 납품하기 위한 최대 2천만 달러 규모의 MOU를 체결하는 등 총 9건의 바이오 분야 MOU도 체결됐다.";
        let o = outcomes(s, false);
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].kind.value, OutcomeType::Mou);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(9));
        let a = o[0].amount.as_ref().expect("amount");
        assert_eq!(
            (a.value.value, a.value.qualifier),
            (20_000_000.0, crate::model::AmountQualifier::UpTo)
        );
        // A past-tense clause goes on without a comma: three outcomes.
        let three = outcomes(
            "사절단은 모스크바에서 23건을 가계약해 163만달러를 확보했으며 바르샤바에서는 43만달러 규모의 가계약 15건을, 부다페스트에서는 60만달러 규모의 가계약 21건을 체결했다.",
            false,
        );
        let counts: Vec<Option<i64>> = three
            .iter()
            .map(|o| o.count.as_ref().map(|c| c.value))
            .collect();
        assert_eq!(counts, [Some(23), Some(15), Some(21)], "{three:#?}");
        // Figures of talks, a contract's likelihood and the ground laid
        // for contracts are no documents.
        for s in [
            "10개 기업에 계약 체결 상담액 1578만 달러, 1년 내 계약추진액 552만 달러 등 구매의사를 확인했다.",
            "도는 이 가운데 계약 체결 가능성이 높은 55개 기업을 선별해 상담회에 초청했다.",
            "샘플 주문을 받으며 계약 체결의 토대를 마련했다.",
        ] {
            let o = outcomes(s, false);
            assert!(o.is_empty(), "{s}: {o:#?}");
        }
        // A letter of intent is typed as an MOU; one exchanged before is
        // passed over for the document of this event.
        let loi = outcomes("9건의 구매의향서를 체결했다.", false);
        assert_eq!(loi[0].kind.value, OutcomeType::Mou);
        // Contracts talked about are passed over for the MOUs signed.
        // (text, its one outcome's type, status and count)
        let cases = [
            (
                "지난달 방문해 우호교류의향서를 교환했던 퀴논시의 대표단이 14일 협정을 체결한다.",
                OutcomeType::Agreement,
                OutcomeStatus::Planned,
                None,
            ),
            (
                "사절단이 총 121건 2716만 달러 수출계약을 상담하고 5건의 수출 MOU를 체결했다.",
                OutcomeType::Mou,
                OutcomeStatus::Signed,
                Some(5),
            ),
        ];
        for (text, kind, status, count) in cases {
            let o = outcomes(text, false);
            assert_eq!(o.len(), 1, "{text}: {o:#?}");
            assert_eq!(o[0].kind.value, kind, "{text}");
            assert_eq!(o[0].status.value, status, "{text}");
            assert_eq!(o[0].count.as_ref().map(|c| c.value), count, "{text}");
        }
        // Firms counted in another item of a list count no documents.
        let one = outcomes(
            "태국 진출 8개 기업 법인장 간담회, 경남도-방콕시 양해각서 체결 일정을 소화했다.",
            false,
        );
        assert!(one.iter().all(|o| o.count.is_none()), "{one:#?}");
        // An investment MOU signed is an outcome without an amount; results
        // achieved are signed; the firms that act count no documents.
        let mou = outcomes("경북도는 이 같은 내용의 투자양해각서에 서명했다.", false);
        assert_eq!(mou.len(), 1, "{mou:#?}");
        let done = outcomes(
            "40개 기업이 2528만 달러의 상담액과 279만 달러의 수출계약 실적을 거뒀다.",
            false,
        );
        assert_eq!(done.len(), 1, "{done:#?}");
        assert_eq!(done[0].status.value, OutcomeStatus::Signed);
        assert!(done[0].count.is_none());
        assert_eq!(sum(&done[0]), Some(2_790_000.0));
        let planned = outcomes(
            "퀘벡주 경제 장관과 정부 간 연구혁신 협력 협약을 체결한다.",
            false,
        );
        assert_eq!(planned[0].status.value, OutcomeStatus::Planned);
        let expected = outcomes(
            "벤처·스타트업들은 약 1,500만 달러 이상의 투자 자금을 유치할 것으로 기대하고 있다.",
            false,
        );
        assert_eq!(expected[0].kind.value, OutcomeType::Investment);
        assert_eq!(expected[0].status.value, OutcomeStatus::Expected);
        let a = &expected[0].amount.as_ref().expect("amount").value;
        assert!(
            a.approximate && a.expected && a.qualifier == crate::model::AmountQualifier::AtLeast
        );
        assert_eq!(
            kind_and_status(
                "3국은 바이오헬스케어와 AI 분야 협력을 위해 지속적인 교류를 이어가기로 합의했다."
            ),
            (OutcomeType::Agreement, OutcomeStatus::Agreed)
        );
    }

    /// An outcome's amount is the one written for it, not the first of its
    /// sentence nor a conversion in brackets.
    #[test]
    fn an_outcome_takes_the_amount_written_for_it() {
        let amount = |s: &str| {
            let o = outcomes(s, false);
            o.first()
                .and_then(|o| o.amount.as_ref())
                .map(|a| a.value.value)
        };
        let s = "600만 달러 수출상담 실적을 올렸고 현지 업체와 총 60만 달러의 MOU를 체결했다.";
        assert_eq!(amount(s), Some(600_000.0));
        let s = "두 업체와 각 600만달러씩 총 1200만달러의 양해각서(MOU)를 체결했다.";
        assert_eq!(amount(s), Some(12_000_000.0));
        let s = "바이어와 550만 달러어치(한화 약 71억원)의 수출협약을 맺었다.";
        assert_eq!(amount(s), Some(5_500_000.0));
        let s = "업무협약을 체결했으며 투자 규모는 500만 달러다.";
        assert_eq!(amount(s), Some(5_000_000.0));
        let s = "사절단이 상담실적 3천564만달러(415억원), 계약 649만달러(75억원)를 체결했다.";
        assert_eq!(amount(s), Some(6_490_000.0));
        let s = "바이어가 참관해 215만5000달러 규모의 수출 계약이 성사됐다.";
        assert_eq!(amount(s), Some(2_155_000.0));
        // Talks, past their conversion, are no outcome's amount; a list
        // ending in talks does not make the next amount theirs.
        let s = "이런 확정 계약을 포함해 모두 744만8천달러(86억원) 규모 상담이 이뤄졌다.";
        assert_eq!(amount(s), None);
        let s = "400여 건의 수출 상담과 4500만달러 규모의 수출계약이 성사됐다.";
        assert_eq!(amount(s), Some(45_000_000.0));
    }

    /// The count is the one written for the documents: "(9건)" before
    /// them, not the talks counted first.
    #[test]
    fn an_outcome_takes_the_count_written_for_it() {
        let s = "총 78건, 1304만 달러의 수출 상담을 진행하고 485만 달러(9건)의 수출 업무협약(MOU)을 체결했다.";
        let o = outcomes(s, false);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(9), "{o:#?}");
        // A count of talks joined to the document is not its count.
        let o = outcomes(
            "사절단은 총 219건, 6360만 달러 규모의 수출상담 성과와 480만 달러의 업무협약(MOU)을 체결했다.",
            false,
        );
        assert_eq!(o.len(), 1, "{o:#?}");
        assert!(o[0].count.is_none(), "{:?}", o[0].count);
        assert_eq!(sum(&o[0]), Some(4_800_000.0));
        let o = outcomes("업체 5곳(6건)과 MOU를 체결했다.", false);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(6));
        let o = outcomes("현지 기업과 MOU 3건을 체결했다.", false);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(3));
        // Firms that take part, or among which some signed, count nothing.
        for s in [
            "수출기업 6개사와 일본 바이어 4개사가 참여한 가운데 수출 계약식을 가졌다.",
            "참가기업 7개사 중 A사가 사우디에서 104만 달러의 계약을 체결했다.",
        ] {
            let o = outcomes(s, false);
            assert_eq!(o.len(), 1, "{o:#?}");
            assert!(o[0].count.is_none(), "{s}: {:?}", o[0].count);
        }
        let o = outcomes("독일 및 이스라엘 2개 기업과 투자협약을 체결했다.", false);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(2));
    }

    /// General words count as sectors only in a list of areas: dots and
    /// "각계 분야" make a list; makers, exporting firms and "양 도시" do not.
    #[test]
    fn sectors_from_lists_not_from_firms() {
        let taxonomy = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
        let g = Gazetteer::new(&taxonomy);
        let published = Published {
            date: FuzzyDate::parse("2023-10-23").expect("date"),
            quote: None,
        };
        let sectors = |body: &str| {
            let text = format!("양주시 자매결연\n\n양주시는 지난 20일 협약을 체결했다. {body}");
            let page = super::super::page::read(&text);
            let drafts = events(&page, Some(&published), &taxonomy, &g);
            let mut ids: Vec<String> = drafts[0].sectors.iter().map(|c| c.value.clone()).collect();
            ids.sort();
            ids
        };
        assert_eq!(
            sectors("공항, 항만 등 물류.관광.환경 분야에 대해 교류를 증진한다."),
            ["culture", "energy"]
        );
        assert_eq!(
            sectors("경제, 문화, 체육, 교육, 행정 등 각계 분야에서 교류를 확대한다."),
            ["administration", "culture", "economy", "education"]
        );
        assert!(
            sectors("소재 제조업체인 U사와 21개 수출업체, 외국인 투자기업이 참가해 양 도시 교류가 늘었다.")
                .is_empty()
        );
        assert_eq!(
            sectors("스마트제조, 관광 분야 협력을 약속했다."),
            ["culture", "robotics"]
        );
        assert_eq!(
            sectors("행정·문화·교육 등 기관 범위 내 협력 분야에서 교류를 강화한다."),
            ["administration", "culture", "education"]
        );
        // A firm's name, and a side's own industries shown to the other.
        assert!(sectors("참가 기업은 (주)DHP제약, 현대케미칼(주) 등이다.").is_empty());
        assert_eq!(
            sectors(
                "시는 방위, 원전, 수소 산업을 소개하였으며, 양 시는 경제·문화 등의 교류에 합의했다."
            ),
            ["culture", "economy"]
        );
        // Lists that end in the exchange itself, goods sold, or "각종 분야".
        assert_eq!(
            sectors("협정서에는 문화, 교육, 산업, 행정, 광범위한 교류를 담았다."),
            ["administration", "culture", "education"]
        );
        assert_eq!(
            sectors("무역·투자·기술교류 등 상호 업무 협력에 관한 협약을 맺었다."),
            ["economy"]
        );
        assert_eq!(
            sectors("교육, 문화, 체육 등 각종 분야별로 교류한다."),
            ["culture", "education"]
        );
        // One item after a comma before the exchange; dot leaders; "등
        // 다양하고 포괄적인 교류".
        assert_eq!(
            sectors("경제, 문화, 교육, 행정 교류를 중심으로 협의한다."),
            ["administration", "culture", "economy", "education"]
        );
        assert_eq!(
            sectors("과학․문화․교육 등 다양한 분야에서 교류한다."),
            ["culture", "education", "science"]
        );
        assert_eq!(
            sectors("통상, 문화, 관광 등 다양하고 포괄적인 교류를 추진한다."),
            ["culture", "economy"]
        );
        // The tie itself is no field.
        assert!(sectors("양 도시는 이번 우호교류 협력으로 자매결연 교류를 넓힌다.").is_empty());
        // Items of a few words, or with figures, before "등 다양한 교류".
        assert_eq!(
            sectors("문화, 관광, 한국어 교육 지원 등 다양한 교류 방안을 논의했다."),
            ["culture", "education"]
        );
        assert_eq!(
            sectors("관광산업, 신재생에너지, 1차산업 등 교류 추진"),
            ["culture", "energy"]
        );
        // Goods of a field are a sector wherever they are named.
        assert_eq!(
            sectors("하동군 농수산물 세일즈단이 LA를 찾았다."),
            ["agrifood"]
        );
        assert_eq!(sectors("농업 기술을 배웠다."), Vec::<&str>::new());
        assert_eq!(
            sectors("양 도시는 행정·경제·문화 등 전 분야에서 협력한다."),
            ["administration", "culture", "economy"]
        );
        assert_eq!(
            sectors("식품, 섬유, 기계부품 수출 유망 기업이 참가했다."),
            ["agrifood"]
        );
        assert_eq!(sectors("중국 식품시장 동향을 파악했다."), ["agrifood"]);
        assert_eq!(
            sectors("향후 행정·경제·문화 교류에 대한 협약을 맺었다."),
            ["administration", "culture", "economy"]
        );
        assert_eq!(
            sectors(
                "두 도시는 △경제 △과학기술 △교통 △한글 및 키릴 문자 교육 △정원산업 등 다양한 분야에서 협력한다."
            ),
            ["administration", "economy", "education", "science"]
        );
        assert_eq!(
            sectors("경제・교육・관광 등 양 시의 다양한 분야의 발전을 위해"),
            ["culture", "economy", "education"]
        );
        // A field named once in passing is not one.
        assert!(sectors("행사에는 문화 공연이 이어졌다.").is_empty());
    }

    /// "수출계약 MOU" is an MOU (the last noun is the head); "1억 달러의
    /// 투자를 약속했다" is an investment; a won amount the article gives as
    /// the conversion of another outcome's is the same outcome.
    #[test]
    fn outcome_types_and_conversions() {
        let o = outcomes("무역사절단이 88억원의 수출계약 MOU를 체결했다.", false);
        assert_eq!(o[0].kind.value, OutcomeType::Mou);
        let o = outcomes("MEMC사가 1억 달러의 투자를 약속했다.", false);
        assert_eq!(o[0].kind.value, OutcomeType::Investment);
        // The gloss in brackets names the document.
        let o = outcomes("62건 6,570만 달러 규모의 수출 협약(MOU)을 체결했다.", false);
        assert_eq!(o[0].kind.value, OutcomeType::Mou, "{o:#?}");
        // No document, but a sum invested and agreed.
        let o = outcomes(
            "한국남부발전은 합천군 삼가면에 2025년까지 1조5천억원을 투자해 발전단지를 조성하기로 했다.",
            false,
        );
        assert_eq!(o[0].kind.value, OutcomeType::Investment, "{o:#?}");
        // A delegation's name and a tie that describes a place are no
        // documents: the count is the firms' signing.
        let o = outcomes(
            "도 투자유치단은 시카고, 워싱턴을 돌며 부품 등을 생산하는 5개 기업과 1억5000만 달러 상당의 투자협약을 체결한다.",
            false,
        );
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(5));
        assert!(
            outcomes(
                "또 자매결연 지역인 버지니아주 주지사와 면담을 하고 협력 방안을 논의한다.",
                false
            )
            .is_empty()
        );
        // What follows from a document told before is no document.
        assert!(
            outcomes(
                "협약에 따라 두 구는 내년 하반기 기념식을 열 계획이다.",
                false
            )
            .is_empty()
        );
        let body = [
            "무역사절단이 88억원의 수출계약 MOU를 체결했다.".to_string(),
            "MOU가 체결된 건수는 9건으로 미화 740만달러, 한화로는 88억원대 규모 성과를 거뒀다."
                .to_string(),
        ];
        let body: Vec<(usize, &String)> = body.iter().enumerate().collect();
        assert_eq!(conversions(&body), [8_800_000_000.0]);
        let mut o: Vec<DraftOutcome> = body.iter().flat_map(|(_, s)| outcomes(s, false)).collect();
        assert_eq!(o.len(), 2, "{o:#?}");
        drop_conversions(&mut o, &body);
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(sum(&o[0]), Some(7_400_000.0));
    }

    /// The home side at one level: the lead's subject, not its province
    /// nor the cities inside it; a city and a state of one name once.
    #[test]
    fn the_home_side_at_one_level() {
        let taxonomy = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
        let g = Gazetteer::new(&taxonomy);
        let published = Published {
            date: FuzzyDate::parse("2010-02-04").expect("date"),
            quote: None,
        };
        let places = |text: &str| {
            let page = super::super::page::read(text);
            let d = &events(&page, Some(&published), &taxonomy, &g)[0];
            let hosts: Vec<&str> = d.hosts.iter().map(|c| c.value.as_str()).collect();
            let partners: Vec<&str> = d.partners.iter().map(|c| c.value.as_str()).collect();
            (hosts.join(" "), partners.join(" "))
        };
        let (hosts, _) = places(
            "하동군 오스트리아 방문\n\n경남 하동군은 지난 2일 오스트리아를 방문해 협약을 체결했다고 4일 밝혔다. 경남도와 함께 추진했다.",
        );
        assert_eq!(hosts, "kr-gyeongnam-hadong");
        let (hosts, _) = places(
            "충남도, 외자 유치\n\n충남도가 지난 2일 미국 업체와 천안지역에 공장을 신설하는 투자협약을 체결했다고 4일 밝혔다.",
        );
        assert_eq!(hosts, "kr-chungnam");
        let (_, partners) = places(
            "용인시 독일 방문\n\n용인시는 지난 2일 독일 베를린을 방문해 국제가전박람회(IFA Berlin)를 참관했다고 4일 밝혔다.",
        );
        assert_eq!(
            partners.split(' ').filter(|p| p.starts_with("de-")).count(),
            1,
            "{partners}"
        );
    }

    /// A list of results is one outcome per result; talks, deals still
    /// pursued and a conversion are not results of their own.
    #[test]
    fn a_list_of_results() {
        let s = "이를 통해 총 수출상담액 약 337억원, 계약 추진액 약 158억원, 실수출계약 3건(약 80억 원), 기업간 MOU 24건 체결 등의 성과를 거뒀다.";
        let o = outcomes(s, false);
        let got: Vec<(OutcomeType, Option<i64>)> = o
            .iter()
            .map(|o| (o.kind.value, o.count.as_ref().map(|c| c.value)))
            .collect();
        assert_eq!(
            got,
            [
                (OutcomeType::Contract, Some(3)),
                (OutcomeType::Mou, Some(24))
            ]
        );
        assert_eq!(sum(&o[0]), Some(8_000_000_000.0));
        let s = "MOU가 체결된 건수는 9건으로 미화 740만달러, 한화로는 88억원대규모 수출계약 성과를 거뒀다.";
        assert_eq!(outcomes(s, false).len(), 1);
    }

    /// Places in background sentences (earlier ties, what a place is
    /// like) are no parties; the lead's are.
    #[test]
    fn background_sentences_name_no_partner() {
        let partners = |text: &str| -> Vec<String> {
            draft(text, "2022-02-15")[0]
                .partners
                .iter()
                .map(|c| c.value.clone())
                .collect()
        };
        let text = "평택시, 땀끼시와 협정\n\n경기 평택시는 14일 베트남 땀끼시와 우호교류 협정을 체결했다. \
                    땀끼시는 베트남 중부 지방에 위치한 인구 16만명의 도시로 호치민과 하노이를 연결한다. \
                    시는 2004년 일본 마쯔야마시와 우호교류 협정을 체결한 이후 2021년 몽골 토브아이막과 협정을 맺었다.";
        assert_eq!(partners(text), ["vn"]);
        for (s, year, told) in [
            ("보고르군은 자카르타 남서쪽 자바에 있다.", 2019, true),
            (
                "루마니아·독일·헝가리 3국의 민족 문화가 혼합돼 있으며, 스키로 유명한 틈파산이 자리잡고 있다.",
                2021,
                true,
            ),
            (
                "세종시는 지난 15일 브라쇼브시와 영상회의를 했다.",
                2021,
                false,
            ),
            (
                "파주시는 현재 중국, 일본, 호주 등 6개국 8개 도시와 자매결연을 체결하고 활발히 교류하고 있으며",
                2009,
                true,
            ),
            (
                "우선 자매결연을 맺은 곳은 미국 하와이주, 러시아 사할린주 등 6곳이다.",
                2022,
                true,
            ),
            (
                "이로써 여주의 자매 도시는 8개 (서울 송파구, 충남 아산시)로 늘어났다.",
                2024,
                true,
            ),
            (
                "도와 우호교류를 맺고 있는 짐바브웨 중앙마쇼날랜드주에서도 옵저버로 참여한다.",
                2017,
                false,
            ),
        ] {
            assert_eq!(background(s, Some(year)), told, "{s}");
        }
        // Places someone only speaks of are no parties.
        let at = |s: &str, w: &str| s.find(w).expect("word");
        let s = "군 관계자는 \"영동군은 필리핀, 베트남에 이어";
        assert!(quoted(s, at(s, "베트남")));
        let s = "그는 “베트남에 이어";
        assert!(quoted(s, at(s, "베트남")));
        let s = "‘2026 여수세계섬박람회’에 필리핀 세부가";
        assert!(!quoted(s, at(s, "필리핀")));
        // A Korean body holding a meeting abroad is the host, whatever the
        // venue: the venue's places are not who held it.
        let text = "한-불 교류회의\n\n전국시도지사협의회는 5일 프랑스 파리에서 '한-불 지자체 교류회의'를 개최한다.";
        assert_eq!(partners(text), ["fr-paris"]);
    }

    /// A total is dropped for the parts that add up to it: all the others,
    /// or the last ones before it.
    #[test]
    fn totals_give_way_to_their_parts() {
        let amounts = |s: &str| {
            let mut o: Vec<DraftOutcome> = s.split(". ").flat_map(|x| outcomes(x, false)).collect();
            drop_totals(&mut o);
            o.iter().filter_map(sum).collect::<Vec<f64>>()
        };
        assert_eq!(
            amounts(
                "A사와 500억원 투자협약을 체결했다. B사와 200억원 투자협약을 체결했다. 이로써 총 700억원의 투자협약을 맺었다. C사와는 1300억원 투자협약을 맺었다."
            ),
            [50_000_000_000.0, 20_000_000_000.0, 130_000_000_000.0]
        );
        assert_eq!(
            amounts(
                "2억2000만달러 규모의 MOU를 체결했다. A사와 1억달러 MOU를 맺었다. B사와 1억2000만달러 MOU를 맺었다."
            ),
            [100_000_000.0, 120_000_000.0]
        );
    }

    #[test]
    fn an_outcome_dated_to_an_earlier_year_is_history() {
        assert!(history(
            "양 도시는 지난 1999년 우호교류협정을 체결한 이후",
            Some(2017)
        ));
        assert!(!history("2017년 우호교류협정을 체결했다", Some(2017)));
        assert!(!history("우호교류협정을 체결했다", Some(2017)));
    }

    #[test]
    fn an_outcome_told_twice_is_one() {
        let all = |body: &[&str]| -> Vec<DraftOutcome> {
            body.iter().flat_map(|s| outcomes(s, false)).collect()
        };
        let mut o = all(&[
            "괴산군이 256만 달러(약 33억원) 규모의 양해각서(MOU)를 체결했다고 20일 밝혔다.",
            "4개 업체가 현지 바이어와 10건의 MOU를 체결했다.",
        ]);
        assert_eq!(o.len(), 2);
        merge_restated(&mut o);
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(10));
        assert_eq!(sum(&o[0]), Some(2_560_000.0));
        // The lead and the body tell one sum; two firms of one sentence
        // may sign for the same sum.
        let mut o = all(&[
            "aT는 홍콩식품박람회에서 137만달러 상당의 업무협약(MOU)을 체결하는 성과를 거뒀다.",
            "사전 상담회가 현장 상담까지 이어지며 137만 달러 상당의 MOU 체결 성과가 이뤄지기도 했다.",
            "A사는 20만 달러, B사는 20만 달러의 수출 MOU를 체결했다.",
        ]);
        assert_eq!(o.len(), 4, "{o:#?}");
        drop_repeats(&mut o);
        let sums: Vec<_> = o.iter().filter_map(sum).collect();
        assert_eq!(sums, [1_370_000.0, 200_000.0, 200_000.0], "{o:#?}");
        // A sum achieved, told again with its count: one outcome, with the
        // count.
        let mut o = all(&[
            "농어촌공사는 박람회에서 950만달러(한화 약 130억원) 규모 업무협약 수출 성과를 거뒀다고 4일 밝혔다.",
            "이중 19건 업무협약이 현장에서 체결돼 950만 달러 규모의 수출성과로 이어질 전망이다.",
        ]);
        drop_repeats(&mut o);
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].status.value, OutcomeStatus::Signed);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(19), "{o:#?}");
        // The caption, the lead and the body tell one agreement.
        let mut o = all(&[
            "14일 우호협력도시 협약을 체결하는 오영훈 제주지사와 다마키 데니 오키나와현지사.",
            "제주특별자치도가 일본 오키나와현과 우호협력도시 협약을 체결했다.",
            "오영훈 제주지사는 14일 오후 오키나와현청에서 우호협력도시 협약 체결했다.",
        ]);
        assert_eq!(o.len(), 3, "{o:#?}");
        let review = drop_repeats(&mut o);
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(review.len(), 2, "{review:?}");
        // The telling kept is one whose verb the drafter knows, not the
        // caption's "체결하는".
        assert!(o[0].doubt.is_none(), "{o:#?}");
        assert!(review[0].contains("14일 우호협력도시 협약"), "{review:?}");
    }

    #[test]
    fn a_date_in_a_clause_about_something_earlier() {
        assert!(told_before(
            " 방문해 우호교류의향서를 교환했던 퀴논시의 대표단이 방문해 14일 협정을 체결한다."
        ));
        assert!(!told_before(" 양구군을 방문해 협정을 체결했다고 밝혔다."));
    }

    /// The day a quoted statement was made is not the event's.
    #[test]
    fn the_date_of_a_quoted_statement() {
        let text = "교류회의\n\n전남도는 21일 \"교류회의가 오는 9월7일부터 9일까지 영암군 현대호텔에서 열린다\"고 밝혔다.";
        let drafts = draft(text, "2006-08-21");
        let start = drafts[0].start.as_ref().map(|s| s.value.to_string());
        assert_eq!(
            start.as_deref(),
            Some("2006-09-07"),
            "{:#?}",
            drafts[0].start
        );
        // Figures counted up to a day, and a total told again.
        let text = "구미 수출계약\n\n구미시는 호주 멜버른에 파견한 무역사절단이 지난 20일 기준 146만불의 수출계약을 성사시켰다고 25일 밝혔다. \
                    무역사절단은 지난 8월25일부터 31일까지 추진됐다. \
                    그 결과 예상수출계약액을 넘긴 총146만불의 수출계약 성과를 거뒀다.";
        let drafts = draft(text, "2024-11-25");
        let start = drafts[0].start.as_ref().map(|s| s.value.to_string());
        assert_eq!(
            start.as_deref(),
            Some("2024-08-25"),
            "{:#?}",
            drafts[0].start
        );
        assert_eq!(drafts[0].outcomes.len(), 1, "{:#?}", drafts[0].outcomes);
        assert_eq!(drafts[0].outcomes[0].status.value, OutcomeStatus::Signed);
    }

    #[test]
    fn tense_of_a_sentence_and_of_reported_speech() {
        assert!(past("강원도는 31일 합의서에 서명했다."));
        assert!(past("협약을 체결했다고 5일 밝혔다."));
        assert!(!past("27일부터 유럽 출장길에 오른다고 26일 발표했다."));
        assert!(!past("오는 13일 협약을 체결한다."));
    }

    #[test]
    fn attendance_sums_groups() {
        let s = "이날 회의에 59개 단위 150여명 대표와 한국 경기도청 등 60여명 참석대표가 참석했다."
            .to_string();
        let a = attendance(&[(0, &s)]).expect("attendance");
        assert_eq!(a.value, (210, true));
        // Nobody is said to attend: the visiting delegation's size.
        let s = "쏨삭 태국 국회의장 등 50여명이 9일 대전시를 방문했다.".to_string();
        let a = attendance(&[(0, &s)]).expect("delegation");
        assert_eq!(a.value, (50, true));
        let s = "시의회 부의장과 기업인 8명 등 모두 17명이 동행한다.".to_string();
        assert!(attendance(&[(0, &s)]).is_none(), "no delegation named");
    }

    #[test]
    fn unknown_places_get_a_suggestion_and_kinds_stay_whole_words() {
        let taxonomy = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
        let g = Gazetteer::new(&taxonomy);
        let text = "대전시는 지난 3일 캐나다 퀘백주를 방문해 협약을 체결했다고 5일 밝혔다. 이날 행사에는 50여명이 참석했다.";
        let page = super::super::page::read(text);
        let published = Published {
            date: FuzzyDate::parse("2025-03-05").expect("date"),
            quote: None,
        };
        let drafts = events(&page, Some(&published), &taxonomy, &g);
        let d = &drafts[0];
        assert!(
            d.review
                .iter()
                .any(|r| r.contains("«퀘백주»") && r.contains("«퀘벡주»")),
            "{:?}",
            d.review
        );
        // "대전시는" holds "전시" (exhibition) but names no exhibition.
        assert_eq!(
            d.kind.as_ref().map(|k| k.value.as_str()),
            Some("mou-signing")
        );
        assert_eq!(
            d.start.as_ref().map(|s| s.value.to_string()).as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(d.attendance.as_ref().map(|a| a.value), Some((50, true)));
    }

    #[test]
    fn venue_words() {
        let v = venue(
            "충청광역연합은 2025년 3월 27일 목요일, 광역연합 회의실에서 ‘실무협의회’를 개최하였다.",
        )
        .expect("venue");
        assert_eq!(v.value, "광역연합 회의실");
        let v =
            venue("윤석열 대통령은 28일 미국 보스턴에서 라운드 테이블을 개최해").expect("venue");
        assert_eq!(v.value, "미국 보스턴");
    }
}
