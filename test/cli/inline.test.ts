import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkTask } from '../../src/cli/checkTask';
import { checkTaskInline } from '../../src/cli/inline';
import {
  INLINE_CELLS,
  INLINE_FILE_BYTES,
  INLINE_MERGES,
  INLINE_ROWS,
  INLINE_UNZIPPED_BYTES,
} from '../../src/cli/inlineLimits';
import type { Task } from '../../src/cli/task';
import { limitsFor } from '../../src/cli/limits';
import { FIXTURES } from '../helpers/cli';
import { workbookParts, zip } from '../helpers/zip';

const SEED = path.join(FIXTURES, 'yuelu-2022.xlsx');

const task = (file: string, over: Partial<Task> = {}): Task => ({
  file,
  outPath: null,
  outRoot: null,
  limits: limitsFor(),
  tolerance: null,
  report: null,
  output: { formats: ['json'], colour: false },
  ...over,
});

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-inline-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('a small workbook is checked in process, with the same result as the pool gives', async () => {
  const inline = checkTaskInline(task(SEED));
  expect(inline).not.toBeNull();
  expect(inline!.results[0].status).toBe('checked');
  expect(inline!.results[0].summary.errors).toBeGreaterThan(0);
  expect(inline).toEqual(await checkTask(task(SEED)));
});

test('anything else is left to the pool and its limits', async () => {
  // A copy to write, a report to pair, another kind of file, lowered limits (the test hooks).
  expect(checkTaskInline(task(SEED, { outPath: path.join(tmp, 'x.xlsx'), outRoot: tmp }))).toBe(
    null,
  );
  expect(checkTaskInline(task(SEED, { report: path.join(FIXTURES, 'x.docx') }))).toBeNull();
  expect(checkTaskInline(task(path.join(tmp, 'a.docx')))).toBeNull();
  expect(checkTaskInline(task(SEED, { limits: { ...limitsFor(), timeMs: 1 } }))).toBeNull();
  expect(checkTaskInline(task(SEED, { limits: { ...limitsFor(), memoryMb: 48 } }))).toBeNull();
  // A file larger than the inline size.
  const big = path.join(tmp, 'big.xlsx');
  await fs.writeFile(big, Buffer.alloc(INLINE_FILE_BYTES + 1));
  expect(checkTaskInline(task(big))).toBeNull();
});

test('a small file that inflates past the inline cap goes to the pool, which reads it', async () => {
  const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; size <= INLINE_UNZIPPED_BYTES; r++) {
    const s = row(r);
    rows.push(s);
    size += s.length;
  }
  const file = path.join(tmp, 'airy.xlsx');
  await fs.writeFile(
    file,
    zip(workbookParts(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`)),
  );
  expect((await fs.stat(file)).size).toBeLessThan(INLINE_FILE_BYTES);
  expect(checkTaskInline(task(file))).toBeNull();
  // Under the file's own limit it is read (and is no form), not refused.
  const pooled = await checkTask(task(file));
  expect(pooled.results[0].message).not.toMatch(/解压大小限制/);
  // With the file's limit at the inline cap's size or below, the pool says the file's limit's sentence.
  const small = { ...limitsFor(), unzippedBytes: INLINE_UNZIPPED_BYTES };
  expect(checkTaskInline(task(file, { limits: small }))).toBeNull();
  expect((await checkTask(task(file, { limits: small }))).results[0].message).toMatch(
    /解压大小限制.*--max-file-mb/,
  );
}, 60_000);

/** The seed with its sheet edited. */
async function seedWith(name: string, edit: (sheet: string) => string): Promise<string> {
  const { unzipSync } = await import('fflate');
  const parts = unzipSync(await fs.readFile(SEED));
  const file = path.join(tmp, name);
  await fs.writeFile(
    file,
    zip(
      Object.entries(parts)
        .filter(([n]) => !n.endsWith('/'))
        .map(([n, data]) => ({
          name: n,
          data:
            n === 'xl/worksheets/sheet1.xml'
              ? edit(Buffer.from(data).toString('utf8'))
              : Buffer.from(data),
        })),
    ),
  );
  return file;
}

test('a small file whose reading could be costly (merges, a far row, many cells) goes to the pool', async () => {
  const merges = (n: number) => (x: string) =>
    x.replace(
      /<mergeCells count="(\d+)">/,
      (_m, c: string) =>
        `<mergeCells count="${Number(c) + n}">${Array.from({ length: n }, (_, i) => `<mergeCell ref="A${100 + i}:XFD1048576"/>`).join('')}`,
    );
  const lastRow = '</sheetData>';
  const far =
    (r: number, quote = '"') =>
    (x: string) =>
      x.replace(
        lastRow,
        `<row r=${quote}${r}${quote}><c r=${quote}IV${r}${quote}><v>1</v></c></row>${lastRow}`,
      );
  // One huge merge is cheap now (the merge index is cut to the grid): still checked here.
  expect(checkTaskInline(task(await seedWith('merge1.xlsx', merges(1))))).not.toBeNull();
  expect(
    checkTaskInline(task(await seedWith('merges.xlsx', merges(INLINE_MERGES + 1)))),
  ).toBeNull();
  expect(checkTaskInline(task(await seedWith('near.xlsx', far(INLINE_ROWS - 100))))).not.toBeNull();
  expect(checkTaskInline(task(await seedWith('far.xlsx', far(INLINE_ROWS + 1))))).toBeNull();
  expect(checkTaskInline(task(await seedWith('far1.xlsx', far(100_000, "'"))))).toBeNull();
  // An address spelt with character references: its row is not known without parsing.
  const entity = (x: string) =>
    x.replace(lastRow, `<row><c r="IV&#57;&#57;&#57;&#57;&#57;"><v>1</v></c></row>${lastRow}`);
  expect(checkTaskInline(task(await seedWith('entity.xlsx', entity)))).toBeNull();
  const many = (x: string) =>
    x.replace(lastRow, `<row r="200">${'<x:c/>'.repeat(INLINE_CELLS + 1)}</row>${lastRow}`);
  expect(checkTaskInline(task(await seedWith('cells.xlsx', many)))).toBeNull();
}, 60_000);
