//! Sectors: the taxonomy's fields and industries where the article names
//! them as what the event is about.

use std::sync::LazyLock;

use super::{Reader, around};
use crate::draft::find::{Found, office_of};
use crate::draft::{Cited, Draft};
use regex::Regex;

impl Reader<'_> {
    pub(super) fn set_sectors(&self, d: &mut Draft, body: &[(usize, &String)]) {
        let sectors = &self.taxonomy.sectors.items;
        let mut texts: Vec<(&str, bool)> = body.iter().map(|(_, s)| (s.as_str(), false)).collect();
        if let Some(h) = self.page.headline.as_deref() {
            texts.push((h, true));
        }
        texts.extend(self.page.subheads.iter().map(|s| (s.as_str(), true)));
        for (text, head) in texts {
            for f in self.gazetteer.sectors(text) {
                let s = &sectors[f.index];
                let (word, rest) = (&text[f.start..f.end], &text[f.end..]);
                let listed = || match GENERAL_WORDS.contains(&word) {
                    // "제조업체": a maker, of anything; "두 도시 간", "양
                    // 도시는": the places themselves.
                    true => {
                        (head && INVESTMENT.contains(&word))
                            || (!with_particle(word, rest) && LISTED.is_match(rest))
                    }
                    false => {
                        !s.field
                            || (head && !names_bodies(rest))
                            || goods(word)
                            || field_listed(text, f.start, f.end)
                    }
                };
                // Cheapest first: a field already drafted, the tie itself,
                // an everyday word ("이동에 제약이 따르자": a constraint, not
                // pharmaceuticals), a side's own industries, shown, not
                // shared ("방위, 원전, 수소 산업을 소개하였으며").
                if d.sectors.iter().any(|c| c.value == s.id)
                    || TIES.contains(&word)
                    || (EVERYDAY.contains(&word) && with_particle(word, rest))
                    || introduced(text, &f)
                    || (!head && past_ties(&text[f.end..]))
                    || !listed()
                {
                    continue;
                }
                d.sectors.push(Cited::new(s.id.clone(), around(text, &f)));
            }
        }
        if d.sectors.is_empty() {
            self.investment_in_lead(d, body);
        }
    }

    /// A lead about investment ("투자협약을 체결했다", "투자유치 설명회")
    /// names the sector the taxonomy files the word under (economy) when
    /// the article names no field at all, as investment in a headline does
    /// (`INVESTMENT`); a review line says so. (Export and trade words there
    /// split the readers half and half.)
    fn investment_in_lead(&self, d: &mut Draft, body: &[(usize, &String)]) {
        let Some((_, lead)) = body.first() else {
            return;
        };
        let Some(word) = INVESTMENT.iter().find(|w| lead.contains(*w)) else {
            return;
        };
        let Some(sector) = self.taxonomy.sectors.lookup(word) else {
            return;
        };
        d.sectors
            .push(Cited::new(sector.id.clone(), word.to_string()));
        d.review.push(format!(
            "sectors: `{}` read from «{word}» in the lead; the article names no field",
            sector.id
        ));
    }
}

/// Whether the words after a field tell what two places have long done
/// in it ("경제·문화·관광·스포츠 등 다방면에서 … 교류를 가져왔으나", "교통,
/// 환경, 체육 등 다양한 분야에서 교류해 왔으며", "… 교류가 이뤄지고 있다"):
/// the history of the tie, not this event's fields. ("교류를 지속해온
/// 화련현과 … 문화, 예술, 관광 등 … 교류를 확대" tells it before them.)
fn past_ties(rest: &str) -> bool {
    static PAST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            // Not "…협력을 위해 온 대표단".
            r"(?:[^위]해|가져|이어|펼쳐|나눠)\s?(?:왔|오고|온\s)",
            r"|이뤄지고 있|이루어지고 있|교류하고 있"
        ))
        .expect("static regex")
    });
    // Up to the end of the field's clause: "… 분야 협약을 맺었으며, 2015년부터
    // 교류해 왔다" tells the history after this event's fields.
    let clause = ["며 ", "며,", "으나 ", "지만 ", ".", "。"]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .map_or(rest, |at| &rest[..at]);
    PAST.is_match(clause)
}

