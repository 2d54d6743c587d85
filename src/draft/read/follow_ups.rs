//! Follow-ups: what the article says is to be done next, by whom and when.

use super::outcomes::document_type;
use crate::draft::when::Published;
use crate::draft::{Cited, DraftFollowUp, when};
use crate::model::OutcomeType;

/// Plans the article reports after the event: "…까지 운영되며 … 마련할
/// 예정이다", "정부는 … 추진할 계획이다".
pub(super) fn follow_ups(
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
