//! Outcomes: the documents an event produced (MOUs, agreements, contracts,
//! investments), each with its count, amount and status, read clause by
//! clause.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::dates::told_before;
use super::{quoted, strip_particle, with_about};
use crate::draft::find::Words;
use crate::draft::{Cited, DraftOutcome};
use crate::load::human;
use crate::model::{OutcomeStatus, OutcomeType};
use regex::Regex;

/// The words that name a kind of document.
static DOCUMENT_WORDS: &[(&str, OutcomeType)] = &[
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
    // A memorandum of agreement: "합의각서(MOA)".
    ("합의각서", OutcomeType::Agreement),
    ("MOA", OutcomeType::Agreement),
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
    // A joint declaration signed or adopted: "공동선언문에 서명했다",
    // "'교류협력 확대 공동선언'을 채택하는".
    ("선언문", OutcomeType::Agreement),
    ("공동선언", OutcomeType::Agreement),
    ("회원 가입", OutcomeType::Membership),
    ("회원가입", OutcomeType::Membership),
    ("가입", OutcomeType::Membership),
];

/// The kind of document a phrase names, and the word that says so.
pub(super) fn document_type(s: &str) -> Option<(OutcomeType, String)> {
    static MATCHER: LazyLock<Words<OutcomeType>> = LazyLock::new(|| Words::new(DOCUMENT_WORDS));
    // Words that name no document here: "자매결연 지역인 버지니아주" (the tie
    // describes a place), "투자유치단은" (a delegation), "이번 투자유치
    // 활동을 통해" (the trip).
    let describes = |at: usize, w: &str| {
        let rest = &s[at + w.len()..];
        (w == "자매결연"
            && ["지역", "도시", "관계", " 지역", " 도시", " 관계"]
                .iter()
                .any(|p| rest.starts_with(p)))
            || (w.starts_with("투자")
                && w.ends_with("유치")
                && ["단", "활동", " 활동"].iter().any(|p| rest.starts_with(p)))
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
    // "협정 체결식은": the ceremony may be written apart.
    let after = upper[at + word.len()..].trim_start();
    let before = upper[..at].trim_end();
    // A ceremony is the event's venue ("열린 협약식에는 … 참석했다") unless
    // it is said to take place ("협약식이 진행되어", "협약식을 갖고").
    let ceremony = after.starts_with('식') || after.starts_with("체결식");
    let held = [
        "이 진행",
        "을 진행",
        "을 갖",
        "을 가졌",
        "이 열",
        "을 열",
        "을 개최",
        "을 했",
    ]
    .iter()
    .any(|w| {
        // "'서울시 스마트시티 협력 업무협약식'을 개최한다": a quoted name.
        after
            .trim_start_matches("체결")
            .trim_start_matches('식')
            .trim_start_matches(QUOTES)
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

/// Quotation marks around a name ("'…업무협약식'을", "「…협약식」을").
const QUOTES: [char; 10] = ['\'', '‘', '’', '"', '“', '”', '「', '」', '『', '』'];

/// The words that tell a document's status, in the order they are tried.
static STATUS_MARKS: &[(&str, OutcomeStatus)] = &[
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
    ("식을 진행했", OutcomeStatus::Signed),
    ("식을 진행하고", OutcomeStatus::Signed),
    // A ceremony to come: "업무협약식을 개최한다", "협약식을 갖는다".
    ("식을 개최한다", OutcomeStatus::Planned),
    ("식을 개최할", OutcomeStatus::Planned),
    ("식을 연다", OutcomeStatus::Planned),
    ("식을 갖는다", OutcomeStatus::Planned),
    ("식을 진행한다", OutcomeStatus::Planned),
    ("식을 진행할", OutcomeStatus::Planned),
    ("식을 가질", OutcomeStatus::Planned),
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
    // A document to pursue: "수출계약을 추진키로 했다".
    ("추진키로", OutcomeStatus::Planned),
    ("채택했", OutcomeStatus::Signed),
    ("채택하였", OutcomeStatus::Signed),
    ("채택하는 등", OutcomeStatus::Signed),
    ("채택한다", OutcomeStatus::Planned),
    ("채택할", OutcomeStatus::Planned),
    ("선언문을 발표했", OutcomeStatus::Agreed),
    ("합의했", OutcomeStatus::Agreed),
    ("합의하였", OutcomeStatus::Agreed),
    ("하기로 했", OutcomeStatus::Agreed),
    ("뜻을 모았", OutcomeStatus::Agreed),
    ("약속했", OutcomeStatus::Agreed),
    ("논의", OutcomeStatus::UnderDiscussion),
    ("협의 중", OutcomeStatus::UnderDiscussion),
    // Documents being prepared or pursued, with their sum (see `status`):
    // "88건, 2500만달러가 계약을 준비 중이다", "283만 달러 상당의 수출
    // 계약을 추진 중".
    ("준비 중", OutcomeStatus::UnderDiscussion),
    ("추진 중", OutcomeStatus::UnderDiscussion),
    ("검토", OutcomeStatus::UnderDiscussion),
];

/// The status a clause's verbs give an outcome.
pub(super) fn status(clause: &str, amount: bool) -> Option<(OutcomeStatus, String)> {
    static MATCHER: LazyLock<Words<OutcomeStatus>> = LazyLock::new(|| Words::new(STATUS_MARKS));
    let investment = clause.contains("투자");
    // "'…업무협약식'을 개최한다": a quoted name's marks hide no verb.
    let bare = match clause.contains(QUOTES) {
        true => Cow::Owned(clause.replace(QUOTES, "")),
        false => Cow::Borrowed(clause),
    };
    let (w, st) = MATCHER.first_in_list(&bare, |st| {
        amount || st != OutcomeStatus::Expected || investment
    })?;
    // Documents being prepared are an outcome only with their sum: not
    // "새로운 국가와의 MOU도 지속 추진 중".
    if !amount && ["준비 중", "추진 중"].contains(&w) {
        return None;
    }
    // The quote is the article's words, marks and all ("식'을 개최한다").
    let quote = match bare {
        Cow::Borrowed(_) => w.to_string(),
        Cow::Owned(ref bare) => bare
            .find(w)
            .map_or(w, |at| with_quotes(clause, at, at + w.len()))
            .to_string(),
    };
    Some((st, quote))
}

/// The words of `clause` that read as `start..end` of the clause without
/// its quotation marks.
fn with_quotes(clause: &str, start: usize, end: usize) -> &str {
    let mut kept = 0;
    let (mut from, mut to) = (clause.len(), clause.len());
    for (at, c) in clause.char_indices() {
        if QUOTES.contains(&c) {
            continue;
        }
        if kept == start {
            from = from.min(at);
        }
        kept += c.len_utf8();
        if kept == end {
            to = at + c.len_utf8();
            break;
        }
    }
    clause.get(from..to).unwrap_or("")
}

/// The amount written for a clause's documents: one just after the
/// document word ("계약 649만달러"), else the last before it ("… 총 60만
/// 달러의 MOU"), else the first. An amount of talks ("상담실적 3천564만달러",
/// "1304만 달러의 수출 상담") is not the documents'; one in brackets is a
/// conversion of the one before it ("550만 달러어치(한화 약 71억원)"). Either
/// is taken only when there is no other.
fn amount_of(clause: &str, doc: Option<(usize, usize)>) -> Option<&str> {
    let all: Vec<regex::Match> = AMOUNT
        .find_iter(clause)
        .filter(|m| !a_goal(clause, m.start(), m.end()))
        .collect();
    // "상담 77건(1857만달러)": the sum of the counted ones, not a conversion.
    let counted = |m: &regex::Match| count_before(clause, m.start());
    let in_brackets = |m: &regex::Match| {
        let before = &clause[..m.start()];
        counted(m).is_none()
            && before.matches(['(', '（']).count() > before.matches([')', '）']).count()
    };
    let talks = |m: &regex::Match| sum_of_talks(clause, m.start(), m.end());
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
        .map(|m| with_about(clause, m.start(), m.end()))
}

/// Whether the amount at `start..end` is a sum of talks, not of documents:
/// the word before names it ("상담실적 3천564만달러"), unless it ends a list
/// ("수출 상담과 4500만달러 규모의 수출계약"), also past the count it sums
/// ("상담 77건(1857만달러)", "수출상담 32건 8495만 달러"); or the words
/// after it do ("744만8천달러(86억원) 규모 상담").
fn sum_of_talks(clause: &str, start: usize, end: usize) -> bool {
    let head = &clause[..count_before(clause, start).unwrap_or(start)];
    let mut words = head.split_whitespace().rev();
    let before = words.next().unwrap_or("");
    let counts = before
        .strip_suffix('건')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == ','));
    // Not talks that led to it ("48차례 상담으로 25건 287만8000달러의 수출
    // 계약실적").
    let before = match counts {
        true => words
            .next()
            .filter(|w| ["상담", "실적", "상담액"].iter().any(|e| w.ends_with(e)))
            .unwrap_or(""),
        false => before,
    };
    let before = if before.ends_with(['과', '와', ',']) {
        ""
    } else {
        before
    };
    // Past a conversion in brackets.
    let rest = &clause[end..];
    let rest = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((_, after)) => after,
        None => rest,
    };
    let after: String = rest.chars().take(8).collect();
    // "수출상담회'에서 1014만 달러의 수출 계약": the fair where it was signed.
    let fair = before.contains("상담회") && before.ends_with("에서");
    (before.contains("상담") && !fair) || after.contains("상담")
}

/// Whether the amount at `start..end` is a goal, not a result: "'임기 내
/// 100조 원 투자유치' 목표를", "목표액 1억 달러", "임기 내 100조원 투자유치를
/// 약속한".
fn a_goal(clause: &str, start: usize, end: usize) -> bool {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:목표(?:액|치)?(?:인|는|로)?|임기\s?내)\s*['‘]?\s*$").expect("static regex")
    });
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^.,]{0,12}?목표").expect("static regex"));
    BEFORE.is_match(last_chars(&clause[..start], 13)) || AFTER.is_match(&clause[end..])
}

