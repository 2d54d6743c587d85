//! A saved news page as the article a person reads: the bytes decoded
//! (UTF-8 or CP949), markup and page furniture (weather bars, menus,
//! "저작권자 ©", related-news lists, photo credits) removed, and the
//! headline, outlet, byline and publication date picked out.

use std::sync::LazyLock;

use regex::Regex;

use super::find::Words;
use crate::load::human;
use crate::load::sheet::Encoding;
use crate::model::FuzzyDate;

/// The largest article read: the loader's limit for a file (a saved page
/// of a few hundred kilobytes is common, a 16 MiB one is not an article).
pub const MAX_BYTES: usize = crate::load::MAX_FILE_BYTES as usize;

/// The article on a page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The headline, as printed.
    pub headline: Option<String>,
    /// The subheadings under it.
    pub subheads: Vec<String>,
    /// The outlet, from the byline or the copyright line.
    pub outlet: Option<String>,
    /// The publication date printed on the page, with the words it came
    /// from (`발행시간: 2018.01.15`).
    pub published: Option<(FuzzyDate, String)>,
    /// A date on the page that is not labelled as the publication date (the
    /// date bar of the site): reported, never used to resolve dates.
    pub page_date: Option<String>,
    /// The canonical address of an HTML page.
    pub url: Option<String>,
    /// The body text, paragraph by paragraph, byline removed.
    pub paragraphs: Vec<String>,
    /// Photo captions, each once, in order ("▲안산시-필리핀 산페르난도시 27일
    /// 우호증진 협의서 체결"): not body text, but they may date the event
    /// the body only calls "이날".
    pub captions: Vec<String>,
}

/// Why a file is not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

/// Decodes bytes as UTF-8 or CP949 and refuses what is not text.
pub fn decode(bytes: &[u8]) -> Result<String, NotText> {
    if bytes.len() > MAX_BYTES {
        return Err(NotText(format!(
            "it is {} MiB; an article is at most {} MiB",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let encoding = Encoding::of(bytes).map_err(NotText)?;
    let bom = if encoding == Encoding::Utf8Bom { 3 } else { 0 };
    let text = encoding
        .text(&bytes[bom..])
        .map_err(|_| NotText(format!("it is not {} text", encoding.name())))?;
    // Binary files decode as CP949 surprisingly often; their control
    // characters give them away.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if controls > 0 && controls * 200 > text.chars().count().max(1) {
        return Err(NotText("it holds binary data, not text".into()));
    }
    Ok(text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect())
}

/// Reads a page: HTML when it looks like markup, plain text otherwise.
pub fn read(text: &str) -> Page {
    let (plain, meta) = if looks_like_html(text) {
        let meta = html_meta(text);
        (html_to_text(text), meta)
    } else {
        (text.to_string(), Meta::default())
    };
    let mut page = from_lines(&plain);
    page.headline = meta.title.or(page.headline);
    page.outlet = meta.site.or(page.outlet);
    page.url = meta.url;
    if let Some(p) = meta.published {
        page.published = Some(p);
    }
    page
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(4096).collect::<String>().to_lowercase();
    head.trim_start().starts_with('<')
        && ["<html", "<body", "<div", "<p", "<meta", "<!doctype"]
            .iter()
            .any(|t| head.contains(t))
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    site: Option<String>,
    url: Option<String>,
    published: Option<(FuzzyDate, String)>,
}

/// The article's title, outlet, address and date from an HTML page's meta
/// tags (Open Graph and the article namespace).
fn html_meta(html: &str) -> Meta {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?is)<meta\s[^>]*?(?:property|name)\s*=\s*["']([^"']+)["'][^>]*?content\s*=\s*["']([^"']*)["']"#)
            .expect("static regex")
    });
    let mut meta = Meta::default();
    for c in META.captures_iter(html) {
        let value = decode_entities(c[2].trim());
        if value.is_empty() {
            continue;
        }
        match c[1].to_ascii_lowercase().as_str() {
            "og:title" => meta.title = Some(value),
            "og:site_name" => meta.site = Some(value),
            "og:url" => meta.url = Some(value),
            "article:published_time" | "pubdate" | "publish-date" | "date" => {
                if meta.published.is_none()
                    && let Some(d) = value.get(..10).and_then(|d| human::date(d).ok())
                {
                    meta.published = Some((d, value.clone()));
                }
            }
            _ => {}
        }
    }
    meta
}

