/**
 * An in-memory WPS 表格 (ET) object model, as strict as WPS's documented behaviour:
 * - every property read, property write and method call is one synchronous cross-process call in
 *   WPS; each is counted (`calls`, and `byName` per member);
 * - colours are BGR longs (red in the low byte); anything else written to a colour throws;
 * - "no fill" reads back as ColorIndex -4142, Pattern -4142 and Color 16777215 (white), so only
 *   ColorIndex/Pattern tell it from a white fill;
 * - NumberFormat, Text, MergeCells and Locked are null on a range whose cells differ;
 *   Value2/Formula are a scalar for one cell and a 0-based array of rows for several; Formula of
 *   a constant is its text;
 * - comments (批注): Comment is null on a cell without one; AddComment on a cell that has one, or
 *   on several cells, throws;
 * - MergeArea works on a single cell (or exactly one merged area), as documented;
 * - a protected sheet (ProtectContents) refuses fills and comments everywhere and values on
 *   locked cells (every cell is locked unless listed in `unlocked`);
 * - Select works only on the active sheet; deleting a sheet with DisplayAlerts on would ask the
 *   user, so it throws; a cell being edited makes every call throw.
 * Plain data underneath (the Excel fake's FakeBook plus custom XML parts), so a JSON copy is a
 * save and reopen, and the same book runs through both fakes.
 */
import { hexToBgr, bgrToHex } from '../../../src/addin/wps/colors';
import type {
  EtApplication,
  EtComment,
  EtCount,
  EtGrid,
  EtInterior,
  EtRange,
  EtScalar,
  EtSheets,
  EtUndoRecord,
  EtWorkbook,
  EtWorksheet,
  EtXmlPart,
  EtXmlParts,
} from '../../../src/addin/wps/et';
import {
  a1,
  displayText,
  type FakeBook,
  type FakeCell,
  type FakeSheet,
  parseBox,
} from '../fakeExcel';

export interface EtBook extends FakeBook {
  customXmlParts?: { id: string; xml: string }[];
  /** Cells a protected sheet still lets the user type into, by sheet. */
  unlocked?: Record<string, string[]>;
}

export interface FakeEtOptions {
  /** Offer Word-style UndoRecord (ET is not documented to). */
  undoRecord?: boolean;
  /** Makes WPS refuse a call (a test of half-done writes): true throws before the call runs. */
  refuse?: (member: string, calls: number) => boolean;
}

export interface FakeEt {
  app: EtApplication;
  book: EtBook;
  calls: number;
  byName: Record<string, number>;
  /** Undo records opened and closed, when offered. */
  undoSteps: number;
}

class EtError extends Error {}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const PATTERNS: Record<string, number> = { Solid: 1, Gray50: -4125, Gray75: -4126, Gray25: -4124 };
const patternName = (n: number) =>
  Object.entries(PATTERNS).find(([, v]) => v === n)?.[0] ?? `P${n}`;
const XL_NONE = -4142;
/** The first entries of the default palette: ColorIndex answers the nearest (3 is red). */
const PALETTE = ['#000000', '#FFFFFF', '#FF0000', '#00FF00', '#0000FF', '#FFFF00'];
function paletteIndex(hex: string): number {
  const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [r, g, b] = rgb(hex);
  let best = 0;
  let dist = Infinity;
  PALETTE.forEach((p, i) => {
    const [pr, pg, pb] = rgb(p);
    const d = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
    if (d < dist) [best, dist] = [i, d];
  });
  return best + 1;
}
const WHITE = 0xffffff;

