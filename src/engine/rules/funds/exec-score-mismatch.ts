import { limitsOf } from '../../profile/limits';
import { executionScore } from '../../assess/execution';
import { Dec, money, plain } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { defineRule, fill, type RuleMeta } from '../rule';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'funds.exec-score-mismatch',
  severity: 'error',
  part: 'funds',
  title: '执行率得分错误',
  description:
    '执行率得分 = 分值 × min(执行率, 1)，保留两位小数；每个带分值的资金行（贵州的明细行也是）都核对。',
  source: 'r-2-5',
  docs: 'docs/rules/funds.exec-score-mismatch.md',
  messages: {
    main: '{where}应为 分值 {weight} × min(执行率 {exec} ÷ {budget} = {rate}, 100%) = {expected}，实填 {stated}，相差 {gap}。',
    fromRate:
      '{where}应为 分值 {weight} × min(填报的执行率 {rate}, 100%) = {expected}，实填 {stated}，相差 {gap}（表中没有预算数和执行数，按填报的执行率复算）。',
    weightSuspect:
      '{where}与分值不符：按所填分值 {weight} 应为 {weight} × min(执行率 {rate}, 100%) = {expected}，实填 {stated}；而 {stated} 正是{profile}的标准分值 {standard} × min({rate}, 100%)，像是分值写错了。请核对分值（标准为 {standard}）和得分，未给出修正。',
  },
  fix: '填入复算的执行率得分。',
};

/** docs/rules.md#r-2-5, #r-2-7: 得分 = 分值 × min(执行率, 1), for every scored funds row. */
export const fundsExecutionScore = defineRule(meta, ({ assessment, profile }) =>
  assessment.execution.flatMap((e) => {
    if (
      e.expected === null ||
      e.percent === null ||
      e.stated.kind !== 'value' ||
      (!e.fromRate && (!e.budget || !e.exec))
    )
      return [];
    const stated = e.stated.value;
    if (agrees(stated, e.expected, limitsOf(profile).scoreTolerance)) return [];
    const where = e.inSum && e.row.kind === 'total' ? '执行率得分' : `${e.row.display}执行率得分`;
    // 分值 100 with 得分 10 at 100%: the score is the standard weight's, so the 分值 is as likely
    // the wrong cell as the 得分 (上饶 2021): said so, and neither gets a fix.
    const standard = new Dec(profile.standardWeights.execution);
    if (
      e.weightCell &&
      !e.weight.equals(standard) &&
      stated.equals(executionScore(standard, e.percent, profile))
    )
      return [
        {
          cells: [e.weightCell, e.scoreCell],
          message: fill(meta.messages.weightSuspect, {
            where,
            weight: plain(e.weight),
            rate: formatPercent(e.percent, 2),
            expected: plain(e.expected, profile.scoreDecimals),
            stated: plain(stated, 4),
            profile: profile.name,
            standard: profile.standardWeights.execution,
          }),
          expected: plain(e.expected, profile.scoreDecimals),
          actual: plain(stated, 4),
          fix: null,
        },
      ];
    return [
      {
        cells: e.weightCell ? [e.scoreCell, e.weightCell] : [e.scoreCell],
        message: fill(e.fromRate ? meta.messages.fromRate : meta.messages.main, {
          where,
          weight: plain(e.weight),
          exec: e.exec ? money(e.exec) : '',
          budget: e.budget ? money(e.budget) : '',
          rate: formatPercent(e.percent, 2),
          expected: plain(e.expected, profile.scoreDecimals),
          stated: plain(stated, 4),
          gap: plain(e.expected.minus(stated).abs(), profile.scoreDecimals),
        }),
        expected: plain(e.expected, profile.scoreDecimals),
        actual: plain(stated, 4),
        fix: assessment.disputedRows.has(e.row.row)
          ? null
          : { cell: e.scoreCell, value: plain(e.expected, profile.scoreDecimals) },
      },
    ];
  }),
);