/// Text of an HTML page: scripts and styles dropped, block ends as line
/// breaks, entities decoded.
fn html_to_text(html: &str) -> String {
    static SKIP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)<!--.*?-->|<(script|style|noscript|svg|head|template)\b.*?</(script|style|noscript|svg|head|template)\s*>")
            .expect("static regex")
    });
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)<(br|/p|/div|/li|/h[1-6]|/tr|/article|/section|/header|/footer|/figcaption|/blockquote)\b[^>]*>|<(p|div|li|h[1-6]|tr|figcaption)\b[^>]*>")
            .expect("static regex")
    });
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("static regex"));
    let text = SKIP.replace_all(html, " ");
    let text = BLOCK.replace_all(&text, "\n");
    let text = TAG.replace_all(&text, "");
    decode_entities(&text)
}

/// `&amp;`, `&#39;`, `&#x2F;`, `&nbsp;` and the other common entities.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "middot" => Some('·'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(if c.is_control() && c != '\n' { ' ' } else { c });
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Words that end an article: what follows them is the site's furniture
/// (copyright, related and most-read news, comments).
const ARTICLE_ENDS: &[&str] = &[
    "저작권자",
    "무단전재",
    "무단 전재",
    "무단복제",
    "ⓒ",
    "©",
    "Copyright",
    "다른기사 보기",
    "당신만 안 본 뉴스",
    "많이 본 뉴스",
    "인기기사",
    "관련기사",
    "관련 기사",
    "포토뉴스",
    "[뉴스출처",
    "뉴스조회",
    "네티즌 의견",
    "댓글",
    "기사제보",
    "구독신청",
];

/// Lines of page furniture that may stand before or inside an article.
fn is_furniture(line: &str) -> bool {
    let l = line.trim();
    l.is_empty()
        || l.contains('℃')
        || l.contains("AI 요약")
        || l.contains("기사 본문을 확인")
        || l.contains(" > ")
        || l.contains(" | |")
        // "이 기사는 1번 공유됐고 0개의 댓글이 있습니다.": a share counter.
        || l.contains("댓글이 있습니다")
        || l == "배너"
        || l == "상태바"
        || l.ends_with(".jpg")
        || l.ends_with(".png")
        || l.ends_with(".gif")
        || [
            "기상청 제공",
            "공유합니다",
            "로고",
            "모바일버전",
            "모바일 버전",
            "글자크기",
            "작게",
            "크게",
            "원본",
            "더보기",
        ]
        .iter()
        .any(|w| l.contains(w) && l.chars().count() < 30)
}

/// A line that reads as running text: long, with a sentence ending.
fn is_prose(line: &str) -> bool {
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?:다|요)["”’]?\."#).expect("static regex"));
    let n = line.chars().count();
    // A headline may end in 다 too ("…활력소를 불어넣다"), but not in "다.".
    (n >= 20 && END.is_match(line)) || (n >= 80 && line.trim_end().ends_with('다'))
}

