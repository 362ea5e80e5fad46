import type { RuleMeta } from '../rule';

/**
 * Checked by report/crossCheck.ts over the 自评报告's paragraphs (not a rule over the form alone):
 * an amount the narrative states for a line of the 资金 block against that line's 全年执行数.
 */
export const meta: RuleMeta = {
  id: 'report.amount-mismatch',
  severity: 'warning',
  part: 'funds',
  title: '报告所述金额与表不符',
  description:
    '自评报告写出的某一支出行金额（整体支出、基本支出、人员经费、公用经费、项目支出、财政拨款）与自评表该行的全年执行数不符（按报告写到的位数比较，万元与元换算后）。',
  source: 'r-6-1',
  docs: 'docs/rules/report.amount-mismatch.md',
  messages: {
    main: '{where}写{line} {stated} {unit}，自评表“{label}”全年执行数（{cell}）为 {form} {formUnit}，相差 {diff} 万元。',
    fromParts:
      '{where}写{line} {stated} {unit}，自评表“{label}”全年执行数（{cell}）未填，按各项之和为 {form} {formUnit}，相差 {diff} 万元。',
  },
  fix: null,
};
