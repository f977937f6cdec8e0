import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
};

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

export async function serveDist(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    void resolveFile(request.url ?? '/').then((file) => {
      const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
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
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** extraArgs: more Chromium switches, e.g. a fake camera for the webcam test. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'adain-notebook-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
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

export async function openPage(context: BrowserContext, origin: string, path: string): Promise<WatchedPage> {
  const page = await context.newPage();
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
export async function startSite(extraArgs: readonly string[] = []): Promise<{ origin: string; context: BrowserContext; close: () => Promise<void> }> {
  const server = await serveDist();
  const browser = await launchChromium(extraArgs);
  return {
    origin: server.origin,
    context: browser.context,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
