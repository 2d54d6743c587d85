//! The reference regions of the sample data folder: every Korean 시·군·구
//! resolves and rolls up to its province, every ISO 3166-1 country resolves
//! by its Korean and English names, and names as news and staff write
//! them resolve to the right place or fail with a useful message.

mod common;
use common::*;

use brief::load::resolve;
use brief::model::{RegionLevel, Taxonomy};

fn taxonomy() -> Taxonomy {
    brief::load::load_taxonomy(&root().join("data")).expect("the sample taxonomy loads")
}

fn one(tax: &Taxonomy, name: &str) -> String {
    match resolve::places(tax, name) {
        Ok(p) if p.ids.len() == 1 && p.note.is_none() => p.ids[0].to_string(),
        other => panic!("`{name}`: {other:?}"),
    }
}

#[test]
fn every_korean_district_resolves_and_rolls_up_to_its_province() {
    let tax = taxonomy();
    let provinces: Vec<_> = tax
        .regions
        .items
        .iter()
        .filter(|r| r.country == "kr" && r.level == RegionLevel::Province)
        .collect();
    assert_eq!(provinces.len(), 17, "17 시·도");
    let districts: Vec<_> = tax
        .regions
        .items
        .iter()
        .filter(|r| r.code.as_ref().is_some_and(|c| c.len() == 5) && r.country == "kr")
        .collect();
    assert!(districts.len() >= 260, "{} 시·군·구", districts.len());
    for d in &districts {
        let code = d.code.as_deref().unwrap();
        let province = provinces
            .iter()
            .find(|p| p.code.as_deref() == Some(&code[..2]))
            .unwrap_or_else(|| panic!("{}: no province with code {}", d.id, &code[..2]));
        let label = d.label.ko.as_deref().unwrap();
        // As written with the province in front, short and full.
        let short = province.aliases.first().unwrap();
        for written in [
            format!("{short} {label}"),
            format!("{} {label}", province.label.ko.as_deref().unwrap()),
        ] {
            assert_eq!(one(&tax, &written), d.id, "{written}");
        }
        assert_eq!(tax.province_of(&d.id), province.id, "{} rolls up", d.id);
    }
    // Current names and units (2023–2026 changes).
    assert_eq!(one(&tax, "군위군"), "kr-daegu-gunwi");
    assert_eq!(tax.province_of("kr-daegu-gunwi"), "kr-daegu");
    assert_eq!(one(&tax, "여주군"), one(&tax, "여주시"));
    assert_eq!(one(&tax, "부천시 원미구"), "kr-gyeonggi-bucheon-wonmi");
    assert_eq!(tax.province_of("kr-gyeonggi-bucheon-wonmi"), "kr-gyeonggi");
}

#[test]
fn every_iso_country_resolves_by_its_korean_and_english_names() {
    let tax = taxonomy();
    let countries: Vec<_> = tax
        .regions
        .items
        .iter()
        .filter(|r| r.level == RegionLevel::Country)
        .collect();
    assert_eq!(countries.len(), 249, "ISO 3166-1");
    for c in countries {
        for label in [&c.label.ko, &c.label.en].into_iter().flatten() {
            assert_eq!(one(&tax, label), c.id, "{label}");
        }
        let code = c.code.as_deref().unwrap();
        assert_eq!(one(&tax, code), c.id, "{code}");
    }
}

/// A capital municipality or city-state is one place under one government:
/// one id, so its events are one row of a brief. The city's former id still
/// resolves, to that one place.
#[test]
fn a_city_that_is_its_division_has_one_id() {
    let tax = taxonomy();
    for (city, division, written) in [
        ("jp-tokyo-city", "jp-13", "도쿄"),
        ("th-bangkok-city", "th-10", "방콕"),
        ("my-kuala-lumpur-city", "my-14", "쿠알라룸푸르"),
        ("mn-ulan-bator", "mn-1", "울란바타르"),
        ("de-berlin-city", "de-be", "베를린"),
        ("de-hamburg-city", "de-hh", "함부르크"),
        ("mx-mexico-city", "mx-cmx", "멕시코시티"),
        ("tw-hsinchu-city", "tw-hsz", "신주시"),
        ("ca-quebec-city", "ca-qc-quebec-city", "퀘벡시"),
    ] {
        let entry = tax.regions.items.iter().any(|r| r.id == city);
        assert!(!entry, "{city} is an entry of its own");
        assert_eq!(one(&tax, city), division, "{city}");
        assert_eq!(one(&tax, written), division, "{written}");
        let named = |r: &&brief::model::Region| {
            r.label.ko.as_deref() == Some(written) || r.aliases.iter().any(|a| a == written)
        };
        let holders: Vec<_> = tax
            .regions
            .items
            .iter()
            .filter(named)
            .map(|r| &r.id)
            .collect();
        assert_eq!(holders, [division], "{written} names one place");
    }
    // The city's news spelling stays with the one place.
    assert_eq!(one(&tax, "토쿄"), "jp-13");
}

