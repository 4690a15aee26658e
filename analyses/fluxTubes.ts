import { join } from 'node:path';
import type { CommandDef, RunContext } from '../src/core/command.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { numberParam } from '../src/core/params.js';
import { stepsOf } from '../src/core/run.js';
import { lifPhaseDistances } from '../src/kernels/lifPhaseDistance.js';
import { qrInPlace } from '../src/kernels/qrInPlace.js';
import { UnionFind } from '../src/kernels/unionFind.js';
import { widestLogGap } from '../src/kernels/widestLogGap.js';
import { heatmapSpec } from '../src/figures/heatmapSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { mapInWorkers, shareTypedArray } from '../src/pool/pool.js';
import { RandomStreams } from '../src/random/stream.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { shareStudyNetwork, type PerturbedRunResult, type PerturbedRunShared, type PlaneTask } from '../pipelines/perturbedRun.js';
import { describeReferenceRun, referenceRun } from '../pipelines/referenceRun.js';
import { describeStudyNetwork, studyNetwork, studyNetworkParams, type StudyNetwork } from '../pipelines/studyNetwork.js';

export const fluxTubeParams: readonly ParamSpec[] = [
  ...studyNetworkParams,
  { name: 'grid', kind: 'integer', min: 2, minInclusive: true, default: 20, description: 'G: the plane is sampled on a G × G grid' },
  { name: 'span', kind: 'number', min: 0, default: 0.004, description: 'S: a and b run over [−S, S] (phase-space L2 units; a few times ε_ft shows several tubes)' },
  { name: 'T', kind: 'number', dimension: 'time', min: 0, default: 0.2, displayUnit: 's', description: 'simulated time from each initial condition before trajectories are compared' },
];

export interface FluxTubeOptions {
  readonly grid: number;
  readonly span: number;
  readonly duration: number;
}

export interface FluxTubeResult {
  /** Cell centres along each axis. */
  readonly axis: Float64Array;
  /** G×G labels, row-major with rows along b: point (a_i, b_j) is `labels[j·G + i]`; 0 is the largest tube. */
  readonly labels: Int32Array;
  readonly tubes: number;
  readonly largestFraction: number;
  readonly threshold: number;
  readonly summary: Record<string, unknown>;
}

/**
 * Two random orthonormal directions p, q of phase space (concatenated), from the named streams `flux-tubes/p` and
 * `flux-tubes/q`, orthonormalised by Gram–Schmidt.
 */
export function randomPlane(seed: number, size: number): Float64Array {
  const streams = new RandomStreams(seed);
  const plane = new Float64Array(2 * size);
  streams.stream('flux-tubes/p').fillNormal(plane.subarray(0, size));
  streams.stream('flux-tubes/q').fillNormal(plane.subarray(size));
  qrInPlace(plane, size, 2, new Float64Array(2));
  return plane;
}

/** The L2 phase distance between two final states. */
function finalDistance(network: StudyNetwork, a: Float64Array, b: Float64Array, l2: Float64Array, meanAbs: Float64Array): number {
  lifPhaseDistances(network.phase, a, b, a.length, l2, meanAbs);
  return l2[0];
}

/**
 * Task 6 of seed 000 (Monteforte & Wolf's figure 7a): the G×G plane of initial conditions V₀ + a·p + b·q in phase
 * space around the settled state, every point simulated for T on the worker pool, and the points clustered into
 * flux tubes: two points belong to one tube when their trajectories converge.
 *
 * Clustering is transitive (union-find): first every pair of grid neighbours whose final distance is below the
 * threshold is joined; then one representative of each resulting cluster is compared with every other, so
 * separate patches that converge onto the same trajectory become one tube. The threshold comes from the data: the
 * middle (on a log scale) of the widest gap among the neighbour distances, together with the two reference levels
 * of the dynamics — the grid spacing shrunk by the measured decay of an infinitesimal perturbation, and the
 * distance of unrelated states — so a plane that lies wholly inside one tube, or whose neighbours all diverged,
 * still gets a threshold between the two outcomes.
 */