/// A photo caption or credit: "…체결했다./한동현 기자", "클립아트코리아 제공.",
/// "…찍고 있다.(여수시 제공)2025.1.20/뉴스1", "본문 이미지 - …".
fn is_caption(line: &str) -> bool {
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:/\s*\S{2,4}\s*기자|사진\s*=\s*\S+|\S+\s*제공\.?|\(제공\s*[:：]?\s*\S+\)|\d{4}\.\d{1,2}\.\d{1,2}\s*/\s*\S{2,6})\s*$")
            .expect("static regex")
    });
    let l = line.trim();
    // A wire photo's credit may end in the agency's copyright: "…/뉴스1© News1",
    // "(제공: 순천시) ⓒ천지일보(뉴스천지) 2018.1.31".
    let credit = l
        .rfind(['©', 'ⓒ'])
        .filter(|&at| l[at..].chars().count() <= 24)
        .map_or(l, |at| l[..at].trim_end());
    // "오언석(왼쪽) 도봉구청장과 … 체결하고 악수하고 있다.": who stands
    // where in a photo.
    let posed = [
        "(왼쪽",
        "(오른쪽",
        "(가운데",
        "(앞줄",
        "(뒷줄",
        "(사진 왼쪽",
        "(사진 오른쪽",
    ]
    .iter()
    .any(|w| l.contains(w))
        && present(l);
    // "…수출계약을 체결했다. (거창군 제공)© 뉴스1": a credit in brackets
    // closes a photo's one-sentence caption, not a paragraph of the body.
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\([^()]{1,20}제공\s*\)\s*$").expect("static regex"));
    let bracketed = BRACKETED.is_match(credit) && l.chars().count() < 200;
    // "…참석자들과 기념사진을 찍고 있다. ⓒ G뉴스플러스": a pose signed by
    // the agency's mark (not the body's last line, "…기대하고 있다. ⓒ …").
    let signed_pose =
        credit.len() < l.len() && POSES.iter().any(|w| credit.contains(w)) && present(credit);
    posed
        || bracketed
        || signed_pose
        || (CAPTION.is_match(credit) && !l.starts_with('/'))
        || l.starts_with("본문 이미지")
        || l.starts_with('▲')
        || l.starts_with('△') && l.chars().count() < 80
        || ["(사진)", "(자료사진)", "사진=", "사진제공", "/사진"]
            .iter()
            .any(|w| l.contains(w))
            && !is_prose_long(l)
            && !pictured(l)
}

/// What a photo shows being done.
const POSES: &[&str] = &[
    "기념사진",
    "기념촬영",
    "사진을 찍",
    "포즈를",
    "악수하고",
    "손을 맞잡",
];

/// A short line told in the present progressive ("…찍고 있다."), as
/// captions are.
fn present(l: &str) -> bool {
    l.trim_end_matches(['.', ' ']).ends_with("있다") && l.chars().count() < 200
}

/// "손학규(사진) 경기지사가 … 맺는다.": a sentence that marks the person
/// pictured beside it, not a caption.
fn pictured(l: &str) -> bool {
    let sentence = l.ends_with("다.") || l.ends_with('다');
    let credit = ["사진=", "사진제공", "/사진", "(자료사진)"]
        .iter()
        .any(|w| l.contains(w));
    sentence && !credit && l.chars().count() >= 40
}

/// A long paragraph is text even when a photo is mentioned in it.
fn is_prose_long(l: &str) -> bool {
    l.chars().count() > 200
}

/// Splits plain text into headline, outlet, date and body.
fn from_lines(text: &str) -> Page {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['•', '·', '■', '□', '◆', '-'])
                .trim()
        })
        .collect();
    let mut page = Page {
        published: find_published(&lines),
        page_date: lines.iter().find(|l| bare_date(l)).map(|l| l.to_string()),
        ..Page::default()
    };
    // Without a line of prose that is no caption, the text is a caption: a
    // photo story ("▲ 박형준 시장은 지난 20일 … 논의했다고 21일 밝혔다.
    // … (부산=연합뉴스)") or a one-paragraph release ending in its credit
    // ("…밝혔다.(전남도 제공)").
    let body_start = lines
        .iter()
        .position(|l| is_prose(l) && !is_caption(l) && !is_furniture(l))
        .map(|i| (i, false))
        .or_else(|| {
            lines
                .iter()
                .position(|l| is_prose(l) && !is_furniture(l))
                .map(|i| (i, true))
        });
    let Some((start, all_caption)) = body_start else {
        page.captions = captions(&lines);
        page.outlet = copyright_outlet(text);
        return page;
    };
    let first = lines[start].trim_start_matches(['▲', ' ']);
    let (heads, body_first) = heads_of(&lines[..start], first);
    let mut heads = heads.into_iter();
    page.headline = heads.next();
    page.subheads = heads.collect();
    let (paragraphs, outlet, read) = body_of(&lines[start..], &body_first, all_caption);
    page.outlet = outlet;
    page.paragraphs = paragraphs;
    // Captions up to where the article ends, not those of the related
    // articles listed after it.
    page.captions = captions(&lines[..start + read]);
    if page.outlet.is_none() {
        page.outlet = copyright_outlet(text);
    }
    page
}

