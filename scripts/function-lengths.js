#!/usr/bin/env node
// Lists the longest functions in src/ and fails when one is over the limit (issue 24: no function
// over a screen). A function's length is its lines from the first to the last, blank lines and
// comment-only lines left out, nested functions included (as eslint's max-lines-per-function
// counts them), so splitting a function means moving code out of it, not into a closure.
//   node scripts/function-lengths.js [--max 80] [--top 10] [--json]
'use strict';
const fs = require('fs');
const path = require('path');
const { filesUnder } = require('./sourceFiles');
const ts = require('typescript');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const MAX = opt('--max', 80);
const TOP = opt('--top', 10);
const root = path.resolve(__dirname, '..');

function nameOf(node, sf) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText(sf);
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p)) return p.name.getText(sf);
  if (p && ts.isCallExpression(p)) return `(callback of ${p.expression.getText(sf).slice(0, 40)})`;
  return '(anonymous)';
}

/** Lines of `node` that hold code: not blank, not only a comment. */
function codeLines(node, sf, text) {
  const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
  const lines = text.split('\n').slice(start, end + 1);
  let n = 0;
  let inBlock = false;
  for (const raw of lines) {
    let l = raw.trim();
    if (inBlock) {
      const close = l.indexOf('*/');
      if (close < 0) continue;
      inBlock = false;
      l = l.slice(close + 2).trim();
    }
    if (l.startsWith('/*')) {
      const close = l.indexOf('*/');
      if (close < 0) {
        inBlock = true;
        continue;
      }
      l = l.slice(close + 2).trim();
    }
    if (l === '' || l.startsWith('//')) continue;
    n++;
  }
  return n;
}

const results = [];
for (const file of filesUnder(path.join(root, 'src'))) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      results.push({
        file: path.relative(root, file),
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
        name: nameOf(node, sf),
        lines: codeLines(node, sf, text),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
results.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
const over = results.filter((r) => r.lines > MAX);
if (args.includes('--json')) {
  process.stdout.write(
    JSON.stringify({ max: MAX, over, top: results.slice(0, TOP) }, null, 2) + '\n',
  );
} else {
  const show = results.slice(0, Math.max(TOP, over.length));
  for (const r of show)
    console.log(`${String(r.lines).padStart(4)}  ${r.name}  ${r.file}:${r.line}`);
  console.log(
    over.length === 0
      ? `函数长度：${results.length} 个函数，没有超过 ${MAX} 行的。`
      : `函数长度：${over.length} 个函数超过 ${MAX} 行（空行与注释不计）。`,
  );
}
process.exitCode = over.length === 0 ? 0 : 1;
