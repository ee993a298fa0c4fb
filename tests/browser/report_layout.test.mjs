// node report_layout.test.mjs REPORT_HTML TWO_MT_REPORT_HTML
// The layout of real report.html files in headless Chromium at a narrow and
// a wide window: the bundled set's (Chinese | official English | one MT) and
// the same set with two MT versions (four text columns). Each text column
// keeps a readable width, nothing runs off the page sideways, and the rows
// start on the first screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';

const [oneMt, twoMt] = process.argv.slice(2);
if (!oneMt || !twoMt) {
  console.error('usage: node report_layout.test.mjs REPORT_HTML TWO_MT_REPORT_HTML');
  process.exit(2);
}

// Narrowest width of a text column, in CSS pixels, per window width. The
// body text is 14 px (a Latin letter 7.2 px on average, a Chinese character
// 14 px): 160 px less the cells' 11 px of padding holds some 20 letters,
// three or four English words or ten Chinese characters a line, about the
// least that still reads as running text. Three columns keep 200 and 300 px.
const reports = [
  { name: 'one MT', url: pathToFileURL(oneMt).href, columns: 3,
    windows: [{ width: 800, minColumn: 200 }, { width: 1400, minColumn: 300 }] },
  { name: 'two MT versions', url: pathToFileURL(twoMt).href, columns: 4,
    windows: [{ width: 800, minColumn: 160 }, { width: 1400, minColumn: 240 }] },
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(width, url = reports[0].url) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

for (const { name, url, columns: count, windows } of reports) for (const { width, minColumn } of windows) {
  test(`${name}: at ${width} px each text column is at least ${minColumn} px wide`, async () => {
    const page = await open(width, url);
    const columns = await page.locator('.rows-view .heads th').evaluateAll(
      (ths) => ths.slice(1).map((th) => ({ name: th.innerText, width: th.getBoundingClientRect().width })));
    assert.equal(columns.length, count, 'Chinese, official English and each MT');
    console.log(`# ${name}, ${width} px: ${columns.map((c) => `${c.name} ${c.width.toFixed(1)}`).join(', ')}`);
    for (const c of columns) assert.ok(c.width >= minColumn, `${c.name}: ${c.width} px`);
    await page.close();
  });

  test(`${name}: at ${width} px nothing overflows horizontally`, async () => {
    const page = await open(width, url);
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

  test(`${name}: at ${width} px the rows start on the first screen`, async () => {
    const page = await open(width, url);
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
