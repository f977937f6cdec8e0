import * as tf from '@tensorflow/tfjs';
import { onDeviceLost } from '../lib/backend';
import { backendOptions, chooseWithEveryCore } from './tf-backend-start';
import { backendEvent, backendStartingEvent, type BackendStatus } from './backend-events';
import { localStrings } from './island';
import { backendStrings } from '../i18n/components/backend';

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

export function ready(): Promise<BackendStatus> {
  status ??= (async () => {
    document.dispatchEvent(new Event(backendStartingEvent));
    const options = backendOptions(location.search);
    const choice = await chooseWithEveryCore(options);
    onDeviceLost(
      choice,
      () => chooseWithEveryCore({ ...options, forced: undefined }),
      (next, lostReason) => {
        status = Promise.resolve(announce({ choice: next, notice: localStrings(backendStrings).deviceLost(lostReason, next.backend) }));
      },
    );
    return announce({ choice, notice: options.threadsProblem && localStrings(backendStrings).threadsNotice(options.threadsProblem) });
  })();
  return status;
}

export { tf };
