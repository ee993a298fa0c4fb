// Debian's Chromium, headless, for the tests, the benchmark and the
// screenshot (playwright-core brings no browser of its own). The pages are
// local files: Chromium's own background traffic (updates, sync, safe
// browsing, QUIC) is switched off, so it reaches for no network.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}
