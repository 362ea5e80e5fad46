/**
 * A published Word form that was first transcribed as a workbook (test/fixtures/real/src/NAME.json,
 * for forms published as .doc / .docx) rewritten as the Word document it was:
 *   npx ts-node -P tsconfig.test.json test/docx/fromRealXlsx.ts NAME
 * The leading rows that hold one cell only (附件1, the title, the year) become paragraphs above the
 * table, as Word documents print them; the rest is the table, merges as gridSpan / vMerge, every
 * value as the text printed. The hand-derived expected cells of the workbook move up by the rows
 * that left the table. Writes test/fixtures/docx/src/NAME.json and NAME.expected.json; then
 * buildReal.ts writes the .docx. Run once per form; the outputs are committed.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { wordRows, type Block, type MergeBox } from './builder';

const ROOT = path.resolve(__dirname, '../..');
const REAL = path.join(ROOT, 'test/fixtures/real');
const OUT = path.join(ROOT, 'test/fixtures/docx');

type Raw = string | number | null;
interface XlsxSpec {
  source: string;
  province: string;
  year: string | number;
  family: string;
  unusual?: string;
  mistakes?: string;
  sheets: { name: string; rows: Raw[][]; merges?: string[] }[];
}

const colNum = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function box(range: string): MergeBox {
  const [a, b = a] = range.split(':');
  const p = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x);
    if (!m) throw new Error(`bad address ${x}`);
    return { row: Number(m[2]), col: colNum(m[1]) };
  };
  const s = p(a);
  const e = p(b);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}
const text = (v: Raw | undefined) => (v === null || v === undefined ? '' : String(v));

/** Rows 1..k that hold a single cell's text: the document's paragraphs above the table. */
function leadingParagraphs(rows: Raw[][]): number {
  let k = 0;
  while (k < rows.length && (rows[k] ?? []).filter((v) => text(v).trim() !== '').length === 1) k++;
  return k;
}

const shift = (a: string, by: number) =>
  a.replace(/^([A-Z]+)(\d+)$/, (_w, c: string, r: string) => `${c}${Number(r) - by}`);
const shiftAll = (v: unknown, by: number): unknown =>
  typeof v === 'string' ? shift(v, by) : Array.isArray(v) ? v.map((x) => shiftAll(x, by)) : v;

async function main(name: string): Promise<void> {
  const spec = JSON.parse(
    await fs.readFile(path.join(REAL, 'src', `${name}.json`), 'utf8'),
  ) as XlsxSpec;
  const sheet = spec.sheets[0];
  const k = leadingParagraphs(sheet.rows);
  const merges = (sheet.merges ?? []).map(box);
  if (merges.some((m) => m.top <= k && m.bottom > k)) throw new Error('a merge crosses the title');
  const width = Math.max(...sheet.rows.map((r) => (r ?? []).length), ...merges.map((m) => m.right));
  const blocks: Block[] = [
    ...sheet.rows
      .slice(0, k)
      .map((r) => ({ paragraph: text((r ?? []).find((v) => text(v).trim() !== '')) })),
    {
      table: {
        rows: wordRows(
          (r, c) => text(sheet.rows[r - 1]?.[c - 1]),
          merges,
          { from: k + 1, to: sheet.rows.length },
          width,
        ),
        cols: width,
      },
    },
  ];
  const word = {
    source: spec.source,
    province: spec.province,
    year: String(spec.year),
    family: spec.family,
    note: `Published as a Word document; transcribed first as test/fixtures/real/src/${name}.json (see its notes: ${spec.unusual ?? ''}). Here as the document: the first ${k} line(s) of the form (${sheet.rows
      .slice(0, k)
      .map((r) => text((r ?? []).find((v) => text(v).trim() !== '')))
      .join(
        ' / ',
      )}) are paragraphs above the table, the rest is the table (merges as gridSpan / vMerge, every value as printed text).`,
    blocks,
  };
  await fs.writeFile(
    path.join(OUT, 'src', `word-${name}.json`),
    `${JSON.stringify(word, null, 1)}\n`,
  );
  const expected = JSON.parse(
    await fs.readFile(path.join(REAL, `${name}.expected.json`), 'utf8'),
  ) as Record<string, unknown>;
  const moved: Record<string, unknown> = { sheet: '表1' };
  for (const [key, v] of Object.entries(expected)) {
    if (key === 'sheet') continue;
    moved[key] = ['errors', 'warnings', 'allow'].includes(key) ? shiftAll(v, k) : v;
  }
  moved.derivation = `The hand derivation of test/fixtures/real/${name}.expected.json (below), every cell moved up ${k} row(s): the ${k} title line(s) are paragraphs above the table in the document. ${String(expected.derivation ?? '')}`;
  await fs.writeFile(
    path.join(OUT, `word-${name}.expected.json`),
    `${JSON.stringify(moved, null, 1)}\n`,
  );
  console.log(`word-${name}: ${k} paragraph(s), table of ${sheet.rows.length - k} rows × ${width}`);
}

const name = process.argv[2];
if (!name) {
  console.error('usage: fromRealXlsx.ts NAME');
  process.exit(2);
}
main(name).catch((e) => {
  console.error(e);
  process.exit(1);
});
