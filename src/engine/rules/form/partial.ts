import { formAnchor } from '../../locate/locateForm';
import { defineRule } from '../rule';

/** A form with one block missing is still checked; say which part could not be found. */
export const formPartial = defineRule(
  { id: 'form.partial', title: '表格部分内容未找到', severity: 'info', part: 'form' },
  ({ form }) => {
    const anchor = formAnchor(form);
    const missing: string[] = [];
    if (!form.funds) missing.push('未找到“全年预算数／全年执行数”资金部分，资金与执行率未核对，不给出复算总分和等级');
    if (!form.indicators) missing.push('未找到“年度指标值／实际完成值／得分”绩效指标部分，指标与总分未核对，不给出复算总分和等级');
    return missing.map((message) => ({ cells: [anchor], message: `${message}。` }));
  },
);