export async function fluxTubeStudy(network: StudyNetwork, options: FluxTubeOptions, context: RunContext): Promise<FluxTubeResult> {
  const { grid, span, duration } = options;
  const { config } = network;
  const size = config.size;
  const reference = await referenceRun(network, { duration, every: duration });
  const axis = Float64Array.from({ length: grid }, (_, i) => -span + (2 * span * i) / (grid - 1));
  const tasks: PlaneTask[] = [];
  for (let j = 0; j < grid; j++) for (let i = 0; i < grid; i++) tasks.push({ a: axis[i], b: axis[j] });
  const shared: PerturbedRunShared = {
    network: shareStudyNetwork(network),
    settled: shareTypedArray(reference.settled),
    duration,
    plane: shareTypedArray(randomPlane(network.seed, size)),
  };
  const started = performance.now();
  const results = await mapInWorkers<PlaneTask, PerturbedRunResult>(new URL('./perturbedRunWorker.js', import.meta.url), tasks, {
    workers: network.workers,
    progress: context.progress,
    workerData: shared,
  });
  const runsWall = (performance.now() - started) / 1000;
  const finals = results.map((result) => result.final as Float64Array);

  const l2 = new Float64Array(1);
  const meanAbs = new Float64Array(1);
  const pairs: [number, number, number][] = [];
  for (let j = 0; j < grid; j++) {
    for (let i = 0; i < grid; i++) {
      const p = j * grid + i;
      if (i + 1 < grid) pairs.push([p, p + 1, finalDistance(network, finals[p], finals[p + 1], l2, meanAbs)]);
      if (j + 1 < grid) pairs.push([p, p + grid, finalDistance(network, finals[p], finals[p + grid], l2, meanAbs)]);
    }
  }
  const spacing = axis[1] - axis[0];
  const decayed = spacing * Math.min(reference.decayFactor, 1);
  const gap = widestLogGap([...pairs.map((pair) => pair[2]), decayed, reference.unrelatedL2]);
  const threshold = gap.threshold;
  const clusters = new UnionFind(grid * grid);
  let convergedNeighbours = 0;
  for (const [p, q, distance] of pairs) {
    if (distance < threshold) {
      clusters.union(p, q);
      convergedNeighbours++;
    }
  }
  const roots = [...new Set(Array.from({ length: grid * grid }, (_, p) => clusters.find(p)))];
  let mergedPatches = 0;
  for (let x = 0; x < roots.length; x++) {
    for (let y = x + 1; y < roots.length; y++) {
      if (clusters.find(roots[x]) === clusters.find(roots[y])) continue;
      if (finalDistance(network, finals[roots[x]], finals[roots[y]], l2, meanAbs) < threshold) {
        clusters.union(roots[x], roots[y]);
        mergedPatches++;
      }
    }
  }
  const { labels, sets, sizes } = clusters.labels();
  const largestFraction = sizes[0] / (grid * grid);
  const a = new Float64Array(grid * grid);
  const b = new Float64Array(grid * grid);
  for (let p = 0; p < grid * grid; p++) {
    a[p] = tasks[p].a;
    b[p] = tasks[p].b;
  }
  await writeColumnTable(join(context.out, 'flux_tubes.parquet'), { a, b, label: labels });
  const figures: string[] = [];
  if (context.figures) {
    figures.push('flux_tubes.png');
    await renderFigure(
      {
        ...heatmapSpec({
        x: axis,
        y: axis,
        z: labels,
        categorical: true,
        xLabel: 'a (along p)',
        yLabel: 'b (along q)',
        zLabel: 'tube',
        title: `Flux tubes: ${sets} in the plane V₀ + a·p + b·q (T = ${duration * 1000} ms)`,
        }),
        // a square plot: a and b are the same kind of coordinate
        width: 420,
        height: 420,
      },
      join(context.out, figures[0]),
    );
  }
  const summary = {
    ...describeStudyNetwork(network),
    grid,
    span,
    T: duration,
    tubes: sets,
    largest_fraction: largestFraction,
    threshold,
    gap: { lower: gap.lower, upper: gap.upper },
    decayed_spacing: decayed,
    ...describeReferenceRun(reference, duration),
    converged_neighbour_pairs: convergedNeighbours,
    neighbour_pairs: pairs.length,
    merged_patches: mergedPatches,
    tube_sizes: Array.from(sizes.subarray(0, Math.min(sizes.length, 20))),
    clamped_neurons_total: results.reduce((n, result) => n + result.clamped, 0),
    runs_wall_s: runsWall,
    figures,
  };
  return { axis, labels, tubes: sets, largestFraction, threshold, summary };
}

/** Reads and cross-checks the flux-tube flags (before any simulation). */
export function fluxTubeOptions(values: ParamValues): FluxTubeOptions {
  const duration = numberParam(values, 'T');
  stepsOf('T', duration, numberParam(values, 'dt'));
  return { grid: numberParam(values, 'grid'), span: numberParam(values, 'span'), duration };
}

export const fluxTubes: CommandDef = {
  name: 'flux-tubes',
  description: 'flux-tube map: a G×G plane of perturbed initial conditions clustered by convergence (seed 000, task 6)',
  params: fluxTubeParams,
  prepare(values: ParamValues) {
    const options = fluxTubeOptions(values);
    const network = studyNetwork(values);
    return {
      async run(context: RunContext) {
        return { ...(await fluxTubeStudy(network, options, context)).summary, params: values };
      },
    };
  },
};
