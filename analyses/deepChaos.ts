import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { heatmapSpec } from '../src/figures/heatmapSpec.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { pathSpec } from '../src/figures/pathSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { xySpec } from '../src/figures/xySpec.js';
import { chi1 } from '../src/kernels/chi1.js';
import { correlationFixedPoint } from '../src/kernels/correlationMap.js';
import { criticalLine } from '../src/kernels/criticalSigmaW.js';
import { lengthFixedPoint } from '../src/kernels/lengthMap.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { deepPropagation, type DeepPropagation } from '../pipelines/deepPropagation.js';
import { parseNumberList } from '../pipelines/numberList.js';

/** σ_b values the critical line always includes. */
const REQUIRED_SIGMA_B = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0];

export const deepChaosParams: readonly ParamSpec[] = [
  { name: 'sigma-b-list', kind: 'string', default: REQUIRED_SIGMA_B.join(','), description: 'σ_b values of the reported critical line (0, 0.05, 0.1, 0.2, 0.3, 0.5, 1 are always included)' },
  { name: 'sigma-w-max', kind: 'number', min: 1, default: 4, description: 'largest σ_w of the phase diagram' },
  { name: 'sigma-b-max', kind: 'number', min: 0, default: 1.2, description: 'largest σ_b of the phase diagram' },
  { name: 'sigma-b-sim', kind: 'number', min: 0, minInclusive: true, default: 0.3, description: 'σ_b of the direct simulations' },
  { name: 'sigma-w-ordered', kind: 'number', min: 0, default: 1, description: 'σ_w of the simulation on the ordered side (χ₁ < 1)' },
  { name: 'sigma-w-chaotic', kind: 'number', min: 0, default: 2.5, description: 'σ_w of the simulation on the chaotic side (χ₁ > 1)' },
  { name: 'width', kind: 'integer', min: 2, minInclusive: true, default: 1000, description: 'units per layer N of the simulated network' },
  { name: 'depth', kind: 'integer', min: 1, minInclusive: true, default: 30, description: 'layers L of the simulated network' },
  { name: 'trials', kind: 'integer', min: 1, minInclusive: true, default: 4, description: 'independent networks averaged in each simulation' },
  { name: 'c0', kind: 'number', min: -1, max: 1, minInclusive: true, default: 0.99, description: 'correlation of the two inputs at layer 0 (nearby inputs: close to 1)' },
  { name: 'seed', kind: 'integer', min: 0, minInclusive: true, default: 0, description: 'master seed of the named streams (connectivity: weights and biases; init: the inputs)' },
];

interface Setting {
  readonly side: 'ordered' | 'chaotic';
  readonly sigmaW: number;
  readonly sigmaB: number;
}

interface SimulatedSetting extends Setting {
  readonly chi1: number;
  readonly qStar: number;
  readonly cStar: number | null;
  readonly run: DeepPropagation;
}

function grid(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => +(lo + ((hi - lo) * k) / (count - 1)).toPrecision(12));
}

function phaseDiagramSpec(sigmaWs: number[], sigmaBs: number[], logChi: Float64Array, line: { sigmaB: number; sigmaW: number }[], settings: readonly Setting[], sigmaWMax: number): TopLevelSpec {
  const heat = heatmapSpec({
    x: sigmaWs,
    y: sigmaBs,
    z: logChi,
    xLabel: 'σ_w',
    yLabel: 'σ_b',
    zLabel: 'log₁₀ χ₁',
    title: 'log₁₀ χ₁: negative ordered, positive chaotic',
  });
  const top = sigmaBs[sigmaBs.length - 1];
  const boundary = pathSpec({
    series: [
      { name: 'χ₁ = 1 (order–chaos boundary)', x: line.map((p) => p.sigmaW), y: line.map((p) => p.sigmaB), size: 2.5 },
      { name: 'simulated settings', x: settings.map((s) => s.sigmaW), y: settings.map((s) => s.sigmaB), mark: 'point', size: 70 },
    ],
    labels: [
      { x: 0.55, y: top * 0.85, text: 'ordered (χ₁ < 1)' },
      { x: sigmaWMax - 0.1, y: top * 0.15, text: 'chaotic (χ₁ > 1)', side: 'left' },
    ],
    xDomain: [0.5, sigmaWMax],
    yDomain: [0, top],
    xLabel: 'σ_w',
    yLabel: 'σ_b',
    title: 'Phase diagram of deep random tanh networks',
  });
  return panelSpec([boundary, heat], { columns: 2, title: 'Order to chaos in deep random networks (Poole et al. 2016)', panelWidth: 400, panelHeight: 320 });
}

