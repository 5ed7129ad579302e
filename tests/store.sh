#!/bin/sh
# Store, query and API tests: ingest is idempotent and resumable (a run killed with
# SIGKILL, then run again, stores every article exactly once), query filters answer what
# they say, and the HTTP API answers with the right status codes and JSON errors.
# Prints "N passed, N failed".
dyad=${1:-build/dyad}
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
sql() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$2"; }

# A corpus of 400 small articles made from the examples (distinct ids and dates).
python3 - "$tmp/corpus.jsonl" <<'PY'
import json, sys
arts = [json.loads(l) for l in open('examples/articles.jsonl')]
with open(sys.argv[1], 'w') as f:
    for i in range(400):
        a = dict(arts[i % len(arts)])
        a['id'] = 'a%03d' % i
        a['published'] = '2024-07-%02d' % (1 + i % 28)
        f.write(json.dumps(a) + '\n')
PY

"$dyad" ingest --quiet --db "$tmp/t.db" --jsonl "$tmp/corpus.jsonl" 2>/dev/null
[ "$(sql "$tmp/t.db" 'select count(*) from articles')" = 400 ] && ok || bad "ingest stores 400 articles"
events=$(sql "$tmp/t.db" 'select count(*) from events')
[ "$events" -gt 400 ] && ok || bad "events stored ($events)"
"$dyad" ingest --quiet --db "$tmp/t.db" --jsonl "$tmp/corpus.jsonl" 2>"$tmp/again.txt"
grep -q '0 stored, 400 unchanged' "$tmp/again.txt" && ok || bad "re-ingest changes nothing"
[ "$(sql "$tmp/t.db" 'select count(*) from events')" = "$events" ] && ok || bad "re-ingest keeps the events"

# A changed article replaces its rows.
python3 -c "
import json; a = json.loads(open('$tmp/corpus.jsonl').readline()); a['text'] = 'Officials met in Paris on Tuesday.'
print(json.dumps(a))" > "$tmp/changed.jsonl"
"$dyad" ingest --quiet --db "$tmp/t.db" --jsonl "$tmp/changed.jsonl" 2>/dev/null
[ "$(sql "$tmp/t.db" "select count(*) from articles where id = 'a000' and text like 'Officials met%'")" = 1 ] && \
[ "$(sql "$tmp/t.db" "select count(*) from quotes q join articles a on a.aid = q.aid where a.id = 'a000'")" = 0 ] && ok || bad "a changed article replaces its records"

# Killed mid-run with SIGKILL, then run again: every article exactly once.
python3 - "$tmp/big.jsonl" "$tmp/corpus.jsonl" <<'PY'
import json, sys
arts = [json.loads(l) for l in open(sys.argv[2])]
with open(sys.argv[1], 'w') as f:
    for i in range(3000):
        a = dict(arts[i % len(arts)]); a['id'] = 'k%04d' % i; f.write(json.dumps(a) + '\n')
PY
"$dyad" ingest --quiet --db "$tmp/k.db" --jsonl "$tmp/big.jsonl" 2>/dev/null &
pid=$!
sleep 1.5
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
partial=$(sql "$tmp/k.db" 'select count(*) from articles')
[ "$partial" -lt 3000 ] && ok || bad "the kill came before the end ($partial stored)"
"$dyad" ingest --quiet --db "$tmp/k.db" --jsonl "$tmp/big.jsonl" 2>/dev/null
[ "$(sql "$tmp/k.db" 'select count(*) from articles')" = 3000 ] && \
[ "$(sql "$tmp/k.db" 'select count(*) from (select id from articles group by id having count(*) > 1)')" = 0 ] && \
[ "$(sql "$tmp/k.db" 'select count(*) from articles a where not exists (select 1 from entities e where e.aid = a.aid)')" = 0 ] && \
ok || bad "after a SIGKILL and a re-run every article is stored exactly once, with its records"

# Query filters.
q() { "$dyad" query --db "$tmp/t.db" --format jsonl "$@"; }
q --country PHL --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all('PHL' in (r['source_country'], r['target_country']) for r in rows) else 1)" && ok || bad "--country filter"
q --cameo 11 --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all(r['cameo'].startswith('11') for r in rows) else 1)" && ok || bad "--cameo filter"
q --from 2024-07-10 --to 2024-07-12 --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all('2024-07-10' <= r['date'] <= '2024-07-12' for r in rows) else 1)" && ok || bad "date range filter"
q quotes --q journalists --limit 1000 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and all('journalists' in r['text'].lower() for r in rows) else 1)" && ok || bad "full-text quote search"
q quoted --limit 5 | python3 -c "
import json,sys; rows=[json.loads(l) for l in sys.stdin]
sys.exit(0 if rows and rows[0]['quotes'] >= rows[-1]['quotes'] else 1)" && ok || bad "who is quoted, most first"
"$dyad" query --db "$tmp/t.db" --format csv dyads --limit 3 | head -n 1 | grep -q '^source_country,target_country,events,goldstein$' && ok || bad "CSV header"
"$dyad" query --db "$tmp/t.db" --from notadate >/dev/null 2>&1; [ $? = 2 ] && ok || bad "bad date exits 2"

# The HTTP API.
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$dyad" serve --db "$tmp/t.db" --port "$port" 2>/dev/null &
server=$!
for i in 1 2 3 4 5 6 7 8 9 10; do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/api/articles?limit=1')" 2>/dev/null && break; sleep 0.3; done
api() { python3 - "http://127.0.0.1:$port$1" "$2" <<'PY'
import json, sys, urllib.request, urllib.error
try:
    r = urllib.request.urlopen(sys.argv[1]); status, body = r.status, r.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
ctype = ''
try:
    obj = json.loads(body)
except ValueError:
    obj = None
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}
api "/api/events?country=PHL&limit=5" "status == 200 and len(obj['rows']) == 5 and obj['rows_count'] == 5" && ok || bad "GET /api/events"
api "/api/events?from=notadate" "status == 400 and 'date' in obj['error']" && ok || bad "from=notadate is 400 with a JSON message"
api "/api/events?limit=0" "status == 400 and 'limit' in obj['error']" && ok || bad "limit=0 is 400"
api "/api/events?cameo=abc" "status == 400" && ok || bad "cameo=abc is 400"
api "/api/events?bogus=1" "status == 400 and 'bogus' in obj['error']" && ok || bad "unknown parameter is 400"
api "/api/nothing" "status == 404" && ok || bad "unknown API is 404"
api "/api/article?id=a001" "status == 200 and obj['article']['id'] == 'a001' and obj['quotes'] and obj['entities']" && ok || bad "GET /api/article"
api "/api/article?id=nope" "status == 404" && ok || bad "missing article is 404"
api "/api/quotes?speaker=Morita" "status == 200 and obj['rows'] and all('Morita' in r['speaker'] for r in obj['rows'])" && ok || bad "GET /api/quotes?speaker="
api "/" "status == 200 and obj is None and b'dyad explorer' in body" && ok || bad "GET / serves the explorer"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
