import * as tf from '@tensorflow/tfjs';

/**
 * Colour preservation for style transfer (Gatys et al. 2016, "Preserving color in neural artistic style
 * transfer", both used by the AdaIN paper's reference code):
 * - colour-statistics transfer: recolour the style image so its RGB mean and covariance equal the
 *   content's, x' = Σc^½ Σs^-½ (x − μs) + μc, before the style is encoded;
 * - luminance-only transfer: stylise the luminance (Y of YIQ) alone and keep the content's chroma (I, Q).
 * Images are [1,H,W,3] RGB 0..255.
 */

type Matrix3 = [number, number, number, number, number, number, number, number, number];

/** NTSC RGB → YIQ (rows Y, I, Q). */
const RGB_TO_YIQ: Matrix3 = [0.299, 0.587, 0.114, 0.595716, -0.274453, -0.321263, 0.211456, -0.522591, 0.311135];

/** Regularises the source covariance so a flat-coloured image (a singular Σ) still gives a finite transform; in (0..255)² units. */
const COVARIANCE_EPSILON = 1e-2;

function multiply3(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Array<number>(9).fill(0) as Matrix3;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c]! += a[r * 3 + k]! * b[k * 3 + c]!;
  return out;
}

function invert3(m: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const cofactors: Matrix3 = [
    e * i - f * h,
    c * h - b * i,
    b * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  ];
  const det = a * cofactors[0] + b * cofactors[3] + c * cofactors[6];
  return cofactors.map((v) => v / det) as Matrix3;
}

/** Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations: m = V·diag(values)·Vᵀ. */
export function symmetricEigen3(m: Matrix3): { values: [number, number, number]; vectors: Matrix3 } {
  const a = [...m] as Matrix3;
  const v: Matrix3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (let sweep = 0; sweep < 50; sweep++) {
    const offDiagonal = a[1] ** 2 + a[2] ** 2 + a[5] ** 2;
    if (offDiagonal < 1e-30 * (a[0] ** 2 + a[4] ** 2 + a[8] ** 2 + 1e-300)) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = a[p * 3 + q]!;
      if (apq === 0) continue;
      const theta = (a[q * 3 + q]! - a[p * 3 + p]!) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const cos = 1 / Math.sqrt(t * t + 1);
      const sin = t * cos;
      for (let k = 0; k < 3; k++) {
        const akp = a[k * 3 + p]!;
        const akq = a[k * 3 + q]!;
        a[k * 3 + p] = cos * akp - sin * akq;
        a[k * 3 + q] = sin * akp + cos * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p * 3 + k]!;
        const aqk = a[q * 3 + k]!;
        a[p * 3 + k] = cos * apk - sin * aqk;
        a[q * 3 + k] = sin * apk + cos * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k * 3 + p]!;
        const vkq = v[k * 3 + q]!;
        v[k * 3 + p] = cos * vkp - sin * vkq;
        v[k * 3 + q] = sin * vkp + cos * vkq;
      }
    }
  }
  return { values: [a[0], a[4], a[8]], vectors: v };
}

/** m^power for a symmetric positive definite 3×3 matrix (power ½ or −½ here). */
export function symmetricPower3(m: Matrix3, power: number): Matrix3 {
  const { values, vectors: v } = symmetricEigen3(m);
  const out = new Array<number>(9).fill(0) as Matrix3;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      for (let k = 0; k < 3; k++) out[r * 3 + c]! += v[r * 3 + k]! * Math.max(values[k]!, 1e-12) ** power * v[c * 3 + k]!;
    }
  }
  return out;
}

export interface ColorStatistics {
  mean: [number, number, number];
  /** Row-major 3×3 population covariance of the RGB values. */
  covariance: Matrix3;
}

/** Mean and covariance of an image's pixels (reads 12 numbers back). */
export function colorStatistics(image: tf.Tensor4D): ColorStatistics {
  const values = tf.tidy(() => {
    const pixels = image.reshape([-1, 3]);
    const mean = pixels.mean(0);
    const centered = pixels.sub(mean);
    const covariance = tf.matMul(centered, centered, true, false).div(pixels.shape[0]!);
    return tf.concat([mean, covariance.reshape([9])]);
  });
  const data = values.dataSync();
  values.dispose();
  return { mean: [data[0]!, data[1]!, data[2]!], covariance: Array.from(data.subarray(3)) as Matrix3 };
}

/** Applies x' = A·(x − from) + to per pixel, clipped to 0..255. */
function affineColor(image: tf.Tensor4D, matrix: Matrix3, from: readonly number[], to: readonly number[]): tf.Tensor4D {
  return tf.tidy(() => {
    const pixels = image.reshape([-1, 3]).sub(tf.tensor1d([...from]));
    // Row vectors: x'ᵀ = (x − from)ᵀ·Aᵀ.
    const transposed = tf.tensor2d(matrix, [3, 3]).transpose();
    return tf
      .matMul(pixels, transposed)
      .add(tf.tensor1d([...to]))
      .clipByValue(0, 255)
      .reshape(image.shape) as tf.Tensor4D;
  });
}

/** Recolours `source` so its RGB mean and covariance match `reference`'s. */
export function matchColorStatistics(source: tf.Tensor4D, reference: tf.Tensor4D): tf.Tensor4D {
  const s = colorStatistics(source);
  const r = colorStatistics(reference);
  const regularised = s.covariance.map((v, i) => (i % 4 === 0 ? v + COVARIANCE_EPSILON : v)) as Matrix3;
  const transform = multiply3(symmetricPower3(r.covariance, 0.5), symmetricPower3(regularised, -0.5));
  return affineColor(source, transform, s.mean, r.mean);
}

/** Luminance Y (YIQ), [1,H,W,1]. */
export function luminance(image: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.conv2d(image, tf.tensor4d(RGB_TO_YIQ.slice(0, 3), [1, 1, 3, 1]), 1, 'valid'));
}

/**
 * A grey RGB image of `image`'s luminance. With `reference`, the luminance is first shifted and scaled
 * to the reference's luminance mean and standard deviation (so a style's brightness fits the content's).
 */
export function luminanceImage(image: tf.Tensor4D, reference?: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    let y = luminance(image);
    if (reference) {
      const own = tf.moments(y);
      const target = tf.moments(luminance(reference));
      y = y
        .sub(own.mean)
        .mul(target.variance.div(own.variance.add(1e-5)).sqrt())
        .add(target.mean);
    }
    return tf.tile(y.clipByValue(0, 255), [1, 1, 1, 3]) as tf.Tensor4D;
  });
}

/**
 * The stylised image's luminance with the colour image's chroma: in YIQ, replace Y and keep I, Q.
 * A change ΔY alone maps back to RGB along the first column of the YIQ→RGB matrix.
 */
export function combineLuminance(stylised: tf.Tensor4D, colorSource: tf.Tensor4D): tf.Tensor4D {
  const yiqToRgb = invert3(RGB_TO_YIQ);
  const direction = [yiqToRgb[0], yiqToRgb[3], yiqToRgb[6]];
  return tf.tidy(() => {
    const deltaY = luminance(stylised).sub(luminance(colorSource));
    return colorSource.add(deltaY.mul(tf.tensor1d(direction))).clipByValue(0, 255) as tf.Tensor4D;
  });
}
