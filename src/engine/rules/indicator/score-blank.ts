import { recomputed } from '../../assess/indicators';
import { plain } from '../../values/decimal';
import { uncomputed } from '../support/uncomputed';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName } from '../support/describe';

export const meta: RuleMeta = {
  id: 'indicator.score-blank',
  severity: 'warning',
  part: 'indicators',
  title: '得分未填',
  description: '指标有分值而得分空白。',
  source: 'r-3-1',
  docs: 'docs/rules/indicator.score-blank.md',
  messages: {
    main: '{name}：分值 {weight}，得分未填写{should}。',
    should: '，按完成情况应为 {expected}',
  },
  fix: '能复算（定量指标）时填入复算得分。',
};

/** docs/rules.md#r-3-1: 分值 set, 得分 blank. */
export const indicatorScoreBlank = defineRule(meta, ({ form, assessment, profile }) =>
  assessment.indicators.flatMap((i) => {
    if (i.weight === null || i.score.kind !== 'blank' || i.kind === 'na' || i.kind === 'unscored')
      return [];
    if (uncomputed(form, i.cells.score)) return [];
    const expected = recomputed(i);
    return [
      {
        cells: [i.cells.score],
        message: fill(meta.messages.main, {
          name: indicatorName(i),
          weight: plain(i.weight),
          should: expected
            ? fill(meta.messages.should, { expected: plain(expected, profile.scoreDecimals) })
            : '',
        }),
        expected: expected ? plain(expected, profile.scoreDecimals) : null,
        actual: '',
        fix: expected
          ? { cell: i.cells.score, value: plain(expected, profile.scoreDecimals) }
          : null,
      },
    ];
  }),
);
