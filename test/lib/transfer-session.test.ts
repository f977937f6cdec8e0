import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentLoss, styleLoss } from '../../src/lib/losses';
import { TransferAbortedError, type StepProgress } from '../../src/lib/layers';
import { disposeModel, type StyleTransferModel } from '../../src/lib/models';
import { adainTarget, disposeStyle, encodeStyle, transfer, type ColorPreservation, type StyleInput } from '../../src/lib/transfer';
import { TransferSession, type SessionRequest } from '../../src/lib/transfer-session';
import type { LoadProgress } from '../../src/lib/weights';
import { vggFeatures } from '../../src/lib/vgg-encoder';
import { loadTestModel, maxAbsDiff, syntheticImage, useWasm } from './fixtures';

/**
 * TransferSession against transfer.ts: for the same images it must give the same image and statistics
 * as transfer() (encoded afresh each time), whether its encodings come from its cache or not, and it must
 * keep exactly its cached encodings alive between runs.
 */

const SIZE = 32;
let model: StyleTransferModel;
let loads = 0;
const newSession = () =>
  new TransferSession(async () => {
    loads += 1;
    return model;
  });

/** Pixels of the test images, by seed; the session gets a new tensor each time it asks. */
const image = (seed: number) => () => syntheticImage(SIZE, seed);

function request(overrides: Partial<SessionRequest> = {}): SessionRequest {
  return {
    model: 'vgg',
    contentKey: 'content-1',
    content: image(1),
    styles: [{ key: 'style-2', image: image(2), weight: 1 }],
    alpha: 1,
    color: 'none',
    ...overrides,
  };
}

const twoStyles = (weights: [number, number]) => [
  { key: 'style-2', image: image(2), weight: weights[0] },
  { key: 'style-3', image: image(3), weight: weights[1] },
];

/** The two styles with masks: the left half of the image for the first, the right half for the second. */
function maskedStyles(): SessionRequest['styles'] {
  const left = new Float32Array(SIZE * SIZE).map((_, i) => (i % SIZE < SIZE / 2 ? 1 : 0));
  return twoStyles([0, 0]).map((style, k) => ({ ...style, mask: k === 0 ? left : left.map((v) => 1 - v) }));
}

/** transfer.ts's result for the request, each image encoded afresh. */
function reference(run: SessionRequest): { image: tf.Tensor4D; statistics: ReturnType<typeof transfer>['statistics'] } {
  const content = run.content();
  const colorPreservation = (mode: ColorPreservation) => (mode === 'none' ? {} : { colorPreservation: { mode, content } });
  const inputs: StyleInput[] = run.styles.map((style) => {
    const styleImage = style.image();
    const encoded = encodeStyle(model, styleImage, colorPreservation(run.color));
    styleImage.dispose();
    return style.mask ? { style: encoded, mask: tf.tensor2d(style.mask, [SIZE, SIZE]) } : { style: encoded, weight: style.weight };
  });
  const result = transfer(model, content, inputs, { alpha: run.alpha });
  content.dispose();
  for (const input of inputs) {
    disposeStyle(input.style);
    input.mask?.dispose();
  }
  return result;
}

const keep = async (result: tf.Tensor4D) => result.clone();

async function expectSameAsTransfer(session: TransferSession, run: SessionRequest, cached: boolean): Promise<void> {
  const result = await session.run(run, keep);
  const expected = reference(run);
  expect(result.cached).toBe(cached);
  expect(maxAbsDiff(result.output, expected.image)).toBe(0);
  expect(result.statistics).toEqual(expected.statistics);
  tf.dispose([result.output, expected.image]);
}

