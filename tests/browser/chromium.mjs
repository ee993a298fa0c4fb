// Debian's Chromium, headless, for the tests, the benchmark and the
// screenshot (playwright-core brings no browser of its own).
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
}
