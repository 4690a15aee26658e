import type { ParamSpec } from './params.js';

/**
 * The same declarations with some defaults replaced, for a command whose setting differs from the model's
 * (a run of 1 s instead of 5 s, no stimulus current). Names must exist: a typo is a programming error.
 */
export function withDefaults(specs: readonly ParamSpec[], defaults: Readonly<Record<string, number | string | boolean>>): ParamSpec[] {
  for (const name of Object.keys(defaults)) {
    if (!specs.some((spec) => spec.name === name)) throw new Error(`withDefaults: no parameter named ${name}`);
  }
  return specs.map((spec) => (spec.name in defaults ? ({ ...spec, default: defaults[spec.name] } as ParamSpec) : spec));
}
