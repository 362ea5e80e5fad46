/**
 * An in-memory stand-in for the Excel objects the adapter uses. Like Office.js, every command is
 * queued and runs in order at context.sync(); a property read before a sync that loaded it throws;
 * "No Fill" reads back as #FFFFFF with tintAndShade null (the real quirk); syncs are counted.
 * Plain data underneath (FakeBook), so it runs in Node tests and in the browser alike.
 */

export interface FakeFill {
  color: string; // "#RRGGBB"
  pattern: string; // "Solid", "Gray50", …
  tintAndShade: number;
}

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill | null;
}

export interface FakeSheet {
  name: string;
  cells: Record<string, FakeCell>;
  merges: string[];
  notes: Record<string, string>;
  protected?: boolean;
}

export interface FakeBook {
  sheets: FakeSheet[];
  active: string;
  settings: Record<string, string>;
  selection: { sheet: string; address: string } | null;
  /** Simulates Excel refusing every request (a cell being edited). */
  editing?: boolean;
}

export interface FakeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }): Promise<T>;
  supports(version: string): boolean;
  book: FakeBook;
  syncs: number;
  /** Excel.run calls made with mergeUndoGroup. */
  undoGroups: number;
}

class FakeError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

// ---- addresses -------------------------------------------------------------

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseBox(address: string): Box {
  const bare = address.replace(/^.*!/, '').replace(/\$/g, '');
  const [a, b = a] = bare.split(':');
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) throw new FakeError('InvalidArgument', `bad address ${address}`);
  const r1 = Number(pa[2]) - 1;
  const r2 = Number(pb[2]) - 1;
  const c1 = colIndex(pa[1]);
  const c2 = colIndex(pb[1]);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function boxAddress(sheet: string, b: Box): string {
  const q = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const start = a1(b.top, b.left);
  const end = a1(b.bottom, b.right);
  return `${q}!${start === end ? start : `${start}:${end}`}`;
}

/** What Excel would display: enough of number formatting for percentages and fixed decimals. */
export function displayText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  if (typeof cell.value !== 'number') return String(cell.value);
  const fmt = cell.numberFormat ?? 'General';
  const dec = /\.(0+)/.exec(fmt)?.[1].length ?? 0;
  if (fmt.includes('%')) return `${(cell.value * 100).toFixed(dec)}%`;
  if (/^0(\.0+)?$/.test(fmt)) return cell.value.toFixed(dec);
  return String(cell.value);
}

// ---- the fake object model ---------------------------------------------------

type Op = () => void;

class Ctx {
  queue: Op[] = [];
  constructor(public host: FakeHost) {}
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.host.syncs++;
    const ops = this.queue;
    this.queue = [];
    if (this.host.book.editing) throw new FakeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    for (const op of ops) op();
  }
}

/** A proxy whose loaded properties are readable only after the sync that loaded them. */
class Loadable {
  protected loaded: Record<string, unknown> | null = null;
  protected nullObject: boolean | null = null;
  constructor(protected ctx: Ctx) {}
  protected capture(read: () => Record<string, unknown>, exists: () => boolean = () => true): void {
    this.ctx.enqueue(() => {
      this.nullObject = !exists();
      this.loaded = this.nullObject ? {} : read();
    });
  }
  protected get<T>(key: string): T {
    if (!this.loaded || !(key in this.loaded)) throw new FakeError('PropertyNotLoaded', `The property '${key}' is not available. Load it and call context.sync() first.`);
    return this.loaded[key] as T;
  }
  get isNullObject(): boolean {
    if (this.nullObject === null) throw new FakeError('PropertyNotLoaded', 'isNullObject is not available before sync.');
    return this.nullObject;
  }
}

class FakeFillProxy {
  constructor(private range: FakeRange) {}
  set color(c: string) {
    this.range.write((cell) => {
      cell.fill = { color: c.toUpperCase(), pattern: 'Solid', tintAndShade: 0 };
    });
  }
  clear(): void {
    this.range.write((cell) => {
      cell.fill = null;
    });
  }
}

class FakeFont {
  constructor(private range: FakeRange) {}
  set bold(_b: boolean) {
    this.range.write(() => undefined);
  }
}

