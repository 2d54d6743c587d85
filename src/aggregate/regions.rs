//! Per-region summaries (partner countries, partner regions, domestic
//! regions, rolled up through the region hierarchy) and the sector x
//! country matrix.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::figures::is_counted;
use crate::model::{Event, Taxonomy};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionRow {
    pub region: String,
    pub events: u32,
    pub outcomes: u32,
    /// Finer regions named in records that were rolled up into this row.
    pub places: Vec<String>,
}

/// Events per sector (rows) and country (columns).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    pub sectors: Vec<String>,
    pub countries: Vec<String>,
    pub cells: Vec<Vec<u32>>,
}

pub(super) struct Breakdown {
    pub countries: Vec<RegionRow>,
    pub partner_regions: Vec<RegionRow>,
    pub domestic_regions: Vec<RegionRow>,
    pub matrix: Matrix,
}

#[derive(Default)]
struct Acc<'a> {
    events: u32,
    outcomes: u32,
    /// In the order first named.
    places: Vec<&'a str>,
    named: FxHashSet<&'a str>,
    /// Position of the region in the taxonomy, for stable ordering.
    order: usize,
}

/// The rows of one table: most events first, then most outcomes, then in
/// taxonomy order (then by id, for rows the taxonomy lacks).
fn rows(map: FxHashMap<&str, Acc>) -> Vec<RegionRow> {
    let mut v: Vec<(&str, Acc)> = map.into_iter().collect();
    v.sort_unstable_by(|a, b| {
        b.1.events
            .cmp(&a.1.events)
            .then(b.1.outcomes.cmp(&a.1.outcomes))
            .then(a.1.order.cmp(&b.1.order))
            .then(a.0.cmp(b.0))
    });
    v.into_iter()
        .map(|(region, acc)| RegionRow {
            region: region.to_string(),
            events: acc.events,
            outcomes: acc.outcomes,
            places: acc.places.into_iter().map(str::to_string).collect(),
        })
        .collect()
}

/// What a region named in a record counts in: the rows (table, row key,
/// place rolled up into it; table 0 is partner countries, 1 partner
/// regions abroad, 2 domestic regions) and its country. Worked out once
/// per distinct name.
#[derive(Default)]
struct Rollup<'a> {
    keys: Vec<(u8, &'a str, Option<&'a str>)>,
    country: Option<&'a str>,
}

fn rollup_of<'a>(tax: &'a Taxonomy, home: &str, r: &'a str) -> Rollup<'a> {
    let Some(region) = tax.region(r) else {
        return Rollup::default();
    };
    let province = tax.province_of(r);
    let country = region.country.as_str();
    let place = (province != region.id).then_some(region.id.as_str());
    let mut keys = Vec::new();
    if country == home {
        if province != country {
            keys.push((2, province, place));
        }
    } else {
        keys.push((0, country, None));
        if province != country {
            keys.push((1, province, place));
        }
    }
    Rollup {
        keys,
        country: Some(country),
    }
}

/// The regions an outcome is credited to: the home side (the event's
/// hosts) and the regions it was made with (its own `regions`, else the
/// event's partners).
fn credited<'a>(e: &'a Event, o: &'a crate::model::Outcome) -> impl Iterator<Item = &'a str> {
    let with = if o.regions.is_empty() {
        &e.partners
    } else {
        &o.regions
    };
    e.hosts.iter().chain(with.iter()).map(String::as_str)
}

/// The regions of a period's events, each name resolved once.
struct Places<'a> {
    tax: &'a Taxonomy,
    home: &'a str,
    seen: FxHashMap<&'a str, Rollup<'a>>,
}

