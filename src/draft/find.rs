//! Names of the taxonomies found in running text: places (regions) and
//! sectors, matched by their Korean labels and aliases with the particles
//! and suffixes Korean attaches to them ("대전시는", "퀘벡주와",
//! "바이오기업").

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{Named, Region, Taxonomy, Vocabulary, admin_stem, has_hangul, is_hangul};

/// One name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the text searched.
    pub start: usize,
    pub end: usize,
    /// Index of the entry in its vocabulary.
    pub index: usize,
}

/// The surface forms of one vocabulary and a matcher over them.
struct Dict {
    matcher: Option<AhoCorasick>,
    /// Entry index of each pattern.
    index: Vec<usize>,
}

impl Dict {
    fn new(names: Vec<(String, usize)>) -> Dict {
        let (patterns, index): (Vec<String>, Vec<usize>) = names.into_iter().unzip();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Dict { matcher, index }
    }
}

/// Matchers over the places and sectors of a taxonomy, built once per run.
pub struct Gazetteer {
    places: Dict,
    /// The names of `PROSE_PLACES` read as prose reads them unless tied, with
    /// the taxonomy's own reading and the word that ties it.
    ties: Vec<(&'static str, usize, &'static str)>,
    sectors: Dict,
    /// For each sector, whether it is a field of cooperation (culture,
    /// health) rather than an industry.
    fields: Vec<bool>,
    kinds: Kinds,
}

/// Words that are place names in the taxonomy but far more often ordinary
/// words in news prose.
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "서구", "동구", "남구", "북구", "중구", "고성", "미주", "중앙", "신도", "대한", "강서", "강남",
    "강북", "양자", "공주", "광역", "전주", "정부", "시장", "구미", "동해", "남해", "서해", "영광",
    // Chinese and Korean places spelt like everyday words: 위해 (for),
    // 지난 (last), 강화 (strengthen), 예산 (budget), 양산 (mass production),
    // 동안 (during), 연수 (training), 메카 (a mecca)…
    "위해", "지난", "강화", "예산", "양산", "진도", "화성", "장수", "보은", "오산", "신안", "고령",
    "영양", "상주", "진주", "완도", "장성", "소주", "상해", "장사", "무한", "성도", "이천", "인제",
    "사천", "구리", "광명", "정주", "평화", "대전환", "태안", "안양", "의성", "청도", "하남", "동안",
    "연수", "메카", "기장", "부여", "미래", "통일", "중원", "한림", "동방",
    "나가", "수단", "오만", "말리", "이라",
    "상당", "한다", "저장", "연대", "대회", "남부", "북부", "동부", "서부", "중부",
    "나라", "달성", "다산", "가평", "보성", "함평", "청양", "평창",
    "부지", "코로나", "세계", "중앙아", "하남", "대구경북",
    // 미리 (in advance), 세부 (details), 크다 (is big), 기후 (climate), 이다
    // (is), 한중 (Korea-China), 브랜드 (brand), 동남 (south-east, as in
    // 동남아); 케스 as part of a name.
    "미리", "세부", "크다", "기후", "이다", "한중", "브랜드", "케스", "테마", "동남",
    // "MEMC사가", "회사가": a company and its particle, not Saga; 후에
    // (after), not Huế; 단원 (a member), not 단원구; 쿠팡 (the Korean
    // retailer), not Kupang.
    "사가", "후에", "단원", "쿠팡",
    // 사상 (in history: "사상 최대"), 마리 (head of animals), 아리(랑),
    // 남동(부) (south-east), 포토 (photo): the districts and cities keep
    // their full names (사상구, 남동구).
    "사상", "마리", "아리", "남동", "포토",
];

/// Words before a sector name that still leave it a sector mention:
/// "자율주행로봇", "첨단바이오".
const SECTOR_PREFIXES: &[&str] = &[
    "첨단",
    "자율주행",
    "미래",
    "스마트",
    "차세대",
    "글로벌",
    "지능형",
    "친환경",
    // "의료관광": medical tourism, a field glued to another.
    "의료",
    // "해상풍력" (offshore wind), "전통문화" (traditional culture).
    "해상",
    "전통",
];

