import { createHash } from 'crypto';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, spawnCli } from '../helpers/cli';

/** Word documents through the CLI: the form in a .docx, its report, pairing in folders, annotated copies. */
const DOCX = path.join(FIXTURES, 'docx/yuelu-2022.docx');
const PAIR = path.join(FIXTURES, 'docx/pair');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

type Entry = {
  file: string;
  status: string;
  sheet: string;
  findings: { rule: string; severity: string; cells: string[] }[];
};
const reportRules = (e: Entry) =>
  e.findings.filter((f) => f.rule.startsWith('report.')).map((f) => `${f.rule}@${f.cells[0]}`);

test('a .docx: the form in 表1 and the narrative after it, checked together', () => {
  const r = spawnCli(['check', DOCX, '--json']);
  expect(r.code).toBe(1);
  const [entry] = JSON.parse(r.stdout) as Entry[];
  expect(entry.sheet).toBe('表1');
  expect(entry.findings.filter((f) => f.severity === 'error').map((f) => f.cells[0])).toEqual([
    'G34',
    'H34',
  ]);
  expect(reportRules(entry)).toEqual(
    expect.arrayContaining([
      'report.count-mismatch@B2',
      'report.amount-mismatch@E12',
      'report.itemised-sum-mismatch@E12',
    ]),
  );
});

test('a folder pairs 自评表.xlsx with 自评报告.docx: one entry, the report cross-checked, the pairing shown', () => {
  const r = spawnCli(['check', PAIR]);
  expect(r.stderr).toContain('配对：');
  const json = JSON.parse(spawnCli(['check', PAIR, '--json']).stdout) as Entry[];
  expect(json).toHaveLength(1);
  expect(json[0].file).toMatch(/自评表\.xlsx$/);
  expect(reportRules(json[0]).length).toBeGreaterThanOrEqual(3);
});

test('--report with a workbook; --out writes both copies and touches neither input', async () => {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-docx-'));
  const xlsx = path.join(PAIR, '岳麓区总工会自评表.xlsx');
  const docx = path.join(PAIR, '岳麓区总工会自评报告.docx');
  const before = [sha(xlsx), sha(docx)];
  const r = spawnCli(['check', xlsx, '--report', docx, '--out', out, '--json']);
  expect(r.code).toBe(1);
  expect(reportRules(JSON.parse(r.stdout)[0]).length).toBeGreaterThanOrEqual(3);
  const written = (await fs.readdir(out)).sort();
  expect(written).toEqual(expect.arrayContaining(['岳麓区总工会自评表.checked.xlsx']));
  expect(written.some((f) => f.endsWith('.checked.docx'))).toBe(true);
  expect([sha(xlsx), sha(docx)]).toEqual(before);
});

test('--report takes a Word document and one form only', () => {
  expect(spawnCli(['check', DOCX, '--report', 'x.xlsx']).code).toBe(2);
  expect(spawnCli(['check', DOCX, DOCX, '--report', DOCX]).stderr).toContain(
    '--report 只能和一个表格文件一起使用',
  );
});

test('the text report names a Word table cell by its row and column labels; JSON keeps its keys', () => {
  const text = spawnCli(['check', DOCX]).stdout;
  expect(text).toMatch(/^ {2}E12 +（（2）项目支出 \/ 全年执行数）自评报告第 13 段/m);
  expect(text).toMatch(/^ {2}G34 +（总分 \/ 分值）各项分值之和为 110/m);
  expect(text).toMatch(/^ {2}D5 +（资金来源合计 \/ 全年预算数）/m);
  const [entry] = JSON.parse(spawnCli(['check', DOCX, '--json']).stdout) as Record<
    string,
    unknown
  >[];
  expect(Object.keys(entry)).toEqual([
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
  // A workbook has A1 headers of its own: no labels there.
  const xlsx = spawnCli(['check', path.join(FIXTURES, 'yuelu-2022.xlsx')]).stdout;
  expect(xlsx).toMatch(/^ {2}G34 +各项分值之和为 110/m);
});

test('a .docx with two project forms: the report goes to the form its title names, and says so', async () => {
  const { buildDocx } = await import('../docx/builder');
  const { projectForm } = await import('../helpers/forms');
  const table = (name: string) => ({
    table: {
      rows: projectForm().map((row, i) =>
        row.map((v, j) => ({ text: i === 2 && j === 1 ? name : v === null ? '' : String(v) })),
      ),
    },
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-two-'));
  const file = path.join(dir, '两个项目.docx');
  const report = (title: string) => [
    { paragraph: title },
    { paragraph: '一、项目概况' },
    { paragraph: '全年预算数200万元，全年执行数195万元，执行率97.5%。' },
  ];
  await fs.writeFile(
    file,
    buildDocx([
      table('社区养老服务补助'),
      table('农村道路养护补助'),
      ...report('2023年度农村道路养护补助项目支出绩效自评报告'),
    ]),
  );
  const r = spawnCli(['check', file, '--json']);
  const entries = JSON.parse(r.stdout) as (Entry & { message: string | null })[];
  expect(entries.map((e) => e.sheet)).toEqual(['表1', '表2']);
  expect(reportRules(entries[0])).toEqual([]);
  expect(reportRules(entries[1]).length).toBeGreaterThan(0);
  expect(entries[1].message).toContain('按其中写明的“农村道路养护补助”与该表核对');

  await fs.writeFile(
    file,
    buildDocx([
      table('社区养老服务补助'),
      table('农村道路养护补助'),
      ...report('2023年度项目支出绩效自评报告'),
    ]),
  );
  const undecided = JSON.parse(spawnCli(['check', file, '--json']).stdout) as (Entry & {
    message: string | null;
  })[];
  expect(undecided.flatMap(reportRules)).toEqual([]);
  expect(undecided[0].message).toContain('无法确定对应哪一张，自评报告未与表核对');
});