/// Aliases of a sector that in running text name much more than it, and
/// count only in a list of areas of cooperation: "제조업체", "제조기술" are
/// manufacturing of any kind, not robotics (all ten such matches in 96
/// held-out articles were wrong); "수출업체", "투자기업" are the firms of
/// any trip; "양 도시", "두 도시" are the cities themselves; "해양 경관"
/// is the sea, not the marine industries.
const GENERAL_WORDS: &[&str] = &[
    "제조",
    "manufacturing",
    "수출",
    "투자",
    "투자유치",
    "도시",
    "해양",
];

/// Investment named in a headline or subhead: what the event is about
/// ("충남도, 美 기업 투자유치"), unlike 수출 there, which names the
/// goods' trip more than a field the readers give.
const INVESTMENT: &[&str] = &["투자", "투자유치"];

/// Whether a word goes on with a particle or 간 ("도시는", "도시 간"),
/// which no item of a list of fields takes, or 도시 with 와, 과 or 로.
fn with_particle(word: &str, rest: &str) -> bool {
    static PARTICLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:[은는이가의에들]|\s?간\s)").expect("static regex"));
    // "20개 도시와 문화·관광·통상 등의", "주요 도시와 교류협력": cities
    // joined to their partners; urban affairs is an item among items
    // ("행정·도시·교통").
    PARTICLE.is_match(rest) || (word == "도시" && rest.starts_with(['와', '과', '로']))
}

/// Aliases that are everyday words when a particle follows them: 제약
/// (constraint: "제약이 따르는", "제약을 극복하고") against 제약 산업.
const EVERYDAY: &[&str] = &["제약"];

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

/// Whether a field's word in a headline names kinds of organisations, up
/// to the end of its phrase: "정부, 대학 및 과학 연구 기구 협력 맺어" are
/// the parties, not fields.
fn names_bodies(rest: &str) -> bool {
    static BODIES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^,.]{0,12}?(?:기구|기관|단체)").expect("static regex"));
    BODIES.is_match(rest)
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
fn field_listed(text: &str, start: usize, end: usize) -> bool {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s?(?:교류|협력)|^\s[가-힣]{1,5}\s(?:교류|협력)|^\s?(?:업체|기업|산업|수출|시장|객|설명회|홍보|활성화)")
            .expect("static regex")
    });
    // The last item of a list closed by 등 ("행정 및 문화, 농업 등").
    static LAST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[가-힣A-Za-z&]{1,8}\s*(?:[,·ㆍ]|\s및)\s*$").expect("static regex")
    });
    let rest = &text[end..];
    // "경제교류", "경제 협력", "청소년 홈스테이 교류", "신재생에너지 업체",
    // "식품 수출", "식품시장", "관광객", "관광설명회", "관광 활성화": the
    // field named as what is exchanged, made, sold or promoted; "교육청", "교육감": its office.
    // "경제는 물론 관광과 문화 등 협력", "경제를 비롯해 문화 분야": the
    // first item of a list of fields (not "지역 경제는 물론 일자리 창출에도").
    let first_item = ["는 물론", "은 물론", "를 비롯", "을 비롯", "뿐만 아니라"]
        .iter()
        .any(|w| rest.starts_with(w))
        && {
            let sentence = rest.split('.').next().unwrap_or(rest);
            ["분야", "교류", "협력"]
                .iter()
                .any(|w| sentence.contains(w))
        };
    NEXT.is_match(rest)
        || first_item
        || office_of(rest)
        || LISTED.is_match(rest)
        || (LAST.is_match(&text[..start]) && rest.trim_start().starts_with("등 "))
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
        r"\s*(?:등(?:의)?\s*)?(?:양\s?(?:시|도|군|구|국|도시|지역)의\s*)?(?:(?:모든|다양한|광범위한|폭넓은|여러|주요|핵심|각계|각종|각|제반|상호|전|\d+대)\s*)?(?:핵심\s*)?(?:다\s*)?(?:업무\s*)?(?:분야|방면|품목|협력)",
        r"|^(?:\s*[,、]\s*[가-힣A-Za-z&]{1,8}){1,},?\s*(?:(?:광범위한|다양한|폭넓은|활발한|상호)\s*)?(?:교류|협력|수출)",
        r"|^(?:\s*[·ㆍ‧・･․∙]\s*[가-힣A-Za-z&]{1,8})+\s*(?:교류|협력)",
        // "행정·문화·관광·예술 등 기관 범위 내 협력 분야에서".
        r"|^(?:\s*[·ㆍ‧・･․∙]\s*[가-힣A-Za-z&]{1,8})*\s*등\s[^,.]{0,16}?(?:분야|방면)",
        r"|^(?:\s[가-힣]{1,4}){0,2}(?:\s*[,·ㆍ‧・･․∙、]\s*[0-9가-힣A-Za-z&]{1,8}(?:\s[가-힣]{1,4}){0,2})*\s*등(?:의)?\s*(?:(?:다양하고\s*포괄적인|다양한|활발한|폭넓은|실질적인|기존)\s*)?(?:교류|협력)",
        r"|^[^△▲,.]{0,12}?(?:\s*[△▲]\s*[^△▲,.]{1,24}?)+\s*(?:등(?:의)?\s*)?(?:(?:다양한|여러|모든|주요)\s*)?(?:분야|방면)",
        // "행정 및 문화, 농업 등 공동발전을 위한": items closed by 등.
        r"|^(?:\s*(?:[,·ㆍ]|\s및)\s*[가-힣A-Za-z&]{1,8}){1,}\s*등\s",
        // Each word ends before a space (a Unicode `\b` here would cost
        // the regex its fast matcher).
        r"|(?:\s+[가-힣A-Za-z&]{1,7}[[가-힣A-Za-z&]&&[^을를의에은는이가와과도로만서]]){1,6}",
        r"\s+(?:등(?:의)?\s*)?(?:(?:모든|다양한|여러|주요|핵심)\s*)?(?:분야|방면))"
    ))
    .expect("static regex")
});

