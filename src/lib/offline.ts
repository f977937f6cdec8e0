/**
 * What the page and the service worker say to each other (src/components/offline-status.ts and
 * src/service-worker/sw.ts), and how the page sums up what is saved for offline use. The page asks with a
 * MessageChannel port and the worker answers on it.
 */

export interface OfflineStatusRequest {
  type: 'offline-status';
}

/** The waiting worker of a new build takes over; the page reloads when it does. */
export interface ActivateUpdateRequest {
  type: 'activate-update';
}

export type OfflineRequest = OfflineStatusRequest | ActivateUpdateRequest;

export interface ModelFileStatus {
  /** Relative to the models folder, as in models/index.json, e.g. `adain-vgg19/encoder.bin`. */
  path: string;
  bytes: number;
  saved: boolean;
}

export interface OfflineStatus {
  /** Bytes of the pages, scripts, wasm, fonts, images and generator saved when the worker installed. */
  precacheBytes: number;
  models: ModelFileStatus[];
}

export interface ModelFolderStatus {
  /** The folder under models/, e.g. `adain-vgg19`. */
  folder: string;
  bytes: number;
  /** Bytes still to download before the whole model is saved. */
  missingBytes: number;
  missingPaths: string[];
}

/** The model files grouped by model folder, in the order the index lists them. */
export function modelFolders(models: readonly ModelFileStatus[]): ModelFolderStatus[] {
  const folders = new Map<string, ModelFolderStatus>();
  for (const file of models) {
    const folder = file.path.split('/')[0] ?? file.path;
    const entry = folders.get(folder) ?? { folder, bytes: 0, missingBytes: 0, missingPaths: [] };
    entry.bytes += file.bytes;
    if (!file.saved) {
      entry.missingBytes += file.bytes;
      entry.missingPaths.push(file.path);
    }
    folders.set(folder, entry);
  }
  return [...folders.values()];
}
