import type { RuleMeta } from '../rule';

/** Checked by report/crossCheck.ts: the 自评得分 the narrative states against the form's 总分. */
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
