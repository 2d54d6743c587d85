//! Taxonomy files (`sectors`, `kinds`, `regions` under `taxonomy/`): terms
//! with labels and aliases, regions with their place in the hierarchy.

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use super::raw::{RawRegion, RawTerm};
use super::{SourceFile, parse, read_source};
use crate::diag::{Diagnostic, Span};
use crate::model::{
    Region, RegionLevel, Taxonomy, Term, Text, Vocabulary, admin_stem, normalise_key,
};

/// Loads the three taxonomies; `None` when any of them is missing or broken
/// (the errors are in `diags`).
pub(super) fn load(dir: &Path, files: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Option<Taxonomy> {
    // Taxonomies in JSON (the generated regions) are read with a JSON
    // parser first, many times faster; should anything be wrong, they are
    // read again with the YAML parser, which locates every problem.
    let mut quick = Vec::new();
    let taxonomy = load_with(dir, files, true, &mut quick);
    if quick
        .iter()
        .all(|d| d.severity != crate::diag::Severity::Error)
    {
        diags.extend(quick);
        return taxonomy;
    }
    load_with(dir, files, false, diags)
}

fn load_with(
    dir: &Path,
    files: &[PathBuf],
    quick: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Taxonomy> {
    let sectors = load_terms(dir, files, "sectors", quick, diags);
    let kinds = load_terms(dir, files, "kinds", quick, diags);
    let regions = load_regions(dir, files, quick, diags);
    Some(Taxonomy {
        sectors: sectors?,
        kinds: kinds?,
        regions: regions?,
    })
}

/// Finds `taxonomy/<stem>.{yaml,yml,json}` and parses it as a list of `T`.
fn read_list<T: serde::de::DeserializeOwned>(
    dir: &Path,
    files: &[PathBuf],
    stem: &str,
    quick: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<(SourceFile, Vec<T>)> {
    let path = files
        .iter()
        .find(|p| p.parent() == Some(dir) && p.file_stem().and_then(|s| s.to_str()) == Some(stem));
    let Some(path) = path else {
        diags.push(
            Diagnostic::error(
                Span::file(dir.join(format!("{stem}.yaml")).display().to_string()),
                format!("the {stem} taxonomy is missing"),
            )
            .with_hint(format!(
                "every data folder needs {TAX}/{stem}.yaml; copy the one from the sample data",
                TAX = super::TAXONOMY_DIR
            )),
        );
        return None;
    };
    let source = read_source(path, diags)?;
    if quick && let Some(list) = super::parse_json::<Vec<T>>(&source) {
        return Some((source, list));
    }
    let list = parse::<Vec<T>>(&source, diags)?;
    Some((source, list))
}

/// Adds `key` (an id or alias) for item `index`, reporting a clash with
/// another item.
fn index_key(
    index: &mut FxHashMap<String, usize>,
    key: &str,
    item: usize,
    ids: &[String],
    source: &SourceFile,
    loc: &serde_saphyr::Location,
    diags: &mut Vec<Diagnostic>,
) {
    let norm = normalise_key(key);
    if norm.is_empty() {
        diags.push(source.error(loc, "an empty id or alias"));
        return;
    }
    match index.get(&norm) {
        Some(&other) if other != item => diags.push(
            source
                .error(loc, format!("`{key}` already names `{}`", ids[other]))
                .with_hint("an id or alias may name only one entry; remove one of them"),
        ),
        _ => {
            index.insert(norm, item);
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The parts of a taxonomy entry that terms and regions share.
struct Entry<'r> {
    id: &'r Spanned<String>,
    ko: &'r Option<String>,
    en: &'r Option<String>,
    aliases: &'r [Spanned<String>],
}

/// The lookup index of a vocabulary: ids and aliases (a clash is an error),
/// then labels, and for places their names without the administrative
/// suffix, where no id or alias has them. A label several entries share
/// names none of them: it goes to `ambiguous`.
struct Index {
    index: FxHashMap<String, usize>,
    ambiguous: FxHashMap<String, Vec<usize>>,
}

/// Checks each entry's id and labels and builds the lookup index; `stems`
/// adds place names without their suffix (regions).
fn index_entries(
    entries: &[Entry],
    source: &SourceFile,
    example: &str,
    stems: bool,
    diags: &mut Vec<Diagnostic>,
) -> Index {
    let ids: Vec<String> = entries.iter().map(|e| e.id.value.clone()).collect();
    let mut index = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        check_entry(e, source, example, diags);
        for key in std::iter::once(e.id).chain(e.aliases) {
            index_key(
                &mut index,
                &key.value,
                i,
                &ids,
                source,
                &key.referenced,
                diags,
            );
        }
    }
    let ambiguous = soft_keys(entries, stems, &mut index);
    Index { index, ambiguous }
}

/// An entry's id is valid and it has a label free of control characters.
fn check_entry(e: &Entry, source: &SourceFile, example: &str, diags: &mut Vec<Diagnostic>) {
    if !valid_id(&e.id.value) {
        diags.push(
            source
                .error(
                    &e.id.referenced,
                    format!("`{}` is not a valid id", e.id.value),
                )
                .with_hint(format!(
                    "ids use lower-case ASCII letters, digits and hyphens, e.g. `{example}`"
                )),
        );
    }
    if e.ko.is_none() && e.en.is_none() {
        diags.push(source.error(&e.id.referenced, "the entry needs a `ko` or `en` label"));
    }
    // Labels are printed in every brief: no control characters.
    for label in [e.ko, e.en].into_iter().flatten() {
        if let Some(p) = super::resolve::text_problem(label) {
            diags.push(
                source
                    .error(
                        &e.id.referenced,
                        format!("the label `{}`: {}", e.id.value, p.message),
                    )
                    .with_hint_opt(p.hint),
            );
        }
    }
}

/// Labels (and stems) in a second tier of `index`: where free, and only
/// when one entry has them. Returns the keys several entries share.
fn soft_keys(
    entries: &[Entry],
    stems: bool,
    index: &mut FxHashMap<String, usize>,
) -> FxHashMap<String, Vec<usize>> {
    // key -> the first entry, and any others (allocated only when shared).
    let mut soft: FxHashMap<String, (usize, Vec<usize>)> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        let mut names: Vec<&str> = e.ko.iter().chain(e.en).map(String::as_str).collect();
        if stems {
            let stemmed: Vec<&str> = names
                .iter()
                .copied()
                .chain(e.aliases.iter().map(|a| a.value.as_str()))
                .filter_map(admin_stem)
                .collect();
            names.extend(stemmed);
        }
        for name in names {
            let key = normalise_key(name);
            if key.is_empty() || index.contains_key(&key) {
                continue;
            }
            match soft.entry(key) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert((i, Vec::new()));
                }
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    let (first, others) = o.get_mut();
                    if *first != i && !others.contains(&i) {
                        others.push(i);
                    }
                }
            }
        }
    }
    let mut ambiguous = FxHashMap::default();
    for (key, (first, others)) in soft {
        if others.is_empty() {
            index.insert(key, first);
        } else {
            let mut all = vec![first];
            all.extend(others);
            ambiguous.insert(key, all);
        }
    }
    ambiguous
}

