/**
 * Errors the user can fix: bad flags, bad files, bad parameter values.
 * The CLI prints `message` as one line and exits with `exitCode`, never with a stack trace.
 */
export class SpikeflowError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'SpikeflowError';
    this.exitCode = exitCode;
  }
}

/** An invalid parameter: names it, shows the value and states what was expected. */
export function invalidParameter(name: string, value: unknown, expected: string): SpikeflowError {
  return new SpikeflowError(`${name}: expected ${expected}, got ${formatValue(value)}`);
}

/** An input file that cannot be used as given. */
export function invalidFile(path: string, problem: string): SpikeflowError {
  return new SpikeflowError(`${path}: ${problem}`);
}

/** Failures of the environment (disk full, unwritable directory) rather than of the input. */
export function environmentError(message: string): SpikeflowError {
  return new SpikeflowError(message, 1);
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** A run stopped by SIGINT or SIGTERM after committing its data; exits 130 or 143 as shells expect. */
export class Interrupted extends SpikeflowError {
  constructor(signal: 'SIGINT' | 'SIGTERM', detail: string) {
    super(`interrupted by ${signal}: ${detail}`, signal === 'SIGINT' ? 130 : 143);
    this.name = 'Interrupted';
  }
}
