#!/usr/bin/env node
/* dist/cli/main.js, written by scripts/bundle-cli.js: runs the bundled CLI (main.bundle.js) with
 * Node's module compile cache on, so a one-file check does not parse and compile again the code the
 * last run compiled. The cache lives beside the bundle (dist/cli/.compile-cache) unless
 * NODE_COMPILE_CACHE names another folder; the variable is set for the workers the pool forks, so
 * they use it too. Node keys the cache by the file's content and refuses a stale or foreign entry;
 * a folder it cannot write (a read-only install) only means no cache. */
'use strict';
const path = require('path');
const nodeModule = require('module');

process.env.NODE_COMPILE_CACHE ||= path.join(__dirname, '.compile-cache');
nodeModule.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
require('./main.bundle.js');
