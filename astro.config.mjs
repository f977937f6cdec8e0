// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { fileURLToPath } from 'node:url';
import { offline } from './scripts/offline-build.ts';
import { tfjsWasmWorkerFiles } from './scripts/tfjs-wasm-worker.ts';
import rehypeCjkLineBreaks from './scripts/rehype-cjk-line-breaks.ts';

// KaTeX may emit only the commands that tag formula parts for live numbers; nothing else that
// `trust` would unlock (links, includes) is allowed.
const katexTrustedCommands = new Set(['\\htmlClass', '\\htmlData', '\\htmlId']);

// Cross-origin isolation lets tfjs-wasm use its threaded build; a static host needs the same headers.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'ignore',
  integrations: [mdx(), offline()],
  markdown: {
    remarkPlugins: [remarkMath],
    // After KaTeX, so formulas count as Latin text beside a line break in Chinese prose.
    rehypePlugins: [[rehypeKatex, { trust: (ctx) => katexTrustedCommands.has(ctx.command), strict: false }], rehypeCjkLineBreaks],
  },
  // The Content-Security-Policy allows no inline script or stylesheet: every one goes to a file.
  build: { inlineStylesheets: 'never' },
  server: { headers: isolationHeaders },
  vite: {
    plugins: [tfjsWasmWorkerFiles()],
    resolve: {
      // tfjs-core imports node-fetch for Node only; in the browser bundle it must resolve to nothing.
      alias: { 'node-fetch': fileURLToPath(new URL('./src/shims/node-fetch.js', import.meta.url)) },
    },
    preview: { headers: isolationHeaders },
    build: { chunkSizeWarningLimit: 4000, assetsInlineLimit: 0 },
    // The notebook's worker is a module worker; ES output lets it load Sucrase only when a cell has TypeScript.
    // Its tfjs-wasm gets the same thread files and pool size as the pages', under the pages' file names, so
    // the browser's cache and the offline copy hold each file once.
    worker: {
      format: 'es',
      plugins: () => [tfjsWasmWorkerFiles()],
      rollupOptions: { output: { assetFileNames: '_astro/[name].[hash][extname]' } },
    },
  },
});
