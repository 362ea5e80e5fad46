import { plain } from '../../values/decimal';
import { uncomputed } from '../support/uncomputed';
import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'total.score-blank',
  severity: 'warning',
  part: 'total',
  title: '总分得分未填',
  description: '总分行的得分空白。',
  source: 'r-4-2',
  docs: 'docs/rules/total.score-blank.md',
  messages: { main: '总分得分未填写，各项得分之和为 {sum}。' },
  fix: '分值之和正确且每项都填了得分时，填入各项得分之和。',
};

/** docs/rules.md#r-4-2: the 总分 row's 得分 left blank. */
export const totalScoreBlank = defineRule(meta, ({ form, assessment }) => {
  const total = form.total;
  if (!total || !assessment.totalScore || assessment.totalScore.kind !== 'blank') return [];
  if (uncomputed(form, total.scoreCell)) return [];
  const actual = assessment.statedScoreSum;
  return [
    {
      cells: [total.scoreCell],
      message: fill(meta.messages.main, { sum: plain(actual) }),
      expected: plain(actual),
      actual: '',
      fix:
        assessment.weightsAddUp && assessment.allScoresStated
          ? { cell: total.scoreCell, value: plain(actual) }
          : null,
    },
  ];
});
