/**
 * Rebuilds the .docx fixtures under test/fixtures/docx from the seed:
 *   npx ts-node -P tsconfig.test.json test/docx/buildFixtures.ts [path/to/shared/seed]
 * yuelu-2022.docx: the seed's form as a Word table (the merges of fixtures/yuelu-2022.xlsx, which
 * was rebuilt from the same seed), then the seed's 自评报告 text, a paragraph per line.
 * pair/岳麓区总工会自评表.xlsx + pair/岳麓区总工会自评报告.docx: the same form and report as two files.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildDocx, wordRows, type BCell, type Block } from './builder';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test/fixtures/docx');

function display(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number')
    return cell.numFmt && /%$/.test(cell.numFmt) ? `${Math.round(v * 100)}%` : String(v);
  if (typeof v === 'string') return v;
  return cell.text;
}

/** The form's rows as Word cells: a merge is gridSpan across and vMerge down. */
async function formRows(xlsx: string): Promise<BCell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0];
  const merges = ((ws.model as unknown as { merges: string[] }).merges ?? []).map((m) => {
    const [a, b] = m.split(':').map((x) => ws.getCell(x));
    return { top: Number(a.row), left: Number(a.col), bottom: Number(b.row), right: Number(b.col) };
  });
  const text = (r: number, c: number) => display(ws.getCell(r, c));
  return wordRows(text, merges, { from: 1, to: ws.rowCount }, ws.columnCount);
}

/** The seed's report: every non-blank line after the form, one paragraph each. */
async function reportParagraphs(seedDir: string): Promise<string[]> {
  const text = await fs.readFile(path.join(seedDir, '000_91a311319d233d88.txt'), 'utf8');
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('2022年度长沙市岳麓区总工会'));
  if (start < 0) throw new Error('seed report not found');
  return lines
    .slice(start)
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/\s+$/, ''));
}

async function main(): Promise<void> {
  const seedDir = process.argv[2] ?? path.resolve(ROOT, '../shared/seed');
  const xlsx = path.join(ROOT, 'test/fixtures/yuelu-2022.xlsx');
  const rows = await formRows(xlsx);
  const report = await reportParagraphs(seedDir);
  const opts = { splitRunsAt: '，。' };
  const seed: Block[] = [{ table: { rows } }, ...report.map((p) => ({ paragraph: p }))];
  await fs.mkdir(path.join(OUT, 'pair'), { recursive: true });
  await fs.writeFile(path.join(OUT, 'yuelu-2022.docx'), buildDocx(seed, opts));
  await fs.writeFile(
    path.join(OUT, 'pair/岳麓区总工会自评报告.docx'),
    buildDocx(
      report.map((p) => ({ paragraph: p })),
      opts,
    ),
  );
  await fs.copyFile(xlsx, path.join(OUT, 'pair/岳麓区总工会自评表.xlsx'));
  console.log(`wrote ${rows.length} rows and ${report.length} paragraphs`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
