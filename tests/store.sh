#!/bin/sh
# Store, query and API tests, run twice: on SQLite files, then on PostgreSQL databases in
# a throwaway cluster (scripts/pg-test.sh). Ingest is idempotent and resumable (a run
# killed with SIGKILL, then run again, stores every article exactly once), odd text
# survives the trip, query filters answer what they say, and the HTTP API answers with
# the right status codes and JSON errors. A PostgreSQL that cannot be started counts as a
# failure, never as a skip. Prints "N passed, N failed".
dyad=${1:-build/dyad}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); pgdir=$(mktemp -d)
server=; pg=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; "$here/scripts/pg-test.sh" stop "$pgdir"; rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL ($backend): $*" >&2; }

# newdb NAME: the address of a new, empty database; sql DB QUERY: the query's one value.
newdb() {
    if [ "$backend" = sqlite ]; then echo "$tmp/$1.db"
    else psql "$pg" -qc "CREATE DATABASE $1" >/dev/null && echo "${pg%/postgres}/$1"; fi
}
sql() {
    if [ "$backend" = sqlite ]; then
        python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$2"
    else psql "$1" -tAc "$2"; fi
}

# A corpus of 400 small articles made from the examples (distinct ids and dates), and
# 3000 for the SIGKILL test.
python3 - "$tmp" <<'PY'
import json, sys
arts = [json.loads(l) for l in open('examples/articles.jsonl')]
for name, n, form, dated in (('corpus', 400, 'a%03d', True), ('big', 3000, 'k%04d', False)):
    with open('%s/%s.jsonl' % (sys.argv[1], name), 'w') as f:
        for i in range(n):
            a = dict(arts[i % len(arts)])
            a['id'] = form % i
            if dated: a['published'] = '2024-07-%02d' % (1 + i % 28)
            f.write(json.dumps(a) + '\n')
PY

suite() {
t=$(newdb t); k=$(newdb k); o=$(newdb o)
"$dyad" ingest --quiet --db "$t" --jsonl "$tmp/corpus.jsonl" 2>/dev/null
[ "$(sql "$t" 'select count(*) from articles')" = 400 ] && ok || bad "ingest stores 400 articles"
events=$(sql "$t" 'select count(*) from events')
[ "$events" -gt 400 ] && ok || bad "events stored ($events)"
"$dyad" ingest --quiet --db "$t" --jsonl "$tmp/corpus.jsonl" 2>"$tmp/again.txt"
grep -q '0 stored, 400 unchanged' "$tmp/again.txt" && ok || bad "re-ingest changes nothing"
[ "$(sql "$t" 'select count(*) from events')" = "$events" ] && ok || bad "re-ingest keeps the events"

# A changed article replaces its rows.
python3 -c "
import json; a = json.loads(open('$tmp/corpus.jsonl').readline()); a['text'] = 'Officials met in Paris on Tuesday.'
print(json.dumps(a))" > "$tmp/changed.jsonl"
"$dyad" ingest --quiet --db "$t" --jsonl "$tmp/changed.jsonl" 2>/dev/null
[ "$(sql "$t" "select count(*) from articles where id = 'a000' and text like 'Officials met%'")" = 1 ] && \
[ "$(sql "$t" "select count(*) from quotes q join articles a on a.aid = q.aid where a.id = 'a000'")" = 0 ] && ok || bad "a changed article replaces its records"

# Killed with SIGKILL once the first batch is committed, then run again: every article
# exactly once, with its records.
"$dyad" ingest --quiet --db "$k" --jsonl "$tmp/big.jsonl" 2>/dev/null &
pid=$!
partial=0
for i in $(seq 1 400); do
    partial=$(sql "$k" 'select count(*) from articles' 2>/dev/null) || partial=0
    [ "${partial:-0}" -gt 0 ] && break
    sleep 0.05
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
partial=$(sql "$k" 'select count(*) from articles')
[ "$partial" -gt 0 ] && [ "$partial" -lt 3000 ] && ok || bad "the kill came in the middle of the run ($partial stored)"
"$dyad" ingest --quiet --db "$k" --jsonl "$tmp/big.jsonl" 2>/dev/null
[ "$(sql "$k" 'select count(*) from articles')" = 3000 ] && \
[ "$(sql "$k" 'select count(*) from (select id from articles group by id having count(*) > 1) d')" = 0 ] && \
[ "$(sql "$k" 'select count(*) from articles a where not exists (select 1 from entities e where e.aid = a.aid)')" = 0 ] && \
[ "$(sql "$k" 'select count(*) from (select aid from events group by aid, idx having count(*) > 1) d')" = 0 ] && \
ok || bad "after a SIGKILL and a re-run every article is stored exactly once, with its records"

# Odd text: tabs, backslashes, newlines and non-ASCII come back byte for byte; invalid
# UTF-8 is stored as an article with an error; an id given twice in one run is stored
# once, as its last version.
python3 - "$tmp/odd.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], 'wb') as f:
    f.write(json.dumps({'id': 'odd', 'text': 'Tabs\there, a back\\slash \\N, "quotes"\r\nand Zürich’s café.\n'}).encode() + b'\n')
    f.write(b'{"id": "bad-utf8", "text": "Caf\xe9 \xff\xfe in Paris"}\n')
    f.write(json.dumps({'id': 'twice', 'text': 'The first version.'}).encode() + b'\n')
    f.write(json.dumps({'id': 'twice', 'text': 'The second version of the article.'}).encode() + b'\n')
PY
"$dyad" ingest --quiet --db "$o" --jsonl "$tmp/odd.jsonl" 2>/dev/null
"$dyad" query --db "$o" text --article odd --format jsonl | python3 -c "
import json,sys; r=json.loads(sys.stdin.readline())
sys.exit(0 if r['text'] == 'Tabs\there, a back\\\\slash \\\\N, \"quotes\"\r\nand Zürich’s café.\n' else 1)" && ok || bad "text with tabs, backslashes and CR LF comes back as it went in"
[ "$(sql "$o" "select count(*) from articles where id = 'bad-utf8' and error like '%UTF-8%'")" = 1 ] && ok || bad "invalid UTF-8 is stored as an article with an error"
[ "$(sql "$o" "select count(*) from articles where id = 'twice'")" = 1 ] && \
[ "$(sql "$o" "select text from articles where id = 'twice'")" = "The second version of the article." ] && ok || bad "an id twice in one run: stored once, the last version"
"$dyad" query --db "$o" articles --q "zurich" --format jsonl | grep -q '"odd"' && ok || bad "full-text search folds case and diacritics"

# Query filters.
q() { "$dyad" query --db "$t" --format jsonl "$@"; }
q --country PHL --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all('PHL' in (r['source_country'], r['target_country']) for r in rows) else 1)" && ok || bad "--country filter"
q --cameo 11 --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all(r['cameo'].startswith('11') for r in rows) else 1)" && ok || bad "--cameo filter"
q --from 2024-07-10 --to 2024-07-12 --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all('2024-07-10' <= r['date'] <= '2024-07-12' for r in rows) else 1)" && ok || bad "date range filter"
q --actor morita --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all('morita' in (r['source'] or '').lower() + (r['target'] or '').lower() for r in rows) else 1)" && ok || bad "--actor filter, any case"
q quotes --q journalists --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all('journalists' in r['text'].lower() for r in rows) else 1)" && ok || bad "full-text quote search"
q articles --q "Belarus’ journalists!" --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if len(rows) == 100 and all(r['article'] for r in rows) else 1)" && ok || bad "full-text article search with punctuation"
q entities --country PHL --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all(r['country'] == 'PHL' for r in rows) else 1)" && ok || bad "entities --country"
q quoted --limit 5 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and rows[0]['quotes'] >= rows[-1]['quotes'] else 1)" && ok || bad "who is quoted, most first"
"$dyad" query --db "$t" --format csv dyads --limit 3 | head -n 1 | grep -q '^source_country,target_country,events,goldstein$' && ok || bad "CSV header"
"$dyad" query --db "$t" --from notadate >/dev/null 2>&1; [ $? = 2 ] && ok || bad "bad date exits 2"

