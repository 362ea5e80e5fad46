/**
 * An in-memory stand-in for the Excel objects the adapter uses, as strict as Excel on the web:
 * - every command is queued and runs in order at context.sync(); syncs are counted;
 * - load() records the properties asked for, and reading one not loaded (or before the sync) throws;
 * - each sync's request and response are measured as JSON, and a response over 5 MB is refused
 *   with Excel's ResponsePayloadSizeLimitExceeded (a request over 5 MB likewise);
 * - the library can lack an API the host claims (an old office.js under a new Excel);
 * - "No Fill" reads back as white with tintAndShade null or absent and pattern "None";
 * - cells that only carry formatting extend the used range;
 * - merged areas come back as in office-js #1590 (the address names only top-left cells; the
 *   areas' geometry is right) and #3611 (only areas whose top-left lies in the range);
 * - threaded comments exist; notes.add on a multi-cell range throws;
 * - getMergedAreasOrNullObject fails over 512 areas in the range (its documented limit);
 * - a large read can be refused the other ways Excel on the web refuses: GeneralException, a
 *   timeout, or `values` coming back null (FakeOptions.refuseReads);
 * - getUsedRange(true) trims to the cells holding values;
 * - borders (format.borders.getItem, getCellProperties/setCellProperties format.borders) take only
 *   the documented BorderIndex, BorderLineStyle and BorderWeight names and "#RRGGBB" colours; a cell
 *   with no border on a side reads as style "None";
 * - protection: cells are locked unless unlocked; a protected sheet refuses values on locked
 *   cells, and formatting unless the cell is unlocked or the protection allows formatting.
 * Plain data underneath (FakeBook), so it runs in Node tests and in the browser alike.
 */

export interface FakeFill {
  color: string; // "#RRGGBB"
  pattern: string; // "Solid", "Gray50", …
  tintAndShade: number;
}

export type FakeSide = 'top' | 'bottom' | 'left' | 'right';

export interface FakeBorder {
  style: string; // "Continuous", "Dash", …
  color: string; // "#RRGGBB"
  weight: string; // "Thin", …
  tintAndShade?: number;
}

export interface FakeCell {
  /** Each side's border; a side absent has none. */
  borders?: Partial<Record<FakeSide, FakeBorder>>;
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill | null;
  /** Excel's default is locked (true); only matters on a protected sheet. */
  locked?: boolean;
}

/** Worksheet.protection.options the fake honours. */
export interface FakeProtection {
  allowFormatCells?: boolean;
}

export interface FakeSheet {
  name: string;
  cells: Record<string, FakeCell>;
  merges: string[];
  notes: Record<string, string>;
  /** Threaded comments by cell address. */
  comments?: Record<string, string>;
  protected?: boolean;
  protection?: FakeProtection;
}

export interface FakeBook {
  sheets: FakeSheet[];
  active: string;
  settings: Record<string, string>;
  selection: { sheet: string; address: string } | null;
  /** Simulates Excel refusing every request (a cell being edited). */
  editing?: boolean;
  /** workbook.customXmlParts: each part's XML as added (its namespace is its root's). */
  xmlParts?: { id: string; xml: string }[];
}

export type FakeApi = 'notes' | 'comments' | 'mergedAreas' | 'undoGroup';

export interface FakeOptions {
  /** The highest ExcelApi minor version the host claims (20 for 1.20). */
  versions?: number;
  /** APIs the loaded library lacks although the host claims their requirement set. */
  missing?: FakeApi[];
  /** How "No Fill" reads back: tintAndShade null (default) or absent. */
  noFillTint?: 'null' | 'absent';
  /** The response limit in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** getMergedAreasOrNullObject fails over this many areas in the range (Excel: 512). */
  mergeLimit?: number;
  /** A values read of more than `over` cells is refused this way (Excel on the web's other answers). */
  refuseReads?: { over: number; as: 'GeneralException' | 'Timeout' | 'nullValues' } | null;
}

export interface FakeHost {
  run<T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    options?: { mergeUndoGroup?: boolean },
  ): Promise<T>;
  supports(version: string): boolean;
  hasApi(api: FakeApi): boolean;
  book: FakeBook;
  options: Required<FakeOptions>;
  syncs: number;
  /** Excel.run calls made with mergeUndoGroup. */
  undoGroups: number;
  /** The largest request and response of any sync, in bytes of JSON. */
  maxRequestBytes: number;
  maxResponseBytes: number;
}

class FakeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
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
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
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

/** Bytes on the wire: the JSON as UTF-8 (a Chinese character is three). Counted by hand: jsdom has no TextEncoder. */
const bytes = (v: unknown): number => {
  const s = JSON.stringify(v ?? null);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
};

class Ctx {
  queue: Op[] = [];
  /** Bytes of the request being built (written values) and of the response being returned. */
  request = 0;
  response = 0;
  constructor(public host: FakeHost) {}
  enqueue(op: Op, requestBytes = 32): void {
    this.queue.push(op);
    this.request += requestBytes;
  }
  respond(data: unknown): void {
    this.response += bytes(data);
  }
  async sync(): Promise<void> {
    this.host.syncs++;
    const ops = this.queue;
    const request = this.request;
    this.queue = [];
    this.request = 0;
    this.response = 0;
    if (this.host.book.editing)
      throw new FakeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    const limit = this.host.options.payloadLimit;
    this.host.maxRequestBytes = Math.max(this.host.maxRequestBytes, request);
    if (request > limit)
      throw new FakeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${request} bytes).`,
      );
    for (const op of ops) op();
    this.host.maxResponseBytes = Math.max(this.host.maxResponseBytes, this.response);
    // Excel computes the response and then refuses to send it: the batch has run, the reads fail.
    if (this.response > limit)
      throw new FakeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${this.response} bytes).`,
      );
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
      this.loaded = { ...(this.loaded ?? {}), ...(this.nullObject ? {} : read()) };
      this.ctx.respond(this.loaded);
    });
  }
  protected get<T>(key: string): T {
    if (!this.loaded || !(key in this.loaded))
      throw new FakeError(
        'PropertyNotLoaded',
        `The property '${key}' is not available. Load it and call context.sync() first.`,
      );
    return this.loaded[key] as T;
  }
  get isNullObject(): boolean {
    if (this.nullObject === null)
      throw new FakeError('PropertyNotLoaded', 'isNullObject is not available before sync.');
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

const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const LINE_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
];
const WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

function checkBorder(b: { style?: string; color?: string; weight?: string }): void {
  if (b.style !== undefined && !LINE_STYLES.includes(b.style))
    throw new FakeError('InvalidArgument', `bad border style ${b.style}`);
  if (b.weight !== undefined && !WEIGHTS.includes(b.weight))
    throw new FakeError('InvalidArgument', `bad border weight ${b.weight}`);
  if (b.color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(b.color))
    throw new FakeError('InvalidArgument', `bad border color ${b.color}`);
}

/** One side of a cell: style "None" removes it; a colour or weight on no border draws a line. */
function setSide(
  cell: FakeCell,
  side: FakeSide,
  b: { style?: string; color?: string; weight?: string; tintAndShade?: number },
): void {
  checkBorder(b);
  const borders = (cell.borders = cell.borders ?? {});
  if (b.style === 'None') {
    delete borders[side];
    if (Object.keys(borders).length === 0) delete cell.borders;
    return;
  }
  const was = borders[side] ?? { style: 'Continuous', color: '#000000', weight: 'Thin' };
  borders[side] = {
    ...was,
    ...(b.style !== undefined ? { style: b.style } : {}),
    ...(b.color !== undefined ? { color: b.color.toUpperCase() } : {}),
    ...(b.weight !== undefined ? { weight: b.weight } : {}),
    // 0 is every border's tint: stored only when it is another.
    ...(b.tintAndShade !== undefined && b.tintAndShade !== 0
      ? { tintAndShade: b.tintAndShade }
      : {}),
  };
}

const NONE_BORDER = { style: 'None', color: '#000000', weight: 'Thin', tintAndShade: 0 };

