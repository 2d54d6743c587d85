//! Hosts and partners: the places an article names, kept where they are
//! parties to the event, not venues, firms' towns or places in passing.

use std::sync::LazyLock;

use regex::Regex;

use super::{Reader, around, background, quoted, strip_particle};
use crate::draft::find::{FIRM_MARKS, Found};
use crate::draft::{Cited, Draft};
use crate::model::RegionLevel;

/// What `Reader::mentions` finds.
#[derive(Default)]
struct Mentions {
    /// Each place once, with the words it was read from.
    found: Vec<(usize, String)>,
    /// Places named in their own right.
    named: Vec<usize>,
    /// Places named as where things happen.
    venues: Vec<usize>,
}

impl Mentions {
    /// The mentions with each division read as the city the text means
    /// (`Reader::cities_meant`).
    fn meaning(mut self, meant: &[(usize, usize)]) -> Mentions {
        for &(division, city) in meant {
            for i in self.named.iter_mut().chain(self.venues.iter_mut()) {
                if *i == division {
                    *i = city;
                }
            }
            if self.found.iter().any(|(i, _)| *i == city) {
                self.found.retain(|(i, _)| *i != division);
            } else if let Some(f) = self.found.iter_mut().find(|(i, _)| *i == division) {
                f.0 = city;
            }
        }
        self
    }
}

/// The place a text's mention stands for: its division's city where the
/// text means the city (`Reader::cities_meant`).
fn meant_by(index: usize, meant: &[(usize, usize)]) -> usize {
    meant
        .iter()
        .find(|(division, _)| *division == index)
        .map_or(index, |(_, city)| *city)
}

