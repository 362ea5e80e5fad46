import { limitsOf } from '../../profile/limits';
import { plain, sum } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { hiddenExecution } from '../support/outOfView';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'total.score-sum-mismatch',
  severity: 'error',
  part: 'total',
  title: '得分合计与总分不符',
  description: 'Σ 得分（执行率得分 + 各指标得分）应等于总分行的得分。',
  source: 'r-4-2',
  docs: 'docs/rules/total.score-sum-mismatch.md',
  messages: {
    main: '各项得分之和为 {sum}（{exec}绩效指标 {indicators}），总分得分填 {stated}，相差 {gap}。',
    exec: '执行率 {score} + ',
  },
  fix: '分值之和正确且每项都填了得分时，填入各项得分之和。',
};

/** docs/rules.md#r-4-2: Σ 得分 = the 总分 row's 得分. */
export const totalScoreSum = defineRule(meta, ({ form, assessment, profile }) => {
  const total = form.total;
  const stated = assessment.totalScore;
  if (!total || !stated || stated.kind !== 'value') return [];
  const actual = assessment.statedScoreSum;
  if (agrees(actual, stated.value, limitsOf(profile).scoreTolerance)) return [];
  if (hiddenExecution(form, profile, stated.value.minus(actual))) return [];
  const execScores = assessment.execution
    .filter((e) => e.inSum)
    .flatMap((e) => (e.stated.kind === 'value' ? [e.stated.value] : []));
  return [
    {
      cells: [total.scoreCell],
      message: fill(meta.messages.main, {
        sum: plain(actual),
        exec: execScores.length ? fill(meta.messages.exec, { score: plain(sum(execScores)) }) : '',
        indicators: plain(actual.minus(sum(execScores))),
        stated: plain(stated.value, 4),
        gap: plain(actual.minus(stated.value).abs()),
      }),
      expected: plain(actual),
      actual: plain(stated.value, 4),
      // The stated scores are a safe total only when the weights add up and every score is there.
      fix:
        assessment.weightsAddUp && assessment.allScoresStated
          ? { cell: total.scoreCell, value: plain(actual) }
          : null,
    },
  ];
});
