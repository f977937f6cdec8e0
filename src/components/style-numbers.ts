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

/** The numbers by the names of the formula symbols they belong to (`\htmlClass{sym sym-mu-c}{…}`); losses may be missing. */
export function symbolValues(numbers: StyleNumbers): Record<string, number | undefined> {
  return {
    alpha: numbers.alpha,
    'mu-c': numbers.muC,
    'sigma-c': numbers.sigmaC,
    'mu-s': numbers.muS,
    'sigma-s': numbers.sigmaS,
    'mu-t': numbers.muT,
    'sigma-t': numbers.sigmaT,
    'loss-c': numbers.contentLoss,
    'loss-s': numbers.styleLoss,
  };
}
