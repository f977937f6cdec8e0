import type { LessonNotebook } from '../types';

/** Lesson 5: the style-based generator: z → w, truncation, and AdaIN with styles from w. */
export default {
  cells: [
    {
      id: 'z-to-w',
      title: 'From a seed to z, w and a face',
      code: `// The project's generator: z and w have 128 numbers each; there are
// 8 AdaIN layers, and each can take its own w.
const generator = await models.generator();
const { numWs, zDim } = generator.config;
// one z per seed, drawn from N(0, I)
const z = latentsFromSeeds([3], zDim);
// the mapping network: 8 dense layers
const w = mapLatents(generator, z);
print('z:', z.shape, ' w:', w.shape, ' layers with their own w:', numWs);
// the same w for every layer: [1, numWs, 128]
const ws = layerLatents(w, null, 0, numWs);
const face = synthesize(generator, ws, { range: 'bytes' });
await image(face.images);
disposeSynthesisResult(face);
tf.dispose([z, ws]);`,
    },
    {
      id: 'one-block',
      title: 'One AdaIN layer by hand',
      code: `// Record layer 2 and redo its AdaIN with tf ops:
// y_s = w·A_s + b_s and y_b = w·A_b + b_b, then
// y_s · (x − μ(x)) / √(σ²(x) + ε) + y_b per channel, over H and W.
const wPerLayer = layerLatents(w, null, 0, numWs);
const recorded = synthesize(generator, wPerLayer, { record: true });
const layer = recorded.layers[2];
const weights = generator.layers[2];
const gap = tf.tidy(() => {
  const ys = w.matMul(weights.styleScale.kernel).add(weights.styleScale.bias);
  const yb = w.matMul(weights.styleBias.kernel).add(weights.styleBias.bias);
  const x = layer.beforeAdain;
  const [n, , , c] = x.shape;
  const { mean, variance } = tf.moments(x, [1, 2], true);
  const epsilon = generator.config.adainEpsilon;
  const normalised = x.sub(mean).div(variance.add(epsilon).sqrt());
  const byHand = normalised.mul(ys.reshape([n, 1, 1, c]))
    .add(yb.reshape([n, 1, 1, c]));
  return byHand.sub(layer.afterAdain).abs().max();
});
print('layer 2, largest difference:', (await gap.data())[0]);
const after = channelStatistics(layer.afterAdain);
print('channel means after AdaIN:', (await after.mean.data()).slice(0, 4));
print('y_b of the same channels:', (await layer.styleBias.data()).slice(0, 4));
tf.dispose([gap, after.mean, after.std, wPerLayer]);
disposeSynthesisResult(recorded);`,
      pytorch: `# training/stylegan.py, one styled layer and adain(), shortened:
x = conv(x) + noise * noise_strength[None, :, None, None]
x = F.leaky_relu(x + bias[None, :, None, None], 0.2)
y_s, y_b = style_scale(w), style_bias(w)          # [N, C] each
mean = x.mean(dim=(2, 3), keepdim=True)
variance = (x - mean).pow(2).mean(dim=(2, 3), keepdim=True)
x_hat = (x - mean) * torch.rsqrt(variance + 1e-5)
x = y_s[:, :, None, None] * x_hat + y_b[:, :, None, None]`,
    },
    {
      id: 'truncation-faces',
      title: 'Truncation: pull w towards the average',
      code: `// w' = w̄ + ψ · (w − w̄) for six seeds. ψ = 1 keeps w; ψ = 0 gives
// every seed the average w̄.
const seeds = [1, 2, 3, 4, 5, 6];
const manyW = tf.tidy(() => mapLatents(generator, latentsFromSeeds(seeds, zDim)));
for (const psi of [1, 0.7, 0.3, 0]) {
  const row = tf.tidy(() => {
    const truncated = truncate(generator, manyW, psi);
    const ws = layerLatents(truncated, null, 0, numWs);
    const { images } = synthesize(generator, ws, { range: 'bytes' });
    // six 32 × 32 faces side by side
    return tf.concat(tf.unstack(images), 1);
  });
  print('ψ =', psi);
  await image(row);
  row.dispose();
}
manyW.dispose();`,
    },
  ],
  exercises: [
    {
      id: 'truncation',
      title: 'Write truncation',
      task: 'Write truncateByHand(w, wAvg, psi). w has shape [N, wDim] and wAvg (the average w̄) has shape [wDim]. Return w̄ + ψ · (w − w̄) for every row of w. The check compares with the library for ψ = 0.7, 0.5 and 1.3.',
      starter: `function truncateByHand(w, wAvg, psi) {
  return w;
}`,
      solution: `function truncateByHand(w, wAvg, psi) {
  return wAvg.add(w.sub(wAvg).mul(psi));
}`,
      entry: 'truncateByHand',
      check: 'truncation',
      pytorch: `def truncate(w, w_avg, psi):       # w: [N, w_dim], w_avg: [w_dim]
    return w_avg + psi * (w - w_avg)   # = torch.lerp(w_avg, w, psi)`,
    },
    {
      id: 'style-adain',
      title: "StyleGAN's AdaIN",
      task: 'Write styleAdain(x, ys, yb, epsilon). x has shape [N, H, W, C]; ys and yb have shape [N, C]. Normalise every channel of x over H and W (population variance, epsilon inside the square root), multiply by ys and add yb. ys and yb need the shape [N, 1, 1, C] to line up with x.',
      starter: `function styleAdain(x, ys, yb, epsilon) {
  const [n, , , c] = x.shape;
  const { mean, variance } = tf.moments(x, [1, 2], true);
  return x;
}`,
      solution: `function styleAdain(x, ys, yb, epsilon) {
  const [n, , , c] = x.shape;
  const { mean, variance } = tf.moments(x, [1, 2], true);
  const normalised = x.sub(mean).div(variance.add(epsilon).sqrt());
  return normalised.mul(ys.reshape([n, 1, 1, c]))
    .add(yb.reshape([n, 1, 1, c]));
}`,
      entry: 'styleAdain',
      check: 'style-adain',
      pytorch: `def style_adain(x, y_s, y_b, eps):     # x: [N, C, H, W]; y_s, y_b: [N, C]
    x = F.instance_norm(x, eps=eps)
    return y_s[:, :, None, None] * x + y_b[:, :, None, None]`,
    },
  ],
  questions: [
    {
      id: 'psi-zero',
      prompt: 'Set ψ = 0 and change the seed. What happens to the face?',
      choices: ['Nothing: every seed gives the same average face', 'It changes completely', 'Only the colours change', 'The image turns grey'],
      answer: 0,
      explanation:
        "With ψ = 0, w' = w̄ for every seed. All layers get the same styles, so the face is the same. Only the noise, which comes from the seed, can still change small details.",
      lab: { label: 'Open the block lab with ψ = 0', href: '?block-psi=0&block-seed=3#inside-one-block' },
    },
    {
      id: 'after-adain-statistics',
      prompt: 'After the AdaIN of a layer, what are the mean and σ of channel c?',
      choices: ['y_b and |y_s| of channel c', '0 and 1', 'The mean and σ before AdaIN', 'The mean and σ of the learned constant'],
      answer: 0,
      explanation:
        "AdaIN normalises each channel to mean 0 and σ ≈ 1, then multiplies by y_s and adds y_b. So the statistics come from w, through the layer's affine map. A negative y_s flips the channel, so its σ is |y_s|.",
      lab: { label: 'Open the block lab on layer 2', href: '?block-layer=2&block-channel=0#inside-one-block' },
    },
    {
      id: 'noise-off',
      prompt: "Switch the noise off. Does a layer's output still vary from pixel to pixel?",
      choices: [
        'Yes: the convolutions of the constant and upsampled features give structure',
        'No: every channel becomes constant',
        'Only in the first layer',
        'Only after toRGB',
      ],
      answer: 0,
      explanation:
        'The noise only adds small random detail. The structure of the face comes from the learned constant and the convolutions, which AdaIN scales per channel.',
      lab: { label: 'Open the block lab with the noise off', href: '?block-noise=0&block-layer=4#inside-one-block' },
    },
  ],
} satisfies LessonNotebook;
