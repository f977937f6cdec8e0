import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { exerciseChecks, type CheckId } from '../../src/lib/exercise-checks';

/**
 * Every checker passes a correct solution written the way a reader would (plain tf ops, not the library) and
 * rejects typical wrong ones with the hint that names the mistake; no check leaves a tensor behind.
 */

type Solution = (...args: never[]) => unknown;

async function check(id: CheckId, solution: Solution): Promise<{ passed: boolean; message: string }> {
  const before = tf.memory().numTensors;
  const result = await exerciseChecks[id](solution);
  expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
  return result;
}

async function expectPass(id: CheckId, solution: Solution): Promise<void> {
  const result = await check(id, solution);
  expect(result.message).toMatch(/^Correct/);
  expect(result.passed).toBe(true);
}

async function expectHint(id: CheckId, solution: Solution, hint: RegExp): Promise<void> {
  const result = await check(id, solution);
  expect(result.passed).toBe(false);
  expect(result.message).toMatch(hint);
}

/** Instance norm as a reader writes it; `variant` breaks it in one typical way. */
function instanceNormWith(variant: 'correct' | 'unbiased' | 'epsilon outside' | 'no epsilon' | 'batch axes' | 'pytorch axes' | 'fixed epsilon' | 'no keepDims') {
  return (x: tf.Tensor4D, epsilon: number) => {
    const axes = variant === 'batch axes' ? [0, 1, 2] : variant === 'pytorch axes' ? [2, 3] : [1, 2];
    const eps = variant === 'fixed epsilon' ? 1e-5 : epsilon;
    const mean = x.mean(axes, variant !== 'no keepDims');
    const centred = x.sub(mean);
    let variance = centred.square().mean(axes, true);
    if (variant === 'unbiased') {
      const n = axes.reduce((p, a) => p * x.shape[a]!, 1);
      variance = variance.mul(n / (n - 1));
    }
    if (variant === 'epsilon outside') return centred.div(variance.sqrt().add(eps));
    if (variant === 'no epsilon') return centred.div(variance.sqrt());
    return centred.div(variance.add(eps).sqrt());
  };
}

function adainWith(variant: 'correct' | 'unbiased port' | 'no style mean' | 'swapped' | 'pytorch axes') {
  return (content: tf.Tensor4D, style: tf.Tensor4D) => {
    const axes = variant === 'pytorch axes' ? [2, 3] : [1, 2];
    const [x, y] = variant === 'swapped' ? [style, content] : [content, style];
    const stats = (t: tf.Tensor4D, eps: number) => {
      const { mean, variance } = tf.moments(t, axes, true);
      if (variant !== 'unbiased port') return { mean, std: variance.add(eps).sqrt() };
      const n = t.shape[1] * t.shape[2];
      return { mean, std: variance.mul(n / (n - 1)).add(1e-5).sqrt() };
    };
    const c = stats(x, 1e-5);
    const s = stats(y, 0);
    const normalised = x.sub(c.mean).div(c.std).mul(s.std);
    return variant === 'no style mean' ? normalised : normalised.add(s.mean);
  };
}

describe.each(['cpu', 'wasm'])('exercise checkers on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });

  describe('instance-norm', () => {
    it('passes a correct solution', () => expectPass('instance-norm', instanceNormWith('correct')));
    it('passes tf.moments with keepDims', () =>
      expectPass('instance-norm', (x: tf.Tensor4D, epsilon: number) => {
        const { mean, variance } = tf.moments(x, [1, 2], true);
        return x.sub(mean).mul(tf.rsqrt(variance.add(epsilon)));
      }));
    it('explains the unbiased variance', () => expectHint('instance-norm', instanceNormWith('unbiased'), /σ is 3\.2\d* % too large: did you divide by n − 1\?/));
    it('explains ε outside the square root', () => expectHint('instance-norm', instanceNormWith('epsilon outside'), /ε is outside the square root/));
    it('explains a missing ε', () => expectHint('instance-norm', instanceNormWith('no epsilon'), /ε is missing/));
    it('recognises batch norm', () => expectHint('instance-norm', instanceNormWith('batch axes'), /that is batch norm/));
    it("recognises PyTorch's axes", () => expectHint('instance-norm', instanceNormWith('pytorch axes'), /PyTorch's \[N, C, H, W\] layout/));
    it('notices an ignored epsilon argument', () => expectHint('instance-norm', instanceNormWith('fixed epsilon'), /instead of the epsilon argument \(0\.01\)/));
    it('explains a failed broadcast', () => expectHint('instance-norm', instanceNormWith('no keepDims'), /threw an error.*Keep the reduced axes/));
    it('says when nothing is returned', () => expectHint('instance-norm', () => undefined, /should be a tf\.Tensor.*forget return/));
    it('says when the function is missing', () => expectHint('instance-norm', undefined as unknown as Solution, /Define a function named instanceNorm/));
    it('points at the first wrong element otherwise', () =>
      expectHint('instance-norm', (x: tf.Tensor4D) => x.mul(0.5), /your value at \[n=0, h=0, w=0, c=0\] is .*, but normalise\(x, \{ method: 'instance' \}/));
  });

  describe('adain', () => {
    it('passes a correct solution', () => expectPass('adain', adainWith('correct')));
    it("explains the port's unbiased calc_mean_std", () => expectHint('adain', adainWith('unbiased port'), /calc_mean_std/));
    it('explains a missing style mean', () => expectHint('adain', adainWith('no style mean'), /style mean μ\(y\) is missing/));
    it('explains swapped arguments by the shape', () => expectHint('adain', adainWith('swapped'), /style’s shape: did you swap content and style\?/));
    it("explains PyTorch's axes when they fail to broadcast", () =>
      expectHint('adain', adainWith('pytorch axes'), /could not be broadcast.*H and W, which are axes \[1, 2\]/));
  });
});
