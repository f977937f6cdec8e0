import { modelFolders, type ModelFolderStatus, type OfflineRequest, type OfflineStatus } from '../lib/offline';
import { errorText, Island, labsAreBusy, localStrings } from './island';
import { formatMegabytes } from './format';
import { siteUrl } from './site-url';
import { offlineStatusStrings } from '../i18n/components/offline-status';

/**
 * <offline-status> (OfflineStatus.astro, in every page's footer): registers the service worker and says what
 * it has saved. The site is saved when the worker has installed; the style-transfer models are saved when
 * they first run, or now if the reader asks, after seeing how much that downloads. A new build waits until
 * the reader chooses to load it.
 */

const t = localStrings(offlineStatusStrings);
/** How long the page must have been loaded, with no lab busy, before the service worker registers. */
const quietBeforeInstallMs = 3000;

function ask(worker: ServiceWorker, request: OfflineRequest): Promise<OfflineStatus> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineStatus>) => resolve(event.data);
    worker.postMessage(request, [channel.port2]);
  });
}

/** Downloads the files through the worker, which checks and stores them; reports bytes as they arrive. */
async function saveFiles(paths: readonly string[], onBytes: (bytes: number) => void): Promise<void> {
  for (const path of paths) {
    const response = await fetch(siteUrl(`models/${path}`));
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} for ${path}`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onBytes(value.byteLength);
    }
  }
}

export class OfflineStatusElement extends Island {
  connectedCallback(): void {
    if (!('serviceWorker' in navigator)) return;
    const state = this.find('.offline-state');
    this.hidden = false;
    state.textContent = t.saving;
    this.listen(navigator.serviceWorker, 'controllerchange', () => void this.refresh());
    this.saveModelsLoadedBeforeTheWorker();
    // Installing fetches the whole site (15 MB). On 2 cores, an install during the style lab's first run made
    // that run take 1.3 s instead of 0.6 s; so the worker waits until the page has loaded and no lab has been
    // busy for a few seconds.
    if (document.readyState === 'complete') this.registerWhenQuiet();
    else this.listen(window, 'load', () => this.registerWhenQuiet());
  }

  private registerWhenQuiet(): void {
    let quietSince = performance.now();
    const poll = setInterval(() => {
      if (!this.isConnected) clearInterval(poll);
      else if (labsAreBusy()) quietSince = performance.now();
      else if (performance.now() - quietSince >= quietBeforeInstallMs) {
        clearInterval(poll);
        this.register();
      }
    }, 250);
  }

  private register(): void {
    const state = this.find('.offline-state');
    navigator.serviceWorker
      .register(siteUrl('sw.js'), { scope: siteUrl(), updateViaCache: 'none' })
      .then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) this.offerUpdate(registration.waiting);
        this.listen(registration, 'updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && navigator.serviceWorker.controller) this.offerUpdate(installing);
          });
        });
        return this.refresh();
      })
      .catch((error: unknown) => {
        console.warn('The service worker did not register; the site works online only.', error);
        state.textContent = t.couldNotSave;
      });
  }

  /**
   * Model files this page downloaded before the worker controlled it (on the first visit it installs while
   * the lab already runs) did not pass through the worker: once it is in control, fetch them again through
   * it, which checks and saves them (the bytes usually come from the browser's HTTP cache).
   */
  private saveModelsLoadedBeforeTheWorker(): void {
    const modelsUrl = new URL(siteUrl('models/'), location.href).href;
    const missed = new Set<string>();
    const save = () => {
      if (!navigator.serviceWorker.controller || missed.size === 0) return;
      const paths = [...missed];
      missed.clear();
      saveFiles(paths, () => undefined)
        .then(() => this.refresh())
        .catch((error: unknown) => console.warn('Saving the models for offline use failed:', errorText(error)));
    };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
        const path = entry.name.startsWith(modelsUrl) ? entry.name.slice(modelsUrl.length) : '';
        if (path && path !== 'index.json' && entry.workerStart === 0) missed.add(path);
      }
      save();
    });
    observer.observe({ type: 'resource', buffered: true });
    this.listen(navigator.serviceWorker, 'controllerchange', save);
  }

  private async refresh(): Promise<void> {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return;
    const status = await ask(worker, { type: 'offline-status' });
    this.find('.offline-state').textContent = t.available(formatMegabytes(status.precacheBytes));
    this.dataset.ready = '';
    this.find('.offline-models').replaceChildren(...modelFolders(status.models).map((folder) => this.drawFolder(folder)));
  }

  private drawFolder(folder: ModelFolderStatus): HTMLLIElement {
    const item = document.createElement('li');
    item.dataset.folder = folder.folder;
    const label = t.folders[folder.folder] ?? folder.folder;
    if (folder.missingBytes === 0) {
      item.textContent = t.saved(label, formatMegabytes(folder.bytes));
      item.dataset.saved = '';
      return item;
    }
    item.textContent = t.notSaved(label);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t.saveNow(formatMegabytes(folder.missingBytes));
    button.addEventListener('click', () => {
      button.disabled = true;
      void navigator.storage?.persist?.();
      let loaded = 0;
      saveFiles(folder.missingPaths, (bytes) => {
        loaded += bytes;
        button.textContent = t.savingModel(formatMegabytes(loaded), formatMegabytes(folder.missingBytes));
      })
        .then(() => this.refresh())
        .catch((error: unknown) => {
          console.error('Saving the model for offline use failed:', errorText(error));
          item.textContent = t.downloadFailed(label);
        });
    });
    item.append(' ', button);
    return item;
  }

  private offerUpdate(waiting: ServiceWorker): void {
    const update = this.find('.offline-update');
    update.hidden = false;
    this.find<HTMLButtonElement>('.offline-reload', update).onclick = () => {
      // Reload only once the new worker controls the page, so that every file comes from one build.
      this.listen(navigator.serviceWorker, 'controllerchange', () => location.reload());
      waiting.postMessage({ type: 'activate-update' } satisfies OfflineRequest);
    };
  }
}

if (!customElements.get('offline-status')) customElements.define('offline-status', OfflineStatusElement);
