import { describe, expect, it } from 'vitest';
import { compileOptimized } from '../../src/index.js';

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const addModule = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07,
  0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
]);

describe('compileOptimized', () => {
  it('returns a module that instantiates and computes like one compiled the default way', () => {
    const optimised = new WebAssembly.Instance(compileOptimized(addModule)).exports as { add(a: number, b: number): number };
    const baseline = new WebAssembly.Instance(new WebAssembly.Module(addModule)).exports as { add(a: number, b: number): number };
    for (const [a, b] of [[1, 2], [2 ** 31 - 1, 1], [-5, 3]]) expect(optimised.add(a, b)).toBe(baseline.add(a, b));
  });

  it('rejects invalid bytes with WebAssembly.CompileError and still leaves modules compilable afterwards', () => {
    expect(() => compileOptimized(Uint8Array.from([0, 1, 2, 3]))).toThrow(WebAssembly.CompileError);
    expect(new WebAssembly.Instance(new WebAssembly.Module(addModule)).exports.add).toBeTypeOf('function');
  });
});
