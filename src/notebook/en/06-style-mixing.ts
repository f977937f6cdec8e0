import type { LessonNotebook } from '../types';

/** Lesson 6: style mixing (a w per layer), noise, and truncation in the mixing grid. */
export default {
  cells: [
    {
      id: 'crossover',
      title: 'Two faces, every crossover',
      code: `// Layers before the crossover take face A's w (coarse: outline, pose);
// the others take face B's w (fine: colours).
const generator = await models.generator();
const { numWs, zDim } = generator.config;
const [wA, wB] = tf.tidy(() => {
  const w = mapLatents(generator, latentsFromSeeds([1, 7], zDim));
  return tf.split(truncate(generator, w, 0.7), 2);
});
const row = tf.tidy(() => {
  const crossovers = Array.from({ length: numWs + 1 }, (_, k) => k);
  const ws = tf.concat(crossovers.map((k) => layerLatents(wA, wB, k, numWs)));
  const { images } = synthesize(generator, ws, { range: 'bytes' });
  return tf.concat(tf.unstack(images), 1);
});
print('crossover 0 (all B) … crossover', numWs, '(all A)');
await image(row);
row.dispose();`,
    },
    {
      id: 'own-rule',
      title: 'Your own per-layer mixing rule',
      code: `// Any rule works: each of the 8 layers gets its own w. Here: A for the
// coarse layers 0–3, a 50/50 blend for the middle layers 4–5, and B for
// the fine layers 6–7. Change the rule and run the cell again.
const rule = (layer) => (layer < 4 ? 0 : layer < 6 ? 0.5 : 1); // 1 = all B
const mixed = tf.tidy(() => {
  const perLayer = Array.from({ length: numWs }, (_, layer) =>
    wA.mul(1 - rule(layer)).add(wB.mul(rule(layer))),
  );
  const ws = tf.stack(perLayer, 1); // [1, numWs, 128]
  const onlyA = layerLatents(wA, null, 0, numWs);
  const onlyB = layerLatents(wB, null, 0, numWs);
  const pair = tf.concat([onlyA, ws, onlyB]);
  const { images } = synthesize(generator, pair, { range: 'bytes' });
  return tf.concat(tf.unstack(images), 1);
});
print('face A, your mix, face B');
await image(mixed);
mixed.dispose();`,
      pytorch: `# the same rule for training/stylegan.py's generator, whose synthesis
# network takes ws of shape [N, num_ws, w_dim]
t = torch.tensor([0, 0, 0, 0, 0.5, 0.5, 1, 1]).view(1, -1, 1)
ws = (1 - t) * w_a[:, None, :] + t * w_b[:, None, :]
img = generator.synthesis(ws, noise=None)`,
    },
    {
      id: 'noise',
      title: 'Same w, new noise',
      code: `// Six noise draws of face A; then the spread per pixel across the draws.
const draws = [11, 12, 13, 14, 15, 16];
const [faces, spread] = tf.tidy(() => {
  const ws = layerLatents(wA.tile([draws.length, 1]), null, 0, numWs);
  const { images } = synthesize(generator, ws, { noise: { seeds: draws } });
  // σ over the draws, averaged over R, G and B: [32, 32]
  const perPixel = tf.moments(images, 0).variance.sqrt().mean(2);
  const bytes = images.add(1).mul(127.5).clipByValue(0, 255);
  const row = tf.concat(tf.unstack(bytes), 1);
  return [row, perPixel.div(perPixel.max()).mul(255)];
});
await image(faces);
print('where the noise changes the face (white = most):');
const spreadImage = tf.tidy(() => spread.expandDims(2).tile([1, 1, 3]));
await image(spreadImage);
tf.dispose([faces, spread, spreadImage]);`,
    },
  ],
  exercises: [
    {
      id: 'layer-latents',
      title: 'A w for every layer',
      task: 'Write mixLatents(w1, w2, crossover, numWs). w1 and w2 have shape [N, wDim]. Return a tensor of shape [N, numWs, wDim] whose layer i is w1 when i < crossover and w2 otherwise. tf.stack(listOfLayers, 1) stacks along the layer axis. The check compares with layerLatents for crossovers 3, 0, 8 and 5.',
      starter: `function mixLatents(w1, w2, crossover, numWs) {
  const perLayer = [];
  for (let i = 0; i < numWs; i++) {
    // choose w1 or w2 for layer i
  }
  return tf.stack(perLayer, 1);
}`,
      solution: `function mixLatents(w1, w2, crossover, numWs) {
  const perLayer = [];
  for (let i = 0; i < numWs; i++) perLayer.push(i < crossover ? w1 : w2);
  return tf.stack(perLayer, 1);
}`,
      entry: 'mixLatents',
      check: 'layer-latents',
      pytorch: `# w1, w2: [N, w_dim] -> [N, num_ws, w_dim]
def mix_latents(w1, w2, crossover, num_ws):
    layers = [w1 if i < crossover else w2 for i in range(num_ws)]
    return torch.stack(layers, dim=1)`,
    },
    {
      id: 'mixing-grid',
      title: 'The mixing grid',
      task: "Write gridLatents(rowWs, columnWs, crossover, numWs). rowWs has shape [R, wDim], columnWs [C, wDim]. Image r · C + c of the grid (row by row) takes row r's w for the layers before the crossover and column c's w for the rest. Return [R · C, numWs, wDim]. You may call the library's layerLatents(w1, w2, crossover, numWs).",
      starter: `function gridLatents(rowWs, columnWs, crossover, numWs) {
  const rows = rowWs.shape[0];
  const columns = columnWs.shape[0];
  const images = [];
  // for every row r and column c, in reading order, push
  // layerLatents(row r's w, column c's w, crossover, numWs)
  return tf.concat(images);
}`,
      solution: `function gridLatents(rowWs, columnWs, crossover, numWs) {
  const rows = rowWs.shape[0];
  const columns = columnWs.shape[0];
  const images = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const rowW = rowWs.slice([r, 0], [1, -1]);
      const columnW = columnWs.slice([c, 0], [1, -1]);
      images.push(layerLatents(rowW, columnW, crossover, numWs));
    }
  }
  return tf.concat(images);
}`,
      entry: 'gridLatents',
      check: 'mixing-grid',
    },
  ],
  questions: [
    {
      id: 'crossover-zero',
      prompt: 'Set every layer to take the column face (crossover 0). What does each row of the grid show?',
      choices: ['The column faces, the same in every row', "The row's face in every cell", 'A blend of row and column faces', 'Random faces'],
      answer: 0,
      explanation: "With crossover 0 no layer takes the row's w, so cell (r, c) is just column c's face. Every row repeats the column faces.",
      lab: { label: 'Open the mixing lab with crossover 0', href: '?layers=cccccccc#mixing-lab' },
    },
    {
      id: 'fine-from-row',
      prompt: 'Take only the fine layers (32²) from the row face. What changes along a row?',
      choices: ['Mostly the colours', 'The outline and pose', 'The whole face', 'Nothing at all'],
      answer: 0,
      explanation:
        'The fine layers work at the highest resolution and, in our generator, set colours and small details. Outline and pose come from the coarse layers, which still take the column face.',
      lab: { label: 'Open the mixing lab with the fine preset', href: '?layers=ccccccrr#mixing-lab' },
    },
    {
      id: 'psi-zero-grid',
      prompt: 'Set ψ = 0. How many different faces does the grid show?',
      choices: ['One', 'As many as rows', 'As many as columns', 'Rows × columns'],
      answer: 0,
      explanation:
        'ψ = 0 maps every w to the average w̄, so row and column faces get the same styles in every layer. The grid uses one shared noise draw, so all cells are the same face.',
      lab: { label: 'Open the mixing lab with ψ = 0', href: '?psi=0#mixing-lab' },
    },
    {
      id: 'noise-off-resample',
      prompt: 'Switch the noise off in all layers, then resample the noise. What changes?',
      choices: ['Nothing', 'Small details such as hair', 'The colours', 'The face shape'],
      answer: 0,
      explanation: 'With the noise off, the image depends on the styles alone. New noise draws are not used, so the six faces of the noise panel are the same.',
      lab: { label: 'Open the mixing lab with the noise off', href: '?noise=00000000#mixing-lab' },
    },
  ],
} satisfies LessonNotebook;