impl<'a> Places<'a> {
    fn of(&mut self, r: &'a str) -> &Rollup<'a> {
        let (tax, home) = (self.tax, self.home);
        self.seen
            .entry(r)
            .or_insert_with(|| rollup_of(tax, home, r))
    }
}

pub(super) fn breakdown<'a>(events: &[&'a Event], tax: &'a Taxonomy, home: &'a str) -> Breakdown {
    let mut places = Places {
        tax,
        home,
        seen: FxHashMap::default(),
    };
    let (countries, partner_regions, domestic_regions) = tables(events, &mut places);

    // Matrix columns: the home country first when it appears, then partner
    // countries in the order of their rows.
    let mut columns: Vec<String> = Vec::new();
    let home_involved = events
        .iter()
        .any(|e| e.regions().any(|r| places.of(r).country == Some(home)));
    if home_involved {
        columns.push(home.to_string());
    }
    columns.extend(countries.iter().map(|r| r.region.clone()));
    let used: FxHashSet<&str> = events
        .iter()
        .flat_map(|e| e.sectors.iter().map(String::as_str))
        .collect();
    let sectors: Vec<String> = tax
        .sectors
        .items
        .iter()
        .filter(|s| used.contains(s.id.as_str()))
        .map(|s| s.id.clone())
        .collect();
    let cells = matrix_cells(events, &mut places, &columns, &sectors);

    Breakdown {
        countries,
        partner_regions,
        domestic_regions,
        matrix: Matrix {
            sectors,
            countries: columns,
            cells,
        },
    }
}

/// The partner-country, partner-region and domestic-region tables.
fn tables<'a>(
    events: &[&'a Event],
    places: &mut Places<'a>,
) -> (Vec<RegionRow>, Vec<RegionRow>, Vec<RegionRow>) {
    let tax = places.tax;
    let mut maps: [FxHashMap<&str, Acc>; 3] = Default::default();
    let order = |id: &str| tax.regions.position(id).unwrap_or(usize::MAX);
    let mut touched: Vec<(u8, &str)> = Vec::new();
    for e in events {
        // Each event counts once per row, however many of its places roll
        // up into that row.
        touched.clear();
        for r in e.regions() {
            for &(table, key, place) in &places.of(r).keys {
                let acc = maps[usize::from(table)].entry(key).or_insert_with(|| Acc {
                    order: order(key),
                    ..Acc::default()
                });
                if !touched.contains(&(table, key)) {
                    touched.push((table, key));
                    acc.events += 1;
                }
                if let Some(p) = place
                    && acc.named.insert(p)
                {
                    acc.places.push(p);
                }
            }
        }
        // Each outcome counts once in each row it is credited to.
        for o in e.outcomes.iter().filter(|o| is_counted(o)) {
            let n = o.count;
            touched.clear();
            for r in credited(e, o) {
                for &(table, key, _) in &places.of(r).keys {
                    if !touched.contains(&(table, key)) {
                        touched.push((table, key));
                        if let Some(acc) = maps[usize::from(table)].get_mut(key) {
                            acc.outcomes = acc.outcomes.saturating_add(n);
                        }
                    }
                }
            }
        }
    }
    let [countries, partners, domestic] = maps;
    (rows(countries), rows(partners), rows(domestic))
}

/// Events per (sector, country): each event counts once in each cell.
fn matrix_cells<'a>(
    events: &[&'a Event],
    places: &mut Places<'a>,
    columns: &[String],
    sectors: &[String],
) -> Vec<Vec<u32>> {
    let column: FxHashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let row: FxHashMap<&str, usize> = sectors
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let mut cells = vec![vec![0u32; columns.len()]; sectors.len()];
    let mut event_columns: Vec<usize> = Vec::new();
    for e in events {
        event_columns.clear();
        for r in e.regions() {
            if let Some(&c) = places.of(r).country.and_then(|c| column.get(c))
                && !event_columns.contains(&c)
            {
                event_columns.push(c);
            }
        }
        for s in &e.sectors {
            if let Some(&row) = row.get(s.as_str()) {
                for &c in &event_columns {
                    cells[row][c] += 1;
                }
            }
        }
    }
    cells
}
