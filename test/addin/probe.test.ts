import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * scripts/probe/selfeval-probe.yaml is a Script Lab snippet (its YAML export format). No YAML
 * library is installed, so this reads the few block scalars the format uses by indentation.
 */
const DIR = path.resolve(__dirname, '../../scripts/probe');
const yaml = readFileSync(path.join(DIR, 'selfeval-probe.yaml'), 'utf8');
const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8');

/** `key:` at column 0 → its lines (indented), until the next top-level key. */
function section(key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l === `${key}:` || l.startsWith(`${key}: `));
  if (start < 0) throw new Error(`no top-level ${key}`);
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return [lines[start], ...lines.slice(start + 1, end < 0 ? undefined : end)];
}
/** A `content: |` block scalar (8-space indent) and its `language:`. */
function block(key: string): { content: string; language: string } {
  const lines = section(key).slice(1);
  const at = lines.findIndex((l) => /^ {4}content: \|-?$/.test(l));
  expect(at).toBeGreaterThanOrEqual(0);
  const body: string[] = [];
  let i = at + 1;
  for (; i < lines.length && (lines[i] === '' || lines[i].startsWith('        ')); i++)
    body.push(lines[i].slice(8));
  const language =
    lines.find((l) => /^ {4}language: /.test(l))?.replace(/^ {4}language: /, '') ?? '';
  return { content: body.join('\n'), language };
}
const scalar = (key: string) => section(key)[0].replace(new RegExp(`^${key}:\\s*`), '');

test('the snippet has the Script Lab export shape', () => {
  expect(scalar('name')).not.toBe('');
  expect(scalar('description')).not.toBe('');
  expect(scalar('host')).toBe('EXCEL');
  expect(section('api_set').join('\n')).toMatch(/ExcelApi: '1\.\d+'/);
  expect(block('script').language).toBe('typescript');
  expect(block('template').language).toBe('html');
  expect(block('style').language).toBe('css');
  const libraries = section('libraries')
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
  expect(libraries).toEqual([
    'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    '@types/office-js',
  ]);
  for (const l of yaml.split('\n')) expect(l).not.toMatch(/\t/);
});

test('the script is valid TypeScript and every button it wires exists in the template', () => {
  const { content } = block('script');
  const r = ts.transpileModule(content, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2017 },
  });
  expect(
    r.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) ?? [],
  ).toEqual([]);
  const template = block('template').content;
  const ids = [...content.matchAll(/getElementById\("([\w-]+)"\)/g)].map((m) => m[1]);
  expect(ids.length).toBeGreaterThan(4);
  for (const id of new Set(ids)) expect(template).toContain(`id="${id}"`);
});

test('every probe the README lists is in the script, and every probe in the script is in the README', () => {
  const listed = [...readme.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
  expect(listed.length).toBeGreaterThanOrEqual(12);
  const { content } = block('script');
  for (const name of listed)
    expect(content.includes(`"${name}"`) ? name : `${name} missing from the script`).toBe(name);
  const inScript = [...content.matchAll(/\bprobe\(\s*"([\w-]+)"/g)].map((m) => m[1]);
  const viaHelper = [...content.matchAll(/\bprobeRestore\(\s*"([\w-]+)"/g)].map((m) => m[1]);
  for (const name of [...inScript, ...viaHelper]) expect(listed).toContain(name);
  // The assumptions issue 7 names, each probed.
  for (const name of [
    'nofill-vs-white',
    'restore-theme-tint',
    'restore-pattern',
    'notes',
    'notes-multicell',
    'merge-undo-group',
    'settings-after-reload',
    'merged-areas',
    'threaded-comments',
    'payload-size',
    // issue 20 item 8: what the fake now models, probed in real Excel
    'merge-limit-512',
    'protected-unlocked',
    'comments-location',
    'chunk-read',
    'error-values',
    'used-range-values-only',
  ])
    expect(listed).toContain(name);
});
