import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { vggFeatures } from '../../src/lib/vgg-encoder';
import { runNetwork } from '../../src/lib/layers';
import { maxAbsDiff, referenceTensor, syntheticImage, useTestModel } from './fixtures';

describe('VGG-19 encoder to relu4_1', () => {
  const vgg = useTestModel('vgg');

  it('matches the reference relu4_1 of chelsea at 256² to float32 round-off', () => {
    const content = referenceTensor('chelsea_256_rgb');
    const expected = referenceTensor('chelsea_256_relu4_1');
    const features = runNetwork(vgg.model.encoder, content);
    expect(features.shape).toEqual([1, 32, 32, 512]);
    const diff = maxAbsDiff(features, expected);
    console.info(`relu4_1 max abs diff: ${diff.toExponential(2)} (features up to ${expected.max().dataSync()[0]!.toFixed(1)})`);
    expect(diff).toBeLessThan(1e-2);
    tf.dispose([content, expected, features]);
  });

  it('exposes relu1_1…relu4_1 with the right shapes, relu4_1 equal to encode()', () => {
    const image = syntheticImage(64, 1);
    const features = vggFeatures(vgg.model.encoder, image);
    const encoded = runNetwork(vgg.model.encoder, image);
    expect(features.relu1_1.shape).toEqual([1, 64, 64, 64]);
    expect(features.relu2_1.shape).toEqual([1, 32, 32, 128]);
    expect(features.relu3_1.shape).toEqual([1, 16, 16, 256]);
    expect(features.relu4_1.shape).toEqual([1, 8, 8, 512]);
    expect(maxAbsDiff(features.relu4_1, encoded)).toBe(0);
    tf.dispose([image, encoded, ...Object.values(features)]);
  });

  it('rejects images whose sides are not multiples of 8', () => {
    const image = tf.zeros([1, 60, 64, 3]) as tf.Tensor4D;
    expect(() => runNetwork(vgg.model.encoder, image)).toThrow(RangeError);
    image.dispose();
  });

  it('leaves no tensors behind', () => {
    const image = syntheticImage(32, 2);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.dispose([runNetwork(vgg.model.encoder, image), ...Object.values(vggFeatures(vgg.model.encoder, image))]);
    expect(tf.memory().numTensors).toBe(before);
    image.dispose();
  });
});
