import type { SpikeRecorder } from '../core/engine.js';
import type { DiscreteTable } from '../kernels/discreteInversion.js';
import { instantiateLifClock, lifDelivery, type LifDelivery } from '../kernels/lifClockWasm.js';
import { addDiscreteSamples } from '../kernels/discreteInversion.js';
import { Xoshiro128 } from '../random/xoshiro128.js';
import {
  drainArrivals,
  drainArrivalsUnlessRefractory,
  drainArrivalsWithCounts,
  drainArrivalsWithCountsUnlessRefractory,
  stepDelta,
  stepDeltaNoise,
  stepDeltaNoiseRefractory,
  stepDeltaRefractory,
  stepExponential,
  stepExponentialNoise,
  stepExponentialNoiseRefractory,
  stepExponentialRefractory,
  type LifStepArrays,
  type LifStepConstants,
} from './lifSteps.js';
import { threadBarrier } from './threadBarrier.js';

/**
 * The compiled network, plain data only (numbers and typed arrays) so that worker threads receive it through
 * `workerData`. Neurons live in one global index space, populations in declaration order; each population is cut
 * into blocks of at most BLOCK_SIZE neurons, each with its own random lanes, and threads own whole blocks, so every
 * draw — and therefore every spike — is the same for any number of threads.
 */
export const BLOCK_SIZE = 1024;

export type StepCase = 'delta' | 'delta-refractory' | 'delta-noise' | 'delta-noise-refractory' | 'exp' | 'exp-refractory' | 'exp-noise' | 'exp-noise-refractory';

export interface ExternalLayout {
  readonly table: DiscreteTable;
  readonly weight: number;
}

export interface LifLayout {
  readonly kind: 'lif';
  readonly start: number;
  readonly end: number;
  readonly constants: LifStepConstants;
  readonly stepCase: StepCase;
  readonly refractory: boolean;
  readonly noisy: boolean;
  readonly reset: number;
  /** Input arrives in I_syn (exponential synapses) rather than V. */
  readonly synapticCurrent: boolean;
  /** ΔV∞ of the timed input per sample (I_timed/g_L), or undefined. */
  readonly timedShift?: Float64Array;
  readonly stepsPerSample: number;
  readonly external: readonly ExternalLayout[];
}

export interface PoissonLayout {
  readonly kind: 'poisson';
  readonly start: number;
  readonly end: number;
  /** log(1 − p) of the per-step firing probability (−Infinity when p = 1, 0 when p = 0). */
  readonly logMiss: number;
}

export type PopulationLayout = LifLayout | PoissonLayout;

/** A block of neurons [start, end) of one population; its index is its random lane. */
export interface BlockLayout {
  readonly population: number;
  readonly start: number;
  readonly end: number;
}

export interface ProjectionLayout {
  readonly pre: number;
  readonly preStart: number;
  readonly postStart: number;
  readonly postSize: number;
  readonly delaySteps: number;
  readonly weight: number;
  /** Presynaptic-major weight matrix of a dense projection. */
  readonly dense?: Float64Array;
}

/** The synapses of one projection whose targets a partition owns: post-local targets in [low, high), stored relative to low. */
export interface PartitionSynapses {
  readonly low: number;
  readonly high: number;
  readonly offsets?: Int32Array;
  readonly targets?: Uint16Array | Int32Array;
  readonly weights?: Float64Array;
}

export interface NetworkLayout {
  readonly total: number;
  /** Ring-buffer slots: the longest delay in steps plus one. */
  readonly slots: number;
  readonly populations: readonly PopulationLayout[];
  readonly blocks: readonly BlockLayout[];
  readonly projections: readonly ProjectionLayout[];
  /** Partition p owns neurons [bounds[p], bounds[p + 1]), at block boundaries. */
  readonly bounds: readonly number[];
  /** `synapses[p][j]`: partition p's part of projection j. */
  readonly synapses: readonly (readonly PartitionSynapses[])[];
  /**
   * The shared wasm memory holding `ring`, `lists` and every sparse projection's synapses, when propagation runs
   * in the WebAssembly delivery kernel (`src/kernels/wasm/lifClock.wat`).
   */
  readonly wasm?: { readonly memory: WebAssembly.Memory; readonly module: WebAssembly.Module };
}

