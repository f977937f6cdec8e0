/**
 * The Astro integration that makes the built site installable and usable offline: after `astro build` it
 * writes the web manifest and its icons (rendered from public/favicon.svg), lists the files to precache with
 * workbox-build (each with a content revision) and bundles src/service-worker/sw.ts with that list into
 * dist/sw.js. The model weights are left out of the list: the worker caches them on first use.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';

const root = fileURLToPath(new URL('..', import.meta.url));

export const siteName = 'AdaIN Notebook';
/** The favicon's own background: the icons and the installed app's splash screen share it. */
const iconBackground = '#3b5bdb';

async function writeIcons(dist: string): Promise<{ src: string; sizes: string; type: string; purpose: string }[]> {
  const favicon = await readFile(join(root, 'public/favicon.svg'), 'utf8');
  const inner = favicon.replace(/^<svg[^>]*>|<\/svg>\s*$/g, '');
  // A maskable icon keeps its drawing inside the central 80 % circle; the rest is background.
  const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-6 -6 44 44"><rect x="-6" y="-6" width="44" height="44" fill="${iconBackground}"/>${inner}</svg>`;
  const icons = [
    { name: 'icon-192.png', svg: favicon, size: 192, purpose: 'any' },
    { name: 'icon-512.png', svg: favicon, size: 512, purpose: 'any' },
    { name: 'icon-maskable-512.png', svg: maskable, size: 512, purpose: 'maskable' },
  ];
  await mkdir(join(dist, 'icons'), { recursive: true });
  for (const icon of icons) {
    const png = new Resvg(icon.svg, { fitTo: { mode: 'width', value: icon.size } }).render().asPng();
    await writeFile(join(dist, 'icons', icon.name), png);
  }
  return icons.map((icon) => ({ src: `icons/${icon.name}`, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose }));
}

async function writeWebManifest(dist: string, base: string): Promise<void> {
  const manifest = {
    name: siteName,
    short_name: 'AdaIN',
    description: 'Normalisation, AdaIN and style, with the real models running in your browser.',
    lang: 'en',
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#fcfcfd',
    theme_color: iconBackground,
    icons: await writeIcons(dist),
  };
  await writeFile(join(dist, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function writeServiceWorker(dist: string): Promise<{ count: number; size: number }> {
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,css,wasm,woff2,json,bin,png,jpg,svg,webmanifest}'],
    // Weights are cached on first use (or when the reader asks); their index is small and says what they are.
    globIgnores: ['models/*/*', 'sw.js'],
    // The generator's 2.1 MB of weights belong offline with lesson 6.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Vite names its output by content hash: the name is the revision.
    dontCacheBustURLsMatching: /^_astro\//,
  });
  if (warnings.length) throw new Error(`workbox-build: ${warnings.join('; ')}`);
  await build({
    entryPoints: [join(root, 'src/service-worker/sw.ts')],
    outfile: join(dist, 'sw.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
    define: {
      'self.__WB_MANIFEST': JSON.stringify(manifestEntries),
      __PRECACHE_BYTES__: String(size),
      'process.env.NODE_ENV': '"production"',
    },
  });
  return { count, size };
}

export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'adain-notebook-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        await writeWebManifest(dist, base);
        const { count, size } = await writeServiceWorker(dist);
        logger.info(`sw.js precaches ${count} files (${(size / 1e6).toFixed(1)} MB); model weights are cached on first use`);
      },
    },
  };
}
