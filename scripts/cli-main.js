#!/usr/bin/env node
/* dist/cli/main.js, written by scripts/bundle-cli.js: runs the bundled CLI (main.bundle.js) from
 * V8's code cache made when it was built (main.bundle.cache), so a one-file check neither resolves
 * modules nor parses and compiles the code it runs. A cache V8 refuses (another Node, other flags)
 * or one older than the bundle is not used: the bundle is then compiled as usual. */
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { wrap } = require('module');

const file = path.join(__dirname, 'main.bundle.js');
const cacheFile = path.join(__dirname, 'main.bundle.cache');
// The build makes the cache by running one check with this set: the functions it compiled are kept.
const writeCache = process.env.SELFEVAL_WRITE_CODE_CACHE === '1';

let cachedData;
if (!writeCache) {
  try {
    if (fs.statSync(cacheFile).mtimeMs >= fs.statSync(file).mtimeMs)
      cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache: compile.
  }
}
const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (writeCache) process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext()(exports, require, module, file, __dirname);
