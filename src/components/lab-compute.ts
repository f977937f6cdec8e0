import { ready, tf } from './tf-runtime';
import { groupMoments, normalise } from '../lib/norm';
import { adain, channelStatistics } from '../lib/adain';
import { readNHWC, toNHWC } from '../lib/layout';
import { normSpecOf, type LabState } from '../lib/lab-state';
import type { LabResult } from '../lib/lab-readout';

/**
 * The tensor lab's maths, loaded lazily with tfjs: every number the lab shows comes from src/lib here.
 * Plain arrays go in and out; every tensor is disposed before the promise resolves.
 */
export async function computeLab(state: LabState, content: Float64Array, style: Float64Array): Promise<LabResult> {
  await ready();
  const shape = state.shape;
  const tensors = tf.tidy(() => {
    const x = toNHWC({ shape, data: Float32Array.from(content) });
    const { mean, variance } = groupMoments(x, normSpecOf(state));
    if (state.method === 'adain') {
      const y = toNHWC({ shape, data: Float32Array.from(style) });
      const styleStatistics = channelStatistics(y);
      return { output: adain(x, y, state.epsilon), mean, variance, styleMean: styleStatistics.mean, styleStd: styleStatistics.std };
    }
    const gamma = tf.tensor1d(state.gamma);
    const beta = tf.tensor1d(state.beta);
    return { output: normalise(x, normSpecOf(state), { gamma, beta, epsilon: state.epsilon }), mean, variance };
  });
  try {
    // Every read is asynchronous: a synchronous read from a GPU backend blocks, and on WebGPU may never return.
    const [{ data: output }, mean, variance, styleMean, styleStd] = await Promise.all([
      readNHWC(tensors.output),
      ...[tensors.mean, tensors.variance, tensors.styleMean, tensors.styleStd].map((t) => (t ? t.data() : undefined)),
    ]);
    return {
      output,
      mean: Float32Array.from(mean ?? []),
      variance: Float32Array.from(variance ?? []),
      styleMean: styleMean ? Float32Array.from(styleMean) : undefined,
      styleStd: styleStd ? Float32Array.from(styleStd) : undefined,
    };
  } finally {
    tf.dispose(Object.values(tensors));
  }
}
