import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { exerciseChecks, type CheckId } from '../../src/lib/exercise-checks';
import { exerciseCheckStrings } from '../../src/i18n/exercise-checks';

/**
 * Every checker passes a correct solution written the way a reader would (plain tf ops, not the library) and
 * rejects typical wrong ones with the hint that names the mistake; no check leaves a tensor behind.
 */

type Solution = (...args: never[]) => unknown;

async function check(id: CheckId, solution: Solution): Promise<{ passed: boolean; message: string }> {
  const before = tf.memory().numTensors;
  const result = await exerciseChecks[id](solution, exerciseCheckStrings.en);
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
function instanceNormWith(
  variant: 'correct' | 'unbiased' | 'epsilon outside' | 'no epsilon' | 'batch axes' | 'pytorch axes' | 'fixed epsilon' | 'no keepDims',
) {
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
      return {
        mean,
        std: variance
          .mul(n / (n - 1))
          .add(1e-5)
          .sqrt(),
      };
    };
    const c = stats(x, 1e-5);
    const s = stats(y, 0);
    const normalised = x.sub(c.mean).div(c.std).mul(s.std);
    return variant === 'no style mean' ? normalised : normalised.add(s.mean);
  };
}

function momentsOver(x: tf.Tensor, axes: number[], unbiased = false) {
  const { mean, variance } = tf.moments(x, axes, true);
  const n = axes.reduce((p, a) => p * x.shape[a]!, 1);
  return { mean, variance: unbiased ? variance.mul(n / (n - 1)) : variance };
}

function normaliseOverWith(variant: 'correct' | 'no beta' | 'unbiased' | 'swapped') {
  return (x: tf.Tensor4D, axes: number[], gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number) => {
    const { mean, variance } = momentsOver(x, axes, variant === 'unbiased');
    const xHat = x.sub(mean).div(variance.add(epsilon).sqrt());
    if (variant === 'swapped') return xHat.mul(beta).add(gamma);
    return variant === 'no beta' ? xHat.mul(gamma) : xHat.mul(gamma).add(beta);
  };
}

function groupNormWith(variant: 'correct' | 'interleaved' | 'layer') {
  return (x: tf.Tensor4D, groups: number, epsilon: number) => {
    const [n, h, w, c] = x.shape;
    const view = variant === 'interleaved' ? x.reshape([n, h, w, c / groups, groups]) : x.reshape([n, h, w, groups, c / groups]);
    const axes = variant === 'interleaved' ? [1, 2, 3] : variant === 'layer' ? [1, 2, 3, 4] : [1, 2, 4];
    const { mean, variance } = tf.moments(view, axes, true);
    return view.sub(mean).div(variance.add(epsilon).sqrt()).reshape(x.shape);
  };
}

interface Running {
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

function batchNormStepWith(variant: 'correct' | 'population running' | 'reversed momentum' | 'inference y') {
  return (x: tf.Tensor4D, running: Running, momentum: number) => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    const n = x.shape[0] * x.shape[1] * x.shape[2];
    const y = variant === 'inference y' ? x.sub(running.mean).div(running.variance.add(1e-5).sqrt()) : x.sub(mean).div(variance.add(1e-5).sqrt());
    const stored = variant === 'population running' ? variance : variance.mul(n / (n - 1));
    const blend = (old: tf.Tensor, batch: tf.Tensor) =>
      variant === 'reversed momentum' ? old.mul(momentum).add(batch.mul(1 - momentum)) : old.mul(1 - momentum).add(batch.mul(momentum));
    return { y, running: { mean: blend(running.mean, mean), variance: blend(running.variance, stored) } };
  };
}

function swapStdWith(variant: 'correct' | 'full adain' | 'no mean') {
  return (content: tf.Tensor4D, style: tf.Tensor4D) => {
    const c = tf.moments(content, [1, 2], true);
    const s = tf.moments(style, [1, 2], true);
    const scaled = content.sub(c.mean).div(c.variance.add(1e-5).sqrt()).mul(s.variance.sqrt());
    if (variant === 'no mean') return scaled;
    return scaled.add(variant === 'full adain' ? s.mean : c.mean);
  };
}

type Features = Record<'relu1_1' | 'relu2_1' | 'relu3_1' | 'relu4_1', tf.Tensor4D>;

function styleLossWith(variant: 'correct' | 'squared' | 'relu4_1 only' | 'means only') {
  return (a: Features, b: Features) => {
    const layers = variant === 'relu4_1 only' ? (['relu4_1'] as const) : (['relu1_1', 'relu2_1', 'relu3_1', 'relu4_1'] as const);
    const stats = (x: tf.Tensor4D) => {
      const { mean, variance } = tf.moments(x, [1, 2]);
      return { mean, std: variance.add(1e-5).sqrt() };
    };
    const distance = (u: tf.Tensor, v: tf.Tensor) => (variant === 'squared' ? u.sub(v).square().sum() : tf.norm(u.sub(v)));
    return tf.addN(
      layers.map((layer) => {
        const sa = stats(a[layer]);
        const sb = stats(b[layer]);
        const meanTerm = distance(sa.mean, sb.mean);
        return variant === 'means only' ? meanTerm : meanTerm.add(distance(sa.std, sb.std));
      }),
    );
  };
}

