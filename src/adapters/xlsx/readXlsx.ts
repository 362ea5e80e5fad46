import { mergesOverlap } from '../../engine/grid/merges';
import { snapshotFromCells } from '../../engine/grid/fromCells';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import { Budget, CORRUPT, readDirectory, streamEntry, UnreadableFile, type ZipEntry } from './zip';
import { BUILTIN_FORMATS } from './formats';

/**
 * The lean reader: a workbook's grid snapshots from the zip's own parts (workbook, its rels,
 * shared strings, styles, each worksheet and its rels for hyperlinks) with Node's zlib and saxes, the
 * sheets streamed rather than held. It produces exactly what the exceljs adapter produces,
 * quirks included (test/adapters/leanReader.test.ts holds them side by side); exceljs is then
 * needed only to write annotated copies.
 */

/** Forms are narrow; a stray cell far out must not make the grid enormous (as in the exceljs adapter). */
export const MAX_COLUMNS = 256;
export const MAX_ROWS = 100_000;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export interface ReadOptions {
  /** Most bytes inflated across the parts read, declared or actual. */
  maxUnzippedBytes: number;
  /** The sentence for a workbook over that limit. */
  unzippedSentence: () => string;
}

/** exceljs's own test for a date format: date letters outside quotes and brackets. */
function isDateFmt(fmt: string | null): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function isoDate(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

const X_ESCAPE = /_x([0-9A-F]{4})_/g;
const unescapeX = (s: string) =>
  s.indexOf('_x') < 0
    ? s
    : s.replace(X_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
const XML_ENTITY: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&apos;': "'",
  '&quot;': '"',
};
const xmlDecode = (s: string) => s.replace(/&([a-z]*);/g, (c) => XML_ENTITY[c] ?? c);

function colOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  return col;
}

function rangeOf(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const r1 = Number(m[2]) - 1;
  const c1 = colOf(m[1]) - 1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colOf(m[3]) - 1 : c1;
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

/** Parses one part with saxes, tags by local name as exceljs matches them (prefixes not stripped). */
function parsePart(
  buf: Uint8Array,
  entry: ZipEntry | undefined,
  budget: Budget,
  on: {
    open?: (tag: SaxesTagPlain) => void;
    text?: (t: string) => void;
    close?: (name: string) => void;
  },
): void {
  if (!entry) return;
  // No line and column tracking: an error is reported as a damaged file, without a position.
  const parser = new SaxesParser({ position: false });
  parser.on('error', () => {
    throw new UnreadableFile(CORRUPT);
  });
  if (on.open) parser.on('opentag', on.open as (tag: unknown) => void);
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', (tag) => on.close!(tag.name));
  streamEntry(buf, entry, budget, (chunk) => parser.write(chunk));
}

type SharedString = string | { richText: string[] } | null;

function readSharedStrings(
  buf: Uint8Array,
  entry: ZipEntry | undefined,
  budget: Budget,
): SharedString[] {
  const out: SharedString[] = [];
  let current: SharedString = null;
  let inSi = false;
  let depthPh = 0; // inside <rPh>: phonetic text, not the cell's
  let inRun = false;
  let inT = false;
  let text = '';
  let runs: string[] | null = null;
  parsePart(buf, entry, budget, {
    open: (tag) => {
      if (tag.name === 'si') {
        inSi = true;
        current = null;
        runs = null;
      } else if (!inSi) return;
      else if (tag.name === 'rPh') depthPh++;
      else if (depthPh) return;
      else if (tag.name === 'r') inRun = true;
      else if (tag.name === 't') {
        inT = true;
        text = '';
      }
    },
    text: (t) => {
      if (inT && !depthPh) text += t;
    },
    close: (name) => {
      if (!inSi) return;
      if (name === 'rPh') depthPh--;
      else if (depthPh) return;
      else if (name === 't' && inT) {
        inT = false;
        if (inRun) (runs ??= []).push(unescapeX(text));
        else current = unescapeX(text);
      } else if (name === 'r') inRun = false;
      else if (name === 'si') {
        inSi = false;
        out.push(
          runs
            ? typeof current === 'string'
              ? (() => {
                  throw new UnreadableFile(CORRUPT);
                })()
              : { richText: runs }
            : current,
        );
      }
    },
  });
  return out;
}

function readStyles(
  buf: Uint8Array,
  entry: ZipEntry | undefined,
  budget: Budget,
): (string | null)[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  let xfDepth = 0;
  parsePart(buf, entry, budget, {
    open: (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (tag.name === 'numFmts') inNumFmts = true;
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (inNumFmts && tag.name === 'numFmt') {
        if (a.formatCode === undefined) throw new UnreadableFile(CORRUPT);
        custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (inCellXfs && tag.name === 'xf') {
        if (xfDepth++ === 0) xfs.push(parseInt(a.numFmtId, 10));
      }
    },
    close: (name) => {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
      else if (inCellXfs && name === 'xf') xfDepth--;
    },
  });
  // exceljs: numFmtId 0 (General) or missing sets no format at all.
  return xfs.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? null) : null));
}

