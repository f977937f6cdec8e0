import type { LessonNotebook } from '../types';

/** Lesson 3: AdaIN(x, y) = σ(y)·(x − μ(x))/σ(x) + μ(y), per image and channel. */
export default {
  cells: [
    {
      id: 'defining-property',
      title: "Check AdaIN's defining property",
      code: `// Any content and any style with the same number of channels;
// their heights and widths may differ.
const content = tf.randomNormal([1, 6, 6, 3], 2, 3, 'float32', 1);
const style = tf.randomNormal([1, 9, 5, 3], -4, 0.5, 'float32', 2);
const out = adain(content, style);
// The defining property: every output channel has the style's mean
// and σ (up to ε = 1e-5, which sits on the content side).
const wanted = channelStatistics(style);
const got = channelStatistics(out);
print('style μ:', await wanted.mean.data());
print('output μ:', await got.mean.data());
print('style σ:', await wanted.std.data());
print('output σ:', await got.std.data());
tf.dispose([out, wanted.mean, wanted.std, got.mean, got.std]);`,
      pytorch: `content = torch.randn(1, 3, 6, 6) * 3 + 2
style = torch.randn(1, 3, 9, 5) * 0.5 - 4
c_mean = content.mean(dim=(2, 3), keepdim=True)
c_std = (content.var(dim=(2, 3), unbiased=False, keepdim=True) + 1e-5).sqrt()
s_mean = style.mean(dim=(2, 3), keepdim=True)
s_std = style.var(dim=(2, 3), unbiased=False, keepdim=True).sqrt()
out = s_std * (content - c_mean) / c_std + s_mean
print(out.mean(dim=(2, 3)), s_mean.flatten())`,
    },
    {
      id: 'colours',
      title: 'AdaIN on the colours of two photos',
      code: `// On pixels the three channels are R, G and B, so AdaIN gives the
// content photo the colour statistics of the style photo.
const photo = await images.load('chelsea');
const palette = await images.load('rocket');
const recoloured = tf.tidy(() => adain(photo, palette).clipByValue(0, 255));
await image(photo);
await image(palette);
await image(recoloured);
tf.dispose([photo, palette, recoloured]);`,
    },
    {
      id: 'swap-sigma',
      title: 'Move only σ, or only μ',
      code: `// AdaIN moves two things: the means and the spreads.
// adainFromStatistics lets you choose them separately.
const c = channelStatistics(content);
const s = channelStatistics(style);
// keep the content's μ, take the style's σ
const onlySigma = adainFromStatistics(content, { mean: c.mean, std: s.std });
// take the style's μ, keep the content's σ
const onlyMean = adainFromStatistics(content, { mean: s.mean, std: c.std });
const results = [['only σ moved', onlySigma], ['only μ moved', onlyMean]];
for (const [name, y] of results) {
  const st = channelStatistics(y);
  print(name, '→ μ', await st.mean.data(), ' σ', await st.std.data());
  tf.dispose([st.mean, st.std]);
}
tf.dispose([c.mean, c.std, s.mean, s.std, onlySigma, onlyMean]);`,
      pytorch: `# the content's mean, the style's spread
only_sigma = s_std * (content - c_mean) / c_std + c_mean
# the content's spread, the style's mean
only_mean = c_std * (content - c_mean) / c_std + s_mean`,
    },
    {
      id: 'which-variance',
      title: "The unofficial port's calc_mean_std",
      code: `// calc_mean_std in the unofficial PyTorch port uses torch's var(),
// which divides by n − 1. Compare its σ with the population σ this
// notebook uses, on 4 × 4 and 32 × 32 feature maps.
for (const size of [4, 32]) {
  const ratio = tf.tidy(() => {
    const feature = tf.randomNormal([1, size, size, 8], 0, 1, 'float32', 1);
    const n = size * size;
    const population = channelStatistics(feature).std;
    const { variance } = tf.moments(feature, [1, 2], true);
    const unbiased = variance.mul(n / (n - 1)).add(1e-5).sqrt();
    return unbiased.div(population).mean();
  });
  const [value] = await ratio.data();
  print(size + ' × ' + size + ': unbiased σ ÷ population σ =', value);
  ratio.dispose();
}`,
      pytorch: `# the unofficial port's helper, in short
def calc_mean_std(feat, eps=1e-5):
    n, c = feat.shape[:2]
    flat = feat.view(n, c, -1)
    var = flat.var(dim=2) + eps   # var() divides by n - 1 by default
    mean = flat.mean(dim=2)
    return mean.view(n, c, 1, 1), var.sqrt().view(n, c, 1, 1)

# the authors' choice: population variance, ε on the content side only
var = feat.view(n, c, -1).var(dim=2, unbiased=False)   # or correction=0`,
    },
  ],
  exercises: [
    {
      id: 'adain',
      title: 'Write AdaIN',
      task: "Write adainByHand(content, style) for tensors of shape [N, H, W, C] (the style may have another H and W). Normalise every channel of the content with its own mean and σ over H and W, then scale by the style's σ and add the style's mean. Use population variances. Put ε = 1e-5 inside the square root on the content side only, as the authors' code does. Its own name keeps the library's adain() for the later cells. The check compares with adain() and so also checks that every output channel gets the style's mean and σ.",
      starter: `function adainByHand(content, style) {
  const c = tf.moments(content, [1, 2], true);
  const s = tf.moments(style, [1, 2], true);
  // σ(y) · (x − μ(x)) / √(σ²(x) + ε) + μ(y)
  return content;
}`,
      solution: `function adainByHand(content, style) {
  const c = tf.moments(content, [1, 2], true);
  const s = tf.moments(style, [1, 2], true);
  const normalised = content.sub(c.mean).div(c.variance.add(1e-5).sqrt());
  return normalised.mul(s.variance.sqrt()).add(s.mean);
}`,
      entry: 'adainByHand',
      check: 'adain',
      pytorch: `def adain(content, style, eps=1e-5):       # [N, C, H, W]
    c_mean = content.mean(dim=(2, 3), keepdim=True)
    c_var = content.var(dim=(2, 3), unbiased=False, keepdim=True)
    c_std = (c_var + eps).sqrt()
    s_mean = style.mean(dim=(2, 3), keepdim=True)
    s_std = style.var(dim=(2, 3), unbiased=False, keepdim=True).sqrt()
    return s_std * (content - c_mean) / c_std + s_mean`,
    },
    {
      id: 'swap-std',
      title: "Take only the style's σ",
      task: "Write swapStd(content, style) for tensors of shape [N, H, W, C]. Like AdaIN, normalise each content channel (population variance, ε = 1e-5 inside the square root) and scale it by the style's σ. But add back the content's own mean, not the style's. The check compares with adainFromStatistics(content, { mean: μ(content), std: σ(style) }).",
      starter: `function swapStd(content, style) {
  const c = tf.moments(content, [1, 2], true);
  const s = tf.moments(style, [1, 2], true);
  return content;
}`,
      solution: `function swapStd(content, style) {
  const c = tf.moments(content, [1, 2], true);
  const s = tf.moments(style, [1, 2], true);
  const normalised = content.sub(c.mean).div(c.variance.add(1e-5).sqrt());
  return normalised.mul(s.variance.sqrt()).add(c.mean);
}`,
      entry: 'swapStd',
      check: 'swap-std',
    },
  ],
  questions: [
    {
      id: 'output-mean',
      prompt: 'After AdaIN, what is the mean of output channel c?',
      choices: ["The style's mean of channel c", "The content's mean of channel c", '0', 'The average of the two means'],
      answer: 0,
      explanation:
        "AdaIN first removes the content's mean (it becomes 0), then adds μ(y). So every output channel has the style's mean. Its σ is the style's too, up to ε.",
      lab: { label: 'Open the lab with AdaIN', href: '?method=adain&shape=1x3x4x4#adain-in-the-lab' },
    },
    {
      id: 'constant-content',
      prompt: "Content channel 0 is constant. What is AdaIN's output in that channel?",
      choices: ["The style's mean, at every position", "A copy of the style's channel", 'The constant itself', 'Not a number'],
      answer: 0,
      explanation:
        "x − μ(x) is 0 everywhere, ε keeps the division finite, so σ(y)·0 + μ(y) = μ(y). The output has the style's mean but not its σ: AdaIN can only rescale variation that the content has.",
      lab: { label: 'Open the lab with a constant content channel', href: '?method=adain&preset=constant&shape=1x3x4x4#adain-in-the-lab' },
    },
    {
      id: 'whose-layout',
      prompt: 'Content and style are patches of two different photos. Whose spatial pattern does the output show?',
      choices: ["The content's", "The style's", 'A mix of both', 'Neither: AdaIN scrambles the pixels'],
      answer: 0,
      explanation:
        "AdaIN only shifts and scales each content channel. The order of the values, and so the pattern, stays the content's. From the style it takes two numbers per channel.",
      lab: { label: 'Open the lab with photo patches', href: '?method=adain&preset=image&shape=1x3x8x8#adain-in-the-lab' },
    },
  ],
} satisfies LessonNotebook;