/// Surface forms of the entries of a vocabulary that resolve to them alone.
fn names<T: Named>(vocab: &Vocabulary<T>, stems: bool, latin_min: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for (i, item) in vocab.items.iter().enumerate() {
        let label = item.label();
        let mut forms: Vec<&str> = label.ko.iter().map(String::as_str).collect();
        forms.extend(item.aliases().iter().map(String::as_str));
        forms.extend(label.en.iter().map(String::as_str));
        // A district without its 구 is most often an everyday word (수정,
        // 장안, 상록, 흥덕): no stems for districts.
        let district = label.ko.as_deref().is_some_and(|k| k.ends_with('구'));
        if stems
            && !district
            && let Some(stem) = label.ko.as_deref().and_then(admin_stem)
        {
            forms.push(stem);
        }
        for f in forms {
            let f = f.trim();
            let ok = if has_hangul(f) {
                f.chars().count() >= 2 && !NOT_PLACES.contains(&f)
            } else {
                f.len() >= latin_min
                    && f.chars().any(|c| c.is_ascii_alphabetic())
                    && !f.contains('-')
            };
            if ok && !seen.contains(f) && vocab.position(f) == Some(i) {
                seen.insert(f);
                out.push((f.to_string(), i));
            }
        }
    }
    out
}

/// Korean names that several places share, written after their parent's
/// name: "울산 남구", "광주서구", "인천광역시 중구" name one district
/// each, though 남구, 서구 and 중구 alone name none.
fn under_parent(regions: &Vocabulary<Region>, known: &[(String, usize)]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, r) in regions.items.iter().enumerate() {
        let (Some(name), Some(parent)) = (r.label.ko.as_deref(), r.parent.as_deref()) else {
            continue;
        };
        let Some(p) = regions.index_of(parent) else {
            continue;
        };
        // Abroad, a name shared by a province and its city ("러시아
        // 노보시비르스크") keeps its usual reading.
        if r.country != "kr" || regions.position(name) == Some(i) {
            continue;
        }
        for (form, _) in known.iter().filter(|(f, j)| *j == p && has_hangul(f)) {
            out.push((format!("{form} {name}"), i));
            out.push((format!("{form}{name}"), i));
        }
    }
    out
}

/// A fixed list of words, found in a text in one pass (ASCII letters in
/// any case: "MOU", "Mou").
pub struct Words<T: 'static> {
    matcher: Option<AhoCorasick>,
    words: &'static [(&'static str, T)],
}

