import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CommandDef, RunContext } from '../src/core/command.js';
import { invalidParameter } from '../src/core/errors.js';
import type { ParamSpec, ParamValues } from '../src/core/params.js';
import { stepsOf } from '../src/core/run.js';
import { panelSpec } from '../src/figures/panelSpec.js';
import { pathSpec, type PathLabel } from '../src/figures/pathSpec.js';
import { renderFigure } from '../src/figures/render.js';
import { traceSpec } from '../src/figures/traceSpec.js';
import { classifyFixedPoint, type FixedPointClass } from '../src/kernels/classifyFixedPoint.js';
import { contourSegments } from '../src/kernels/contourSegments.js';
import { eiFixedPoints } from '../src/kernels/eiFixedPoints.js';
import { eiJacobian } from '../src/kernels/eiJacobian.js';
import { eiInputE, eiInputI, eiRateField, type EiRateParams } from '../src/kernels/eiRateField.js';
import { eigen2x2, type Complex, type Matrix2x2 } from '../src/kernels/eigen2x2.js';
import { transferRange, transferSlope, transferValue } from '../src/kernels/transfer.js';
import { eiRateConfig, eiRateParams } from '../src/models/eiRate.js';
import { writeColumnTable } from '../pipelines/columnTable.js';
import { eiTrajectory, type EiTrajectory } from '../pipelines/eiTrajectory.js';

export const eiStabilityParams: readonly ParamSpec[] = [
  ...eiRateParams,
  { name: 'T', kind: 'number', dimension: 'time', min: 0, displayUnit: 'ms', description: 'duration of each phase-plane trajectory (default 60·max(τ_E, τ_I))' },
  { name: 'dt', kind: 'number', dimension: 'time', min: 0, displayUnit: 'ms', description: 'RK4 step of the trajectories (default min(τ_E, τ_I)/200)' },
];

/** Integer codes of the fixed-point classes in `fixed_points.parquet`, in this order. */
export const FIXED_POINT_CLASSES: readonly FixedPointClass[] = [
  'stable node',
  'stable focus',
  'saddle',
  'unstable node',
  'unstable focus',
  'centre',
  'degenerate (singular Jacobian)',
];

/** The onset of oscillation at a fixed point when τ_I alone changes (the fixed points do not depend on τ's). */
export interface HopfPoint {
  /** τ_I at which the trace of the Jacobian vanishes while its determinant stays positive. */
  readonly tauI: number;
  /** Angular frequency √det of the oscillation there, in 1/(unit of τ). */
  readonly omega: number;
}

export interface FixedPointReport {
  readonly v_e: number;
  readonly v_i: number;
  readonly eigenvalues: readonly [Complex, Complex];
  readonly jacobian: Matrix2x2;
  readonly class: FixedPointClass;
  /** τ_I of the Hopf point along τ_I, or null when no τ_I makes this point oscillate neutrally. */
  readonly tau_i_hopf: number | null;
  readonly note?: string;
}

export interface EiStabilityResult {
  readonly fixedPoints: readonly FixedPointReport[];
  readonly continuum: boolean;
  readonly note?: string;
}

/** Inputs this close to the kink of [x]₊ (relative to the input's terms) sit on it. */
const KINK_TOLERANCE = 1e-12;

/**
 * τ_I* where the trace (−1 + M_EE f_E′)/τ_E + (−1 + M_II f_I′)/τ_I vanishes: with a_E = −1 + M_EE f_E′ > 0 (runaway
 * excitation) and a_I = −1 + M_II f_I′ < 0, τ_I* = −a_I·τ_E/a_E; it is a Hopf point when the determinant,
 * (a_E·a_I − M_EI f_E′·M_IE f_I′)/(τ_E·τ_I), is positive there. Slower inhibition (τ_I > τ_I*) destabilises the focus.
 */
export function hopfAlongTauI(p: EiRateParams, vE: number, vI: number): HopfPoint | undefined {
  const slopeE = transferSlope(p.transferE, eiInputE(p, vE, vI));
  const slopeI = transferSlope(p.transferI, eiInputI(p, vE, vI));
  const aE = -1 + p.mEE * slopeE;
  const aI = -1 + p.mII * slopeI;
  const cross = aE * aI - p.mEI * slopeE * p.mIE * slopeI;
  if (!(aE > 0 && aI < 0 && cross > 0)) return undefined;
  const tauI = (-aI * p.tauE) / aE;
  return { tauI, omega: Math.sqrt(cross / (p.tauE * tauI)) };
}

