import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import * as XLSX from 'xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import { isoDate } from '../../src/adapters/xlsx/formats';
import { MAX_COLUMNS, MAX_ROWS } from '../../src/adapters/xlsx/sheet';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import type { GridSnapshot, RawValue } from '../../src/engine/grid/types';

/**
 * The conformance comparison: a workbook read by the project's readers and by SheetJS (an
 * independent implementation), cell by cell on every worksheet. A difference is a string naming
 * the sheet, the cell, and both readings, so an allow-list can name it exactly.
 */

export const CORPUS = path.join(__dirname, 'corpus');

export function corpusFiles(kind: 'xlsx' | 'docx'): string[] {
  const re = kind === 'xlsx' ? /\.(xlsx|xlsm)$/i : /\.docx$/i;
  return readdirSync(CORPUS)
    .sort()
    .flatMap((src) =>
      readdirSync(path.join(CORPUS, src))
        .filter((f) => re.test(f))
        .sort()
        .map((f) => `${src}/${f}`),
    );
}

const OPTIONS = { maxUnzippedBytes: 1 << 28, unzippedSentence: () => '解压后过大。' };

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Reading = { refused: string } | { sheets: Map<string, Map<string, Cell>> };
interface Cell {
  v: RawValue;
  f: string | null;
}

function fromSnapshots(sheets: GridSnapshot[]): Reading {
  const out = new Map<string, Map<string, Cell>>();
  for (const s of sheets) {
    const cells = new Map<string, Cell>();
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = s.formulas?.[i]?.[j] ?? null;
        // An empty string constant is shown as an empty cell; SheetJS leaves it out.
        if ((v === null || v === '') && f === null) return;
        cells.set(`${colName(s.originCol + j)}${s.originRow + i + 1}`, { v, f });
      }),
    );
    out.set(s.sheetName, cells);
  }
  return { sheets: out };
}

export function readLean(bytes: Buffer, name: string): Reading {
  try {
    return fromSnapshots(readXlsx(bytes, name, OPTIONS));
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/**
 * exceljs expands a data validation or conditional format over its whole range cell by cell; one
 * over a whole sheet (A1:XFD1048576) takes minutes and runs out of memory (issue 19). Such files
 * are not given to it: the lean reader, which the CLI uses, is compared on them.
 */
export function exceljsWouldExplode(bytes: Buffer): boolean {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /worksheets\/[^/]*\.xml$/i.test(f.name) });
  } catch {
    return false;
  }
  for (const data of Object.values(files)) {
    const xml = strFromU8(data);
    for (const m of xml.matchAll(/sqref="([^"]*)"/g))
      for (const ref of m[1].split(/\s+/)) {
        const r = XLSX.utils.decode_range(ref);
        if ((r.e.r - r.s.r + 1) * (r.e.c - r.s.c + 1) > 1_000_000) return true;
      }
  }
  return false;
}

export async function readExceljs(bytes: Buffer, name: string): Promise<Reading> {
  if (exceljsWouldExplode(bytes))
    return { refused: 'exceljs not run: a range over the whole sheet' };
  try {
    return fromSnapshots((await loadWorkbook(bytes, name)).sheets);
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** SheetJS's reading, shaped as the project's (merged-away cells empty, dates as ISO days). */
export function readSheetJS(bytes: Buffer): Reading {
  let wb: XLSX.WorkBook;
  // SheetJS's zip reader logs every size mismatch of a damaged entry; the test output keeps quiet.
  const { error, log } = console;
  console.error = console.log = () => undefined;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: false });
  } catch (e) {
    return { refused: (e as Error).message };
  } finally {
    console.error = error;
    console.log = log;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const out = new Map<string, Map<string, Cell>>();
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // Chart, dialog and macro sheets hold no cells (SheetJS types them; its typings say 'sheet').
    const type = ws?.['!type'] as string | undefined;
    if (!ws || type === 'chart' || type === 'dialog' || type === 'macro') continue;
    const cells = new Map<string, Cell>();
    const merges = ws['!merges'] ?? [];
    for (const key of Object.keys(ws)) {
      if (key[0] === '!') continue;
      const a = XLSX.utils.decode_cell(key);
      if (a.r + 1 > MAX_ROWS || a.c + 1 > MAX_COLUMNS) continue;
      if (
        merges.some(
          (m) =>
            a.r >= m.s.r &&
            a.r <= m.e.r &&
            a.c >= m.s.c &&
            a.c <= m.e.c &&
            !(a.r === m.s.r && a.c === m.s.c),
        )
      )
        continue;
      const c = ws[key] as XLSX.CellObject;
      let v: RawValue = null;
      if (c.t === 'n' && typeof c.v === 'number')
        v = c.z !== undefined && XLSX.SSF.is_date(String(c.z)) ? isoDate(c.v, date1904) : c.v;
      else if (c.t === 'd') v = c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v);
      else if (c.t === 's') v = eol(String(c.v ?? ''));
      else if (c.t === 'b') v = Boolean(c.v);
      else if (c.t === 'e') v = c.w ?? null;
      const f = c.f ? `=${eol(c.f)}` : null;
      // SheetJS keeps an empty string-typed cell; Excel shows such a constant as empty.
      if (!f && (v === null || (v === '' && c.t === 's' && !c.f))) continue;
      cells.set(key.replace(/\$/g, ''), { v, f });
    }
    out.set(name, cells);
  }
  return { sheets: out };
}

