import { toA1 } from '../../grid/address';
import { isTotalLabel } from '../../locate/labels';
import { totalRow } from '../../locate/rowCells';
import type { CellRef } from '../../grid/types';
import type { FormModel, TotalRow } from '../../model/form';
import { totalCells } from '../../locate/indicators';
import { parseAmount } from '../../values/amount';
import type { ChoiceGenerator } from './choice';

/**
 * A 总分 label in a column right of the indicator names (Yunnan 公开14表: `其他需要说明事项 | 无 |
 * 总分 | 100 | 96 | 优`): the row is either an indicator or the total, and its 分值 / 得分 are the
 * numbers right of the label. Offered only when no total was found.
 */
function numbersRightOf(form: FormModel, row: number, c: number): TotalRow | null {
  const { sheet } = form;
  const numbers: CellRef[] = [];
  for (let cc = c + 1; cc <= sheet.right && numbers.length < 2; cc++) {
    const next = sheet.cell(row, cc);
    if (next.ref.col === cc && parseAmount(next.raw).kind === 'value') numbers.push(next.ref);
  }
  if (numbers.length === 0) return null;
  const [weight, score] = numbers.length === 2 ? numbers : [null, numbers[0]];
  return totalRow(sheet, row, sheet.cell(row, c).ref, weight, score);
}

export const totalInSharedRow: ChoiceGenerator = (form) => {
  const block = form.indicators;
  if (!block || form.total) return null;
  const { sheet } = form;
  for (const row of block.rows) {
    for (let c = sheet.left; c <= sheet.right; c++) {
      const cell = sheet.cell(row.row, c);
      if (cell.ref.col !== c || !isTotalLabel(sheet.label(row.row, c))) continue;
      // Its 分值 and 得分: the block's columns when the label stands left of them, else the
      // numbers right of the label.
      const numberOrBlank = (col: number | undefined) =>
        col === undefined ||
        ['value', 'blank'].includes(parseAmount(sheet.valueAt(row.row, col)).kind);
      const { weight, score } = block.columns;
      const total =
        score !== undefined &&
        c < score &&
        c < (weight ?? score) &&
        numberOrBlank(score) &&
        numberOrBlank(weight)
          ? totalCells(sheet, row.row, cell.ref, block.columns)
          : numbersRightOf(form, row.row, c);
      if (!total) continue;
      const alternative: FormModel = {
        ...form,
        indicators: { ...block, rows: block.rows.filter((r) => r.row < row.row) },
        total,
      };
      return {
        kind: 'total-row',
        base: `第 ${row.row + 1} 行是一条指标`,
        alternatives: [
          {
            says: `第 ${row.row + 1} 行是总分行（“${sheet.label(row.row, c)}”在 ${toA1(cell.ref)}）`,
            form: alternative,
          },
        ],
      };
    }
  }
  return null;
};
