import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';

/** `npm run test:e2e` builds with ADDIN_BASE_URL as an IT department would: the emitted manifest must carry it. */
const ROOT = path.resolve(__dirname, '../..');
const built = path.join(ROOT, 'dist-addin/manifest.xml');

test('the built manifest points at the hosting base URL everywhere and still validates', () => {
  const base = process.env.ADDIN_BASE_URL ?? 'https://localhost:3000/';
  const xml = readFileSync(built, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const urls = [...xml.matchAll(/https:\/\/[^"<]+/g)].map((m) => m[0]);
  expect(urls.length).toBeGreaterThan(10);
  for (const u of urls) expect(u.startsWith(base.replace(/\/$/, ''))).toBe(true);
  expect(xml).toContain(`${base}taskpane.html`);
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test/office-schemas/OfficeAppManifestV1_1.xsd'), built], { encoding: 'utf8' });
  expect(r.status).toBe(0);
});
