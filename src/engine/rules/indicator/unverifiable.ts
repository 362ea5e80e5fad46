import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName } from '../support/describe';

export const meta: RuleMeta = {
  id: 'indicator.unverifiable',
  severity: 'info',
  part: 'indicators',
  title: '指标得分无法复算',
  description:
    '无法复算得分的指标及原因：目标是数量而完成值是文字、单位不同、为空、时间类或控制率未注明方向。',
  source: 'r-3-5',
  docs: 'docs/rules/indicator.unverifiable.md',
  messages: { main: '{name}：{why}。' },
  fix: null,
};

/** docs/rules.md#r-3-5: rows whose score cannot be recomputed, and why. */
export const indicatorUnverifiable = defineRule(meta, ({ assessment }) =>
  assessment.indicators.flatMap((i) =>
    i.kind === 'unverifiable'
      ? [
          {
            cells: [i.cells.score],
            message: fill(meta.messages.main, { name: indicatorName(i), why: i.why }),
          },
        ]
      : [],
  ),
);
