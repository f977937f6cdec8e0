/**
 * `npm run bench`: the project's speed and size numbers, printed. Sections: the site (build, page JS,
 * time to an interactive lab), the notebook (JS before and after the editor loads, Run to the first output),
 * the models on the /speed/ page per backend, and the time to the first
 * stylised image after opening lesson 4 (Stylise pressed at once, and after 8 s of reading).
 * Flags: --skip-build (use the existing dist/), --all-backends (also the GPU backends when they are
 * software-emulated, which takes many minutes), --quick (256² only, one run), --models=generator (a
 * comma-separated subset of mobile, vgg, generator for the model section; e.g. the generator alone on every
 * backend: `npm run bench -- --skip-build --all-backends --models=generator`), --first-picture (only the
 * lesson 4 section, on the existing dist/: the first-picture times and where the time goes).
 */
import { runSpeedPage } from './bench-browser';
import { afterReadingRuns, breakdownTable, firstPictureRuns, pictureTimes, type Milestones } from './bench-first-picture';
import { lessonJavaScript, median, notebookJavaScript, timeBuild, timeToFirstCellOutput, timeToInteractive } from './bench-site';

const flags = new Set(process.argv.slice(2));
const quick = flags.has('--quick');
const models = process.argv.find((arg) => arg.startsWith('--models='))?.slice('--models='.length) ?? 'mobile,vgg,generator';

const firstPictureOnly = flags.has('--first-picture');

if (!firstPictureOnly) {
  console.log('# Site');
  if (!flags.has('--skip-build')) console.log(`astro build (with prepare-models): ${timeBuild().toFixed(1)} s`);
  for (const page of ['lessons/normalisation', 'lessons/style-transfer', 'lessons/style-mixing']) {
    const js = await lessonJavaScript(page);
    console.log(
      `${page} JS (gzipped): ${js.initialKiB.toFixed(1)} KiB before tfjs, ${js.withTfjsKiB.toFixed(1)} KiB with tfjs and the lab code (${js.files} files)`,
    );
  }
  const lab = await timeToInteractive('/lessons/normalisation/', 'tensor-lab[data-computed-revision]');
  console.log(`lesson 1: first contentful paint ${lab.textMs.toFixed(0)} ms; tensor lab computed ${lab.readyMs.toFixed(0)} ms after navigation (median of 5)`);

  console.log('\n# Notebook (lesson 1)');
  const notebook = await notebookJavaScript('lessons/normalisation');
  console.log(
    `JS (gzipped): ${notebook.beforeKiB.toFixed(1)} KiB before the editor; the CodeMirror editor adds ${notebook.editorKiB.toFixed(1)} KiB (${(notebook.beforeKiB + notebook.editorKiB).toFixed(1)} KiB after it loads); the cells' worker, with tfjs, ${notebook.workerKiB.toFixed(1)} KiB on the first Run`,
  );
  const firstOutput = await timeToFirstCellOutput('/lessons/normalisation/', 'layout');
  console.log(
    `Run on a cold page to the first output of a one-line cell: ${firstOutput.toFixed(0)} ms (median of 3 cold browsers; starts the worker and tfjs)`,
  );

  console.log('\n# Models on /speed/ (medians; "full" encodes the style image in every run, "cached" reuses its features)');
  const backends = flags.has('--all-backends') ? ['wasm', 'webgl', 'webgpu', 'cpu'] : ['wasm'];
  for (const backend of backends) {
    const sizes = quick || backend !== 'wasm' ? '256' : '256,512';
    const runs = quick || backend !== 'wasm' ? 1 : 3;
    const result = await runSpeedPage(`?backend=${backend}&models=${models}&sizes=${sizes}&runs=${runs}`);
    console.log(`## ${backend}: ${result.badge}`);
    for (const row of result.rows) console.log(`${row.id.padEnd(20)} ${row.ms.toFixed(0).padStart(7)} ms  ${row.detail ?? ''}`);
    if (result.failed) console.log(`failed: ${result.failed}`);
  }
  if (!flags.has('--all-backends')) console.log('(WebGPU and WebGL are software-emulated on machines without a GPU; --all-backends measures them too.)');
}

console.log('\n# Lesson 4: from opening the page to the first stylised 256² image (goal ≤ 3 s cold, ≤ 1 s on a second visit)');
console.log(
  '(wasm backend; Stylise pressed as soon as it can be; cold = fresh browser profile, second visit = same browser after the service worker saved the weights)',
);
const runs = quick ? 1 : 5;
const columns: { title: string; visits: Milestones[] }[] = [];
for (const model of ['mobile', 'vgg'] as const) {
  const { cold, second } = await firstPictureRuns(model, runs);
  for (const [visit, visits] of [
    ['cold visit', cold],
    ['second visit', second],
  ] as const) {
    const times = visits.map((marks) => pictureTimes(marks, model));
    const firstBy = [...new Set(times.map((time) => (time.firstBy === 'vgg' ? 'VGG-19' : 'the mobile model')))].join(' or ');
    const chosen =
      model === 'vgg' && times.some((time) => time.firstBy !== 'vgg') ? `; VGG-19's own picture ${median(times.map((time) => time.chosen)).toFixed(0)} ms` : '';
    console.log(`${model} ${visit}: first picture ${median(times.map((time) => time.first)).toFixed(0)} ms (by ${firstBy})${chosen} — median of ${runs}`);
  }
  columns.push({ title: `${model} cold`, visits: cold }, { title: `${model} second`, visits: second });
}
console.log(`\n${breakdownTable(columns)}`);

const readingMs = 8000;
console.log(
  `\n# Lesson 4, a reader who reads first: Stylise pressed ${readingMs / 1000} s after opening (cold visit; meanwhile the lab loads its models and encodes its images)`,
);
for (const model of ['mobile', 'vgg'] as const) {
  const times = await afterReadingRuns(model, runs, readingMs);
  console.log(`${model}: picture ${median(times).toFixed(0)} ms after the press — median of ${runs}`);
}
