import { outOfRange, recomputed } from '../../assess/indicators';
import { plain } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName } from '../support/describe';

export const meta: RuleMeta = {
  id: 'indicator.score-out-of-range',
  severity: 'error',
  part: 'indicators',
  title: '得分超出分值范围',
  description: '指标得分应在 0 到分值之间。',
  source: 'r-3-1',
  docs: 'docs/rules/indicator.score-out-of-range.md',
  messages: {
    main: '{name}：得分 {stated} 超出 0～{weight}（分值）范围{should}。',
    should: '，按完成情况应为 {expected}',
  },
  fix: '能复算（定量指标）时填入复算得分。',
  // A score outside 0～分值 is wrong whatever else is said of it: one finding on the cell.
  supersedes: [
    'indicator.score-mismatch',
    'indicator.compound-score-out-of-range',
    'indicator.qualitative-band',
  ],
};

/** docs/rules.md#r-3-1: 0 ≤ 得分 ≤ 分值. */
export const indicatorScoreOutOfRange = defineRule(meta, ({ assessment }) =>
  assessment.indicators.flatMap((i) => {
    if (!outOfRange(i) || i.weight === null || i.score.kind !== 'value') return [];
    const expected = recomputed(i);
    return [
      {
        cells: i.cells.weight ? [i.cells.score, i.cells.weight] : [i.cells.score],
        message: fill(meta.messages.main, {
          name: indicatorName(i),
          stated: plain(i.score.value, 4),
          weight: plain(i.weight),
          should: expected ? fill(meta.messages.should, { expected: plain(expected) }) : '',
        }),
        expected: expected ? plain(expected) : `0～${plain(i.weight)}`,
        actual: plain(i.score.value, 4),
        fix: expected ? { cell: i.cells.score, value: plain(expected) } : null,
      },
    ];
  }),
);
