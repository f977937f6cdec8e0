import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseBackend, parseBackendName, type BackendChoice, type BackendOptions } from '../lib/backend';
import { threadsFromUrl, type ThreadsProblem } from '../lib/wasm-threads';

/**
 * How a page, and the notebook's worker, start tfjs: the backend the address asks for
 * (`?backend=wasm`, or webgpu, webgl, cpu), the wasm threads (`?threads=N` within 1…cores, else every core;
 * `threadsProblem` says why a value out of range was not used) and the wasm files the bundler
 * produced. Uses no `document`, so a worker can import it.
 */
export function backendOptions(search: string): BackendOptions & { threadsProblem?: ThreadsProblem } {
  const params = new URLSearchParams(search);
  const { threads, problem } = threadsFromUrl(params.get('threads'), navigator.hardwareConcurrency);
  return {
    forced: parseBackendName(params.get('backend')),
    wasmThreads: threads,
    ...(problem ? { threadsProblem: problem } : {}),
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
    },
  };
}

/**
 * tfjs-wasm caps its threads at half of navigator.hardwareConcurrency (one thread on two cores) whatever
 * setThreadsCount asks (tensorflow/tfjs#8513). Reporting twice the cores while a backend starts gives one
 * thread per core; the model convolutions are compute-bound, so that is what they need.
 */
export async function chooseWithEveryCore(options: BackendOptions): Promise<BackendChoice> {
  const threads = options.wasmThreads ?? 1;
  Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => threads * 2 });
  try {
    return await chooseBackend(options);
  } finally {
    Reflect.deleteProperty(navigator, 'hardwareConcurrency');
  }
}
