import type { LessonNotebook } from '../types';

/** Lesson 2: BN, IN, LN and GN as reductions over different axes; BN's running statistics. */
export default {
  cells: [
    {
      id: 'running',
      title: 'Training mode and inference mode',
      code: `// Ten training steps on batches drawn around mean 3 and σ 2. Each step
// moves the running estimates 10 % of the way (momentum 0.1) towards
// the batch's own statistics.
let running = initialRunningStatistics(4);
for (let step = 1; step <= 10; step++) {
  const batch = tf.randomNormal([8, 4, 4, 4], 3, 2, 'float32', step);
  const trained = batchNormTrain(batch, running, { momentum: 0.1 });
  const { y, running: next } = trained;
  tf.dispose([batch, y, running.mean, running.variance]);
  running = next;
}
print('running mean after 10 steps:', await running.mean.data());
print('running variance after 10 steps:', await running.variance.data());
// Inference uses the running estimates, so one image gives the same
// output alone or in any batch.
const test = tf.randomNormal([1, 4, 4, 4], 3, 2, 'float32', 99);
const [trainLike, inference] = tf.tidy(() => [
  batchNormTrain(test, running).y.mean(),
  batchNormInference(test, running).mean(),
]);
print('mean output, training mode:', (await trainLike.data())[0]);
print('mean output, inference mode:', (await inference.data())[0]);
tf.dispose([test, trainLike, inference, running.mean, running.variance]);`,
      pytorch: `# running_mean starts at 0, running_var at 1
bn = torch.nn.BatchNorm2d(4, momentum=0.1)
bn.train()
for step in range(10):
    # updates running_mean and running_var (the unbiased variance)
    bn(torch.randn(8, 4, 4, 4) * 2 + 3)
print(bn.running_mean, bn.running_var)
bn.eval()      # inference: uses the running estimates
y = bn(torch.randn(1, 4, 4, 4) * 2 + 3)`,
    },
    {
      id: 'batch-neighbours',
      title: 'In batch norm, the other images matter',
      code: `// Image 0 alone, then in a batch with a much brighter image 1
// (as in the day-and-night demo).
const image0 = tf.randomNormal([1, 4, 4, 4], 0, 1, 'float32', 5);
const bright = tf.tidy(() => image0.mul(0.5).add(10));
const changes = tf.tidy(() =>
  ['batch', 'instance'].map((method) => {
    const alone = normalise(image0, { method });
    const batch = tf.concat([image0, bright]);
    const inBatch = normalise(batch, { method }).slice(0, 1);
    return inBatch.sub(alone).abs().max();
  }),
);
print('batch norm: image 0 moves by', (await changes[0].data())[0]);
print('instance norm: image 0 moves by', (await changes[1].data())[0]);
tf.dispose([image0, bright, ...changes]);`,
      pytorch: `bn = torch.nn.BatchNorm2d(4).train()
# defaults: affine=False, track_running_stats=False
inorm = torch.nn.InstanceNorm2d(4)
image0 = x[:1]
batch = torch.cat([image0, image0 * 0.5 + 10])
print((bn(batch)[:1] - bn(image0)).abs().max())        # large
print((inorm(batch)[:1] - inorm(image0)).abs().max())  # about 0`,
    },
    {
      id: 'axes',
      title: 'Four methods, four sets of axes',
      code: `// 2 images, 4 × 4 pixels, 4 channels, [N, H, W, C]. The methods
// differ only in the axes that μ and σ² come from.
const x = tf.randomNormal([2, 4, 4, 4], 0, 1, 'float32', 3);
const methods = [
  // over N, H, W: one pair per channel
  { spec: { method: 'batch' }, axes: [0, 1, 2] },
  // over H, W: one pair per image and channel
  { spec: { method: 'instance' }, axes: [1, 2] },
  // over H, W, C: one pair per image
  { spec: { method: 'layer' }, axes: [1, 2, 3] },
];
for (const { spec, axes } of methods) {
  const [pairs, difference] = tf.tidy(() => {
    const byHand = tf.moments(x, axes).mean.reshape([-1]);
    const library = groupMoments(x, spec).mean;
    return [byHand.size, byHand.sub(library).abs().max()];
  });
  const [gap] = await difference.data();
  print(spec.method, 'axes', axes, '→', pairs, 'pairs; gap:', gap);
  difference.dispose();
}
// Group norm splits C into G groups of neighbouring channels:
// view x as [N, H, W, G, C/G], then reduce over H, W and C/G.
const groups = tf.tidy(() => {
  const byHand = tf.moments(x.reshape([2, 4, 4, 2, 2]), [1, 2, 4]).mean;
  const library = groupMoments(x, { method: 'group', groups: 2 }).mean;
  return byHand.reshape([-1]).sub(library).abs().max();
});
print('group axes [1, 2, 4] → 4 pairs; gap:', (await groups.data())[0]);
groups.dispose();`,
      pytorch: `x = torch.randn(2, 4, 4, 4)                 # [N, C, H, W]
bn = x.mean(dim=(0, 2, 3))       # batch norm: per channel -> [C]
inorm = x.mean(dim=(2, 3))       # instance norm: per image, channel -> [N, C]
ln = x.mean(dim=(1, 2, 3))       # layer norm: per image -> [N]
# group norm, G = 2: view as [N, G, C/G, H, W] -> [N, G]
gn = x.view(2, 2, 2, 4, 4).mean(dim=(2, 3, 4))
# variances: x.var(dim=..., unbiased=False), the population variance`,
    },
  ],
  exercises: [
    {
      id: 'group-norm',
      title: 'Write group norm',
      task: 'Write groupNorm(x, groups, epsilon) for x of shape [N, H, W, C]. Split the C channels into groups of C / groups neighbouring channels: group 0 holds channels 0 … C/G − 1. Normalise each image and group over H, W and the channels of the group, then return a tensor of the original shape. The check uses 3, 2 and 1 groups.',
      starter: `function groupNorm(x, groups, epsilon) {
  const [n, h, w, c] = x.shape;
  // reshape to [n, h, w, groups, c / groups],
  // take the moments over axes [1, 2, 4], then reshape back
  return x;
}`,
      solution: `function groupNorm(x, groups, epsilon) {
  const [n, h, w, c] = x.shape;
  const view = x.reshape([n, h, w, groups, c / groups]);
  const { mean, variance } = tf.moments(view, [1, 2, 4], true);
  return view.sub(mean).div(variance.add(epsilon).sqrt()).reshape(x.shape);
}`,
      entry: 'groupNorm',
      check: 'group-norm',
      pytorch: `def group_norm(x, groups, eps):            # x: [N, C, H, W]
    n, c, h, w = x.shape
    view = x.view(n, groups, c // groups, h, w)
    mean = view.mean(dim=(2, 3, 4), keepdim=True)
    var = view.var(dim=(2, 3, 4), unbiased=False, keepdim=True)
    return ((view - mean) / torch.sqrt(var + eps)).view(n, c, h, w)
# the same as F.group_norm(x, groups, eps=eps)`,
    },
    {
      id: 'batch-norm-step',
      title: 'One training step of batch norm',
      task: "Write batchNormStep(x, running, momentum) for x of shape [N, H, W, C]. running is { mean, variance }, each of shape [C]. Return { y, running: { mean, variance } }. y normalises x with the batch's own mean and population variance over N, H and W (ε = 1e-5). The new running values are (1 − momentum) · old + momentum · batch. As in PyTorch, the running variance takes the unbiased batch variance: multiply by n / (n − 1), where n = N · H · W.",
      starter: `function batchNormStep(x, running, momentum) {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  const y = x.sub(mean).div(variance.add(1e-5).sqrt());
  // update the running estimates here
  return { y, running };
}`,
      solution: `function batchNormStep(x, running, momentum) {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  const y = x.sub(mean).div(variance.add(1e-5).sqrt());
  const [n, h, w] = x.shape;
  const count = n * h * w;
  const unbiased = variance.mul(count / (count - 1));
  return {
    y,
    running: {
      mean: running.mean.mul(1 - momentum).add(mean.mul(momentum)),
      variance: running.variance.mul(1 - momentum)
        .add(unbiased.mul(momentum)),
    },
  };
}`,
      entry: 'batchNormStep',
      check: 'batch-norm-step',
      pytorch: `bn = torch.nn.BatchNorm2d(C, momentum=0.1, affine=False)
bn.train()
y = bn(x)   # normalises with the population variance, but stores
            # the unbiased one:
# bn.running_var = (1 - 0.1) * old + 0.1 * x.var(dim=(0, 2, 3), unbiased=True)`,
    },
  ],
  questions: [
    {
      id: 'outlier-batch',
      prompt: 'One value in image 0 becomes huge. With batch norm, whose outputs change?',
      choices: ['Both images, in that channel', 'Only image 0', 'Only the huge value', 'Every channel of every image'],
      answer: 0,
      explanation:
        "Batch norm takes one μ and σ per channel over the whole batch. The outlier moves that channel's μ and σ, and so the output of every image in that channel. Switch the lab to instance norm: then only image 0 changes.",
      lab: { label: 'Open the lab with an outlier and batch norm', href: '?preset=outlier&method=batch&shape=2x3x3x3#try-it-on-a-small-tensor' },
    },
    {
      id: 'group-equals-instance',
      prompt: 'Group norm on 3 channels with G = 3 groups. Which method gives the same output?',
      choices: ['Instance norm', 'Layer norm', 'Batch norm', 'None of them'],
      answer: 0,
      explanation:
        'With G = C every group holds one channel, so each image and channel gets its own μ and σ: that is instance norm. With G = 1 one group holds all channels: that is layer norm.',
      lab: { label: 'Open the lab with group norm, G = 3', href: '?method=group&groups=3&shape=2x3x3x3#try-it-on-a-small-tensor' },
    },
    {
      id: 'batch-of-one',
      prompt: 'Batch norm in training mode on a batch of one image. Which method gives the same output?',
      choices: ['Instance norm', 'Layer norm', 'None: batch norm needs two images', 'Group norm with G = 1'],
      answer: 0,
      explanation:
        'With N = 1, the values of one channel over N, H and W are the values over H and W of the only image. So the statistic groups are those of instance norm.',
      lab: { label: 'Open the lab with batch norm on one image', href: '?method=batch&shape=1x3x3x3#try-it-on-a-small-tensor' },
    },
  ],
} satisfies LessonNotebook;
