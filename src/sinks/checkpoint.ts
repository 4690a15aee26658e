import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineState } from '../core/engine.js';
import { invalidFile } from '../core/errors.js';
import type { ParamValues } from '../core/params.js';
import { diskError, writeFileDurably } from './durableFile.js';
import type { PartPosition } from './parquetParts.js';

export const CHECKPOINT_FILE = 'checkpoint.json';

/** Everything needed to continue a run exactly where it stopped. */
export interface Checkpoint {
  readonly version: 1;
  /** The CLI command that started the run, e.g. `run balanced-lif`. */
  readonly command: string;
  readonly values: ParamValues;
  /** Simulated time of the checkpoint, in seconds (= engine.step · dt). */
  readonly time: number;
  readonly engine: EngineState;
  /** Committed parts and rows of every table at the checkpoint. */
  readonly sinks: Record<string, PartPosition>;
}

type ArrayName = 'Float64Array' | 'Int32Array' | 'Uint8Array';
interface EncodedArray {
  readonly type: ArrayName;
  readonly base64: string;
}

function encodeArray(array: Float64Array | Int32Array | Uint8Array): EncodedArray {
  const type = array.constructor.name as ArrayName;
  return { type, base64: Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64') };
}

function decodeArray(path: string, encoded: EncodedArray): Float64Array | Int32Array {
  const bytes = Buffer.from(encoded.base64, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  if (encoded.type === 'Float64Array') return new Float64Array(copy.buffer);
  if (encoded.type === 'Int32Array') return new Int32Array(copy.buffer);
  throw invalidFile(path, `expected Float64Array or Int32Array state arrays, found ${encoded.type}`);
}

/** Writes the checkpoint atomically: a reader sees the previous checkpoint or this one, never a mix. */
export async function writeCheckpoint(dir: string, checkpoint: Checkpoint): Promise<void> {
  const arrays: Record<string, EncodedArray> = {};
  for (const [name, array] of Object.entries(checkpoint.engine.arrays)) arrays[name] = encodeArray(array);
  const json = JSON.stringify({ ...checkpoint, engine: { ...checkpoint.engine, arrays } });
  await writeFileDurably(join(dir, CHECKPOINT_FILE), json + '\n');
}

/** Reads a run directory's checkpoint, or undefined when the run never wrote one. */
export async function readCheckpoint(dir: string): Promise<Checkpoint | undefined> {
  const path = join(dir, CHECKPOINT_FILE);
  if (!existsSync(path)) return undefined;
  let parsed: Checkpoint & { engine: { arrays: Record<string, EncodedArray> } };
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw invalidFile(path, 'expected a spikeflow checkpoint (JSON), but it does not parse');
    throw diskError(error, path, 'read checkpoint');
  }
  if (parsed.version !== 1 || typeof parsed.command !== 'string' || !parsed.engine) {
    throw invalidFile(path, `expected a version-1 spikeflow checkpoint, found version ${String(parsed.version)}`);
  }
  const arrays: Record<string, Float64Array | Int32Array> = {};
  for (const [name, encoded] of Object.entries(parsed.engine.arrays)) arrays[name] = decodeArray(path, encoded);
  return { ...parsed, engine: { ...parsed.engine, arrays } };
}
