#!/bin/sh
# make run: extract the example articles bundled in examples/ and show what dyad found,
# first as a readable summary, then where the full JSON Lines output was written.
set -e
dyad=${1:-build/dyad}
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/build/examples.jsonl"
echo "dyad: extracting $(grep -c '' "$here/examples/articles.jsonl") example articles from examples/articles.jsonl"
echo
"$dyad" extract --jsonl --format text "$here/examples/articles.jsonl"
"$dyad" extract --jsonl "$here/examples/articles.jsonl" > "$out"
echo
echo "Full output (JSON Lines, one object per article, schema in README.md): $out"
echo "Try: $dyad extract --date 2018-07-27 examples/articles/*.txt | python3 -m json.tool | less"
