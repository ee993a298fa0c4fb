// node page_timing.mjs PAGE_HTML [RUNS]
// Opens a page in headless Chromium RUNS times (default 3) and prints, per
// run and as the median, the time to the load event and to the first
// contentful paint, in milliseconds from navigation start, as JSON lines.
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';

const [page, runs = '3'] = process.argv.slice(2);
if (!page) {
  console.error('usage: node page_timing.mjs PAGE_HTML [RUNS]');
  process.exit(2);
}
const browser = await launch();
const results = [];
for (let run = 0; run < Number(runs); run++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const tab = await context.newPage();
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  const timing = await tab.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { load_ms: Math.round(navigation.loadEventEnd), first_paint_ms: Math.round(paint ? paint.startTime : -1),
             rows: document.querySelectorAll('.rows-view tbody tr').length };
  });
  console.log(JSON.stringify({ run: run + 1, ...timing }));
  results.push(timing);
  await context.close();
}
await browser.close();
const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(JSON.stringify({ median_load_ms: median('load_ms'), median_first_paint_ms: median('first_paint_ms'),
                             rows: results[0].rows }));
