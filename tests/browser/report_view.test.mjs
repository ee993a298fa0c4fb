// node report_view.test.mjs REPORT_HTML
// The HTML view of an audited document set whose text is hostile
// (tests/data/hostile-set): opened in headless Chromium, with and without
// JavaScript, it runs none of the document's text, shows it as text, and its
// findings list, links and filters work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';

const report = process.argv[2];
if (!report) {
  console.error('usage: node report_view.test.mjs REPORT_HTML');
  process.exit(2);
}
const url = pathToFileURL(report).href;
const hostile = [
  '<script>window.__pwned=1</script>',
  '"onmouseover="window.__pwned=1',
  '<img src=x onerror=window.__pwned=1>',
];

let browser, page;
const problems = [];  // console errors and uncaught page errors

before(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
});
after(async () => { await browser?.close(); });

test('loads without console or page errors', () => {
  assert.deepEqual(problems, []);
});

test('runs none of the document text', async () => {
  // Hover every cell and open every finding too: an injected handler would fire.
  await page.hover('.rows-view tbody tr td:nth-child(3)');
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('[onmouseover], [onerror]').count(), 0);
  assert.equal(await page.locator('script').count(), 1);  // the page's own
});

test('shows the hostile text as text', async () => {
  const text = await page.locator('.rows-view').innerText();
  for (const s of hostile) assert.ok(text.includes(s), `row text shows ${s}`);
  for (const s of hostile) {
    assert.ok(await page.locator('.rows-view').getByText(s, { exact: false }).first().isVisible(), `${s} visible`);
  }
  assert.ok((await page.title()).includes('<script>window.__pwned=1</script>'));
});

test('has a column for each MT version', async () => {
  const headings = await page.locator('.rows-view thead th').allInnerTexts();
  assert.deepEqual(headings.slice(1), ['Chinese', 'Official English', 'MT: mt-first.txt', 'MT: mt-second.txt']);
  // The second version's added note has a row of its own.
  const note = page.locator('tbody tr', { hasText: "Editor's note" });
  assert.equal(await note.count(), 1);
  assert.match(await note.locator('td').nth(1).innerText(), /^\u2014$/);
});

test('findings list is one closed line above the rows, then links to existing rows and scrolls to them', async () => {
  assert.equal(await page.locator('.flist').isVisible(), false);
  const summary = page.locator('#findings > summary');
  assert.match(await summary.innerText(), /^Findings \(\d+\): \d+ errors?, \d+ warnings?, \d+ notes?$/);
  const rows = await page.locator('.rows-view').boundingBox();
  assert.ok(rows.y < 400, `the rows start ${rows.y} px down`);
  await summary.click();
  const hrefs = await page.locator('.flist a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'some findings are placed on rows');
  for (const href of hrefs) {
    assert.match(href, /^#row-\d+$/);
    assert.equal(await page.locator(href).count(), 1, `${href} exists`);
  }
  const last = page.locator('.flist a').last();
  const target = await last.getAttribute('href');
  await last.click();
  assert.equal(await page.evaluate(() => location.hash), target);
  assert.equal(await page.locator(`tr${target}:target`).count(), 1);
  await page.waitForFunction((id) => {
    const r = document.querySelector(id).getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, target);
  const row = page.locator(target);
  assert.ok(await row.locator('summary.badge').count() > 0, 'the target row carries the finding badge');
});

test('filters by severity and by rule', async () => {
  const items = page.locator('.flist li');
  const total = await items.count();
  const severities = await items.evaluateAll((li) => li.map((x) => x.className));
  const errors = severities.filter((c) => c === 'sev-error').length;
  assert.ok(errors > 0 && errors < total, 'errors and other findings');
  const visible = () => items.evaluateAll((li) => li.filter((x) => x.offsetParent !== null).length);

  await page.locator('.filters input[data-sev="error"]').uncheck();
  assert.equal(await visible(), total - errors);
  assert.equal(await page.locator('tbody details.sev-error').first().isVisible(), false);
  await page.locator('.filters input[data-sev="error"]').check();
  assert.equal(await visible(), total);

  const rule = await items.first().getAttribute('data-rule');
  const ofRule = (await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-rule')))).filter((r) => r === rule).length;
  await page.locator('.filters select[name="rule"]').selectOption(rule);
  assert.equal(await visible(), ofRule);
  await page.locator('.filters select[name="rule"]').selectOption('');
  assert.equal(await visible(), total);
});

test('prints the rows without the sidebar and filters', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav').isVisible(), false);
  assert.equal(await page.locator('.filters').isVisible(), false);
  assert.ok(await page.locator('.rows-view tbody tr').first().isVisible());
  await page.emulateMedia({ media: 'screen' });
});

test('is complete without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(url, { waitUntil: 'load' });
  assert.ok(await plain.locator('.rows-view tbody tr').count() > 5);
  assert.ok(await plain.locator('.rows-view tbody tr').first().isVisible());
  await plain.locator('#findings > summary').click();
  assert.ok(await plain.locator('.flist li').first().isVisible());
  assert.ok(await plain.locator('nav a').first().isVisible());
  assert.equal(await plain.locator('.filters').isVisible(), false);  // useless without the script
  const text = await plain.locator('.rows-view').innerText();
  for (const s of hostile) assert.ok(text.includes(s), `row text shows ${s} without JavaScript`);
  // A finding's message opens on click, with no script.
  const badge = plain.locator('tbody details.finding').first();
  await badge.locator('summary').click();
  assert.ok(await badge.locator('.msg').isVisible());
  await context.close();
});
