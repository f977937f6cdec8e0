import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/**
 * Chooses where tensors run: WebGPU first, then WebGL, WASM, CPU, keeping the reason each candidate was
 * passed over so the page can say why it runs where it does. No DOM here: the page passes in the wasm file
 * URLs its bundler produced and the backend the reader asked for.
 */
export const backendOrder = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof backendOrder)[number];

/** Why a backend was chosen or passed over; src/i18n/components/backend.ts says it in the page's language. */
export type BackendReason =
  | { kind: 'not-available' }
  | { kind: 'no-webgpu' }
  | { kind: 'webgpu-lost' }
  | { kind: 'emulated'; renderer: string }
  | { kind: 'init-failed' }
  | { kind: 'failed'; error: string }
  | { kind: 'webgpu-adapter'; adapter: string }
  | { kind: 'webgl'; version: number }
  /** threads: undefined without multithreading (the page is not cross-origin isolated). */
  | { kind: 'wasm'; simd: boolean; threads: number | undefined }
  | { kind: 'cpu' };

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  reason: BackendReason;
}

export interface BackendChoice {
  backend: BackendName;
  forced: boolean;
  attempts: BackendAttempt[];
}

/** URLs of the three tfjs wasm builds, keyed by their file names as tfjs asks for them. */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>;

export function parseBackendName(value: string | null | undefined): BackendName | undefined {
  const lower = value?.trim().toLowerCase();
  return backendOrder.find((name) => name === lower);
}

function missingReason(name: BackendName): BackendReason {
  if (name !== 'webgpu') return { kind: 'not-available' };
  return typeof navigator !== 'undefined' && 'gpu' in navigator ? { kind: 'webgpu-lost' } : { kind: 'no-webgpu' };
}

interface AdapterDescription {
  vendor: string;
  architecture: string;
  isFallbackAdapter?: boolean;
}

/**
 * Whether the WebGPU adapter is a software one, asked of the adapter before tfjs builds a device and its
 * backend on it (that start-up costs hundreds of milliseconds for nothing when the adapter is passed over).
 */
async function softwareWebGpuAdapter(): Promise<string | undefined> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GPU }) | undefined)?.gpu;
  const adapter = (await gpu?.requestAdapter()) as (GPUAdapter & { info?: AdapterDescription }) | null | undefined;
  const info = adapter?.info;
  if (!info) return undefined;
  const description = `${info.vendor} ${info.architecture}`.trim();
  return info.isFallbackAdapter || softwareRenderers.test(description) ? description || 'fallback adapter' : undefined;
}

async function tryBackend(name: BackendName, allowSoftwareGpu: boolean): Promise<BackendAttempt> {
  if (!tf.findBackendFactory(name)) return { backend: name, ok: false, reason: missingReason(name) };
  try {
    if (name === 'webgpu' && !allowSoftwareGpu) {
      const emulator = await softwareWebGpuAdapter();
      if (emulator) return { backend: name, ok: false, reason: { kind: 'emulated', renderer: emulator } };
    }
    const ok = await tf.setBackend(name);
    if (!ok) return { backend: name, ok: false, reason: { kind: 'init-failed' } };
    const emulator = softwareGpuName(name);
    if (emulator && !allowSoftwareGpu) return { backend: name, ok: false, reason: { kind: 'emulated', renderer: emulator } };
    return { backend: name, ok: true, reason: describeRunning(name) };
  } catch (error) {
    return { backend: name, ok: false, reason: { kind: 'failed', error: error instanceof Error ? error.message : String(error) } };
  }
}

interface WebGPUAdapterDescription {
  adapterInfo?: { vendor?: string; architecture?: string };
}

interface WebGLContextHolder {
  gpgpu?: { gl?: WebGLRenderingContext };
}

const softwareRenderers = /swiftshader|llvmpipe|lavapipe|software/i;

/**
 * The name of the software rasteriser behind a GPU backend, if it is one. Measured here: WebGPU and WebGL on
 * SwiftShader run convolutions at 0.3–0.8 GFLOP/s against ~20 for WebAssembly SIMD, so a real model would
 * take minutes instead of seconds.
 */
function softwareGpuName(name: BackendName): string | undefined {
  if (name === 'webgpu') {
    const info = (tf.backend() as WebGPUAdapterDescription).adapterInfo;
    const description = `${info?.vendor ?? ''} ${info?.architecture ?? ''}`;
    return softwareRenderers.test(description) ? description.trim() : undefined;
  }
  if (name === 'webgl') {
    const gl = (tf.backend() as WebGLContextHolder).gpgpu?.gl;
    const debug = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = debug && gl ? String(gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)) : '';
    return softwareRenderers.test(renderer) ? renderer : undefined;
  }
  return undefined;
}

function describeRunning(name: BackendName): BackendReason {
  switch (name) {
    case 'webgpu': {
      const info = (tf.backend() as WebGPUAdapterDescription).adapterInfo;
      return { kind: 'webgpu-adapter', adapter: [info?.vendor, info?.architecture].filter(Boolean).join(' ') };
    }
    case 'webgl':
      return { kind: 'webgl', version: tf.env().getNumber('WEBGL_VERSION') };
    case 'wasm':
      return {
        kind: 'wasm',
        simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
        threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? getThreadsCount() : undefined,
      };
    case 'cpu':
      return { kind: 'cpu' };
  }
}

/**
 * Tries the backends in order (or only the forced one, falling back in order if it fails) and leaves tfjs
 * set to the first that initialises.
 */
export interface BackendOptions {
  forced?: BackendName;
  wasmPaths?: WasmPaths;
  wasmThreads?: number;
}

export async function chooseBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  if (options.wasmPaths) setWasmPaths(options.wasmPaths);
  // tfjs would use half the logical cores (one thread on a 2-core machine); a transfer is compute-bound.
  if (options.wasmThreads) setThreadsCount(options.wasmThreads);
  const { forced } = options;
  const candidates = forced ? [forced, ...backendOrder.filter((name) => name !== forced)] : [...backendOrder];
  const attempts: BackendAttempt[] = [];
  for (const name of candidates) {
    // A reader who asks for a backend gets it even when it is emulated.
    const attempt = await tryBackend(name, name === forced);
    attempts.push(attempt);
    if (attempt.ok) return { backend: name, forced: forced === name, attempts };
  }
  // For developers (the console); the page words each reason from `attempts`.
  throw new Error(`no TensorFlow.js backend could start: ${attempts.map((a) => `${a.backend} ${a.reason.kind}`).join(', ')}`);
}

interface DeviceWithLoss {
  device?: { lost?: Promise<{ message?: string; reason?: string }> };
}

/**
 * Calls back once when the WebGPU device behind the current backend is lost (driver reset, GPU removed),
 * after switching tfjs to the next backend that works, with the device's reason (empty if it gave none).
 * Tensors on the lost device are gone with it.
 */
export function onDeviceLost(
  choice: BackendChoice,
  chooseNext: () => Promise<BackendChoice>,
  switched: (next: BackendChoice, lostReason: string) => void,
): void {
  if (choice.backend !== 'webgpu') return;
  const lost = (tf.findBackend('webgpu') as DeviceWithLoss | null)?.device?.lost;
  void lost?.then(async (info) => {
    tf.removeBackend('webgpu');
    const next = await chooseNext();
    switched(next, info.message || info.reason || '');
  });
}
