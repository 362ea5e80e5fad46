#!/usr/bin/env node
// Writes docs/lexicon.md from the lexicon (run after `npm run build`).
const fs = require('fs');
const path = require('path');
const { lexiconMarkdown } = require('../dist/engine/lexiconDoc');
fs.writeFileSync(path.join(__dirname, '..', 'docs', 'lexicon.md'), lexiconMarkdown());
console.log('docs/lexicon.md written');
