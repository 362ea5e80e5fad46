import { indicatorAnchorCol } from '../../model/anchor';
import { plain } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'total.missing',
  severity: 'info',
  part: 'total',
  title: '未找到总分行',
  description: '指标表下没有“总分 / 合计”行（表头里也没有自评总分），无法核对总分。',
  source: 'r-4-1',
  docs: 'docs/rules/total.missing.md',
  messages: {
    main: '未找到“总分”行，无法核对总分；各项分值之和为 {weights}，得分之和为 {scores}。',
  },
  fix: null,
};

/** docs/rules.md#r-4-1: without a total row there is nothing to check Σ against; say the sums. */
export const totalMissing = defineRule(meta, ({ form, assessment }) =>
  // A target-only form scores nothing, so it has no total to miss (RULES §1.1).
  form.indicators && !form.total && form.indicators.columns.score !== undefined
    ? [
        {
          cells: [
            {
              row: form.indicators.headerRow,
              col: indicatorAnchorCol(form.indicators.columns, form.range.left),
            },
          ],
          message: fill(meta.messages.main, {
            weights: plain(assessment.weightSum),
            scores: plain(assessment.statedScoreSum),
          }),
        },
      ]
    : [],
);