/// Where a count written just before an opening bracket at `at` begins
/// ("상담 77건(" -> the space before 77), read from the last few characters
/// only.
fn count_before(clause: &str, at: usize) -> Option<usize> {
    static COUNTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*\d[\d,]*\s*건\s*[(（]$").expect("static regex"));
    let tail = last_chars(&clause[..at], 17);
    COUNTED.find(tail).map(|c| at - tail.len() + c.start())
}

/// The last `n` characters of `text` (all of it when it is shorter).
fn last_chars(text: &str, n: usize) -> &str {
    let from = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &text[from..]
}

/// The count of a clause's documents: agreements (건) before companies
/// (곳; "업체 5곳(6건)"); the last written before the document word ("총
/// 78건, … 485만 달러(9건)의 수출 업무협약"), else the first. "총 59건의
/// 수출 상담" counts talks, not agreements.
fn count_of(clause: &str, doc_at: Option<usize>) -> Option<Cited<i64>> {
    let range = |c: &regex::Captures<'_>| c.get(0).map_or(0..0, |m| m.range());
    let (agreements, others): (Vec<_>, Vec<_>) = COUNT
        .captures_iter(clause)
        .filter(|c| !counts_talks(clause, range(c), doc_at))
        .partition(|c| c[0].ends_with('건'));
    // A number of firms counts the documents only in the document's own
    // item of a list: not "경남 8개 기업 법인장 간담회, 경남도-방콕시
    // 양해각서 체결".
    let others: Vec<_> = others
        .into_iter()
        .filter(|c| !firms_apart(clause, range(c), doc_at))
        .collect();
    let pick = |found: &[regex::Captures<'_>]| {
        let before = found
            .iter()
            .rev()
            .find(|c| doc_at.is_some_and(|at| range(c).end <= at));
        before.or(found.first()).and_then(|c| {
            let n: i64 = c[1].parse().ok()?;
            Some(Cited::new(n, c[0].to_string()))
        })
    };
    pick(&agreements).or_else(|| pick(&others))
}

/// Whether the count at `m` counts talks or inquiries, not documents.
fn counts_talks(clause: &str, m: std::ops::Range<usize>, doc_at: Option<usize>) -> bool {
    // Past a qualifier: "30건 이상의 수출 상담".
    let rest = clause[m.end..].trim_start();
    let rest = ["이상", "가량", "남짓"]
        .iter()
        .find_map(|q| rest.strip_prefix(q))
        .unwrap_or(rest);
    let after: String = rest.chars().take(8).collect();
    // "상담 179건": talks counted, as "179건의 상담".
    let before = clause[..m.start].split_whitespace().last().unwrap_or("");
    // "총 219건, 6360만 달러 규모의 수출상담 성과와 480만 달러의
    // 업무협약", "39건, 1억 달러 규모 수출상담, 2151만 달러의
    // 계약추진액": the count's own item, up to the next one joined to it
    // or to the document, is talks. After the document, only an item
    // closed by a joiner ("… 계약추진액 성과를 올렸고 토론토에서 20건,
    // 7000만 달러 규모의 수출 상담 및 …").
    let item = match doc_at {
        Some(at) if at > m.end => count_item(&clause[m.end..at], true),
        _ => count_item(&clause[m.end..], false),
    };
    after.contains("상담")
        || after.contains("문의")
        || before.ends_with("상담")
        || item.contains("상담")
}

/// Whether the firms counted at `m` are not the documents' count: the
/// firms that act ("40개 기업이 … 실적을 거뒀다"), those among which some
/// signed ("참가기업 7개사 중 …"), or those taking part, apart from the
/// document ("수출기업 6개사와 일본 바이어 4개사가 참여한 가운데 … 수출
/// 계약", "스타트업 8개사를 대상으로 … 매칭 데이를 열어"), or those that
/// held the talks ("18개사 대표들과 … 108건의 수출 상담을 진행해 … 수출계약").
fn firms_apart(clause: &str, m: std::ops::Range<usize>, doc_at: Option<usize>) -> bool {
    if ["이 ", "가 ", "은 ", "는 ", " 중"]
        .iter()
        .any(|p| clause[m.end..].starts_with(p))
    {
        return true;
    }
    let at = doc_at.unwrap_or(m.end);
    let between = if at >= m.end {
        &clause[m.end..at]
    } else {
        &clause[at..m.start]
    };
    [", ", "참여", "참가", "대상", "상담"]
        .iter()
        .any(|w| between.contains(w))
}

/// The words after a count up to the next item joined to it ("와 ", "과 ",
/// " 및 "); without a joiner, all of `rest` when it ends at the document
/// (`up_to_document`), else none.
fn count_item(rest: &str, up_to_document: bool) -> &str {
    let cut = ["와 ", "과 ", " 및 "]
        .iter()
        .filter_map(|j| rest.find(j))
        .min();
    match cut {
        Some(cut) => &rest[..cut],
        None if up_to_document => rest,
        None => "",
    }
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
    let items: Vec<&str> = items.into_iter().flat_map(joined_results).collect();
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

/// Two results joined by 과/와, each with its sum and document ("90만
/// 달러 규모의 수출계약과 1390만 달러 규모의 업무협약이 체결돼"), as two
/// items; anything else as it is.
fn joined_results(item: &str) -> Vec<&str> {
    let whole = |part: &str| document_type(part).is_some() && AMOUNT.is_match(part);
    for (at, w) in item.match_indices("과 ").chain(item.match_indices("와 ")) {
        let (left, right) = (&item[..at + w.len() - 1], &item[at + w.len()..]);
        if whole(left) && whole(right) {
            return vec![left, right];
        }
    }
    vec![item]
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
    // "…50만 달러의 계약을 확정하는 등 총 5건 143만 달러의 업무협약(MOU)이
    // 이뤄졌다", "…86만달러의 현장계약 체결 등을 포함해 37건, 770만달러의
    // 계약이 성사됐다": the total closing a list is a clause of its own,
    // which `sum_up` takes as the total of the clauses before it.
    out.into_iter()
        .flat_map(|c| match closing_total(c) {
            Some(at) => vec![&c[..at], &c[at..]],
            None => vec![c],
        })
        .collect()
}

/// Where a clause's closing total starts: at "등 총" or "등 모두" after an
/// item told with its verb ("…확정하는 등 총"), or at "등을 포함해" after
/// an item that names a document or a sum ("…86만달러의 현장계약 체결 등을
/// 포함해"; not "베트남 등을 포함해 5개국 바이어와").
fn closing_total(clause: &str) -> Option<usize> {
    let at = TOTALS
        .iter()
        .chain(INCLUDING)
        .filter_map(|w| clause.find(w))
        .min()?;
    let item = &clause[..at];
    let fits = match INCLUDING.iter().any(|w| clause[at..].starts_with(w)) {
        true => item.ends_with(' ') && (document_type(item).is_some() || AMOUNT.is_match(item)),
        false => item.ends_with("는 "),
    };
    fits.then_some(at)
}

/// The words that close a list with its total ("… 등 총 9건의 MOU").
const TOTALS: &[&str] = &["등 총", "등 모두"];

/// The words that close a list with a total that includes it ("… 체결 등을
/// 포함해 37건").
const INCLUDING: &[&str] = &["등을 포함해", "등을 포함하여"];

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:최대|최소|총)\s*)?\d[\d,.]*(?:\s*[조억만천백]+(?:\s*\d[\d,.]*\s*[조억만천백]+)*(?:\s*\d[\d,.]*)?)?\s*여?\s*(?:캐나다\s?달러|달러|유로|위안|엔|원|불)(?:\s*(?:이상|이하|규모|가량|상당|내외|안팎|정도|어치))*")
        .expect("static regex")
});

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:총\s*)?(\d{1,4})\s*(?:건|곳|개\s?사|개\s?기업)").expect("static regex")
});

