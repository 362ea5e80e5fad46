import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import type { AmountRole, FundsBlock, FundsGroup, FundsRow } from '../model/form';
import { AMOUNT_ROLES } from '../model/form';
import { type Parsed, parseAmount } from '../values/amount';
import { type Dec, sum } from '../values/decimal';

export interface AmountCell {
  ref: CellRef;
  parsed: Parsed<Dec>;
  /** A formula whose result the file does not carry: its value is unknown, not blank. */
  uncomputed: boolean;
}

/** One total (合计 or 基本支出) in one amount column, with the cells that must add up to it. */
export interface SumCheck {
  group: FundsGroup;
  role: AmountRole;
  total: FundsRow;
  totalCell: AmountCell;
  parts: { row: FundsRow; cell: AmountCell }[];
  /** Sum of the parts that hold a number; null when none does. */
  partsSum: Dec | null;
}

export function amountCell(sheet: SheetView, row: number, col: number): AmountCell {
  const cell = sheet.cell(row, col);
  const parsed = parseAmount(cell.raw);
  return { ref: cell.ref, parsed, uncomputed: parsed.kind === 'blank' && cell.formula !== null };
}

function sumOf(parts: { cell: AmountCell }[]): Dec | null {
  const values = parts.flatMap((p) =>
    p.cell.parsed.kind === 'value' ? [p.cell.parsed.value] : [],
  );
  return values.length ? sum(values) : null;
}

/**
 * 基本支出's breakdown, when it is one: 基本支出 = 人员支出 + 公用支出 holds only with both lines
 * there; a single 其中 line (其中：公用经费) is one part of 基本支出, never the whole (docs/rules.md#r-2-6).
 */
function breakdownOf(group: FundsGroup): FundsRow[] {
  return group.basicParts.length >= 2 ? group.basicParts : [];
}

/** Every sum the block's totals must satisfy, for every amount column it has. */
export function sumChecks(sheet: SheetView, funds: FundsBlock): SumCheck[] {
  const out: SumCheck[] = [];
  for (const role of AMOUNT_ROLES) {
    const col = funds.columns[role];
    if (col === undefined) continue;
    for (const group of funds.groups) {
      const pairs: [FundsRow | null, FundsRow[]][] = [
        [group.total, group.parts],
        [group.basic, breakdownOf(group)],
      ];
      for (const [total, rows] of pairs) {
        if (!total || rows.length === 0) continue;
        const parts = rows.map((row) => ({ row, cell: amountCell(sheet, row.row, col) }));
        out.push({
          group,
          role,
          total,
          totalCell: amountCell(sheet, total.row, col),
          parts,
          partsSum: sumOf(parts),
        });
      }
    }
  }
  return out;
}

/**
 * An amount as it should be: the stated number, or for a blank total the sum of its parts
 * (nested: a blank 基本支出 inside a blank 合计 is summed from 人员/公用支出).
 */
export function effectiveAmount(
  sheet: SheetView,
  funds: FundsBlock,
  row: FundsRow,
  role: AmountRole,
): Dec | null {
  const col = funds.columns[role];
  if (col === undefined) return null;
  const stated = parseAmount(sheet.cell(row.row, col).raw);
  if (stated.kind === 'value') return stated.value;
  for (const group of funds.groups) {
    const parts =
      group.total === row ? group.parts : group.basic === row ? breakdownOf(group) : null;
    if (!parts || parts.length === 0) continue;
    const values = parts
      .map((p) => effectiveAmount(sheet, funds, p, role))
      .filter((v): v is Dec => v !== null);
    return values.length ? sum(values) : null;
  }
  return null;
}

/** The group's total as it should be: its parts' sum where they are filled, else what it states. */
export function groupAmount(
  sheet: SheetView,
  funds: FundsBlock,
  group: FundsGroup,
  role: AmountRole,
): Dec | null {
  const values = group.parts
    .map((p) => effectiveAmount(sheet, funds, p, role))
    .filter((v): v is Dec => v !== null);
  if (values.length) return sum(values);
  return group.total ? effectiveAmount(sheet, funds, group.total, role) : null;
}

/**
 * The 合计 rows of 资金来源 and 资金结构 when the two disagree in some column: which one is wrong
 * is not known (docs/rules.md#r-4a), so nothing computed from either is offered as a fix.
 */
export function disputedTotals(sheet: SheetView, funds: FundsBlock, tolerance: Dec): Set<number> {
  const sources = funds.groups.find((g) => g.kind === 'sources');
  const structure = funds.groups.find((g) => g.kind === 'structure');
  const out = new Set<number>();
  if (!sources || !structure) return out;
  for (const role of AMOUNT_ROLES) {
    if (funds.columns[role] === undefined) continue;
    const a = groupAmount(sheet, funds, sources, role);
    const b = groupAmount(sheet, funds, structure, role);
    if (!a || !b || a.minus(b).abs().lessThanOrEqualTo(tolerance)) continue;
    for (const g of [sources, structure]) if (g.total) out.add(g.total.row);
  }
  return out;
}