function readRels(
  buf: Uint8Array,
  entry: ZipEntry | undefined,
  budget: Budget,
): Map<string, string> {
  const rels = new Map<string, string>();
  parsePart(buf, entry, budget, {
    open: (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (tag.name === 'Relationship') rels.set(a.Id, a.Target);
    },
  });
  return rels;
}

interface Book {
  sheets: { name: string; id: number; rId: string }[];
  date1904: boolean;
}

function readBook(buf: Uint8Array, entry: ZipEntry | undefined, budget: Budget): Book {
  const book: Book = { sheets: [], date1904: false };
  parsePart(buf, entry, budget, {
    open: (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (tag.name === 'sheet')
        book.sheets.push({ name: a.name, id: parseInt(a.sheetId, 10), rId: a['r:id'] });
      else if (tag.name === 'workbookPr') book.date1904 = a.date1904 === '1';
    },
  });
  return book;
}

interface Context {
  strings: SharedString[];
  formats: (string | null)[];
  date1904: boolean;
}

type Entry = { r: number; c: number; raw: RawValue; fmt: string | null; formula: string | null };
/** A cell as read, with what exceljs would show for it were it hyperlinked. */
type Cell = Entry & { text: unknown; addr: string };

/** One worksheet part into the snapshot exceljs + snapshotOf would give. */
function readSheet(
  buf: Uint8Array,
  entry: ZipEntry,
  relsEntry: ZipEntry | undefined,
  name: string,
  ctx: Context,
  budget: Budget,
): GridSnapshot {
  // Hyperlinked cells read as their text (exceljs's {text, hyperlink}); the links are listed after the data.
  const rels = relsEntry ? readRels(buf, relsEntry, budget) : new Map<string, string>();
  const cells: Cell[] = [];
  // Keyed by row and column: one number while that is exact, else a string (the two never collide).
  const byAddress = new Map<number | string, number>();
  let ordered = true;
  let lastKey = -1;
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (fmt: string | null): boolean => {
    let d = dateStyles.get(styleId);
    if (d === undefined) dateStyles.set(styleId, (d = isDateFmt(fmt)));
    return d;
  };
  const merges: CellRange[] = [];
  const sharedMasters = new Map<string, string>();
  let rowNumber = 0;
  let prevCol = 0;
  // The <c> being read.
  let address = '';
  let type: string | undefined;
  let styleId = 0;
  let inCell = false;
  let node: 'f' | 'v' | 't' | null = null;
  let inRun = false;
  let runText: string[] | null = null;
  let runs: string[] | null = null;
  let formula: string | undefined;
  let shareType: string | undefined;
  let si: string | undefined;
  let ref: string | undefined;
  let value: string | undefined;

  const finishCell = () => {
    const fmt = styleId ? (ctx.formats[styleId] ?? null) : null;
    let raw: RawValue = null;
    let f: string | null = null;
    let text: unknown;
    let hasText = false;
    if (formula || shareType) {
      let result: unknown;
      if (value) {
        if (type === 'str') result = xmlDecode(value);
        else if (type === 'b') result = parseInt(value, 10) !== 0;
        else if (type === 'e') result = value;
        else result = parseFloat(value);
      }
      let shared: string | undefined;
      if (shareType === 'shared') {
        if (ref) sharedMasters.set(si ?? 'undefined', address);
        else shared = sharedMasters.get(si ?? 'undefined');
      }
      text = result;
      hasText = true;
      // exceljs copies only truthy parts of a formula value (a cached 0 reads as no result).
      // A date format turns any cached result into a Date (an invalid one reads as '').
      if (result !== undefined && isDateStyle(fmt)) raw = isoDate(Number(result), ctx.date1904);
      else raw = result ? (result as RawValue) : null;
      f = formula ? `=${formula}` : shared ? `=${shared}` : null;
    } else if (runs) {
      raw = runs.join('');
      text = { richText: runs };
      hasText = true;
    } else if (value !== undefined) {
      hasText = true;
      switch (type) {
        case 's': {
          const idx = parseInt(value, 10);
          const s = ctx.strings[idx];
          if (s === undefined) throw new UnreadableFile(CORRUPT);
          text = s;
          raw = s === null ? null : typeof s === 'string' ? s : s.richText.join('');
          break;
        }
        case 'str':
          raw = text = xmlDecode(value);
          break;
        case 'inlineStr':
          raw = text = value;
          break;
        case 'b':
          raw = text = parseInt(value, 10) !== 0;
          break;
        case 'e':
          raw = text = value;
          break;
        default: {
          const n = parseFloat(value);
          raw = text = isDateStyle(fmt) ? isoDate(n, ctx.date1904) : n;
        }
      }
    } else if (!styleId) return; // exceljs: a bare <c/> is a merge placeholder, never added
    const c = address ? colOf(address) : prevCol + 1;
    prevCol = c;
    const e: Cell = {
      r: rowNumber - 1,
      c: c - 1,
      raw,
      fmt,
      formula: f,
      text: hasText ? text : undefined,
      addr: address,
    };
    const key =
      rowNumber < 0x80000000 && c >= 0 && c < 0x200000
        ? rowNumber * 0x200000 + c
        : `${rowNumber}:${c}`;
    // Cells usually come in order, each after the last: then none repeats an earlier one and the
    // map is only built when one first does not.
    if (ordered) {
      if (typeof key === 'number' && key > lastKey) {
        lastKey = key;
        cells.push(e);
        return;
      }
      ordered = false;
      cells.forEach((x, i) => byAddress.set((x.r + 1) * 0x200000 + x.c + 1, i));
    }
    const at = byAddress.get(key);
    if (at !== undefined) cells[at] = e;
    else {
      byAddress.set(key, cells.length);
      cells.push(e);
    }
  };

  const links: { ref: string; rId: string }[] = [];
  parsePart(buf, entry, budget, {
    open: (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (inCell) {
        if (inRun) {
          if (tag.name === 't') {
            node = 't';
            runText = [];
          }
          return;
        }
        switch (tag.name) {
          case 'f':
            node = 'f';
            si = a.si;
            shareType = a.t;
            ref = a.ref;
            break;
          case 'v':
          case 't':
            node = tag.name;
            break;
          case 'r':
            inRun = true;
            break;
        }
        return;
      }
      switch (tag.name) {
        case 'row':
          rowNumber = a.r !== undefined ? parseInt(a.r, 10) : rowNumber + 1;
          prevCol = 0;
          break;
        case 'c':
          inCell = true;
          address = a.r ?? '';
          type = a.t;
          styleId = a.s ? parseInt(a.s, 10) || 0 : 0;
          node = null;
          runs = null;
          formula = shareType = si = ref = value = undefined;
          break;
        case 'mergeCell': {
          const r = rangeOf(a.ref ?? '');
          if (!r) throw new UnreadableFile(CORRUPT);
          merges.push(r);
          break;
        }
        case 'hyperlink':
          if (a['r:id']) links.push({ ref: a.ref, rId: a['r:id'] });
          break;
      }
    },
    text: (t) => {
      if (!inCell || node === null) return;
      if (inRun) {
        if (node === 't') runText!.push(t);
      } else if (node === 'f') formula = formula ? formula + t : t;
      else value = value ? value + t : t;
    },
    close: (tagName) => {
      if (!inCell) return;
      if (inRun) {
        if (tagName === 't') node = null;
        else if (tagName === 'r') {
          inRun = false;
          (runs ??= []).push(unescapeX((runText ?? []).join('')));
          runText = null;
        }
        return;
      }
      if (tagName === 'c') {
        inCell = false;
        if (rowNumber >= 1) finishCell();
      } else if (tagName === 'f' || tagName === 'v' || tagName === 't' || tagName === 'is')
        node = null;
    },
  });

  // Merged cells other than the top-left read as empty; overlapping merges make exceljs refuse the file.
  if (mergesOverlap(merges)) throw new UnreadableFile(CORRUPT);
  const linkTargets = new Map<string, string>();
  for (const l of links) {
    const target = rels.get(l.rId);
    if (target === undefined) throw new UnreadableFile(CORRUPT);
    linkTargets.set(l.ref, target);
  }
  const covered = coveredCells(merges);
  const inMerge = (r: number, c: number) =>
    covered
      ? r < MERGE_ROWS && c + 1 < MERGE_COLS && covered.has(r * MERGE_COLS + c + 1)
      : merges.some(
          (m) =>
            r >= m.top &&
            r <= m.bottom &&
            c >= m.left &&
            c <= m.right &&
            !(r === m.top && c === m.left),
        );

  const kept: Entry[] = [];
  let clipped = false;
  for (const e of cells) {
    if (merges.length && inMerge(e.r, e.c)) continue;
    if (e.addr && linkTargets.has(e.addr)) {
      const t = e.text;
      e.raw = t && typeof t === 'object' ? '[object Object]' : String(t);
      e.formula = null;
    }
    if (e.raw === null && e.formula === null) continue;
    if (e.r + 1 > MAX_ROWS || e.c + 1 > MAX_COLUMNS) {
      clipped = true;
      continue;
    }
    kept.push(e);
  }
  // exceljs iterates rows, then cells, in order: the grid is the same whichever order they came in.
  const snapshot = snapshotFromCells(name, kept, mergesInExceljsOrder(merges));
  if (clipped) snapshot.clipped = true;
  return snapshot;
}