/** Fixed points with Jacobian, eigenvalues, class and Hopf point, and a plain note whenever the answer is not a simple list. */
export function analyseEiStability(p: EiRateParams): EiStabilityResult {
  const set = eiFixedPoints(p);
  const fixedPoints = set.points.map((point): FixedPointReport => {
    const jacobian = eiJacobian(p, point.vE, point.vI);
    const kind = classifyFixedPoint(jacobian);
    const notes: string[] = [];
    if (kind === 'degenerate (singular Jacobian)') notes.push('singular Jacobian (a zero eigenvalue): the linearisation cannot decide stability');
    for (const [population, fn, input, scale] of [
      ['E', p.transferE, eiInputE(p, point.vE, point.vI), Math.abs(p.mEE * point.vE) + Math.abs(p.mEI * point.vI) + Math.abs(p.gammaE)],
      ['I', p.transferI, eiInputI(p, point.vE, point.vI), Math.abs(p.mIE * point.vE) + Math.abs(p.mII * point.vI) + Math.abs(p.gammaI)],
    ] as const) {
      if (fn.kind === 'threshold-linear' && Math.abs(input) <= KINK_TOLERANCE * Math.max(1, scale)) {
        notes.push(`the ${population} input sits on the kink of [x]₊, where the Jacobian takes the inactive slope 0: the stability shown is that of the inactive side`);
      }
    }
    const hopf = hopfAlongTauI(p, point.vE, point.vI);
    return {
      v_e: point.vE,
      v_i: point.vI,
      eigenvalues: eigen2x2(jacobian),
      jacobian,
      class: kind,
      tau_i_hopf: hopf ? hopf.tauI : null,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    };
  });
  return { fixedPoints, continuum: set.continuum, ...(set.note ? { note: set.note } : {}) };
}

interface Box {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The phase-plane window: the rate ranges for bounded (sigmoid) rates, else a window around the fixed points. */
function phaseBox(p: EiRateParams, result: EiStabilityResult): Box {
  if (p.transferE.kind === 'sigmoid') {
    const pad = (range: readonly [number, number]): [number, number] => {
      const width = range[1] - range[0];
      return [range[0] - 0.05 * width, range[1] + 0.05 * width];
    };
    return { x: pad(transferRange(p.transferE)), y: pad(transferRange(p.transferI)) };
  }
  let extent = 1;
  for (const point of result.fixedPoints) extent = Math.max(extent, 2 * Math.abs(point.v_e), 2 * Math.abs(point.v_i));
  const lower = p.transferE.kind === 'threshold-linear' ? -0.1 * extent : -extent;
  return { x: [lower, extent], y: [lower, extent] };
}

function grid(range: readonly [number, number], count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, k) => range[0] + ((range[1] - range[0]) * k) / (count - 1));
}

/** Both nullclines as segment lists (NaN-separated x and y for `pathSpec`), by marching squares on a fine grid. */
function nullclines(p: EiRateParams, box: Box): { e: { x: number[]; y: number[] }; i: { x: number[]; y: number[] } } {
  const n = 241;
  const xs = grid(box.x, n);
  const ys = grid(box.y, n);
  const fieldE = new Float64Array(n * n);
  const fieldI = new Float64Array(n * n);
  for (let iy = 0; iy < n; iy++) {
    for (let ix = 0; ix < n; ix++) {
      // the zero sets of τ·dv/dt, which do not depend on τ
      fieldE[iy * n + ix] = -xs[ix] + transferValue(p.transferE, eiInputE(p, xs[ix], ys[iy]));
      fieldI[iy * n + ix] = -ys[iy] + transferValue(p.transferI, eiInputI(p, xs[ix], ys[iy]));
    }
  }
  const toPath = (segments: Float64Array) => {
    const x: number[] = [];
    const y: number[] = [];
    for (let k = 0; k < segments.length; k += 4) x.push(segments[k], segments[k + 2], NaN), y.push(segments[k + 1], segments[k + 3], NaN);
    return { x, y };
  };
  return { e: toPath(contourSegments(fieldE, xs, ys)), i: toPath(contourSegments(fieldI, xs, ys)) };
}

