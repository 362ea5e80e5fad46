import { limitsOf } from '../../profile/limits';
import { isLowExecution } from '../../assess/rate';
import { money, plain } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { defineRule } from '../rule';

/** RULES §2.4: 执行数 > 预算数. */
export const fundsOverExecution = defineRule(
  { id: 'funds.over-execution', title: '超预算执行', severity: 'warning', part: 'funds' },
  ({ assessment, profile }) =>
    assessment.rates.flatMap((r) => {
      const over = r.exec.minus(r.budget);
      if (over.lessThanOrEqualTo(limitsOf(profile).amountTolerance)) return [];
      return [{
        cells: [r.execCell, r.budgetCell],
        message: `${r.row.display}全年执行数 ${money(r.exec)} 超过${r.budgetName} ${money(r.budget)}，超出 ${money(over)}，请说明原因。`,
        expected: `≤ ${money(r.budget)}`,
        actual: money(r.exec),
      }];
    }),
);

/** RULES §2.4: a rate below 90% asks for the reason. */
export const fundsLowExecution = defineRule(
  { id: 'funds.low-execution', title: '预算执行率偏低', severity: 'warning', part: 'funds' },
  ({ assessment, profile }) => [
    ...assessment.rates.flatMap((r) => {
      if (r.percent === null || !isLowExecution(r.percent, profile)) return [];
      return [{
        cells: [r.rateCell ?? r.execCell],
        message: `${r.row.display}预算执行率 ${formatPercent(r.percent, 2)} 低于 ${profile.lowExecutionPercent}%，请在报告中说明原因及改进措施。`,
        expected: `≥ ${profile.lowExecutionPercent}%`,
        actual: formatPercent(r.percent, 2),
      }];
    }),
    ...assessment.statedOnlyRates.flatMap((r) =>
      isLowExecution(r.percent, profile)
        ? [{
            cells: [r.rateCell],
            message: `${r.row.display}填报的预算执行率 ${formatPercent(r.percent, 2)} 低于 ${profile.lowExecutionPercent}%（预算数或执行数未填，无法复算），请说明原因及改进措施。`,
            expected: `≥ ${profile.lowExecutionPercent}%`,
            actual: formatPercent(r.percent, 2),
          }]
        : [],
    ),
  ],
);

/** RULES §2.5, §2.7: 得分 = 分值 × min(执行率, 1), for every scored funds row. */
export const fundsExecutionScore = defineRule(
  { id: 'funds.exec-score-mismatch', title: '执行率得分错误', severity: 'error', part: 'funds' },
  ({ assessment, profile }) =>
    assessment.execution.flatMap((e) => {
      if (e.expected === null || e.percent === null || e.stated.kind !== 'value') return [];
      const stated = e.stated.value;
      if (stated.minus(e.expected).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance)) return [];
      const where = e.inSum && e.row.kind === 'total' ? '执行率得分' : `${e.row.display}执行率得分`;
      return [{
        cells: e.weightCell ? [e.scoreCell, e.weightCell] : [e.scoreCell],
        message: `${where}应为 分值 ${plain(e.weight)} × min(执行率 ${formatPercent(e.percent, 2)}, 100%) = ${plain(e.expected)}，实填 ${plain(stated, 4)}，相差 ${plain(e.expected.minus(stated).abs())}。`,
        expected: plain(e.expected),
        actual: plain(stated, 4),
        fix: { cell: e.scoreCell, value: plain(e.expected) },
      }];
    }),
);

export const fundsExecutionScoreBlank = defineRule(
  { id: 'funds.exec-score-blank', title: '执行率得分未填', severity: 'warning', part: 'funds' },
  ({ assessment }) =>
    assessment.execution.flatMap((e) => {
      if (e.stated.kind !== 'blank') return [];
      return [{
        cells: [e.scoreCell],
        message: e.expected === null
          ? `执行率分值为 ${plain(e.weight)}，得分未填写。`
          : `执行率得分未填写，应为 分值 ${plain(e.weight)} × min(执行率, 100%) = ${plain(e.expected)}。`,
        expected: e.expected === null ? null : plain(e.expected),
        actual: '',
        fix: e.expected === null ? null : { cell: e.scoreCell, value: plain(e.expected) },
      }];
    }),
);

export const fundsExecutionUnverifiable = defineRule(
  { id: 'funds.exec-score-unverifiable', title: '执行率得分无法复算', severity: 'info', part: 'funds' },
  ({ assessment }) =>
    assessment.execution.flatMap((e) => (e.expected !== null || !e.why ? [] : [{ cells: [e.scoreCell], message: `执行率得分无法复算：${e.why}。` }])),
);

/** RULES §2.5: a 得分 on a funds row with no 分值 is not counted. */
export const fundsStrayScore = defineRule(
  { id: 'funds.stray-score', title: '明细行填写了得分', severity: 'info', part: 'funds' },
  ({ assessment }) =>
    assessment.strayScoreCells.map((cell) => ({
      cells: [cell],
      message: '该行填写了得分但没有分值：只有计分的行（通常是合计行）填分值和得分，明细行应填“－”或留空；该单元格未计入总分核对。',
    })),
);