function styleTargetWith(variant: 'correct' | 'statistics blend' | 'reversed') {
  return (content: tf.Tensor4D, style: tf.Tensor4D, alpha: number) => {
    const a = variant === 'reversed' ? 1 - alpha : alpha;
    const c = tf.moments(content, [1, 2], true);
    const s = tf.moments(style, [1, 2], true);
    const normalised = content.sub(c.mean).div(c.variance.add(1e-5).sqrt());
    if (variant === 'statistics blend') {
      const std = s.variance
        .sqrt()
        .mul(a)
        .add(c.variance.sqrt().mul(1 - a));
      return normalised.mul(std).add(s.mean.mul(a).add(c.mean.mul(1 - a)));
    }
    return normalised
      .mul(s.variance.sqrt())
      .add(s.mean)
      .mul(a)
      .add(content.mul(1 - a));
  };
}

function truncateWith(variant: 'correct' | 'reversed' | 'no average') {
  return (w: tf.Tensor2D, wAvg: tf.Tensor1D, psi: number) => {
    if (variant === 'no average') return w.mul(psi);
    const p = variant === 'reversed' ? 1 - psi : psi;
    return wAvg.add(w.sub(wAvg).mul(p));
  };
}

function styleAdainWith(variant: 'correct' | 'swapped' | 'no reshape') {
  return (x: tf.Tensor4D, ys: tf.Tensor2D, yb: tf.Tensor2D, epsilon: number) => {
    const [n, , , c] = x.shape;
    const { mean, variance } = tf.moments(x, [1, 2], true);
    const [scale, bias] = variant === 'swapped' ? [yb, ys] : [ys, yb];
    const shape = variant === 'no reshape' ? [n, c] : [n, 1, 1, c];
    return x.sub(mean).div(variance.add(epsilon).sqrt()).mul(scale.reshape(shape)).add(bias.reshape(shape));
  };
}

function mixLatentsWith(variant: 'correct' | 'off by one' | 'axis 0') {
  return (w1: tf.Tensor2D, w2: tf.Tensor2D, crossover: number, numWs: number) => {
    const perLayer = Array.from({ length: numWs }, (_, i) => ((variant === 'off by one' ? i <= crossover : i < crossover) ? w1 : w2));
    return tf.stack(perLayer, variant === 'axis 0' ? 0 : 1);
  };
}

