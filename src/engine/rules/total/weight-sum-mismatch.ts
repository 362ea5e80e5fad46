import { limitsOf } from '../../profile/limits';
import { plain, sum } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { hiddenExecution } from '../support/outOfView';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'total.weight-sum-mismatch',
  severity: 'error',
  part: 'total',
  title: '分值合计与总分不符',
  description: 'Σ 分值（执行率分值 + 各指标分值）应等于总分行的分值（空白按 100）。',
  source: 'r-4-1',
  docs: 'docs/rules/total.weight-sum-mismatch.md',
  messages: {
    main: '各项分值之和为 {sum}（{exec}绩效指标 {indicators}），总分分值{stated}，相差 {gap}。',
    exec: '执行率 {weight} + ',
    stated: '为 {value}',
    blank: '未填，按 {value} 计',
  },
  fix: null,
};

/** docs/rules.md#r-4-1: Σ 分值 = the 总分 row's 分值 (100 when blank). Which weight is wrong is unknown: no fix. */
export const totalWeightSum = defineRule(meta, ({ form, assessment, profile }) => {
  const total = form.total;
  const weight = assessment.totalWeight;
  if (!total || !weight || !assessment.weightKnown) return [];
  const actual = assessment.weightSum;
  if (agrees(actual, weight.value, limitsOf(profile).scoreTolerance)) return [];
  if (hiddenExecution(form, profile, weight.value.minus(actual))) return [];
  const execWeights = assessment.execution.filter((e) => e.inSum).map((e) => e.weight);
  const indicators = sum(assessment.scored.flatMap((i) => (i.weight ? [i.weight] : [])));
  return [
    {
      cells: [total.weightCell ?? total.scoreCell],
      message: fill(meta.messages.main, {
        sum: plain(actual),
        exec: execWeights.length
          ? fill(meta.messages.exec, { weight: plain(sum(execWeights)) })
          : '',
        indicators: plain(indicators),
        stated: fill(weight.parsed.kind === 'value' ? meta.messages.stated : meta.messages.blank, {
          value: plain(weight.value),
        }),
        gap: plain(actual.minus(weight.value).abs()),
      }),
      expected: plain(weight.value),
      actual: plain(actual),
    },
  ];
});
