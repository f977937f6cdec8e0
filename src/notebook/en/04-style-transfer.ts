import type { LessonNotebook } from '../types';

/** Lesson 4: VGG encoder → AdaIN on relu4_1 → decoder; the test-time controls. */
export default {
  cells: [
    {
      id: 'encode',
      title: 'Run the real VGG encoder and plot relu4_1',
      code: `// The encoder maps an image [1, H, W, 3] with values 0–255 to the
// relu4_1 features [1, H/8, W/8, 512].
const vgg = await models.vgg();
// H and W must be multiples of 8: resize to height 256, round the width.
const toHeight = (picture, height) => {
  const [, h, w] = picture.shape;
  const width = 8 * Math.round((height * w) / h / 8);
  return tf.tidy(() => tf.image.resizeBilinear(picture, [height, width]));
};
const photoFull = await images.load('chelsea');
const paintingFull = await images.load('rocket');
const photo = toHeight(photoFull, 256);
const painting = toHeight(paintingFull, 256);
tf.dispose([photoFull, paintingFull]);
const contentFeatures = vgg.encode(photo);
const styleFeatures = vgg.encode(painting);
print('relu4_1 of the photo:', contentFeatures.shape);
// Two numbers per channel are all that AdaIN takes from the style.
// Plot them for both images: one dot per channel.
const points = [];
const both = [['photo', contentFeatures], ['rocket', styleFeatures]];
for (const [name, features] of both) {
  const { mean, std } = channelStatistics(features);
  const [means, stds] = [await mean.data(), await std.data()];
  means.forEach((m, c) => points.push({ image: name, mean: m, std: stds[c] }));
  tf.dispose([mean, std]);
}
plot({
  marks: [Plot.dot(points, { x: 'mean', y: 'std', stroke: 'image', r: 2 })],
  x: { label: 'channel mean μ' },
  y: { label: 'channel σ' },
  color: { legend: true },
});`,
      pytorch: `# pytorch-AdaIN: vgg = net.vgg (weights vgg_normalised.pth) up to relu4_1
with torch.no_grad():
    f_c = vgg(content)            # [1, 512, H/8, W/8]
mean = f_c.mean(dim=(2, 3))       # 512 channel means
std = f_c.var(dim=(2, 3), unbiased=False).sqrt()`,
    },
    {
      id: 'move-statistics',
      title: 'Move only μ, or only σ, then decode',
      code: `// Three targets for the decoder: the full AdaIN, the style's μ with
// the content's σ, and the content's μ with the style's σ.
const c = channelStatistics(contentFeatures);
const s = channelStatistics(styleFeatures);
const f = contentFeatures;
const targets = {
  'full AdaIN': adainFromStatistics(f, s),
  'only μ from the style': adainFromStatistics(f, { mean: s.mean, std: c.std }),
  'only σ from the style': adainFromStatistics(f, { mean: c.mean, std: s.std }),
};
for (const [name, target] of Object.entries(targets)) {
  const decoded = tf.tidy(() => vgg.decode(target).clipByValue(0, 255));
  print(name);
  await image(decoded);
  tf.dispose([decoded, target]);
}
tf.dispose([c.mean, c.std, s.mean, s.std]);`,
      pytorch: `t = s_std * (f_c - c_mean) / c_std + c_mean      # only σ from the style
with torch.no_grad():
    out = decoder(t)`,
    },
    {
      id: 'alpha',
      title: 'The content–style trade-off α',
      code: `// t = α · AdaIN(f(c), f(s)) + (1 − α) · f(c), decoded for three values of α.
for (const alpha of [0, 0.5, 1]) {
  const target = tf.tidy(() => {
    const stylised = adain(contentFeatures, styleFeatures);
    return stylised.mul(alpha).add(contentFeatures.mul(1 - alpha));
  });
  const decoded = tf.tidy(() => vgg.decode(target).clipByValue(0, 255));
  print('α =', alpha);
  await image(decoded);
  tf.dispose([target, decoded]);
}`,
      pytorch: `# as style_transfer() in pytorch-AdaIN's test.py
t = alpha * adain(f_c, f_s) + (1 - alpha) * f_c
with torch.no_grad():
    out = decoder(t)`,
    },
  ],
  exercises: [
    {
      id: 'style-target',
      title: 'The decoder target with α',
      task: "Write styleTarget(contentFeatures, styleFeatures, alpha). It returns α · AdaIN(f(c), f(s)) + (1 − α) · f(c) for features of shape [N, H, W, C]. You may call the library's adain(content, style). The check compares with adainTarget for α = 0.3, 0.75 and 0.",
      starter: `function styleTarget(contentFeatures, styleFeatures, alpha) {
  const stylised = adain(contentFeatures, styleFeatures);
  return stylised;
}`,
      solution: `function styleTarget(contentFeatures, styleFeatures, alpha) {
  const stylised = adain(contentFeatures, styleFeatures);
  return stylised.mul(alpha).add(contentFeatures.mul(1 - alpha));
}`,
      entry: 'styleTarget',
      check: 'style-target',
      pytorch: `def style_target(f_c, f_s, alpha):
    return alpha * adain(f_c, f_s) + (1 - alpha) * f_c`,
    },
    {
      id: 'style-loss',
      title: 'The style loss from channel statistics',
      task: "Write styleLoss(a, b). a and b are objects with the features relu1_1, relu2_1, relu3_1 and relu4_1, each of shape [1, H, W, C]. For each layer, take the channel means μ and σ = √(population variance + 1e-5) over H and W. Add ‖μ(a) − μ(b)‖₂ + ‖σ(a) − σ(b)‖₂ over the four layers (the paper's equation 13; tf.norm gives ‖·‖₂). Return a scalar tensor.",
      starter: `function styleLoss(a, b) {
  const layers = ['relu1_1', 'relu2_1', 'relu3_1', 'relu4_1'];
  let total = tf.scalar(0);
  for (const layer of layers) {
    // the means and σ of a[layer] and b[layer] over axes [1, 2]
  }
  return total;
}`,
      solution: `function styleLoss(a, b) {
  const layers = ['relu1_1', 'relu2_1', 'relu3_1', 'relu4_1'];
  let total = tf.scalar(0);
  for (const layer of layers) {
    const sa = tf.moments(a[layer], [1, 2]);
    const sb = tf.moments(b[layer], [1, 2]);
    const meanTerm = tf.norm(sa.mean.sub(sb.mean));
    const stdA = sa.variance.add(1e-5).sqrt();
    const stdB = sb.variance.add(1e-5).sqrt();
    const stdTerm = tf.norm(stdA.sub(stdB));
    total = total.add(meanTerm).add(stdTerm);
  }
  return total;
}`,
      entry: 'styleLoss',
      check: 'style-loss',
      pytorch: `# feats_a, feats_b: lists of 4 feature maps [N, C, H, W]
def style_loss(feats_a, feats_b, eps=1e-5):
    loss = 0
    for a, b in zip(feats_a, feats_b):
        a_std = (a.var(dim=(2, 3), unbiased=False) + eps).sqrt()
        b_std = (b.var(dim=(2, 3), unbiased=False) + eps).sqrt()
        mean_term = torch.norm(a.mean(dim=(2, 3)) - b.mean(dim=(2, 3)))
        loss = loss + mean_term + torch.norm(a_std - b_std)
    return loss
# pytorch-AdaIN uses MSELoss on these statistics instead of the norm`,
    },
  ],
  questions: [
    {
      id: 'alpha-zero',
      prompt: 'Set α = 0. What does the result show?',
      choices: ['The photo, rebuilt by the decoder', 'The style image', 'A grey image', 'Noise'],
      answer: 0,
      explanation:
        'With α = 0 the target t is f(c) itself. The decoder was trained so that the encoder, run on its output, gives back t (the content loss). So it returns an image close to the photo, with some detail lost.',
      lab: { label: 'Open the lab with α = 0', href: '?content=chelsea&styles=art-swirl-3:1&alpha=0#style-lab-output-heading' },
    },
    {
      id: 'two-styles',
      prompt: 'Two styles with weights 0.5 and 0.5. The target t equals one AdaIN with which statistics?',
      choices: [
        "The averages of the two styles' μ and σ",
        'The μ of one style and the σ of the other',
        'The larger σ of the two',
        'No single AdaIN gives the same t',
      ],
      answer: 0,
      explanation: 't = 0.5 · (σ₁·x̂ + μ₁) + 0.5 · (σ₂·x̂ + μ₂) = (0.5σ₁ + 0.5σ₂)·x̂ + (0.5μ₁ + 0.5μ₂). Mixing styles mixes their statistics.',
      lab: { label: 'Open the lab with two styles', href: '?content=chelsea&styles=art-swirl-3:0.5,art-mosaic-2:0.5#style-lab-output-heading' },
    },
    {
      id: 'colour-preservation',
      prompt: 'Colour preservation recolours the style image before the transfer. Whose colours does the result have?',
      choices: ["Mostly the photo's", "The style image's", 'Grey only', 'A random palette'],
      answer: 0,
      explanation:
        "The style image is first given the photo's colour mean and covariance. The transfer then takes the brush strokes from it, but colour statistics that already match the photo.",
      lab: { label: 'Open the lab with colour preservation', href: '?content=chelsea&styles=art-swirl-3:1&color=colorStatistics#style-lab-output-heading' },
    },
  ],
} satisfies LessonNotebook;