class FakeRange extends Loadable {
  format: { fill: FakeFillProxy; font: FakeFont };
  constructor(ctx: Ctx, private sheet: FakeSheetProxy, private box: Box | null, private usedOnly = false) {
    super(ctx);
    this.format = { fill: new FakeFillProxy(this), font: new FakeFont(this) };
  }
  topLeft(): string {
    const b = this.resolve() as Box;
    return a1(b.top, b.left);
  }
  private resolve(): Box | null {
    return this.usedOnly ? this.sheet.usedBox() : this.box;
  }
  private cells<T>(f: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
    const b = this.resolve() as Box;
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(this.sheet.data().cells[a1(r, c)], r, c));
      out.push(row);
    }
    return out;
  }
  write(f: (cell: FakeCell, address: string) => void): void {
    this.ctx.enqueue(() => {
      if (this.sheet.data().protected) throw new FakeError('AccessDenied', 'The sheet is protected.');
      const b = this.resolve() as Box;
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) {
          const addr = a1(r, c);
          const cells = this.sheet.data().cells;
          cells[addr] = cells[addr] ?? { value: null };
          f(cells[addr], addr);
        }
    });
  }
  load(props?: string | string[]): this {
    void props;
    this.capture(
      () => {
        const b = this.resolve() as Box;
        return {
          address: boxAddress(this.sheet.data().name, b),
          rowIndex: b.top,
          columnIndex: b.left,
          rowCount: b.bottom - b.top + 1,
          columnCount: b.right - b.left + 1,
          values: this.cells((cell) => (cell?.value ?? '') as unknown),
          numberFormat: this.cells((cell) => cell?.numberFormat ?? 'General'),
          text: this.cells((cell) => displayText(cell)),
          formulas: this.cells((cell) => cell?.formula ?? cell?.value ?? ''),
        };
      },
      () => this.resolve() !== null,
    );
    return this;
  }
  get address(): string { return this.get('address'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get values(): unknown[][] { return this.get('values'); }
  set values(v: unknown[][]) {
    this.write((cell, addr) => {
      const b = this.resolve() as Box;
      const { top, left } = b;
      const p = parseBox(addr);
      cell.value = v[p.top - top][p.left - left] as FakeCell['value'];
      delete cell.formula;
    });
  }
  get numberFormat(): unknown[][] { return this.get('numberFormat'); }
  set numberFormat(v: unknown[][]) {
    this.write((cell, addr) => {
      const b = this.resolve() as Box;
      const p = parseBox(addr);
      cell.numberFormat = String(v[p.top - b.top][p.left - b.left]);
    });
  }
  get text(): string[][] { return this.get('text'); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  getCellProperties(_spec: unknown): { value: Excel.CellProperties[][] } {
    const result: { value: Excel.CellProperties[][] } = { value: [] };
    let ready = false;
    this.ctx.enqueue(() => {
      ready = true;
      result.value = this.cells((cell) => {
        const f = cell?.fill;
        // Office reads "No Fill" as white: only tintAndShade tells them apart.
        return { format: { fill: f ? { color: f.color, pattern: f.pattern as Excel.FillPattern, tintAndShade: f.tintAndShade, patternColor: '#000000', patternTintAndShade: 0 } : { color: '#FFFFFF', pattern: null as unknown as Excel.FillPattern, tintAndShade: null as unknown as number, patternColor: '#000000', patternTintAndShade: 0 } } };
      });
    });
    return new Proxy(result, {
      get: (t, k) => {
        if (k === 'value' && !ready) throw new FakeError('PropertyNotLoaded', 'ClientResult.value before sync');
        return (t as Record<string | symbol, unknown>)[k];
      },
    });
  }
  setCellProperties(props: Excel.SettableCellProperties[][]): void {
    this.write((cell) => {
      const f = props[0][0].format?.fill;
      if (f) cell.fill = { color: (f.color ?? '#FFFFFF').toUpperCase(), pattern: f.pattern ?? 'Solid', tintAndShade: f.tintAndShade ?? 0 };
    });
  }
  getMergedAreasOrNullObject(): Loadable & { address: string } {
    const sheet = this.sheet;
    const range = this;
    class Areas extends Loadable {
      load(): this {
        this.capture(
          () => {
            const used = range.resolve();
            const inside = sheet.data().merges.map(parseBox).filter((m) => used && m.top >= used.top && m.bottom <= used.bottom && m.left >= used.left && m.right <= used.right);
            return { address: inside.map((m) => boxAddress(sheet.data().name, m)).join(',') };
          },
          () => sheet.data().merges.length > 0,
        );
        return this;
      }
      get address(): string {
        return this.get('address');
      }
    }
    return new Areas(this.ctx);
  }
  select(): void {
    this.ctx.enqueue(() => {
      const b = this.resolve() as Box;
      this.ctx.host.book.selection = { sheet: this.sheet.data().name, address: a1(b.top, b.left) };
    });
  }
}

class FakeNote extends Loadable {
  constructor(ctx: Ctx, private sheet: FakeSheetProxy, private address: string) {
    super(ctx);
  }
  load(): this {
    this.capture(() => ({ content: this.sheet.data().notes[this.address] }), () => this.address in this.sheet.data().notes);
    return this;
  }
  get content(): string { return this.get('content'); }
  set content(text: string) {
    this.ctx.enqueue(() => {
      if (!(this.address in this.sheet.data().notes)) throw new FakeError('ItemNotFound', 'note');
      this.sheet.data().notes[this.address] = text;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      if (!(this.address in this.sheet.data().notes)) throw new FakeError('ItemNotFound', 'note');
      delete this.sheet.data().notes[this.address];
    });
  }
}

class FakeSheetProxy extends Loadable {
  protection: { load(): void; readonly protected: boolean };
  notes: { add(cell: FakeRange | string, content: string): void; getItemOrNullObject(address: string): FakeNote };
  constructor(ctx: Ctx, private locate: () => FakeSheet | undefined) {
    super(ctx);
    const self = this;
    let prot: boolean | null = null;
    this.protection = {
      load: () => ctx.enqueue(() => (prot = !!self.data().protected)),
      get protected(): boolean {
        if (prot === null) throw new FakeError('PropertyNotLoaded', 'protection.protected');
        return prot;
      },
    };
    this.notes = {
      add: (cell, content) =>
        ctx.enqueue(() => {
          const addr = typeof cell === 'string' ? cell : cell.topLeft();
          if (self.data().protected) throw new FakeError('AccessDenied', 'The sheet is protected.');
          if (addr in self.data().notes) throw new FakeError('InvalidArgument', 'The cell already has a note.');
          self.data().notes[addr] = content;
        }),
      getItemOrNullObject: (address) => new FakeNote(ctx, self, address),
    };
  }
  data(): FakeSheet {
    const s = this.locate();
    if (!s) throw new FakeError('ItemNotFound', 'The worksheet does not exist.');
    return s;
  }
  usedBox(): Box {
    let box: Box | null = null;
    for (const [addr, cell] of Object.entries(this.data().cells)) {
      if (cell.value === null && !cell.fill && !cell.formula) continue;
      const p = parseBox(addr);
      box = box ? { top: Math.min(box.top, p.top), left: Math.min(box.left, p.left), bottom: Math.max(box.bottom, p.top), right: Math.max(box.right, p.left) } : p;
    }
    return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }
  load(): this {
    this.capture(() => ({ name: this.data().name }), () => this.locate() !== undefined);
    return this;
  }
  get name(): string { return this.get('name'); }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, parseBox(address));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.getRange(`${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`);
  }
  /** Like Excel: the used range, or A1 on a blank sheet. */
  getUsedRange(): FakeRange {
    return new FakeRange(this.ctx, this, null, true);
  }
  activate(): void {
    this.ctx.enqueue(() => (this.ctx.host.book.active = this.data().name));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const book = this.ctx.host.book;
      book.sheets = book.sheets.filter((s) => s !== this.data());
    });
  }
}