function simulationSpec(simulated: readonly SimulatedSetting[]): TopLevelSpec {
  const seriesOf = (pick: (run: DeepPropagation, predicted: boolean) => ArrayLike<number>) =>
    simulated.flatMap((s) => [
      { name: `${s.side}, σ_w = ${s.sigmaW}: simulated`, x: s.run.layer, y: pick(s.run, false), mark: 'point' as const },
      { name: `${s.side}, σ_w = ${s.sigmaW}: c-map`, x: s.run.layer, y: pick(s.run, true), mark: 'line' as const, dash: true },
    ]);
  const correlation = xySpec({
    series: seriesOf((run, predicted) => (predicted ? run.cPredicted : run.c)),
    xLabel: 'layer l',
    yLabel: 'correlation c^l',
    title: 'Correlation of two nearby inputs against depth',
  });
  const distance = xySpec({
    series: seriesOf((run, predicted) => Float64Array.from(predicted ? run.cPredicted : run.c, (c) => 1 - c)),
    xLabel: 'layer l',
    yLabel: '1 − c^l',
    logY: true,
    title: '1 − c^l (log scale): ordered inputs converge, chaotic ones decorrelate',
  });
  return panelSpec([correlation, distance], { columns: 1, title: `Two inputs through random tanh layers (σ_b = ${simulated[0].sigmaB})`, panelWidth: 560, panelHeight: 280 });
}

/**
 * `spikeflow analyze deep-chaos`: the mean-field order–chaos boundary χ₁ = 1 of deep random tanh networks (Poole et
 * al. 2016) as `critical_line`, χ₁ over a (σ_w, σ_b) grid (`phase_diagram.png`), and a direct simulation: two inputs
 * of correlation c0 propagated through L random layers of width N (`DeepTanhEngine`, q and c measured by an operator
 * over the state frames) on each side of the boundary, against the mean-field c-map (`simulation.png`).
 */