/// A brief prints a city's Korean label: never an ancient or clipped name
/// that happened to come first in GeoNames (비잔티움, 샌프란), nor a spelling
/// the Korean government has replaced (키예프); the old names still resolve.
#[test]
fn cities_abroad_print_as_korean_readers_write_them() {
    let tax = taxonomy();
    for (id, label, old) in [
        ("tr-istanbul", "이스탄불", "비잔티움"),
        ("us-ca-san-francisco", "샌프란시스코", "샌프란"),
        ("ua-kyiv", "키이우", "키예프"),
        ("us-tx-dallas", "댈러스", "달라스"),
        ("cn-shenzhen", "선전시", "심천"),
        ("cn-dalian", "다롄시", "대련"),
    ] {
        let region = tax.region(id).expect(id);
        assert_eq!(region.label.ko.as_deref(), Some(label), "{id}");
        assert_eq!(one(&tax, label), id, "{label}");
        assert_eq!(one(&tax, old), id, "{old}");
    }
}

#[test]
fn names_as_news_and_staff_write_them() {
    let tax = taxonomy();
    for (written, id) in [
        ("베트남 하노이", "vn-hn"),
        ("미국 보스턴", "us-ma-boston"),
        ("대만 타이베이시", "tw-tpe"),
        ("대구", "kr-daegu"),
        ("대구시", "kr-daegu"),
        ("대구광역시", "kr-daegu"),
        ("경북", "kr-gyeongbuk"),
        ("경북도", "kr-gyeongbuk"),
        ("경상북도", "kr-gyeongbuk"),
        ("광저우", "cn-guangzhou"),
        ("광저우시", "cn-guangzhou"),
        ("강원도", "kr-gangwon"),
        ("강원특별자치도", "kr-gangwon"),
        ("전라북도", "kr-jeonbuk"),
        ("전북특별자치도", "kr-jeonbuk"),
        ("싱가폴", "sg"),
        ("싱가포르", "sg"),
        ("美", "us"),
        ("中", "cn"),
        ("日", "jp"),
        ("미합중국", "us"),
        ("USA", "us"),
        ("대전 중구", "kr-daejeon-jung"),
        ("대전광역시 유성구", "kr-daejeon-yuseong"),
        ("퀘벡", "ca-qc"),
        ("퀘벡시", "ca-qc-quebec-city"),
        ("후쿠오카", "jp-40"),
        ("흑룡강성", "cn-hl"),
        ("헤이룽장 성", "cn-hl"),
        // A name with its country in front is the place the name alone is
        // ("일본 도쿄" is 도쿄도, as "도쿄" is), never a second one.
        ("도쿄", "jp-13"),
        ("일본 도쿄", "jp-13"),
        ("방콕", "th-10"),
        ("태국 방콕", "th-10"),
        ("쿠알라룸푸르", "my-14"),
        ("말레이시아 쿠알라룸푸르", "my-14"),
        ("캐나다 퀘벡", "ca-qc"),
        ("러시아 노보시비르스크", "ru-nvs"),
        // A division's name without its suffix is not another division's
        // own name: 모스크바 is the city, 모스크바주 the province around it.
        ("모스크바", "ru-mow"),
        ("모스크바주", "ru-mos"),
    ] {
        assert_eq!(one(&tax, written), id, "{written}");
    }
    assert_eq!(
        resolve::places(&tax, "메릴랜드·캘리포니아주").unwrap().ids,
        ["us-md", "us-ca"]
    );
    // A town the taxonomy lacks, with its country in brackets: counted
    // under the country, with a note saying how to add it.
    let p = resolve::places(&tax, "포르보 (핀란드)").unwrap();
    assert_eq!(p.ids, ["fi"]);
    let note = p.note.expect("a note");
    assert!(note.message.contains("`포르보`"), "{}", note.message);
    assert!(note.hint.unwrap().contains("regions.yaml"));
    // A place the taxonomy has is itself, brackets or not.
    assert_eq!(one(&tax, "헬싱키 (핀란드)"), "fi-helsinki");
    // In a list, each part may carry brackets.
    let p = resolve::places(&tax, "대전·포르보 (핀란드)").unwrap();
    assert_eq!(p.ids, ["kr-daejeon", "fi"]);
    assert!(p.note.is_some());
    // A region in front, the place without its suffix.
    assert_eq!(one(&tax, "미국 조지아"), "us-ga");
    assert_eq!(one(&tax, "경기 광주"), "kr-gyeonggi-gwangju");
    // Korean names stay Korean; a prefecture and its city are both there.
    assert_eq!(one(&tax, "안양시"), "kr-gyeonggi-anyang");
    assert_eq!(one(&tax, "오사카"), "jp-27");
    assert_eq!(one(&tax, "오사카시"), "jp-osaka-city");
    assert_eq!(one(&tax, "Jeju"), "kr-jeju");
    assert_eq!(one(&tax, "Jeju City"), "kr-jeju-jeju");
    // A name several places share names none of them, and says which.
    let p = resolve::places(&tax, "중구").unwrap_err();
    assert!(p.message.contains("대전광역시 중구"), "{}", p.message);
    assert!(p.hint.unwrap().contains("대전 중구"));
    // A country and a place in another country do not combine.
    assert!(resolve::places(&tax, "일본 보스턴").is_err());
    // No implausible suggestion; the file to add it to instead.
    let p = resolve::places(&tax, "수소").unwrap_err();
    let hint = p.hint.unwrap();
    assert!(!hint.contains("did you mean"), "{hint}");
    assert!(hint.contains("regions.yaml"), "{hint}");
}
