import { binaryBalancedConfig } from '../src/models/binaryBalanced.js';
import { runBinaryPoint, type BinaryPointResult } from '../pipelines/binaryBalanced.js';
import type { BinaryBalanceTask } from './binaryBalanceSweep.js';

/** Worker-pool entry: one (K, m0) of the balanced binary network; the task carries everything the result depends on. */
export default function run(task: BinaryBalanceTask): Promise<BinaryPointResult> {
  return runBinaryPoint(binaryBalancedConfig({ ...task.values, K: task.K, m0: task.m0 }), task.timing, task.seed);
}
