import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

/** `npm run test:e2e` builds with ADDIN_BASE_URL as an IT department would: the emitted manifest must carry it. */
const ROOT = path.resolve(__dirname, '../..');
const built = path.join(ROOT, 'dist-addin/manifest.xml');

test('the built manifest points at the hosting base URL everywhere and still validates', () => {
  const base = process.env.ADDIN_BASE_URL ?? 'https://localhost:3000/';
  const xml = readFileSync(built, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const urls = [...xml.matchAll(/https:\/\/[^"<]+/g)].map((m) => m[0]);
  expect(urls.length).toBeGreaterThanOrEqual(10); // the pane (also the function file: one shared runtime), the icons
  for (const u of urls) expect(u.startsWith(base.replace(/\/$/, ''))).toBe(true);
  expect(xml).toContain(`${base}taskpane.html`);
  const r = spawnSync(
    'xmllint',
    [
      '--noout',
      '--schema',
      path.join(ROOT, 'test/office-schemas/OfficeAppManifestV1_1.xsd'),
      built,
    ],
    { encoding: 'utf8' },
  );
  expect(r.status).toBe(0);
});

/** The e2e build (OFFICE_JS_URL=office-js/office.js) runs offline on the npm copy of office.js; user builds use the CDN (test/addin/manifest.test.ts). */
test('the e2e build loads the local npm office.js, never the CDN', () => {
  for (const page of ['taskpane.html', 'result.html']) {
    const html = readFileSync(path.join(ROOT, 'dist-addin', page), 'utf8');
    expect(html).toMatch(/<script src="?office-js\/office\.js"?>/);
    expect(html).not.toContain('appsforoffice.microsoft.com');
  }
  for (const f of ['office.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js'])
    expect(
      existsSync(path.join(ROOT, 'dist-addin/office-js', f)) ? f : `missing office-js/${f}`,
    ).toBe(f);
});
