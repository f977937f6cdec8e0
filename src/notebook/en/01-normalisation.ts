import type { LessonNotebook } from '../types';

/** Lesson 1: one formula, x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β, with μ and σ² over a chosen set of values. */
export default {
  cells: [
    {
      id: 'layout',
      title: 'A batch of feature maps',
      code: `// 2 images, 4 × 4 pixels, 3 channels. TensorFlow.js keeps the channels
// last: [N, H, W, C]. (PyTorch keeps them second: [N, C, H, W].)
// Every library function here takes [N, H, W, C].
const x = tf.tidy(() =>
  tf.randomNormal([2, 4, 4, 3], 0, 1, 'float32', 7)
    .mul(tf.tensor1d([1, 3, 0.2]))     // a σ per channel
    .add(tf.tensor1d([5, -2, 0])),     // a mean per channel
);
print('shape [N, H, W, C]:', x.shape);
// show() draws the lessons' [N, C, H, W] view: move C to position 1.
const xNCHW = x.transpose([0, 3, 1, 2]);
await show(xNCHW, { method: 'instance' });
xNCHW.dispose();`,
      pytorch: `import torch
sigma = torch.tensor([1., 3., 0.2]).view(1, 3, 1, 1)
mean = torch.tensor([5., -2., 0.]).view(1, 3, 1, 1)
x = torch.randn(2, 3, 4, 4) * sigma + mean
print(x.shape)   # torch.Size([2, 3, 4, 4]) = [N, C, H, W]
# TensorFlow.js order: x.permute(0, 2, 3, 1) is [N, H, W, C]`,
    },
    {
      id: 'by-hand',
      title: 'Instance norm by hand, against normalise()',
      code: `// One μ and one σ² per image and channel: reduce over H and W,
// axes 1 and 2 of [N, H, W, C]. keepDims = true keeps the shape
// [N, 1, 1, C], so μ lines up with x when we subtract.
const largest = tf.tidy(() => {
  // tf.moments gives the population variance: it divides by n
  const { mean, variance } = tf.moments(x, [1, 2], true);
  const byHand = x.sub(mean).div(variance.add(1e-5).sqrt());
  const fromLibrary = normalise(x, { method: 'instance' });
  return byHand.sub(fromLibrary).abs().max();
});
print('largest difference:', (await largest.data())[0]);
largest.dispose();`,
      pytorch: `import torch, torch.nn.functional as F
# H and W are dims 2 and 3 of [N, C, H, W]
mean = x.mean(dim=(2, 3), keepdim=True)
# the population variance, as normalisation layers use
var = x.var(dim=(2, 3), unbiased=False, keepdim=True)
by_hand = (x - mean) / torch.sqrt(var + 1e-5)
print((by_hand - F.instance_norm(x, eps=1e-5)).abs().max())`,
    },
    {
      id: 'epsilon',
      title: 'What ε does to a nearly constant channel',
      code: `// Channel 2 of x has σ ≈ 0.2. Make a copy whose channel 2 is almost
// constant (σ ≈ 0.001). Its σ² = 1e-6 is smaller than ε = 1e-5, so ε
// now decides how far the values are stretched.
const flat = tf.tidy(() => x.mul(tf.tensor1d([1, 1, 0.005])));
for (const epsilon of [1e-5, 1e-8, 0]) {
  const spread = tf.tidy(() => {
    const y = normalise(flat, { method: 'instance' }, { epsilon });
    return channelStatistics(y).std.reshape([2, 3]).slice([0, 2], [1, 1]);
  });
  const [value] = await spread.data();
  print('epsilon =', epsilon, '→ σ of channel 2 afterwards:', value);
  spread.dispose();
}
flat.dispose();`,
      pytorch: `flat = x * torch.tensor([1., 1., 0.005]).view(1, 3, 1, 1)
y = F.instance_norm(flat, eps=1e-5)
# well below 1: ε dominates σ² in channel 2
print(y.std(dim=(2, 3), unbiased=False)[0, 2])`,
    },
    {
      id: 'gamma-beta',
      title: 'γ and β choose the output statistics',
      code: `// After normalising, every channel has mean 0 and σ ≈ 1.
// γ and β then move them to β and |γ|.
const gamma = tf.tensor1d([2, 0.5, 1]);
const beta = tf.tensor1d([1, 0, -3]);
const statistics = tf.tidy(() =>
  channelStatistics(normalise(x, { method: 'instance' }, { gamma, beta })),
);
print('means of image 0:', (await statistics.mean.data()).slice(0, 3));
print('σ of image 0:', (await statistics.std.data()).slice(0, 3));
tf.dispose([gamma, beta, statistics.mean, statistics.std]);`,
      pytorch: `# affine=False is the default: no γ and β
norm = torch.nn.InstanceNorm2d(3, affine=True)
with torch.no_grad():
    norm.weight.copy_(torch.tensor([2., 0.5, 1.]))   # γ
    norm.bias.copy_(torch.tensor([1., 0., -3.]))     # β
y = norm(x)
print(y.mean(dim=(2, 3))[0], y.std(dim=(2, 3), unbiased=False)[0])`,
    },
  ],
  exercises: [
    {
      id: 'instance-norm',
      title: 'Write instance norm with tf operations',
      task: "Write instanceNorm(x, epsilon) for a tensor x of shape [N, H, W, C]. Normalise every image and channel with its own mean and variance over H and W. Use the population variance (divide by n) and put epsilon inside the square root. Return a tensor of the same shape. The check compares your output with normalise(x, { method: 'instance' }) on random tensors of three shapes.",
      starter: `function instanceNorm(x, epsilon) {
  // 1. μ and σ² over H and W (axes 1 and 2), keeping the reduced axes:
  //    tf.moments(x, axes, true)
  // 2. return (x − μ) / √(σ² + ε)
  return x;
}`,
      solution: `function instanceNorm(x, epsilon) {
  const { mean, variance } = tf.moments(x, [1, 2], true);
  return x.sub(mean).div(variance.add(epsilon).sqrt());
}`,
      entry: 'instanceNorm',
      check: 'instance-norm',
      pytorch: `def instance_norm(x, eps):             # x: [N, C, H, W]
    mean = x.mean(dim=(2, 3), keepdim=True)
    var = x.var(dim=(2, 3), unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps)`,
    },
    {
      id: 'normalise-affine',
      title: 'One formula for every method',
      task: 'Write normaliseOver(x, axes, gamma, beta, epsilon). It computes μ and σ² of x over the given axes, normalises, then returns gamma · x̂ + beta. gamma and beta have one value per channel (shape [C]). The check calls it with the axes of instance norm [1, 2], batch norm [0, 1, 2] and layer norm [1, 2, 3], and compares with normalise().',
      starter: `function normaliseOver(x, axes, gamma, beta, epsilon) {
  const { mean, variance } = tf.moments(x, axes, true);
  const xHat = x.sub(mean).div(variance.add(epsilon).sqrt());
  // γ scales and β shifts every channel
  return xHat;
}`,
      solution: `function normaliseOver(x, axes, gamma, beta, epsilon) {
  const { mean, variance } = tf.moments(x, axes, true);
  const xHat = x.sub(mean).div(variance.add(epsilon).sqrt());
  return xHat.mul(gamma).add(beta);
}`,
      entry: 'normaliseOver',
      check: 'normalise-affine',
      pytorch: `# x: [N, C, H, W]; gamma, beta: [C]
def normalise_over(x, dims, gamma, beta, eps):
    mean = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, unbiased=False, keepdim=True)
    x_hat = (x - mean) / torch.sqrt(var + eps)
    return gamma.view(1, -1, 1, 1) * x_hat + beta.view(1, -1, 1, 1)
# instance: dims=(2, 3)   batch: dims=(0, 2, 3)   layer: dims=(1, 2, 3)`,
    },
  ],
  questions: [
    {
      id: 'mean-after-in',
      prompt: 'Instance norm with γ = 1 and β = 0. What is the mean of one channel of one image after normalising?',
      choices: ['0, up to rounding', '1', 'The mean of that channel over the whole batch', 'It depends on the values'],
      answer: 0,
      explanation:
        'Instance norm subtracts the mean of exactly that image and channel, so what is left has mean 0. Dividing by √(σ² + ε) does not move the mean. Select any cell in the lab: its group shows μ = 0 after normalising.',
      lab: { label: 'Open the lab with instance norm', href: '?method=instance&shape=2x3x3x3#the-tensor-lab' },
    },
    {
      id: 'constant-channel',
      prompt: 'Channel 0 is constant (every value is 2). What does instance norm output for that channel?',
      choices: ['0 everywhere', '1 everywhere', '2 everywhere', 'Not a number: it divides by zero'],
      answer: 0,
      explanation: 'x − μ is 0 for every value, and ε keeps the divisor √(0 + ε) above zero, so the result is 0, not NaN. This is why ε is there.',
      lab: { label: 'Open the lab with a constant channel', href: '?preset=constant&method=instance&shape=2x3x3x3#the-tensor-lab' },
    },
    {
      id: 'layer-norm-count',
      prompt: 'Layer norm on a tensor of shape [N, C, H, W] = [2, 3, 3, 3]. How many (μ, σ) pairs does it compute?',
      choices: ['2: one per image', '3: one per channel', '6: one per image and channel', '1 for the whole batch'],
      answer: 0,
      explanation:
        'Layer norm takes its statistics over C, H and W of one image, so there is one pair per image. Batch norm would give 3 (one per channel), instance norm 6.',
      lab: { label: 'Open the lab with layer norm', href: '?method=layer&shape=2x3x3x3#the-tensor-lab' },
    },
    {
      id: 'gamma-beta-statistics',
      prompt: 'Instance norm with γ = 2 and β = 1 for channel 0. What are the mean and σ of channel 0 after the layer?',
      choices: ['Mean 1, σ about 2', 'Mean 2, σ about 1', 'Mean 0, σ about 1', 'Mean 1, σ about 4'],
      answer: 0,
      explanation: 'x̂ has mean 0 and σ close to 1. y = γ·x̂ + β multiplies the spread by γ = 2 and moves the mean to β = 1.',
      lab: { label: 'Open the lab with γ = 2, β = 1', href: '?method=instance&shape=2x3x3x3&gamma=2_1_1&beta=1_0_0#the-tensor-lab' },
    },
  ],
} satisfies LessonNotebook;
