import { RESULT_HEADER } from '../../src/engine/findings/resultRows';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FIXTURES, runCli, spawnCli } from '../helpers/cli';
import { buildWorkbook } from '../helpers/workbook';

const SEED = path.join(FIXTURES, 'yuelu-2022.xlsx');
const CORRECTED = path.join(FIXTURES, 'yuelu-2022-corrected.xlsx');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-cli-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function sha(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

describe('exit codes and clear sentences', () => {
  test('0 when no error, 1 when errors', async () => {
    expect((await runCli(['check', CORRECTED])).code).toBe(0);
    expect((await runCli(['check', SEED])).code).toBe(1);
  });

  test('2 for a workbook with no form, with the sentence on stderr', async () => {
    const file = path.join(tmp, '通讯录.xlsx');
    await fs.writeFile(
      file,
      await buildWorkbook([
        {
          name: 'Sheet1',
          rows: [
            ['姓名', '电话'],
            ['张三', '123'],
          ],
        },
      ]),
    );
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未找到绩效自评表');
  });

  test.each([
    [
      'a text file named .xlsx',
      'bad.xlsx',
      Buffer.from('hello, not a workbook'),
      '不是 .xlsx 工作簿',
    ],
    ['an old .xls', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), '.xls'],
    [
      'an encrypted workbook (OLE container)',
      'locked.xlsx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(512)]),
      '已加密',
    ],
    ['an empty file', 'empty.xlsx', Buffer.alloc(0), '空的'],
    [
      'a broken zip',
      'broken.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
      '已损坏',
    ],
  ])('2 for %s: one sentence, no stack trace', async (_what, name, bytes, words) => {
    const file = path.join(tmp, name);
    await fs.writeFile(file, bytes);
    const r = spawnCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing file is 2 with a sentence', async () => {
    const r = await runCli(['check', path.join(tmp, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件不存在');
  });

  test('a batch goes on after a bad file, and exits 2', async () => {
    const bad = path.join(tmp, 'bad.xlsx');
    await fs.writeFile(bad, 'junk');
    const r = await runCli(['check', bad, SEED, '--json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.map((e: { status: string }) => e.status)).toEqual(['unreadable', 'checked']);
    expect(report[1].summary.errors).toBe(2);
  });

  test('bad arguments: exit 2 and usage', async () => {
    const r = await runCli(['check', '--out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out 后面需要');
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['--help'])).stdout).toContain('用法');
  });
});

describe('the JSON contract', () => {
  test('stdout is exactly a JSON array with the documented keys', async () => {
    const r = spawnCli(['check', SEED, CORRECTED, '--json']);
    const report = JSON.parse(r.stdout);
    expect(Array.isArray(report)).toBe(true);
    expect(report).toHaveLength(2);
    const [seed] = report;
    expect(Object.keys(seed)).toEqual([
      'schemaVersion',
      'version',
      'file',
      'status',
      'sheet',
      'form',
      'message',
      'findings',
      'summary',
      'profile',
      'headline',
      'reading',
    ]);
    expect(seed.profile).toEqual({
      id: 'national-2020',
      name: '财预〔2020〕10号（全国通用）',
      why: '默认',
    });
    expect(seed).toMatchObject({
      file: SEED,
      status: 'checked',
      sheet: '部门整体支出绩效自评表',
      form: null,
      message: null,
    });
    expect(Object.keys(seed.summary)).toEqual([
      'errors',
      'warnings',
      'infos',
      'statedTotal',
      'recomputedTotal',
      'fullMarks',
      'grade',
      'verdict',
      'coverage',
    ]);
    expect(seed.summary).toEqual({
      errors: 2,
      warnings: 7,
      infos: 4,
      statedTotal: '96',
      recomputedTotal: '106',
      fullMarks: '110',
      grade: '优',
      verdict: '需修改',
      coverage: {
        fundRows: 8,
        indicatorRows: 17,
        recomputed: 9,
        unverifiable: 0,
        unplaced: [],
        missing: [],
      },
    });
    // What was read, and how (RULES §1.3): header rows, each column's role, the total row.
    expect(seed.reading).toMatchObject({ source: 'auto', totalRow: 34, ambiguous: false });
    expect(seed.reading.totalCells).toEqual({ weight: 'G34', score: 'H34' });
    const roles = (part: string) =>
      Object.fromEntries(
        seed.reading.blocks
          .find((b: { part: string }) => b.part === part)
          .columns.map((c: { column: string; role: string }) => [c.column, c.role]),
      );
    expect(roles('funds')).toEqual({
      C: 'label',
      D: 'budget',
      E: 'executed',
      F: 'rate',
      G: 'weight',
      H: 'score',
    });
    expect(roles('indicators')).toMatchObject({
      D: 'level3',
      E: 'target',
      F: 'actual',
      I: 'reason',
    });
    expect(seed.reading.text).toMatch(
      /^读取方式：资金表头第 4 行：C 行标签，D 全年预算数，E 全年执行数/,
    );
    expect(seed.reading.text).toMatch(/总分 第 34 行。$/);
    for (const f of seed.findings) {
      expect(Object.keys(f)).toEqual([
        'rule',
        'severity',
        'cells',
        'message',
        'expected',
        'actual',
        'fix',
        'explanation',
      ]);
      expect(f.cells.every((c: string) => /^[A-Z]+\d+$/.test(c))).toBe(true);
    }
    const blank = seed.findings.find((f: { cells: string[] }) => f.cells[0] === 'D5');
    expect(blank).toMatchObject({
      rule: 'funds.blank-total',
      severity: 'warning',
      expected: '299.59',
      fix: { cell: 'D5', value: '299.59' },
    });
    // The rate that filling the blank 合计 makes computable is in the fix plan (RULES §4a): a note, counted with the infos.
    const rate = seed.findings.find((f: { cells: string[] }) => f.cells[0] === 'F5');
    expect(rate).toMatchObject({
      rule: 'fix.follow-up',
      severity: 'info',
      expected: '100.00%',
      fix: { cell: 'F5', value: '100.00%' },
    });
  });
});

describe('the text report and CSV', () => {
  test('findings grouped by severity, each with its cell, then a summary table', async () => {
    const r = await runCli(['check', SEED]);
    expect(r.stdout).toMatch(/错误 2 项\n {2}G34 +各项分值之和为 110/);
    expect(r.stdout).toContain('警告 7 项');
    expect(r.stdout).toMatch(/汇总\n文件 +工作表 +状态 +错误 +警告/);
    expect(r.stdout).toContain('读取：资金 8 行，指标 17 行（可复算 9 行）。');
    expect(r.stdout).toContain('复算总分 106（满分 110）');
    expect(r.stdout.indexOf('错误 2 项')).toBeLessThan(r.stdout.indexOf('警告 7 项'));
  });

  test('--csv writes the summary with a UTF-8 BOM', async () => {
    const csv = path.join(tmp, 'sum.csv');
    await runCli(['check', SEED, CORRECTED, '--csv', csv]);
    const bytes = await fs.readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      '文件,工作表,状态,错误,警告,提示,资金行,指标行,自评总分,复算总分,满分,等级,结论,评分口径,审核说明',
    );
    expect(lines[1]).toBe(
      `${SEED},部门整体支出绩效自评表,已校验,2,7,4,8,17,96,106,110,优,需修改,national-2020,`,
    );
    expect(lines).toHaveLength(3);
  });
});

describe('folders and annotated copies', () => {
  test('a folder is searched recursively; copies mirror sub-folders; the input is never touched', async () => {
    const src = path.join(tmp, 'in');
    await fs.mkdir(path.join(src, '二级单位'), { recursive: true });
    await fs.copyFile(SEED, path.join(src, 'a.xlsx'));
    await fs.copyFile(SEED, path.join(src, '二级单位', 'a.xlsx'));
    await fs.writeFile(path.join(src, '~$a.xlsx'), 'lock file');
    const before = await sha(path.join(src, 'a.xlsx'));
    const out = path.join(tmp, 'out');
    const r = await runCli(['check', src, '--out', out, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    expect(await sha(path.join(src, 'a.xlsx'))).toBe(before);
    await fs.access(path.join(out, 'a.checked.xlsx'));
    await fs.access(path.join(out, '二级单位', 'a.checked.xlsx'));
  });

  test('the annotated copy keeps every value and formula, marks the findings, and lists them', async () => {
    const out = path.join(tmp, 'out');
    const r = await runCli(['check', SEED, '--out', out, '--json']);
    const findings = JSON.parse(r.stdout)[0].findings;
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(SEED);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, 'yuelu-2022.checked.xlsx'));
    input.eachSheet((ws) => {
      const cws = copy.getWorksheet(ws.name)!;
      expect(cws).toBeDefined();
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          expect(cws.getCell(r, c).value).toEqual(cell.value);
          expect(cws.getCell(r, c).numFmt).toEqual(cell.numFmt);
        }),
      );
      expect(cws.model.merges.sort()).toEqual(ws.model.merges.sort());
    });
    const ws = copy.getWorksheet('部门整体支出绩效自评表')!;
    const fillOf = (a: string) =>
      (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fillOf('G34')).toBe('FFFFC7CE');
    expect(fillOf('H34')).toBe('FFFFC7CE');
    expect(fillOf('D5')).toBe('FFFFEB9C');
    expect(fillOf('I21')).toBe('FFFFEB9C');
    expect(fillOf('D6')).toBeUndefined();
    // The note is a rich text to exceljs (a comment with runs), its text the findings'.
    const note = ws.getCell('G34').note as string | { texts?: { text: string }[] };
    const noteText =
      typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
    expect(noteText).toContain('各项分值之和为 110');
    const marked = new Set(
      findings
        .filter((f: { severity: string }) => f.severity !== 'info')
        .map((f: { cells: string[] }) => f.cells[0]),
    );
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        if (argb === 'FFFFC7CE' || argb === 'FFFFEB9C') expect(marked.has(cell.address)).toBe(true);
      }),
    );
    const list = copy.getWorksheet('校验结果')!;
    expect(list.rowCount).toBe(findings.length + 1);
    // The same columns as the add-in's 导出结果 (engine/findings/resultRows.ts).
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual([...RESULT_HEADER]);
  });

  test('re-checking an annotated copy replaces its 校验结果 sheet instead of adding another', async () => {
    const out1 = path.join(tmp, 'o1');
    const out2 = path.join(tmp, 'o2');
    await runCli(['check', SEED, '--out', out1]);
    await runCli(['check', path.join(out1, 'yuelu-2022.checked.xlsx'), '--out', out2]);
    // the copy of a copy is named from its input; *.checked.xlsx inputs are only skipped in folders
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out2, 'yuelu-2022.checked.checked.xlsx'));
    expect(wb.worksheets.filter((w) => w.name.startsWith('校验结果'))).toHaveLength(1);
  });
});