/// The photo captions among the lines, each once, without the leading mark.
fn captions(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines.iter().filter(|l| is_caption(l)) {
        let l = l
            .trim_start_matches(['▲', '△', ' '])
            .trim_end_matches(['|', ' ']);
        if !l.is_empty() && !out.iter().any(|c| c == l) {
            out.push(l.to_string());
        }
    }
    out
}

/// Headline and subheadings: the lines before the body that are not
/// furniture, dates or the publication line; a headline printed twice
/// (page title and article title) is taken once. Also the first body line,
/// without a headline run into it.
fn heads_of(before: &[&str], first: &str) -> (Vec<String>, String) {
    let mut heads: Vec<String> = Vec::new();
    for l in before {
        if is_furniture(l)
            || bare_date(l)
            || l.chars().count() < 8
            || labelled_date(l).is_some()
            || is_caption(l)
        {
            continue;
        }
        if !heads.iter().any(|h| h == l) {
            heads.push(l.to_string());
        }
    }
    // A headline run into the first body line, as plain-text copies of
    // some pages have it: "…집중 논의 클립아트코리아 제공. 대전에서 …".
    let mut body_first = first.to_string();
    if heads.is_empty()
        && let Some((head, rest)) = split_credit(&body_first)
    {
        heads.push(head);
        body_first = rest;
    }
    (heads, body_first)
}

/// The body's paragraphs, each once, without captions (but the first line
/// when it is the text), furniture and bylines, up to the copyright mark;
/// the outlet a byline names; and how many lines were read.
fn body_of(
    lines: &[&str],
    first: &str,
    first_is_text: bool,
) -> (Vec<String>, Option<String>, usize) {
    let mut seen: Vec<String> = Vec::new();
    let mut outlet = None;
    let mut read = lines.len();
    for (i, l) in lines.iter().enumerate() {
        let line = if i == 0 { first } else { l };
        let text = i == 0 && first_is_text;
        if is_caption(line) && !text {
            continue;
        }
        let (kept, ended) = cut_at_end(line);
        let kept = kept.trim();
        if !kept.is_empty() && !is_furniture(kept) && (text || !is_caption(kept)) {
            let (named, rest) = strip_byline(kept);
            if outlet.is_none() {
                outlet = named;
            }
            let rest = rest.trim();
            if !rest.is_empty() && !seen.iter().any(|s| s == rest) {
                seen.push(rest.to_string());
            }
        }
        // A copyright mark ends the article once some of it was read, not
        // in a photo's credit above it ("…/뉴스1© News1").
        if ended && !seen.is_empty() {
            read = i + 1;
            break;
        }
    }
    (seen, outlet, read)
}

/// A page's count of comments, "• 댓글 0", as against its comments.
fn comment_counter(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['•', '·', '-']).trim();
    t.starts_with("댓글") && t.chars().count() <= 12 && t.chars().any(|c| c.is_ascii_digit())
}

/// "…헤드라인 클립아트코리아 제공. 본문…" -> ("…헤드라인", "본문…").
fn split_credit(line: &str) -> Option<(String, String)> {
    static CREDIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(.{8,}?)\s+\S+\s*제공\.\s*(.+)$").expect("static regex"));
    let c = CREDIT.captures(line)?;
    let head = c[1].trim();
    (!head.contains("다.")).then(|| (head.to_string(), c[2].to_string()))
}

/// The line up to the first word that ends an article, and whether one did.
fn cut_at_end(line: &str) -> (&str, bool) {
    // "• 댓글 0" under the headline counts comments: furniture, no end.
    if comment_counter(line) {
        return ("", false);
    }
    static ENDS: LazyLock<Words<()>> =
        LazyLock::new(|| Words::new(Vec::leak(ARTICLE_ENDS.iter().map(|w| (*w, ())).collect())));
    let cut = ENDS.first_in_text(line).map(|(at, _, _)| at);
    match cut {
        Some(i) => {
            // A byline just before the copyright line ends the text too:
            // "…말했다. /이성재 기자 이성재 기자 a1065@…".
            let kept = &line[..i];
            let kept = kept.find(" /").map_or(kept, |j| {
                if kept[j..].contains("기자") {
                    &kept[..j]
                } else {
                    kept
                }
            });
            (kept, true)
        }
        None => {
            let trimmed = line.trim_end();
            // "…밝혔다. /이성재 기자" closes the article.
            match trimmed.rfind('/') {
                Some(j) if trimmed[j..].trim_end().ends_with("기자") && j > 0 => {
                    (&trimmed[..j], true)
                }
                _ => (line, false),
            }
        }
    }
}

