import { isReverse } from '../../values/comparator';
import { formatPercent } from '../../values/percent';
import { plain } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName } from '../support/describe';

export const meta: RuleMeta = {
  id: 'indicator.coefficient-mismatch',
  severity: 'error',
  part: 'indicators',
  title: '得分系数与完成情况不符',
  description: '重庆版：得分系数应等于复算的完成比例（完成目标为 100%），按填写精度比较。',
  source: 'r-3-2',
  docs: 'docs/rules/indicator.coefficient-mismatch.md',
  messages: {
    main: '{name}：{basis}，得分系数应为 {how}，实填 {stated}。',
    met: '100%（已完成目标）',
    forward: '完成 {b} ÷ 目标 {a} = {should}',
    reverse: '目标 {a} ÷ 完成 {b} = {should}',
  },
  fix: '填入复算的得分系数（两位小数的百分比）。',
};

/** docs/rules.md#r-3-2 (得分系数): the stated coefficient must be the ratio recomputed from target and actual. */
export const indicatorCoefficientMismatch = defineRule(meta, ({ assessment }) =>
  assessment.indicators.flatMap((i) => {
    if (
      i.kind !== 'quantitative' ||
      !i.coefficient ||
      i.coefficient.kind !== 'differs' ||
      !i.cells.coefficient
    )
      return [];
    const v = i.coefficient;
    const should = formatPercent(i.ratio.times(100), Math.max(2, v.decimals));
    const how = i.met
      ? meta.messages.met
      : fill(isReverse(i.comparator) ? meta.messages.reverse : meta.messages.forward, {
          a: plain(i.a, 6),
          b: plain(i.b, 6),
          should,
        });
    return [
      {
        cells: [i.cells.coefficient, i.cells.score],
        message: fill(meta.messages.main, {
          name: indicatorName(i),
          basis: i.basis(),
          how,
          stated: formatPercent(v.percent, v.decimals),
        }),
        expected: should,
        actual: formatPercent(v.percent, v.decimals),
        fix: { cell: i.cells.coefficient, value: should },
      },
    ];
  }),
);
