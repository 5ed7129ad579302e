#!/usr/bin/env node
// Named entities from the npm package `compromise`, in dyad's JSON Lines shape, so that
// shared/tools/score.py can score it beside dyad (bench/ner-compare.sh runs both).
//
//   in:  one JSON object per line, {"id": ..., "text": ...}
//   out: one JSON object per input line,
//        {"id": ..., "entities": [{"type": T, "mentions": [{"start": S, "end": E, "kind": "name"}]}]}
//
// T is PERSON for compromise's people(), GPE for its places(), ORG for its organizations();
// compromise has nothing for MISC.  S/E are UTF-8 byte offsets into "text", half-open.
// A span runs from the first to the last term of the match, using compromise's own term
// offsets (which leave out the punctuation and spaces around each term); punctuation-only
// terms at either end (tokenized text such as CoNLL's " , " becomes a term of its own),
// leading honorifics ("Mr.", "Dr.") and a trailing possessive ('s, ’s, or a bare apostrophe)
// are dropped, so the span covers the name alone, as CoNLL-2003 marks names.
// One entity per mention.
'use strict';

const readline = require('readline');

const USAGE = `usage: node bench/compromise_ner.js < docs.jsonl > entities.jsonl

Reads JSON Lines ({"id", "text"} per line) on stdin, runs compromise's people(), places()
and organizations() on each text, and writes one JSON object per input line with the same
"id" and an "entities" list (PERSON / GPE / ORG, one entity per mention, UTF-8 byte offsets).
Reports the compromise version and counts on stderr.`;

if (process.argv.slice(2).some(a => a === '--help' || a === '-h')) {
    console.log(USAGE);
    process.exit(0);
}
if (process.argv.length > 2) {
    console.error(USAGE);
    process.exit(2);
}

const nlp = require('compromise');

const KINDS = [['PERSON', d => d.people()], ['GPE', d => d.places()], ['ORG', d => d.organizations()]];
const POSSESSIVE = /(?:['’]s|['’])$/;       // Müller’s -> Müller, Jones' -> Jones
const LEAD = /^[^\p{L}\p{N}]+/u;             // in case a term's own text carries marks
const TRAIL = /[^\p{L}\p{N}.]+$/u;           // (not '.': "U.S." keeps its period)
const WORDY = /[\p{L}\p{N}]/u;

// byteAt[i] = UTF-8 byte offset of UTF-16 index i (for every index 0..text.length)
function byteOffsets(text) {
    const m = new Uint32Array(text.length + 1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
        m[i] = b;
        const c = text.charCodeAt(i);
        if (c < 0x80) b += 1;
        else if (c < 0x800) b += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length &&
                 (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            b += 4; m[++i] = b - 2;          // low surrogate: never a span boundary
        } else b += 3;
    }
    m[text.length] = b;
    return m;
}

const stats = { docs: 0, mentions: 0, trimmed: 0, honorifics: 0, punct: 0, dropped: 0, misaligned: 0 };

function entitiesOf(text) {
    const doc = nlp(text);
    const bytes = byteOffsets(text);
    const out = [];
    for (const [type, pick] of KINDS) {
        for (const match of pick(doc).json({ offset: true })) {
            let terms = (match.terms || []).filter(t => t.offset && t.offset.length > 0);
            for (const t of terms) {
                if (text.slice(t.offset.start, t.offset.start + t.offset.length) !== t.text) stats.misaligned++;
            }
            // CoNLL text is tokenized, so compromise may take a lone ',' or '(' into a name
            while (terms.length && !WORDY.test(terms[0].text)) { terms = terms.slice(1); stats.punct++; }
            while (terms.length && !WORDY.test(terms[terms.length - 1].text)) { terms = terms.slice(0, -1); stats.punct++; }
            while (terms.length > 1 && terms[0].tags && terms[0].tags.includes('Honorific')) {
                terms = terms.slice(1); stats.honorifics++;
            }
            if (!terms.length) { stats.dropped++; continue; }
            const first = terms[0].offset, last = terms[terms.length - 1].offset;
            let s = first.start, e = last.start + last.length;
            const raw = text.slice(s, e);
            let name = raw;
            for (let prev = null; prev !== name;) {
                prev = name;
                name = name.replace(POSSESSIVE, '').replace(TRAIL, '');
            }
            const lead = (name.match(LEAD) || [''])[0].length;
            s += lead; e = s + name.length - lead;
            if (name.length !== raw.length) stats.trimmed++;
            if (e <= s) { stats.dropped++; continue; }
            out.push({ type, mentions: [{ start: bytes[s], end: bytes[e], kind: 'name' }] });
            stats.mentions++;
        }
    }
    return out;
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const chunks = [];
let lineNo = 0, failed = false;
rl.on('line', line => {
    lineNo++;
    if (failed || !line.trim()) return;
    let o;
    try { o = JSON.parse(line); } catch (err) {
        console.error(`compromise_ner: line ${lineNo} is not JSON: ${err.message}`);
        failed = true; return;
    }
    const text = typeof o.text === 'string' ? o.text : '';
    chunks.push(JSON.stringify({ id: o.id, entities: text ? entitiesOf(text) : [] }) + '\n');
    stats.docs++;
    if (chunks.length >= 256) process.stdout.write(chunks.splice(0).join(''));
});
rl.on('close', () => {
    process.stdout.write(chunks.join(''));
    console.error(`compromise ${nlp.version}: ${stats.docs} documents, ${stats.mentions} mentions ` +
        `(${stats.honorifics} honorifics and ${stats.punct} punctuation-only terms dropped at the ends, ${stats.trimmed} spans trimmed of possessive/punctuation, ` +
        `${stats.dropped} empty, ${stats.misaligned} terms whose offset did not match their text)`);
    process.exitCode = failed ? 1 : 0;
});
