import * as tf from '@tensorflow/tfjs';
import { runNetwork, upsampleNearest2x, type SteppedNetwork } from './layers';

/**
 * The feature space in which scripts/measure-generator.ts compares generated faces with training faces
 * (our choice; the precision-and-recall paper used VGG-16's fc2 at 224²): each image is upscaled 2× by
 * nearest neighbour (32² → 64², so relu4_1 is 8×8 rather than 4×4), encoded by the AdaIN VGG-19 encoder
 * to relu4_1, and each of its 512 channels is pooled to its mean and its standard deviation over H and W
 * (population, as AdaIN's statistics): one 1,024-value row per image, [means…, standard deviations…].
 * Takes images [N, H, W, 3] in 0..255 (H and W multiples of 4), encodes them one at a time, returns [N, 1024].
 */
export function pooledRelu41(encoder: SteppedNetwork, images: tf.Tensor4D): tf.Tensor2D {
  const rows = Array.from({ length: images.shape[0] }, (_, n) =>
    tf.tidy(() => {
      const features = runNetwork(encoder, upsampleNearest2x(images.slice([n, 0, 0, 0], [1, -1, -1, -1])));
      const { mean, variance } = tf.moments(features, [1, 2]);
      return tf.concat([mean.reshape([-1]), variance.sqrt().reshape([-1])]);
    }),
  );
  const pooled = tf.stack(rows) as tf.Tensor2D;
  tf.dispose(rows);
  return pooled;
}