/// The outcomes of one sentence: a document signed, agreed or planned in a
/// clause, with its count ("총 4건") and amount ("최대 2천만 달러 규모").
/// A closing "… 등 총 9건의 MOU" stands for the ones its sentence lists.
pub(super) fn outcomes(s: &str, future: bool) -> Vec<DraftOutcome> {
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
    // The clause before this one, and where its outcomes begin in `out`.
    let mut prev: Option<(&str, usize)> = None;
    for (clause, listed) in clauses(s).into_iter().flat_map(results) {
        let item = prev.replace((clause, out.len()));
        let mut outcome = match clause_outcome(s, clause, listed, future) {
            Told::Outcome(o) => o,
            Told::Sum(a) => {
                pending_amount = Some(a);
                continue;
            }
            Told::Nothing => continue,
        };
        if outcome.amount.is_none() {
            outcome.amount = pending_amount.take();
        }
        // A total split from its item's clause ("…체결하는 " | "등 총 9건의
        // …") is quoted with it, and the item is among what it counts.
        let split = item.filter(|_| {
            TOTALS
                .iter()
                .chain(INCLUDING)
                .any(|w| clause.starts_with(w))
        });
        let closing = split.is_some() || TOTALS.iter().any(|w| clause.contains(w));
        if closing && !out.is_empty() {
            if let Some((item, _)) = split {
                let from = offset_in(s, item);
                let to = offset_in(s, clause) + clause.len();
                outcome.title.quote = s[from..to].trim().to_string();
            }
            sum_up(&mut out, outcome, split.map(|(_, from)| from));
        } else {
            out.extend(one_per_amount(outcome, clause));
        }
    }
    out
}

/// What one clause tells: an outcome, a sum waiting for the document a
/// later clause names, or neither.
enum Told {
    Outcome(DraftOutcome),
    Sum(Cited<human::ParsedAmount>),
    Nothing,
}

/// The outcome of one clause of sentence `s`, an item of a list of results
/// when `listed`.
fn clause_outcome(s: &str, clause: &str, listed: bool, future: bool) -> Told {
    // "이번 협약은", "협약식에는": the agreement already counted, or the
    // ceremony itself.
    let doc = document_in(clause);
    let doc_span = doc
        .as_ref()
        .and_then(|(_, w)| clause.find(w.as_str()).map(|at| (at, at + w.len())));
    let amount = clause_amount(clause, doc_span);
    let or_sum =
        |amount: Option<Cited<human::ParsedAmount>>| amount.map_or(Told::Nothing, Told::Sum);
    let Some(kind) = clause_kind(clause, doc, amount.is_some()) else {
        return or_sum(amount);
    };
    if !an_outcome(s, clause, &kind, amount.is_some()) {
        return Told::Nothing;
    }
    let Some((st, verb, doubt)) = clause_status(s, clause, listed, future, amount.is_some()) else {
        return or_sum(amount);
    };
    Told::Outcome(DraftOutcome {
        kind: Cited::new(kind.0, kind.1),
        count: count_of(clause, doc_span.map(|(at, _)| at)),
        title: Cited::new(outcome_title(clause), clause.trim().to_string()),
        status: Cited::new(st, verb),
        amount,
        doubt,
    })
}

