import { plain } from '../../values/decimal';
import { uncomputed } from '../support/uncomputed';
import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'funds.exec-score-blank',
  severity: 'warning',
  part: 'funds',
  title: '执行率得分未填',
  description: '资金行有分值而得分空白。',
  source: 'r-2-5',
  docs: 'docs/rules/funds.exec-score-blank.md',
  messages: {
    known: '执行率得分未填写，应为 分值 {weight} × min(执行率, 100%) = {expected}。',
    unknown: '执行率分值为 {weight}，得分未填写。',
  },
  fix: '能复算时填入复算的执行率得分。',
};

/** docs/rules.md#r-2-5: 分值 set, 得分 blank. */
export const fundsExecutionScoreBlank = defineRule(meta, ({ form, assessment, profile }) =>
  assessment.execution.flatMap((e) => {
    if (e.stated.kind !== 'blank' || uncomputed(form, e.scoreCell)) return [];
    return [
      {
        cells: [e.scoreCell],
        message:
          e.expected === null
            ? fill(meta.messages.unknown, { weight: plain(e.weight) })
            : fill(meta.messages.known, {
                weight: plain(e.weight),
                expected: plain(e.expected, profile.scoreDecimals),
              }),
        expected: e.expected === null ? null : plain(e.expected, profile.scoreDecimals),
        actual: '',
        fix:
          e.expected === null || assessment.disputedRows.has(e.row.row)
            ? null
            : { cell: e.scoreCell, value: plain(e.expected, profile.scoreDecimals) },
      },
    ];
  }),
);
