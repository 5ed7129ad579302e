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
"$dyad" ingest --quiet --db "$here/build/examples.db" --jsonl "$here/examples/articles.jsonl"
echo
echo "Full output (JSON Lines, one object per article, schema in README.md): $out"
echo "Stored in SQLite: build/examples.db   (try: $dyad query --db build/examples.db quoted)"
echo
echo "Open the explorer:  $dyad serve --db build/examples.db --port 8080   then visit http://127.0.0.1:8080/"
