import type { SheetView } from '../grid/sheet';
import type { FundsBlock, FundsGroup, FundsRow, FundsRowKind } from '../model/form';
import { AMOUNT_ROLES } from '../model/form';
import { parseAmount } from '../values/amount';
import { displayText } from '../values/text';
import { endsFundsBlock, fundsGroupHint, fundsHeaderRole, fundsRowKind } from './labels';
import { headerColumns } from './scan';

/** The header row of the 整体资金 / 项目资金 block: one with a 预算数 and an 执行数 column. */
export function findFundsHeader(sheet: SheetView, fromRow: number, toRow: number): number | null {
  for (let r = fromRow; r <= toRow; r++) {
    const cols = headerColumns(sheet, r, fundsHeaderRole);
    if (cols.budget !== undefined && cols.exec !== undefined) return r;
  }
  return null;
}

interface RowLabel {
  label: string;
  kind: FundsRowKind | null;
  col: number;
  hint: 'sources' | 'structure' | null;
}

/** The rightmost recognisable label left of the amounts, and any 资金来源 / 资金结构 hint. */
function readRowLabel(sheet: SheetView, row: number, firstAmountCol: number): RowLabel {
  let hint: RowLabel['hint'] = null;
  let found: RowLabel | null = null;
  let fallback: RowLabel | null = null;
  for (let c = firstAmountCol - 1; c >= sheet.left; c--) {
    const label = sheet.label(row, c);
    if (label === '') continue;
    const kind: FundsRowKind | null = found ? null : fundsRowKind(label);
    if (kind) found = { label, kind, col: c, hint: null };
    else hint = hint ?? fundsGroupHint(label);
    fallback = fallback ?? { label, kind: null, col: c, hint: null };
  }
  const best = found ?? fallback ?? { label: '', kind: null, col: firstAmountCol - 1, hint: null };
  return { ...best, hint };
}

function hasAmount(sheet: SheetView, row: number, cols: number[]): boolean {
  return cols.some((c) => parseAmount(sheet.valueAt(row, c)).kind === 'value');
}

function isTextBlock(sheet: SheetView, row: number, cols: number[]): boolean {
  return cols.some((c) => parseAmount(sheet.valueAt(row, c)).kind === 'text');
}

export function readFundsBlock(sheet: SheetView, headerRow: number, stopRow: number): FundsBlock {
  const columns = headerColumns(sheet, headerRow, fundsHeaderRole);
  const amountCols = AMOUNT_ROLES.map((r) => columns[r]).filter((c): c is number => c !== undefined);
  const firstAmountCol = Math.min(...amountCols);
  const rows: FundsRow[] = [];
  const hints = new Map<number, 'sources' | 'structure'>();
  let blanks = 0;
  for (let r = headerRow + 1; r <= stopRow; r++) {
    const { label, kind, col, hint } = readRowLabel(sheet, r, firstAmountCol);
    if (label === '' && !hasAmount(sheet, r, amountCols)) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    // The caller stops the block above the indicator header; a section label also ends it.
    if (endsFundsBlock(label)) break;
    if (!kind) {
      // An unknown line with words where the amounts go is the next section, not money.
      if (isTextBlock(sheet, r, amountCols)) break;
      continue;
    }
    const labelCell = sheet.cell(r, col);
    rows.push({ row: r, label, display: displayText(labelCell.raw), labelCell: labelCell.ref, kind });
    if (hint) hints.set(r, hint);
  }
  return { headerRow, columns, rows, groups: groupRows(rows, hints) };
}

/**
 * Splits the rows into 资金来源 and 资金结构 groups. A 合计 opens a group; the parts that follow
 * decide what it is, unless the left column says so (资金来源 / 资金结构).
 */
function groupRows(rows: FundsRow[], hints: Map<number, 'sources' | 'structure'>): FundsGroup[] {
  const groups: FundsGroup[] = [];
  let current: FundsGroup | null = null;
  let kindKnown = false;
  const open = (total: FundsRow | null, kind: FundsGroup['kind'], known: boolean): FundsGroup => {
    const g: FundsGroup = { kind, total, parts: [], basic: null, basicParts: [] };
    groups.push(g);
    kindKnown = known;
    return g;
  };
  for (const row of rows) {
    const hint = hints.get(row.row) ?? null;
    if (row.kind === 'total') {
      current = open(row, hint ?? 'sources', hint !== null);
      continue;
    }
    const wants: FundsGroup['kind'] = row.kind === 'source' ? 'sources' : row.kind === 'component' ? current?.kind ?? 'sources' : 'structure';
    if (!current || (kindKnown && current.kind !== wants && row.kind !== 'component')) {
      current = open(null, hint ?? wants, true);
    } else if (!kindKnown) {
      current.kind = hint ?? wants;
      kindKnown = true;
    }
    if (row.kind === 'basicSub') {
      if (current.basic) current.basicParts.push(row);
      continue;
    }
    if (row.kind === 'basic') current.basic = row;
    current.parts.push(row);
  }
  for (const g of groups) g.parts = numberedPartsOnly(g.parts);
  return groups;
}

/**
 * When a group numbers its parts (（1）财政拨款, （2）其他资金), an un-numbered line among them is a
 * breakdown of the line above (其中：一般公共预算), not another part: counting it would add it twice.
 */
function numberedPartsOnly(parts: FundsRow[]): FundsRow[] {
  const numbered = parts.filter((p) => NUMBERED.test(p.label));
  return numbered.length >= 2 ? numbered : parts;
}

const NUMBERED = /^(?:\(\d+\)|\d+[.、)]|[一二三四五六七八九十]+[、.)]|\([一二三四五六七八九十]+\))/;
