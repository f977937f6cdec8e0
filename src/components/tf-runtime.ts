import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, explainChoice, onDeviceLost, parseBackendName, backendLabels, type BackendChoice, type BackendOptions } from '../lib/backend';
import { backendEvent, type BackendStatus } from './backend-events';

/**
 * The page's one tfjs runtime: chosen once per page, shared by every demo. Demos import this module lazily
 * (dynamic import) so the lesson text and formulas render before any tfjs code arrives.
 * `?backend=wasm` (or webgpu, webgl, cpu) in the URL forces a backend; `?threads=N` sets the wasm threads.
 */
let status: Promise<BackendStatus> | undefined;

function announce(current: BackendStatus): BackendStatus {
  document.dispatchEvent(new CustomEvent<BackendStatus>(backendEvent, { detail: current }));
  return current;
}

function describe(choice: BackendChoice, notice?: string): BackendStatus {
  return { choice, label: backendLabels[choice.backend], explanation: explainChoice(choice), notice };
}

/**
 * tfjs-wasm caps its threads at half of navigator.hardwareConcurrency (one thread on two cores) whatever
 * setThreadsCount asks (tensorflow/tfjs#8513). Reporting twice the cores while a backend starts gives one
 * thread per core; the model convolutions are compute-bound, so that is what they need.
 */
async function chooseWithEveryCore(options: BackendOptions): Promise<BackendChoice> {
  const threads = options.wasmThreads ?? 1;
  Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => threads * 2 });
  try {
    return await chooseBackend(options);
  } finally {
    Reflect.deleteProperty(navigator, 'hardwareConcurrency');
  }
}

export function ready(): Promise<BackendStatus> {
  status ??= (async () => {
    const params = new URLSearchParams(location.search);
    const options: BackendOptions = {
      forced: parseBackendName(params.get('backend')),
      wasmThreads: Number(params.get('threads')) || navigator.hardwareConcurrency || 1,
      wasmPaths: {
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
      },
    };
    const choice = await chooseWithEveryCore(options);
    onDeviceLost(
      choice,
      () => chooseWithEveryCore({ ...options, forced: undefined }),
      (next, notice) => {
        status = Promise.resolve(announce(describe(next, notice)));
      },
    );
    return announce(describe(choice));
  })();
  return status;
}

export { tf };
