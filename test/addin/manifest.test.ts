import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
// Comments are prose, not manifest: the checks read only the elements.
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const xmllint = spawnSync('which', ['xmllint']).status === 0;
const runXsd = xmllint || process.env.CI ? test : test.skip;

runXsd('manifest.xml validates against the Office add-in XSDs (offline, xmllint)', () => {
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test/office-schemas/OfficeAppManifestV1_1.xsd'), path.join(ROOT, 'manifest.xml')], { encoding: 'utf8' });
  expect(r.stderr.trim()).toMatch(/manifest\.xml validates$/);
  expect(r.status).toBe(0);
});

const attrs = (name: string) => [...manifest.matchAll(new RegExp(`\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));

test('every resid names a defined resource', () => {
  const used = attrs('resid');
  expect(used.length).toBeGreaterThan(10);
  for (const r of used) expect(defined.has(r) ? r : `undefined resid ${r}`).toBe(r);
});

test('ids and resids are at most 32 characters', () => {
  for (const id of [...attrs('id'), ...attrs('resid')]) expect(id.length).toBeLessThanOrEqual(32);
});

test('every URL is https', () => {
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g), ...manifest.matchAll(/<AppDomain>([^<]*)</g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test('every URL names a page the build emits or an icon in assets/', () => {
  const files = new Set(
    [...manifest.matchAll(/https:\/\/localhost:3000\/([^"<]+)/g)].map((m) => m[1]),
  );
  for (const f of files) {
    if (f.startsWith('assets/')) expect(existsSync(path.join(ROOT, f))).toBe(true);
    else expect(['taskpane.html', 'commands.html']).toContain(f);
  }
  const webpack = readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  expect(webpack).toContain("filename: 'taskpane.html'");
  expect(webpack).toContain("filename: 'commands.html'");
});

test('every FunctionName has a matching Office.actions.associate', () => {
  const names = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
  const commands = readFileSync(path.join(ROOT, 'src/addin/commands/commands.ts'), 'utf8');
  expect(names).toEqual(['runCheck']);
  for (const n of names) expect(commands).toContain(`Office.actions.associate('${n}'`);
});

test('the requirement set is the core minimum: ExcelApi 1.9, the rest detected at run time', () => {
  expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
  const host = readFileSync(path.join(ROOT, 'src/addin/host/excelHost.ts'), 'utf8');
  for (const v of ['1.18', '1.13', '1.20']) expect(host).toContain(`'${v}'`);
});
