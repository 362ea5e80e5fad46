import { spawnSync } from 'child_process';
import { promises as fs, existsSync, readdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { FIXTURES, ROOT, runCli } from '../helpers/cli';

/**
 * The 汇总 workbook (--xlsx, issue 23 item 2) on the real published forms: its three sheets say
 * what the JSON says, with a frozen header, an autofilter and links to the annotated copies; and
 * LibreOffice opens it (converted to CSV, every row is there; to PDF, kept in test-results/).
 */
// Relative, as a bureau would type it (jest runs in the repository's root).
const REAL = path.relative(process.cwd(), path.join(FIXTURES, 'real'));
const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
const withLibreOffice = soffice || process.env.CI ? test : test.skip;

let tmp: string;
let xlsxFile: string;
let json: {
  file: string;
  status: string;
  sheet: string | null;
  findings: { rule: string; cells: string[]; message: string }[];
  summary: { errors: number; warnings: number; infos: number; verdict: string | null };
  headline: {
    kind: string;
    name: string | null;
    budget: string | null;
    rate: string | null;
  } | null;
}[];
let code: number;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-bureau-'));
  xlsxFile = path.join(tmp, 'reports', '汇总.xlsx');
  const r = await runCli([
    'check',
    REAL,
    '--json',
    '--xlsx',
    xlsxFile,
    '--out',
    path.join(tmp, 'out'),
  ]);
  code = r.code;
  json = JSON.parse(r.stdout);
}, 120_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const sheetRows = (name: string): unknown[][] =>
  XLSX.utils.sheet_to_json(XLSX.readFile(xlsxFile).Sheets[name], { header: 1, defval: null });

test('the workbook has 汇总, 问题清单 and 规则统计, one row per form and per finding', () => {
  // Some real pages are not forms: exit 2, and every output is still written.
  expect(code).toBe(2);
  expect(XLSX.readFile(xlsxFile).SheetNames).toEqual(['汇总', '问题清单', '规则统计']);
  const summary = sheetRows('汇总');
  expect(summary[0]).toEqual(
    expect.arrayContaining([
      '文件',
      '表式',
      '单位或项目名称',
      '年度',
      '全年预算数',
      '全年执行数',
      '执行率(%)',
      '结论',
      '标注副本',
    ]),
  );
  expect(summary.length - 1).toBe(json.length);
  const head = summary[0] as string[];
  const col = (h: string) => head.indexOf(h);
  json.forEach((r, i) => {
    const row = summary[i + 1];
    expect(row[col('文件')]).toBe(r.file);
    expect(row[col('错误')]).toBe(r.status === 'checked' ? r.summary.errors : null);
    expect(row[col('警告')]).toBe(r.status === 'checked' ? r.summary.warnings : null);
    if (r.summary.verdict) expect(row[col('结论')]).toBe(r.summary.verdict);
    expect(row[col('表式')]).toBe(r.headline?.kind ?? null);
    expect(row[col('单位或项目名称')]).toBe(r.headline?.name ?? null);
    expect(row[col('全年预算数')]).toBe(r.headline?.budget ? Number(r.headline.budget) : null);
    expect(row[col('执行率(%)')]).toBe(r.headline?.rate ? Number(r.headline.rate) : null);
  });
  const findings = sheetRows('问题清单');
  const all = json.flatMap((r) =>
    r.findings.map((f) => [r.file, f.cells[0] ?? '', f.rule, f.message]),
  );
  expect(findings.length - 1).toBe(all.length);
  const fh = findings[0] as string[];
  findings.slice(1).forEach((row, i) => {
    expect([
      row[fh.indexOf('文件')],
      row[fh.indexOf('单元格')] ?? '',
      row[fh.indexOf('规则编号')],
      row[fh.indexOf('问题')],
    ]).toEqual(all[i]);
  });
  // 规则统计: per rule, the forms and findings the JSON has.
  const stats = sheetRows('规则统计').slice(1) as [string, string, string, number, number][];
  for (const [rule, , , forms, count] of stats) {
    expect(count).toBe(
      json.reduce((n, r) => n + r.findings.filter((f) => f.rule === rule).length, 0),
    );
    expect(forms).toBe(json.filter((r) => r.findings.some((f) => f.rule === rule)).length);
  }
  expect(stats.reduce((n, s) => n + s[4], 0)).toBe(all.length);
});

test('a frozen header, an autofilter, fitted widths, and links to the annotated copies that exist', () => {
  const zip = unzipSync(readFileSync(xlsxFile));
  const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']);
  expect(sheet).toContain('state="frozen"');
  expect(sheet).toMatch(new RegExp(`<autoFilter ref="A1:S${json.length + 1}"/>`));
  expect(sheet).toMatch(/<col min="1" max="1" width="(\d+)"/);
  const rels = strFromU8(zip['xl/worksheets/_rels/sheet1.xml.rels']);
  const targets = [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => m[1]);
  const forms = json.filter((r) => r.status === 'checked' && r.sheet !== null);
  expect(targets.length).toBe(forms.length);
  for (const t of targets) {
    expect(t.startsWith('../out/')).toBe(true);
    expect(existsSync(path.join(path.dirname(xlsxFile), t))).toBe(true);
  }
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function screenshotPdf(pdf: string, png: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${pdf}#zoom=220`);
    // The viewer draws the page a while after the load: until then the shot is one flat grey.
    for (let k = 0; k < 30; k++) {
      await page.waitForTimeout(1000);
      if ((await page.screenshot({ path: png })).length > 40_000) break;
    }
  } finally {
    await browser.close();
  }
}

withLibreOffice(
  'LibreOffice opens the 汇总 workbook: every row of 汇总 converts, and a PDF of it is kept',
  async () => {
    const profile = path.join(tmp, 'lo-profile');
    const out = path.join(tmp, 'lo');
    const convert = (to: string) => {
      const r = spawnSync(
        soffice ?? 'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          to,
          '--outdir',
          out,
          xlsxFile,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.stderr}`);
    };
    convert('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
    const csvs = readdirSync(out)
      .filter((f) => f.endsWith('.csv'))
      .sort();
    expect(csvs).toEqual(['汇总-汇总.csv', '汇总-规则统计.csv', '汇总-问题清单.csv'].sort());
    const lines = readFileSync(path.join(out, '汇总-汇总.csv'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(json.length + 1);
    expect(lines[0]).toMatch(/^文件,工作表,表式,单位或项目名称,年度,全年预算数/);
    convert('pdf');
    const pdf = path.join(out, '汇总.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const results = path.join(ROOT, 'test-results');
    require('fs').mkdirSync(results, { recursive: true });
    require('fs').copyFileSync(pdf, path.join(results, 'bureau-汇总.pdf'));
    // The 汇总 sheet as LibreOffice laid it out, its first page rendered by Chromium's PDF viewer.
    if (existsSync(CHROMIUM)) await screenshotPdf(pdf, path.join(results, 'bureau-汇总.png'));
  },
  300_000,
);