impl Reader<'_> {
    pub(super) fn set_places(
        &self,
        d: &mut Draft,
        body: &[(usize, &String)],
        event_sentence: Option<usize>,
    ) {
        let regions = &self.taxonomy.regions.items;
        // Each sentence's places were found once; the headline's now.
        let headline = self
            .page
            .headline
            .as_deref()
            .map(|h| (h, self.gazetteer.places_read(h, self.tied)));
        // Background sentences (but the lead and the event's) name no party.
        let year = self.year_of(d);
        let lead = body.first().map(|(i, _)| *i);
        let main = |i: usize| Some(i) == lead || Some(i) == event_sentence;
        let kept: Vec<(usize, &String)> = body
            .iter()
            .filter(|(i, s)| main(*i) || !background(s, year))
            .copied()
            .collect();
        let texts: Vec<(&str, &[Found])> = kept
            .iter()
            .map(|(i, s)| (s.as_str(), self.places[*i].as_slice()))
            .chain(headline.as_ref().map(|(h, p)| (*h, p.as_slice())))
            .collect();
        // The texts that say what the event is: the headline, the lead and
        // the event's sentence.
        let leading: Vec<bool> = kept
            .iter()
            .map(|(i, _)| main(*i))
            .chain(headline.iter().map(|_| true))
            .collect();
        let meant = self.cities_meant(&texts);
        let Mentions {
            mut found,
            named,
            venues,
        } = self.mentions(&texts).meaning(&meant);
        self.drop_venues(&mut found, &named, &venues);
        for (i, text) in body {
            self.unknown_places(d, text, &self.places[*i]);
        }
        let headline = headline.as_ref().map(|(h, p)| (*h, p.as_slice()));
        let home = self.home_country(event_sentence, headline);
        found.retain(|(i, _)| !in_passing(*i, &texts, &leading, &meant));
        let lead = body.first().map(|(i, _)| self.places[*i].as_slice());
        self.one_level(&mut found, lead, &home);
        self.drop_namesakes(&mut found);
        for (i, quote) in found {
            let r = &regions[i];
            let cited = Cited::new(r.id.clone(), quote);
            if r.country == home {
                d.hosts.push(cited);
            } else {
                d.partners.push(cited);
            }
        }
        if home != "kr" {
            d.review.push(format!(
                "hosts: the event was held and organised in `{home}`, so its places are the hosts"
            ));
        }
    }

    /// The places the texts name, with a quote each, and which of them
    /// are named as places in their own right (`named`) or only as where
    /// things happen (`venues`). A place named only to locate another
    /// ("충남 보령시") is not itself a party, nor is a reporter's dateline
    /// ("무안=김영균 기자"), a hall's namesake, a place in quotes or a
    /// firm's town.
    fn mentions(&self, texts: &[(&str, &[Found])]) -> Mentions {
        let regions = &self.taxonomy.regions.items;
        let mut m = Mentions::default();
        for &(text, places) in texts {
            for (k, f) in places.iter().enumerate() {
                let home = regions[f.index].country == "kr";
                let hall_town = self.hall_name(text, places, k + 1);
                if no_party(text, places, f, home) || self.hall_name(text, places, k) {
                    continue;
                }
                if venue_word(text, f.end) || hall_town {
                    m.venues.push(f.index);
                } else if !self.locator(text, places, k) && !m.named.contains(&f.index) {
                    m.named.push(f.index);
                }
                if !m.found.iter().any(|(i, _)| *i == f.index) {
                    m.found.push((f.index, around(text, f)));
                }
            }
        }
        m
    }

    /// Divisions abroad named bare ("부산-후쿠오카") or with 시 ("사마라시의회")
    /// where the texts write the city of that name with 시 ("후쿠오카시와")
    /// and never the division with its own suffix ("후쿠오카현"): the name
    /// is the city, as (division, city) pairs.
    fn cities_meant(&self, texts: &[(&str, &[Found])]) -> Vec<(usize, usize)> {
        let regions = &self.taxonomy.regions.items;
        let mut bare: Vec<(usize, &str)> = Vec::new();
        let mut suffixed = Vec::new();
        let mut with_si = Vec::new();
        for &(text, places) in texts {
            for f in places {
                let r = &regions[f.index];
                let Some(name) = r.label.ko.as_deref() else {
                    continue;
                };
                let stem = crate::model::admin_stem(name).unwrap_or(name);
                let Some(after) = text[f.start..].strip_prefix(stem) else {
                    continue;
                };
                // The division's own suffix: 현, 부, 주, 성, 도, …
                let own = name[stem.len()..].trim_start();
                let division = r.country != "kr" && r.level == RegionLevel::Province;
                if division && !own.is_empty() && after.starts_with(own) {
                    suffixed.push(stem);
                    continue;
                }
                if after.starts_with('시') {
                    with_si.push(stem);
                }
                // Bare, or written as its city's name ("사마라시의회").
                if division && !bare.contains(&(f.index, stem)) {
                    bare.push((f.index, stem));
                }
            }
        }
        bare.into_iter()
            .filter(|(_, stem)| with_si.contains(stem) && !suffixed.contains(stem))
            .filter_map(|(division, stem)| {
                let country = &regions[division].country;
                let city = regions.iter().position(|c| {
                    c.level == RegionLevel::City
                        && &c.country == country
                        && c.label
                            .ko
                            .as_deref()
                            .is_some_and(|n| crate::model::admin_stem(n).unwrap_or(n) == stem)
                })?;
                Some((division, city))
            })
            .collect()
    }

    /// Whether the `k`th place of `text` only locates the next ("충남
    /// 보령시"), or the one before it, in brackets ("광저우(광둥성)").
    fn locator(&self, text: &str, places: &[Found], k: usize) -> bool {
        let f = &places[k];
        places
            .get(k + 1)
            .is_some_and(|g| g.start <= f.end + 1 && self.inside(g.index, f.index))
            || k.checked_sub(1)
                .and_then(|j| places.get(j))
                .is_some_and(|g| {
                    text.get(g.end..f.start)
                        .is_some_and(|gap| gap.trim_end() == "(")
                        && self.holds(f.index, g.index)
                })
    }

    /// Drops places named only as where things happen: "부안 대명리조트에서"
    /// when its province is named, and a Korean city that is only the hall's
    /// city of another Korean body's event.
    fn drop_venues(&self, found: &mut Vec<(usize, String)>, named: &[usize], venues: &[usize]) {
        let regions = &self.taxonomy.regions.items;
        let all: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        // A Korean city named only as where a Korean body held its event
        // ("충남도는 16일 서울 하얏트호텔에서 … 투자협약을"): the hall's city,
        // not a party.
        let korean = |i: usize| regions[i].country == "kr";
        found.retain(|(i, _)| {
            let venue_only = !named.contains(i)
                && venues.contains(i)
                && all.iter().any(|p| {
                    p != i
                        && ((self.inside(*i, *p) && regions[*p].parent.is_some())
                            || (korean(*i)
                                && korean(*p)
                                && regions[*p].parent.is_some()
                                && named.contains(p)))
                });
            (named.contains(i) || venues.contains(i) || regions[*i].parent.is_none()) && !venue_only
        });
    }

    /// Drops a place that another name of the text stands for, and a
    /// country implied by its places.
    fn drop_namesakes(&self, found: &mut Vec<(usize, String)>) {
        let regions = &self.taxonomy.regions.items;
        // A city and its province that share a name ("브레멘", the city
        // and the state around it): the name stands for the one it
        // resolves to.
        let names: Vec<Option<&str>> = found
            .iter()
            .map(|(i, _)| regions[*i].label.ko.as_deref())
            .collect();
        let mut k = 0;
        found.retain(|(i, _)| {
            let name = names[k];
            k += 1;
            let shared = names.iter().filter(|n| **n == name).count() > 1;
            !shared || name.is_none_or(|n| self.taxonomy.regions.position(n) == Some(*i))
        });
        // "광주" is 광주광역시 and "광주시장" names its mayor, though 광주시
        // is also a city of 경기도: a Korean city whose name is a
        // metropolitan city's, in a text that names that one and not the
        // city's own province, is that one.
        let stem = |i: usize| {
            regions[i]
                .label
                .ko
                .as_deref()
                .and_then(crate::model::admin_stem)
        };
        let ids: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        found.retain(|(i, _)| {
            let r = &regions[*i];
            let province_named = ids.iter().any(|j| self.inside(*i, *j));
            r.country != "kr"
                || r.level != crate::model::RegionLevel::City
                || province_named
                || !ids.iter().any(|j| {
                    j != i
                        && regions[*j].level == crate::model::RegionLevel::Province
                        && stem(*j).is_some()
                        && stem(*j) == stem(*i)
                })
        });
        // A country is implied by its places: keep it only when none of
        // its places is named.
        let within =
            |i: usize, country: &str| regions[i].country == country && regions[i].id != country;
        let all: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        found.retain(|(i, _)| {
            let r = &regions[*i];
            r.parent.is_some() || !all.iter().any(|j| within(*j, &r.id))
        });
    }

    /// Names a place the taxonomy lacks, when the text gives it right after
    /// its country or province ("짐바브웨 중앙마쇼날랜드주", "인도네시아
    /// 파리아만시"), with the nearest known name of that country.
    fn unknown_places(&self, d: &mut Draft, text: &str, places: &[Found]) {
        let regions = &self.taxonomy.regions.items;
        for f in places {
            let r = &regions[f.index];
            if r.level == crate::model::RegionLevel::City
                || r.level == crate::model::RegionLevel::Area
            {
                continue;
            }
            let rest = &text[f.end..];
            let Some(word) = rest.strip_prefix(' ').and_then(|w| {
                w.split(|c: char| !('\u{AC00}'..='\u{D7A3}').contains(&c))
                    .next()
            }) else {
                continue;
            };
            let word = strip_particle(strip_particle(word));
            let admin = ["시", "성", "주", "현", "군", "카운티"]
                .iter()
                .any(|x| word.ends_with(x));
            let at = f.end + 1;
            if !admin || word.chars().count() < 3 || places.iter().any(|g| g.start == at) {
                continue;
            }
            let country = &r.country;
            let names: Vec<&str> = regions
                .iter()
                .filter(|x| &x.country == country && x.id != *country)
                .flat_map(|x| {
                    x.label
                        .ko
                        .iter()
                        .map(String::as_str)
                        .chain(x.aliases.iter().map(String::as_str))
                })
                .collect();
            let hint = crate::diag::did_you_mean(word, names.iter().copied())
                .map(|n| format!("; did you mean «{n}»?"))
                .unwrap_or_default();
            let note = format!(
                "places: «{word}» (in {}) is not in the taxonomy{hint}; add it to taxonomy/regions.yaml if it matters",
                r.label.ko.as_deref().unwrap_or(&r.id)
            );
            if !d.review.contains(&note) {
                d.review.push(note);
            }
        }
    }

    /// Whether region `inner` lies within region `outer`.
    /// The home side at one level: the subject of the lead ("경남 하동군은"
    /// is 하동군), not also its province, nor the cities inside it when the
    /// province is the subject ("충남도가 … 천안지역에 공장을") — unless the
    /// article names three or more of those cities (each a party, as in a
    /// province's sister-city pairs).
    fn one_level(&self, found: &mut Vec<(usize, String)>, lead: Option<&[Found]>, home: &str) {
        let regions = &self.taxonomy.regions.items;
        let Some(lead) = lead else { return };
        let subject = lead.iter().enumerate().find_map(|(k, f)| {
            let r = &regions[f.index];
            let locator = lead
                .get(k + 1)
                .is_some_and(|g| g.start <= f.end + 1 && self.inside(g.index, f.index));
            (r.country == home && r.parent.is_some() && !locator).then_some(f.index)
        });
        let Some(subject) = subject else { return };
        if !found.iter().any(|(i, _)| *i == subject) {
            return;
        }
        let within: Vec<usize> = found
            .iter()
            .map(|(i, _)| *i)
            .filter(|&i| i != subject && self.inside(i, subject))
            .collect();
        let keep_within = within.len() >= 3;
        found.retain(|(i, _)| {
            let above = self.inside(subject, *i) && regions[*i].parent.is_some();
            !above && (keep_within || !within.contains(i))
        });
    }

    /// Whether `outer` holds `inner`, or may: a province and a city of
    /// its country, where the taxonomy files the city under the country
    /// alone (광저우 and 광둥성).
    fn holds(&self, outer: usize, inner: usize) -> bool {
        let regions = &self.taxonomy.regions.items;
        let (o, i) = (&regions[outer], &regions[inner]);
        self.inside(inner, outer)
            || (o.level == RegionLevel::Province
                && i.level == RegionLevel::City
                && o.country == i.country
                && i.parent.as_deref() == Some(i.country.as_str()))
    }

    fn inside(&self, inner: usize, outer: usize) -> bool {
        let regions = &self.taxonomy.regions.items;
        let outer_id = &regions[outer].id;
        let mut current = regions[inner].parent.clone();
        for _ in 0..8 {
            match current {
                Some(p) if &p == outer_id => return true,
                Some(p) => current = self.taxonomy.region(&p).and_then(|r| r.parent.clone()),
                None => return false,
            }
        }
        false
    }

    /// Whether the `k`th place of `text` names a hall after a place abroad,
    /// in the Korean city just before it: "강릉 세인트존스 호텔에서".
    fn hall_name(&self, text: &str, places: &[Found], k: usize) -> bool {
        let regions = &self.taxonomy.regions.items;
        let (Some(town), Some(g)) = (k.checked_sub(1).and_then(|j| places.get(j)), places.get(k))
        else {
            return false;
        };
        regions[g.index].country != "kr"
            && regions[town.index].country == "kr"
            && text.get(town.end..g.start) == Some(" ")
            && venue_word(text, g.end)
    }

    /// The country whose places host the event: Korea, unless the headline
    /// and the first sentence name no Korean party and the event was held
    /// abroad and organised there (no Korean place or national actor in the
    /// sentence that says who held it).
    fn home_country(
        &self,
        event_sentence: Option<usize>,
        headline: Option<(&str, &[Found])>,
    ) -> String {
        let regions = &self.taxonomy.regions.items;
        let Some(i) = event_sentence else {
            return "kr".into();
        };
        // A Korean party in the headline or the first sentence ("함양군,
        // 베트남 하노이서 수출상담회"): the article reports its event, abroad
        // or not.
        let party_at_home = |(text, places): (&str, &[Found])| {
            places
                .iter()
                .any(|f| regions[f.index].country == "kr" && !no_party(text, places, f, true))
        };
        let lead = self
            .sents
            .first()
            .map(|s| (s.as_str(), self.places[0].as_slice()));
        if headline.into_iter().chain(lead).any(party_at_home) {
            return "kr".into();
        }
        let s = &self.sents[i];
        let Some(at) = s.find("에서") else {
            return "kr".into();
        };
        let venue_places = self.gazetteer.places(&s[..at]);
        let Some(last) = venue_places.len().checked_sub(1) else {
            return "kr".into();
        };
        // The hall's city, not the place a hall is named after.
        let hall = self.hall_name(s, &venue_places, last);
        let v = &venue_places[if hall { last - 1 } else { last }];
        let country = regions[v.index].country.clone();
        if country == "kr" {
            return country;
        }
        self.organiser(s, country)
    }

    /// Who held an event abroad in `country`, read from the first sentence
    /// saying so (else the event's sentence `s`): Korea when a Korean
    /// place or a national actor held it and no place of `country` did.
    fn organiser(&self, s: &str, country: String) -> String {
        let regions = &self.taxonomy.regions.items;
        let korean = |s: &str| {
            self.gazetteer
                .places(s)
                .iter()
                .any(|f| regions[f.index].country == "kr")
        };
        // Who held it: the first sentence saying so.
        let host_sentence = self
            .sents
            .iter()
            .map(String::as_str)
            .find(|s| ["개최", "주최", "주관"].iter().any(|w| s.contains(w)))
            .unwrap_or(s);
        let cut = ["개최", "주최", "주관"]
            .iter()
            .filter_map(|w| host_sentence.find(w))
            .min()
            .unwrap_or(host_sentence.len());
        // Not the venue ("전국시도지사협의회는 5일 프랑스 파리에서 … 개최한다",
        // "베트남 하노이·호찌민에서").
        let venue_at = host_sentence.find("에서").and_then(|e| {
            let places = self.gazetteer.places(&host_sentence[..e]);
            let mut k = places.len().checked_sub(1)?;
            let joined = |a: &Found, b: &Found| {
                host_sentence.get(a.end..b.start).is_some_and(|gap| {
                    gap.chars().count() <= 1 && gap.chars().all(|c| " ·ㆍ,".contains(c))
                })
            };
            while k > 0 && joined(&places[k - 1], &places[k]) {
                k -= 1;
            }
            Some(places[k].start)
        });
        let who = &host_sentence[..venue_at.map_or(cut, |v| v.min(cut))];
        let national = ["대통령", "정부", "장관", "우리 ", "전국"]
            .iter()
            .any(|w| who.contains(w));
        let foreign_host = self
            .gazetteer
            .places(who)
            .iter()
            .any(|f| regions[f.index].country == country);
        if national || (korean(who) && !foreign_host) {
            "kr".into()
        } else {
            country
        }
    }
}

