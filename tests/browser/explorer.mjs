// Browser test of the dyad explorer: a database made by `dyad ingest` from the bundled
// examples, `dyad serve` on a free port, and Debian's Chromium driven by playwright-core:
// load the page, search, open an article and see a highlighted quote; a screenshot goes
// to the output directory. Prints "N passed, N failed".
// usage: node tests/browser/explorer.mjs path/to/dyad OUTPUT_DIR
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dyad = process.argv[2] || 'build/dyad';
const outDir = process.argv[3] || 'build/browser';
mkdirSync(outDir, { recursive: true });
let passed = 0, failed = 0;
const check = (name, ok) => { if (ok) passed++; else { failed++; console.error('FAIL: ' + name); } };

const freePort = () => new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });

const tmp = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
const db = join(tmp, 'explorer.db');
execFileSync(dyad, ['ingest', '--quiet', '--db', db, '--jsonl', 'examples/articles.jsonl'], { stdio: 'ignore' });
const port = await freePort();
const server = spawn(dyad, ['serve', '--db', db, '--port', String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 50; i++) {
  try { if ((await fetch(base + 'api/articles?limit=1')).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('#events tbody tr', { timeout: 10000 });
  check('the explorer loads events', (await page.locator('#events tbody tr').count()) > 5);
  check('the timeline is drawn', (await page.locator('#timeline rect').count()) > 0);
  check('the actor network is drawn', (await page.locator('#network .node').count()) > 1);

  await page.fill('#q', 'coast guard');
  await page.click('#search');
  await page.waitForFunction(() => /events/.test(document.querySelector('#status').textContent) &&
    document.querySelector('#status').textContent.includes('coast'));
  const rows = await page.locator('#events tbody tr').count();
  check('a search narrows the events', rows > 0);
  const articles = await page.$$eval('#events tbody tr', (trs) => [...new Set(trs.map((t) => t.dataset.article))]);
  check('the search finds the coast guard article only', articles.length === 1 && articles[0].includes('coast-guard'));

  await page.locator('#events tbody tr').first().click();
  await page.waitForSelector('#article:not([hidden]) mark.quote-hl', { timeout: 10000 });
  const marks = page.locator('#article mark.quote-hl');
  check('the article shows highlighted quotes', (await marks.count()) > 2);
  const speaker = await marks.first().getAttribute('data-speaker');
  check('a highlighted quote names its speaker', !!speaker && speaker !== 'unattributed');
  check('event cues are highlighted', (await page.locator('#article span.cue-hl').count()) > 0);
  const text = await page.textContent('#article-text');
  check('the article text is whole (highlights cut no bytes)', text.includes('Copyright') && !text.includes('\uFFFD'));
  await page.screenshot({ path: join(outDir, 'explorer.png'), fullPage: false });
  check('no script errors', errors.length === 0);
  if (errors.length) console.error(errors.join('\n'));
} finally {
  await browser.close();
  server.kill();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
