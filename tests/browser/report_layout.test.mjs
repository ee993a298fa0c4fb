// node report_layout.test.mjs REPORT_HTML
// The layout of a real report.html (the bundled set's: Chinese | official
// English | one MT) in headless Chromium at a narrow and a wide window: each
// text column keeps a readable width, nothing runs off the page sideways,
// and the rows start on the first screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';

const report = process.argv[2];
if (!report) {
  console.error('usage: node report_layout.test.mjs REPORT_HTML');
  process.exit(2);
}
const url = pathToFileURL(report).href;

// Narrowest width of a text column, in CSS pixels, per window width.
const windows = [{ width: 800, minColumn: 200 }, { width: 1400, minColumn: 300 }];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

for (const { width, minColumn } of windows) {
  test(`at ${width} px each text column is at least ${minColumn} px wide`, async () => {
    const page = await open(width);
    const columns = await page.locator('.rows-view .heads th').evaluateAll(
      (ths) => ths.slice(1).map((th) => ({ name: th.innerText, width: th.getBoundingClientRect().width })));
    assert.ok(columns.length >= 3, 'Chinese, official English and the MT');
    for (const c of columns) assert.ok(c.width >= minColumn, `${c.name}: ${c.width} px`);
    await page.close();
  });

  test(`at ${width} px nothing overflows horizontally`, async () => {
    const page = await open(width);
    const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth,
                                               client: document.documentElement.clientWidth }));
    assert.ok(sizes.scroll <= sizes.client, `page ${sizes.scroll} px wide in a ${sizes.client} px window`);
    // The first rows' cells, the header and the opened findings and legend
    // stay inside the window and inside their own boxes.
    await page.locator('#findings > summary').click();
    await page.locator('.legend > summary').click();
    const outside = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const boxes = [...document.querySelectorAll('header, .top, .top li, .rows-view tr:nth-child(-n+40) td')];
      return boxes.filter((e) => e.getBoundingClientRect().right > limit + 0.5 || e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.tagName}.${e.className}: ${e.textContent.slice(0, 60)}`);
    });
    assert.deepEqual(outside, []);
    await page.close();
  });

  test(`at ${width} px the rows start on the first screen`, async () => {
    const page = await open(width);
    const top = await page.locator('#row-1').evaluate((tr) => tr.getBoundingClientRect().top);
    assert.ok(top < 900, `the first row starts ${top} px down`);
    await page.close();
  });
}

test('the outline sits beside the rows when wide and above them when narrow', async () => {
  const wide = await open(1400);
  const nav = await wide.locator('nav').boundingBox();
  const rows = await wide.locator('.rows-view').boundingBox();
  assert.ok(nav.x + nav.width <= rows.x, 'sidebar left of the rows');
  await wide.close();
  const narrow = await open(800);
  const box = await narrow.locator('nav').boundingBox();
  assert.ok(box.width >= 700, `outline across the page, ${box.width} px wide`);
  assert.ok(box.y + box.height <= (await narrow.locator('.rows-view').boundingBox()).y, 'outline above the rows');
  assert.equal(await narrow.locator('nav details').evaluate((d) => d.open), false, 'closed at first');
  await narrow.locator('nav summary').click();
  const link = narrow.locator('nav a').nth(3);
  const target = await link.getAttribute('href');
  await link.click();
  assert.equal(await narrow.locator(`tr${target}.hd`).count(), 1, 'an outline entry leads to a heading row');
  await narrow.close();
});
