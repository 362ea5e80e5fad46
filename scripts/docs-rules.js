#!/usr/bin/env node
// Writes the README's rule table from the rule catalogue (run after `npm run build`).
const fs = require('fs');
const path = require('path');
const { CATALOGUE } = require('../dist/engine/rules');
const { withCatalogueTable } = require('../dist/engine/rules/table');
const readme = path.join(__dirname, '..', 'README.md');
fs.writeFileSync(readme, withCatalogueTable(fs.readFileSync(readme, 'utf8'), CATALOGUE));
console.log(`README.md: ${CATALOGUE.length} rules`);
