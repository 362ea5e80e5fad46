import { spawnSync } from 'child_process';
import { promises as fs, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import { FIXTURES, spawnCli } from '../helpers/cli';

const REAL = path.join(FIXTURES, 'real');

/**
 * Real forms the checker misreads today (issue 18: reading unseen forms), by fixture name
 * (the expected file's name without `.expected.json`) with the class of misreading. Each is
 * scored like the others but must still fail; when the reading is fixed its test fails here,
 * and the name comes out of this list. The expected files are hand-derived and never weakened.
 */
const PENDING_READING: Map<string, string> = new Map([
  [
    'anhui-xiaoxian-2023-xianjie-subrows',
    'sub-rows restating parent: indicator sub-items labelled 其中… are taken for 资金 其中 lines, so the 资金 block is not read (fundRows 0)',
  ],
  [
    'ningxia-yuanzhou-2022-seed-potato',
    'unplaced row left out of a sum: 自治区补助 under 其中 (amounts 300万元 / 259.45万元 with the unit in the cell) is not placed, so the blank 执行数 total and its own 86.5% rate go unchecked',
  ],
  [
    'yunnan-linxiang-2023-wildlife-shelter',
    'sentence under a number column: the 实际完成情况 text under 全年执行数 (…1间200平方米,钢结构圈养围栏120米…) makes the 资金 block unread, so two wrong rates and two wrong scores pass',
  ],
]);

/**
 * Every workbook in test/fixtures and test/fixtures/real with an expected file, checked by the
 * built CLI and scored by the script acceptance uses (test/fixtures/score-findings.js, copied from
 * shared/tools): every expected cell found, no false alarm, the right exit code, and at least the
 * hand-counted rows read. `NAME--PART.expected.json` scores one form of NAME.xlsx (a workbook
 * holding several), chosen by its `sheet` and `anchor`.
 */
function cases(dir: string): [string, string, string][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      return [
        path.relative(FIXTURES, path.join(dir, name)),
        path.join(dir, `${name.replace(/--.*$/, '')}.xlsx`),
        path.join(dir, f),
      ];
    });
}

const all = [...cases(FIXTURES), ...cases(REAL)];
const isPending = ([name]: [string, string, string]): boolean =>
  PENDING_READING.has(path.basename(name));

describe('fixtures scored as acceptance scores them', () => {
  test('there are the public fixtures and at least 15 real published forms', () => {
    expect(cases(FIXTURES).length).toBeGreaterThanOrEqual(2);
    const published = readdirSync(path.join(REAL, 'src')).filter(
      (f) => f.endsWith('.json') && !f.startsWith('mixed-'),
    );
    expect(published.length).toBeGreaterThanOrEqual(15);
  });

  /** Checks one form with the built CLI and scores it; throws on anything short of perfect. */
  const scoreForm = async (xlsx: string, expected: string): Promise<void> => {
    const r = spawnCli(['check', xlsx, '--json']);
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-'));
    const report = path.join(tmp, 'report.json');
    await fs.writeFile(report, r.stdout);
    const score = spawnSync(
      process.execPath,
      [path.join(FIXTURES, 'score-findings.js'), report, expected, String(r.code)],
      { encoding: 'utf8' },
    );
    expect(score.stdout.trim()).toMatch(/^found (\d+)\/\1; false alarms 0; exit \d$/);
    expect(score.status).toBe(0);
    const want = JSON.parse(await fs.readFile(expected, 'utf8'));
    expect(JSON.parse(r.stdout).map((e: { sheet: string }) => e.sheet)).toContain(want.sheet);
  };

  test.each(all.filter((c) => !isPending(c)))(
    '%s: every expected cell found, no false alarm, right exit code, enough read',
    async (_name, xlsx, expected) => scoreForm(xlsx, expected),
  );

  const pending = all.filter(isPending);
  if (pending.length > 0) {
    test.failing.each(pending)(
      '%s: still misread (PENDING_READING); remove it from the list once it scores perfectly',
      async (_name, xlsx, expected) => scoreForm(xlsx, expected),
    );
  }

  test('every PENDING_READING entry names a real fixture', () => {
    const names = new Set(all.map(([name]) => path.basename(name)));
    for (const name of PENDING_READING.keys()) expect(names).toContain(name);
  });
});

describe('real forms are rebuilt from their transcriptions', () => {
  const names = readdirSync(path.join(REAL, 'src'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

  test('every transcription has its workbook and an expected file, and names its source', async () => {
    for (const name of names) {
      const spec = JSON.parse(await fs.readFile(path.join(REAL, 'src', `${name}.json`), 'utf8'));
      expect(spec.source).toMatch(/\S/);
      expect(spec.province).toMatch(/\S/);
      await fs.access(path.join(REAL, `${name}.xlsx`));
      expect(
        readdirSync(REAL).some((f) => f.startsWith(name) && f.endsWith('.expected.json')),
      ).toBe(true);
    }
  });

  test('the committed workbooks are what the builder makes of the transcriptions', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-real-'));
    await fs.cp(REAL, tmp, { recursive: true });
    const built = spawnSync(process.execPath, [path.join(tmp, 'build.js')], {
      encoding: 'utf8',
      cwd: tmp,
      env: { ...process.env, NODE_PATH: path.join(FIXTURES, '../../node_modules') },
    });
    expect(built.status).toBe(0);
    for (const name of names) {
      const committed = await loadWorkbook(
        await fs.readFile(path.join(REAL, `${name}.xlsx`)),
        'a.xlsx',
      );
      const rebuilt = await loadWorkbook(
        await fs.readFile(path.join(tmp, `${name}.xlsx`)),
        'b.xlsx',
      );
      expect(rebuilt.sheets).toEqual(committed.sheets);
    }
    // Rebuilding and reading every transcription takes seconds on a shared machine.
  }, 60_000);
});
