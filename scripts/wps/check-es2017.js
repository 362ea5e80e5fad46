/* Checks that every script of the WPS build is ES2017 (acorn, installed with webpack): a newer
 * construct is a syntax error in an older embedded Chromium, and the whole add-in would not load.
 * Syntax must be ES2017. Regular expressions are checked one by one: the engine's lookbehind
 * assertions (ES2018, Chromium 62+) cannot be lowered, so they are listed and allowed, and the
 * probe (scripts/probe/wps) tests them in the real WPS; any other newer regex feature fails.
 * Usage: node scripts/wps/check-es2017.js [dist-wps/addin] */
const fs = require('fs');
const path = require('path');
const acorn = require('acorn');
const walk = require('acorn-walk');

const LOOKBEHIND = /\(\?<[=!]/;

function checkCode(code) {
  const regexes = [];
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  walk.full(ast, (node) => {
    if (node.type === 'Literal' && node.regex) regexes.push(node);
  });
  // The syntax without the regexes: each literal replaced by one of the same length.
  let neutral = code;
  for (const r of regexes.slice().reverse())
    neutral = `${neutral.slice(0, r.start)}/${'x'.repeat(r.end - r.start - 2)}/${neutral.slice(r.end)}`;
  const syntax = [];
  try {
    acorn.parse(neutral, { ecmaVersion: 2017, sourceType: 'script' });
  } catch (e) {
    syntax.push(`${e.message} …${code.slice(Math.max(0, (e.pos ?? 0) - 60), (e.pos ?? 0) + 60)}…`);
  }
  const lookbehind = [];
  const newer = [];
  for (const r of regexes) {
    try {
      acorn.parse(`/${r.regex.pattern}/${r.regex.flags}`, { ecmaVersion: 2017 });
    } catch {
      (LOOKBEHIND.test(r.regex.pattern) &&
      !/\(\?<[A-Za-z]|\\p\{|\\k</.test(r.regex.pattern) &&
      !/s/.test(r.regex.flags)
        ? lookbehind
        : newer
      ).push(`/${r.regex.pattern}/${r.regex.flags}`);
    }
  }
  return { syntax, lookbehind, newer };
}

function check(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  const out = files.map((f) => ({
    file: f,
    ...checkCode(fs.readFileSync(path.join(dir, f), 'utf8')),
  }));
  return { files, out };
}

module.exports = { check, checkCode };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || 'dist-wps/addin');
  const { files, out } = check(dir);
  const bad = out.flatMap((o) => [...o.syntax, ...o.newer].map((m) => `${o.file}: ${m}`));
  const lb = [...new Set(out.flatMap((o) => o.lookbehind))];
  if (bad.length) {
    console.error(`不是 ES2017 的脚本：\n${bad.join('\n')}`);
    process.exit(1);
  }
  console.log(
    `ES2017: ${files.length} 个脚本的语法都是 ES2017（${files.join(', ')}）；${lb.length} 个正则表达式用了后行断言（ES2018，Chromium 62 起支持，探测页会检查）。`,
  );
  for (const r of lb) console.log(`  ${r}`);
}
