import type { RuleMeta } from '../rule';

/** Checked by report/crossCheck.ts: an execution rate the narrative states, recomputed from the form. */
export const meta: RuleMeta = {
  id: 'report.rate-mismatch',
  severity: 'warning',
  part: 'funds',
  title: '报告所述执行率与表不符',
  description:
    '自评报告写出的（整体或某一支出行的）预算执行率，与按自评表该行全年执行数 ÷ 全年预算数算出的执行率（按报告写到的位数）不符。',
  source: 'r-6-4',
  docs: 'docs/rules/report.rate-mismatch.md',
  messages: {
    main: '{where}写{line}执行率 {stated}%，按自评表“{label}”全年执行数 {exec} ÷ 全年预算数 {budget} 为 {rate}%。',
  },
  fix: null,
};
