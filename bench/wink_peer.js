#!/usr/bin/env node
// Peer benchmark for `make bench`: runs wink-nlp (sentences + tokens + POS)
// over a JSON Lines corpus and prints one machine-readable result line.
//
// stdout (exactly one line):
//   peer=wink-nlp articles=N sentences=N tokens=N bytes=N seconds=S mb_per_s=X articles_per_s=X sentences_per_s=X
// Everything else goes to stderr.
'use strict';

const fs = require('fs');

const USAGE = `usage: node wink_peer.js [options] CORPUS.jsonl

Runs wink-nlp with wink-eng-lite-web-model on every article of CORPUS.jsonl
(one JSON object per line with a "text" field): nlp.readDoc(text), then counts
sentences and tokens and reads every token's POS tag.

Only the processing loop is timed: the file is read and all lines are parsed
before the clock starts, and model loading is timed separately (stderr).

options:
  --pipe=LIST   comma-separated wink-nlp pipe (default: sbd,pos;
                "full" = the model's whole default pipe, incl. ner/sentiment)
  --limit=N     process only the first N articles
  -h, --help    print this help and exit

stdout, one line:
  peer=wink-nlp articles=N sentences=N tokens=N bytes=N seconds=S mb_per_s=X articles_per_s=X sentences_per_s=X
bytes = total UTF-8 bytes of the texts, MB = 1e6 bytes.
`;

function die(msg) {
  process.stderr.write(`wink_peer: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { path: null, pipe: ['sbd', 'pos'], limit: Infinity };
  for (const a of argv) {
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a.startsWith('--pipe=')) {
      const v = a.slice(7);
      opts.pipe = v === 'full' ? null : v.split(',').filter(Boolean);
    } else if (a.startsWith('--limit=')) {
      const n = Number(a.slice(8));
      if (!Number.isInteger(n) || n < 0) die(`bad --limit: ${a}`);
      opts.limit = n;
    } else if (a.startsWith('-') && a !== '-') {
      die(`unknown option: ${a}\n${USAGE}`);
    } else if (opts.path === null) {
      opts.path = a;
    } else {
      die(`unexpected argument: ${a}\n${USAGE}`);
    }
  }
  if (opts.path === null) die(`missing corpus path\n${USAGE}`);
  return opts;
}

function secondsSince(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));

  // 1. Read and parse the whole corpus up front (not timed).
  let raw;
  try {
    raw = fs.readFileSync(opts.path === '-' ? 0 : opts.path, 'utf8');
  } catch (e) {
    die(`cannot read ${opts.path}: ${e.message}`);
  }
  const texts = [];
  let bytes = 0;
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length && texts.length < opts.limit; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let obj;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      die(`${opts.path}:${i + 1}: invalid JSON: ${e.message}`);
    }
    if (!obj || typeof obj.text !== 'string') die(`${opts.path}:${i + 1}: no string "text" field`);
    texts.push(obj.text);
    bytes += Buffer.byteLength(obj.text, 'utf8');
  }
  raw = null;
  process.stderr.write(`wink_peer: ${texts.length} articles, ${bytes} bytes parsed\n`);

  // 2. Load the model once (timed separately).
  const tLoad = process.hrtime.bigint();
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model, opts.pipe);
  const its = nlp.its;
  const loadSeconds = secondsSince(tLoad);
  process.stderr.write(
    `wink_peer: model loaded in ${loadSeconds.toFixed(3)} s ` +
    `(pipe=${opts.pipe === null ? 'full' : opts.pipe.join(',')})\n`);

  // 3. Timed processing loop.
  let sentences = 0;
  let tokens = 0;
  let posSeen = 0;
  const step = Math.max(1, Math.floor(texts.length / 10));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    const doc = nlp.readDoc(texts[i]);
    sentences += doc.sentences().length();
    const toks = doc.tokens();
    tokens += toks.length();
    const pos = toks.out(its.pos);
    posSeen += pos.length;
    if ((i + 1) % step === 0 && i + 1 < texts.length) {
      process.stderr.write(`wink_peer: ${i + 1}/${texts.length} articles, ${secondsSince(t0).toFixed(2)} s\n`);
    }
  }
  const seconds = secondsSince(t0);
  if (posSeen !== tokens) die(`POS count ${posSeen} != token count ${tokens}`);

  const s = seconds > 0 ? seconds : Number.MIN_VALUE;
  process.stdout.write(
    `peer=wink-nlp articles=${texts.length} sentences=${sentences} tokens=${tokens} bytes=${bytes}` +
    ` seconds=${seconds.toFixed(3)} mb_per_s=${(bytes / 1e6 / s).toFixed(3)}` +
    ` articles_per_s=${(texts.length / s).toFixed(1)} sentences_per_s=${(sentences / s).toFixed(1)}\n`);
}

main();
