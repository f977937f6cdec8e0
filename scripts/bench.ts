/**
 * `npm run bench`: prints the project's speed and size numbers. Each section is its own module.
 * Flags: --skip-build (use the existing dist/).
 */
import { lessonJavaScript, timeBuild, timeToInteractive } from './bench-site';

const skipBuild = process.argv.includes('--skip-build');

console.log('# Site');
if (!skipBuild) console.log(`astro build: ${timeBuild().toFixed(1)} s`);
const js = await lessonJavaScript('lessons/normalisation');
console.log(`lesson page JS (gzipped): ${js.initialKiB.toFixed(1)} KiB before tfjs, ${js.withTfjsKiB.toFixed(1)} KiB with tfjs (${js.files} files)`);
const lab = await timeToInteractive('/lessons/normalisation/', 'tensor-lab[data-computed-revision]');
console.log(`lesson 1: first contentful paint ${lab.textMs.toFixed(0)} ms; tensor lab interactive ${lab.readyMs.toFixed(0)} ms after navigation (median of 5)`);
