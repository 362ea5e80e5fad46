// The TypeScript sources below a folder (no .d.ts), for the shape checks run by `npm run lint`
// (function-lengths.js, import-cycles.js).
'use strict';
const fs = require('fs');
const path = require('path');

function filesUnder(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

module.exports = { filesUnder };
