import type { RuleMeta } from '../rule';

/** Checked by report/crossCheck.ts: a list the narrative itemises against the total it states. */
export const meta: RuleMeta = {
  id: 'report.itemised-sum-mismatch',
  severity: 'warning',
  part: 'funds',
  title: '报告列举的分项之和与所述合计不符',
  description:
    '自评报告先写一个合计，再用“其中……”或“一是……二是……”列出分项金额，分项之和与所述合计相差超过金额容差。',
  source: 'r-6-3',
  docs: 'docs/rules/report.itemised-sum-mismatch.md',
  messages: {
    main: '{where}列出的各项 {parts} = {added} 万元，与所述合计 {stated} {unit} 不符，相差 {diff} 万元。',
    withForm:
      '{where}列出的各项 {parts} = {added} 万元，与所述合计 {stated} {unit} 不符，相差 {diff} 万元（自评表“{label}”全年执行数 {cell} 为 {form}）。',
  },
  fix: null,
};
