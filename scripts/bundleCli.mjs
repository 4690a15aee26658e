// Bundles the compiled CLI (dist/analyses/cli.js) and the pure-JS packages it imports into dist/spikeflow.cjs, then
// writes V8's code cache for it (bin/spikeflow.js loads both).
// Node 20 resolves and compiles every ES module file separately, and rxjs and apache-arrow are hundreds of files:
// one bundle starts about 0.3 s sooner. Packages that load files next to themselves (wasm, native addons, worker
// scripts) stay external, and every bundled module keeps its own import.meta.url, so worker files and assets
// are still found under dist/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// Our modules keep their own import.meta.url, and their import() calls go through the loader's import
// (`__bundleImport`): code compiled by vm.Script has no module loader of its own in Node 20.
const ownModules = {
  name: 'own-modules',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]dist[\\/](src|pipelines|analyses)[\\/].*\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!text.includes('import.meta.url') && !text.includes('import(')) return undefined;
      const fromBundle = JSON.stringify(`./${relative(dist, path).split('\\').join('/')}`);
      const contents = text.replaceAll('import.meta.url', `new URL(${fromBundle}, import.meta.url).href`).replace(/\bimport\(/g, '__bundleImport(');
      return { contents, loader: 'js' };
    });
  },
};

// rxjs's export map sends Node to its CommonJS build, which esbuild can neither tree-shake nor load without an
// interop layer; its ES2015 build is the same code as ES modules (rxjs declares no side effects).
const rxjsModules = {
  name: 'rxjs-es-modules',
  setup(builder) {
    const esm = fileURLToPath(new URL('../node_modules/rxjs/dist/esm/', import.meta.url));
    builder.onResolve({ filter: /^rxjs(\/operators)?$/ }, ({ path }) => ({ path: `${esm}${path === 'rxjs' ? '' : 'operators/'}index.js`, sideEffects: false }));
  },
};

await build({
  entryPoints: [`${dist}analyses/cli.js`],
  outfile: `${dist}spikeflow.cjs`,
  bundle: true,
  // CommonJS, so that bin/spikeflow.js can compile it with a code cache (vm.Script); parquet-wasm's ES-module glue
  // is bundled, as Node 20 cannot require ES modules
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['piscina', 'vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf', '@duckdb/node-api'],
  define: { 'import.meta.url': '__bundleUrl' },
  plugins: [ownModules, rxjsModules],
  logLevel: 'warning',
});

// A small two-thread simulation to Parquet compiles the code of a run, whose compiled form the cache then keeps.
// The cache only saves time: when it cannot be written, the CLI compiles from source as before.
const scratch = mkdtempSync(join(tmpdir(), 'spikeflow-code-cache-'));
try {
  const bin = fileURLToPath(new URL('../bin/spikeflow.js', import.meta.url));
  const argv = ['node', 'spikeflow', 'run', 'balanced-lif', '--N', '400', '--K', '40', '--T', '0.2', '--threads', '2', '--no-figures', '--out', join(scratch, 'run')];
  const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(bin)}).writeCodeCache(${JSON.stringify(argv)})`], { encoding: 'utf8' });
  if (result.status !== 0) process.stderr.write(`bundleCli: no code cache written (the CLI still works, ~0.04 s slower to start): ${result.stderr.trim().split('\n')[0]}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
