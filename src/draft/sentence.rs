//! Sentences of Korean news prose. A sentence ends at 다. / 요. / a full
//! stop before a space (or 다. run on into the next word), outside
//! quotation marks and brackets, so a quoted
//! remark ("…힘쓰겠다"고 말했다.) stays inside the sentence that reports it.

/// Splits a paragraph into sentences, trimmed, in order.
pub fn split(paragraph: &str) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: i32 = 0;
    let mut straight_open = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '“' | '‘' | '「' | '『' | '《' | '〈' | '(' | '[' | '（' | '【' => {
                // '25년: an apostrophe before a two-digit year is no quote.
                let year_mark = c == '‘' && chars.get(i + 3) == Some(&'년');
                if !year_mark {
                    depth += 1;
                }
            }
            '”' | '’' | '」' | '』' | '》' | '〉' | ')' | ']' | '）' | '】' => {
                depth = (depth - 1).max(0);
            }
            '"' => {
                straight_open = !straight_open;
            }
            _ => {}
        }
        let quoted = depth > 0 || straight_open;
        // "체결했다.이날 설명회에는": pages that lost the space after a
        // sentence's 다.
        let run_on = c == '.'
            && i > 0
            && chars[i - 1] == '다'
            && chars
                .get(i + 1)
                .is_some_and(|n| crate::model::is_hangul(*n));
        let ends = !quoted
            && matches!(c, '.' | '?' | '!' | '。')
            && i > 0
            && (run_on
                || chars
                    .get(i + 1)
                    .is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | '’')))
            && !chars[i - 1].is_ascii_digit();
        if ends {
            push(&mut out, &chars[start..=i]);
            start = i + 1;
        }
        i += 1;
    }
    push(&mut out, &chars[start..]);
    out
}

fn push(out: &mut Vec<String>, chars: &[char]) {
    let s: String = chars.iter().collect();
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn quotes_stay_in_their_sentence() {
        let s = split(
            "3국은 합의했다. 관계자는 \"교류에 힘쓰겠다. 협력하겠다\"고 말했다. 김 회장은 “성과를 냈다. 매진할 것이다”고 말했다.",
        );
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[1].ends_with("고 말했다."));
    }

    #[test]
    fn a_lost_space_after_a_sentence() {
        let s =
            split("협약을 체결했다.이날 설명회에는 50명이 참석했다. 1.5배 늘었다.그리고 D.C.에서");
        assert_eq!(
            s,
            vec![
                "협약을 체결했다.",
                "이날 설명회에는 50명이 참석했다.",
                "1.5배 늘었다.",
                "그리고 D.C.에서"
            ]
        );
    }

    #[test]
    fn numbers_and_brackets() {
        let s = split("총 1.5억 원 규모다. 인천 송도에 ‘25년까지 구축(계획. 추진) 중이다. 끝");
        assert_eq!(
            s,
            vec![
                "총 1.5억 원 규모다.",
                "인천 송도에 ‘25년까지 구축(계획. 추진) 중이다.",
                "끝"
            ]
        );
    }
}
