#!/bin/sh
# End-to-end tests of the dyad command line: input forms, ids, output shape, and the
# bad-input rule of SPEC.md (one error object per bad article, the others intact,
# exit status 1). Prints "N passed, N failed".
dyad=${1:-build/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
# check NAME PYTHON-EXPRESSION over the list `objs` of output objects (and `rc`)
check() {
    name=$1; expr=$2
    if python3 - "$tmp/out.jsonl" "$rc" "$expr" <<'PY'
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rc = int(sys.argv[2])
sys.exit(0 if eval(sys.argv[3]) else 1)
PY
    then ok; else bad "$name"; fi
}

# --help and --version
"$dyad" --version | grep -q '^dyad [0-9]' && ok || bad "--version"
"$dyad" extract --help | grep -q 'usage: dyad extract' && ok || bad "extract --help"
"$dyad" extract --bogus </dev/null >/dev/null 2>&1; [ $? = 2 ] && ok || bad "unknown option exits 2"
"$dyad" extract /nonexistent/file.txt >/dev/null 2>&1; [ $? = 2 ] && ok || bad "unreadable file exits 2"

# A plain file: id from the file name, --date becomes published, offsets cut the text.
cat > "$tmp/moscow-talks.txt" <<'TXT'
Foreign Minister Sergei Lavrov said on Monday that Russia was ready for talks.
“We are ready to meet at any time,” Mr. Lavrov told reporters in Moscow.
TXT
"$dyad" extract --date 2019-03-04 "$tmp/moscow-talks.txt" > "$tmp/out.jsonl"; rc=$?
check "plain file id and date" "rc == 0 and objs[0]['id'] == 'moscow-talks' and objs[0]['published'] == '2019-03-04' and objs[0]['schema'] == 1"
check "quote with speaker" "any(q['text'].startswith('We are ready') and q['speaker_name'] and q['speaker_name'].endswith('Lavrov') for q in objs[0]['quotes'])"
check "spans cut the text" "all(open('$tmp/moscow-talks.txt','rb').read()[q['start']:q['end']].decode() == q['text'] for q in objs[0]['quotes'])"

# A TABARI dictionary on top of the built-in ones: its dated code applies.
printf 'President Markova met the press on Monday.\n' > "$tmp/markova.txt"
"$dyad" extract --date 2010-03-01 --actors tests/data/sample.actors "$tmp/markova.txt" > "$tmp/out.jsonl"; rc=$?
check "--actors dictionary" "rc == 0 and any(e['name'] == 'Elena Markova' and (e['actor'] or {}).get('code') == 'RUSGOV' for e in objs[0]['entities'])"
"$dyad" extract --actors /nonexistent.actors "$tmp/markova.txt" >/dev/null 2>&1; [ $? = 2 ] && ok || bad "unreadable dictionary exits 2"

# GDELT rows: a header and 61 tab-separated columns per event.
"$dyad" extract --jsonl --format gdelt examples/articles.jsonl > "$tmp/gdelt.tsv"; rc=$?
[ $rc = 0 ] && head -n 1 "$tmp/gdelt.tsv" | grep -q '^GlobalEventID	Day	' && ok || bad "gdelt header"
[ "$(awk -F'\t' '{print NF}' "$tmp/gdelt.tsv" | sort -u)" = 61 ] && [ "$(grep -c '' "$tmp/gdelt.tsv")" -gt 5 ] && ok || bad "gdelt rows have 61 columns"

# CoNLL columns: a line per token, a blank line after each sentence; dyad eval reads them
# back as gold and, tagging the same tokens with the same models, agrees with every tag.
printf 'Putin invited Trump to Moscow. The White House awaits a formal invitation.\n' |
    "$dyad" extract --format conll > "$tmp/tags.conll"; rc=$?
[ $rc = 0 ] && [ "$(head -n 1 "$tmp/tags.conll")" = "-DOCSTART- -X- -X- O" ] &&
    [ "$(awk 'NF' "$tmp/tags.conll" | awk '{print NF}' | sort -u)" = 4 ] &&
    [ "$(grep -c '^$' "$tmp/tags.conll")" = 3 ] &&
    grep -q '^invited VBD B-VP O$' "$tmp/tags.conll" && grep -q '^Moscow NNP B-NP B-LOC$' "$tmp/tags.conll" &&
    ok || bad "extract --format conll"
"$dyad" extract --jsonl --format conll examples/articles.jsonl > "$tmp/examples.conll" &&
    "$dyad" eval "$tmp/examples.conll" | tail -n 1 | grep -q 'pos_acc=1.0000 chunk_f1=1.0000 ner_f1=1.0000' &&
    ok || bad "dyad eval agrees with the tags of --format conll"
printf '{"id": "ok", "text": "Rain fell."}\n{"id": "bad", "text": ""}\n' |
    "$dyad" extract --jsonl --format conll > "$tmp/tags.conll" 2> "$tmp/err.txt"; rc=$?
[ $rc = 1 ] && grep -q '^bad: \|dyad: bad:' "$tmp/err.txt" && [ "$(grep -c DOCSTART "$tmp/tags.conll")" = 1 ] &&
    grep -q '^Rain ' "$tmp/tags.conll" && ok || bad "conll: a bad article is an error line, the others tagged"

# Standard input without id: sha256 id.
printf 'Officials met in Paris on Tuesday.' | "$dyad" extract > "$tmp/out.jsonl"; rc=$?
check "stdin sha256 id" "rc == 0 and objs[0]['id'] == 'sha256:' + __import__('hashlib').sha256(b'Officials met in Paris on Tuesday.').hexdigest()"
check "fields present" "all(k in objs[0] for k in ('entities', 'quotes', 'events'))"

# Bad input: every kind gives one error object, the good articles around it survive.
python3 - "$tmp/bad.jsonl" <<'PY'
import json, sys
good = lambda i: json.dumps({"id": "good%d" % i, "text": "“We will win,” Sen. Jane Ortiz said on Friday.", "published": "2020-01-10"})
lines = [good(1),
         '{"id": "badutf8", "text": "caf\\udcff"}',
         good(2),
         '{"id": "empty", "text": "   "}',
         '{"id": "nul", "text": "before\\u0000after"}',
         '{"id": "binary", "text": "' + ''.join('\\u%04x' % (i % 31 + 1) for i in range(400)) + '"}',
         '{"id": "notext"}',
         '{this is not json',
         json.dumps({"id": "huge", "text": "word " * 10_500_000}),
         good(3)]
with open(sys.argv[1], "w") as f:
    f.write("\n".join(lines) + "\n")
    f.buffer.write(b'{"id": "rawbad", "text": "caf\xe9 au lait"}\n')
PY
"$dyad" extract --jsonl < "$tmp/bad.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err.txt"; rc=$?
check "bad input exit 1" "rc == 1"
check "one object per line, in order" "[o['id'] for o in objs][:4] == ['good1', 'badutf8', 'good2', 'empty'] and len(objs) == 11"
check "good articles intact" "all('error' not in o and o['quotes'] for o in objs if o['id'].startswith('good'))"
check "invalid UTF-8 error" "'UTF-8' in [o for o in objs if o['id'] == 'rawbad'][0]['error']"
check "empty text error" "'empty' in [o for o in objs if o['id'] == 'empty'][0]['error']"
check "NUL error" "'NUL' in [o for o in objs if o['id'] == 'nul'][0]['error']"
check "binary error" "'binary' in [o for o in objs if o['id'] == 'binary'][0]['error']"
check "missing text error" "'text' in [o for o in objs if o['id'] == 'notext'][0]['error']"
check "malformed JSON error" "'JSON' in objs[7]['error'] and objs[7]['id'] == 'line:8'"
check "lone surrogate: error under its id" "'JSON' in objs[1]['error']"
check "too large error" "'too large' in [o for o in objs if o['id'] == 'huge'][0]['error']"
[ "$(grep -c '' "$tmp/err.txt")" -ge 8 ] && ok || bad "one stderr line per bad article"

# Training: an ensemble of two-pass POS taggers and a chunker on a tiny CoNLL file written
# here; the same data and seed give the same bytes, and the models tag what they learnt.
for doc in 1 2 3 4; do
    printf -- '-DOCSTART- -X- -X- O\n\n'
    printf 'The NNP B-NP O\nminister NN I-NP O\nsaid VBD B-VP O\non IN B-PP O\nMonday NNP B-NP O\n. . O O\n\n'
    printf 'Police NNS B-NP O\narrested VBD B-VP O\ntwo CD B-NP O\nmen NNS I-NP O\nin IN B-PP O\nParis NNP B-NP B-LOC\n. . O O\n\n'
done > "$tmp/tiny.conll"
for run in a b; do
    "$dyad" train --out "$tmp/models-$run" --task pos --ensemble 2 --two-pass --folds 2 --epochs 3 "$tmp/tiny.conll" 2>/dev/null &&
        "$dyad" train --out "$tmp/models-$run" --task chunk --ensemble 2 --folds 2 --epochs 3 "$tmp/tiny.conll" 2>/dev/null
done
cmp -s "$tmp/models-a/pos.ap" "$tmp/models-b/pos.ap" && cmp -s "$tmp/models-a/chunk.ap" "$tmp/models-b/chunk.ap" &&
    ok || bad "train --ensemble --two-pass is deterministic"
"$dyad" eval --models "$tmp/models-a" "$tmp/tiny.conll" 2>/dev/null | tail -n 1 |
    grep -Eq 'pos_acc=1\.0000 chunk_f1=1\.0000' && ok || bad "trained models tag their training data"
"$dyad" train --ensemble 0 "$tmp/tiny.conll" >/dev/null 2>&1; [ $? = 2 ] && ok || bad "train --ensemble 0 exits 2"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
