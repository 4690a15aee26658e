/**
 * Brunel's (2000) network states, plus the two limiting cases his analysis also names:
 * SR synchronous regular, SI-fast / SI-slow synchronous irregular with a fast (≈ 1/(4D)) or slow (≈ 1/τ)
 * population oscillation, AI asynchronous irregular, AR asynchronous regular, Q quiescent (no activity).
 */
export type BrunelState = 'SR' | 'SI-fast' | 'SI-slow' | 'AI' | 'AR' | 'Q';

export interface BrunelFeatures {
  /** Mean single-neuron rate in Hz. */
  readonly meanRate: number;
  /** Mean ISI CV over neurons with enough spikes (NaN if none). */
  readonly meanCv: number;
  /** Golomb's χ of spike counts in 1 ms bins. */
  readonly chi: number;
  /** Frequency of the population-rate spectrum's largest peak above 0 Hz. */
  readonly peakFrequency: number;
  /** That peak's power over the spectrum's median power (see `peakToMedianPower`). */
  readonly peakToMedian: number;
}

/** The thresholds of {@link classifyBrunelState}, calibrated on N = 12 500 networks simulated for 1 s (0.1 s transient). */
export const BRUNEL_STATE_RULE = {
  /** Below this mean rate (Hz) the network is quiescent. */
  quiescentRate: 0.1,
  /** Mean ISI CV below this is regular firing. */
  regularCv: 0.2,
  /** χ (1 ms bins) at or above this is synchronous regular firing. */
  regularSynchronyChi: 0.3,
  /** A spectral peak below this frequency (Hz) is the slow oscillation… */
  slowFrequency: 40,
  /** …when it stands out at least this much above the median power. */
  slowPeakToMedian: 10,
  /** χ (1 ms bins) at or above this, with irregular firing, is the fast oscillation… */
  fastSynchronyChi: 0.15,
  /** …when its spectral peak stands out at least this much above the median power. */
  fastPeakToMedian: 100,
} as const;

/**
 * Classifies a simulated state, first rule that applies:
 * 1. mean rate < 0.1 Hz → Q;
 * 2. mean CV < 0.2 (regular firing) → SR if χ ≥ 0.3, else AR;
 * 3. spectral peak below 40 Hz standing ≥ 10× above the median power → SI-slow (a slow global oscillation that
 *    each neuron joins only sparsely, so χ stays small);
 * 4. χ ≥ 0.15 with a spectral peak ≥ 100× the median power → SI-fast (a population oscillation near 1/(4D)
 *    that neurons join irregularly; both criteria, because χ alone varies with the connectivity's heterogeneity:
 *    at (6, 4) it is 0.23–0.25 with fixed in-degrees and 0.18–0.21 with Erdős–Rényi connectivity);
 * 5. otherwise AI.
 * On the paper's four examples this gives (g, η) = (3, 2) SR, (6, 4) SI-fast, (5, 2) AI, (4.5, 0.9) SI-slow. χ
 * depends on N (finite-size fluctuations), so the thresholds hold for networks of about the paper's size.
 */
export function classifyBrunelState(features: BrunelFeatures): BrunelState {
  const rule = BRUNEL_STATE_RULE;
  if (!(features.meanRate >= rule.quiescentRate)) return 'Q';
  if (features.meanCv < rule.regularCv) return features.chi >= rule.regularSynchronyChi ? 'SR' : 'AR';
  if (features.peakFrequency < rule.slowFrequency && features.peakToMedian >= rule.slowPeakToMedian) return 'SI-slow';
  if (features.chi >= rule.fastSynchronyChi && features.peakToMedian >= rule.fastPeakToMedian) return 'SI-fast';
  return 'AI';
}
