// The web page in a real browser: Debian's Chromium, headless, driven by playwright-core.
// Makes a small store with `annalist ingest`, starts `annalist serve` on a free loopback
// port, loads the page, filters, opens an event's article and checks that the marked
// source, verb and target are exactly the spans the API reports; keeps a screenshot.
//
//   node tests/web/page_test.js ANNALIST_BINARY ARTICLES.jsonl OUT_DIR [PLAYWRIGHT_CORE_DIR]
//
// Exit 0 pass, 1 fail, 77 skipped (no Chromium or no playwright-core: printed why).
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [annalist, articles, outDir, playwrightDir] = process.argv.slice(2);
const CHROMIUM = process.env.ANNALIST_CHROMIUM || '/usr/bin/chromium';
const SKIP = 77;

function skip(message) {
  console.log(`SKIP: ${message}`);
  process.exit(SKIP);
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

function loadPlaywright() {
  for (const candidate of [playwrightDir, 'playwright-core'].filter(Boolean)) {
    try { return require(candidate === 'playwright-core' ? candidate : path.resolve(candidate)); } catch (error) { /* next */ }
  }
  return null;
}

// Starts `annalist serve --port 0` and resolves with {child, url} once it prints its address.
function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(annalist, ['serve', '--db', db, '--port', '0', '--threads', '4'],
                        { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error('serve did not start within 20 s')), 20000);
    child.stdout.on('data', chunk => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) { clearTimeout(timer); resolve({ child, url: match[1] }); }
    });
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`serve exited with ${code}`)); });
  });
}

async function apiJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function main() {
  if (!annalist || !articles || !outDir) {
    console.error('usage: page_test.js ANNALIST ARTICLES.jsonl OUT_DIR [PLAYWRIGHT_CORE_DIR]');
    process.exit(2);
  }
  if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} not found (Debian package chromium)`);
  const playwright = loadPlaywright();
  if (!playwright) skip('playwright-core not found (scripts/setup.sh installs it in third_party/npm)');

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annalist-page-'));
  const db = path.join(work, 'events.db');
  const ingest = spawnSync(annalist, ['ingest', '--db', db, articles], { encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`ingest failed (${ingest.status}): ${ingest.stderr}`);

  const { child, url } = await startServer(db);
  let context;
  try {
    context = await playwright.chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      viewport: { width: 1280, height: 1500 },
    });
    const page = context.pages()[0] || await context.newPage();
    const outside = [];
    const problems = [];
    await page.route('**/*', route => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1') return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    page.on('console', message => { if (message.type() === 'error') problems.push(message.text()); });
    page.on('pageerror', error => problems.push(String(error)));

    // 1. The page loads: table, timeline bars, map outlines.
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 });
    const all = await apiJson(url + 'api/events?limit=500');
    const rows = await page.locator('#events tbody tr').count();
    check(rows === all.events.length && rows > 0, `table shows all ${all.events.length} events (${rows} rows)`);
    const note = await page.textContent('#page-note');
    check(note.endsWith(`of ${all.events.length}`), `page note counts all events: "${note}"`);
    check(await page.locator('#timeline rect.bar').count() > 0, 'timeline has bars');
    const outlines = await page.locator('#map path.land').count();
    check(outlines > 100, `map draws ${outlines} country outlines from embedded data`);
    check(await page.locator('#map circle.dot').count() > 0, 'map plots located events');

    // 2. Filtering: only events with the chosen root remain, and the API agrees.
    const root = all.events.find(e => e.root === '11') ? '11' : all.events[0].root;
    await page.selectOption('select[name=root]', root);
    const before = await page.getAttribute('body', 'data-ready');
    await page.click('#apply');
    await page.waitForFunction(b => document.body.dataset.ready !== b, before);
    const filtered = await apiJson(url + 'api/events?root=' + root);
    const codes = await page.locator('#events tbody tr td:nth-child(3)').allTextContents();
    check(codes.length === filtered.events.length && codes.length < rows,
          `root ${root} filter: ${codes.length} of ${rows} rows`);
    check(codes.every(code => code.startsWith(root)), `every row's code starts with ${root}`);

    // 3. An event's article: source, verb and target marked where the API says.
    const firstRow = page.locator('#events tbody tr').first();
    const eventId = await firstRow.getAttribute('data-id');
    await firstRow.click();
    await page.waitForSelector('#article-panel:not([hidden]) mark.verb', { timeout: 10000 });
    const event = await apiJson(url + 'api/events/' + encodeURIComponent(eventId));
    const mention = event.mentions[0];
    const article = await apiJson(url + 'api/articles/' + encodeURIComponent(mention.article_id));
    const bytes = Buffer.from(article.text, 'utf8');
    const slice = span => bytes.subarray(span[0], span[1]).toString('utf8');
    const verb = await page.locator('#article-text mark.verb').allTextContents();
    check(verb.join('') === slice(mention.verb.span) && verb.join('') === mention.verb.text,
          `verb marked: "${verb.join('')}"`);
    if (mention.source_actor) {
      const source = await page.locator('#article-text mark.src').allTextContents();
      check(source.join('') === slice(mention.source_actor.span), `source marked: "${source.join('')}"`);
    }
    if (mention.target_actor) {
      const target = await page.locator('#article-text mark.tgt').allTextContents();
      check(target.join('') === slice(mention.target_actor.span), `target marked: "${target.join('')}"`);
    }
    const rule = await page.textContent('#article-rule');
    check(mention.rule && rule.includes(mention.rule), `rule shown: ${rule.trim()}`);
    const text = await page.textContent('#article-text');
    check(text === article.text, 'article text shown whole and unaltered');

    // 4. Nothing went elsewhere and nothing failed.
    fs.mkdirSync(outDir, { recursive: true });
    const shot = path.join(outDir, 'web_page.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
    check(outside.length === 0, `no request left the loopback server (${outside.join(', ') || 'none'})`);
    check(problems.length === 0, `no console errors (${problems.join(' | ') || 'none'})`);
  } finally {
    if (context) await context.close();
    child.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(() => { console.log('web page test passed'); process.exit(0); },
            error => { console.error(error.stack || String(error)); process.exit(1); });
