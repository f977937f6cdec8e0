import type { ModelKind } from '../lib/models';

type StyleEngine = typeof import('./style-engine');

/**
 * Starts what a style-transfer demo's first run needs (tfjs, its backend, the models' weights: downloaded,
 * checked and built) when the demo comes within a screen of the viewport and the browser has a quiet moment,
 * so that the reader's first press finds it ready or on its way. The run then waits for the same download
 * (style-engine.ts loads each model once per page). Then `prepare` may start the first run's own work
 * (the style lab encodes its images). Nothing starts when the browser asks to save data.
 */

/** The browser has a quiet moment, or a second has passed: the warm-up should not wait for a busy page forever. */
function whenIdle(callback: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(callback, { timeout: 1000 });
  else setTimeout(callback, 200);
}

async function warmUp(models: readonly ModelKind[], prepare: (engine: StyleEngine) => Promise<void>): Promise<void> {
  try {
    const engine = await import('./style-engine');
    // One after the other: the first model the reader will see gets the bandwidth first.
    for (const kind of models) await engine.getModel(kind);
    await prepare(engine);
  } catch (error) {
    // Not the reader's problem yet: the run loads again and explains what went wrong.
    console.info('Preparing the style transfer ahead of the first run failed; the run will try again.', error);
  }
}

/** Watches `element`; `models` says, when the time comes, which models to load (in that order), then `prepare` runs. */
export function warmUpWhenNear(element: Element, models: () => readonly ModelKind[], prepare: (engine: StyleEngine) => Promise<void>): void {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      whenIdle(() => void warmUp(models(), prepare));
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(element);
}