/** The direction field as arrows of equal length on screen (shaft plus two head strokes), NaN-separated. */
function directionField(p: EiRateParams, box: Box): { x: number[]; y: number[] } {
  const count = 17;
  const width = box.x[1] - box.x[0];
  const height = box.y[1] - box.y[0];
  const length = 0.6 / (count - 1);
  const out = new Float64Array(2);
  const x: number[] = [];
  const y: number[] = [];
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      const px = box.x[0] + (width * (a + 0.5)) / count;
      const py = box.y[0] + (height * (b + 0.5)) / count;
      eiRateField(p, px, py, out);
      // direction in screen units (fractions of the box), so arrows look alike whatever the axes' scales
      const u = out[0] / width;
      const v = out[1] / height;
      const norm = Math.hypot(u, v);
      if (!(norm > 0 && Number.isFinite(norm))) continue;
      const du = (u / norm) * length;
      const dv = (v / norm) * length;
      const tipX = px + du * width;
      const tipY = py + dv * height;
      x.push(px, tipX, NaN);
      y.push(py, tipY, NaN);
      for (const angle of [0.45, -0.45]) {
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        const hu = -(du * cos - dv * sin) * 0.35;
        const hv = -(du * sin + dv * cos) * 0.35;
        x.push(tipX, tipX + hu * width, NaN);
        y.push(tipY, tipY + hv * height, NaN);
      }
    }
  }
  return { x, y };
}

/** Starting points: the box corners pulled inwards, and two small displacements off each fixed point. */
function trajectoryStarts(result: EiStabilityResult, box: Box): [number, number][] {
  const width = box.x[1] - box.x[0];
  const height = box.y[1] - box.y[0];
  const starts: [number, number][] = [
    [box.x[0] + 0.15 * width, box.y[0] + 0.15 * height],
    [box.x[1] - 0.15 * width, box.y[0] + 0.15 * height],
    [box.x[0] + 0.15 * width, box.y[1] - 0.15 * height],
    [box.x[1] - 0.15 * width, box.y[1] - 0.15 * height],
  ];
  for (const point of result.fixedPoints.slice(0, 4)) {
    starts.push([point.v_e + 0.04 * width, point.v_i + 0.02 * height]);
    starts.push([point.v_e - 0.04 * width, point.v_i - 0.02 * height]);
  }
  return starts;
}

/** A time course from a point near a fixed point, with its label. */
interface TimeCourse {
  readonly label: string;
  readonly trajectory: EiTrajectory;
}

/** The fixed point to show oscillations around: the first that has a Hopf point along τ_I, else the first focus, else the first. */
function focusOfInterest(result: EiStabilityResult): number {
  const hopf = result.fixedPoints.findIndex((point) => point.tau_i_hopf !== null);
  if (hopf >= 0) return hopf;
  const focus = result.fixedPoints.findIndex((point) => point.class.endsWith('focus') || point.class === 'centre');
  return focus >= 0 ? focus : result.fixedPoints.length > 0 ? 0 : -1;
}

/** Largest sample count kept per trajectory: bounded figure data and tables whatever T/dt. */
const MAX_SAMPLES = 4000;

function sampling(steps: number): number {
  return Math.max(1, Math.ceil(steps / MAX_SAMPLES));
}

/** τ_I below the Hopf point at which the point is a stable focus (damped oscillation), trying a few fractions. */
function dampedTauI(p: EiRateParams, point: FixedPointReport, tauHopf: number): number | undefined {
  for (const fraction of [0.8, 0.9, 0.7, 0.6, 0.95, 0.5]) {
    const tauI = fraction * tauHopf;
    if (classifyFixedPoint(eiJacobian({ ...p, tauI }, point.v_e, point.v_i)) === 'stable focus') return tauI;
  }
  return undefined;
}

