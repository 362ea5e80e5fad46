import type { RuleMeta } from '../rule';

/**
 * Checked by report/crossCheck.ts: a count the report's 基本情况 states against the same count
 * on the form (部门职责, 人员编制, 实有人数).
 */
export const meta: RuleMeta = {
  id: 'report.count-mismatch',
  severity: 'warning',
  part: 'form',
  title: '报告所述数量与表不符',
  description:
    '自评报告基本情况写出的数量（带量词和名词，如 3246家基层工会、编制 3 人、实有 8 人）与自评表部门职责或人员情况中的同一数量不符。',
  source: 'r-6-2',
  docs: 'docs/rules/report.count-mismatch.md',
  messages: {
    duties: '{where}写 {stated}，自评表部门职责（{cell}）写 {form}。',
    authorised: '{where}写编制 {stated} 人，自评表人员编制（{cell}）为 {form}。',
    actual: '{where}写实有 {stated} 人，自评表实有人数（{cell}）为 {form}。',
    inService:
      '{where}写在职 {stated} 人{retired}，自评表实有人数（{cell}）为 {form}，两者都对不上。',
  },
  fix: null,
};