export function createFakeEt(book: EtBook, opts: FakeEtOptions = {}): FakeEt {
  const et: FakeEt = {
    app: null as unknown as EtApplication,
    book,
    calls: 0,
    byName: {},
    undoSteps: 0,
  };
  const tick = (name: string) => {
    et.calls++;
    et.byName[name] = (et.byName[name] ?? 0) + 1;
    if (et.book.editing) throw new EtError('WPS is in cell edit mode (编辑状态)');
    if (opts.refuse?.(name, et.byName[name])) throw new EtError(`WPS refused ${name}`);
  };
  const sheetData = (name: string): FakeSheet => {
    const s = et.book.sheets.find((x) => x.name === name);
    if (!s) throw new EtError(`工作表不存在：${name}`);
    return s;
  };
  const parts = () => et.book.customXmlParts ?? [];
  let alerts = true;
  let nextId = 1;

  function usedBox(s: FakeSheet): Box {
    let box: Box | null = null;
    const grow = (p: Box) =>
      (box = box
        ? {
            top: Math.min(box.top, p.top),
            left: Math.min(box.left, p.left),
            bottom: Math.max(box.bottom, p.bottom),
            right: Math.max(box.right, p.right),
          }
        : p);
    for (const [addr, cell] of Object.entries(s.cells)) {
      const formatted =
        !!cell.fill || (cell.numberFormat !== undefined && cell.numberFormat !== 'General');
      if (cell.value === null && !formatted && !cell.formula) continue;
      grow(parseBox(addr));
    }
    for (const m of s.merges) grow(parseBox(m));
    return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }

  class Range implements EtRange {
    constructor(
      private sheet: string,
      private box: Box,
    ) {}
    private data(): FakeSheet {
      return sheetData(this.sheet);
    }
    private each<T>(f: (cell: FakeCell | undefined, addr: string) => T): T[][] {
      const out: T[][] = [];
      const cells = this.data().cells;
      for (let r = this.box.top; r <= this.box.bottom; r++) {
        const row: T[] = [];
        for (let c = this.box.left; c <= this.box.right; c++) {
          const addr = a1(r, c);
          row.push(f(cells[addr], addr));
        }
        out.push(row);
      }
      return out;
    }
    private single(): boolean {
      return this.box.top === this.box.bottom && this.box.left === this.box.right;
    }
    private grid(f: (cell: FakeCell | undefined, addr: string) => EtScalar): EtGrid {
      const g = this.each(f);
      return this.single() ? g[0][0] : g;
    }
    private uniform<T>(f: (cell: FakeCell | undefined, addr: string) => T): T | null {
      const all = this.each(f).flat();
      return all.every((v) => v === all[0]) ? all[0] : null;
    }
    private cellAt(addr: string): FakeCell {
      const cells = this.data().cells;
      return (cells[addr] ??= { value: null });
    }
    private locked(addr: string): boolean {
      return !(et.book.unlocked?.[this.sheet] ?? []).includes(addr);
    }
    /** Values on locked cells, and all formatting and comments, are refused on a protected sheet. */
    private guard(kind: 'value' | 'format'): void {
      if (!this.data().protected) return;
      if (kind === 'format') throw new EtError('工作表受保护 (protected sheet): format refused');
      this.each((_, addr) => {
        if (this.locked(addr))
          throw new EtError(`工作表受保护 (protected sheet): ${addr} is locked`);
      });
    }
    private write(
      kind: 'value' | 'format',
      f: (cell: FakeCell, addr: string, i: number, j: number) => void,
    ) {
      this.guard(kind);
      for (let r = this.box.top; r <= this.box.bottom; r++)
        for (let c = this.box.left; c <= this.box.right; c++) {
          const addr = a1(r, c);
          f(this.cellAt(addr), addr, r - this.box.top, c - this.box.left);
        }
    }
    get Row(): number {
      tick('Range.Row');
      return this.box.top + 1;
    }
    get Column(): number {
      tick('Range.Column');
      return this.box.left + 1;
    }
    get Rows(): EtCount {
      tick('Range.Rows');
      const n = this.box.bottom - this.box.top + 1;
      return {
        get Count() {
          tick('Rows.Count');
          return n;
        },
      };
    }
    get Columns(): EtCount {
      tick('Range.Columns');
      const n = this.box.right - this.box.left + 1;
      return {
        get Count() {
          tick('Columns.Count');
          return n;
        },
      };
    }
    get Value2(): EtGrid {
      tick('Range.Value2');
      return this.grid((c) => (c?.value === null || c?.value === undefined ? undefined : c.value));
    }
    set Value2(v: EtGrid) {
      tick('Range.Value2=');
      const rows = this.box.bottom - this.box.top + 1;
      const cols = this.box.right - this.box.left + 1;
      if (Array.isArray(v) && (v.length !== rows || v.some((r) => r.length !== cols)))
        throw new EtError('Value2: the array does not match the range');
      this.write('value', (cell, _a, i, j) => {
        const x = Array.isArray(v) ? v[i][j] : v;
        cell.value = x === undefined || x === '' ? null : x;
        delete cell.formula;
      });
    }
    get Formula(): EtGrid {
      tick('Range.Formula');
      return this.grid((c) =>
        c?.formula
          ? `=${c.formula.replace(/^=/, '')}`
          : c?.value === null || !c
            ? ''
            : String(c.value),
      );
    }
    set Formula(v: EtGrid) {
      tick('Range.Formula=');
      if (!this.single() || typeof v !== 'string') throw new EtError('the fake writes one formula');
      this.write('value', (cell) => {
        if (v.startsWith('=')) cell.formula = v.slice(1);
        else {
          delete cell.formula;
          cell.value = v === '' ? null : v;
        }
      });
    }
    get NumberFormat(): string | null {
      tick('Range.NumberFormat');
      return this.uniform((c) => c?.numberFormat ?? 'General');
    }
    set NumberFormat(f: string | null) {
      tick('Range.NumberFormat=');
      if (typeof f !== 'string') throw new EtError('NumberFormat must be a string');
      this.write('value', (cell) => (cell.numberFormat = f));
    }
    get Text(): string | null {
      tick('Range.Text');
      return this.uniform((c) => displayText(c));
    }
    get Interior(): EtInterior {
      tick('Range.Interior');
      return interiorOf(this, this.box, this.sheet);
    }
    get Font(): { Bold: boolean } {
      tick('Range.Font');
      return {
        get Bold() {
          tick('Font.Bold');
          return false;
        },
        set Bold(_b: boolean) {
          tick('Font.Bold=');
        },
      };
    }
    get Comment(): EtComment | null {
      tick('Range.Comment');
      const addr = a1(this.box.top, this.box.left);
      return this.data().notes[addr] === undefined ? null : commentAt(this.sheet, addr);
    }
    AddComment(text: string): EtComment {
      tick('Range.AddComment');
      if (!this.single()) throw new EtError('AddComment: one cell only');
      const addr = a1(this.box.top, this.box.left);
      if (this.data().notes[addr] !== undefined)
        throw new EtError(`AddComment: ${addr} already has a comment`);
      this.guard('format');
      this.data().notes[addr] = text;
      return commentAt(this.sheet, addr);
    }
    private mergesOver(): Box[] {
      return this.data().merges.map(parseBox);
    }
    private mergeOf(r: number, c: number): Box | undefined {
      return this.mergesOver().find(
        (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right,
      );
    }
    get MergeCells(): boolean | null {
      tick('Range.MergeCells');
      const flags: boolean[] = [];
      for (let r = this.box.top; r <= this.box.bottom; r++)
        for (let c = this.box.left; c <= this.box.right; c++) flags.push(!!this.mergeOf(r, c));
      return flags.every((f) => f) ? true : flags.some((f) => f) ? null : false;
    }
    get MergeArea(): EtRange {
      tick('Range.MergeArea');
      const m = this.mergeOf(this.box.top, this.box.left);
      const same =
        m &&
        m.top === this.box.top &&
        m.left === this.box.left &&
        m.bottom === this.box.bottom &&
        m.right === this.box.right;
      if (!this.single() && !same)
        throw new EtError('MergeArea: one cell (or one merged area) only');
      return new Range(this.sheet, m ?? this.box);
    }
    get Locked(): boolean | null {
      tick('Range.Locked');
      return this.uniform((_c, addr) => this.locked(addr));
    }
    set Locked(v: boolean | null) {
      tick('Range.Locked=');
      if (this.data().protected) throw new EtError('工作表受保护 (protected sheet)');
      const list = ((et.book.unlocked ??= {})[this.sheet] ??= []);
      this.each((_c, addr) => {
        const i = list.indexOf(addr);
        if (v === false && i < 0) list.push(addr);
        if (v !== false && i >= 0) list.splice(i, 1);
      });
    }
    /** Range.Merge: the range becomes one merged area (the probe uses it). */
    Merge(): void {
      tick('Range.Merge');
      this.guard('format');
      const s = this.data();
      s.merges.push(`${a1(this.box.top, this.box.left)}:${a1(this.box.bottom, this.box.right)}`);
    }
    Address(rowAbsolute = true, columnAbsolute = true): string {
      tick('Range.Address');
      const fmt = (r: number, c: number) => {
        const m = /^([A-Z]+)(\d+)$/.exec(a1(r, c))!;
        return `${columnAbsolute ? '$' : ''}${m[1]}${rowAbsolute ? '$' : ''}${m[2]}`;
      };
      const a = fmt(this.box.top, this.box.left);
      return this.single() ? a : `${a}:${fmt(this.box.bottom, this.box.right)}`;
    }
    Select(): void {
      tick('Range.Select');
      if (et.book.active !== this.sheet) throw new EtError('Select: the sheet is not active');
      et.book.selection = {
        sheet: this.sheet,
        address:
          a1(this.box.top, this.box.left) +
          (this.single() ? '' : `:${a1(this.box.bottom, this.box.right)}`),
      };
    }
  }

  function interiorOf(range: Range, box: Box, sheet: string): EtInterior {
    /** Reads see absent cells as empty; only writes create them. */
    const cells = (create: boolean): FakeCell[] => {
      const s = sheetData(sheet);
      const out: FakeCell[] = [];
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const a = a1(r, c);
          out.push(create ? (s.cells[a] ??= { value: null }) : (s.cells[a] ?? { value: null }));
        }
      return out;
    };
    const read = <T>(f: (c: FakeCell) => T): T | null => {
      const all = cells(false).map(f);
      return all.every((v) => v === all[0]) ? all[0] : null;
    };
    const write = (f: (c: FakeCell) => void) => {
      if (sheetData(sheet).protected)
        throw new EtError('工作表受保护 (protected sheet): format refused');
      cells(true).forEach(f);
    };
    const color = (n: number) => {
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > WHITE)
        throw new EtError(`not a BGR colour: ${String(n)}`);
      return bgrToHex(n);
    };
    void range;
    return {
      get Color() {
        tick('Interior.Color');
        return read((c) => (c.fill ? hexToBgr(c.fill.color) : WHITE)) as number;
      },
      set Color(n: number) {
        tick('Interior.Color=');
        const hex = color(n);
        write(
          (c) => (c.fill = { color: hex, pattern: c.fill?.pattern ?? 'Solid', tintAndShade: 0 }),
        );
      },
      get ColorIndex() {
        tick('Interior.ColorIndex');
        return read((c) => (c.fill ? paletteIndex(c.fill.color) : XL_NONE)) as number;
      },
      set ColorIndex(n: number) {
        tick('Interior.ColorIndex=');
        if (n !== XL_NONE) throw new EtError('the fake sets ColorIndex to -4142 only');
        write((c) => (c.fill = null));
      },
      get Pattern() {
        tick('Interior.Pattern');
        return read((c) => (c.fill ? (PATTERNS[c.fill.pattern] ?? 1) : XL_NONE)) as number;
      },
      set Pattern(n: number) {
        tick('Interior.Pattern=');
        write((c) => {
          if (n === XL_NONE) c.fill = null;
          else
            c.fill = {
              color: c.fill?.color ?? '#FFFFFF',
              pattern: patternName(n),
              tintAndShade: c.fill?.tintAndShade ?? 0,
            };
        });
      },
      get PatternColor() {
        tick('Interior.PatternColor');
        return 0;
      },
      set PatternColor(n: number) {
        tick('Interior.PatternColor=');
        color(n);
      },
      get TintAndShade() {
        tick('Interior.TintAndShade');
        return read((c) => c.fill?.tintAndShade ?? 0) as number;
      },
      set TintAndShade(t: number) {
        tick('Interior.TintAndShade=');
        if (typeof t !== 'number' || t < -1 || t > 1) throw new EtError('TintAndShade: -1 to 1');
        write((c) => {
          if (c.fill) c.fill.tintAndShade = t;
        });
      },
    };
  }

  function commentAt(sheet: string, addr: string): EtComment {
    return {
      Text(text?: string): string {
        tick('Comment.Text');
        const s = sheetData(sheet);
        if (s.notes[addr] === undefined) throw new EtError('the comment was deleted');
        if (text !== undefined) {
          if (s.protected) throw new EtError('工作表受保护 (protected sheet)');
          s.notes[addr] = text;
        }
        return s.notes[addr];
      },
      Delete(): void {
        tick('Comment.Delete');
        const s = sheetData(sheet);
        if (s.notes[addr] === undefined) throw new EtError('the comment was deleted');
        if (s.protected) throw new EtError('工作表受保护 (protected sheet)');
        delete s.notes[addr];
      },
    };
  }

  /** The sheet behind a worksheet object, for Add's anchors (no call in WPS terms). */
  const nameOf = new WeakMap<EtWorksheet, () => string>();
  function worksheet(name: string): EtWorksheet {
    let current = name;
    const ws: EtWorksheet = {
      get Name() {
        tick('Worksheet.Name');
        return sheetData(current).name;
      },
      set Name(n: string) {
        tick('Worksheet.Name=');
        if (et.book.sheets.some((s) => s.name === n)) throw new EtError(`名称已存在：${n}`);
        const s = sheetData(current);
        if (et.book.active === current) et.book.active = n;
        s.name = n;
        current = n;
      },
      get UsedRange() {
        tick('Worksheet.UsedRange');
        return new Range(current, usedBox(sheetData(current)));
      },
      get ProtectContents() {
        tick('Worksheet.ProtectContents');
        return !!sheetData(current).protected;
      },
      Range(address: string) {
        tick('Worksheet.Range');
        sheetData(current);
        return new Range(current, parseBox(address));
      },
      Activate() {
        tick('Worksheet.Activate');
        sheetData(current);
        et.book.active = current;
      },
      Protect() {
        tick('Worksheet.Protect');
        sheetData(current).protected = true;
      },
      Unprotect() {
        tick('Worksheet.Unprotect');
        sheetData(current).protected = false;
      },
      Delete() {
        tick('Worksheet.Delete');
        if (alerts) throw new EtError('DisplayAlerts is on: WPS would ask the user to confirm');
        et.book.sheets = et.book.sheets.filter((s) => s.name !== current);
        if (et.book.active === current) et.book.active = et.book.sheets[0]?.name ?? '';
      },
    };
    nameOf.set(ws, () => current);
    return ws;
  }

  const sheets: EtSheets = {
    get Count() {
      tick('Worksheets.Count');
      return et.book.sheets.length;
    },
    Item(index: number | string) {
      tick('Worksheets.Item');
      const s =
        typeof index === 'number'
          ? et.book.sheets[index - 1]
          : et.book.sheets.find((x) => x.name === index);
      if (!s) throw new EtError(`工作表不存在：${String(index)}`);
      return worksheet(s.name);
    },
    Add(before?: EtWorksheet | null, after?: EtWorksheet | null) {
      tick('Worksheets.Add');
      let n = et.book.sheets.length + 1;
      while (et.book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      const sheet: FakeSheet = { name: `Sheet${n}`, cells: {}, merges: [], notes: {} };
      const anchorName = (ws: EtWorksheet) => nameOf.get(ws)?.() ?? '';
      const at = before
        ? et.book.sheets.findIndex((s) => s.name === anchorName(before))
        : after
          ? et.book.sheets.findIndex((s) => s.name === anchorName(after)) + 1
          : 0;
      et.book.sheets.splice(at, 0, sheet);
      et.book.active = sheet.name;
      return worksheet(sheet.name);
    },
  };

  const nsOf = (xml: string) =>
    /^\s*(?:<\?xml[^>]*\?>\s*)?<[\w:.-]+[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? '';
  function part(p: { id: string; xml: string }): EtXmlPart {
    return {
      get Id() {
        tick('CustomXMLPart.Id');
        return p.id;
      },
      get NamespaceURI() {
        tick('CustomXMLPart.NamespaceURI');
        return nsOf(p.xml);
      },
      get XML() {
        tick('CustomXMLPart.XML');
        if (!parts().includes(p)) throw new EtError('the part was deleted');
        return p.xml;
      },
      Delete() {
        tick('CustomXMLPart.Delete');
        const i = parts().indexOf(p);
        if (i < 0) throw new EtError('the part was deleted');
        parts().splice(i, 1);
      },
    };
  }
  const xmlParts: EtXmlParts = {
    get Count() {
      tick('CustomXMLParts.Count');
      return parts().length;
    },
    Item(i: number) {
      tick('CustomXMLParts.Item');
      const p = parts()[i - 1];
      if (!p) throw new EtError(`no part ${i}`);
      return part(p);
    },
    Add(xml: string) {
      tick('CustomXMLParts.Add');
      if (!/^\s*(<\?xml[^>]*\?>\s*)?<[\w:.-]+[\s\S]*>\s*$/.test(xml))
        throw new EtError('Add: not XML');
      const p = { id: `{FAKE-${nextId++}}`, xml };
      (et.book.customXmlParts ??= []).push(p);
      return part(p);
    },
    SelectByNamespace(ns: string) {
      tick('CustomXMLParts.SelectByNamespace');
      const found = parts().filter((p) => nsOf(p.xml) === ns);
      return {
        get Count() {
          tick('CustomXMLParts.Count');
          return found.length;
        },
        Item(i: number) {
          tick('CustomXMLParts.Item');
          const p = found[i - 1];
          if (!p) throw new EtError(`no part ${i}`);
          return part(p);
        },
      };
    },
  };

  const workbook: EtWorkbook = {
    get Worksheets() {
      tick('Workbook.Worksheets');
      return sheets;
    },
    get ActiveSheet() {
      tick('Workbook.ActiveSheet');
      return worksheet(sheetData(et.book.active).name);
    },
    get CustomXMLParts() {
      tick('Workbook.CustomXMLParts');
      return xmlParts;
    },
  };

  let open = 0;
  const undo: EtUndoRecord = {
    StartCustomRecord() {
      tick('UndoRecord.StartCustomRecord');
      open++;
    },
    EndCustomRecord() {
      tick('UndoRecord.EndCustomRecord');
      if (open-- <= 0) throw new EtError('no undo record open');
      et.undoSteps++;
    },
  };

  et.app = {
    get ActiveWorkbook() {
      tick('Application.ActiveWorkbook');
      return et.book.sheets.length ? workbook : null;
    },
    get DisplayAlerts() {
      tick('Application.DisplayAlerts');
      return alerts;
    },
    set DisplayAlerts(v: boolean) {
      tick('Application.DisplayAlerts=');
      alerts = v;
    },
  };
  if (opts.undoRecord)
    Object.defineProperty(et.app, 'UndoRecord', {
      get() {
        tick('Application.UndoRecord');
        return undo;
      },
    });
  return et;
}
