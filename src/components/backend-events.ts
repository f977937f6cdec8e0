import type { BackendChoice } from '../lib/backend';

/** The event the tfjs runtime fires on `document` when a backend is chosen or replaced. Kept apart from
 * tf-runtime.ts so listeners (badges) do not pull tfjs into the page's first script. */
export const backendEvent = 'notebook:backend';

/** Fired on `document` when the page's tfjs starts choosing a backend (at the first run, not on load). */
export const backendStartingEvent = 'notebook:backend-starting';

export interface BackendStatus {
  choice: BackendChoice;
  label: string;
  explanation: string;
  /** Set after a lost GPU device forced a switch. */
  notice?: string;
}
