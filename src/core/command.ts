import type { ParamSpec, ParamValues } from './params.js';
import type { Checkpoint } from '../sinks/checkpoint.js';

/** Reports progress of long work; silent unless the CLI attached a terminal bar. */
export interface Progress {
  /** `done` out of `total` units of `unit` (simulated seconds, runs, …). */
  update(done: number, total: number, unit?: string): void;
  done(): void;
}

export const silentProgress: Progress = { update() {}, done() {} };

/** Set by the CLI's signal handlers; long jobs check it between chunks and stop cleanly. */
export interface StopRequest {
  signal?: 'SIGINT' | 'SIGTERM';
}

export interface RunContext {
  /** The command that runs, e.g. `run balanced-lif`, and its parsed parameters (recorded for `resume`). */
  readonly command?: string;
  readonly values?: ParamValues;
  /** Present when `spikeflow resume` continues an interrupted run in `out`. */
  readonly resume?: { readonly checkpoint?: Checkpoint };
  readonly stop?: StopRequest;
  /** Output directory; created by the CLI before `run`, removed again if `run` fails on bad input. */
  readonly out: string;
  /** False under `--no-figures`. */
  readonly figures: boolean;
  readonly progress: Progress;
  /** One line to stderr, for notes the user should see (warnings, where results are). */
  readonly log: (line: string) => void;
}

/**
 * A named runnable composition (`spikeflow run NAME`) or study (`spikeflow analyze NAME`).
 * `params` declares every flag; `prepare` validates everything that can fail on bad input
 * before any output is created, and returns the job that does the work.
 */
export interface CommandDef {
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  prepare(values: ParamValues): Promise<Job> | Job;
}

export interface Job {
  run(context: RunContext): Promise<Record<string, unknown>>;
}
