import type { ClockLifOptions } from './clockLif.js';
import type { Engine, EngineState, SpikeRecorder } from '../core/engine.js';
import { invalidParameter } from '../core/errors.js';
import { LazyBucketQueue } from './lazyBucketQueue.js';
import { instantiateLifClock, type LifDelivery } from '../kernels/lifClockWasm.js';
import { wasmArena } from '../kernels/wasmArena.js';

/** The same options as the clock engine; `dt` only sets the grid of `advance` and `variable`, never spike times. */
export type EventLifOptions = ClockLifOptions;

/** Rescaled distances are multiplied by 2^−64 when the scale passes 2^64: exact in binary, so no ordering changes. */
const RENORMALISE_ABOVE = 2 ** 64;
const RENORMALISE_FACTOR = 2 ** -64;
const RENORMALISE_LOG = 64 * Math.LN2;

/**
 * Exact event-driven LIF network with instantaneous pulses (Monteforte & Wolf 2010, 2012).
 *
 * State: the distance to the drive u_i = I − V_i, rescaled to a common epoch E as x_i = u_i·e^{(t − E)/τ_m},
 * which is constant between events. A pulse of weight w at scale g = e^{(t − E)/τ_m} is x_i −= w·g, and a
 * neuron reaches the threshold when u = θ = I − V_T, i.e. at t = E + τ_m·ln(x_i/θ). With θ > 0 the crossing time
 * grows with x, so the next spike is the neuron with the smallest x (the largest phase); the only transcendental
 * call per spike is that logarithm, and at the spike g = x_j/θ needs none.
 *
 * Priority structure: a LazyBucketQueue over x, which files each neuron under a lower bound of its x. Inhibitory
 * pulses and resets only increase x, so a pulse is one multiply-add and nothing else; a stale neuron is re-filed
 * only when its old bound comes up (tens of times per interspike interval, O(1) each). Excitatory pulses
 * (positive weights) announce their decrease to the queue. A binary heap with lazy keys needed about 80 root
 * refreshes of ~12 levels each per spike at N = 10⁴, K = 10³ — as many sift steps as synaptic events, 3× slower.
 *
 * Order of events: spikes are processed in order of exact crossing time (smallest rescaled distance first); equal
 * distances fire in increasing neuron index. A spike first delivers all its pulses, then resets its neuron (a
 * self-pulse is overridden by the reset, as in the clock engine). A neuron pushed to or past the threshold by a
 * pulse fires at that same instant, after the current one; several such neurons fire most depolarised first,
 * then by index.
 *
 * `dt` only sets the grid of `advance` and `variable`: chunk boundaries never change the spikes, and spike times
 * are recorded exactly as fractional steps.
 */
export class EventLifEngine implements Engine {
  readonly size: number;
  readonly dt: number;
  readonly variables = ['V'] as const;
  step = 0;
  private readonly options: EventLifOptions;
  private readonly tauM: number;
  /** θ = I − V_T: the distance to the drive at threshold. */
  private readonly thresholdDistance: number;
  /** I − V_R: the distance to the drive after a reset. */
  private readonly resetDistance: number;
  private readonly x: Float64Array;
  private readonly queue: LazyBucketQueue;
  private readonly potentials: Float64Array;
  private potentialsStep = -1;
  /** E: x_i = (I − V_i)·e^{(t − E)/τ_m}. */
  private epoch = 0;
  /** Time of the last processed spike (or of the start); a pulse cannot move a spike before it. */
  private lastTime = 0;
  /** e^{(lastTime − E)/τ_m}. */
  private lastScale = 1;
  private readonly deliver: (pre: number, scale: number) => void;

  constructor(options: EventLifOptions) {
    const { csr, v0 } = options;
    if (v0.length !== csr.size) throw invalidParameter('init', `${v0.length} values`, `${csr.size} values, one per neuron`);
    if (!(options.tauM > 0)) throw invalidParameter('tau-m', options.tauM, 'a positive time constant');
    if (!(options.dt > 0)) throw invalidParameter('dt', options.dt, 'a positive time step');
    this.options = options;
    this.size = csr.size;
    this.dt = options.dt;
    this.tauM = options.tauM;
    this.thresholdDistance = options.drive - options.threshold;
    this.resetDistance = options.drive - options.reset;
    this.x = this.inhibitoryPulsesInWasm() ?? new Float64Array(csr.size);
    this.queue = new LazyBucketQueue(this.x);
    this.potentials = new Float64Array(csr.size);
    this.deliver = this.chooseDelivery();
    this.setPotentials(v0, 0);
  }