/** The mutable state, on SharedArrayBuffers when several threads run the network. */
export interface NetworkState {
  readonly V: Float64Array;
  readonly I: Float64Array;
  readonly vInf: Float64Array;
  readonly lastSpike: Int32Array;
  readonly normals: Float64Array;
  readonly words: Uint32Array;
  readonly ring: Float64Array;
  /** Spike lists of the two step parities: partition p writes from `parity·total + bounds[p]` on. */
  readonly lists: Int32Array;
  /**
   * [start, end) in `lists` of population k's spikes from partition p, at ((parity·parts + p)·(pops + 1) + k)·2;
   * k = pops holds the partition's whole list. Populations a partition does not own stay [0, 0).
   */
  readonly spikeRanges: Int32Array;
  readonly noiseLanes: Int32Array;
  readonly externalLanes: Int32Array;
  readonly poissonLanes: Int32Array;
  /** Per block of a Poisson population: trials to skip before its next spike, from the start of the next step. */
  readonly poissonSkip: Float64Array;
  /** Coordination slots of `threadBarrier.ts`. */
  readonly control: Int32Array;
}

interface Segment {
  readonly population: number;
  readonly layout: PopulationLayout;
  /** This partition's neurons of the population, as step constants with start/end narrowed. */
  readonly constants: LifStepConstants;
  readonly blocks: readonly number[];
}

/**
 * One thread's share of the network: the blocks [bounds[p], bounds[p + 1]) and the synapses onto them. `run`
 * advances steps in Brian2's order — update + threshold of own neurons, barrier, delivery of every partition's
 * spikes to own targets (ring buffer), arrivals and external input, reset — so no two threads write the same
 * neuron, and each target sums its inputs in the same order as with one thread.
 */
export class NetworkPartition {
  private readonly layout: NetworkLayout;
  private readonly state: NetworkState;
  private readonly index: number;
  private readonly parts: number;
  private readonly pops: number;
  private readonly segments: readonly Segment[];
  private readonly synapses: readonly PartitionSynapses[];
  private readonly arrays: LifStepArrays;
  private readonly random = new Xoshiro128([1, 2, 3, 4]);
  private readonly refine: () => number;
  /** Per projection, the wasm delivery kernel and its weight argument (absent: JavaScript loops). */
  private readonly deliveries?: readonly ({ deliver: LifDelivery; weightArgument: number } | undefined)[];
  private lane = 0;

  constructor(layout: NetworkLayout, state: NetworkState, index: number) {
    this.layout = layout;
    this.state = state;
    this.index = index;
    this.parts = layout.bounds.length - 1;
    this.pops = layout.populations.length;
    const low = layout.bounds[index];
    const high = layout.bounds[index + 1];
    const segments: Segment[] = [];
    layout.populations.forEach((population, k) => {
      const start = Math.max(low, population.start);
      const end = Math.min(high, population.end);
      if (start >= end) return;
      const blocks: number[] = [];
      layout.blocks.forEach((block, b) => {
        if (block.population === k && block.start >= start && block.end <= end) blocks.push(b);
      });
      const base = population.kind === 'lif' ? population.constants : { decay: 0, current: 0, synapticDecay: 0, noise: 0, threshold: 0, refractorySteps: 0 };
      segments.push({ population: k, layout: population, constants: { ...base, start, end }, blocks });
    });
    this.segments = segments;
    this.synapses = layout.synapses[index];
    this.arrays = { V: state.V, I: state.I, vInf: state.vInf, lastSpike: state.lastSpike, normals: state.normals, spiking: state.lists };
    if (layout.wasm) {
      const kernel = instantiateLifClock(layout.wasm.memory, layout.wasm.module);
      this.deliveries = this.synapses.map((own, j) => (own.targets ? lifDelivery(kernel, own.targets, own.weights, layout.projections[j].weight) : undefined));
    }
    // the ambiguous draws of the external counts continue the lane being drained
    this.refine = () => {
      const random = this.random.loadLane(this.state.externalLanes, this.lane);
      const word = random.nextUint32();
      random.storeLane(this.state.externalLanes, this.lane);
      return word;
    };
  }