#[cfg(test)]
mod tests {
    use crate::draft::read::draft;

    /// A headline names what the event is about, so a field there counts
    /// ("의료관광" is both of its fields) unless it names kinds of bodies;
    /// in the body, tourists and a promotion name tourism too.
    #[test]
    fn fields_of_the_headline_and_of_tourism() {
        let sectors = |text: &str| {
            let drafts = draft(text, "2023-10-23");
            let mut ids: Vec<String> = drafts[0].sectors.iter().map(|c| c.value.clone()).collect();
            ids.sort();
            ids
        };
        assert_eq!(
            sectors(
                "부산시, 몽골서 의료관광 알려\n\n부산시는 지난 20일 울란바토르에서 행사를 열었다."
            ),
            ["culture", "health"]
        );
        assert!(
            sectors(
                "량지 정부, 대학 및 과학 연구 기구 협력 맺어\n\n양주시는 지난 20일 협약을 체결했다."
            )
            .is_empty()
        );
        assert_eq!(
            sectors(
                "거창군 일본 방문\n\n거창군은 지난 20일 일본 관광객 유치를 위한 행사를 열었다."
            ),
            ["culture"]
        );
        assert!(
            sectors("거창군 일본 방문\n\n거창군은 지난 20일 일본 관광지에서 행사를 열었다.")
                .is_empty()
        );
        // Investment in the headline is the event's field; export there
        // is the goods' trip.
        assert_eq!(
            sectors("충남도, 美 기업 투자유치\n\n충남도는 지난 20일 미국 기업과 협약을 맺었다."),
            ["economy"]
        );
        assert!(
            sectors("충남도, 美 수출 길 열어\n\n충남도는 지난 20일 미국 기업과 협약을 맺었다.")
                .is_empty()
        );
        // One word between a field and its exchange; a field's office.
        let body = |s: &str| sectors(&format!("양주시 방문\n\n{s}"));
        assert_eq!(
            body("양주시는 지난 20일 청소년 홈스테이 교류를 열었다."),
            ["culture"]
        );
        assert_eq!(
            body("세종시 교육청은 지난 20일 하와이주 교육청과 협약을 맺었다."),
            ["education"]
        );
        assert!(body("양주시는 지난 20일 2개 대학과 협력해 행사를 열었다.").is_empty());
        // Not an office: a reduction, a vacuum cleaner, an audit.
        assert!(
            body("양주시는 지난 20일 탄소감축 로봇청소기 행사를 열고 도의회 행정 감사에 나섰다.")
                .is_empty()
        );
    }