describe('TransferSession', () => {
  beforeAll(async () => {
    await useWasm();
    model = await loadTestModel('vgg');
  });
  afterAll(() => {
    if (model) disposeModel(model);
  });

  it('gives transfer()’s image and statistics: one style, a mix, masks, α, both colour preservations', async () => {
    const cases: SessionRequest[] = [
      request(),
      request({ styles: twoStyles([0.25, 0.75]), alpha: 0.6 }),
      request({ styles: maskedStyles() }),
      request({ color: 'colorStatistics', alpha: 0.8 }),
      request({ color: 'luminance', styles: twoStyles([0.5, 0.5]) }),
    ];
    for (const run of cases) await expectSameAsTransfer(newSession(), run, false);
  });

  it('reuses cached encodings when only α, weights or masks change, with the same numbers as afresh', async () => {
    const session = newSession();
    const first = request({ styles: twoStyles([0.5, 0.5]) });
    await expectSameAsTransfer(session, first, false);
    await expectSameAsTransfer(session, { ...first, alpha: 0.3 }, true);
    await expectSameAsTransfer(session, { ...first, styles: twoStyles([0.9, 0.1]) }, true);
    await expectSameAsTransfer(session, { ...first, styles: maskedStyles() }, true);
    // A new content image needs encoding, and with colour preservation the styles too (they are recoloured to it).
    await expectSameAsTransfer(session, { ...first, contentKey: 'content-4', content: image(4) }, false);
    await expectSameAsTransfer(session, { ...first, contentKey: 'content-4', content: image(4), color: 'colorStatistics' }, false);
    await expectSameAsTransfer(session, { ...first, contentKey: 'content-4', content: image(4), color: 'colorStatistics', alpha: 0.5 }, true);
    expect(loads).toBeGreaterThan(0);
  });

  it('counts one bar over the encodings a run needs and the decoder', async () => {
    const session = newSession();
    const encoderSteps = model.encoder.steps.length;
    const decoderSteps = model.decoder.steps.length;
    const totals = async (run: SessionRequest) => {
      const reports: StepProgress[] = [];
      const result = await session.run({ ...run, onLayerProgress: (progress) => reports.push(progress) }, keep);
      result.output.dispose();
      expect(reports.map((p) => p.done)).toEqual(reports.map((_, k) => k + 1));
      return reports.map((p) => p.total);
    };
    const first = await totals(request({ styles: twoStyles([0.5, 0.5]) }));
    expect(new Set(first)).toEqual(new Set([3 * encoderSteps + decoderSteps]));
    expect(first).toHaveLength(3 * encoderSteps + decoderSteps);
    const again = await totals(request({ styles: twoStyles([0.2, 0.8]) }));
    expect(again).toEqual(Array(decoderSteps).fill(decoderSteps));
    session.clearEncodings();
  });

  it('prepares a run ahead: encodes what it needs, so that the run is the decoder only, with transfer()’s image', async () => {
    const session = newSession();
    await session.model('vgg');
    const before = tf.memory().numTensors;
    const run = request({ styles: twoStyles([0.5, 0.5]) });
    const reports: StepProgress[] = [];
    await session.prepare({ ...run, onLayerProgress: (progress) => reports.push(progress) });
    expect(reports.map((p) => [p.done, p.total])).toEqual(reports.map((_, k) => [k + 1, 3 * model.encoder.steps.length]));
    // The content's image and features, and each style's μ and σ, are kept for the run; nothing else.
    expect(tf.memory().numTensors - before).toBe(2 + 2 * 2);
    const decoderSteps = model.decoder.steps.length;
    const runReports: StepProgress[] = [];
    await expectSameAsTransfer(session, { ...run, onLayerProgress: (progress) => runReports.push(progress) }, true);
    expect(runReports.map((p) => p.total)).toEqual(Array(decoderSteps).fill(decoderSteps));
    // Preparing what is cached does nothing; a cancelled preparation keeps nothing new.
    await session.prepare(run);
    expect(tf.memory().numTensors - before).toBe(2 + 2 * 2);
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(session.prepare({ ...request({ contentKey: 'content-4', content: image(4) }), signal: cancelled.signal })).rejects.toBeInstanceOf(
      TransferAbortedError,
    );
    session.clearEncodings();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('measures the paper’s losses of a result as losses.ts does from scratch', async () => {
    const session = newSession();
    const run = request({ styles: twoStyles([0.5, 0.5]), alpha: 0.7 });
    const result = await session.run(run, keep);
    const losses = await session.measureLosses(run, result.output);
    const [content, styleA, styleB] = [run.content(), run.styles[0]!.image(), run.styles[1]!.image()];
    const [encodedA, encodedB] = [encodeStyle(model, styleA), encodeStyle(model, styleB)];
    const expected = tf.tidy(() => {
      const target = adainTarget(
        vggFeatures(model.encoder, content).relu4_1,
        [
          { style: encodedA, weight: 0.5 },
          { style: encodedB, weight: 0.5 },
        ],
        { alpha: 0.7 },
      );
      const output = vggFeatures(model.encoder, result.output);
      return [
        contentLoss(output.relu4_1, target),
        styleLoss(output, vggFeatures(model.encoder, styleA)),
        styleLoss(output, vggFeatures(model.encoder, styleB)),
      ].map((loss) => loss.dataSync()[0]!);
    });
    expect(losses!.content).toBeCloseTo(expected[0]!, 4);
    expect(losses!.style[0]).toBeCloseTo(expected[1]!, 3);
    expect(losses!.style[1]).toBeCloseTo(expected[2]!, 3);
    expect(await session.measureLosses({ ...run, model: 'mobile' }, result.output)).toBeUndefined();
    tf.dispose([content, styleA, styleB, result.output]);
    [encodedA, encodedB].forEach(disposeStyle);
    session.clearEncodings();
  });

  it('keeps only its cached encodings between runs, frees them on clearEncodings, and cleans up a cancelled run', async () => {
    const session = newSession();
    await session.model('vgg');
    const before = tf.memory().numTensors;
    const run = request({ styles: twoStyles([0.5, 0.5]) });
    // Content image and features (2), two styles' μ and σ (4), two styles' loss statistics at four layers (16).
    const cachedTensors = 2 + 2 * 2 + 2 * 4 * 2;
    for (const alpha of [1, 0.5, 0.25, 1]) {
      const result = await session.run({ ...run, alpha }, async (output) => output.shape);
      expect(result.output).toEqual([1, SIZE, SIZE, 3]);
      const scored = syntheticImage(SIZE, 9);
      await session.measureLosses({ ...run, alpha }, scored);
      scored.dispose();
      expect(tf.memory().numTensors - before).toBe(cachedTensors);
    }
    session.clearEncodings();
    expect(tf.memory().numTensors).toBe(before);

    const cancelled = new AbortController();
    cancelled.abort();
    await expect(session.run({ ...run, signal: cancelled.signal }, keep)).rejects.toBeInstanceOf(TransferAbortedError);
    expect(tf.memory().numTensors).toBe(before);
    const abortAt = async (step: number) => {
      const controller = new AbortController();
      const onLayerProgress = ({ done }: StepProgress) => {
        if (done === step) controller.abort();
      };
      await expect(session.run({ ...run, signal: controller.signal, onLayerProgress }, keep)).rejects.toBeInstanceOf(TransferAbortedError);
      return tf.memory().numTensors - before;
    };
    // Cancelled while encoding the content: nothing is kept. While decoding: the finished encodings are.
    expect(await abortAt(3)).toBe(0);
    expect(await abortAt(3 * model.encoder.steps.length + 2)).toBe(2 + 2 * 2);
    session.clearEncodings();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('loads a model once; a caller that asks during the download hears the bytes so far, then the rest', async () => {
    let report: (progress: LoadProgress) => void = () => undefined;
    let finish: (loaded: StyleTransferModel) => void = () => undefined;
    let started = 0;
    const session = new TransferSession((_kind, onProgress) => {
      started += 1;
      report = onProgress ?? report;
      return new Promise((resolve) => (finish = resolve));
    });
    const early: LoadProgress[] = [];
    const late: LoadProgress[] = [];
    const ahead = session.model('mobile', (progress) => early.push(progress));
    report({ loadedBytes: 1, totalBytes: 4 });
    const run = session.model('mobile', (progress) => late.push(progress));
    report({ loadedBytes: 4, totalBytes: 4 });
    expect(session.hasModel('mobile')).toBe(false);
    finish(model);
    expect(await run).toBe(model);
    expect(await ahead).toBe(model);
    expect(started).toBe(1);
    expect(session.hasModel('mobile')).toBe(true);
    expect(session.hasModel('vgg')).toBe(false);
    expect(early).toEqual([
      { loadedBytes: 1, totalBytes: 4 },
      { loadedBytes: 4, totalBytes: 4 },
    ]);
    expect(late).toEqual(early);
  });

  it('forgets a failed load, so that the next request loads again', async () => {
    let attempts = 0;
    const session = new TransferSession(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return model;
    });
    await expect(session.model('vgg')).rejects.toThrow('offline');
    expect(await session.model('vgg')).toBe(model);
    expect(attempts).toBe(2);
  });
});
