import type { ParamSpec, ParamValues } from './params.js';

/** Reports progress of long work; silent unless the CLI attached a terminal bar. */
export interface Progress {
  /** `done` out of `total` units of `unit` (simulated seconds, runs, …). */
  update(done: number, total: number, unit?: string): void;
  done(): void;
}

export const silentProgress: Progress = { update() {}, done() {} };

export interface RunContext {
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