# The HTTP API.
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$dyad" serve --db "$t" --port "$port" 2>/dev/null &
server=$!
for i in 1 2 3 4 5 6 7 8 9 10; do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/api/articles?limit=1')" 2>/dev/null && break; sleep 0.3; done
api "/api/events?country=PHL&limit=5" "status == 200 and len(obj['rows']) == 5 and obj['rows_count'] == 5" && ok || bad "GET /api/events"
api "/api/events?from=notadate" "status == 400 and 'date' in obj['error']" && ok || bad "from=notadate is 400 with a JSON message"
api "/api/events?limit=0" "status == 400 and 'limit' in obj['error']" && ok || bad "limit=0 is 400"
api "/api/events?cameo=abc" "status == 400" && ok || bad "cameo=abc is 400"
api "/api/events?bogus=1" "status == 400 and 'bogus' in obj['error']" && ok || bad "unknown parameter is 400"
api "/api/nothing" "status == 404" && ok || bad "unknown API is 404"
api "/api/article?id=a001" "status == 200 and obj['article']['id'] == 'a001' and obj['quotes'] and obj['entities'] and obj['events']" && ok || bad "GET /api/article"
api "/api/article?id=nope" "status == 404" && ok || bad "missing article is 404"
api "/api/quotes?speaker=Morita" "status == 200 and obj['rows'] and all('Morita' in r['speaker'] for r in obj['rows'])" && ok || bad "GET /api/quotes?speaker="
api "/api/articles?q=%FF%FE" "status == 200 and obj['rows'] == []" && ok || bad "a search of invalid UTF-8 finds nothing"
api "/" "status == 200 and obj is None and b'dyad explorer' in body" && ok || bad "GET / serves the explorer"
kill "$server"; wait "$server" 2>/dev/null; server=
}

api() { python3 - "http://127.0.0.1:$port$1" "$2" <<'PY'
import json, sys, urllib.request, urllib.error
try:
    r = urllib.request.urlopen(sys.argv[1]); status, body = r.status, r.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
try:
    obj = json.loads(body)
except ValueError:
    obj = None
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

backend=sqlite
suite
backend=postgresql
if pg=$("$here/scripts/pg-test.sh" start "$pgdir"); then
    suite
else
    bad "PostgreSQL could not be started (scripts/pg-test.sh; scripts/deps.sh installs it): its half of the suite did not run"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
