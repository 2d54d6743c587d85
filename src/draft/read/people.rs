//! Participants and attendance: who took part, and how many.

use std::sync::LazyLock;

use super::{around, with_about};
use crate::draft::Cited;
use crate::draft::find::Found;
use crate::load::human;
use regex::Regex;

/// Organisations named in the text: universities, institutes, companies,
/// agencies.
pub(super) fn participants(body: &[(usize, &String)]) -> Vec<Cited<String>> {
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
pub(super) fn attendance(body: &[(usize, &String)]) -> Option<Cited<(i64, bool)>> {
    static PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\d[\d,]*)\s*(여|여\s|명\s*이상|\+)?\s*명").expect("static regex")
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
        let said: Vec<&str> = found
            .iter()
            .map(|m| with_about(s, m.start(), m.end()))
            .collect();
        let joined = said
            .iter()
            .map(|m| m.replace('+', ""))
            .collect::<Vec<_>>()
            .join("+");
        let quote = said
            .iter()
            .map(|m| m.trim())
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
