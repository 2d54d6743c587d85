//! The fields of an event, read from the sentences of an article: this
//! module finds the events and assembles their drafts; each field has its
//! own reader below.

mod dates;
mod follow_ups;
mod outcomes;
mod people;
mod places;
mod sectors;

use std::sync::LazyLock;

use regex::Regex;

use self::dates::{duration_end, future, within};
use self::follow_ups::follow_ups;
use self::outcomes::{
    document_type, drop_among, drop_conversions, drop_itemised, drop_parts, drop_repeats,
    export_memoranda, invested_sum, merge_restated, outcomes,
};
use self::people::{attendance, participants};
use super::find::{Found, Gazetteer, Words};
use super::page::Page;
use super::sentence;
use super::when::{self, Mention, Published};
use super::{Cited, Draft, DraftOutcome, DraftSource};
use crate::model::{OutcomeStatus, Taxonomy, is_hangul};

/// Verbs that report an event taking place (or about to), meetings and
/// agreements among them ("19일 서울에서 만나 … 합의했다").
#[rustfmt::skip]
const EVENT_VERBS: &[&str] = &[
    "열린", "열렸", "열리", "열어", "열었", "연다", "개최", "펼쳐", "진행", "방문", "참석", "참가", "출장",
    "가졌", "갖고", "갖는", "막을 내", "열고", "나선다", "나섰", "나서", "떠나", "떠난", "올랐", "오른",
    "찾았", "찾아", "체결", "맺었", "맺고", "맺은", "서명", "벌이", "벌였", "벌인", "돌입", "꾸려",
    "개막", "폐막", "기념식", "파견", "성사", "만나", "만났", "접견", "논의했", "합의했",
];