fn load_terms(
    dir: &Path,
    files: &[PathBuf],
    stem: &str,
    quick: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vocabulary<Term>> {
    let (source, raw) = read_list::<RawTerm>(dir, files, stem, quick, diags)?;
    let before = diags.len();
    let entries: Vec<Entry> = raw
        .iter()
        .map(|t| Entry {
            id: &t.id,
            ko: &t.ko,
            en: &t.en,
            aliases: &t.aliases,
        })
        .collect();
    let mut vocab = Vocabulary::default();
    let index = index_entries(&entries, &source, "carbon-materials", false, diags);
    vocab.index = index.index;
    vocab.ambiguous = index.ambiguous;
    vocab.file = source.display.clone();
    for t in &raw {
        if let Some(g) = &t.group
            && !matches!(g.value.as_str(), "industry" | "field")
        {
            diags.push(
                source
                    .error(&g.referenced, format!("unknown group `{}`", g.value))
                    .with_hint("expected `industry` (the default) or `field`"),
            );
        }
    }
    vocab.items = raw
        .into_iter()
        .map(|t| Term {
            id: t.id.value,
            label: Text { ko: t.ko, en: t.en },
            aliases: t.aliases.into_iter().map(|a| a.value).collect(),
            field: t.group.is_some_and(|g| g.value == "field"),
        })
        .collect();
    (diags.len() == before).then_some(vocab)
}

fn load_regions(
    dir: &Path,
    files: &[PathBuf],
    quick: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vocabulary<Region>> {
    let (source, raw) = read_list::<RawRegion>(dir, files, "regions", quick, diags)?;
    let before = diags.len();
    let ids: Vec<String> = raw.iter().map(|r| r.id.value.clone()).collect();
    let entries: Vec<Entry> = raw
        .iter()
        .map(|r| Entry {
            id: &r.id,
            ko: &r.ko,
            en: &r.en,
            aliases: &r.aliases,
        })
        .collect();
    let mut vocab: Vocabulary<Region> = Vocabulary::default();
    let index = index_entries(&entries, &source, "us-ma-boston", true, diags);
    vocab.index = index.index;
    vocab.ambiguous = index.ambiguous;
    vocab.file = source.display.clone();

    let mut parents: Vec<Option<usize>> = Vec::with_capacity(raw.len());
    let mut levels = Vec::with_capacity(raw.len());
    for r in &raw {
        let level = region_level(r, &source, diags);
        levels.push(level);
        parents.push(region_parent(r, level, &vocab.index, &ids, &source, diags));
    }
    let countries = countries_of(&raw, &parents, &levels, &ids, before, &source, diags);

    for (i, r) in raw.into_iter().enumerate() {
        vocab.items.push(Region {
            id: r.id.value,
            label: Text { ko: r.ko, en: r.en },
            aliases: r.aliases.into_iter().map(|a| a.value).collect(),
            level: levels[i],
            parent: parents[i].map(|p| ids[p].clone()),
            code: r.code,
            country: countries[i].clone(),
        });
    }
    (diags.len() == before).then_some(vocab)
}

/// A region's level; an unknown one is reported (and read as an area).
fn region_level(r: &RawRegion, source: &SourceFile, diags: &mut Vec<Diagnostic>) -> RegionLevel {
    match r.level.value.as_str() {
        "country" => RegionLevel::Country,
        "province" => RegionLevel::Province,
        "city" => RegionLevel::City,
        "area" => RegionLevel::Area,
        other => {
            diags.push(
                source
                    .error(
                        &r.level.referenced,
                        format!("unknown region level `{other}`"),
                    )
                    .with_hint("expected one of: country, province, city, area"),
            );
            RegionLevel::Area
        }
    }
}

/// The index of a region's parent: none for a country, and a reported
/// error for a country with one, another region without one, or a parent
/// the list does not have.
fn region_parent(
    r: &RawRegion,
    level: RegionLevel,
    index: &FxHashMap<String, usize>,
    ids: &[String],
    source: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    match (&r.parent, level) {
        (None, RegionLevel::Country) => None,
        (None, _) => {
            diags.push(
                source
                    .error(
                        &r.id.referenced,
                        format!("`{}` needs a `parent`", r.id.value),
                    )
                    .with_hint(
                        "only countries stand alone; give the province or country it belongs to",
                    ),
            );
            None
        }
        (Some(p), RegionLevel::Country) => {
            diags.push(source.error(&p.referenced, "a country cannot have a parent"));
            None
        }
        (Some(p), _) => match index.get(&normalise_key(&p.value)) {
            Some(&j) => Some(j),
            None => {
                let hint = crate::diag::did_you_mean(&p.value, ids.iter().map(String::as_str))
                    .map(|s| format!("did you mean `{s}`?"));
                diags.push(
                    source
                        .error(
                            &p.referenced,
                            format!("unknown parent region `{}`", p.value),
                        )
                        .with_hint_opt(hint),
                );
                None
            }
        },
    }
}

/// Each region's country, walking up its parents; a cycle is reported,
/// and, while no error was reported since `before`, a chain that ends
/// short of a country.
fn countries_of(
    raw: &[RawRegion],
    parents: &[Option<usize>],
    levels: &[RegionLevel],
    ids: &[String],
    before: usize,
    source: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut countries = Vec::with_capacity(raw.len());
    for (i, r) in raw.iter().enumerate() {
        let mut current = i;
        let mut steps = 0;
        while let Some(p) = parents[current] {
            current = p;
            steps += 1;
            if steps > raw.len() {
                break;
            }
        }
        if steps > raw.len() {
            diags.push(source.error(
                &r.id.referenced,
                format!("the parents of `{}` form a cycle", r.id.value),
            ));
        } else if levels[current] != RegionLevel::Country && diags.len() == before {
            diags.push(source.error(
                &r.id.referenced,
                format!("`{}` does not lead up to a country", r.id.value),
            ));
        }
        countries.push(ids[current].clone());
    }
    countries
}

#[cfg(test)]
mod tests {
    /// The shipped regions are named as a brief may print them: no label
    /// or alias keeps the mark CLDR uses to tell two divisions of one name
    /// apart ("산시 성²", "Île-de-France²").
    #[test]
    fn shipped_region_labels_are_printable() {
        let tax = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
        for r in &tax.regions.items {
            let names = r
                .label
                .ko
                .iter()
                .chain(r.label.en.iter())
                .chain(r.aliases.iter());
            for name in names {
                assert!(!name.contains(['¹', '²', '³']), "{}: {name}", r.id);
            }
        }
    }

    /// Every way a region list can be wrong is reported, each once, with
    /// the region's line: an unknown level, a misspelt parent (with the
    /// near id), a country with a parent, a city without one, and parents
    /// that go round in a cycle.
    #[test]
    fn broken_region_lists_are_reported() {
        let dir = std::env::temp_dir().join(format!("brief-regions-test-{}", std::process::id()));
        let tax = dir.join("taxonomy");
        std::fs::create_dir_all(&tax).expect("temp dir");
        for f in ["sectors.yaml", "kinds.yaml"] {
            std::fs::copy(std::path::Path::new("data/taxonomy").join(f), tax.join(f))
                .expect("copy");
        }
        let regions = "\
- { id: kr, level: country, ko: 대한민국 }
- { id: kr-a, level: province, parent: kr, ko: 가도 }
- { id: kr-b, level: town, parent: kr-a, ko: 나시 }
- { id: kr-c, level: city, parent: kr-aa, ko: 다시 }
- { id: jp, level: country, parent: kr, ko: 일본 }
- { id: kr-d, level: city, ko: 라시 }
- { id: kr-e, level: city, parent: kr-f, ko: 마시 }
- { id: kr-f, level: city, parent: kr-e, ko: 바시 }
";
        std::fs::write(tax.join("regions.yaml"), regions).expect("write");
        let err = crate::load::load_taxonomy(&dir).expect_err("broken regions");
        let _ = std::fs::remove_dir_all(&dir);
        let said: Vec<String> = err
            .diagnostics
            .iter()
            .map(|d| format!("{} | {}", d.message, d.hint.as_deref().unwrap_or("")))
            .collect();
        let has = |words: &str| said.iter().any(|s| s.contains(words));
        assert!(has("unknown region level `town`"), "{said:#?}");
        assert!(
            has("unknown parent region `kr-aa` | did you mean `kr-a`?"),
            "{said:#?}"
        );
        assert!(has("a country cannot have a parent"), "{said:#?}");
        assert!(has("`kr-d` needs a `parent`"), "{said:#?}");
        assert!(has("the parents of `kr-e` form a cycle"), "{said:#?}");
        assert!(has("the parents of `kr-f` form a cycle"), "{said:#?}");
    }
}