/// Whether place `i` is named only in passing: once, outside the texts
/// that say what the event is (`leading`), in a sentence that tells of
/// something else: "한편 …", a standing state ("… 시장을 보유하고 있다"),
/// another time ("지난해", "앞서", "하반기에는") or a count of places
/// ("자매도시 5곳"). What a deal allows ("… 건설할 수 있다") is no
/// standing state.
fn in_passing(
    i: usize,
    texts: &[(&str, &[Found])],
    leading: &[bool],
    meant: &[(usize, usize)],
) -> bool {
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"한편|(?:[^수\s]\s|\S)있다\.|있으며|현재|뿐만|지난해|앞서|그동안|지금까지|[상하]반기",
            r"|국가별|\d+\s?곳"
        ))
        .expect("static regex")
    });
    let mut named = texts
        .iter()
        .zip(leading)
        .filter(|((_, places), _)| places.iter().any(|f| meant_by(f.index, meant) == i));
    match (named.next(), named.next()) {
        (Some(((text, _), lead)), None) => !lead && ASIDE.is_match(text),
        _ => false,
    }
}

/// Whether the words after a place make it a venue: "부안 대명리조트에서",
/// "목포 현대호텔과", "순천만국가정원 등에서".
fn venue_word(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    // The next word, or the rest of this one ("부안 대명리조트에서" /
    // "순천만국가정원").
    let next = rest.split_whitespace().next().unwrap_or("");
    [
        "호텔",
        "리조트",
        "컨벤션",
        "센터",
        "정원",
        "전시장",
        "회의실",
        "청사",
        "시청",
        "도청",
        "대학교",
        "엑스포",
    ]
    .iter()
    .any(|v| next.contains(v))
}

