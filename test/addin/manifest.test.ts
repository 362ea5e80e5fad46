import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
// Comments are prose, not manifest: the checks read only the elements.
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace(
  /<!--[\s\S]*?-->/g,
  '',
);
const xmllint = spawnSync('which', ['xmllint']).status === 0;
const runXsd = xmllint || process.env.CI ? test : test.skip;

runXsd('manifest.xml validates against the Office add-in XSDs (offline, xmllint)', () => {
  const r = spawnSync(
    'xmllint',
    [
      '--noout',
      '--schema',
      path.join(ROOT, 'test/office-schemas/OfficeAppManifestV1_1.xsd'),
      path.join(ROOT, 'manifest.xml'),
    ],
    { encoding: 'utf8' },
  );
  expect(r.stderr.trim()).toMatch(/manifest\.xml validates$/);
  expect(r.status).toBe(0);
});

const attrs = (name: string) =>
  [...manifest.matchAll(new RegExp(`\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const defined = new Set(
  [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]),
);

test('every resid names a defined resource', () => {
  const used = attrs('resid');
  expect(used.length).toBeGreaterThan(10);
  for (const r of used) expect(defined.has(r) ? r : `undefined resid ${r}`).toBe(r);
});

test('ids and resids are at most 32 characters', () => {
  for (const id of [...attrs('id'), ...attrs('resid')]) expect(id.length).toBeLessThanOrEqual(32);
});

test('every URL is https', () => {
  const urls = [
    ...manifest.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g),
    ...manifest.matchAll(/<AppDomain>([^<]*)</g),
  ].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
});

test('every URL names a page the build emits or an icon in assets/', () => {
  const files = new Set(
    [...manifest.matchAll(/https:\/\/localhost:3000\/([^"<]+)/g)].map((m) => m[1]),
  );
  for (const f of files) {
    if (f.startsWith('assets/')) expect(existsSync(path.join(ROOT, f))).toBe(true);
    else expect(['taskpane.html']).toContain(f);
  }
  const webpack = readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  expect(webpack).toContain("filename: 'taskpane.html'");
  expect(webpack).not.toContain("filename: 'commands.html'");
});

test('one runtime for the ribbon and the pane: <Runtimes> lifetime long, the function file is the pane', () => {
  expect(manifest).toMatch(
    /<Runtimes>\s*<Runtime resid="Taskpane.Url" lifetime="long"\/>\s*<\/Runtimes>/,
  );
  expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
  expect(manifest).toMatch(
    /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/,
  );
  expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
});

test('Chinese labels whatever the UI language: default locale zh-CN, no English left', () => {
  expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
  const shown = [...manifest.matchAll(/(?:DefaultValue|Value)="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((v) => !/^https:/.test(v));
  expect(shown.length).toBeGreaterThan(8);
  for (const v of shown) expect(v).toMatch(/[\u4e00-\u9fff]/);
});

test('every FunctionName has a matching Office.actions.associate', () => {
  const names = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
  const commands = readFileSync(path.join(ROOT, 'src/addin/taskpane/index.tsx'), 'utf8');
  expect(names).toEqual(['runCheck']);
  for (const n of names) expect(commands).toContain(`Office.actions.associate('${n}'`);
});

test('the requirement set is the core minimum: ExcelApi 1.9, the rest detected at run time', () => {
  expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
  const host = readFileSync(path.join(ROOT, 'src/addin/host/excelHost.ts'), 'utf8');
  for (const v of ['1.18', '1.13', '1.20']) expect(host).toContain(`'${v}'`);
});

describe('office.js: Microsoft CDN in every build a user runs, the npm copy only in the e2e build', () => {
  const config = require(path.join(ROOT, 'webpack.config.js')) as ((
    env: unknown,
    argv: { mode: string },
  ) => Promise<{ plugins: object[] }>) & { OFFICE_JS_CDN: string };
  type Built = { officeJs: string[]; copied: string[] };
  async function build(mode: string, officeJsUrl?: string): Promise<Built> {
    const saved = process.env.OFFICE_JS_URL;
    if (officeJsUrl === undefined) delete process.env.OFFICE_JS_URL;
    else process.env.OFFICE_JS_URL = officeJsUrl;
    try {
      const c = await config({}, { mode });
      const plugins = c.plugins as {
        userOptions?: { filename: string; templateParameters: { officeJs: string } };
        patterns?: { context?: string; to: string }[];
      }[];
      return {
        officeJs: plugins
          .filter((p) => p.userOptions?.templateParameters)
          .map((p) => p.userOptions!.templateParameters.officeJs),
        copied: plugins
          .flatMap((p) => p.patterns ?? [])
          .filter((p) => p.context?.includes('@microsoft/office-js'))
          .map((p) => p.to),
      };
    } finally {
      if (saved === undefined) delete process.env.OFFICE_JS_URL;
      else process.env.OFFICE_JS_URL = saved;
    }
  }

  test('the production build (npm run build:addin) and the dev server load office.js from the CDN and copy nothing', async () => {
    expect(config.OFFICE_JS_CDN).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    for (const mode of ['production', 'development']) {
      const b = await build(mode);
      expect(b.officeJs).toEqual([config.OFFICE_JS_CDN, config.OFFICE_JS_CDN]); // taskpane.html, result.html
      expect(b.copied).toEqual([]);
    }
  });

  test('OFFICE_JS_URL=office-js/office.js (npm run test:e2e) loads the local npm copy and copies it there', async () => {
    const b = await build('production', 'office-js/office.js');
    expect(b.officeJs).toEqual(['office-js/office.js', 'office-js/office.js']);
    expect(b.copied).toEqual(['office-js/', 'office-js/']);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.e2e).toMatch(
      /^OFFICE_JS_URL=office-js\/office\.js /,
    );
  });

  test('an IT department mirror: OFFICE_JS_URL=https://… is loaded as given; other values are refused', async () => {
    const mirror = 'https://intranet.example.cn/office-js/office.js';
    expect(await build('production', mirror)).toEqual({
      officeJs: [mirror, mirror],
      copied: [],
    });
    for (const bad of ['http://intranet/office.js', '/office.js', '../office.js', 'office-js/'])
      await expect(build('production', bad)).rejects.toThrow(/OFFICE_JS_URL/);
  });
});
