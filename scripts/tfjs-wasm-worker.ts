/**
 * A Vite build plugin that lets tfjs-backend-wasm's threaded build start its threads under the site's
 * Content-Security-Policy (worker-src and script-src 'self', no blob:). tfjs 4.22 makes each thread a
 * Worker from a blob: URL and has that worker importScripts() the module factory from another blob:
 * (backend_wasm.js, init(); no setting changes this, see tensorflow/tfjs#5137). The plugin ships both
 * scripts as files of the build and points tfjs at them.
 *
 * It also sizes the threads' pool. The Emscripten start-up code starts 8 workers and waits until each has
 * loaded the wasm module, whatever the machine; tfjs never runs more than half of
 * navigator.hardwareConcurrency threads (tensorflow/tfjs#8513; tf-backend-start.ts sets that value while the
 * backend starts), and each of those threads needs at most one worker. On 2 cores, 6 of the 8 workers
 * were never used, and starting them cost about half a second before the first run.
 *
 * astro.config.mjs applies the plugin to the pages' bundle and to the notebook's worker (whose nested
 * workers started 8 threads from blob: URLs before; a cell's first Run on a cold page took 1.72 s instead of
 * 1.31 s here, median of 5).
 *
 * The plugin fails the build if tfjs's code has changed shape, so a tfjs upgrade cannot silently bring the
 * blobs or the fixed pool back.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const wasmOut = '@tensorflow/tfjs-backend-wasm/wasm-out/';

const workerBlob =
  /const response = wasmWorkerContents\.replace\(\/\\n\/g, '\\\\n'\);\s*const blob = new Blob\(\[response\], \{ type: 'application\/javascript' \}\);\s*return URL\.createObjectURL\(blob\);/;
const factoryBlob =
  /factoryConfig\.mainScriptUrlOrBlob = new Blob\(\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\], \{ type: 'text\/javascript' \}\);/;

const fixedPool = /var pthreadPoolSize ?= ?8;/;
const poolOfUsedThreads = "var pthreadPoolSize=Math.max(1,Math.ceil(((typeof navigator=='object'&&navigator.hardwareConcurrency)||16)/2));";

/** The worker's source as tfjs writes it into the blob (its template literal turned "\n" into newlines). */
function workerSource(): string {
  const { wasmWorkerContents } = require(`${wasmOut}tfjs-backend-wasm-threaded-simd.worker.js`) as { wasmWorkerContents: string };
  return wasmWorkerContents.replace(/\n/g, '\\n');
}

export function tfjsWasmWorkerFiles(): Plugin {
  return {
    name: 'tfjs-wasm-worker-files',
    apply: 'build',
    async transform(code, id) {
      const path = id.replaceAll('\\', '/');
      if (path.endsWith(`${wasmOut}tfjs-backend-wasm-threaded-simd.js`)) {
        if (!fixedPool.test(code))
          throw new Error('tfjs-backend-wasm no longer sizes its thread pool as this plugin expects; update scripts/tfjs-wasm-worker.ts');
        return { code: code.replace(fixedPool, poolOfUsedThreads), map: null };
      }
      if (!path.endsWith('@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js')) return null;
      if (!workerBlob.test(code) || !factoryBlob.test(code)) {
        throw new Error('tfjs-backend-wasm no longer creates its thread worker as this plugin expects; update scripts/tfjs-wasm-worker.ts');
      }
      const worker = this.emitFile({ type: 'asset', name: 'tfjs-backend-wasm-threaded-simd.worker.js', source: workerSource() });
      // The module factory as a classic script: it declares `var WasmBackendModuleThreadedSimd`, which the worker calls.
      const factory = this.emitFile({
        type: 'asset',
        name: 'tfjs-backend-wasm-threaded-simd.js',
        source: await readFile(require.resolve(`${wasmOut}tfjs-backend-wasm-threaded-simd.js`), 'utf8'),
      });
      return {
        code: code
          .replace(workerBlob, `return import.meta.ROLLUP_FILE_URL_${worker};`)
          .replace(factoryBlob, `factoryConfig.mainScriptUrlOrBlob = import.meta.ROLLUP_FILE_URL_${factory};`),
        map: null,
      };
    },
  };
}
