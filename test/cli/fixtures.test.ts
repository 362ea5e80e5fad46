import { spawnSync } from 'child_process';
import { promises as fs, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, spawnCli } from '../helpers/cli';

/**
 * Every workbook in test/fixtures with an .expected.json, checked by the built CLI and scored by
 * the same script acceptance uses (test/fixtures/score-findings.js, copied from shared/tools).
 */
const fixtures: string[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''));

describe('fixtures scored as acceptance scores them', () => {
  test('there are fixtures to score', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });

  test.each(fixtures)('%s: every expected cell found, no false alarm, right exit code', async (name: string) => {
    const xlsx = path.join(FIXTURES, `${name}.xlsx`);
    const expected = path.join(FIXTURES, `${name}.expected.json`);
    const r = spawnCli(['check', xlsx, '--json']);
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-'));
    const report = path.join(tmp, 'report.json');
    await fs.writeFile(report, r.stdout);
    const score = spawnSync(process.execPath, [path.join(FIXTURES, 'score-findings.js'), report, expected, String(r.code)], { encoding: 'utf8' });
    expect(score.stdout.trim()).toMatch(/^found (\d+)\/\1; false alarms 0; exit \d$/);
    expect(score.status).toBe(0);
    const want = JSON.parse(await fs.readFile(expected, 'utf8'));
    expect(JSON.parse(r.stdout)[0].sheet).toBe(want.sheet);
  });
});
