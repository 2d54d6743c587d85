#!/usr/bin/env bash
# Measures what a Korean morphological analyser (Kiwi, through kiwipiepy)
# would add to `brief draft`'s place finding, on the held-out articles.
#
#   scripts/draft-tagger/run.sh ARTICLES_DIR
#
# ARTICLES_DIR holds NN.txt for the answers in tests/draft/heldout (their
# addresses are in tests/draft/heldout/README.md). The script builds a venv
# in target/draft-tagger (kiwipiepy and its 105 MB model, from PyPI), applies
# tagger.patch to src/draft/find.rs for the length of the run (the patched
# drafter asks the tagger for each text's tokens over a pipe and keeps a
# place only where a proper noun begins), prints the places, hosts and
# sectors rows for five variants, and takes the patch out again.
set -euo pipefail
articles=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$root/target/draft-tagger"
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q kiwipiepy==0.24.1 kiwipiepy_model==0.24.0; }
cd "$root"
git apply "$here/tagger.patch"
trap 'git apply -R "$here/tagger.patch"' EXIT
cargo build -q --release --test draft
score() {
    echo "== $1"
    env "${@:2}" BRIEF_ARTICLES="$articles" cargo test -q --release --test draft held_out -- --nocapture 2>&1 \
        | grep -E '^(places|hosts|sectors) '
}
export BRIEF_KIWI_SERVER="$here/kiwi_server.py"
score "rules (word list), no tagger" X=
score "rules + tagger (proper nouns)" BRIEF_KIWI="$venv/bin/python"
score "rules + tagger (proper and common nouns)" BRIEF_KIWI="$venv/bin/python" BRIEF_KIWI_NNG=1
score "tagger (proper nouns) instead of the word list" BRIEF_KIWI="$venv/bin/python" BRIEF_KIWI_NOLIST=1
score "tagger (proper and common nouns) instead of the word list" BRIEF_KIWI="$venv/bin/python" BRIEF_KIWI_NNG=1 BRIEF_KIWI_NOLIST=1
score "neither" BRIEF_KIWI_NOLIST=1
