import type { Command } from 'commander';
import type { CommandDef } from '../core/command.js';
import type { ParamSpec } from '../core/params.js';
import { describeRange, formatSI } from '../core/params.js';

/** The commands the CLI offers: pipelines for `run`, analyses for `analyze`. */
export interface CliRegistry {
  readonly pipelines: readonly CommandDef[];
  readonly analyses: readonly CommandDef[];
  /** Extra verbs (inspect, resume, …) added by the caller. */
  readonly extend?: (program: Command) => void;
}

/** Help text of a flag: its description and what it accepts. */
export function flagHelp(spec: ParamSpec): string {
  const parts = [spec.description];
  if (spec.kind === 'number' || spec.kind === 'integer') parts.push(`(${describeRange(spec)})`);
  if ((spec.kind === 'string' || spec.kind === 'path') && spec.choices) parts.push(`(${spec.choices.join(' | ')})`);
  return parts.join(' ');
}

/** A flag's default in its display unit, for help and `list`. */
export function defaultText(spec: ParamSpec): string | undefined {
  if (spec.default === undefined) return undefined;
  if (spec.kind === 'number' || spec.kind === 'integer') return formatSI(spec.default, spec);
  return String(spec.default);
}