/// Removes a byline at the start of the lead: "데일리연합 (SNSJTV) 임재현
/// 기자 | ", "[시사캐치] ", "(흑룡강신문=하얼빈)리흔 기자= ". Returns the
/// outlet it names.
fn strip_byline(line: &str) -> (Option<String>, &str) {
    static BAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(.{2,40}?)\s+\S{2,4}\s*(?:선임|수석|객원|인턴)?\s*기자\s*[|｜]\s*")
            .expect("static regex")
    });
    static PAREN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[(\[【]\s*([^)\]】=]{2,20})(=[^)\]】]{1,12})?[)\]】]\s*(?:\S{2,4}\s*(?:특파원|기자)\s*=?\s*)?").expect("static regex")
    });
    if let Some(c) = BAR.captures(line) {
        let end = c.get(0).map_or(0, |m| m.end());
        return (Some(c[1].trim().to_string()), &line[end..]);
    }
    if let Some(c) = PAREN.captures(line) {
        let end = c.get(0).map_or(0, |m| m.end());
        let outlet = c[1].trim();
        // "(사진)" or "[단독]" is not an outlet.
        if !["사진", "단독", "속보", "종합", "영상", "인터뷰", "기획"].contains(&outlet)
        {
            return (Some(outlet.to_string()), &line[end..]);
        }
    }
    (None, line)
}

/// "저작권자 © 세종일보 무단전재" -> 세종일보.
fn copyright_outlet(text: &str) -> Option<String> {
    static COPY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:저작권자|Copyright)\s*[©ⓒ(cC)]*\s*([^\s,.]{2,20}?)(?:\s|,|\.|무단|$)")
            .expect("static regex")
    });
    COPY.captures(text).map(|c| c[1].to_string())
}

/// A date standing alone on a line, as in a site's date bar: "2026.01.19 (월)".
fn bare_date(line: &str) -> bool {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?\s*(?:\(\S\))?$").expect("static regex")
    });
    BARE.is_match(line.trim())
}

/// Labels that introduce a page's publication date, strongest first.
const PUBLISHED_LABELS: &[&str] = &[
    "발행시간",
    "발행일",
    "기사입력",
    "입력",
    "등록일",
    "등록",
    "승인",
    "게재",
    "작성일",
    "송고",
    "기사수정",
    "수정",
    "최종편집",
    "업데이트",
];

/// The labelled date on a line, and the label's rank in `PUBLISHED_LABELS`.
fn labelled_date(line: &str) -> Option<(usize, FuzzyDate, String)> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})").expect("static regex")
    });
    static LABELS: LazyLock<Words<usize>> = LazyLock::new(|| {
        Words::new(Vec::leak(
            PUBLISHED_LABELS
                .iter()
                .enumerate()
                .map(|(i, l)| (*l, i))
                .collect(),
        ))
    });
    // Most lines hold no date at all.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (_, rank) = LABELS.first_in_list(line, |_| true)?;
    let at = line.find(PUBLISHED_LABELS[rank])?;
    let rest = &line[at..];
    let m = DATE.captures(rest)?;
    let whole = m.get(0)?;
    // The date follows its label closely.
    if whole.start() > PUBLISHED_LABELS[rank].len() + 8 {
        return None;
    }
    let date = human::date(&format!("{}-{}-{}", &m[1], &m[2], &m[3])).ok()?;
    let quote = rest[..whole.end()].trim().to_string();
    Some((rank, date, quote))
}

