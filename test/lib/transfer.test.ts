import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelStatistics } from '../../src/lib/adain';
import { runNetwork, TransferAbortedError, type StepProgress } from '../../src/lib/layers';
import { adainTarget, disposeStyle, encodeStyle, transfer, transferAsync, type EncodedStyle } from '../../src/lib/transfer';
import { maxAbsDiff, psnr, referenceTensor, syntheticImage, useTestModel, useWasm } from './fixtures';

function relativeError(actual: tf.Tensor, expected: tf.Tensor): number {
  return tf.tidy(() => actual.sub(expected).abs().max().div(expected.abs().max()).dataSync()[0]!);
}

/** Features-like test tensor (non-negative, varied per channel). */
function randomFeatures(seed: number, size = 8): tf.Tensor4D {
  return tf.tidy(
    () =>
      tf
        .randomUniform([1, size, size, 512], 0, 1, 'float32', seed)
        .square()
        .mul(tf.randomUniform([512], 0.5, 4, 'float32', seed + 1)) as tf.Tensor4D,
  );
}

function styleOf(features: tf.Tensor4D): EncodedStyle {
  return { statistics: channelStatistics(features), colorPreservation: 'none' };
}

describe('AdaIN target controls', () => {
  beforeAll(useWasm);

  it('α = 1 gives the style channel statistics, α = 0 the content features', () => {
    const content = randomFeatures(1);
    const styleFeatures = randomFeatures(3);
    const style = styleOf(styleFeatures);
    const full = adainTarget(content, [{ style }], { alpha: 1 });
    const { mean, std } = channelStatistics(full);
    expect(relativeError(mean, style.statistics.mean)).toBeLessThan(1e-3);
    expect(relativeError(std, style.statistics.std)).toBeLessThan(1e-3);
    const none = adainTarget(content, [{ style }], { alpha: 0 });
    expect(maxAbsDiff(none, content)).toBe(0);
    const half = adainTarget(content, [{ style }], { alpha: 0.5 });
    expect(maxAbsDiff(half, full.add(content).div(2))).toBeLessThan(1e-5);
    tf.dispose([content, styleFeatures, full, mean, std, none, half]);
    disposeStyle(style);
  });

  it('style weights (1, 0) equal the single style; (½, ½) mixes the target statistics', () => {
    const content = randomFeatures(5);
    const [a, b] = [randomFeatures(7), randomFeatures(9)];
    const [styleA, styleB] = [styleOf(a), styleOf(b)];
    const single = adainTarget(content, [{ style: styleA }]);
    const weighted = adainTarget(content, [
      { style: styleA, weight: 1 },
      { style: styleB, weight: 0 },
    ]);
    expect(maxAbsDiff(single, weighted)).toBeLessThan(1e-5);
    const mixed = adainTarget(content, [
      { style: styleA, weight: 0.5 },
      { style: styleB, weight: 0.5 },
    ]);
    const expectedMean = styleA.statistics.mean.add(styleB.statistics.mean).div(2);
    const mixedStats = channelStatistics(mixed);
    expect(relativeError(mixedStats.mean, expectedMean)).toBeLessThan(1e-3);
    expect(() =>
      adainTarget(content, [
        { style: styleA, weight: 0.7 },
        { style: styleB, weight: 0.7 },
      ]),
    ).toThrow(RangeError);
    tf.dispose([content, a, b, single, weighted, mixed, expectedMean, mixedStats.mean, mixedStats.std]);
    disposeStyle(styleA);
    disposeStyle(styleB);
  });

  it('an all-one mask equals the single style; a half mask styles its region with that region’s content statistics', () => {
    const content = randomFeatures(11);
    const [a, b] = [randomFeatures(13), randomFeatures(15)];
    const [styleA, styleB] = [styleOf(a), styleOf(b)];
    const single = adainTarget(content, [{ style: styleA }]);
    const ones = tf.ones([64, 64]) as tf.Tensor2D;
    const masked = adainTarget(content, [{ style: styleA, mask: ones }]);
    expect(maxAbsDiff(single, masked)).toBeLessThan(1e-4);

    const left = tf.tidy(() => tf.concat([tf.ones([8, 4]), tf.zeros([8, 4])], 1)) as tf.Tensor2D;
    const right = tf.tidy(() => tf.scalar(1).sub(left)) as tf.Tensor2D;
    const split = adainTarget(content, [
      { style: styleA, mask: left },
      { style: styleB, mask: right },
    ]);
    const leftHalf = split.slice([0, 0, 0, 0], [1, 8, 4, 512]);
    const rightHalf = split.slice([0, 0, 4, 0], [1, 8, 4, 512]);
    const regionA = adainTarget(content.slice([0, 0, 0, 0], [1, 8, 4, 512]), [{ style: styleA }]);
    const regionB = adainTarget(content.slice([0, 0, 4, 0], [1, 8, 4, 512]), [{ style: styleB }]);
    expect(maxAbsDiff(leftHalf, regionA)).toBeLessThan(1e-4);
    expect(maxAbsDiff(rightHalf, regionB)).toBeLessThan(1e-4);
    tf.dispose([content, a, b, single, ones, masked, left, right, split, leftHalf, rightHalf, regionA, regionB]);
    disposeStyle(styleA);
    disposeStyle(styleB);
  });
});

