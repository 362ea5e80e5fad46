import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  checkTask,
  checkTaskInline,
  INLINE_FILE_BYTES,
  INLINE_UNZIPPED_BYTES,
} from '../../src/cli/checkTask';
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
  // With the file's limit at the inline cap's size or below, the sentence is the file's limit's.
  const small = { ...limitsFor(), unzippedBytes: INLINE_UNZIPPED_BYTES };
  expect(checkTaskInline(task(file, { limits: small }))!.results[0].message).toMatch(
    /解压大小限制.*--max-file-mb/,
  );
}, 60_000);
