#!/usr/bin/env node
'use strict';
// The CLI is one CommonJS bundle (dist/spikeflow.cjs), compiled here through V8's code cache
// (dist/spikeflow.cjs.cache, written by `npm run build`): Node 20 keeps no compiled code between runs of ES
// modules, and parsing 1.3 MB of JavaScript took ~0.04 s of every command. V8 checks the cache against its version,
// its flags and the source, and compiles normally when it does not match. Without a bundle (a build without
// esbuild), dist/analyses/cli.js runs the same code unbundled.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'spikeflow.cjs');
const codeCache = `${bundle}.cache`;

/** Compiles the bundle, with V8's code cache when one was written for this Node and these flags. */
function compileBundle() {
  const source = readFileSync(bundle, 'utf8');
  return new vm.Script(`(function (exports, require, module, __filename, __dirname, __bundleUrl, __bundleImport) {${source}\n})`, {
    filename: bundle,
    cachedData: existsSync(codeCache) ? readFileSync(codeCache) : undefined,
  });
}

/** Compiles and evaluates the bundle; returns its exports and the script (whose code cache the build writes). */
function loadBundle() {
  const script = compileBundle();
  const module = { exports: {} };
  // the bundle's import() calls (figures load vega, vega-lite and resvg on first use) resolve from here
  const bundleImport = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href, bundleImport);
  return { cli: module.exports, script };
}

/**
 * Runs the CLI with `argv` and then writes the code cache, which then holds every function that run compiled
 * (the build runs a small simulation, so that a run's own code is cached too).
 */
async function writeCodeCache(argv) {
  const { cli, script } = loadBundle();
  await cli.runCli(argv);
  writeFileSync(codeCache, script.createCachedData());
}

module.exports = { compileBundle, writeCodeCache };

if (require.main === module) {
  if (existsSync(bundle)) {
    loadBundle().cli.runCli(process.argv);
  } else {
    const unbundled = join(__dirname, '..', 'dist', 'analyses', 'cli.js');
    if (!existsSync(unbundled)) {
      process.stderr.write('spikeflow: not built yet; run `npm run build` (npm ci does it for you)\n');
      process.exit(1);
    }
    import(pathToFileURL(unbundled).href).then(({ runCli }) => runCli(process.argv));
  }
}
