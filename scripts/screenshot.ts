/**
 * Screenshots of built pages, to look at what the site shows:
 *   npx tsx scripts/screenshot.ts [--dark] [--width 1280] [--click SELECTOR]... [--wait-for SELECTOR] [--element SELECTOR] [--out DIR] /path/ ...
 * --click presses buttons first, in the order given (e.g. a cell's Run, then Stop), each once it is enabled.
 * Serves dist/ like the browser tests do; writes PNGs named after the paths (default .cache/screenshots).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveDist, launchChromium } from '../test/e2e/harness';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dark: { type: 'boolean', default: false },
    width: { type: 'string', default: '1280' },
    click: { type: 'string', multiple: true, default: [] },
    'wait-for': { type: 'string' },
    element: { type: 'string' },
    timeout: { type: 'string', default: '120000' },
    out: { type: 'string', default: '.cache/screenshots' },
  },
});

const server = await serveDist();
// Service workers run as for a reader, so the footer shows what it would show them.
const browser = await launchChromium([], { serviceWorkers: 'allow' });
await mkdir(values.out, { recursive: true });
try {
  for (const path of positionals.length ? positionals : ['/']) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: Number(values.width), height: 900 });
    await page.emulateMedia({ colorScheme: values.dark ? 'dark' : 'light' });
    page.on('console', (m) => m.type() === 'error' && console.error(`[${path}] console: ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[${path}] page error: ${e.message}`));
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    for (const selector of values.click)
      await page
        .locator(selector)
        .first()
        .click({ timeout: Number(values.timeout) });
    if (values['wait-for']) await page.waitForSelector(values['wait-for'], { timeout: Number(values.timeout) });
    const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}${values.dark ? '-dark' : ''}-${values.width}.png`;
    if (values.element)
      await page
        .locator(values.element)
        .first()
        .screenshot({ path: join(values.out, name) });
    else await page.screenshot({ path: join(values.out, name), fullPage: true });
    console.log(join(values.out, name));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
