import { fmt, type NarrativeRule } from '../../narrative/context';
import { toA1 } from '../../model/cells';
import type { RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'report.total-score-mismatch',
  severity: 'warning',
  part: 'total',
  title: '报告所述自评得分与表不符',
  description: '自评报告写出的自评总分（自评得分、评分）与自评表总分行的得分不符。',
  source: 'r-6-5',
  docs: 'docs/rules/report.total-score-mismatch.md',
  messages: {
    main: '{where}写自评得分 {stated} 分，自评表总分得分（{cell}）为 {form}。',
  },
  fix: null,
};

/** docs/rules.md#r-6-5: the 自评得分 stated, against the form's 总分 row. */
export const reportTotalScoreMismatch: NarrativeRule = {
  meta,
  scope: 'mention',
  check(m, { facts }) {
    const total = facts.total;
    if (
      m.kind !== 'score' ||
      !total ||
      !/总分|得分|评分|自评/.test(m.lead) ||
      /指标|分值|权重|满分/.test(m.lead) ||
      m.value.equals(total.value)
    )
      return null;
    return {
      at: m,
      cells: [total.cell],
      template: 'main',
      values: { stated: m.number, cell: toA1(total.cell), form: fmt(total.value) },
      expected: fmt(total.value),
      actual: m.number,
    };
  },
};
