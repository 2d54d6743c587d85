//! Resolving what users write (ids, labels, aliases, codes, amounts) into
//! checked values, with the message and hint for when it fails. Shared by
//! the record validator and the sheet reader, which only differ in how they
//! say *where* a value is.

use super::LoadOptions;
use crate::diag::did_you_mean;
use crate::model::{Named, Taxonomy, Vocabulary, admin_stem, normalise_key};

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
    if !may_hold_control(s) {
        return None;
    }
    s.chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Whether `text` may hold a control character that `control_char` finds
/// (an ASCII one: other than tab and line breaks, or DEL): one pass over
/// the bytes without branches, fast enough for a whole file at a time.
pub fn may_hold_control(text: &str) -> bool {
    text.as_bytes().chunks(4096).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f)
        })
    })
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
    if let Some(i) = vocab.position(input) {
        return Ok(i);
    }
    // A label several entries share names none of them.
    if let Some(list) = vocab.ambiguous.get(&normalise_key(input)) {
        let ids: Vec<String> = list
            .iter()
            .map(|&i| format!("`{}`", vocab.items[i].id()))
            .collect();
        return Err(Problem::new(
            format!(
                "`{}` is the label of {} {what} entries: {}",
                input.trim(),
                ids.len(),
                ids.join(", ")
            ),
            format!(
                "write the id of the one meant, or give each a label of its own in {}",
                vocab.file
            ),
        ));
    }
    Err(Problem {
        message: format!("unknown {what} `{}`", input.trim()),
        hint: Some(suggest(input, vocab, what)),
    })
}

/// Why a place name did not resolve to one region.
enum Miss {
    Unknown,
    /// Several places have this name.
    Ambiguous(Vec<usize>),
}

/// Whether region `r` is `within` or inside it.
fn inside(tax: &Taxonomy, r: usize, within: usize) -> bool {
    let regions = &tax.regions;
    let mut current = Some(r);
    for _ in 0..16 {
        let Some(i) = current else { return false };
        if i == within {
            return true;
        }
        current = regions.items[i]
            .parent
            .as_deref()
            .and_then(|p| regions.get(p))
            .and_then(|p| regions.position(&p.id));
    }
    false
}

/// One place name: as written; else a label several places share; else
/// without its administrative suffix ("광저우시"); else a region named in
/// front of it ("베트남 하노이", "대구 중구", "미국 보스턴").
fn place(tax: &Taxonomy, input: &str, depth: u8) -> Result<usize, Miss> {
    let regions = &tax.regions;
    let input = input.trim();
    if let Some(i) = regions.position(input) {
        return Ok(i);
    }
    if let Some(list) = regions.ambiguous.get(&normalise_key(input)) {
        return Err(Miss::Ambiguous(list.clone()));
    }
    if let Some(i) = admin_stem(input).and_then(|s| regions.position(s)) {
        return Ok(i);
    }
    if depth < 2
        && let Some((head, tail)) = input.split_once(char::is_whitespace)
        && let Ok(h) = place(tax, head, depth + 1)
    {
        return match place(tax, tail, depth + 1) {
            Ok(r) if inside(tax, r, h) => Ok(r),
            // The name is another place's alias ("광주시" in "경기 광주시"):
            // look for a place inside the region named in front.
            Ok(_) | Err(Miss::Unknown) => named_inside(tax, tail, h),
            Err(Miss::Ambiguous(list)) => {
                let within: Vec<usize> = list.into_iter().filter(|&r| inside(tax, r, h)).collect();
                match within[..] {
                    [one] => Ok(one),
                    [] => Err(Miss::Unknown),
                    _ => Err(Miss::Ambiguous(within)),
                }
            }
        };
    }
    Err(Miss::Unknown)
}

