import { toA1, uncomputedCells } from '../../model/cells';
import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'form.formula-not-computed',
  severity: 'info',
  part: 'form',
  title: '公式未计算',
  description:
    '表内有公式没有计算结果（文件保存时未重新计算）：这些格的值未知，不按空白或 0 核对。',
  source: 'r-1-3',
  docs: 'docs/rules/form.formula-not-computed.md',
  messages: {
    main: '{count} 个公式单元格没有计算结果（{cells}），值未知，未按空白或 0 核对；请在 Excel 中打开、重新计算并保存后再校验。',
  },
  fix: null,
};

/** The most cells a message names before it says "等". */
const NAMED = 8;

/** docs/rules.md#r-1-3: formulas in the form whose result the file does not carry. */
export const formFormulaNotComputed = defineRule(meta, ({ form }) => {
  const cells = uncomputedCells(form);
  if (cells.length === 0) return [];
  const names = cells.slice(0, NAMED).map(toA1).join('、') + (cells.length > NAMED ? ' 等' : '');
  return [{ cells, message: fill(meta.messages.main, { count: cells.length, cells: names }) }];
});