/** Range.format.borders.getItem(index): its setters apply to the range's edge (or inside lines). */
class FakeBorders {
  constructor(
    private range: FakeRange,
    private box: () => Box,
  ) {}
  getItem(index: string): { style: string; color: string; weight: string } {
    if (!BORDER_INDEX.includes(index))
      throw new FakeError('InvalidArgument', `bad BorderIndex ${index}`);
    const range = this.range;
    const box = this.box;
    const apply = (b: { style?: string; color?: string; weight?: string }) => {
      checkBorder(b);
      range.writeAt((cell, r, c) => {
        const x = box();
        if (index === 'EdgeTop' && r === x.top) setSide(cell, 'top', b);
        if (index === 'EdgeBottom' && r === x.bottom) setSide(cell, 'bottom', b);
        if (index === 'EdgeLeft' && c === x.left) setSide(cell, 'left', b);
        if (index === 'EdgeRight' && c === x.right) setSide(cell, 'right', b);
        if (index === 'InsideHorizontal' && r > x.top) setSide(cell, 'top', b);
        if (index === 'InsideVertical' && c > x.left) setSide(cell, 'left', b);
      });
    };
    return {
      set style(v: string) {
        apply({ style: v });
      },
      set color(v: string) {
        apply({ color: v });
      },
      set weight(v: string) {
        apply({ weight: v });
      },
      get style(): string {
        throw new FakeError('PropertyNotLoaded', 'border.style');
      },
      get color(): string {
        throw new FakeError('PropertyNotLoaded', 'border.color');
      },
      get weight(): string {
        throw new FakeError('PropertyNotLoaded', 'border.weight');
      },
    };
  }
}

class FakeFont {
  constructor(private range: FakeRange) {}
  set bold(_b: boolean) {
    this.range.write(() => undefined);
  }
}

