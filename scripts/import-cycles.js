#!/usr/bin/env node
// Lists the import cycles among the modules of src/ and fails when there is one (issue 24). Every
// edge counts: `import`, `import type`, `export … from`, `import()` (also in a type) and `require`,
// since a cycle of types only is still two modules that cannot be read one without the other.
//   node scripts/import-cycles.js [--json]
'use strict';
const fs = require('fs');
const path = require('path');
const { filesUnder } = require('./sourceFiles');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const src = path.join(root, 'src');

/** The module a relative specifier names, or null (a package, or a file outside src/). */
function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  const tries = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ];
  for (const t of tries) if (t.startsWith(src) && /\.tsx?$/.test(t) && fs.existsSync(t)) return t;
  return null;
}

/** The specifiers a file imports, by any of the forms above. */
function specifiers(file) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text);
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push(e.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      const req = ts.isIdentifier(callee) && callee.text === 'require';
      const arg = node.arguments[0];
      if ((dynamic || req) && arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    } else if (ts.isImportTypeNode(node)) {
      const lit = node.argument;
      if (ts.isLiteralTypeNode(lit) && ts.isStringLiteral(lit.literal)) out.push(lit.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Tarjan's strongly connected components: each with more than one module (or a self-import) is a cycle. */
function components(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || graph.get(v).has(v)) out.push(c.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return out;
}

/** One shortest cycle through the component's first module, to show how it closes. */
function loopIn(graph, comp) {
  const inside = new Set(comp);
  const start = comp[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const loop = [start];
        for (let u = v; u !== start; u = prev.get(u)) loop.splice(1, 0, u);
        return [...loop, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return comp;
}

const graph = new Map();
for (const f of filesUnder(src)) {
  const to = new Set();
  for (const s of specifiers(f)) {
    const r = resolve(f, s);
    if (r) to.add(r);
  }
  graph.set(f, to);
}
const rel = (f) => path.relative(root, f);
const cycles = components(graph).map((c) => ({
  modules: c.map(rel),
  loop: loopIn(graph, c).map(rel),
}));
if (process.argv.includes('--json')) console.log(JSON.stringify(cycles, null, 2));
else {
  for (const c of cycles) {
    console.log(`${c.modules.length} 个模块互相引用：`);
    console.log(`  ${c.loop.join('\n  → ')}`);
    if (c.modules.length > c.loop.length - 1)
      console.log(`  （其余：${c.modules.filter((m) => !c.loop.includes(m)).join('、')}）`);
  }
  console.log(`引用环：${cycles.length} 个（${graph.size} 个模块）。`);
}
process.exitCode = cycles.length ? 1 : 0;
