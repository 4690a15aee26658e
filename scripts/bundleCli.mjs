// Bundles the compiled CLI (dist/analyses/cli.js) and the pure-JS packages it imports into dist/spikeflow.mjs.
// Node 20 resolves and compiles every ES module file separately, and rxjs and apache-arrow are hundreds of files:
// one bundle starts about 0.3 s sooner. Packages that load files next to themselves (wasm, native addons, worker
// scripts) stay external, and every bundled module keeps its own import.meta.url, so worker files and assets
// are still found under dist/.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const ownModuleUrls = {
  name: 'own-module-urls',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]dist[\\/](src|pipelines|analyses)[\\/].*\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = JSON.stringify(`./${relative(dist, path).split('\\').join('/')}`);
      return { contents: text.replaceAll('import.meta.url', `new URL(${fromBundle}, import.meta.url).href`), loader: 'js' };
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
  outfile: `${dist}spikeflow.mjs`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['parquet-wasm', 'piscina', 'vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf', '@duckdb/node-api'],
  // CommonJS packages inside an ES module bundle still call require for Node built-ins
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [ownModuleUrls, rxjsModules],
  logLevel: 'warning',
});