    /// Investment in the lead of an article that names no field is
    /// economy, with a review line; a field named elsewhere wins.
    #[test]
    fn investment_in_the_lead_without_any_field() {
        let drafted = |body: &str| {
            let text = format!(
                "충남도, 美 기업과 협약\n\n충남도는 3일 미국 A사와 투자협약을 체결했다. {body}"
            );
            draft(&text, "2023-10-23").remove(0)
        };
        let d = drafted("A사는 천안에 공장을 짓는다.");
        let ids: Vec<&str> = d.sectors.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(ids, ["economy"]);
        assert!(
            d.review.iter().any(|r| r.contains("«투자»")),
            "{:?}",
            d.review
        );
        let d = drafted("A사는 반도체 분야 기업이다.");
        let ids: Vec<&str> = d.sectors.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(ids, ["semiconductors"]);
    }

    /// General words count as sectors only in a list of areas: dots and
    /// "각계 분야" make a list; makers, exporting firms and "양 도시" do not.
    #[test]
    fn sectors_from_lists_not_from_firms() {
        let sectors = |body: &str| {
            let text = format!("양주시 자매결연\n\n양주시는 지난 20일 협약을 체결했다. {body}");
            let drafts = draft(&text, "2023-10-23");
            let mut ids: Vec<String> = drafts[0].sectors.iter().map(|c| c.value.clone()).collect();
            ids.sort();
            ids
        };
        // Items closed by 등, whatever follows.
        assert_eq!(
            sectors("두 지자체 행정 및 문화, 농업 등 공동발전을 위한 협정서에 서명했다."),
            ["administration", "agrifood", "culture"]
        );
        assert_eq!(
            sectors("공항, 항만 등 물류.관광.환경 분야에 대해 교류를 증진한다."),
            ["culture", "energy"]
        );
        assert_eq!(
            sectors("경제, 문화, 체육, 교육, 행정 등 각계 분야에서 교류를 확대한다."),
            ["administration", "culture", "economy", "education"]
        );
        assert!(
            sectors("소재 제조업체인 U사와 21개 수출업체, 외국인 투자기업이 참가해 양 도시 교류가 늘었다. 아름다운 해양 경관을 둘러봤다.")
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
        // The fields of the tie's history are not this event's; those after
        // it are.
        assert!(
            sectors(
                "양 도시는 교통, 환경, 체육 등 다양한 분야에서 교류해 왔으며 이번에 협약을 맺었다."
            )
            .is_empty()
        );
        assert_eq!(
            sectors("교류를 지속해온 화련현과 문화, 관광 등 다양한 분야에서 교류를 확대한다."),
            ["culture"]
        );
        assert_eq!(
            sectors("경제, 관광 분야 협력을 위해 온 대표단을 맞았다."),
            ["culture", "economy"]
        );
        assert_eq!(
            sectors("양 도시는 경제 분야 협약을 맺었으며, 2015년부터 교류해 왔다."),
            ["economy"]
        );
        // The first item of a list told as "not only" or "besides".
        assert_eq!(
            sectors("양측은 경제는 물론 관광과 문화 등 협력을 추진한다."),
            ["culture", "economy"]
        );
        assert!(sectors("이는 지역 경제는 물론 일자리 창출에도 기여할 전망이다.").is_empty());
        // 제약 as a constraint; pharmaceuticals in a list; biogas.
        assert!(sectors("이동에 제약이 따르자 온라인 행사를 열었다.").is_empty());
        assert_eq!(sectors("제약, 의료기기 분야에서 교류한다."), ["bio"]);
        assert_eq!(sectors("바이오가스, 풍력 분야에서 협력한다."), ["energy"]);
        // A field to revitalise is the field the visit is about.
        assert_eq!(
            sectors("스위스의 관광 활성화 사례를 둘러봤다."),
            ["culture"]
        );
        // A list closed by "광범위한 분야".
        assert_eq!(
            sectors("또 문화와 과학·기술, 교육 등 광범위한 분야에서 교류한다."),
            ["culture", "education", "science"]
        );
        // The cities themselves, before their list of fields; a city
        // among the fields.
        assert_eq!(
            sectors("양 도시는 ▲경제 ▲관광 등 다양한 분야에서 교류한다."),
            ["culture", "economy"]
        );
        assert_eq!(
            sectors("두 도시 간 경제·문화·스포츠 등의 교류를 넓힌다."),
            ["culture", "economy"]
        );
        assert_eq!(
            sectors("경제, 도시, 교통 분야에서 교류한다."),
            ["administration", "economy"]
        );
        assert_eq!(
            sectors("현재 20개 도시와 문화·관광·통상 등의 분야에서 교류를 넓힌다."),
            ["culture", "economy"]
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
}
