import { columnLetters } from '../../grid/address';
import { totalCells } from '../../locate/indicators';
import { indicatorRowCells } from '../../locate/rowCells';
import type { FormModel, IndicatorBlock, LabelledBlock } from '../../model/form';
import { parseAmount } from '../../values/amount';
import { displayText } from '../../values/text';
import type { ChoiceGenerator, Option } from './choice';

/**
 * Two columns whose headers both name the weight (Jiangxi: 自评权重 beside 分值). Either may hold
 * the rows' weights; the other, where its cells are merged down a block, holds the block's weight
 * (RULES §1.1: 自评权重 is never a row's 分值).
 */
export const weightColumns: ChoiceGenerator = (form) => {
  const block = form.indicators;
  const others = block?.header.alternatives.weight ?? [];
  if (!block || block.columns.weight === undefined || others.length === 0) return null;
  const current = block.columns.weight;
  const rowBlocks = new Map(block.rows.map((r) => [r.row, r.blocks.length]));
  const header = (col: number) => form.sheet.label(block.header.row, col);
  return {
    kind: 'weights',
    base: `分值取 ${columnLetters(current)} 列（${block.header.labels.weight ?? header(current)}）`,
    alternatives: others.map((col): Option => {
      const indicators = withWeightColumn(form, block, col, current);
      const merged = indicators.rows.some((r) => r.blocks.length > (rowBlocks.get(r.row) ?? 0));
      const total =
        form.total && form.total.weightCell && form.total.row > block.headerRow
          ? (totalCells(form.sheet, form.total.row, form.total.labelCell, indicators.columns) ??
            form.total)
          : form.total;
      return {
        says: `分值取 ${columnLetters(col)} 列（${header(col)}）${merged ? `，${columnLetters(current)} 列纵向合并的数是所在块的权重` : ''}`,
        form: { ...form, indicators, total },
      };
    }),
  };
};

function withWeightColumn(
  form: FormModel,
  block: IndicatorBlock,
  weight: number,
  blockWeight: number,
): IndicatorBlock {
  const { sheet } = form;
  const columns = { ...block.columns, weight };
  return {
    ...block,
    columns,
    rows: block.rows.map((row) => {
      const m = sheet.mergeAt(row.row, blockWeight);
      const top = sheet.cell(row.row, blockWeight);
      const value = parseAmount(top.raw);
      const blocks: LabelledBlock[] =
        m && m.bottom > m.top && value.kind === 'value'
          ? [
              {
                cell: top.ref,
                label: `${displayText(sheet.cell(row.row, block.columns.level1 ?? blockWeight).raw)}（${columnLetters(blockWeight)} 列权重）`,
                weight: value.value.toString(),
              },
            ]
          : [];
      return {
        ...row,
        blocks: [...row.blocks, ...blocks],
        cells: indicatorRowCells(sheet, row.row, columns),
      };
    }),
  };
}
