import type { AmountCell } from '../model/cells';
import type { AmountRole, FundsBlock, FundsGroup, FundsRow } from '../model/form';
import { AMOUNT_ROLES } from '../model/form';
import { type Dec, sum } from '../values/decimal';

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

/** The row's cell in an amount column the block has: the locator reads every such cell. */
export function amountIn(row: FundsRow, role: AmountRole): AmountCell {
  const cell = row.cells[role];
  if (!cell) throw new Error(`资金行 ${row.row + 1} 缺少 ${role} 单元格`);
  return cell;
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

function firstRowOf(group: FundsGroup): number {
  return Math.min(...[group.total, ...group.parts].flatMap((r) => (r ? [r.row] : [])));
}

/**
 * The group each row that could not be placed stands in (the last group starting above it): its
 * sums are not checked, since the row may belong to them (RULES §1.3: never left out of a sum).
 */
export function groupsWithUnplaced(funds: FundsBlock): Map<FundsGroup, number[]> {
  const out = new Map<FundsGroup, number[]>();
  for (const cell of funds.unplaced) {
    let at: FundsGroup | null = null;
    for (const g of funds.groups) if (firstRowOf(g) < cell.ref.row) at = g;
    if (at) out.set(at, [...(out.get(at) ?? []), cell.ref.row]);
  }
  return out;
}

/** Every sum the block's totals must satisfy, for every amount column it has. */
export function sumChecks(funds: FundsBlock): SumCheck[] {
  const out: SumCheck[] = [];
  const uncertain = groupsWithUnplaced(funds);
  for (const role of AMOUNT_ROLES) {
    if (funds.columns[role] === undefined) continue;
    for (const group of funds.groups) {
      if (uncertain.has(group)) continue;
      const pairs: [FundsRow | null, FundsRow[]][] = [
        [group.total, group.parts],
        [group.basic, breakdownOf(group)],
      ];
      for (const [total, rows] of pairs) {
        if (!total || rows.length === 0) continue;
        const parts = rows.map((row) => ({ row, cell: amountIn(row, role) }));
        out.push({
          group,
          role,
          total,
          totalCell: amountIn(total, role),
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
export function effectiveAmount(funds: FundsBlock, row: FundsRow, role: AmountRole): Dec | null {
  const cell = row.cells[role];
  if (!cell) return null;
  const stated = cell.parsed;
  if (stated.kind === 'value') return stated.value;
  for (const group of funds.groups) {
    const parts =
      group.total === row ? group.parts : group.basic === row ? breakdownOf(group) : null;
    if (!parts || parts.length === 0) continue;
    const values = parts
      .map((p) => effectiveAmount(funds, p, role))
      .filter((v): v is Dec => v !== null);
    return values.length ? sum(values) : null;
  }
  return null;
}

/** The group's total as it should be: its parts' sum where they are filled, else what it states. */
export function groupAmount(funds: FundsBlock, group: FundsGroup, role: AmountRole): Dec | null {
  const values = group.parts
    .map((p) => effectiveAmount(funds, p, role))
    .filter((v): v is Dec => v !== null);
  if (values.length) return sum(values);
  return group.total ? effectiveAmount(funds, group.total, role) : null;
}

/**
 * The 合计 rows of 资金来源 and 资金结构 when the two disagree in some column: which one is wrong
 * is not known (docs/rules.md#r-4a), so nothing computed from either is offered as a fix.
 */
export function disputedTotals(funds: FundsBlock, tolerance: Dec): Set<number> {
  const sources = funds.groups.find((g) => g.kind === 'sources');
  const structure = funds.groups.find((g) => g.kind === 'structure');
  const out = new Set<number>();
  if (!sources || !structure) return out;
  for (const role of AMOUNT_ROLES) {
    if (funds.columns[role] === undefined) continue;
    const a = groupAmount(funds, sources, role);
    const b = groupAmount(funds, structure, role);
    if (!a || !b || a.minus(b).abs().lessThanOrEqualTo(tolerance)) continue;
    for (const g of [sources, structure]) if (g.total) out.add(g.total.row);
  }
  return out;
}