async function timeCourses(p: EiRateParams, result: EiStabilityResult, box: Box, dt: number, steps: number): Promise<{ courses: TimeCourse[]; note?: string }> {
  const index = focusOfInterest(result);
  const width = box.x[1] - box.x[0];
  const courses: TimeCourse[] = [];
  if (index < 0) {
    const start: [number, number] = [(box.x[0] + box.x[1]) / 2, (box.y[0] + box.y[1]) / 2];
    courses.push({ label: 'these parameters, from the centre of the window', trajectory: await eiTrajectory(p, start, { dt, steps, every: sampling(steps) }) });
    return { courses, note: 'no fixed point, so no oscillation about one to show' };
  }
  const point = result.fixedPoints[index];
  const start: [number, number] = [point.v_e + 0.01 * width, point.v_i];
  const at = `fixed point ${index} (${formatRate(point.v_e)}, ${formatRate(point.v_i)})`;
  courses.push({ label: `these parameters (τ_I = ${formatMs(p.tauI)}): ${point.class} at ${at}`, trajectory: await eiTrajectory(p, start, { dt, steps, every: sampling(steps) }) });
  const hopf = hopfAlongTauI(p, point.v_e, point.v_i);
  if (!hopf) return { courses, note: `no τ_I makes ${at} oscillate neutrally (it needs runaway excitation, −1 + M_EE·f_E′ > 0, and a positive determinant)` };
  const period = (2 * Math.PI) / hopf.omega;
  const hopfDt = Math.min(dt, period / 400);
  const hopfSteps = Math.round((10 * period) / hopfDt);
  const damped = dampedTauI(p, point, hopf.tauI);
  if (damped !== undefined) {
    courses.push({
      label: `damped: τ_I = ${formatMs(damped)} < τ_I* (Re λ < 0, stable focus)`,
      trajectory: await eiTrajectory({ ...p, tauI: damped }, start, { dt: hopfDt, steps: hopfSteps, every: sampling(hopfSteps) }),
    });
  }
  courses.push({
    label: `sustained: τ_I = τ_I* = ${formatMs(hopf.tauI)} (Re λ = 0)`,
    trajectory: await eiTrajectory({ ...p, tauI: hopf.tauI }, start, { dt: hopfDt, steps: hopfSteps, every: sampling(hopfSteps) }),
  });
  return { courses };
}

/** Three significant digits; rounding noise around an exact zero shows as 0. */
function formatRate(value: number): string {
  return Math.abs(value) < 1e-12 ? '0' : value.toPrecision(3);
}

function formatMs(seconds: number): string {
  return `${+(seconds * 1000).toPrecision(4)} ms`;
}

function phasePlaneSpec(p: EiRateParams, result: EiStabilityResult, box: Box, trajectories: readonly EiTrajectory[]): TopLevelSpec {
  const curves = nullclines(p, box);
  const arrows = directionField(p, box);
  const joined = { x: [] as number[], y: [] as number[] };
  for (const trajectory of trajectories) {
    joined.x.push(...trajectory.vE, NaN);
    joined.y.push(...trajectory.vI, NaN);
  }
  const middle = (box.x[0] + box.x[1]) / 2;
  const labels: PathLabel[] = result.fixedPoints.map((point) => ({ x: point.v_e, y: point.v_i, text: point.class, side: point.v_e > middle ? 'left' : 'right' }));
  return pathSpec({
    series: [
      { name: 'direction field', x: arrows.x, y: arrows.y, size: 1, colour: '#9a9a9a' },
      { name: 'E nullcline (dv_E/dt = 0)', x: curves.e.x, y: curves.e.y, size: 2.5, colour: '#1f77b4' },
      { name: 'I nullcline (dv_I/dt = 0)', x: curves.i.x, y: curves.i.y, size: 2.5, colour: '#d62728' },
      { name: 'trajectories', x: joined.x, y: joined.y, size: 1.5, colour: '#2ca02c' },
      { name: 'fixed points', x: result.fixedPoints.map((q) => q.v_e), y: result.fixedPoints.map((q) => q.v_i), mark: 'point', size: 90, colour: '#000000' },
    ],
    labels,
    xDomain: box.x,
    yDomain: box.y,
    xLabel: 'v_E',
    yLabel: 'v_I',
    width: 520,
    height: 420,
    maxPoints: 20000,
    title: `E–I rate model (${p.transferE.kind} transfer): phase plane`,
  });
}

function timeCoursesSpec(courses: readonly TimeCourse[]): TopLevelSpec {
  const panels = courses.map((course) =>
    traceSpec({
      t: Array.from(course.trajectory.t, (t) => t * 1000),
      series: [
        { name: 'v_E', values: course.trajectory.vE },
        { name: 'v_I', values: course.trajectory.vI },
      ],
      xLabel: 'time (ms)',
      yLabel: 'rate',
      title: course.label,
    }),
  );
  return panelSpec(panels, { columns: 1, title: 'Rates near a fixed point: damped against sustained oscillation', panelHeight: 180 });
}

/**
 * `spikeflow analyze ei-stability`: every fixed point of the E–I rate model with its Jacobian, eigenvalues and class
 * (`fixed_points` in the summary and `fixed_points.parquet`), the phase plane with both nullclines, the direction
 * field and trajectories integrated by the RK4 engine (`phase_plane.png`, `trajectories.parquet`), and time courses
 * near a fixed point: for these parameters, and, when the point can oscillate, damped (τ_I below τ_I*) and sustained
 * (τ_I = τ_I*, Re λ = 0) since the fixed points do not depend on τ_I (`time_courses.png`, `time_courses.parquet`).
 */
