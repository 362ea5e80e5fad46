import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readCustomXmlPart } from '../../src/adapters/xlsx/customXml';
import { EXPLANATIONS_NAMESPACE } from '../../src/engine/explain/types';
import { FIXTURES, runCli } from '../helpers/cli';
import { departmentForm } from '../helpers/forms';
import { setCell } from '../helpers/grid';
import { buildWorkbook } from '../helpers/workbook';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-explain-'));
});
afterAll(async () => fs.rm(tmp, { recursive: true, force: true }));

const SEED = path.join(FIXTURES, 'yuelu-2022.xlsx');
const sha = async (f: string) =>
  createHash('sha256')
    .update(await fs.readFile(f))
    .digest('hex');

/** A form whose only finding is a warning: 其他资金 27 spent of 25 (over-execution). */
async function overExecuted(name: string): Promise<string> {
  const rows = departmentForm();
  setCell(rows, 'E5', 27);
  setCell(rows, 'F5', '108.00%');
  setCell(rows, 'E4', 463.1);
  setCell(rows, 'F4', '96.43%');
  const file = path.join(tmp, name);
  await fs.writeFile(file, await buildWorkbook([{ name: '部门整体支出绩效自评表', rows }]));
  return file;
}

interface Entry {
  findings: { rule: string; severity: string; cells: string[]; explanation: unknown }[];
  summary: { verdict: string | null; warnings: number };
  profile: { id: string; why: string } | null;
}
const json = async (file: string, extra: string[] = []): Promise<Entry[]> =>
  JSON.parse((await runCli(['check', file, '--json', ...extra])).stdout) as Entry[];

describe('selfeval explain', () => {
  test('writes a copy carrying the 审核说明; the input is untouched; the copy is 可报送', async () => {
    const input = await overExecuted('over.xlsx');
    const before = await sha(input);
    const [first] = await json(input);
    expect(first.summary.verdict).toBe('需说明');
    const warned = first.findings.filter((f) => f.severity === 'warning');
    expect(warned.map((f) => f.rule)).toEqual(['funds.over-execution']);
    const out = path.join(tmp, 'out1');
    const r = await runCli([
      'explain',
      input,
      warned[0].cells[0],
      '经局党组批准追加 2 万元',
      '--out',
      out,
      '--by',
      '李四',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('结论：可报送');
    expect(await sha(input)).toBe(before);
    const copy = path.join(out, 'over.xlsx');
    const [after] = await json(copy);
    expect(after.summary.verdict).toBe('可报送');
    expect(
      after.findings.find((f) => f.rule === 'funds.over-execution')?.explanation,
    ).toMatchObject({
      text: '经局党组批准追加 2 万元',
      by: '李四',
      outdated: false,
    });
    // The copy is still a workbook exceljs opens, the part in it.
    await new ExcelJS.Workbook().xlsx.load((await fs.readFile(copy)) as unknown as ExcelJS.Buffer);
    expect(readCustomXmlPart(await fs.readFile(copy), EXPLANATIONS_NAMESPACE)).toContain(
      '经局党组批准追加',
    );
    // The text report prints it under the finding, the CSV in its 审核说明 column.
    const text = (await runCli(['check', copy])).stdout;
    expect(text).toMatch(/超.*\n\s+审核说明：经局党组批准追加 2 万元（李四，\d{4}-\d\d-\d\d）/);
    const csv = path.join(tmp, 'sum.csv');
    await runCli(['check', copy, '--csv', csv]);
    const lines = (await fs.readFile(csv, 'utf8')).trim().split('\r\n');
    expect(lines[0].split(',').slice(-3)).toEqual(['结论', '评分口径', '审核说明']);
    expect(lines[1]).toMatch(
      /,可报送,national-2020,E5 funds\.over-execution：经局党组批准追加 2 万元$/,
    );
  });

  test('the annotated copy (--out) keeps the 审核说明', async () => {
    const input = await overExecuted('over2.xlsx');
    await runCli(['explain', input, 'E5', '已批准', '--out', path.join(tmp, 'out2')]);
    await runCli(['check', path.join(tmp, 'out2', 'over2.xlsx'), '--out', path.join(tmp, 'out3')]);
    const annotated = await fs.readFile(path.join(tmp, 'out3', 'over2.checked.xlsx'));
    expect(readCustomXmlPart(annotated, EXPLANATIONS_NAMESPACE)).toContain('已批准');
    // …and its results sheet shows it in the 审核说明 column, on the finding's row.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(annotated as unknown as ExcelJS.Buffer);
    const results = book.getWorksheet('校验结果');
    const header = (results?.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('审核说明') + 1;
    expect(col).toBeGreaterThan(0);
    const rows = results!.getSheetValues().slice(2) as unknown[][];
    const over = rows.find((row) => row && row[4] === 'funds.over-execution');
    expect(over?.[col]).toBe('已批准');
  });

  test('an error is refused with a sentence and exit 2, nothing written', async () => {
    const out = path.join(tmp, 'refused');
    const r = await runCli(['explain', SEED, 'G34', '不必修改', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /G34 上的 total\.weight-sum-mismatch.*是错误：算术不成立的地方不能用审核说明代替/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  test('a cell with nothing to explain, or an output that is the input, is refused', async () => {
    const nothing = await runCli(['explain', SEED, 'A1', '说明', '--out', path.join(tmp, 'x')]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('A1 上没有校验发现的问题');
    const input = await overExecuted('same.xlsx');
    const before = await sha(input);
    const same = await runCli(['explain', input, 'E5', '说明', '--out', tmp]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('会覆盖输入文件');
    expect(await sha(input)).toBe(before);
  });
});

describe('profiles', () => {
  test('selfeval profiles lists every profile with its source', async () => {
    const r = await runCli(['profiles']);
    expect(r.code).toBe(0);
    for (const id of ['national-2020', 'hubei-2020', 'sichuan-0013zp', 'chongqing', 'yunnan'])
      expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('依据：');
  });

  test('--profile is used and named; an unknown one is refused', async () => {
    const [r] = await json(SEED, ['--profile', 'hubei-2020']);
    expect(r.profile).toMatchObject({ id: 'hubei-2020', why: '由使用者选定' });
    // 湖北's execution standard is 20: the seed's 10 is now a note.
    expect(r.findings.some((f) => f.rule === 'total.level1-weights')).toBe(true);
    const bad = await runCli(['check', SEED, '--profile', 'mars']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知的 profile“mars”');
  });

  test('a 湖北 2020 form gets the 湖北 2020 profile by default, and says why', async () => {
    const [r] = await json(
      path.join(FIXTURES, 'real/hubei-district-2020-service-trade-project.xlsx'),
    );
    expect(r.profile?.id).toBe('hubei-2020');
    expect(r.profile?.why).toContain('得分(20分*执行率)');
    const [seed] = await json(SEED);
    expect(seed.profile).toMatchObject({ id: 'national-2020', why: '默认' });
  });

  test('a profile chosen with explain --profile is stored in the workbook and used by the next check', async () => {
    const input = await overExecuted('chosen.xlsx');
    await runCli([
      'explain',
      input,
      'E5',
      '说明',
      '--out',
      path.join(tmp, 'chosen'),
      '--profile',
      'sichuan-0013zp',
    ]);
    const [r] = await json(path.join(tmp, 'chosen', 'chosen.xlsx'));
    expect(r.profile).toMatchObject({ id: 'sichuan-0013zp', why: '工作簿中保存的选择' });
  });
});
