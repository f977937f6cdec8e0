import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Browser tests run against the built site (dist/) served by a plain static server, as a self-hoster would
 * serve it, with the cross-origin isolation headers the README asks for. One server and one Chromium per
 * test file.
 */
const distDir = resolve(import.meta.dirname, '../../dist');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

const isolationHeaders = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export interface ServeOptions {
  /** Send COOP/COEP as the README recommends (default); false serves like a host that cannot set headers. */
  isolationHeaders?: boolean;
  /** Scripts a test serves beside the site, by URL path (e.g. a worker that probes the policy). */
  extraScripts?: Record<string, string>;
}

async function resolveFile(urlPath: string): Promise<string | undefined> {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  const candidate = join(distDir, path);
  if (!candidate.startsWith(distDir)) return undefined;
  for (const file of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

export async function serveDist(options: ServeOptions = {}): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const headers = options.isolationHeaders === false ? {} : isolationHeaders;
    const extra = options.extraScripts?.[request.url ?? ''];
    if (extra !== undefined) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(extra);
      return;
    }
    void resolveFile(request.url ?? '/').then((file) => {
      if (!file) {
        response.writeHead(404, headers).end('not found');
        return;
      }
      response.writeHead(200, { ...headers, 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((done) => {
        // A browser keeps connections open; the offline test needs the port closed now.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface BrowserOptions {
  /**
   * The site's service worker answers its pages' requests, which page.route() then no longer sees; tests of
   * the pages block it (default) and the offline tests allow it.
   */
  serviceWorkers?: 'allow' | 'block';
  /** The browser's language (navigator.language, Accept-Language), e.g. 'zh-CN'. */
  locale?: string;
}

/** extraArgs: more Chromium switches, e.g. a fake camera for the webcam test. */
export async function launchChromium(
  extraArgs: readonly string[] = [],
  options: BrowserOptions = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'adain-notebook-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    serviceWorkers: options.serviceWorkers ?? 'block',
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...(options.locale ? { locale: options.locale } : {}),
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** console.error messages and uncaught page errors */
  errors: string[];
  /** requests to any origin other than the site's own */
  foreignRequests: string[];
}

/** viewportWidth: open the page at this width (e.g. 390 for a phone) instead of the context's 1280 px. */
export async function openPage(context: BrowserContext, origin: string, path: string, viewportWidth?: number): Promise<WatchedPage> {
  const page = await context.newPage();
  if (viewportWidth !== undefined) await page.setViewportSize({ width: viewportWidth, height: 844 });
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { page, errors, foreignRequests };
}

/** The server and browser a test file shares; call in beforeAll and close in afterAll. */
export async function startSite(
  extraArgs: readonly string[] = [],
  options: ServeOptions & BrowserOptions = {},
): Promise<{ origin: string; context: BrowserContext; close: () => Promise<void> }> {
  const server = await serveDist(options);
  const browser = await launchChromium(extraArgs, options);
  return {
    origin: server.origin,
    context: browser.context,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The test file's site, started before its tests and closed after them: `const site = useSite();` at the top
 * of the file, then `site.origin` and `site.context` inside tests.
 */
export function useSite(
  extraArgs: readonly string[] = [],
  options: ServeOptions & BrowserOptions = {},
): { readonly origin: string; readonly context: BrowserContext } {
  let started: Awaited<ReturnType<typeof startSite>> | undefined;
  beforeAll(async () => {
    started = await startSite(extraArgs, options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const running = () => {
    if (!started) throw new Error('The site starts in beforeAll: use it inside a test.');
    return started;
  };
  return {
    get origin() {
      return running().origin;
    },
    get context() {
      return running().context;
    },
  };
}

/**
 * Starts the labs that wait for the reader (the style lab's Stylise), then waits until every lab on the page
 * has finished its first run (each says so in a data- attribute). Fails at once when one shows its error
 * state, or names the labs still pending at the timeout. Pages without labs pass at once.
 */
export async function waitForLabs(page: Page, timeout = 180_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (const lab of await page.locator('style-lab[data-state="idle"]').all()) await lab.locator('button.run').click();
  for (;;) {
    const outcome = await page.evaluate(() => {
      const failed = document.querySelector('[data-state="error"]');
      if (failed) return { error: `${failed.tagName.toLowerCase()}: ${failed.textContent?.trim().slice(0, 300)}`, pending: [] };
      const done: Record<string, (lab: HTMLElement) => boolean> = {
        'tensor-lab': (lab) => lab.dataset.computedRevision !== undefined && lab.dataset.computedRevision === lab.dataset.revision,
        'batch-vs-instance': (lab) => lab.dataset.done !== undefined,
        'adain-demo': (lab) => lab.dataset.done !== undefined,
        'style-lab': (lab) => lab.dataset.state === 'done',
        'stylegan-block': (lab) => lab.dataset.state === 'done',
        'mixing-lab': (lab) => lab.dataset.state === 'done',
        'backend-check': (lab) => lab.dataset.done !== undefined,
      };
      const pending = Object.entries(done)
        .filter(([tag, isDone]) => [...document.querySelectorAll<HTMLElement>(tag)].some((lab) => !isDone(lab)))
        .map(([tag]) => `${tag} (${document.querySelector<HTMLElement>(tag)?.dataset.state ?? 'no state'})`);
      return { error: undefined, pending };
    });
    if (outcome.error) throw new Error(`${page.url()}: ${outcome.error}`);
    if (outcome.pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${page.url()}: still pending after ${timeout} ms: ${outcome.pending.join(', ')}`);
    await page.waitForTimeout(250);
  }
}
