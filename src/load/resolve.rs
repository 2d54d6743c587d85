//! Resolving what users write (ids, labels, aliases, codes, amounts) into
//! checked values, with the message and hint for when it fails. Shared by
//! the record validator and the sheet reader, which only differ in how they
//! say *where* a value is.

use super::LoadOptions;
use crate::diag::did_you_mean;
use crate::model::{Named, Taxonomy, Vocabulary};

/// Amounts above this (in any currency unit) are refused as absurd.
pub const MAX_AMOUNT: f64 = 1e15;
/// Attendance above this is refused as absurd.
pub const MAX_ATTENDANCE: i64 = 100_000_000;
/// An outcome line stands for at most this many agreements.
pub const MAX_COUNT: i64 = 100_000;

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

/// The first control character in `s` other than tab and line breaks:
/// such characters cannot be printed, and XML (the DOCX) forbids them.
pub fn control_char(s: &str) -> Option<char> {
    if !s
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f)
    {
        return None;
    }
    s.chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The longest text a field may hold, in bytes (about 6,000 Korean
/// characters): far more than any title or summary, small enough that no
/// field can swamp the typesetter.
pub const MAX_TEXT_BYTES: usize = 20_000;

/// What is wrong with a text field, if anything: a control character, or
/// more than `MAX_TEXT_BYTES`.
pub fn text_problem(s: &str) -> Option<Problem> {
    if s.len() > MAX_TEXT_BYTES {
        return Some(Problem::new(
            format!(
                "the text is {} bytes long; a field holds at most {MAX_TEXT_BYTES}",
                s.len()
            ),
            "shorten it; long documents belong in the sources, not in the record",
        ));
    }
    control_char(s).map(|c| {
        Problem::new(
            format!("the text holds the control character U+{:04X}", c as u32),
            "remove it (it cannot be printed); it often comes from copying out of another program",
        )
    })
}

/// A number as a person would write it: plain when modest, in scientific
/// notation when huge (so 1e300 is not printed with 300 digits).
fn short_number(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e15 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// The index of the entry `input` names (id, label or alias).
pub fn lookup<T: Named>(vocab: &Vocabulary<T>, input: &str, what: &str) -> Result<usize, Problem> {
    vocab.position(input).ok_or_else(|| Problem {
        message: format!("unknown {what} `{}`", input.trim()),
        hint: Some(suggest(input, &vocab.items, what)),
    })
}

pub fn sector<'a>(tax: &'a Taxonomy, input: &str) -> Result<&'a str, Problem> {
    lookup(&tax.sectors, input, "sector").map(|i| tax.sectors.items[i].id.as_str())
}

pub fn kind<'a>(tax: &'a Taxonomy, input: &str) -> Result<&'a str, Problem> {
    lookup(&tax.kinds, input, "event kind").map(|i| tax.kinds.items[i].id.as_str())
}

pub fn region<'a>(tax: &'a Taxonomy, input: &str) -> Result<&'a str, Problem> {
    lookup(&tax.regions, input, "region").map(|i| tax.regions.items[i].id.as_str())
}

/// One of a fixed set of ids (`signed`, `planned`, ...).
pub fn choice<T: Copy>(
    input: &str,
    all: &[T],
    id: fn(T) -> &'static str,
    what: &str,
) -> Result<T, Problem> {
    let input = input.trim();
    all.iter()
        .copied()
        .find(|t| id(*t) == input)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|t| id(*t)).collect();
            let hint = match did_you_mean(input, names.iter().copied()) {
                Some(s) => format!(
                    "did you mean `{s}`? (expected one of: {})",
                    names.join(", ")
                ),
                None => format!("expected one of: {}", names.join(", ")),
            };
            Problem {
                message: format!("unknown {what} `{input}`"),
                hint: Some(hint),
            }
        })
}

/// A currency code the configuration has a rate for.
pub fn currency(options: &LoadOptions, input: &str) -> Result<String, Problem> {
    let code = input.trim().to_ascii_uppercase();
    if options.currencies.contains(&code) {
        return Ok(code);
    }
    let hint = match did_you_mean(&code, options.currencies.iter().map(String::as_str)) {
        Some(s) => format!(
            "did you mean `{s}`? Or add an exchange rate for it under [currency.rates] in brief.toml"
        ),
        None => format!(
            "known currencies: {}; add an exchange rate under [currency.rates] in brief.toml",
            options.currencies.join(", ")
        ),
    };
    Err(Problem {
        message: format!("unknown currency `{code}`"),
        hint: Some(hint),
    })
}

pub fn amount(value: f64) -> Result<f64, Problem> {
    if value.is_finite() && (0.0..=MAX_AMOUNT).contains(&value) {
        Ok(value)
    } else {
        Err(Problem::new(
            format!("amount {} is out of range", short_number(value)),
            "expected a non-negative amount in currency units, e.g. 15000000",
        ))
    }
}

pub fn attendance(count: i64) -> Result<u64, Problem> {
    if (0..=MAX_ATTENDANCE).contains(&count) {
        Ok(count as u64)
    } else {
        Err(Problem::new(
            format!("attendance {count} is out of range"),
            format!("expected a whole number from 0 to {MAX_ATTENDANCE}"),
        ))
    }
}

pub fn count(count: i64) -> Result<u32, Problem> {
    if (1..=MAX_COUNT).contains(&count) {
        Ok(count as u32)
    } else {
        Err(Problem::new(
            format!("count {count} is out of range"),
            format!("expected how many agreements this line stands for, 1 to {MAX_COUNT}"),
        ))
    }
}

/// An event id: letters, digits, `-`, `_`, `.`.
pub fn event_id(input: &str) -> Result<String, Problem> {
    let id = input.trim();
    if id.is_empty()
        || id.len() > 200
        || !id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(Problem::new(
            format!("`{id}` is not a valid event id"),
            "use letters, digits, `-`, `_` and `.`, e.g. `2025-06-10-quebec-mission`",
        ));
    }
    Ok(id.to_string())
}

/// "did you mean" over ids, labels and aliases, naming the id a label or
/// alias belongs to.
fn suggest<T: Named>(input: &str, items: &[T], what: &str) -> String {
    let mut keys: Vec<(&str, &str)> = Vec::new();
    for t in items {
        let id = t.id();
        keys.push((id, id));
        let label = t.label();
        keys.extend(label.ko.iter().chain(&label.en).map(|l| (l.as_str(), id)));
        keys.extend(t.aliases().iter().map(|a| (a.as_str(), id)));
    }
    match did_you_mean(input.trim(), keys.iter().map(|(k, _)| *k)) {
        Some(k) => {
            let id = keys
                .iter()
                .find(|(key, _)| *key == k)
                .map_or(k, |(_, id)| *id);
            if k == id {
                format!("did you mean `{id}`?")
            } else {
                format!("did you mean `{k}` (the {what} `{id}`)?")
            }
        }
        None => {
            let shown: Vec<&str> = items.iter().take(12).map(|t| t.id()).collect();
            format!(
                "known {what} ids include: {}{}; add new ones to the taxonomy files under data/taxonomy/",
                shown.join(", "),
                if items.len() > 12 { ", ..." } else { "" }
            )
        }
    }
}