const MERGE_ROWS = 2 ** 30;
const MERGE_COLS = 2 ** 22;

/**
 * The cells merges cover other than their top-left ones, as numeric keys, so testing a cell is
 * one lookup rather than a pass over the merges; null when the merges are too large to list.
 */
function coveredCells(merges: CellRange[]): Set<number> | null {
  let area = 0;
  for (const m of merges) {
    if (m.bottom >= MERGE_ROWS || m.right + 1 >= MERGE_COLS) return null;
    area += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area > 100_000) return null;
  }
  const set = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) set.add(r * MERGE_COLS + c + 1);
  return set;
}

/** exceljs keys merges by their top-left address; later ones with the same key replace earlier ones. */
function mergesInExceljsOrder(merges: CellRange[]): CellRange[] {
  return merges;
}

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Reads an .xlsx's bytes into grid snapshots, one per worksheet, or throws an UnreadableFile. */
export function readXlsx(buf: Uint8Array, name: string, options: ReadOptions): GridSnapshot[] {
  if (buf.length === 0) throw new UnreadableFile('文件是空的（0 字节）。');
  if (startsWith(buf, OLE)) {
    throw new UnreadableFile(
      /\.xls$/i.test(name)
        ? '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。'
        : '文件已加密（设有打开密码）或是旧版 .xls 格式，请取消密码并另存为 .xlsx 后再校验。',
    );
  }
  if (!startsWith(buf, ZIP))
    throw new UnreadableFile('文件不是 .xlsx 工作簿（内容不是 Excel 格式）。');
  const dir = readDirectory(buf);
  const budget = new Budget(options.maxUnzippedBytes, options.unzippedSentence);
  const book = readBook(buf, dir.get('xl/workbook.xml'), budget);
  const rels = readRels(buf, dir.get('xl/_rels/workbook.xml.rels'), budget);
  // The parts this reader will inflate, checked against the limit as the directory declares them.
  const wanted: { name: string; id: number; part: ZipEntry; rels?: ZipEntry }[] = [];
  for (const s of book.sheets) {
    const target = rels.get(s.rId);
    if (target === undefined) continue;
    const partName = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    const part = /xl\/worksheets\/sheet(\d+)[.]xml/.test(partName) ? dir.get(partName) : undefined;
    if (!part) continue;
    const relsName = partName.replace(/^xl\/worksheets\/(.*)$/, 'xl/worksheets/_rels/$1.rels');
    wanted.push({ name: s.name, id: s.id, part, rels: dir.get(relsName) });
  }
  const strings = dir.get('xl/sharedStrings.xml');
  const styles = dir.get('xl/styles.xml');
  const declared = [strings, styles, ...wanted.flatMap((w) => [w.part, w.rels])].reduce(
    (n, e) => n + (e ? e.size : 0),
    0,
  );
  if (declared + budget.used > options.maxUnzippedBytes)
    throw new UnreadableFile(options.unzippedSentence(), 'unzipped');
  const ctx: Context = {
    strings: readSharedStrings(buf, strings, budget),
    formats: readStyles(buf, styles, budget),
    date1904: book.date1904,
  };
  // exceljs keeps one worksheet per sheetId (the last), drops id 0, and orders them by the first with that id.
  const byId = new Map<number, (typeof wanted)[number]>();
  for (const w of wanted) byId.set(w.id, w);
  const order = (id: number) => book.sheets.findIndex((s) => s.id === id);
  const chosen = [...byId.values()]
    .filter((w) => w.id > 0 && Number.isFinite(w.id))
    .sort((a, b) => order(a.id) - order(b.id));
  const sheets = chosen.map((w) => readSheet(buf, w.part, w.rels, w.name, ctx, budget));
  if (sheets.length === 0) throw new UnreadableFile('工作簿中没有工作表。');
  return sheets;
}