function gridLatentsWith(variant: 'correct' | 'column-major' | 'roles swapped') {
  return (rowWs: tf.Tensor2D, columnWs: tf.Tensor2D, crossover: number, numWs: number) => {
    const images: tf.Tensor[] = [];
    const [rows, columns] = [rowWs.shape[0], columnWs.shape[0]];
    const pairs =
      variant === 'column-major'
        ? Array.from({ length: rows * columns }, (_, k) => [k % rows, Math.floor(k / rows)])
        : Array.from({ length: rows * columns }, (_, k) => [Math.floor(k / columns), k % columns]);
    for (const [r, c] of pairs) {
      const rowW = rowWs.slice([r!, 0], [1, -1]).squeeze([0]);
      const columnW = columnWs.slice([c!, 0], [1, -1]).squeeze([0]);
      const [coarse, fine] = variant === 'roles swapped' ? [columnW, rowW] : [rowW, columnW];
      images.push(tf.stack(Array.from({ length: numWs }, (_, i) => (i < crossover ? coarse : fine))));
    }
    return tf.stack(images);
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
    it('explains the unbiased variance', () =>
      expectHint('instance-norm', instanceNormWith('unbiased'), /σ is 3\.2\d* % too large: did you divide by n − 1\?/));
    it('explains ε outside the square root', () => expectHint('instance-norm', instanceNormWith('epsilon outside'), /ε is outside the square root/));
    it('explains a missing ε', () => expectHint('instance-norm', instanceNormWith('no epsilon'), /ε is missing/));
    it('recognises batch norm', () => expectHint('instance-norm', instanceNormWith('batch axes'), /that is batch norm/));
    it("recognises PyTorch's axes", () => expectHint('instance-norm', instanceNormWith('pytorch axes'), /PyTorch's \[N, C, H, W\] layout/));
    it('notices an ignored epsilon argument', () =>
      expectHint('instance-norm', instanceNormWith('fixed epsilon'), /instead of the epsilon argument \(0\.01\)/));
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

  describe('normalise-affine', () => {
    it('passes a correct solution', () => expectPass('normalise-affine', normaliseOverWith('correct')));
    it('explains a missing β', () => expectHint('normalise-affine', normaliseOverWith('no beta'), /β is missing/));
    it('explains swapped γ and β', () => expectHint('normalise-affine', normaliseOverWith('swapped'), /γ and β are swapped/));
    it('explains the unbiased variance', () => expectHint('normalise-affine', normaliseOverWith('unbiased'), /did you divide by n − 1\?/));
  });

  describe('group-norm', () => {
    it('passes a correct solution', () => expectPass('group-norm', groupNormWith('correct')));
    it('explains interleaved groups', () => expectHint('group-norm', groupNormWith('interleaved'), /interleave the channels/));
    it('recognises layer norm', () => expectHint('group-norm', groupNormWith('layer'), /that is layer norm/));
  });

  describe('batch-norm-step', () => {
    it('passes a correct solution', () => expectPass('batch-norm-step', batchNormStepWith('correct')));
    it('explains the population variance in the running estimate', () =>
      expectHint('batch-norm-step', batchNormStepWith('population running'), /PyTorch stores the unbiased batch variance/));
    it('explains a reversed momentum', () => expectHint('batch-norm-step', batchNormStepWith('reversed momentum'), /running\.mean mixes the wrong way round/));
    it('recognises inference mode', () => expectHint('batch-norm-step', batchNormStepWith('inference y'), /that is inference mode/));
    it('asks for the running field', () => expectHint('batch-norm-step', (x: tf.Tensor4D) => ({ y: x.clone() }), /running field/));
  });

  describe('swap-std', () => {
    it('passes a correct solution', () => expectPass('swap-std', swapStdWith('correct')));
    it('recognises full AdaIN', () => expectHint('swap-std', swapStdWith('full adain'), /that is full AdaIN/));
    it('explains a missing mean', () => expectHint('swap-std', swapStdWith('no mean'), /centred at 0/));
  });

  describe('style-loss', () => {
    it('passes a correct solution', () => expectPass('style-loss', styleLossWith('correct')));
    it('explains squared distances', () => expectHint('style-loss', styleLossWith('squared'), /summed squared differences/));
    it('explains a single layer', () => expectHint('style-loss', styleLossWith('relu4_1 only'), /relu4_1 only/));
    it('explains a missing σ term', () => expectHint('style-loss', styleLossWith('means only'), /compares the means only/));
    it('wants a scalar', () => expectHint('style-loss', (a: Features) => a.relu4_1.mean([1, 2]), /shape \[1, 512\], but it should have shape \[\]/));
  });

  describe('style-target', () => {
    it('passes a correct solution', () => expectPass('style-target', styleTargetWith('correct')));
    it('passes blending the statistics instead (equal up to ε)', () => expectPass('style-target', styleTargetWith('statistics blend')));
    it('explains a reversed α', () => expectHint('style-target', styleTargetWith('reversed'), /α works the wrong way round/));
  });

  describe('truncation', () => {
    it('passes a correct solution', () => expectPass('truncation', truncateWith('correct')));
    it('explains a reversed ψ', () => expectHint('truncation', truncateWith('reversed'), /ψ works the wrong way round/));
    it('explains a missing w̄', () => expectHint('truncation', truncateWith('no average'), /w̄ is missing/));
  });

  describe('style-adain', () => {
    it('passes a correct solution', () => expectPass('style-adain', styleAdainWith('correct')));
    it('explains swapped y_s and y_b', () => expectHint('style-adain', styleAdainWith('swapped'), /ys and yb are swapped/));
    it('explains a missing reshape', () => expectHint('style-adain', styleAdainWith('no reshape'), /could not be broadcast.*Reshape them to \[N, 1, 1, C\]/));
  });

  describe('layer-latents', () => {
    it('passes a correct solution', () => expectPass('layer-latents', mixLatentsWith('correct')));
    it('explains an off-by-one crossover', () => expectHint('layer-latents', mixLatentsWith('off by one'), /off by one/));
    it('explains the stacking axis', () => expectHint('layer-latents', mixLatentsWith('axis 0'), /tf\.stack\(perLayer, 1\)/));
  });

  describe('mixing-grid', () => {
    it('passes a correct solution', () => expectPass('mixing-grid', gridLatentsWith('correct')));
    it('explains column-major order', () => expectHint('mixing-grid', gridLatentsWith('column-major'), /column-major order/));
    it('explains swapped roles', () => expectHint('mixing-grid', gridLatentsWith('roles swapped'), /rows and columns swapped roles/));
  });
});

describe('exercise checkers in Chinese', () => {
  const zh = exerciseCheckStrings['zh-cn'];
  beforeAll(async () => {
    expect(await tf.setBackend('cpu')).toBe(true);
  });

  it('say the same facts in the words they are given', async () => {
    const passed = await exerciseChecks['instance-norm'](instanceNormWith('correct'), zh);
    expect(passed).toEqual({ passed: true, message: zh.instanceCorrect(3) });
    const unbiased = await exerciseChecks['instance-norm'](instanceNormWith('unbiased'), zh);
    expect(unbiased.passed).toBe(false);
    expect(unbiased.message).toMatch(/^在一个形状为 \[1, 4, 4, 2\]、epsilon = 0\.00001 的随机 x 上：你的 σ 大了 3\.2\d* %：是不是除以了 n − 1？/);
    const swapped = await exerciseChecks.adain(adainWith('swapped'), zh);
    expect(swapped.message).toContain(zh.styleShape);
    const missing = await exerciseChecks.adain(undefined as unknown as Solution, zh);
    expect(missing.message).toBe('请定义一个名为 adain 的函数，然后再按一次“检查”。');
  });
});