class FakeSetting extends Loadable {
  constructor(ctx: Ctx, private key: string) {
    super(ctx);
  }
  load(): this {
    this.capture(() => ({ value: this.ctx.host.book.settings[this.key] }), () => this.key in this.ctx.host.book.settings);
    return this;
  }
  get value(): string { return this.get('value'); }
  delete(): void {
    this.ctx.enqueue(() => {
      if (!(this.key in this.ctx.host.book.settings)) throw new FakeError('ItemNotFound', 'setting');
      delete this.ctx.host.book.settings[this.key];
    });
  }
}

function workbookOf(ctx: Ctx): unknown {
  const book = () => ctx.host.book;
  const sheetProxy = (name: () => string) => new FakeSheetProxy(ctx, () => book().sheets.find((s) => s.name === name()));
  let items: { name: string }[] | null = null;
  return {
    worksheets: {
      getActiveWorksheet: () => {
        let name: string | null = null;
        ctx.enqueue(() => (name = book().active));
        // The active sheet is fixed when the batch runs, as in Office.
        return new FakeSheetProxy(ctx, () => book().sheets.find((s) => s.name === (name ?? book().active)));
      },
      getItem: (name: string) => sheetProxy(() => name),
      getItemOrNullObject: (name: string) => sheetProxy(() => name).load(),
      add: (name: string) => {
        ctx.enqueue(() => book().sheets.push({ name, cells: {}, merges: [], notes: {} }));
        return sheetProxy(() => name);
      },
      load: () => ctx.enqueue(() => (items = book().sheets.map((s) => ({ name: s.name })))),
      get items() {
        if (!items) throw new FakeError('PropertyNotLoaded', 'worksheets.items');
        return items;
      },
    },
    settings: {
      getItemOrNullObject: (key: string) => new FakeSetting(ctx, key),
      add: (key: string, value: string) => ctx.enqueue(() => (book().settings[key] = value)),
    },
  };
}

/** A host over a FakeBook. `versions` is the highest ExcelApi minor version it claims (e.g. 20 for 1.20). */
export function createFakeHost(book: FakeBook, versions = 20): FakeHost {
  const host: FakeHost = {
    book,
    syncs: 0,
    undoGroups: 0,
    supports: (version: string) => Number(version.split('.')[1]) <= versions,
    run: async (batch, options) => {
      if (options?.mergeUndoGroup) host.undoGroups++;
      const ctx = new Ctx(host);
      const context = { workbook: workbookOf(ctx), sync: () => ctx.sync() } as unknown as Excel.RequestContext;
      const result = await batch(context);
      // Excel.run flushes commands still queued: a round trip only when there are any.
      if (ctx.queue.length > 0) await ctx.sync();
      return result;
    },
  };
  return host;
}
