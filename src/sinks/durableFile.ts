import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { environmentError, SpikeflowError } from '../core/errors.js';

/**
 * Durable writes: a file is written under `<path>.tmp`, fsynced, renamed over `path` and the directory fsynced,
 * so after a crash `path` is either the old content or the complete new content, never a torn file.
 */

const systemErrorDescriptions: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
};

/** The `code` of a Node system error (`ENOSPC`, …), or undefined for anything else. */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * Turns a failed file operation into a one-line environment error naming the path (exit code 1).
 * Our own errors and programming errors pass through unchanged.
 */
export function diskError(error: unknown, path: string, action: string): unknown {
  if (error instanceof SpikeflowError) return error;
  const code = systemErrorCode(error);
  if (code === undefined) return error;
  const description = systemErrorDescriptions[code] ?? 'system error';
  return environmentError(`${path}: cannot ${action}: ${description} (${code})`);
}

/** Makes a rename or unlink inside `directory` survive a power loss. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `chunks` to `tmpPath`, awaiting every write, and fsyncs before closing. */
export async function writeAndSync(tmpPath: string, chunks: readonly Uint8Array[]): Promise<void> {
  const handle = await open(tmpPath, 'w');
  try {
    for (const chunk of chunks) {
      let written = 0;
      while (written < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, written, chunk.byteLength - written);
        written += bytesWritten;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Atomically replaces `path` with `data` (tmp + fsync + rename + directory fsync). */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  await replaceFile(path, data, true);
}

/**
 * Atomically replaces `path` with `data` (tmp + rename) without waiting for the disk: readers never see a torn
 * file, but a power loss may lose the write. For content that nothing depends on yet.
 */
export async function writeFileAtomically(path: string, data: Uint8Array | string): Promise<void> {
  await replaceFile(path, data, false);
}

async function replaceFile(path: string, data: Uint8Array | string, durable: boolean): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const tmpPath = `${path}.tmp`;
  try {
    if (durable) await writeAndSync(tmpPath, [bytes]);
    else await writeFile(tmpPath, bytes);
    await rename(tmpPath, path);
    if (durable) await syncDirectory(dirname(path));
  } catch (error) {
    await removeQuietly(tmpPath);
    throw diskError(error, path, 'write');
  }
}

/** Best-effort removal of a leftover temporary file; the original failure is what the caller reports. */
export async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // Nothing to do: the file may never have been created, and a stale .tmp is ignored by readers.
  }
}

/** Writes a value as indented JSON, durably; typed arrays become plain arrays. */
export async function writeJsonDurably(path: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value, (_key, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v), 2);
  await writeFileDurably(path, json + '\n');
}
