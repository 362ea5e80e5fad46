import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readExplanationPart, writeExplanationPart } from '../../src/adapters/xlsx/customXml';
import type { CheckResult } from '../../src/engine';
import { correctReading } from '../../src/engine';
import { runCli } from '../helpers/cli';

/**
 * A reading corrected in the pane is stored in the workbook (the selfeval custom XML part) and
 * used by every later check there, the CLI's included (issue 18 item 5).
 */
jest.setTimeout(60_000);

const SEED = path.join(__dirname, '..', 'fixtures', 'yuelu-2022.xlsx');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-stored-reading-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function check(file: string, ...args: string[]): Promise<CheckResult[]> {
  const run = await runCli(['check', file, '--json', ...args]);
  return JSON.parse(run.stdout) as CheckResult[];
}

const rules = (r: CheckResult) => r.findings.map((f) => `${f.rule} ${f.cells.join(',')}`);

test('a column the user says is not read stays unread at the next check, and the result says corrected', async () => {
  const [before] = await check(SEED);
  expect(before.reading?.source).toBe('auto');
  expect(rules(before)).toContain('indicator.reason-missing I21');
  const corrected = correctReading(before.reading!, before.sheet!, {
    kind: 'column',
    part: 'indicators',
    column: 'I',
    role: null,
  });
  if ('error' in corrected) throw new Error(corrected.error);
  const file = path.join(dir, 'corrected.xlsx');
  await fs.writeFile(
    file,
    writeExplanationPart(await fs.readFile(SEED), {
      profile: null,
      explanations: [],
      readings: [corrected.layout],
    }),
  );
  expect(readExplanationPart(await fs.readFile(file))?.readings).toEqual([corrected.layout]);

  const [after] = await check(file);
  expect(after.reading?.source).toBe('corrected');
  expect(after.reading?.blocks[1].columns.map((c) => c.column)).not.toContain('I');
  expect(rules(after).filter((r) => r.startsWith('indicator.reason-missing'))).toEqual([]);
  // What the correction does not touch is found as before.
  expect(rules(after)).toEqual(
    rules(before).filter((r) => !r.startsWith('indicator.reason-missing')),
  );
});

test('a total row the user names is the 总分 row; --layout given on the command line wins over the stored one', async () => {
  const [before] = await check(SEED);
  const moved = correctReading(before.reading!, before.sheet!, { kind: 'totalRow', row: 33 });
  if ('error' in moved) throw new Error(moved.error);
  const file = path.join(dir, 'total.xlsx');
  await fs.writeFile(
    file,
    writeExplanationPart(await fs.readFile(SEED), {
      profile: null,
      explanations: [],
      readings: [moved.layout],
    }),
  );
  const [stored] = await check(file);
  expect(stored.reading?.totalRow).toBe(33);

  const layout = path.join(dir, 'layout.json');
  const asRead = correctReading(before.reading!, before.sheet!, { kind: 'totalRow', row: 34 });
  if ('error' in asRead) throw new Error(asRead.error);
  await fs.writeFile(layout, JSON.stringify(asRead.layout));
  const [given] = await check(file, '--layout', layout);
  expect(given.reading?.totalRow).toBe(34);
  expect(rules(given)).toEqual(rules(before));
});

test('a correction that leaves a block unreadable is refused with a sentence', () => {
  const reading = {
    source: 'auto' as const,
    blocks: [
      {
        part: 'indicators' as const,
        headerRows: [15],
        columns: [
          { column: 'D', role: 'level3', name: '三级指标', header: '三级指标', guessed: false },
          { column: 'H', role: 'score', name: '得分', header: '得分', guessed: false },
          { column: 'G', role: 'weight', name: '分值', header: '分值', guessed: false },
        ],
      },
    ],
    fundsRows: [],
    totalRow: null,
    totalCells: null,
    decisions: [],
    ambiguous: false,
    text: '',
  };
  const out = correctReading(reading, '表', {
    kind: 'column',
    part: 'indicators',
    column: 'H',
    role: null,
  });
  expect(out).toEqual({ error: expect.stringMatching(/^不能这样更正：.*得分/) });
  // Giving a role to another column takes it from the column that had it.
  const moved = correctReading(reading, '表', {
    kind: 'column',
    part: 'indicators',
    column: 'G',
    role: 'score',
  });
  expect(moved).toEqual({
    layout: {
      sheet: '表',
      blocks: [{ headerRow: 15, part: 'indicators', columns: { D: 'level3', G: 'score' } }],
    },
  });
});

test('a rate-only 资金 part (执行率 | 分值 | 得分) can be corrected like any other', () => {
  const reading = {
    source: 'auto' as const,
    blocks: [
      {
        part: 'funds' as const,
        headerRows: [5],
        columns: [
          { column: 'C', role: 'rate', name: '执行率', header: '执行率', guessed: false },
          { column: 'D', role: 'weight', name: '分值', header: '分值', guessed: false },
          { column: 'E', role: 'score', name: '得分', header: '得分', guessed: false },
        ],
      },
    ],
    fundsRows: [],
    totalRow: 20,
    totalCells: null,
    decisions: [],
    ambiguous: false,
    text: '',
  };
  expect(correctReading(reading, '表', { kind: 'totalRow', row: 21 })).toEqual({
    layout: {
      sheet: '表',
      blocks: [{ headerRow: 5, part: 'funds', columns: { C: 'rate', D: 'weight', E: 'score' } }],
      totalRow: 21,
    },
  });
  // Taking its rate away leaves nothing to read: refused.
  expect(
    correctReading(reading, '表', { kind: 'column', part: 'funds', column: 'C', role: null }),
  ).toEqual({ error: expect.stringMatching(/^不能这样更正：资金部分/) });
});