describe('style transfer with the VGG pair', () => {
  const vgg = useTestModel('vgg');

  it('stylises chelsea with brick at 256² as the reference (α = 1), reporting μ/σ for charts', () => {
    const content = referenceTensor('chelsea_256_rgb');
    const styleImage = referenceTensor('brick_256_rgb');
    const expected = referenceTensor('chelsea_brick_256_stylised');
    const style = encodeStyle(vgg.model, styleImage);
    const { image, statistics } = transfer(vgg.model, content, [{ style }]);
    const db = psnr(image, expected);
    console.info(`stylised vs reference: ${db.toFixed(1)} dB`);
    expect(db).toBeGreaterThan(40);
    expect(statistics.content.mean.length).toBe(512);
    const styleMean = style.statistics.mean.dataSync();
    const worst = statistics.target.mean.reduce((m, v, c) => Math.max(m, Math.abs(v - styleMean[c]!)), 0);
    expect(worst).toBeLessThan(1e-3 * Math.max(...styleMean));
    tf.dispose([content, styleImage, expected, image]);
    disposeStyle(style);
  });

  it('reports the style statistics AdaIN applied: Σ wₖ·(μₖ, σₖ) when mixing, none with masks', () => {
    const content = syntheticImage(64, 1);
    const [styleA, styleB] = [encodeStyle(vgg.model, syntheticImage(64, 2)), encodeStyle(vgg.model, syntheticImage(64, 3))];
    const before = tf.memory().numTensors;
    const mixedRun = transfer(vgg.model, content, [
      { style: styleA, weight: 0.25 },
      { style: styleB, weight: 0.75 },
    ]);
    const [a, b] = mixedRun.statistics.styles;
    const { mixed } = mixedRun.statistics;
    expect(mixed).not.toBeNull();
    for (let c = 0; c < 512; c++) {
      expect(mixed!.mean[c]).toBeCloseTo(0.25 * a!.mean[c]! + 0.75 * b!.mean[c]!, 4);
      expect(mixed!.std[c]).toBeCloseTo(0.25 * a!.std[c]! + 0.75 * b!.std[c]!, 4);
    }
    const left = tf.tidy(() => tf.concat([tf.ones([64, 32]), tf.zeros([64, 32])], 1)) as tf.Tensor2D;
    const right = tf.tidy(() => tf.scalar(1).sub(left)) as tf.Tensor2D;
    const maskedRun = transfer(vgg.model, content, [
      { style: styleA, mask: left },
      { style: styleB, mask: right },
    ]);
    expect(maskedRun.statistics.mixed).toBeNull();
    tf.dispose([mixedRun.image, maskedRun.image, left, right]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(content);
    disposeStyle(styleA);
    disposeStyle(styleB);
  });

  it('α = 0 gives the reconstruction of the content', () => {
    const content = syntheticImage(64, 1);
    const styleImage = syntheticImage(64, 6);
    const style = encodeStyle(vgg.model, styleImage);
    const { image } = transfer(vgg.model, content, [{ style }], { alpha: 0 });
    const features = runNetwork(vgg.model.encoder, content);
    const reconstruction = runNetwork(vgg.model.decoder, features);
    expect(maxAbsDiff(image, reconstruction)).toBeLessThan(1e-3);
    tf.dispose([content, styleImage, image, features, reconstruction]);
    disposeStyle(style);
  });

  it('leaves tf.memory().numTensors unchanged over repeated transfers', () => {
    const content = syntheticImage(32, 2);
    const styleImage = syntheticImage(32, 3);
    const mask = tf.ones([32, 32]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const style = encodeStyle(vgg.model, styleImage, { colorPreservation: { mode: i === 1 ? 'luminance' : 'colorStatistics', content } });
      transfer(vgg.model, content, [{ style, mask }], { alpha: 0.7 }).image.dispose();
      disposeStyle(style);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([content, styleImage, mask]);
  });

  it('async transfer reports every layer and can be cancelled without leaking', async () => {
    const content = syntheticImage(32, 4);
    const style = encodeStyle(vgg.model, syntheticImage(32, 5));
    const progress: StepProgress[] = [];
    const before = tf.memory().numTensors;
    const { image } = await transferAsync(vgg.model, content, [{ style }], { onProgress: (p) => progress.push(p) });
    const total = vgg.model.encoder.steps.length + vgg.model.decoder.steps.length;
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const synchronous = transfer(vgg.model, content, [{ style }]).image;
    expect(maxAbsDiff(image, synchronous)).toBeLessThan(1e-3);
    tf.dispose([image, synchronous]);

    const controller = new AbortController();
    const run = transferAsync(vgg.model, content, [{ style }], { signal: controller.signal, onProgress: (p) => p.done === 5 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(TransferAbortedError);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(content);
    disposeStyle(style);
  });
});