/// The publication date: the best-labelled date on the page.
fn find_published(lines: &[&str]) -> Option<(FuzzyDate, String)> {
    lines
        .iter()
        .filter(|l| l.chars().count() < 120)
        .filter_map(|l| labelled_date(l))
        .min_by_key(|(rank, _, _)| *rank)
        .map(|(_, d, q)| (d, q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_byline_go() {
        let text = "배너\n\n2026.01.19 (월)\n\n  • 맑음서울 -2.6℃\n기상청 제공\n\n대전\n\n‘양자’ 협력 성과 가시화 이장우 대전시장, 캐나다 방문\n\n데일리연합 (SNSJTV. 타임즈M) 임재현 기자 | 이장우 대전시장은 6월 10일부터 18일까지 캐나다를 방문해 협력 확대에 나선다.\n\n배너\n포토뉴스\n\n다른 기사의 본문이 여기에 길게 이어지며 끝나지 않는 문장으로 남는다.";
        let page = read(text);
        assert_eq!(
            page.headline.as_deref(),
            Some("‘양자’ 협력 성과 가시화 이장우 대전시장, 캐나다 방문")
        );
        assert_eq!(page.outlet.as_deref(), Some("데일리연합 (SNSJTV. 타임즈M)"));
        assert_eq!(page.paragraphs.len(), 1, "{:?}", page.paragraphs);
        assert!(page.paragraphs[0].starts_with("이장우 대전시장은"));
        assert_eq!(page.page_date.as_deref(), Some("2026.01.19 (월)"));
        assert!(
            page.published.is_none(),
            "a date bar is not a publication date"
        );
    }

    /// A photo's line saying who stands where is a caption, not text; so
    /// is one credited "(제공: …)" under the outlet's copyright and date.
    #[test]
    fn who_stands_where_is_a_caption() {
        assert!(is_caption(
            "전남 순천시가 탄자니아 모시(Moshi)시와 우호 교류 협력을 위한 MOU를 체결했다. (제공: 순천시) ⓒ천지일보(뉴스천지) 2018.1.31"
        ));
        assert!(is_caption(
            "오언석(왼쪽) 서울 도봉구청장과 유효동 창평구장이 ‘자매결연 30주년 기념사업 협약’을 체결하고 악수하고 있다."
        ));
        assert!(!is_caption(
            "서울 도봉구는 지난 13일 중국 베이징시 창평구청에서 ‘자매결연 30주년 기념사업 협약’을 체결했다고 17일 밝혔다."
        ));
    }

    /// A share counter above the article is no lead, though it reads as
    /// a sentence.
    #[test]
    fn a_share_counter_is_no_lead() {
        let page = read(
            "최근기사\n\n이 기사는 1번 공유됐고 0개의 댓글이 있습니다.\n\n충북 무역사절단, 교두보 확보\n\n충북도는 지난달 24~29일 무역사절단을 체코 프라하에 파견해 수출 상담 실적을 냈다고 밝혔다.",
        );
        assert_eq!(
            page.headline.as_deref(),
            Some("충북 무역사절단, 교두보 확보")
        );
        assert_eq!(page.paragraphs.len(), 1, "{:?}", page.paragraphs);
    }

    /// A comment counter and a status bar under the headline end
    /// nothing: the article follows them.
    #[test]
    fn a_comment_counter_is_no_end() {
        let page = read(
            "안동시, 日 교류도시와 ‘문화·관광 교류 물꼬 튼다’... 사가에시, 교토시 방문\n상태바\n안동시, 日 교류도시와 ‘문화·관광 교류 물꼬 튼다’... 사가에시, 교토시 방문\n  • 권기상 기자\n  • 승인 2023.04.24 09:37\n  • 댓글 0\n이 기사를 공유합니다\n\n교류 도시 간 우호 증진과 교류 확대 위한 간담회 참석\n▲사진 안동시청 제공.\n\n안동시 대표단이 이달 24일부터 29일까지 일본 교류도시를 방문해 본격적인 문화교류에 나선다.\n\n방문단은 먼저 가마쿠라시를 방문해 교류확대 방안을 논의할 예정이다.",
        );
        assert!(
            page.paragraphs.iter().any(|p| p.starts_with("방문단은")),
            "{:?}",
            page.paragraphs
        );
        assert!(!page.paragraphs.iter().any(|p| p.contains("상태바")));
    }

    #[test]
    fn publication_line_and_caption() {
        let text = "량지 인공지능 기업 협력에 활력소를 불어넣다\n[흑룡강신문] | 발행시간: 2018.01.15일 16:44\n(흑룡강신문=하얼빈)리흔 기자= 상담회가 지난 12일 할빈 공업대학에서 성황리에 펼쳐졌다는 소식이 전해졌다.\n금약그룹과 HRG가 협력 량해각서를 체결했다./한동현 기자\n이날 회의에는 150여명 대표가 참석했으며 많은 논의가 오갔다고 전해졌다.";
        let page = read(text);
        let (d, quote) = page.published.expect("labelled date");
        assert_eq!(d.to_string(), "2018-01-15");
        assert!(quote.starts_with("발행시간"));
        assert_eq!(page.outlet.as_deref(), Some("흑룡강신문"));
        assert_eq!(page.paragraphs.len(), 2, "{:?}", page.paragraphs);
        assert!(page.paragraphs[0].starts_with("상담회가"));
    }

    /// A photo caption above the lead is not the headline; "손학규(사진)
    /// 경기지사가 …" is a sentence about the person pictured, not a caption.
    #[test]
    fn captions_and_the_person_pictured() {
        let text = "함양 중국시장개척단이 중국 현지에서 기념촬영을 하고 있다./사진=김해시\n함양군이 지난 16일부터 21일까지 6일간 중국 광저우에 시장개척단을 파견했다고 21일 밝혔다.";
        let page = read(text);
        assert_eq!(page.headline, None);
        assert!(
            page.paragraphs[0].starts_with("함양군이"),
            "{:?}",
            page.paragraphs
        );
        // Each text, how many paragraphs its body keeps, and how the first
        // begins.
        for (text, kept, first) in [
            // A wire photo's caption, credited with its date and agency.
            (
                "여수시 세부 협약\n본문 이미지 - 여수시는 세부와 협약을 체결하고 기념사진을 찍고 있다.(여수시 제공)2025.1.20/뉴스1\n여수시는 세부와 협약을 체결하고 기념사진을 찍고 있다.(여수시 제공)2025.1.20/뉴스1\n여수시는 세부가 섬박람회 참가를 확정했다고 20일 밝혔다.",
                1,
                "여수시는 세부가",
            ),
            // A credit that ends in the agency's copyright ends no article.
            (
                "진안군 협약\n부군수가 19일 군청에서 협약을 체결하고 있다.(진안군제공)2016.7.20/뉴스1© News1\n진안군 부군수는 19일 으슥아타 군수와 상생협약을 체결했다고 20일 밝혔다.",
                1,
                "진안군 부군수는",
            ),
            // Nor does one in brackets: "(거창군 제공)© 뉴스1".
            (
                "거창군, 캐나다서 수출 계약\n거창군이 캐나다 벤쿠버에서 50만달러 수출계약을 체결했다. (거창군 제공)© 뉴스1\n(경남=뉴스1) 김대광 기자 = 경남 거창군은 지난 1일부터 오는 8일까지 캐나다를 방문해 행사를 진행중에 있다고 5일 밝혔다.\n군은 지난 1일 MOU를 체결했다.",
                2,
                "경남 거창군은",
            ),
            // The body's last line, signed by the outlet's mark, ends it.
            (
                "경기도 협약\n경기도는 20일 도청에서 베트남 하노이시와 경제 교류를 위한 업무협약을 체결했다고 21일 밝혔다.\n도는 이번 협약으로 일자리 창출을 기대하고 있다. ⓒ 경기뉴스\n관련 기사: 경기도, 베트남서 투자 유치",
                2,
                "경기도는",
            ),
            // Nor a pose signed by the agency's mark.
            (
                "김문수 경기도지사가 29일 도쿄에서 열린 투자협약식에서 참석자들과 기념사진을 찍고 있다. ⓒ G뉴스플러스\n경기도 대표단이 일본 첨단기업 3개사와 투자유치를 이뤄냈다.\n경기도는 3개사와 투자협약을 체결했다.",
                2,
                "경기도 대표단이",
            ),
            // The person pictured beside a sentence: no caption.
            (
                "손학규(사진) 경기지사가 2002년 취임 이후 외국 첨단기업과의 100번째 투자 협약을 맺는다.\n손 지사는 9일 보도자료를 통해 이를 밝혔다.",
                2,
                "손학규(사진)",
            ),
        ] {
            let page = read(text);
            assert_eq!(page.paragraphs.len(), kept, "{text}: {:?}", page.paragraphs);
            assert!(
                page.paragraphs[0].starts_with(first),
                "{text}: {:?}",
                page.paragraphs
            );
        }
    }

    /// A photo story is one long caption: it is the text.
    #[test]
    fn a_photo_story_is_its_caption() {
        let text = "▲ 박형준 시장은 지난 20일 오후 시청 국제의전실에서 마에다 신타로 일본 시모노세키시 시장을 포함한 대표단을 만나 상호 교류와 협력 방안을 논의했다고 21일 밝혔다. 부산시와 시모노세키시는 자매도시이며, 대표단은 '시모노세키항 부산 세미나'를 개최하기 위해 부산을 방문했다. 박 시장은 \"부산시와 시모노세키시는 공통점이 많아 여러 분야에서 교류·협력할 수 있으며, 이번 방문을 계기로 다양한 교류를 기대한다\"고 말했다. (부산=연합뉴스)\n<연합뉴스>";
        let page = read(text);
        assert!(
            page.paragraphs[0].starts_with("박형준 시장은"),
            "{:?}",
            page.paragraphs
        );
        // Nor is one that ends in a reporter's credit, nor a one-paragraph
        // release that ends in its own.
        for text in [
            "▲ 박형준 시장은 지난 20일 시모노세키시 시장을 만나 교류 방안을 논의했다고 21일 밝혔다. 대표단은 세미나를 개최하기 위해 부산을 방문했으며 시장은 다양한 분야에서 교류와 협력을 이어가자고 말했다. 양 도시는 1976년 자매결연을 맺은 이래 행정과 문화, 청소년 분야에서 교류를 이어 오고 있다. /홍길동 기자",
            "전남도는 시장개척단을 태국에 파견해 222만 달러의 수출계약을 체결했다고 2일 밝혔다.(전남도 제공)",
        ] {
            let page = read(text);
            assert_eq!(page.paragraphs.len(), 1, "{text}: {:?}", page.paragraphs);
        }
        // A short caption above a body stays a caption.
        let page = read(
            "▲ 시장이 협약을 체결하고 있다.\n부산시는 지난 20일 시모노세키시와 협약을 체결했다고 21일 밝혔다.",
        );
        assert!(
            page.paragraphs[0].starts_with("부산시는"),
            "{:?}",
            page.paragraphs
        );
    }

    /// The captions kept are the article's, not those of the related
    /// articles listed after its copyright line.
    #[test]
    fn captions_end_with_the_article() {
        let page = read(
            "▲양 도시 대표가 27일 협의서를 체결하고 있다. 사진제공=안산시\n             안산시는 산페르난도시 사절단이 방문해 이날 협의서를 체결했다고 밝혔다.\n             저작권자 © 안산신문 무단전재 및 재배포 금지\n             ▲부산시 대표단이 30일 시모노세키에서 협약을 체결하고 있다. 사진제공=부산시",
        );
        assert_eq!(page.captions.len(), 1, "{:?}", page.captions);
        assert!(page.captions[0].contains("27일"));
    }

    #[test]
    fn html_is_read_as_text() {
        let html = r#"<!doctype html><html><head><title>x</title><meta property="og:title" content="울산시-만달레이시 MOU &amp; 교류"><meta property="article:published_time" content="2016-05-02T11:17:00+09:00"><script>var a = "<p>no</p>";</script></head><body><div class="menu">홈 &gt; 경제</div><p>울산시와 미얀마 만달레이시가 지난 2일 우호협력도시 양해각서(MOU)를 체결했다고 밝혔다.</p><p>저작권자 &copy; 울산시민신문</p></body></html>"#;
        let page = read(html);
        assert_eq!(
            page.headline.as_deref(),
            Some("울산시-만달레이시 MOU & 교류")
        );
        assert_eq!(
            page.published.map(|p| p.0.to_string()).as_deref(),
            Some("2016-05-02")
        );
        assert_eq!(page.paragraphs.len(), 1, "{:?}", page.paragraphs);
        assert!(!page.paragraphs[0].contains("no</p>"));
    }

    #[test]
    fn binary_is_refused() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(decode(&bytes).is_err());
        assert_eq!(decode("가나다".as_bytes()).as_deref(), Ok("가나다"));
        let (cp949, _, _) = encoding_rs::EUC_KR.encode("대전시는 협약을 체결했다.");
        assert_eq!(decode(&cp949).as_deref(), Ok("대전시는 협약을 체결했다."));
    }
}
