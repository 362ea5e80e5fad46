import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { projectForm } from '../helpers/forms';
import { setCell } from '../helpers/grid';
import { runCli } from '../helpers/cli';
import { buildWorkbook } from '../helpers/workbook';

/**
 * --layout FILE.json (issue 18 item 5): a bureau whose forms follow one template states the
 * reading once; the checker reads every form so, and names the reading as corrected.
 */
jest.setTimeout(30_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-layout-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The project form whose 资金 header says nothing the lexicon knows (甲 / 乙 columns). */
async function template(): Promise<string> {
  const rows = projectForm();
  setCell(rows, 'D5', '甲栏');
  setCell(rows, 'E5', '乙栏');
  setCell(rows, 'H6', 10); // 10 × 190 / 200 = 9.5: a wrong execution score
  const file = path.join(dir, 'form.xlsx');
  await fs.writeFile(file, await buildWorkbook([{ name: '自评表', rows }]));
  return file;
}

async function layoutFile(content: unknown): Promise<string> {
  const file = path.join(dir, `layout-${Math.random().toString(36).slice(2)}.json`);
  await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const LAYOUT = {
  blocks: [
    {
      headerRow: 5,
      columns: {
        B: 'label',
        C: 'initialBudget',
        D: 'budget',
        E: 'executed',
        F: 'weight',
        G: 'rate',
        H: 'score',
      },
    },
  ],
  totalRow: 17,
};

test('without the layout the 资金 block is not read; with it, the wrong execution score is found', async () => {
  const file = await template();
  const auto = JSON.parse((await runCli(['check', file, '--json'])).stdout)[0];
  expect(auto.summary.coverage.missing).toContain('资金');
  expect(auto.findings.map((f: { cells: string[] }) => f.cells[0])).not.toContain('H6');

  const given = await layoutFile(LAYOUT);
  const r = await runCli(['check', file, '--json', '--layout', given]);
  const [entry] = JSON.parse(r.stdout);
  expect(entry.summary.coverage.missing).toEqual([]);
  expect(entry.reading.source).toBe('corrected');
  expect(entry.reading.totalRow).toBe(17);
  const funds = entry.reading.blocks.find((b: { part: string }) => b.part === 'funds');
  expect(
    funds.columns.map((c: { column: string; role: string }) => `${c.column}:${c.role}`),
  ).toEqual([
    'B:label',
    'C:initialBudget',
    'D:budget',
    'E:executed',
    'F:weight',
    'G:rate',
    'H:score',
  ]);
  expect(
    entry.findings.filter((f: { rule: string }) => f.rule === 'funds.exec-score-mismatch'),
  ).toHaveLength(1);
  const text = await runCli(['check', file, '--layout', given]);
  expect(text.stdout).toContain('按使用者更正的读取方式');
});

/** The project form whose 指标 header calls 分值 and 得分 丙栏 and 丁栏; H12 scores 30 of 25. */
async function unnamedScores(): Promise<string> {
  const rows = projectForm();
  setCell(rows, 'G11', '丙栏');
  setCell(rows, 'H11', '丁栏');
  setCell(rows, 'H12', 30);
  const file = path.join(dir, 'unnamed-scores.xlsx');
  await fs.writeFile(file, await buildWorkbook([{ name: '自评表', rows }]));
  return file;
}

test('an indicator block listed with only 分值 and 得分 is read as one when its part is stated, its rows named by the checker', async () => {
  const file = await unnamedScores();
  const cells = (e: { findings: { rule: string; cells: string[] }[] }) =>
    e.findings.map((f) => `${f.rule} ${f.cells.join(',')}`);
  const [auto] = JSON.parse((await runCli(['check', file, '--json'])).stdout);
  expect(cells(auto).filter((c) => c.startsWith('indicator.score-out-of-range'))).toEqual([]);

  const block = { headerRow: 11, columns: { G: 'weight', H: 'score' } };
  // Without `part` the roles alone make it a 资金 block, which these two columns cannot be.
  const guessed = await runCli(['check', file, '--layout', await layoutFile({ blocks: [block] })]);
  expect(guessed.code).toBe(2);
  expect(guessed.stderr).toContain('是资金块');

  const stated = { blocks: [{ ...block, part: 'indicators' }] };
  const r = await runCli(['check', file, '--json', '--layout', await layoutFile(stated)]);
  expect(r.code).toBe(1);
  const [entry] = JSON.parse(r.stdout);
  expect(entry.reading.source).toBe('corrected');
  const indicators = entry.reading.blocks.find((b: { part: string }) => b.part === 'indicators');
  expect(
    indicators.columns.map((c: { column: string; role: string }) => `${c.column}:${c.role}`),
  ).toEqual(['B:level1', 'C:level2', 'D:level3', 'G:weight', 'H:score']);
  expect(entry.summary.coverage.indicatorRows).toBe(5);
  expect(cells(entry)).toContain('indicator.score-out-of-range H12,G12');
  // 25 + 15 + 10 + 30 + 10 = 90 + 5, and 9.5 for 资金: 104.5 against the stated 99.5.
  expect(cells(entry)).toContain('total.score-sum-mismatch H17');
});

test.each([
  ['not JSON', '{blocks:', '不是有效的 JSON'],
  ['an unknown role', { blocks: [{ headerRow: 5, columns: { D: 'bud' } }] }, '角色“bud”不认识'],
  [
    'an indicator block without a score column',
    { blocks: [{ headerRow: 11, columns: { D: 'level3', E: 'target', F: 'actual' } }] },
    '需要指定“score”',
  ],
  ['a row that is not a row number', { blocks: [], totalRow: 0 }, '“totalRow”应是行号'],
  [
    'a part that is neither',
    { blocks: [{ headerRow: 5, part: 'money', columns: { D: 'budget', E: 'executed' } }] },
    '“part”应是 "funds"',
  ],
  [
    'a stated part with the roles of the other part',
    {
      blocks: [{ headerRow: 5, part: 'funds', columns: { D: 'level3', G: 'weight', H: 'score' } }],
    },
    '标明是资金块，不能有“level3”列',
  ],
])(
  'a layout file that cannot be used (%s) is one sentence and exit 2',
  async (_name, content, says) => {
    const file = await template();
    const r = await runCli(['check', file, '--layout', await layoutFile(content)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(/at \S+ \(|Error:/);
    expect(r.stdout).toBe('');
  },
);