/// The one place inside region `h` whose label or alias is `name` (or its
/// stem); a scan, only when the indexes cannot say.
fn named_inside(tax: &Taxonomy, name: &str, h: usize) -> Result<usize, Miss> {
    let keys: Vec<String> = std::iter::once(name)
        .chain(admin_stem(name))
        .map(normalise_key)
        .collect();
    let found: Vec<usize> = tax
        .regions
        .items
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.label
                .ko
                .iter()
                .chain(&r.label.en)
                .chain(&r.aliases)
                .flat_map(|n| std::iter::once(n.as_str()).chain(admin_stem(n)))
                .any(|n| keys.contains(&normalise_key(n)))
        })
        .map(|(i, _)| i)
        .filter(|&i| inside(tax, i, h))
        .collect();
    match found[..] {
        [one] => Ok(one),
        [] => Err(Miss::Unknown),
        _ => Err(Miss::Ambiguous(found)),
    }
}

/// The problem of a place name that did not resolve.
fn place_problem(tax: &Taxonomy, input: &str, miss: Miss) -> Problem {
    match miss {
        Miss::Unknown => Problem {
            message: format!("unknown region `{}`", input.trim()),
            hint: Some(suggest(input, &tax.regions, "region")),
        },
        Miss::Ambiguous(list) => {
            let named: Vec<String> = list
                .iter()
                .take(6)
                .map(|&i| {
                    let r = &tax.regions.items[i];
                    let parent = r
                        .parent
                        .as_deref()
                        .and_then(|p| tax.regions.get(p))
                        .and_then(|p| p.label.ko.as_deref().or(p.label.en.as_deref()))
                        .unwrap_or("");
                    format!("{parent} {} (`{}`)", input.trim(), r.id)
                        .trim()
                        .to_string()
                })
                .collect();
            Problem::new(
                format!(
                    "`{}` names {} places: {}{}",
                    input.trim(),
                    list.len(),
                    named.join(", "),
                    if list.len() > 6 { ", ..." } else { "" }
                ),
                "write the province or city in front (e.g. `대전 중구`) or use the id",
            )
        }
    }
}

/// What a value names: its regions, and a note when a place not in the
/// taxonomy was counted under the region named beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places<'a> {
    pub ids: Vec<&'a str>,
    pub note: Option<Problem>,
}

/// `헬싱키 (핀란드)`: a place the taxonomy lacks, counted under the region in
/// brackets, with a note that says how to add it.
fn place_in_brackets<'a>(tax: &'a Taxonomy, input: &str) -> Option<Places<'a>> {
    let input = input.trim();
    let inner_end = input.strip_suffix([')', '）'])?;
    let open = inner_end.rfind(['(', '（'])?;
    let name = inner_end[..open].trim();
    let inner = inner_end[open..].trim_start_matches(['(', '（']).trim();
    // Several places are split first; each may carry its own brackets.
    if name.is_empty() || super::human::list(name).len() > 1 {
        return None;
    }
    let i = place(tax, inner, 0).ok()?;
    // A place the taxonomy has, inside the region named: itself, no note.
    if let Ok(p) = place(tax, name, 0).or_else(|_| named_inside(tax, name, i))
        && inside(tax, p, i)
    {
        return Some(Places {
            ids: vec![tax.regions.items[p].id.as_str()],
            note: None,
        });
    }
    let r = &tax.regions.items[i];
    let label = r
        .label
        .ko
        .as_deref()
        .or(r.label.en.as_deref())
        .unwrap_or(&r.id);
    let file = if tax.regions.file.is_empty() {
        "taxonomy/regions.yaml"
    } else {
        tax.regions.file.as_str()
    };
    Some(Places {
        ids: vec![r.id.as_str()],
        note: Some(Problem::new(
            format!(
                "`{name}` is not in the regions taxonomy; it is counted under {label} (`{}`)",
                r.id
            ),
            format!(
                "to count it on its own, add it to {file}, e.g. {{\"id\": \"{}-new-place\", \"level\": \"city\", \"parent\": \"{}\", \"ko\": \"{name}\"}}",
                r.id, r.id
            ),
        )),
    })
}

