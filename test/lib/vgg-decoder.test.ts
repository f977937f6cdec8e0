import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { adain } from '../../src/lib/adain';
import { psnr, referenceTensor, useTestModel } from './fixtures';
import { runNetwork } from '../../src/lib/layers';

describe('VGG decoder', () => {
  const vgg = useTestModel('vgg');

  it('reconstructs chelsea from the reference relu4_1 as the reference does (decode(AdaIN(f(c), f(c))))', () => {
    const features = referenceTensor('chelsea_256_relu4_1');
    const expected = referenceTensor('chelsea_256_reconstructed');
    const target = adain(features, features);
    const image = runNetwork(vgg.model.decoder, target);
    expect(image.shape).toEqual([1, 256, 256, 3]);
    const db = psnr(image, expected);
    console.info(`reconstruction vs reference: ${db.toFixed(1)} dB`);
    expect(db).toBeGreaterThan(40);
    const [min, max] = [image.min().dataSync()[0]!, image.max().dataSync()[0]!];
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(255);
    tf.dispose([features, expected, target, image]);
  });

  it('rejects features that are not [1,h,w,512] and leaves no tensors behind', () => {
    const wrong = tf.zeros([1, 4, 4, 256]) as tf.Tensor4D;
    expect(() => runNetwork(vgg.model.decoder, wrong)).toThrow(RangeError);
    const features = tf.randomUniform([1, 4, 4, 512], 0, 2, 'float32', 7) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) runNetwork(vgg.model.decoder, features).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([wrong, features]);
  });
});
