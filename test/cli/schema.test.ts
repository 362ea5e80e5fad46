import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { FIXTURES, ROOT, runCli } from '../helpers/cli';

/**
 * The JSON contract (issue 23 item 5): the committed schema is the one generated from the
 * TypeScript types, and the --json output of every fixture validates against it, every element
 * carrying schemaVersion and the version of package.json.
 */
const SCHEMA = path.join(ROOT, 'docs/selfeval-result.schema.json');

test('docs/selfeval-result.schema.json is what scripts/gen-schema.js generates now', () => {
  // A child process: the generator and prettier run as `npm run schema` runs them.
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/gen-schema.js'), '--check'], {
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

const fixtures = [
  ...readdirSync(FIXTURES).filter((f) => /\.xlsx$/.test(f)),
  ...readdirSync(path.join(FIXTURES, 'real'))
    .filter((f) => /\.xlsx$/.test(f))
    .map((f) => `real/${f}`),
  ...readdirSync(path.join(FIXTURES, 'docx'))
    .filter((f) => /\.docx$/.test(f))
    .map((f) => `docx/${f}`),
];

test(`the --json output of every fixture (${fixtures.length} files) validates against the schema`, async () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const r = await runCli(['check', ...fixtures.map((f) => path.join(FIXTURES, f)), '--json']);
  const out = JSON.parse(r.stdout);
  expect(out.length).toBeGreaterThanOrEqual(fixtures.length);
  const ok = validate(out);
  expect(ajv.errorsText(validate.errors, { separator: '\n' })).toBe('No errors');
  expect(ok).toBe(true);
  for (const e of out) {
    expect(e.schemaVersion).toBe('1.0');
    expect(e.version).toBe(version);
  }
  // The schema can fail: an element missing a key, or with a wrong verdict, is refused.
  const broken = structuredClone(out);
  delete broken[0].summary;
  expect(validate(broken)).toBe(false);
  const wrong = structuredClone(out);
  wrong[0].summary.verdict = '通过';
  expect(validate(wrong)).toBe(false);
}, 180_000);
