"""What an analyst would write instead of `brief`: the same load, validation
and aggregation of the same generated CSV, in pandas. Used only by
`benches/vs-pandas.sh` to put `brief`'s time in proportion.

It reads the sheet, resolves kinds, sectors and regions through the same
taxonomy files (ids, Korean and English labels, aliases; case and spacing
ignored), checks dates and numbers, and computes for one quarter what a
brief's tables need: events, sectors, countries and provinces, MOUs,
agreements, attendance, investment, events per month, and the same for the
previous quarter and the same quarter a year before.

Usage: python brief_pandas.py DATA_DIR 2024Q2
"""

import json
import pathlib
import re
import sys

import pandas as pd
import yaml


def key(s: str) -> str:
    return re.sub(r"\s+", "", str(s)).casefold()


def vocabulary(items: list) -> dict:
    out = {}
    for it in items:
        for name in [it["id"], it.get("ko", ""), it.get("en", "")] + it.get("aliases", []):
            if name:
                out.setdefault(key(name), it["id"])
    return out


def load_taxonomy(data: pathlib.Path):
    tax = data / "taxonomy"
    sectors = yaml.safe_load((tax / "sectors.yaml").read_text(encoding="utf-8"))
    kinds = yaml.safe_load((tax / "kinds.yaml").read_text(encoding="utf-8"))
    text = (tax / "regions.yaml").read_text(encoding="utf-8")
    regions = json.loads("\n".join(l for l in text.splitlines() if not l.startswith("#")))
    parent = {r["id"]: r.get("parent") for r in regions}
    level = {r["id"]: r["level"] for r in regions}

    def country(rid):
        while parent.get(rid):
            rid = parent[rid]
        return rid

    def province(rid):
        while rid in parent and level[rid] not in ("province", "country"):
            rid = parent[rid]
        return rid

    return vocabulary(sectors), vocabulary(kinds), vocabulary(regions), country, province


def main() -> int:
    data = pathlib.Path(sys.argv[1])
    year, q = sys.argv[2].upper().split("Q")
    year, q = int(year), int(q)
    sectors, kinds, regions, country, province = load_taxonomy(data)
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted(data.glob("*.csv"))]
    df = pd.concat(frames, ignore_index=True)

    # Validation: every check brief makes of these columns.
    errors = []
    df["kind_id"] = df["유형"].map(lambda s: kinds.get(key(s)))
    errors.append(df["kind_id"].isna().sum())
    start = pd.to_datetime(df["시작일"], format="%Y-%m-%d", errors="coerce")
    month_only = pd.to_datetime(df["시작일"], format="%Y-%m", errors="coerce")
    year_only = pd.to_datetime(df["시작일"], format="%Y", errors="coerce")
    df["start"] = start.fillna(month_only).fillna(year_only)
    df["year_only"] = start.isna() & month_only.isna() & year_only.notna()
    errors.append(df["start"].isna().sum())
    end = pd.to_datetime(df["종료일"].replace("", None), format="%Y-%m-%d", errors="coerce")
    errors.append(((end < df["start"]) & end.notna()).sum())
    sector_lists = df["분야"].str.split(r"[;,]\s*")
    df["sector_ids"] = sector_lists.map(lambda xs: [sectors.get(key(x)) for x in xs if x.strip()])
    errors.append(df["sector_ids"].map(lambda xs: any(x is None for x in xs) or not xs).sum())
    region_lists = df["지역"].str.split(r"[;,]\s*")
    df["region_ids"] = region_lists.map(lambda xs: [regions.get(key(x)) for x in xs if x.strip()])
    errors.append(df["region_ids"].map(lambda xs: any(x is None for x in xs) or not xs).sum())
    att = df["참석인원"].str.extract(r"(\d+)")[0]
    df["attendance"] = pd.to_numeric(att, errors="coerce")
    df["about"] = df["참석인원"].str.contains("여|약|about", regex=True)
    for col in ("MOU", "협약"):
        df[col] = pd.to_numeric(df[col].replace("", "0"), errors="coerce")
        errors.append(df[col].isna().sum())
    money = df["투자"].str.extract(r"([\d,.]+)\s*(억|만)?\s*(원|달러)?")
    amount = pd.to_numeric(money[0].str.replace(",", ""), errors="coerce")
    scale = money[1].map({"억": 1e8, "만": 1e4}).fillna(1.0)
    rate = money[2].map({"달러": 1380.0, "원": 1.0}).fillna(1.0)
    df["investment"] = amount * scale * rate

    # Aggregation of one quarter, the previous one and a year before.
    dated = df[~df["year_only"]]
    period = dated["start"].dt.to_period("Q")

    def quarter(y, n):
        rows = dated[period == pd.Period(year=y, quarter=n, freq="Q")]
        sec = rows.explode("sector_ids")["sector_ids"].value_counts()
        reg = rows.explode("region_ids")["region_ids"].dropna()
        # Partner countries: all but the home country, as brief counts them.
        countries = reg.map(country)
        countries = countries[countries != "kr"].value_counts()
        provinces = reg.map(province).value_counts()
        return {
            "events": len(rows),
            "mou": int(rows["MOU"].sum()),
            "agreements": int(rows["협약"].sum()),
            "attendance": int(rows["attendance"].sum()),
            "investment": float(rows["investment"].sum()),
            "sectors": len(sec),
            "countries": len(countries),
            "provinces": len(provinces),
            "months": rows["start"].dt.month.value_counts().to_dict(),
        }

    prev = (year, q - 1) if q > 1 else (year - 1, 4)
    report = {
        "quarter": quarter(year, q),
        "previous": quarter(*prev),
        "year_ago": quarter(year - 1, q),
        "invalid": int(sum(errors)),
        "rows": len(df),
    }
    print(json.dumps(report, default=str)[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())
