import { formAnchor } from '../../model/anchor';
import { defineRule, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'form.partial',
  severity: 'info',
  part: 'form',
  title: '表格部分内容未找到',
  description:
    '只找到资金或绩效指标中的一部分：仍核对找到的部分，说明缺哪部分，不给复算总分和等级。',
  source: 'r-1-2',
  docs: 'docs/rules/form.partial.md',
  messages: {
    funds: '未找到“全年预算数／全年执行数”资金部分，资金与执行率未核对，不给出复算总分和等级。',
    indicators:
      '未找到“年度指标值／实际完成值／得分”绩效指标部分，指标与总分未核对，不给出复算总分和等级。',
  },
  fix: null,
};

/** docs/rules.md#r-1-2: a form with one block missing is still checked; say which part could not be found. */
export const formPartial = defineRule(meta, ({ form }) => {
  const missing: string[] = [];
  if (!form.funds) missing.push(meta.messages.funds);
  if (!form.indicators) missing.push(meta.messages.indicators);
  return missing.map((message) => ({ cells: [formAnchor(form)], message }));
});
