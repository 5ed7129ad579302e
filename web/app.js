// dyad explorer: one page over the JSON API of `dyad serve`. Offsets in the API are UTF-8
// byte offsets, so article text is sliced as bytes (TextEncoder) and decoded per piece.
'use strict';

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'INVESTIGATE'];
const $ = (s) => document.querySelector(s);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
};
const svgEl = (tag, attrs = {}) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

function params() {
  const p = new URLSearchParams();
  for (const id of ['q', 'actor', 'country', 'plover', 'from', 'to']) {
    const v = $('#' + id).value.trim();
    if (v) p.set(id, id === 'country' ? v.toUpperCase() : v);
  }
  return p;
}

async function api(path, p, limit) {
  const q = new URLSearchParams(p);
  if (limit) q.set('limit', limit);
  const r = await fetch('/api/' + path + '?' + q);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function country(c) { return c ? el('span', { class: 'country', text: c }) : ''; }

function fillEvents(rows) {
  const tb = $('#events tbody');
  tb.replaceChildren(...rows.map((e) => el('tr', { onclick: () => openArticle(e.article), 'data-article': e.article },
    el('td', { text: e.date || '' }),
    el('td', {}, e.source || '', country(e.source_country)),
    el('td', {}, el('div', { text: e.plover || '' }), el('div', { class: 'code', text: e.cameo + ' · ' + (e.cue || '') })),
    el('td', {}, e.target || '—', country(e.target_country)),
    el('td', { class: 'sent', text: e.sentence || '' }))));
}

function fillQuotes(rows) {
  $('#quotes tbody').replaceChildren(...rows.map((q) => el('tr', { onclick: () => openArticle(q.article) },
    el('td', { text: q.published || '' }), el('td', { text: q.speaker || '(unattributed)' }),
    el('td', { text: '“' + q.text + '”' }))));
}

function fillQuoted(rows) {
  $('#quoted tbody').replaceChildren(...rows.map((q) => el('tr', {
    onclick: () => { $('#actor').value = q.speaker; showTab('quotes'); search(); },
  }, el('td', { text: q.speaker }), el('td', { text: q.quotes }), el('td', { text: q.articles }))));
}

function drawTimeline(days) {
  const svg = $('#timeline');
  svg.replaceChildren();
  if (!days.length) return;
  const W = 600, H = 160, mid = 80, max = Math.max(1, ...days.map((d) => Math.max(d.cooperation, d.conflict)));
  const w = Math.max(1, W / days.length);
  svg.append(svgEl('line', { x1: 0, x2: W, y1: mid, y2: mid, stroke: '#ccd' }));
  days.forEach((d, i) => {
    const up = (d.cooperation / max) * (mid - 10), down = (d.conflict / max) * (mid - 10);
    const bar = (y, h, cls) => { const r = svgEl('rect', { x: i * w, y, width: Math.max(1, w - 1), height: h, fill: cls });
      r.append(svgEl('title')); r.firstChild.textContent = `${d.date}: ${d.cooperation} cooperation, ${d.conflict} conflict`; return r; };
    svg.append(bar(mid - up, up, '#2e8b57'), bar(mid, down, '#c0392b'));
  });
  const label = (x, t, anchor) => { const e = svgEl('text', { x, y: H - 2, 'font-size': 10, fill: '#6b7385', 'text-anchor': anchor }); e.textContent = t; return e; };
  svg.append(label(0, days[0].date, 'start'), label(W, days[days.length - 1].date, 'end'));
}

function drawNetwork(dyads) {
  const svg = $('#network');
  svg.replaceChildren();
  const names = [...new Set(dyads.flatMap((d) => [d.source_country, d.target_country]))].slice(0, 14);
  const cx = 180, cy = 150, R = 115, pos = {};
  names.forEach((n, i) => { const a = (2 * Math.PI * i) / names.length - Math.PI / 2; pos[n] = [cx + R * Math.cos(a), cy + R * Math.sin(a)]; });
  const max = Math.max(1, ...dyads.map((d) => d.events));
  for (const d of dyads) {
    const a = pos[d.source_country], b = pos[d.target_country];
    if (!a || !b) continue;
    const color = d.goldstein >= 0 ? '#2e8b57' : '#c0392b';
    if (d.source_country === d.target_country) {
      svg.append(svgEl('circle', { cx: a[0], cy: a[1] - 16, r: 10, fill: 'none', stroke: color, 'stroke-opacity': 0.5, 'stroke-width': 1 + (4 * d.events) / max }));
      continue;
    }
    const line = svgEl('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: color, 'stroke-opacity': 0.55, 'stroke-width': 1 + (7 * d.events) / max });
    line.append(svgEl('title')); line.firstChild.textContent = `${d.source_country} → ${d.target_country}: ${d.events} events, Goldstein ${d.goldstein}`;
    svg.append(line);
  }
  for (const n of names) {
    const g = svgEl('g', { class: 'node', style: 'cursor:pointer' });
    g.addEventListener('click', () => { $('#country').value = n; search(); });
    g.append(svgEl('circle', { cx: pos[n][0], cy: pos[n][1], r: 15, fill: '#fff', stroke: '#2f5fd0' }));
    const t = svgEl('text', { x: pos[n][0], y: pos[n][1] + 4, 'text-anchor': 'middle', 'font-size': 10 });
    t.textContent = n;
    g.append(t);
    svg.append(g);
  }
}

async function search(ev) {
  if (ev) ev.preventDefault();
  const p = params();
  $('#status').textContent = 'Searching…';
  try {
    const [events, quotes, quoted, days, dyads] = await Promise.all([
      api('events', p, 500), api('quotes', p, 300), api('quoted', p, 100), api('per-day', p, 2000), api('dyads', p, 40)]);
    fillEvents(events.rows); fillQuotes(quotes.rows); fillQuoted(quoted.rows);
    drawTimeline(days.rows); drawNetwork(dyads.rows);
    $('#status').textContent = `${events.rows_count} events, ${quotes.rows_count} quotes` + (p.toString() ? ' for ' + decodeURIComponent(p.toString()).replace(/&/g, ', ') : '');
  } catch (e) {
    $('#status').textContent = 'Error: ' + e.message;
  }
}

/* Article text with quotes and event cues highlighted: cut the UTF-8 bytes at every span
 * boundary and wrap the pieces inside spans. */
function highlight(text, quotes, events) {
  const bytes = new TextEncoder().encode(text), dec = new TextDecoder();
  const marks = [];
  for (const q of quotes) marks.push({ s: q.start, e: q.end, node: () => el('mark', { class: 'quote-hl', 'data-speaker': q.speaker || 'unattributed', title: (q.speaker || 'unattributed') + (q.cue ? ' (' + q.cue + ')' : '') }) });
  for (const e of events) if (e.cue) {
    marks.push({ s: e.cue_start, e: e.cue_end, node: () => el('span', { class: 'cue-hl' + (e.goldstein >= 0 ? ' coop' : ''), title: `${e.cameo} ${e.plover || ''}: ${e.source || '?'} → ${e.target || '—'}` }) });
  }
  const cuts = [...new Set([0, bytes.length, ...marks.flatMap((m) => [m.s, m.e])])].filter((x) => x >= 0 && x <= bytes.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1];
    let node = document.createTextNode(dec.decode(bytes.slice(a, b)));
    for (const m of marks) if (m.s <= a && b <= m.e) { const w = m.node(); w.append(node); node = w; }
    out.push(node);
  }
  return out;
}

async function openArticle(id) {
  try {
    const r = await fetch('/api/article?id=' + encodeURIComponent(id));
    const d = await r.json();
    if (!r.ok) throw new Error(d.error);
    const a = d.article;
    $('#article-title').textContent = a.title || a.article || a.id;
    $('#article-meta').textContent = [a.published, a.source, a.url].filter(Boolean).join(' · ');
    $('#article-text').replaceChildren(...highlight(a.text, d.quotes, d.events));
    $('#article-entities').replaceChildren(...d.entities.filter((e) => e.code || e.type === 'PERSON').map((e) =>
      el('li', {}, e.name + ' ', country(e.code))));
    $('#article-events').replaceChildren(...d.events.map((e) =>
      el('li', { text: `${e.source || '?'} ${e.plover || e.cameo} ${e.target || ''} (${e.cue})` })));
    $('#article').hidden = false;
  } catch (e) {
    $('#status').textContent = 'Error: ' + e.message;
  }
}

function showTab(name) {
  document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('on', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('on', t.id === name));
}

for (const t of PLOVER) $('#plover').append(el('option', { value: t, text: t }));
$('#filters').addEventListener('submit', search);
$('#close').addEventListener('click', () => { $('#article').hidden = true; });
document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
search();
