import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { encodeStyle, disposeStyle, transfer } from '../../src/lib/transfer';
import { psnr, syntheticImage, useTestModel } from './fixtures';
import { runNetwork } from '../../src/lib/layers';

// Numerical agreement with the raw graphs is checked in test/scripts/prepare-models.test.ts.
describe('mobile encoder/decoder pair', () => {
  const mobile = useTestModel('mobile');

  it('maps [1,H,W,3] to [1,H/8,W/8,512] non-negative features and back to a 0..255 image', () => {
    const image = syntheticImage(64, 2);
    const features = runNetwork(mobile.model.encoder, image);
    expect(features.shape).toEqual([1, 8, 8, 512]);
    expect(features.min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    const decoded = runNetwork(mobile.model.decoder, features);
    expect(decoded.shape).toEqual([1, 64, 64, 3]);
    expect(decoded.min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    expect(decoded.max().dataSync()[0]).toBeLessThanOrEqual(255);
    tf.dispose([image, features, decoded]);
  });

  it('self-stylisation reconstructs the content roughly (a distilled student: > 12 dB)', () => {
    const content = syntheticImage(128, 1);
    const style = encodeStyle(mobile.model, content);
    const { image } = transfer(mobile.model, content, [{ style }]);
    const db = psnr(image, content);
    console.info(`mobile self-reconstruction at 128²: ${db.toFixed(1)} dB`);
    expect(db).toBeGreaterThan(12);
    tf.dispose([content, image]);
    disposeStyle(style);
  });
});
