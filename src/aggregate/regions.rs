//! Per-region summaries (partner countries, partner regions, domestic
//! regions, rolled up through the region hierarchy) and the sector x
//! country matrix.

use std::collections::BTreeMap;

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
struct Acc {
    events: u32,
    outcomes: u32,
    places: Vec<String>,
    /// Position of the region in the taxonomy, for stable ordering.
    order: usize,
}

fn rows(map: BTreeMap<String, Acc>) -> Vec<RegionRow> {
    let mut v: Vec<(String, Acc)> = map.into_iter().collect();
    v.sort_by(|a, b| {
        b.1.events
            .cmp(&a.1.events)
            .then(b.1.outcomes.cmp(&a.1.outcomes))
            .then(a.1.order.cmp(&b.1.order))
    });
    v.into_iter()
        .map(|(region, acc)| RegionRow {
            region,
            events: acc.events,
            outcomes: acc.outcomes,
            places: acc.places,
        })
        .collect()
}

/// The rows a region counts in: (table, row key, place rolled up into it).
/// Table 0 is partner countries, 1 partner regions abroad, 2 domestic
/// regions.
fn row_keys<'a>(tax: &'a Taxonomy, home: &str, r: &'a str) -> Vec<(u8, &'a str, Option<&'a str>)> {
    let Some(region) = tax.region(r) else {
        return Vec::new();
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
    keys
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

pub(super) fn breakdown<'a>(events: &[&'a Event], tax: &'a Taxonomy, home: &str) -> Breakdown {
    let mut maps: [BTreeMap<String, Acc>; 3] = Default::default();
    let order = |id: &str| tax.regions.position(id).unwrap_or(usize::MAX);

    for e in events {
        // Each event counts once per row, however many of its places roll
        // up into that row.
        let mut touched: Vec<(u8, &str)> = Vec::new();
        for r in e.regions() {
            for (table, key, place) in row_keys(tax, home, r) {
                let acc = maps[usize::from(table)]
                    .entry(key.to_string())
                    .or_insert_with(|| Acc {
                        order: order(key),
                        ..Acc::default()
                    });
                if !touched.contains(&(table, key)) {
                    touched.push((table, key));
                    acc.events += 1;
                }
                if let Some(p) = place
                    && !acc.places.iter().any(|x| x == p)
                {
                    acc.places.push(p.to_string());
                }
            }
        }
        // Each outcome counts once in each row it is credited to.
        for o in e.outcomes.iter().filter(|o| is_counted(o)) {
            let n = o.count;
            let mut rows_of_outcome: Vec<(u8, &str)> = Vec::new();
            for r in credited(e, o) {
                for (table, key, _) in row_keys(tax, home, r) {
                    if !rows_of_outcome.contains(&(table, key)) {
                        rows_of_outcome.push((table, key));
                        if let Some(acc) = maps[usize::from(table)].get_mut(key) {
                            acc.outcomes = acc.outcomes.saturating_add(n);
                        }
                    }
                }
            }
        }
    }

    let [countries, partners, domestic] = maps;
    let countries = rows(countries);
    let partner_regions = rows(partners);
    let domestic_regions = rows(domestic);

    // Matrix columns: the home country first when it appears, then partner
    // countries in the order of their rows.
    let mut columns: Vec<String> = Vec::new();
    let home_involved = events.iter().any(|e| {
        e.regions()
            .any(|r| tax.region(r).is_some_and(|reg| reg.country == home))
    });
    if home_involved {
        columns.push(home.to_string());
    }
    columns.extend(countries.iter().map(|r| r.region.clone()));
    let sectors: Vec<String> = tax
        .sectors
        .items
        .iter()
        .filter(|s| events.iter().any(|e| e.sectors.contains(&s.id)))
        .map(|s| s.id.clone())
        .collect();
    // One pass over the events: each counts once per (sector, country).
    let mut cells = vec![vec![0u32; columns.len()]; sectors.len()];
    let mut event_columns: Vec<usize> = Vec::new();
    for e in events {
        event_columns.clear();
        for r in e.regions() {
            if let Some(c) = tax
                .region(r)
                .and_then(|reg| columns.iter().position(|c| *c == reg.country))
                && !event_columns.contains(&c)
            {
                event_columns.push(c);
            }
        }
        for s in &e.sectors {
            if let Some(row) = sectors.iter().position(|x| x == s) {
                for &c in &event_columns {
                    cells[row][c] += 1;
                }
            }
        }
    }

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
