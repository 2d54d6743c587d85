#!/usr/bin/env bash
# brief against pandas on the same generated CSV: the time of
# `brief -q 2024Q2 --format json` (load, validate, aggregate; no typesetting)
# and of `brief validate`, against benches/pandas/brief_pandas.py (the same
# load, validation and aggregation in pandas), and the ratio. pandas is what
# an analyst would otherwise use; the ratio is the figure to report.
#
#   benches/vs-pandas.sh                 # 1k, 100k and 1M events
#   benches/vs-pandas.sh 1000 100000     # chosen sizes
#
# Needs python3 with venv and network access to PyPI once (pandas and PyYAML
# go into target/pandas-venv), and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 100000 1000000)
venv=target/pandas-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pandas, yaml' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pandas==2.2.3 PyYAML==6.0.2
fi
cargo build --release --quiet --bin brief --example generate
brief=target/release/brief
work=target/vs-pandas
mkdir -p "$work"

mean() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$1"; }

printf '%-9s %12s %12s %12s %8s\n' events "brief -q" "validate" pandas ratio
for n in "${sizes[@]}"; do
  data="$work/n$n"
  if [ ! -f "$data/events.csv" ]; then
    rm -rf "$data"
    target/release/examples/generate --events "$n" --format csv --out "$data" >/dev/null
  fi
  runs=$(( n >= 1000000 ? 3 : 10 ))
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/brief.json" \
    "$brief -q 2024Q2 --format json --data $data --config brief.toml --out $work/out" >/dev/null
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/validate.json" \
    "$brief validate --data $data --config brief.toml" >/dev/null
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/pandas.json" \
    "$venv/bin/python benches/pandas/brief_pandas.py $data 2024Q2" >/dev/null
  b=$(mean "$work/brief.json"); v=$(mean "$work/validate.json"); p=$(mean "$work/pandas.json")
  python3 -c 'import sys; n,b,v,p=sys.argv[1:]; b,v,p=map(float,(b,v,p)); print(f"{int(n):<9} {b:11.3f}s {v:11.3f}s {p:11.3f}s {p/b:7.1f}x")' "$n" "$b" "$v" "$p"
done
