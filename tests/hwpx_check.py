"""Checks brief's HWPX files with tools independent of brief.

For every `*.hwpx` under OUT that has its brief model beside it (`*.json`):
- python-hwpx's `hwpx-validate` (the OWPML schemas) and
  `hwpx-validate-package` (the package rules its authors learned from
  Hancom 한글) must pass;
- python-hwpx's reader must read back the title block, every summary line,
  the key-figures table, the sector table and every event title of the
  model, and as many tables as the brief has.

Usage: python tests/hwpx_check.py OUT    (run by .ci/run after cargo test)
"""

import json
import pathlib
import subprocess
import sys

from hwpx import HwpxDocument


def tool(name: str) -> str:
    return str(pathlib.Path(sys.executable).parent / name)


def validate(path: pathlib.Path) -> list[str]:
    problems = []
    for name in ("hwpx-validate", "hwpx-validate-package"):
        run = subprocess.run([tool(name), str(path)], capture_output=True, text=True)
        output = run.stdout + run.stderr
        if run.returncode != 0 or "ERROR" in output:
            problems.append(f"{name}: rc={run.returncode}\n{output}")
    return problems


def read_back(path: pathlib.Path, model: dict) -> list[str]:
    doc = HwpxDocument.open(str(path))
    texts = [p.text for p in doc.paragraphs]
    tables = [
        [[c.text for c in row.cells] for row in t.rows]
        for p in doc.paragraphs
        for t in p.tables
    ]
    problems = []

    def has_text(text: str, what: str, ending: bool = False):
        if not any((t.endswith(text) if ending else t == text) for t in texts):
            problems.append(f"{what} {text!r} not read back")

    has_text(model["meta"]["title"], "title")
    has_text(model["meta"]["subtitle"], "subtitle")
    for line in model["summary"]:
        has_text(line["text"], "summary line", ending=True)
    for event in model["events"]:
        has_text(event["title"], "event")
    columns = 5 if model["year_ago"] else 4
    fields = ["label", "value", "previous", "change_previous", "year_ago"][:columns]
    key = [[k[f] for f in fields] for k in model["key_figures"]]
    if not tables or tables[0][1:] != key:
        problems.append(f"key figures {tables[:1]} != {key}")
    if model["sectors"]:
        total = model["sector_total"]["label"]
        sector_tables = [t for t in tables if t and t[-1][0] == total]
        rows = [
            [s["label"], str(s["events"]), str(s["outcomes"]), str(s["pending"]), s["investment"]]
            for s in model["sectors"]
        ]
        if not sector_tables or any(r not in sector_tables[0] for r in rows):
            problems.append(f"sector rows {rows} not in {sector_tables[:1]}")
    if len(tables) < 6:
        problems.append(f"only {len(tables)} tables read back")
    return problems


def main() -> int:
    out = pathlib.Path(sys.argv[1])
    files = sorted(p for p in out.rglob("*.hwpx") if p.with_suffix(".json").exists())
    if not files:
        print(f"no HWPX with its model under {out}", file=sys.stderr)
        return 1
    failed = 0
    for path in files:
        model = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        problems = validate(path) + read_back(path, model)
        for p in problems:
            print(f"{path}: {p}", file=sys.stderr)
        failed += bool(problems)
    print(f"hwpx check: {len(files) - failed} of {len(files)} HWPX files validated and read back")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