export const eiStability: CommandDef = {
  name: 'ei-stability',
  description: 'E–I rate model (seed 001): fixed points, Jacobians, eigenvalues and classes; phase plane, trajectories, damped vs sustained oscillation',
  params: eiStabilityParams,
  prepare(values: ParamValues) {
    const p = eiRateConfig(values);
    const slowest = Math.max(p.tauE, p.tauI);
    const dt = typeof values.dt === 'number' ? values.dt : Math.min(p.tauE, p.tauI) / 200;
    let steps: number;
    if (typeof values.T === 'number') steps = stepsOf('T', values.T, dt);
    else steps = Math.round((60 * slowest) / dt);
    if (steps < 1) throw invalidParameter('T', values.T, `at least one step of dt = ${dt} s`);
    // eiFixedPoints rejects only what parseParams already excludes; failing here keeps bad input away from the output
    const result = analyseEiStability(p);
    return {
      async run(context: RunContext) {
        const box = phaseBox(p, result);
        const starts = trajectoryStarts(result, box);
        const every = sampling(steps);
        const trajectories: EiTrajectory[] = [];
        for (const [k, start] of starts.entries()) {
          trajectories.push(await eiTrajectory(p, start, { dt, steps, every }));
          context.progress.update(k + 1, starts.length, 'trajectories');
        }
        const { courses, note: courseNote } = await timeCourses(p, result, box, dt, steps);
        const points = result.fixedPoints;
        await writeColumnTable(join(context.out, 'fixed_points.parquet'), {
          v_e: Float64Array.from(points, (q) => q.v_e),
          v_i: Float64Array.from(points, (q) => q.v_i),
          lambda1_re: Float64Array.from(points, (q) => q.eigenvalues[0][0]),
          lambda1_im: Float64Array.from(points, (q) => q.eigenvalues[0][1]),
          lambda2_re: Float64Array.from(points, (q) => q.eigenvalues[1][0]),
          lambda2_im: Float64Array.from(points, (q) => q.eigenvalues[1][1]),
          j_ee: Float64Array.from(points, (q) => q.jacobian[0][0]),
          j_ei: Float64Array.from(points, (q) => q.jacobian[0][1]),
          j_ie: Float64Array.from(points, (q) => q.jacobian[1][0]),
          j_ii: Float64Array.from(points, (q) => q.jacobian[1][1]),
          class_code: Int32Array.from(points, (q) => FIXED_POINT_CLASSES.indexOf(q.class)),
        });
        const long = (runs: readonly EiTrajectory[], name: string) => {
          const total = runs.reduce((n, r) => n + r.t.length, 0);
          const id = new Int32Array(total);
          const t = new Float64Array(total);
          const vE = new Float64Array(total);
          const vI = new Float64Array(total);
          let offset = 0;
          runs.forEach((run, k) => {
            id.fill(k, offset, offset + run.t.length);
            t.set(run.t, offset);
            vE.set(run.vE, offset);
            vI.set(run.vI, offset);
            offset += run.t.length;
          });
          return { [name]: id, t, v_e: vE, v_i: vI };
        };
        await writeColumnTable(join(context.out, 'trajectories.parquet'), long(trajectories, 'trajectory'));
        await writeColumnTable(join(context.out, 'time_courses.parquet'), long(courses.map((c) => c.trajectory), 'course'));
        const figures: string[] = [];
        if (context.figures) {
          await renderFigure(phasePlaneSpec(p, result, box, trajectories), join(context.out, 'phase_plane.png'));
          await renderFigure(timeCoursesSpec(courses), join(context.out, 'time_courses.png'));
          figures.push('phase_plane.png', 'time_courses.png');
        }
        const notes = [result.note, courseNote].filter((n): n is string => n !== undefined);
        return {
          fixed_points: points,
          fixed_point_count: points.length,
          continuum: result.continuum,
          ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
          jacobian_unit: '1/s (rows: dv_E/dt, dv_I/dt; columns: v_E, v_I)',
          trajectories: starts.map(([vE, vI]) => ({ v_e0: vE, v_i0: vI })),
          time_courses: courses.map((c) => c.label),
          phase_plane: { v_e: box.x, v_i: box.y },
          T: steps * dt,
          dt,
          class_codes: FIXED_POINT_CLASSES,
          tables: ['fixed_points.parquet', 'trajectories.parquet', 'time_courses.parquet'],
          figures,
          params: values,
        };
      },
    };
  },
};