/**
 * XML end-of-line handling (XML 1.0 §2.11): a parser reads a raw CR LF in a part as LF, so Excel
 * does; SheetJS keeps the CR. Excel writes a real CR as _x000D_, which both read as CR.
 */
const eol = (s: string) => s.replace(/\r\n/g, '\n');

function same(a: RawValue, b: RawValue): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

const show = (c: Cell | undefined) =>
  c === undefined ? '(none)' : `${JSON.stringify(c.v)}${c.f ? ` ${c.f}` : ''}`;

/** Differences of `ours` from SheetJS's `theirs`, one line each ("Sheet1!B2 value: 0 vs null"). */
export function differences(ours: Reading, theirs: Reading, formulas: boolean): string[] {
  if ('refused' in ours && 'refused' in theirs) return [];
  if ('refused' in ours) return [`refused: ${ours.refused}`];
  if ('refused' in theirs) return [`sheetjs refused: ${theirs.refused}`];
  const out: string[] = [];
  for (const [name, cells] of theirs.sheets) {
    const mine = ours.sheets.get(name);
    if (!mine) {
      if (cells.size) out.push(`${name}: sheet missing`);
      continue;
    }
    for (const key of new Set([...cells.keys(), ...mine.keys()])) {
      const a = mine.get(key);
      const b = cells.get(key);
      const va = a?.v ?? null;
      const vb = b?.v ?? null;
      if (!same(va, vb)) out.push(`${name}!${key} value: ${show(a)} vs ${show(b)}`);
      else if (formulas && (a?.f ?? null) !== (b?.f ?? null) && b?.f)
        out.push(`${name}!${key} formula: ${show(a)} vs ${show(b)}`);
    }
  }
  for (const name of ours.sheets.keys())
    if (!theirs.sheets.has(name) && ours.sheets.get(name)!.size)
      out.push(`${name}: sheet not in sheetjs`);
  return out;
}

export function bytesOf(rel: string): Buffer {
  return readFileSync(path.join(CORPUS, rel));
}

/** A difference as the allow-list keeps it: one line, at most 160 characters. */
export const listed = (d: string): string => d.replace(/\s+/g, ' ').slice(0, 160);

export interface AllowList {
  /** Why each whole class of disagreement is normalised away before comparing (not per file). */
  normalisations: string[];
  /** Per reader, per corpus file: the differences from SheetJS, and why the project's reading is right. */
  lean: Record<string, { reason: string; differences: string[] }>;
  exceljs: Record<string, { reason: string; differences: string[] }>;
  /** Documents whose table count differs from the independent count, with the count we give. */
  docx: Record<string, { reason: string; tables: number | 'refused' }>;
}

export const ALLOW_LIST = path.join(__dirname, 'allow-list.json');

/**
 * An independent count of a document's tables: w:tbl start tags in the main part (by text, not
 * through our DOM), minus those in mc:Fallback branches (Word shows the Choice) and in tracked
 * deletions.
 */
export function countTables(mainPartXml: string): number {
  const bare = mainPartXml
    .replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '')
    .replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '');
  return (bare.match(/<(?:w:)?tbl[\s>]/g) ?? []).length;
}
