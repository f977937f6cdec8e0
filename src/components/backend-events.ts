import type { BackendChoice } from '../lib/backend';

/** The event the tfjs runtime fires on `document` when a backend is chosen or replaced. Kept apart from
 * tf-runtime.ts so listeners (badges) do not pull tfjs into the page's first script. */
export const backendEvent = 'notebook:backend';

/** Fired on `document` when the page's tfjs starts choosing a backend (at the first run, not on load). */
export const backendStartingEvent = 'notebook:backend-starting';

/** The backend chosen and why; the badge words it from `choice` in the page's language (i18n/components/backend.ts). */
export interface BackendStatus {
  choice: BackendChoice;
  /** Set, in the page's language, after a lost GPU device forced a switch. */
  notice?: string;
}
