import type { RuleMeta } from '../rule';

/**
 * Not a check of its own: the fix plan (fixes/plan.ts) writes these notes. A fix that only a
 * later round of the plan brings (a rate computable once its blank 合计 is filled), or a warning
 * the corrected values will bring to light, is said beforehand so 全部修正 settles in one round.
 */
export const meta: RuleMeta = {
  id: 'fix.follow-up',
  severity: 'info',
  part: 'form',
  title: '修正计划的后续一步',
  description:
    '修正计划里由其他修正带出的一步（补上合计后才能算出的执行率），或改正后才会出现的新提醒；按 docs/rules.md 的修正计划，一次“全部修正”即可收敛。',
  source: 'r-4a',
  docs: 'docs/rules/fix.follow-up.md',
  messages: {
    fix: '按本次给出的其他修正改正后：{message}',
    revealed: '按本次给出的修正改正后：{message}',
  },
  fix: '随其他修正一起填入的值（如补上合计后的执行率）。',
};
