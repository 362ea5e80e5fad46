import { parseA1 } from '../../engine/grid/address';
import { SheetView } from '../../engine/grid/sheet';
import type { GridSnapshot } from '../../engine/grid/types';
import { amountValue } from '../../engine/values/amount';
import { displayText, isNotApplicable } from '../../engine/values/text';

function isLabel(raw: unknown): raw is string {
  return (
    typeof raw === 'string' &&
    displayText(raw) !== '' &&
    amountValue(raw) === null &&
    !isNotApplicable(raw) &&
    !/%$/.test(displayText(raw))
  );
}

/**
 * The row and column labels of a cell, for a table that has no A1 headers (a Word table):
 * E12 of the seed → { row: '（2）项目支出', column: '全年执行数' }. The row label is the nearest
 * label to the left, the column label the nearest label above (through merges); '' when none.
 */
export function cellLabels(
  snapshot: GridSnapshot,
  address: string,
): { row: string; column: string } {
  const ref = parseA1(address);
  if (!ref) return { row: '', column: '' };
  const sheet = new SheetView(snapshot);
  // The row's own label: the first label left of the cell that is not merged down over other rows
  // (those are block captions: 整体资金, 资金来源, 产出指标); a 合计 is named with its block.
  const left: { text: string; spansRows: boolean }[] = [];
  for (let c = sheet.left; c < ref.col; c++) {
    const cell = sheet.cell(ref.row, c);
    if (cell.ref.col !== c || !isLabel(cell.raw)) continue;
    const merge =
      snapshot.merges.find((m) => m.top === cell.ref.row && m.left === cell.ref.col) ??
      snapshot.merges.find((m) => m.top <= ref.row && ref.row <= m.bottom && m.left === c);
    left.push({ text: displayText(cell.raw), spansRows: !!merge && merge.bottom > merge.top });
  }
  const ownAt = left.findIndex((l) => !l.spansRows);
  const own = ownAt >= 0 ? left[ownAt] : left[left.length - 1];
  const caption = ownAt > 0 ? left[ownAt - 1].text : '';
  let row = own ? own.text : '';
  if (/^(?:合计|小计|总计)$/.test(row) && caption) row = `${caption}${row}`;
  if (row.length > 24) row = `${row.slice(0, 23)}…`;
  let column = '';
  for (let r = ref.row - 1; r >= sheet.top && !column; r--) {
    const cell = sheet.cell(r, ref.col);
    if (cell.ref.row === ref.row) continue;
    if (isLabel(cell.raw) && displayText(cell.raw).length <= 16) column = displayText(cell.raw);
  }
  return { row, column };
}