/// The sum a clause gives for its document (or for the clause, without
/// one), "기대", "전망" making it one expected.
fn clause_amount(clause: &str, doc: Option<(usize, usize)>) -> Option<Cited<human::ParsedAmount>> {
    let m = amount_of(clause, doc)?;
    let expected = ["기대", "전망", "예상", "목표"]
        .iter()
        .any(|w| clause.contains(w));
    let mut a = human::amount(m).ok()?;
    a.expected = a.expected || expected;
    a.currency.as_ref()?;
    Some(Cited::new(a, m.trim().to_string()))
}

/// The type of a clause's outcome: its document's, or, without one, an
/// agreement ("합의했다") or an investment agreed with its sum.
fn clause_kind(
    clause: &str,
    doc: Option<(OutcomeType, String)>,
    amount: bool,
) -> Option<(OutcomeType, String)> {
    let agreed_word = ["합의했", "하기로 했", "뜻을 모았", "합의하였"]
        .into_iter()
        .find(|w| clause.contains(w) && (*w != "하기로 했" || amount || !vague_intent(clause)));
    if doc.is_some() {
        return doc;
    }
    // "…에 1조5천억원을 투자해 … 하기로 했다", "300만달러를 들여 … 공장을
    // 설립하기로 했다": an investment agreed.
    let invested = amount.then(|| put_in(clause)).flatten();
    agreed_word.map(|w| match invested {
        Some(p) => (OutcomeType::Investment, p.to_string()),
        None => (OutcomeType::Agreement, w.to_string()),
    })
}

/// The word that puts money into something: "투자", "투입", "들여".
fn put_in(clause: &str) -> Option<&'static str> {
    ["투자", "투입", "들여"]
        .into_iter()
        .find(|w| clause.contains(w))
}

/// "교류를 확대하기로 했다", "상호 노력하기로 했다": an intention to do
/// more of something, not an agreement on anything in particular (every
/// "하기로 했" of the clause is one).
fn vague_intent(clause: &str) -> bool {
    const VAGUE: &[&str] = &[
        "노력",
        "강화",
        "확대",
        "협의",
        "논의",
        "검토",
        "모색",
        "지원",
        "지원을",
    ];
    clause.match_indices("하기로 했").all(|(at, _)| {
        let before = clause[..at].trim_end();
        VAGUE.iter().any(|v| before.ends_with(v))
    })
}

