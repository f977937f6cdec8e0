/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { PrecacheController, PrecacheRoute, cleanupOutdatedCaches, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute, setDefaultHandler } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types';
import { integrityProblem, isModelsIndex, type ModelsIndex } from '../lib/integrity';
import type { ModelFileStatus, OfflineRequest, OfflineStatus } from '../lib/offline';

/**
 * The site's service worker (built by scripts/offline-build.ts after `astro build`).
 * - Precaches every page, script, stylesheet, wasm file, woff2 font, image and the generator, so the site
 *   works with the server gone. A new build installs beside the old one and waits: the page offers a reload,
 *   and only then does the new version take over, so a page never mixes files of two builds.
 * - Caches the style-transfer weights the first time they are downloaded, and only when their size and
 *   SHA-256 match models/index.json (the page checks them again when it decodes them).
 * - Adds the cross-origin isolation headers to every response it gives, so that on hosts that cannot send
 *   them WebAssembly still gets its threads (from the second page view on: the first page was not served
 *   by the worker).
 */
declare const self: ServiceWorkerGlobalScope;
declare const __PRECACHE_BYTES__: number;

const isolationHeaders = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } as const;

function withIsolation(response: Response): Response {
  // Opaque and redirect responses cannot be rebuilt; the site's own files never are either.
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  if (Object.entries(isolationHeaders).every(([name, value]) => response.headers.get(name) === value)) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(isolationHeaders)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const isolationPlugin: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => withIsolation(response),
};

// The build writes every entry with its revision (a content hash).
const manifest = self.__WB_MANIFEST.filter((entry): entry is PrecacheEntry => typeof entry !== 'string');
const scope = new URL(self.registration.scope);
const modelsUrl = new URL('models/', scope).href;
const modelsIndexUrl = `${modelsUrl}index.json`;
// One cache per published set of models: a build with other weights gets a fresh cache, and activation
// deletes the old one.
const modelsIndexRevision = manifest.find((entry) => new URL(entry.url, scope).href === modelsIndexUrl)?.revision ?? 'none';
const modelsCacheName = `adain-models-${modelsIndexRevision}`;

const precache = new PrecacheController({ plugins: [isolationPlugin] });
precache.addToCacheList(manifest);

self.addEventListener('install', (event) => {
  event.waitUntil(precache.install(event));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await precache.activate(event);
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith('adain-models-') && name !== modelsCacheName).map((name) => caches.delete(name)));
    })(),
  );
});
cleanupOutdatedCaches();
// The first install takes the open pages at once (nothing older serves them); later builds wait.
clientsClaim();

async function modelsIndex(): Promise<ModelsIndex | undefined> {
  const response = await precache.matchPrecache(modelsIndexUrl);
  const index: unknown = await response?.json().catch(() => undefined);
  return isModelsIndex(index) ? index : undefined;
}

async function storeIfIntact(
  cache: Cache,
  url: string,
  body: ReadableStream<Uint8Array>,
  headers: Headers,
  expected: { bytes: number; sha256: string },
): Promise<void> {
  const bytes = new Uint8Array(await new Response(body).arrayBuffer());
  const problem = await integrityProblem(bytes, expected);
  if (problem) {
    console.warn(`Not caching ${url}: ${problem}`);
    return;
  }
  await cache.put(url, new Response(bytes, { headers: { 'Content-Type': headers.get('Content-Type') ?? 'application/octet-stream' } }));
}

/** Model files: from the cache, or from the network while a checked copy goes into the cache. */
async function serveModelFile(request: Request, path: string, event: ExtendableEvent): Promise<Response> {
  const cache = await caches.open(modelsCacheName);
  const url = request.url.split(/[?#]/)[0]!;
  const cached = await cache.match(url);
  if (cached) return withIsolation(cached);
  const response = await fetch(request);
  const expected = (await modelsIndex())?.files[path];
  if (!response.ok || !response.body || !expected) return withIsolation(response);
  // The page reads one branch as it arrives (its progress bar moves); the other is checked and stored.
  const [forPage, forCache] = response.body.tee();
  event.waitUntil(storeIfIntact(cache, url, forCache, response.headers, expected));
  return withIsolation(new Response(forPage, { status: response.status, statusText: response.statusText, headers: response.headers }));
}

registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/.*/] }));
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.href.startsWith(modelsUrl) && url.href !== modelsIndexUrl,
  ({ url, request, event }) => serveModelFile(request, url.href.slice(modelsUrl.length), event),
);
setDefaultHandler(new NetworkOnly({ plugins: [isolationPlugin] }));

async function offlineStatus(): Promise<OfflineStatus> {
  const index = await modelsIndex();
  const cache = await caches.open(modelsCacheName);
  const savedUrls = new Set((await cache.keys()).map((request) => request.url));
  const models: ModelFileStatus[] = Object.entries(index?.files ?? {}).map(([path, file]) => ({
    path,
    bytes: file.bytes,
    saved: savedUrls.has(modelsUrl + path),
  }));
  return { precacheBytes: __PRECACHE_BYTES__, models };
}

self.addEventListener('message', (event) => {
  const request = event.data as OfflineRequest | undefined;
  if (request?.type === 'offline-status') {
    event.waitUntil(offlineStatus().then((status) => event.ports[0]?.postMessage(status)));
  } else if (request?.type === 'activate-update') {
    void self.skipWaiting();
  }
});
