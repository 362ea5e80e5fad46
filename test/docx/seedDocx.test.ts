import { spawnSync } from 'child_process';
import { existsSync, promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { openDocx, readDocx } from '../helpers/docx';
import { checkDocxFile } from '../../src/cli/docx/checkDocx';
import { convertLegacy, hasWriter } from '../../src/cli/docx/convert';
import { describePairs, pairReports } from '../../src/cli/docx/pair';
import { checkWorkbook } from '../../src/engine/check';
import { NATIONAL_PROFILE } from '../../src/engine/profile/profile';

const FIX = path.join(__dirname, '../fixtures/docx');
const SEED = path.join(FIX, 'yuelu-2022.docx');
const expected = JSON.parse(readFileSync(path.join(FIX, 'yuelu-2022.expected.json'), 'utf8'));
const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
// Word documents need LibreOffice's Writer (libreoffice-writer-nogui); CI installs it, and under CI=true its absence fails.
const writer = !!soffice && hasWriter();
const withSoffice = writer || process.env.CI ? test : test.skip;
if (!writer && !process.env.CI)
  console.warn(
    'LibreOffice Writer not installed: the .docx → PDF and .doc conversion tests are skipped.',
  );

describe('the seed .docx: form and report', () => {
  let check: Awaited<ReturnType<typeof checkDocxFile>>;
  beforeAll(async () => {
    check = await checkDocxFile(SEED, NATIONAL_PROFILE);
  }, 60_000);

  test('the form findings are the workbook’s, addressed within 表1', () => {
    expect(check.results).toHaveLength(1);
    const r = check.results[0];
    expect(r.status).toBe('checked');
    expect(r.sheet).toBe(expected.sheet);
    const form = r.findings.filter((f) => !f.rule.startsWith('report.'));
    expect(
      form
        .filter((f) => f.severity === 'error')
        .map((f) => f.cells[0])
        .sort(),
    ).toEqual([...expected.errors].sort());
    expect(
      form
        .filter((f) => f.severity === 'warning')
        .map((f) => f.cells[0])
        .sort(),
    ).toEqual([...expected.warnings].sort());
    // Same as the engine on the grids alone.
    expect(form.map((f) => f.rule)).toEqual(
      checkWorkbook(readDocx(readFileSync(SEED)).sheets)[0].findings.map((f) => f.rule),
    );
  });

  test('the report findings: 3717 vs 3246 unions, 项目支出 44.75 vs 44.74, 9.6 + 17.9935 + 12.952 + 4 ≠ 44.75', () => {
    const report = check.results[0].findings.filter((f) => f.rule.startsWith('report.'));
    expect(
      report.map((f) => ({
        rule: f.rule,
        cell: f.cells[0],
        paragraph: (f as { paragraph?: number }).paragraph,
        expected: f.expected,
        actual: f.actual,
      })),
    ).toEqual(expected.report);
    expect(report.every((f) => f.severity === 'warning')).toBe(true);
    expect(check.results[0].summary.warnings).toBe(
      expected.warnings.length + expected.report.length,
    );
    const [count, amount, items] = report;
    expect(count.message).toMatch(
      /第 5 段“.*3246家.*”写 3246家工会，自评表部门职责（B2）写 3717家工会/,
    );
    expect(amount.message).toMatch(/第 13 段“.*44\.75万元.*”写项目支出 44\.75 万元.*E12.*44\.74/);
    expect(items.message).toContain(
      '9.6 + 17.9935 + 12.952 + 4 = 44.5455 万元，与所述合计 44.75 万元 不符',
    );
  });

  test('the annotated copy: shaded cells with comments, highlighted sentences, valid parts; input untouched', async () => {
    const before = readFileSync(SEED);
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-docx-'));
    try {
      const written = await check.annotate(tmp);
      expect(written).toEqual([path.join(tmp, 'yuelu-2022.checked.docx')]);
      expect(readFileSync(SEED).equals(before)).toBe(true);
      const copy = readFileSync(written[0]);
      const files = unzipSync(copy);
      const ct = strFromU8(files['[Content_Types].xml']);
      expect(ct).toContain('PartName="/word/comments.xml"');
      expect(strFromU8(files['word/_rels/document.xml.rels'])).toContain('relationships/comments');
      const d = openDocx(copy);
      const comments = strFromU8(files['word/comments.xml']);
      // 9 form cells + 1 (B2) + 1 (E12) for the report's cells, and 4 sentences (two findings share each of two sentences).
      expect((comments.match(/<w:comment /g) ?? []).length).toBe(9 + 2 + 3);
      const fill = (a1: string, row: number, col: number) => {
        const tc = d.tables[0].cells.get(`${row},${col}`)!.tc;
        return (
          tc
            .getElementsByTagNameNS(
              'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
              'shd',
            )[0]
            ?.getAttribute('w:fill') ?? a1
        );
      };
      expect(fill('G34', 33, 6)).toBe('FFC7CE');
      expect(fill('D5', 4, 3)).toBe('FFEB9C');
      expect(fill('E12', 11, 4)).toBe('FFEB9C');
      // The text reads as before: same grid, same paragraphs.
      const orig = readDocx(before);
      const again = readDocx(copy);
      expect(again.sheets).toEqual(orig.sheets);
      expect(again.paragraphs).toEqual(orig.paragraphs);
      // The highlighted runs of paragraph 13 are the sentence of the finding.
      const p13 = d.paragraphs.find((p) => p.index === 13)!.el;
      const lit = Array.from(
        p13.getElementsByTagNameNS(
          'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
          'r',
        ),
      )
        .filter(
          (r) =>
            r.getElementsByTagNameNS(
              'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
              'highlight',
            ).length,
        )
        .map((r) => r.textContent)
        .join('');
      expect(lit).toBe(
        '我会2022年预算中，我会专项资金预算金额为41.8万元，实际专项支出总共44.75万元.',
      );
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });

  withSoffice(
    'LibreOffice converts the annotated copy to PDF',
    async () => {
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-docx-pdf-'));
      try {
        const [copy] = await check.annotate(tmp);
        const r = spawnSync(
          soffice ?? 'soffice',
          [
            `-env:UserInstallation=file://${tmp}/lo`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            tmp,
            copy,
          ],
          { encoding: 'utf8', timeout: 170_000 },
        );
        expect(r.status).toBe(0);
        const pdf = path.join(tmp, 'yuelu-2022.checked.pdf');
        expect(existsSync(pdf)).toBe(true);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await fs.rm(tmp, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

describe('a form workbook with its report document', () => {
  const dir = path.join(FIX, 'pair');
  const form = path.join(dir, '岳麓区总工会自评表.xlsx');
  const report = path.join(dir, '岳麓区总工会自评报告.docx');

  test('pairs X自评表.xlsx with X自评报告.docx and X.xlsx with X.docx; says so', () => {
    const { pairs, single } = pairReports([
      form,
      report,
      '/a/b.xlsx',
      '/a/b.docx',
      '/a/c.docx',
      '/a/d自评表.xlsx',
      '/e/d自评报告.docx',
    ]);
    expect(pairs).toEqual([
      { form, report },
      { form: '/a/b.xlsx', report: '/a/b.docx' },
    ]);
    expect(single).toEqual(['/a/c.docx', '/a/d自评表.xlsx', '/e/d自评报告.docx']);
    expect(describePairs(pairs)[0]).toBe(
      '岳麓区总工会自评表.xlsx ↔ 岳麓区总工会自评报告.docx（自评表与自评报告，已配对核对）',
    );
  });

  test('the report is checked against the workbook’s form; the report copy is highlighted', async () => {
    const c = await checkDocxFile(form, NATIONAL_PROFILE, report);
    expect(c.workbook).not.toBeNull();
    const r = c.results[0];
    expect(r.sheet).toBe('部门整体支出绩效自评表');
    expect(r.message).toContain('岳麓区总工会自评报告.docx');
    const rep = r.findings.filter((f) => f.rule.startsWith('report.'));
    expect(rep.map((f) => [f.rule, f.cells[0]])).toEqual(
      expected.report.map((x: { rule: string; cell: string }) => [x.rule, x.cell]),
    );
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-pair-'));
    try {
      const written = await c.annotate(tmp);
      expect(written).toEqual([path.join(tmp, '岳麓区总工会自评报告.checked.docx')]);
      const comments = strFromU8(unzipSync(readFileSync(written[0]))['word/comments.xml']);
      expect((comments.match(/<w:comment /g) ?? []).length).toBe(3);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('.doc and .xls', () => {
  test('without LibreOffice: one sentence on converting', async () => {
    const c = await convertLegacy('/x/表.doc', null);
    expect(c).toEqual({
      ok: false,
      message:
        '这是旧版 .doc 文件：请安装 LibreOffice 后重试（将自动转换），或在 Word 中另存为 .docx 后再校验。',
    });
  });

  withSoffice(
    'a .doc is converted headless and checked; the result says a converted copy was checked',
    async () => {
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-doc-'));
      try {
        const r = spawnSync(
          soffice ?? 'soffice',
          [
            `-env:UserInstallation=file://${tmp}/lo`,
            '--headless',
            '--convert-to',
            'doc',
            '--outdir',
            tmp,
            SEED,
          ],
          { encoding: 'utf8', timeout: 170_000 },
        );
        expect(r.status).toBe(0);
        const doc = path.join(tmp, 'yuelu-2022.doc');
        const c = await checkDocxFile(doc, NATIONAL_PROFILE);
        expect(c.results[0].status).toBe('checked');
        expect(c.results[0].message).toContain('已用 LibreOffice 转换为 .docx 后校验');
        const cells = c.results[0].findings
          .filter((f) => f.severity !== 'info')
          .map((f) => f.cells[0]);
        expect(new Set(cells)).toEqual(
          new Set([...expected.errors, ...expected.warnings, 'B2', 'E12']),
        );
        const out = await c.annotate(path.join(tmp, 'out'));
        expect(out).toEqual([path.join(tmp, 'out', 'yuelu-2022.checked.docx')]);
      } finally {
        await fs.rm(tmp, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