  /**
   * For uniform inhibitory pulses, the common case and most of the engine's time: x, the CSR and a one-spike list
   * in a wasm memory, so that a spike's pulses are one call of the clock engine's delivery kernel (x_t += −w·g is
   * V_t += weight with weight −w·g, the same single rounding as the JavaScript loop). Returns the wasm-backed x.
   */
  private inhibitoryPulsesInWasm(): Float64Array | undefined {
    const { csr, weight } = this.options;
    if (this.options.wasm === false || csr.weights || weight > 0) return undefined;
    const synapses = csr.offsets[csr.size];
    const arena = wasmArena({
      x: [Float64Array, csr.size],
      spike: [Int32Array, 1],
      offsets: [Int32Array, csr.size + 1],
      targets: [csr.targets instanceof Uint16Array ? Uint16Array : Int32Array, synapses],
    });
    if (!arena) return undefined;
    const { x, spike, offsets, targets } = arena.arrays;
    offsets.set(csr.offsets);
    targets.set(csr.targets);
    const kernel = instantiateLifClock(arena.memory);
    const deliver: LifDelivery = targets instanceof Uint16Array ? kernel.deliverUniform16 : kernel.deliverUniform32;
    const [xAt, spikeAt, offsetsAt, targetsAt] = [x.byteOffset, spike.byteOffset, offsets.byteOffset, targets.byteOffset];
    this.wasmPulses = (pre, scale) => {
      spike[0] = pre;
      deliver(xAt, spikeAt, 1, offsetsAt, targetsAt, -weight * scale, 4);
    };
    return x;
  }

  private wasmPulses?: (pre: number, scale: number) => void;

  private chooseDelivery(): (pre: number, scale: number) => void {
    if (this.wasmPulses) return this.wasmPulses;
    const weights = this.options.csr.weights;
    if (weights) {
      let excitatory = false;
      for (let k = 0; k < weights.length; k++) if (weights[k] > 0) excitatory = true;
      return excitatory ? this.deliverWeightedMixed.bind(this) : this.deliverWeightedInhibitory.bind(this);
    }
    return this.options.weight > 0 ? this.deliverUniformExcitatory.bind(this) : this.deliverUniformInhibitory.bind(this);
  }

  variable(name: string): Float64Array {
    if (name !== 'V') throw invalidParameter('record', name, 'a variable of this model: V');
    if (this.potentialsStep !== this.step) {
      this.computePotentials(this.potentials);
      this.potentialsStep = this.step;
    }
    return this.potentials;
  }

  sample(name: string, neurons: Int32Array, out: Float64Array, offset: number): void {
    if (name !== 'V') throw invalidParameter('record', name, 'a variable of this model: V');
    if (this.potentialsStep === this.step) {
      for (let k = 0; k < neurons.length; k++) out[offset + k] = this.potentials[neurons[k]];
      return;
    }
    const x = this.x;
    const drive = this.options.drive;
    const decay = Math.exp(-(this.step * this.dt - this.epoch) / this.tauM);
    for (let k = 0; k < neurons.length; k++) out[offset + k] = drive - x[neurons[k]] * decay;
  }

  /** V_i at the current grid time: I − x_i·e^{−(t − E)/τ_m}, one exponential for all neurons. */
  private computePotentials(out: Float64Array): void {
    const x = this.x;
    const drive = this.options.drive;
    const decay = Math.exp(-(this.step * this.dt - this.epoch) / this.tauM);
    for (let i = 0; i < out.length; i++) out[i] = drive - x[i] * decay;
  }

  /** Starts from potentials V at time `step·dt`, with the epoch at that time. */
  private setPotentials(V: Float64Array, step: number): void {
    const drive = this.options.drive;
    const x = this.x;
    for (let i = 0; i < x.length; i++) x[i] = drive - V[i];
    this.step = step;
    this.epoch = step * this.dt;
    this.lastTime = this.epoch;
    this.lastScale = 1;
    this.queue.rebuild();
    this.potentialsStep = -1;
  }

  advance(steps: number, spikes: SpikeRecorder): void {
    const end = this.step + steps;
    if (this.size > 0) this.processUntil(end * this.dt, spikes);
    this.step = end;
  }

