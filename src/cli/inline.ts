import { Budget, unzipWithin } from '../adapters/xlsx/zip';
import { readAndCheck } from './checkTask';
import {
  INLINE_CELLS,
  INLINE_FILE_BYTES,
  INLINE_MERGES,
  INLINE_ROWS,
  INLINE_UNZIPPED_BYTES,
  mayCheckInline,
} from './inlineLimits';
import { type Limits, limitSentence } from './limits';
import { readRegularFile } from './regularFile';
import type { TaskResult } from './result';
import type { Task } from './task';

/**
 * A lone small workbook is checked in the CLI's own process, saving the start of a worker (most
 * of a one-file check's time). There no time or memory limit can stop it (issue 21: a 10 KB
 * workbook with one merge A100:XFD1048576 once took 2 GB and 11 s), so it is checked here only
 * when its package, looked over first, cannot make the reading and checking costly: small
 * inflated, few cells, few merges, and no row far down (the grid is rows × columns, dense).
 * Anything else goes to a worker, under its limits.
 */

// Tags under any prefix (<x:c>, the Open XML SDK), counted in every part: a worksheet may be
// anywhere its relationships say. Comments and CDATA count too: the counts only need to be high.
const CELL = /<(?:[^\s<>/:="']+:)?c[\s/>]/g;
const MERGE = /<(?:[^\s<>/:="']+:)?mergeCell[\s/>]/g;
/** A cell's or a row's start tag, up to its attributes. */
const CELL_OR_ROW = /<(?:[^\s<>/:="']+:)?(?:c|row)(?=[\s/>])/g;
/** One attribute, either quote (a value may hold ">"). */
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const TAG_END = /\s*\/?>/y;

const count = (text: string, re: RegExp): number => {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
};

/** The digits of an r attribute as one number (as the reader takes them), or Infinity when unknown. */
function rowDigits(value: string): number {
  if (value.includes('&')) return Infinity; // a character reference: unknown without parsing
  const digits = value.replace(/\D/g, '');
  return digits.length > 9 ? Infinity : Number(digits || 0);
}

/**
 * The furthest row a part's cells can be put on, followed as the reader goes: a row is numbered
 * by its r (at most its digits) or is the one after the last, a cell is on the row its address's
 * digits say or else on its row. Infinity when a tag cannot be read here.
 */
function furthestRow(text: string): number {
  let furthest = 0;
  let row = 0;
  CELL_OR_ROW.lastIndex = 0;
  for (let m = CELL_OR_ROW.exec(text); m; m = CELL_OR_ROW.exec(text)) {
    const isRow = m[0].endsWith('w');
    let r: number | null = null;
    ATTRIBUTE.lastIndex = CELL_OR_ROW.lastIndex;
    for (let a = ATTRIBUTE.exec(text); a; a = ATTRIBUTE.exec(text)) {
      CELL_OR_ROW.lastIndex = ATTRIBUTE.lastIndex;
      if (a[1] === 'r') r = Math.max(r ?? 0, rowDigits(a[2] ?? a[3]));
    }
    TAG_END.lastIndex = CELL_OR_ROW.lastIndex;
    if (!TAG_END.test(text)) return Infinity;
    if (isRow) row = Math.max(r ?? 0, row + 1);
    furthest = Math.max(furthest, row, r ?? 0);
  }
  return furthest;
}

/**
 * Whether a package is cheap to check: every part inflated (within `cap`, whatever the headers
 * claim) and its tags counted as ASCII text (UTF-8 never puts an ASCII byte inside a character).
 * Throws an UnreadableFile for a package that cannot be inflated within `cap`.
 */
export function cheapToCheck(bytes: Uint8Array, cap: number, limits: Limits): boolean {
  const parts = unzipWithin(bytes, new Budget(cap, () => limitSentence.unzipped(limits)));
  let cells = 0;
  let merges = 0;
  for (const data of Object.values(parts)) {
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
    cells += count(text, CELL);
    merges += count(text, MERGE);
    if (cells > INLINE_CELLS || merges > INLINE_MERGES || furthestRow(text) > INLINE_ROWS)
      return false;
  }
  return true;
}

/**
 * Checks a lone small workbook in this process (the same reading and checking as checkTask,
 * from the bytes looked over), or null when it is not one such: another kind, a copy to write, a
 * report to pair, larger, costly by the counts above, or limits lowered below the defaults.
 * Then the pool checks it, under its limits.
 */
export function checkTaskInline(task: Task): TaskResult | null {
  const { file, limits } = task;
  if (task.report || task.outPath || !mayCheckInline(file, limits)) return null;
  const cap = Math.min(INLINE_UNZIPPED_BYTES, limits.unzippedBytes);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, limits);
    if (bytes.length > INLINE_FILE_BYTES || !cheapToCheck(bytes, cap, limits)) return null;
  } catch {
    // Not read, damaged, or over the inline cap: the pool says which (and checks what it can).
    return null;
  }
  const read = readAndCheck(task, cap, bytes);
  if ('failed' in read)
    return read.limit === 'unzipped' && cap < limits.unzippedBytes ? null : read.failed;
  return { results: read.results, copyError: null, copied: 0 };
}