/// The regions a value names: one place, or several in one value
/// ("메릴랜드·캘리포니아주", the last suffix shared by all), or a place the
/// taxonomy lacks with its country in brackets ("헬싱키 (핀란드)").
pub fn places<'a>(tax: &'a Taxonomy, input: &str) -> Result<Places<'a>, Problem> {
    let id = |i: usize| tax.regions.items[i].id.as_str();
    let whole = match place(tax, input, 0) {
        Ok(i) => {
            return Ok(Places {
                ids: vec![id(i)],
                note: None,
            });
        }
        Err(miss) => miss,
    };
    if let Some(p) = place_in_brackets(tax, input) {
        return Ok(p);
    }
    let parts = super::human::list(input);
    if parts.len() < 2 {
        return Err(place_problem(tax, input, whole));
    }
    let suffix = parts
        .last()
        .and_then(|last| admin_stem(last).map(|stem| &last[stem.len()..]))
        .unwrap_or("");
    let mut ids = Vec::new();
    let mut note = None;
    for part in parts {
        let found = place(tax, part, 0).or_else(|miss| match miss {
            Miss::Unknown if !suffix.is_empty() => place(tax, &format!("{part}{suffix}"), 0),
            miss => Err(miss),
        });
        let found: Vec<&str> = match (found, place_in_brackets(tax, part)) {
            (Ok(i), _) => vec![id(i)],
            (Err(_), Some(p)) => {
                note = note.or(p.note);
                p.ids
            }
            (Err(miss), None) => return Err(place_problem(tax, part, miss)),
        };
        for f in found {
            if !ids.contains(&f) {
                ids.push(f);
            }
        }
    }
    Ok(Places { ids, note })
}

pub fn sector<'a>(tax: &'a Taxonomy, input: &str) -> Result<&'a str, Problem> {
    lookup(&tax.sectors, input, "sector").map(|i| tax.sectors.items[i].id.as_str())
}

pub fn kind<'a>(tax: &'a Taxonomy, input: &str) -> Result<&'a str, Problem> {
    lookup(&tax.kinds, input, "event kind").map(|i| tax.kinds.items[i].id.as_str())
}

/// One region (an outcome's): as `places`, but a single place. A place
/// in brackets counts under its region, as for the event (whose partner
/// list already warned of it).
pub fn region<'a>(tax: &'a Taxonomy, input: &str) -> Result<&'a str, Problem> {
    match place(tax, input, 0) {
        Ok(i) => Ok(tax.regions.items[i].id.as_str()),
        Err(miss) => match place_in_brackets(tax, input) {
            Some(p) if p.ids.len() == 1 => Ok(p.ids[0]),
            _ => Err(place_problem(tax, input, miss)),
        },
    }
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
            "did you mean `{s}`? Or add an exchange rate for it under [currency.rates] in brief.toml (configuration: {})",
            options.config
        ),
        None => format!(
            "known currencies: {}; add an exchange rate under [currency.rates] in brief.toml (configuration: {})",
            options.currencies.join(", "),
            options.config
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
pub fn event_id(input: &str) -> Result<&str, Problem> {
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
    Ok(id)
}

/// "did you mean" over ids, labels and aliases, naming the id a label or
/// alias belongs to; otherwise how to add the entry to the vocabulary's file.
fn suggest<T: Named>(input: &str, vocab: &Vocabulary<T>, what: &str) -> String {
    let items = &vocab.items;
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
            let file = if vocab.file.is_empty() {
                "the taxonomy files under data/taxonomy/"
            } else {
                vocab.file.as_str()
            };
            format!(
                "known {what} ids include: {}{}; if it is new, add it (with its aliases) to {file}",
                shown.join(", "),
                if items.len() > 12 { ", ..." } else { "" }
            )
        }
    }
}
