/**
 * The numbers the style lab publishes after each run, for the formulas and the diagram to show. Kept apart
 * from the lab so listeners pull in no lab or tfjs code.
 */
export const styleNumbersEvent = 'style-lab:numbers';

export interface StyleNumbers {
  alpha: number;
  /** The relu4_1 channel the μ and σ below belong to. */
  channel: number;
  muC: number;
  sigmaC: number;
  /** The style's statistics (the weighted mix when several styles are mixed). */
  muS: number;
  sigmaS: number;
  muT: number;
  sigmaT: number;
  contentLoss?: number;
  /** Averaged over the styles when there are several. */
  styleLoss?: number;
}