impl<T: Copy> Words<T> {
    pub fn new(words: &'static [(&'static str, T)]) -> Words<T> {
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words.iter().map(|(w, _)| w))
            .ok();
        Words { matcher, words }
    }

    /// Every (position, list index) of a word in `text`.
    pub fn all(&self, text: &str) -> Vec<(usize, usize)> {
        self.matcher
            .as_ref()
            .map(|m| {
                m.find_overlapping_iter(text)
                    .map(|x| (x.start(), x.pattern().as_usize()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The word that starts first in `text` (the earlier in the list when
    /// two start together): its position, the word and its value.
    pub fn first_in_text(&self, text: &str) -> Option<(usize, &'static str, T)> {
        let (at, i) = self.all(text).into_iter().min()?;
        Some((at, self.words[i].0, self.words[i].1))
    }

    /// The word that starts first in `text` among those `keep` accepts,
    /// given where each starts: its position, the word and its value.
    pub fn first_in_text_where(
        &self,
        text: &str,
        keep: impl Fn(usize, &str) -> bool,
    ) -> Option<(usize, &'static str, T)> {
        let mut all = self.all(text);
        all.sort_unstable();
        all.into_iter()
            .map(|(at, i)| (at, self.words[i].0, self.words[i].1))
            .find(|(at, w, _)| keep(*at, w))
    }

    /// The word of `text` that comes first in the list, among those `keep`
    /// accepts.
    pub fn first_in_list(&self, text: &str, keep: impl Fn(T) -> bool) -> Option<(&'static str, T)> {
        self.all(text)
            .into_iter()
            .map(|(_, i)| i)
            .filter(|&i| keep(self.words[i].1))
            .min()
            .map(|i| self.words[i])
    }

    pub fn any_in(&self, text: &str) -> bool {
        self.matcher.as_ref().is_some_and(|m| m.is_match(text))
    }
}

/// Marks of a company's legal form written next to its name: "㈜유성이앤지",
/// "익산시 (주)코엔원", "남원시(유)미와미".
pub const FIRM_MARKS: &[&str] = &["㈜", "(주)", "(유)", "(사)"];

/// How news prose reads names the taxonomy reads otherwise, and the word
/// before such a name that restores the taxonomy's reading: "LA" is Los
/// Angeles in prose, but as a code it is Laos; "광주시" is Gyeonggi's
/// Gwangju by its label, but a news story's "광주시" is the metropolitan
/// city unless it is "경기 광주시" or "경기도 광주시".
const PROSE_PLACES: &[(&str, &str, Option<&str>)] = &[
    ("LA", "us-ca-los-angeles", None),
    ("광주시", "kr-gwangju", Some("경기")),
];

impl Gazetteer {
    pub fn new(taxonomy: &Taxonomy) -> Gazetteer {
        let mut places = names(&taxonomy.regions, true, 4);
        places.extend(under_parent(&taxonomy.regions, &places));
        let mut ties = Vec::new();
        for (name, id, tie) in PROSE_PLACES {
            let Some(prose) = taxonomy.regions.index_of(id) else {
                continue;
            };
            match places.iter_mut().find(|(n, _)| n == name) {
                Some((_, index)) => {
                    if let Some(tie) = tie {
                        ties.push((*name, *index, *tie));
                    }
                    *index = prose;
                }
                None => places.push((name.to_string(), prose)),
            }
        }
        Gazetteer {
            places: Dict::new(places),
            ties,
            sectors: Dict::new(names(&taxonomy.sectors, false, 2)),
            fields: taxonomy.sectors.items.iter().map(|s| s.field).collect(),
            kinds: Kinds::new(&taxonomy.kinds),
        }
    }

    /// Places named in `text`, in order, names news prose reads otherwise
    /// read as prose does (`PROSE_PLACES`) unless the word before ties them
    /// to the taxonomy's reading.
    pub fn places(&self, text: &str) -> Vec<Found> {
        self.places_read(text, &[])
    }

    /// As `places`, but the names in `tied` (`tied_names`: tied to the
    /// taxonomy's reading elsewhere in the article) keep that reading.
    pub fn places_read(&self, text: &str, tied: &[&str]) -> Vec<Found> {
        let mut found = scan(&self.places, text, place_boundaries);
        for f in &mut found {
            let name = &text[f.start..f.end];
            if let Some((_, index, _)) = self
                .ties
                .iter()
                .find(|(n, _, tie)| *n == name && (tied.contains(n) || tied_at(text, f.start, tie)))
            {
                f.index = *index;
            }
        }
        found
    }

    /// The names of `PROSE_PLACES` an article ties to the taxonomy's
    /// reading somewhere ("경기도 광주시 공무원·기업인으로 구성된 대표단 …
    /// 광주시 대표단은"): there they keep that reading throughout.
    pub fn tied_names<'t>(
        &self,
        texts: impl Iterator<Item = &'t str> + Clone,
    ) -> Vec<&'static str> {
        self.ties
            .iter()
            .filter(|(name, _, tie)| {
                texts.clone().any(|text| {
                    text.match_indices(name)
                        .any(|(at, _)| tied_at(text, at, tie))
                })
            })
            .map(|(name, _, _)| *name)
            .collect()
    }

    /// Sectors named in `text`, in order.
    pub fn sectors(&self, text: &str) -> Vec<Found> {
        let found = scan(&self.sectors, text, sector_boundaries);
        // In a compound of two sector names the last is the head noun:
        // "자율주행로봇" is a robot. Two fields make a compound of both:
        // "의료관광" is medical care and tourism.
        let both_fields = |f: &Found, g: &Found| self.fields[f.index] && self.fields[g.index];
        found
            .iter()
            .filter(|f| !found.iter().any(|g| g.start == f.end && !both_fields(f, g)))
            .cloned()
            .collect()
    }
}

/// Every name in `text` that fits its surroundings, the longest at each
/// place, left to right without overlaps: "대전시장은" gives 대전 even
/// though 대전시 is a name too (followed by 장 it is not one here).
fn scan(dict: &Dict, text: &str, fits: fn(&str, usize, usize) -> bool) -> Vec<Found> {
    let Some(matcher) = &dict.matcher else {
        return Vec::new();
    };
    let mut all: Vec<Found> = matcher
        .find_overlapping_iter(text)
        .filter(|m| fits(text, m.start(), m.end()))
        .map(|m| Found {
            start: m.start(),
            end: m.end(),
            index: dict.index[m.pattern().as_usize()],
        })
        .collect();
    all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Found> = Vec::new();
    for f in all {
        if out.last().is_none_or(|last| f.start >= last.end) {
            out.push(f);
        }
    }
    out
}

/// Whether the name at `at` follows the word `tie` ("경기 광주시", "경기도
/// 광주시").
fn tied_at(text: &str, at: usize, tie: &str) -> bool {
    let before = text[..at].trim_end();
    before.strip_suffix('도').unwrap_or(before).ends_with(tie)
}

/// Characters that may follow a place name: particles and administrative
/// suffixes (대전시, 경기도청, 중국 측).
#[rustfmt::skip]
const AFTER_PLACE: &[char] = &[
    '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로', '으', '만', '까', '부',
    '서', '시', '군', '구', '성', '주', '현', '청', '측', '내', '간', '과', '랑', '하', '께', '및',
    '발',
];

fn latin_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_ascii_alphanumeric())
        && after.is_none_or(|c| !c.is_ascii_alphanumeric())
}

fn place_boundaries(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if !has_hangul(name) {
        return latin_boundaries(text, start, end);
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // "㈜유성이앤지", "(주)대전…": a company's name.
    if in_firm_name(text, start, end) {
        return false;
    }
    // "캐나다 퀘벡" (an alias naming the city) is not the start of "캐나다
    // 퀘벡주" (the province): a name of two words takes no suffix, unless
    // it ends in its own ("울산 남구청은", "인천 중구도").
    let suffixed = name.ends_with(ADMIN);
    let suffix_ok = |c: char| {
        AFTER_PLACE.contains(&c) && !(name.contains(' ') && !suffixed && ADMIN.contains(&c))
    };
    // "제주시장", "보령시장", "충남지사": the head of the place.
    let tail = &text[end..];
    let head_of = (name.ends_with('시') && tail.starts_with("장"))
        || (name.ends_with('군') && tail.starts_with("수"))
        || tail.starts_with("지사")
        || tail.starts_with("도지사");
    // "(더불어민주당/안산7)", "천안5산단": an electoral district or an
    // estate's number, not the place as a party.
    if after.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // "새벽 1시가 넘은": a time, not 시가 (Shiga).
    before.is_none_or(|c| !is_hangul(c) && !c.is_ascii_digit())
        && (head_of || after.is_none_or(|c| !is_hangul(c) || suffix_ok(c)))
        && !particle_goes_on(tail)
        && !a_common_word(name, &text[..start], tail)
}

/// Place names that are everyday words too, and the words around them
/// that make them so: "글로벌 경기 침체", "친선 경기" are the economy and a
/// match, not Gyeonggi.
const COMMON_WORDS: &[(&str, &[&str], &[&str])] = &[(
    "경기",
    &[
        "글로벌",
        "세계",
        "국내",
        "내수",
        "지역",
        "실물",
        "친선",
        "축구",
        "야구",
        "농구",
        "배구",
        "스포츠",
        "시범",
        "결승",
        "예선",
        "초청",
        "국제",
        "연습",
        "평가",
    ],
    &[
        "침체",
        "둔화",
        "회복",
        "부진",
        "불황",
        "악화",
        "하강",
        "부양",
        "호황",
        "전망",
        "변동",
        // A match played or watched: "70분간 경기를 펼치는", "경기를 관람할".
        "를 펼",
        "를 관람",
        "를 치르",
        "를 치렀",
        "에서 승리",
        "에서 우승",
        // "국제 경기 경험을", "경기력 향상".
        "경험",
        "력",
    ],
)];

/// Whether the place name `name` is read here as the everyday word it
/// also is (`COMMON_WORDS`), by the word before it or after it.
fn a_common_word(name: &str, before: &str, tail: &str) -> bool {
    COMMON_WORDS.iter().any(|(word, befores, afters)| {
        *word == name && {
            let prev = before.split_whitespace().next_back().unwrap_or("");
            let next = tail.trim_start();
            befores.contains(&prev) || afters.iter().any(|a| next.starts_with(a))
        }
    })
}

/// Whether what looks like a particle after a name goes on as one word
/// with it: "후지와라 부시장", "코리아 소사이어티" are no 후지, 소사. A
/// particle ends its word, or goes on only as one of its own endings
/// ("중국과의", "도시이다").
fn particle_goes_on(tail: &str) -> bool {
    const ENDINGS: &[(char, &str)] = &[
        ('이', "다며고자나라란었지면"),
        ('와', "의는도"),
        ('과', "의는도학"),
        ('은', ""),
        ('을', ""),
        ('를', ""),
    ];
    let mut chars = tail.chars();
    let (Some(p), Some(next)) = (chars.next(), chars.next()) else {
        return false;
    };
    ENDINGS
        .iter()
        .any(|(c, endings)| *c == p && is_hangul(next) && !endings.contains(next))
}

/// Whether `text[start..end]` is part of a firm's name: a mark of its legal
/// form ("㈜", "(주)") earlier in the same word ("(주)DHP제약", "㈜대전정밀")
/// or closing it ("한국제약(주)").
fn in_firm_name(text: &str, start: usize, end: usize) -> bool {
    let apart = |c: char| c.is_whitespace() || c == ',';
    let word_start = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| apart(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word_end = text[end..].find(apart).map_or(text.len(), |i| end + i);
    FIRM_MARKS
        .iter()
        .any(|m| text[word_start..start].contains(m) || text[word_start..word_end].ends_with(m))
}

/// Administrative suffixes among `AFTER_PLACE`.
const ADMIN: &[char] = &['시', '군', '구', '성', '주', '현', '청', '도'];

/// What may follow a two-syllable sector name inside a word: "양자산업",
/// "로봇기술", "관광객", "의료관광", "교육청", but not "제조생산", "탄소제로".
#[rustfmt::skip]
const SECTOR_SUFFIXES: &[&str] = &[
    "산업", "분야", "기업", "기술", "클러스터", "부품", "소재", "업", "협력", "연구", "센터", "단지",
    "교류", "수출", "시장", "의", "과", "와", "및", "을", "를", "이", "가", "은", "는", "에", "도", "로",
    "등", "객", "설명회", "홍보", "관광",
];

/// Whether `tail` begins with a field's office or its head as one word:
/// "교육청은", "교육감,", "교육청장"; not "탄소감축", "로봇청소기".
pub fn office_of(tail: &str) -> bool {
    let mut chars = tail.chars();
    matches!(chars.next(), Some('청' | '감'))
        && chars
            .next()
            .is_none_or(|c| !is_hangul(c) || "은는이가을를의에과와도로장".contains(c))
}

/// Whether the word a sector's name stands in (up to a space, a bracket
/// or a separator, without its particle) names a firm or an agency: one
/// that ends as an agency's name does ("전북바이오융합산업진흥원은"), or,
/// glued to a word before it, as a firm's ("씨엔에이바이오텍", "신성바이오팜";
/// not "바이오테크 산업").
fn names_a_body(text: &str, start: usize, end: usize) -> bool {
    let word = text[end..]
        .split(|c: char| c.is_whitespace() || "(),.·ㆍ".contains(c))
        .next()
        .unwrap_or("");
    let word = [
        "에서도",
        "에서",
        "은",
        "는",
        "이",
        "가",
        "과",
        "와",
        "의",
        "을",
        "를",
        "에",
        "도",
    ]
    .iter()
    .find_map(|p| word.strip_suffix(p))
    .unwrap_or(word);
    let glued = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric());
    ["진흥원", "재단", "협회", "학교기업"]
        .iter()
        .any(|w| word.ends_with(w))
        || (glued
            && ["텍", "팜", "테크", "닥터"]
                .iter()
                .any(|w| word.ends_with(w)))
}

fn sector_boundaries(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if !has_hangul(name) {
        return latin_boundaries(text, start, end);
    }
    // "(주)DHP제약", "한국제약(주)": a company's name; "씨엔에이바이오텍",
    // "전북바이오융합산업진흥원": a firm's or an agency's.
    if in_firm_name(text, start, end) || names_a_body(text, start, end) {
        return false;
    }
    let head = &text[..start];
    let tail = &text[end..];
    // Inside a word only after a known prefix, or for a name of three
    // syllables or more that the word goes on after ("한방바이오산업",
    // "전기차용 배터리팩").
    // A longer name glued to an unknown word and ending it is a company's
    // name ("웰빙바이오(의성)", "건풍바이오,"), not a field.
    let left = match head.chars().next_back() {
        Some(c) if is_hangul(c) => {
            SECTOR_PREFIXES.iter().any(|p| head.ends_with(p))
                || (name.chars().count() >= 3 && tail.chars().next().is_some_and(is_hangul))
        }
        _ => true,
    };
    let right = name.chars().count() > 2
        || tail.chars().next().is_none_or(|c| !is_hangul(c))
        || SECTOR_SUFFIXES.iter().any(|s| tail.starts_with(s))
        || office_of(tail);
    left && right
}

/// The aliases of the event kinds without spaces, a matcher over them,
/// and for each its kind and the alias as written.
struct Kinds {
    matcher: Option<AhoCorasick>,
    forms: Vec<(usize, String)>,
}

impl Kinds {
    fn new(kinds: &Vocabulary<crate::model::Term>) -> Kinds {
        let mut patterns = Vec::new();
        let mut forms = Vec::new();
        for (i, k) in kinds.items.iter().enumerate() {
            for f in k.label.ko.iter().chain(&k.aliases) {
                let squeezed: String = f.chars().filter(|c| !c.is_whitespace()).collect();
                if squeezed.chars().count() >= 2 && (has_hangul(&squeezed) || squeezed.len() >= 3) {
                    patterns.push(squeezed);
                    forms.push((i, f.clone()));
                }
            }
        }
        let matcher = AhoCorasick::builder().build(&patterns).ok();
        Kinds { matcher, forms }
    }
}

impl Gazetteer {
    /// The kind of event a title or headline names: the alias of a kind
    /// that ends last in it (the head noun of a Korean phrase comes last),
    /// the longest of those ("교류회의" over "회의"). Returns the kind's
    /// index and the alias.
    pub fn kind_in(&self, text: &str) -> Option<(usize, String)> {
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let matcher = self.kinds.matcher.as_ref()?;
        let best = matcher
            .find_overlapping_iter(&squeezed)
            .max_by_key(|m| (m.end(), m.len(), std::cmp::Reverse(m.pattern().as_usize())))?;
        let (i, written) = &self.kinds.forms[best.pattern().as_usize()];
        Some((*i, written.clone()))
    }

    /// The kind a sentence of running text names: an alias at the start of
    /// a word ("협약을", not the "전시" inside "대전시는"), the last such
    /// word (the verb phrase ends a Korean sentence).
    pub fn kind_in_sentence(&self, text: &str) -> Option<(usize, String)> {
        let matcher = self.kinds.matcher.as_ref()?;
        text.split_whitespace().rev().find_map(|w| {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            let m = matcher
                .find_overlapping_iter(w)
                .filter(|m| m.start() == 0)
                .max_by_key(|m| m.len())?;
            let (i, written) = &self.kinds.forms[m.pattern().as_usize()];
            Some((*i, written.clone()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomy() -> Taxonomy {
        crate::load::load_taxonomy(std::path::Path::new("data")).expect("sample taxonomy")
    }

    #[test]
    fn places_with_particles_and_suffixes() {
        let t = taxonomy();
        let g = Gazetteer::new(&t);
        let ids = |text: &str, tied: &[&str]| -> Vec<String> {
            g.places_read(text, tied)
                .iter()
                .map(|f| t.regions.items[f.index].id.clone())
                .collect()
        };
        let text = "이장우 대전시장은 캐나다 퀘벡주와 미국 보스턴을 방문해 한국표준과학연구원과 세종일보, 할빈시 관계자를 만났다.";
        assert_eq!(
            ids(text, &[]),
            [
                "kr-daejeon",
                "ca",
                "ca-qc",
                "us",
                "us-ma-boston",
                "cn-hl-harbin"
            ]
        );
        // A district name several cities share, after its city's name; a
        // shared name abroad keeps its usual reading.
        assert_eq!(
            ids(
                "울산 남구와 광주서구, 인천광역시 중구는 일본 도쿄를 찾았다. 울산 남구청도 왔다.",
                &[]
            ),
            [
                "kr-ulsan-nam",
                "kr-gwangju-seo",
                "kr-incheon-jung",
                "jp",
                "jp-13",
                "kr-ulsan-nam"
            ]
        );
        // Chinese cities by their Sino-Korean readings; a reading that is
        // also a word ("무한한") counts only with its 시.
        assert_eq!(
            ids(
                "구리시는 중국 진황도시, 무석과 무한시 대표단을 맞아 무한한 협력을 약속했다.",
                &[]
            ),
            [
                "kr-gyeonggi-guri",
                "cn",
                "cn-qinhuangdao",
                "cn-wuxi",
                "cn-wuhan"
            ]
        );
        // Everyday words spelt like places; Malaysia written short.
        assert_eq!(
            ids(
                "사상 최대 실적으로 세 마리 토끼를 잡고 아리랑을 부른 남동부 유럽의 Hot 포토, 말레이·인니 진출",
                &[]
            ),
            ["my", "id"]
        );
        // A council member's district number, an estate's number.
        assert_eq!(
            ids(
                "김철진(더불어민주당/안산7) 의원과 천안5산단 업체가 몽골을 찾았다.",
                &[]
            ),
            ["mn"]
        );
        // 경기 as the economy or a match is no place; as itself it is.
        assert_eq!(
            ids("선발팀이 70분간 경기를 펼치고 경기를 관람했다.", &[]),
            [] as [&str; 0]
        );
        assert_eq!(
            ids("선수들은 국제 경기 경험을 쌓고 경기력을 높였다.", &[]),
            [] as [&str; 0]
        );
        assert_eq!(
            ids(
                "글로벌 경기 침체 속에 친선 경기를 열었고, 경기 북부는 경기 회복을 기대한다.",
                &[]
            ),
            ["kr-gyeonggi"]
        );
        // Japanese and Taiwanese names as news spells them.
        assert_eq!(
            ids("일본 토야마현과 아츠기시, 대만 카오슝 대표단이 왔다.", &[]),
            ["jp", "jp-16", "jp-atsugi", "tw", "tw-khh"]
        );
        // A company's name is no place; nor is 동남 of 동남아.
        assert_eq!(
            ids(
                "경남 2개 사(㈜유성이앤지, (주)대전정밀)가 동남아 시장에 참가했다.",
                &[]
            ),
            ["kr-gyeongnam"]
        );
        // A particle that goes on as a word is none: no 후지 in 후지와라,
        // no 소사 in 소사이어티; 중국과의, 다낭과학기술대학교 keep theirs.
        assert_eq!(
            ids(
                "후지와라 부시장은 코리아 소사이어티에서 중국과의 교류와 다낭과학기술대학교를 말했다.",
                &[]
            ),
            ["cn", "vn-dn"]
        );
        // A time, "after", a member and a retailer are no places.
        assert!(
            g.places("새벽 1시가 넘은 시각, 종료 후에는 공연팀(단원 13명)이 쿠팡에 입점했다.")
                .is_empty()
        );
        // "LA" in prose is Los Angeles; Laos is 라오스.
        assert_eq!(
            ids("충남도는 미국 LA에서 LA한인축제에 참가했다. PLAN A", &[]),
            [
                "kr-chungnam",
                "us",
                "us-ca-los-angeles",
                "us-ca-los-angeles"
            ]
        );
        // "광주시" in prose is the metropolitan city, unless the article
        // ties it to Gyeonggi.
        assert_eq!(
            ids("광주시는 두바이에서 상담회를 열었다.", &[]),
            ["kr-gwangju", "ae-dubai"]
        );
        assert_eq!(
            ids("경기도 광주시는 두바이에서 만났다.", &[]),
            ["kr-gyeonggi", "kr-gyeonggi-gwangju", "ae-dubai"]
        );
        let article = [
            "경기도 광주시 대표단이 출국했다.",
            "광주시 대표단은 즈보시에 갔다.",
        ];
        let tied = g.tied_names(article.into_iter());
        assert_eq!(tied, ["광주시"]);
        assert_eq!(ids(article[1], &tied)[0], "kr-gyeonggi-gwangju");
        assert!(
            g.tied_names(["광주시는 두바이에 갔다."].into_iter())
                .is_empty()
        );
    }

    /// The first word in the text that the caller accepts where it stands.
    #[test]
    fn first_word_where_it_fits() {
        static WORDS: &[(&str, u8)] = &[("투자유치", 1), ("협약", 2)];
        let w = Words::new(WORDS);
        let text = "투자유치단은 투자유치 협약을 맺었다";
        assert_eq!(w.first_in_text(text), Some((0, "투자유치", 1)));
        let fits = |at: usize, word: &str| !text[at + word.len()..].starts_with('단');
        let found = w.first_in_text_where(text, fits);
        assert_eq!(found, Some(("투자유치단은 ".len(), "투자유치", 1)));
        assert_eq!(
            w.first_in_text_where(text, |_, word| word == "협약")
                .map(|f| f.2),
            Some(2)
        );
    }

    #[test]
    fn sectors_inside_compounds() {
        let t = taxonomy();
        let g = Gazetteer::new(&t);
        let text = "AI 자율주행로봇, 바이오기업, 양자산업, 첨단바이오·코스메틱, 무선통신 부품, 해상풍력, 전통문화";
        let ids: Vec<&str> = g
            .sectors(text)
            .iter()
            .map(|f| t.sectors.items[f.index].id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "ai",
                "robotics",
                "bio",
                "quantum",
                "bio",
                "cosmetics",
                "energy",
                "culture"
            ]
        );
        // Firms and agencies named after a field are not the field.
        let bodies =
            "씨엔에이바이오텍(콜라겐), 신성바이오팜, 전북바이오융합산업진흥원은 HC바이오텍과";
        assert!(g.sectors(bodies).is_empty(), "{:?}", g.sectors(bodies));
        assert_eq!(g.sectors("바이오테크 산업").len(), 1);
    }

    #[test]
    fn kinds_from_titles() {
        let t = taxonomy();
        let g = Gazetteer::new(&t);
        let kind = |s: &str| g.kind_in(s).map(|(i, _)| t.kinds.items[i].id.clone());
        assert_eq!(
            kind("제23회 환황해 경제·기술교류회의").as_deref(),
            Some("conference")
        );
        assert_eq!(
            kind("충청권 초광역 전략산업 실무협의회").as_deref(),
            Some("council-meeting")
        );
        assert_eq!(
            kind("한-미 클러스터 라운드 테이블").as_deref(),
            Some("roundtable")
        );
        assert_eq!(
            kind("로봇 및 인공지능 기업 상담회").as_deref(),
            Some("business-meeting")
        );
        assert_eq!(
            kind("이장우 대전시장, 캐나다 퀘벡주·美 보스턴 방문").as_deref(),
            Some("delegation-visit")
        );
    }
}
