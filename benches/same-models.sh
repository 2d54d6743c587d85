#!/usr/bin/env bash
# The same figures before and after a change to the data layer: runs an
# earlier build of brief (OLD) and this one on generated data of each size
# (UTF-8 and CP949 CSV), for a quarter, a half and a year, and compares the
# JSON models byte for byte, and what `brief validate` prints on a copy with
# errors in it. Exits 1 at the first difference.
#
#   benches/same-models.sh /tmp/brief-old                 # 1k, 100k, 1M
#   benches/same-models.sh /tmp/brief-old 1000 100000
#
# Build OLD from an earlier commit, e.g.
#   git worktree add /tmp/old <commit> && (cd /tmp/old && cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 100000 1000000)
cargo build --release --quiet --bin brief --example generate
new=target/release/brief
work=target/same-models
mkdir -p "$work"

for n in "${sizes[@]}"; do
  for format in csv csv-cp949; do
    data="$work/$format-$n"
    [ -d "$data" ] || target/release/examples/generate --events "$n" --format "$format" --out "$data" >/dev/null
    for period in "-q 2024Q2" "--half 2024H1" "--year 2023"; do
      for who in old new; do
        bin=$old; [ $who = new ] && bin=$new
        rm -rf "$work/out-$who"
        # shellcheck disable=SC2086
        "$bin" $period --format json --data "$data" --config brief.toml --out "$work/out-$who" >/dev/null
      done
      a=$(find "$work/out-old" -name 'brief-*.json' | head -1)
      b=$(find "$work/out-new" -name 'brief-*.json' | head -1)
      cmp -s "$a" "$b" || { echo "DIFFERENT: $n $format $period ($a, $b)"; exit 1; }
      echo "same: $n events, $format, $period ($(wc -c <"$a") bytes)"
    done
  done
  # Diagnostics: a copy with broken cells, a stray quote and a duplicate id.
  bad="$work/bad-$n"
  rm -rf "$bad" && cp -r "$work/csv-$n" "$bad"
  python3 - "$bad/events.csv" <<'EOF'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
n = len(lines)
for k in (2, n // 3, n // 2, n - 3):
    cells = lines[k].split(",")
    cells[4] = "2024-13-45"
    lines[k] = ",".join(cells)
lines[n // 4] = lines[n // 4].replace(",", ',5"3 ', 1)
lines[n // 5] = lines[1]
open(p, "w", encoding="utf-8").write("\n".join(lines))
EOF
  "$old" validate --data "$bad" --config brief.toml >"$work/old.txt" 2>&1 || true
  "$new" validate --data "$bad" --config brief.toml >"$work/new.txt" 2>&1 || true
  cmp -s "$work/old.txt" "$work/new.txt" || { echo "DIFFERENT diagnostics: $n"; diff "$work/old.txt" "$work/new.txt" | head; exit 1; }
  echo "same: $n events, diagnostics of a broken copy ($(grep -c '^error' "$work/new.txt") errors)"
done
