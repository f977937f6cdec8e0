import * as tf from '@tensorflow/tfjs';
import { explainChoice, onDeviceLost, backendLabels, type BackendChoice } from '../lib/backend';
import { backendOptions, chooseWithEveryCore } from './tf-backend-start';
import { backendEvent, backendStartingEvent, type BackendStatus } from './backend-events';

/**
 * The page's one tfjs runtime: chosen once per page, shared by every demo. Demos import this module lazily
 * (dynamic import) so the lesson text and formulas render before any tfjs code arrives.
 * `?backend=wasm` (or webgpu, webgl, cpu) in the URL forces a backend; `?threads=N` sets the wasm threads.
 */
let status: Promise<BackendStatus> | undefined;

function announce(current: BackendStatus): BackendStatus {
  document.dispatchEvent(new CustomEvent<BackendStatus>(backendEvent, { detail: current }));
  return current;
}

function describe(choice: BackendChoice, notice?: string): BackendStatus {
  return { choice, label: backendLabels[choice.backend], explanation: explainChoice(choice), notice };
}

export function ready(): Promise<BackendStatus> {
  status ??= (async () => {
    document.dispatchEvent(new Event(backendStartingEvent));
    const options = backendOptions(location.search);
    const choice = await chooseWithEveryCore(options);
    onDeviceLost(
      choice,
      () => chooseWithEveryCore({ ...options, forced: undefined }),
      (next, notice) => {
        status = Promise.resolve(announce(describe(next, notice)));
      },
    );
    return announce(describe(choice, options.threadsNotice));
  })();
  return status;
}

export { tf };
