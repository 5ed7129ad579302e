#!/bin/sh
# Ingest speed beside extraction, one run each (the machine is noisy: compare runs made
# side by side): `dyad extract --jsonl` into /dev/null, `dyad ingest` into a new SQLite
# file, and into a new database of a throwaway PostgreSQL cluster (scripts/pg-test.sh).
# Prints each time and extract's time divided by it (the target for SQLite: >= 80%).
# usage: scripts/bench-ingest.sh [DYAD] [CORPUS.jsonl]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
dyad=${1:-$here/build/dyad}
corpus=${2:-$here/../shared/data/corpus/news-5000.jsonl}
tmp=$(mktemp -d); pgdir=$(mktemp -d)
trap '"$here/scripts/pg-test.sh" stop "$pgdir"; rm -rf "$tmp"' EXIT
url=$("$here/scripts/pg-test.sh" start "$pgdir")

# seconds CMD...: run it (output to /dev/null) and print its wall-clock seconds.
seconds() {
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
}
extract=$(seconds "$dyad" extract --jsonl "$corpus")
sqlite=$(seconds "$dyad" ingest --quiet --db "$tmp/bench.db" --jsonl "$corpus")
pg=$(seconds "$dyad" ingest --quiet --db "$url" --jsonl "$corpus")
awk -v e="$extract" -v s="$sqlite" -v p="$pg" 'BEGIN {
    printf "dyad extract --jsonl          %6.2f s\n", e
    printf "dyad ingest into SQLite       %6.2f s  = %3.0f%% of extract'"'"'s speed\n", s, 100 * e / s
    printf "dyad ingest into PostgreSQL   %6.2f s  = %3.0f%% of extract'"'"'s speed\n", p, 100 * e / p }'