class FakeRange extends Loadable {
  format: { fill: FakeFillProxy; font: FakeFont; borders: FakeBorders };
  constructor(
    ctx: Ctx,
    private sheet: FakeSheetProxy,
    private box: Box | null,
    private usedOnly = false,
    private valuesOnly = false,
  ) {
    super(ctx);
    this.format = {
      fill: new FakeFillProxy(this),
      font: new FakeFont(this),
      borders: new FakeBorders(this, () => this.resolve() as Box),
    };
  }
  topLeft(): string {
    const b = this.resolve() as Box;
    return a1(b.top, b.left);
  }
  topLeftAddress(): string {
    const b = this.resolve() as Box;
    return `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
  }
  private resolve(): Box | null {
    return this.usedOnly ? this.sheet.usedBox(this.valuesOnly) : this.box;
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
  /** A format write that needs each cell's row and column. */
  writeAt(f: (cell: FakeCell, r: number, c: number) => void): void {
    this.write((cell, address) => {
      const p = parseBox(address);
      f(cell, p.top, p.left);
    });
  }
  write(
    f: (cell: FakeCell, address: string) => void,
    requestBytes = 48,
    kind: 'value' | 'format' = 'format',
  ): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheet.data();
      const b = this.resolve() as Box;
      if (sheet.protected) {
        // As Excel: a protected sheet takes values in unlocked cells only, and formatting in
        // unlocked cells or anywhere when its protection allows formatting cells.
        const formatAll = kind === 'format' && !!sheet.protection?.allowFormatCells;
        for (let r = b.top; r <= b.bottom && !formatAll; r++)
          for (let c = b.left; c <= b.right; c++)
            if (sheet.cells[a1(r, c)]?.locked !== false)
              throw new FakeError('AccessDenied', 'The cell or chart is protected.');
      }
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) {
          const addr = a1(r, c);
          const cells = sheet.cells;
          cells[addr] = cells[addr] ?? { value: null };
          f(cells[addr], addr);
        }
    }, requestBytes);
  }
  /** Loads only what is asked for, as Office.js does: reading anything else throws. */
  load(props?: string | string[]): this {
    const wanted = new Set(
      typeof props === 'string' ? props.split(',').map((p) => p.trim()) : (props ?? []),
    );
    this.capture(
      () => {
        const b = this.resolve() as Box;
        const all: Record<string, () => unknown> = {
          address: () => boxAddress(this.sheet.data().name, b),
          rowIndex: () => b.top,
          columnIndex: () => b.left,
          rowCount: () => b.bottom - b.top + 1,
          columnCount: () => b.right - b.left + 1,
          values: () => {
            const refuse = this.ctx.host.options.refuseReads;
            const n = (b.bottom - b.top + 1) * (b.right - b.left + 1);
            if (refuse && n > refuse.over) {
              if (refuse.as === 'nullValues') return null;
              throw new FakeError(
                refuse.as === 'Timeout' ? 'Timeout' : 'GeneralException',
                refuse.as === 'Timeout'
                  ? 'The operation has timed out.'
                  : 'There was an internal error while processing the request.',
              );
            }
            return this.cells((cell) => (cell?.value ?? '') as unknown);
          },
          numberFormat: () => this.cells((cell) => cell?.numberFormat ?? 'General'),
          text: () => this.cells((cell) => displayText(cell)),
          formulas: () => this.cells((cell) => cell?.formula ?? cell?.value ?? ''),
        };
        const out: Record<string, unknown> = {};
        for (const [k, get] of Object.entries(all))
          if (wanted.size === 0 || wanted.has(k)) out[k] = get();
        return out;
      },
      () => this.resolve() !== null,
    );
    return this;
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write(
      (cell, addr) => {
        const b = this.resolve() as Box;
        const { top, left } = b;
        const p = parseBox(addr);
        cell.value = v[p.top - top][p.left - left] as FakeCell['value'];
        delete cell.formula;
      },
      bytes(v),
      'value',
    );
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write(
      (cell, addr) => {
        const b = this.resolve() as Box;
        const p = parseBox(addr);
        cell.numberFormat = String(v[p.top - b.top][p.left - b.left]);
      },
      bytes(v),
      'value',
    );
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  getCellProperties(_spec: unknown): { value: Excel.CellProperties[][] } {
    const result: { value: Excel.CellProperties[][] } = { value: [] };
    let ready = false;
    const absent = this.ctx.host.options.noFillTint === 'absent';
    this.ctx.enqueue(() => {
      ready = true;
      result.value = this.cells((cell) => {
        const f = cell?.fill;
        // Office reads "No Fill" as white: only tintAndShade (null, or absent) tells them apart.
        const none = {
          color: '#FFFFFF',
          pattern: 'None' as Excel.FillPattern,
          patternColor: '#000000',
          patternTintAndShade: 0,
          ...(absent ? {} : { tintAndShade: null as unknown as number }),
        };
        const side = (k: FakeSide) => ({ ...NONE_BORDER, ...(cell?.borders?.[k] ?? {}) });
        return {
          format: {
            borders: {
              top: side('top'),
              bottom: side('bottom'),
              left: side('left'),
              right: side('right'),
            } as Excel.CellBorderCollection,
            protection: { locked: cell?.locked !== false },
            fill: f
              ? {
                  color: f.color,
                  pattern: f.pattern as Excel.FillPattern,
                  tintAndShade: f.tintAndShade,
                  patternColor: '#000000',
                  patternTintAndShade: 0,
                }
              : none,
          },
        };
      });
      this.ctx.respond(result.value);
    });
    return new Proxy(result, {
      get: (t, k) => {
        if (k === 'value' && !ready)
          throw new FakeError('PropertyNotLoaded', 'ClientResult.value before sync');
        return (t as Record<string | symbol, unknown>)[k];
      },
    });
  }
  setCellProperties(props: Excel.SettableCellProperties[][]): void {
    const b = this.resolve() as Box;
    if (
      props.length !== b.bottom - b.top + 1 ||
      props.some((r) => r.length !== b.right - b.left + 1)
    )
      throw new FakeError(
        'InvalidArgument',
        'setCellProperties: the array does not match the range.',
      );
    for (const row of props)
      for (const p of row)
        for (const side of Object.values(p.format?.borders ?? {}))
          checkBorder(side as { style?: string; color?: string; weight?: string });
    this.write((cell, address) => {
      const at = parseBox(address);
      const borders = props[at.top - b.top][at.left - b.left].format?.borders ?? {};
      for (const side of ['top', 'bottom', 'left', 'right'] as FakeSide[]) {
        const given = borders[side];
        if (given) setSide(cell, side, given as Parameters<typeof setSide>[2]);
      }
      const f = props[0][0].format?.fill;
      if (f)
        cell.fill = {
          color: (f.color ?? '#FFFFFF').toUpperCase(),
          pattern: f.pattern ?? 'Solid',
          tintAndShade: f.tintAndShade ?? 0,
        };
    });
  }
  /**
   * As Excel does it: only areas whose top-left cell lies in the range (office-js #3611); their
   * `address` names only those top-left cells (#1590); `areas.items` carry the real geometry.
   */
  getMergedAreasOrNullObject(): {
    isNullObject: boolean;
    address: string;
    areas: {
      load(props?: unknown): void;
      items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[];
    };
    load(props?: unknown): unknown;
  } {
    const sheet = this.sheet;
    const range = this;
    const ctx = this.ctx;
    const inside = (): Box[] => {
      const b = range.resolve();
      return sheet
        .data()
        .merges.map(parseBox)
        .filter(
          (m) => b && m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right,
        );
    };
    let state: { isNull: boolean; address?: string; items?: Box[] } | null = null;
    const need = (key: 'address' | 'items'): NonNullable<typeof state> => {
      if (
        !state ||
        ((key !== 'address' || state.address === undefined) &&
          (key !== 'items' || state.items === undefined))
      )
        throw new FakeError('PropertyNotLoaded', `mergedAreas.${key}`);
      return state;
    };
    const queue = (key: 'address' | 'items') =>
      ctx.enqueue(() => {
        const found = inside();
        // "If the merged areas count in this range is more than 512, this method will fail."
        if (found.length > ctx.host.options.mergeLimit)
          throw new FakeError(
            'InvalidOperation',
            `The merged areas count in this range (${found.length}) is more than 512.`,
          );
        state = { ...(state ?? {}), isNull: found.length === 0 };
        if (key === 'address')
          state.address = found
            .map((m) =>
              boxAddress(sheet.data().name, {
                top: m.top,
                left: m.left,
                bottom: m.top,
                right: m.left,
              }),
            )
            .join(',');
        else state.items = found;
        ctx.respond(key === 'address' ? state.address : found);
      });
    return {
      get isNullObject() {
        if (!state)
          throw new FakeError('PropertyNotLoaded', 'isNullObject is not available before sync.');
        return state.isNull;
      },
      get address() {
        return need('address').address as string;
      },
      areas: {
        load: () => queue('items'),
        get items() {
          return (need('items').items as Box[]).map((m) => ({
            rowIndex: m.top,
            columnIndex: m.left,
            rowCount: m.bottom - m.top + 1,
            columnCount: m.right - m.left + 1,
          }));
        },
      },
      load: () => queue('address'),
    };
  }
  /** Range.clear(): contents and formats of its cells go. */
  clear(): void {
    this.ctx.enqueue(() => {
      const b = this.resolve() as Box;
      const cells = this.sheet.data().cells;
      for (const addr of Object.keys(cells)) {
        const p = parseBox(addr);
        if (p.top >= b.top && p.top <= b.bottom && p.left >= b.left && p.left <= b.right)
          delete cells[addr];
      }
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const b = this.resolve() as Box;
      this.ctx.host.book.selection = { sheet: this.sheet.data().name, address: a1(b.top, b.left) };
    });
  }
}

class FakeNote extends Loadable {
  constructor(
    ctx: Ctx,
    private sheet: FakeSheetProxy,
    private address: string,
  ) {
    super(ctx);
  }
  load(): this {
    this.capture(
      () => ({ content: this.sheet.data().notes[this.address] }),
      () => this.address in this.sheet.data().notes,
    );
    return this;
  }
  get content(): string {
    return this.get('content');
  }
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

class FakeComment {
  constructor(
    private ctx: Ctx,
    private sheet: FakeSheetProxy,
    private address: string,
  ) {}
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, parseBox(this.address));
  }
}

class FakeSheetProxy extends Loadable {
  protection: {
    load(props?: unknown): void;
    readonly protected: boolean;
    readonly options: { allowFormatCells: boolean };
  };
  notes:
    | {
        add(cell: FakeRange | string, content: string): void;
        getItem(address: string): FakeNote;
        getItemOrNullObject(address: string): FakeNote;
      }
    | undefined;
  comments: { load(props?: unknown): unknown; readonly items: FakeComment[] };
  constructor(
    ctx: Ctx,
    private locate: () => FakeSheet | undefined,
  ) {
    super(ctx);
    const self = this;
    let prot: boolean | null = null;
    let options: { allowFormatCells: boolean } | null = null;
    this.protection = {
      load: () =>
        ctx.enqueue(() => {
          prot = !!self.data().protected;
          options = { allowFormatCells: !!self.data().protection?.allowFormatCells };
        }),
      get protected(): boolean {
        if (prot === null) throw new FakeError('PropertyNotLoaded', 'protection.protected');
        return prot;
      },
      get options(): { allowFormatCells: boolean } {
        if (options === null) throw new FakeError('PropertyNotLoaded', 'protection.options');
        return options;
      },
    };
    // An old office.js has no Worksheet.notes at all, whatever the host claims.
    this.notes = ctx.host.hasApi('notes')
      ? {
          add: (cell, content) =>
            ctx.enqueue(() => {
              if (typeof cell !== 'string') {
                const b = parseBox(cell.topLeftAddress());
                if (b.bottom !== b.top || b.right !== b.left)
                  throw new FakeError(
                    'InvalidArgument',
                    'A note can only be added to a single cell.',
                  );
              }
              const addr = typeof cell === 'string' ? cell : cell.topLeft();
              if (self.data().protected)
                throw new FakeError('AccessDenied', 'The sheet is protected.');
              if (addr in self.data().notes)
                throw new FakeError('InvalidArgument', 'The cell already has a note.');
              self.data().notes[addr] = content;
            }, bytes(content)),
          getItem: (address) => new FakeNote(ctx, self, address),
          getItemOrNullObject: (address) => new FakeNote(ctx, self, address),
        }
      : undefined;
    let commentItems: FakeComment[] | null = null;
    this.comments = {
      load() {
        ctx.enqueue(() => {
          commentItems = Object.keys(self.data().comments ?? {}).map(
            (a) => new FakeComment(ctx, self, a),
          );
          ctx.respond(commentItems.length);
        });
        return this;
      },
      get items(): FakeComment[] {
        if (!commentItems) throw new FakeError('PropertyNotLoaded', 'comments.items');
        return commentItems;
      },
    };
  }
  data(): FakeSheet {
    const s = this.locate();
    if (!s) throw new FakeError('ItemNotFound', 'The worksheet does not exist.');
    return s;
  }
  usedBox(valuesOnly = false): Box {
    let box: Box | null = null;
    for (const [addr, cell] of Object.entries(this.data().cells)) {
      // Excel counts a cell that only carries formatting (a fill, a number format) as used,
      // unless asked for the cells with values only (getUsedRange(true)).
      const formatted =
        !valuesOnly &&
        (!!cell.fill ||
          !!cell.borders ||
          (cell.numberFormat !== undefined && cell.numberFormat !== 'General'));
      if (cell.value === null && !formatted && !cell.formula) continue;
      const p = parseBox(addr);
      box = box
        ? {
            top: Math.min(box.top, p.top),
            left: Math.min(box.left, p.left),
            bottom: Math.max(box.bottom, p.top),
            right: Math.max(box.right, p.left),
          }
        : p;
    }
    return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }
  load(): this {
    this.capture(
      () => ({ name: this.data().name }),
      () => this.locate() !== undefined,
    );
    return this;
  }
  get name(): string {
    return this.get('name');
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, parseBox(address));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.getRange(`${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`);
  }
  /** Like Excel: the used range, or A1 on a blank sheet. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, null, true, valuesOnly);
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
  constructor(
    ctx: Ctx,
    private key: string,
  ) {
    super(ctx);
  }
  load(): this {
    this.capture(
      () => ({ value: this.ctx.host.book.settings[this.key] }),
      () => this.key in this.ctx.host.book.settings,
    );
    return this;
  }
  get value(): string {
    return this.get('value');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      if (!(this.key in this.ctx.host.book.settings))
        throw new FakeError('ItemNotFound', 'setting');
      delete this.ctx.host.book.settings[this.key];
    });
  }
}

let partSeq = 0;

/** The namespace of an XML document's root element. */
function xmlNamespace(xml: string): string | null {
  const root = /<(?!\?)(?!!)([\w.:-]+)([^>]*)>/.exec(xml);
  if (!root) return null;
  const prefix = root[1].includes(':') ? root[1].split(':')[0] : null;
  const re = prefix ? new RegExp(`xmlns:${prefix}=["']([^"']*)["']`) : /xmlns=["']([^"']*)["']/;
  return re.exec(root[2])?.[1] ?? null;
}

function workbookOf(ctx: Ctx): unknown {
  const book = () => ctx.host.book;
  const sheetProxy = (name: () => string) =>
    new FakeSheetProxy(ctx, () => book().sheets.find((s) => s.name === name()));
  let items: { name: string }[] | null = null;
  return {
    worksheets: {
      getActiveWorksheet: () => {
        let name: string | null = null;
        ctx.enqueue(() => (name = book().active));
        // The active sheet is fixed when the batch runs, as in Office.
        return new FakeSheetProxy(ctx, () =>
          book().sheets.find((s) => s.name === (name ?? book().active)),
        );
      },
      getItem: (name: string) => sheetProxy(() => name),
      getItemOrNullObject: (name: string) => sheetProxy(() => name).load(),
      add: (name: string) => {
        ctx.enqueue(() => {
          if (book().sheets.some((s) => s.name === name))
            throw new FakeError('ItemAlreadyExists', 'A worksheet with that name already exists.');
          book().sheets.push({ name, cells: {}, merges: [], notes: {} });
        });
        return sheetProxy(() => name);
      },
      load: () => ctx.enqueue(() => (items = book().sheets.map((s) => ({ name: s.name })))),
      get items() {
        if (!items) throw new FakeError('PropertyNotLoaded', 'worksheets.items');
        return items;
      },
    },
    customXmlParts: {
      getByNamespace: (ns: string) => {
        let items: unknown[] | null = null;
        const scoped = {
          load: () => {
            ctx.enqueue(() => {
              items = (book().xmlParts ?? [])
                .filter((p) => xmlNamespace(p.xml) === ns)
                .map((p) => ({
                  id: p.id,
                  getXml: () => {
                    let value: string | null = null;
                    ctx.enqueue(() => {
                      value = (book().xmlParts ?? []).find((q) => q.id === p.id)?.xml ?? '';
                      ctx.respond(value);
                    });
                    return {
                      get value(): string {
                        if (value === null) throw new FakeError('PropertyNotLoaded', 'value');
                        return value;
                      },
                    };
                  },
                  delete: () =>
                    ctx.enqueue(() => {
                      book().xmlParts = (book().xmlParts ?? []).filter((q) => q.id !== p.id);
                    }),
                }));
              ctx.respond(items.length);
            });
            return scoped;
          },
          get items() {
            if (!items) throw new FakeError('PropertyNotLoaded', 'customXmlParts.items');
            return items;
          },
        };
        return scoped;
      },
      add: (xml: string) => {
        ctx.enqueue(() => {
          if (!xmlNamespace(xml))
            throw new FakeError('InvalidArgument', 'The XML has no namespace.');
          const parts = (book().xmlParts = book().xmlParts ?? []);
          parts.push({ id: `{part-${++partSeq}}`, xml });
        }, bytes(xml));
        return {};
      },
    },
    settings: {
      getItem: (key: string) => new FakeSetting(ctx, key),
      getItemOrNullObject: (key: string) => new FakeSetting(ctx, key),
      add: (key: string, value: string) =>
        ctx.enqueue(() => (book().settings[key] = value), bytes(value)),
    },
  };
}

/** A host over a FakeBook; a number as options is the highest ExcelApi minor version it claims. */
export function createFakeHost(book: FakeBook, opts: number | FakeOptions = {}): FakeHost {
  const o = typeof opts === 'number' ? { versions: opts } : opts;
  const options: Required<FakeOptions> = {
    versions: o.versions ?? 20,
    missing: o.missing ?? [],
    noFillTint: o.noFillTint ?? 'null',
    payloadLimit: o.payloadLimit ?? 5 * 1024 * 1024,
    mergeLimit: o.mergeLimit ?? 512,
    refuseReads: o.refuseReads ?? null,
  };
  const host: FakeHost = {
    book,
    options,
    syncs: 0,
    undoGroups: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    supports: (version: string) => Number(version.split('.')[1]) <= options.versions,
    hasApi: (api) => !options.missing.includes(api),
    run: async (batch, runOptions) => {
      if (runOptions?.mergeUndoGroup) host.undoGroups++;
      const ctx = new Ctx(host);
      const context = {
        workbook: workbookOf(ctx),
        sync: () => ctx.sync(),
      } as unknown as Excel.RequestContext;
      const result = await batch(context);
      // Excel.run flushes commands still queued: a round trip only when there are any.
      if (ctx.queue.length > 0) await ctx.sync();
      return result;
    },
  };
  return host;
}
