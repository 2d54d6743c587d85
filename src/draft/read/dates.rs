//! The event's dates: which date of the article is the event's, its
//! span, and the tense of a sentence.

use std::sync::LazyLock;

use super::outcomes::document_type;
use super::{EventDate, Reader, event_verb, tells_history};
use crate::draft::when::Mention;
use crate::draft::{Cited, Draft, when};
use crate::model::FuzzyDate;
use regex::Regex;

impl Reader<'_> {
    fn year_ok(&self, m: &Mention) -> bool {
        match (m.explicit_year(), self.published) {
            (Some(y), Some(p)) => y >= p.date.date.year - 1,
            _ => true,
        }
    }

    /// The first date of the article that reports the event: in a sentence
    /// with an event verb, not a deadline or the start of something
    /// ongoing, not history. A day or month wins over a year alone, and
    /// a year after the report's ("2027년 … 하기로 했다") loses to the lead's
    /// date.
    pub(super) fn event_date(&self) -> Option<EventDate> {
        let mut month: Option<EventDate> = None;
        let mut year_only: Option<EventDate> = None;
        let mut reported: Option<EventDate> = None;
        if let Some(span) = self.lead_span() {
            return Some(span);
        }
        for (i, s) in self.sents.iter().enumerate() {
            if !event_verb(s) || tells_history(s) {
                continue;
            }
            // "22일 …에 따르면 김 지사는 전날 … 논의했다. … 다음달 22일부터
            // 27일까지 … 방문할 예정이다": once the report has dated the
            // event, a sentence about days still to come tells of another
            // occasion.
            if reported.as_ref().is_some_and(|(j, _, _)| *j < i) && future(s) {
                continue;
            }
            for m in self.dates[i].iter().cloned() {
                if m.until
                    && let Some(r) = self.until_for(s, &m)
                {
                    return Some(r);
                }
                if !self.may_start(s, &m) {
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
        self.without_day(reported.or(month), year_only)
    }

    /// Whether a date of an event sentence may start the event: not a
    /// deadline, history ("2001년부터 매년"), a year long past, or a day told
    /// as before; a first day does when the event lasts from it ("지난
    /// 17일부터 5박 6일간", "지난 27일부터 이날까지", "지난 17일부터 …
    /// 참석했고").
    fn may_start(&self, s: &str, m: &Mention) -> bool {
        let rest = after_from(s, m);
        let lasting = m.open_from
            && (DURATION.is_match(rest)
                || rest.starts_with("이날까지")
                || rest.starts_with("오늘까지")
                || m.day_given());
        !((m.open_from && !lasting) || m.until || !self.year_ok(m) || told_before(&s[m.end..]))
    }

    /// The event's date when no sentence gave it a day: the report's day or
    /// a month, else the lead's date, else a year alone (which the caller
    /// does not keep as a start). A year is most often another time than
    /// the event the lead dates ("양측은 2027년 … 대회의 성공적 개최 … 힘을
    /// 모으기로 했다", "올해 …").
    fn without_day(
        &self,
        found: Option<EventDate>,
        year_only: Option<EventDate>,
    ) -> Option<EventDate> {
        found.or_else(|| self.lead_date()).or(year_only)
    }

    /// A day a photo caption gives to an event verb ("▲안산시-필리핀
    /// 산페르난도시 27일 우호증진 협의서 체결"), for an article whose body
    /// gives the event no date of its own (it says only "이날", or
    /// nothing). A caption shows what has happened: a bare day later than
    /// the publication date is last month's.
    pub(super) fn caption_date(&self) -> Option<(when::Resolved, Mention)> {
        self.page
            .captions
            .iter()
            .filter(|c| event_verb(c))
            .find_map(|c| {
                when::mentions(c).into_iter().find_map(|m| {
                    if m.open_from || m.until || !self.year_ok(&m) || reporting_date(c, &m) {
                        return None;
                    }
                    // A caption shows what has been done.
                    let r = self.resolve_done(&m, true)?;
                    (r.start.precision == crate::model::Precision::Day).then_some((r, m))
                })
            })
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
        let that_day = rest.contains("이날") || self.later_this_day(i, &m);
        that_day.then_some((i, r, m))
    }

    /// Whether a "이날" in the sentences after the report's (`i`, its day
    /// `m`) is the report's day: not when a day of its own comes between,
    /// in a sentence before ("…했다고 16일 밝혔다. 구는 지난 15일 … 협약을
    /// 한 뒤 … 이날 열린 협약식에는") or in the report's own ("10일 양구군에
    /// 따르면 … 지난 9일 … 교환했다고 밝혔다. … 이날").
    fn later_this_day(&self, i: usize, m: &Mention) -> bool {
        let own_day = |j: usize, d: &Mention| {
            d.day_given() && self.year_ok(d) && !reporting_date(&self.sents[j], d)
        };
        if self.dates[i]
            .iter()
            .any(|d| d.start >= m.end && own_day(i, d))
        {
            return false;
        }
        (i + 1..(i + 4).min(self.sents.len()))
            .find_map(|j| {
                let dated = self.dates[j].iter().any(|d| own_day(j, d));
                match (dated, self.sents[j].find("이날")) {
                    (true, Some(at)) => Some(self.dates[j].iter().all(|d| d.start > at)),
                    (true, None) => Some(false),
                    (false, Some(_)) => Some(true),
                    (false, None) => None,
                }
            })
            .unwrap_or(false)
    }

    /// A span of days given whole in the first sentences ("지난달 28일부터
    /// 4일까지 … 활동을 펼치고 있다"), or its first day and its length: the
    /// event's, whatever the verb; not a span still to come after a
    /// document signed on a day of the lead.
    fn lead_span(&self) -> Option<EventDate> {
        let published = self.published.map(|p| p.date.date);
        self.sents.iter().enumerate().take(3).find_map(|(i, s)| {
            if tells_history(s) {
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
                let span = day && (whole || lasting);
                let to_come =
                    || published.is_some_and(|p| r.start.date > p) && self.signed_before(i);
                (span && !to_come()).then(|| (i, r, m.clone()))
            })
        })
    }

    /// Whether a sentence before sentence `i` told a document signed on a
    /// day (not its history, nor a send-off before a trip): after it, a
    /// span still to come is another occasion ("16일 … 업무협약을
    /// 체결했다. 특히, 오는 5월 29일부터 6월 2일까지 열리는 박람회에 …
    /// 참여한다는 데 합의했다").
    fn signed_before(&self, i: usize) -> bool {
        (0..i).any(|j| {
            let t = &self.sents[j];
            event_verb(t)
                && past(t)
                && !tells_history(t)
                && document_type(t).is_some()
                && self.dates[j].iter().any(Mention::day_given)
        })
    }

    /// A mention's date; a bare day later than the publication date, in a
    /// sentence told in the past tense, is last month's.
    fn resolve_told(&self, s: &str, m: &Mention) -> Option<when::Resolved> {
        self.resolve_done(m, past(s))
    }

    /// A mention's date, and when it tells of something `done`, a bare day
    /// later than the publication date (or one this month lacks) is last
    /// month's.
    fn resolve_done(&self, m: &Mention, done: bool) -> Option<when::Resolved> {
        let r = m.resolve(self.published);
        let published = self.published.map(|p| p.date);
        let later = |r: &when::Resolved| published.is_some_and(|p| r.start.date > p.date);
        match r {
            Ok(r) if !(later(&r) && done) => Some(r),
            r if done => m
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
    pub(super) fn end_by(
        &self,
        near: &[Vec<Mention>],
        start: Option<FuzzyDate>,
    ) -> Option<Cited<FuzzyDate>> {
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
    pub(super) fn year_of(&self, d: &Draft) -> Option<i32> {
        d.start
            .as_ref()
            .map(|s| s.value.date.year)
            .or(self.published.map(|p| p.date.date.year))
    }

    /// Whether every date a sentence gives (to the month or day) lies well
    /// away from the event's days: it then tells of another occasion.
    pub(super) fn elsewhen(&self, i: usize, (first, last): (i64, i64)) -> bool {
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
    pub(super) fn unresolved_date(&self) -> Option<(String, String)> {
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

    /// A signing dated on a later day of a trip: the event a signing's
    /// record is about is that day ("5일부터 10일까지 … 9일 오전 양 도시
    /// 간 … 우호교류 협정을 체결했다"), not the trip's days. A signing on
    /// the trip's first day leaves the trip the event. `signed`: the
    /// body's sentences that tell a signed outcome.
    pub(super) fn signing_day(&self, d: &mut Draft, body: &[(usize, &String)], signed: &[usize]) {
        let (Some(start), Some(end)) = (&d.start, &d.end) else {
            return;
        };
        if d.kind.as_ref().is_none_or(|k| k.value != "mou-signing") {
            return;
        }
        let trip = when::Resolved {
            start: start.value,
            end: Some(end.value),
            how: None,
        };
        let day = body
            .iter()
            .filter(|(i, _)| signed.contains(i))
            .find_map(|(i, s)| {
                self.dates[*i].iter().find_map(|m| {
                    if m.open_from || m.until || reporting_date(s, m) {
                        return None;
                    }
                    let r = self.resolve_told(s, m)?;
                    let one_day =
                        r.end.is_none() && r.start.precision == crate::model::Precision::Day;
                    (one_day && r.start.date != trip.start.date && within(&r, &trip))
                        .then(|| (r, m.clone()))
                })
            });
        if let Some((r, m)) = day {
            self.set_dates(d, r, &m);
        }
    }

    /// A day told as the return home ("17일 귀국했다 … 4박6일간", "15일 …
    /// 6박 8일 동안의 … 일정을 마무리하고 귀국했다고") is the last day of
    /// the stay the text gives: the start `d` took from it moves back by
    /// the stay's length, and `date_note` says so. `m` is the day in
    /// sentence `i`.
    pub(super) fn back_from_return(&self, d: &mut Draft, i: usize, m: &Mention) {
        let rest = &self.sents[i][m.end..];
        let clause = rest.split(['.', ',']).next().unwrap_or(rest);
        // The return comes before any other day ("15일 출국해 20일 귀국한다",
        // "7일부터 3박4일간 … 이날 귀국행"), and the day is no start.
        let returned = !m.quote.ends_with("부터")
            && clause.find("귀국").is_some_and(|at| {
                !clause[..at].contains("이날")
                    && !self.dates[i]
                        .iter()
                        .any(|o| o.start >= m.end && o.start < m.end + at)
            });
        let (Some(day), Some(end)) = (d.start.as_mut(), d.end.as_mut()) else {
            return;
        };
        if !returned {
            return;
        }
        let length = end.value.date.days_since_epoch() - day.value.date.days_since_epoch();
        std::mem::swap(day, end);
        day.value.date = end.value.date.add_days(-length);
        let (ko, en) = d.date_note.take().unwrap_or_default();
        let (first, back, stay) = (day.value, &end.quote, &day.quote);
        d.date_note = Some((
            format!("{ko} '{back}'은(는) 귀국한 날이므로 '{stay}' 일정은 {first}에 시작.")
                .trim()
                .to_string(),
            format!("{en} \"{back}\" is the day of the return, so the stay of \"{stay}\" began on {first}.")
                .trim()
                .to_string(),
        ));
    }

    pub(super) fn set_dates(&self, d: &mut Draft, r: when::Resolved, m: &Mention) {
        d.start = Some(Cited::new(r.start, m.quote.clone()));
        d.end = r.end.map(|e| Cited::new(e, m.quote.clone()));
        d.date_note = r.how;
    }
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
    // "5일 취임 1주년 기자회견을 열고 … 과정을 밝혔다": a press conference
    // is the report.
    let press = ["기자회견", "브리핑"]
        .iter()
        .any(|w| clause.split_whitespace().take(4).any(|x| x.contains(w)));
    quoted
        || opens_report
        || press
        || clause.contains("따르면")
        || ["밝혔", "전했", "발표했", "말했", "기준"]
            .iter()
            .any(|w| after.trim_start().starts_with(w))
}

/// Whether a date falls on the event's own days: its first day, or a day
/// of the span it is given ("5일부터 7일까지").
pub(super) fn within(date: &when::Resolved, event: &when::Resolved) -> bool {
    if date.start.date == event.start.date {
        return true;
    }
    let Some(end) = event.end else { return false };
    let day = date.start.date.days_since_epoch();
    date.start.precision == crate::model::Precision::Day
        && (event.start.date.days_since_epoch()..=end.last_day().days_since_epoch()).contains(&day)
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
pub(super) fn duration_end(s: &str, start: Option<FuzzyDate>) -> Option<Cited<FuzzyDate>> {
    let start = start.filter(|s| s.precision == crate::model::Precision::Day)?;
    let told: Vec<regex::Captures> = (0..s.len())
        .filter(|&i| s.is_char_boundary(i))
        .filter_map(|i| DURATION.captures(&s[i..]))
        .collect();
    // "20일부터 24일간 4박 5일로": nights and days say the length; a bare
    // "24일간" after a day may be the last day.
    let c = told.iter().find(|c| c.get(1).is_some()).or(told.first())?;
    let days: i64 = days_of(c)?;
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
pub(super) fn told_before(rest: &str) -> bool {
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
pub(super) fn future(s: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::read::{draft, start_of};
    use crate::model::OutcomeStatus;

    /// Nights and days give a stay's length over a bare "N일간" that may
    /// be its last day.
    #[test]
    fn nights_and_days_give_the_length() {
        let start = FuzzyDate::parse("2023-02-20").ok();
        let end = |s: &str| duration_end(s, start).map(|c| c.value.to_string());
        assert_eq!(
            end("2월 20일부터 24일간 4박 5일로 진행되는 이번 방문은").as_deref(),
            Some("2023-02-24")
        );
        assert_eq!(end("20일부터 3일간 열린다").as_deref(), Some("2023-02-22"));
    }

    /// A year alone is no start: it is left out, with a review line
    /// quoting it and asking for the month or day.
    #[test]
    fn a_year_alone_asks_for_the_day() {
        let d = draft(
            "진주시는 2025년 진주국제농식품박람회 기간 중 수출상담회를 개최해 수출계약을 체결했다고 9일 밝혔다.",
            "2025-11-09",
        );
        assert_eq!(start_of(&d[0]).as_deref(), None);
        assert!(
            d[0].review
                .iter()
                .any(|r| r.contains("only the year «2025년»")),
            "{:?}",
            d[0].review
        );
    }

    /// A later "이날" refers to the nearest day before it, not to the
    /// report's day when a sentence between, or the report's own, gives
    /// one; a press conference is the report, not the event.
    #[test]
    fn the_report_day_and_the_event_day() {
        let d = draft(
            "연수구, 지룽시와 우호도시 협약\n\n\
             인천 연수구는 대만 지룽시와 우호도시 협약을 통해 국제 교류사업을 본격화했다고 16일 밝혔다.\n\n\
             구는 지난 15일 대만 지룽시 대표단을 연수구청으로 초청, 협약을 한 뒤 교류 활동 등을 약속했다.\n\n\
             이날 열린 협약식에는 이재호 연수구청장과 셰궈량 지룽시장이 참석했다.",
            "2025-09-16",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2025-09-15"));
        // The report's own sentence gives the nearer day; a day of history
        // does not.
        let d = draft(
            "양구군, 고주프시와 의향서 교환\n\n\
             10일 양구군에 따르면 양구군과 고주프시는 지난 9일 폴란드 공연장에서 우호교류의향서를 교환했다고 밝혔다.\n\n\
             의향서는 이날 오전 설명회를 가진 후 교환됐다.",
            "2019-12-10",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2019-12-09"));
        let d = draft(
            "강원, 돗토리현 대표단 접견\n\n\
             4일 강원자치도에 따르면 1994년 11월 7일 강원도와 돗토리현이 자매결연 협정을 체결, 올해 30주년을 맞았다.\n\n\
             대표단 25명이 이날 1박2일 여정으로 강원자치도를 방문했다.",
            "2024-07-04",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2024-07-04"));
        // A press conference is the report, not the event.
        let d = draft(
            "부여군, 항커 유치\n\n\
             박정현 부여군수가 5일 취임 1주년 기자회견을 열고 중국 항커 기업 유치 과정을 밝혔다.\n\n\
             박 군수는 지난 4일 중국 항저우를 방문해 항커와 투자 협약 양해각서(MOU)를 체결했다.",
            "2023-07-05",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2023-07-04"));
    }

    /// A signing on a later day of a trip is the event of a signing
    /// record; on the first day, the trip stays the event.
    #[test]
    fn a_signing_day_within_a_trip() {
        let trip = |signing: &str| {
            let d = draft(
                &format!(
                    "함양군 우즈베키스탄 방문 협약 체결\n\n\
                     함양군 국제우호교류단은 지난 18일부터 오는 25일까지 우즈베키스탄을 방문하고 있다.\n\n\
                     교류단은 {signing} 양기율시와 우호교류 협약을 체결했다."
                ),
                "2019-09-20",
            );
            (
                start_of(&d[0]),
                d[0].end.as_ref().map(|e| e.value.to_string()),
            )
        };
        assert_eq!(trip("19일 오전"), (Some("2019-09-19".into()), None));
        assert_eq!(
            trip("18일 오후"),
            (Some("2019-09-18".into()), Some("2019-09-25".into()))
        );
    }

    /// The lead's day wins over a year of a later sentence ("올해 7번째를
    /// 맞이했다").
    #[test]
    fn the_lead_day_before_a_year() {
        let d = draft(
            "수원시 국제교류센터 국제자매도시의 밤 개최\n\n\
             제 56회 수원화성문화제를 맞아, 10월 4일 수원시국제자매도시 전통공연단이 축제 첫날 행궁광장에서 화려한 전통공연 무대를 장식했다.\n\n\
             수원시국제교류센터는 자매우호도시 공연단을 초청하여 '국제자매도시의 밤'을 개최하고 있으며, 올해 7번째를 맞이했다.",
            "2019-10-10",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2019-10-04"));
    }

    /// A year after the report's, in a sentence about what the sides will
    /// do, is no date of the event the lead dates; nor is a span to come
    /// after the lead told the event done.
    #[test]
    fn a_later_year_is_to_come() {
        let d = draft(
            "최민호 세종시장은 10일 세종시청에서 구이저우성 대표단과 협력 방안을 논의했다.\n\n\
             양측은 2027년 충청권 세계대학경기대회의 성공적 개최를 위해 힘을 모으기로 했다.",
            "2024-10-10",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2024-10-10"));
        // A send-off before the trip leaves the trip's span the event.
        let d = draft(
            "사절단은 15일 도청에서 발대식을 가졌다.\n\n사절단은 오는 20일부터 25일까지 하노이를 방문한다.",
            "2024-05-15",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2024-05-20"));
        // Nor is a span still to come, after the lead told the event done.
        let d = draft(
            "전라남도교육청이 16일 몽골 총교육청과 교육교류를 위한 업무협약을 체결했다.\n\n\
             특히, 오는 5월 29일부터 6월 2일까지 여수에서 열리는 박람회에 몽골 총교육청이 참여한다는 데 합의했다.",
            "2024-02-16",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2024-02-16"));
    }

    /// Meeting and agreeing are the event too: the day they were done
    /// wins over a workshop announced for the next day.
    #[test]
    fn a_meeting_dates_the_event() {
        let d = draft(
            "박원순 서울시장과 천지닝 베이징시장이 19일 서울에서 만나 협력하기로 합의했다.\n\n\
             양 도시는 20일 오전 10시 시청사에서 워크숍을 열고 공동 대처방안을 논의한다.",
            "2018-03-19",
        );
        assert_eq!(start_of(&d[0]).as_deref(), Some("2018-03-19"));
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
        assert_eq!(
            start_of(&drafts[0]),
            Some("2006-09-07".into()),
            "{:#?}",
            drafts[0].start
        );
        // Figures counted up to a day, and a total told again.
        let text = "구미 수출계약\n\n구미시는 호주 멜버른에 파견한 무역사절단이 지난 20일 기준 146만불의 수출계약을 성사시켰다고 25일 밝혔다. \
                    무역사절단은 지난 8월25일부터 31일까지 추진됐다. \
                    그 결과 예상수출계약액을 넘긴 총146만불의 수출계약 성과를 거뒀다.";
        let drafts = draft(text, "2024-11-25");
        assert_eq!(
            start_of(&drafts[0]),
            Some("2024-08-25".into()),
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
}
