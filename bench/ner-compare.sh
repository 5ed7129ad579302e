#!/bin/sh
# Named-entity score of dyad beside the npm package `compromise` (bench/compromise_ner.js),
# both scored by shared/tools/score.py (task ner: exact span and type, CoNLL-2003).
# usage: bench/ner-compare.sh DYAD_BINARY CONLL_FILE
#   env SCORE: path of score.py (default: ../shared/tools/score.py beside the repo root)
set -e
usage="usage: bench/ner-compare.sh DYAD_BINARY CONLL_FILE   (env SCORE=path/to/score.py)"
case "$1" in -h|--help) echo "$usage"; exit 0 ;; esac
[ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }
dyad=$1; data=$2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
score=${SCORE:-$repo/../shared/tools/score.py}
[ -f "$score" ] || { echo "ner-compare: no scorer at $score (set SCORE)" >&2; exit 2; }
[ -f "$data" ] || { echo "ner-compare: no CoNLL file at $data" >&2; exit 2; }
[ -x "$dyad" ] || { echo "ner-compare: $dyad is not an executable" >&2; exit 2; }
case "$dyad" in /*) ;; *) dyad=$(cd "$(dirname "$dyad")" && pwd)/$(basename "$dyad") ;; esac
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

if [ ! -d "$here/node_modules/compromise" ]; then
    (cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null)
fi

quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

echo "== dyad: $dyad extract --jsonl =="
python3 "$score" ner --data "$data" --cmd "$(quote "$dyad") extract --jsonl" | tee "$out/dyad.txt"
echo
echo "== compromise $(cd "$here" && node -p 'require("compromise").version'): node bench/compromise_ner.js =="
python3 "$score" ner --data "$data" --cmd "node $(quote "$here/compromise_ner.js")" | tee "$out/compromise.txt"

get() { tail -n 1 "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
echo
echo "== summary ($(basename "$data")) =="
echo "dyad:       $(tail -n 1 "$out/dyad.txt")"
echo "compromise: $(tail -n 1 "$out/compromise.txt")"
echo "ner.plo.f1: dyad $(get "$out/dyad.txt" ner.plo.f1)  compromise $(get "$out/compromise.txt" ner.plo.f1)"
