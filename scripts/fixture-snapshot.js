#!/usr/bin/env node
// The JSON of every fixture, checked by the built CLI, for issue 24 item 8: a refactor must leave
// every fixture's result byte-identical. `--write` records the snapshot (made before the change);
// without it, prints the current JSON so a test compares the two. test/fixtures is checked as one
// batch, and so is the conformance corpus of files other programs wrote: the CLI walks its folders and pairs a 自评表 with its 自评报告 as in a user's folder.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const FIXTURES = path.join(root, 'test/fixtures');
const SNAPSHOT = path.join(root, 'test/refactor/fixtures.snapshot.json');

function checked(folder) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'dist/cli/main.js'), 'check', folder, '--json'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const results = JSON.parse(r.stdout);
  for (const x of results) delete x.version;
  return { folder, exit: r.status, results };
}

function current() {
  return JSON.stringify(['test/fixtures', 'test/conformance/corpus'].map(checked), null, 1) + '\n';
}

const text = current();
if (process.argv.includes('--write')) fs.writeFileSync(SNAPSHOT, text);
else process.stdout.write(text);
