#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs made from the sample records
# and the seeded generator, then the regression cases under
# tests/fuzz-regressions/. Run from the repository root:
#   fuzz/seed.sh && cargo +nightly fuzz run yaml_record -- -max_total_time=120
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p $corpus/{yaml_record,json_record,csv_sheet,xlsx_sheet}
cp data/events/*.yaml $corpus/yaml_record/
# JSON is read as the YAML subset it is: the same records as JSON.
for f in data/events/*.yaml; do
  python3 - "$f" > "$corpus/json_record/$(basename "${f%.yaml}").json" <<'PY'
import json, sys, re
# A tiny YAML subset is enough for seeds: use the brief binary's own import
# path instead when PyYAML is missing.
try:
    import yaml
    print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), ensure_ascii=False, default=str))
except ImportError:
    print(json.dumps({"id": "seed", "title": {"ko": "씨앗", "en": "seed"}, "kind": "conference",
                      "start": "2025-05-01", "hosts": ["대전"], "sectors": ["바이오"]}, ensure_ascii=False))
PY
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for fmt in csv csv-cp949 xlsx; do
  cargo run --release --quiet --example generate -- --events 20 --seed 7 --format "$fmt" --out "$tmp/$fmt" >/dev/null
done
find "$tmp/csv" "$tmp/csv-cp949" -name '*.csv' -exec sh -c 'cp "$1" "'$corpus'/csv_sheet/$(basename "$(dirname "$1")")-$(basename "$1")"' _ {} \;
find "$tmp/xlsx" -name '*.xlsx' -exec cp {} $corpus/xlsx_sheet/ \;
for t in yaml_record json_record csv_sheet xlsx_sheet; do
  if [ -d "tests/fuzz-regressions/$t" ]; then cp tests/fuzz-regressions/$t/* $corpus/$t/ 2>/dev/null || true; fi
done
ls $corpus/* | head -50
