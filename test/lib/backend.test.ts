import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { backendOrder, chooseBackend, parseBackendName, type BackendName } from '../../src/lib/backend';
import { backendStrings } from '../../src/i18n/components/backend';

/**
 * The fallback order, in Node with stand-in backends: each name in backendOrder is registered afresh as a
 * backend that starts, one that fails, or one whose "GPU" is a software renderer (as Chromium's
 * SwiftShader reports itself), so every path of chooseBackend runs without a browser. (tfjs logs the
 * failing ones' errors; they are expected.)
 */
type Behaviour = 'works' | 'fails' | 'software' | 'missing';

let saved: { name: BackendName; factory: () => tf.KernelBackend | Promise<tf.KernelBackend> }[] = [];

function softwareGl(): object {
  const gl = { getExtension: () => ({ UNMASKED_RENDERER_WEBGL: 0x9246 }), getParameter: () => 'Google SwiftShader' };
  return Object.assign(new MathBackendCPU(), { gpgpu: { gl } });
}

function install(behaviours: Record<BackendName, Behaviour>): void {
  for (const name of backendOrder) {
    if (tf.findBackendFactory(name)) tf.removeBackend(name);
    const behaviour = behaviours[name];
    if (behaviour === 'missing') continue;
    // The real WebAssembly backend runs in Node too (its description asks the wasm module for its threads).
    const real = saved.find((entry) => entry.name === name)?.factory;
    if (name === 'wasm' && behaviour === 'works' && real) {
      tf.registerBackend(name, real);
      continue;
    }
    tf.registerBackend(name, () => {
      if (behaviour === 'fails') throw new Error(`${name} has no device`);
      return behaviour === 'software' ? (softwareGl() as tf.KernelBackend) : new MathBackendCPU();
    });
  }
}

beforeEach(() => {
  saved = backendOrder.flatMap((name) => {
    // null where the backend is not registered (WebGL in Node), whatever the typings say.
    const factory = tf.findBackendFactory(name) as (() => tf.KernelBackend | Promise<tf.KernelBackend>) | null;
    return factory ? [{ name, factory }] : [];
  });
});

afterEach(async () => {
  for (const name of backendOrder) if (tf.findBackendFactory(name)) tf.removeBackend(name);
  for (const { name, factory } of saved) tf.registerBackend(name, factory);
  await tf.setBackend('cpu');
});

describe('chooseBackend', () => {
  test('tries WebGPU, WebGL, WebAssembly, then CPU, and takes the first that starts', async () => {
    install({ webgpu: 'missing', webgl: 'fails', wasm: 'works', cpu: 'works' });
    const choice = await chooseBackend();
    expect(choice.backend).toBe('wasm');
    expect(choice.forced).toBe(false);
    expect(choice.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
    expect(['not-available', 'no-webgpu']).toContain(choice.attempts[0]!.reason.kind);
    expect(choice.attempts[1]!.reason).toEqual({ kind: 'init-failed' });
    expect(tf.getBackend()).toBe('wasm');
  });

  test('passes over a GPU emulated in software, and says why', async () => {
    install({ webgpu: 'missing', webgl: 'software', wasm: 'fails', cpu: 'works' });
    const choice = await chooseBackend();
    expect(choice.backend).toBe('cpu');
    expect(choice.attempts[1]!.reason).toEqual({ kind: 'emulated', renderer: 'Google SwiftShader' });
    // The reader's sentence, in both editions.
    expect(backendStrings.en.explain(choice)).toMatch(
      /^Running on plain JavaScript \(CPU\) \(the fastest that works here; .*\)\. Passed over: WebGPU: .*; WebGL: the GPU is emulated in software \(Google SwiftShader\)/,
    );
    expect(backendStrings['zh-cn'].explain(choice)).toMatch(
      /^正在 纯 JavaScript（CPU） 上运行（这里能用的最快的后端；.*）。跳过了：WebGPU：.*；WebGL：GPU 是用软件模拟的（Google SwiftShader）/,
    );
  });

  test('a backend forced in the URL comes first, even emulated; if it fails the rest follow in order', async () => {
    install({ webgpu: 'works', webgl: 'software', wasm: 'works', cpu: 'works' });
    const forcedSoftware = await chooseBackend({ forced: 'webgl' });
    expect(forcedSoftware.backend).toBe('webgl');
    expect(forcedSoftware.forced).toBe(true);
    expect(forcedSoftware.attempts).toHaveLength(1);

    install({ webgpu: 'works', webgl: 'works', wasm: 'fails', cpu: 'works' });
    const fallback = await chooseBackend({ forced: 'wasm' });
    expect(fallback.attempts.map((a) => a.backend)).toEqual(['wasm', 'webgpu']);
    expect(fallback.backend).toBe('webgpu');
    expect(fallback.forced).toBe(false);
  });

  test('when nothing starts, the error lists every reason', async () => {
    install({ webgpu: 'missing', webgl: 'fails', wasm: 'fails', cpu: 'fails' });
    await expect(chooseBackend()).rejects.toThrow(
      /no TensorFlow.js backend could start: webgpu (not-available|no-webgpu), webgl init-failed, wasm init-failed, cpu init-failed/,
    );
  });
});

describe('parseBackendName', () => {
  test.each([
    ['WASM', 'wasm'],
    [' webgpu ', 'webgpu'],
    ['gpu', undefined],
    [null, undefined],
  ] as const)('%j → %j', (text, name) => {
    expect(parseBackendName(text)).toBe(name);
  });
});
