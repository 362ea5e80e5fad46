import { defineRule } from '../rule';

/** A form with one block missing is still checked; say which part could not be found. */
export const formPartial = defineRule(
  { id: 'form.partial', title: '表格部分内容未找到', severity: 'info', part: 'form' },
  ({ form }) => {
    const anchor = form.indicators
      ? { row: form.indicators.headerRow, col: form.indicators.columns.weight }
      : form.funds
        ? { row: form.funds.headerRow, col: form.funds.columns.budget ?? form.sheet.left }
        : { row: form.sheet.top, col: form.sheet.left };
    const missing: string[] = [];
    if (!form.funds) missing.push('未找到“全年预算数／全年执行数”资金部分，资金与执行率未核对');
    if (!form.indicators) missing.push('未找到“一级指标／三级指标／分值／得分”绩效指标部分，指标与总分未核对');
    return missing.map((message) => ({ cells: [anchor], message: `${message}。` }));
  },
);