  /** Advances `steps` steps from `firstStep`; the main thread passes the recorder and collects every partition's spikes. */
  run(steps: number, firstStep: number, recorder?: SpikeRecorder): void {
    const multi = this.parts > 1;
    const control = this.state.control;
    for (let step = firstStep; step < firstStep + steps; step++) {
      const parity = step & 1;
      this.update(step, parity);
      if (multi) threadBarrier(control, this.parts);
      this.propagate(step, parity);
      this.deliver(step);
      this.reset(parity);
      if (recorder) this.collect(recorder, step, parity);
    }
    if (multi) threadBarrier(control, this.parts);
  }

  private rangeIndex(parity: number, partition: number, population: number): number {
    return ((parity * this.parts + partition) * (this.pops + 1) + population) * 2;
  }

  private update(step: number, parity: number): void {
    const { state, segments, arrays } = this;
    const ranges = state.spikeRanges;
    let count = parity * this.layout.total + this.layout.bounds[this.index];
    const whole = this.rangeIndex(parity, this.index, this.pops);
    ranges[whole] = count;
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s];
      const at = this.rangeIndex(parity, this.index, segment.population);
      ranges[at] = count;
      const population = segment.layout;
      if (population.kind === 'poisson') count = this.firePoisson(segment, population, count);
      else {
        if (population.noisy) {
          for (let b = 0; b < segment.blocks.length; b++) {
            const block = this.layout.blocks[segment.blocks[b]];
            this.random.loadLane(state.noiseLanes, segment.blocks[b]).fillNormal(state.normals, block.start, block.end);
            this.random.storeLane(state.noiseLanes, segment.blocks[b]);
          }
        }
        let shift = 0;
        const timed = population.timedShift;
        if (timed) shift = timed[Math.min(timed.length - 1, Math.floor(step / population.stepsPerSample))];
        const c = segment.constants;
        switch (population.stepCase) {
          case 'delta':
            count = stepDelta(arrays, c, shift, count);
            break;
          case 'delta-refractory':
            count = stepDeltaRefractory(arrays, c, shift, count, step);
            break;
          case 'delta-noise':
            count = stepDeltaNoise(arrays, c, shift, count);
            break;
          case 'delta-noise-refractory':
            count = stepDeltaNoiseRefractory(arrays, c, shift, count, step);
            break;
          case 'exp':
            count = stepExponential(arrays, c, shift, count);
            break;
          case 'exp-refractory':
            count = stepExponentialRefractory(arrays, c, shift, count, step);
            break;
          case 'exp-noise':
            count = stepExponentialNoise(arrays, c, shift, count);
            break;
          case 'exp-noise-refractory':
            count = stepExponentialNoiseRefractory(arrays, c, shift, count, step);
            break;
        }
      }
      ranges[at + 1] = count;
    }
    ranges[whole + 1] = count;
  }

  /** Bernoulli(p) per neuron and step, by geometric skips over each block's stream of (step, neuron) trials. */
  private firePoisson(segment: Segment, population: PoissonLayout, count: number): number {
    const { state, random } = this;
    const lists = state.lists;
    const logMiss = population.logMiss;
    for (let b = 0; b < segment.blocks.length; b++) {
      const lane = segment.blocks[b];
      const block = this.layout.blocks[lane];
      const size = block.end - block.start;
      let position = state.poissonSkip[lane];
      if (position >= size) {
        state.poissonSkip[lane] = position - size;
        continue;
      }
      random.loadLane(state.poissonLanes, lane);
      while (position < size) {
        lists[count++] = block.start + position;
        position += 1 + geometricSkip(random, logMiss);
      }
      random.storeLane(state.poissonLanes, lane);
      state.poissonSkip[lane] = position - size;
    }
    return count;
  }

  private propagate(step: number, parity: number): void {
    const { layout, state, synapses } = this;
    const { lists, ring, spikeRanges } = state;
    const projections = layout.projections;
    for (let j = 0; j < projections.length; j++) {
      const projection = projections[j];
      const own = synapses[j];
      if (own.low >= own.high) continue;
      const base = ((step + projection.delaySteps) % layout.slots) * layout.total + projection.postStart + own.low;
      const preStart = projection.preStart;
      for (let q = 0; q < this.parts; q++) {
        const at = this.rangeIndex(parity, q, projection.pre);
        const first = spikeRanges[at];
        const last = spikeRanges[at + 1];
        if (first === last) continue;
        if (projection.dense) {
          const matrix = projection.dense;
          const postSize = projection.postSize;
          const width = own.high - own.low;
          for (let s = first; s < last; s++) {
            const row = (lists[s] - preStart) * postSize + own.low;
            for (let t = 0; t < width; t++) ring[base + t] += matrix[row + t];
          }
          continue;
        }
        const offsets = own.offsets as Int32Array;
        const targets = own.targets as Uint16Array | Int32Array;
        const wasm = this.deliveries?.[j];
        if (wasm) {
          // the row of presynaptic neuron i is at offsets[i − preStart]: shift the pointer (wasm addresses wrap)
          wasm.deliver(ring.byteOffset + 8 * base, lists.byteOffset + 4 * first, last - first, offsets.byteOffset - 4 * preStart, targets.byteOffset, wasm.weightArgument, 4);
          continue;
        }
        if (own.weights) {
          const weights = own.weights;
          for (let s = first; s < last; s++) {
            const pre = lists[s] - preStart;
            const stop = offsets[pre + 1];
            for (let k = offsets[pre]; k < stop; k++) ring[base + targets[k]] += weights[k];
          }
        } else {
          const weight = projection.weight;
          for (let s = first; s < last; s++) {
            const pre = lists[s] - preStart;
            const stop = offsets[pre + 1];
            for (let k = offsets[pre]; k < stop; k++) ring[base + targets[k]] += weight;
          }
        }
      }
    }
  }

  private deliver(step: number): void {
    const { state, layout, random, refine } = this;
    const { ring, words, lastSpike } = state;
    const row = (step % layout.slots) * layout.total;
    for (let s = 0; s < this.segments.length; s++) {
      const segment = this.segments[s];
      const population = segment.layout;
      if (population.kind !== 'lif') continue;
      const target = population.synapticCurrent ? state.I : state.V;
      const clamped = population.refractory && !population.synapticCurrent;
      const refractorySteps = population.constants.refractorySteps;
      const external = population.external;
      if (external.length === 0) {
        const { start, end } = segment.constants;
        if (clamped) drainArrivalsUnlessRefractory(target, ring, row, start, end, lastSpike, step, refractorySteps);
        else drainArrivals(target, ring, row, start, end);
        continue;
      }
      for (let b = 0; b < segment.blocks.length; b++) {
        const lane = segment.blocks[b];
        const { start, end } = layout.blocks[lane];
        const size = end - start;
        this.lane = lane;
        // all but the last external input are added to the ring; the last is fused with draining it
        for (let e = 0; e < external.length; e++) {
          random.loadLane(state.externalLanes, lane).fillUint32(words, start, end);
          random.storeLane(state.externalLanes, lane);
          if (e < external.length - 1) addDiscreteSamples(external[e].table, words.subarray(start, end), ring, row + start, size, external[e].weight, refine);
          else if (clamped) {
            drainArrivalsWithCountsUnlessRefractory(target, ring, row, start, end, words, external[e].table, external[e].weight, refine, lastSpike, step, refractorySteps);
          } else drainArrivalsWithCounts(target, ring, row, start, end, words, external[e].table, external[e].weight, refine);
        }
      }
    }
  }

  private reset(parity: number): void {
    const { state } = this;
    const { V, lists, spikeRanges } = state;
    for (let s = 0; s < this.segments.length; s++) {
      const population = this.segments[s].layout;
      if (population.kind !== 'lif') continue;
      const at = this.rangeIndex(parity, this.index, this.segments[s].population);
      const reset = population.reset;
      const last = spikeRanges[at + 1];
      for (let k = spikeRanges[at]; k < last; k++) V[lists[k]] = reset;
    }
  }

  private collect(recorder: SpikeRecorder, step: number, parity: number): void {
    const { lists, spikeRanges } = this.state;
    for (let q = 0; q < this.parts; q++) {
      const at = this.rangeIndex(parity, q, this.pops);
      const first = spikeRanges[at];
      const last = spikeRanges[at + 1];
      if (last > first) recorder.appendStep(lists, last - first, step, first);
    }
  }
}

/** Trials before the next success of a Bernoulli(p) sequence: ⌊log(u)/log(1 − p)⌋ with u uniform in (0, 1]. */
function geometricSkip(random: Xoshiro128, logMiss: number): number {
  if (logMiss === 0) return Infinity;
  return Math.floor(Math.log(1 - random.uniform53()) / logMiss);
}
