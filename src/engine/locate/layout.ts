import type { SheetView } from '../grid/sheet';
import type { FormModel, IndicatorBlock } from '../model/form';
import type { IndicatorColumnRole } from '../model/roles';
import { type Layout, forcedBlocks } from '../reading/layout';
import type { Block } from './headerCache';
import { totalRow } from './rowCells';

/**
 * The header reader with the user's blocks in place (reading/layout.ts): a listed header row is
 * read with the listed roles; an automatic header next to it (the same header read as two rows)
 * gives way. Rows the layout does not list are read as the checker reads them.
 */
export function withLayout(
  sheet: SheetView,
  at: (r: number) => Block | null,
  layout: Layout,
): (r: number) => Block | null {
  const forced = new Map<number, Block>();
  const labelsAt = (row: number, columns: Partial<Record<string, number>>) =>
    Object.fromEntries(
      Object.entries(columns).map(([role, col]) => [role, sheet.label(row, col as number)]),
    );
  for (const b of forcedBlocks(layout)) {
    const header = { row: b.row, firstRow: b.row, guessed: [], alternatives: {} };
    if (b.kind === 'indicators') {
      const columns = withNames(b.columns, at(b.row));
      forced.set(b.row, {
        kind: 'indicators',
        header: { ...header, labels: labelsAt(b.row, columns), columns },
      });
    } else {
      const labels = labelsAt(b.row, b.columns);
      const columns = { ...b.columns };
      // 年初预算数 alone is the denominator (Guizhou), as when the checker reads the header.
      if (columns.budget === undefined && columns.initialBudget !== undefined) {
        columns.budget = columns.initialBudget;
        delete columns.initialBudget;
      }
      forced.set(b.row, { kind: 'funds', header: { ...header, labels, columns } });
    }
  }
  return (r) => forced.get(r) ?? (forced.has(r - 1) || forced.has(r + 1) ? null : at(r));
}

const LEVELS = ['level1', 'level2', 'level3'] as const;

/**
 * An indicator block listed without a column that names its rows (only 分值 and 得分, say) keeps
 * the naming columns the checker reads in that header row: the user stated the figures, and
 * without names no row of the block could be read.
 */
function withNames(
  columns: Partial<Record<IndicatorColumnRole, number>>,
  auto: Block | null,
): Partial<Record<IndicatorColumnRole, number>> {
  if (LEVELS.some((l) => columns[l] !== undefined) || auto?.kind !== 'indicators') return columns;
  const taken = new Set(Object.values(columns));
  const out = { ...columns };
  for (const l of LEVELS) {
    const c = auto.header.columns[l];
    if (c !== undefined && !taken.has(c)) out[l] = c;
  }
  return out;
}

/** The form as the layout corrects it: the 总分 row it names, and marked as corrected. */
export function corrected(form: FormModel, layout: Layout): FormModel {
  const rows = forcedBlocks(layout).map((b) => b.row);
  const t = layout.totalRow === undefined ? null : layout.totalRow - 1;
  const inForm = (r: number) => r >= form.range.top && r <= form.range.bottom;
  if (!rows.some(inForm) && (t === null || !inForm(t))) return form;
  const block = form.indicators;
  const score = block?.columns.score;
  if (t === null || !inForm(t) || !block || score === undefined)
    return { ...form, corrected: true };
  const { sheet } = form;
  const { weight } = block.columns;
  let label = { row: t, col: score };
  for (let c = sheet.left; c < score; c++) {
    if (sheet.label(t, c) !== '') {
      label = sheet.cell(t, c).ref;
      break;
    }
  }
  const indicators: IndicatorBlock = { ...block, rows: block.rows.filter((r) => r.row < t) };
  return {
    ...form,
    indicators,
    total: totalRow(sheet, t, label, weight === undefined ? null : { row: t, col: weight }, {
      row: t,
      col: score,
    }),
    corrected: true,
  };
}
