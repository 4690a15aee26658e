import { it } from 'vitest';
import { balancedLifConfig, balancedLifDrive, balancedLifWeight, createBalancedLifEngine, SpikeRecorder } from '../../src/index.js';
import { referenceLifRun } from '../helpers/exactLifReference.js';

it('scratch', () => {
  for (let seed = 0; seed < 20; seed++) {
    const config = balancedLifConfig({ N: 200, K: 20, rate: 10, J0: 1, 'tau-m': 0.01, 'v-threshold': 1, 'v-reset': 0, rheobase: 1, connectivity: 'erdos-renyi' });
    const dt = 1e-5, T = 0.05;
    const ev = createBalancedLifEngine(config, { dt, seed, engine: 'event' });
    const cl = createBalancedLifEngine(config, { dt, seed, engine: 'clock', threads: 1 });
    const re = new SpikeRecorder(), rc = new SpikeRecorder();
    ev.advance(5000, re); cl.advance(5000, rc);
    const v0 = createBalancedLifEngine(config, { dt, seed }).variable('V');
    const ref = referenceLifRun({ csr: ev.csr, v0: Float64Array.from(v0), tauM: 0.01, drive: balancedLifDrive(config), threshold: 1, reset: 0, weight: balancedLifWeight(config), duration: T, window: 2 * dt });
    const en = re.neuron.view(), et = re.step.view();
    let maxRef = 0, same = en.length === ref.neuron.length;
    for (let k = 0; k < Math.min(en.length, ref.t.length); k++) { if (en[k] !== ref.neuron[k]) same = false; maxRef = Math.max(maxRef, Math.abs(et[k] * dt - ref.t[k])); }
    // per-neuron pairing
    const cut = ref.firstAmbiguity;
    const byE: number[][] = Array.from({ length: 200 }, () => []), byC: number[][] = Array.from({ length: 200 }, () => []);
    for (let k = 0; k < en.length; k++) byE[en[k]].push(et[k] * dt);
    const cn = rc.neuron.view(), ct = rc.step.view();
    for (let k = 0; k < cn.length; k++) byC[cn[k]].push(ct[k] * dt);
    let maxDiff = 0, worstT = 0, firstBad = Infinity, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < 200; i++) for (let k = 0; k < byE[i].length; k++) {
      if (byE[i][k] >= cut) break;
      const d = byE[i][k] - (byC[i][k] ?? NaN);
      const since = byE[i][k] - (k > 0 ? byE[i][k - 1] : 0);
      const bias = since / 0.02 * dt; lo = Math.min(lo, d / dt); hi = Math.max(hi, (d - bias) / dt);
      if (!(Math.abs(d) <= maxDiff)) { maxDiff = Math.abs(d); worstT = byE[i][k]; }
      if (!(Math.abs(d) <= 2 * dt) && byE[i][k] < firstBad) firstBad = byE[i][k];
    }
    console.log(`seed ${seed} spikes ev ${en.length} clock ${cn.length} ref ${ref.t.length} sameOrder ${same} maxRefDiff ${maxRef.toExponential(2)} firstAmb ${(cut * 1e3).toFixed(3)}ms maxDiff/dt ${(maxDiff / dt).toFixed(2)} at ${(worstT * 1e3).toFixed(2)}ms firstBad ${(firstBad*1e3).toFixed(3)} lo ${lo.toFixed(2)} hi-bias ${hi.toFixed(2)}`);
  }
});
