#!/bin/sh
# Ingest speed beside extraction (the target for SQLite: >= 80% of extract's speed, on one
# core as well as on two). The machine is noisy, so the commands run side by side, in
# turn, RUNS times (default 3), and the medians count:
#   on one core (taskset -c CORE, default the last CPU): `dyad extract --jsonl` into
#     /dev/null and `dyad ingest` into a new SQLite file, wall clock and CPU time (user +
#     system); ingest's writer thread then shares the core with extraction;
#   unpinned: the same two, wall clock, and `dyad ingest` into a new database of a
#     throwaway PostgreSQL cluster (scripts/pg-test.sh), once.
# Prints each median and extract's figure divided by ingest's.
# usage: [RUNS=3] [CORE=N] scripts/bench-ingest.sh [DYAD] [CORPUS.jsonl]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
dyad=${1:-$here/build/dyad}
corpus=${2:-$here/../shared/data/corpus/news-5000.jsonl}
runs=${RUNS:-3}
core=${CORE:-$(($(nproc) - 1))}
tmp=$(mktemp -d); pgdir=$(mktemp -d)
trap '"$here/scripts/pg-test.sh" stop "$pgdir"; rm -rf "$tmp"' EXIT
url=$("$here/scripts/pg-test.sh" start "$pgdir")

# timed NAME CMD...: run CMD (output to /dev/null), appending "wall cpu" seconds to $tmp/NAME.
timed() {
    name=$1; shift
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >/dev/null 2>&1
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$tmp/time" >> "$tmp/$name"
}
# median NAME FIELD: the median of column FIELD (1 wall, 2 cpu) of $tmp/NAME.
median() {
    cut -d' ' -f"$2" "$tmp/$1" | sort -n | awk '{ v[NR] = $1 } END {
        printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

for i in $(seq "$runs"); do
    timed extract1 taskset -c "$core" "$dyad" extract --jsonl "$corpus"
    rm -f "$tmp"/one.db*
    timed ingest1 taskset -c "$core" "$dyad" ingest --quiet --db "$tmp/one.db" --jsonl "$corpus"
    timed extract2 "$dyad" extract --jsonl "$corpus"
    rm -f "$tmp"/two.db*
    timed ingest2 "$dyad" ingest --quiet --db "$tmp/two.db" --jsonl "$corpus"
done
timed pg "$dyad" ingest --quiet --db "$url" --jsonl "$corpus"

awk -v runs="$runs" -v core="$core" \
    -v ew1="$(median extract1 1)" -v ec1="$(median extract1 2)" \
    -v iw1="$(median ingest1 1)" -v ic1="$(median ingest1 2)" \
    -v ew2="$(median extract2 1)" -v iw2="$(median ingest2 1)" -v pw="$(median pg 1)" 'BEGIN {
    printf "one core (CPU %s), medians of %d runs:   wall            CPU\n", core, runs
    printf "  dyad extract --jsonl              %6.2f s        %6.2f s\n", ew1, ec1
    printf "  dyad ingest into SQLite           %6.2f s        %6.2f s\n", iw1, ic1
    printf "  = %% of extract'"'"'s speed            %6.0f%%         %6.0f%%\n", 100 * ew1 / iw1, 100 * ec1 / ic1
    printf "unpinned, medians of %d runs:        wall\n", runs
    printf "  dyad extract --jsonl              %6.2f s\n", ew2
    printf "  dyad ingest into SQLite           %6.2f s  = %3.0f%% of extract'"'"'s speed\n", iw2, 100 * ew2 / iw2
    printf "  dyad ingest into PostgreSQL       %6.2f s  = %3.0f%% (one run)\n", pw, 100 * ew2 / pw }'