export const deepChaos: CommandDef = {
  name: 'deep-chaos',
  description: 'Deep random tanh networks (Poole et al.; seed 002): χ₁ = 1 critical line, phase diagram, simulated correlation vs depth against the c-map',
  params: deepChaosParams,
  prepare(values: ParamValues) {
    const requested = parseNumberList('sigma-b-list', values['sigma-b-list'], { min: 0 });
    const sigmaBList = [...new Set([...REQUIRED_SIGMA_B, ...requested])].sort((a, b) => a - b);
    const sigmaWMax = numberParam(values, 'sigma-w-max');
    const sigmaBMax = numberParam(values, 'sigma-b-max');
    const sigmaBSim = numberParam(values, 'sigma-b-sim');
    const settings: Setting[] = [
      { side: 'ordered', sigmaW: numberParam(values, 'sigma-w-ordered'), sigmaB: sigmaBSim },
      { side: 'chaotic', sigmaW: numberParam(values, 'sigma-w-chaotic'), sigmaB: sigmaBSim },
    ];
    for (const setting of settings) {
      const chi = chi1(setting.sigmaW, setting.sigmaB);
      if (setting.side === 'ordered' ? !(chi < 1) : !(chi > 1)) {
        throw invalidParameter(`sigma-w-${setting.side}`, setting.sigmaW, `a σ_w on the ${setting.side} side at σ_b = ${setting.sigmaB} (χ₁ ${setting.side === 'ordered' ? '<' : '>'} 1; it is ${chi.toPrecision(4)})`);
      }
    }
    const width = numberParam(values, 'width');
    const depth = numberParam(values, 'depth');
    const c0 = numberParam(values, 'c0');
    const trials = numberParam(values, 'trials');
    const seed = numberParam(values, 'seed');
    return {
      async run(context: RunContext) {
        const line = criticalLine(sigmaBList);
        const sigmaWs = grid(0.5, sigmaWMax, 71);
        const sigmaBs = grid(0, sigmaBMax, 49);
        const chiGrid = new Float64Array(sigmaWs.length * sigmaBs.length);
        sigmaBs.forEach((b, iy) => sigmaWs.forEach((w, ix) => (chiGrid[iy * sigmaWs.length + ix] = chi1(w, b))));
        const simulated: SimulatedSetting[] = [];
        for (const [k, setting] of settings.entries()) {
          const run = await deepPropagation({ sigmaW: setting.sigmaW, sigmaB: setting.sigmaB, width, depth, c0, seed, trials });
          const qStar = lengthFixedPoint(setting.sigmaW, setting.sigmaB);
          simulated.push({ ...setting, chi1: chi1(setting.sigmaW, setting.sigmaB), qStar, cStar: qStar > 0 ? correlationFixedPoint(setting.sigmaW, setting.sigmaB) : null, run });
          context.progress.update(k + 1, settings.length, 'simulations');
        }
        await writeColumnTable(join(context.out, 'critical_line.parquet'), {
          sigma_b: Float64Array.from(line, (p) => p.sigmaB),
          sigma_w: Float64Array.from(line, (p) => p.sigmaW),
        });
        await writeColumnTable(join(context.out, 'phase_diagram.parquet'), {
          sigma_w: Float64Array.from(chiGrid, (_, i) => sigmaWs[i % sigmaWs.length]),
          sigma_b: Float64Array.from(chiGrid, (_, i) => sigmaBs[Math.floor(i / sigmaWs.length)]),
          chi1: chiGrid,
        });
        const rows = simulated.reduce((n, s) => n + s.run.layer.length, 0);
        const column = (pick: (s: SimulatedSetting, l: number) => number) => {
          const out = new Float64Array(rows);
          let r = 0;
          for (const s of simulated) for (let l = 0; l < s.run.layer.length; l++) out[r++] = pick(s, l);
          return out;
        };
        await writeColumnTable(join(context.out, 'simulation.parquet'), {
          setting: Int32Array.from(column((s) => (s.side === 'ordered' ? 0 : 1))),
          sigma_w: column((s) => s.sigmaW),
          sigma_b: column((s) => s.sigmaB),
          layer: column((s, l) => s.run.layer[l]),
          c: column((s, l) => s.run.c[l]),
          c_predicted: column((s, l) => s.run.cPredicted[l]),
          q1: column((s, l) => s.run.q1[l]),
          q2: column((s, l) => s.run.q2[l]),
          q_predicted: column((s, l) => s.run.qPredicted[l]),
        });
        const figures: string[] = [];
        if (context.figures) {
          const logChi = Float64Array.from(chiGrid, (v) => Math.log10(v));
          const dense = criticalLine(grid(0, sigmaBMax, 25));
          await renderFigure(phaseDiagramSpec(sigmaWs, sigmaBs, logChi, dense, settings, sigmaWMax), join(context.out, 'phase_diagram.png'));
          await renderFigure(simulationSpec(simulated), join(context.out, 'simulation.png'));
          figures.push('phase_diagram.png', 'simulation.png');
        }
        return {
          critical_line: line.map((p) => ({ sigma_b: p.sigmaB, sigma_w: p.sigmaW })),
          simulation: simulated.map((s) => {
            let maxError = 0;
            for (let l = 0; l < s.run.c.length; l++) maxError = Math.max(maxError, Math.abs(s.run.c[l] - s.run.cPredicted[l]));
            const last = s.run.c.length - 1;
            return {
              side: s.side,
              sigma_w: s.sigmaW,
              sigma_b: s.sigmaB,
              chi1: s.chi1,
              q_star: s.qStar,
              c_star: s.cStar,
              c_final: s.run.c[last],
              c_final_predicted: s.run.cPredicted[last],
              max_abs_c_error: maxError,
            };
          }),
          width,
          depth,
          trials,
          c0,
          seed,
          tables: ['critical_line.parquet', 'phase_diagram.parquet', 'simulation.parquet'],
          figures,
          params: values,
        };
      },
    };
  },
};
