// node screenshot.mjs PAGE_HTML PNG
// A 1400x900 screenshot of a report.html, scrolled to its first heading row
// of official text, so the picture shows the three-way rows, bars, badges and
// marks as well as the outline.
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';

const [page, png] = process.argv.slice(2);
if (!page || !png) {
  console.error('usage: node screenshot.mjs PAGE_HTML PNG');
  process.exit(2);
}
const browser = await launch();
const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
await tab.evaluate(() => {
  const row = [...document.querySelectorAll('tr.hd')].find((tr) => tr.querySelector('td[lang=zh]'));
  if (row) window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 40);
});
await tab.screenshot({ path: png, type: 'png' });
await browser.close();
