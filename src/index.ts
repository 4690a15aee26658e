/**
 * spikeflow public API. Explicit named re-exports, grouped by role.
 * Shared file: add your exports to the right group with a small edit; never reorder or rewrite the file.
 */

// ── core: frames, errors, units, parameters ────────────────────────────────
export type { Dimension, Quantity } from './core/units.js';
export { parseQuantity, toSI, unitOf } from './core/units.js';
export type { ParamSpec, NumberParam, StringParam, BooleanParam, ParamValues } from './core/params.js';
export { parseParam, parseParams, describeRange, formatSI, numberParam } from './core/params.js';
export type { Engine, EngineState } from './core/engine.js';
export { SpikeRecorder } from './core/engine.js';
export { GrowableArray } from './core/growable.js';
export type { RunOptions, StateRecording } from './core/run.js';
export { runFrames, stepsOf } from './core/run.js';
export type { CommandDef, Job, RunContext, Progress } from './core/command.js';
export { silentProgress } from './core/command.js';
export { runParams } from './core/runParams.js';
export type { Frame, SpikeFrame, StateFrame, FlowTicket } from './core/frame.js';
export { isSpikeFrame, isStateFrame } from './core/frame.js';
export { SpikeflowError, invalidParameter, invalidFile, environmentError } from './core/errors.js';

// ── random ─────────────────────────────────────────────────────────────────
export type { RandomStreamState } from './random/stream.js';
export { RandomStream, RandomStreams } from './random/stream.js';

// ── network ────────────────────────────────────────────────────────────────
export type { Csr } from './network/csr.js';
export { synapseCount } from './network/csr.js';
export { erdosRenyi } from './network/erdosRenyi.js';
export { fixedInDegree } from './network/fixedInDegree.js';

// ── models ─────────────────────────────────────────────────────────────────
export type { BalancedLifConfig } from './models/balancedLif.js';
export {
  balancedLifParams,
  balancedLifConfig,
  balancedLifDrive,
  balancedLifWeight,
  balancedLifNetwork,
  balancedLifInitialState,
} from './models/balancedLif.js';

// ── engines ────────────────────────────────────────────────────────────────
export type { ClockLifOptions } from './engines/clockLif.js';
export { ClockLifEngine } from './engines/clockLif.js';
export type { BalancedLifSetup } from './engines/balancedLifEngine.js';
export { createBalancedLifEngine } from './engines/balancedLifEngine.js';

// ── kernels ────────────────────────────────────────────────────────────────

// ── sources ────────────────────────────────────────────────────────────────
export type { SimulateOptions } from './sources/simulate.js';
export { simulate, simulateFrames } from './sources/simulate.js';

// ── operators ──────────────────────────────────────────────────────────────

// ── sinks ──────────────────────────────────────────────────────────────────

// ── figures ────────────────────────────────────────────────────────────────

// ── pool ───────────────────────────────────────────────────────────────────