  private processUntil(endTime: number, spikes: SpikeRecorder): void {
    const x = this.x;
    const queue = this.queue;
    const theta = this.thresholdDistance;
    const resetDistance = this.resetDistance;
    const tauM = this.tauM;
    const dt = this.dt;
    let lastTime = this.lastTime;
    let lastScale = this.lastScale;
    for (;;) {
      const first = queue.min();
      const distance = x[first];
      let time: number;
      let scale: number;
      if (distance <= theta * lastScale) {
        time = lastTime;
        scale = lastScale;
      } else if (theta > 0) {
        scale = distance / theta;
        time = this.epoch + tauM * Math.log(scale);
        if (time < lastTime) time = lastTime;
      } else {
        break; // a drive at or below threshold never reaches it without excitation
      }
      if (time >= endTime) break;
      spikes.appendOne(first, time / dt);
      this.deliver(first, scale);
      // the reset only increases x (V_R < V_T), which the lazy queue needs no notice of
      x[first] = resetDistance * scale;
      lastTime = time;
      lastScale = scale;
      if (lastScale > RENORMALISE_ABOVE) {
        this.renormalise();
        lastScale *= RENORMALISE_FACTOR;
      }
    }
    this.lastTime = lastTime;
    this.lastScale = lastScale;
  }

  /** Moves the epoch forward by 64·τ_m·ln 2; scaling by 2^−64 is exact, so every comparison keeps its outcome. */
  private renormalise(): void {
    const x = this.x;
    for (let i = 0; i < x.length; i++) x[i] *= RENORMALISE_FACTOR;
    this.epoch += RENORMALISE_LOG * this.tauM;
    this.queue.rebuild();
  }

  private deliverUniformInhibitory(pre: number, scale: number): void {
    const { offsets, targets } = this.options.csr;
    const x = this.x;
    const increase = -this.options.weight * scale;
    const last = offsets[pre + 1];
    for (let k = offsets[pre]; k < last; k++) x[targets[k]] += increase;
  }

  private deliverWeightedInhibitory(pre: number, scale: number): void {
    const { offsets, targets } = this.options.csr;
    const weights = this.options.csr.weights as Float64Array;
    const x = this.x;
    const last = offsets[pre + 1];
    for (let k = offsets[pre]; k < last; k++) x[targets[k]] -= weights[k] * scale;
  }

  private deliverUniformExcitatory(pre: number, scale: number): void {
    const { offsets, targets } = this.options.csr;
    const x = this.x;
    const queue = this.queue;
    const change = -this.options.weight * scale;
    const last = offsets[pre + 1];
    for (let k = offsets[pre]; k < last; k++) {
      const target = targets[k];
      x[target] += change;
      queue.decreased(target);
    }
  }

  private deliverWeightedMixed(pre: number, scale: number): void {
    const { offsets, targets } = this.options.csr;
    const weights = this.options.csr.weights as Float64Array;
    const x = this.x;
    const queue = this.queue;
    const last = offsets[pre + 1];
    for (let k = offsets[pre]; k < last; k++) {
      const target = targets[k];
      const weight = weights[k];
      x[target] -= weight * scale;
      if (weight > 0) queue.decreased(target);
    }
  }

  /**
   * The potentials at the current grid time (`V`, what other engines save) plus the exact event state
   * (rescaled distances, epoch, time and scale of the last spike), so that a restored run continues bit for bit.
   */
  saveState(): EngineState {
    const V = new Float64Array(this.size);
    this.computePotentials(V);
    return {
      step: this.step,
      arrays: { V, distance: Float64Array.from(this.x) },
      values: { epoch: this.epoch, lastTime: this.lastTime, lastScale: this.lastScale },
    };
  }

  /**
   * Restores a saved state. The potentials `V` are authoritative: the exact event state is used only when it
   * reproduces them bit for bit, so a state whose V was edited (a perturbation) or that came from another
   * engine starts afresh from V at time `step·dt`.
   */
  restoreState(state: EngineState): void {
    const V = state.arrays.V;
    if (!(V instanceof Float64Array) || V.length !== this.size) {
      throw invalidParameter('state', V ? `${V.length} potentials` : 'no potentials V', `${this.size} potentials V (float64)`);
    }
    const distance = state.arrays.distance;
    const { epoch, lastTime, lastScale } = state.values as { epoch?: unknown; lastTime?: unknown; lastScale?: unknown };
    if (distance instanceof Float64Array && distance.length === this.size && typeof epoch === 'number' && typeof lastTime === 'number' && typeof lastScale === 'number') {
      this.x.set(distance);
      this.step = state.step;
      this.epoch = epoch;
      const check = new Float64Array(this.size);
      this.computePotentials(check);
      let consistent = true;
      for (let i = 0; i < check.length && consistent; i++) consistent = Object.is(check[i], V[i]);
      if (consistent) {
        this.lastTime = lastTime;
        this.lastScale = lastScale;
        this.queue.rebuild();
    this.potentialsStep = -1;
        return;
      }
    }
    this.setPotentials(V, state.step);
  }
}
