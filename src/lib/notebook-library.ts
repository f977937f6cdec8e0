import * as tf from '@tensorflow/tfjs';
import { groupMoments, normalise, batchNormTrain, batchNormInference, initialRunningStatistics } from './norm';
import { adain, adainFromStatistics, channelStatistics } from './adain';
import { fromNHWC, readNHWC } from './layout';
import { latentsFromSeeds, mapLatents, truncate } from './mapping';
import { layerLatents, mixingGridLatents, noiseFromSeeds, synthesize, disposeSynthesisResult } from './synthesis';

/**
 * The project's own functions a notebook cell can call by name, with `tf` (the runtime adds models, images
 * and the display helpers). One list, so the worker and the tests that run cells in Node agree.
 */
export const notebookLibrary = {
  tf,
  normalise,
  groupMoments,
  batchNormTrain,
  batchNormInference,
  initialRunningStatistics,
  adain,
  adainFromStatistics,
  channelStatistics,
  /** [N,C,H,W] → [N,H,W,C]: the lessons speak NCHW, the library (like tfjs) computes in NHWC. */
  toNHWC: (x: tf.Tensor4D): tf.Tensor4D => x.transpose<tf.Tensor4D>([0, 2, 3, 1]),
  /** [N,H,W,C] → [N,C,H,W], e.g. for show(). */
  toNCHW: (x: tf.Tensor4D): tf.Tensor4D => x.transpose<tf.Tensor4D>([0, 3, 1, 2]),
  fromNHWC,
  readNHWC,
  latentsFromSeeds,
  mapLatents,
  truncate,
  layerLatents,
  mixingGridLatents,
  noiseFromSeeds,
  synthesize,
  disposeSynthesisResult,
};