/// Whether a place the text names is no party wherever it stands: a
/// reporter's dateline ("무안=김영균 기자"), a name in quotes, and for a
/// Korean (`home`) place a firm's town or a foreign mission's seat.
fn no_party(text: &str, places: &[Found], f: &Found, home: bool) -> bool {
    text[f.end..].trim_start().starts_with('=')
        || quoted(text, f.start)
        || (home && (firms_town(text, f, places) || mission_seat(text, f)))
}

/// Whether a Korean city is the seat of a foreign mission named with it
/// ("주 부산 러시아 총영사", "주광주중국총영사"): a title, not a party.
fn mission_seat(text: &str, f: &Found) -> bool {
    let before = text[..f.start].trim_end_matches(' ');
    let Some(b) = before.strip_suffix('주') else {
        return false;
    };
    if !(b.is_empty() || b.ends_with([' ', '(', '“', '"', '‘', '\''])) {
        return false;
    }
    let rest = &text[f.end..];
    let end = rest.char_indices().nth(14).map_or(rest.len(), |(i, _)| i);
    ["영사", "대사"].iter().any(|w| rest[..end].contains(w))
}

/// Whether a Korean place names where a firm is, not a party:
/// "바이오테크(목포)", "익산시 (주)코엔원", "남원시(유)미와미" (abroad,
/// "미국(마이애미)" names the place itself), and the items of a list of
/// firms ("천안 씨에스컴퍼니, 아산 씨허브, 당진 바이오코스원 등 … 14개
/// 업체가"), where the word after the town is no place, or of a count of
/// them ("천안 12개, 아산 6개"); a maker after its product ("만두(김제
/// 푸드웨어)"), a firm's product and town in its brackets ("웰빙바이오
/// (흑마늘농축액, 의성)") and a town's firm before its product ("진도군의
/// 대대로영농조합(홍주)").
fn firms_town(text: &str, f: &Found, places: &[Found]) -> bool {
    static LISTED_FIRM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ ([^\s\d,.()][^\s,.()]{1,14})(?:,|\s등\s)[^.]*?(?:업체|기업|개사)")
            .expect("static regex")
    });
    let before = &text[..f.start];
    let rest = text[f.end..].trim_start_matches(['시', '군', '구']);
    let after_word = before.ends_with('(')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        && rest.starts_with(')');
    let before_firm = || FIRM_MARKS.iter().any(|m| rest.trim_start().starts_with(m));
    // Not a place ("경남 창원, 김해 등"), nor someone's post ("충남도
    // 기획관리실장, …").
    let listed_firm = || {
        LISTED_FIRM.captures(rest).is_some_and(|c| {
            let Some(w) = c.get(1) else { return false };
            let word = text.len() - rest.len() + w.start();
            !places.iter().any(|p| p.start == word) && !w.as_str().ends_with(['장', '관'])
        })
    };
    // "천안 12개, 아산 6개, 보령·당진·금산·서천 각 2개다": how many of the
    // firms each town sent, in a sentence about firms. The count ends at
    // the number ("12개,", "2개다", "12개사가"), unlike "3개 시도가" or "31개
    // 시·군이", which count places.
    static FIRMS_COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*[·ㆍ]\s*[가-힣]{2,4})*\s+(?:각\s*)?\d{1,3}\s*개(?:사|\s*업체|\s*기업)?(?:[,.)]|다|이\s|가\s|씩|$)")
            .expect("static regex")
    });
    let counted = || {
        FIRMS_COUNTED.is_match(rest)
            && ["업체", "기업", "개사", "회사"]
                .iter()
                .any(|w| text.contains(w))
    };
    // "만두(김제 푸드웨어)": a product, then the firm that makes it and its
    // town; "진도군의 대대로영농조합(홍주)": a town's firm, then its product.
    static MAKER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^ [^\s()]{1,15}\)").expect("static regex"));
    static TOWNS_FIRM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^의\s+[‘'\x22]?[^\s,.()‘’'\x22]{2,15}[’'\x22]?\s*\(").expect("static regex")
    });
    // "풍기특산물영농조합법인(홍삼제품, 영주)": a firm's product and town.
    // Not two places in brackets: "경북(포항, 경주)".
    static PRODUCT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[^\s(]\(([^\s(),]{1,15}),\s?$").expect("static regex"));
    let product = || {
        PRODUCT
            .captures(before)
            .and_then(|c| c.get(1))
            .is_some_and(|item| !places.iter().any(|p| p.start == item.start()))
    };
    let maker =
        || (before.ends_with('(') && MAKER.is_match(rest)) || (rest.starts_with(')') && product());
    let towns_firm = || TOWNS_FIRM.is_match(rest);
    // The cheap tests first; each runs only if those before it failed.
    after_word || before_firm() || maker() || towns_firm() || listed_firm() || counted()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::read::{draft, start_of};

    /// The ids of a draft's places, in order.
    fn place_ids(places: &[Cited<String>]) -> Vec<String> {
        places.iter().map(|c| c.value.clone()).collect()
    }

    /// A Korean city named only as the hall's city of a Korean body's
    /// event is no party; a city holding its own event still is.
    #[test]
    fn the_hall_city_is_no_party() {
        let ids = |text: &str| -> Vec<String> {
            let d = draft(text, "2015-06-17");
            [place_ids(&d[0].hosts), place_ids(&d[0].partners)].concat()
        };
        let got =
            ids("충남도는 16일 오후 서울 하얏트호텔에서 독일 부품회사와 투자협약을 체결했다.");
        assert!(!got.contains(&"kr-seoul".to_string()), "{got:?}");
        assert!(got.contains(&"kr-chungnam".to_string()), "{got:?}");
        let got = ids("서울시는 16일 서울 포시즌스호텔에서 중국 대표단과 포럼을 열었다.");
        assert!(got.contains(&"kr-seoul".to_string()), "{got:?}");
        // "광주시장" of a text about 광주: the metropolitan city's mayor.
        let got = ids("강기정 광주시장이 7일 중국 광저우에서 ‘광주 매력’을 알렸다.");
        assert!(got.contains(&"kr-gwangju".to_string()), "{got:?}");
        assert!(!got.contains(&"kr-gyeonggi-gwangju".to_string()), "{got:?}");
        let got = ids("경기 광주시는 7일 중국 광저우시와 협약을 맺었다.");
        assert!(got.contains(&"kr-gyeonggi-gwangju".to_string()), "{got:?}");
        // A hall named after a place abroad: no party, and not abroad.
        let d = draft(
            "강원특별자치도는 14일 강릉 세인트존스 호텔에서 수출상담회를 열었다.",
            "2023-11-14",
        );
        let hosts: Vec<&str> = d[0].hosts.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(hosts, ["kr-gangwon"], "{d:#?}");
        assert!(d[0].partners.is_empty(), "{:?}", d[0].partners);
    }

    /// A Korean county whose mission the lead reports hosts its event
    /// abroad, though the sentence with the venue names only the hosts
    /// abroad's city; the towns that sent so many firms are no party.
    #[test]
    fn a_mission_abroad_is_hosted_at_home() {
        let d = draft(
            "베트남 시장개척활동에 나선 경남 함양군이 수출상담회에서 314만 달러의 수출계약을 체결했다.\n\n\
             시장개척단은 지난 7일 하노이 VCCI 사무실에서 바이어 70곳이 참가한 가운데 수출상담회를 열었다.",
            "2016-03-10",
        );
        assert_eq!(place_ids(&d[0].hosts), ["kr-gyeongnam-hamyang"], "{d:#?}");
        assert_eq!(place_ids(&d[0].partners), ["vn-hn"]);
        let d = draft(
            "충남도가 미국 애틀란타에서 열린 대회에서 수출 계약을 체결했다.\n\n\
             참가 기업은 천안 12개, 아산 6개, 보령·당진·금산 각 2개다.\n\n\
             행사는 대전·충북·충남 3개 시도가 공동으로 주최했다.",
            "2025-04-21",
        );
        let hosts = place_ids(&d[0].hosts);
        assert_eq!(
            hosts,
            ["kr-chungnam", "kr-daejeon", "kr-chungbuk"],
            "{hosts:?}"
        );
        // Places counted are no firms' towns.
        let d = draft(
            "도 대표단이 미국 애틀란타에서 열린 대회에서 수출 계약을 체결했다.\n\n\
             경기도 31개 시·군과 도내 기업 20개사가 참여했다.",
            "2025-04-21",
        );
        assert_eq!(place_ids(&d[0].hosts), ["kr-gyeonggi"]);
    }

    /// An event abroad organised there, whose headline and first sentence
    /// name no Korean party, is hosted abroad; a Korean dateline or a
    /// quoted name there does not make it Korean.
    #[test]
    fn an_event_organised_abroad_is_hosted_there() {
        let d = draft(
            "(흑룡강신문=하얼빈) 리흔 기자= 제4차 산업혁명이 “서울” 못지않게 우리들의 생활에 스며들고 있다.\n\n\
             흑룡강성-경기도 로봇 기업 상담회가 지난 12일 할빈 공업대학에서 펼쳐졌다.\n\n\
             이번 상담회는 금약그룹과 할빈공업대학이 공동으로 개최했으며 흑룡강성과 할빈시의 지지를 받았다.",
            "2018-01-15",
        );
        let hosts = place_ids(&d[0].hosts);
        assert!(hosts.contains(&"cn-hl".to_string()), "{hosts:?}");
        assert_eq!(place_ids(&d[0].partners), ["kr-gyeonggi"], "{d:#?}");
    }

    /// The city of a foreign mission's title is no party.
    #[test]
    fn a_consulates_city_is_no_party() {
        for text in [
            "포항시는 지난 5일 시청에서 주 부산 러시아 총영사와 면담했다.",
            "포항시는 지난 5일 시청에서 주부산러시아총영사와 면담했다.",
        ] {
            let d = draft(text, "2019-03-07");
            assert_eq!(place_ids(&d[0].hosts), ["kr-gyeongbuk-pohang"], "{text}");
        }
    }

    /// A Korean town named as a firm's is no party.
    #[test]
    fn a_firms_town_is_no_party() {
        let d = draft(
            "전남도는 12일 말레이시아 식품박람회에서 바이오테크(목포), 산들촌(담양)이 126만 달러의 계약을 체결했다고 밝혔다.\n\n\
             익산시 (주)코엔원과 남원시(유)미와미도 참가했다.",
            "2012-07-15",
        );
        assert_eq!(place_ids(&d[0].hosts), ["kr-jeonnam"], "{:?}", d[0].hosts);
        // Towns heading a list of firms; not the provinces counted in it,
        // nor someone's post.
        let hosts = |text: &str| place_ids(&draft(text, "2024-05-03")[0].hosts);
        assert_eq!(
            hosts(
                "충남도는 3일 알마티에서 수출상담회를 열었다. 상담회에는 천안 씨에스컴퍼니, 아산 씨허브, 당진 바이오코스원 등 충남 지역 14개 업체가 참가했다."
            ),
            ["kr-chungnam"]
        );
        assert_eq!(
            hosts("박람회에는 60개 기업(대전 21, 충북 20, 충남 19)이 3일 참여했다."),
            ["kr-daejeon", "kr-chungbuk", "kr-chungnam"]
        );
        // A maker after its product; a town's firm before its product.
        assert_eq!(
            hosts(
                "전북도는 3일 도쿄 박람회에서 만두(김제 푸드웨어), 조미김(군산 바다향)을 선보였다. 진도군의 대대로영농조합(홍주)도 참가했다."
            ),
            ["kr-jeonbuk"]
        );
        // A firm's product and town in its brackets, not two places.
        let tax = crate::load::load_taxonomy(std::path::Path::new("data")).expect("taxonomy");
        let g = crate::draft::find::Gazetteer::new(&tax);
        let town = |text: &str, name: &str| {
            let places = g.places(text);
            let f = places
                .iter()
                .find(|f| &text[f.start..f.end] == name)
                .expect("the town is found");
            firms_town(text, f, &places)
        };
        assert!(town(
            "풍기특산물영농조합법인(홍삼제품, 영주), 참미푸드사",
            "영주"
        ));
        assert!(!town("경북(포항, 경주) 기업들과", "경주"));
        assert_eq!(
            hosts(
                "경북도는 3일 호치민에서 풍기특산물영농조합법인(홍삼제품, 영주), 참미푸드사(즉석제품, 칠곡)와 수산기업인 성진홀푸드(수산건어물, 영덕) 등 18개사 대표들과 현지 구매자간 수출 상담을 진행했다."
            ),
            ["kr-gyeongbuk"]
        );
    }

    /// The home side at one level: the lead's subject, not its province
    /// nor the cities inside it; a city and a state of one name once.
    #[test]
    fn the_home_side_at_one_level() {
        let places = |text: &str| {
            let drafts = draft(text, "2010-02-04");
            let d = &drafts[0];
            (
                place_ids(&d.hosts).join(" "),
                place_ids(&d.partners).join(" "),
            )
        };
        let (hosts, _) = places(
            "하동군 오스트리아 방문\n\n경남 하동군은 지난 2일 오스트리아를 방문해 협약을 체결했다고 4일 밝혔다. 경남도와 함께 추진했다.",
        );
        assert_eq!(hosts, "kr-gyeongnam-hadong");
        let (hosts, _) = places(
            "충남도, 외자 유치\n\n충남도가 지난 2일 미국 업체와 천안지역에 공장을 신설하는 투자협약을 체결했다고 4일 밝혔다.",
        );
        assert_eq!(hosts, "kr-chungnam");
        let (_, partners) = places(
            "용인시 독일 방문\n\n용인시는 지난 2일 독일 베를린을 방문해 국제가전박람회(IFA Berlin)를 참관했다고 4일 밝혔다.",
        );
        assert_eq!(
            partners.split(' ').filter(|p| p.starts_with("de-")).count(),
            1,
            "{partners}"
        );
        // A province in brackets after its city only locates it.
        let (_, partners) = places(
            "원주시는 26일부터 30일까지 중국 광저우(광둥성)와 우한(후베이성)을 방문한다고 4일 밝혔다.",
        );
        assert_eq!(partners, "cn-guangzhou cn-wuhan");
        // A venue of two cities joined by a middle dot is the venue, not
        // the host: the Korean provinces before it hold the event there.
        let (hosts, partners) = places(
            "충남도는 대전·세종시와 함께 오는 25∼28일 베트남 하노이·호찌민에서 매칭데이를 개최한다고 24일 밝혔다.",
        );
        assert!(hosts.starts_with("kr-chungnam"), "{hosts}");
        assert!(partners.contains("vn-hn"), "{partners}");
    }

    /// A place named once, outside the headline, the lead and the event's
    /// sentence, in a sentence about something else, is no party, at home
    /// or abroad; named twice, or in the lead, it is.
    #[test]
    fn a_place_in_passing_is_no_partner() {
        let partners = |text: &str| place_ids(&draft(text, "2019-03-14")[0].partners).join(" ");
        let lead = "김해시, 하노이와 협약\n\n경남 김해시는 지난 12일 베트남 하노이를 방문해 우호교류 협약을 체결했다고 14일 밝혔다. \
                    시 대표단은 하노이 인민위원회와 교육 분야 교류를 논의했다.";
        for aside in [
            "한편 일본 후쿠오카시 대표단은 다음 달 김해를 찾는다.",
            "시는 일본 후쿠오카시에 사무소를 두고 있다.",
            "시는 하반기에 일본 후쿠오카시를 방문한다.",
            "시는 지난해 일본 후쿠오카시와 협약을 맺었다.",
        ] {
            assert_eq!(partners(&format!("{lead} {aside}")), "vn-hn", "{aside}");
        }
        let twice = format!(
            "{lead} 시는 일본 후쿠오카시도 방문했다. 한편 후쿠오카시는 하반기에 김해를 찾는다."
        );
        assert!(partners(&twice).contains("jp-"), "{twice}");
        let allows = format!("{lead} 협약에 따라 일본 후쿠오카시 기업도 참여할 수 있다.");
        assert!(partners(&allows).contains("jp-"), "{allows}");
        let hosts = |text: &str| place_ids(&draft(text, "2019-03-14")[0].hosts).join(" ");
        let home = format!("{lead} 한편 부산시는 하반기에 하노이를 찾는다.");
        assert_eq!(hosts(&home), "kr-gyeongnam-gimhae", "{home}");
    }

    /// A bare name shared by a division abroad and its city ("부산-후쿠오카")
    /// is the city when the text writes the city with 시 and never the
    /// division with its suffix; otherwise the division, as before.
    #[test]
    fn a_bare_name_is_the_city_the_text_writes() {
        let partners = |text: &str| place_ids(&draft(text, "2017-09-26")[0].partners).join(" ");
        let head = "부산-후쿠오카 협력회의 개최\n\n부산시는 27일 시청에서 부산-후쿠오카 협력회의를 개최한다고 밝혔다.";
        let city = format!("{head} 회의에는 후쿠오카시 공무원 10명이 참석한다.");
        assert_eq!(partners(&city), "jp-fukuoka-city", "{city}");
        let both = format!("{city} 후쿠오카현 관계자도 함께한다.");
        assert!(partners(&both).contains("jp-40"), "{both}");
        assert_eq!(partners(head), "jp-40", "{head}");
        // The division's name written as its city's ("사마라시의회").
        let samara = "통영시의회, 사마라시의회와 협약\n\n통영시의회는 1일 러시아 사마라시의회와 협약을 체결했다.";
        assert_eq!(partners(samara), "ru-samara-city", "{samara}");
        // The division written with its own suffix, whatever it is (부).
        let osaka = "부산-오사카 협력회의 개최\n\n부산시는 27일 부산-오사카 협력회의를 개최한다고 밝혔다. \
                     오사카부와 오사카시 공무원 10명이 참석한다.";
        assert!(partners(osaka).contains("jp-27"), "{osaka}");
        // The city the bare name means stays a partner though its own name
        // comes only in an aside.
        let aside = format!("{head} 한편 후쿠오카시는 현재 부산에 사무소를 두고 있다.");
        assert_eq!(partners(&aside), "jp-fukuoka-city", "{aside}");
    }

    /// Places in background sentences (earlier ties, what a place is
    /// like) are no parties; the lead's are.
    #[test]
    fn background_sentences_name_no_partner() {
        let partners = |text: &str| place_ids(&draft(text, "2022-02-15")[0].partners);
        let text = "평택시, 땀끼시와 협정\n\n경기 평택시는 14일 베트남 땀끼시와 우호교류 협정을 체결했다. \
                    땀끼시는 베트남 중부 지방에 위치한 인구 16만명의 도시로 호치민과 하노이를 연결한다. \
                    시는 2004년 일본 마쯔야마시와 우호교류 협정을 체결한 이후 2021년 몽골 토브아이막과 협정을 맺었다.";
        assert_eq!(partners(text), ["vn"]);
        for (s, year, told) in [
            ("보고르군은 자카르타 남서쪽 자바에 있다.", 2019, true),
            (
                "루마니아·독일·헝가리 3국의 민족 문화가 혼합돼 있으며, 스키로 유명한 틈파산이 자리잡고 있다.",
                2021,
                true,
            ),
            (
                "세종시는 지난 15일 브라쇼브시와 영상회의를 했다.",
                2021,
                false,
            ),
            (
                "파주시는 현재 중국, 일본, 호주 등 6개국 8개 도시와 자매결연을 체결하고 활발히 교류하고 있으며",
                2009,
                true,
            ),
            (
                "우선 자매결연을 맺은 곳은 미국 하와이주, 러시아 사할린주 등 6곳이다.",
                2022,
                true,
            ),
            (
                "이로써 여주의 자매 도시는 8개 (서울 송파구, 충남 아산시)로 늘어났다.",
                2024,
                true,
            ),
            (
                "도와 우호교류를 맺고 있는 짐바브웨 중앙마쇼날랜드주에서도 옵저버로 참여한다.",
                2017,
                false,
            ),
        ] {
            assert_eq!(background(s, Some(year)), told, "{s}");
        }
        // Places someone only speaks of are no parties.
        let at = |s: &str, w: &str| s.find(w).expect("word");
        let s = "군 관계자는 \"영동군은 필리핀, 베트남에 이어";
        assert!(quoted(s, at(s, "베트남")));
        let s = "그는 “베트남에 이어";
        assert!(quoted(s, at(s, "베트남")));
        let s = "‘2026 여수세계섬박람회’에 필리핀 세부가";
        assert!(!quoted(s, at(s, "필리핀")));
        // A Korean body holding a meeting abroad is the host, whatever the
        // venue: the venue's places are not who held it.
        let text = "한-불 교류회의\n\n전국시도지사협의회는 5일 프랑스 파리에서 '한-불 지자체 교류회의'를 개최한다.";
        assert_eq!(partners(text), ["fr-paris"]);
    }

    #[test]
    fn unknown_places_get_a_suggestion_and_kinds_stay_whole_words() {
        let text = "대전시는 지난 3일 캐나다 퀘백주를 방문해 협약을 체결했다고 5일 밝혔다. 이날 행사에는 50여명이 참석했다.";
        let drafts = draft(text, "2025-03-05");
        let d = &drafts[0];
        assert!(
            d.review
                .iter()
                .any(|r| r.contains("«퀘백주»") && r.contains("«퀘벡주»")),
            "{:?}",
            d.review
        );
        // "대전시는" holds "전시" (exhibition) but names no exhibition.
        assert_eq!(
            d.kind.as_ref().map(|k| k.value.as_str()),
            Some("mou-signing")
        );
        assert_eq!(start_of(d).as_deref(), Some("2025-03-03"));
        assert_eq!(d.attendance.as_ref().map(|a| a.value), Some((50, true)));
    }
}