fn event_verb(s: &str) -> bool {
    static VERBS: LazyLock<Words<()>> = LazyLock::new(|| {
        let words: Vec<(&'static str, ())> = EVENT_VERBS.iter().map(|v| (*v, ())).collect();
        Words::new(Vec::leak(words))
    });
    VERBS.any_in(s)
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

/// Whether a sentence tells the history of something ("2001년부터 매년",
/// "1995년 설립된"), not the event. A founding still to come ("연구소를
/// 충남지역에 설립하기로 하는 투자의향서를") is the event's business.
fn tells_history(s: &str) -> bool {
    const PLANNED: &[&str] = &["하기로", "키로", "할 ", "할계획", "을 추진", "계획", "예정"];
    HISTORY.iter().any(|h| {
        s.match_indices(h).any(|(at, _)| {
            let founding = matches!(*h, "설립" | "창립");
            // "설립하기로", "설립할 계획", "설립 예정".
            let rest = s[at + h.len()..].trim_start();
            !(founding && PLANNED.iter().any(|p| rest.starts_with(p)))
        })
    })
}

/// The sentences of the article, in order, without repeats.
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
    let texts = sents.iter().map(String::as_str);
    let tied = gazetteer.tied_names(texts.chain(page.headline.as_deref()));
    let places: Vec<Vec<Found>> = sents
        .iter()
        .map(|s| gazetteer.places_read(s, &tied))
        .collect();
    let reader = Reader {
        page,
        sents: &sents,
        dates: &dates,
        places: &places,
        tied: &tied,
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
    /// Names the article ties to their label's place, which news prose
    /// reads otherwise (`Gazetteer::tied_names`).
    tied: &'a [&'static str],
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
        let signed = self.set_outcomes(&mut d, &body, announcement);
        self.signing_day(&mut d, &body, &signed);
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
            if let Some((r, m)) = self.caption_date() {
                d.review.push(format!(
                    "start: only a photo caption dates the event («{}»); check it",
                    m.quote
                ));
                self.set_dates(d, r, &m);
                return;
            }
            let why = match self.unresolved_date() {
                Some((quote, why)) => format!("start: «{quote}» {why}"),
                None => "start: the article gives no date for the event".into(),
            };
            d.review.push(why);
            return;
        };
        // "2025년 진주국제농식품박람회", "올해": a year alone is a start a
        // record may have, but a quarter's brief cannot place the event by
        // it. Where the publication's day is known, an article that gives
        // the event no day but a year is most often telling another time
        // (none of 24 in 1,176 held-out articles was the answer's start):
        // the start is left out and the person looks for the day. Against
        // a year alone ("--published 2025") the year is all a date can be.
        if r.start.precision == crate::model::Precision::Year && r.end.is_none() {
            let day_known = self
                .published
                .is_some_and(|p| p.date.precision == crate::model::Precision::Day);
            let kept = if day_known { "left out" } else { "kept" };
            d.review.push(format!(
                "start: {kept}; the article gives only the year «{}», and a quarterly brief needs the month or day",
                m.quote
            ));
            if day_known {
                return;
            }
        }
        self.set_dates(d, r, &m);
        if d.end.is_none() {
            let start = d.start.as_ref().map(|c| c.value);
            let near = &self.sents[i..(i + 3).min(self.sents.len())];
            d.end = near
                .iter()
                .find_map(|s| duration_end(s, start))
                .or_else(|| self.end_by(&self.dates[i..(i + 3).min(self.dates.len())], start));
            self.back_from_return(d, i, &m);
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

    /// The outcomes of the body's sentences, less history, the parts of a
    /// total, conversions, restatements and repeats; a doubtful one is
    /// listed for review.
    ///
    /// Returns the body's sentences that tell a signed outcome, as first
    /// read.
    fn set_outcomes(
        &self,
        d: &mut Draft,
        body: &[(usize, &String)],
        announcement: bool,
    ) -> Vec<usize> {
        let year = self.year_of(d);
        let told: Vec<(usize, Vec<DraftOutcome>)> = body
            .iter()
            .map(|(i, s)| (*i, outcomes(s, announcement)))
            .collect();
        let signed = told
            .iter()
            .filter(|(_, os)| os.iter().any(|o| o.status.value == OutcomeStatus::Signed))
            .map(|(i, _)| *i)
            .collect();
        d.outcomes = told
            .into_iter()
            .flat_map(|(_, os)| os)
            .filter(|o| {
                !history(&o.title.quote, year)
                    && !told_of_earlier_year(&o.title.quote, year, self.published)
            })
            .collect();
        let parts = drop_parts(&mut d.outcomes);
        d.review.extend(parts);
        let among = drop_among(&mut d.outcomes);
        d.review.extend(among);
        drop_conversions(&mut d.outcomes, body);
        merge_restated(&mut d.outcomes);
        drop_itemised(&mut d.outcomes);
        let told_again = drop_repeats(&mut d.outcomes);
        d.review.extend(told_again);
        self.headline_amount(d);
        let current: Vec<&str> = body
            .iter()
            .map(|(_, s)| s.as_str())
            .filter(|s| !history(s, year) && !told_of_earlier_year(s, year, self.published))
            .collect();
        invested_sum(&mut d.outcomes, &current);
        export_memoranda(&mut d.outcomes);
        for o in &d.outcomes {
            if let Some(doubt) = &o.doubt {
                d.review
                    .push(format!("outcomes: «{}»: {doubt}", o.title.value));
            }
        }
        signed
    }

    /// The headline's sum for the one document the body tells without
    /// any ("의령군 농·특산물 수출 250만불 MOU 체결" over "특판행사에서
    /// 업무협약(MOU)을 체결했다"), when the body gives no sum at all.
    fn headline_amount(&self, d: &mut Draft) {
        if d.outcomes.len() != 1 || d.outcomes[0].amount.is_some() {
            return;
        }
        let Some(headline) = self.page.headline.as_deref() else {
            return;
        };
        let told = outcomes(headline, false);
        let [h] = &told[..] else { return };
        if h.kind.value == d.outcomes[0].kind.value && h.amount.is_some() {
            d.outcomes[0].amount = h.amount.clone();
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

/// The words `start..end` of `text` with the "약" (about) written before
/// them, when it stands as a word of its own: "약 300명", but not the end
/// of 계약 ("수출계약 649만달러"). (A regex word boundary would do this
/// but costs the matcher its fast engine.)
fn with_about(text: &str, start: usize, end: usize) -> &str {
    let before = text[..start].trim_end();
    let from = before
        .strip_suffix('약')
        .filter(|b| b.chars().next_back().is_none_or(|c| !is_hangul(c)))
        .map_or(start, str::len);
    &text[from..end]
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

/// Whether the text at `at` is inside a quotation in double quotes (what
/// someone said: "이게 성사되면 영동군은 필리핀, 베트남에 이어 …").
fn quoted(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let curly = before.matches('“').count() > before.matches('”').count();
    curly || before.matches('"').count() % 2 == 1
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

/// Whether a clause tells of an earlier year than the event's through a
/// date read against the publication date ("온라인으로 열린 지난해에는 …
/// 계약 체결 6건 … 성과를 올렸다"), when the event is of a later year:
/// that year's results, not this event's. A comparison with last year
/// ("지난해보다", "지난해 실적의 5배") is about this year's.
fn told_of_earlier_year(clause: &str, year: Option<i32>, published: Option<&Published>) -> bool {
    let Some(year) = year else { return false };
    let compares = ["보다", "대비", "비해", "배"]
        .iter()
        .any(|w| clause.contains(w));
    !compares
        && when::mentions(clause)
            .iter()
            .filter_map(|m| m.resolve(published).ok())
            .any(|r| r.start.date.year < year)
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
/// A draft's start, as written in a record: for the tests of every reader.
fn start_of(d: &Draft) -> Option<String> {
    d.start.as_ref().map(|s| s.value.to_string())
}

#[cfg(test)]
/// The drafts of `text`, published on `date`, with the sample data's
/// taxonomies: for the tests of every reader.
fn draft(text: &str, date: &str) -> Vec<Draft> {
    let taxonomy = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
    let g = Gazetteer::new(&taxonomy);
    let published = Published {
        date: crate::model::FuzzyDate::parse(date).expect("date"),
        quote: None,
    };
    events(
        &crate::draft::page::read(text),
        Some(&published),
        &taxonomy,
        &g,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OutcomeType;

    /// The headline's sum goes to the body's one document that has none.
    #[test]
    fn the_headline_gives_the_sum() {
        let d = draft(
            "의령군 농·특산물 수출 250만불 MOU 체결\n\n\
             의령군은 지난 30일 미국 안테나숍에서 진행된 특판행사에서 업무협약(MOU)을 체결했다.",
            "2017-10-31",
        );
        let a = d[0].outcomes[0]
            .amount
            .as_ref()
            .expect("the headline's sum");
        assert_eq!(a.value.value, 2_500_000.0);
    }

    /// The sum another sentence puts in goes to the one investment told
    /// without any; a second such sum leaves it open.
    #[test]
    fn the_sum_put_in_goes_to_the_investment() {
        let lead = "충남도, 노르웨이 엘켐과 투자협약\n\n\
                    충남도는 23일 노르웨이 엘켐사와 외자유치 투자협약을 체결했다.";
        let sum = |body: &str| {
            let d = draft(&format!("{lead} {body}"), "2020-04-23");
            d[0].outcomes[0].amount.as_ref().map(|a| a.value.value)
        };
        assert_eq!(
            sum("엘켐사는 앞으로 5년 동안 서천 공장에 2900만 달러를 투자한다."),
            Some(29_000_000.0)
        );
        assert_eq!(
            sum("엘켐사는 1조2,000억 원을 신규 설비에 투자할 계획이다."),
            Some(1_200_000_000_000.0)
        );
        assert_eq!(
            sum("엘켐사는 2900만 달러를 투자한다. 또 300만 달러를 추가로 투입할 계획이다."),
            None
        );
        // Told twice, the same sum; an earlier year's is not this one's.
        assert_eq!(
            sum(
                "엘켐사는 2900만 달러를 투자한다. 도는 2900만 달러를 투자하는 엘켐사를 지원한다. 엘켐은 2010년 1억 달러를 투자했다."
            ),
            Some(29_000_000.0)
        );
    }

    /// A day told as the return home ends the stay the text gives.
    #[test]
    fn a_return_day_ends_the_stay() {
        let days = |text: &str| {
            let d = &draft(text, "2011-11-17")[0];
            (start_of(d), d.end.as_ref().map(|e| e.value.to_string()))
        };
        assert_eq!(
            days("김 지사가 17일 귀국했다. 김 지사는 4박6일간 미국을 돌며 투자를 유치했다."),
            (Some("2011-11-12".into()), Some("2011-11-17".into()))
        );
        assert_eq!(
            days("김 지사가 12일 출국해 17일 귀국한다. 김 지사는 4박6일간 미국을 돈다."),
            (Some("2011-11-12".into()), Some("2011-11-17".into()))
        );
        assert_eq!(
            days("김 지사가 12일 미국으로 떠났다. 김 지사는 4박6일간 미국을 돈다."),
            (Some("2011-11-12".into()), Some("2011-11-17".into()))
        );
        // The stay's own length between the day and the return is no
        // other day; a first day («부터») is no return.
        assert_eq!(
            days(
                "충남도는 17일 김 지사가 4박 6일 동안의 미국 출장 일정을 마무리하고 귀국했다고 밝혔다."
            ),
            (Some("2011-11-12".into()), Some("2011-11-17".into()))
        );
        assert_eq!(
            days("방문단은 지난 12일부터 4박6일간 일정을 소화하고 이날 귀국행 비행기에 올랐다."),
            (Some("2011-11-12".into()), Some("2011-11-17".into()))
        );
    }

    /// An export agreement with buyers is a memorandum; a friendship
    /// agreement stays an agreement.
    #[test]
    fn an_export_agreement_is_a_memorandum() {
        let types = |text: &str| -> Vec<(OutcomeType, String)> {
            draft(text, "2019-05-20")[0]
                .outcomes
                .iter()
                .map(|o| (o.kind.value, o.kind.quote.clone()))
                .collect()
        };
        assert_eq!(
            types("완도군은 지난 17일 라오스 바이어와 170만달러 수출 협약을 체결했다."),
            [(OutcomeType::Mou, "수출 협약".to_string())]
        );
        assert_eq!(
            types("완도군은 지난 17일 라오스 비엔티안시와 우호교류 협약을 체결했다."),
            [(OutcomeType::Agreement, "협약".to_string())]
        );
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
        assert_eq!(start_of(&d[1]).as_deref(), Some("2025-11-02"));
    }

    /// A body that dates the event only as "이날" takes the day its photo
    /// caption gives, with a review line.
    #[test]
    fn a_caption_may_date_the_event() {
        let text = "필리핀 산페르난도시 사절단이 안산시를 방문해 우호증진 협의서를 체결했다.\n\n\
                    ▲안산시-필리핀 산페르난도시 27일 우호증진 협의서 체결. 사진제공=안산시 |\n\n\
                    이날 사절단은 이민근 안산시장과 면담했다.";
        let d = draft(text, "2023-09-28");
        let start = start_of(&d[0]);
        assert_eq!(start.as_deref(), Some("2023-09-27"), "{:#?}", d[0]);
        assert!(d[0].review.iter().any(|r| r.contains("caption")));
        // Read on the 1st, a caption's 30th is last month's.
        let d = draft(&text.replace("27일", "30일"), "2023-10-01");
        let start = start_of(&d[0]);
        assert_eq!(start.as_deref(), Some("2023-09-30"), "{:#?}", d[0]);
        // Not the day a caption says the report was made.
        let text = "전남도는 시장개척단을 파견해 수출계약성과를 거뒀다.\n\n\
                    전남도는 시장개척단을 파견해 수출계약성과를 거뒀다고 2일 밝혔다.(전남도 제공)";
        assert!(draft(text, "2022-07-02")[0].start.is_none());
    }

    /// A report that dates the event ("전날") is not overruled by a later
    /// trip the article announces.
    #[test]
    fn a_trip_to_come_is_not_the_event_reported() {
        let lead = "22일 경기도에 따르면 김 지사는 전날 오후 도청을 방문한 주한 중국대사와 만나 협력 강화 방안을 논의했다.\n\n\
                    이 자리에서 김 지사는 정상회의에 시 주석의 참석을 기대한다고 말했다.\n\n\
                    이어 양국의 협력은 중요하다고 덧붙였다.\n\n";
        // The trip given by its days, or by its last day and length.
        for trip in [
            "김 지사는 다음달 22일부터 27일까지 중국 충칭시, 상하이 등을 방문할 예정이다.",
            "김 지사는 다음달 27일까지 5일간 중국 충칭시, 상하이 등을 방문할 예정이다.",
        ] {
            let d = draft(&format!("{lead}{trip}"), "2025-08-22");
            let start = start_of(&d[0]);
            assert_eq!(start.as_deref(), Some("2025-08-21"), "{trip}: {:#?}", d[0]);
            assert!(d[0].end.is_none());
        }
    }

    /// A founding told as done is history; one still to come is what the
    /// event is about, and the sentence may date the event.
    #[test]
    fn a_founding_to_come_is_no_history() {
        assert!(tells_history("1995년 설립된 협회는 매년 박람회를 연다."));
        assert!(tells_history("재단은 2001년 창립 이후 교류를 이어왔다."));
        assert!(!tells_history(
            "투자유치단은 지난 17일부터 5박 6일간 일정으로 참여 중인 전시회에서 공장을 충남지역에 설립하기로 하는 투자의향서를 접수받았다."
        ));
        assert!(!tells_history("양 도시는 합작법인을 내년에 설립 예정이다."));
        let text = "일본 업체가 충남도에 투자의향서를 제출했다.\n\n\
                    21일 도에 따르면 투자유치단은 지난 17일부터 5박 6일간 일정으로 참여 중인 전시회에서 \
                    공장을 충남지역에 설립하기로 하는 투자의향서를 접수받았다.";
        let d = draft(text, "2010-01-21");
        let start = start_of(&d[0]);
        assert_eq!(start.as_deref(), Some("2010-01-17"), "{:#?}", d[0]);
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
        assert_eq!(kinds, [OutcomeType::Mou], "{:#?}", d[0].outcomes);
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

    #[test]
    fn an_outcome_dated_to_an_earlier_year_is_history() {
        assert!(history(
            "양 도시는 지난 1999년 우호교류협정을 체결한 이후",
            Some(2017)
        ));
        assert!(!history("2017년 우호교류협정을 체결했다", Some(2017)));
        assert!(!history("우호교류협정을 체결했다", Some(2017)));
    }

    /// Last year's results, told beside an event of this year, are not
    /// its outcomes; a comparison with last year is.
    #[test]
    fn last_years_results_are_history() {
        let published = Published {
            date: crate::model::FuzzyDate::parse("2022-10-24").expect("date"),
            quote: None,
        };
        let p = Some(&published);
        let last = "코로나19 때문에 온라인으로 열린 지난해에는 계약 체결 6건 1천582만달러의 성과를 올렸다.";
        assert!(told_of_earlier_year(last, Some(2022), p));
        // An event of last year itself, reported this January.
        assert!(!told_of_earlier_year(last, Some(2021), p));
        assert!(!told_of_earlier_year(
            "지난해 실적의 5배를 넘는 931만 달러의 수출계약 성과를 올렸다.",
            Some(2022),
            p
        ));
        let text = "충남도는 오는 25∼28일 베트남 하노이에서 매칭데이를 개최한다고 24일 밝혔다.\n\n\
                    온라인으로 열린 지난해에는 계약 체결 6건 1천582만달러의 성과를 올렸다.";
        let d = draft(text, "2022-10-24");
        assert!(d[0].outcomes.is_empty(), "{:#?}", d[0].outcomes);
    }
}
