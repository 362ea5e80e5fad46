import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'funds.exec-score-unverifiable',
  severity: 'info',
  part: 'funds',
  title: '执行率得分无法复算',
  description: '金额缺失或预算数为 0 时，执行率得分无法复算；说明原因。',
  source: 'r-2-5',
  docs: 'docs/rules/funds.exec-score-unverifiable.md',
  messages: { main: '执行率得分无法复算：{why}。' },
  fix: null,
};

/** docs/rules.md#r-2-5: why the execution score could not be recomputed. */
export const fundsExecutionUnverifiable = defineRule(meta, ({ assessment }) =>
  assessment.execution.flatMap((e) =>
    e.expected !== null || !e.why
      ? []
      : [{ cells: [e.scoreCell], message: fill(meta.messages.main, { why: e.why }) }],
  ),
);
