import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import type { IndicatorBlock, IndicatorColumnRole, IndicatorRow, TotalRow } from '../model/form';
import { parseAmount } from '../values/amount';
import { displayText, labelText } from '../values/text';
import { indicatorHeaderRole, isSubtotalLabel, isTotalLabel } from './labels';
import { headerColumns } from './scan';

type Columns = Partial<Record<IndicatorColumnRole, number>>;

function isIndicatorHeader(cols: Columns): cols is Columns & { weight: number; score: number } {
  if (cols.weight === undefined || cols.score === undefined) return false;
  const named = [cols.level1, cols.level2, cols.level3].filter((c) => c !== undefined).length;
  return named >= 1 && (cols.target !== undefined || cols.actual !== undefined || named >= 2);
}

export function findIndicatorHeader(sheet: SheetView, fromRow: number, toRow: number): number | null {
  for (let r = fromRow; r <= toRow; r++) {
    if (isIndicatorHeader(headerColumns(sheet, r, indicatorHeaderRole))) return r;
  }
  return null;
}

/** The total row's label, if this row is one: a 总分/合计 cell left of the 分值 column. */
function totalLabelCell(sheet: SheetView, row: number, weightCol: number): CellRef | null {
  for (let c = sheet.left; c < weightCol; c++) {
    if (isTotalLabel(sheet.label(row, c))) return sheet.cell(row, c).ref;
  }
  return null;
}

/** Where the total's 分值 and 得分 sit: their columns, or the first two numbers right of the label. */
function totalCells(sheet: SheetView, row: number, label: CellRef, cols: { weight: number; score: number }): TotalRow {
  const weightCell = { row, col: cols.weight };
  const scoreCell = { row, col: cols.score };
  const aligned = [weightCell, scoreCell].some((ref) => parseAmount(sheet.cell(ref.row, ref.col).raw).kind !== 'blank');
  if (!aligned) {
    const numbers: CellRef[] = [];
    for (let c = label.col + 1; c <= sheet.right && numbers.length < 2; c++) {
      const cell = sheet.cell(row, c);
      if (cell.ref.col === c && parseAmount(cell.raw).kind === 'value') numbers.push(cell.ref);
    }
    if (numbers.length === 2) return { row, labelCell: label, weightCell: numbers[0], scoreCell: numbers[1] };
  }
  return { row, labelCell: label, weightCell, scoreCell };
}

export function readIndicatorBlock(sheet: SheetView, headerRow: number): { block: IndicatorBlock; total: TotalRow | null } {
  const found = headerColumns(sheet, headerRow, indicatorHeaderRole);
  if (!isIndicatorHeader(found)) throw new Error('not an indicator header');
  const columns = found;
  const roleCols = Object.values(columns).filter((c): c is number => c !== undefined);
  const blockLeft = Math.min(...roleCols);
  // The block's own left label (绩效指标 merged down column A) must not end the block.
  const outerLabelEnds = (r: number): boolean => {
    for (let c = sheet.left; c < blockLeft; c++) {
      // Row numbers (序号) in an outer column are not a new section.
      const own = sheet.ownValue(r, c);
      if (typeof own === 'string' && !/^\d+$/.test(labelText(own)) && labelText(own) !== '') return true;
    }
    return false;
  };
  const rows: IndicatorRow[] = [];
  let total: TotalRow | null = null;
  let level1 = '';
  let level1Cell: CellRef | null = null;
  let level2 = '';
  let level1Shown = '';
  let level2Shown = '';
  let blanks = 0;
  const shownAt = (r: number, role: IndicatorColumnRole): string => {
    const c = columns[role];
    return c === undefined ? '' : displayText(sheet.cell(r, c).raw);
  };
  const text = (r: number, role: IndicatorColumnRole): string => {
    const c = columns[role];
    return c === undefined ? '' : labelText(sheet.valueAt(r, c));
  };
  for (let r = headerRow + 1; r <= sheet.bottom; r++) {
    const totalLabel = totalLabelCell(sheet, r, columns.weight);
    if (totalLabel) {
      total = totalCells(sheet, r, totalLabel, columns);
      break;
    }
    if (outerLabelEnds(r)) break;
    // A second header (a second form below) ends the block; only a 分值-like cell makes that worth checking.
    if (indicatorHeaderRole(sheet.label(r, columns.weight)) === 'weight' && isIndicatorHeader(headerColumns(sheet, r, indicatorHeaderRole))) break;
    if (columns.level1 !== undefined) {
      const cell = sheet.cell(r, columns.level1);
      const l1 = labelText(cell.raw);
      if (l1 !== '' && l1 !== level1) {
        level1 = l1;
        level1Shown = displayText(cell.raw);
        level1Cell = cell.ref;
        level2 = '';
        level2Shown = '';
      }
    }
    const l2 = text(r, 'level2');
    if (l2 !== '') {
      level2 = l2;
      level2Shown = shownAt(r, 'level2');
    }
    const name = text(r, 'level3');
    const filled = ['target', 'actual', 'weight', 'score'].some((role) => text(r, role as IndicatorColumnRole) !== '');
    if (!filled && name === '') {
      if (++blanks >= 3) break;
      continue;
    }
    blanks = 0;
    if (isSubtotalLabel(name) || isSubtotalLabel(l2)) continue;
    rows.push({ row: r, level1, level1Cell, level2, name, display: [level1Shown, level2Shown, shownAt(r, 'level3')].filter((p) => p !== '').join('／') });
  }
  return { block: { headerRow, columns, rows }, total };
}