/// Whether a document a clause names is an outcome of its own: not a
/// tally of ties, not words in someone's mouth, not an investment only
/// talked of.
fn an_outcome(s: &str, clause: &str, kind: &(OutcomeType, String), amount: bool) -> bool {
    // "이로써 … 자매결연 체결 자치단체는 … 모두 3곳으로 늘었다": a tally
    // of ties, this one among them, not another.
    if ["로 늘었", "로 늘어"].iter().any(|w| clause.contains(w)) {
        return false;
    }
    // A document named inside someone's words (“수출계약을 체결한
    // 기업들이 … 지원하겠다”고 말했다) is a remark on results already
    // told, or a hope, not a result of its own.
    let base = offset_in(s, clause);
    if clause
        .find(kind.1.as_str())
        .is_some_and(|at| quoted(s, base + at))
    {
        return false;
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
    kind.0 != OutcomeType::Investment || amount || attracting || document
}

/// The status of a clause's outcome, the verb that tells it, and a doubt
/// when the verb is not one the drafter knows.
fn clause_status(
    s: &str,
    clause: &str,
    listed: bool,
    future: bool,
    amount: bool,
) -> Option<(OutcomeStatus, String, Option<String>)> {
    // The clause's verb, else the sentence's; a signing verb the lists
    // do not know ("서명한다") takes the article's tense. A document
    // named without any such verb is talked about, not made.
    // An item of a list of results takes the list's verb.
    // A contract made on the spot or provisionally ("현장계약 3881만
    // 달러", "40만 달러의 현장계약") is one concluded, whatever verb
    // closes the list of results.
    let concluded = amount
        && ["현장계약", "현지계약", "가계약"]
            .iter()
            .any(|w| clause.contains(w));
    let signing = concluded
        || ["체결", "서명", "맺", "교환", "채택"]
            .iter()
            .any(|w| clause.contains(w) || (listed && s.contains(w)));
    if let Some((st, verb)) = status(clause, amount).or_else(|| status(s, amount)) {
        return Some((st, verb, None));
    }
    if !signing {
        return None;
    }
    let last_word = s.split_whitespace().last().unwrap_or(s).to_string();
    let tense = if future {
        OutcomeStatus::Planned
    } else {
        OutcomeStatus::Signed
    };
    let doubt = "status read from the article's tense, not from a verb the drafter knows";
    Some((tense, last_word, Some(doubt.to_string())))
}

/// A closing "… 등 총 9건의 MOU" after the outcomes its sentence lists:
/// the listed ones are among the counted ones, so the count stays, with
/// the amounts they carried.
/// A total split from its item's clause (`item`: where the item's
/// outcomes begin) counts the item too, whatever its document.
fn sum_up(out: &mut Vec<DraftOutcome>, mut outcome: DraftOutcome, item: Option<usize>) {
    let amount = out.iter().rev().find_map(|o| o.amount.clone());
    if let Some(at) = item {
        out.truncate(at);
    }
    out.retain(|o| o.kind.value != outcome.kind.value && o.kind.value != OutcomeType::Contract);
    if outcome.amount.is_none() {
        outcome.amount = amount;
    }
    out.push(outcome);
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

/// Drops the outcomes whose amounts a total adds up from, the total kept:
/// all the others the article lists ("총 4개 업체와 72만 달러 … 30만 달러,
/// … 80만 달러 수출의향서" after "182만 달러의 수출의향서를 체결했다"), or
/// the last two or more before it ("총 700억원" after the 500억 and 200억
/// ones, though another of 1,300억 follows). A brief counts the total the
/// article reports; the parts it leaves out are named in a review line.
pub(super) fn drop_parts(outcomes: &mut Vec<DraftOutcome>) -> Vec<String> {
    let amounts: Vec<Option<(f64, &str)>> = outcomes.iter().map(money).collect();
    let mut part = vec![false; outcomes.len()];
    let mut review = Vec::new();
    for i in 0..outcomes.len() {
        let parts = parts_of(&amounts, i);
        let Some(total) = &outcomes[i].amount else {
            continue;
        };
        if parts.is_empty() || part[i] || parts.iter().any(|&j| part[j]) {
            continue;
        }
        let named: Vec<String> = parts
            .iter()
            .filter_map(|&j| outcomes[j].amount.as_ref())
            .map(|a| format!("«{}»", a.quote))
            .collect();
        review.push(format!(
            "outcomes: «{}» is the total of {}; the parts are left out",
            total.quote,
            named.join(", ")
        ));
        for j in parts {
            part[j] = true;
        }
    }
    let mut k = part.iter();
    outcomes.retain(|_| !*k.next().unwrap_or(&false));
    review
}

/// An outcome's sum and its currency, when it has both.
fn money(o: &DraftOutcome) -> Option<(f64, &str)> {
    o.amount
        .as_ref()
        .and_then(|a| Some((a.value.value, a.value.currency.as_deref()?)))
}

/// The outcomes whose amounts add up to outcome `i`'s, in its currency:
/// all the others, else the last two or more before it; none if no such
/// sum is within half a percent.
fn parts_of(amounts: &[Option<(f64, &str)>], i: usize) -> Vec<usize> {
    let Some((v, cur)) = &amounts[i] else {
        return Vec::new();
    };
    let same: Vec<usize> = (0..amounts.len())
        .filter(|&j| j != i && amounts[j].as_ref().is_some_and(|(_, c)| c == cur))
        .collect();
    let adds_up = |parts: &[usize]| {
        let sum: f64 = parts
            .iter()
            .filter_map(|&j| amounts[j].as_ref())
            .map(|(v, _)| v)
            .sum();
        parts.len() >= 2 && (sum - v).abs() <= v * 0.005
    };
    if adds_up(&same) {
        return same;
    }
    let before: Vec<usize> = same.iter().copied().filter(|&j| j < i).collect();
    (0..before.len())
        .map(|a| before[a..].to_vec())
        .find(|p| adds_up(p))
        .unwrap_or_default()
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset_in(whole: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    debug_assert!(at <= whole.len(), "not a slice of the text");
    at.min(whole.len())
}

/// Joins an outcome told twice, once with its amount and once with its
/// count ("256만 달러 규모의 양해각서(MOU)를 체결했다 … 10건의 MOU를
/// 체결"): same type and status, one without a count, the other without an
/// amount, and no other outcome of that type.
pub(super) fn merge_restated(outcomes: &mut Vec<DraftOutcome>) {
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
pub(super) fn drop_conversions(outcomes: &mut Vec<DraftOutcome>, body: &[(usize, &String)]) {
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

/// Drops the outcomes an article tells as among an earlier one's ("총 42건
/// 1542만 달러 규모의 수출 MOU 체결 … 이 중 방기정 주식회사의 경우 … 500만
/// 달러 규모의 수출 MOU를 체결"): a sentence that opens with 이 중, 그중 or
/// 이 가운데, of a smaller amount in the same currency. Returns a line for
/// review for each.
pub(super) fn drop_among(outcomes: &mut Vec<DraftOutcome>) -> Vec<String> {
    const AMONG: [&str; 6] = ["이 중", "이중", "그 중", "그중", "이 가운데", "그 가운데"];
    let mut review = Vec::new();
    let mut kept: Vec<DraftOutcome> = Vec::new();
    for o in outcomes.drain(..) {
        let among = AMONG
            .iter()
            .any(|w| o.title.quote.trim_start().starts_with(w));
        let whole = money(&o).and_then(|(v, c)| {
            kept.iter()
                .find(|k| money(k).is_some_and(|(kv, kc)| kc == c && kv > v))
        });
        match (among, whole, &o.amount) {
            (true, Some(whole), Some(part)) => review.push(format!(
                "outcomes: «{}» is among «{}»; left out",
                part.quote,
                whole.amount.as_ref().map_or("", |a| a.quote.as_str())
            )),
            _ => kept.push(o),
        }
    }
    *outcomes = kept;
    review
}

/// An export agreement with buyers ("100만달러 수출협약", "4건의 수출
/// 협약") commits to no order: readers write it as a memorandum. Typed
/// once the repeats are settled, which compare it as the agreement it is
/// called.
pub(super) fn export_memoranda(outcomes: &mut [DraftOutcome]) {
    for o in outcomes {
        let title = o.title.value.trim_end();
        let word = ["수출협약", "수출 협약"]
            .into_iter()
            .find(|w| title.ends_with(w));
        if let Some(word) = word
            && o.kind.value == OutcomeType::Agreement
            && o.kind.quote == "협약"
        {
            o.kind = Cited::new(OutcomeType::Mou, word);
        }
    }
}

/// Gives the one investment the body tells without a sum ("투자협약을
/// 체결했다") the sum another sentence puts in ("엘켐사는 앞으로 5년 동안
/// … 2900만 달러를 투자한다"), when no outcome has a sum and the sentences
/// (`current`: those not about an earlier year) give exactly one such sum
/// (told once or more). A goal or a sum of talks is none.
pub(super) fn invested_sum(outcomes: &mut [DraftOutcome], current: &[&str]) {
    static PUT_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"[을를]\s(?:[^\s.,]+\s){0,3}?(?:투자|투입)",
            r"(?:한다|해\s|하여|하기로|할\s(?:계획|예정)|키로|했)"
        ))
        .expect("static regex")
    });
    if outcomes.iter().any(|o| o.amount.is_some()) {
        return;
    }
    let mut investments = outcomes
        .iter_mut()
        .filter(|o| o.kind.value == OutcomeType::Investment || o.kind.quote.contains("투자"));
    let (Some(o), None) = (investments.next(), investments.next()) else {
        return;
    };
    let mut sums: Vec<Cited<human::ParsedAmount>> = current
        .iter()
        .flat_map(|s| PUT_IN.find_iter(s).map(|m| &s[..m.start()]))
        .filter_map(|head| {
            // The verb's own clause ("1조2,000억 원을" keeps its comma).
            let from = [", ", ". "]
                .iter()
                .filter_map(|w| head.rfind(w).map(|at| at + w.len()))
                .max()
                .unwrap_or(0);
            let clause = &head[from..];
            let m = AMOUNT.find_iter(clause).last()?;
            // The sum ends the words before the verb's object marker.
            let own = m.end() == clause.len()
                && !a_goal(clause, m.start(), m.end())
                && !sum_of_talks(clause, m.start(), m.end());
            own.then(|| clause_amount(&clause[m.start()..], None))?
        })
        .collect();
    sums.sort_by(|a, b| a.value.value.total_cmp(&b.value.value));
    sums.dedup_by(|a, b| a.value.value == b.value.value && a.value.currency == b.value.currency);
    if let [sum] = &sums[..] {
        o.amount = Some(sum.clone());
    }
}

/// Drops bare "협약" outcomes (no amount, no count) that follow one counted
/// several times: they name the counted agreements one by one ("업체
/// 5곳(6건)과 … 투자협약을 체결한다. … 제조업체와 협약을 맺을 예정이다").
pub(super) fn drop_itemised(outcomes: &mut Vec<DraftOutcome>) {
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
/// listing the MOUs already counted, a document of the amount of an earlier
/// one of its type, or of an earlier document (contract, MOU, agreement)
/// if it is one
/// (`same_money`: "146만불의 수출계약을 성사시켰다 … 총146만불의 수출계약
/// 성과를 거뒀다"), and one with neither count nor amount of the type and
/// status of an earlier one (two separate bare MOUs of one article are
/// rarer than one told in the caption, the lead and the body).
///
/// Returns a line for review for each document dropped as told again
/// without a figure: it may be a second one ("…와 전남대학교는 량해각서
/// 체결을 통해" after another MOU).
pub(super) fn drop_repeats(outcomes: &mut Vec<DraftOutcome>) -> Vec<String> {
    carry_counts(outcomes);
    // Indices of the outcomes past the sum check, of those kept, and of
    // those told again without a figure.
    let (mut summed, mut kept, mut told) = (Vec::new(), Vec::new(), Vec::new());
    for (i, o) in outcomes.iter().enumerate() {
        let (t, st) = (o.kind.value, o.status.value);
        if let Some(a) = &o.amount {
            // Two firms of one sentence may each sign for 3천만 달러: the
            // same sum again is a repeat in another sentence (the lead and
            // the body), as a total, or with another status, whatever the
            // document is called there ("168만달러의 현장 계약" in the lead,
            // "양해각서 … 168만달러의 계약" in the body).
            let again = summed
                .iter()
                .map(|&j| &outcomes[j])
                .any(|e: &DraftOutcome| {
                    same_money(e, o)
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

/// The same sum told of one deal under two names: a contract in one
/// telling, an MOU, letter of intent or agreement in the other (or the same
/// document). An investment and a contract of one sum are two deals.
fn same_money(a: &DraftOutcome, b: &DraftOutcome) -> bool {
    let deal = |o: &DraftOutcome| {
        matches!(
            o.kind.value,
            OutcomeType::Contract | OutcomeType::Mou | OutcomeType::Agreement
        )
    };
    (a.kind.value == b.kind.value || (deal(a) && deal(b))) && same_amount(a, b)
}

/// Whether two outcomes carry the same amount in the same currency.
fn same_amount(a: &DraftOutcome, b: &DraftOutcome) -> bool {
    a.amount
        .as_ref()
        .zip(b.amount.as_ref())
        .is_some_and(|(x, y)| {
            x.value.value == y.value.value && x.value.currency == y.value.currency
        })
}

/// A sum told again with its count ("950만달러 규모 업무협약 … 19건
/// 업무협약이 … 체결돼 950만 달러 규모"): the first telling, which is kept,
/// takes the count, and a bare agreement the later telling's more exact
/// type ("815만 달러 규모의 수출 협약 … 총 18건, 815만 달러의
/// 협약(MOU)이 체결됐다").
fn carry_counts(outcomes: &mut [DraftOutcome]) {
    let same =
        |a: &DraftOutcome, b: &DraftOutcome| same_money(a, b) && a.title.quote != b.title.quote;
    for b in 1..outcomes.len() {
        let Some(a) = (0..b).find(|&a| same(&outcomes[a], &outcomes[b])) else {
            continue;
        };
        if outcomes[a].count.is_none() && outcomes[b].count.is_some() {
            outcomes[a].count = outcomes[b].count.take();
            if outcomes[a].kind.value == OutcomeType::Agreement {
                outcomes[a].kind = outcomes[b].kind.clone();
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An outcome's sum, as a number.
    fn sum(o: &DraftOutcome) -> Option<f64> {
        o.amount.as_ref().map(|a| a.value.value)
    }

    /// Asserts that none of `sentences` yields an outcome.
    fn no_outcome(sentences: &[&str]) {
        for s in sentences {
            let o = outcomes(s, false);
            assert!(o.is_empty(), "{s}: {o:#?}");
        }
    }

    /// The type and status of a sentence's first outcome.
    fn kind_and_status(s: &str) -> (OutcomeType, OutcomeStatus) {
        let o = outcomes(s, false);
        let first = o.first().unwrap_or_else(|| panic!("no outcome in {s}"));
        (first.kind.value, first.status.value)
    }

    /// Doing more of something ("교류를 확대하기로 했다") is no agreement;
    /// deciding on a thing ("실무협의체를 구성하기로 했다") is.
    #[test]
    fn an_intention_to_do_more_is_no_agreement() {
        no_outcome(&[
            "경기도와 멕시코 사카테카스주가 자동차 산업 등 교류를 확대하기로 했다.",
            "대표단이 충북도를 방문, 경제교류 및 우호협력을 위해 상호 노력하기로 했다.",
            "장자제시 당서기를 만나 교류·협력 강화를 위한 방안을 협의하기로 했다.",
        ]);
        for s in [
            "양측은 극동아시아 물류확보를 위한 실무협의체를 구성하기로 했다.",
            // A vague intention beside a decision or an agreement hides
            // neither.
            "양측은 교류를 확대하기로 했으며 실무협의체를 구성하기로 했다.",
            "양측은 교류를 확대하기로 했고 공동 연구에 합의하였다.",
        ] {
            assert_eq!(
                kind_and_status(s),
                (OutcomeType::Agreement, OutcomeStatus::Agreed),
                "{s}"
            );
        }
    }

    /// A sum put into a plant "to be built" is an investment agreed,
    /// whichever verb puts it there.
    #[test]
    fn money_put_in_is_an_investment() {
        for s in [
            "H사는 300만달러를 들여 한국에 정밀기계용 고순도 금속제품 공장을 설립하기로 했다.",
            "아미타 역시 3000만달러를 투입해 산업용 폐기물 재처리 사업을 하기로 했다.",
        ] {
            assert_eq!(
                kind_and_status(s),
                (OutcomeType::Investment, OutcomeStatus::Agreed),
                "{s}"
            );
        }
    }

    /// A count whose own item is talks counts no documents, before the
    /// document or after it ("…20건, 7000만 달러 규모의 수출 상담 및 …").
    #[test]
    fn counts_of_talks_beside_contracts() {
        let o = outcomes(
            "무역사절단은 디트로이트에서 39건, 1억 달러 규모 수출상담, 2151만 달러의 계약추진액 성과를 올렸고 토론토에서 20건, 7000만 달러 규모의 수출 상담 및 1658만 달러의 계약추진 성과를 이뤘다.",
            false,
        );
        assert!(!o.is_empty());
        assert!(o.iter().all(|o| o.count.is_none()), "{o:#?}");
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
        no_outcome(&[
            "이로써 충남도의 중국 내 자매결연 체결 자치단체는 허베이성과 함께 모두 3곳으로 늘었다.",
            "9개사 부스에는 바이어가 방문해 계약검토 177건 1000만 달러의 수출상담실적을 올렸다.",
            "한-말레이시아 자유무역협정(FTA) 타결 추진 등 협력에 속도를 내기로 약속했다.",
            "앞서 시는 해당 지역에 무역사절단을 파견해 19건의 업무협약(MOU) 체결 성과를 거뒀다.",
        ]);
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
        // Talks counted before their sum; talks that led to a result; the
        // fair where a contract was signed.
        for (s, sums) in [
            (
                "충청북도는 최근 열린 '2018 충북 농식품 수출상담회'에서 1014만 달러의 수출 계약 성과를 올렸다.",
                10_140_000.0,
            ),
            (
                "사절단은 수출상담 32건 8495만 달러, 계약기대 17건 2235만 달러의 성과를 거두었다.",
                22_350_000.0,
            ),
            (
                "25개 기업이 48차례 상담으로 25건 287만8000달러의 수출 계약실적을 올렸다.",
                2_878_000.0,
            ),
        ] {
            let o = outcomes(s, false);
            assert_eq!(
                o.iter().filter_map(sum).collect::<Vec<_>>(),
                [sums],
                "{o:#?}"
            );
        }
        // A goal is no result's amount.
        let o = outcomes(
            "3개 기업과 투자 협약을 체결해 '임기 내 100조 원 투자유치' 목표를 조기 달성할 계획이다.",
            false,
        );
        assert!(o[0].amount.is_none(), "{o:#?}");
        // The 약 that ends 계약 is no "about"; one that stands alone is.
        for (s, approximate) in [
            ("경북도는 수출계약 1백42만달러의 실적을 올렸다.", false),
            ("경북도는 약 142만달러의 수출계약을 체결했다.", true),
        ] {
            let o = outcomes(s, false);
            let a = o[0].amount.as_ref().expect("amount");
            assert_eq!(
                (a.value.value, a.value.approximate),
                (1_420_000.0, approximate),
                "{s}"
            );
        }
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
        // A total closing a clause's list stands for the list: one outcome,
        // with the total's document, count and sum; a total split from its
        // item is quoted from the item.
        for (s, kind, count, total, quote) in [
            (
                "또 애니룩스는 튀르키예 기업과 50만 달러의 계약을 확정하는 등 총 5건 143만 달러의 업무협약(MOU)이 이뤄졌다.",
                OutcomeType::Mou,
                5,
                Some(1_430_000.0),
                None,
            ),
            (
                "총 145건 수출상담이 이뤄졌으며, 완도 다시마전복수산의 86만달러의 현장계약 체결 등을 포함해 37건, 770만달러의 계약(MOU 포함)이 성사됐다.",
                OutcomeType::Contract,
                37,
                Some(7_700_000.0),
                Some("완도"),
            ),
            (
                "A시와 업무협약(MOU)을 체결하는 등 총 3건의 협약을 맺었다.",
                OutcomeType::Agreement,
                3,
                None,
                Some("A시와"),
            ),
        ] {
            let o = outcomes(s, false);
            assert_eq!(o.len(), 1, "{s}: {o:#?}");
            assert_eq!(o[0].kind.value, kind, "{s}");
            assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(count), "{s}");
            assert_eq!(sum(&o[0]), total, "{s}");
            if let Some(q) = quote {
                assert!(o[0].title.quote.starts_with(q), "{s}: {o:#?}");
            }
        }
        // "등을 포함해" after no document is no total.
        let o = outcomes(
            "A사와 30만 달러의 수출계약을 체결했으며, 베트남 등을 포함해 5개국 바이어와 20만 달러의 MOU를 체결했다.",
            false,
        );
        assert_eq!(o.len(), 2, "{o:#?}");
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
        no_outcome(&[
            "10개 기업에 계약 체결 상담액 1578만 달러, 1년 내 계약추진액 552만 달러 등 구매의사를 확인했다.",
            "도는 이 가운데 계약 체결 가능성이 높은 55개 기업을 선별해 상담회에 초청했다.",
            "샘플 주문을 받으며 계약 체결의 토대를 마련했다.",
        ]);
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
        let cases = [
            (
                "600만 달러 수출상담 실적을 올렸고 현지 업체와 총 60만 달러의 MOU를 체결했다.",
                Some(600_000.0),
            ),
            (
                "두 업체와 각 600만달러씩 총 1200만달러의 양해각서(MOU)를 체결했다.",
                Some(12_000_000.0),
            ),
            (
                "바이어와 550만 달러어치(한화 약 71억원)의 수출협약을 맺었다.",
                Some(5_500_000.0),
            ),
            // A sum in brackets after a count is the counted ones' sum.
            (
                "단체관은 상담 77건(1857만달러), 계약 24건(503만달러)의 성과를 이끌어냈다.",
                Some(5_030_000.0),
            ),
            (
                "업무협약을 체결했으며 투자 규모는 500만 달러다.",
                Some(5_000_000.0),
            ),
            (
                "사절단이 상담실적 3천564만달러(415억원), 계약 649만달러(75억원)를 체결했다.",
                Some(6_490_000.0),
            ),
            (
                "바이어가 참관해 215만5000달러 규모의 수출 계약이 성사됐다.",
                Some(2_155_000.0),
            ),
            // Talks, past their conversion, are no outcome's amount; a list
            // ending in talks does not make the next amount theirs.
            (
                "이런 확정 계약을 포함해 모두 744만8천달러(86억원) 규모 상담이 이뤄졌다.",
                None,
            ),
            (
                "400여 건의 수출 상담과 4500만달러 규모의 수출계약이 성사됐다.",
                Some(45_000_000.0),
            ),
        ];
        for (s, want) in cases {
            assert_eq!(amount(s), want, "{s}");
        }
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
        // Nor one past a qualifier.
        let o = outcomes(
            "업체들은 바이어들과 30건 이상의 수출 상담을 통해 총 600만 달러 규모의 수출 협약을 체결했다.",
            false,
        );
        assert!(o[0].count.is_none(), "{:?}", o[0].count);
        let o = outcomes("업체 5곳(6건)과 MOU를 체결했다.", false);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(6));
        let o = outcomes("현지 기업과 MOU 3건을 체결했다.", false);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(3));
        // Firms that take part, or among which some signed, count nothing.
        for s in [
            "수출기업 6개사와 일본 바이어 4개사가 참여한 가운데 수출 계약식을 가졌다.",
            "참가기업 7개사 중 A사가 사우디에서 104만 달러의 계약을 체결했다.",
            "스타트업 8개사를 대상으로 매칭 데이를 열어 105만 달러의 수출양해각서를 체결했다.",
            "18개사 대표들과 현지 구매자간 총 108건의 수출 상담을 진행해 370만 달러의 수출계약 성과를 올렸다.",
        ] {
            let o = outcomes(s, false);
            assert_eq!(o.len(), 1, "{o:#?}");
            assert!(o[0].count.is_none(), "{s}: {:?}", o[0].count);
        }
        let o = outcomes("독일 및 이스라엘 2개 기업과 투자협약을 체결했다.", false);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(2));
    }

    /// "수출계약 MOU" is an MOU (the last noun is the head); "1억 달러의
    /// 투자를 약속했다" is an investment; a won amount the article gives as
    /// the conversion of another outcome's is the same outcome.
    #[test]
    fn outcome_types_and_conversions() {
        let o = outcomes("무역사절단이 88억원의 수출계약 MOU를 체결했다.", false);
        assert_eq!(o[0].kind.value, OutcomeType::Mou);
        // A memorandum of agreement; a signing ceremony to come, its name
        // quoted.
        for (s, kind, status) in [
            (
                "상하이시 회의실에서 합의각서(MOA) 체결했다고 12일 밝혔다.",
                OutcomeType::Agreement,
                OutcomeStatus::Signed,
            ),
            (
                "서울시는 25일 온라인으로 '서울시 스마트시티 협력 업무협약식'을 개최한다고 밝혔다.",
                OutcomeType::Mou,
                OutcomeStatus::Planned,
            ),
            (
                "서울시는 25일 「스마트시티 협력 업무협약식」을 개최한다고 밝혔다.",
                OutcomeType::Mou,
                OutcomeStatus::Planned,
            ),
        ] {
            let o = outcomes(s, false);
            assert_eq!(o.len(), 1, "{s}");
            assert_eq!(kind_and_status(s), (kind, status), "{s}");
            // The status quotes the sentence as written, marks and all.
            assert!(s.contains(&o[0].status.quote), "{s}: {:?}", o[0].status);
        }
        // Contracts to pursue are planned; a ceremony written apart from
        // its document ("협약 체결식") is one held when the verb says so.
        for (s, kind, status) in [
            (
                "덕산B&F는 다나까식품과 흑마늘 200만 불 수출계약을 추진키로 했다.",
                OutcomeType::Contract,
                OutcomeStatus::Planned,
            ),
            (
                "대표단은 덴소사 본사에서 4500만 달러 규모의 투자협약 체결식을 했다.",
                OutcomeType::Investment,
                OutcomeStatus::Signed,
            ),
            (
                "은평구는 지난 14일 구청에서 몽골 셀렝게도와 자매결연 협약 체결식을 진행했다.",
                OutcomeType::Agreement,
                OutcomeStatus::Signed,
            ),
            // A joint declaration adopted, signed or to be adopted.
            (
                "강원도는 몽골 튜브도를 방문해 '교류협력 확대 공동선언'을 채택했다.",
                OutcomeType::Agreement,
                OutcomeStatus::Signed,
            ),
            (
                "양 지사는 청년 교류를 위한 공동선언문에 서명했다.",
                OutcomeType::Agreement,
                OutcomeStatus::Signed,
            ),
            (
                "참석자들은 경제·관광 협력 선언문도 채택한다.",
                OutcomeType::Agreement,
                OutcomeStatus::Planned,
            ),
            (
                "양 기관은 오는 20일 업무협약 체결식을 진행할 예정이다.",
                OutcomeType::Mou,
                OutcomeStatus::Planned,
            ),
        ] {
            assert_eq!(kind_and_status(s), (kind, status), "{s}");
        }
        no_outcome(&[
            "우호교류협정 체결식은 말랑시청에서 성대하게 치러졌으며, 이번 협정에 따라 양 도시는 교류 협력을 추진키로 했다.",
        ]);
        // Documents being prepared, with their sum; without one, nothing.
        let o = outcomes("이중 88건, 2500만달러가 계약을 준비 중이다.", false);
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].status.value, OutcomeStatus::UnderDiscussion);
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(88));
        no_outcome(&["새로운 국가와의 MOU도 지속 추진 중이다."]);
        // "채택하는" alone is no verb of its own: an article that announces
        // the event plans the declaration.
        let o = outcomes(
            "양 도시는 오는 5일 공동선언문을 채택하는 행사를 갖는다.",
            true,
        );
        assert_eq!(o[0].status.value, OutcomeStatus::Planned, "{o:#?}");
        // "투자유치 활동" is the trip, so the clause's document is the
        // agreement it signed.
        let o = outcomes(
            "경기도는 이번 투자유치 활동을 통해 3개사와 투자협약을 체결했다.",
            false,
        );
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(3));
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
        // Two results joined by 과, each with its sum.
        let s = "그 결과 90만 달러 규모의 수출계약과 1390만 달러 규모의 업무협약이 체결돼 총 1480만 달러 상당의 성과를 거두었다.";
        let o = outcomes(s, false);
        let got: Vec<(OutcomeType, OutcomeStatus, Option<f64>)> = o
            .iter()
            .map(|o| (o.kind.value, o.status.value, sum(o)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    OutcomeType::Contract,
                    OutcomeStatus::Signed,
                    Some(900_000.0)
                ),
                (OutcomeType::Mou, OutcomeStatus::Signed, Some(13_900_000.0))
            ]
        );
        // Partners joined by 와 are not results.
        assert_eq!(
            outcomes("A사와 B사는 200만 달러 규모의 수출계약을 체결했다.", false).len(),
            1
        );
    }

    /// A total is kept and the parts that add up to it are dropped, with a
    /// review line: all the others, or the last ones before it.
    #[test]
    fn totals_are_kept_and_their_parts_dropped() {
        let amounts = |s: &str| {
            let mut o: Vec<DraftOutcome> = s.split(". ").flat_map(|x| outcomes(x, false)).collect();
            let review = drop_parts(&mut o);
            (o.iter().filter_map(sum).collect::<Vec<f64>>(), review)
        };
        let (kept, review) = amounts(
            "A사와 500억원 투자협약을 체결했다. B사와 200억원 투자협약을 체결했다. 이로써 총 700억원의 투자협약을 맺었다. C사와는 1300억원 투자협약을 맺었다.",
        );
        assert_eq!(kept, [70_000_000_000.0, 130_000_000_000.0]);
        assert_eq!(review.len(), 1, "{review:?}");
        assert!(review[0].contains("«500억원»"), "{review:?}");
        let (kept, _) = amounts(
            "2억2000만달러 규모의 MOU를 체결했다. A사와 1억달러 MOU를 맺었다. B사와 1억2000만달러 MOU를 맺었다.",
        );
        assert_eq!(kept, [220_000_000.0]);
        // Amounts that add up to none stay.
        let (kept, review) = amounts(
            "A사와 1억달러 MOU를 맺었다. B사와 2억달러 MOU를 맺었다. 총 5억달러 MOU를 맺었다.",
        );
        assert_eq!(kept, [100_000_000.0, 200_000_000.0, 500_000_000.0]);
        assert!(review.is_empty());
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
        // A sum told again with its count and its exact type: the first
        // telling takes both.
        let mut o = all(&[
            "충남도는 수출상담회에서 815만 달러 규모의 수출 협약을 맺었다.",
            "상담회에서는 총 220건의 상담이 진행돼 총 18건, 815만 달러의 협약(MOU)이 체결됐다.",
        ]);
        drop_repeats(&mut o);
        assert_eq!(o.len(), 1, "{o:#?}");
        assert_eq!(o[0].kind.value, OutcomeType::Mou, "{o:#?}");
        assert_eq!(o[0].count.as_ref().map(|c| c.value), Some(18), "{o:#?}");
        // One told as among a total: left out, for review.
        let mut o = all(&[
            "충남 기업은 총 42건 1542만 달러 규모의 수출 양해각서(MOU) 체결 성과를 올렸다.",
            "이 중 방기정 주식회사는 미팜꾸엔과 500만 달러 규모의 수출 MOU를 체결했다.",
        ]);
        assert_eq!(o.len(), 2, "{o:#?}");
        let review = drop_among(&mut o);
        let sums: Vec<_> = o.iter().filter_map(sum).collect();
        assert_eq!(sums, [15_420_000.0], "{o:#?}");
        assert_eq!(review.len(), 1, "{review:?}");
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
        // One sum, called a contract in the lead and MOUs in the body, is
        // one deal; an investment of a contract's sum is another.
        for (body, kept) in [
            (
                [
                    "경북도가 수출상담회를 열어 168만달러의 현장 계약을 체결하는 성과를 올렸다.",
                    "화장품 등 9개 기업은 현장에서 구매의향서 등 양해각서 협약을 체결해 168만달러의 계약을 성사했다.",
                ],
                1,
            ),
            (
                [
                    "A사와 100만 달러 규모의 수출계약을 체결했다.",
                    "B사로부터 100만 달러의 투자를 유치했다.",
                ],
                2,
            ),
        ] {
            let mut o = all(&body);
            assert_eq!(o.len(), 2, "{o:#?}");
            drop_repeats(&mut o);
            assert_eq!(o.len(), kept, "{o:#?}");
        }
    }
}
